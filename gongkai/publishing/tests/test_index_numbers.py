import datetime

import pytest
import time_machine

from gongkai.publishing.actions import PublishingError, do_publish_item
from gongkai.publishing.models import InformationItem

pytestmark = pytest.mark.django_db


def at(year, month, day):
    return time_machine.travel(datetime.datetime(year, month, day, 9, 0, tzinfo=datetime.UTC))


def test_it_numbers_each_agency_and_year_from_one_without_gaps(county, ready, node):
    from gongkai.publishing.actions import do_create_item, do_pass_review, do_submit_item
    from gongkai.testing import make_staff

    with at(2025, 12, 30):
        first = do_publish_item(ready(title="一"), acting_user=county.approver)
        second = do_publish_item(ready(title="二"), acting_user=county.approver)
    # Another agency keeps its own sequence.
    civil_approver = make_staff("civil_approver", county.other_dept, "approver")
    civil_reviewer = make_staff("civil_reviewer", county.other_dept, "reviewer")
    other = do_create_item(county.other_dept, {"node": node, "title": "民政"}, acting_user=county.other_agency_clerk)
    do_submit_item(other, acting_user=county.other_agency_clerk)
    do_pass_review(other, acting_user=civil_reviewer)
    with at(2025, 12, 31):
        other = do_publish_item(other, acting_user=civil_approver)
    # A new year starts again at 1.
    with at(2026, 1, 4):
        third = do_publish_item(ready(title="三"), acting_user=county.approver)

    assert [first.index_number, second.index_number] == ["005252900/2025-00001", "005252900/2025-00002"]
    assert other.index_number == "005252911/2025-00001"
    assert third.index_number == "005252900/2026-00001"


def test_a_refused_publication_uses_no_number(county, ready):
    blocked = ready(title="规范性文件", doc_kind="normative")
    with pytest.raises(PublishingError):
        do_publish_item(blocked, acting_user=county.approver)
    with at(2025, 3, 3):
        ok = do_publish_item(ready(title="通知"), acting_user=county.approver)
    assert ok.index_number.endswith("/2025-00001")
    assert InformationItem.objects.get(pk=blocked.pk).index_number is None
