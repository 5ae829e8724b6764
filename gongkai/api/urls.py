from django.urls import path

from gongkai.api.router import api

urlpatterns = [path("", api.urls)]
