"""Government intranets have no internet: nothing may be fetched from outside."""

import re
from pathlib import Path

from django.urls import reverse

from gongkai.portal.tests.factories import make_item

PORTAL = Path(__file__).resolve().parents[1]
# src/href/url() to another host, or a protocol-relative one.
EXTERNAL = re.compile(r"""(?:src|href|action)\s*=\s*["'](?:https?:)?//|url\(\s*["']?(?:https?:)?//|@import\s+["']?(?:https?:)?//""", re.I)


def test_no_static_file_or_template_loads_anything_from_outside():
    files = [p for p in PORTAL.rglob("*") if p.suffix in (".html", ".css", ".js") and p.is_file()]
    assert files
    for path in files:
        text = path.read_text(encoding="utf-8", errors="replace")
        assert not EXTERNAL.search(text), path


def test_no_rendered_page_loads_anything_from_outside(client, county):
    item = make_item(county.dept)
    for url in (reverse("portal:home"), reverse("portal:items"), reverse("portal:item", args=[item.pk]),
                reverse("portal:agency", args=[county.dept.code]), reverse("portal:search") + "?q=低保"):
        html = client.get(url).content.decode()
        assert not EXTERNAL.search(html), url
        for asset in re.findall(r'(?:src|href)="([^"]+\.(?:css|js))"', html):
            assert asset.startswith("/static/"), asset
