from django.urls import path

from gongkai.workdays import views

app_name = "workdays"
urlpatterns = [
    path("", views.index, name="index"),
    path("<int:year>/", views.year_detail, name="year"),
    path("day/", views.edit_day, name="day"),
    path("notice/", views.load_notice, name="notice"),
]
