"""Supervision of the disclosure work (条例第四十七条, 国办发〔2018〕123号, 国办秘函〔2019〕19号).

What is kept here: the inspection thresholds and column update periods (as data, marked
'verify' where the official text was not checked), the registry of government new-media
accounts, 12345 hotline counts imported from the hotline system, the in-person inquiry
log of the 政务公开专区, the village-level standard catalogue and the annual assessment
scheme. Every figure the supervision page shows is computed from records
(supervision.findings), never typed in.
"""

from django.conf import settings
from django.db import models

from gongkai.agencies.models import Agency
from gongkai.supervision.rules import PERIOD_UNIT_LABELS, PeriodUnit


class ThresholdKey(models.TextChoices):
    MEDIA_WARNING_WORKDAYS = "media_warning_workdays", "政务新媒体未更新预警（工作日）"
    MEDIA_FAILURE_DAYS = "media_failure_days", "政务新媒体未更新不合格（日历日）"
    STALE_COLUMNS_ALLOWED = "stale_columns_allowed", "网站未按要求更新栏目的容许数（超过即不合格）"
    DUE_SOON_WORKDAYS = "due_soon_workdays", "即将到期提示（工作日）"


class Threshold(models.Model):
    """One inspection number, held as data so the office can correct it without a release."""

    key = models.CharField("指标", max_length=40, choices=ThresholdKey.choices, unique=True)
    value = models.PositiveIntegerField("数值")
    basis = models.CharField("依据", max_length=200, blank=True)
    verify = models.BooleanField("待核实", default=False, help_text="依据原文尚未核对")

    class Meta:
        verbose_name = "检查指标"
        verbose_name_plural = "检查指标"
        ordering = ["key"]

    def __str__(self) -> str:
        return f"{self.get_key_display()}：{self.value}"


class UpdatePeriod(models.Model):
    """How often a kind of website column must be updated (rules.md §6, verify)."""

    key = models.SlugField("编码", max_length=32, unique=True)
    name = models.CharField("栏目类别", max_length=50)
    amount = models.PositiveIntegerField("周期数")
    unit = models.CharField(
        "单位", max_length=8, choices=[(u.value, PERIOD_UNIT_LABELS[u]) for u in PeriodUnit]
    )
    verify = models.BooleanField("待核实", default=True)
    position = models.PositiveIntegerField("排序", default=0)

    class Meta:
        verbose_name = "栏目更新周期"
        verbose_name_plural = "栏目更新周期"
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return f"{self.name}（{self.label}）"

    @property
    def label(self) -> str:
        return f"{self.amount}{self.get_unit_display()}"


class ColumnRule(models.Model):
    """A catalogue node checked for updates, and the period it must keep."""

    node = models.OneToOneField(
        "publishing.CatalogueNode", verbose_name="栏目", on_delete=models.CASCADE, related_name="update_rule"
    )
    period = models.ForeignKey(UpdatePeriod, verbose_name="更新周期", on_delete=models.PROTECT, related_name="rules")

    class Meta:
        verbose_name = "栏目更新要求"
        verbose_name_plural = "栏目更新要求"

    def __str__(self) -> str:
        return f"{self.node} · {self.period}"


# --- 政务新媒体 ------------------------------------------------------------------------


class Platform(models.TextChoices):
    WECHAT = "wechat", "微信公众号"
    WEIBO = "weibo", "微博"
    DOUYIN = "douyin", "抖音"
    TOUTIAO = "toutiao", "今日头条"
    KUAISHOU = "kuaishou", "快手"
    WECHAT_CHANNELS = "wechat_channels", "微信视频号"
    APP = "app", "移动客户端"
    OTHER = "other", "其他"


class AccountStatus(models.TextChoices):
    OPEN = "open", "运营中"
    CLOSED = "closed", "已关停"


class PostSource(models.TextChoices):
    MANUAL = "manual", "手工登记"
    IMPORT = "import", "表格导入"
    API = "api", "接口报送"


class MediaAccount(models.Model):
    agency = models.ForeignKey(Agency, verbose_name="主办单位", on_delete=models.PROTECT, related_name="media_accounts")
    platform = models.CharField("平台", max_length=20, choices=Platform.choices)
    name = models.CharField("账号名称", max_length=100)
    handle = models.CharField("账号或原始ID", max_length=100, blank=True)
    operator = models.CharField("运维单位或责任人", max_length=100, blank=True)
    status = models.CharField("状态", max_length=8, choices=AccountStatus.choices, default=AccountStatus.OPEN)
    opened_on = models.DateField("开设日期", null=True, blank=True)
    closed_on = models.DateField("关停日期", null=True, blank=True)
    closed_reason = models.TextField("关停理由", blank=True)
    last_post_on = models.DateField("最近发布日期", null=True, blank=True)
    last_post_source = models.CharField("最近发布日期来源", max_length=8, choices=PostSource.choices, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "政务新媒体账号"
        verbose_name_plural = "政务新媒体账号"
        ordering = ["agency__path", "platform", "id"]
        constraints = [
            models.UniqueConstraint(fields=["platform", "name"], name="media_account_name_unique_on_platform"),
        ]

    def __str__(self) -> str:
        return f"{self.get_platform_display()}：{self.name}"

    @property
    def is_open(self) -> bool:
        return self.status == AccountStatus.OPEN


# --- 12345 热线 --------------------------------------------------------------------------


class HotlineCount(models.Model):
    """Calls the 12345 hotline passed to an agency in one month, by category."""

    month = models.DateField("月份", help_text="该月第一天")
    agency = models.ForeignKey(Agency, verbose_name="承办单位", on_delete=models.PROTECT, related_name="+")
    category = models.CharField("类别", max_length=50)
    count = models.PositiveIntegerField("件数")
    imported_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "12345热线件数"
        verbose_name_plural = "12345热线件数"
        ordering = ["-month", "agency__path", "category"]
        constraints = [
            models.UniqueConstraint(fields=["month", "agency", "category"], name="one_hotline_count"),
        ]

    def __str__(self) -> str:
        return f"{self.month:%Y-%m} {self.agency} {self.category} {self.count}"


# --- 政务公开专区 ------------------------------------------------------------------------


class InquiryKind(models.TextChoices):
    INFORMATION = "information", "政府信息查询"
    SERVICE = "service", "政务服务咨询"
    READING = "reading", "纸质文件查阅"
    APPLICATION = "application", "依申请公开指导"
    OTHER = "other", "其他"


class Inquiry(models.Model):
    """One in-person visit at the 政务公开专区 (one row per person served)."""

    kind = models.CharField("类别", max_length=16, choices=InquiryKind.choices)
    agency = models.ForeignKey(
        Agency, verbose_name="涉及单位", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    on = models.DateField("日期")
    note = models.CharField("摘要", max_length=200, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "专区咨询登记"
        verbose_name_plural = "专区咨询登记"
        ordering = ["-on", "-id"]

    def __str__(self) -> str:
        return f"{self.on} {self.get_kind_display()}"


# --- 村级政务公开标准目录 --------------------------------------------------------------------


class VillageCategory(models.TextChoices):
    PARTY = "party", "党务公开"
    AFFAIRS = "affairs", "村务公开"
    FINANCE = "finance", "财务公开"


class VillageCatalogueEntry(models.Model):
    """One item of the village-level standard catalogue (村级政务公开标准目录): the yardstick
    against which the office checks what villages and communities publish."""

    code = models.SlugField("编码", max_length=64, unique=True)
    category = models.CharField("类别", max_length=10, choices=VillageCategory.choices)
    name = models.CharField("公开事项", max_length=100)
    content = models.TextField("公开内容")
    basis = models.CharField("公开依据", max_length=300, blank=True)
    timing = models.CharField("公开时限", max_length=100)
    channel = models.CharField("公开方式", max_length=100)
    position = models.PositiveIntegerField("排序", default=0)
    verify = models.BooleanField("待核实", default=True)

    class Meta:
        verbose_name = "村级公开目录事项"
        verbose_name_plural = "村级政务公开标准目录"
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.name


# --- 目标考核 --------------------------------------------------------------------------------


class Measure(models.TextChoices):
    APPLICATIONS_ON_TIME = "applications_on_time", "依申请公开按时办结率"
    LATE_PUBLICATIONS = "late_publications", "主动公开信息逾期发布条数"
    STALE_COLUMNS = "stale_columns", "网站栏目未按期更新个数"
    SILENT_ACCOUNTS = "silent_accounts", "政务新媒体两周未更新账号数"
    LETTERS_ON_TIME = "letters_on_time", "县长信箱按时答复率"
    ANNUAL_REPORT = "annual_report", "年度报告按时发布"


class AssessmentScheme(models.Model):
    year = models.PositiveIntegerField("考核年度", unique=True)
    name = models.CharField("名称", max_length=100)
    note = models.TextField("说明", blank=True)

    class Meta:
        verbose_name = "考核方案"
        verbose_name_plural = "考核方案"
        ordering = ["-year"]

    def __str__(self) -> str:
        return self.name


class Indicator(models.Model):
    """One indicator: its weight (points), and how the records measure it."""

    scheme = models.ForeignKey(AssessmentScheme, on_delete=models.CASCADE, related_name="indicators")
    measure = models.CharField("计分方式", max_length=32, choices=Measure.choices)
    label = models.CharField("指标名称", max_length=100)
    weight = models.DecimalField("分值", max_digits=6, decimal_places=2)
    # For count measures: points taken off per record (the score never falls below 0).
    penalty_per_item = models.DecimalField("每项扣分", max_digits=6, decimal_places=2, default=0)
    position = models.PositiveIntegerField("排序", default=0)

    class Meta:
        verbose_name = "考核指标"
        verbose_name_plural = "考核指标"
        ordering = ["position", "id"]
        constraints = [models.UniqueConstraint(fields=["scheme", "measure"], name="one_indicator_per_measure")]

    def __str__(self) -> str:
        return self.label


class Adjustment(models.Model):
    """A manual addition or deduction, always with its reason (加减分)."""

    scheme = models.ForeignKey(AssessmentScheme, on_delete=models.CASCADE, related_name="adjustments")
    agency = models.ForeignKey(Agency, verbose_name="单位", on_delete=models.PROTECT, related_name="+")
    points = models.DecimalField("加减分", max_digits=6, decimal_places=2)
    reason = models.TextField("理由")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "考核加减分"
        verbose_name_plural = "考核加减分"
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.agency} {self.points:+}"


class ImportKind(models.TextChoices):
    HOTLINE = "hotline", "12345热线件数"
    MEDIA_POSTS = "media_posts", "政务新媒体最近发布日期"


class ImportRun(models.Model):
    """One successful import of a sheet (a failed one saves nothing, this row included)."""

    kind = models.CharField("导入内容", max_length=16, choices=ImportKind.choices)
    filename = models.CharField("文件名", max_length=255)
    rows = models.PositiveIntegerField("行数")
    imported_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+")
    imported_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "导入记录"
        verbose_name_plural = "导入记录"
        ordering = ["-imported_at", "-id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.filename}"
