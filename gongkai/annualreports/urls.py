from django.urls import path

from gongkai.annualreports import previous_year, views

app_name = "annualreports"
urlpatterns = [
    path("", views.report_list, name="list"),
    path("checked/<int:pk>/previous-year/", previous_year.take_as_previous_year, name="take_as_previous_year"),
    path("figures/import/", views.figures_import, name="figures_import"),
    path("<slug:code>/<int:year>/", views.report_detail, name="detail"),
    path("<slug:code>/<int:year>/open/", views.report_open, name="open"),
    path("<slug:code>/<int:year>/text/", views.report_text, name="text"),
    path("<slug:code>/<int:year>/figures/", views.report_figures, name="figures"),
    path("<slug:code>/<int:year>/acknowledge/", views.report_acknowledge, name="acknowledge"),
    path("<slug:code>/<int:year>/publish/", views.report_publish, name="publish"),
    path("<slug:code>/<int:year>/report.<str:fmt>", views.report_download, name="download"),
]
