"""The report format is pure: importing every module of it never loads Django."""

import pkgutil
import subprocess
import sys
from pathlib import Path

import gongkai.reportformat

PACKAGE = Path(gongkai.reportformat.__file__).parent


def modules() -> list[str]:
    names = []
    for info in pkgutil.walk_packages([str(PACKAGE)], prefix="gongkai.reportformat."):
        if ".tests" not in info.name:
            names.append(info.name)
    return names


def test_the_package_has_the_reader_and_the_checker():
    names = modules()
    for expected in ("vocabulary", "checking", "grids", "reading.report", "reading.from_pdf"):
        assert f"gongkai.reportformat.{expected}" in names


def test_importing_every_module_loads_no_django():
    code = (
        "import importlib, sys\n"
        "assert not any(m == 'django' or m.startswith('django.') for m in sys.modules)\n"
        f"for name in {modules()!r}:\n"
        "    importlib.import_module(name)\n"
        "from gongkai.reportformat.reading import read_report\n"
        "from gongkai.reportformat.checking import check\n"
        "check(read_report(open(sys.argv[1], 'rb').read()).report)\n"
        "loaded = sorted(m for m in sys.modules if m == 'django' or m.startswith('django.'))\n"
        "print(' '.join(loaded))\n"
    )
    seed = PACKAGE / "tests" / "fixtures" / "jiaxian-2021-annual-report.txt"
    result = subprocess.run([sys.executable, "-c", code, str(seed)], capture_output=True, text=True,
                            timeout=120, env={"PATH": "/usr/bin:/bin"})
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""
