from django.urls import path

from gongkai.portal import views
from gongkai.publishing.models import NodeKind

app_name = "portal"
urlpatterns = [
    path("", views.home, name="home"),
    path("search/", views.search, name="search"),
    path("items/", views.item_list, name="items"),
    path("items/<int:pk>/", views.item_detail, name="item"),
    path("items/<int:item_pk>/attachments/<int:pk>/", views.attachment, name="attachment"),
    path("agencies/<slug:code>/", views.agency_catalogue_view, name="agency"),
    path("agencies/<slug:code>/guide/", views.agency_office, {"kind": NodeKind.GUIDE}, name="guide"),
    path("agencies/<slug:code>/application-form.<str:fmt>", views.application_form, name="application_form"),
    path("agencies/<slug:code>/rules/", views.agency_office, {"kind": NodeKind.RULES}, name="rules"),
]
