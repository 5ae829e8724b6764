"""The finish a county puts its name on, checked in real Chromium on the demo county:
axe-core (vendored, gongkai/tests/vendor/) finds no WCAG 2.1 A/AA violation on any public
page or the main staff pages; aria-describedby points only at ids that exist; printed pages
drop the navigation and carry their address; screenshots at desktop and 390 px are left
among the test artefacts (gongkai/printcheck.artefacts_dir) for a reviewer."""

from pathlib import Path

import pytest

from gongkai.printcheck import artefacts_dir

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

AXE = (Path(__file__).parent / "vendor" / "axe.min.js").read_text(encoding="utf-8")
WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def public_pages():
    from gongkai.agencies.models import Agency
    from gongkai.annualreports.models import AnnualReport, ReportStatus
    from gongkai.mailbox.models import MailboxLetter
    from gongkai.portal.queries import published_items
    from gongkai.services.models import ServiceItem

    county = Agency.objects.get(parent=None)
    item = published_items().order_by("-published_on").first()
    pages = {
        "home": "/", "items": "/items/", "item": f"/items/{item.pk}/", "search": "/search/?q=教育",
        "agency": f"/agencies/{county.code}/", "guide": f"/agencies/{county.code}/guide/",
        "rules": f"/agencies/{county.code}/rules/", "apply": "/apply/", "track": "/track/",
        "mailbox": "/mailbox/", "mailbox-write": "/mailbox/write/", "mailbox-track": "/mailbox/track/",
        "services": "/services/", "reports": "/reports/",
    }
    report = AnnualReport.objects.filter(status=ReportStatus.PUBLISHED).select_related("agency").first()
    pages["report"] = f"/reports/{report.agency.code}/{report.year}/"
    letter = next((letter for letter in MailboxLetter.objects.all() if letter.is_published), None)
    if letter is not None:  # the demo's published letters (demo content, point 7)
        pages["mailbox-letter"] = f"/mailbox/{letter.pk}/"
    service = ServiceItem.objects.first()
    if service is not None:
        pages["service"] = f"/services/{service.pk}/"
    return pages


STAFF_PAGES = ["/staff/", "/staff/publishing/", "/staff/applications/", "/staff/mailbox/", "/staff/appeals/",
               "/staff/reports/", "/staff/supervision/", "/staff/publishing/new/?agency=jiaxian"]


def axe_violations(page) -> list[str]:
    page.add_script_tag(content=AXE)
    result = page.evaluate("(tags) => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_AA)
    return [f"{v['id']}: {v['help']} ({len(v['nodes'])}× e.g. {v['nodes'][0]['target']})" for v in result["violations"]]


def dangling_describedby(page) -> list[str]:
    return page.evaluate("""() => [...document.querySelectorAll('[aria-describedby]')].flatMap(el =>
        el.getAttribute('aria-describedby').split(/\\s+/).filter(id => id && !document.getElementById(id))
          .map(id => `${el.id || el.name}→${id}`))""")


@pytest.fixture
def axe_page(chromium, live_server):
    """A page for the accessibility checks. axe-core is injected by the test, not served
    by the site, and the site's Content-Security-Policy (tested on its own in
    test_content_security.py) rightly refuses injected script: bypassed here only."""
    context = chromium.new_context(base_url=live_server.url, locale="zh-CN", bypass_csp=True)
    context.set_default_timeout(10_000)
    yield context.new_page()
    context.close()


@pytest.fixture
def demo(transactional_db):
    from gongkai.demo.loader import load_demo

    load_demo(item_count=20)


def test_public_and_staff_pages_have_no_wcag_violations(demo, axe_page):
    from gongkai.demo.county import DEMO_PASSWORD

    page = axe_page
    found = {}
    for path in public_pages().values():
        page.goto(path)
        problems = axe_violations(page) + [f"aria-describedby → missing id {d}" for d in dangling_describedby(page)]
        if problems:
            found[path] = problems
    page.goto("/staff/login/")
    page.get_by_label("用户名").fill("xianfu_clerk")
    page.get_by_label("密码").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="登录").click()
    for path in STAFF_PAGES:
        response = page.goto(path)
        if response.status != 200:
            continue
        problems = axe_violations(page) + [f"aria-describedby → missing id {d}" for d in dangling_describedby(page)]
        if problems:
            found[path] = problems
    assert found == {}, "\n".join(f"{p}: {v}" for p, vs in found.items() for v in vs)


def test_printed_pages_drop_the_navigation_and_carry_their_address(demo, browser_page):
    page = browser_page
    page.goto("/items/")
    page.emulate_media(media="print")

    assert not page.locator(".site-nav").is_visible()
    assert page.locator(".site-title").is_visible()
    after = page.evaluate("getComputedStyle(document.body, '::after').content")
    assert "本页网址：" in after and page.url in after


@pytest.mark.parametrize("width", [1280, 390])
def test_screenshots_for_review(demo, browser_page, width):
    page = browser_page
    page.set_viewport_size({"width": width, "height": 900})
    pages = public_pages()
    for name in ("home", "item", "apply", "track", "report"):
        if name not in pages:
            continue
        page.goto(pages[name])
        # Usable at this width: the page itself never scrolls sideways.
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1"), (name, width)
        page.screenshot(path=str(artefacts_dir() / f"{name}-{width}.png"), full_page=True)


def test_elder_mode_switches_on_every_public_page_and_is_remembered(demo, axe_page):
    page = axe_page
    page.goto("/")
    normal = page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)")

    page.get_by_role("button", name="适老化模式").click()
    assert page.get_by_role("button", name="退出适老化").get_attribute("aria-pressed") == "true"

    for path in ("/items/", "/apply/", "/mailbox/write/"):
        page.goto(path)
        larger = page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)")
        assert larger >= normal * 1.25, path
        assert page.get_by_role("button", name="退出适老化").is_visible(), path
    assert axe_violations(page) == []

    page.get_by_role("button", name="退出适老化").click()
    page.goto("/")
    assert page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)") == normal
