"""Issue 9 finding 3: separation of duties (四眼原则), one policy for every workflow.

The preparer of an item or a reply never reviews or signs it; the reviewer of an item
is not its approver; a county relaxes a rule only through a recorded setting, which the
supervision page shows.
"""

import datetime as dt

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.urls import reverse

from gongkai.agencies import duties
from gongkai.agencies.models import Agency, AgencyKind, DutyRelaxation, DutyRule, Role, StaffRole
from gongkai.applications import actions as applications
from gongkai.eventlog.log import history
from gongkai.mailbox import actions as mailbox
from gongkai.publishing.actions import (
    PublishingError,
    do_create_item,
    do_pass_review,
    do_publish_item,
    do_submit_item,
)
from gongkai.publishing.models import CatalogueNode, ItemStatus
from gongkai.testing import make_staff
from gongkai.workdays.seed import package_calendar

pytestmark = pytest.mark.django_db
PERSON = {"type": "natural_person", "name": "张三", "id_number": "11010519491231002X", "phone": "13812345678"}


@pytest.fixture(autouse=True)
def _calendar_and_today(monkeypatch):
    calendar = package_calendar()
    monkeypatch.setattr("gongkai.applications.deadlines.current_calendar", lambda: calendar)
    with time_machine.travel(dt.datetime(2025, 12, 10, 10, 0, tzinfo=dt.timezone(dt.timedelta(hours=8))), tick=False):
        yield


@pytest.fixture
def all_roles(county):
    """One person of 县教育局 holding every role there: the dangerous case."""
    return make_staff("everything", county.dept, Role.CLERK, Role.REVIEWER, Role.APPROVER, full_name="全能")


@pytest.fixture
def approver_reviewer(county):
    return make_staff("head_and_reviewer", county.dept, Role.REVIEWER, Role.APPROVER, full_name="孙兼审")


def new_item(county, user):
    node = CatalogueNode.objects.get(code="policy-documents")
    return do_create_item(county.dept, {"node": node, "title": "关于做好2025年秋季学期开学工作的通知"},
                          acting_user=user)


def new_application(county):
    return applications.do_register_application(
        county.dept, channel="in_person", received_on=dt.date(2025, 9, 26), applicant=PERSON,
        description="2025年全县学校名单", form_wanted="paper", delivery_wanted="post", acting_user=county.clerk,
    )


# --- publishing: draft → 保密审查 → approval ------------------------------------------------


def test_finding_3_one_person_cannot_draft_review_and_publish_an_item(county, all_roles):
    item = do_submit_item(new_item(county, all_roles), acting_user=all_roles)
    with pytest.raises(PublishingError, match="不能由本人进行保密审查"):
        do_pass_review(item, acting_user=all_roles)
    item = do_pass_review(item, acting_user=county.reviewer)
    with pytest.raises(PublishingError, match="不能由本人审批签发"):
        do_publish_item(item, acting_user=all_roles)
    item.refresh_from_db()
    assert item.status == ItemStatus.AWAITING_APPROVAL and item.index_number is None
    assert do_publish_item(item, acting_user=county.approver).status == ItemStatus.PUBLISHED


def test_finding_3_an_approver_reviewer_cannot_pass_their_own_item(county, approver_reviewer):
    """They pass 保密审查 on a clerk's item, then cannot also approve it; and an item
    they changed themselves they may neither review nor approve."""
    item = do_submit_item(new_item(county, county.clerk), acting_user=county.clerk)
    item = do_pass_review(item, acting_user=approver_reviewer)
    with pytest.raises(PublishingError, match="已对该内容进行保密审查"):
        do_publish_item(item, acting_user=approver_reviewer)
    assert do_publish_item(item, acting_user=county.approver).status == ItemStatus.PUBLISHED


def test_finding_3_whoever_edited_an_item_is_one_of_its_preparers(county, approver_reviewer):
    from gongkai.publishing.actions import do_update_item

    StaffRole.objects.create(user=approver_reviewer, agency=county.dept, role=Role.CLERK)
    item = new_item(county, county.clerk)
    do_update_item(item, {"title": "关于做好2025年秋季学期开学工作的通知（修订）"}, acting_user=approver_reviewer)
    item = do_submit_item(item, acting_user=county.clerk)
    with pytest.raises(PublishingError, match="起草人"):
        do_pass_review(item, acting_user=approver_reviewer)


def test_finding_3_the_html_review_step_refuses_the_preparer(client, county, all_roles):
    item = do_submit_item(new_item(county, all_roles), acting_user=all_roles)
    client.force_login(all_roles)
    client.post(reverse("publishing:pass_review", args=[item.pk]))
    item.refresh_from_db()
    assert item.status == ItemStatus.IN_REVIEW


# --- application replies: decided → (保密审查) → signed --------------------------------------


def test_finding_3_one_person_cannot_propose_and_sign_a_reply(county, all_roles):
    application = applications.do_decide_application(
        new_application(county), outcome="denied_state_secret", reasons="属于国家秘密", acting_user=all_roles)
    with pytest.raises(applications.NotAllowed, match="不能由本人审批签发"):
        applications.do_sign_reply(application, on=dt.date(2025, 10, 20), acting_user=all_roles)
    application.refresh_from_db()
    assert application.status == "proposed" and application.signed_by is None
    assert not application.letters.filter(sent_on__isnull=False).exists()


def test_finding_3_the_preparer_of_a_reply_cannot_review_it(county, all_roles):
    application = applications.do_decide_application(new_application(county), outcome="granted",
                                                     acting_user=all_roles)
    with pytest.raises(applications.NotAllowed, match="起草人"):
        applications.do_review_reply(application, passed=True, acting_user=all_roles)
    application.refresh_from_db()
    assert application.reviewed_by is None


def test_finding_3_the_reviewer_of_a_reply_does_not_sign_it(county, approver_reviewer):
    application = applications.do_decide_application(new_application(county), outcome="granted",
                                                     acting_user=county.clerk)
    application = applications.do_review_reply(application, passed=True, acting_user=approver_reviewer)
    with pytest.raises(applications.NotAllowed, match="已对该内容进行保密审查"):
        applications.do_sign_reply(application, on=dt.date(2025, 10, 20), acting_user=approver_reviewer)
    application = applications.do_sign_reply(application, on=dt.date(2025, 10, 20), acting_user=county.approver)
    assert (application.proposed_by, application.reviewed_by, application.signed_by) == (
        county.clerk, approver_reviewer, county.approver)


# --- mailbox replies: drafter ≠ approver ---------------------------------------------------


def test_finding_3_the_drafter_of_a_mailbox_reply_cannot_approve_it(county, all_roles):
    letter = mailbox.do_submit_letter(mailbox.NewLetter("张大山", "13812345678", "村口道路", "何时维修", True))
    letter = mailbox.do_assign_letter(letter, county.dept, acting_user=county.office_admin)
    letter = mailbox.do_draft_reply(letter, "已安排维修。", acting_user=all_roles)
    with pytest.raises(ValidationError, match="不能由本人审批签发"):
        mailbox.do_approve_reply(letter, acting_user=all_roles)
    letter.refresh_from_db()
    assert letter.status == "awaiting_approval" and letter.approved_by is None
    assert mailbox.do_approve_reply(letter, acting_user=county.approver).approved_by == county.approver


# --- relaxing a rule: recorded, by the county office only, shown on the supervision page -----


def test_finding_3_a_rule_is_relaxed_only_by_a_recorded_county_setting(client, county, all_roles):
    township = Agency.objects.create(code="jiaxian-xd", name="郏县薛店镇人民政府", kind=AgencyKind.TOWNSHIP,
                                     parent=county.county, index_prefix="1")
    township_admin = make_staff("xd_office", township, Role.OFFICE_ADMIN)
    rule = DutyRule.PREPARER_NOT_APPROVER
    with pytest.raises(duties.DutyError, match="县政务公开办"):
        duties.do_set_duty_relaxation(county.dept, rule, relaxed=True, reason="人手少", acting_user=township_admin)
    with pytest.raises(duties.DutyError, match="理由"):
        duties.do_set_duty_relaxation(county.dept, rule, relaxed=True, reason=" ", acting_user=county.office_admin)
    assert not DutyRelaxation.objects.exists()

    row = duties.do_set_duty_relaxation(county.dept, rule, relaxed=True, reason="该局仅一名负责人兼经办人",
                                        acting_user=county.office_admin)
    (event,) = history(row)
    assert (event.verb, event.actor, event.data["reason"]) == ("duty_rule_relaxed", county.office_admin,
                                                              "该局仅一名负责人兼经办人")
    application = applications.do_decide_application(
        new_application(county), outcome="denied_state_secret", reasons="属于国家秘密", acting_user=all_roles)
    assert applications.do_sign_reply(application, on=dt.date(2025, 10, 20), acting_user=all_roles).status == "replied"
    # Another agency is not covered by the dept's relaxation.
    assert duties.refusal(county.other_dept, rule, all_roles, all_roles)

    client.force_login(county.office_admin)
    page = client.get(reverse("supervision:overview")).content.decode()
    assert "职责分离规则的放宽" in page and "该局仅一名负责人兼经办人" in page and rule.label in page

    duties.do_set_duty_relaxation(county.dept, rule, relaxed=False, reason="已增配人员", acting_user=county.office_admin)
    assert duties.refusal(county.dept, rule, all_roles, all_roles)
    assert "该局仅一名负责人兼经办人" not in client.get(reverse("supervision:overview")).content.decode()


def test_finding_3_the_county_office_sets_a_relaxation_through_the_settings_page(client, county):
    client.force_login(county.office_admin)
    response = client.post(reverse("supervision:duty_relaxation_set"), {
        "agency": county.dept.pk, "rule": DutyRule.REVIEWER_NOT_APPROVER, "relaxed": "relax",
        "reason": "保密审查员与负责人为同一人",
    })
    assert response.status_code == 302
    row = DutyRelaxation.objects.get()
    assert (row.agency, row.set_by, row.relaxed) == (county.dept, county.office_admin, True)
    client.force_login(county.approver)
    assert client.post(reverse("supervision:duty_relaxation_set"), {}).status_code == 403


# --- annual reports: the writer of the text does not publish it -----------------------------


def test_finding_3_whoever_wrote_an_annual_report_cannot_publish_it(county):
    from gongkai.annualreports.actions import (
        ReportError,
        do_open_report,
        do_publish_report,
        do_save_narrative,
    )
    from gongkai.annualreports.models import ReportStatus

    report = do_open_report(county.dept, 2025, "own", acting_user=county.clerk)
    do_save_narrative(report, {"problems": "无。"}, acting_user=county.approver)
    with pytest.raises(ReportError, match="不能由本人审批签发"):
        do_publish_report(report, acting_user=county.approver)
    report.refresh_from_db()
    assert report.status == ReportStatus.DRAFT
