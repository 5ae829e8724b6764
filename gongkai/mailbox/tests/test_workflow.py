"""A letter from the portal to publication, its deadline, and who may do what."""

import datetime as dt

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.urls import reverse

from gongkai.eventlog.log import history
from gongkai.mailbox import actions
from gongkai.mailbox.models import LetterStatus, MailboxLetter
from gongkai.mailbox.public_views import format_code

pytestmark = pytest.mark.django_db
TZ = dt.timezone(dt.timedelta(hours=8))


def at(y, m, d):
    return time_machine.travel(dt.datetime(y, m, d, 10, tzinfo=TZ), tick=False)


TEXT = "我是张大山，电话13812345678，身份证410425199001011234。村口道路坏了很久，希望修一修。"


@pytest.fixture
def letter(db):
    return actions.do_submit_letter(
        actions.NewLetter("张大山", "13812345678", "村口道路何时维修", TEXT, agrees_to_publish=True)
    )


def test_it_counts_the_deadline_in_working_days_across_national_day(county, letter):
    # Assigned Fri 2025-09-26: Sun 09-28 is a working day, 10-01…08 are not, Sat 10-11 is.
    letter = actions.do_assign_letter(letter, county.dept, acting_user=county.office_admin, on=dt.date(2025, 9, 26))
    assert letter.due_on == dt.date(2025, 10, 23)  # the 15th working day (rules.md §1: 20th is 10-30)
    assert letter.status == LetterStatus.ASSIGNED


def test_it_publishes_an_answered_letter_without_personal_data(client, county, letter):
    actions.do_assign_letter(letter, county.dept, acting_user=county.office_admin)
    client.force_login(county.clerk)
    client.post(reverse("mailbox:draft", args=[letter.pk]), {"reply": "已安排维修。如有疑问请拨打0375-5199000。"})
    client.force_login(county.approver)
    client.post(reverse("mailbox:approve", args=[letter.pk]))
    client.force_login(county.office_admin)
    page = client.get(reverse("mailbox:detail", args=[letter.pk])).content.decode()
    assert "13812345678" not in page.split("公开来信和答复")[1]
    version = actions.public_version(MailboxLetter.objects.get(pk=letter.pk))
    client.post(reverse("mailbox:publish", args=[letter.pk]), {"subject": version.subject, "text": version.text, "reply": version.reply})
    letter = MailboxLetter.objects.get(pk=letter.pk)
    assert letter.is_published and letter.status == LetterStatus.ANSWERED
    public = client.get(reverse("mailbox_public:detail", args=[letter.pk])).content.decode()
    for secret in ("张大山", "13812345678", "410425199001011234", "5199000"):
        assert secret not in public
    assert "张**" in public and "村口道路坏了很久" in public and "已安排维修" in public
    assert "村口道路何时维修" in client.get(reverse("mailbox_public:list")).content.decode()
    assert [e.verb for e in history(letter)] == [
        "letter_submitted", "letter_assigned", "reply_drafted", "reply_approved", "letter_published"
    ]


def test_it_refuses_to_publish_without_consent_or_with_a_phone_left(county, db):
    quiet = actions.do_submit_letter(actions.NewLetter("李四", "13900000000", "咨询", "请问低保怎么申请", False))
    for step in (
        lambda x: actions.do_assign_letter(x, county.dept, acting_user=county.office_admin),
        lambda x: actions.do_draft_reply(x, "请到乡镇民政所申请。", acting_user=county.clerk),
        lambda x: actions.do_approve_reply(x, acting_user=county.approver),
    ):
        quiet = step(quiet)
    with pytest.raises(ValidationError, match="未同意公开"):
        actions.do_publish_letter(quiet, acting_user=county.office_admin)
    agreed = MailboxLetter.objects.get(pk=quiet.pk)
    MailboxLetter.objects.filter(pk=agreed.pk).update(agrees_to_publish=True)
    agreed.refresh_from_db()
    edited = actions.PublicVersion("李*", "咨询", "请回电13900000000", "请到乡镇民政所申请。")
    with pytest.raises(ValidationError, match="仍含有"):
        actions.do_publish_letter(agreed, edited, acting_user=county.office_admin)
    assert not MailboxLetter.objects.get(pk=agreed.pk).is_published


def test_it_shows_agencies_only_their_own_letters(client, county, letter):
    other = actions.do_submit_letter(actions.NewLetter("王五", "wang@example.com", "养老补贴", "何时发放", True))
    actions.do_assign_letter(letter, county.dept, acting_user=county.office_admin)
    client.force_login(county.clerk)
    queue = client.get(reverse("mailbox:queue")).content.decode()
    assert "村口道路何时维修" in queue and "养老补贴" not in queue
    assert client.get(reverse("mailbox:detail", args=[other.pk])).status_code == 404
    client.force_login(county.other_agency_clerk)
    assert client.get(reverse("mailbox:detail", args=[letter.pk])).status_code == 404
    assert "村口道路何时维修" not in client.get(reverse("mailbox:queue")).content.decode()
    client.force_login(county.clerk)
    assert client.post(reverse("mailbox:approve", args=[letter.pk])).status_code == 403
    assert client.post(reverse("mailbox:assign", args=[letter.pk]), {"agency": county.other_dept.pk}).status_code == 403
    client.force_login(county.no_role_user)
    assert client.get(reverse("mailbox:queue")).status_code == 403
    client.logout()
    assert client.get(reverse("mailbox_public:detail", args=[letter.pk])).status_code == 404


def test_it_writes_a_letter_on_the_portal(client, db):
    bad = client.post(reverse("mailbox_public:write"), {"writer_name": "赵六", "contact": "12345", "subject": "s", "text": "t"})
    assert "请填写正确的手机号码" in bad.content.decode()
    response = client.post(reverse("mailbox_public:write"), {
        "writer_name": "赵六", "contact": "13700000000", "subject": "路灯不亮", "text": "东街路灯坏了", "agrees_to_publish": "on",
        "captcha_0": "test", "captcha_1": "PASSED",
    })
    assert response.status_code == 302
    letter = MailboxLetter.objects.get()
    assert letter.agrees_to_publish and letter.status == LetterStatus.RECEIVED
    shown = format_code(letter.tracking_code)
    assert shown in client.get(reverse("mailbox_public:sent")).content.decode()
    tracked = client.post(reverse("mailbox_public:track"), {"code": shown}).content.decode()
    assert "待分办" in tracked


def test_it_counts_letters_by_month_and_agency_with_the_on_time_rate(client, county):
    with at(2025, 9, 1):
        a = actions.do_submit_letter(actions.NewLetter("甲", "13700000001", "一", "一", False))
        b = actions.do_submit_letter(actions.NewLetter("乙", "13700000002", "二", "二", False))
        actions.do_assign_letter(a, county.dept, acting_user=county.office_admin)
        actions.do_assign_letter(b, county.dept, acting_user=county.office_admin)
    for x, day in ((a, dt.date(2025, 9, 10)), (b, dt.date(2025, 10, 31))):
        actions.do_draft_reply(x, "答复", acting_user=county.clerk)
        actions.do_approve_reply(x, acting_user=county.approver, on=day)
    with at(2025, 10, 2):
        actions.do_submit_letter(actions.NewLetter("丙", "13700000003", "三", "三", False))
    client.force_login(county.office_admin)
    with at(2025, 11, 5):
        html = client.get(reverse("mailbox:statistics"), {"year": 2025}).content.decode()
    assert '<strong class="total-received">3</strong>' in html
    assert '<strong class="on-time-rate">50.0%</strong>' in html
    assert '<th scope="row">县教育局</th><td class="num">2</td><td class="num">2</td><td class="num">1</td><td class="num">1</td>' in html
    assert '<th scope="row">9月</th><td class="num">2</td>' in html


def test_it_feeds_overdue_letters_to_the_supervision_page(client, county, letter):
    actions.do_assign_letter(letter, county.dept, acting_user=county.office_admin, on=dt.date(2025, 9, 26))
    client.force_login(county.office_admin)
    with at(2025, 10, 27):
        records = client.get(reverse("supervision:records", args=["unanswered_letters"]), {"agency": county.dept.pk})
    assert records.content.decode().count('class="finding"') == 1
