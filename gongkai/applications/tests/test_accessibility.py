"""The applicant's pages for keyboard and screen-reader users: every aria-describedby
points at an element that exists, every field has a label, and a form with errors
opens with a summary (focused by error-summary.js) linking to each field."""

import datetime as dt
import re

import pytest
from django.urls import reverse

from gongkai.applications import actions as a

pytestmark = pytest.mark.django_db


def assert_described_by_real_ids(page: str) -> None:
    ids = set(re.findall(r'\bid="([^"]+)"', page))
    for value in re.findall(r'aria-describedby="([^"]+)"', page):
        for target in value.split():
            assert target in ids, f"aria-describedby points at missing #{target}"


def assert_fields_labelled(page: str) -> None:
    labelled = set(re.findall(r'<label[^>]*for="([^"]+)"', page))
    for tag in re.findall(r"<(?:input|select|textarea)\b[^>]*>", page):
        if re.search(r'type="(hidden|submit|radio|checkbox)"', tag):
            continue
        field_id = re.search(r'\sid="([^"]+)"', tag)
        assert field_id and field_id.group(1) in labelled, f"no label for {tag}"


def assert_summary_links_fields(page: str) -> None:
    assert "data-error-summary" in page and 'tabindex="-1"' in page
    assert "applications/error-summary.js" in page
    ids = set(re.findall(r'\bid="([^"]+)"', page))
    summary = page[page.index("data-error-summary"):]
    summary = summary[: summary.index("</div>")]
    for target in re.findall(r'href="#([^"]+)"', summary):
        assert target in ids


def test_the_application_form_with_errors(client, county):
    page = client.post(reverse("applications_public:apply"), {"name": "", "idempotency_key": "k"}).content.decode()
    assert_described_by_real_ids(page)
    assert_fields_labelled(page)
    assert_summary_links_fields(page)


def test_the_tracking_page_and_the_answer_form(client, county, register):
    application = register(received_on=dt.date(2025, 12, 1))
    a.do_request_correction(application, on=dt.date(2025, 12, 2), items="请写明学年",
                            answer_by=dt.date(2025, 12, 20), acting_user=county.clerk)
    wrong = client.post(reverse("applications_public:track"), {"code": "", "phone_last4": "1"}).content.decode()
    assert_described_by_real_ids(wrong)
    assert_summary_links_fields(wrong)
    client.post(reverse("applications_public:track"), {"code": application.tracking_code, "phone_last4": "5678"})
    page = client.post(reverse("applications_public:track_answer"), {"text": ""}).content.decode()
    assert_described_by_real_ids(page)
    assert_fields_labelled(page)
    assert_summary_links_fields(page)
    withdraw = client.post(reverse("applications_public:track_withdraw"), {}).content.decode()
    assert_described_by_real_ids(withdraw)
    assert_summary_links_fields(withdraw)
