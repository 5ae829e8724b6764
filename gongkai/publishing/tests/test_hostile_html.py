import pytest

from gongkai.publishing.actions import do_update_item

pytestmark = pytest.mark.django_db

HOSTILE = (
    '<p onclick="steal()">正文<script>alert("x")</script></p>'
    '<img src="x" onerror="alert(1)" alt="图">'
    '<a href="javascript:alert(1)">点我</a>'
    '<a href="https://www.gov.cn/">中国政府网</a>'
    '<iframe src="https://evil.example/"></iframe>'
    '<p style="position:fixed">样式</p>'
)


def test_it_strips_scripts_handlers_and_javascript_links_from_a_body(county, draft):
    item = draft(body=HOSTILE)
    body = item.body.lower()
    assert "<script" not in body and "alert(\"x\")" not in body
    assert "onerror" not in body and "onclick" not in body
    assert "javascript:" not in body
    assert "<iframe" not in body and "style=" not in body
    # What a citizen should still see is kept.
    assert '<a href="https://www.gov.cn/" rel="noopener noreferrer">中国政府网</a>' in item.body
    assert "正文" in item.body and 'alt="图"' in item.body


def test_an_edit_is_cleaned_too(county, draft):
    item = do_update_item(draft(), {"body": '<p>好</p><script>bad()</script>'}, acting_user=county.clerk)
    assert item.body == "<p>好</p>"
    assert item.body_text == "好"
