"""English and jargon stay out of the UI: event histories read in Chinese, forms use
Chinese punctuation and say 「请选择」, people are listed by their names."""

import re
from pathlib import Path

import pytest
from django.urls import reverse

from gongkai.appeals.models import EVENT_LABELS as APPEAL_LABELS
from gongkai.applications.models import EVENT_LABELS as APPLICATION_LABELS
from gongkai.mailbox import actions as mailbox_actions
from gongkai.mailbox.models import EVENT_LABELS as MAILBOX_LABELS
from gongkai.publishing.actions import EVENT_LABELS as PUBLISHING_LABELS

APPS = Path(__file__).resolve().parents[1]
RECORDED = re.compile(r'\b(?:record|_change)\(\s*\w+,\s*"([a-z_]+)"')


@pytest.mark.parametrize("app, labels", [
    ("mailbox", MAILBOX_LABELS), ("appeals", APPEAL_LABELS),
    ("applications", APPLICATION_LABELS), ("publishing", PUBLISHING_LABELS),
])
def test_every_event_an_app_records_has_a_chinese_label(app, labels):
    verbs = {v for path in (APPS / app).glob("*.py") for v in RECORDED.findall(path.read_text(encoding="utf-8"))}
    assert verbs, f"no recorded verbs found in {app}: the pattern no longer matches"
    assert verbs - set(labels) == set()


@pytest.mark.django_db
def test_the_mailbox_history_reads_in_chinese(client, county):
    letter = mailbox_actions.do_submit_letter(
        mailbox_actions.NewLetter("张大山", "13812345678", "村口道路何时维修", "村口道路坏了。", agrees_to_publish=False))
    mailbox_actions.do_assign_letter(letter, county.dept, acting_user=county.office_admin)
    client.force_login(county.office_admin)

    page = client.get(reverse("mailbox:detail", args=[letter.pk])).content.decode()
    history = page.split("办理记录")[1]

    assert "来信提交" in history and "分办到承办机关（→ 办理中）" in history
    assert not re.search(r"letter_|reply_|assigned", history)


@pytest.mark.django_db
def test_staff_forms_use_chinese_colons_and_say_please_choose(county, client):
    client.force_login(county.office_admin)

    html = client.get(reverse("appeals:new")).content.decode()

    assert "：</label>" in html and ":</label>" not in html
    assert "---------" not in html
