"""The README and the settings documentation are part of the contract: keep them true."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_every_setting_read_from_the_environment_is_documented():
    source = (ROOT / "gongkai" / "settings.py").read_text(encoding="utf-8")
    used = set(re.findall(r'env(?:str|bool|int)\("([A-Z_]+)"', source))
    documented = set(re.findall(r"^\| `([A-Z_]+)` \|", (ROOT / "docs" / "settings.md").read_text(encoding="utf-8"), re.M))
    assert used, "no settings found: the pattern no longer matches settings.py"
    assert used - documented == set()


def test_the_readme_promises_exactly_the_two_setup_commands_that_exist():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    for target in ("run", "test", "bench"):
        assert f"make {target}" in readme
        assert re.search(rf"^{target}:", makefile, re.M), f"make {target} is in the README but not in the Makefile"


def test_ci_runs_the_readme_test_command_on_both_databases():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert ci.count("make test") == 2
    assert "DATABASE_URL=postgres://" in ci
    assert "makemigrations --check" in ci


def test_every_locked_dependency_is_pinned():
    text = (ROOT / "requirements.lock").read_text()
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    assert lines and all(re.match(r"^[A-Za-z0-9_.\-\[\]]+==[\w.\-+]+$", line) for line in lines)
