"""Information processing fees, 《政府信息公开信息处理费管理办法》国办函〔2020〕109号
(rules.md §3). Pure: plain values in, a `FeeQuote` with its derivation in Chinese out.

Fees are charged only beyond a reasonable amount, on the excess only, by ONE basis per
application: 按件计收 or 按量计收, never both. The bands are marked (verify) in
rules.md, so they are data (`Tariff`), not constants buried in the arithmetic.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

SOURCE = "国办函〔2020〕109号"


class FeeError(ValueError):
    """A fee request that cannot be computed; the message is for the user."""


class FeeBasis(StrEnum):
    PER_APPLICATION = "per_application"  # 按件计收
    PER_PAGE = "per_page"  # 按量计收

    @property
    def label(self) -> str:
        return {"per_application": "按件计收", "per_page": "按量计收"}[self.value]


@dataclass(frozen=True)
class Band:
    first: int
    last: int | None  # None: no upper end
    unit_price: Decimal  # 元 per application or per page

    def span(self, unit: str) -> str:
        if self.last is None:
            return f"第{self.first}{unit}及以上"
        return f"第{self.first}至{self.last}{unit}"


@dataclass(frozen=True)
class Tariff:
    unit: str  # 件 or 页
    bands: tuple[Band, ...]
    # Past the last band (when it is closed), each further block of `step_size` units
    # costs `step_increase` more per unit than the block before.
    step_size: int = 0
    step_increase: Decimal = Decimal(0)

    def all_bands(self) -> Iterator[Band]:
        """The bands in order, continuing the stepped bands forever if there are any."""
        yield from self.bands
        band = self.bands[-1]
        while band.last is not None and self.step_size:
            band = Band(
                band.last + 1, band.last + self.step_size, band.unit_price + self.step_increase
            )
            yield band

    def band_for(self, n: int) -> Band:
        for band in self.all_bands():
            if band.first <= n and (band.last is None or n <= band.last):
                return band
        raise FeeError(f"收费标准未覆盖第{n}{self.unit}。")


# 按件计收: per applicant, per natural month; 1–10 free, 11–30 100 元 each, then each
# further 10 applications cost 100 元 more each (31–40: 200, 41–50: 300, …). (verify)
PER_APPLICATION = Tariff(
    unit="件",
    bands=(
        Band(1, 10, Decimal(0)),
        Band(11, 30, Decimal(100)),
        Band(31, 40, Decimal(200)),
    ),
    step_size=10,
    step_increase=Decimal(100),
)

# 按量计收: pages 1–30 free, 31–100 10 元 a page, 101–200 20 元, 201 and up 40 元,
# each band charged on the pages inside it only. (verify)
PER_PAGE = Tariff(
    unit="页",
    bands=(
        Band(1, 30, Decimal(0)),
        Band(31, 100, Decimal(10)),
        Band(101, 200, Decimal(20)),
        Band(201, None, Decimal(40)),
    ),
)


@dataclass(frozen=True)
class FeeLine:
    band: Band
    units: int
    amount: Decimal


@dataclass(frozen=True)
class FeeQuote:
    basis: FeeBasis
    amount: Decimal  # 元
    lines: tuple[FeeLine, ...]
    derivation: str


def per_application_fee(nth_this_month: int, tariff: Tariff = PER_APPLICATION) -> FeeQuote:
    """The fee for an applicant's `nth_this_month` application in this natural month."""
    if nth_this_month < 1:
        raise FeeError("本月申请序号应从1开始。")
    band = tariff.band_for(nth_this_month)
    line = FeeLine(band, 1, band.unit_price)
    if band.unit_price == 0:
        words = f"在{band.span(tariff.unit)}以内，不收费"
    else:
        words = f"属{band.span(tariff.unit)}，每{tariff.unit}{band.unit_price}元，收费{band.unit_price}元"
    derivation = (
        f"同一申请人本自然月第{nth_this_month}{tariff.unit}申请，{words}"
        f"（{FeeBasis.PER_APPLICATION.label}，{SOURCE}）。"
    )
    return FeeQuote(FeeBasis.PER_APPLICATION, band.unit_price, (line,), derivation)


def per_page_fee(pages: int, tariff: Tariff = PER_PAGE) -> FeeQuote:
    """The fee for `pages` pages, each band charged only on the pages inside it."""
    if pages < 0:
        raise FeeError("页数不能为负数。")
    lines = tuple(_lines_up_to(pages, tariff))
    amount = sum((line.amount for line in lines), Decimal(0))
    parts = [_page_words(line, tariff.unit) for line in lines]
    body = "；".join(parts) if parts else "无"
    derivation = (
        f"共{pages}{tariff.unit}：{body}；合计{amount}元（{FeeBasis.PER_PAGE.label}，{SOURCE}）。"
    )
    return FeeQuote(FeeBasis.PER_PAGE, amount, lines, derivation)


def quote_fee(
    basis: FeeBasis | str, *, nth_this_month: int | None = None, pages: int | None = None
) -> FeeQuote:
    """One basis per application (109号): give exactly the quantity that basis uses."""
    basis = FeeBasis(basis)
    if nth_this_month is not None and pages is not None:
        raise FeeError("同一申请只能选择按件或按量一种方式计收，不能同时计收。")
    if basis == FeeBasis.PER_APPLICATION:
        if nth_this_month is None:
            raise FeeError("按件计收须写明该申请是申请人本月的第几件。")
        return per_application_fee(nth_this_month)
    if pages is None:
        raise FeeError("按量计收须写明页数。")
    return per_page_fee(pages)


def _lines_up_to(units: int, tariff: Tariff) -> Iterator[FeeLine]:
    for band in tariff.all_bands():
        if band.first > units:
            return
        top = units if band.last is None else min(band.last, units)
        count = top - band.first + 1
        yield FeeLine(Band(band.first, top, band.unit_price), count, band.unit_price * count)


def _page_words(line: FeeLine, unit: str) -> str:
    span = line.band.span(unit)
    if line.amount == 0:
        return f"{span}免费"
    return f"{span}{line.units}{unit}×{line.band.unit_price}元={line.amount}元"
