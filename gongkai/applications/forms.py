"""The application form (public and staff intake) and the forms of each staff action.

Errors are in plain Chinese and sit next to the field they are about.
"""

from __future__ import annotations

import filetype
from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils import timezone

from gongkai.agencies.models import Agency
from gongkai.applications.identifiers import (
    credit_code_problem,
    is_mobile,
    is_phone,
    normalise,
    resident_id_problem,
)
from gongkai.applications.models import (
    ApplicantType,
    Channel,
    ConsultationResult,
    DeliveryMethod,
    DeliveryWanted,
    FeeBasisChoice,
    FormWanted,
    IdType,
    PartyKind,
    ReplyType,
    outcome_choices_grouped,
)
from gongkai.widgets import IsoDateInput, StaffChoiceField

PROOF_TYPES = {"image/jpeg": "JPG", "image/png": "PNG", "application/pdf": "PDF"}


def applicant_problems(applicant: dict) -> list[str]:
    """Format problems in what is given (checksums, phone, e-mail); for the API."""
    problems = []
    if applicant.get("type") not in ApplicantType.values:
        known = "、".join(ApplicantType.values)
        problems.append(f"申请人类型“{applicant.get('type')}”无效，应为：{known}。")
    if not (applicant.get("name") or "").strip():
        problems.append("请填写申请人姓名或名称。")
    id_number = applicant.get("id_number") or ""
    if id_number and applicant.get("id_type", IdType.RESIDENT_ID) in ("", IdType.RESIDENT_ID):
        problems += [p for p in [resident_id_problem(id_number)] if p]
    if applicant.get("credit_code"):
        problems += [p for p in [credit_code_problem(applicant["credit_code"])] if p]
    if applicant.get("phone") and not is_phone(applicant["phone"]):
        problems.append("联系电话格式不正确：手机号为11位数字，固定电话为“区号-号码”。")
    if applicant.get("email"):
        try:
            validate_email(applicant["email"])
        except ValidationError:
            problems.append("电子邮箱格式不正确。")
    return problems


class ApplicationForm(forms.Form):
    """What 条例第二十九条 asks of an application, with the public's checks."""

    agency = forms.ModelChoiceField(
        label="向哪个机关申请", queryset=Agency.objects.all(), empty_label="请选择",
        help_text="请向制作或保存该信息的机关申请。",
    )
    applicant_type = forms.ChoiceField(
        label="申请人类型", choices=ApplicantType.choices, initial=ApplicantType.NATURAL_PERSON,
        widget=forms.RadioSelect,
    )
    name = forms.CharField(label="姓名或单位名称", max_length=100)
    id_type = forms.ChoiceField(label="证件类型", choices=IdType.choices, initial=IdType.RESIDENT_ID, required=False)
    id_number = forms.CharField(label="证件号码", max_length=40, required=False)
    credit_code = forms.CharField(label="统一社会信用代码", max_length=18, required=False)
    legal_representative = forms.CharField(label="法定代表人或负责人", max_length=50, required=False)
    contact_person = forms.CharField(label="联系人", max_length=50, required=False)
    phone = forms.CharField(
        label="手机号码", max_length=30, widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
        help_text="用于联系您；查询办理进度时需要输入后四位。",
    )
    email = forms.EmailField(label="电子邮箱", required=False, help_text="填写后，办理的每个环节都会发邮件告诉您。")
    address = forms.CharField(label="通信地址", max_length=200, required=False)
    postcode = forms.CharField(label="邮政编码", max_length=10, required=False)
    description = forms.CharField(
        label="所需政府信息的名称、文号或便于查询的其他特征性描述", widget=forms.Textarea(attrs={"rows": 6}),
        max_length=4000,
    )
    form_wanted = forms.ChoiceField(label="获取信息的载体形式", choices=FormWanted.choices, widget=forms.RadioSelect)
    delivery_wanted = forms.ChoiceField(label="获取信息的方式", choices=DeliveryWanted.choices, widget=forms.RadioSelect)
    proof = forms.FileField(
        label="身份证明", help_text="身份证件或营业执照等的照片或扫描件，JPG、PNG 或 PDF 格式。",
    )
    idempotency_key = forms.CharField(widget=forms.HiddenInput, max_length=64)

    mobile_only = True

    def clean_id_number(self):
        return normalise(self.cleaned_data["id_number"])

    def clean_credit_code(self):
        return normalise(self.cleaned_data["credit_code"])

    def clean_phone(self):
        phone = normalise(self.cleaned_data["phone"])
        if self.mobile_only and not is_mobile(phone):
            raise ValidationError("请填写11位手机号码，例如 13812345678。")
        if not is_phone(phone):
            raise ValidationError("联系电话格式不正确：手机号为11位数字，固定电话为“区号-号码”。")
        return phone

    def clean_proof(self):
        proof = self.cleaned_data.get("proof")
        if not proof:
            return proof
        limit = settings.ATTACHMENT_MAX_BYTES
        if proof.size > limit:
            raise ValidationError(f"文件太大：不能超过{limit // (1024 * 1024)}MB。")
        head = proof.read(262)
        proof.seek(0)
        kind = filetype.guess(head)
        if kind is None or kind.mime not in PROOF_TYPES:
            raise ValidationError("身份证明只能是 JPG、PNG 图片或 PDF 文件（按文件内容判断，不看文件名）。")
        return proof

    def clean(self):
        data = super().clean()
        if data.get("applicant_type") == ApplicantType.NATURAL_PERSON:
            self._clean_person(data)
        elif data.get("applicant_type"):
            self._clean_organisation(data)
        if data.get("delivery_wanted") == DeliveryWanted.EMAIL and not data.get("email"):
            self.add_error("email", "选择以电子邮件获取信息的，请填写电子邮箱。")
        if data.get("delivery_wanted") == DeliveryWanted.POST and not data.get("address"):
            self.add_error("address", "选择邮寄的，请填写通信地址。")
        return data

    def _clean_person(self, data):
        data["credit_code"] = data["legal_representative"] = data["contact_person"] = ""
        if not data.get("id_type"):
            self.add_error("id_type", "请选择证件类型。")
        if not data.get("id_number"):
            self.add_error("id_number", "请填写证件号码。")
        elif data.get("id_type") == IdType.RESIDENT_ID:
            problem = resident_id_problem(data["id_number"])
            if problem:
                self.add_error("id_number", problem)

    def _clean_organisation(self, data):
        data["id_type"] = data["id_number"] = ""
        for field, message in (
            ("credit_code", "请填写统一社会信用代码。"),
            ("legal_representative", "请填写法定代表人或负责人。"),
            ("contact_person", "请填写联系人。"),
        ):
            if not data.get(field):
                self.add_error(field, message)
        if data.get("credit_code"):
            problem = credit_code_problem(data["credit_code"])
            if problem:
                self.add_error("credit_code", problem)

    def applicant(self) -> dict:
        data = self.cleaned_data
        fields = ("name", "id_type", "id_number", "credit_code", "legal_representative",
                  "contact_person", "phone", "address", "postcode", "email")
        return {"type": data["applicant_type"], **{f: data.get(f) or "" for f in fields}}


class IntakeForm(ApplicationForm):
    """Staff register applications handed in, posted, faxed, or made orally."""

    channel = forms.ChoiceField(label="提交方式", choices=[c for c in Channel.choices if c[0] != Channel.ONLINE])
    received_on = forms.DateField(
        label="收到申请日期", widget=IsoDateInput(),
        help_text="当面提交：提交当日；信函：签收之日；传真：双方确认之日（第三十一条）。",
    )
    receipt_note = forms.CharField(label="收到情况说明", max_length=200, required=False,
                                   help_text="如：平信，已于当日电话与申请人确认。")
    mobile_only = False
    field_order = ["agency", "channel", "received_on", "receipt_note"]

    def __init__(self, *args, agencies=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = agencies if agencies is not None else Agency.objects.none()
        self.fields["agency"].help_text = ""
        self.fields["phone"].label = "联系电话"
        self.fields["proof"].required = False
        self.fields["proof"].help_text = "可在核验身份证件后不上传。"

    def clean_received_on(self):
        received_on = self.cleaned_data["received_on"]
        if received_on > timezone.localdate():
            raise ValidationError("收到申请的日期不能晚于今天。")
        return received_on


# --- one small form per staff action -----------------------------------------------------


def _date(label="日期"):
    return forms.DateField(label=label, initial=timezone.localdate, widget=IsoDateInput())


class OnForm(forms.Form):
    on = _date()
    note = forms.CharField(label="说明", required=False, max_length=200)


class CorrectionForm(forms.Form):
    on = _date("发出日期")
    items = forms.CharField(label="需要补正的全部事项", widget=forms.Textarea(attrs={"rows": 4}),
                            help_text="补正只能通知一次，请一次性写清楚（第三十条）。")
    answer_by = forms.DateField(label="补正期限", widget=IsoDateInput())

    def clean(self):
        data = super().clean()
        if data.get("on") and data.get("answer_by") and data["answer_by"] <= data["on"]:
            self.add_error("answer_by", "补正期限应晚于发出日期。")
        return data


class ConsultationStartForm(forms.Form):
    on = _date("发函日期")
    party_kind = forms.ChoiceField(label="征求对象", choices=PartyKind.choices)
    party_name = forms.CharField(label="名称或姓名", max_length=100)


class ConsultationEndForm(forms.Form):
    on = _date("结束日期")
    result = forms.ChoiceField(label="意见", choices=ConsultationResult.choices)
    opinion = forms.CharField(label="意见内容", required=False, widget=forms.Textarea(attrs={"rows": 3}))
    public_interest_override = forms.BooleanField(
        label="第三方不同意，但不公开可能对公共利益造成重大影响，决定公开（须书面告知第三方）", required=False)


class ExtensionForm(forms.Form):
    on = _date("决定日期")
    workdays = forms.IntegerField(label="延长工作日数", min_value=1, max_value=20, initial=20)
    reason = forms.CharField(label="理由（告知申请人）", max_length=500, required=False)
    approved_by = StaffChoiceField(label="同意延期的负责人", queryset=None, empty_label="请选择")

    def __init__(self, *args, approvers=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["approved_by"].queryset = approvers


class LongerDeadlineForm(forms.Form):
    on = _date("决定日期")
    due_on = forms.DateField(label="确定的答复期限", widget=IsoDateInput())
    reason = forms.CharField(label="理由（第三十五条）", widget=forms.Textarea(attrs={"rows": 3}))


class FeeNoticeForm(forms.Form):
    on = _date("通知日期")
    basis = forms.ChoiceField(label="计收方式（只能选一种）", choices=FeeBasisChoice.choices, widget=forms.RadioSelect)
    pages = forms.IntegerField(label="页数（按量计收时填写）", min_value=1, required=False)

    def clean(self):
        data = super().clean()
        if data.get("basis") == "per_page" and not data.get("pages"):
            self.add_error("pages", "按量计收须填写页数。")
        return data


class PaymentForm(forms.Form):
    on = _date("缴费日期")
    amount = forms.DecimalField(label="实缴金额（元）", min_value=0, decimal_places=2, required=False)
    reference = forms.CharField(label="缴费凭证号", max_length=100, required=False)


class WaiverForm(forms.Form):
    on = _date("减免日期")
    reason = forms.CharField(label="减免理由", widget=forms.Textarea(attrs={"rows": 3}))


class DecisionForm(forms.Form):
    outcome = forms.ChoiceField(label="办理结果（年度报告表三）", choices=[("", "请选择")] + outcome_choices_grouped())
    reply_type = forms.ChoiceField(label="答复方式", choices=[("", "按办理结果默认")] + ReplyType.choices, required=False)
    reasons = forms.CharField(label="理由和依据", widget=forms.Textarea(attrs={"rows": 4}), required=False)
    withheld_parts = forms.CharField(label="不予公开的部分及理由（部分公开时填写）",
                                     widget=forms.Textarea(attrs={"rows": 3}), required=False)
    referred_agency = forms.CharField(label="负责公开的机关及联系方式（不属于本机关负责公开时填写）",
                                      max_length=200, required=False)


class SignForm(forms.Form):
    on = _date("答复日期")


class ReturnForm(forms.Form):
    note = forms.CharField(label="退回意见", widget=forms.Textarea(attrs={"rows": 3}))


class DeliveryForm(forms.Form):
    method = forms.ChoiceField(label="送达方式", choices=DeliveryMethod.choices)
    delivered_on = forms.DateField(label="送达日期", initial=timezone.localdate,
                                   widget=IsoDateInput())
    reference = forms.CharField(label="邮件单号或回执", max_length=100, required=False)
    note = forms.CharField(label="备注", max_length=200, required=False)


class TrackForm(forms.Form):
    code = forms.CharField(label="查询码", max_length=20, help_text="受理后告知您的12位查询码，如 ABCD-EFGH-JKLM。")
    phone_last4 = forms.CharField(label="联系电话后四位", min_length=4, max_length=4)

    def clean_code(self):
        return normalise(self.cleaned_data["code"]).replace("-", "")

