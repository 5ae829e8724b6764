"""The registry of government new-media accounts (政务新媒体台账)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from gongkai.agencies.access import require_office_admin
from gongkai.supervision import actions, findings
from gongkai.supervision.access import get_account_for_office, supervised_agencies
from gongkai.supervision.forms import AccountForm, CloseAccountForm, LastPostForm, UploadForm
from gongkai.supervision.imports import MEDIA_POST_COLUMNS, check_media_posts
from gongkai.supervision.models import AccountStatus, MediaAccount, Platform
from gongkai.supervision.rules import HEALTH_LABELS, account_silence
from gongkai.supervision.tables import TableError, read_table


@require_office_admin
def media_list(request):
    agencies = supervised_agencies(request.user)
    ctx = findings.make_context(timezone.localdate())
    accounts = MediaAccount.objects.filter(agency__in=agencies).select_related("agency")
    status = request.GET.get("status", AccountStatus.OPEN)
    if status in AccountStatus.values:
        accounts = accounts.filter(status=status)
    if request.GET.get("platform") in Platform.values:
        accounts = accounts.filter(platform=request.GET["platform"])
    duplicates = findings.duplicate_account_ids(agencies)
    rows = []
    for account in accounts:
        silence = None
        if account.is_open:
            silence = account_silence(
                account.last_post_on, ctx.today, ctx.calendar,
                warning_workdays=ctx.thresholds.media_warning_workdays,
                failure_days=ctx.thresholds.media_failure_days,
            )
        rows.append((account, silence, HEALTH_LABELS.get(silence.health) if silence else "", account.pk in duplicates))
    counts = {
        label: MediaAccount.objects.filter(agency__in=agencies, status=AccountStatus.OPEN, platform=key).count()
        for key, label in Platform.choices
    }
    return render(request, "supervision/media_list.html", {
        "rows": rows,
        "status": status,
        "platform": request.GET.get("platform", ""),
        "platforms": Platform.choices,
        "statuses": AccountStatus.choices,
        "counts": {k: v for k, v in counts.items() if v},
        "thresholds": ctx.thresholds,
        "today": ctx.today,
    })


@require_office_admin
def media_new(request):
    agencies = supervised_agencies(request.user)
    form = AccountForm(request.POST or None, agencies=agencies)
    if request.method == "POST" and form.is_valid():
        account = actions.do_register_account(form.cleaned_data, acting_user=request.user)
        messages.success(request, f"已登记账号「{account.name}」。")
        return redirect("supervision:media_list")
    return render(request, "supervision/media_form.html", {"form": form, "account": None})


@require_office_admin
def media_edit(request, pk):
    account = get_account_for_office(request.user, pk)
    form = AccountForm(request.POST or None, instance=MediaAccount.objects.get(pk=pk), agencies=supervised_agencies(request.user))
    if request.method == "POST" and form.is_valid():
        actions.do_update_account(account, form.cleaned_data, acting_user=request.user)
        messages.success(request, "账号信息已保存。")
        return redirect("supervision:media_edit", pk=pk)
    return render(request, "supervision/media_form.html", {
        "form": form,
        "account": account,
        "post_form": LastPostForm(initial={"last_post_on": timezone.localdate()}),
        "close_form": CloseAccountForm(initial={"closed_on": timezone.localdate()}),
    })


@require_office_admin
@require_POST
def media_post(request, pk):
    account = get_account_for_office(request.user, pk)
    form = LastPostForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError("请填写正确的日期。")
        actions.do_record_last_post(account, form.cleaned_data["last_post_on"], acting_user=request.user)
        messages.success(request, "已登记最近发布日期。")
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return redirect("supervision:media_edit", pk=pk)


@require_office_admin
@require_POST
def media_close(request, pk):
    account = get_account_for_office(request.user, pk)
    form = CloseAccountForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError("请填写关停理由和日期。")
        actions.do_close_account(account, form.cleaned_data["reason"], on=form.cleaned_data["closed_on"], acting_user=request.user)
        messages.success(request, f"账号「{account.name}」已关停。")
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return redirect("supervision:media_edit", pk=pk)


@require_office_admin
def media_import(request):
    """Upload a sheet of 平台、账号名称、最近发布日期; nothing is saved if any row is wrong."""
    form = UploadForm(request.POST or None, request.FILES or None)
    errors = []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        accounts = MediaAccount.objects.filter(agency__in=supervised_agencies(request.user), status=AccountStatus.OPEN)
        platforms = {**{label: key for key, label in Platform.choices}, **{key: key for key in Platform.values}}
        try:
            checked = check_media_posts(
                read_table(upload.read(), upload.name),
                {(a.platform, a.name): a.pk for a in accounts},
                platforms,
                today=timezone.localdate(),
            )
            errors = checked.errors
        except TableError as exc:
            errors = [str(exc)]
        if not errors:
            try:
                actions.do_import_media_posts(checked.records, upload.name, acting_user=request.user)
            except ValidationError as exc:
                errors = exc.messages
            else:
                messages.success(request, f"已导入 {len(checked.records)} 个账号的最近发布日期。")
                return redirect("supervision:media_list")
    return render(request, "supervision/import.html", {
        "form": form,
        "errors": errors,
        "title": "导入政务新媒体最近发布日期",
        "columns": MEDIA_POST_COLUMNS,
        "example": "微信公众号,郏县教育发布,2025-03-18",
        "back": "supervision:media_list",
    })
