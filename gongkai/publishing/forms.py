"""Staff forms. They only collect and type-check input: every rule is enforced by the
action they feed (publishing.actions), whose refusals are shown next to the field."""

from django import forms

from gongkai import uploads
from gongkai.publishing.actions import EDITABLE_FIELDS, PublishingError
from gongkai.publishing.catalogue import item_nodes_for_agency
from gongkai.publishing.models import CatalogueNode, DocKind, InformationItem, ItemStatus, Validity


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


class ErrorPlacingForm:
    def add_refusal(self, refusal: PublishingError) -> None:
        """Show an action's refusal next to its field, or above the form."""
        field = refusal.field if refusal.field in self.fields else None
        self.add_error(field, refusal.message)


class ItemForm(ErrorPlacingForm, forms.ModelForm):
    class Meta:
        model = InformationItem
        fields = list(EDITABLE_FIELDS)
        widgets = {
            "written_on": DateInput(),
            "formed_on": DateInput(),
            "issued_on": DateInput(),
            "body": forms.Textarea(attrs={"rows": 14}),
            "no_interpretation_reason": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "formed_on": "条例第二十六条：自形成或变更之日起20个工作日内公开。",
            "body": "可粘贴 HTML；脚本、事件属性和样式会被自动清除。",
            "issued_on": "规章和行政规范性文件填写，用于年度报告表二；不填则按成文日期计。",
            "interprets": "仅“政策解读”填写：选择所解读的本机关文件，发布文件时一并发布。",
            "no_interpretation_reason": "行政规范性文件没有政策解读的，须写明理由，否则不能发布。",
        }

    def __init__(self, *args, agency, **kwargs):
        super().__init__(*args, **kwargs)
        self.agency = agency
        self.fields["node"].queryset = item_nodes_for_agency(agency)
        self.fields["node"].label_from_instance = _node_label
        documents = InformationItem.objects.filter(
            agency=agency, doc_kind__in=(DocKind.NORMATIVE, DocKind.RULE)
        ).exclude(status=ItemStatus.WITHDRAWN).order_by("-id")
        if self.instance.pk:
            documents = documents.exclude(pk=self.instance.pk)
        self.fields["interprets"].queryset = documents
        self.fields["interprets"].required = False
        self.fields["formed_on"].required = True

    def _post_clean(self):
        # The model's own validation would run on the half-built instance; the action
        # checks the item as a whole instead.
        pass

    def changes(self) -> dict:
        return {name: self.cleaned_data.get(name) for name in EDITABLE_FIELDS}


def _node_label(node) -> str:
    if node.parent_id and node.parent.code != "statutory":
        return f"{node.parent.name} › {node.name}"
    return node.name


class ReasonForm(ErrorPlacingForm, forms.Form):
    reason = forms.CharField(label="理由", widget=forms.Textarea(attrs={"rows": 3}), max_length=2000)


class WithdrawForm(ErrorPlacingForm, forms.Form):
    """Shown beside the return form, so it takes the prefix "withdraw" (ids stay unique)."""

    reason = forms.CharField(label="撤回理由", widget=forms.Textarea(attrs={"rows": 2}), max_length=2000, required=False)


class ValidityForm(ErrorPlacingForm, forms.Form):
    validity = forms.ChoiceField(label="有效性", choices=Validity.choices)
    on = forms.DateField(label="失效或废止日期", widget=DateInput(), required=False,
                         help_text="改为“失效”或“废止”时必填；规章和规范性文件按此日期计入表二的废止件数。")


class AttachmentForm(ErrorPlacingForm, forms.Form):
    file = forms.FileField(label="附件", help_text=f"{uploads.names(uploads.DOCUMENT_KINDS)}；按文件内容识别类型。")


class LocalNodeForm(ErrorPlacingForm, forms.Form):
    agency = forms.ModelChoiceField(label="机关", queryset=None)
    parent = forms.ModelChoiceField(label="上级目录（国家规定的目录节点）", queryset=None)
    name = forms.CharField(label="子目录名称", max_length=100)

    def __init__(self, *args, agencies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = agencies
        if len(agencies) == 1:
            self.fields["agency"].initial = agencies[0]
        self.fields["parent"].queryset = CatalogueNode.objects.filter(agency__isnull=True).exclude(code="guide")
        self.fields["parent"].label_from_instance = _node_label
