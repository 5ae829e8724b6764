"""State changes of annual reports and their figures, each one transaction with its event.

Who may call which is decided in annualreports.access. Refusals are `ReportError`s
whose message is shown to the user as is; a refused action changes nothing.
"""

from __future__ import annotations

import datetime

from django.db import transaction
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from gongkai import jobs
from gongkai.agencies import duties
from gongkai.agencies.models import DutyRule
from gongkai.annualreports import narrative
from gongkai.annualreports.building import build, finding_key
from gongkai.annualreports.core import parse_amount
from gongkai.annualreports.models import (
    Acknowledgement,
    AnnualReport,
    ExternalFigures,
    FigureSource,
    ImportedReport,
    ReportStatus,
    Scope,
)
from gongkai.eventlog.log import history, record


class ReportError(ValueError):
    """A step the report does not allow now; the message is Chinese, for the user."""


FIGURE_FIELDS = ("licensing", "penalty", "enforcement", "fees_10k_yuan")


# --- the figures from other systems ------------------------------------------------------


def clean_figures(values: dict) -> dict:
    """Counts as non-negative integers or None (blank); the amount as a decimal string."""
    cleaned: dict = {}
    for name in ("licensing", "penalty", "enforcement"):
        value = values.get(name)
        if value in (None, ""):
            cleaned[name] = None
            continue
        try:
            number = int(str(value).strip().replace(",", ""))
        except ValueError:
            raise ReportError(f"“{value}”不是整数（{name}）。") from None
        if number < 0:
            raise ReportError(f"处理决定数量不能为负数（{name}：{number}）。")
        cleaned[name] = number
    fees = values.get("fees_10k_yuan")
    if fees in (None, ""):
        cleaned["fees_10k_yuan"] = ""
    else:
        try:
            cleaned["fees_10k_yuan"] = format(parse_amount(str(fees)), "f")
        except ValueError as error:
            raise ReportError(str(error)) from None
    return cleaned


def do_set_external_figures(agency, year: int, values: dict, *, source: str, covers_subtree: bool = False,
                            source_note: str = "", acting_user) -> ExternalFigures:
    """Record 表二's 行政许可/处罚/强制 counts and 行政事业性收费 (万元) for an agency and year."""
    source = FigureSource(source)
    cleaned = clean_figures(values)
    with transaction.atomic():
        figures = ExternalFigures.objects.select_for_update().filter(agency=agency, year=year).first()
        before = {name: getattr(figures, name) for name in FIGURE_FIELDS} if figures else None
        if figures is None:
            figures = ExternalFigures(agency=agency, year=year)
        for name, value in cleaned.items():
            setattr(figures, name, value)
        figures.covers_subtree = covers_subtree
        figures.source, figures.source_note, figures.updated_by = source, source_note[:200], acting_user
        figures.save()
        record(figures, "figures_set", actor=acting_user, data={
            "year": year, "source": source.value, "before": before, "after": cleaned, "covers_subtree": covers_subtree,
        })
    return figures


# --- the report --------------------------------------------------------------------------


def do_open_report(agency, year: int, scope: str, *, acting_user) -> AnnualReport:
    """Start a year's report with the text drafted from the year's records (idempotent)."""
    scope = Scope(scope)
    with transaction.atomic():
        report = AnnualReport.objects.filter(agency=agency, year=year, scope=scope).first()
        if report is not None:
            return report
        from gongkai.annualreports.building import draft_texts

        report = AnnualReport(agency=agency, year=year, scope=scope, **draft_texts(agency, year, scope))
        report.save()
        record(report, "report_opened", actor=acting_user, to_state=report.status, data={"year": year, "scope": scope})
    return report


def do_save_narrative(report, texts: dict, *, acting_user) -> AnnualReport:
    """Change the report's text; refused once it is published (the snapshot is final)."""
    unknown = set(texts) - set(narrative.TEXT_FIELDS)
    if unknown:
        raise ValueError(f"not a text field: {sorted(unknown)}")
    with transaction.atomic():
        report = _locked(report)
        _require_draft(report)
        changed = [name for name, text in texts.items() if (text or "").strip() != getattr(report, name)]
        if not changed:
            return report
        for name in changed:
            setattr(report, name, (texts[name] or "").strip())
        report.save()
        record(report, "report_text_saved", actor=acting_user, from_state=report.status, to_state=report.status,
               data={"fields": sorted(changed)})
    return report


def do_acknowledge_warning(report, key: str, reason: str, *, acting_user) -> Acknowledgement:
    """Accept one current warning (C6–C9) with a reason, so it no longer blocks publication."""
    reason = (reason or "").strip()
    if len(reason) < 4:
        raise ReportError("请写明可以接受这条提示的理由（至少4个字）。")
    with transaction.atomic():
        report = _locked(report)
        _require_draft(report)
        built = build(report.agency, report.year, report.scope)
        warning = next((f for f in built.warnings if finding_key(f) == key), None)
        if warning is None:
            raise ReportError("这条提示已经不存在（数据可能已经改变），请刷新页面。")
        ack, _ = Acknowledgement.objects.update_or_create(
            report=report, finding_key=key,
            defaults={"message": warning.message, "reason": reason, "by": acting_user},
        )
        record(report, "report_warning_acknowledged", actor=acting_user, from_state=report.status,
               to_state=report.status, data={"finding": key, "reason": reason})
    return ack


def blocking_reasons(report, built) -> list[str]:
    """Why the report cannot be published now; empty when it can."""
    reasons = []
    if built.year >= timezone.localdate().year:
        reasons.append(f"{built.year}年尚未结束，年度报告在次年发布。")
    for finding in built.errors:
        reasons.append(f"错误（{finding.rule}）：{finding.message}")
    acknowledged = set(report.acknowledgements.values_list("finding_key", flat=True)) if report.pk else set()
    for finding in built.warnings:
        if finding_key(finding) not in acknowledged:
            reasons.append(f"提示（{finding.rule}）未确认：{finding.message}")
    for label in narrative.placeholders_left(built.texts):
        reasons.append(f"“{label}”还有【待补充】的内容。")
    return reasons


def do_publish_report(report, *, acting_user, today: datetime.date | None = None) -> AnnualReport:
    """Freeze the report as built now and publish it. Blocked by any error, any warning not
    acknowledged with a reason, and any 【待补充】 left in the text."""
    with transaction.atomic():
        report = _locked(report)
        _require_draft(report)
        # Four eyes (gongkai.agencies.duties): whoever wrote the report's text does not publish it.
        writers = {e.actor_id for e in history(report).filter(verb="report_text_saved") if e.actor_id}
        refusal = duties.refusal_among(report.agency, DutyRule.PREPARER_NOT_APPROVER, writers, acting_user)
        if refusal:
            raise ReportError(refusal)
        built = build(report.agency, report.year, report.scope)
        reasons = blocking_reasons(report, built)
        if reasons:
            raise ReportError("不能发布：" + "；".join(reasons))
        report.status = ReportStatus.PUBLISHED
        report.published_data = built.data
        report.published_at = timezone.now()
        report.published_by = acting_user
        report.catalogue_item = _catalogue_item(report, acting_user)
        report.save()
        record(report, "report_published", actor=acting_user, from_state=ReportStatus.DRAFT, to_state=report.status,
               data={"findings_acknowledged": list(report.acknowledgements.values_list("finding_key", flat=True)),
                     "catalogue_item": report.catalogue_item_id})
        # The PDF and Word files, rendered once in the background and kept (stored.py).
        report_id = report.pk
        transaction.on_commit(lambda: jobs.enqueue("gongkai.annualreports.stored.render_published", report_id))
    return report


def _catalogue_item(report, acting_user):
    """The report's entry in the 政府信息公开年报 column of the catalogue, published with it."""
    from gongkai.publishing.actions import do_publish_annual_report_item

    url = public_url(report.agency.code, report.year)
    body = f'<p>{report.title}已发布，全文见<a href="{url}">{url}</a>。</p>'
    return do_publish_annual_report_item(report.agency, title=report.title, body=body, acting_user=acting_user)


def public_url(code: str, year: int) -> str:
    try:
        return reverse("annualreports_public:detail", args=[code, year])
    except NoReverseMatch:  # public_urls not mounted (yet): the path it is meant to have
        return f"/reports/{code}/{year}/"


def do_import_previous_report(agency, year: int, scope: str, data: dict, *, source_name: str = "",
                              acting_user) -> ImportedReport:
    """Keep a report published outside the platform (read by the report parser) so the next
    year's C6/C7 can compare against it."""
    if data.get("year") not in (None, year):
        raise ReportError(f"文件是{data.get('year')}年的报告，不是{year}年的。")
    with transaction.atomic():
        imported, _ = ImportedReport.objects.update_or_create(
            agency=agency, year=year, scope=Scope(scope),
            defaults={"data": data, "source_name": source_name[:255], "imported_by": acting_user},
        )
        record(imported, "report_imported", actor=acting_user, data={"year": year, "source": source_name})
    return imported


def _locked(report) -> AnnualReport:
    return AnnualReport.objects.select_for_update().select_related("agency").get(pk=report.pk)


def _require_draft(report) -> None:
    if report.status != ReportStatus.DRAFT:
        raise ReportError("报告已发布，不能再修改；之后记录的变化会列在“与已发布报告的差异”中。")
