from django import forms

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
