"""The public pages of published annual reports: always the frozen snapshot."""

from django.http import FileResponse, Http404
from django.shortcuts import render

from gongkai.annualreports import rendering, stored
from gongkai.annualreports.models import AnnualReport, ReportStatus
from gongkai.annualreports.views import download_response


def published_list(request):
    reports = AnnualReport.objects.filter(status=ReportStatus.PUBLISHED).select_related("agency")
    return render(request, "annualreports/public_list.html", {"reports": reports})


def _published(code, year, scope):
    reports = AnnualReport.objects.filter(agency__code=code, year=year, status=ReportStatus.PUBLISHED)
    if scope:
        reports = reports.filter(scope=scope)
    report = reports.select_related("agency").order_by("-scope").first()  # subtree before own
    if report is None:
        raise Http404("没有找到该年度报告。")
    return report


def published_detail(request, code, year):
    report = _published(code, year, request.GET.get("scope"))
    return render(request, "annualreports/public_detail.html", {
        "report": report, "report_html": rendering.render_html_fragment(report.published_data), "css": rendering.CSS,
    })


def published_download(request, code, year, fmt):
    report = _published(code, year, request.GET.get("scope"))
    if fmt in stored.RENDERERS:  # kept per published version, never rendered per request
        kept = stored.stored_file(report, fmt)
        return FileResponse(kept.file.open("rb"), as_attachment=True, filename=f"{code}-{year}.{fmt}")
    return download_response(report.published_data, fmt, f"{code}-{year}")
