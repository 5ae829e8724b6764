"""Every kind of PDF the platform makes embeds only the intended Simplified-Chinese faces
(read back from the PDF): the annual report and each reply letter. A renderer that asks for
a face the machine lacks, or lets the CSS be escaped, falls back to Japanese glyph shapes or
another face's digits; this catches it. Page pictures go to the test artefacts."""

import pytest

from gongkai.annualreports.rendering import render_pdf as render_report_pdf
from gongkai.annualreports.tests.test_rendering import seed_report
from gongkai.applications.letters import render_pdf as render_letter_pdf
from gongkai.applications.tests.test_letters import CASES, composed
from gongkai.printcheck import pdf_font_names, save_pdf_pages, unintended_pdf_fonts


def test_the_annual_report_pdf_uses_only_the_sc_faces():
    pdf = render_report_pdf(seed_report())
    assert pdf_font_names(pdf) and unintended_pdf_fonts(pdf) == set()


@pytest.mark.parametrize("case", CASES)
def test_each_letter_pdf_uses_only_the_sc_faces(case):
    pdf = render_letter_pdf(composed(case))
    save_pdf_pages(pdf, f"letter-{case}", resolution=40)
    assert pdf_font_names(pdf) and unintended_pdf_fonts(pdf) == set()
