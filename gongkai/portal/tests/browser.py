"""Playwright in Debian's Chromium against pytest-django's live server.

Use the `browser_page` fixture in tests marked `@pytest.mark.browser`. When Chromium
is missing the test fails and says how to install it: CI installs it, and a browser
test that silently skips proves nothing.
"""

import os
import shutil
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]


def chromium_executable(path: str = CHROMIUM) -> str:
    """The browser to drive; fails the test (never skips it) when it is not installed."""
    if Path(path).is_file() and os.access(path, os.X_OK):
        return path
    found = shutil.which(path)
    if found:
        return found
    if path == CHROMIUM and "CHROMIUM" not in os.environ:
        # `make test` installs Playwright's own Chromium where apt-get cannot run.
        from gongkai.prerequisites import playwright_chromium

        found = playwright_chromium()
        if found:
            return found
    pytest.fail(
        f"浏览器测试需要 Chromium，但找不到 {path}。"
        "请安装（Debian: apt-get install chromium；或 .venv/bin/python -m playwright install --with-deps chromium）"
        "或用环境变量 CHROMIUM=/path/to/chromium 指定。",
        pytrace=False,
    )


@pytest.fixture(scope="session")
def chromium():
    executable = chromium_executable()
    # Playwright's sync API runs an event loop in this thread; Django then refuses ORM
    # calls from it unless told that is fine (the test thread does not serve requests).
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def browser_page(chromium, live_server):
    """A fresh page whose relative URLs go to the live server."""

    context = chromium.new_context(base_url=live_server.url, locale="zh-CN")
    context.set_default_timeout(10_000)
    page = context.new_page()
    yield page
    context.close()
