"""办事指南 (办事一本通): one guide per service item, searchable by agency and by life event.

郏县2021年年报一(一): "汇总编制“办事一本通”，对1934项办事服务信息加以集成" — the
guides are imported from the spreadsheet the agencies compile (services.importing).
"""

from django.conf import settings
from django.db import models


class LifeEvent(models.Model):
    """A life event (人生事件) the public looks services up by: 生育、入学、就业…"""

    code = models.SlugField("编码", max_length=32, unique=True)
    name = models.CharField("名称", max_length=20, unique=True)
    position = models.PositiveIntegerField("排序", default=0)

    class Meta:
        verbose_name = "人生事件"
        verbose_name_plural = "人生事件"
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.name


class ServiceItem(models.Model):
    agency = models.ForeignKey(
        "agencies.Agency", verbose_name="实施机关", on_delete=models.PROTECT, related_name="service_items"
    )
    code = models.CharField("事项编码", max_length=64, blank=True)
    name = models.CharField("事项名称", max_length=200)
    kind = models.CharField("事项类型", max_length=50, blank=True, help_text="行政许可、公共服务等")
    basis = models.TextField("设定依据", blank=True)
    conditions = models.TextField("申请条件", blank=True)
    materials = models.TextField("申请材料")
    procedure = models.TextField("办理流程", blank=True)
    time_limit = models.CharField("办理时限", max_length=200)
    fees = models.CharField("收费标准", max_length=200, blank=True, default="不收费")
    place = models.CharField("办理地点", max_length=300)
    contact = models.CharField("咨询电话", max_length=100, blank=True)
    life_events = models.ManyToManyField(LifeEvent, verbose_name="人生事件", blank=True, related_name="services")
    updated_at = models.DateTimeField("更新时间", auto_now=True)

    class Meta:
        verbose_name = "办事指南"
        verbose_name_plural = "办事指南"
        ordering = ["agency__path", "name"]
        constraints = [models.UniqueConstraint(fields=["agency", "name"], name="one_guide_per_agency_and_name")]

    def __str__(self) -> str:
        return self.name


class ServiceImport(models.Model):
    """One successful import of the 办事一本通 spreadsheet."""

    filename = models.CharField("文件名", max_length=255)
    created = models.PositiveIntegerField("新增")
    updated = models.PositiveIntegerField("更新")
    imported_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+")
    imported_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "办事指南导入记录"
        verbose_name_plural = "办事指南导入记录"
        ordering = ["-imported_at", "-id"]

    def __str__(self) -> str:
        return self.filename
