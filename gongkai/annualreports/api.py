"""Annual-report figures and reports over the API (register in gongkai/api/router.py).

    PUT /figures/{agency}/{year}   表二 figures from another system (source "api")
    GET /figures/{agency}/{year}
    GET /{agency}/{year}           the report as built now, in the interchange format

Only agencies the caller may report for (their clerks, approvers, the county office)
are reachable; any other agency is a 404. The router uses the platform's session
authentication until API tokens exist; pass `auth=` to add_router to change it.
"""

from __future__ import annotations

from django.db.models import Q
from django.http import Http404
from ninja import Router, Schema
from ninja.errors import HttpError
from ninja.security import django_auth

from gongkai.annualreports import access
from gongkai.annualreports.actions import ReportError, do_set_external_figures
from gongkai.annualreports.building import build
from gongkai.annualreports.models import ExternalFigures

router = Router(auth=django_auth)


class FiguresIn(Schema):
    licensing: int | None = None
    penalty: int | None = None
    enforcement: int | None = None
    fees_10k_yuan: str | None = None  # 万元, a decimal string such as "104.17"
    covers_subtree: bool = False
    source_note: str = ""


class FiguresOut(FiguresIn):
    agency: str
    year: int
    source: str


class Problem(Schema):
    detail: str


def _agency(request, code_or_name: str, *, edit: bool):
    agencies = access.agencies_for_figures(request.user) if edit else access.agencies_seen(request.user)
    agency = agencies.filter(Q(code=code_or_name) | Q(name=code_or_name)).first()
    if agency is None:
        raise Http404("没有找到该机关。")
    return agency


def _out(figures: ExternalFigures) -> dict:
    return {
        "agency": figures.agency.code, "year": figures.year, "licensing": figures.licensing,
        "penalty": figures.penalty, "enforcement": figures.enforcement,
        "fees_10k_yuan": figures.fees_10k_yuan or None, "covers_subtree": figures.covers_subtree,
        "source_note": figures.source_note, "source": figures.source,
    }


@router.put("/figures/{agency}/{year}", response={200: FiguresOut, 422: Problem}, summary="报送表二外部数据")
def put_figures(request, agency: str, year: int, payload: FiguresIn):
    target = _agency(request, agency, edit=True)
    values = payload.dict(exclude={"covers_subtree", "source_note"})
    try:
        figures = do_set_external_figures(target, year, values, source="api", covers_subtree=payload.covers_subtree,
                                          source_note=payload.source_note, acting_user=request.user)
    except ReportError as error:
        raise HttpError(422, str(error)) from None
    return _out(figures)


@router.get("/figures/{agency}/{year}", response=FiguresOut, summary="查看表二外部数据")
def get_figures(request, agency: str, year: int):
    target = _agency(request, agency, edit=False)
    figures = ExternalFigures.objects.filter(agency=target, year=year).select_related("agency").first()
    if figures is None:
        raise Http404("该年度尚未报送。")
    return _out(figures)


@router.get("/{agency}/{year}", summary="年度报告（交换格式 JSON）")
def get_report(request, agency: str, year: int, scope: str | None = None):
    target = _agency(request, agency, edit=False)
    if scope not in (None, "own", "subtree"):
        raise Http404("范围只能是 own 或 subtree。")
    return build(target, year, scope, checks=False).data
