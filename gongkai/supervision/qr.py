"""QR codes as inline SVG for the 政务公开专区 sheets.

Drawn by `segno` (pure Python, well kept) when it is installed; without it the sheet
prints the addresses as text and says why. No hand-written encoder (the brief).
"""

from __future__ import annotations

import io


def qr_available() -> bool:
    try:
        import segno  # noqa: F401
    except ImportError:
        return False
    return True


def qr_svg(url: str, *, title: str = "") -> str | None:
    """An SVG element (no XML declaration) encoding `url`, or None without segno. It has a
    viewBox and no size, so the sheet's CSS sets its printed size (45 mm)."""
    try:
        import segno
    except ImportError:
        return None
    code = segno.make(url, error="m", micro=False)
    buffer = io.BytesIO()
    code.save(buffer, kind="svg", scale=4, border=2, xmldecl=False, svgns=True,
              title=title or None, svgclass="qr", lineclass=None, omitsize=True)
    return buffer.getvalue().decode("utf-8")
