import datetime

import pytest

from gongkai.appeals.actions import (
    AppealError,
    do_record_appeal_decision,
    do_register_appeal,
    do_update_appeal,
)
from gongkai.eventlog.log import history

D = datetime.date


def register(county, **fields):
    values = {"kind": "reconsideration", "body": "郏县人民政府", "case_number": "郏政复〔2021〕3号",
              "filed_on": D(2021, 3, 1), **fields}
    return do_register_appeal(county.dept, values, acting_user=county.clerk)


def test_it_registers_a_pending_case_with_its_event(county):
    appeal = register(county)

    assert appeal.result == "pending" and appeal.decided_on is None
    assert [e.verb for e in history(appeal)] == ["appeal_registered"]


def test_a_decision_needs_its_date_not_before_filing(county):
    appeal = register(county)

    with pytest.raises(AppealError, match="审结日期"):
        do_record_appeal_decision(appeal, "upheld", None, acting_user=county.clerk)
    with pytest.raises(AppealError, match="不能早于立案日期"):
        do_record_appeal_decision(appeal, "upheld", D(2021, 2, 1), acting_user=county.clerk)

    decided = do_record_appeal_decision(appeal, "corrected", D(2021, 5, 1), acting_user=county.clerk)
    assert (decided.result, decided.decided_on) == ("corrected", D(2021, 5, 1))
    assert history(decided).last().to_state == "corrected"


def test_a_lawsuit_after_reconsideration_links_to_a_reconsideration_of_the_same_agency(county):
    first = register(county)
    lawsuit = register(county, kind="litigation_after_reconsideration", body="郏县人民法院",
                       case_number="（2021）豫0425行初5号", filed_on=D(2021, 6, 1), reconsideration=first)
    assert lawsuit.reconsideration == first

    with pytest.raises(AppealError, match="不是行政复议"):
        register(county, kind="litigation_after_reconsideration", case_number="x", reconsideration=lawsuit)
    with pytest.raises(AppealError, match="复议后起诉"):
        register(county, kind="litigation_direct", case_number="y", reconsideration=first)


def test_updates_are_logged_with_what_changed(county):
    appeal = register(county)

    do_update_appeal(appeal, {"case_number": "郏政复〔2021〕4号"}, acting_user=county.clerk)

    assert history(appeal).last().data["changes"]["case_number"] == ["郏政复〔2021〕3号", "郏政复〔2021〕4号"]
