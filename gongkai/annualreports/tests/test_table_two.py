"""表二: documents from the published items, figures from other systems."""

import datetime

import pytest

from gongkai.annualreports.actions import ReportError, do_set_external_figures
from gongkai.annualreports.building import build, build_many
from gongkai.publishing.models import CatalogueNode, DocKind, InformationItem, ItemStatus, Validity
from gongkai.publishing.statistics import table_two_counts


def document(agency, issued, *, kind=DocKind.NORMATIVE, repealed=None, validity=Validity.REPEALED,
             status=ItemStatus.PUBLISHED):
    node = CatalogueNode.objects.get(code="policy-documents")
    return InformationItem.objects.create(
        agency=agency, node=node, title=f"文件{issued}", status=status, doc_kind=kind,
        issued_on=datetime.date.fromisoformat(issued), published_on=datetime.date.fromisoformat(issued),
        validity=validity if repealed else Validity.VALID,
        validity_changed_on=datetime.date.fromisoformat(repealed) if repealed else None,
    )


@pytest.fixture
def documents(county):
    document(county.county, "2019-05-01")
    document(county.county, "2020-05-01", repealed="2021-03-01")
    document(county.county, "2021-06-01")
    document(county.county, "2021-07-01", kind=DocKind.RULE)
    document(county.dept, "2021-02-01", repealed="2022-01-10", validity=Validity.EXPIRED)
    document(county.dept, "2021-08-01", status=ItemStatus.DRAFT)
    document(county.other_dept, "2018-01-01", repealed="2021-12-31")
    return county


def test_it_matches_publishing_statistics_for_every_agency_and_scope(documents):
    county = documents
    reports = build_many(2021, [(a, s) for a in (county.county, county.dept, county.other_dept)
                                for s in ("own", "subtree")], checks=False)
    for report in reports:
        expected = table_two_counts(report.agency, 2021, include_subtree=report.scope == "subtree")
        proactive = report.data["proactive"]
        for kind in ("rules", "normative_documents"):
            counts = getattr(expected, kind)
            assert proactive[kind] == {"issued": counts.issued, "repealed": counts.repealed,
                                       "in_force": counts.in_force}, (report.agency, report.scope, kind)


def test_documents_in_a_county_wide_report(documents):
    proactive = build(documents.county, 2021, "subtree", checks=False).data["proactive"]

    assert proactive["normative_documents"] == {"issued": 2, "repealed": 2, "in_force": 3}
    assert proactive["rules"] == {"issued": 1, "repealed": 0, "in_force": 1}


def test_figures_not_entered_are_blank_not_zero(county):
    proactive = build(county.dept, 2021, checks=False).data["proactive"]

    assert proactive["licensing"] is None
    assert proactive["fees_10k_yuan"] is None


def test_figures_of_sub_agencies_add_up_with_the_printed_decimals(county):
    do_set_external_figures(county.dept, 2021, {"licensing": 10, "fees_10k_yuan": "1.10"}, source="manual",
                            acting_user=county.office_admin)
    do_set_external_figures(county.other_dept, 2021, {"licensing": 5, "penalty": 2, "fees_10k_yuan": "2"},
                            source="api", acting_user=county.office_admin)

    proactive = build(county.county, 2021, "subtree", checks=False).data["proactive"]

    assert (proactive["licensing"], proactive["penalty"], proactive["enforcement"]) == (15, 2, None)
    assert proactive["fees_10k_yuan"] == "3.10"


def test_a_county_wide_total_is_not_added_to_its_departments_figures(county):
    do_set_external_figures(county.county, 2021, {"licensing": 39732, "fees_10k_yuan": "104.17"},
                            source="manual", covers_subtree=True, acting_user=county.office_admin)
    do_set_external_figures(county.dept, 2021, {"licensing": 10}, source="manual", acting_user=county.office_admin)

    assert build(county.county, 2021, "subtree", checks=False).data["proactive"]["licensing"] == 39732
    assert build(county.county, 2021, "own", checks=False).data["proactive"]["licensing"] is None
    assert build(county.dept, 2021, "own", checks=False).data["proactive"]["licensing"] == 10


@pytest.mark.parametrize("values", [{"licensing": "-1"}, {"penalty": "十"}, {"fees_10k_yuan": "1.1234567"},
                                    {"fees_10k_yuan": "-3"}])
def test_it_refuses_figures_that_are_not_counts_or_amounts(county, values):
    with pytest.raises(ReportError):
        do_set_external_figures(county.dept, 2021, values, source="manual", acting_user=county.office_admin)
