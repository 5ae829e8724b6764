"""行政复议 and 行政诉讼 cases about disclosure: what 表四 of the annual report counts.

A case is linked to the application it concerns where there is one; older cases, or
cases about proactive disclosure, stand alone. A lawsuit filed after a 复议 links to
that 复议 (复议后起诉), so the two are told apart in 表四 as the national form asks.
The statutory wording is the label and lives once, in reportcheck.vocabulary.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q

from gongkai.reportformat.vocabulary import (
    APPEAL_COLUMN_LABELS,
    APPEAL_GROUP_LABELS,
    APPEAL_RESULTS,
)

AppealKind = models.TextChoices(
    "AppealKind", [(key.upper(), (key, label)) for key, label in APPEAL_GROUP_LABELS.items()]
)
# What each event-log verb of an appeal means, for people reading its history.
EVENT_LABELS = {
    "appeal_registered": "登记复议或诉讼",
    "appeal_updated": "修改案件信息",
    "appeal_decided": "录入结果",
}

AppealResult = models.TextChoices(
    "AppealResult", [(key.upper(), (key, APPEAL_COLUMN_LABELS[key])) for key in APPEAL_RESULTS]
)


class Appeal(models.Model):
    agency = models.ForeignKey(
        "agencies.Agency", verbose_name="被申请人或被告机关", on_delete=models.PROTECT, related_name="appeals"
    )
    kind = models.CharField("类别", max_length=40, choices=AppealKind.choices)
    application = models.ForeignKey(
        "applications.Application", verbose_name="所涉申请", null=True, blank=True,
        on_delete=models.PROTECT, related_name="appeals",
    )
    reconsideration = models.ForeignKey(
        "self", verbose_name="在先的行政复议", null=True, blank=True, on_delete=models.PROTECT,
        related_name="later_lawsuits", limit_choices_to={"kind": "reconsideration"},
    )
    body = models.CharField("复议机关或法院", max_length=100)
    case_number = models.CharField("案号", max_length=100)
    appellant = models.CharField("申请人或原告", max_length=100, blank=True)
    subject = models.TextField("争议事项", blank=True)
    filed_on = models.DateField("立案日期")
    result = models.CharField("结果", max_length=16, choices=AppealResult.choices, default=AppealResult.PENDING)
    decided_on = models.DateField("审结日期", null=True, blank=True)
    decision_note = models.TextField("决定或裁判要旨", blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "复议诉讼案件"
        verbose_name_plural = "复议诉讼案件"
        ordering = ["-filed_on", "-id"]
        constraints = [
            # A decided case has its date; a pending one has none (表四 尚未审结).
            models.CheckConstraint(
                condition=(Q(result="pending", decided_on__isnull=True) | (~Q(result="pending") & Q(decided_on__isnull=False))),
                name="appeal_decided_on_matches_result",
            ),
            models.CheckConstraint(
                condition=Q(decided_on__isnull=True) | Q(decided_on__gte=models.F("filed_on")),
                name="appeal_decided_after_filed",
            ),
        ]
        indexes = [
            models.Index(fields=["agency", "filed_on"], name="appeal_by_filed"),
            models.Index(fields=["agency", "decided_on"], name="appeal_by_decided"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.case_number}"

    @property
    def is_pending(self) -> bool:
        return self.result == AppealResult.PENDING
