"""Staff pages of the 县长信箱: the queue, one letter with its next step, the counts."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from gongkai.agencies.access import require_office_admin, scope_of, staff_required, visible_agencies
from gongkai.eventlog.log import labelled_history
from gongkai.mailbox import actions
from gongkai.mailbox.access import Action, get_letter_for_staff, letters_for_staff, may
from gongkai.mailbox.forms import AssignForm, PublishForm, ReasonForm, ReplyForm, ReplyRuleForm
from gongkai.mailbox.models import EVENT_LABELS, LetterStatus, ReplyRule
from gongkai.mailbox.statistics import letter_statistics


@staff_required
def queue(request):
    letters = letters_for_staff(request.user)
    status = request.GET.get("status", "")
    if status in LetterStatus.values:
        letters = letters.filter(status=status)
    return render(request, "mailbox/queue.html", {
        "letters": letters.order_by("due_on", "-received_on", "-id")[:200],
        "status": status,
        "statuses": LetterStatus.choices,
        "today": timezone.localdate(),
    })


@staff_required
def detail(request, pk):
    letter = get_letter_for_staff(request.user, pk)
    user = request.user
    events = list(labelled_history(letter, EVENT_LABELS, dict(LetterStatus.choices)))
    context = {"letter": letter, "events": events, "today": timezone.localdate()}
    if may(user, letter, Action.DISPATCH) and letter.status in (LetterStatus.RECEIVED, LetterStatus.ASSIGNED):
        context["assign_form"] = AssignForm(
            agencies=visible_agencies(user), initial={"agency": letter.agency_id, "note": letter.office_note}
        )
        context["close_form"] = ReasonForm(prefix="close")
    if may(user, letter, Action.DRAFT) and letter.status == LetterStatus.ASSIGNED:
        context["reply_form"] = ReplyForm(initial={"reply": letter.reply})
    if may(user, letter, Action.APPROVE) and letter.status == LetterStatus.AWAITING_APPROVAL:
        context["may_approve"] = True
        context["return_form"] = ReasonForm(prefix="return")
    if (may(user, letter, Action.DISPATCH) and letter.status == LetterStatus.ANSWERED
            and letter.agrees_to_publish and not letter.is_published):
        context["publish_form"] = PublishForm.from_version(actions.public_version(letter))
    return render(request, "mailbox/detail.html", context)


def _step(request, pk, action, run):
    letter = get_letter_for_staff(request.user, pk, action=action)
    try:
        message = run(letter)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, message)
    return redirect("mailbox:detail", pk=pk)


@staff_required
@require_POST
def assign(request, pk):
    form = AssignForm(request.POST, agencies=visible_agencies(request.user))

    def run(letter):
        if not form.is_valid():
            raise ValidationError("请选择承办单位。")
        letter = actions.do_assign_letter(letter, form.cleaned_data["agency"], form.cleaned_data["note"], acting_user=request.user)
        return f"已分办至{letter.agency.display_name}，答复期限 {letter.due_on:%Y-%m-%d}。"

    return _step(request, pk, Action.DISPATCH, run)


@staff_required
@require_POST
def close(request, pk):
    form = ReasonForm(request.POST, prefix="close")

    def run(letter):
        actions.do_close_letter(letter, form.data.get("close-reason", ""), acting_user=request.user)
        return "已作不予受理处理。"

    return _step(request, pk, Action.DISPATCH, run)


@staff_required
@require_POST
def draft(request, pk):
    def run(letter):
        actions.do_draft_reply(letter, request.POST.get("reply", ""), acting_user=request.user)
        return "答复已提交负责人审核。"

    return _step(request, pk, Action.DRAFT, run)


@staff_required
@require_POST
def approve(request, pk):
    def run(letter):
        letter = actions.do_approve_reply(letter, acting_user=request.user)
        return "已审核通过，答复已生效。" + ("" if letter.answered_on_time else "（已超过答复期限）")

    return _step(request, pk, Action.APPROVE, run)


@staff_required
@require_POST
def return_reply(request, pk):
    def run(letter):
        actions.do_return_reply(letter, request.POST.get("return-reason", ""), acting_user=request.user)
        return "已退回经办人修改。"

    return _step(request, pk, Action.APPROVE, run)


@staff_required
@require_POST
def publish(request, pk):
    form = PublishForm(request.POST)

    def run(letter):
        if not form.is_valid():
            raise ValidationError("公开标题、来信内容和答复内容都不能为空。")
        data = form.cleaned_data
        name = actions.public_version(letter).name
        version = actions.PublicVersion(name, data["subject"], data["text"], data["reply"])
        actions.do_publish_letter(letter, version, acting_user=request.user)
        return "已在县长信箱公开。"

    return _step(request, pk, Action.DISPATCH, run)


@require_office_admin
def statistics(request):
    today = timezone.localdate()
    try:
        year = int(request.GET.get("year", today.year))
    except ValueError:
        year = today.year
    rule = ReplyRule.objects.order_by("id").first()
    form = ReplyRuleForm(request.POST or None, initial={"workdays": actions.reply_workdays(), "basis": rule.basis if rule else ""})
    if request.method == "POST" and not scope_of(request.user).is_county_office:
        raise PermissionDenied("只有县政务公开办管理员可以修改全县来信的答复期限。")
    if request.method == "POST" and form.is_valid():
        try:
            actions.do_set_reply_workdays(form.cleaned_data["workdays"], form.cleaned_data["basis"], acting_user=request.user)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, "答复期限已保存，此后分办的来信按新期限计算。")
            return redirect("mailbox:statistics")
    stats = letter_statistics(year, today=today, letters=letters_for_staff(request.user))
    return render(request, "mailbox/statistics.html", {
        "stats": stats,
        "year": year,
        "months": sorted(stats.by_month.items()),
        "agencies": sorted(stats.by_agency.items(), key=lambda pair: -pair[1].received),
        "form": form if scope_of(request.user).is_county_office else None,
        "rule": rule,
    })
