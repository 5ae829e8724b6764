"""Writing and reading the event log."""

from django.contrib.contenttypes.models import ContentType
from django.db import transaction

from gongkai.eventlog.models import Event


def record(subject, verb: str, *, actor, from_state: str = "", to_state: str = "", data=None) -> Event:
    """Append one event about `subject`, inside the caller's transaction.

    Called from every state-changing action, after the change itself, so that the
    change and its event commit or roll back together.
    """
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("record() must run inside the transaction of the change it records")
    is_user = actor is not None and getattr(actor, "is_authenticated", False)
    return Event.objects.create(
        actor=actor if is_user else None,
        actor_name=_display_name(actor),
        subject_type=ContentType.objects.get_for_model(subject, for_concrete_model=False),
        subject_id=str(subject.pk),
        verb=verb,
        from_state=from_state or "",
        to_state=to_state or "",
        data=data or {},
    )


def history(subject):
    """The subject's events, oldest first."""
    return Event.objects.filter(
        subject_type=ContentType.objects.get_for_model(subject, for_concrete_model=False),
        subject_id=str(subject.pk),
    ).select_related("actor")


def labelled_history(subject, labels: dict[str, str], states: dict[str, str] | None = None):
    """The subject's events for people: (event, what happened, the new state's name).

    `labels` is the subject's app's EVENT_LABELS; a verb missing there shows as 「其他操作」,
    never as its internal name (a test checks each app's verbs all have labels)."""
    states = states or {}
    for event in history(subject):
        state = states.get(event.to_state, "") if event.to_state != event.from_state else ""
        yield event, labels.get(event.verb, "其他操作"), state


def _display_name(actor) -> str:
    if actor is None:
        return "系统"
    if isinstance(actor, str):
        return actor
    full = (actor.get_full_name() or "").strip()
    return full or actor.get_username()

