"""Rules C1–C9: each planted error is found, in every form a report can come in."""

import copy

import pytest

from gongkai.reportformat.checking import BLANK, ERROR, UNREAD, WARNING, check
from gongkai.reportformat.reading import read_report

from . import samples
from .test_reading import RENDERERS


def clean_report(seed: int = 31) -> dict:
    return samples.make_report(seed=seed, agency="示例县人民政府", year=2022)


def last_year_of(report: dict) -> dict:
    previous = copy.deepcopy(report)
    previous["year"] = report["year"] - 1
    rows = previous["applications"]["rows"]
    rows["carried_forward"] = list(report["applications"]["rows"]["carried_over"])
    for c in range(7):  # keep C1 in last year's table
        rows["new_received"][c] = (rows["total_processed"][c] + rows["carried_forward"][c]
                                   - rows["carried_over"][c])
    previous["sections"] = samples.default_sections(previous)
    docs = previous["proactive"]["normative_documents"]
    this = report["proactive"]["normative_documents"]
    docs["in_force"] = this["in_force"] - this["issued"] + this["repealed"]
    return previous


def plant(rule: str) -> tuple[dict, dict | None, str, str | None]:
    """A report with one planted error of `rule`; last year's report; where it is."""
    report = clean_report()
    rows = report["applications"]["rows"]
    previous = None
    if rule == "C1":
        rows["carried_forward"][0] += 1
        rows["carried_forward"][6] += 1
        where = ("carried_forward", "natural_person")
    elif rule == "C2":
        rows["total_processed"][1] += 2
        rows["total_processed"][6] += 2
        rows["new_received"][1] += 2  # keeps C1, so only the detail sum is off
        rows["new_received"][6] += 2
        where = ("total_processed", "commercial_enterprise")
    elif rule == "C3":
        rows["partial"][6] += 1
        where = ("partial", "total")
    elif rule == "C4":
        report["appeals"]["litigation_direct"]["total"] += 4
        where = ("litigation_direct", "total")
    elif rule == "C5":
        report["proactive"]["penalty"] = -12
        where = ("penalty", None)
    elif rule == "C6":
        previous = last_year_of(report)
        prev_rows = previous["applications"]["rows"]
        prev_rows["carried_forward"][0] += 2
        prev_rows["carried_forward"][6] += 2
        prev_rows["new_received"][0] += 2
        prev_rows["new_received"][6] += 2
        where = ("carried_over", "natural_person")
    elif rule == "C7":
        previous = last_year_of(report)
        previous["proactive"]["normative_documents"]["in_force"] += 9
        where = ("normative_documents", "in_force")
    elif rule == "C8":
        new = rows["new_received"][6]
        report["sections"]["overview"] = report["sections"]["overview"].replace(
            f"共受理政府信息公开申请{new}件", f"共受理政府信息公开申请{new + 5}件")
        where = ("new_received", "total")
    elif rule == "C9":
        rows["granted"][0] += 1
        rows["granted"][6] += 1  # one more application …
        rows["unable_unclear_after_correction"][0] += 1
        rows["unable_unclear_after_correction"][6] += 1  # … still unclear after 补正
        for key in ("total_processed", "new_received"):
            rows[key][0] += 2
            rows[key][6] += 2
        report["sections"] = samples.default_sections(report)
        report["sections"]["overview"] = report["sections"]["overview"].replace(
            "对内容不明确的申请依法一次性出具补正告知书。", "")
        where = ("unable_unclear_after_correction", "total")
    return report, previous, rule, where


RULES = [f"C{n}" for n in range(1, 10)]


@pytest.mark.parametrize("kind", RENDERERS)
def test_a_clean_report_has_no_findings_in_any_form(kind):
    report = clean_report()
    parsed = read_report(RENDERERS[kind](report)).report
    last = read_report(RENDERERS[kind](last_year_of(report))).report
    assert check(parsed, previous=[last]) == []


@pytest.mark.parametrize("kind", RENDERERS)
@pytest.mark.parametrize("rule", RULES)
def test_it_finds_each_planted_error_in_every_form(rule, kind):
    report, previous, rule, (row, column) = plant(rule)
    parsed = read_report(RENDERERS[kind](report)).report
    last = read_report(RENDERERS[kind](previous)).report if previous else None
    findings = check(parsed, previous=last)
    hits = [f for f in findings if f.rule == rule]
    assert hits, f"{rule} not found; got {[(f.rule, f.message) for f in findings]}"
    assert any(f.row == row and f.column == column for f in hits), hits
    severity = ERROR if rule in ("C1", "C2", "C3", "C4", "C5") else WARNING
    assert all(f.severity == severity for f in hits)
    assert all(f.message and any("\u4e00" <= ch <= "\u9fff" for ch in f.message) for f in hits)


def test_c1_names_both_sides_of_the_balance():
    report, *_ = plant("C1")
    finding = next(f for f in check(report) if f.rule == "C1")
    rows = report["applications"]["rows"]
    assert finding.table == "表三"
    assert finding.expected == rows["new_received"][0] + rows["carried_over"][0]
    assert finding.actual == rows["total_processed"][0] + rows["carried_forward"][0]
    assert "自然人" in finding.message


def test_c6_runs_only_against_the_year_before_of_the_same_agency():
    report, previous, *_ = plant("C6")
    other_agency = dict(previous, agency="另一个县人民政府")
    two_years_back = dict(previous, year=report["year"] - 2)
    assert not [f for f in check(report, previous=[other_agency, two_years_back]) if f.rule == "C6"]
    assert [f for f in check(report, previous=[other_agency, previous]) if f.rule == "C6"]


def test_a_blank_cell_is_reported_as_blank_not_as_zero():
    report = clean_report()
    rows = report["applications"]["rows"]
    key, column = next((k, c) for k in ("granted", "partial") for c in range(6) if rows[k][c])
    printed = rows[key][column]
    rows[key][column] = None  # printed blank where the sums need a positive number
    findings = [f for f in check(report) if f.rule == "C3" and f.row == key]
    assert len(findings) == 1
    assert findings[0].actual == BLANK
    assert findings[0].expected == printed
    assert "空白" in findings[0].message


def test_blank_cell_where_the_format_needs_a_number_is_an_error():
    # A part of a non-zero 总计 left blank: the published table is incomplete.
    report = clean_report()
    rows = report["applications"]["rows"]
    key = next(k for k in ("granted", "partial") if rows[k][6] > 0)
    zero = rows[key].index(0) if 0 in rows[key][:6] else 0
    rows[key][zero] = None
    (finding,) = [f for f in check(report) if f.rule == "C3" and f.row == key]
    assert finding.severity == ERROR and "表格不完整" in finding.message


def test_a_blank_total_whose_parts_are_filled_is_an_error():
    report = clean_report()
    rows = report["applications"]["rows"]
    rows["granted"][6] = None
    c3 = [f for f in check(report) if f.rule == "C3" and f.row == "granted"]
    assert [(f.severity, f.expected, f.actual) for f in c3] == [(ERROR, sum(rows["granted"][:6]), BLANK)]
    report = clean_report()
    report["appeals"]["reconsideration"]["total"] = None
    report["appeals"]["reconsideration"]["upheld"] = 1
    c4 = [f for f in check(report) if f.rule == "C4" and f.row == "reconsideration"]
    assert c4[0].severity == ERROR and "总计一格空白" in c4[0].message


def test_a_blank_the_sums_make_zero_is_no_finding():
    # Under a 总计 of 0 a blank can only be 0: the row is complete as printed.
    report = clean_report()
    rows = report["applications"]["rows"]
    key = next(k for k, values in rows.items() if values[6] == 0 and k != "carried_forward")
    rows[key][0] = None
    assert [f for f in check(report) if f.row == key] == []


def test_an_unread_cell_is_called_unread():
    report = clean_report()
    report["applications"]["rows"]["partial"][0] = None
    report["applications"]["rows"]["partial"][1] = None
    report["uncertain"] = ["applications.rows.partial.natural_person",
                           "applications.rows.partial.commercial_enterprise"]
    c3 = next(f for f in check(report) if f.rule == "C3" and f.row == "partial")
    assert c3.actual == UNREAD and c3.severity == WARNING


def test_blanks_that_cannot_balance_are_an_error():
    report = clean_report()
    rows = report["applications"]["rows"]
    rows["partial"] = [9, None, None, 0, 0, 0, 5]  # 9 already exceeds the total 5
    c3 = next(f for f in check(report) if f.rule == "C3" and f.row == "partial")
    assert c3.severity == ERROR


def test_the_rate_in_the_narrative_is_compared_with_the_tables():
    report = clean_report()
    rows = report["applications"]["rows"]
    assert rows["carried_forward"][6] > 0
    report["sections"]["overview"] += "办结率100%。"
    c8 = [f for f in check(report) if f.rule == "C8"]
    assert c8 and "办结率" in c8[0].message


def test_it_survives_any_json_shape():
    for broken in ({}, {"applications": {"rows": {"granted": "x"}}}, {"appeals": {"x": None}},
                   {"proactive": [], "sections": None}, {"applications": None, "year": "2021"}):
        check(broken, previous=[broken])


@pytest.mark.parametrize("sentence, row", [
    ("本年共收到政府信息公开申请{n}件。", "new_received"),
    ("全年受理{n}件政府信息公开申请。", "new_received"),
    ("本年度新收{n}件依申请公开申请。", "new_received"),
    ("共收到各类申请{n}件，均已依法答复。", "new_received"),
    ("已办结{n}件。", "total_processed"),
    ("全部答复{n}件。", "total_processed"),
    ("结转下年度继续办理{n}件。", "carried_forward"),
    ("上年结转{n}件。", "carried_over"),
])
def test_c8_recognises_the_ways_reports_say_it(sentence, row):
    report = clean_report()
    actual = report["applications"]["rows"][row][6]
    report["sections"] = {"overview": sentence.format(n=actual)}
    assert [f for f in check(report) if f.rule == "C8"] == []
    report["sections"] = {"overview": sentence.format(n=actual + 3)}
    (c8,) = [f for f in check(report) if f.rule == "C8"]
    assert (c8.row, c8.expected, c8.actual) == (row, actual, actual + 3)


def test_c8_on_the_corpus_narrative_in_every_text_form():
    from . import corpus

    report = corpus.variant(5)
    report["sections"]["overview"] += "全年共收到政府信息公开申请999件，已办结999件。"
    for form in ("text", "pipe", "fused"):
        parsed = read_report(corpus.render(report, form))
        rules = {(f.rule, f.row) for f in check(parsed.report)}
        assert {("C8", "new_received"), ("C8", "total_processed")} <= rules, form
