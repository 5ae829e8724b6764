"""Rich text from staff is cleaned before it is stored, so a pasted script or
event handler never reaches a citizen's browser."""

import html
import re
from urllib.parse import urlsplit

import nh3
from django.conf import settings

ALLOWED_TAGS = {
    "p", "br", "strong", "b", "em", "i", "u", "s", "sub", "sup", "span", "div",
    "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote", "pre", "code", "hr",
    "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption", "colgroup", "col",
    "a", "img", "figure", "figcaption",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "width", "height"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
    "col": {"span"},
}
# No "style" or "on*" attributes anywhere: inline styles break layouts, handlers run code.


def clean_html(value: str) -> str:
    """Keep the document's structure, drop everything that could run or track."""
    return nh3.clean(
        value or "",
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
        attribute_filter=_same_site_images,
    )


def _same_site_images(element: str, attribute: str, value: str) -> str | None:
    """An image from another site is a tracking pixel: every reader's visit would be
    reported to it (个人信息保护法). Only images of this site keep their source."""
    if element == "img" and attribute == "src" and not is_same_site(value):
        return None
    return value


def is_same_site(url: str) -> bool:
    parts = urlsplit(url.strip())
    if not parts.scheme and not parts.netloc:
        return True  # a relative address: this site
    site = urlsplit(settings.SITE_ROOT)
    return parts.scheme in ("http", "https") and parts.netloc.lower() == site.netloc.lower()


_TAG = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"\s+")


def html_to_text(value: str) -> str:
    """Plain text of a cleaned HTML body, for search and summaries."""
    return _SPACE.sub(" ", html.unescape(_TAG.sub(" ", value or ""))).strip()
