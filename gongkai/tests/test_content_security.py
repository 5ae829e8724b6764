"""Issue 9, finding 12 (the parts about what pages load): /api/v1/docs from the platform
itself, and a Content-Security-Policy that every template keeps to."""

import re
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders

from gongkai.portal.tests.browser import log_in

GONGKAI = Path(__file__).resolve().parents[1]
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/(?:ld\+)?json\")[^>]*>", re.I)
STYLE_WITHOUT_NONCE = re.compile(r"<style(?![^>]*\bnonce=)[^>]*>", re.I)
HANDLER_OR_STYLE_ATTRIBUTE = re.compile(r"<[a-z][^>]*\s(?:on[a-z]+|style)\s*=", re.I)


def test_finding_12_the_api_docs_load_their_scripts_from_the_platform_itself(client):
    page = client.get("/api/v1/docs").content.decode()

    assets = re.findall(r'(?:src|href)="([^"]+)"', page)
    assert any(a.endswith("swagger-ui-bundle.js") for a in assets)
    for asset in assets:
        assert asset.startswith("/static/"), asset
        assert finders.find(asset.removeprefix("/static/")), f"{asset} is not among the platform's static files"
    assert "cdn" not in page.lower()


def test_the_vendored_swagger_ui_carries_its_licence():
    folder = GONGKAI / "api" / "static" / "gongkai" / "vendor" / "swagger-ui"
    assert "Apache License" in (folder / "LICENSE").read_text(encoding="utf-8")


def test_finding_12_every_page_carries_a_content_security_policy(client, db):
    policy = client.get("/")["Content-Security-Policy"]

    assert "default-src 'self'" in policy
    assert "script-src 'self'" in policy and "style-src 'self'" in policy
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert "frame-ancestors 'none'" in policy


def test_a_pages_own_style_block_carries_the_nonce_of_its_policy(client, county):
    client.force_login(county.office_admin)
    response = client.get("/staff/supervision/qr/")

    [nonce] = re.findall(r"style-src 'self' 'nonce-([^']+)'", response["Content-Security-Policy"])
    assert f'<style nonce="{nonce}">' in response.content.decode()


def test_no_template_has_inline_script_handler_or_style_that_the_policy_would_block():
    templates = [p for p in GONGKAI.rglob("templates/**/*.html") if "golden" not in p.parts]
    assert templates
    offending = []
    for path in templates:
        text = path.read_text(encoding="utf-8")
        # The standalone report document is printed to PDF or saved by the CLI, never served.
        if path.name == "report_document.html":
            continue
        for pattern in (INLINE_SCRIPT, STYLE_WITHOUT_NONCE, HANDLER_OR_STYLE_ATTRIBUTE):
            offending += [f"{path.relative_to(GONGKAI)}: {m.group(0)[:60]}" for m in pattern.finditer(text)]
    assert offending == []


def _csp_violations(page):
    messages = []
    page.on("console", lambda m: messages.append(m.text) if "Content Security Policy" in m.text else None)
    return messages


@pytest.mark.browser
def test_finding_12_swagger_ui_runs_under_the_policy_in_chromium(browser_page):
    violations = _csp_violations(browser_page)
    browser_page.goto("/api/v1/docs")

    browser_page.locator(".swagger-ui .info .title").wait_for()
    assert "政府信息公开平台 API" in browser_page.locator(".swagger-ui .info .title").text_content()
    assert browser_page.locator(".opblock").count() > 3
    assert violations == []


@pytest.mark.browser
def test_a_filter_that_submits_on_change_still_works_under_the_policy(browser_page, county):
    violations = _csp_violations(browser_page)
    log_in(browser_page, county.clerk.username)
    browser_page.goto("/staff/appeals/")

    browser_page.get_by_label("类别").select_option("reconsideration")

    browser_page.wait_for_url(re.compile(r"kind=reconsideration"))
    assert violations == []
