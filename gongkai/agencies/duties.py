"""Separation of duties (四眼原则): who may not do the second step of their own work.

One place for every workflow (publishing, application replies, mailbox replies):
- the preparer of an item or a reply never reviews it (保密审查) nor signs it;
- the reviewer of an item is not its approver.
So a person who is both approver and reviewer cannot pass their own item either.

A county relaxes a rule only through a recorded DutyRelaxation (who, when, why, with
its event row), set by the county office (the root agency's office administrators)
and listed on the supervision page. Nothing else turns a rule off.
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from gongkai.agencies.access import scope_of
from gongkai.agencies.models import Agency, DutyRelaxation, DutyRule
from gongkai.eventlog.log import record

# What the person is told when a rule stops them (plain Chinese, with the rule).
REFUSALS = {
    DutyRule.PREPARER_NOT_REVIEWER: "您是该内容的起草人，不能由本人进行保密审查（职责分离），请由其他保密审查员审查。",
    DutyRule.PREPARER_NOT_APPROVER: "您是该内容的起草人（拟办人），不能由本人审批签发（职责分离），请由其他负责人签发。",
    DutyRule.REVIEWER_NOT_APPROVER: "您已对该内容进行保密审查，不能再由本人审批签发（职责分离），请由其他负责人签发。",
}


class DutyError(Exception):
    """A relaxation that may not be set. str(error) is the reason, in Chinese."""


def refusal(agency: Agency, rule: str, first, second) -> str:
    """The Chinese reason why `second` may not take the step after `first` under `rule`
    in `agency`; "" when they are different people or the county relaxed the rule."""
    if first is None or second is None:
        return ""
    if getattr(first, "pk", first) != getattr(second, "pk", second):
        return ""
    if is_relaxed(agency, rule):
        return ""
    return REFUSALS[DutyRule(rule)]


def refusal_among(agency: Agency, rule: str, earlier_people, second) -> str:
    """As `refusal`, where several people did the earlier step (everyone who wrote or
    changed an item is one of its preparers)."""
    for first in earlier_people:
        reason = refusal(agency, rule, first, second)
        if reason:
            return reason
    return ""


def is_relaxed(agency: Agency, rule: str) -> bool:
    """Whether a recorded relaxation covers `agency` (set on it or on an agency above it)."""
    covering = [int(p) for p in agency.path.strip("/").split("/") if p]
    return DutyRelaxation.objects.filter(agency_id__in=covering, rule=rule, relaxed=True).exists()


def relaxations_covering(agencies):
    """The relaxed rules that apply to any of `agencies` (set on one of them or above),
    for the supervision page."""
    ids = set()
    for path in agencies.values_list("path", flat=True):
        ids.update(int(p) for p in path.strip("/").split("/") if p)
    return DutyRelaxation.objects.filter(agency_id__in=ids, relaxed=True).select_related("agency", "set_by")


def do_set_duty_relaxation(agency: Agency, rule: str, *, relaxed: bool, reason: str, acting_user) -> DutyRelaxation:
    """Relax (or restore) one rule for `agency` and everything under it."""
    if not scope_of(acting_user).is_county_office:
        raise DutyError("只有县政务公开办管理员可以放宽或恢复职责分离规则。")
    if rule not in DutyRule.values:
        raise DutyError(f"“{rule}”不是职责分离规则。")
    if not reason.strip():
        raise DutyError("请写明放宽或恢复该规则的理由。")
    with transaction.atomic():
        row, created = DutyRelaxation.objects.select_for_update().get_or_create(
            agency=agency, rule=rule,
            defaults={"relaxed": relaxed, "reason": reason.strip(), "set_by": acting_user, "set_at": timezone.now()},
        )
        before = None if created else row.relaxed
        row.relaxed, row.reason, row.set_by, row.set_at = relaxed, reason.strip(), acting_user, timezone.now()
        row.save()
        record(row, "duty_rule_relaxed" if relaxed else "duty_rule_restored", actor=acting_user, data={
            "agency": agency.code, "rule": rule, "reason": row.reason, "was_relaxed": before,
        })
    return row
