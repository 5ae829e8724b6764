"""Issue 9, finding 6: the staff log-in.

Logs in through the real form (django-axes, the password, the second factor), never
with force_login, which the suite's other tests use to stand for all of this.
"""

import datetime

import pytest
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from gongkai.eventlog.models import Event

LOGIN = "/staff/login/"
TWO_FACTOR = "/staff/account/two-factor/"


def _log_in(client, username, password="password", **meta):
    return client.post(LOGIN, {"username": username, "password": password}, **meta)


def _logged_in_as(client):
    return client.session.get("_auth_user_id")


def _wait_out_the_throttle(time_machine):
    # django-otp makes a device wait after a wrong code (1 s, then doubling).
    time_machine.move_to(datetime.datetime.now(tz=datetime.UTC) + datetime.timedelta(seconds=3))


def _code(device, steps_ahead=0):
    totp = TOTP(device.bin_key, step=device.step, t0=device.t0, digits=device.digits)
    totp.time += steps_ahead * device.step
    return f"{totp.token():06d}"


def test_finding_6_forty_wrong_passwords_then_the_right_one_does_not_log_in(client, county):
    for _ in range(40):
        _log_in(client, "clerk", "wrong-password")

    response = _log_in(client, "clerk", "password")

    assert response.status_code == 429
    assert "暂时不能登录" in response.content.decode()
    assert _logged_in_as(client) is None


def test_finding_6_the_lock_out_is_keyed_on_the_real_client_behind_the_proxy(client, county, settings):
    settings.TRUSTED_PROXIES = ["10.0.0.1"]
    attacker = {"REMOTE_ADDR": "10.0.0.1", "HTTP_X_FORWARDED_FOR": "198.51.100.66"}
    colleague = {"REMOTE_ADDR": "10.0.0.1", "HTTP_X_FORWARDED_FOR": "198.51.100.7"}
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _log_in(client, "clerk", "wrong-password", **attacker)

    assert _log_in(client, "clerk", "password", **attacker).status_code == 429
    response = _log_in(client, "clerk", "password", **colleague)
    assert response.status_code == 302 and _logged_in_as(client) == str(county.clerk.pk)


def test_a_few_mistakes_do_not_lock_anyone_out(client, county, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert _log_in(client, "clerk", "wrong-password").status_code == 200
    assert _log_in(client, "clerk", "password").status_code == 302


@pytest.mark.parametrize(
    "new_password, complaint",
    [("dong-2026", "密码长度太短"), ("12345678901", "密码只包含数字"), ("password123", "这个密码太常见了")],
)
def test_finding_6_the_full_password_validators_refuse_weak_passwords(client, county, new_password, complaint):
    client.force_login(county.clerk)
    form = {"old_password": "password", "new_password1": new_password, "new_password2": new_password}

    response = client.post("/staff/account/password/", form)

    assert complaint in response.content.decode()
    county.clerk.refresh_from_db()
    assert county.clerk.check_password("password")


def test_finding_6_staff_change_their_own_password(client, county):
    client.force_login(county.clerk)
    new = "东关街-路灯-2026"
    form = {"old_password": "password", "new_password1": new, "new_password2": new}

    response = client.post("/staff/account/password/", form)

    assert response.status_code == 302
    county.clerk.refresh_from_db()
    assert county.clerk.check_password(new)
    assert Event.objects.filter(verb="password_changed", subject_id=str(county.clerk.pk)).exists()
    assert client.get("/staff/").status_code == 200, "changing one's password keeps one's own session"


def test_finding_6_an_office_admin_resets_the_password_of_their_agencies_staff(client, county):
    other = _log_in_staff(client, county.office_admin)
    response = other.post(f"/staff/account/staff/{county.clerk.pk}/reset-password/")

    page = response.content.decode()
    assert response.status_code == 200 and "新密码是" in page
    new_password = page.split('<code class="big">')[1].split("</code>")[0]
    county.clerk.refresh_from_db()
    assert county.clerk.check_password(new_password) and not county.clerk.check_password("password")
    assert Event.objects.filter(verb="password_reset", subject_id=str(county.clerk.pk), actor=county.office_admin).exists()


def test_a_reset_lifts_the_lock_out_of_the_forgotten_password(client, county, settings):
    from django.test import Client

    for _ in range(settings.AXES_FAILURE_LIMIT):
        _log_in(client, "clerk", "wrong-password")
    assert _log_in(client, "clerk", "password").status_code == 429

    page = _log_in_staff(Client(), county.office_admin).post(f"/staff/account/staff/{county.clerk.pk}/reset-password/")
    new_password = page.content.decode().split('<code class="big">')[1].split("</code>")[0]

    assert _log_in(client, "clerk", new_password).status_code == 302


def test_finding_6_an_office_admin_cannot_reset_staff_outside_their_agencies(client, county):
    from gongkai.agencies.models import Role
    from gongkai.testing import make_staff

    dept_office = make_staff("dept_office", county.dept, Role.OFFICE_ADMIN)
    client.force_login(dept_office)

    assert client.post(f"/staff/account/staff/{county.other_agency_clerk.pk}/reset-password/").status_code == 404
    assert client.post(f"/staff/account/staff/{county.office_admin.pk}/reset-password/").status_code == 404
    assert client.post(f"/staff/account/staff/{county.clerk.pk}/reset-password/").status_code == 200
    county.other_agency_clerk.refresh_from_db()
    assert county.other_agency_clerk.check_password("password")


def test_a_clerk_cannot_reset_anyones_password(client, county):
    client.force_login(county.clerk)
    assert client.post(f"/staff/account/staff/{county.reviewer.pk}/reset-password/").status_code == 403


def _log_in_staff(client, user):
    client.force_login(user)
    return client


@pytest.mark.parametrize("role_holder", ["approver", "office_admin"])
def test_finding_6_approvers_and_office_admins_enrol_a_totp_device_before_working(client, county, role_holder, time_machine):
    user = getattr(county, role_holder)
    response = _log_in(client, user.username)
    assert response.status_code == 302
    # The password alone opens nothing: every staff page sends them to the second factor.
    assert client.get("/staff/")["Location"] == TWO_FACTOR

    page = client.get(TWO_FACTOR)
    assert "<svg" in page.content.decode() and "绑定手机验证器的二维码" in page.content.decode()
    device = TOTPDevice.objects.get(user=user, confirmed=False)

    wrong = client.post(TWO_FACTOR, {"token": "000000" if _code(device) != "000000" else "111111"})
    assert "验证码不正确" in wrong.content.decode()
    _wait_out_the_throttle(time_machine)
    assert client.post(TWO_FACTOR, {"token": _code(device)}).status_code == 302

    assert client.get("/staff/").status_code == 200
    assert TOTPDevice.objects.get(pk=device.pk).confirmed
    assert Event.objects.filter(verb="two_factor_enrolled", subject_id=str(user.pk)).exists()


def test_finding_6_an_enrolled_approver_needs_the_current_code_at_every_log_in(client, county, time_machine):
    device = TOTPDevice.objects.create(user=county.approver, name="手机", confirmed=True)
    _log_in(client, "approver")
    assert client.get("/staff/applications/")["Location"] == TWO_FACTOR

    assert "验证码不正确" in client.post(TWO_FACTOR, {"token": _code(device, steps_ahead=5)}).content.decode()
    _wait_out_the_throttle(time_machine)
    assert client.post(TWO_FACTOR, {"token": _code(device)}).status_code == 302
    assert client.get("/staff/applications/").status_code == 200


def test_a_clerk_logs_in_with_the_password_alone(client, county):
    _log_in(client, "clerk")
    assert client.get("/staff/").status_code == 200


def test_finding_6_an_idle_staff_session_ends_after_30_minutes(client, county, time_machine):
    time_machine.move_to(datetime.datetime(2026, 3, 2, 9, 0, tzinfo=datetime.UTC), tick=False)
    _log_in(client, "clerk")
    assert client.get("/staff/").status_code == 200

    time_machine.move_to(datetime.datetime(2026, 3, 2, 9, 29, tzinfo=datetime.UTC), tick=False)
    assert client.get("/staff/").status_code == 200
    time_machine.move_to(datetime.datetime(2026, 3, 2, 10, 0, tzinfo=datetime.UTC), tick=False)
    response = client.get("/staff/")

    assert response.status_code == 302 and response["Location"].startswith(LOGIN)
    assert _logged_in_as(client) is None


def test_finding_6_a_busy_staff_session_still_ends_after_12_hours(client, county, time_machine):
    start = datetime.datetime(2026, 3, 2, 8, 0, tzinfo=datetime.UTC)
    time_machine.move_to(start, tick=False)
    _log_in(client, "clerk")
    for minutes in range(0, 12 * 60, 20):
        time_machine.move_to(start + datetime.timedelta(minutes=minutes), tick=False)
        assert client.get("/staff/").status_code == 200

    time_machine.move_to(start + datetime.timedelta(hours=12, minutes=5), tick=False)
    response = client.get("/staff/")

    assert response.status_code == 302 and response["Location"].startswith(LOGIN)


def test_finding_6_the_admin_site_is_closed_unless_a_setting_opens_it(client, county, settings):
    settings.ADMIN_ENABLED = False
    assert client.get("/admin/").status_code == 404
    assert client.get("/admin/login/").status_code == 404

    settings.ADMIN_ENABLED = True
    assert client.get("/admin/login/").status_code == 200
