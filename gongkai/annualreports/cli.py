"""`gongkai report build --agency CODE_OR_NAME --year YEAR [--format json|html|docx|pdf] [-o FILE]`.

Called by the `report` management command (annualreports extends reportcheck's) as `build(options, stdout)`.
The report is built from the records as they are now, with the stored text when a
report for that year has been opened (else the first draft).
"""

from __future__ import annotations

import json

from django.core.management.base import CommandError
from django.db.models import Q

from gongkai.agencies.models import Agency
from gongkai.annualreports import rendering
from gongkai.annualreports.building import build as build_report

FORMATS = ("json", "html", "docx", "pdf")


def find_agency(text: str) -> Agency:
    text = (text or "").strip()
    agency = Agency.objects.filter(Q(code=text) | Q(name=text)).first()
    if agency is None:
        raise CommandError(f"没有找到机关“{text}”：请使用机关代码或机关全称。")
    return agency


def build(options: dict, stdout) -> None:
    agency = find_agency(options.get("agency") or "")
    try:
        year = int(options.get("year"))
    except (TypeError, ValueError):
        raise CommandError("请用 --year 给出年度，如 --year 2021。") from None
    fmt = options.get("format") or "json"
    if fmt not in FORMATS:
        raise CommandError(f"不支持的格式“{fmt}”：可选 {', '.join(FORMATS)}。")
    built = build_report(agency, year, options.get("scope") or None, checks=False)
    output = options.get("output")
    if fmt == "json":
        text = json.dumps(built.data, ensure_ascii=False, indent=1) + "\n"
        return _write_text(text, output, stdout)
    if fmt == "html":
        return _write_text(rendering.render_html_page(built.data), output, stdout)
    data = rendering.render_docx(built.data) if fmt == "docx" else rendering.render_pdf(built.data)
    if not output:
        raise CommandError(f"{fmt} 是二进制格式，请用 -o 指定输出文件。")
    with open(output, "wb") as handle:
        handle.write(data)


def _write_text(text: str, output, stdout) -> None:
    if output and output != "-":
        with open(output, "w", encoding="utf-8") as handle:
            handle.write(text)
    else:
        stdout.write(text)
