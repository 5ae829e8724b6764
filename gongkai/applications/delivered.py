"""Documents delivered with a 予以公开 or 部分公开 reply, redacted where boxes are drawn.

Staff attach a file with its boxes (do_attach_document); the delivered file is made by
a background job (process_document, through gongkai.jobs: inline without Redis), page
by page with progress kept on the row. A file that cannot be redacted is refused with
the Chinese reason and nothing is kept. After the reply is signed the applicant
downloads the delivered files from /track/ for DELIVERED_DOCUMENTS_DAYS days; each
download is an event. The reply letter's 不予提供 list comes from the boxes' reasons.
"""

from __future__ import annotations

import datetime
import logging

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction

from gongkai import jobs
from gongkai.applications import redaction
from gongkai.applications.actions import NotAllowed, _locked, _require, _same
from gongkai.applications.models import (
    REDACTION_LABELS,
    DeliveredDocument,
    DocumentStatus,
    Outcome,
    RedactionReason,
    Status,
)

log = logging.getLogger(__name__)
PDF = "application/pdf"
IMAGES = ("image/jpeg", "image/png")
OFFICE = {
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": ".xlsx",
}


def original_bytes(document) -> bytes:
    """The original, read whole from its start (a FieldFile keeps its position)."""
    with document.original.open("rb") as handle:
        return handle.read()


def parse_boxes(boxes: list[dict]) -> list[redaction.Box]:
    out = []
    for number, item in enumerate(boxes, 1):
        reason = item.get("reason", "")
        if reason not in RedactionReason.values:
            raise NotAllowed(f"第{number}个遮盖框没有选择第十四条、第十五条或第十六条中的理由。")
        try:
            values = [float(item[k]) for k in ("x0", "y0", "x1", "y1")]
            page = int(item["page"])
        except (KeyError, TypeError, ValueError):
            raise NotAllowed(f"第{number}个遮盖框的位置不完整，请重新画框。") from None
        if len(str(item.get("note") or "")) > 100:
            raise NotAllowed(f"第{number}个遮盖框的补充说明太长，请不超过100字。")
        out.append(redaction.Box(page, *values, REDACTION_LABELS[RedactionReason(reason)]))
    return out


def do_attach_document(application, *, upload, content_type: str, title: str, boxes: list[dict] | None = None,
                       acting_user):
    """Attach one file to deliver, checked now (type, pages, encryption). With `boxes`
    (even none) the delivered file is made at once; without, it waits for staff to
    draw them (do_redact_document)."""
    from gongkai.applications.access import may_handle

    if not may_handle(acting_user, application.agency):
        raise NotAllowed("只有本机关经办人可以添加提供的文件。")
    data = upload.read()
    upload.seek(0)
    try:
        if content_type == PDF:
            pages = len(redaction.page_sizes(data, max_pages=settings.REDACTION_MAX_PAGES))
        elif content_type in IMAGES:
            pages = len(redaction.image_sizes(data))
        elif content_type in OFFICE:
            data = redaction.office_to_pdf(data, OFFICE[content_type])
            pages = len(redaction.page_sizes(data, max_pages=settings.REDACTION_MAX_PAGES))
            upload, content_type = ContentFile(data, name="converted.pdf"), PDF
        else:
            raise redaction.RedactionError("提供的文件只能是 PDF、DOCX、XLSX 或 JPG、PNG 图片。")
    except redaction.RedactionError as error:
        raise NotAllowed(str(error)) from None
    if boxes is not None:
        _check(boxes, data, content_type)
    with transaction.atomic():
        application = _locked(application)
        _require(application, (Status.IN_PROGRESS, Status.PROPOSED), "添加提供的文件")
        _void_review(application, acting_user)
        document = DeliveredDocument.objects.create(
            application=application, title=title.strip() or upload.name[:200], original=upload,
            original_type=content_type, added_by=acting_user, page_count=pages, status=DocumentStatus.DRAFT,
        )
        _same(application, "document_attached", acting_user, {"document": document.pk, "title": document.title})
        if boxes is not None:
            _start(application, document, boxes, acting_user)
    return document


def do_redact_document(document, *, boxes: list[dict], acting_user) -> DeliveredDocument:
    """Staff drew the boxes (none: delivered whole): check them and make the file."""
    from gongkai.applications.access import may_handle

    application = document.application
    if not may_handle(acting_user, application.agency):
        raise NotAllowed("只有本机关经办人可以对文件作区分处理。")
    _check(boxes, original_bytes(document), document.original_type)
    with transaction.atomic():
        application = _locked(application)
        _require(application, (Status.IN_PROGRESS, Status.PROPOSED), "对文件作区分处理")
        document = DeliveredDocument.objects.select_for_update().get(pk=document.pk)
        if document.status == DocumentStatus.PROCESSING:
            raise NotAllowed("该文件正在处理，请稍后刷新页面。")
        _void_review(application, acting_user)
        _start(application, document, boxes, acting_user)
    return document


def _void_review(application, acting_user) -> None:
    """条例第十七条: what is delivered is what the reviewer passed. A file added or its
    boxes changed after the 保密审查 sends the reply back to the reviewer."""
    if not application.reviewed_by_id:
        return
    application.reviewed_by, application.reviewed_at, application.review_note = None, None, ""
    application.save(update_fields=["reviewed_by", "reviewed_at", "review_note"])
    _same(application, "reply_review_voided", acting_user, {})


def _check(boxes: list[dict], data: bytes, content_type: str) -> None:
    parsed = parse_boxes(boxes)
    try:
        sizes = (redaction.page_sizes(data, max_pages=settings.REDACTION_MAX_PAGES) if content_type == PDF
                 else redaction.image_sizes(data))
        redaction.check_boxes(parsed, sizes)
    except redaction.RedactionError as error:
        raise NotAllowed(str(error)) from None


def _start(application, document, boxes, acting_user) -> None:
    document.boxes, document.status, document.progress, document.error = boxes, DocumentStatus.PROCESSING, 0, ""
    document.save(update_fields=["boxes", "status", "progress", "error"])
    _same(application, "document_redacted", acting_user, {"document": document.pk, "boxes": len(boxes)})
    pk = document.pk
    transaction.on_commit(lambda: jobs.enqueue("gongkai.applications.delivered.process_document", pk))


def process_document(pk: int) -> None:
    """The job: make the delivered file; progress kept for staff; a failure keeps the
    reason and no half-made file."""
    document = DeliveredDocument.objects.get(pk=pk)
    data = original_bytes(document)
    boxes = parse_boxes(document.boxes)

    def progress(done: int, total: int) -> None:
        if done % 10 == 0 or done == total:
            DeliveredDocument.objects.filter(pk=pk).update(progress=done)

    try:
        if document.original_type == PDF:
            result = redaction.redact_pdf(data, boxes, max_pages=settings.REDACTION_MAX_PAGES, progress=progress)
            content, suffix = (result.pdf if boxes else data), ".pdf"
        elif document.original_type in IMAGES:
            result = redaction.redact_image(data, boxes)
            content, suffix = result.pdf, ".pdf"
        else:
            content, suffix = data, OFFICE[document.original_type]
    except redaction.RedactionError as error:
        DeliveredDocument.objects.filter(pk=pk).update(status=DocumentStatus.FAILED, error=str(error))
        return
    except Exception:  # a file PDFium or pikepdf chokes on: say so, keep nothing half-made
        log.exception("redaction of document %s failed", pk)
        DeliveredDocument.objects.filter(pk=pk).update(
            status=DocumentStatus.FAILED, error="文件处理失败，请检查文件是否完好，或转换为 PDF 后重新上传。")
        return
    document.delivered.save(f"delivered{suffix}", ContentFile(content), save=False)
    DeliveredDocument.objects.filter(pk=pk).update(delivered=document.delivered.name, status=DocumentStatus.READY)


def downloadable_until(application) -> datetime.date | None:
    # Only a reply that discloses (予以公开, 部分公开) delivers files.
    if application.status != Status.REPLIED or application.replied_on is None:
        return None
    if application.outcome not in (Outcome.GRANTED, Outcome.PARTIAL):
        return None
    return application.replied_on + datetime.timedelta(days=settings.DELIVERED_DOCUMENTS_DAYS)


def record_download(application, document) -> None:
    with transaction.atomic():
        _same(application, "document_downloaded", "申请人（网上）", {"document": document.pk, "title": document.title})
