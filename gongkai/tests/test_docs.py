"""The README and the settings documentation are part of the contract: keep them true."""

import re
import subprocess
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


def test_the_readme_links_only_to_files_inside_the_repository():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    targets = re.findall(r"\]\(([^)#]+)\)", readme)
    assert targets
    for target in targets:
        assert not re.match(r"^[a-z]+://", target), target
        path = (ROOT / target).resolve()
        assert path.is_relative_to(ROOT) and path.exists(), target


def _make_dry_run(target: str, **variables: str) -> str:
    args = [f"{k}={v}" for k, v in variables.items()]
    done = subprocess.run(["make", "-n", "-C", str(ROOT), *args, target], capture_output=True, text=True, check=True)
    return done.stdout


def test_make_test_and_make_run_check_the_machine_before_anything_needs_it():
    test_steps = _make_dry_run("test").splitlines()
    check = next(i for i, s in enumerate(test_steps) if "gongkai.prerequisites chromium fonts" in s)
    assert check < next(i for i, s in enumerate(test_steps) if "pytest" in s)
    run_steps = _make_dry_run("run").splitlines()
    check = next(i for i, s in enumerate(run_steps) if "gongkai.prerequisites fonts" in s)
    assert check < next(i for i, s in enumerate(run_steps) if "gunicorn" in s)


def test_make_creates_the_var_dir_it_is_given(tmp_path):
    var_dir = tmp_path / "fresh" / "var"
    for target in ("test", "run", "bench"):
        assert f"mkdir -p {var_dir}" in _make_dry_run(target, VAR_DIR=str(var_dir)), target
    subprocess.run(["make", "-s", "-C", str(ROOT), f"VAR_DIR={var_dir}", str(var_dir)], check=True)
    assert var_dir.is_dir()


def test_make_bench_migrates_its_own_database_before_benchmarking(tmp_path):
    steps = _make_dry_run("bench", VAR_DIR=str(tmp_path))
    assert f"sqlite:///{tmp_path}/bench.sqlite3" in steps
    assert steps.index("migrate --noinput") < steps.index("bench/run.py")
