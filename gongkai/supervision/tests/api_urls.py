"""The supervision router on its own API, so its tests do not depend on the main router."""

from django.urls import path
from ninja import NinjaAPI

from gongkai.supervision.api import router

api = NinjaAPI(urls_namespace="supervision-api-test")
api.add_router("/supervision", router)
urlpatterns = [path("api/v1/", api.urls)]
