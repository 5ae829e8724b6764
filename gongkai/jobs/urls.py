from django.urls import path

from gongkai.jobs import views

app_name = "jobs"
urlpatterns = [
    path("", views.index, name="index"),
    path("<int:pk>/", views.run_detail, name="run"),
]
