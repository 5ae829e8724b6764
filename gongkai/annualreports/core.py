"""The annual report built from plain values: counts in, the interchange dict out.

Pure, no Django (style.md): the query layer (gongkai.annualreports.queries) counts the
records with a few GROUP BY queries and hands the counts here; the format and its
keys are annual-report-json.md's and come from reportcheck.vocabulary.

How the records become 表三 (rules.md §5): an application counts in 一 in the year it
is received; in 三 in the year it is closed, once, in its one leaf row; in 四 when it is
still open at the year's end (and then in next year's 二). The column is its
applicant's type. 表三's （七）总计 and 总计 column are sums, never counted separately,
so C2 and C3 hold by construction and C1 holds whenever the records are consistent.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from gongkai.reportformat.vocabulary import (
    APPEAL_COLUMN_LABELS,
    APPEAL_COLUMNS,
    APPEAL_GROUP_LABELS,
    APPEAL_GROUPS,
    APPEAL_RESULTS,
    APPEAL_TOTAL,
    APPLICANT_COLUMNS,
    COLUMN_LABELS,
    COLUMNS,
    DECISION_KIND_LABELS,
    DECISION_KINDS,
    DOCUMENT_COUNT_LABELS,
    DOCUMENT_COUNTS,
    DOCUMENT_KIND_LABELS,
    DOCUMENT_KINDS,
    FEES_KEY,
    FEES_LABEL,
    FORMAT_2021,
    OUTCOME_ROWS_2021,
    ROW_LABELS,
    ROWS_2021,
)

# The rows counted from the records; the others (total_processed) are sums.
COUNTED_ROWS: tuple[str, ...] = ("new_received", "carried_over", *OUTCOME_ROWS_2021, "carried_forward")
_APPLICANT_INDEX = {column: i for i, column in enumerate(APPLICANT_COLUMNS)}
_OUTCOME_ROWS = frozenset(OUTCOME_ROWS_2021)


@dataclass(frozen=True)
class Proactive:
    """表二: document counts (issued, repealed, in force) and the other systems' figures.
    None means blank: nothing was entered, which is printed blank, never as 0."""

    documents: Mapping[str, tuple[int, int, int]]  # rules / normative_documents
    licensing: int | None = None
    penalty: int | None = None
    enforcement: int | None = None
    fees_10k_yuan: str | None = None


@dataclass(frozen=True)
class ReportInputs:
    agency: str
    year: int
    proactive: Proactive
    # (row, applicant column) → count, for the COUNTED_ROWS; missing means 0.
    applications: Mapping[tuple[str, str], int]
    # (group, result) → count, result ∈ upheld/corrected/other/pending; missing means 0.
    appeals: Mapping[tuple[str, str], int]
    sections: Mapping[str, str] = field(default_factory=dict)


def build_report(inputs: ReportInputs) -> dict:
    """The interchange dict (annual-report-json.md, 2021 layout) for one report."""
    return {
        "format": FORMAT_2021,
        "agency": inputs.agency,
        "year": inputs.year,
        "proactive": proactive_table(inputs.proactive),
        "applications": {"rows": application_rows(inputs.applications)},
        "appeals": appeal_table(inputs.appeals),
        "sections": {key: text for key, text in inputs.sections.items() if text},
    }


def proactive_table(proactive: Proactive) -> dict:
    table: dict = {}
    for kind in DOCUMENT_KINDS:
        counts = proactive.documents.get(kind, (0, 0, 0))
        table[kind] = dict(zip(DOCUMENT_COUNTS, counts, strict=True))
    for kind in DECISION_KINDS:
        table[kind] = getattr(proactive, kind)
    table[FEES_KEY] = proactive.fees_10k_yuan
    return table


def application_rows(counts: Mapping[tuple[str, str], int]) -> dict[str, list[int]]:
    # One pass over the counts into a row of applicant columns each: a report has a few
    # dozen counts and 1,000 reports are built at once.
    counted = {row: [0] * len(APPLICANT_COLUMNS) for row in ROWS_2021}
    processed = counted["total_processed"]
    unknown = set()
    for (row, column), n in counts.items():
        values = counted.get(row)
        if values is None or values is processed:
            unknown.add(row)
            continue
        i = _APPLICANT_INDEX.get(column)
        if i is not None:
            values[i] += n
            if row in _OUTCOME_ROWS:
                processed[i] += n
    if unknown:
        raise ValueError(f"not a counted 表三 row: {sorted(unknown)}")
    for values in counted.values():
        values.append(sum(values))
    return counted


def appeal_table(counts: Mapping[tuple[str, str], int]) -> dict[str, dict[str, int]]:
    table = {}
    for group in APPEAL_GROUPS:
        values = {result: counts.get((group, result), 0) for result in APPEAL_RESULTS}
        values[APPEAL_TOTAL] = sum(values.values())
        table[group] = values
    return table


# --- sums over agencies ---------------------------------------------------------------


def add_counts(into: dict, counts: Mapping) -> None:
    """Add one agency's counts into a running total (a subtree's report is the sum of its
    agencies' counts: every record belongs to exactly one agency)."""
    for key, n in counts.items():
        into[key] = into.get(key, 0) + n


def parse_amount(text: str) -> Decimal:
    """A 万元 amount as typed or imported: digits with at most 6 decimals, never negative."""
    cleaned = (text or "").strip().replace(",", "").replace("，", "")
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        raise ValueError(f"“{text}”不是金额（万元），请填写数字，如 104.17") from None
    if not value.is_finite() or value < 0:
        raise ValueError(f"金额“{text}”不能为负数")
    if -value.as_tuple().exponent > 6:
        raise ValueError(f"金额“{text}”最多保留6位小数")
    return value


def sum_amounts(amounts: Iterable[str]) -> str | None:
    """Sum of amount strings, printed with the most decimals any of them has; None if none.

    Decimal keeps the written precision: "104.17" + "0.5" is "104.67", "1.10" + "2" is "3.10".
    """
    values = [parse_amount(a) for a in amounts if a not in (None, "")]
    if not values:
        return None
    return format(sum(values, Decimal(0)), "f")


# --- a published report against the records now ---------------------------------------


@dataclass(frozen=True)
class Difference:
    table: str  # 表二 / 表三 / 表四
    row: str  # printed row label
    column: str  # printed column label ("" where the row has one value)
    published: object
    now: object


def differences(published: dict, current: dict) -> list[Difference]:
    """Every table cell whose value in the records now differs from the published report."""
    found: list[Difference] = []
    before_p, now_p = published.get("proactive") or {}, current.get("proactive") or {}
    for kind in DOCUMENT_KINDS:
        for count in DOCUMENT_COUNTS:
            a, b = (before_p.get(kind) or {}).get(count), (now_p.get(kind) or {}).get(count)
            if a != b:
                found.append(Difference("表二", DOCUMENT_KIND_LABELS[kind], DOCUMENT_COUNT_LABELS[count], a, b))
    for kind in DECISION_KINDS:
        if before_p.get(kind) != now_p.get(kind):
            found.append(Difference("表二", DECISION_KIND_LABELS[kind], "", before_p.get(kind), now_p.get(kind)))
    if before_p.get(FEES_KEY) != now_p.get(FEES_KEY):
        found.append(Difference("表二", FEES_LABEL, "万元", before_p.get(FEES_KEY), now_p.get(FEES_KEY)))
    before_rows = (published.get("applications") or {}).get("rows") or {}
    now_rows = (current.get("applications") or {}).get("rows") or {}
    for row in ROWS_2021:
        for i, column in enumerate(COLUMNS):
            a = (before_rows.get(row) or [None] * 7)[i]
            b = (now_rows.get(row) or [None] * 7)[i]
            if a != b:
                found.append(Difference("表三", ROW_LABELS[row], COLUMN_LABELS[column], a, b))
    before_a, now_a = published.get("appeals") or {}, current.get("appeals") or {}
    for group in APPEAL_GROUPS:
        for column in APPEAL_COLUMNS:
            a, b = (before_a.get(group) or {}).get(column), (now_a.get(group) or {}).get(column)
            if a != b:
                found.append(Difference("表四", APPEAL_GROUP_LABELS[group], APPEAL_COLUMN_LABELS[column], a, b))
    return found
