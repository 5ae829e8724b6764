"""Basics a screen-reader or keyboard user notices on every public page."""

import re
from html.parser import HTMLParser

import pytest
from django.urls import reverse

from gongkai.portal.tests.factories import attach, make_item


class Outline(HTMLParser):
    def __init__(self):
        super().__init__()
        self.headings, self.inputs, self.labels, self.landmarks, self.html_lang = [], [], set(), set(), None
        self.th_without_scope = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.html_lang = attrs.get("lang")
        if re.fullmatch(r"h[1-6]", tag):
            self.headings.append(int(tag[1]))
        if tag in ("input", "select", "textarea") and attrs.get("type") not in ("hidden", "submit"):
            self.inputs.append(attrs)
        if tag == "label" and attrs.get("for"):
            self.labels.add(attrs["for"])
        if tag in ("main", "nav", "header", "footer"):
            self.landmarks.add(tag)
        if tag == "th" and "scope" not in attrs:
            self.th_without_scope += 1


@pytest.fixture
def pages(county):
    item = make_item(county.dept, title="低保标准公示")
    attach(item)
    return [
        reverse("portal:home"),
        reverse("portal:agency", args=[county.dept.code]),
        reverse("portal:guide", args=[county.dept.code]),
        reverse("portal:rules", args=[county.dept.code]),
        reverse("portal:items"),
        reverse("portal:item", args=[item.pk]),
        reverse("portal:search"),
        reverse("portal:search") + "?q=低保",
    ]


def test_every_public_page_has_the_basics(client, pages):
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        outline = Outline()
        outline.feed(response.content.decode())
        assert outline.html_lang == "zh-CN", url
        assert outline.headings.count(1) == 1, url
        assert outline.headings[0] == 1, url
        # Headings go down one level at a time.
        for before, after in zip(outline.headings, outline.headings[1:], strict=False):
            assert after <= before + 1, (url, outline.headings)
        for field in outline.inputs:
            assert field.get("id") in outline.labels, (url, field)
        assert {"main", "nav", "header", "footer"} <= outline.landmarks, url
        assert outline.th_without_scope == 0, url


def test_focus_is_visible_in_the_stylesheet():
    from django.contrib.staticfiles import finders

    css = open(finders.find("gongkai/site.css"), encoding="utf-8").read()
    assert ":focus" in css and "outline: 3px" in css
