from django.urls import path

from gongkai.services import views

app_name = "services"
urlpatterns = [
    path("", views.guide_import, name="import"),
]
