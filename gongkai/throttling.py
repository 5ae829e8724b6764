"""Keeping bots off the public forms, without a person filing normally noticing.

- Rate limits per client address (django-ratelimit), the address taken correctly
  behind the reverse proxy (gongkai.clientaddr.client_ip), counted in the shared cache
  so every worker process and every server counts together (settings.RATE_*).
- Applications per ID number and per phone number per day, counted from the
  applications themselves (`application_quota_problem`).
- An image captcha drawn on the server (django-simple-captcha: no outside service,
  works on an intranet) on the application and mailbox forms always, and on the staff
  log-in form after LOGIN_CAPTCHA_AFTER_FAILURES failures from the same address.
- Bytes uploaded per address per day (`charge_upload`).

A refused request gets a Chinese page with status 429 and changes nothing.
"""

from __future__ import annotations

import datetime as dt

from captcha.fields import CaptchaField
from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import AuthenticationForm
from django.core.cache import cache
from django.shortcuts import render
from django.utils import timezone
from django_ratelimit.core import is_ratelimited

from gongkai.clientaddr import client_ip

TOO_MANY = "提交过于频繁，请稍后再试。如需帮助，请拨打政务公开办电话。"


def client_key(group, request) -> str:
    return client_ip(request)


def limited(request, group: str, rate: str) -> bool:
    """Count this request against `rate` for its client address; True once over it."""
    return is_ratelimited(request, group=group, key=client_key, rate=rate, method=["POST"], increment=True)


def refused(request, message: str = TOO_MANY):
    return render(request, "throttling/refused.html", {"message": message}, status=429)


class CaptchaMixin:
    """Adds the image captcha as the form's last field."""

    def add_captcha(self):
        self.fields["captcha"] = CaptchaField(
            label="验证码", help_text="请输入图片中的字符（不区分大小写）。看不清可点击图片换一张。",
            error_messages={"invalid": "验证码不正确，请重新输入。", "required": "请输入验证码。"},
        )


# --- quotas ------------------------------------------------------------------------------


def _today_start() -> dt.datetime:
    return timezone.localtime().replace(hour=0, minute=0, second=0, microsecond=0)


def application_quota_problem(id_number: str, phone: str) -> str:
    """Why one more online application today would pass the per-person quota, or ""."""
    from gongkai.applications.models import Application, Channel

    today = Application.objects.filter(channel=Channel.ONLINE, submitted_at__gte=_today_start())
    if id_number and today.filter(id_number=id_number).count() >= settings.APPLICATIONS_PER_ID_PER_DAY:
        return (f"同一证件号码每天最多在网上提交 {settings.APPLICATIONS_PER_ID_PER_DAY} 件申请，请明天再提交，"
                "或到政务公开办当面提交。")
    if phone and today.filter(phone=phone).count() >= settings.APPLICATIONS_PER_PHONE_PER_DAY:
        return (f"同一手机号码每天最多在网上提交 {settings.APPLICATIONS_PER_PHONE_PER_DAY} 件申请，请明天再提交，"
                "或到政务公开办当面提交。")
    return ""


def upload_bytes(request) -> int:
    return sum(upload.size for upload in request.FILES.values())


def charge_upload(request) -> bool:
    """Add this request's uploads to its address's bytes today; False when over the quota
    (then nothing is stored and the bytes are not counted)."""
    size = upload_bytes(request)
    if not size:
        return True
    key = f"throttling:upload:{timezone.localdate():%Y%m%d}:{client_ip(request)}"
    cache.add(key, 0, timeout=2 * 86400)
    try:
        total = cache.incr(key, size)
    except ValueError:  # expired between add and incr
        cache.set(key, size, timeout=2 * 86400)
        total = size
    if total > settings.UPLOAD_BYTES_PER_ADDRESS_PER_DAY:
        cache.decr(key, size)
        return False
    return True


UPLOAD_QUOTA_REFUSED = "今天从您所在网络上传的文件已达上限，请明天再提交，或到政务公开办当面提交。"


# --- the staff log-in ---------------------------------------------------------------------

FAILURE_SECONDS = 600


def _failures_key(request) -> str:
    return f"throttling:login-failures:{client_ip(request)}"


def login_failures(request) -> int:
    return cache.get(_failures_key(request), 0)


def _count_failure(request) -> None:
    key = _failures_key(request)
    cache.add(key, 0, timeout=FAILURE_SECONDS)
    try:
        cache.incr(key)
    except ValueError:
        cache.set(key, 1, timeout=FAILURE_SECONDS)


class LoginForm(CaptchaMixin, AuthenticationForm):
    """Django's log-in form, with the captcha once this address has failed often."""

    def __init__(self, request=None, *args, **kwargs):
        super().__init__(request, *args, **kwargs)
        if request is not None and login_failures(request) >= settings.LOGIN_CAPTCHA_AFTER_FAILURES:
            self.add_captcha()

    def clean(self):
        # A wrong captcha means the password is not tried at all: otherwise the answer
        # ("验证码不正确" alone, or with "用户名或密码不正确") tells a guesser which password
        # is right without solving any captcha.
        if "captcha" in self.fields and "captcha" in self.errors:
            return self.cleaned_data
        return super().clean()


class LoginView(auth_views.LoginView):
    authentication_form = LoginForm

    def post(self, request, *args, **kwargs):
        if limited(request, "login", settings.RATE_LOGIN):
            return refused(request, "登录尝试过于频繁，暂时不能登录，请10分钟后再试。")
        return super().post(request, *args, **kwargs)

    def form_invalid(self, form):
        _count_failure(self.request)
        return super().form_invalid(form)

    def form_valid(self, form):
        cache.delete(_failures_key(self.request))
        return super().form_valid(form)
