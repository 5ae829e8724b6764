"""The slot filler: named placeholders `{{name}}` in locked wording, filled in one pass.

Why our own and not Django templates or str.format: a slot value is inserted as inert
text. The substitution is a single regex pass over the *template*, so a value that
itself contains `{{…}}`, `{% … %}` or `{0}` is never expanded; values are cleaned of
control and invisible formatting characters (which could reorder or hide the locked
wording on screen: U+202E and friends) and capped in length; a slot that is missing or
blank is an error, never an empty gap in a legal letter.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping

from .facts import SLOT_LABELS, LetterError

PLACEHOLDER = re.compile(r"\{\{([a-z_]+)\}\}")
_STRAY_BRACES = re.compile(r"\{\{|\}\}")
_WHITESPACE = re.compile(r"\s+")

# Names, numbers and phone lines are short; descriptions and reasons may be long.
SHORT_SLOTS = frozenset(
    {
        "agency_name",
        "office_name",
        "office_phone",
        "office_postcode",
        "applicant_name",
        "application_number",
        "document_number",
        "third_party_name",
        "reconsideration_body",
        "responsible_agency",
        "previous_application_number",
    }
)
SHORT_LIMIT = 200
LONG_LIMIT = 2000


def label(name: str) -> str:
    return SLOT_LABELS.get(name, name)


def placeholders(text: str) -> list[str]:
    """The slot names a piece of template wording uses, in order."""
    return PLACEHOLDER.findall(text)


def check_template_text(text: str, where: str) -> None:
    """A template whose braces do not all form valid placeholders is a typo: refuse it."""
    if _STRAY_BRACES.search(PLACEHOLDER.sub("", text)):
        raise LetterError(f"模板{where}中有无效的占位符：{text}")


def clean_text(name: str, value: str) -> str:
    """One slot value as inert single-line text; raises when too long."""
    kept = "".join(" " if ch.isspace() else ch for ch in value if _visible(ch))
    text = _WHITESPACE.sub(" ", kept).strip()
    limit = SHORT_LIMIT if name in SHORT_SLOTS else LONG_LIMIT
    if len(text) > limit:
        raise LetterError(f"「{label(name)}」过长：最多{limit}个字符，现有{len(text)}个。")
    return text


def _visible(ch: str) -> bool:
    # Cc control, Cf format (bidi overrides, zero-width), Cs/Co/Cn: never part of a letter.
    return ch.isspace() or not unicodedata.category(ch).startswith("C")


def fill(text: str, values: Mapping[str, object], where: str) -> str:
    """Replace each `{{name}}` in `text` by its value, in one pass; missing → LetterError."""

    def one(match: re.Match[str]) -> str:
        name = match.group(1)
        value = values.get(name)
        if value is None or value == "" or isinstance(value, bool | list | tuple):
            raise LetterError(f"{where}：「{label(name)}」未填写。")
        return str(value)

    return PLACEHOLDER.sub(one, text)
