from django.urls import path

from gongkai.supervision import media_views, office_views, views

app_name = "supervision"
urlpatterns = [
    path("", views.overview, name="overview"),
    path("records/<slug:kind>/", views.records, name="records"),
    path("columns/", views.columns, name="columns"),
    path("columns/rule/", views.column_rule_set, name="column_rule_set"),
    path("settings/", views.settings_page, name="settings"),
    path("settings/thresholds/<int:pk>/", views.threshold_set, name="threshold_set"),
    path("settings/periods/<int:pk>/", views.period_set, name="period_set"),
    path("settings/duties/", views.duty_relaxation_set, name="duty_relaxation_set"),
    path("media/", media_views.media_list, name="media_list"),
    path("media/new/", media_views.media_new, name="media_new"),
    path("media/import/", media_views.media_import, name="media_import"),
    path("media/<int:pk>/", media_views.media_edit, name="media_edit"),
    path("media/<int:pk>/post/", media_views.media_post, name="media_post"),
    path("media/<int:pk>/close/", media_views.media_close, name="media_close"),
    path("hotline/", office_views.hotline, name="hotline"),
    path("hotline/import/", office_views.hotline_import, name="hotline_import"),
    path("inquiries/", office_views.inquiries, name="inquiries"),
    path("qr/", office_views.qr_sheet, name="qr_sheet"),
    path("village-catalogue/", office_views.village_catalogue, name="village_catalogue"),
    path("assessment/", office_views.assessment, name="assessment"),
    path("assessment/new/", office_views.assessment_create, name="assessment_create"),
    path("assessment/<int:year>/adjust/", office_views.assessment_adjust, name="assessment_adjust"),
    path("assessment/<int:year>/export.xlsx", office_views.assessment_export, name="assessment_export"),
]
