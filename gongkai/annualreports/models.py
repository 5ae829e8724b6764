"""Annual reports (政府信息公开工作年度报告, 条例第四十九条、第五十条) and the figures they need
from other systems.

The tables are never stored while a report is a draft: they are built from the records
every time (style.md: statistics come from records, never typed in twice). Only two
things are typed: the narrative, and the 表二 figures that live in other systems
(行政许可/处罚/强制 decisions, 行政事业性收费), each with where it came from.
Publishing freezes the report: the interchange JSON as published is stored and is
what the public sees from then on.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q


class Scope(models.TextChoices):
    OWN = "own", "本机关"
    SUBTREE = "subtree", "本机关及所属机关（全县/全乡镇汇总）"


class FigureSource(models.TextChoices):
    MANUAL = "manual", "手工录入"
    CSV = "csv", "CSV 文件导入"
    XLSX = "xlsx", "Excel 文件导入"
    API = "api", "接口推送"


class ExternalFigures(models.Model):
    """表二 第二十条第（五）（六）（八）项: counts and an amount kept by other systems.

    `covers_subtree`: the figures are already the total of the agency and every agency
    under it (a county-wide total from the 政务服务 system), so a subtree report takes
    them as they are and does not add the sub-agencies' own figures on top.
    """

    agency = models.ForeignKey("agencies.Agency", on_delete=models.PROTECT, related_name="+")
    year = models.PositiveIntegerField("年度")
    licensing = models.PositiveIntegerField("行政许可处理决定数", null=True, blank=True)
    penalty = models.PositiveIntegerField("行政处罚处理决定数", null=True, blank=True)
    enforcement = models.PositiveIntegerField("行政强制处理决定数", null=True, blank=True)
    # 万元, kept as the decimal string as reported ("104.17") so no rounding creeps in.
    fees_10k_yuan = models.CharField("行政事业性收费金额（万元）", max_length=32, blank=True)
    covers_subtree = models.BooleanField("已含所属机关", default=False)
    source = models.CharField("来源", max_length=16, choices=FigureSource.choices)
    source_note = models.CharField("来源说明", max_length=200, blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "表二外部数据"
        verbose_name_plural = "表二外部数据"
        constraints = [models.UniqueConstraint(fields=["agency", "year"], name="one_figures_per_agency_year")]

    def __str__(self) -> str:
        return f"{self.agency_id}/{self.year}"


class ReportStatus(models.TextChoices):
    DRAFT = "draft", "草稿"
    PUBLISHED = "published", "已发布"


class AnnualReport(models.Model):
    agency = models.ForeignKey("agencies.Agency", on_delete=models.PROTECT, related_name="annual_reports")
    year = models.PositiveIntegerField("年度")
    scope = models.CharField("范围", max_length=16, choices=Scope.choices)
    status = models.CharField("状态", max_length=16, choices=ReportStatus.choices, default=ReportStatus.DRAFT)

    # 一、总体情况, its five parts (国办公开办函〔2021〕30号), then 五 and 六.
    overview_proactive = models.TextField("（一）主动公开情况", blank=True)
    overview_applications = models.TextField("（二）依申请公开情况", blank=True)
    overview_management = models.TextField("（三）政府信息管理", blank=True)
    overview_platforms = models.TextField("（四）政府信息公开平台建设", blank=True)
    overview_supervision = models.TextField("（五）监督保障", blank=True)
    problems = models.TextField("五、存在的主要问题及改进情况", blank=True)
    other = models.TextField("六、其他需要报告的事项", blank=True)

    published_data = models.JSONField("发布时的报告", null=True, blank=True, editable=False)
    published_at = models.DateTimeField("发布时间", null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    catalogue_item = models.ForeignKey(
        "publishing.InformationItem", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "政府信息公开工作年度报告"
        verbose_name_plural = "政府信息公开工作年度报告"
        ordering = ["-year", "agency__path"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "year", "scope"], name="one_report_per_agency_year_scope"),
            models.CheckConstraint(
                condition=Q(status="draft") | Q(published_data__isnull=False), name="published_report_has_snapshot"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.agency.name}{self.year}年政府信息公开工作年度报告"

    @property
    def is_published(self) -> bool:
        return self.status == ReportStatus.PUBLISHED

    @property
    def title(self) -> str:
        return str(self)


class Acknowledgement(models.Model):
    """A warning (C6–C9) someone read and accepted, with the reason, before publishing."""

    report = models.ForeignKey(AnnualReport, on_delete=models.CASCADE, related_name="acknowledgements")
    # rule|table|row|column: identifies the finding across rebuilds of the same report.
    finding_key = models.CharField(max_length=200)
    message = models.TextField("提示内容")
    reason = models.TextField("理由")
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "提示确认"
        verbose_name_plural = "提示确认"
        constraints = [models.UniqueConstraint(fields=["report", "finding_key"], name="one_ack_per_finding")]

    def __str__(self) -> str:
        return self.finding_key


class ImportedReport(models.Model):
    """A report published outside the platform (e.g. last year's, before it was used), read
    by the report parser, so this year's C6/C7 have something to compare against."""

    agency = models.ForeignKey("agencies.Agency", on_delete=models.PROTECT, related_name="+")
    year = models.PositiveIntegerField("年度")
    scope = models.CharField("范围", max_length=16, choices=Scope.choices)
    data = models.JSONField("报告数据")
    source_name = models.CharField("来源文件", max_length=255, blank=True)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    imported_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "导入的往年报告"
        verbose_name_plural = "导入的往年报告"
        constraints = [models.UniqueConstraint(fields=["agency", "year", "scope"], name="one_import_per_agency_year")]

    def __str__(self) -> str:
        return f"{self.agency_id}/{self.year}/{self.scope}"


class StoredRendering(models.Model):
    """The PDF or Word file of a published report, rendered once and kept (rendering takes
    about half a second of CPU: never again per request). Keyed on what it was rendered
    from, the frozen report and the layout, so a new layout renders afresh."""

    report = models.ForeignKey(AnnualReport, on_delete=models.CASCADE, related_name="renderings")
    fmt = models.CharField("格式", max_length=8)
    fingerprint = models.CharField("内容指纹", max_length=64)
    file = models.FileField("文件", upload_to="reports/")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = verbose_name_plural = "已发布年度报告的文件"
        constraints = [
            models.UniqueConstraint(fields=["report", "fmt", "fingerprint"], name="one_rendering_per_version"),
        ]

    def __str__(self) -> str:
        return f"{self.report}（{self.fmt}）"
