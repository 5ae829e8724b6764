"""条例第二十六条: published within 20 working days of being formed, across holidays."""

import datetime

import pytest

from gongkai.publishing.deadlines import publication_deadlines, publication_due_on
from gongkai.publishing.models import CatalogueNode, InformationItem
from gongkai.workdays.store import current_calendar

pytestmark = pytest.mark.django_db
D = datetime.date


def item(agency, formed_on, *, status="draft", published_on=None, title=None):
    return InformationItem.objects.create(
        agency=agency, node=CatalogueNode.objects.get(code="policy-documents"),
        title=title or f"形成于{formed_on}", formed_on=formed_on, status=status, published_on=published_on,
    )


@pytest.mark.parametrize("formed_on,due_on", [
    (D(2025, 9, 26), D(2025, 10, 30)),   # across 国庆节 and 中秋节, with the 调休 Saturday 9-28 and 10-11
    (D(2025, 12, 20), D(2026, 1, 19)),   # across 元旦
    (D(2026, 2, 10), D(2026, 3, 16)),    # across 春节
])
def test_the_deadline_skips_holidays(formed_on, due_on):
    assert publication_due_on(formed_on, current_calendar()).date == due_on


def test_it_lists_items_due_soon_late_and_published_late(county):
    # Seen on 2025-10-27 (a Monday).
    due_thursday = item(county.dept, D(2025, 9, 26), title="周四到期")            # due 10-30
    not_yet = item(county.dept, D(2025, 10, 20), title="还早")                   # due 11-17
    overdue = item(county.dept, D(2025, 9, 1), title="已超期", status="in_review")  # due Sun 9-28 (调休)
    published_late = item(county.dept, D(2025, 9, 1), status="published", published_on=D(2025, 10, 9))
    on_time = item(county.dept, D(2025, 9, 26), status="published", published_on=D(2025, 10, 30))
    other = item(county.other_dept, D(2025, 9, 1), title="别的机关")

    listing = publication_deadlines(county.dept, today=D(2025, 10, 27))

    assert [(d.item, d.due_on, d.workdays) for d in listing.due_soon] == [(due_thursday, D(2025, 10, 30), 3)]
    assert [(d.item, d.due_on) for d in listing.late] == [(overdue, D(2025, 9, 28))]
    # Due 9-28; published 10-9: 9-29, 9-30, then the National Day break, then 10-9.
    assert [(d.item, d.workdays) for d in listing.published_late] == [(published_late, 3)]
    shown = {d.item for d in listing.due_soon + listing.late + listing.published_late}
    assert not_yet not in shown and on_time not in shown and other not in shown


def test_an_office_sees_its_whole_subtree(county):
    late = item(county.other_dept, D(2025, 9, 1))
    listing = publication_deadlines(county.county.subtree(), today=D(2025, 10, 27))
    assert [d.item for d in listing.late] == [late]


def test_a_deadline_past_the_known_calendar_is_provisional(county):
    far = item(county.dept, D(2031, 12, 20))
    listing = publication_deadlines(county.dept, today=D(2032, 1, 20))
    assert [(d.item, d.provisional) for d in listing.late] == [(far, True)]
