"""The public 县长信箱: write a letter, read the published letters and replies, track one."""

from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET

from gongkai.mailbox.actions import NewLetter, do_submit_letter
from gongkai.mailbox.forms import TrackForm, WriteForm
from gongkai.mailbox.models import LetterStatus, MailboxLetter

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


def write(request):
    form = WriteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        letter = do_submit_letter(NewLetter(**form.cleaned_data))
        request.session["mailbox_sent"] = letter.tracking_code
        return redirect("mailbox_public:sent")
    return render(request, "mailbox/write.html", {"form": form})


@require_GET
def sent(request):
    code = request.session.get("mailbox_sent")
    if not code:
        return redirect("mailbox_public:write")
    return render(request, "mailbox/sent.html", {"code": code})


@require_GET
def track(request):
    form = TrackForm(request.GET or None)
    letter = None
    if form.is_valid():
        letter = MailboxLetter.objects.filter(tracking_code=form.cleaned_data["code"].strip().upper()).first()
    return render(request, "mailbox/track.html", {
        "form": form, "letter": letter, "searched": form.is_bound, "answered": LetterStatus.ANSWERED,
    })
