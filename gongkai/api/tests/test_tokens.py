"""Issue 9, finding 11: API tokens expire, are listed and can be revoked (`gongkai token`)."""

import datetime as dt

import pytest
import time_machine
from django.core.management import CommandError, call_command

from gongkai.api.models import ApiToken
from gongkai.eventlog.models import Event

pytestmark = pytest.mark.django_db
START = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)
# A staff-only address: 404 (no such application) for a good token, 401 for a bad one.
PROBE = "/api/v1/applications/999999"


def _create(capsys, *args):
    call_command("token", "create", *args)
    return capsys.readouterr().out.strip()


def _status(client, secret):
    return client.get(PROBE, HTTP_AUTHORIZATION=f"Bearer {secret}").status_code


def test_finding_11_a_token_expires_after_90_days_by_default(client, county, capsys):
    with time_machine.travel(START, tick=False) as traveller:
        secret = _create(capsys, "clerk")
        traveller.move_to(START + dt.timedelta(days=89))
        assert _status(client, secret) == 404
        traveller.move_to(START + dt.timedelta(days=90, minutes=1))
        assert _status(client, secret) == 401


def test_finding_11_days_sets_the_lifetime(client, county, capsys):
    with time_machine.travel(START, tick=False) as traveller:
        secret = _create(capsys, "clerk", "--days", "7")
        assert _status(client, secret) == 404
        traveller.move_to(START + dt.timedelta(days=7, seconds=1))
        assert _status(client, secret) == 401


def test_finding_11_a_revoked_token_gets_401(client, county, capsys):
    secret = _create(capsys, "clerk")
    token = ApiToken.objects.get()
    assert _status(client, secret) == 404

    call_command("token", "revoke", str(token.pk))

    assert "已停用" in capsys.readouterr().out
    assert _status(client, secret) == 401
    assert Event.objects.filter(verb="api_token_revoked", subject_id=str(token.pk)).exists()
    with pytest.raises(CommandError, match="已于 .* 停用"):
        call_command("token", "revoke", str(token.pk))


def test_finding_11_token_list_shows_each_token_without_its_secret(county, capsys):
    with time_machine.travel(START, tick=False):
        clerk_secret = _create(capsys, "clerk", "--days", "30")
        _create(capsys, "approver")
        call_command("token", "revoke", str(ApiToken.objects.get(user=county.approver).pk))
        capsys.readouterr()

        call_command("token", "list")
        everyone = capsys.readouterr().out
        call_command("token", "list", "clerk")
        clerk_only = capsys.readouterr().out

    assert clerk_secret not in everyone
    clerk_row = next(line for line in everyone.splitlines() if "\tclerk\t" in line)
    # Asia/Shanghai dates: 09:00 UTC is 17:00 in the county.
    assert "2026-03-02 17:00" in clerk_row and "2026-04-01 17:00" in clerk_row and clerk_row.endswith("有效")
    assert any(line.endswith("已停用") for line in everyone.splitlines() if "\tapprover\t" in line)
    assert "approver" not in clerk_only and "\tclerk\t" in clerk_only


@pytest.mark.parametrize("days", ["0", "-5", "400"])
def test_an_impossible_lifetime_is_refused_in_chinese_and_creates_nothing(county, days):
    with pytest.raises(CommandError, match="有效天数须在 1 到 366 之间"):
        call_command("token", "create", "clerk", "--days", days)
    assert not ApiToken.objects.exists()


def test_revoking_an_unknown_token_says_so(county):
    with pytest.raises(CommandError, match="没有编号为 42 的令牌"):
        call_command("token", "revoke", "42")
