"""县长信箱: letters from the public to the county head, their handling and publication.

The county disclosure office assigns each letter to an agency with a reply deadline in
working days (ReplyRule, held as data); the agency's clerk drafts the reply, its
approver approves it; where the writer agreed, the office publishes question and
reply with personal data removed (mailbox.privacy). State changes go through
mailbox.actions only.
"""

from django.conf import settings
from django.db import models


class ReplyRule(models.Model):
    """How many working days an agency has to answer (one row; verify against the
    county's own 县长信箱 rules)."""

    workdays = models.PositiveIntegerField("答复期限（工作日）", default=15)
    basis = models.CharField("依据", max_length=200, blank=True)
    verify = models.BooleanField("待核实", default=True)

    class Meta:
        verbose_name = "答复期限设置"
        verbose_name_plural = "答复期限设置"

    def __str__(self) -> str:
        return f"{self.workdays}个工作日"


class LetterStatus(models.TextChoices):
    RECEIVED = "received", "待分办"
    ASSIGNED = "assigned", "办理中"
    AWAITING_APPROVAL = "awaiting_approval", "答复待审核"
    ANSWERED = "answered", "已答复"
    CLOSED = "closed", "不予受理"


# What each event-log verb of a letter means, for people reading its history.
EVENT_LABELS = {
    "letter_submitted": "来信提交",
    "letter_assigned": "分办到承办机关",
    "reply_drafted": "拟写答复",
    "reply_returned": "退回答复，要求修改",
    "reply_approved": "审核通过答复",
    "letter_closed": "不予受理",
    "letter_published": "在网站公开",
    "letter_unpublished": "撤回公开",
    "reply_rule_set": "设定答复期限（工作日）",
}

UNANSWERED = (LetterStatus.RECEIVED, LetterStatus.ASSIGNED, LetterStatus.AWAITING_APPROVAL)


class MailboxLetter(models.Model):
    tracking_code = models.CharField("查询码", max_length=20, unique=True)
    writer_name = models.CharField("姓名", max_length=50)
    contact = models.CharField("联系方式", max_length=100, help_text="手机号码或电子邮箱")
    subject = models.CharField("标题", max_length=100)
    text = models.TextField("内容")
    agrees_to_publish = models.BooleanField("同意公开", default=False)
    submitted_at = models.DateTimeField("提交时间")
    received_on = models.DateField("收到日期")

    status = models.CharField("状态", max_length=20, choices=LetterStatus.choices, default=LetterStatus.RECEIVED)
    agency = models.ForeignKey(
        "agencies.Agency", verbose_name="承办单位", null=True, blank=True, on_delete=models.PROTECT,
        related_name="mailbox_letters",
    )
    assigned_on = models.DateField("分办日期", null=True, blank=True)
    due_on = models.DateField("答复期限", null=True, blank=True, db_index=True)
    due_provisional = models.BooleanField("期限为暂定", default=False)
    office_note = models.TextField("分办意见", blank=True)

    reply = models.TextField("答复内容", blank=True)
    drafted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    return_reason = models.TextField("退回理由", blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    answered_on = models.DateField("答复日期", null=True, blank=True)
    closed_reason = models.TextField("不予受理理由", blank=True)

    # What the public sees, fixed at publication (the office may correct the scrubbed text).
    published_at = models.DateTimeField("公开时间", null=True, blank=True, db_index=True)
    public_name = models.CharField("公开署名", max_length=50, blank=True)
    public_subject = models.CharField("公开标题", max_length=100, blank=True)
    public_text = models.TextField("公开内容", blank=True)
    public_reply = models.TextField("公开答复", blank=True)

    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "县长信箱来信"
        verbose_name_plural = "县长信箱来信"
        ordering = ["-received_on", "-id"]
        indexes = [models.Index(fields=["agency", "status", "due_on"])]

    def __str__(self) -> str:
        return f"{self.tracking_code} {self.subject}"

    @property
    def is_published(self) -> bool:
        return self.published_at is not None

    @property
    def is_unanswered(self) -> bool:
        return self.status in UNANSWERED

    @property
    def answered_on_time(self) -> bool | None:
        if self.answered_on is None or self.due_on is None:
            return None
        return self.answered_on <= self.due_on
