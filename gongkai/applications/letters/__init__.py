"""The letters of a disclosure application (依申请公开文书), as a pure package.

    from gongkai.applications.letters import LetterFacts, compose, render_docx
    letter = compose("reply", facts, outcome="granted")
    data = render_docx(letter)

Kinds: correction_notice 补正告知书 (条例第三十条), consultation_request 征求意见书
(第三十二条、第三十四条), extension_notice 延期答复告知书 (第三十三条), fee_notice 收费通知书
(第四十二条、国办函〔2020〕109号), reply 答复告知书 (第三十六条至第三十九条; one variant
for each 表三 outcome key, each with the versioned remedy paragraph).

The legal wording is data: templates/<id>.v<N>.toml, locked by LOCKED.sha256. No Django
models, no database; errors are `LetterError` with a Chinese message.
"""

from .compose import ComposedLetter, compose, missing_facts, remedy_variant
from .facts import FeeBasis, LetterError, LetterFacts, LetterKind, WithheldPart
from .render import render_docx, render_html, render_html_document, render_pdf
from .wording import Template, load, template_ids, versions

__all__ = [
    "ComposedLetter",
    "FeeBasis",
    "LetterError",
    "LetterFacts",
    "LetterKind",
    "Template",
    "WithheldPart",
    "compose",
    "load",
    "missing_facts",
    "remedy_variant",
    "render_docx",
    "render_html",
    "render_html_document",
    "render_pdf",
    "template_ids",
    "versions",
]
