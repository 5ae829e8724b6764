"""The county office's supervision page, the record lists behind its figures, and the
settings held as data. Office administrators only (access.py)."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from gongkai.agencies import duties
from gongkai.agencies.access import require_county_office, require_office_admin, scope_of
from gongkai.applications.models import Application
from gongkai.personaldata.viewing import recent_views
from gongkai.supervision import actions, findings
from gongkai.supervision.access import get_agency_for_office, supervised_agencies
from gongkai.supervision.chart import Series, line_chart
from gongkai.supervision.forms import ColumnRuleForm, DutyRelaxationForm, PeriodForm, ThresholdForm
from gongkai.supervision.models import ColumnRule, Threshold, UpdatePeriod
from gongkai.supervision.trend import missed_deadlines_by_month


@require_office_admin
def overview(request):
    agencies = supervised_agencies(request.user)
    ctx = findings.make_context(timezone.localdate())
    rows = findings.overview(agencies, ctx)
    trend = missed_deadlines_by_month(agencies, ctx.today, ctx.calendar)
    chart = line_chart(
        trend.labels,
        [Series("申请逾期", trend.applications), Series("信息逾期发布", trend.publications),
         Series("来信逾期", trend.letters)],
        title="近12个月逾期事项趋势",
    )
    return render(request, "supervision/overview.html", {
        "rows": rows,
        "kinds": [(kind, findings.SHORT_LABELS[kind]) for kind in findings.Kind],
        "totals": list(findings.totals(rows).items()),
        "today": ctx.today,
        "thresholds": ctx.thresholds,
        "trend": trend,
        "chart": chart,
        "personal_data_views": recent_views(Application.objects.filter(agency__in=agencies), limit=50),
        "relaxations": duties.relaxations_covering(agencies),
    })


@require_office_admin
def records(request, kind):
    try:
        kind = findings.Kind(kind)
    except ValueError as exc:
        raise Http404("没有这类记录。") from exc
    agencies = supervised_agencies(request.user)
    agency = None
    if request.GET.get("agency"):
        agency = get_agency_for_office(request.user, request.GET["agency"])
        agencies = agencies.filter(pk=agency.pk)
    ctx = findings.make_context(timezone.localdate())
    found = findings.find(kind, agencies, ctx)
    return render(request, "supervision/records.html", {
        "kind": kind,
        "label": findings.KIND_LABELS[kind],
        "agency": agency,
        "findings": found,
        "today": ctx.today,
    })


@require_office_admin
def columns(request):
    """Stale columns per agency; an agency past the allowed number fails."""
    agencies = supervised_agencies(request.user)
    ctx = findings.make_context(timezone.localdate())
    by_agency = {}
    for finding in findings.stale_columns(agencies, ctx):
        by_agency.setdefault(finding.agency, []).append(finding)
    groups = sorted(by_agency.items(), key=lambda pair: (-len(pair[1]), pair[0].path))
    return render(request, "supervision/columns.html", {
        "groups": [
            (agency, found, len(found) > ctx.thresholds.stale_columns_allowed) for agency, found in groups
        ],
        "allowed": ctx.thresholds.stale_columns_allowed,
        "rules": ColumnRule.objects.select_related("node", "period").order_by("period__position", "node__position"),
        "today": ctx.today,
        "rule_form": ColumnRuleForm(),
    })


@require_county_office
@require_POST
def column_rule_set(request):
    form = ColumnRuleForm(request.POST)
    if form.is_valid():
        node, period = form.cleaned_data["node"], form.cleaned_data["period"]
        actions.do_set_column_rule(node, period, acting_user=request.user)
        messages.success(request, f"已保存：{node.name}" + (f"按{period.name}（{period.label}）检查。" if period else "不再检查。"))
    else:
        messages.error(request, "请选择栏目。")
    return redirect("supervision:columns")


@require_office_admin
def settings_page(request):
    county_office = scope_of(request.user).is_county_office
    return render(request, "supervision/settings.html", {
        "county_office": county_office,
        "duty_form": DutyRelaxationForm(agencies=supervised_agencies(request.user)) if county_office else None,
        "relaxations": duties.relaxations_covering(supervised_agencies(request.user)),
        "thresholds": [(t, ThresholdForm(initial={"value": t.value}, prefix=f"t{t.pk}")) for t in Threshold.objects.all()],
        "periods": [
            (p, PeriodForm(initial={"amount": p.amount, "unit": p.unit}, prefix=f"p{p.pk}"))
            for p in UpdatePeriod.objects.all()
        ],
    })


@require_county_office
@require_POST
def duty_relaxation_set(request):
    form = DutyRelaxationForm(request.POST, agencies=supervised_agencies(request.user))
    if not form.is_valid():
        messages.error(request, "未能保存：" + "；".join(e for errors in form.errors.values() for e in errors))
        return redirect("supervision:settings")
    data = form.cleaned_data
    try:
        duties.do_set_duty_relaxation(data["agency"], data["rule"], relaxed=data["relaxed"], reason=data["reason"],
                                      acting_user=request.user)
    except duties.DutyError as refused:
        messages.error(request, str(refused))
    else:
        messages.success(request, f"已{'放宽' if data['relaxed'] else '恢复'}：{data['agency'].display_name}"
                                  f" · {dict(form.fields['rule'].choices)[data['rule']]}。")
    return redirect("supervision:settings")


@require_county_office
@require_POST
def threshold_set(request, pk):
    threshold = get_object_or_404(Threshold, pk=pk)
    form = ThresholdForm(request.POST, prefix=f"t{pk}")
    if form.is_valid():
        actions.do_set_threshold(threshold, form.cleaned_data["value"], acting_user=request.user)
        messages.success(request, f"已保存：{threshold.get_key_display()}。")
    else:
        messages.error(request, "数值应为 1 至 400 之间的整数。")
    return redirect("supervision:settings")


@require_county_office
@require_POST
def period_set(request, pk):
    period = get_object_or_404(UpdatePeriod, pk=pk)
    form = PeriodForm(request.POST, prefix=f"p{pk}")
    if form.is_valid():
        actions.do_set_update_period(period, form.cleaned_data["amount"], form.cleaned_data["unit"], acting_user=request.user)
        messages.success(request, f"已保存：{period.name}更新周期。")
    else:
        messages.error(request, "周期应为 1 至 100 之间的整数。")
    return redirect("supervision:settings")
