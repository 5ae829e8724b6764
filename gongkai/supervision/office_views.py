"""The office's other registers: 12345 hotline counts, the 政务公开专区 (inquiry log and QR
sheets), the village-level standard catalogue and the annual assessment."""

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Sum
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from gongkai.agencies.access import require_office_admin
from gongkai.publishing.catalogue import CONTAINER_NODES, nodes_for_agency
from gongkai.supervision import actions, findings
from gongkai.supervision.access import get_agency_for_office, supervised_agencies
from gongkai.supervision.assessment import assess, assessment_xlsx
from gongkai.supervision.forms import AdjustmentForm, InquiryForm, UploadForm
from gongkai.supervision.imports import HOTLINE_COLUMNS, check_hotline
from gongkai.supervision.models import (
    AssessmentScheme,
    HotlineCount,
    ImportKind,
    ImportRun,
    Inquiry,
    InquiryKind,
    VillageCatalogueEntry,
    VillageCategory,
)
from gongkai.supervision.qr import qr_available, qr_svg
from gongkai.supervision.tables import TableError, read_table


@dataclass(frozen=True)
class YearNav:
    """The year shown and its neighbours, bounded by the years that have data (and this
    year): no 上一年 to 1485, no 下一年 to 2567."""

    year: int
    previous: int | None
    next: int | None


def _year_nav(request, years_with_data) -> YearNav:
    this_year = timezone.localdate().year
    years = {y for y in years_with_data if y} | {this_year}
    first, last = min(years), max(years)
    try:
        year = int(request.GET.get("year", ""))
    except ValueError:
        year = this_year
    year = min(max(year, first), last)
    return YearNav(year, year - 1 if year > first else None, year + 1 if year < last else None)


def _year(request) -> int:
    try:
        return int(request.GET.get("year", ""))
    except ValueError:
        return timezone.localdate().year


# --- 12345 ------------------------------------------------------------------------------------


@require_office_admin
def hotline(request):
    nav = _year_nav(request, [d.year for d in HotlineCount.objects.dates("month", "year")])
    year = nav.year
    rows = HotlineCount.objects.filter(agency__in=supervised_agencies(request.user), month__year=year)
    by_agency = defaultdict(lambda: [0] * 12)
    for agency, month, total in rows.values_list("agency__short_name", "month").annotate(total=Sum("count")):
        by_agency[agency][month.month - 1] += total
    by_category = rows.values("category").annotate(total=Sum("count")).order_by("-total")
    monthly = [sum(values[m] for values in by_agency.values()) for m in range(12)]
    return render(request, "supervision/hotline.html", {
        "year": year,
        "nav": nav,
        "months": range(1, 13),
        "by_agency": sorted(((name, values, sum(values)) for name, values in by_agency.items()), key=lambda r: -r[2]),
        "by_category": by_category,
        "monthly": monthly,
        "total": sum(monthly),
        "runs": ImportRun.objects.filter(kind=ImportKind.HOTLINE)[:5],
    })


def _agency_spellings(agencies) -> dict[str, int]:
    spellings = {}
    for agency in agencies:
        for spelling in (agency.code, agency.short_name, agency.name):
            if spelling:
                spellings[spelling] = agency.pk
    return spellings


@require_office_admin
def hotline_import(request):
    form = UploadForm(request.POST or None, request.FILES or None)
    errors = []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            checked = check_hotline(
                read_table(upload.read(), upload.name),
                _agency_spellings(supervised_agencies(request.user)),
                today=timezone.localdate(),
            )
            errors = checked.errors
        except TableError as exc:
            errors = [str(exc)]
        if not errors:
            actions.do_import_hotline_counts(checked.records, upload.name, acting_user=request.user)
            messages.success(request, f"已导入 {len(checked.records)} 行热线数据。")
            return redirect("supervision:hotline")
    return render(request, "supervision/import.html", {
        "form": form,
        "errors": errors,
        "title": "导入12345热线月度件数",
        "columns": HOTLINE_COLUMNS,
        "example": "2025-03,县教育局,教育咨询,42",
        "back": "supervision:hotline",
    })


# --- 政务公开专区 -------------------------------------------------------------------------------


@require_office_admin
def inquiries(request):
    agencies = supervised_agencies(request.user)
    form = InquiryForm(request.POST or None, agencies=agencies, initial={"on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            actions.do_log_inquiry(data["kind"], data["on"], agency=data["agency"], note=data["note"], acting_user=request.user)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, "已登记。")
            return redirect("supervision:inquiries")
    year = _year(request)
    counts = defaultdict(lambda: [0] * 12)
    for kind, on, n in Inquiry.objects.filter(on__year=year).values_list("kind", "on").annotate(n=Count("id")):
        counts[kind][on.month - 1] += n
    table = [(label, counts[key], sum(counts[key])) for key, label in InquiryKind.choices]
    return render(request, "supervision/inquiries.html", {
        "form": form,
        "year": year,
        "months": range(1, 13),
        "table": table,
        "total": sum(row[2] for row in table),
        "recent": Inquiry.objects.select_related("agency")[:20],
    })


@require_office_admin
def qr_sheet(request):
    """A4 sheets of QR codes: each catalogue node of an agency, and the application form."""
    agencies = supervised_agencies(request.user)
    agency = get_agency_for_office(request.user, request.GET["agency"]) if request.GET.get("agency") else None
    root = settings.SITE_ROOT.rstrip("/")
    codes = [("依申请公开申请表", root + reverse("applications_public:apply"))]
    if agency is not None:
        codes.append((f"{agency.display_name}政府信息公开", root + reverse("portal:agency", args=[agency.code])))
        for node in nodes_for_agency(agency).exclude(agency__isnull=True, code__in=CONTAINER_NODES):
            codes.append((node.name, f"{root}{reverse('portal:items')}?agency={agency.code}&node={node.code}"))
    return render(request, "supervision/qr_sheet.html", {
        "agencies": agencies.order_by("path"),
        "agency": agency,
        "codes": [(label, url, qr_svg(url, title=label)) for label, url in codes],
        "qr_available": qr_available(),
    })


# --- 村级政务公开标准目录 ------------------------------------------------------------------------


@require_office_admin
def village_catalogue(request):
    entries = VillageCatalogueEntry.objects.all()
    return render(request, "supervision/village_catalogue.html", {
        "groups": [(label, [e for e in entries if e.category == key]) for key, label in VillageCategory.choices],
    })


# --- 目标考核 -----------------------------------------------------------------------------------


def _assessment_context(user, year: int) -> findings.Context:
    today = timezone.localdate()
    # A past year is measured as it stood on 31 December.
    return findings.make_context(min(today, datetime.date(year, 12, 31)))


@require_office_admin
def assessment(request):
    nav = _year_nav(request, AssessmentScheme.objects.values_list("year", flat=True))
    year = nav.year
    scheme = AssessmentScheme.objects.filter(year=year).first()
    agencies = supervised_agencies(request.user)
    scores = assess(scheme, agencies, _assessment_context(request.user, year)) if scheme else []
    return render(request, "supervision/assessment.html", {
        "year": year,
        "nav": nav,
        "scheme": scheme,
        "indicators": scheme.indicators.all() if scheme else [],
        "scores": scores,
        "form": AdjustmentForm(agencies=agencies) if scheme else None,
        "schemes": AssessmentScheme.objects.all(),
    })


@require_office_admin
@require_POST
def assessment_create(request):
    year = int(request.POST.get("year") or timezone.localdate().year)
    try:
        actions.do_create_scheme(year, acting_user=request.user)
        messages.success(request, f"已建立 {year} 年度考核方案。")
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return redirect(f"{reverse('supervision:assessment')}?year={year}")


@require_office_admin
@require_POST
def assessment_adjust(request, year):
    scheme = get_object_or_404(AssessmentScheme, year=year)
    form = AdjustmentForm(request.POST, agencies=supervised_agencies(request.user))
    if form.is_valid():
        data = form.cleaned_data
        actions.do_add_adjustment(scheme, data["agency"], data["points"], data["reason"], acting_user=request.user)
        messages.success(request, "已记录加减分。")
    else:
        messages.error(request, "请选择单位，填写分值和理由。")
    return redirect(f"{reverse('supervision:assessment')}?year={year}")


@require_office_admin
def assessment_export(request, year):
    scheme = get_object_or_404(AssessmentScheme, year=year)
    scores = assess(scheme, supervised_agencies(request.user), _assessment_context(request.user, year))
    response = HttpResponse(
        assessment_xlsx(scheme, scores),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="assessment-{year}.xlsx"'
    return response
