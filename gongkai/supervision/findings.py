"""What the supervision page counts, each kind as a list of records.

The page's figures are `len()` of these lists, and each figure links to the list page
that shows the same list: the two can never disagree (style.md: statistics from
records). Nothing here is stored.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from django.apps import apps
from django.db.models import Max
from django.urls import NoReverseMatch, reverse

from gongkai.agencies.models import Agency, AgencyKind
from gongkai.applications.models import CLOCK_STATUSES, Application
from gongkai.publishing.catalogue import node_applies_to
from gongkai.publishing.deadlines import publication_deadlines
from gongkai.publishing.models import CatalogueNode, InformationItem, ItemStatus, NodeKind
from gongkai.supervision.models import AccountStatus, ColumnRule, MediaAccount
from gongkai.supervision.rules import Health, account_silence, column_state, duplicate_accounts
from gongkai.supervision.thresholds import Thresholds, current_thresholds
from gongkai.workdays.core import Calendar
from gongkai.workdays.store import current_calendar


class Kind(StrEnum):
    OVERDUE_APPLICATIONS = "overdue_applications"
    DUE_SOON_APPLICATIONS = "due_soon_applications"
    LATE_PUBLICATIONS = "late_publications"
    STALE_COLUMNS = "stale_columns"
    SILENT_ACCOUNTS = "silent_accounts"
    UNANSWERED_LETTERS = "unanswered_letters"
    MISSING_ANNUAL_REPORTS = "missing_annual_reports"


KIND_LABELS = {
    Kind.OVERDUE_APPLICATIONS: "逾期未答复的申请",
    Kind.DUE_SOON_APPLICATIONS: "即将到期的申请",
    Kind.LATE_PUBLICATIONS: "逾期发布的信息（第二十六条）",
    Kind.STALE_COLUMNS: "未按期更新的栏目",
    Kind.SILENT_ACCOUNTS: "未按期更新的政务新媒体",
    Kind.UNANSWERED_LETTERS: "逾期未答复的县长信箱来信",
    Kind.MISSING_ANNUAL_REPORTS: "未按时发布的年度报告",
}
SHORT_LABELS = {
    Kind.OVERDUE_APPLICATIONS: "申请逾期",
    Kind.DUE_SOON_APPLICATIONS: "申请将到期",
    Kind.LATE_PUBLICATIONS: "信息逾期发布",
    Kind.STALE_COLUMNS: "栏目未更新",
    Kind.SILENT_ACCOUNTS: "新媒体未更新",
    Kind.UNANSWERED_LETTERS: "来信逾期",
    Kind.MISSING_ANNUAL_REPORTS: "年报未发布",
}

# Villages and communities have no website columns, new-media duty or annual report of
# their own under the Regulation; they are checked against the village catalogue.
WEBSITE_KINDS = (AgencyKind.GOVERNMENT, AgencyKind.DEPARTMENT, AgencyKind.TOWNSHIP, AgencyKind.SUBDISTRICT)


@dataclass(frozen=True)
class Finding:
    kind: Kind
    agency: Agency
    title: str
    detail: str
    on: datetime.date | None = None  # the deadline or date the finding turns on
    url: str = ""
    health: Health = Health.FAILING


@dataclass(frozen=True)
class Context:
    today: datetime.date
    calendar: Calendar
    thresholds: Thresholds


def make_context(today: datetime.date) -> Context:
    return Context(today, current_calendar(), current_thresholds())


def _url(name: str, *args) -> str:
    try:
        return reverse(name, args=args)
    except NoReverseMatch:
        return ""


# --- one function per kind ---------------------------------------------------------------


def overdue_applications(agencies, ctx: Context) -> list[Finding]:
    rows = Application.objects.filter(
        agency__in=agencies, status__in=CLOCK_STATUSES, due_on__lt=ctx.today
    ).select_related("agency").order_by("due_on", "id")
    return [
        Finding(
            Kind.OVERDUE_APPLICATIONS, a.agency, f"{a.reference} {a.description[:40]}",
            f"答复期限 {a.due_on:%Y-%m-%d}，已逾期 {ctx.calendar.workdays_between(a.due_on, ctx.today)} 个工作日；状态：{a.get_status_display()}",
            a.due_on, _url("applications:detail", a.pk),
        )
        for a in rows
    ]


def due_soon_applications(agencies, ctx: Context) -> list[Finding]:
    horizon = ctx.calendar.add_workdays(ctx.today, ctx.thresholds.due_soon_workdays).date
    rows = Application.objects.filter(
        agency__in=agencies, status__in=CLOCK_STATUSES, due_on__gte=ctx.today, due_on__lte=horizon
    ).select_related("agency").order_by("due_on", "id")
    return [
        Finding(
            Kind.DUE_SOON_APPLICATIONS, a.agency, f"{a.reference} {a.description[:40]}",
            f"答复期限 {a.due_on:%Y-%m-%d}，还剩 {ctx.calendar.workdays_between(ctx.today, a.due_on)} 个工作日",
            a.due_on, _url("applications:detail", a.pk), Health.WARNING,
        )
        for a in rows
    ]


def late_publications(agencies, ctx: Context) -> list[Finding]:
    """Unpublished past the Art. 26 deadline, and published late since 1 January."""
    deadlines = publication_deadlines(agencies, today=ctx.today, calendar=ctx.calendar)
    found = [
        Finding(
            Kind.LATE_PUBLICATIONS, d.item.agency, d.item.title,
            f"应于 {d.due_on:%Y-%m-%d} 前发布，至今未发布（已逾期 {-d.workdays} 个工作日）",
            d.due_on, _url("publishing:detail", d.item.pk),
        )
        for d in deadlines.late
    ]
    found += [
        Finding(
            Kind.LATE_PUBLICATIONS, d.item.agency, d.item.title,
            f"应于 {d.due_on:%Y-%m-%d} 前发布，{d.item.published_on:%Y-%m-%d} 才发布（晚 {d.workdays} 个工作日）",
            d.due_on, _url("publishing:detail", d.item.pk),
        )
        for d in deadlines.published_late
    ]
    return found


def _descendants() -> dict[int, set[int]]:
    """node id → the ids of the node and every node below it."""
    children: dict[int | None, list[int]] = defaultdict(list)
    for pk, parent in CatalogueNode.objects.values_list("pk", "parent_id"):
        children[parent].append(pk)

    def walk(pk: int) -> set[int]:
        found = {pk}
        for child in children.get(pk, ()):
            found |= walk(child)
        return found

    return {pk: walk(pk) for pks in children.values() for pk in pks}


def stale_columns(agencies, ctx: Context) -> list[Finding]:
    rules = list(ColumnRule.objects.select_related("node", "period"))
    if not rules:
        return []
    below = _descendants()
    last = defaultdict(dict)  # agency id → node id → newest published_on
    published = InformationItem.objects.filter(
        agency__in=agencies, status=ItemStatus.PUBLISHED, published_on__lte=ctx.today
    )
    for agency_id, node_id, newest in published.values_list("agency", "node").annotate(newest=Max("published_on")):
        last[agency_id][node_id] = newest
    found = []
    for agency in agencies.filter(kind__in=WEBSITE_KINDS):
        for rule in rules:
            node = rule.node
            if node.agency_id is not None and node.agency_id != agency.pk:
                continue
            if node.agency_id is None and not node_applies_to(node.applies_to, agency.kind):
                continue
            dates = [last[agency.pk].get(n) for n in below.get(node.pk, {node.pk})]
            newest = max((d for d in dates if d), default=None)
            state = column_state(newest, ctx.today, rule.period.amount, rule.period.unit)
            if state.stale:
                found.append(Finding(
                    Kind.STALE_COLUMNS, agency, f"{node.name}（{rule.period.name}）", state.explanation,
                    state.due_by, _url("portal:agency", agency.code),
                ))
    return found


def silent_accounts(agencies, ctx: Context) -> list[Finding]:
    found = []
    accounts = MediaAccount.objects.filter(agency__in=agencies, status=AccountStatus.OPEN).select_related("agency")
    for account in accounts:
        silence = account_silence(
            account.last_post_on, ctx.today, ctx.calendar,
            warning_workdays=ctx.thresholds.media_warning_workdays,
            failure_days=ctx.thresholds.media_failure_days,
        )
        if silence.health != Health.OK:
            found.append(Finding(
                Kind.SILENT_ACCOUNTS, account.agency, str(account), silence.explanation,
                account.last_post_on, _url("supervision:media_edit", account.pk), silence.health,
            ))
    return found


def unanswered_letters(agencies, ctx: Context) -> list[Finding]:
    if not apps.is_installed("gongkai.mailbox"):
        return []
    from gongkai.mailbox.models import UNANSWERED, MailboxLetter

    rows = MailboxLetter.objects.filter(
        agency__in=agencies, status__in=UNANSWERED, due_on__lt=ctx.today
    ).select_related("agency").order_by("due_on", "id")
    return [
        Finding(
            Kind.UNANSWERED_LETTERS, letter.agency, f"{letter.tracking_code} {letter.subject}",
            f"答复期限 {letter.due_on:%Y-%m-%d}，已逾期 {ctx.calendar.workdays_between(letter.due_on, ctx.today)} 个工作日；状态：{letter.get_status_display()}",
            letter.due_on, _url("mailbox:detail", letter.pk),
        )
        for letter in rows
    ]


def annual_report_due_on(agency: Agency, year: int) -> datetime.date:
    """条例第四十九、五十条, townships by the ANNUAL_REPORT_DUE_TOWNSHIP setting (verify):
    one rule, in gongkai.annualreports.deadlines."""
    from gongkai.annualreports.deadlines import report_due_on

    return report_due_on(agency.kind, year)


def missing_annual_reports(agencies, ctx: Context) -> list[Finding]:
    """Last year's report: missing when its deadline has passed and the agency has
    published nothing under its 政府信息公开年报 column since 1 January."""
    year = ctx.today.year - 1
    report_nodes = CatalogueNode.objects.filter(kind=NodeKind.ANNUAL_REPORT)
    published = set(
        InformationItem.objects.filter(
            agency__in=agencies, node__in=report_nodes, status=ItemStatus.PUBLISHED,
            published_on__gte=datetime.date(year + 1, 1, 1),
        ).values_list("agency", flat=True)
    )
    found = []
    for agency in agencies.filter(kind__in=WEBSITE_KINDS):
        due = annual_report_due_on(agency, year)
        if ctx.today > due and agency.pk not in published:
            found.append(Finding(
                Kind.MISSING_ANNUAL_REPORTS, agency, f"{year}年政府信息公开工作年度报告",
                f"应于 {due:%Y-%m-%d} 前发布，年报栏目中没有 {year + 1} 年发布的信息", due,
                _url("portal:agency", agency.code),
            ))
    return found


FINDERS = {
    Kind.OVERDUE_APPLICATIONS: overdue_applications,
    Kind.DUE_SOON_APPLICATIONS: due_soon_applications,
    Kind.LATE_PUBLICATIONS: late_publications,
    Kind.STALE_COLUMNS: stale_columns,
    Kind.SILENT_ACCOUNTS: silent_accounts,
    Kind.UNANSWERED_LETTERS: unanswered_letters,
    Kind.MISSING_ANNUAL_REPORTS: missing_annual_reports,
}


def find(kind: Kind, agencies, ctx: Context) -> list[Finding]:
    return FINDERS[Kind(kind)](agencies, ctx)


# --- the overview ---------------------------------------------------------------------------


@dataclass
class AgencyRow:
    agency: Agency
    counts: dict[Kind, int]
    website_failing: bool
    media_failing: int

    @property
    def cells(self) -> list[tuple[Kind, str, int]]:
        return [(kind, SHORT_LABELS[kind], self.counts[kind]) for kind in Kind]

    @property
    def total(self) -> int:
        return sum(n for kind, n in self.counts.items() if kind != Kind.DUE_SOON_APPLICATIONS)


def overview(agencies, ctx: Context) -> list[AgencyRow]:
    """One row per agency with at least one finding, most findings first."""
    per_agency: dict[int, dict[Kind, int]] = defaultdict(lambda: dict.fromkeys(Kind, 0))
    media_failing: dict[int, int] = defaultdict(int)
    by_pk = {}
    for kind in Kind:
        for finding in find(kind, agencies, ctx):
            per_agency[finding.agency.pk][kind] += 1
            by_pk[finding.agency.pk] = finding.agency
            if kind == Kind.SILENT_ACCOUNTS and finding.health == Health.FAILING:
                media_failing[finding.agency.pk] += 1
    rows = [
        AgencyRow(
            by_pk[pk], counts,
            website_failing=counts[Kind.STALE_COLUMNS] > ctx.thresholds.stale_columns_allowed,
            media_failing=media_failing[pk],
        )
        for pk, counts in per_agency.items()
    ]
    return sorted(rows, key=lambda r: (-r.total, r.agency.path))


def totals(rows: Iterable[AgencyRow]) -> dict[Kind, int]:
    result = dict.fromkeys(Kind, 0)
    for row in rows:
        for kind, n in row.counts.items():
            result[kind] += n
    return result


def duplicate_account_ids(agencies) -> set[int]:
    """Open accounts that are a second (or later) one of their agency on one platform."""
    rows = MediaAccount.objects.filter(agency__in=agencies, status=AccountStatus.OPEN).values_list(
        "pk", "agency_id", "platform"
    )
    return duplicate_accounts(list(rows))
