"""Staff pages of annual reports: open a year, see the tables and findings, edit the
text and the figures, acknowledge warnings, publish, download."""

from __future__ import annotations

import json

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from gongkai.agencies.access import staff_required
from gongkai.annualreports import access, narrative, rendering
from gongkai.annualreports.actions import (
    ReportError,
    blocking_reasons,
    do_acknowledge_warning,
    do_open_report,
    do_publish_report,
    do_save_narrative,
    do_set_external_figures,
)
from gongkai.annualreports.building import build, finding_key
from gongkai.annualreports.core import differences
from gongkai.annualreports.deadlines import reminder, report_due_on
from gongkai.annualreports.figures_import import do_import_figures
from gongkai.annualreports.forms import FiguresForm, ImportForm, NarrativeForm
from gongkai.annualreports.models import AnnualReport, ExternalFigures, Scope
from gongkai.annualreports.queries import default_scope


def _year(request) -> int:
    try:
        return int(request.GET.get("year", ""))
    except ValueError:
        return timezone.localdate().year - 1


def _scope(request, agency) -> str:
    scope = request.GET.get("scope") or request.POST.get("scope") or default_scope(agency)
    if scope not in Scope.values:
        raise Http404("范围只能是 own 或 subtree。")
    return scope


def _detail_url(agency, year, scope) -> str:
    return reverse("annualreports:detail", args=[agency.code, year]) + f"?scope={scope}"


@staff_required
def report_list(request):
    year = _year(request)
    today = timezone.localdate()
    agencies = list(access.agencies_seen(request.user))
    reports = {(r.agency_id, r.scope): r for r in AnnualReport.objects.filter(year=year, agency__in=agencies)}
    rows = []
    for agency in agencies:
        scope = default_scope(agency)
        report = reports.get((agency.pk, scope))
        published = bool(report and report.is_published)
        rows.append({
            "agency": agency, "scope": scope, "report": report, "due_on": report_due_on(agency.kind, year),
            "reminder": reminder(agency.kind, year, today, published=published),
            "overdue": not published and today > report_due_on(agency.kind, year),
        })
    return render(request, "annualreports/list.html", {
        "year": year, "rows": rows, "years": range(today.year, today.year - 6, -1),
        "may_import": access.agencies_for_figures(request.user).exists(),
    })


@staff_required
def report_detail(request, code, year):
    agency = access.get_agency_for_staff(request.user, code, action="view")
    scope = _scope(request, agency)
    stored = AnnualReport.objects.filter(agency=agency, year=year, scope=scope).first()
    built = build(agency, year, scope)
    acknowledged = {a.finding_key: a for a in stored.acknowledgements.all()} if stored else {}
    findings = [{"finding": f, "key": finding_key(f), "ack": acknowledged.get(finding_key(f))} for f in built.findings]
    figures = ExternalFigures.objects.filter(agency=agency, year=year).first()
    may_edit = access.may(request.user, agency, "edit")
    context = {
        "agency": agency, "year": year, "scope": scope, "stored": stored, "built": built, "findings": findings,
        "report_html": rendering.render_html_fragment(stored.published_data if stored and stored.is_published
                                                       else built.data),
        "may_edit": may_edit and not (stored and stored.is_published),
        "may_publish": access.may(request.user, agency, "publish"),
        "figures": figures,
        "figures_form": FiguresForm(initial=_figures_initial(figures)),
        "narrative_form": NarrativeForm(initial=built.texts),
        "reminder": reminder(agency.kind, year, timezone.localdate(), published=bool(stored and stored.is_published)),
        "blocking": blocking_reasons(stored, built) if stored and not stored.is_published else [],
        "differences": differences(stored.published_data, built.data) if stored and stored.is_published else [],
        "previous_source": built.previous_source,
        "css": rendering.CSS,
    }
    return render(request, "annualreports/detail.html", context)


def _figures_initial(figures) -> dict:
    if figures is None:
        return {}
    return {"licensing": figures.licensing, "penalty": figures.penalty, "enforcement": figures.enforcement,
            "fees_10k_yuan": figures.fees_10k_yuan, "covers_subtree": figures.covers_subtree,
            "source_note": figures.source_note}


@staff_required
@require_POST
def report_open(request, code, year):
    agency = access.get_agency_for_staff(request.user, code, action="edit")
    scope = _scope(request, agency)
    do_open_report(agency, year, scope, acting_user=request.user)
    messages.success(request, "已生成报告初稿，请补充【待补充】的内容。")
    return redirect(_detail_url(agency, year, scope))


def _stored(agency, year, scope) -> AnnualReport:
    report = AnnualReport.objects.filter(agency=agency, year=year, scope=scope).first()
    if report is None:
        raise Http404("该年度报告尚未创建。")
    return report


@staff_required
@require_POST
def report_text(request, code, year):
    agency = access.get_agency_for_staff(request.user, code, action="edit")
    scope = _scope(request, agency)
    form = NarrativeForm(request.POST)
    if not form.is_valid():
        messages.error(request, "请检查填写的内容。")
    else:
        try:
            do_save_narrative(_stored(agency, year, scope), {k: form.cleaned_data[k] for k in narrative.TEXT_FIELDS},
                              acting_user=request.user)
            messages.success(request, "报告正文已保存。")
        except ReportError as error:
            messages.error(request, str(error))
    return redirect(_detail_url(agency, year, scope))


@staff_required
@require_POST
def report_figures(request, code, year):
    agency = access.get_agency_for_staff(request.user, code, action="edit")
    scope = _scope(request, agency)
    form = FiguresForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            do_set_external_figures(agency, year, data, source="manual", covers_subtree=data["covers_subtree"],
                                    source_note=data["source_note"], acting_user=request.user)
            messages.success(request, "表二数据已保存。")
        except ReportError as error:
            messages.error(request, str(error))
    else:
        messages.error(request, "请检查表二数据：处理决定数量应为整数。")
    return redirect(_detail_url(agency, year, scope))


@staff_required
@require_POST
def report_acknowledge(request, code, year):
    agency = access.get_agency_for_staff(request.user, code, action="edit")
    scope = _scope(request, agency)
    try:
        do_acknowledge_warning(_stored(agency, year, scope), request.POST.get("key", ""),
                               request.POST.get("reason", ""), acting_user=request.user)
        messages.success(request, "已确认该提示。")
    except ReportError as error:
        messages.error(request, str(error))
    return redirect(_detail_url(agency, year, scope))


@staff_required
@require_POST
def report_publish(request, code, year):
    agency = access.get_agency_for_staff(request.user, code, action="publish")
    scope = _scope(request, agency)
    try:
        do_publish_report(_stored(agency, year, scope), acting_user=request.user)
        messages.success(request, "报告已发布。此后记录的变化会列为与已发布报告的差异。")
    except ReportError as error:
        messages.error(request, str(error))
    return redirect(_detail_url(agency, year, scope))


@staff_required
def report_download(request, code, year, fmt):
    agency = access.get_agency_for_staff(request.user, code, action="view")
    scope = _scope(request, agency)
    stored = AnnualReport.objects.filter(agency=agency, year=year, scope=scope).first()
    data = stored.published_data if stored and stored.is_published else build(agency, year, scope, checks=False).data
    return download_response(data, fmt, f"{agency.code}-{year}")


def download_response(data: dict, fmt: str, stem: str) -> HttpResponse:
    if fmt == "docx":
        return _attachment(rendering.render_docx(data),
                           "application/vnd.openxmlformats-officedocument.wordprocessingml.document", f"{stem}.docx")
    if fmt == "pdf":
        return _attachment(rendering.render_pdf(data), "application/pdf", f"{stem}.pdf")
    if fmt == "json":
        return _attachment(json.dumps(data, ensure_ascii=False, indent=1).encode(), "application/json", f"{stem}.json")
    raise Http404("不支持的格式。")


def _attachment(content: bytes, content_type: str, name: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@staff_required
def figures_import(request):
    agencies = access.agencies_for_figures(request.user)
    if not agencies.exists():
        raise Http404("没有可以填报的机关。")
    form = ImportForm(request.POST or None, request.FILES or None)
    errors = []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        errors = do_import_figures(upload.read(), upload.name, allowed_agencies=agencies, acting_user=request.user)
        if not errors:
            messages.success(request, "表二数据已导入。")
            return redirect("annualreports:list")
    return render(request, "annualreports/import.html", {"form": form, "errors": errors})
