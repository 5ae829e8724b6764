"""State changes of proactive disclosure (主动公开), each one transaction with its event row.

The workflow of an information item:

    draft ──submit──▶ in_review ──pass review──▶ awaiting_approval ──publish──▶ published
      ▲                  │ (保密审查员)                │ (负责人)                     │
      └──── returned ◀───┴────────── return ──────────┘                            ▼
                                                                      withdraw ──▶ withdrawn

Who may call which action is decided in `publishing.access`; these functions check
only what the workflow allows, and refuse anything else with a `PublishingError`
whose message is shown to the user as is. A refused action changes nothing.
"""

import datetime
import uuid

import filetype
from django.conf import settings
from django.db import transaction
from django.utils import timezone

from gongkai.agencies import duties
from gongkai.agencies.models import DutyRule
from gongkai.eventlog.log import history, record
from gongkai.publishing.catalogue import CONTAINER_NODES, node_applies_to
from gongkai.publishing.models import (
    Attachment,
    CatalogueNode,
    DocKind,
    IndexCounter,
    InformationItem,
    ItemStatus,
    Validity,
)
from gongkai.publishing.sanitize import clean_html, html_to_text
from gongkai.publishing.search_text import search_text_for


class PublishingError(ValueError):
    """A step the workflow or the rules do not allow; the message is for the user.

    `field` names the form field the message belongs next to, when there is one.
    """

    def __init__(self, message: str, *, field: str | None = None):
        super().__init__(message)
        self.message = message
        self.field = field


# The event verbs this module writes, as staff read them in an item's history.
EVENT_LABELS = {
    "item_created": "新建草稿",
    "item_updated": "修改",
    "item_submitted": "提交保密审查",
    "item_review_passed": "通过保密审查",
    "item_returned": "退回",
    "item_published": "审批发布",
    "item_withdrawn": "撤回",
    "item_validity_changed": "变更有效性",
    "attachment_added": "上传附件",
    "local_node_added": "添加子栏目",
}

# The fields a clerk fills in; everything else is set by the workflow.
EDITABLE_FIELDS = (
    "node", "title", "document_number", "written_on", "formed_on", "topic", "body",
    "doc_kind", "issued_on", "interprets", "no_interpretation_reason",
)
EDITABLE_STATUSES = (ItemStatus.DRAFT, ItemStatus.RETURNED)

# Attachments are told apart by their content, never by their name (a renamed .exe
# stays an .exe). MIME type → the extension the stored file gets.
ATTACHMENT_TYPES = {
    "application/pdf": "pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xlsx",
    "image/png": "png",
    "image/jpeg": "jpg",
    "image/gif": "gif",
}
ATTACHMENT_TYPE_NAMES = "PDF、Word（DOCX）、Excel（XLSX）、PNG、JPEG、GIF"


# --- creating and editing ------------------------------------------------------------


def do_create_item(agency, fields: dict, *, acting_user) -> InformationItem:
    """A new draft of `agency`. `fields` holds any of EDITABLE_FIELDS; the body is cleaned."""
    with transaction.atomic():
        item = InformationItem(agency=agency, created_by=acting_user, status=ItemStatus.DRAFT)
        _apply_fields(item, fields)
        _check_item(item)
        item.save()
        record(item, "item_created", actor=acting_user, to_state=item.status, data={"title": item.title})
    return item


def do_update_item(item, fields: dict, *, acting_user) -> InformationItem:
    """Change a draft or a returned item. Published items change only through the
    workflow (withdraw, validity), so what citizens saw stays on record."""
    with transaction.atomic():
        item = _locked(item)
        if item.status not in EDITABLE_STATUSES:
            raise PublishingError(f"“{item.get_status_display()}”状态的信息不能修改，只有草稿和已退回的信息可以修改。")
        before = {name: getattr(item, _attname(name)) for name in EDITABLE_FIELDS}
        _apply_fields(item, fields)
        _check_item(item)
        changed = sorted(name for name in EDITABLE_FIELDS if getattr(item, _attname(name)) != before[name])
        if not changed:
            return item
        item.save()
        record(item, "item_updated", actor=acting_user, from_state=item.status, to_state=item.status,
               data={"fields": changed})
    return item


def _attname(name: str) -> str:
    return f"{name}_id" if name in ("node", "interprets") else name


def _apply_fields(item, fields: dict) -> None:
    unknown = set(fields) - set(EDITABLE_FIELDS)
    if unknown:
        raise ValueError(f"not editable: {sorted(unknown)}")
    for name, value in fields.items():
        if name == "body":
            value = clean_html(value)
        elif isinstance(value, str):
            value = value.strip()
        setattr(item, name, value)
    item.body_text = html_to_text(item.body)


def _check_item(item) -> None:
    """The rules an item must meet whatever its state."""
    if not item.title:
        raise PublishingError("请填写标题。", field="title")
    if item.node_id is None:
        raise PublishingError("请选择所属目录。", field="node")
    if not _node_is_open_to(item.node, item.agency):
        raise PublishingError(f"目录“{item.node.name}”不属于{item.agency.name}的公开目录。", field="node")
    if item.interprets_id is not None:
        _check_interprets(item)


def _node_is_open_to(node, agency) -> bool:
    if node.agency_id is not None:
        return node.agency_id == agency.pk
    return node.code not in CONTAINER_NODES and node_applies_to(node.applies_to, agency.kind)


def _check_interprets(item) -> None:
    target = item.interprets
    if item.doc_kind != DocKind.INTERPRETATION:
        raise PublishingError("只有“政策解读”类信息可以关联所解读的文件。", field="interprets")
    if target.pk == item.pk:
        raise PublishingError("政策解读不能解读它自己。", field="interprets")
    if target.doc_kind not in (DocKind.NORMATIVE, DocKind.RULE):
        raise PublishingError("所解读的文件须是行政规范性文件或规章。", field="interprets")
    # 谁起草谁解读: the agency that drafts a document writes its interpretation.
    if target.agency_id != item.agency_id:
        raise PublishingError("按照“谁起草谁解读”，政策解读须由起草文件的机关发布。", field="interprets")


# --- the workflow ----------------------------------------------------------------------


def do_submit_item(item, *, acting_user) -> InformationItem:
    """经办人 sends a draft (or a returned item, corrected) to 保密审查."""
    return _move(item, EDITABLE_STATUSES, ItemStatus.IN_REVIEW, "item_submitted", acting_user,
                 refusal="只有草稿或已退回的信息可以提交审查。")


def do_pass_review(item, *, acting_user) -> InformationItem:
    """保密审查员 finds nothing secret or private in the item (条例第十七条: 先审查、后公开).
    Never one of the item's own preparers (gongkai.agencies.duties)."""
    _refuse_if(duties.refusal_among(item.agency, DutyRule.PREPARER_NOT_REVIEWER, preparers(item), acting_user))
    return _move(item, (ItemStatus.IN_REVIEW,), ItemStatus.AWAITING_APPROVAL, "item_review_passed", acting_user,
                 refusal="只有保密审查中的信息可以通过审查。")


# Who prepared an item: everyone who wrote it, changed it, attached to it or submitted it.
PREPARING_VERBS = ("item_created", "item_updated", "attachment_added", "item_submitted")


def preparers(item) -> set[int]:
    """The user ids of the item's preparers, from its event history."""
    return {e.actor_id for e in history(item).filter(verb__in=PREPARING_VERBS) if e.actor_id} | (
        {item.created_by_id} if item.created_by_id else set()
    )


def reviewer(item) -> int | None:
    """Who passed the item's latest 保密审查 (after its latest submission)."""
    events = list(history(item).filter(verb__in=("item_submitted", "item_review_passed")).order_by("-id")[:1])
    if events and events[0].verb == "item_review_passed":
        return events[0].actor_id
    return None


def _check_duties_to_publish(item, acting_user) -> None:
    """The approver is neither a preparer nor the reviewer of what they publish."""
    _refuse_if(duties.refusal_among(item.agency, DutyRule.PREPARER_NOT_APPROVER, preparers(item), acting_user))
    _refuse_if(duties.refusal(item.agency, DutyRule.REVIEWER_NOT_APPROVER, reviewer(item), acting_user))


def _refuse_if(reason: str) -> None:
    if reason:
        raise PublishingError(reason)


def do_return_item(item, reason: str, *, acting_user) -> InformationItem:
    """The reviewer or the approver sends the item back to the clerk, saying why."""
    reason = (reason or "").strip()
    if not reason:
        raise PublishingError("退回时须写明理由。", field="reason")
    return _move(item, (ItemStatus.IN_REVIEW, ItemStatus.AWAITING_APPROVAL), ItemStatus.RETURNED,
                 "item_returned", acting_user, refusal="只有审查中或待审批的信息可以退回。",
                 reason=reason, changes={"return_reason": reason})


def do_withdraw_item(item, reason: str = "", *, acting_user) -> InformationItem:
    """Take an item out of the workflow, or off the website once published.

    A published item keeps its 索引号, so the sequence stays gap-free.
    """
    return _move(item, tuple(s for s in ItemStatus if s != ItemStatus.WITHDRAWN), ItemStatus.WITHDRAWN,
                 "item_withdrawn", acting_user, refusal="该信息已经撤回。",
                 reason=(reason or "").strip())


def _move(item, allowed, to_state, verb, acting_user, *, refusal, reason="", changes=None):
    with transaction.atomic():
        item = _locked(item)
        if item.status not in allowed:
            raise PublishingError(f"{refusal}（当前状态：{item.get_status_display()}）")
        from_state = item.status
        item.status = to_state
        for name, value in (changes or {}).items():
            setattr(item, name, value)
        item.save()
        record(item, verb, actor=acting_user, from_state=from_state, to_state=to_state,
               data={"reason": reason} if reason else {})
    return item


def do_publish_item(item, *, acting_user) -> InformationItem:
    """负责人 approves and publishes the item: it gets its 索引号 and its publication date.

    三同步 (国办发〔2016〕80号 and rules.md §4): a normative document is published in the
    same step as its interpretation, or with the reason it needs none written down.
    """
    with transaction.atomic():
        item = _locked(item)
        if item.status != ItemStatus.AWAITING_APPROVAL:
            raise PublishingError(f"只有通过保密审查、待审批的信息可以发布。（当前状态：{item.get_status_display()}）")
        companions = _interpretations_published_with(item)
        for one in [item, *companions]:
            _check_duties_to_publish(one, acting_user)
        now = timezone.now()
        for one in [item, *companions]:
            _publish_one(one, now, acting_user, companion_of=item if one is not item else None)
    return item


def do_publish_annual_report_item(agency, *, title: str, body: str, acting_user) -> InformationItem:
    """The annual report's entry in the 政府信息公开年报 column (条例第四十九条), published at once.

    The report has been through its own review before this is called (consistency
    checks, warnings acknowledged with reasons, publication by the office), so its
    catalogue entry does not pass the item workflow a second time.
    """
    with transaction.atomic():
        node = CatalogueNode.objects.get(code="annual-reports")
        item = InformationItem(agency=agency, node=node, title=title, body=clean_html(body),
                               formed_on=timezone.localdate(), created_by=acting_user, status=ItemStatus.DRAFT)
        item.save()
        record(item, "item_created", actor=acting_user, to_state=item.status, data={"title": title})
        _publish_one(item, timezone.now(), acting_user, companion_of=None)
    return item


def _interpretations_published_with(item) -> list[InformationItem]:
    if item.doc_kind == DocKind.INTERPRETATION and item.interprets_id is not None:
        if item.interprets.status != ItemStatus.PUBLISHED:
            raise PublishingError("政策解读须与所解读的文件同步发布：请在审批文件时一并发布。")
        return []
    if item.doc_kind != DocKind.NORMATIVE:
        return []
    pending = list(
        InformationItem.objects.select_for_update()
        .filter(interprets=item)
        .exclude(status__in=(ItemStatus.WITHDRAWN, ItemStatus.PUBLISHED))
        .order_by("id")
    )
    not_ready = [i for i in pending if i.status != ItemStatus.AWAITING_APPROVAL]
    if not_ready:
        titles = "、".join(f"《{i.title}》" for i in not_ready)
        raise PublishingError(f"政策解读{titles}尚未通过保密审查，须与文件同步审签、同步发布。")
    has_published = InformationItem.objects.filter(interprets=item, status=ItemStatus.PUBLISHED).exists()
    if not pending and not has_published and not item.no_interpretation_reason.strip():
        raise PublishingError("行政规范性文件须与政策解读同步发布；没有解读的，请先写明无需解读的理由。")
    return pending


def _publish_one(item, now, acting_user, *, companion_of) -> None:
    today = timezone.localdate(now)
    from_state = item.status
    item.status = ItemStatus.PUBLISHED
    item.published_at = now
    item.published_on = today
    item.index_number = _next_index_number(item.agency, today.year)
    # 表二 counts a rule or normative document in the year it was issued; the 成文日期
    # stands in when the clerk gave no separate 印发日期.
    if item.doc_kind in (DocKind.NORMATIVE, DocKind.RULE) and item.issued_on is None:
        item.issued_on = item.written_on or today
    item.body_text = html_to_text(item.body)
    item.search_text = search_text_for(item.title, item.document_number, item.body_text)
    item.save()
    data = {"index_number": item.index_number}
    if companion_of is not None:
        data["published_with"] = companion_of.pk
    record(item, "item_published", actor=acting_user, from_state=from_state, to_state=item.status, data=data)


def _next_index_number(agency, year: int) -> str:
    """索引号 {prefix}/{year}-{seq:05d}, gap-free per agency and year: the counter row
    is locked until the publishing transaction ends, and rolls back with it."""
    counter, _ = IndexCounter.objects.select_for_update().get_or_create(agency=agency, year=year)
    counter.last += 1
    counter.save(update_fields=["last"])
    return f"{agency.index_prefix}/{year}-{counter.last:05d}"


def _locked(item) -> InformationItem:
    """The item re-read under a row lock, so two clicks cannot both move it. Only the
    item's row: locking the joined agency too would queue every step of the agency."""
    return InformationItem.objects.select_for_update(of=("self",)).select_related("agency", "node").get(pk=item.pk)


# --- validity (有效性) -----------------------------------------------------------------


def do_change_validity(item, validity: str, on: datetime.date | None, *, acting_user) -> InformationItem:
    """有效 / 失效 / 废止 of a published item, with the date it took effect.

    For a rule or normative document `on` is the repeal or lapse date that 表二 counts.
    """
    validity = Validity(validity)
    with transaction.atomic():
        item = _locked(item)
        if item.status != ItemStatus.PUBLISHED:
            raise PublishingError("只有已发布的信息可以变更有效性。")
        if validity == item.validity:
            raise PublishingError(f"该信息已经是“{validity.label}”。")
        if validity != Validity.VALID and on is None:
            raise PublishingError(f"请填写{validity.label}日期。", field="on")
        start = item.issued_on or item.written_on
        if on is not None and start is not None and on < start:
            raise PublishingError(f"{validity.label}日期不能早于印发日期（{start:%Y-%m-%d}）。", field="on")
        from_state = item.validity
        item.validity = validity
        item.validity_changed_on = on if validity != Validity.VALID else None
        item.save(update_fields=["validity", "validity_changed_on", "updated_at"])
        record(item, "item_validity_changed", actor=acting_user, from_state=from_state, to_state=validity,
               data={"on": on.isoformat() if on else None})
    return item


# --- attachments -----------------------------------------------------------------------


def do_add_attachment(item, upload, *, acting_user) -> Attachment:
    """Store an uploaded file with a draft or returned item, if its content is one of
    the allowed types and it is not too large. `upload` is a Django UploadedFile."""
    limit = settings.ATTACHMENT_MAX_BYTES
    if upload.size > limit:
        raise PublishingError(f"附件“{upload.name}”超过了大小上限（{_megabytes(limit)}），未保存。", field="file")
    if upload.size == 0:
        raise PublishingError(f"附件“{upload.name}”是空文件，未保存。", field="file")
    upload.seek(0)
    kind = filetype.guess(upload.read(8192))
    upload.seek(0)
    if kind is None or kind.mime not in ATTACHMENT_TYPES:
        raise PublishingError(
            f"附件“{upload.name}”的内容不是允许的文件类型，未保存。只能上传 {ATTACHMENT_TYPE_NAMES} 文件。",
            field="file",
        )
    with transaction.atomic():
        item = _locked(item)
        if item.status not in EDITABLE_STATUSES:
            raise PublishingError("只有草稿和已退回的信息可以添加附件。")
        attachment = Attachment(item=item, original_name=upload.name[:255], content_type=kind.mime, size=upload.size)
        # The stored name comes from the content, so a file is always served as what it is.
        attachment.file.save(f"{uuid.uuid4().hex}.{ATTACHMENT_TYPES[kind.mime]}", upload, save=False)
        try:
            attachment.save()
            record(item, "attachment_added", actor=acting_user, from_state=item.status, to_state=item.status,
                   data={"name": attachment.original_name, "type": kind.mime, "size": upload.size})
        except Exception:
            attachment.file.delete(save=False)
            raise
    return attachment


def _megabytes(n: int) -> str:
    return f"{n / 1024 / 1024:g} MB"


# --- the catalogue ---------------------------------------------------------------------


def do_add_local_node(agency, parent, name: str, *, acting_user) -> CatalogueNode:
    """An agency adds a sub-item of its own under a national node (国办公开办函〔2019〕61号:
    the national items are fixed; agencies refine them below)."""
    name = (name or "").strip()
    if not name:
        raise PublishingError("请填写子目录名称。", field="name")
    if not parent.is_national:
        raise PublishingError("子目录只能加在国家规定的目录节点下。", field="parent")
    if parent.code == "guide" or not node_applies_to(parent.applies_to, agency.kind):
        raise PublishingError(f"目录“{parent.name}”不适用于{agency.name}，不能在其下添加子目录。", field="parent")
    with transaction.atomic():
        if CatalogueNode.objects.filter(agency=agency, parent=parent, name=name).exists():
            raise PublishingError(f"“{parent.name}”下已经有名为“{name}”的子目录。", field="name")
        node = CatalogueNode.objects.create(
            code=f"a{agency.pk}-{uuid.uuid4().hex[:12]}", name=name, kind=parent.kind, parent=parent,
            agency=agency, basis=parent.basis, applies_to=parent.applies_to,
            position=CatalogueNode.objects.filter(parent=parent).count() + 1000,
        )
        record(node, "local_node_added", actor=acting_user, data={"agency": agency.pk, "parent": parent.code, "name": name})
    return node
