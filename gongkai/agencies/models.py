"""Agencies (the county government, its departments, townships, villages) and their staff."""

from django.conf import settings
from django.db import models


class AgencyKind(models.TextChoices):
    GOVERNMENT = "government", "人民政府"
    DEPARTMENT = "department", "政府工作部门"
    TOWNSHIP = "township", "乡镇"
    SUBDISTRICT = "subdistrict", "街道办事处"
    VILLAGE = "village", "村"
    COMMUNITY = "community", "社区"


class Agency(models.Model):
    code = models.SlugField("机关代码", max_length=64, unique=True)
    name = models.CharField("机关全称", max_length=100, unique=True)
    short_name = models.CharField("简称", max_length=50, blank=True)
    kind = models.CharField("类别", max_length=16, choices=AgencyKind.choices)
    parent = models.ForeignKey(
        "self", verbose_name="上级机关", null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    # Materialised path ("/1/7/"), so "this agency and everything under it" is one
    # indexed prefix query instead of a recursive walk.
    path = models.CharField(max_length=255, db_index=True, editable=False, default="/")
    position = models.PositiveIntegerField("排序", default=0)
    # 索引号 prefix, usually the agency's organisation code (e.g. 005252841).
    index_prefix = models.CharField("索引号前缀", max_length=32)

    office_name = models.CharField("政府信息公开工作机构", max_length=100, blank=True)
    office_address = models.CharField("办公地址", max_length=200, blank=True)
    office_hours = models.CharField("办公时间", max_length=200, blank=True)
    office_phone = models.CharField("联系电话", max_length=50, blank=True)
    office_fax = models.CharField("传真", max_length=50, blank=True)
    office_email = models.EmailField("电子邮箱", blank=True)
    office_postcode = models.CharField("邮政编码", max_length=10, blank=True)
    head = models.CharField("负责人", max_length=50, blank=True)
    functions = models.TextField("机构职能", blank=True)
    # Named in every reply letter's remedy paragraph. For a department it is usually its
    # people's government; a county government's is the city government (行政复议法, verify).
    reconsideration_body = models.CharField(
        "行政复议机关", max_length=100, blank=True,
        help_text="留空时为本机关所属的人民政府（行政复议法第二十四条）；垂直管理的部门填写其上一级主管部门，"
        "司法行政部门等例外情形按实际填写。",
    )
    # 条例第二十七条: applications go to people's governments at each level and their
    # departments (and bodies acting in their own name); villages and communities are not
    # among them. The public form offers only agencies marked here.
    accepts_applications = models.BooleanField("受理政府信息公开申请", default=True)
    # How an applicant pays the information processing fee (收费通知书, 国办函〔2020〕109号).
    fee_payment_method = models.CharField("信息处理费缴纳方式", max_length=300, blank=True)

    guide = models.TextField("政府信息公开指南", blank=True, help_text="经过清洗的 HTML")
    rules = models.TextField("政府信息公开制度", blank=True, help_text="经过清洗的 HTML")

    class Meta:
        verbose_name = "机关"
        verbose_name_plural = "机关"
        ordering = ["path", "position", "id"]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        creating = self.pk is None
        super().save(*args, **kwargs)
        expected = (self.parent.path if self.parent_id else "/") + f"{self.pk}/"
        if creating or self.path != expected:
            self.path = expected
            Agency.objects.filter(pk=self.pk).update(path=expected)

    def subtree(self):
        """This agency and every agency under it."""
        return Agency.objects.filter(path__startswith=self.path)

    def ancestors(self):
        ids = [int(p) for p in self.path.strip("/").split("/") if p]
        return Agency.objects.filter(pk__in=ids[:-1]).order_by("path")

    @property
    def display_name(self) -> str:
        return self.short_name or self.name

    @property
    def is_government(self) -> bool:
        return self.kind in (AgencyKind.GOVERNMENT, AgencyKind.TOWNSHIP, AgencyKind.SUBDISTRICT)


class Role(models.TextChoices):
    OFFICE_ADMIN = "office_admin", "政务公开办管理员"
    CLERK = "clerk", "经办人"
    APPROVER = "approver", "负责人"
    REVIEWER = "reviewer", "保密审查员"


class StaffRole(models.Model):
    """One role of one staff member in one agency. A person may hold several."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="staff_roles")
    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="staff_roles")
    role = models.CharField("角色", max_length=16, choices=Role.choices)

    class Meta:
        verbose_name = "人员角色"
        verbose_name_plural = "人员角色"
        constraints = [models.UniqueConstraint(fields=["user", "agency", "role"], name="one_role_once")]

    def __str__(self) -> str:
        return f"{self.user} · {self.agency.display_name} · {self.get_role_display()}"


class DutyRule(models.TextChoices):
    """The four-eyes rules (gongkai.agencies.duties). The label says what the rule forbids."""

    PREPARER_NOT_REVIEWER = "preparer_not_reviewer", "起草人不得对本人起草的内容进行保密审查"
    PREPARER_NOT_APPROVER = "preparer_not_approver", "起草人不得审批、签发本人起草的内容"
    REVIEWER_NOT_APPROVER = "reviewer_not_approver", "保密审查人不得审批、签发本人审查过的内容"


class DutyRelaxation(models.Model):
    """A county's recorded decision to relax one four-eyes rule for an agency's subtree
    (e.g. a township office with a single member of staff). Only the county office sets
    it, with its reason; every change is an event row and the supervision page lists it."""

    agency = models.ForeignKey(Agency, verbose_name="适用机关（含下级）", on_delete=models.CASCADE, related_name="+")
    rule = models.CharField("规则", max_length=32, choices=DutyRule.choices)
    relaxed = models.BooleanField("放宽", default=True)
    reason = models.TextField("理由")
    set_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    set_at = models.DateTimeField("设定时间")

    class Meta:
        verbose_name = "职责分离规则的放宽"
        verbose_name_plural = "职责分离规则的放宽"
        ordering = ["agency__path", "rule"]
        constraints = [models.UniqueConstraint(fields=["agency", "rule"], name="one_relaxation_per_agency_rule")]

    def __str__(self) -> str:
        return f"{self.agency.display_name} · {self.get_rule_display()} · {'放宽' if self.relaxed else '恢复'}"
