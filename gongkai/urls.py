from django.conf import settings
from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    # Captcha images, drawn by the server (gongkai/throttling.py).
    path("captcha/", include("captcha.urls")),
    path("", include("gongkai.monitoring.urls")),
    path("api/v1/", include("gongkai.api.urls")),
    path("staff/", include("gongkai.agencies.urls")),
    path("staff/account/", include("gongkai.accounts.urls")),
    path("staff/publishing/", include("gongkai.publishing.urls")),
    path("staff/applications/", include("gongkai.applications.urls")),
    path("staff/appeals/", include("gongkai.appeals.urls")),
    path("staff/reports/", include("gongkai.annualreports.urls")),
    path("staff/reportcheck/", include("gongkai.reportcheck.urls")),
    path("staff/supervision/", include("gongkai.supervision.urls")),
    path("staff/calendar/", include("gongkai.workdays.urls")),
    path("staff/jobs/", include("gongkai.jobs.urls")),
    path("staff/mailbox/", include("gongkai.mailbox.urls")),
    path("staff/services/", include("gongkai.services.urls")),
    path("mailbox/", include("gongkai.mailbox.public_urls")),
    path("services/", include("gongkai.services.public_urls")),
    path("reports/", include("gongkai.annualreports.public_urls")),
    path("", include("gongkai.applications.public_urls")),
    path("", include("gongkai.portal.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Chinese error pages inside the site's frame (gongkai/errorpages.py).
handler400 = "gongkai.errorpages.bad_request"
handler403 = "gongkai.errorpages.permission_denied"
handler404 = "gongkai.errorpages.page_not_found"
handler500 = "gongkai.errorpages.server_error"
