"""ID numbers (GB 11643), credit codes (GB 32100), phones: checks and masks."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gongkai.applications.identifiers import (
    credit_code_problem,
    is_mobile,
    mask_id_number,
    mask_phone,
    resident_id_problem,
)


@pytest.mark.parametrize("number", ["11010519491231002X", "11010519491231002x", "440524188001010014"])
def test_it_accepts_valid_id_numbers(number):
    assert resident_id_problem(number) == ""


@pytest.mark.parametrize(
    ("number", "message"),
    [
        ("110105194912310021", "校验位"),
        ("11010519491331002X", "出生日期"),
        ("1101051949123100", "18位"),
        ("11010519491231002A", "数字或字母X"),
    ],
)
def test_it_explains_invalid_id_numbers(number, message):
    assert message in resident_id_problem(number)


@given(st.text(alphabet="0123456789", min_size=17, max_size=17))
def test_exactly_one_check_character_fits_any_17_digits(body):
    fits = [c for c in "0123456789X" if resident_id_problem(body + c) == ""]
    assert len(fits) in (0, 1)  # 0 only when the digits hold no valid birth date


@pytest.mark.parametrize("code", ["91350100M000100Y43", "91110000600037341L"])
def test_it_accepts_valid_credit_codes(code):
    assert credit_code_problem(code) == ""


@pytest.mark.parametrize(
    ("code", "message"),
    [("91350100M000100Y44", "校验位"), ("91350100M000100Y4", "18位"), ("91350100O000100Y43", "不含I、O")],
)
def test_it_explains_invalid_credit_codes(code, message):
    assert message in credit_code_problem(code)


def test_it_knows_mobile_numbers():
    assert is_mobile("13812345678") and is_mobile("138 1234 5678")
    assert not is_mobile("12812345678") and not is_mobile("0375-5199000")


def test_it_masks_as_staff_lists_show():
    assert mask_id_number("410425199001011234") == "4104**********1234"
    assert mask_phone("13812345678") == "138****5678"
    assert mask_phone("0375-5199000") == "********9000"
    assert mask_id_number("") == "" and mask_phone("") == ""
