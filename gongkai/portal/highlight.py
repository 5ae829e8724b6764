"""Search snippets: a window of text around the first hit, hits wrapped in <mark>.

Pure functions on plain strings; everything that is not a <mark> tag is escaped.
"""

import re
from html import escape

from django.utils.safestring import SafeString, mark_safe


def terms_pattern(terms: list[str]) -> re.Pattern | None:
    """One case-insensitive pattern matching any of the terms, longest first."""
    terms = sorted({t for t in terms if t}, key=len, reverse=True)
    if not terms:
        return None
    return re.compile("|".join(re.escape(t) for t in terms), re.IGNORECASE)


def highlight(text: str, pattern: re.Pattern | None) -> SafeString:
    """`text` escaped, with every match of `pattern` in <mark>."""
    if pattern is None:
        return mark_safe(escape(text))
    out, last = [], 0
    for match in pattern.finditer(text):
        out.append(escape(text[last : match.start()]))
        out.append(f"<mark>{escape(match.group())}</mark>")
        last = match.end()
    out.append(escape(text[last:]))
    return mark_safe("".join(out))


def snippet(text: str, pattern: re.Pattern | None, width: int = 120) -> SafeString:
    """About `width` characters of `text` around its first match, highlighted."""
    text = text or ""
    match = pattern.search(text) if pattern is not None else None
    start = max(0, match.start() - width // 3) if match else 0
    end = min(len(text), start + width)
    piece = highlight(text[start:end], pattern)
    before = "…" if start > 0 else ""
    after = "…" if end < len(text) else ""
    return mark_safe(f"{before}{piece}{after}")
