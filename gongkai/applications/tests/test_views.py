"""Staff pages: the access matrix, masking, intake, actions as forms."""

import datetime as dt

import pytest
from django.urls import reverse

from gongkai.applications import actions as a
from gongkai.applications.models import Application, Status
from gongkai.testing import answer_application

pytestmark = pytest.mark.django_db
D = dt.date
PERSONAS = ["office_admin", "clerk", "approver", "reviewer", "other_agency_clerk", "no_role_user"]
# persona → (may see the case, may handle it, may sign)
RIGHTS = {
    "office_admin": (True, True, True),
    "clerk": (True, True, False),
    "approver": (True, True, True),
    "reviewer": (True, False, False),
    "other_agency_clerk": (False, False, False),
    "no_role_user": (False, False, False),
}


def login(client, user):
    client.force_login(user)
    return client


@pytest.mark.parametrize("persona", PERSONAS)
def test_the_case_page_access_matrix(client, county, register, persona):
    application = register()
    sees, handles, _ = RIGHTS[persona]
    response = login(client, getattr(county, persona)).get(reverse("applications:case", args=[application.pk]))
    if persona == "no_role_user":
        assert response.status_code == 403  # not staff at all
        return
    assert response.status_code == (200 if sees else 404)
    if sees:
        assert ("登记申请人撤回" in response.content.decode()) == handles


@pytest.mark.parametrize("persona", PERSONAS)
def test_the_action_access_matrix(client, county, register, persona):
    application = register()
    sees, handles, _ = RIGHTS[persona]
    url = reverse("applications:act", args=[application.pk, "withdraw"])
    response = login(client, getattr(county, persona)).post(url, {"withdraw-on": "2025-10-09"})
    expected = 302 if handles else (403 if sees or persona == "no_role_user" else 404)
    assert response.status_code == expected
    application.refresh_from_db()
    assert (application.status == Status.CLOSED) == handles


@pytest.mark.parametrize("persona", PERSONAS)
def test_signing_needs_an_approver(client, county, register, persona):
    application = a.do_decide_application(register(), outcome="unable_not_held", reasons="经检索没有该信息",
                                          acting_user=county.clerk)
    sees, _, signs = RIGHTS[persona]
    url = reverse("applications:act", args=[application.pk, "sign"])
    response = login(client, getattr(county, persona)).post(url, {"sign-on": "2025-10-20"})
    assert response.status_code == (302 if signs else (404 if not sees and persona != "no_role_user" else 403))
    application.refresh_from_db()
    assert (application.status == Status.REPLIED) == signs


@pytest.mark.parametrize("persona", PERSONAS)
def test_the_queue_shows_only_visible_cases(client, county, register, persona):
    mine = register()
    theirs = register(agency=county.other_dept, acting_user=county.office_admin)
    response = login(client, getattr(county, persona)).get(reverse("applications:queue"))
    if persona == "no_role_user":
        assert response.status_code == 403
        return
    page = response.content.decode()
    sees_dept = RIGHTS[persona][0]
    assert (reverse("applications:case", args=[mine.pk]) in page) == sees_dept
    assert (reverse("applications:case", args=[theirs.pk]) in page) == (persona in ("office_admin", "other_agency_clerk"))


def test_the_queue_masks_phones_and_warns_of_overdue_cases(client, county, register):
    register()  # due 2025-10-30, today is 2025-12-10
    page = login(client, county.clerk).get(reverse("applications:queue")).content.decode()
    assert "138****5678" in page and "13812345678" not in page
    assert "已超期" in page


def test_the_case_page_shows_identity_in_full_only_to_handlers(client, county, register):
    application = register()
    url = reverse("applications:case", args=[application.pk])
    handler = login(client, county.clerk).get(url).content.decode()
    assert "11010519491231002X" in handler and "13812345678" in handler
    reader = login(client, county.reviewer).get(url).content.decode()
    assert "1101**********002X" in reader and "138****5678" in reader
    assert "11010519491231002X" not in reader and "13812345678" not in reader


def test_the_case_page_explains_the_due_date(client, county, register):
    page = login(client, county.clerk).get(reverse("applications:case", args=[register().pk])).content.decode()
    assert "2025-10-30" in page and "第三十三条" in page


def test_a_refused_action_shows_the_reason_and_changes_nothing(client, county, register):
    application = a.do_decide_application(register(), outcome="unable_not_held", reasons="经检索没有该信息",
                                          acting_user=county.approver)
    url = reverse("applications:act", args=[application.pk, "sign"])
    response = login(client, county.approver).post(url, {"sign-on": "2025-10-20"})
    assert response.status_code == 422
    assert "不能由本人审批签发" in response.content.decode()
    application.refresh_from_db()
    assert application.status == Status.PROPOSED and not application.letters.filter(sent_on__isnull=False)


def test_an_action_form_moves_the_case(client, county, register):
    application = register()
    url = reverse("applications:act", args=[application.pk, "extend_request"])
    response = login(client, county.clerk).post(url, {"extend_request-workdays": "20", "extend_request-reason": "检索"})
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.due_on == D(2025, 10, 30)  # asked for, not yet approved
    page = login(client, county.approver).get(reverse("applications:case", args=[application.pk])).content.decode()
    assert "申请延长答复期限20个工作日" in page
    url = reverse("applications:act", args=[application.pk, "extend"])
    response = client.post(url, {"extend-on": "2025-10-20", "extend-workdays": "20", "extend-reason": "检索"})
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.due_on == D(2025, 11, 27)
    assert application.clock_events.get().approved_by == county.approver


def test_staff_register_an_oral_application(client, county):
    response = login(client, county.clerk).post(reverse("applications:intake"), {
        "agency": county.dept.pk, "channel": "oral", "received_on": "2025-12-08",
        "applicant_type": "natural_person", "name": "李四", "id_type": "resident_id",
        "id_number": "11010519491231002X", "phone": "0375-5199000", "description": "学校名单",
        "form_wanted": "paper", "delivery_wanted": "collect", "idempotency_key": "intake-1",
    })
    assert response.status_code == 302, response.content.decode()
    application = Application.objects.get()
    assert (application.channel, application.received_on, application.status) == ("oral", D(2025, 12, 8), "in_progress")
    assert application.registered_by == county.clerk


def test_another_agencys_clerk_cannot_register_for_dept(client, county):
    response = login(client, county.other_agency_clerk).post(reverse("applications:intake"), {
        "agency": county.dept.pk, "channel": "in_person", "received_on": "2025-12-08",
        "applicant_type": "natural_person", "name": "李四", "id_type": "resident_id",
        "id_number": "11010519491231002X", "phone": "13812345678", "description": "学校名单",
        "form_wanted": "paper", "delivery_wanted": "collect", "idempotency_key": "intake-2",
    })
    assert response.status_code == 200  # the form refuses the agency choice
    assert not Application.objects.exists()


def test_conversion_candidates_list_the_same_information_from_several_applicants(client, county, register):
    from gongkai.applications.tests.conftest import PERSON

    for id_number in ("11010519491231002X", "110105194912310048"):
        application = register(applicant={**PERSON, "id_number": id_number}, description="2025年学校名单")
        answer_application(application, county, D(2025, 10, 20))
    page = login(client, county.clerk).get(reverse("applications:conversion")).content.decode()
    assert "2 个申请人" in page


def test_decision_form_asks_for_the_facts_and_refuses_without_them(client, county, register):
    """Issue 10.1: the decision form has a field for each fact a letter needs, and a
    decision lacking one is refused with a Chinese reason; nothing changes."""
    application = register()
    login(client, county.clerk)
    url = reverse("applications:act", args=[application.pk, "decide"])
    page = client.get(reverse("applications:case", args=[application.pk])).content.decode()
    assert "禁止公开的法律、行政法规依据" in page and "公开出版物的获取途径" in page
    response = client.post(url, {"decide-outcome": "denied_law_forbidden", "decide-reasons": "统计资料"}, follow=True)
    assert "「禁止公开的法律、行政法规依据」未填写" in response.content.decode()
    application.refresh_from_db()
    assert application.status == Status.IN_PROGRESS
    client.post(url, {"decide-outcome": "denied_law_forbidden", "decide-reasons": "统计资料",
                      "decide-legal_basis": "《中华人民共和国统计法》第三十九条"})
    application.refresh_from_db()
    assert application.status == Status.PROPOSED
    assert application.reply_facts == {"legal_basis": "《中华人民共和国统计法》第三十九条"}


# --- issue 9 finding 2: approvals only by the approver's own log-in ------------------------


def test_finding_2_the_extension_form_names_no_approver_and_a_clerk_cannot_approve(client, county, register):
    """The clerk's page no longer offers a dropdown to name the approver; posting one
    (or posting the approver's form at all) from the clerk's session changes nothing."""
    application = register()
    page = login(client, county.clerk).get(reverse("applications:case", args=[application.pk])).content.decode()
    assert "approved_by" not in page and "同意延期的负责人" not in page
    assert "申请延长答复期限" in page and "同意延长答复期限" not in page
    url = reverse("applications:act", args=[application.pk, "extend"])
    response = client.post(url, {"extend-on": "2025-10-20", "extend-workdays": "20", "extend-reason": "检索",
                                 "extend-approved_by": str(county.approver.pk)})
    assert response.status_code == 403
    application.refresh_from_db()
    assert application.due_on == D(2025, 10, 30) and not application.clock_events.exists()


def test_finding_2_the_clerk_who_decided_cannot_sign_in_the_office_admins_session_either(client, county, register):
    """Four eyes on the HTML side: whoever decided may not sign, whatever roles they hold."""
    application = a.do_decide_application(register(), outcome="unable_not_held", reasons="经检索没有该信息",
                                          acting_user=county.office_admin)
    url = reverse("applications:act", args=[application.pk, "sign"])
    response = login(client, county.office_admin).post(url, {"sign-on": "2025-10-20"})
    assert response.status_code == 422
    assert "不能由本人审批签发" in response.content.decode()
    response = login(client, county.approver).post(url, {"sign-on": "2025-10-20"})
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.signed_by == county.approver and application.status == Status.REPLIED


def test_point_7_the_signing_page_shows_the_draft_letter_and_what_will_be_disclosed(client, county, register):
    application = a.do_decide_application(register(), outcome="partial", reasons="涉及个人隐私",
                                          withheld_parts="第三人的身份证号码", acting_user=county.clerk)
    url = reverse("applications:case", args=[application.pk])
    page = login(client, county.approver).get(url).content.decode()
    pending = page.split('id="pending-title"')[1].split("</section>")[0]
    draft = a.draft_reply(application)
    assert draft.sent_on is None and draft.title in pending
    assert "答复书草稿" in pending and "将公开的信息" in pending
    assert "2025年全县义务教育阶段学校名单" in pending and "第三人的身份证号码" in pending
    assert "待保密审查" in pending
    # The reviewer sees the same and the 保密审查 form; the approver's page has no review form.
    assert "保密审查结论" not in page
    review_page = login(client, county.reviewer).get(url).content.decode()
    assert "保密审查结论" in review_page and "答复书草稿" in review_page
    # Unsent, the draft is not on the public tracking page.
    assert not application.letters.filter(sent_on__isnull=False).exists()
