"""Issuing and revoking API tokens: each one transaction with its event row."""

from django.db import transaction
from django.utils import timezone

from gongkai.api.models import ApiToken
from gongkai.eventlog.log import record


def do_create_api_token(user, *, days: int, acting_user) -> tuple[ApiToken, str]:
    with transaction.atomic():
        token, secret = ApiToken.issue(user, days=days)
        record(token, "api_token_created", actor=acting_user,
               data={"user": user.username, "hint": token.hint, "expires_at": token.expires_at.isoformat()})
    return token, secret


def do_revoke_api_token(token: ApiToken, *, acting_user) -> None:
    with transaction.atomic():
        ApiToken.objects.filter(pk=token.pk).update(revoked_at=timezone.now())
        record(token, "api_token_revoked", actor=acting_user, data={"user": token.user.username, "hint": token.hint})
