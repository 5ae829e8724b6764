from django.urls import path

from gongkai.applications import views

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
]
