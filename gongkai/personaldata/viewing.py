"""Every time staff see a full ID number or a proof-of-identity scan, an event row says
who, when and which case (个人信息保护法第五十一条: access to personal information is
controlled and recorded). The supervision page lists them."""

from django.contrib.contenttypes.models import ContentType
from django.db import transaction

from gongkai.eventlog.log import record
from gongkai.eventlog.models import Event

IDENTITY_VIEWED = "identity_viewed"
PROOF_VIEWED = "proof_viewed"
LABELS = {IDENTITY_VIEWED: "查看完整证件号码", PROOF_VIEWED: "查看身份证明扫描件"}


def do_record_personal_data_view(subject, what: str, *, acting_user) -> None:
    """One event for one view; `subject` is the case (an application)."""
    with transaction.atomic():
        record(subject, what, actor=acting_user, data={"case": str(subject)})


def recent_views(subjects=None, limit: int = 200):
    """The latest views, newest first; `subjects` a queryset of cases to limit them to."""
    events = Event.objects.filter(verb__in=LABELS).select_related("actor").order_by("-at", "-pk")
    if subjects is not None:
        events = events.filter(
            subject_type=ContentType.objects.get_for_model(subjects.model, for_concrete_model=False),
            subject_id__in=[str(pk) for pk in subjects.values_list("pk", flat=True)],
        )
    return [(event, LABELS[event.verb]) for event in events[:limit]]
