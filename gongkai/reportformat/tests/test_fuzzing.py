"""Property tests: nothing but a report or ReportUnreadable ever comes out of the reader,
and damage never makes it print a number the report did not have."""

import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gongkai.reportformat.checking import check
from gongkai.reportformat.reading import ReportUnreadable, read_report
from gongkai.reportformat.vocabulary import COLUMNS

from . import samples

SEED_TEXT = samples.as_text(samples.make_report(seed=41))
PREFIXES = [b"", b"%PDF-1.4\n", b"PK\x03\x04", b"<html><body><table><tr><td>",
            b"\xef\xbb\xbf", b"\xff\xfe", "三、收到和处理政府信息公开申请情况\n".encode()]


def read_or_refuse(data: bytes):
    started = time.process_time()
    try:
        parsed = read_report(data)
    except ReportUnreadable as unreadable:
        assert unreadable.reason and "\n" not in unreadable.reason
        parsed = None
    assert time.process_time() - started < 2
    if parsed is not None:
        check(parsed.as_json())  # the checker takes whatever the reader gives
    return parsed


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(prefix=st.sampled_from(PREFIXES), body=st.binary(max_size=3000))
def test_random_bytes_on_every_path_never_raise(prefix, body):
    read_or_refuse(prefix + body)


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=2000))
def test_random_text_never_raises(text):
    read_or_refuse(text.encode("utf-8"))


@settings(max_examples=100, deadline=None)
@given(cut=st.integers(0, len(SEED_TEXT)), length=st.integers(0, 400),
       insert=st.text(alphabet="0123456789\t \n—/，、一二三四（）总计予以公开", max_size=40))
def test_a_mangled_report_never_raises(cut, length, insert):
    text = SEED_TEXT[:cut] + insert + SEED_TEXT[cut + length:]
    read_or_refuse(text.encode("utf-8"))


row_keys = list(samples.make_report(seed=1)["applications"]["rows"])


@settings(max_examples=60, deadline=None)
@given(
    seed=st.integers(0, 10_000),
    lost=st.dictionaries(st.sampled_from(row_keys + ["appeals"]), st.integers(0, 6), max_size=6),
    joined=st.dictionaries(st.sampled_from(row_keys), st.integers(0, 5), max_size=4),
)
def test_damage_never_yields_a_wrong_number(seed, lost, joined):
    report = samples.make_report(seed=seed)
    damage = samples.Damage(lost=lost, run_together=joined)
    parsed = read_or_refuse(samples.as_text(report, damage).encode("utf-8"))
    rows = parsed.report["applications"]["rows"]
    for key, truth in report["applications"]["rows"].items():
        for column, value in zip(COLUMNS, rows[key], strict=True):
            origin = parsed.origins[f"applications.rows.{key}.{column}"]
            if value is None:
                assert origin.confidence == "uncertain"
            else:
                assert value == truth[COLUMNS.index(column)], (key, column)
    for group, truth in report["appeals"].items():
        for column, value in parsed.report["appeals"][group].items():
            assert value in (None, truth[column])
