"""Measuring each agency for the annual assessment, from the platform's records."""

from __future__ import annotations

import datetime
import io
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.apps import apps
from django.db.models import Q

from gongkai.agencies.models import Agency, AgencyKind
from gongkai.applications.models import Application
from gongkai.publishing.deadlines import publication_due_on
from gongkai.publishing.models import CatalogueNode, InformationItem, ItemStatus, NodeKind
from gongkai.supervision import findings
from gongkai.supervision.models import AssessmentScheme, Measure
from gongkai.supervision.rules import Health
from gongkai.supervision.scoring import Measured, indicator_score, rank

ASSESSED_KINDS = (AgencyKind.DEPARTMENT, AgencyKind.TOWNSHIP, AgencyKind.SUBDISTRICT)


@dataclass
class AgencyScore:
    agency: Agency
    parts: list[tuple[str, str, Decimal, Decimal]] = field(default_factory=list)  # label, measured, score, weight
    adjustments: list = field(default_factory=list)
    place: int = 0

    @property
    def adjustment_total(self) -> Decimal:
        return sum((a.points for a in self.adjustments), Decimal(0))

    @property
    def total(self) -> Decimal:
        return sum((p[2] for p in self.parts), Decimal(0)) + self.adjustment_total


def _rate(pairs) -> dict[int, Measured]:
    tallies = defaultdict(lambda: [0, 0])
    for agency_id, due, done in pairs:
        if due is None or done is None:
            continue
        tallies[agency_id][1] += 1
        tallies[agency_id][0] += done <= due
    return {a: Measured(on_time=t[0], done=t[1]) for a, t in tallies.items()}


def measure_all(year: int, agencies, ctx: findings.Context) -> dict[str, dict[int, Measured]]:
    """measure → agency id → Measured, for the year (as of `ctx.today` within it)."""
    start, end = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    result: dict[str, dict[int, Measured]] = {}

    answered = Application.objects.filter(agency__in=agencies).filter(
        Q(replied_on__range=(start, end)) | Q(replied_on__isnull=True, closed_on__range=(start, end))
    )
    result[Measure.APPLICATIONS_ON_TIME] = _rate(
        (a, due, replied or closed) for a, due, replied, closed in answered.values_list("agency", "due_on", "replied_on", "closed_on")
    )

    late = defaultdict(int)
    items = InformationItem.objects.filter(agency__in=agencies, formed_on__gte=start - datetime.timedelta(days=60), formed_on__lte=end)
    for agency_id, formed, published in items.exclude(status=ItemStatus.WITHDRAWN, published_on__isnull=True).values_list("agency", "formed_on", "published_on"):
        due = publication_due_on(formed, ctx.calendar).date
        if start <= due <= end and ((published and published > due) or (not published and due < ctx.today)):
            late[agency_id] += 1
    result[Measure.LATE_PUBLICATIONS] = {a: Measured(count=n) for a, n in late.items()}

    stale = defaultdict(int)
    for f in findings.stale_columns(agencies, ctx):
        stale[f.agency.pk] += 1
    result[Measure.STALE_COLUMNS] = {a: Measured(count=n) for a, n in stale.items()}

    silent = defaultdict(int)
    for f in findings.silent_accounts(agencies, ctx):
        silent[f.agency.pk] += f.health == Health.FAILING
    result[Measure.SILENT_ACCOUNTS] = {a: Measured(count=n) for a, n in silent.items()}

    letters = {}
    if apps.is_installed("gongkai.mailbox"):
        from gongkai.mailbox.models import LetterStatus, MailboxLetter

        rows = MailboxLetter.objects.filter(
            agency__in=agencies, status=LetterStatus.ANSWERED, answered_on__range=(start, end)
        ).values_list("agency", "due_on", "answered_on")
        letters = _rate(rows)
    result[Measure.LETTERS_ON_TIME] = letters

    # 条例第五十条: the previous year's report, due in this year.
    report_nodes = CatalogueNode.objects.filter(kind=NodeKind.ANNUAL_REPORT)
    first_report = {}
    for agency_id, published in InformationItem.objects.filter(
        agency__in=agencies, node__in=report_nodes, status=ItemStatus.PUBLISHED, published_on__range=(start, end)
    ).order_by("published_on").values_list("agency", "published_on"):
        first_report.setdefault(agency_id, published)
    reports = {}
    for agency in agencies:
        due = findings.annual_report_due_on(agency, year - 1)
        published = first_report.get(agency.pk)
        reports[agency.pk] = Measured(ok=published is not None and published <= due)
    result[Measure.ANNUAL_REPORT] = reports
    return result


def assess(scheme: AssessmentScheme, agencies, ctx: findings.Context) -> list[AgencyScore]:
    """Every assessed agency's score under the scheme, ranked."""
    agencies = agencies.filter(kind__in=ASSESSED_KINDS)
    measured = measure_all(scheme.year, agencies, ctx)
    indicators = list(scheme.indicators.all())
    adjustments = defaultdict(list)
    for adjustment in scheme.adjustments.select_related("agency"):
        adjustments[adjustment.agency_id].append(adjustment)
    scores = []
    for agency in agencies:
        score = AgencyScore(agency, adjustments=adjustments[agency.pk])
        for indicator in indicators:
            m = measured.get(indicator.measure, {}).get(agency.pk, Measured())
            value = indicator_score(indicator.measure, m, indicator.weight, indicator.penalty_per_item)
            score.parts.append((indicator.label, m.describe(indicator.measure), value, indicator.weight))
        scores.append(score)
    ranked = rank([(s, s.total) for s in scores])
    for place, score, _ in ranked:
        score.place = place
    return [score for _, score, _ in ranked]


def assessment_xlsx(scheme: AssessmentScheme, scores: list[AgencyScore]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = f"{scheme.year}年度考核"
    labels = [p[0] for p in scores[0].parts] if scores else [i.label for i in scheme.indicators.all()]
    sheet.append([scheme.name])
    sheet["A1"].font = Font(bold=True, size=14)
    header = ["名次", "单位", *[f"{label}（得分）" for label in labels], *[f"{label}（实绩）" for label in labels], "加减分", "加减分理由", "总分"]
    sheet.append(header)
    for cell in sheet[2]:
        cell.font = Font(bold=True)
    for s in scores:
        sheet.append([
            s.place, s.agency.name,
            *[float(p[2]) for p in s.parts],
            *[p[1] for p in s.parts],
            float(s.adjustment_total),
            "；".join(f"{a.points:+}：{a.reason}" for a in s.adjustments),
            float(s.total),
        ])
    sheet.column_dimensions["B"].width = 24
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
