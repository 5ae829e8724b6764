from django.urls import path

from gongkai.services import views

app_name = "services_public"
urlpatterns = [
    path("", views.guide_list, name="list"),
    path("<int:pk>/", views.guide_detail, name="detail"),
]
