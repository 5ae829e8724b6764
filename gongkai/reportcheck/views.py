"""The report-checking page of the disclosure office: upload reports, see each one's
tables with the faulty cells marked, export the summary. (Taking a report as an agency's last year is annualreports'.)

A batch is seen only by the office administrator who uploaded it.
"""

import csv

from django.contrib import messages
from django.db.models import Count, Min
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render

from gongkai.agencies.access import require_office_admin
from gongkai.reportcheck.actions import do_check_reports
from gongkai.reportcheck.forms import UploadForm
from gongkai.reportcheck.models import CheckedReport
from gongkai.reportcheck.uploads import MAX_REQUEST_BYTES, unpack
from gongkai.reportformat import grids

RECENT_BATCHES = 20
CSV_FIELDS = ("file", "agency", "year", "format", "errors", "warnings", "unreadable")


@require_office_admin
def upload(request):
    refused = []
    if request.method == "POST" and _content_length(request) > MAX_REQUEST_BYTES:
        # Refused as a whole, by its declared size. (The CSRF check has parsed the body by
        # now: keeping huge bodies out altogether is the web server's client_max_body_size.)
        problem = f"一次上传的文件合计超过 {MAX_REQUEST_BYTES // (1024 * 1024)} MB，请分批上传。"
        return render(request, "reportcheck/upload.html", _upload_context(request, UploadForm(), refused, problem),
                      status=413)
    form = UploadForm(request.POST, request.FILES) if request.method == "POST" else UploadForm()
    if request.method == "POST" and form.is_valid():
        files, refused = unpack(form.cleaned_data["files"])
        checked = do_check_reports(files, acting_user=request.user)
        refused += checked.refused
        if checked.batch is not None:
            for item in refused:
                messages.warning(request, f"“{item.name}”未核查：{item.reason}")
            return redirect("reportcheck:results", batch=checked.batch)
        problem = "没有一份文件能够读取，未保存任何结果。"
        return render(request, "reportcheck/upload.html", _upload_context(request, form, refused, problem),
                      status=400)
    return render(request, "reportcheck/upload.html", _upload_context(request, form, refused),
                  status=400 if form.is_bound else 200)


def _content_length(request) -> int:
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return 0


def _upload_context(request, form, refused, problem: str = "") -> dict:
    batches = (
        CheckedReport.objects.filter(uploaded_by=request.user)
        .values("batch")
        .annotate(at=Min("uploaded_at"), reports=Count("pk"))
        .order_by("-at")[:RECENT_BATCHES]
    )
    return {"form": form, "refused": refused, "problem": problem, "batches": batches}


def _batch_reports(request, batch) -> list[CheckedReport]:
    reports = list(CheckedReport.objects.filter(batch=batch, uploaded_by=request.user))
    if not reports:
        raise Http404("没有找到这批核查结果。")
    return reports


@require_office_admin
def results(request, batch):
    reports = _batch_reports(request, batch)
    shown = [_shown(request, report) for report in reports]
    return render(request, "reportcheck/results.html", {
        "batch": batch, "reports": shown, "uploaded_at": reports[0].uploaded_at,
        "errors": sum(r.errors for r in reports), "warnings": sum(r.warnings for r in reports),
        "unreadable": sum(1 for r in reports if r.unreadable),
    })


def _shown(request, report: CheckedReport) -> dict:
    prefix = f"r{report.pk}"
    return {
        "report": report,
        "anchor": f"report-{report.pk}",
        "grids": grids.tables(report.report, report.findings, prefix),
        "findings": grids.finding_rows(report.findings, prefix),
        "notes": report.report.get("notes") or [],
    }


@require_office_admin
def summary_csv(request, batch):
    reports = _batch_reports(request, batch)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="reportcheck-{batch}.csv"'
    response.write("\ufeff")  # Excel opens UTF-8 Chinese only with the BOM
    writer = csv.writer(response)
    writer.writerow(CSV_FIELDS)
    for report in reports:
        writer.writerow([
            _csv_text(report.file_name), _csv_text(report.agency), report.year or "", report.layout,
            report.errors, report.warnings, report.unreadable or "",
        ])
    return response


def _csv_text(value: str) -> str:
    # A name from an uploaded file must not become a spreadsheet formula.
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value
