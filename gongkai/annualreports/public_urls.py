"""Mounted at /reports/ (include("gongkai.annualreports.public_urls"))."""

from django.urls import path

from gongkai.annualreports import public_views

app_name = "annualreports_public"
urlpatterns = [
    path("", public_views.published_list, name="list"),
    path("<slug:code>/<int:year>/", public_views.published_detail, name="detail"),
    path("<slug:code>/<int:year>/report.<str:fmt>", public_views.published_download, name="download"),
]
