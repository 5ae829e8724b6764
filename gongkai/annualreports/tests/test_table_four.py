"""表四 from 复议 and 诉讼 cases: by the year filed and the year decided."""

from gongkai.annualreports.building import build
from gongkai.annualreports.tests.records import appeal


def table(agency, year):
    return build(agency, year, "own", checks=False).data["appeals"]


def test_a_case_decided_in_the_year_counts_by_its_result(county):
    appeal(county.dept, "reconsideration", filed="2021-03-01", result="upheld", decided="2021-05-01")
    appeal(county.dept, "litigation_direct", filed="2021-04-01", result="corrected", decided="2021-09-01")
    appeal(county.dept, "litigation_direct", filed="2021-04-01", result="other", decided="2021-09-01")

    t = table(county.dept, 2021)

    assert t["reconsideration"] == {"upheld": 1, "corrected": 0, "other": 0, "pending": 0, "total": 1}
    assert t["litigation_direct"] == {"upheld": 0, "corrected": 1, "other": 1, "pending": 0, "total": 2}


def test_undecided_at_the_years_end_is_pending_then_counts_by_result_when_decided(county):
    appeal(county.dept, "reconsideration", filed="2021-11-20", result="corrected", decided="2022-02-10")

    assert table(county.dept, 2021)["reconsideration"]["pending"] == 1
    assert table(county.dept, 2021)["reconsideration"]["corrected"] == 0
    assert table(county.dept, 2022)["reconsideration"] == {
        "upheld": 0, "corrected": 1, "other": 0, "pending": 0, "total": 1}


def test_a_lawsuit_after_reconsideration_has_its_own_group(county):
    first = appeal(county.dept, "reconsideration", filed="2021-02-01", result="upheld", decided="2021-04-01")
    later = appeal(county.dept, "litigation_after_reconsideration", filed="2021-04-20")
    later.reconsideration = first
    later.save()

    t = table(county.dept, 2021)

    assert t["reconsideration"]["total"] == 1
    assert t["litigation_after_reconsideration"] == {"upheld": 0, "corrected": 0, "other": 0, "pending": 1, "total": 1}
    assert t["litigation_direct"]["total"] == 0


def test_cases_of_other_years_do_not_count(county):
    appeal(county.dept, "reconsideration", filed="2019-02-01", result="upheld", decided="2019-04-01")

    assert table(county.dept, 2021)["reconsideration"]["total"] == 0
