"""A report read by the checker (reportcheck) taken as an agency's report for a past year.

The next year's report built here compares against it (C6 上年结转, C7 现行有效件数).
This lives with the annual reports, which may depend on the checker; the checker never
depends on the annual reports.
"""

from dataclasses import dataclass

from django import forms
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone

from gongkai.agencies.access import agencies_where, require_office_admin
from gongkai.agencies.models import Role
from gongkai.annualreports.actions import ReportError, do_import_previous_report
from gongkai.annualreports.models import AnnualReport, ImportedReport, ReportStatus, Scope
from gongkai.annualreports.queries import default_scope
from gongkai.reportcheck.models import CheckedReport


class PreviousYearForm(forms.Form):
    """Which agency and year an imported report is, so it serves as that agency's last year."""

    agency = forms.ModelChoiceField(label="机关", queryset=None, empty_label="请选择机关")
    year = forms.IntegerField(label="报告年度", min_value=2008)  # 条例 in force since 2008
    scope = forms.ChoiceField(
        label="报告范围", choices=[("", "按机关类型（政府为全域汇总，部门为本机关）")] + Scope.choices, required=False
    )

    def __init__(self, *args, user, report, **kwargs):
        super().__init__(*args, **kwargs)
        agencies = agencies_where(user, Role.OFFICE_ADMIN).order_by("path")
        self.fields["agency"].queryset = agencies
        self.fields["year"].validators.append(_not_future)
        matched = agencies.filter(name=report.agency).first() if report.agency else None
        self.initial.setdefault("year", report.year)
        if matched is not None:
            self.initial.setdefault("agency", matched.pk)
            self.initial.setdefault("scope", default_scope(matched))

    def clean(self):
        cleaned = super().clean()
        agency = cleaned.get("agency")
        if agency is not None and not cleaned.get("scope"):
            cleaned["scope"] = default_scope(agency)
        return cleaned


def _not_future(year: int) -> None:
    if year > timezone.localdate().year:
        raise forms.ValidationError("年度不能晚于今年。")


@dataclass
class TakenAsPrevious:
    imported: ImportedReport
    renamed_from: str  # the agency as printed, when it differs from the platform's name
    published_exists: bool  # a report published here for that year still wins (building.py)


def do_take_as_previous_year(checked: CheckedReport, agency, year: int, scope: str, *, acting_user) -> TakenAsPrevious:
    """Keep the checked report as `agency`'s report for `year`, for the C6/C7 of year + 1.

    The checker pairs years by agency name and year (checking._last_year), so the stored
    copy carries the platform's name for the agency and the chosen year; the printed name
    stays under `printed_agency`. ReportError if the year contradicts the file.
    """
    data = dict(checked.report)
    printed = data.get("agency") or ""
    if printed and printed != agency.name:
        data["printed_agency"] = printed
    data["agency"] = agency.name
    imported = do_import_previous_report(
        agency, year, scope, {**data, "year": data.get("year") or year},
        source_name=checked.file_name, acting_user=acting_user,
    )
    published = AnnualReport.objects.filter(
        agency=agency, year=year, scope=scope, status=ReportStatus.PUBLISHED
    ).exists()
    return TakenAsPrevious(imported, printed if printed != agency.name else "", published)


@require_office_admin
def take_as_previous_year(request, pk):
    """GET: the form for one checked report; POST: keep it, back to the checker's results."""
    report = get_object_or_404(CheckedReport, pk=pk, uploaded_by=request.user)
    back = reverse("reportcheck:results", args=[report.batch]) + f"#report-{report.pk}"
    if request.method != "POST":
        form = PreviousYearForm(user=request.user, report=report)
        return render(request, "annualreports/previous_year.html", {"form": form, "report": report, "back": back})
    form = PreviousYearForm(request.POST, user=request.user, report=report)
    if not form.is_valid():
        return render(request, "annualreports/previous_year.html", {"form": form, "report": report, "back": back},
                      status=400)
    agency, year, scope = (form.cleaned_data[k] for k in ("agency", "year", "scope"))
    try:
        taken = do_take_as_previous_year(report, agency, year, scope, acting_user=request.user)
    except ReportError as refusal:
        form.add_error("year", str(refusal))
        return render(request, "annualreports/previous_year.html", {"form": form, "report": report, "back": back},
                      status=400)
    text = (f"已将“{report.file_name}”记为{agency.name}{year}年的年度报告，"
            f"核查{agency.name}{year + 1}年报告的上年结转（C6）和现行有效件数（C7）时与它对照。")
    if taken.renamed_from:
        text += f"报告上的机关名称“{taken.renamed_from}”已按“{agency.name}”记录。"
    if taken.published_exists:
        text += f"注意：本平台已发布{agency.name}{year}年的报告，核查时仍以已发布的报告为准。"
    messages.success(request, text)
    return redirect(back)
