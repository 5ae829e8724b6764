"""Proactive disclosure (主动公开): the catalogue, information items and their attachments."""

from django.conf import settings
from django.db import models
from django.utils import timezone

from gongkai.agencies.models import Agency


class NodeKind(models.TextChoices):
    GUIDE = "guide", "政府信息公开指南"
    RULES = "rules", "政府信息公开制度"
    STATUTORY = "statutory", "法定主动公开内容"
    ANNUAL_REPORT = "annual_report", "政府信息公开年报"


class CatalogueNode(models.Model):
    """A node of the disclosure column (国办公开办函〔2019〕61号).

    National nodes (agency is null) come from the Regulation and are read-only;
    an agency adds its own sub-items below them.
    """

    code = models.SlugField("编码", max_length=80, unique=True)
    name = models.CharField("名称", max_length=100)
    kind = models.CharField("栏目类别", max_length=16, choices=NodeKind.choices)
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT, related_name="children")
    agency = models.ForeignKey(
        Agency, verbose_name="所属机关", null=True, blank=True, on_delete=models.PROTECT,
        help_text="为空表示国家规定的目录节点（只读）",
    )
    # The article the node implements, e.g. 第二十条第（一）项.
    basis = models.CharField("依据", max_length=100, blank=True)
    # Which agencies the node applies to: all, governments only (Art. 21), townships only.
    applies_to = models.CharField("适用范围", max_length=16, default="all")
    position = models.PositiveIntegerField("排序", default=0)

    class Meta:
        verbose_name = "目录节点"
        verbose_name_plural = "公开目录"
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.name

    @property
    def is_national(self) -> bool:
        return self.agency_id is None


class Topic(models.TextChoices):
    """主题分类, as used by government websites' disclosure columns."""

    GENERAL = "general", "综合政务"
    ECONOMY = "economy", "国民经济管理、国有资产监管"
    FINANCE = "finance", "财政、金融、审计"
    LAND = "land", "国土资源、能源"
    AGRICULTURE = "agriculture", "农业、林业、水利"
    INDUSTRY = "industry", "工业、交通"
    COMMERCE = "commerce", "商贸、海关、旅游"
    MARKET = "market", "市场监管、安全生产监管"
    CONSTRUCTION = "construction", "城乡建设、环境保护"
    EDUCATION = "education", "科技、教育"
    CULTURE = "culture", "文化、广电、新闻出版"
    HEALTH = "health", "卫生、体育"
    POPULATION = "population", "人口与计划生育、妇女儿童工作"
    LABOUR = "labour", "劳动、人事、监察"
    SECURITY = "security", "公安、安全、司法"
    CIVIL = "civil", "民政、扶贫、救灾"
    ETHNIC = "ethnic", "民族、宗教"
    FOREIGN = "foreign", "对外事务"
    OTHER = "other", "其他"


class Validity(models.TextChoices):
    VALID = "valid", "有效"
    EXPIRED = "expired", "失效"
    REPEALED = "repealed", "废止"


class DocKind(models.TextChoices):
    ORDINARY = "ordinary", "一般信息"
    NORMATIVE = "normative", "行政规范性文件"
    RULE = "rule", "规章"
    INTERPRETATION = "interpretation", "政策解读"


class ItemStatus(models.TextChoices):
    DRAFT = "draft", "草稿"
    IN_REVIEW = "in_review", "保密审查中"
    AWAITING_APPROVAL = "awaiting_approval", "待负责人审批"
    PUBLISHED = "published", "已发布"
    RETURNED = "returned", "已退回"
    WITHDRAWN = "withdrawn", "已撤回"


class InformationItem(models.Model):
    agency = models.ForeignKey(Agency, verbose_name="发布机构", on_delete=models.PROTECT, related_name="items")
    node = models.ForeignKey(CatalogueNode, verbose_name="目录", on_delete=models.PROTECT, related_name="items")
    # 索引号, given at publication: {agency.index_prefix}/{year}-{seq:05d}.
    index_number = models.CharField("索引号", max_length=64, unique=True, null=True, blank=True)
    title = models.CharField("标题", max_length=300)
    document_number = models.CharField("文号", max_length=100, blank=True)
    written_on = models.DateField("成文日期", null=True, blank=True)
    # Art. 26 counts 20 working days from the day the information is formed or changed.
    formed_on = models.DateField("形成或变更日期", default=timezone.localdate)
    published_on = models.DateField("发布日期", null=True, blank=True, db_index=True)
    published_at = models.DateTimeField("发布时间", null=True, blank=True)
    topic = models.CharField("主题分类", max_length=16, choices=Topic.choices, default=Topic.GENERAL)
    validity = models.CharField("有效性", max_length=10, choices=Validity.choices, default=Validity.VALID)
    validity_changed_on = models.DateField("失效或废止日期", null=True, blank=True)
    body = models.TextField("正文", blank=True)
    body_text = models.TextField("正文纯文本", blank=True, editable=False)
    # Overlapping two-character tokens of title, 文号 and body: what both SQLite FTS5 and
    # PostgreSQL's full-text search index, since neither segments Chinese words.
    search_text = models.TextField(blank=True, editable=False)
    status = models.CharField("状态", max_length=20, choices=ItemStatus.choices, default=ItemStatus.DRAFT, db_index=True)
    return_reason = models.TextField("退回理由", blank=True)

    doc_kind = models.CharField("文件类别", max_length=16, choices=DocKind.choices, default=DocKind.ORDINARY)
    # 表二: a normative document or rule counts as issued in the year of issued_on and
    # repealed in the year of repealed_on (validity_changed_on when it lapses or is repealed).
    issued_on = models.DateField("印发日期", null=True, blank=True)
    interprets = models.ForeignKey(
        "self", verbose_name="所解读的文件", null=True, blank=True, on_delete=models.PROTECT, related_name="interpretations"
    )
    no_interpretation_reason = models.TextField("无需解读的理由", blank=True)

    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "政府信息"
        verbose_name_plural = "政府信息"
        ordering = ["-published_on", "-id"]
        indexes = [
            models.Index(fields=["status", "agency", "-published_on"], name="item_public_by_agency"),
            models.Index(fields=["status", "node", "-published_on"], name="item_public_by_node"),
            models.Index(fields=["status", "-published_on", "-id"], name="item_public_newest"),
            # 表二 (publishing.statistics) reads only these columns: a covering index keeps
            # it to an index range per agency and kind, however many items there are. (A
            # partial index would be smaller, but SQLite cannot match its condition
            # against bound parameters.)
            models.Index(
                fields=["agency", "doc_kind", "issued_on", "status", "validity", "validity_changed_on"],
                name="item_table_two_covering",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_published(self) -> bool:
        return self.status == ItemStatus.PUBLISHED


class IndexCounter(models.Model):
    """The last 索引号 sequence number used by an agency in a year (row-locked when used)."""

    agency = models.ForeignKey(Agency, on_delete=models.CASCADE)
    year = models.PositiveIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["agency", "year"], name="one_index_counter")]

    def __str__(self) -> str:
        return f"{self.agency_id}/{self.year}: {self.last}"


def attachment_path(instance, filename):
    return f"attachments/{instance.item.agency_id}/{timezone.now():%Y/%m}/{filename}"


class Attachment(models.Model):
    item = models.ForeignKey(InformationItem, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(upload_to=attachment_path)
    original_name = models.CharField("文件名", max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "附件"
        verbose_name_plural = "附件"
        ordering = ["id"]

    def __str__(self) -> str:
        return self.original_name
