"""The HTTP API (django-ninja): /api/v1/, schema at /api/v1/openapi.json."""

from ninja import NinjaAPI

api = NinjaAPI(title="Gongkai 政府信息公开平台 API", version="1", urls_namespace="api")
