"""What a letter is written from: the facts of one case, as plain values.

`LetterFacts` is filled by the caller (the applications app) from its records; nothing
here reads the database. Every text field is a *slot value*: it is inserted into locked
wording, never interpreted (see `slots.py`).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum


class LetterError(ValueError):
    """A letter that cannot be composed as asked; the message is Chinese, for the user."""


class LetterKind(StrEnum):
    CORRECTION_NOTICE = "correction_notice"  # 补正告知书，条例第三十条
    CONSULTATION_REQUEST = "consultation_request"  # 征求意见书，条例第三十二条、第三十四条
    EXTENSION_NOTICE = "extension_notice"  # 延期答复告知书，条例第三十三条
    FEE_NOTICE = "fee_notice"  # 收费通知书，条例第四十二条、国办函〔2020〕109号
    LONGER_DEADLINE_NOTICE = "longer_deadline_notice"  # 答复期限告知书，条例第三十五条
    REASONS_REQUEST = "reasons_request"  # 说明理由告知书，条例第三十五条
    PUBLIC_INTEREST_NOTICE = "public_interest_notice"  # 公开决定告知书（第三方），条例第三十二条
    REPLY = "reply"  # 政府信息公开申请答复告知书，条例第三十六条至第三十九条


class FeeBasis(StrEnum):
    """国办函〔2020〕109号: one basis per application, never both."""

    PER_APPLICATION = "per_application"  # 按件计收
    PER_VOLUME = "per_volume"  # 按量计收


@dataclass(frozen=True)
class WithheldPart:
    """One part of the requested information that is not provided (条例第三十七条)."""

    what: str  # e.g. 第3页中的身份证号码
    reason: str  # why, with its legal basis, e.g. 属于个人隐私，依据条例第十五条不予公开


@dataclass(frozen=True)
class LetterFacts:
    # --- every letter -------------------------------------------------------------
    agency_name: str  # the agency that answers, in its own name (条例第二十七条)
    office_name: str  # its 政府信息公开工作机构, for contact
    office_address: str
    office_phone: str
    office_postcode: str
    applicant_name: str
    application_number: str
    received_on: datetime.date  # date of receipt (条例第三十一条), not the submission time
    request_description: str  # the information asked for, as the applicant described it
    letter_date: datetime.date
    document_number: str = ""  # 文号 of this letter; when blank the number line is 申请编号
    channel: str = ""  # how it came in (条例第三十一条 fixes the date of receipt by it)

    # --- correction_notice (条例第三十条) ------------------------------------------
    correction_items: tuple[str, ...] = ()
    correction_answer_by: datetime.date | None = None

    # --- consultation_request (条例第三十二条、第三十四条) --------------------------
    third_party_name: str = ""  # the third party, or the other agency, consulted
    consultee_is_agency: bool = False  # True: another agency that made it jointly (第三十四条)
    consultation_reply_by: datetime.date | None = None
    consultation_started_on: datetime.date | None = None  # public_interest_notice

    # --- public_interest_notice (条例第三十二条) -------------------------------------
    disclosed_information: str = ""  # what will be disclosed despite the objection
    public_interest_reason: str = ""  # why withholding it would greatly harm the public interest

    # --- extension_notice (条例第三十三条第二款) ------------------------------------
    extension_workdays: int | None = None
    extension_reason: str = ""
    original_due_on: datetime.date | None = None
    new_due_on: datetime.date | None = None

    # --- reasons_request / longer_deadline_notice (条例第三十五条) --------------------
    reasons_answer_by: datetime.date | None = None
    longer_due_on: datetime.date | None = None
    longer_deadline_reason: str = ""

    # --- fee_notice (国办函〔2020〕109号) -------------------------------------------
    fee_basis: FeeBasis | str = ""
    fee_amount: Decimal | None = None  # 元
    fee_derivation: str = ""  # how the amount follows from the standard
    fee_pay_by: datetime.date | None = None
    fee_pay_workdays: int | None = None  # from the day after the notice is received
    fee_payment_method: str = ""

    # --- reply (条例第三十六条至第三十九条) -----------------------------------------
    outcome: str = ""  # one of the 表三 leaf row keys (vocabulary.OUTCOME_ROWS_2021)
    reasons: str = ""  # the reason the Regulation requires to be stated
    legal_basis: str = ""  # denied_law_forbidden: the law or regulation that forbids it
    delivery_method: str = ""  # granted/partial: how, where and when it is provided
    published_where: str = ""  # granted: already published — URL, 索引号, column
    withheld_parts: tuple[WithheldPart, ...] = ()  # partial
    not_ours: bool = False  # unable_not_held: not this agency's to disclose (第三十六条第五项)
    search_description: str = ""  # unable_not_held: where and how it was searched
    responsible_agency: str = ""  # unable_not_held: the agency responsible, where known
    responsible_agency_contact: str = ""
    query_channel: str = ""  # denied_admin_query: where the special procedure is done
    proper_channel: str = ""  # not_processed_complaint: 信访/投诉/举报 channel
    publication_source: str = ""  # not_processed_publication: where to get it
    previous_application_number: str = ""  # not_processed_repeat
    previous_reply_on: datetime.date | None = None  # not_processed_repeat
    reasons_requested_on: datetime.date | None = None  # not_processed_excessive (第三十五条)
    correction_notice_on: datetime.date | None = None  # unclear / overdue correction
    correction_received_on: datetime.date | None = None  # unable_unclear_after_correction
    fee_notice_on: datetime.date | None = None  # other_overdue_fee
    reconsideration_body: str = ""  # 行政复议机关, named in the remedy paragraph


# Chinese names of the slots, for error messages.
SLOT_LABELS: dict[str, str] = {
    "agency_name": "答复机关名称",
    "office_name": "政府信息公开工作机构名称",
    "office_address": "联系地址",
    "office_phone": "联系电话",
    "office_postcode": "邮政编码",
    "applicant_name": "申请人姓名或名称",
    "application_number": "申请编号",
    "received_on": "收到申请日期",
    "request_description": "申请公开的信息内容描述",
    "letter_date": "落款日期",
    "document_number": "文号",
    "channel": "提交方式",
    "receipt_basis": "收到申请日期的确定方式（条例第三十一条）",
    "reasons_answer_by": "说明理由的期限",
    "longer_due_on": "确定的答复期限",
    "longer_deadline_reason": "确定较长答复期限的理由",
    "correction_items": "需要补正的事项",
    "correction_answer_by": "补正期限",
    "third_party_name": "被征求意见的第三方或机关名称",
    "consultation_reply_by": "提出意见的期限",
    "consultation_started_on": "征求意见日期",
    "disclosed_information": "决定公开的政府信息",
    "public_interest_reason": "因公共利益决定公开的理由",
    "extension_workdays": "延长的工作日数",
    "extension_reason": "延期理由",
    "original_due_on": "原答复期限",
    "new_due_on": "延长后的答复期限",
    "fee_basis": "计收方式",
    "fee_standard": "收费标准",
    "fee_amount": "收费金额",
    "fee_derivation": "收费金额计算说明",
    "fee_pay_by": "缴费期限",
    "fee_pay_workdays": "缴费期限（工作日数）",
    "fee_payment_method": "缴费方式",
    "outcome": "答复类型",
    "reasons": "理由",
    "legal_basis": "禁止公开的法律、行政法规依据",
    "delivery_method": "提供方式",
    "published_where": "主动公开的位置（网址或索引号）",
    "withheld_parts": "不予公开的部分",
    "what": "不予公开的部分",
    "reason": "不予公开的理由",
    "item": "需要补正的事项",
    "not_ours": "不属于本机关负责公开",
    "search_description": "检索情况",
    "responsible_agency": "负责公开的机关",
    "responsible_agency_contact": "负责公开的机关的联系方式",
    "query_channel": "查询办理途径",
    "proper_channel": "信访、投诉、举报渠道",
    "publication_source": "公开出版物的获取途径",
    "previous_application_number": "此前申请的编号",
    "previous_reply_on": "此前答复日期",
    "reasons_requested_on": "要求说明理由的日期",
    "correction_notice_on": "补正告知日期",
    "correction_received_on": "收到补正申请的日期",
    "fee_notice_on": "收费通知日期",
    "reconsideration_body": "行政复议机关",
}
