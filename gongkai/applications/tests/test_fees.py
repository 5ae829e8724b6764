"""Information processing fees, 国办函〔2020〕109号 (rules.md §3)."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gongkai.applications.fees import (
    PER_PAGE,
    Band,
    FeeBasis,
    FeeError,
    Tariff,
    per_application_fee,
    per_page_fee,
    quote_fee,
)


@pytest.mark.parametrize(
    ("nth", "amount"),
    [
        (1, 0),
        (10, 0),
        (11, 100),
        (30, 100),
        (31, 200),
        (40, 200),
        (41, 300),
        (50, 300),
        (51, 400),
        (95, 800),
    ],
)
def test_it_charges_per_application_by_the_monthly_count(nth, amount):
    assert per_application_fee(nth).amount == Decimal(amount)


@pytest.mark.parametrize(
    ("pages", "amount"),
    [
        (0, 0),
        (30, 0),
        (31, 10),
        (100, 700),
        (101, 720),
        (200, 2700),
        (201, 2740),
        (250, 4700),  # 70×10 + 100×20 + 50×40
    ],
)
def test_it_charges_per_page_on_the_excess_only(pages, amount):
    assert per_page_fee(pages).amount == Decimal(amount)


def test_it_explains_a_page_fee_band_by_band():
    assert per_page_fee(250).derivation == (
        "共250页：第1至30页免费；第31至100页70页×10元=700元；第101至200页100页×20元=2000元；"
        "第201至250页50页×40元=2000元；合计4700元（按量计收，国办函〔2020〕109号）。"
    )


def test_it_explains_an_application_fee():
    assert per_application_fee(12).derivation == (
        "同一申请人本自然月第12件申请，属第11至30件，每件100元，收费100元（按件计收，国办函〔2020〕109号）。"
    )
    assert "在第1至10件以内，不收费" in per_application_fee(3).derivation


def test_the_bands_are_data():
    tariff = Tariff("页", (Band(1, 50, Decimal(0)), Band(51, None, Decimal(5))))
    assert per_page_fee(60, tariff).amount == Decimal(50)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"basis": "per_page", "pages": 40, "nth_this_month": 12}, "只能选择按件或按量一种方式"),
        ({"basis": "per_page"}, "须写明页数"),
        ({"basis": "per_application"}, "第几件"),
        ({"basis": "per_application", "nth_this_month": 0}, "从1开始"),
        ({"basis": "per_page", "pages": -1}, "不能为负数"),
    ],
)
def test_it_refuses_what_it_cannot_compute(kwargs, message):
    basis = kwargs.pop("basis")
    with pytest.raises(FeeError, match=message):
        quote_fee(basis, **kwargs)


def test_quote_fee_picks_the_basis():
    assert quote_fee(FeeBasis.PER_PAGE, pages=31).basis == FeeBasis.PER_PAGE
    assert quote_fee("per_application", nth_this_month=11).amount == Decimal(100)


@given(st.integers(min_value=0, max_value=5000))
def test_each_extra_page_costs_its_own_band_price(pages):
    step = per_page_fee(pages + 1).amount - per_page_fee(pages).amount
    assert step == PER_PAGE.band_for(pages + 1).unit_price
    assert sum(line.units for line in per_page_fee(pages).lines) == pages


@given(st.integers(min_value=1, max_value=500), st.integers(min_value=1, max_value=500))
def test_a_later_application_in_the_month_never_costs_less(a, b):
    early, late = sorted((a, b))
    assert per_application_fee(early).amount <= per_application_fee(late).amount
