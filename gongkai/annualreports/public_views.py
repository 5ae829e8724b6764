"""The public pages of published annual reports: always the frozen snapshot."""

from django.http import Http404
from django.shortcuts import render

from gongkai.annualreports import rendering
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
    return download_response(report.published_data, fmt, f"{code}-{year}")
