from django.urls import path

from gongkai.reportcheck import views

app_name = "reportcheck"
urlpatterns = [
    path("", views.upload, name="upload"),
    path("<uuid:batch>/", views.results, name="results"),
    path("<uuid:batch>/summary.csv", views.summary_csv, name="summary_csv"),
]
