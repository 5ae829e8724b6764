"""The project's URLs plus the public report pages at /reports/, as they are meant to be mounted."""

from django.urls import include, path

from gongkai.urls import urlpatterns as project

urlpatterns = [path("reports/", include("gongkai.annualreports.public_urls")), *project]
