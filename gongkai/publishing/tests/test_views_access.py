"""Every role against every staff page of proactive disclosure.

An item of 县教育局 is prepared in the state each page acts on. 302 on a workflow
POST means the step was taken (the item is checked to have moved); 404 means the
user may not know the item exists; 403 means they see it but their role may not act.
"""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from gongkai.publishing.actions import (
    do_add_attachment,
    do_create_item,
    do_pass_review,
    do_publish_item,
    do_submit_item,
)
from gongkai.publishing.models import CatalogueNode, InformationItem

from .test_attachments import PDF

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "no_role_user", "other_agency_clerk", "clerk", "reviewer", "approver", "office_admin"]

# page: (method, url name, state of the item, expected code for each role in ROLES order)
LOGIN = 302
PAGES = {
    "list": ("get", "list", None, [LOGIN, 403, 200, 200, 200, 200, 200]),
    "create": ("get", "create", None, [LOGIN, 403, 200, 200, 403, 403, 403]),
    "detail": ("get", "detail", "draft", [LOGIN, 403, 404, 200, 200, 200, 200]),
    "edit": ("get", "edit", "draft", [LOGIN, 403, 404, 200, 403, 403, 403]),
    "submit": ("post", "submit", "draft", [LOGIN, 403, 404, 302, 403, 403, 403]),
    "pass_review": ("post", "pass_review", "in_review", [LOGIN, 403, 404, 403, 302, 403, 403]),
    "publish": ("post", "publish", "awaiting_approval", [LOGIN, 403, 404, 403, 403, 302, 403]),
    "return_in_review": ("post", "return", "in_review", [LOGIN, 403, 404, 403, 302, 403, 403]),
    "return_awaiting": ("post", "return", "awaiting_approval", [LOGIN, 403, 404, 403, 403, 302, 403]),
    "withdraw": ("post", "withdraw", "draft", [LOGIN, 403, 404, 403, 403, 302, 403]),
    "validity": ("post", "validity", "published", [LOGIN, 403, 404, 302, 403, 302, 403]),
    "attachment_add": ("post", "attachment_add", "draft", [LOGIN, 403, 404, 302, 403, 403, 403]),
    "attachment": ("get", "attachment", "draft", [LOGIN, 403, 404, 200, 200, 200, 200]),
    "review_queue": ("get", "review_queue", None, [LOGIN, 403, 200, 200, 200, 200, 200]),
    "approval_queue": ("get", "approval_queue", None, [LOGIN, 403, 200, 200, 200, 200, 200]),
    "deadlines": ("get", "deadlines", None, [LOGIN, 403, 200, 200, 200, 200, 200]),
    "catalogue": ("get", "catalogue", None, [LOGIN, 403, 200, 200, 200, 200, 200]),
    # other_agency_clerk may extend only their own agency's column: 县教育局 is not a choice.
    "catalogue_add": ("post", "catalogue", None, [LOGIN, 403, 400, 302, 403, 302, 302]),
}

# What a successful POST leaves behind, as the user would see it.
MOVED_TO = {
    "submit": "in_review", "pass_review": "awaiting_approval", "publish": "published",
    "return_in_review": "returned", "return_awaiting": "returned", "withdraw": "withdrawn",
}

CASES = [(page, role, expected[i]) for page, (_, _, _, expected) in PAGES.items() for i, role in enumerate(ROLES)]


def _item_in(state, county):
    node = CatalogueNode.objects.get(code="policy-documents")
    item = do_create_item(county.dept, {"node": node, "title": "开学通知"}, acting_user=county.clerk)
    do_add_attachment(item, SimpleUploadedFile("名单.pdf", PDF), acting_user=county.clerk)
    if state in ("in_review", "awaiting_approval", "published"):
        do_submit_item(item, acting_user=county.clerk)
    if state in ("awaiting_approval", "published"):
        do_pass_review(item, acting_user=county.reviewer)
    if state == "published":
        do_publish_item(item, acting_user=county.approver)
    return item


def _post_data(page, county):
    if page.startswith("return"):
        return {"reason": "请补充附件"}
    if page == "withdraw":
        return {"withdraw-reason": "不再需要"}
    if page == "validity":
        return {"validity": "expired", "on": "2099-01-01"}
    if page == "attachment_add":
        return {"file": SimpleUploadedFile("表.pdf", PDF)}
    if page == "catalogue_add":
        return {"agency": county.dept.pk, "parent": CatalogueNode.objects.get(code="licensing").pk, "name": "教师资格"}
    return {}


@pytest.mark.parametrize("page,role,expected", CASES)
def test_access_matrix(page, role, expected, county, client):
    method, name, state, _ = PAGES[page]
    kwargs = {}
    item = None
    if state:
        item = _item_in(state, county)
        kwargs["pk"] = item.pk
        if name == "attachment":
            kwargs["attachment_pk"] = item.attachments.get().pk
    if role != "anonymous":
        client.force_login(getattr(county, role))

    url = reverse(f"publishing:{name}", kwargs=kwargs)
    response = client.post(url, _post_data(page, county)) if method == "post" else client.get(url)

    assert response.status_code == expected
    if role == "anonymous":
        assert response["Location"].startswith("/staff/login/")
    done = expected == 302 and role != "anonymous"
    if item is not None and page in MOVED_TO:
        assert (InformationItem.objects.get(pk=item.pk).status == MOVED_TO[page]) == done
    if item is not None and page == "validity":
        assert (InformationItem.objects.get(pk=item.pk).validity == "expired") == done
    if item is not None and page == "attachment_add":
        assert item.attachments.count() == (2 if done else 1)
    if page == "catalogue_add":
        assert CatalogueNode.objects.filter(name="教师资格").exists() == done
