"""表二 counts on a handful of hand-made documents around the turn of 2024/2025."""

import datetime

import pytest

from gongkai.publishing.models import CatalogueNode, InformationItem
from gongkai.publishing.statistics import DocumentCounts, table_two_counts

pytestmark = pytest.mark.django_db
D = datetime.date


def doc(agency, kind, issued_on, *, status="published", validity="valid", changed_on=None):
    return InformationItem.objects.create(
        agency=agency, node=CatalogueNode.objects.get(code="policy-documents"), title=f"{kind} {issued_on}",
        doc_kind=kind, issued_on=issued_on, status=status, validity=validity, validity_changed_on=changed_on,
        published_on=issued_on,
    )


@pytest.fixture
def documents(county):
    dept = county.dept
    doc(dept, "normative", D(2023, 3, 1))                                            # in force throughout
    doc(dept, "normative", D(2024, 12, 31))                                          # issued on the last day of 2024
    doc(dept, "normative", D(2025, 1, 1))                                            # issued on the first day of 2025
    doc(dept, "normative", D(2022, 6, 1), validity="repealed", changed_on=D(2024, 12, 31))  # gone by end 2024
    doc(dept, "normative", D(2022, 6, 1), validity="expired", changed_on=D(2025, 1, 1))     # lapsed in 2025
    doc(dept, "normative", D(2025, 2, 1), status="draft")                            # never published: not counted
    doc(dept, "normative", D(2025, 2, 1), status="withdrawn")                        # taken down: not counted
    doc(dept, "rule", D(2024, 7, 1))
    doc(dept, "rule", D(2025, 7, 1), validity="repealed", changed_on=D(2025, 11, 30))  # issued and repealed in 2025
    doc(dept, "ordinary", D(2025, 1, 5))                                             # not a 表二 document
    doc(county.other_dept, "normative", D(2025, 4, 1))                               # another department
    doc(county.county, "rule", D(2025, 5, 1))                                        # the county government itself


def test_it_counts_issued_repealed_and_in_force_per_year(county, documents):
    y2024 = table_two_counts(county.dept, 2024)
    assert y2024.normative_documents == DocumentCounts(issued=1, repealed=1, in_force=3)
    assert y2024.rules == DocumentCounts(issued=1, repealed=0, in_force=1)

    y2025 = table_two_counts(county.dept, 2025)
    assert y2025.normative_documents == DocumentCounts(issued=1, repealed=1, in_force=3)
    assert y2025.rules == DocumentCounts(issued=1, repealed=1, in_force=1)


def test_a_subtree_adds_up_the_agencies_under_it(county, documents):
    alone = table_two_counts(county.county, 2025)
    assert alone.rules == DocumentCounts(issued=1, repealed=0, in_force=1)
    assert alone.normative_documents == DocumentCounts(0, 0, 0)

    whole = table_two_counts(county.county, 2025, include_subtree=True)
    assert whole.rules == DocumentCounts(issued=2, repealed=1, in_force=2)
    assert whole.normative_documents == DocumentCounts(issued=2, repealed=1, in_force=4)


def test_it_is_one_query(county, documents, django_assert_num_queries):
    with django_assert_num_queries(1):
        table_two_counts(county.county, 2025, include_subtree=True)
