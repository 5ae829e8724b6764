from django.urls import path

from gongkai.applications import public_views

app_name = "applications_public"
urlpatterns = [
    path("apply/", public_views.apply, name="apply"),
    path("track/", public_views.track, name="track"),
]
