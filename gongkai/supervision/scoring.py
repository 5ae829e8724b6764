"""The annual assessment (目标考核) score of one indicator, without Django.

Each indicator is measured from the platform's records (supervision.assessment) and
scored here:
- a rate (on-time applications or letters): weight × rate; nothing to answer → full marks;
- a count of failures (late publications, stale columns, silent accounts): the weight
  less `penalty_per_item` for each, never below 0;
- a yes/no (annual report on time): the weight or 0.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

RATE_MEASURES = frozenset({"applications_on_time", "letters_on_time"})
COUNT_MEASURES = frozenset({"late_publications", "stale_columns", "silent_accounts"})
FLAG_MEASURES = frozenset({"annual_report"})

TWO_PLACES = Decimal("0.01")


@dataclass(frozen=True)
class Measured:
    """What the records say: a rate as (done on time, done), a count, or a flag."""

    on_time: int = 0
    done: int = 0
    count: int = 0
    ok: bool = True

    def describe(self, measure: str) -> str:
        if measure in RATE_MEASURES:
            if not self.done:
                return "无办结事项"
            return f"{self.on_time}/{self.done}（{self.on_time * 100 / self.done:.1f}%）"
        if measure in COUNT_MEASURES:
            return f"{self.count} 项"
        return "按时" if self.ok else "未按时"


def indicator_score(measure: str, measured: Measured, weight: Decimal, penalty_per_item: Decimal) -> Decimal:
    weight = Decimal(weight)
    if measure in RATE_MEASURES:
        score = weight if not measured.done else weight * measured.on_time / measured.done
    elif measure in COUNT_MEASURES:
        score = max(Decimal(0), weight - Decimal(penalty_per_item) * measured.count)
    elif measure in FLAG_MEASURES:
        score = weight if measured.ok else Decimal(0)
    else:
        raise ValueError(f"unknown measure {measure!r}")
    return score.quantize(TWO_PLACES, rounding=ROUND_HALF_UP)


def rank(totals: list[tuple[object, Decimal]]) -> list[tuple[int, object, Decimal]]:
    """Competition ranking (1, 2, 2, 4): equal scores share a place."""
    ordered = sorted(totals, key=lambda pair: pair[1], reverse=True)
    ranked, previous, place = [], None, 0
    for index, (who, total) in enumerate(ordered, start=1):
        if total != previous:
            place, previous = index, total
        ranked.append((place, who, total))
    return ranked
