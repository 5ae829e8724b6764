"""Reading printed documents back, as a reader's viewer would: the fonts a PDF embeds, its
pages as pictures, and a DOCX's page and styles. Used by the tests of every document the
platform makes (reports, letters, forms)."""

from __future__ import annotations

import io
import os
import re
from pathlib import Path

# The faces report.css and the letters' stylesheet name (fonts-noto-cjk).
INTENDED_PDF_FONTS = re.compile(r"^Noto-(Serif|Sans)-CJK-SC(-[A-Za-z]+)?$")


def pdf_font_names(data: bytes) -> set[str]:
    """The base names of the fonts the PDF's text is set in, subset prefixes (ABCDEF+) cut."""
    import pdfplumber

    with pdfplumber.open(io.BytesIO(data)) as pdf:
        names = {char["fontname"] for page in pdf.pages for char in page.chars}
    return {name.split("+", 1)[-1] for name in names}


def unintended_pdf_fonts(data: bytes) -> set[str]:
    return {name for name in pdf_font_names(data) if not INTENDED_PDF_FONTS.match(name)}


def artefacts_dir() -> Path:
    """Where tests leave pictures for a reviewer to look at (never in the repository):
    TEST_ARTEFACTS_DIR, else var/test-artefacts."""
    folder = Path(os.environ.get("TEST_ARTEFACTS_DIR") or Path(__file__).resolve().parents[1] / "var" / "test-artefacts")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def save_pdf_pages(data: bytes, stem: str, resolution: int = 60) -> list[Path]:
    """Each page as a PNG among the test artefacts (pdfplumber draws with pypdfium2)."""
    import pdfplumber

    paths = []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for n, page in enumerate(pdf.pages, 1):
            path = artefacts_dir() / f"{stem}-{n}.png"
            page.to_image(resolution=resolution).save(path)
            paths.append(path)
    return paths
