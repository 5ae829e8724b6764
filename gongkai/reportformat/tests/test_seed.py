"""The seed report (郏县人民政府 2021, damaged tables from a PDF) reads as seed-expected.json."""

from gongkai.reportformat.checking import check
from gongkai.reportformat.reading import CERTAIN, RESTORED, read_report


def assert_matches(actual, expected, path="report"):
    """Every key the expected data defines, compared one by one (extra keys allowed)."""
    if isinstance(expected, dict):
        assert isinstance(actual, dict), f"{path}: expected an object, got {actual!r}"
        for key, value in expected.items():
            assert key in actual, f"{path}.{key} is missing"
            assert_matches(actual[key], value, f"{path}.{key}")
    else:
        assert actual == expected, f"{path}: {actual!r} != {expected!r}"
        assert type(actual) is type(expected), f"{path}: {type(actual)} != {type(expected)}"


def test_it_reads_the_seed_as_the_expected_data(seed_bytes, seed_expected):
    parsed = read_report(seed_bytes)
    assert_matches(parsed.report, seed_expected)


def test_it_finds_no_error_in_the_seed(seed_bytes):
    findings = check(read_report(seed_bytes).report)
    assert [f for f in findings if f.severity == "error"] == []


def test_it_says_which_seed_cells_were_restored(seed_bytes):
    parsed = read_report(seed_bytes)
    granted = parsed.origins["applications.rows.granted.natural_person"]
    assert granted.confidence == RESTORED  # the row printed 6 numbers for 7 columns
    assert granted.source == {"line": 43}
    assert parsed.origins["applications.rows.new_received.total"].confidence == CERTAIN
    assert parsed.uncertain == []
    assert any("合计关系" in note for note in parsed.notes)


def test_it_folds_the_traditional_form_in_the_title(seed_bytes):
    # The PDF's font maps 郏 to the traditional 郟; the title line prints 郟县.
    assert "郟县" in seed_bytes.decode("utf-8")
    assert read_report(seed_bytes).report["agency"] == "郏县人民政府"


def test_it_keeps_the_narrative_sections(seed_bytes):
    sections = read_report(seed_bytes).report["sections"]
    assert "全县共受理政府信息公开申请14件" in sections["overview"]
    assert sections["problems"].startswith("(一) 存在的主要问题")
    assert "信息处理费" in sections["other"]
