"""Reading reports in every form and layout, and through the damage PDF extraction does."""

import pytest

from gongkai.reportformat.reading import RESTORED, UNCERTAIN, read_report
from gongkai.reportformat.reading.lines import Line, split_line

from . import samples
from .test_seed import assert_matches

RENDERERS = {
    "text": lambda report: samples.as_text(report).encode("utf-8"),
    "html": lambda report: samples.as_html(report).encode("utf-8"),
    "docx": samples.as_docx,
    "pdf": samples.as_pdf,
}


def tables_of(report: dict) -> dict:
    return {key: value for key, value in report.items() if key != "sections"}


@pytest.mark.parametrize("kind", RENDERERS)
def test_it_reads_a_2021_report_in_every_form(kind):
    report = samples.make_report(seed=11, agency="示例市生态环境局", year=2023)
    parsed = read_report(RENDERERS[kind](report))
    assert parsed.kind == kind
    assert_matches(parsed.report, tables_of(report))
    assert parsed.uncertain == []


@pytest.mark.parametrize("kind", RENDERERS)
def test_it_reads_the_hybrid_layout_with_one_other_row(kind):
    report = samples.to_single_other_row(samples.make_report(seed=12))
    parsed = read_report(RENDERERS[kind](report))
    rows = parsed.report["applications"]["rows"]
    assert parsed.report["format"] == "2021"  # 2021 表二 headers
    assert "other" in rows and "other_other" not in rows
    assert_matches(parsed.report, tables_of(report))


def test_it_reads_the_2019_layout():
    report = samples.to_2019_layout(samples.make_report(seed=13))
    parsed = read_report(samples.as_text(report).encode("utf-8"))
    assert parsed.report["format"] == "2019"
    assert parsed.report["proactive"] is None
    assert parsed.report["proactive_2019"]["licensing"] == {"previous": 120, "change": -3,
                                                           "decisions": report["proactive_2019"]["licensing"]["decisions"]}
    assert parsed.report["proactive_2019"]["procurement"]["amount_10k_yuan"] == "1234.5"
    assert_matches(parsed.report, tables_of(report))


def test_it_tells_the_kind_by_content_not_by_name(tmp_path):
    report = samples.make_report(seed=14)
    for kind, render in RENDERERS.items():
        path = tmp_path / "report.txt"  # every file misnamed .txt
        path.write_bytes(render(report))
        assert read_report(path.read_bytes()).kind == kind


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "utf-16"])
def test_it_decodes_text_in_chinese_encodings(encoding):
    report = samples.make_report(seed=15)
    parsed = read_report(samples.as_text(report).encode(encoding))
    assert_matches(parsed.report, tables_of(report))


def test_it_reads_full_width_digits_thousands_separators_and_dashes():
    report = samples.make_report(seed=16)
    report["proactive"]["licensing"] = 39732
    text = samples.as_text(report, samples.Damage(full_width=True, blank_marks=True))
    text = text.replace("行政许可\t39732", "行政许可\t３９,７３２")
    parsed = read_report(text.encode("utf-8"))
    assert parsed.report["proactive"]["licensing"] == 39732
    rows = parsed.report["applications"]["rows"]
    for key, values in report["applications"]["rows"].items():
        # — prints an empty cell: it stays blank (null), never 0
        assert rows[key] == [None if v == 0 else v for v in values], key


def test_it_matches_misspelt_headings_with_odd_spacing():
    report = samples.make_report(seed=17)
    text = samples.as_text(report)
    text = text.replace("三、收到和处理政府信息公开申请情况", "三 、收到和处理政府信患公开申请情况")
    text = text.replace("四、政府信息公开行政复议、行政诉讼情况", "四．政府信息公开行政复议、行政诉讼情况")
    parsed = read_report(text.encode("utf-8"))
    assert_matches(parsed.report, tables_of(report))


def test_it_restores_a_lost_cell_only_when_one_value_fits():
    report = samples.make_report(seed=18)
    rows = report["applications"]["rows"]
    rows["granted"] = [5, 0, 0, 0, 0, 0, 5]
    rows["partial"] = [0, 0, 0, 0, 0, 0, 0]
    _rebalance(report)
    damage = samples.Damage(lost={"granted": 2, "partial": 4})
    parsed = read_report(samples.as_text(report, damage).encode("utf-8"))
    assert parsed.report["applications"]["rows"]["granted"] == rows["granted"]
    assert parsed.origins["applications.rows.granted.research_institution"].confidence == RESTORED


def test_it_leaves_cells_uncertain_when_several_restorations_fit():
    # Two rows each lose a cell, and the two lost values could be swapped between
    # the columns without breaking any sum: the reader must not pick one.
    report = samples.make_report(seed=19)
    rows = report["applications"]["rows"]
    rows["granted"] = [3, 2, 0, 0, 0, 0, 5]
    rows["partial"] = [2, 3, 0, 0, 0, 0, 5]
    _rebalance(report)
    damage = samples.Damage(lost={"granted": 6, "partial": 6})
    parsed = read_report(samples.as_text(report, damage).encode("utf-8"))
    got = parsed.report["applications"]["rows"]
    for key in ("granted", "partial"):
        for column, value in enumerate(got[key]):
            assert value in (None, rows[key][column])
    truth_or_unknown = read_report(samples.as_text(report, samples.Damage(
        lost={"granted": 0, "partial": 0, "total_processed": 0})).encode("utf-8"))
    cells = truth_or_unknown.report["applications"]["rows"]
    assert cells["granted"][0] is None and cells["partial"][0] is None
    assert truth_or_unknown.origins["applications.rows.granted.natural_person"].confidence == UNCERTAIN
    assert any("无法唯一确定" in note for note in truth_or_unknown.notes)


def test_it_splits_cells_run_together():
    report = samples.make_report(seed=20)
    rows = report["applications"]["rows"]
    rows["granted"] = [12, 0, 0, 3, 0, 0, 15]
    _rebalance(report)
    parsed = read_report(samples.as_text(report, samples.Damage(
        run_together={"granted": 1, "denied_state_secret": 0})).encode("utf-8"))
    assert parsed.report["applications"]["rows"]["granted"] == [12, 0, 0, 3, 0, 0, 15]
    assert parsed.report["applications"]["rows"]["denied_state_secret"] == rows["denied_state_secret"]


def test_it_restores_a_lost_total_in_the_appeals_table():
    report = samples.make_report(seed=21)
    report["appeals"] = {
        "reconsideration": {"upheld": 1, "corrected": 0, "other": 0, "pending": 0, "total": 1},
        "litigation_direct": {"upheld": 2, "corrected": 0, "other": 0, "pending": 1, "total": 3},
        "litigation_after_reconsideration": {"upheld": 1, "corrected": 1, "other": 0,
                                             "pending": 0, "total": 2},
    }
    lost_total = samples.Damage(lost={"appeals": 9})  # 未经复议直接起诉 / 总计
    parsed = read_report(samples.as_text(report, lost_total).encode())
    assert parsed.report["appeals"] == report["appeals"]
    assert parsed.origins["appeals.litigation_direct.total"].confidence == RESTORED


def test_it_does_not_guess_which_appeal_cell_was_lost():
    # Losing 结果纠正 of [2, 0, 0, 1, 3] leaves 2 0 1 3: the 0 could be 纠正 or 其他结果
    # and the 1 尚未审结 or 其他结果 — C4 holds either way, so those cells stay empty.
    report = samples.make_report(seed=21)
    report["appeals"]["litigation_direct"] = {"upheld": 2, "corrected": 0, "other": 0,
                                              "pending": 1, "total": 3}
    parsed = read_report(samples.as_text(report, samples.Damage(lost={"appeals": 6})).encode())
    group = parsed.report["appeals"]["litigation_direct"]
    truth = report["appeals"]["litigation_direct"]
    assert all(group[c] in (None, truth[c]) for c in truth)
    assert group["pending"] is None
    assert parsed.origins["appeals.litigation_direct.pending"].confidence == UNCERTAIN


def test_a_label_run_into_its_first_number_comes_apart():
    split = split_line(Line(cells=("(七)总计14 0 0 0 0 0 14",)))
    assert split.label == "(七)总计"
    assert split.values == ("14", "0", "0", "0", "0", "0", "14")


def test_blank_cells_in_a_grid_are_blank_not_zero():
    report = samples.make_report(seed=22)
    html = samples.as_html(report)
    label = "<td colspan=\"2\" rowspan=\"1\">（七）总计</td>"
    values = report["applications"]["rows"]["total_processed"]
    printed = "".join(f'<td colspan="1" rowspan="1">{v}</td>' for v in values)
    blanked = printed.replace(f'<td colspan="1" rowspan="1">{values[1]}</td>',
                              '<td colspan="1" rowspan="1"></td>', 1)
    html = html.replace(label + printed, label + blanked)
    parsed = read_report(html.encode("utf-8"))
    assert parsed.report["applications"]["rows"]["total_processed"][1] is None


def _rebalance(report: dict) -> None:
    """Recompute （七）总计 and 一 after a test changed outcome rows, so C1–C3 hold."""
    rows = report["applications"]["rows"]
    leaves = [k for k in rows if k not in ("new_received", "carried_over", "total_processed",
                                           "carried_forward")]
    for c in range(7):
        rows["total_processed"][c] = sum(rows[k][c] for k in leaves)
    for c in range(6):
        need = rows["total_processed"][c] + rows["carried_forward"][c] - rows["carried_over"][c]
        if need < 0:
            rows["carried_over"][c] += -need
            need = 0
        rows["new_received"][c] = need
    for key in ("new_received", "carried_over"):
        rows[key][6] = sum(rows[key][:6])
    report["sections"] = samples.default_sections(report)
