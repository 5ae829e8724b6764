"""Every state change in supervision: one function, one transaction, one event row."""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from gongkai.eventlog.log import record
from gongkai.supervision.imports import HotlineRecord, PostRecord
from gongkai.supervision.models import (
    AccountStatus,
    Adjustment,
    AssessmentScheme,
    ColumnRule,
    HotlineCount,
    ImportKind,
    ImportRun,
    Indicator,
    Inquiry,
    MediaAccount,
    PostSource,
    Threshold,
    UpdatePeriod,
)
from gongkai.supervision.seed import DEFAULT_INDICATORS

# --- 政务新媒体 ---------------------------------------------------------------------------

ACCOUNT_FIELDS = ("agency", "platform", "name", "handle", "operator", "opened_on")


def do_register_account(fields: dict, *, acting_user) -> MediaAccount:
    with transaction.atomic():
        account = MediaAccount.objects.create(**{f: fields.get(f) for f in ACCOUNT_FIELDS if f in fields})
        record(account, "account_registered", actor=acting_user, to_state=account.status,
               data={"platform": account.platform, "name": account.name, "agency": account.agency.code})
        return account


def do_update_account(account: MediaAccount, fields: dict, *, acting_user) -> MediaAccount:
    with transaction.atomic():
        account = MediaAccount.objects.select_for_update().get(pk=account.pk)
        changes = {}
        for name in ACCOUNT_FIELDS:
            if name in fields and getattr(account, name) != fields[name]:
                changes[name] = str(fields[name])
                setattr(account, name, fields[name])
        account.save()
        record(account, "account_updated", actor=acting_user, data=changes)
        return account


def do_close_account(account: MediaAccount, reason: str, *, on: datetime.date | None = None, acting_user) -> MediaAccount:
    """关停注销 (国办发〔2018〕123号): always with the reason."""
    if not reason.strip():
        raise ValidationError("关停账号必须填写理由。")
    with transaction.atomic():
        account = MediaAccount.objects.select_for_update().get(pk=account.pk)
        if account.status == AccountStatus.CLOSED:
            raise ValidationError("该账号已关停。")
        account.status = AccountStatus.CLOSED
        account.closed_on = on or timezone.localdate()
        account.closed_reason = reason.strip()
        account.save()
        record(account, "account_closed", actor=acting_user, from_state=AccountStatus.OPEN,
               to_state=AccountStatus.CLOSED, data={"reason": account.closed_reason})
        return account


def do_record_last_post(
    account: MediaAccount, on: datetime.date, *, source: str = PostSource.MANUAL, acting_user
) -> MediaAccount:
    """Record the date of the newest post. An older date than the one held is ignored
    (a late import must not make an account look silent)."""
    if on > timezone.localdate():
        raise ValidationError("最近发布日期不能晚于今天。")
    with transaction.atomic():
        account = MediaAccount.objects.select_for_update().get(pk=account.pk)
        if account.status != AccountStatus.OPEN:
            raise ValidationError("该账号已关停，不能登记发布。")
        before = account.last_post_on
        if before is not None and on <= before:
            return account
        account.last_post_on = on
        account.last_post_source = source
        account.save(update_fields=["last_post_on", "last_post_source"])
        record(account, "last_post_recorded", actor=acting_user,
               data={"from": before.isoformat() if before else None, "to": on.isoformat(), "source": source})
        return account


def do_import_media_posts(
    records: Iterable[PostRecord], filename: str, *, source: str = PostSource.IMPORT, acting_user
) -> ImportRun:
    records = list(records)
    with transaction.atomic():
        run = ImportRun.objects.create(
            kind=ImportKind.MEDIA_POSTS, filename=filename, rows=len(records), imported_by=_user(acting_user)
        )
        for rec in records:
            do_record_last_post(
                MediaAccount(pk=rec.account_id), rec.last_post_on, source=source, acting_user=acting_user
            )
        record(run, "media_posts_imported", actor=acting_user, data={"rows": len(records), "file": filename})
        return run


# --- 12345 ----------------------------------------------------------------------------------


def do_import_hotline_counts(records: Iterable[HotlineRecord], filename: str, *, acting_user) -> ImportRun:
    """Store the counts; a row for a month, agency and category already held replaces it
    (the hotline system's later export is the corrected one)."""
    records = list(records)
    with transaction.atomic():
        replaced = 0
        for rec in records:
            _, created = HotlineCount.objects.update_or_create(
                month=rec.month, agency_id=rec.agency_id, category=rec.category, defaults={"count": rec.count}
            )
            replaced += not created
        run = ImportRun.objects.create(
            kind=ImportKind.HOTLINE, filename=filename, rows=len(records), imported_by=_user(acting_user)
        )
        record(run, "hotline_imported", actor=acting_user,
               data={"rows": len(records), "replaced": replaced, "file": filename})
        return run


# --- 政务公开专区 ----------------------------------------------------------------------------


def do_log_inquiry(kind: str, on: datetime.date, *, agency=None, note: str = "", acting_user) -> Inquiry:
    if on > timezone.localdate():
        raise ValidationError("日期不能晚于今天。")
    with transaction.atomic():
        inquiry = Inquiry.objects.create(kind=kind, on=on, agency=agency, note=note, recorded_by=_user(acting_user))
        record(inquiry, "inquiry_logged", actor=acting_user, data={"kind": kind, "on": on.isoformat()})
        return inquiry


# --- settings held as data ---------------------------------------------------------------------


def do_set_threshold(threshold: Threshold, value: int, *, acting_user) -> Threshold:
    with transaction.atomic():
        threshold = Threshold.objects.select_for_update().get(pk=threshold.pk)
        before = threshold.value
        threshold.value = value
        threshold.save(update_fields=["value"])
        record(threshold, "threshold_set", actor=acting_user, from_state=str(before), to_state=str(value))
        return threshold


def do_set_update_period(period: UpdatePeriod, amount: int, unit: str, *, acting_user) -> UpdatePeriod:
    if amount < 1:
        raise ValidationError("周期至少为 1。")
    with transaction.atomic():
        period = UpdatePeriod.objects.select_for_update().get(pk=period.pk)
        before = period.label
        period.amount, period.unit = amount, unit
        period.save(update_fields=["amount", "unit"])
        record(period, "update_period_set", actor=acting_user, from_state=before, to_state=period.label)
        return period


def do_set_column_rule(node, period: UpdatePeriod | None, *, acting_user) -> ColumnRule | None:
    """Check `node` against `period`, or (None) stop checking it."""
    with transaction.atomic():
        rule = ColumnRule.objects.select_for_update().filter(node=node).first()
        before = rule.period.key if rule else ""
        if period is None:
            if rule is None:
                return None
            record(rule, "column_rule_removed", actor=acting_user, from_state=before, data={"node": node.code})
            rule.delete()
            return None
        rule = rule or ColumnRule(node=node)
        rule.period = period
        rule.save()
        record(rule, "column_rule_set", actor=acting_user, from_state=before, to_state=period.key, data={"node": node.code})
        return rule


# --- 目标考核 -------------------------------------------------------------------------------


def do_create_scheme(year: int, *, acting_user) -> AssessmentScheme:
    """A new year's scheme with the default indicators, to be adjusted by the office."""
    with transaction.atomic():
        if AssessmentScheme.objects.filter(year=year).exists():
            raise ValidationError(f"{year} 年度考核方案已存在。")
        scheme = AssessmentScheme.objects.create(year=year, name=f"{year}年度政务公开工作目标考核")
        for position, (measure, label, weight, penalty) in enumerate(DEFAULT_INDICATORS):
            Indicator.objects.create(
                scheme=scheme, measure=measure, label=label, weight=weight, penalty_per_item=penalty, position=position
            )
        record(scheme, "scheme_created", actor=acting_user, data={"year": year})
        return scheme


def do_add_adjustment(scheme: AssessmentScheme, agency, points, reason: str, *, acting_user) -> Adjustment:
    if not reason.strip():
        raise ValidationError("加减分必须写明理由。")
    with transaction.atomic():
        adjustment = Adjustment.objects.create(
            scheme=scheme, agency=agency, points=points, reason=reason.strip(), created_by=_user(acting_user)
        )
        record(adjustment, "adjustment_added", actor=acting_user,
               data={"agency": agency.code, "points": str(points), "reason": reason.strip()})
        return adjustment


def _user(actor):
    return actor if getattr(actor, "is_authenticated", False) else None
