"""表三 cell by cell from hand-made applications, across year boundaries."""

from gongkai.annualreports.building import build
from gongkai.annualreports.tests.records import application
from gongkai.reportformat.checking import ERROR


def rows(agency, year, scope="own"):
    return build(agency, year, scope).data["applications"]["rows"]


def test_it_counts_received_and_answered_in_the_year_in_the_applicants_column(county):
    application(county.dept, received="2021-03-01", closed="2021-03-10", outcome="granted")
    application(county.dept, received="2021-04-01", closed="2021-04-20", outcome="partial",
                applicant_type="commercial_enterprise")
    application(county.dept, received="2021-05-01", closed="2021-05-20", outcome="denied_state_secret",
                applicant_type="legal_service_org")

    r = rows(county.dept, 2021)

    assert r["new_received"] == [1, 1, 0, 0, 1, 0, 3]
    assert r["granted"] == [1, 0, 0, 0, 0, 0, 1]
    assert r["partial"] == [0, 1, 0, 0, 0, 0, 1]
    assert r["denied_state_secret"] == [0, 0, 0, 0, 1, 0, 1]
    assert r["total_processed"] == [1, 1, 0, 0, 1, 0, 3]
    assert r["carried_over"] == r["carried_forward"] == [0] * 7


def test_received_in_december_answered_in_january_is_carried_forward_then_over(county):
    application(county.dept, received="2021-12-28", closed="2022-01-12", outcome="granted")

    before, after = rows(county.dept, 2021), rows(county.dept, 2022)

    assert before["new_received"][6] == 1
    assert before["total_processed"][6] == 0
    assert before["carried_forward"][6] == 1
    assert after["carried_over"][6] == 1
    assert after["new_received"][6] == 0
    assert after["granted"][6] == 1
    assert after["carried_forward"][6] == 0


def test_a_correction_lapse_across_the_new_year_lands_in_the_year_it_lapsed(county):
    # 补正 asked in December, never answered: closed in January as （六）1.
    application(county.dept, received="2021-12-20", closed="2022-01-25", outcome="other_overdue_correction",
                applicant_type="other_org")

    before, after = rows(county.dept, 2021), rows(county.dept, 2022)

    assert before["other_overdue_correction"] == [0] * 7
    assert before["carried_forward"] == [0, 0, 0, 0, 0, 1, 1]
    assert after["carried_over"] == [0, 0, 0, 0, 0, 1, 1]
    assert after["other_overdue_correction"] == [0, 0, 0, 0, 0, 1, 1]
    assert after["total_processed"] == [0, 0, 0, 0, 0, 1, 1]


def test_records_of_other_years_and_unconfirmed_submissions_do_not_count(county):
    application(county.dept, received="2020-06-01", closed="2020-06-20", outcome="granted")
    application(county.dept, received="2022-01-03", closed="2022-01-05", outcome="granted")
    application(county.dept, received=None)  # submitted online, receipt never confirmed

    r = rows(county.dept, 2021)

    assert all(values == [0] * 7 for values in r.values())


def test_open_for_more_than_a_year_is_carried_over_and_forward(county):
    application(county.dept, received="2020-11-02")

    r = rows(county.dept, 2021)

    assert r["carried_over"][6] == 1
    assert r["carried_forward"][6] == 1


def test_the_balance_holds_on_a_mixed_year(county):
    application(county.dept, received="2020-12-30", closed="2021-01-15", outcome="unable_not_held")
    application(county.dept, received="2021-02-01", closed="2021-02-05", outcome="not_processed_repeat")
    application(county.dept, received="2021-12-30")
    application(county.dept, received="2021-07-01", closed="2021-07-02", outcome="other_other",
                applicant_type="research_institution")

    report = build(county.dept, 2021, "own", checks=True)

    assert [f for f in report.findings if f.severity == ERROR] == []
    r = report.data["applications"]["rows"]
    assert r["new_received"][6] + r["carried_over"][6] == r["total_processed"][6] + r["carried_forward"][6] == 4


def test_a_subtree_report_is_the_sum_of_its_agencies_and_own_is_not(county):
    application(county.county, received="2021-03-01", closed="2021-03-10", outcome="granted")
    application(county.dept, received="2021-03-01", closed="2021-03-10", outcome="granted")
    application(county.other_dept, received="2021-03-01", closed="2021-03-10", outcome="denied_process_info")

    assert rows(county.county, 2021, "subtree")["new_received"][6] == 3
    assert rows(county.county, 2021, "own")["new_received"][6] == 1
    assert rows(county.dept, 2021, "subtree")["new_received"][6] == 1


def test_a_government_reports_on_its_subtree_by_default(county):
    application(county.dept, received="2021-03-01", closed="2021-03-10", outcome="granted")

    assert build(county.county, 2021).scope == "subtree"
    assert build(county.county, 2021).data["applications"]["rows"]["granted"][6] == 1
    assert build(county.dept, 2021).scope == "own"
