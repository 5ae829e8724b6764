"""Start-up checks that refuse a production set-up which is not safe to face the public.

They are Django system checks (Errors), so `gongkai check --deploy`, `runserver` and
the WSGI start-up (gongkai/wsgi.py) all run them. Outside PRODUCTION they stay quiet:
`make run` and the tests use a key generated into VAR_DIR.
"""

from django.conf import settings
from django.core.checks import Error, Tags, register
from django.core.exceptions import ImproperlyConfigured

# Django's own deploy check asks for at least 50 characters (security.W009).
MIN_SECRET_KEY_LENGTH = 50


@register(Tags.security)
def check_production_settings(app_configs=None, **kwargs):
    if not settings.PRODUCTION:
        return []
    errors = []
    try:
        key = settings.SECRET_KEY
    except ImproperlyConfigured:
        key = ""
    if not key:
        errors.append(Error("生产环境未设置 SECRET_KEY，拒绝启动：请设置 SECRET_KEY 或 SECRET_KEY_FILE。", id="gongkai.E001"))
    elif len(key) < MIN_SECRET_KEY_LENGTH:
        errors.append(
            Error(f"生产环境的 SECRET_KEY 太短（{len(key)} 个字符，至少 {MIN_SECRET_KEY_LENGTH} 个），拒绝启动。", id="gongkai.E002")
        )
    if not settings.ALLOWED_HOSTS:
        errors.append(Error("生产环境未设置 ALLOWED_HOSTS（本站的域名），拒绝启动。", id="gongkai.E003"))
    if settings.DEBUG:
        errors.append(Error("生产环境不得打开 DEBUG（会向公众显示内部信息），拒绝启动。", id="gongkai.E004"))
    return errors
