"""State changes of staff accounts: each one transaction with its event row."""

import secrets

from axes.utils import reset as reset_lockouts
from django.contrib.auth.password_validation import validate_password
from django.db import transaction
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from gongkai.eventlog.log import record

TOTP_DEVICE_NAME = "手机验证器"


def unconfirmed_totp_device(user) -> TOTPDevice:
    """The device being enrolled: kept unconfirmed until the first code from it is right."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    return device or TOTPDevice.objects.create(user=user, name=TOTP_DEVICE_NAME, confirmed=False)


def do_confirm_totp_device(request, device: TOTPDevice, *, acting_user) -> None:
    """The first right code confirms the device and verifies this session."""
    with transaction.atomic():
        TOTPDevice.objects.filter(pk=device.pk).update(confirmed=True)
        device.confirmed = True
        record(acting_user, "two_factor_enrolled", actor=acting_user, data={"device": device.name})
    otp_login(request, device)


def do_change_password(user, new_password: str, *, acting_user) -> None:
    """Validators already passed in the form; the event names no password."""
    with transaction.atomic():
        user.set_password(new_password)
        user.save(update_fields=["password"])
        record(user, "password_changed", actor=acting_user)


def do_reset_staff_password(user, *, acting_user) -> str:
    """A new random password for `user`, shown once to the office administrator.

    Changing the password hash ends the user's other sessions (Django checks the hash
    stored in each session); a lock-out from earlier wrong guesses is lifted too.
    """
    password = secrets.token_urlsafe(12)
    validate_password(password, user)
    with transaction.atomic():
        user.set_password(password)
        user.save(update_fields=["password"])
        reset_lockouts(username=user.username)
        record(user, "password_reset", actor=acting_user)
    return password


def do_reset_two_factor(user, *, acting_user) -> None:
    """Removes the user's devices (a lost phone): they enrol again at their next log-in."""
    with transaction.atomic():
        removed = TOTPDevice.objects.filter(user=user).delete()[0]
        record(user, "two_factor_reset", actor=acting_user, data={"devices_removed": removed})
