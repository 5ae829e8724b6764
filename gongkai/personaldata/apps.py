from django.apps import AppConfig
from django.conf import settings
from django.core import checks


class PersonalDataConfig(AppConfig):
    name = "gongkai.personaldata"
    label = "personaldata"
    verbose_name = "个人信息保护"

    def ready(self):
        checks.register(production_checks, checks.Tags.security)


def production_checks(app_configs=None, **kwargs):
    """With PRODUCTION on (the secauth engineer's switch), the keys and the shared cache
    that the public side's protections rest on must be there."""
    if not getattr(settings, "PRODUCTION", False):
        return []
    problems = []
    if not settings.PERSONAL_DATA_KEYS:
        problems.append(checks.Error(
            "未设置 PERSONAL_DATA_KEYS：身份证明扫描件的加密密钥必须由环境提供，并与备份分开保管。",
            id="gongkai.personaldata.E001"))
    if not settings.REDIS_URL:
        problems.append(checks.Error(
            "未设置 REDIS_URL：访问频率限制和验证码失败次数须在各工作进程间共享计数。",
            id="gongkai.personaldata.E002"))
    return problems
