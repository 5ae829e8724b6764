"""Reports checked through the web page, kept so a batch's results have a stable address.

Only files that were read are stored: the parsed report (interchange JSON with the
reader's provenance) and the checker's findings as they were at upload time.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone

from gongkai.reportformat.checking import ERROR, WARNING
from gongkai.reportformat.reading.status import unreadable_reason


class SourceKind(models.TextChoices):
    PDF = "pdf", "PDF"
    DOCX = "docx", "Word（DOCX）"
    HTML = "html", "网页（HTML）"
    TEXT = "text", "文本"


class CheckedReport(models.Model):
    # The files uploaded together share a batch: the results page is the batch's.
    batch = models.UUIDField("批次", default=uuid.uuid4, db_index=True)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField("上传时间", default=timezone.now)
    file_name = models.CharField("文件名", max_length=255)
    sha256 = models.CharField("SHA-256", max_length=64)
    kind = models.CharField("文件类型", max_length=8, choices=SourceKind.choices)
    report = models.JSONField("读出的报告")
    findings = models.JSONField("核查发现", default=list)

    class Meta:
        verbose_name = "核查过的年报"
        verbose_name_plural = "核查过的年报"
        ordering = ["uploaded_at", "pk"]

    def __str__(self) -> str:
        return self.file_name

    @property
    def agency(self) -> str:
        return self.report.get("agency") or ""

    @property
    def year(self):
        return self.report.get("year")

    @property
    def layout(self) -> str:
        return self.report.get("format") or ""

    @property
    def unreadable(self) -> str | None:
        """One line of Chinese when 表三 or 表四 could not be read: never "no errors"."""
        return unreadable_reason(self.report.get("tables") or {})

    @property
    def errors(self) -> int:
        return sum(1 for f in self.findings if f.get("severity") == ERROR)

    @property
    def warnings(self) -> int:
        return sum(1 for f in self.findings if f.get("severity") == WARNING)
