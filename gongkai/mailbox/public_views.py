"""The public 县长信箱: write a letter, read the published letters and replies, track one."""

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from gongkai import throttling
from gongkai.mailbox.actions import NewLetter, do_submit_letter, public_version
from gongkai.mailbox.forms import TrackForm, WriteForm
from gongkai.mailbox.models import LetterStatus, MailboxLetter
from gongkai.personaldata.pages import no_store

PAGE_SIZE = 20


def published_letters():
    return MailboxLetter.objects.filter(published_at__isnull=False).select_related("agency")


@require_GET
def letter_list(request):
    letters = published_letters().order_by("-published_at", "-id")
    q = request.GET.get("q", "").strip()
    if q:
        letters = letters.filter(Q(public_subject__icontains=q) | Q(public_text__icontains=q) | Q(public_reply__icontains=q))
    page = Paginator(letters, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "mailbox/public_list.html", {"page": page, "q": q})


@require_GET
def letter_detail(request, pk):
    letter = get_object_or_404(published_letters(), pk=pk)
    return render(request, "mailbox/public_detail.html", {"letter": letter})


@no_store
def write(request):
    if request.method == "POST" and throttling.limited(request, "mailbox-write", settings.RATE_MAILBOX_WRITE):
        return throttling.refused(request)
    form = WriteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        letter = do_submit_letter(NewLetter(
            writer_name=data["writer_name"], contact=data["contact"], subject=data["subject"], text=data["text"],
            agrees_to_publish=data["agrees_to_publish"],
        ))
        request.session["mailbox_sent"] = letter.tracking_code
        return redirect("mailbox_public:sent")
    return render(request, "mailbox/write.html", {"form": form})


@require_GET
@no_store
def sent(request):
    code = request.session.get("mailbox_sent")
    if not code:
        return redirect("mailbox_public:write")
    return render(request, "mailbox/sent.html", {"code": format_code(code)})


def format_code(code: str) -> str:
    """ABCD-EFGH-JKLM-NP: read out over the phone in groups of four."""
    return "-".join(code[i:i + 4] for i in range(0, len(code), 4))


@require_http_methods(["GET", "POST"])
@no_store
def track(request):
    """Look a letter up by its code, sent in the body (never in a URL that proxies and
    browser histories keep), limited per client address in the shared cache."""
    form = TrackForm(request.POST or None)
    letter, reply = None, ""
    if request.method == "POST":
        if throttling.limited(request, "mailbox-track", settings.RATE_MAILBOX_TRACK):
            return throttling.refused(request, "查询次数过多，请10分钟后再试。")
        if form.is_valid():
            letter = MailboxLetter.objects.filter(tracking_code=form.cleaned_data["code"]).first()
            reply = public_reply(letter) if letter is not None else ""
    return render(request, "mailbox/track.html", {
        "form": form, "letter": letter, "reply": reply, "searched": form.is_bound,
    }, status=404 if form.is_bound and letter is None else 200)


def public_reply(letter: MailboxLetter) -> str:
    """Only a reply the approver signed, and only as the public may read it: the text
    as published, or else with names, phones, ID numbers and addresses removed. A draft
    (awaiting approval or returned) is never shown."""
    if letter.status != LetterStatus.ANSWERED:
        return ""
    if letter.is_published:
        return letter.public_reply
    return public_version(letter).reply
