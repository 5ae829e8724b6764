import re

from django import forms

from gongkai.mailbox.actions import PublicVersion
from gongkai.throttling import CaptchaMixin

_PHONE = re.compile(r"^(?:1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$")
_EMAIL = forms.EmailField()


class WriteForm(CaptchaMixin, forms.Form):
    writer_name = forms.CharField(label="姓名", max_length=50)
    contact = forms.CharField(
        label="联系方式", max_length=100, help_text="手机号码、固定电话或电子邮箱，仅用于工作人员联系您，不会公开。"
    )
    subject = forms.CharField(label="标题", max_length=100)
    text = forms.CharField(label="内容", max_length=5000, widget=forms.Textarea(attrs={"rows": 8}))
    agrees_to_publish = forms.BooleanField(
        label="同意在网站公开我的来信和答复（姓名只显示姓氏，电话、身份证号、邮箱等个人信息会被删除）", required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.add_captcha()

    def clean_contact(self):
        contact = self.cleaned_data["contact"].strip().replace(" ", "")
        if _PHONE.match(contact):
            return contact
        try:
            return _EMAIL.clean(contact)
        except forms.ValidationError as exc:
            raise forms.ValidationError("请填写正确的手机号码、固定电话（如 0375-5199000）或电子邮箱。") from exc


class AssignForm(forms.Form):
    agency = forms.ModelChoiceField(label="承办单位", queryset=None)
    note = forms.CharField(label="分办意见", required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, agencies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = agencies


class ReplyForm(forms.Form):
    reply = forms.CharField(label="答复内容", widget=forms.Textarea(attrs={"rows": 8}))


class ReasonForm(forms.Form):
    reason = forms.CharField(label="理由", widget=forms.Textarea(attrs={"rows": 2}))


class PublishForm(forms.Form):
    subject = forms.CharField(label="公开标题", max_length=100)
    text = forms.CharField(label="公开的来信内容", widget=forms.Textarea(attrs={"rows": 6}))
    reply = forms.CharField(label="公开的答复内容", widget=forms.Textarea(attrs={"rows": 6}))

    @classmethod
    def from_version(cls, version: PublicVersion):
        return cls(initial={"subject": version.subject, "text": version.text, "reply": version.reply})


class ReplyRuleForm(forms.Form):
    workdays = forms.IntegerField(label="答复期限（工作日）", min_value=1, max_value=60)
    basis = forms.CharField(label="依据", max_length=200, required=False)


class TrackForm(forms.Form):
    code = forms.CharField(label="查询码", max_length=30, help_text="提交来信后页面上显示的查询码，如 ABCD-EFGH-JKLM-NP。")

    def clean_code(self):
        return "".join(self.cleaned_data["code"].split()).replace("-", "").upper()
