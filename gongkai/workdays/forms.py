from django import forms

from gongkai.workdays.notice import NoticeError, parse_notice


class DayForm(forms.Form):
    date = forms.DateField(
        label="日期", widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    is_workday = forms.TypedChoiceField(
        label="安排",
        choices=[("0", "放假"), ("1", "上班（调休）")],
        coerce=lambda value: value == "1",
        widget=forms.RadioSelect,
    )
    name = forms.CharField(
        label="名称", max_length=40, required=False, help_text="如：春节、国庆节"
    )
    source = forms.CharField(label="依据", max_length=200, help_text="如：国办发明电〔2025〕7号")


class NoticeForm(forms.Form):
    text = forms.CharField(
        label="通知正文",
        widget=forms.Textarea(attrs={"rows": 16}),
        help_text="粘贴《国务院办公厅关于XXXX年部分节假日安排的通知》全文。",
    )
    year = forms.IntegerField(
        label="年份",
        required=False,
        min_value=2000,
        max_value=2100,
        help_text="标题里有年份时可不填。",
    )
    source = forms.CharField(
        label="依据", max_length=200, required=False, help_text="不填则取通知里的文号。"
    )

    def clean(self):
        data = super().clean()
        if "text" in data:
            try:
                data["notice"] = parse_notice(data["text"], data.get("year"))
            except NoticeError as error:
                raise forms.ValidationError(str(error)) from error
            data["source"] = data.get("source") or data["notice"].source
        return data
