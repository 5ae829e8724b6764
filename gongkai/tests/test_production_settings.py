"""Issue 9, finding 1: no fixed development key; production refuses an unsafe set-up.

Settings are read once per process, so each case runs the real `gongkai` start-up in
a child process with its own environment.
"""

import os
import stat
import subprocess
import sys

PYTHON = sys.executable
GOOD_KEY = "k" * 20 + "-0123456789abcdefghijklmnopqrstuvwxyzABCDEF"  # 63 characters


def _env(tmp_path, **extra):
    env = {k: v for k, v in os.environ.items() if k not in _OURS and not k.startswith("PYTEST")}
    env.update({"DJANGO_SETTINGS_MODULE": "gongkai.settings", "VAR_DIR": str(tmp_path)}, **extra)
    return env


# DJANGO_ALLOW_ASYNC_UNSAFE: set by the browser fixture in this process; a deploy check refuses it.
_OURS = {"SECRET_KEY", "SECRET_KEY_FILE", "ALLOWED_HOSTS", "DEBUG", "PRODUCTION", "DATABASE_URL", "VAR_DIR",
         "DJANGO_ALLOW_ASYNC_UNSAFE"}


def _run(env, *args):
    return subprocess.run([PYTHON, *args], env=env, capture_output=True, text=True, timeout=120)


def _secret_key(env) -> str:
    code = "import django; django.setup(); from django.conf import settings; print(settings.SECRET_KEY)"
    result = _run(env, "-c", code)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_finding_1_each_installation_generates_its_own_development_key_once(tmp_path):
    first = _secret_key(_env(tmp_path / "a"))
    again = _secret_key(_env(tmp_path / "a"))
    other = _secret_key(_env(tmp_path / "b"))

    assert first == again, "the generated key must be kept, or every restart logs everyone out"
    assert first != other, "a key shared between installations lets anyone forge links"
    assert len(first) >= 50
    mode = stat.S_IMODE((tmp_path / "a" / "secret_key").stat().st_mode)
    assert mode == 0o600


def _check_deploy(env):
    return _run(env, "-m", "gongkai", "check", "--deploy")


def test_finding_1_production_refuses_to_start_without_a_key_or_host_names(tmp_path):
    result = _check_deploy(_env(tmp_path, PRODUCTION="1"))

    assert result.returncode != 0
    assert "生产环境未设置 SECRET_KEY，拒绝启动" in result.stderr
    assert "生产环境未设置 ALLOWED_HOSTS" in result.stderr
    assert not (tmp_path / "secret_key").exists(), "production must not fall back to a generated key"


def test_finding_1_production_refuses_a_short_key(tmp_path):
    result = _check_deploy(_env(tmp_path, PRODUCTION="1", SECRET_KEY="short-key-123", ALLOWED_HOSTS="gongkai.example.cn"))

    assert result.returncode != 0
    assert "SECRET_KEY 太短（13 个字符，至少 50 个）" in result.stderr


def test_finding_1_the_wsgi_start_up_runs_the_same_checks(tmp_path):
    result = _run(_env(tmp_path, PRODUCTION="1", ALLOWED_HOSTS="gongkai.example.cn"), "-c", "import gongkai.wsgi")

    assert result.returncode != 0
    assert "生产环境未设置 SECRET_KEY" in result.stderr


def test_the_production_checklist_passes_check_deploy_cleanly(tmp_path):
    # The whole checklist: the shared cache for rate limits and the key for proof scans
    # too (docs/security.md, items 9 and 11).
    env = _env(tmp_path, PRODUCTION="1", SECRET_KEY=GOOD_KEY, ALLOWED_HOSTS="gongkai.example.cn",
               REDIS_URL="redis://127.0.0.1:6379/5", PERSONAL_DATA_KEYS="6U0q0-GqkJ-TQ8kbs2bbTGuvpX5xr1UJtsmZmkeuqwE=")
    result = _check_deploy(env)

    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout
    assert result.stderr == ""


def test_production_turns_on_https_only_defaults(tmp_path):
    env = _env(tmp_path, PRODUCTION="1", SECRET_KEY=GOOD_KEY, ALLOWED_HOSTS="gongkai.example.cn")
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.SECURE_SSL_REDIRECT, s.SECURE_HSTS_SECONDS, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE)"
    )
    result = _run(env, "-c", code)

    assert result.stdout.split() == ["True", "31536000", "True", "True"]
