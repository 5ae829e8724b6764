"""State changes of 复议 and 诉讼 cases, each one transaction with its event row.

Who may call them is decided in appeals.access; these functions check only what the
case itself allows, and refuse anything else with an `AppealError` whose message is
shown to the user as is. A refused action changes nothing.
"""

import datetime

from django.db import transaction

from gongkai.appeals.models import Appeal, AppealKind, AppealResult
from gongkai.eventlog.log import record


class AppealError(ValueError):
    """A change the case does not allow; the message is Chinese, for the user."""


EDITABLE_FIELDS = (
    "kind", "application", "reconsideration", "body", "case_number", "appellant", "subject", "filed_on",
)


def do_register_appeal(agency, fields: dict, *, acting_user) -> Appeal:
    """Record a new case against `agency`, pending until its decision is recorded."""
    with transaction.atomic():
        appeal = Appeal(agency=agency, created_by=acting_user, result=AppealResult.PENDING)
        _apply(appeal, fields)
        _check(appeal)
        appeal.save()
        record(appeal, "appeal_registered", actor=acting_user, to_state=appeal.result,
               data={"kind": appeal.kind, "case_number": appeal.case_number, "filed_on": appeal.filed_on.isoformat()})
    return appeal


def do_update_appeal(appeal, fields: dict, *, acting_user) -> Appeal:
    """Correct a case's particulars (case number, body, dates…); the change is logged."""
    with transaction.atomic():
        appeal = Appeal.objects.select_for_update().get(pk=appeal.pk)
        before = {name: _value(appeal, name) for name in EDITABLE_FIELDS}
        _apply(appeal, fields)
        _check(appeal)
        changed = {name: [str(before[name]), str(_value(appeal, name))]
                   for name in EDITABLE_FIELDS if _value(appeal, name) != before[name]}
        if not changed:
            return appeal
        appeal.save()
        record(appeal, "appeal_updated", actor=acting_user, from_state=appeal.result, to_state=appeal.result,
               data={"changes": changed})
    return appeal


def do_record_appeal_decision(appeal, result: str, decided_on: datetime.date | None, note: str = "", *,
                              acting_user) -> Appeal:
    """维持 / 纠正 / 其他 with its date; `pending` with no date reopens a case (e.g. retrial)."""
    result = AppealResult(result)
    with transaction.atomic():
        appeal = Appeal.objects.select_for_update().get(pk=appeal.pk)
        if result != AppealResult.PENDING and decided_on is None:
            raise AppealError("请填写审结日期。")
        if result == AppealResult.PENDING:
            decided_on = None
        if decided_on is not None and decided_on < appeal.filed_on:
            raise AppealError(f"审结日期不能早于立案日期（{appeal.filed_on:%Y-%m-%d}）。")
        if result == appeal.result and decided_on == appeal.decided_on:
            raise AppealError(f"该案件已经是“{result.label}”。")
        from_state = appeal.result
        appeal.result = result
        appeal.decided_on = decided_on
        appeal.decision_note = (note or "").strip()
        appeal.save(update_fields=["result", "decided_on", "decision_note", "updated_at"])
        record(appeal, "appeal_decided", actor=acting_user, from_state=from_state, to_state=result,
               data={"decided_on": decided_on.isoformat() if decided_on else None})
    return appeal


def _value(appeal, name):
    return getattr(appeal, f"{name}_id" if name in ("application", "reconsideration") else name)


def _apply(appeal, fields: dict) -> None:
    unknown = set(fields) - set(EDITABLE_FIELDS)
    if unknown:
        raise ValueError(f"not editable: {sorted(unknown)}")
    for name, value in fields.items():
        setattr(appeal, name, value.strip() if isinstance(value, str) else value)


def _check(appeal) -> None:
    if appeal.kind not in AppealKind.values:
        raise AppealError("请选择案件类别（行政复议、直接起诉或复议后起诉）。")
    if not appeal.body:
        raise AppealError("请填写复议机关或法院。")
    if not appeal.case_number:
        raise AppealError("请填写案号。")
    if appeal.filed_on is None:
        raise AppealError("请填写立案日期。")
    if appeal.decided_on is not None and appeal.decided_on < appeal.filed_on:
        raise AppealError("立案日期不能晚于审结日期。")
    if appeal.application_id is not None and appeal.application.agency_id != appeal.agency_id:
        raise AppealError("所涉申请不是本机关办理的申请。")
    _check_reconsideration_link(appeal)


def _check_reconsideration_link(appeal) -> None:
    # 表四: 复议后起诉 is a lawsuit after a 复议 of the same agency; the other kinds have none.
    if appeal.kind != AppealKind.LITIGATION_AFTER_RECONSIDERATION:
        if appeal.reconsideration_id is not None:
            raise AppealError("只有“复议后起诉”的案件才关联在先的行政复议。")
        return
    earlier = appeal.reconsideration
    if earlier is None:
        return  # an older case whose 复议 was never recorded here: allowed, stands alone
    if earlier.kind != AppealKind.RECONSIDERATION:
        raise AppealError("关联的在先案件不是行政复议。")
    if earlier.agency_id != appeal.agency_id:
        raise AppealError("关联的行政复议不是本机关的案件。")
    if earlier.filed_on > appeal.filed_on:
        raise AppealError("起诉不能早于在先行政复议的立案日期。")
