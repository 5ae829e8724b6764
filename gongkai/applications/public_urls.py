from django.urls import path

from gongkai.applications import public_views

app_name = "applications_public"
urlpatterns = [
    path("apply/", public_views.apply, name="apply"),
    path("apply/submitted/", public_views.submitted, name="submitted"),
    path("apply/submitted/receipt.pdf", public_views.submitted_receipt, name="submitted_receipt"),
    path("track/", public_views.track, name="track"),
    path("track/answer/", public_views.track_answer, name="track_answer"),
    path("track/withdraw/", public_views.track_withdraw, name="track_withdraw"),
    path("track/documents/<int:pk>/", public_views.track_document, name="track_document"),
    path("track/receipt.pdf", public_views.track_receipt, name="track_receipt"),
    path("track/letter/<str:token>/", public_views.letter_pdf_download, name="letter_pdf"),
]
