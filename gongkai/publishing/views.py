"""Staff pages of proactive disclosure. Glue only: load, check access, call one action,
redirect or render. Rules live in publishing.actions, access in publishing.access."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from gongkai import uploads
from gongkai.agencies.access import agencies_where, staff_required, visible_agencies
from gongkai.agencies.models import Role
from gongkai.eventlog.log import history
from gongkai.publishing import actions
from gongkai.publishing.access import (
    agencies_for_local_nodes,
    agencies_for_new_items,
    get_item_for_staff,
    items_for_staff,
    may,
)
from gongkai.publishing.deadlines import UNPUBLISHED, publication_deadlines, publication_due_on
from gongkai.publishing.forms import (
    AttachmentForm,
    ItemForm,
    LocalNodeForm,
    ReasonForm,
    ValidityForm,
    WithdrawForm,
)
from gongkai.publishing.models import Attachment, CatalogueNode, DocKind, ItemStatus, Validity

PAGE_SIZE = 50


@staff_required
def item_list(request):
    items = items_for_staff(request.user).select_related("agency", "node").order_by("-updated_at", "-id")
    status = request.GET.get("status", "")
    if status in ItemStatus.values:
        items = items.filter(status=status)
    doc_kind = request.GET.get("doc_kind", "")
    if doc_kind in DocKind.values:
        items = items.filter(doc_kind=doc_kind)
    agencies = visible_agencies(request.user)
    agency = request.GET.get("agency", "")
    if agency:
        items = items.filter(agency__code=agency)
    q = request.GET.get("q", "").strip()
    if q:
        items = items.filter(title__icontains=q)
    page = Paginator(items, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "publishing/list.html", {
        "page": page, "statuses": ItemStatus.choices, "doc_kinds": DocKind.choices, "agencies": agencies,
        "filters": {"status": status, "doc_kind": doc_kind, "agency": agency, "q": q},
        "may_create": agencies_for_new_items(request.user).exists(),
    })


@staff_required
def item_create(request):
    agencies = list(agencies_for_new_items(request.user))
    if not agencies:
        raise PermissionDenied("只有经办人可以新建信息。")
    code = request.GET.get("agency") or request.POST.get("agency")
    if code is None and len(agencies) > 1:
        return render(request, "publishing/choose_agency.html", {"agencies": agencies})
    agency = agencies[0] if code is None else next((a for a in agencies if a.code == code), None)
    if agency is None:
        raise Http404("没有找到该机关。")
    form = ItemForm(request.POST or None, agency=agency)
    if request.method == "POST" and form.is_valid():
        try:
            item = actions.do_create_item(agency, form.changes(), acting_user=request.user)
        except actions.PublishingError as refusal:
            form.add_refusal(refusal)
        else:
            messages.success(request, "草稿已保存。")
            return redirect("publishing:detail", pk=item.pk)
    return render(request, "publishing/form.html", {"form": form, "agency": agency, "item": None})


@staff_required
def item_edit(request, pk):
    item = get_item_for_staff(request.user, pk, action="edit")
    form = ItemForm(request.POST or None, instance=item, agency=item.agency)
    if request.method == "POST" and form.is_valid():
        try:
            actions.do_update_item(item, form.changes(), acting_user=request.user)
        except actions.PublishingError as refusal:
            form.add_refusal(refusal)
        else:
            messages.success(request, "修改已保存。")
            return redirect("publishing:detail", pk=item.pk)
    return render(request, "publishing/form.html", {"form": form, "agency": item.agency, "item": item})


@staff_required
def item_detail(request, pk):
    item = get_item_for_staff(request.user, pk, action="view")
    return _render_detail(request, item)


def _render_detail(request, item, **forms):
    user = request.user
    can = {action: may(user, item, action) for action in
           ("edit", "submit", "attach", "review", "publish", "return", "withdraw", "validity")}
    due = None
    if item.status in UNPUBLISHED:
        from gongkai.workdays.store import current_calendar

        due = publication_due_on(item.formed_on, current_calendar())
    context = {
        "item": item,
        "can": can,
        "due": due,
        "attachments": item.attachments.all(),
        "interpretations": item.interpretations.exclude(status=ItemStatus.WITHDRAWN),
        "events": _timeline(item),
        "today": timezone.localdate(),
        "return_form": forms.get("return_form") or ReasonForm(),
        "withdraw_form": forms.get("withdraw_form") or WithdrawForm(prefix="withdraw"),
        "validity_form": forms.get("validity_form") or ValidityForm(initial={"validity": item.validity}),
        "attachment_form": forms.get("attachment_form") or AttachmentForm(),
        "editable": item.status in actions.EDITABLE_STATUSES,
    }
    status = 400 if forms else 200
    return render(request, "publishing/detail.html", context, status=status)


def _timeline(item):
    """The item's events with their verbs and states in words."""
    states = dict(ItemStatus.choices) | dict(Validity.choices)
    return [
        {
            "at": e.at, "actor": e.actor_name, "what": actions.EVENT_LABELS.get(e.verb, e.verb),
            "from": states.get(e.from_state, e.from_state), "to": states.get(e.to_state, e.to_state),
            "changed": e.from_state != e.to_state, "data": e.data,
        }
        for e in history(item)
    ]


# --- workflow steps: one POST each --------------------------------------------------------

_STEPS = {
    # url name: (access action, the action function, success message)
    "submit": ("submit", actions.do_submit_item, "已提交保密审查。"),
    "pass_review": ("review", actions.do_pass_review, "已通过保密审查，转负责人审批。"),
    "publish": ("publish", actions.do_publish_item, "已发布。"),
}


@require_POST
@staff_required
def item_step(request, pk, step):
    access_action, do_step, done = _STEPS[step]
    item = get_item_for_staff(request.user, pk, action=access_action)
    try:
        do_step(item, acting_user=request.user)
    except actions.PublishingError as refusal:
        messages.error(request, refusal.message)
    else:
        messages.success(request, done)
    return redirect("publishing:detail", pk=item.pk)


def _form_step(request, item, form, form_name, perform, done):
    """The glue of a workflow form: valid → run the action → back to the item; a refusal
    or invalid input → the item page again, with the message next to the form."""
    if form.is_valid():
        try:
            perform(form.cleaned_data)
        except actions.PublishingError as refusal:
            form.add_refusal(refusal)
        else:
            messages.success(request, done)
            return redirect("publishing:detail", pk=item.pk)
    return _render_detail(request, item, **{form_name: form})


@require_POST
@staff_required
def item_return(request, pk):
    item = get_item_for_staff(request.user, pk, action="return")
    return _form_step(
        request, item, ReasonForm(request.POST), "return_form",
        lambda data: actions.do_return_item(item, data["reason"], acting_user=request.user),
        "已退回经办人。",
    )


@require_POST
@staff_required
def item_withdraw(request, pk):
    item = get_item_for_staff(request.user, pk, action="withdraw")
    return _form_step(
        request, item, WithdrawForm(request.POST, prefix="withdraw"), "withdraw_form",
        lambda data: actions.do_withdraw_item(item, data["reason"], acting_user=request.user),
        "已撤回。",
    )


@require_POST
@staff_required
def item_validity(request, pk):
    item = get_item_for_staff(request.user, pk, action="validity")
    return _form_step(
        request, item, ValidityForm(request.POST), "validity_form",
        lambda data: actions.do_change_validity(item, data["validity"], data["on"], acting_user=request.user),
        "有效性已更新。",
    )


@require_POST
@staff_required
def attachment_add(request, pk):
    item = get_item_for_staff(request.user, pk, action="attach")
    return _form_step(
        request, item, AttachmentForm(request.POST, request.FILES), "attachment_form",
        lambda data: actions.do_add_attachment(item, data["file"], acting_user=request.user),
        "附件已上传。",
    )


@staff_required
def attachment_download(request, pk, attachment_pk):
    item = get_item_for_staff(request.user, pk, action="view")
    attachment = get_object_or_404(Attachment, pk=attachment_pk, item=item)
    return uploads.download_response(attachment.file, content_type=attachment.content_type,
                                     filename=attachment.original_name)


# --- queues and lists ----------------------------------------------------------------------


@staff_required
def review_queue(request):
    """待保密审查: what the user's agencies' reviewers have to look at."""
    agencies = agencies_where(request.user, Role.REVIEWER, Role.OFFICE_ADMIN)
    return _queue(request, agencies, ItemStatus.IN_REVIEW, "待保密审查")


@staff_required
def approval_queue(request):
    """待审批: what has passed review and waits for the head of the agency."""
    agencies = agencies_where(request.user, Role.APPROVER, Role.OFFICE_ADMIN)
    return _queue(request, agencies, ItemStatus.AWAITING_APPROVAL, "待审批")


def _queue(request, agencies, status, title):
    items = items_for_staff(request.user).filter(agency__in=agencies, status=status)
    items = items.select_related("agency", "node").order_by("formed_on", "id")
    return render(request, "publishing/queue.html", {"items": items, "title": title})


@staff_required
def deadlines(request):
    listing = publication_deadlines(visible_agencies(request.user))
    return render(request, "publishing/deadlines.html", {"listing": listing})


@staff_required
def catalogue(request):
    agencies = list(agencies_for_local_nodes(request.user))
    form = LocalNodeForm(request.POST or None, agencies=agencies_for_local_nodes(request.user))
    if request.method == "POST":
        if not agencies:
            raise PermissionDenied("您不能为任何机关添加子目录。")
        if form.is_valid():
            data = form.cleaned_data
            try:
                actions.do_add_local_node(data["agency"], data["parent"], data["name"], acting_user=request.user)
            except actions.PublishingError as refusal:
                form.add_refusal(refusal)
            else:
                messages.success(request, f"已添加子目录“{data['name']}”。")
                return redirect("publishing:catalogue")
    local_nodes = CatalogueNode.objects.filter(agency__in=visible_agencies(request.user))
    return render(request, "publishing/catalogue.html", {
        "form": form if agencies else None,
        "national_nodes": CatalogueNode.objects.filter(agency__isnull=True).select_related("parent"),
        "local_nodes": local_nodes.select_related("agency", "parent").order_by("agency__path", "parent__position", "position"),
    }, status=400 if form.errors else 200)
