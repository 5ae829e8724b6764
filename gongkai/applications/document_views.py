"""Staff pages for the files delivered with a reply and the applicant's 补正 files.

Glue only: load through access.get_application_for_staff, call one action in
gongkai.applications.delivered, redirect or render. Originals never leave these pages.
"""

from __future__ import annotations

import io
import json
from pathlib import PurePosixPath

import filetype
from django.contrib import messages
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from gongkai.agencies.access import staff_required
from gongkai.applications import delivered
from gongkai.applications.access import Action, get_application_for_staff
from gongkai.applications.actions import NotAllowed
from gongkai.applications.models import EXTENSIONS, AnswerFile, DocumentStatus, RedactionReason

PAGE_IMAGE_SCALE = 1.5  # 108 dpi: readable on screen, boxes placed to a third of a point


def _document(request, pk, document_pk, action=Action.HANDLE):
    application = get_application_for_staff(request.user, pk, action=action)
    document = application.documents.filter(pk=document_pk).first()
    if document is None:
        raise Http404("没有找到该文件。")
    return application, document


@staff_required
@require_POST
def add(request, pk):
    application = get_application_for_staff(request.user, pk, action=Action.HANDLE)
    upload = request.FILES.get("file")
    if upload is None:
        messages.error(request, "请选择要提供的文件。")
        return redirect("applications:case", pk=pk)
    kind = filetype.guess(upload.read(262))
    upload.seek(0)
    try:
        document = delivered.do_attach_document(
            application, upload=upload, content_type=kind.mime if kind else "",
            title=request.POST.get("title", ""), acting_user=request.user)
    except NotAllowed as refused:
        messages.error(request, f"未能添加文件：{refused}")
        return redirect("applications:case", pk=pk)
    return redirect("applications:document_redact", pk=pk, document_pk=document.pk)


@staff_required
@never_cache
def redact(request, pk, document_pk):
    application, document = _document(request, pk, document_pk)
    if request.method == "POST":
        try:
            boxes = json.loads(request.POST.get("boxes") or "[]")
            if not isinstance(boxes, list):
                raise ValueError
            delivered.do_redact_document(document, boxes=boxes, acting_user=request.user)
        except (ValueError, TypeError):
            messages.error(request, "遮盖框数据无法读取，请重新画框。")
        except NotAllowed as refused:
            messages.error(request, f"未能生成：{refused}")
        else:
            document.refresh_from_db()
            done = "已生成提供的文件" if document.status == DocumentStatus.READY else "已开始生成提供的文件"
            messages.success(request, f"{done}：{document.title}。")
            return redirect("applications:case", pk=pk)
    sizes = _sizes(document)
    return render(request, "applications/redact.html", {
        "application": application, "document": document, "reasons": RedactionReason.choices,
        "pages": [{"number": n, "width": w, "height": h} for n, (w, h) in enumerate(sizes, 1)],
        # After a refusal the boxes drawn stay on the page, to be corrected.
        "boxes_json": request.POST.get("boxes") or json.dumps(document.boxes, ensure_ascii=False),
    }, status=422 if request.method == "POST" else 200)


def _sizes(document):
    from django.conf import settings

    from gongkai.applications import redaction

    data = delivered.original_bytes(document)
    if document.original_type == delivered.PDF:
        return redaction.page_sizes(data, max_pages=settings.REDACTION_MAX_PAGES)
    return redaction.image_sizes(data)


@staff_required
@never_cache
def page_image(request, pk, document_pk, number):
    _, document = _document(request, pk, document_pk)
    data = delivered.original_bytes(document)
    if document.original_type != delivered.PDF:
        return HttpResponse(data, content_type=document.original_type)
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(data)
    try:
        if not 1 <= number <= len(pdf):
            raise Http404("没有该页。")
        image = pdf[number - 1].render(scale=PAGE_IMAGE_SCALE).to_pil()
    finally:
        pdf.close()
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return HttpResponse(buffer.getvalue(), content_type="image/png")


@staff_required
@never_cache
def original(request, pk, document_pk):
    _, document = _document(request, pk, document_pk, action=Action.VIEW)
    return FileResponse(document.original.open("rb"), as_attachment=True, filename=f"original-{document.pk}")


@staff_required
@never_cache
def delivered_file(request, pk, document_pk):
    _, document = _document(request, pk, document_pk, action=Action.VIEW)
    if not document.delivered:
        raise Http404("提供的文件尚未生成。")
    return FileResponse(document.delivered.open("rb"), as_attachment=True, filename=f"delivered-{document.pk}.pdf")


@staff_required
@never_cache
def answer_file(request, pk, file_pk):
    application = get_application_for_staff(request.user, pk, action=Action.HANDLE)
    item = AnswerFile.objects.filter(pk=file_pk, answer__application=application).first()
    if item is None:
        raise Http404("没有找到该文件。")
    # Named after the sender's file but with the extension of what it really is.
    name = PurePosixPath(item.original_name).stem + EXTENSIONS.get(item.content_type, ".bin")
    return FileResponse(item.file.open("rb"), as_attachment=True, filename=name, content_type=item.content_type)


@staff_required
@never_cache
def receipt(request, pk):
    """The 登记回执 for staff intake: printed and handed over (or posted)."""
    from gongkai.applications.correspondence import pdf_response
    from gongkai.applications.receipt import receipt_pdf

    application = get_application_for_staff(request.user, pk, action=Action.VIEW)
    return pdf_response(receipt_pdf(application), f"receipt-{application.year}-{application.number}.pdf")
