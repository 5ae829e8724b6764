"""The outbox: every notice to an applicant is a row first, written in the same
transaction as the change it reports, and sent afterwards (gongkai.notifications.outbox).

A row is never deleted: it is pending until a send succeeds, then sent. A mail server
that is down only delays it.
"""

from django.db import models


class Channel(models.TextChoices):
    EMAIL = "email", "电子邮件"
    SMS = "sms", "短信"


class OutboxStatus(models.TextChoices):
    PENDING = "pending", "待发送"
    SENT = "sent", "已发送"


class OutboxMessage(models.Model):
    channel = models.CharField("渠道", max_length=8, choices=Channel.choices, default=Channel.EMAIL)
    recipient = models.CharField("收件人", max_length=254)
    subject = models.CharField("主题", max_length=200, blank=True)
    body = models.TextField("正文")
    # An attachment is made when the message is sent, by a function given as a dotted
    # path and called with one argument (e.g. the receipt PDF of an application): the
    # outbox stays small and a message that is never sent costs no rendering.
    attachment_builder = models.CharField("附件生成函数", max_length=200, blank=True)
    attachment_argument = models.CharField("附件生成参数", max_length=100, blank=True)
    # The same Message-ID on every attempt: a receiving server that got a message the
    # sender could not confirm (connection lost after DATA) can recognise the repeat.
    message_id = models.CharField(max_length=200, unique=True)
    status = models.CharField("状态", max_length=8, choices=OutboxStatus.choices, default=OutboxStatus.PENDING)
    attempts = models.PositiveIntegerField("尝试次数", default=0)
    last_error = models.CharField("最近一次失败原因", max_length=500, blank=True)
    next_attempt_at = models.DateTimeField("下次尝试时间", db_index=True)
    # A sender claims a row until this time; another sender leaves it alone meanwhile.
    claimed_until = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField("发送时间", null=True, blank=True)

    class Meta:
        verbose_name = "待发通知"
        verbose_name_plural = "待发通知"
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["status", "next_attempt_at"])]

    def __str__(self) -> str:
        return f"{self.get_channel_display()} {self.subject or self.body[:20]} ({self.get_status_display()})"
