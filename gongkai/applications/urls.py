from django.urls import path

from gongkai.applications import document_views, views

app_name = "applications"
urlpatterns = [
    path("", views.queue, name="queue"),
    path("new/", views.intake, name="intake"),
    path("conversion/", views.conversion, name="conversion"),
    path("<int:pk>/", views.case, name="case"),
    path("<int:pk>/proof/", views.proof, name="proof"),
    path("<int:pk>/letters/<int:letter_pk>/", views.letter, name="letter"),
    path("<int:pk>/letters/<int:letter_pk>/pdf/", views.letter_as_pdf, name="letter_pdf"),
    path("<int:pk>/actions/<slug:name>/", views.act, name="act"),
    path("<int:pk>/receipt.pdf", document_views.receipt, name="receipt"),
    path("<int:pk>/documents/", document_views.add, name="document_add"),
    path("<int:pk>/documents/<int:document_pk>/redact/", document_views.redact, name="document_redact"),
    path("<int:pk>/documents/<int:document_pk>/pages/<int:number>/", document_views.page_image,
         name="document_page"),
    path("<int:pk>/documents/<int:document_pk>/original/", document_views.original, name="document_original"),
    path("<int:pk>/documents/<int:document_pk>/delivered/", document_views.delivered_file,
         name="document_delivered"),
    path("<int:pk>/answers/<int:file_pk>/", document_views.answer_file, name="answer_file"),
]
