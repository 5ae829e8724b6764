"""Removing personal data from a letter before it is published (pure, no Django).

A published letter shows the writer's surname only, and its text loses every phone
number, ID number and e-mail address, and every occurrence of the writer's full name
(《个人信息保护法》第二十八条: ID numbers and contact details are sensitive).
"""

from __future__ import annotations

import re

REDACTED = "＊＊＊"

# 18-digit resident ID (last may be X) and the old 15-digit form; not inside a longer number.
_ID = re.compile(r"(?<![0-9A-Za-z])(?:\d{17}[\dXx]|\d{15})(?![0-9A-Za-z])")
_EMAIL = re.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}")
# Mobiles (1[3-9]x, 11 digits, optionally +86 and spaced 3-4-4) and landlines (0375-5199000).
_MOBILE = re.compile(r"(?<!\d)(?:\+?86[\s\-]?)?1[3-9]\d(?:[\s\-]?\d{4}){2}(?!\d)")
_LANDLINE = re.compile(r"(?<!\d)(?:\(?0\d{2,3}\)?[\s\-]?)\d{7,8}(?!\d)")


def mask_name(name: str) -> str:
    """张三 → 张*, 欧阳娜娜 → 欧***; a blank name stays blank."""
    name = (name or "").strip()
    if not name:
        return ""
    return name[0] + "*" * max(len(name) - 1, 1)


def scrub_text(text: str, *, names: tuple[str, ...] = ()) -> str:
    """The text with ID numbers, e-mail addresses, phone numbers and the given names
    replaced. IDs go first, so that an ID is never half-taken as a phone number."""
    text = _ID.sub(REDACTED, text or "")
    text = _EMAIL.sub(REDACTED, text)
    text = _MOBILE.sub(REDACTED, text)
    text = _LANDLINE.sub(REDACTED, text)
    for name in sorted({n.strip() for n in names if n and len(n.strip()) >= 2}, key=len, reverse=True):
        text = text.replace(name, mask_name(name))
    return text


def contains_personal_data(text: str) -> bool:
    """Whether the text still holds something scrub_text would remove (a last check
    before publishing an edited text)."""
    return any(p.search(text or "") for p in (_ID, _EMAIL, _MOBILE, _LANDLINE))
