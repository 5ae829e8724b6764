"""Staff pages for the working-day calendar: read by all staff, edited by the county
office alone (it moves every agency's statutory due dates)."""

import datetime

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils import timezone

from gongkai.agencies.access import require_county_office, scope_of, staff_required
from gongkai.workdays import store
from gongkai.workdays.forms import DayForm, NoticeForm
from gongkai.workdays.models import CalendarDay, CalendarYear
from gongkai.workdays.notice import with_weekday


@staff_required
def index(request):
    this_year = timezone.localdate().year
    loaded = {y.year: y for y in CalendarYear.objects.select_related("loaded_by")}
    with_rows = {d.year for d in CalendarDay.objects.dates("date", "year")}
    years = sorted(set(loaded) | with_rows | {this_year, this_year + 1}, reverse=True)
    rows = [{"year": y, "loaded": loaded.get(y)} for y in years]
    return render(request, "workdays/index.html", {"rows": rows, "can_edit": _can_edit(request)})


@staff_required
def year_detail(request, year):
    days = [
        {"day": day, "label": with_weekday(day.date)}
        for day in CalendarDay.objects.filter(date__year=year).select_related("updated_by")
    ]
    context = {
        "year": year,
        "loaded": CalendarYear.objects.filter(year=year).first(),
        "days": days,
        "can_edit": _can_edit(request),
    }
    return render(request, "workdays/year.html", context)


@require_county_office
def edit_day(request):
    if request.method == "POST":
        form = DayForm(request.POST)
        if form.is_valid():
            d = form.cleaned_data
            store.set_day(
                d["date"], d["is_workday"], d["name"], d["source"], acting_user=request.user
            )
            messages.success(request, f"已保存 {with_weekday(d['date'])} 的安排。")
            return redirect("workdays:year", year=d["date"].year)
    else:
        form = DayForm(initial=_day_initial(request.GET.get("date", "")))
    return render(request, "workdays/day_form.html", {"form": form})


@require_county_office
def load_notice(request):
    """Paste → preview (what was read) → confirm. The text is parsed again on confirm,
    so what is loaded is exactly what the preview showed for that text."""
    form = NoticeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        notice, source = form.cleaned_data["notice"], form.cleaned_data["source"]
        if "confirm" in request.POST:
            store.load_year(notice.year, notice.special_days(), source, acting_user=request.user)
            messages.success(request, f"已载入{notice.year}年的节假日安排。")
            return redirect("workdays:year", year=notice.year)
        context = {
            "form": form,
            "notice": notice,
            "source": source,
            "already_loaded": CalendarYear.objects.filter(year=notice.year).exists(),
            "existing": CalendarDay.objects.filter(date__year=notice.year).count(),
        }
        return render(request, "workdays/notice_preview.html", context)
    return render(request, "workdays/notice_form.html", {"form": form})


def _can_edit(request) -> bool:
    return scope_of(request.user).is_county_office


def _day_initial(value: str) -> dict:
    try:
        date = datetime.date.fromisoformat(value)
    except ValueError:
        return {}
    row = CalendarDay.objects.filter(date=date).first()
    if row is None:
        return {"date": date, "is_workday": "0" if date.weekday() < 5 else "1"}
    return {
        "date": date,
        "is_workday": "1" if row.is_workday else "0",
        "name": row.name,
        "source": row.source,
    }
