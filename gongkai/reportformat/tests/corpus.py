"""The text forms people actually hold a published report in, made from our own renderings.

Each form is a function from a report (the interchange dict, as `samples.make_report`
gives) to the bytes a reader would be handed:

- ``pipe`` / ``tabs``: a table copied from a browser or an HTML→text converter — one line
  per table row, cells separated by `` | `` or a tab, spanned cells left blank, a row's
  label over two or three leading cells;
- ``fused``: a scraper's ``get_text()`` with no separator — the whole page on one line;
- ``pdftotext`` / ``pdftotext-layout`` / ``pdfplumber`` / ``pdfplumber-layout``: the
  plain text of the PDF by poppler and by pdfplumber, with and without layout.

`variants(seed)` draws a report with random zeros and blank cells in the 2021, 2019 or
hybrid layout, the way `make bench` and the tests walk the corpus.
"""

import copy
import functools
import io
import random
import shutil
import subprocess

import lxml.etree

from gongkai.reportformat.vocabulary import APPEAL_COLUMNS, APPEAL_GROUPS, OTHER_ROW_2019

from . import samples

TEXT_FORMS = ("pipe", "tabs", "fused")
PDF_FORMS = ("pdftotext", "pdftotext-layout", "pdfplumber", "pdfplumber-layout")
LAYOUTS = ("2021", "2019", "hybrid")


def in_layout(report: dict, layout: str) -> dict:
    if layout == "2019":
        return samples.to_2019_layout(report)
    if layout == "hybrid":
        return samples.to_single_other_row(report)
    return report


def with_blanks(report: dict, rng: random.Random) -> dict:
    """Some zero cells printed blank, as agencies do; totals keep their numbers."""
    report = copy.deepcopy(report)
    rows = report["applications"]["rows"]
    for values in rows.values():
        for i in range(len(values) - 1):
            if values[i] == 0 and rng.random() < 0.3:
                values[i] = None
    for group in APPEAL_GROUPS:
        for column in APPEAL_COLUMNS[:-1]:
            if report["appeals"][group][column] == 0 and rng.random() < 0.3:
                report["appeals"][group][column] = None
    return report


def variant(seed: int) -> dict:
    """Report number `seed` of the corpus: its layout, zeros and blanks drawn from the seed."""
    rng = random.Random(seed)
    report = samples.make_report(seed, agency=rng.choice(AGENCIES), year=rng.choice((2020, 2021, 2022, 2023)))
    report = in_layout(report, LAYOUTS[seed % len(LAYOUTS)])
    if rng.random() < 0.5:
        report = with_blanks(report, rng)
    return report


AGENCIES = ("示例县人民政府", "郏县教育局", "郏县自然资源局", "薛店镇人民政府", "郏县卫生健康委员会")


# --- the tables as a browser lays them out --------------------------------------------------


def _grid_rows(table) -> list[list[str]]:
    """Each row of a (text, colspan, rowspan) table as the cells a browser shows: a cell
    spanning columns is followed by blanks, one spanning rows is blank below its first row."""
    placed, width = samples._place(table)
    rows = [[""] * width for _ in table]
    for (r, c), (text, _colspan, _rowspan) in placed.items():
        rows[r][c] = text
    return rows


def _table_lines(table, separator: str) -> list[str]:
    lines = []
    for cells in _grid_rows(table):
        while cells and cells[-1] == "":
            cells = cells[:-1]  # a converter drops the trailing empty cells
        lines.append(separator.join(cells))
    return lines


def _proactive_lines(report: dict, separator: str) -> list[str]:
    if "proactive_2019" in report:
        return [line.replace("\t", separator) for line in samples._proactive_text(report, True)]
    lines = []
    for table in samples.proactive_tables(report):
        lines += _table_lines(table, separator)
    return lines


def as_separated(report: dict, separator: str = " | ") -> str:
    lines = [samples._title(report), "一、总体情况", *report["sections"]["overview"].splitlines(),
             "二、主动公开政府信息情况", *_proactive_lines(report, separator),
             "三、收到和处理政府信息公开申请情况", *_table_lines(samples.applications_table(report), separator),
             "四、政府信息公开行政复议、行政诉讼情况", *_table_lines(_appeals_table(report), separator),
             "五、存在的主要问题及改进情况", *report["sections"]["problems"].splitlines(),
             "六、其他需要报告的事项", report["sections"]["other"]]
    return "\n".join(lines) + "\n"


def _appeals_table(report: dict):
    table = samples.appeals_table(report)
    values = [("" if report["appeals"][g][c] is None else str(report["appeals"][g][c]), 1, 1)
              for g in APPEAL_GROUPS for c in APPEAL_COLUMNS]
    return table[:-1] + [values]


def as_fused(report: dict) -> str:
    """The HTML page's text with no separator at all: ``soup.get_text()``."""
    root = lxml.etree.fromstring(as_html(report), lxml.etree.HTMLParser())
    body = root.find("body")
    return "".join(body.itertext())


def as_html(report: dict) -> str:
    html = samples.as_html(report)
    return html.replace("<td colspan=\"1\" rowspan=\"1\">None</td>", "<td colspan=\"1\" rowspan=\"1\"></td>")


# --- PDF text -----------------------------------------------------------------------------------


# One tall page: WeasyPrint breaks a table whose cells span rows across pages by moving
# rows out of order and dropping their labels, which no published PDF does.
_TALL_PAGE = "<style>@page{size:210mm 700mm;margin:15mm}</style>"


@functools.lru_cache(maxsize=64)
def _pdf(key: str, report_json: str) -> bytes:
    import json

    import weasyprint

    html = as_html(json.loads(report_json)).replace("</head>", _TALL_PAGE + "</head>", 1)
    return weasyprint.HTML(string=html).write_pdf()


def as_pdf(report: dict) -> bytes:
    import json

    text = json.dumps(report, ensure_ascii=False, sort_keys=True)
    return _pdf(text[:64], text)


def pdftotext(data: bytes, layout: bool) -> str:
    command = [shutil.which("pdftotext") or "pdftotext", "-enc", "UTF-8"]
    if layout:
        command.append("-layout")
    result = subprocess.run(command + ["-", "-"], input=data, capture_output=True, check=True, timeout=60)
    return result.stdout.decode("utf-8")


def pdfplumber_text(data: bytes, layout: bool) -> str:
    import pdfplumber

    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return "\n".join(page.extract_text(layout=layout) or "" for page in pdf.pages)


def render(report: dict, form: str) -> bytes:
    """The report in one of the forms, as the bytes a reader is given."""
    if form == "pipe":
        return as_separated(report, " | ").encode()
    if form == "tabs":
        return as_separated(report, "\t").encode()
    if form == "fused":
        return as_fused(report).encode()
    if form == "text":
        return samples.as_text(report).encode()
    if form == "html":
        return as_html(report).encode()
    pdf = as_pdf(report)
    if form == "pdf":
        return pdf
    if form.startswith("pdftotext"):
        return pdftotext(pdf, layout=form.endswith("layout")).encode()
    if form.startswith("pdfplumber"):
        return pdfplumber_text(pdf, layout=form.endswith("layout")).encode()
    raise ValueError(form)


def expected_tables(report: dict) -> dict:
    """What a reader must give back: the tables, with blank cells as None."""
    wanted = {"applications": report["applications"], "appeals": report["appeals"]}
    if report.get("proactive") is not None:
        wanted["proactive"] = report["proactive"]
    if "proactive_2019" in report:
        wanted["proactive_2019"] = report["proactive_2019"]
    return wanted


__all__ = ["LAYOUTS", "OTHER_ROW_2019", "PDF_FORMS", "TEXT_FORMS", "render", "variant"]


# --- scoring a reading against the truth ------------------------------------------------------


def table_cells(report: dict):
    """(path, value) of every 表三 and 表四 cell."""
    for row, values in (report.get("applications") or {}).get("rows", {}).items():
        for n, value in enumerate(values):
            yield f"applications.rows.{row}.{n}", value
    for group, values in (report.get("appeals") or {}).items():
        for column, value in values.items():
            yield f"appeals.{group}.{column}", value


def score(truth: dict, parsed) -> dict:
    """Cells read right / wrong among those given as certain or restored, and flagged."""
    from gongkai.reportformat.vocabulary import COLUMNS

    got = dict(table_cells(parsed.report))
    counts = {"right": 0, "wrong": 0, "flagged": 0, "restored": 0, "wrong_paths": []}
    for path, value in table_cells(truth):
        parts = path.split(".")
        origin_path = path if parts[0] == "appeals" else ".".join(parts[:3] + [COLUMNS[int(parts[3])]])
        origin = parsed.origins.get(origin_path)
        if origin is None or origin.confidence == "uncertain":
            counts["flagged"] += 1
            continue
        if origin.confidence == "restored":
            counts["restored"] += 1
        if got.get(path, "missing") == value:
            counts["right"] += 1
        else:
            counts["wrong"] += 1
            counts["wrong_paths"].append((path, got.get(path, "missing"), value))
    return counts
