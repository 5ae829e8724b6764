"""`gongkai report parse|check|build`: output and exit codes as interfaces.md says."""

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command

from gongkai.reportcheck.batch import check_many, parse_many
from gongkai.reportformat.tests import samples
from gongkai.reportformat.tests.conftest import SEED_EXPECTED, SEED_REPORT
from gongkai.reportformat.tests.test_checking import last_year_of, plant
from gongkai.reportformat.tests.test_seed import assert_matches

REPO = Path(__file__).resolve().parents[3]


def run(*args) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("report", *args, stdout=out, stderr=err)
        code = 0
    except SystemExit as exit_:
        code = exit_.code
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def files(tmp_path):
    report = samples.make_report(seed=51, agency="示例县人民政府", year=2022)
    (tmp_path / "a.html").write_bytes(samples.as_html(report).encode())
    (tmp_path / "b.docx").write_bytes(samples.as_docx(last_year_of(report)))
    (tmp_path / "bad.pdf").write_bytes(b"\x00\x01\x02 not a pdf at all" * 10)
    return tmp_path


def test_parse_prints_one_object_for_one_file(files):
    code, out, err = run("parse", str(files / "a.html"))
    assert code == 0
    assert err.strip() == f"{files / 'a.html'}: 表二：已读出；表三：已读出；表四：已读出"
    data = json.loads(out)
    assert data["agency"] == "示例县人民政府" and data["year"] == 2022
    assert "provenance" in data


def test_parse_prints_a_list_with_file_keys_and_exits_2_on_an_unreadable_file(files):
    code, out, err = run("parse", str(files / "a.html"), str(files / "bad.pdf"))
    assert code == 2
    data = json.loads(out)
    assert [item["file"] for item in data] == [str(files / "a.html")]
    lines = err.strip().splitlines()
    assert len(lines) == 2 and "bad.pdf" in lines[0] and "无法识别" in lines[0]
    assert lines[1].startswith(f"{files / 'a.html'}: 表二：已读出")
    assert "Traceback" not in err


def test_check_exits_0_on_a_clean_report(files):
    code, out, _ = run("check", str(files / "a.html"))
    assert code == 0
    assert "错误0" in out


def test_check_exits_1_on_an_error_and_lists_it(tmp_path):
    report, *_ = plant("C3")
    (tmp_path / "r.txt").write_bytes(samples.as_text(report).encode())
    code, out, _ = run("check", str(tmp_path / "r.txt"), "--json")
    assert code == 1
    data = json.loads(out)
    assert any(f["rule"] == "C3" and f["severity"] == "error" for f in data["findings"])


def test_check_runs_c6_across_years_in_a_folder_and_writes_a_summary(tmp_path):
    report, previous, *_ = plant("C6")
    (tmp_path / "2022.txt").write_bytes(samples.as_text(report).encode())
    (tmp_path / "2021.docx").write_bytes(samples.as_docx(previous))
    (tmp_path / "empty.txt").write_bytes(b"")
    summary = tmp_path / "summary.csv"
    code, out, err = run("check", str(tmp_path), "--json", "--summary", str(summary))
    assert code == 2  # one unreadable file
    assert "empty.txt" in err and "文件是空的" in err
    results = {item["year"]: item for item in json.loads(out)}
    assert any(f["rule"] == "C6" for f in results[2022]["findings"])
    with open(summary, encoding="utf-8-sig") as handle:
        rows = {row["file"].rsplit("/", 1)[-1]: row for row in csv.DictReader(handle)}
    assert rows["2022.txt"]["warnings"] != "0" and rows["2022.txt"]["errors"] == "0"
    assert rows["2021.docx"]["agency"] == "示例县人民政府" and rows["2021.docx"]["format"] == "2021"
    assert rows["empty.txt"]["reason"] == "文件是空的"


def test_batch_uses_several_processes_and_keeps_the_order(tmp_path):
    paths = []
    for n in range(6):
        path = tmp_path / f"r{n}.txt"
        path.write_bytes(samples.as_text(samples.make_report(seed=60 + n, year=2015 + n)).encode())
        paths.append(path)
    outcomes = parse_many(paths, workers=2)
    assert [o.report["year"] for o in outcomes] == list(range(2015, 2021))
    checked = check_many(outcomes)
    assert all(item.errors == 0 for item in checked)


def test_report_parse_command_prints_the_expected_data():
    seed_expected = json.loads(SEED_EXPECTED.read_text(encoding="utf-8"))
    result = subprocess.run(
        [sys.executable, "-m", "gongkai", "report", "parse", str(SEED_REPORT)],
        cwd=REPO, capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert_matches(json.loads(result.stdout), seed_expected)


# --- never silent: a report whose 表三 or 表四 was not read is never "no errors" -----------


def without_table_four(report: dict) -> str:
    text = samples.as_text(report)
    head, _, tail = text.partition("四、政府信息公开行政复议、行政诉讼情况")
    return head + "五、存在的主要问题及改进情况" + tail.split("五、存在的主要问题及改进情况", 1)[1]


def test_check_exits_2_with_one_chinese_line_when_table_four_is_unreadable(tmp_path):
    path = tmp_path / "r.txt"
    path.write_text(without_table_four(samples.make_report(seed=52)), encoding="utf-8")

    code, out, err = run("check", str(path))

    assert code == 2
    assert err.strip().splitlines() == [f"{path}: 表四未能读出（没有找到表四），无法核查，不能认为这份报告没有错误"]
    assert "[未能核查]" in out


def test_check_exits_2_when_table_three_cells_are_ambiguous(tmp_path):
    from gongkai.reportformat.tests import corpus

    report = corpus.with_blanks(samples.make_report(seed=53), __import__("random").Random(1))
    path = tmp_path / "fused.txt"
    path.write_bytes(corpus.render(report, "fused"))

    code, _, err = run("check", str(path), "--json")

    assert code == 2
    assert "表三未能读出" in err and "格无法确定" in err


def test_parse_says_per_table_which_cells_were_restored_and_by_which_rule(tmp_path):
    from gongkai.reportformat.tests import corpus

    path = tmp_path / "fused.txt"
    path.write_bytes(corpus.render(samples.make_report(seed=54), "fused"))

    code, out, err = run("parse", str(path))

    assert code == 0
    assert "表三：已读出（部分格由合计关系推出）" in err and "C3" in err
    tables = json.loads(out)["tables"]
    assert tables["applications"]["status"] == "restored"
    assert all("C3" in rule for rule in tables["applications"]["restored"].values())
    assert tables["appeals"]["status"] == "restored"
