"""`make test` / `make run` check the machine: install what they can, else one Chinese line."""

import subprocess

from gongkai import prerequisites
from gongkai.prerequisites import Machine, advice, ensure, install_commands, missing_fonts


def test_fonts_are_missing_until_both_sc_faces_are_installed():
    assert missing_fonts({"Noto Sans CJK JP", "DejaVu Serif"}) == ["Noto Serif CJK SC", "Noto Sans CJK SC"]
    assert missing_fonts({"Noto Serif CJK SC", "Noto Sans CJK SC", "Noto Sans CJK JP"}) == []


def test_root_on_debian_installs_both_with_apt():
    commands = install_commands(["chromium", "fonts"], Machine(is_root=True, has_apt=True))
    assert commands[-1][:2] == ["apt-get", "install"]
    assert commands[-1][-2:] == ["chromium", "fonts-noto-cjk"]


def test_without_root_chromium_comes_from_playwright_and_fonts_cannot_be_installed():
    machine = Machine(is_root=False, has_apt=True)
    assert install_commands(["chromium"], machine)[0][-4:] == ["playwright", "install", "--with-deps", "chromium"]
    assert install_commands(["fonts"], machine) == []


def test_what_cannot_be_installed_stops_with_one_chinese_line(monkeypatch, capsys):
    monkeypatch.setattr(prerequisites, "missing_now", lambda wanted: ["fonts"])
    ran = []

    status = ensure(["fonts"], Machine(is_root=False, has_apt=False), run=lambda c, check: ran.append(c))

    assert status == 1 and ran == []
    lines = capsys.readouterr().err.strip().splitlines()
    assert lines == [advice(["fonts"])]
    assert "apt-get install fonts-noto-cjk" in lines[0] and "缺少中文字体" in lines[0]


def test_a_failed_install_is_reported_not_skipped(monkeypatch, capsys):
    monkeypatch.setattr(prerequisites, "missing_now", lambda wanted: ["chromium", "fonts"])
    ran = []

    def run(command, check):
        ran.append(command)
        return subprocess.CompletedProcess(command, 100)

    assert ensure(["chromium", "fonts"], Machine(is_root=True, has_apt=True), run=run) == 1
    assert len(ran) == 1  # stops at the first failing command
    assert "chromium fonts-noto-cjk" in capsys.readouterr().err


def test_an_installed_machine_passes():
    # This machine is set up as .ci/run sets one up: the check must pass without installing.
    assert prerequisites.main(["chromium", "fonts"]) == 0


def test_missing_pdf_tools_are_installed_from_poppler_or_named_in_one_line():
    commands = install_commands(["poppler"], Machine(is_root=True, has_apt=True))
    assert commands[-1][-1] == "poppler-utils"
    line = advice(["poppler"])
    assert "apt-get install poppler-utils" in line and "\n" not in line
