from functools import lru_cache
from html import escape

from django import forms
from django.core.cache import cache
from django.utils.safestring import mark_safe

from gongkai.portal.queries import CACHE_SECONDS, public_agencies, published_years
from gongkai.publishing.models import CatalogueNode, Topic, Validity

ANY = [("", "全部")]


def _agency_choices():
    choices = cache.get("portal:agency-choices")
    if choices is None:
        choices = list(public_agencies().values_list("code", "name"))
        cache.set("portal:agency-choices", choices, CACHE_SECONDS)
    return ANY + choices


def _node_choices():
    choices = cache.get("portal:node-choices")
    if choices is None:
        # National nodes only: an agency's own sub-items are reached from its catalogue.
        choices = list(CatalogueNode.objects.filter(agency=None).values_list("code", "name"))
        cache.set("portal:node-choices", choices, CACHE_SECONDS)
    return ANY + choices


class ItemFilterForm(forms.Form):
    agency = forms.ChoiceField(label="发布机构", required=False)
    node = forms.ChoiceField(label="目录", required=False)
    topic = forms.ChoiceField(label="主题分类", required=False, choices=ANY + Topic.choices)
    year = forms.TypedChoiceField(label="发布年份", required=False, coerce=int, empty_value=None)
    validity = forms.ChoiceField(label="有效性", required=False, choices=ANY + Validity.choices)

    def __init__(self, *args, local_node=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].choices = _agency_choices()
        node_choices = _node_choices()
        if local_node is not None:
            node_choices = node_choices + [(local_node.code, local_node.name)]
        self.fields["node"].choices = node_choices
        self.fields["year"].choices = ANY + [(y, f"{y}年") for y in published_years()]

    def value(self, name):
        """The field's cleaned value, or None when it was missing or invalid."""
        if not hasattr(self, "cleaned_data"):
            self.is_valid()
        return self.cleaned_data.get(name) or None

    def selects(self):
        """The fields as (id, label, <select> HTML).

        Built in Python: Django's widget templates render each <option> through the
        template engine, which made the list page several times slower.
        """
        if not hasattr(self, "cleaned_data"):
            self.is_valid()
        for name, field in self.fields.items():
            chosen = str(self.data.get(name, ""))
            options = "".join(
                selected if value == chosen else plain
                for value, plain, selected in map(_option, field.choices)
            )
            html = f'<select name="{name}" id="id_{name}">{options}</select>'
            yield f"id_{name}", field.label, mark_safe(html)


@lru_cache(maxsize=4096)
def _option(choice: tuple) -> tuple[str, str, str]:
    """(value, <option>, <option selected>), escaped once: a list page has ~150 options."""
    value, label = str(choice[0]), escape(str(choice[1]))
    return (value, f'<option value="{escape(value)}">{label}</option>',
            f'<option value="{escape(value)}" selected>{label}</option>')
