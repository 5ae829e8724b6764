"""Building reports: counts from the records (queries), text (stored or drafted),
the interchange dict (core) and the checker's findings (reportformat.checking).

Last year's report, for C6/C7, is the one published here, else one imported from
outside, else last year's built from the records.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from gongkai.annualreports import narrative
from gongkai.annualreports.core import ReportInputs, build_report
from gongkai.annualreports.models import AnnualReport, ImportedReport, ReportStatus, Scope
from gongkai.annualreports.queries import YearCounts, default_scope
from gongkai.reportformat.checking import ERROR, WARNING, Finding, check
from gongkai.reportformat.vocabulary import OUTCOME_ROWS_2021

# More targets than this: count over all agencies instead of filtering by subtree.
_FILTER_LIMIT = 50
_OUTCOME_ROWS = frozenset(OUTCOME_ROWS_2021)


def finding_key(finding: Finding) -> str:
    """Names a finding across rebuilds, for acknowledgements."""
    return f"{finding.rule}|{finding.table}|{finding.row or ''}|{finding.column or ''}"


@dataclass
class BuiltReport:
    agency: object
    scope: str
    year: int
    data: dict
    texts: dict[str, str]
    stored: AnnualReport | None = None
    findings: list[Finding] = field(default_factory=list)
    previous_source: str = ""  # published | imported | records | ""

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == ERROR]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == WARNING]


def build(agency, year: int, scope: str | None = None, *, checks: bool = True) -> BuiltReport:
    """One report, from the records as they are now."""
    scope = scope or default_scope(agency)
    return build_many(year, [(agency, scope)], checks=checks)[0]


def build_many(year: int, targets: list[tuple], *, checks: bool = True,
               previous_from_records: bool = True) -> list[BuiltReport]:
    """Reports for many (agency, scope) pairs in one pass: a few queries in all."""
    roots = None if len(targets) > _FILTER_LIMIT else [agency for agency, _ in targets]
    counts = YearCounts(year, roots)
    stored = _stored_reports(year, targets)
    reports = [_assemble(counts, agency, scope, stored.get((agency.pk, scope))) for agency, scope in targets]
    if checks:
        previous = previous_reports(year - 1, targets, roots, from_records=previous_from_records,
                                    agencies=counts.agencies)
        for report in reports:
            source, data = previous.get((report.agency.pk, report.scope), ("", None))
            report.previous_source = source
            report.findings = check(report.data, previous=data)
    return reports


def _stored_reports(year: int, targets) -> dict:
    ids = {agency.pk for agency, _ in targets}
    reports = AnnualReport.objects.filter(year=year)
    if len(ids) <= _FILTER_LIMIT:
        reports = reports.filter(agency_id__in=ids)
    return {(r.agency_id, r.scope): r for r in reports}


def _assemble(counts: YearCounts, agency, scope: str, stored: AnnualReport | None) -> BuiltReport:
    counted = counts.counted(agency, scope)
    texts = texts_of(stored) if stored is not None else narrative.draft(_facts(agency, scope, counts.year, counted))
    inputs = ReportInputs(
        agency=agency.name, year=counts.year, proactive=counted.proactive,
        applications=counted.applications, appeals=counted.appeals, sections=narrative.sections(texts),
    )
    return BuiltReport(agency=agency, scope=scope, year=counts.year, data=build_report(inputs), texts=texts,
                       stored=stored)


def texts_of(report: AnnualReport) -> dict[str, str]:
    return {name: getattr(report, name) for name in narrative.TEXT_FIELDS}


def _facts(agency, scope: str, year: int, counted) -> narrative.NarrativeFacts:
    received = carried_over = processed = 0
    for (row, _), n in counted.applications.items():
        if row == "new_received":
            received += n
        elif row == "carried_over":
            carried_over += n
        elif row in _OUTCOME_ROWS:
            processed += n
    reconsiderations = lawsuits = 0
    for (group, _), n in counted.appeals.items():
        if group == "reconsideration":
            reconsiderations += n
        else:
            lawsuits += n
    return narrative.NarrativeFacts(
        agency=agency.name, year=year, whole=narrative.area_word(agency.name, scope == Scope.SUBTREE),
        is_government=agency.is_government, items_published=counted.items_published,
        received=received, carried_over=carried_over, processed=processed,
        processed_on_time=counted.processed_on_time, fees_collected_yuan=counted.fees_collected_yuan,
        reconsiderations=reconsiderations, lawsuits=lawsuits,
    )


def draft_texts(agency, year: int, scope: str) -> dict[str, str]:
    """The first draft of a report's text, from this year's records."""
    counts = YearCounts(year, [agency])
    return narrative.draft(_facts(agency, scope, year, counts.counted(agency, scope)))


def previous_reports(year: int, targets, roots, *, from_records: bool = True, agencies=None) -> dict:
    """(agency_id, scope) → (source, report dict) for `year` (last year)."""
    ids = {agency.pk for agency, _ in targets}
    found: dict = {}
    published = AnnualReport.objects.filter(year=year, status=ReportStatus.PUBLISHED)
    imported = ImportedReport.objects.filter(year=year)
    if len(ids) <= _FILTER_LIMIT:
        published, imported = published.filter(agency_id__in=ids), imported.filter(agency_id__in=ids)
    for r in imported:
        found[(r.agency_id, r.scope)] = ("imported", r.data)
    for r in published:
        found[(r.agency_id, r.scope)] = ("published", r.published_data)
    missing = [(agency, scope) for agency, scope in targets if (agency.pk, scope) not in found]
    if missing and from_records:
        counts = YearCounts(year, roots, facts=False, agencies=agencies)
        for agency, scope in missing:
            counted = counts.counted(agency, scope)
            inputs = ReportInputs(agency=agency.name, year=year, proactive=counted.proactive,
                                  applications=counted.applications, appeals=counted.appeals)
            found[(agency.pk, scope)] = ("records", build_report(inputs))
    return found
