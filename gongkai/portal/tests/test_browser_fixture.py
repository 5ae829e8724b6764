import pytest

from gongkai.portal.tests.browser import chromium_executable


def test_missing_chromium_fails_the_test_with_a_clear_message():
    with pytest.raises(pytest.fail.Exception, match="浏览器测试需要 Chromium"):
        chromium_executable("/nonexistent/chromium")


def test_installed_chromium_is_found(tmp_path):
    fake = tmp_path / "chromium"
    fake.write_text("#!/bin/sh\n")
    fake.chmod(0o755)
    assert chromium_executable(str(fake)) == str(fake)
