"""What `make test` and `make run` need from the machine besides Python.

- Chromium, for the browser tests (`make test`);
- the Simplified-Chinese CJK fonts, for every PDF the platform makes (`make run`, `make test`):
  without them WeasyPrint falls back to another face and the PDFs carry no Chinese, or
  Japanese glyph shapes;
- poppler's pdftoppm and pdftotext (`make test`): the tests look at letters' pages as
  pictures and read reports as the text people copy out of PDFs.

    python -m gongkai.prerequisites chromium fonts poppler

checks each, installs what is missing when it can (as root with apt-get: Debian's
packages; otherwise Playwright's own Chromium), and otherwise stops with one Chinese line
saying exactly what to run. Nothing is skipped: a missing prerequisite is an exit status 1.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

# The faces the report and letter stylesheets name; fonts-noto-cjk packages both.
PDF_FONTS = ("Noto Serif CJK SC", "Noto Sans CJK SC")
APT_PACKAGES = {"chromium": "chromium", "fonts": "fonts-noto-cjk", "poppler": "poppler-utils"}
POPPLER_TOOLS = ("pdftoppm", "pdftotext")
DEBIAN_CHROMIUM = "/usr/bin/chromium"


def playwright_chromium() -> str | None:
    """The Chromium `playwright install chromium` downloaded, when it did."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return None
    try:
        with sync_playwright() as playwright:
            path = playwright.chromium.executable_path
    except Exception:  # noqa: BLE001 - Playwright raises its own error when nothing was downloaded
        return None
    return path if path and Path(path).is_file() else None


def find_chromium() -> str | None:
    """CHROMIUM when set, else Debian's, else one on PATH, else Playwright's download."""
    wanted = os.environ.get("CHROMIUM")
    if wanted:
        return wanted if Path(wanted).is_file() and os.access(wanted, os.X_OK) else shutil.which(wanted)
    for name in (DEBIAN_CHROMIUM, "chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    return playwright_chromium()


def installed_font_families() -> set[str]:
    """Every family fontconfig knows (each alias of a family counts)."""
    if not shutil.which("fc-list"):
        return set()
    out = subprocess.run(["fc-list", ":", "family"], capture_output=True, text=True, check=False).stdout
    return {name.strip() for line in out.splitlines() for name in line.split(",") if name.strip()}


def missing_fonts(families: set[str]) -> list[str]:
    return [font for font in PDF_FONTS if font not in families]


@dataclass(frozen=True)
class Machine:
    is_root: bool
    has_apt: bool


def this_machine() -> Machine:
    return Machine(is_root=hasattr(os, "geteuid") and os.geteuid() == 0, has_apt=bool(shutil.which("apt-get")))


def install_commands(missing: list[str], machine: Machine) -> list[list[str]]:
    """The commands that install the missing prerequisites on this machine; [] when none can."""
    if machine.is_root and machine.has_apt:
        packages = [APT_PACKAGES[name] for name in missing]
        return [["apt-get", "update", "-qq"], ["apt-get", "install", "-y", "-qq", "--no-install-recommends", *packages]]
    if "chromium" in missing:
        # Playwright's own Chromium; --with-deps asks for the system libraries it needs.
        return [[sys.executable, "-m", "playwright", "install", "--with-deps", "chromium"]]
    return []


def advice(missing: list[str]) -> str:
    """The one line a person reads when the machine lacks something we cannot install."""
    what = "、".join({"chromium": "Chromium 浏览器（浏览器测试用）", "fonts": "中文字体 Noto CJK SC（PDF 用）",
                     "poppler": "PDF 工具 pdftoppm、pdftotext（测试用）"}[m] for m in missing)
    packages = " ".join(APT_PACKAGES[m] for m in missing)
    line = f"缺少{what}：请以 root 运行 apt-get install {packages}"
    if "chromium" in missing:
        line += "（Chromium 也可用 .venv/bin/python -m playwright install --with-deps chromium 安装）"
    return line + "，然后重试。"


def missing_now(wanted: list[str]) -> list[str]:
    missing = []
    if "chromium" in wanted and not find_chromium():
        missing.append("chromium")
    if "fonts" in wanted and missing_fonts(installed_font_families()):
        missing.append("fonts")
    if "poppler" in wanted and not all(shutil.which(tool) for tool in POPPLER_TOOLS):
        missing.append("poppler")
    return missing


def ensure(wanted: list[str], machine: Machine | None = None, run=subprocess.run) -> int:
    missing = missing_now(wanted)
    if not missing:
        return 0
    for command in install_commands(missing, machine or this_machine()):
        print("安装：" + " ".join(command), file=sys.stderr)
        if run(command, check=False).returncode != 0:
            break
    still = missing_now(wanted)
    if still:
        print(advice(still), file=sys.stderr)
        return 1
    return 0


def main(argv: list[str] | None = None) -> int:
    wanted = list(argv if argv is not None else sys.argv[1:]) or ["chromium", "fonts"]
    unknown = [w for w in wanted if w not in APT_PACKAGES]
    if unknown:
        print(f"未知的检查项：{'、'.join(unknown)}（可用：chromium fonts poppler）", file=sys.stderr)
        return 2
    return ensure(wanted)


if __name__ == "__main__":
    sys.exit(main())
