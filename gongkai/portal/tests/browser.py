"""Playwright in Debian's Chromium against pytest-django's live server.

Use the `browser_page` fixture in tests marked `@pytest.mark.browser`. When Chromium
is missing the test fails and says how to install it: CI installs it, and a browser
test that silently skips proves nothing.
"""

import base64
import os
import re
import shutil
import time
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


def log_in(page, username: str, password: str = "password") -> None:
    """Staff log-in as a person does it: the password, then, where the account needs it
    (office administrators, approvers), the code of the phone authenticator; an account
    without one enrols it on the spot from the key the page shows."""
    page.context.clear_cookies()
    page.goto("/staff/login/")
    page.get_by_label("用户名").fill(username)
    page.get_by_label("密码").fill(password)
    page.get_by_role("button", name="登录").click()
    page.wait_for_url(lambda url: "/login/" not in url)
    if "/two-factor/" in page.url:
        secret = page.locator("code").first.text_content() if page.locator("code").count() else None
        page.get_by_label("验证码").fill(authenticator_code(username, secret))
        page.get_by_role("button", name=re.compile("验证|绑定")).click()
        page.wait_for_url(lambda url: "/two-factor/" not in url)


def authenticator_code(username: str, secret: str | None = None) -> str:
    """What the phone shows now; the next step's code when this step's is used already
    (django-otp refuses a code twice, and a journey may log the same person in twice)."""
    from django_otp.oath import TOTP
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.filter(user__username=username).order_by("-confirmed", "pk").first()
    key = base64.b32decode(secret) if secret else device.bin_key
    totp = TOTP(key, step=device.step, t0=device.t0, digits=device.digits)
    totp.time = time.time()
    if totp.t() <= device.last_t:
        totp.time += device.step * (device.last_t - totp.t() + 1)
    return f"{totp.token():0{device.digits}d}"
