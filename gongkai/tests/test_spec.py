"""The specification lives in the repository (docs/spec/), and the code's citations of it resolve.

When the brief's copy beside the checkout (../shared/spec/) changes, docs/spec/ follows in
the same change as the code: this test fails until it does.
"""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "docs" / "spec"
BRIEF = ROOT.parent / "shared" / "spec"
CITATION = re.compile(r"rules\.md §(\d+)")


def _sections() -> set[str]:
    text = (SPEC / "rules.md").read_text(encoding="utf-8")
    return set(re.findall(r"^## (\d+)\.", text, re.M))


def _cited() -> dict[str, list[str]]:
    cited: dict[str, list[str]] = {}
    for path in (ROOT / "gongkai").rglob("*"):
        if path.suffix not in {".py", ".toml", ".html", ".md"} or "migrations" in path.parts:
            continue
        for number in CITATION.findall(path.read_text(encoding="utf-8")):
            cited.setdefault(number, []).append(str(path.relative_to(ROOT)))
    return cited


def test_every_rules_section_the_code_cites_exists():
    cited = _cited()
    assert cited, "no citations found: the pattern no longer matches the code"
    dangling = {number: files for number, files in cited.items() if number not in _sections()}
    assert dangling == {}


@pytest.mark.skipif(not BRIEF.is_dir(), reason="no brief checked out beside the repository")
@pytest.mark.parametrize("name", ["rules.md", "interfaces.md", "annual-report-json.md", "seed-expected.json"])
def test_the_repository_copy_of_the_spec_is_current(name):
    assert (SPEC / name).read_bytes() == (BRIEF / name).read_bytes(), f"docs/spec/{name} is behind ../shared/spec/"


def test_the_readme_links_only_to_files_inside_the_repository():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for target in re.findall(r"\]\(([^)#]+)\)", readme):
        if target.startswith(("http://", "https://")):
            continue
        resolved = (ROOT / target).resolve()
        assert resolved.is_relative_to(ROOT), f"README links outside the repository: {target}"
        assert resolved.exists(), f"README links to a missing file: {target}"
