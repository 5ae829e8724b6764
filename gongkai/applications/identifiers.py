"""Checking and masking the identifiers applicants give (pure, no Django).

- 公民身份号码, GB 11643-1999: 17 digits, then an ISO 7064 MOD 11-2 check character.
- 统一社会信用代码, GB 32100-2015: 17 characters from a 31-character alphabet, then a
  MOD 31 check character.
- Mainland mobile numbers: 11 digits starting 13–19.
Masking keeps the few characters people use to recognise their own number.
"""

from __future__ import annotations

import datetime
import re

_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"

_USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"  # no I, O, S, V, Z
_USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)

_MOBILE = re.compile(r"1[3-9]\d{9}")
_LANDLINE = re.compile(r"0\d{2,3}-?\d{7,8}(-\d{1,6})?")


def normalise(value: str) -> str:
    """Upper case, no spaces (people type 'x' and group digits with spaces)."""
    return re.sub(r"\s+", "", value or "").upper()


def resident_id_problem(value: str) -> str:
    """Why `value` is not a valid 18-digit 公民身份号码, or "" when it is."""
    value = normalise(value)
    if len(value) != 18:
        return f"身份证号码应为18位，您填写的是{len(value)}位。"
    if not value[:17].isdigit() or not (value[17].isdigit() or value[17] == "X"):
        return "身份证号码前17位应为数字，最后一位为数字或字母X。"
    try:
        datetime.date(int(value[6:10]), int(value[10:12]), int(value[12:14]))
    except ValueError:
        return "身份证号码中的出生日期（第7至14位）不是有效日期。"
    total = sum(int(c) * w for c, w in zip(value[:17], _ID_WEIGHTS, strict=True))
    if _ID_CHECK[total % 11] != value[17]:
        return "身份证号码校验位不正确，请核对是否有输错的数字。"
    return ""


def credit_code_problem(value: str) -> str:
    """Why `value` is not a valid 统一社会信用代码, or "" when it is."""
    value = normalise(value)
    if len(value) != 18:
        return f"统一社会信用代码应为18位，您填写的是{len(value)}位。"
    if any(c not in _USCC_ALPHABET for c in value):
        return "统一社会信用代码只含数字和大写字母（不含I、O、S、V、Z）。"
    total = sum(_USCC_ALPHABET.index(c) * w for c, w in zip(value[:17], _USCC_WEIGHTS, strict=True))
    check = (31 - total % 31) % 31
    if _USCC_ALPHABET[check] != value[17]:
        return "统一社会信用代码校验位不正确，请核对是否有输错的字符。"
    return ""


def is_mobile(value: str) -> bool:
    return bool(_MOBILE.fullmatch(normalise(value)))


def is_phone(value: str) -> bool:
    """A mobile or a landline number (区号-号码, optional 分机)."""
    value = normalise(value)
    return bool(_MOBILE.fullmatch(value) or _LANDLINE.fullmatch(value))


def last_digits(value: str, n: int = 4) -> str:
    digits = re.sub(r"\D", "", value or "")
    return digits[-n:]


def mask_id_number(value: str) -> str:
    """4101**********1234: the first 4 and last 4 characters."""
    value = normalise(value)
    if len(value) <= 8:
        return "*" * len(value)
    return value[:4] + "*" * (len(value) - 8) + value[-4:]


def mask_phone(value: str) -> str:
    """138****5678 for mobiles; other numbers keep only their last 4 digits."""
    value = normalise(value)
    if _MOBILE.fullmatch(value):
        return value[:3] + "****" + value[-4:]
    if len(value) <= 4:
        return "*" * len(value)
    return "*" * (len(value) - 4) + value[-4:]
