"""The HTTP API (django-ninja): /api/v1/, schema at /api/v1/openapi.json.

Each domain adds its router here; the modules keep their own endpoints.
"""

from ninja import NinjaAPI
from ninja.security import django_auth

from gongkai.annualreports.api import router as reports_router
from gongkai.api.applications import router as applications_router
from gongkai.api.auth import StaffToken
from gongkai.api.docs import LocalSwagger
from gongkai.api.items import router as items_router
from gongkai.supervision.api import router as supervision_router

api = NinjaAPI(
    title="Gongkai 政府信息公开平台 API",
    version="1",
    urls_namespace="api",
    description="主动公开信息检索（公开）与依申请公开办理（需令牌）。",
    docs=LocalSwagger(),
)
api.add_router("/items", items_router, tags=["主动公开"])
api.add_router("/applications", applications_router, tags=["依申请公开"])
# Reports are also used from the staff pages, so a signed-in session works as well as a token.
api.add_router("/reports", reports_router, tags=["年度报告"], auth=[StaffToken(), django_auth])
api.add_router("/supervision", supervision_router, tags=["监督检查"])
