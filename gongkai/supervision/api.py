"""/api/v1/supervision: what outside systems report to the county office.

- the new-media monitoring system posts each account's newest post date;
- the 12345 hotline system posts its monthly counts per agency and category.

Glue only: the same checks as the spreadsheet imports (supervision.imports), the same
actions. A report with any bad row answers 422 with one Chinese message per row, and
nothing is saved. Register in gongkai/api/router.py:
`api.add_router("/supervision", supervision_router, tags=["监督检查"])`.
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.utils import timezone
from ninja import Router, Schema, Status
from ninja.errors import HttpError

from gongkai.api.auth import StaffToken
from gongkai.supervision import actions, findings
from gongkai.supervision.access import supervised_agencies
from gongkai.supervision.imports import check_hotline, check_media_posts
from gongkai.supervision.models import AccountStatus, MediaAccount, Platform, PostSource
from gongkai.supervision.rules import account_silence
from gongkai.supervision.tables import Row, Table

router = Router(auth=StaffToken())


def _office_agencies(request):
    agencies = supervised_agencies(request.auth)
    if not agencies.exists():
        raise HttpError(403, "只有政务公开办管理员可以报送监督数据。")
    return agencies


class PostIn(Schema):
    platform: str
    name: str
    last_post_on: dt.date


class PostsIn(Schema):
    accounts: list[PostIn]


class AccountOut(Schema):
    id: int
    agency: str
    platform: str
    name: str
    status: str
    last_post_on: dt.date | None
    health: str | None
    explanation: str


class Rejected(Schema):
    detail: str
    errors: list[str]


def _rejected(errors: list[str]):
    return Status(422, {"detail": "数据有误，未保存。", "errors": errors})


@router.get("/media", response=list[AccountOut], summary="政务新媒体台账及更新状态")
def list_accounts(request):
    agencies = _office_agencies(request)
    ctx = findings.make_context(timezone.localdate())
    rows = []
    for account in MediaAccount.objects.filter(agency__in=agencies).select_related("agency"):
        silence = account_silence(
            account.last_post_on, ctx.today, ctx.calendar,
            warning_workdays=ctx.thresholds.media_warning_workdays, failure_days=ctx.thresholds.media_failure_days,
        ) if account.is_open else None
        rows.append({
            "id": account.pk, "agency": account.agency.code, "platform": account.platform, "name": account.name,
            "status": account.status, "last_post_on": account.last_post_on,
            "health": silence.health.value if silence else None, "explanation": silence.explanation if silence else "",
        })
    return rows


@router.post("/media/posts", response={200: list[AccountOut], 422: Rejected}, summary="报送账号最近发布日期")
def report_posts(request, body: PostsIn):
    agencies = _office_agencies(request)
    accounts = MediaAccount.objects.filter(agency__in=agencies, status=AccountStatus.OPEN)
    table = Table(list(("平台", "账号名称", "最近发布日期")))
    table.rows = [
        Row(n, {"平台": p.platform, "账号名称": p.name, "最近发布日期": p.last_post_on.isoformat()})
        for n, p in enumerate(body.accounts, start=1)
    ]
    platforms = {**{label: key for key, label in Platform.choices}, **{key: key for key in Platform.values}}
    checked = check_media_posts(table, {(a.platform, a.name): a.pk for a in accounts}, platforms, today=timezone.localdate())
    if checked.errors:
        return _rejected([e.replace(" 行", " 条", 1) for e in checked.errors])
    try:
        actions.do_import_media_posts(checked.records, "API", source=PostSource.API, acting_user=request.auth)
    except ValidationError as exc:
        return _rejected(exc.messages)
    return list_accounts(request)


class HotlineIn(Schema):
    month: str
    agency: str
    category: str
    count: int


class HotlineReport(Schema):
    rows: list[HotlineIn]


class Saved(Schema):
    saved: int


@router.post("/hotline", response={200: Saved, 422: Rejected}, summary="报送12345热线月度件数")
def report_hotline(request, body: HotlineReport):
    agencies = _office_agencies(request)
    table = Table(["月份", "单位", "类别", "件数"])
    table.rows = [
        Row(n, {"月份": r.month, "单位": r.agency, "类别": r.category, "件数": str(r.count)})
        for n, r in enumerate(body.rows, start=1)
    ]
    spellings = {}
    for agency in agencies:
        for spelling in (agency.code, agency.short_name, agency.name):
            if spelling:
                spellings[spelling] = agency.pk
    checked = check_hotline(table, spellings, today=timezone.localdate())
    if checked.errors:
        return _rejected([e.replace(" 行", " 条", 1) for e in checked.errors])
    actions.do_import_hotline_counts(checked.records, "API", acting_user=request.auth)
    return {"saved": len(checked.records)}
