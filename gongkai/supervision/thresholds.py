"""Reading the inspection thresholds and column rules held as data."""

from __future__ import annotations

from dataclasses import dataclass

from gongkai.supervision.models import Threshold, ThresholdKey
from gongkai.supervision.seed import THRESHOLDS

# Used only when a row was deleted by hand: the seeded value, so a page never crashes.
_SEEDED = {key: value for key, value, _, _ in THRESHOLDS}


@dataclass(frozen=True)
class Thresholds:
    media_warning_workdays: int
    media_failure_days: int
    stale_columns_allowed: int
    due_soon_workdays: int


def current_thresholds() -> Thresholds:
    stored = dict(Threshold.objects.values_list("key", "value"))
    values = {key.value: stored.get(key.value, _SEEDED[key.value]) for key in ThresholdKey}
    return Thresholds(**values)
