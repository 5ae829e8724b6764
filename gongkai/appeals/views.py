from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render

from gongkai.agencies.access import staff_required
from gongkai.appeals import access
from gongkai.appeals.actions import (
    EDITABLE_FIELDS,
    AppealError,
    do_record_appeal_decision,
    do_register_appeal,
    do_update_appeal,
)
from gongkai.appeals.forms import AppealForm, DecisionForm
from gongkai.appeals.models import EVENT_LABELS, AppealResult
from gongkai.eventlog.log import labelled_history


@staff_required
def appeal_list(request):
    appeals = access.appeals_for_staff(request.user).select_related("agency")
    kind = request.GET.get("kind", "")
    if kind:
        appeals = appeals.filter(kind=kind)
    return render(request, "appeals/list.html", {
        "appeals": appeals[:500], "kind": kind,
        "may_create": access.agencies_for_new_appeals(request.user).exists(),
    })


@staff_required
def appeal_new(request):
    agencies = access.agencies_for_new_appeals(request.user)
    if not agencies.exists():
        raise PermissionDenied("您的角色不能登记复议诉讼案件。")
    form = AppealForm(request.POST or None, agencies=agencies)
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in EDITABLE_FIELDS}
        try:
            appeal = do_register_appeal(form.cleaned_data["agency"], fields, acting_user=request.user)
        except AppealError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, "案件已登记。")
            return redirect("appeals:detail", pk=appeal.pk)
    return render(request, "appeals/form.html", {"form": form})


@staff_required
def appeal_detail(request, pk):
    appeal = access.get_appeal_for_staff(request.user, pk)
    may_edit = access.may_edit(request.user, appeal)
    decision = DecisionForm(initial={"result": appeal.result, "decided_on": appeal.decided_on,
                                     "note": appeal.decision_note})
    return render(request, "appeals/detail.html", {
        "appeal": appeal, "may_edit": may_edit, "decision_form": decision,
        "events": list(labelled_history(appeal, EVENT_LABELS, dict(AppealResult.choices))),
    })


@staff_required
def appeal_edit(request, pk):
    appeal = access.get_appeal_for_staff(request.user, pk, edit=True)
    form = AppealForm(request.POST or None, instance=appeal, agencies=access.agencies_for_new_appeals(request.user)
                      | type(appeal.agency).objects.filter(pk=appeal.agency_id))
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in EDITABLE_FIELDS}
        try:
            do_update_appeal(appeal, fields, acting_user=request.user)
        except AppealError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, "案件信息已保存。")
            return redirect("appeals:detail", pk=appeal.pk)
    return render(request, "appeals/form.html", {"form": form, "appeal": appeal})


@staff_required
def appeal_decide(request, pk):
    appeal = access.get_appeal_for_staff(request.user, pk, edit=True)
    if request.method != "POST":
        return redirect("appeals:detail", pk=appeal.pk)
    form = DecisionForm(request.POST)
    if form.is_valid():
        try:
            do_record_appeal_decision(appeal, form.cleaned_data["result"], form.cleaned_data["decided_on"],
                                      form.cleaned_data["note"], acting_user=request.user)
        except AppealError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, "审结情况已记录。")
    else:
        messages.error(request, "请检查填写的结果和日期。")
    return redirect("appeals:detail", pk=appeal.pk)
