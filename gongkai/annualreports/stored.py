"""Published reports' PDF and Word files, rendered once per published version and kept in
the media store (shared by every app server), by a job queued when the report is
published, or by the first request that finds none. The renderers themselves
(rendering.render_pdf/render_docx) are unchanged: this only keeps what they make."""

from __future__ import annotations

import hashlib
import json

from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction

from gongkai.annualreports import rendering
from gongkai.annualreports.models import AnnualReport, StoredRendering

RENDERERS = {"pdf": rendering.render_pdf, "docx": rendering.render_docx}


def fingerprint(report: AnnualReport, fmt: str) -> str:
    """What the file is made from: the frozen report and the layout (its CSS)."""
    source = json.dumps(report.published_data, ensure_ascii=False, sort_keys=True) + fmt + rendering.CSS
    return hashlib.sha256(source.encode("utf-8")).hexdigest()


def stored_file(report: AnnualReport, fmt: str) -> StoredRendering:
    """The kept file of this published version, rendering and keeping it if there is none yet."""
    key = fingerprint(report, fmt)
    found = StoredRendering.objects.filter(report=report, fmt=fmt, fingerprint=key).first()
    if found is not None:
        return found
    content = RENDERERS[fmt](report.published_data)
    name = f"{report.agency.code}-{report.year}-{report.scope}-{key[:12]}.{fmt}"
    rendering_row = StoredRendering(report=report, fmt=fmt, fingerprint=key)
    rendering_row.file.save(name, ContentFile(content), save=False)
    try:
        with transaction.atomic():
            rendering_row.save()
    except IntegrityError:  # another server kept the same version meanwhile: use theirs
        rendering_row.file.delete(save=False)
        return StoredRendering.objects.get(report=report, fmt=fmt, fingerprint=key)
    return rendering_row


def render_published(report_id: int) -> None:
    """The job queued at publication: both files, ready before the first visitor asks."""
    report = AnnualReport.objects.select_related("agency").get(pk=report_id)
    for fmt in RENDERERS:
        stored_file(report, fmt)
