"""No link a user cannot follow: for every demo role, crawl every link reachable from the
staff home (inside /staff/) and every one answers 200 — a link to a page that refuses the
person (403) or does not exist (404) is a defect of the page that shows it."""

import re
from urllib.parse import urljoin, urlsplit

import pytest

from gongkai.demo import county as demo_data
from gongkai.demo.loader import load_demo

HREF = re.compile(r'href="([^"#]*)"')
# Downloads and exports answer 200 too, but are files, not pages with links.
MAX_PAGES = 400


def crawl(client, start: str = "/staff/") -> dict[str, tuple[int, str]]:
    """Every /staff/ page reachable from `start` by GET links: url → (status, the page it was linked from)."""
    seen: dict[str, tuple[int, str]] = {}
    queue = [(start, "")]
    while queue and len(seen) < MAX_PAGES:
        url, source = queue.pop(0)
        if url in seen:
            continue
        response = client.get(url)
        seen[url] = (response.status_code, source)
        if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
            continue
        for href in HREF.findall(response.content.decode()):
            target = urljoin(url, href.replace("&amp;", "&"))
            parts = urlsplit(target)
            if parts.netloc or not parts.path.startswith("/staff/") or parts.path.startswith("/staff/logout"):
                continue
            link = parts.path + (f"?{parts.query}" if parts.query else "")
            if link not in seen:
                queue.append((link, url))
    return seen


@pytest.fixture
def demo(db):
    load_demo(item_count=20)


# One demo log-in per kind of role set (and a township), so every role is crawled.
ROLE_SETS = {}
for _username, _name, _agency, _roles in demo_data.STAFF:
    ROLE_SETS.setdefault((_agency == "jiaxian", _roles), _username)


@pytest.mark.parametrize("username", sorted(ROLE_SETS.values()))
def test_every_link_from_the_staff_home_opens(demo, client, username):
    from django.contrib.auth import get_user_model

    client.force_login(get_user_model().objects.get(username=username))

    pages = crawl(client)

    broken = {url: found for url, found in pages.items() if found[0] != 200}
    assert len(pages) > 5
    assert broken == {}, f"{username}: links that do not open: {broken}"
