"""Applications for disclosure (依申请公开, 条例第二十七条至第四十五条) and their records.

The vocabulary is the platform's: an outcome is one 表三 leaf row key and an applicant
type one 表三 column key (gongkai.reportformat.vocabulary); the statutory wording is
the label and lives there, once.

State changes go through gongkai.applications.actions only; the stored due date is
derived from the ClockEvent rows by gongkai.applications.deadlines.
"""

import secrets
import uuid
from pathlib import PurePosixPath

from django.conf import settings
from django.db import models
from django.db.models import Q

from gongkai.applications.clock import ClockEventKind
from gongkai.applications.fees import FeeBasis
from gongkai.personaldata.encryption import proof_storage
from gongkai.reportformat.vocabulary import (
    APPLICANT_COLUMNS,
    COLUMN_LABELS,
    OUTCOME_GROUP_LABELS,
    OUTCOME_ROWS_2021,
    ROW_LABELS,
)

ApplicantType = models.TextChoices(
    "ApplicantType", [(key.upper(), (key, COLUMN_LABELS[key])) for key in APPLICANT_COLUMNS]
)
Outcome = models.TextChoices(
    "Outcome", [(key.upper(), (key, ROW_LABELS[key])) for key in OUTCOME_ROWS_2021]
)


def outcome_group(key: str) -> str:
    """The 表三 group a leaf row belongs to: granted, partial, denied, unable, …"""
    head = key.split("_", 1)[0]
    return "not_processed" if key.startswith("not_processed") else head


def outcome_title(key: str) -> str:
    """"不予公开：属于国家秘密" — the group and the leaf, for people reading one case."""
    group = OUTCOME_GROUP_LABELS[outcome_group(key)].split("）", 1)[-1]
    leaf = ROW_LABELS[key].split("）", 1)[-1].strip()
    leaf = leaf.removeprefix(group).strip()
    leaf = leaf.split(".", 1)[-1] if leaf[:1].isdigit() else leaf
    return group if not leaf or leaf.startswith("（") or leaf == group else f"{group}：{leaf}"


def outcome_choices_grouped() -> list:
    """Choices for a select, grouped as 表三 prints them."""
    groups: dict[str, list] = {}
    for key in OUTCOME_ROWS_2021:
        groups.setdefault(outcome_group(key), []).append((key, outcome_title(key)))
    return [(OUTCOME_GROUP_LABELS[g], rows) for g, rows in groups.items()]


class Channel(models.TextChoices):
    # 条例第二十九条: in writing (letter, online, fax) or orally when writing is truly hard.
    ONLINE = "online", "网上申请"
    IN_PERSON = "in_person", "当面提交"
    POST = "post", "信函"
    FAX = "fax", "传真"
    ORAL = "oral", "口头提出（工作人员代为填写）"


class IdType(models.TextChoices):
    RESIDENT_ID = "resident_id", "居民身份证"
    PASSPORT = "passport", "护照"
    HK_MACAO_PERMIT = "hk_macao_permit", "港澳居民来往内地通行证"
    TAIWAN_PERMIT = "taiwan_permit", "台湾居民来往大陆通行证"
    FOREIGN_PERMANENT = "foreign_permanent", "外国人永久居留身份证"
    OTHER = "other", "其他有效身份证件"


class FormWanted(models.TextChoices):
    PAPER = "paper", "纸质"
    ELECTRONIC = "electronic", "电子"


class DeliveryWanted(models.TextChoices):
    COLLECT = "collect", "自行领取"
    POST = "post", "邮寄"
    EMAIL = "email", "电子邮件"
    ONLINE = "online", "网上获取"


class Status(models.TextChoices):
    SUBMITTED = "submitted", "待确认收到"
    IN_PROGRESS = "in_progress", "办理中"
    AWAITING_CORRECTION = "awaiting_correction", "待申请人补正"
    CONSULTING = "consulting", "征求意见中"
    AWAITING_PAYMENT = "awaiting_payment", "待缴纳信息处理费"
    PROPOSED = "proposed", "答复待签发"
    REPLIED = "replied", "已答复"
    CLOSED = "closed", "已终止"


OPEN_STATUSES = (
    Status.SUBMITTED,
    Status.IN_PROGRESS,
    Status.AWAITING_CORRECTION,
    Status.CONSULTING,
    Status.AWAITING_PAYMENT,
    Status.PROPOSED,
)
# What each event-log verb of an application means, for people reading its history.
EVENT_LABELS = {
    "application_submitted": "网上提交申请",
    "application_registered": "登记申请",
    "receipt_confirmed": "确认收到申请，开始计算答复期限",
    "correction_requested": "发出补正通知",
    "correction_received": "收到补正材料，答复期限重新计算",
    "closed_overdue_correction": "逾期未补正，终止办理",
    "consultation_started": "征求意见（期间不计入答复期限）",
    "consultation_ended": "征求意见结束",
    "deadline_extended": "延长答复期限",
    "longer_deadline_set": "确定较长的答复期限（第三十五条）",
    "fee_notified": "发出收费通知（缴费前不计入答复期限）",
    "fee_paid": "收到信息处理费",
    "fee_waived": "减免信息处理费",
    "closed_overdue_fee": "逾期未缴费，终止办理",
    "extension_requested": "申请延长答复期限（待负责人批准）",
    "extension_refused": "负责人不同意延长答复期限",
    "reply_proposed": "拟定答复（答复书草稿）",
    "reply_reviewed": "答复通过保密审查",
    "reply_review_returned": "保密审查退回答复",
    "reply_returned": "退回拟办意见",
    "replied": "签发答复",
    "delivered": "送达",
    "withdrawn": "申请人撤回申请",
    "document_attached": "添加提供的文件",
    "reply_review_voided": "提供的文件有改动，保密审查须重新进行",
    "document_redacted": "对提供的文件作区分处理",
    "document_downloaded": "申请人下载提供的文件",
    # 个人信息保护法第四十七条 (gongkai/personaldata/retention.py)
    "personal_data_purged": "保存期限届满，申请人个人信息已匿名化",
    "proof_purged": "保存期限届满，身份证明扫描件已删除",
    "reasons_requested": "要求申请人说明理由（第三十五条）",
    "public_interest_notified": "书面告知第三方因公共利益决定公开（第三十二条）",
}
# Internal steps the public tracking page does not show.
INTERNAL_EVENTS = (
    "reply_proposed", "reply_reviewed", "reply_review_returned", "reply_returned",
    "extension_requested", "extension_refused", "personal_data_purged", "proof_purged",
    "reply_review_voided",
)

# The clock runs (or is paused) in these: received, not yet answered.
CLOCK_STATUSES = OPEN_STATUSES[1:]


class ReplyType(models.TextChoices):
    # 条例第三十六条: how the reply answers, beside the 表三 row it lands in.
    PROVIDED = "provided", "提供该政府信息"
    HOW_AND_WHEN = "how_and_when", "告知获取该政府信息的方式、途径和时间"
    ALREADY_PUBLIC = "already_public", "已主动公开，告知获取的方式和途径"
    NOT_DISCLOSED = "not_disclosed", "告知不予公开并说明理由"
    NOT_HELD = "not_held", "经检索没有所申请公开信息，告知不存在"
    OTHER_AGENCY = "other_agency", "不属于本机关负责公开，告知负责公开的机关及联系方式"
    NOT_PROCESSED = "not_processed", "告知不予处理并说明理由"
    OTHER = "other", "其他"


FeeBasisChoice = models.TextChoices(
    "FeeBasisChoice", [(b.name, (b.value, b.label)) for b in FeeBasis]
)


class ApplicationCounter(models.Model):
    """The last number given in one agency and year; locked to keep numbers gap-free."""

    agency = models.ForeignKey("agencies.Agency", on_delete=models.PROTECT, related_name="+")
    year = models.PositiveIntegerField()
    last_number = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["agency", "year"], name="one_counter_per_agency_year")]

    def __str__(self) -> str:
        return f"{self.agency_id}/{self.year}: {self.last_number}"


class Application(models.Model):
    agency = models.ForeignKey(
        "agencies.Agency", verbose_name="受理机关", on_delete=models.PROTECT, related_name="applications"
    )
    year = models.PositiveIntegerField("登记年度")
    number = models.PositiveIntegerField("登记序号")
    # Why the number's year is not the year of receipt, when it is kept that way (numbers
    # on letters already sent are never changed).
    number_note = models.CharField("登记号说明", max_length=200, blank=True)
    tracking_code = models.CharField("查询码", max_length=20, unique=True)
    idempotency_key = models.CharField(max_length=64, blank=True, editable=False)

    # 条例第三十一条: the channel decides what the date of receipt is; keep them apart.
    channel = models.CharField("提交方式", max_length=16, choices=Channel.choices)
    submitted_at = models.DateTimeField("提交时间")
    received_on = models.DateField("收到申请日期", null=True, blank=True)
    receipt_confirmed_at = models.DateTimeField("确认收到时间", null=True, blank=True)
    receipt_confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    receipt_note = models.CharField("收到方式说明", max_length=200, blank=True)
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    # 条例第二十九条: who asks, how to reach them, proof of identity.
    applicant_type = models.CharField("申请人类型", max_length=32, choices=ApplicantType.choices)
    applicant_name = models.CharField("申请人姓名或名称", max_length=100)
    id_type = models.CharField("证件类型", max_length=24, choices=IdType.choices, blank=True)
    id_number = models.CharField("证件号码", max_length=40, blank=True)
    credit_code = models.CharField("统一社会信用代码", max_length=18, blank=True)
    legal_representative = models.CharField("法定代表人或负责人", max_length=50, blank=True)
    contact_person = models.CharField("联系人", max_length=50, blank=True)
    phone = models.CharField("联系电话", max_length=30)
    address = models.CharField("通信地址", max_length=200, blank=True)
    postcode = models.CharField("邮政编码", max_length=10, blank=True)
    email = models.EmailField("电子邮箱", blank=True)
    # Who the applicant is across applications (fees per month, repeats).
    applicant_key = models.CharField(max_length=140, db_index=True, editable=False)
    # Encrypted at rest (gongkai/personaldata/encryption.py), stored under a generated name.
    proof_of_identity = models.FileField("身份证明", upload_to="applications/proofs/%Y/%m/", blank=True,
                                         storage=proof_storage)

    description = models.TextField("所需政府信息的名称、文号或其他特征性描述")
    form_wanted = models.CharField("获取信息的载体形式", max_length=16, choices=FormWanted.choices)
    delivery_wanted = models.CharField("获取信息的方式", max_length=16, choices=DeliveryWanted.choices)

    status = models.CharField("状态", max_length=24, choices=Status.choices, default=Status.SUBMITTED)

    # The stored due date is denormalised for the queue; deadlines.refresh_deadline
    # derives it from the ClockEvent rows after every change.
    due_on = models.DateField("答复期限", null=True, blank=True, db_index=True)
    due_provisional = models.BooleanField("期限为暂定", default=False)
    due_explanation = models.JSONField("期限推算过程", default=list, blank=True)
    paused_since = models.DateField("计时暂停自", null=True, blank=True)
    correction_notice_due_on = models.DateField("补正通知期限", null=True, blank=True)
    correction_answer_by = models.DateField("补正答复期限", null=True, blank=True)
    correction_notice_late = models.BooleanField("补正通知超期", default=False)

    # The decision: a clerk decides (the letter is drafted), a reviewer passes a disclosing
    # reply in 保密审查, an approver signs (then the reply is sent); three people.
    outcome = models.CharField("办理结果", max_length=48, choices=Outcome.choices, blank=True)
    reply_type = models.CharField("答复方式", max_length=24, choices=ReplyType.choices, blank=True)
    reasons = models.TextField("理由和依据", blank=True)
    withheld_parts = models.TextField("不予公开的部分及理由", blank=True)
    referred_agency = models.CharField("负责公开的机关及联系方式", max_length=200, blank=True)
    # The other facts the outcome's letter needs (published_where, legal_basis, …), as
    # decided: keys are LetterFacts fields, see actions.DECISION_FACTS.
    reply_facts = models.JSONField("答复所需事实", default=dict, blank=True)
    # 条例第三十五条: the day the applicant was asked to state reasons (不予处理4 cites it).
    reasons_requested_on = models.DateField("要求说明理由日期", null=True, blank=True)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    proposed_at = models.DateTimeField("拟办时间", null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    reviewed_at = models.DateTimeField("保密审查时间", null=True, blank=True)
    review_note = models.TextField("保密审查意见", blank=True)
    signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    replied_on = models.DateField("答复日期", null=True, blank=True)
    closed_on = models.DateField("办结日期", null=True, blank=True)

    fee_basis = models.CharField("收费方式", max_length=24, choices=FeeBasisChoice.choices, blank=True)
    repeat_of = models.ForeignKey(
        "self", verbose_name="可能重复的申请", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "政府信息公开申请"
        verbose_name_plural = "政府信息公开申请"
        ordering = ["-year", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "year", "number"], name="number_unique_in_agency_year"),
            models.UniqueConstraint(
                fields=["idempotency_key"], condition=~Q(idempotency_key=""), name="one_application_per_submit"
            ),
        ]
        indexes = [models.Index(fields=["agency", "status", "due_on"])]

    def __str__(self) -> str:
        return f"{self.reference} {self.applicant_name}"

    @property
    def reference(self) -> str:
        """〔2025〕12号: the register number, as printed on letters."""
        return f"〔{self.year}〕{self.number}号"

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    @property
    def is_person(self) -> bool:
        return self.applicant_type == ApplicantType.NATURAL_PERSON

    @property
    def outcome_title(self) -> str:
        return outcome_title(self.outcome) if self.outcome else ""


class ClockEvent(models.Model):
    """One event that moves the reply deadline (clock.ClockEventKind). Never changed."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="clock_events")
    kind = models.CharField(
        "事项", max_length=32, choices=[(k.value, k.label) for k in ClockEventKind]
    )
    on = models.DateField("日期")
    workdays = models.PositiveSmallIntegerField("工作日数", default=0)
    due_on = models.DateField("确定的期限", null=True, blank=True)
    reason = models.TextField("理由", blank=True)
    consulted_agency = models.BooleanField("征求其他机关意见", default=False)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "计时事项"
        verbose_name_plural = "计时事项"
        ordering = ["on", "id"]

    def __str__(self) -> str:
        return f"{self.on} {self.get_kind_display()}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise ValueError("计时事项登记后不能修改。")
        super().save(*args, **kwargs)


class ExtensionRequest(models.Model):
    """A clerk's request to extend the reply period (条例第三十三条); the approver decides
    it in their own session (do_extend_deadline / do_refuse_extension)."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="extension_requests")
    workdays = models.PositiveSmallIntegerField("延长工作日数")
    reason = models.TextField("理由", blank=True)
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    requested_at = models.DateTimeField("申请时间", auto_now_add=True)
    approved = models.BooleanField("同意", null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField("批准时间", null=True, blank=True)
    note = models.TextField("负责人意见", blank=True)

    class Meta:
        verbose_name = "延期申请"
        verbose_name_plural = "延期申请"
        ordering = ["requested_at", "id"]

    def __str__(self) -> str:
        return f"{self.application_id} 延长{self.workdays}个工作日"


class LetterKind(models.TextChoices):
    ACKNOWLEDGEMENT = "acknowledgement", "政府信息公开申请登记回执"
    CORRECTION_NOTICE = "correction_notice", "补正申请告知书"
    CONSULTATION = "consultation", "征求意见函"
    EXTENSION_NOTICE = "extension_notice", "延期答复告知书"
    LONGER_DEADLINE_NOTICE = "longer_deadline_notice", "确定答复期限告知书"
    REASONS_REQUEST = "reasons_request", "说明理由告知书"
    PUBLIC_INTEREST_NOTICE = "public_interest_notice", "公开决定告知书（第三方）"
    FEE_NOTICE = "fee_notice", "信息处理费缴费通知书"
    REPLY = "reply", "政府信息公开申请答复书"
    CLOSURE_NOTICE = "closure_notice", "终止办理告知书"


def new_link_token() -> str:
    return secrets.token_urlsafe(24)
class LetterCounter(models.Model):
    """The last 发文字号 sequence given in one agency and year; locked, gap-free."""

    agency = models.ForeignKey("agencies.Agency", on_delete=models.PROTECT, related_name="+")
    year = models.PositiveIntegerField()
    last_number = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["agency", "year"], name="one_letter_counter_per_agency_year")]

    def __str__(self) -> str:
        return f"{self.agency_id}/{self.year}: {self.last_number}"


class Letter(models.Model):
    """A letter to the applicant or a consulted party; immutable once sent."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="letters")
    kind = models.CharField("文书", max_length=32, choices=LetterKind.choices)
    number = models.CharField("发文字号", max_length=80, blank=True)
    title = models.CharField("标题", max_length=200)
    body = models.TextField("正文")
    document = models.FileField("文书文件", upload_to="applications/letters/%Y/", blank=True)
    template = models.CharField("模板及版本", max_length=60, blank=True)  # e.g. reply.v1
    # The composed letter (title, paragraphs, signature, date, template versions) as sent:
    # the PDF is drawn from it on request, so it always shows exactly the stored wording.
    composed = models.JSONField("文书内容", default=dict, blank=True, editable=False)
    recipient = models.CharField("收件人", max_length=100, blank=True)
    sent_on = models.DateField("发出日期", null=True, blank=True)
    # The public download link carries this random value beside its signature: knowing
    # the signing key (or a letter's number) is not enough to fetch the letter.
    link_token = models.CharField(max_length=40, default=new_link_token, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "文书"
        verbose_name_plural = "文书"
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs):
        if not self._state.adding and Letter.objects.filter(pk=self.pk, sent_on__isnull=False).exists():
            raise ValueError("文书已发出，不能修改。")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        if self.sent_on:
            raise ValueError("文书已发出，不能删除。")
        return super().delete(*args, **kwargs)


class DeliveryMethod(models.TextChoices):
    COLLECTED = "collected", "当面领取"
    POST = "post", "邮寄"
    EMAIL = "email", "电子邮件"
    ONLINE = "online", "网上送达"
    FAX = "fax", "传真"


class Delivery(models.Model):
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="deliveries")
    letter = models.ForeignKey(Letter, null=True, blank=True, on_delete=models.PROTECT, related_name="deliveries")
    method = models.CharField("送达方式", max_length=16, choices=DeliveryMethod.choices)
    delivered_on = models.DateField("送达日期")
    reference = models.CharField("邮件单号或回执", max_length=100, blank=True)
    note = models.CharField("备注", max_length=200, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "送达记录"
        verbose_name_plural = "送达记录"
        ordering = ["delivered_on", "id"]

    def __str__(self) -> str:
        return f"{self.delivered_on} {self.get_method_display()}"


class FeeStatus(models.TextChoices):
    NOTIFIED = "notified", "待缴费"
    PAID = "paid", "已缴费"
    WAIVED = "waived", "已减免"
    LAPSED = "lapsed", "逾期未缴"


class FeeNotice(models.Model):
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="fee_notices")
    basis = models.CharField("收费方式", max_length=24, choices=FeeBasisChoice.choices)
    quantity = models.PositiveIntegerField("本月第几件或页数")
    amount = models.DecimalField("金额（元）", max_digits=10, decimal_places=2)
    derivation = models.TextField("计算过程")
    notified_on = models.DateField("通知日期")
    pay_by = models.DateField("缴费期限")
    status = models.CharField("状态", max_length=16, choices=FeeStatus.choices, default=FeeStatus.NOTIFIED)
    paid_on = models.DateField("缴费日期", null=True, blank=True)
    paid_amount = models.DecimalField("实缴金额（元）", max_digits=10, decimal_places=2, null=True, blank=True)
    payment_reference = models.CharField("缴费凭证号", max_length=100, blank=True)
    waiver_reason = models.TextField("减免理由", blank=True)
    closed_on = models.DateField("结束日期", null=True, blank=True)

    class Meta:
        verbose_name = "收费通知"
        verbose_name_plural = "收费通知"
        ordering = ["notified_on", "id"]

    def __str__(self) -> str:
        return f"{self.notified_on} {self.amount}元 {self.get_status_display()}"


class PartyKind(models.TextChoices):
    THIRD_PARTY = "third_party", "第三方（第三十二条）"
    AGENCY = "agency", "其他机关（第三十四条）"


class ConsultationResult(models.TextChoices):
    AGREED = "agreed", "同意公开"
    OBJECTED = "objected", "不同意公开（说明理由）"
    NO_REPLY = "no_reply", "逾期未提出意见"


class Consultation(models.Model):
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="consultations")
    party_kind = models.CharField("征求对象", max_length=16, choices=PartyKind.choices)
    party_name = models.CharField("名称或姓名", max_length=100)
    started_on = models.DateField("发函日期")
    # 条例第三十二条: the 15 working days run from the party's receipt (entered, or assumed
    # per APPLICATION_CONSULTATION_RECEIPT_DAYS for a posted letter).
    party_received_on = models.DateField("对方收到日期", null=True, blank=True)
    reply_by = models.DateField("答复期限")  # 15 working days, 条例第三十二条、第三十四条
    ended_on = models.DateField("结束日期", null=True, blank=True)
    result = models.CharField("意见", max_length=16, choices=ConsultationResult.choices, blank=True)
    opinion = models.TextField("意见内容", blank=True)
    public_interest_override = models.BooleanField("因公共利益决定公开", default=False)

    class Meta:
        verbose_name = "征求意见"
        verbose_name_plural = "征求意见"
        ordering = ["started_on", "id"]

    def __str__(self) -> str:
        return f"{self.started_on} {self.party_name}"


# Letters the applicant receives (the consultation letter goes to a third party).
APPLICANT_LETTERS = tuple(k for k in LetterKind.values if k != LetterKind.CONSULTATION)


# The extension a stored file gets comes from the type found in its content, never
# from the name it was sent under (a page named .pdf must not be stored as .html).
EXTENSIONS = {
    "application/pdf": ".pdf",
    "image/jpeg": ".jpg",
    "image/png": ".png",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": ".xlsx",
}


def applicant_upload_name(instance, filename: str) -> str:
    """A generated name with the checked type's extension, never the sender's name."""
    return f"applications/answers/{uuid.uuid4().hex}{EXTENSIONS.get(instance.content_type, '.bin')}"


class CorrectionAnswer(models.Model):
    """The applicant's answer to a 补正 notice, sent on the tracking page (条例第三十条)."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="correction_answers")
    text = models.TextField("补正内容", blank=True)
    received_on = models.DateField("收到日期")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "网上补正"
        verbose_name_plural = "网上补正"
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.received_on} {self.text[:20]}"


class AnswerFile(models.Model):
    answer = models.ForeignKey(CorrectionAnswer, on_delete=models.CASCADE, related_name="files")
    file = models.FileField("文件", upload_to=applicant_upload_name)
    original_name = models.CharField("原文件名", max_length=200)
    content_type = models.CharField(max_length=100)

    class Meta:
        verbose_name = "补正材料"
        verbose_name_plural = "补正材料"
        ordering = ["id"]

    def __str__(self) -> str:
        return self.original_name


class RedactionReason(models.TextChoices):
    # 条例第十四条至第十六条: the grounds a withheld part may rest on (区分处理, 第三十七条).
    STATE_SECRET = "art14", "第十四条：国家秘密或法律法规禁止公开"
    THIRD_PARTY = "art15", "第十五条：商业秘密、个人隐私"
    INTERNAL = "art16", "第十六条：内部事务或过程性信息"


REDACTION_LABELS = {
    RedactionReason.STATE_SECRET: "第十四条不予公开",
    RedactionReason.THIRD_PARTY: "第十五条不予公开",
    RedactionReason.INTERNAL: "第十六条不予公开",
}


class DocumentStatus(models.TextChoices):
    DRAFT = "draft", "待画遮盖框"
    PROCESSING = "processing", "处理中"
    READY = "ready", "已生成"
    FAILED = "failed", "未能生成"


def delivered_upload_name(instance, filename: str) -> str:
    # The delivered file is always made as PDF (or kept as the checked original type).
    suffix = PurePosixPath(filename).suffix.lower() if filename.startswith("delivered.") else ""
    return f"applications/delivered/{uuid.uuid4().hex}{suffix or EXTENSIONS.get(instance.original_type, '.bin')}"


class DeliveredDocument(models.Model):
    """A file disclosed with a 予以公开 or 部分公开 reply. The original stays with staff;
    the applicant downloads `delivered` (redacted where boxes were drawn) from /track/
    once the reply is signed, for DELIVERED_DOCUMENTS_DAYS."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="documents")
    title = models.CharField("文件名称", max_length=200)
    original = models.FileField("原件（仅工作人员可见）", upload_to=delivered_upload_name)
    original_type = models.CharField(max_length=100)
    delivered = models.FileField("提供给申请人的文件", upload_to=delivered_upload_name, blank=True)
    # [{"page", "x0", "y0", "x1", "y1", "reason", "note"}]: points from the page's top-left.
    boxes = models.JSONField("遮盖框", default=list, blank=True)
    page_count = models.PositiveIntegerField("页数", default=0)
    status = models.CharField("状态", max_length=12, choices=DocumentStatus.choices, default=DocumentStatus.PROCESSING)
    progress = models.PositiveIntegerField("已处理页数", default=0)
    error = models.CharField("未能生成的原因", max_length=300, blank=True)
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+")
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "提供的政府信息文件"
        verbose_name_plural = "提供的政府信息文件"
        ordering = ["added_at", "id"]

    def __str__(self) -> str:
        return self.title

    @property
    def kind_label(self) -> str:
        return "已作区分处理" if self.boxes else "全文"
