"""The report as printed: golden HTML and DOCX text, and the reader gives back the data."""

import json
import os
from pathlib import Path

import pytest

from gongkai.annualreports.layout import appeals_grid, applications_grid
from gongkai.annualreports.rendering import (
    docx_text,
    grid_positions,
    render_docx,
    render_html_page,
    render_pdf,
)
from gongkai.reportformat.reading.report import read_report

GOLDEN = Path(__file__).parent / "golden"
SEED = json.loads((Path(__file__).parents[2] / "demo" / "tests" / "seed-expected.json").read_text(encoding="utf-8"))
SEED_SECTIONS = {
    "overview": "（一）主动公开情况。2021年，全县主动公开信息2266条。\n（二）依申请公开情况。全县共受理政府信息公开申请14件，按时办结率100%。",
    "problems": "（一）存在的主要问题。\n1.政策解读能力有待提高。\n（二）改进情况。\n1.规范政策解读。",
    "other": "按照国办函〔2020〕109号规定，我县2021年未收取政府信息公开信息处理费。",
}


def seed_report() -> dict:
    return {**SEED, "sections": SEED_SECTIONS}


def golden(name: str, actual: str) -> None:
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(actual, encoding="utf-8")
    assert actual == path.read_text(encoding="utf-8"), f"{name} changed; UPDATE_GOLDEN=1 to accept"


def test_it_renders_the_seed_as_html_like_the_golden_file():
    golden("seed-2021.html", render_html_page(seed_report()))


def test_it_renders_the_seed_as_docx_like_the_golden_text():
    golden("seed-2021.docx.txt", docx_text(render_docx(seed_report())))


@pytest.mark.parametrize("render", [render_html_page, render_docx, render_pdf])
def test_the_report_reader_reads_back_exactly_the_tables(render):
    content = render(seed_report())
    parsed = read_report(content.encode() if isinstance(content, str) else content).report

    for key in ("format", "agency", "year", "proactive", "applications", "appeals"):
        assert parsed[key] == SEED[key], key


def test_the_grids_fill_every_column_of_every_row():
    for grid, columns in ((applications_grid(SEED), 10), (appeals_grid(SEED), 15)):
        covered = {}
        for r, _c, cell in grid_positions(grid, columns):
            for dr in range(cell.rowspan):
                covered[r + dr] = covered.get(r + dr, 0) + cell.colspan
        assert set(covered.values()) == {columns}


def test_blank_cells_print_blank():
    report = seed_report()
    report["proactive"] = {**report["proactive"], "licensing": None}

    html = render_html_page(report)

    assert "<td>行政许可</td><td colspan=\"3\" class=\"num\"></td>" in html
