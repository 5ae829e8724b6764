from django import forms
from django.conf import settings

from gongkai import uploads
from gongkai.annualreports.narrative import OVERVIEW_PARTS


class FiguresForm(forms.Form):
    licensing = forms.IntegerField(label="行政许可（本年处理决定数量）", min_value=0, required=False)
    penalty = forms.IntegerField(label="行政处罚（本年处理决定数量）", min_value=0, required=False)
    enforcement = forms.IntegerField(label="行政强制（本年处理决定数量）", min_value=0, required=False)
    fees_10k_yuan = forms.CharField(label="行政事业性收费（本年收费金额，万元）", required=False, max_length=32)
    covers_subtree = forms.BooleanField(label="以上数据已含所属机关（全县合计）", required=False)
    source_note = forms.CharField(label="数据来源", required=False, max_length=200)


class NarrativeForm(forms.Form):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for key, label in OVERVIEW_PARTS:
            self.fields[key] = forms.CharField(label=f"一、总体情况 {label}", required=False,
                                               widget=forms.Textarea(attrs={"rows": 5}))
        self.fields["problems"] = forms.CharField(label="五、存在的主要问题及改进情况", required=False,
                                                  widget=forms.Textarea(attrs={"rows": 6}))
        self.fields["other"] = forms.CharField(label="六、其他需要报告的事项", required=False,
                                               widget=forms.Textarea(attrs={"rows": 3}))


class ImportForm(forms.Form):
    file = forms.FileField(label="CSV 或 Excel（XLSX）文件")

    def clean_file(self):
        upload = self.cleaned_data["file"]
        uploads.check_table(upload, max_bytes=settings.DATA_UPLOAD_MAX_MEMORY_SIZE)  # gongkai/uploads.py
        return upload
