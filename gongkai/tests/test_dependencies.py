"""Dependency direction between apps: annualreports may use the checker, never the reverse."""

import re
from pathlib import Path

GONGKAI = Path(__file__).resolve().parents[1]


def imported_modules(folder: Path) -> set[str]:
    found = set()
    for path in folder.rglob("*.py"):
        for line in path.read_text(encoding="utf-8").splitlines():
            match = re.match(r"\s*(?:from|import)\s+(gongkai\.[\w.]+)", line)
            if match:
                found.add(match.group(1))
    return found


def test_reportcheck_does_not_import_annualreports():
    assert not [m for m in imported_modules(GONGKAI / "reportcheck") if m.startswith("gongkai.annualreports")]


def test_the_report_format_imports_nothing_of_the_platform():
    outside = [m for m in imported_modules(GONGKAI / "reportformat")
               if not m.startswith("gongkai.reportformat")]
    assert outside == []
