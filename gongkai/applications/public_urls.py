from django.urls import path

from gongkai.applications import public_views

app_name = "applications_public"
urlpatterns = [
    path("apply/", public_views.apply, name="apply"),
    path("apply/submitted/", public_views.submitted, name="submitted"),
    path("track/", public_views.track, name="track"),
    path("track/letter/<str:token>/", public_views.letter_pdf_download, name="letter_pdf"),
]
