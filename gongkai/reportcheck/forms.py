from django import forms
from django.utils import timezone

from gongkai.agencies.access import agencies_where
from gongkai.agencies.models import Role
from gongkai.annualreports.models import Scope
from gongkai.annualreports.queries import default_scope
from gongkai.reportcheck.uploads import MAX_FILE_BYTES, MAX_FILES


class MultipleFileInput(forms.FileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one field; each is checked on its own later, so empty files pass here."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        kwargs.setdefault("allow_empty_file", True)
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        items = data if isinstance(data, list | tuple) else [data]
        items = [item for item in items if item]
        if not items:
            raise forms.ValidationError("请选择要核查的年度报告文件。", code="required")
        return [super(MultipleFileField, self).clean(item, initial) for item in items]


class UploadForm(forms.Form):
    files = MultipleFileField(
        label="年度报告文件",
        help_text=(
            f"可一次选择多个文件，或上传一个装有多份报告的 ZIP 压缩包。支持 PDF、Word（DOCX）、网页（HTML）和文本；"
            f"每个文件不超过 {MAX_FILE_BYTES // (1024 * 1024)} MB，一次最多 {MAX_FILES} 份。"
        ),
    )


class PreviousYearForm(forms.Form):
    """Which agency and year an imported report is, so it serves as that agency's last year."""

    agency = forms.ModelChoiceField(label="机关", queryset=None, empty_label="请选择机关")
    year = forms.IntegerField(label="报告年度", min_value=2008)  # 条例 in force since 2008
    scope = forms.ChoiceField(
        label="报告范围", choices=[("", "按机关类型（政府为全域汇总，部门为本机关）")] + Scope.choices, required=False
    )

    def __init__(self, *args, user, report, **kwargs):
        super().__init__(*args, **kwargs)
        agencies = agencies_where(user, Role.OFFICE_ADMIN).order_by("path")
        self.fields["agency"].queryset = agencies
        self.fields["year"].validators.append(_not_future)
        matched = agencies.filter(name=report.agency).first() if report.agency else None
        self.initial.setdefault("year", report.year)
        if matched is not None:
            self.initial.setdefault("agency", matched.pk)
            self.initial.setdefault("scope", default_scope(matched))

    def clean(self):
        cleaned = super().clean()
        agency = cleaned.get("agency")
        if agency is not None and not cleaned.get("scope"):
            cleaned["scope"] = default_scope(agency)
        return cleaned


def _not_future(year: int) -> None:
    if year > timezone.localdate().year:
        raise forms.ValidationError("年度不能晚于今年。")
