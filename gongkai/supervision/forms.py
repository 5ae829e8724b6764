from django import forms
from django.conf import settings

from gongkai.agencies.models import Agency, DutyRule
from gongkai.publishing.models import CatalogueNode
from gongkai.supervision.models import InquiryKind, MediaAccount, UpdatePeriod
from gongkai.widgets import IsoDateInput

UPLOAD_HELP = "支持 .xlsx 或 .csv（UTF-8 编码）；第一行为表头。"


class AccountForm(forms.ModelForm):
    class Meta:
        model = MediaAccount
        fields = ["agency", "platform", "name", "handle", "operator", "opened_on"]
        widgets = {"opened_on": IsoDateInput()}

    def __init__(self, *args, agencies=None, **kwargs):
        super().__init__(*args, **kwargs)
        if agencies is not None:
            self.fields["agency"].queryset = agencies


class CloseAccountForm(forms.Form):
    reason = forms.CharField(label="关停理由", widget=forms.Textarea(attrs={"rows": 3}))
    closed_on = forms.DateField(label="关停日期", widget=IsoDateInput())


class LastPostForm(forms.Form):
    last_post_on = forms.DateField(label="最近发布日期", widget=IsoDateInput())


class UploadForm(forms.Form):
    file = forms.FileField(label="表格文件", help_text=UPLOAD_HELP)

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > settings.DATA_UPLOAD_MAX_MEMORY_SIZE:
            raise forms.ValidationError("文件太大，请分批导入。")
        if not upload.name.lower().endswith((".xlsx", ".csv")):
            raise forms.ValidationError("只能导入 .xlsx 或 .csv 文件。")
        return upload


class InquiryForm(forms.Form):
    kind = forms.ChoiceField(label="类别", choices=InquiryKind.choices)
    on = forms.DateField(label="日期", widget=IsoDateInput())
    agency = forms.ModelChoiceField(label="涉及单位", queryset=None, required=False, empty_label="（不涉及具体单位）")
    note = forms.CharField(label="摘要", max_length=200, required=False)

    def __init__(self, *args, agencies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = agencies


class ThresholdForm(forms.Form):
    value = forms.IntegerField(label="数值", min_value=1, max_value=400)


class PeriodForm(forms.Form):
    amount = forms.IntegerField(label="周期数", min_value=1, max_value=100)
    unit = forms.ChoiceField(label="单位", choices=[("days", "天"), ("months", "个月"), ("years", "年")])


class AdjustmentForm(forms.Form):
    agency = forms.ModelChoiceField(label="单位", queryset=None)
    points = forms.DecimalField(label="加减分（减分填负数）", max_digits=6, decimal_places=2)
    reason = forms.CharField(label="理由", widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, agencies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = agencies


class ColumnRuleForm(forms.Form):
    node = forms.ModelChoiceField(label="栏目", queryset=CatalogueNode.objects.filter(agency__isnull=True))
    period = forms.ModelChoiceField(
        label="更新周期", queryset=UpdatePeriod.objects.all(), required=False, empty_label="（不检查该栏目）"
    )


class DutyRelaxationForm(forms.Form):
    """The county office relaxes (or restores) one separation-of-duties rule."""

    agency = forms.ModelChoiceField(label="适用机关（含下级机关）", queryset=Agency.objects.none(), empty_label="请选择")
    rule = forms.ChoiceField(label="规则", choices=DutyRule.choices)
    relaxed = forms.TypedChoiceField(
        label="设定", coerce=lambda v: v == "relax", widget=forms.RadioSelect,
        choices=[("relax", "放宽（允许同一人完成两个环节）"), ("restore", "恢复该规则")],
    )
    reason = forms.CharField(label="理由", widget=forms.Textarea(attrs={"rows": 2}),
                             help_text="如：该镇仅有一名工作人员，经县政务公开办同意。")

    def __init__(self, *args, agencies=None, **kwargs):
        super().__init__(*args, **kwargs)
        if agencies is not None:
            self.fields["agency"].queryset = agencies
