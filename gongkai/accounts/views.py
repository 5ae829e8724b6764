from base64 import b32encode

import segno
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import PasswordChangeForm
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST
from django_otp import login as otp_login
from django_otp import match_token
from django_otp.plugins.otp_totp.models import TOTPDevice

from gongkai.accounts.access import get_staff_for_reset, staff_under
from gongkai.accounts.actions import (
    do_change_password,
    do_confirm_totp_device,
    do_reset_staff_password,
    do_reset_two_factor,
    unconfirmed_totp_device,
)
from gongkai.accounts.forms import TokenForm
from gongkai.accounts.policy import has_second_factor
from gongkai.agencies.access import require_office_admin, staff_required


@login_required
def two_factor(request):
    """Enrol a TOTP device (QR code) or, with one enrolled, enter its current code."""
    user = request.user
    if has_second_factor(user):
        return redirect(settings.LOGIN_REDIRECT_URL)
    enrolled = TOTPDevice.objects.filter(user=user, confirmed=True).exists()
    device = None if enrolled else unconfirmed_totp_device(user)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        token = form.cleaned_data["token"]
        if enrolled:
            verified = match_token(user, token)
            if verified is not None:
                otp_login(request, verified)
                return redirect(_next(request))
        elif device.verify_token(token):
            do_confirm_totp_device(request, device, acting_user=user)
            messages.success(request, "手机验证器已绑定，以后登录时请输入其上的验证码。")
            return redirect(_next(request))
        form.add_error("token", "验证码不正确或已过期，请输入验证器上当前显示的数字。")
    context = {"form": form, "enrolled": enrolled}
    if device is not None:
        context["qr_svg"] = segno.make(device.config_url, error="m").svg_inline(scale=4, title="绑定手机验证器的二维码")
        context["secret"] = b32encode(device.bin_key).decode("ascii")
    return render(request, "accounts/two_factor.html", context)


def _next(request) -> str:
    target = request.GET.get("next", "")
    return target if target.startswith("/") and not target.startswith("//") else settings.LOGIN_REDIRECT_URL


@staff_required
def password_change(request):
    form = PasswordChangeForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        do_change_password(request.user, form.cleaned_data["new_password1"], acting_user=request.user)
        update_session_auth_hash(request, request.user)
        messages.success(request, "密码已修改。")
        return redirect("agencies:home")
    return render(request, "accounts/password_change.html", {"form": form})


@require_office_admin
def staff_list(request):
    return render(request, "accounts/staff_list.html", {"staff": staff_under(request.user)})


@require_office_admin
@require_POST
def staff_reset_password(request, user_id):
    user = get_staff_for_reset(request.user, user_id)
    password = do_reset_staff_password(user, acting_user=request.user)
    return render(request, "accounts/password_reset_done.html", {"staff_user": user, "password": password})


@require_office_admin
@require_POST
def staff_reset_two_factor(request, user_id):
    user = get_staff_for_reset(request.user, user_id)
    do_reset_two_factor(user, acting_user=request.user)
    messages.success(request, f"已解除 {user.get_full_name() or user.username} 的手机验证器，其下次登录时重新绑定。")
    return redirect("accounts:staff_list")


def locked_out(request, original_response=None, credentials=None):
    """django-axes' answer to a locked-out log-in (AXES_LOCKOUT_CALLABLE): 429 in Chinese."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return render(request, "accounts/locked_out.html", {"lockout_minutes": minutes}, status=429)
