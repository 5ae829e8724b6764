"""API tokens: a staff member's key for scripts (`gongkai token create USERNAME`).

Only a SHA-256 digest is stored; the token itself is shown once, when created. Every
token expires (90 days unless `--days` says otherwise) and can be revoked; either way
it then gets 401 (interfaces.md).
"""

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone

TOKEN_PREFIX = "gk_"
DEFAULT_TOKEN_DAYS = 90
MAX_TOKEN_DAYS = 366


def digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


class ApiToken(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens")
    digest = models.CharField(max_length=64, unique=True, editable=False)
    # The first characters, so a person can tell their tokens apart without the secret.
    hint = models.CharField("令牌前缀", max_length=12, editable=False)
    created_at = models.DateTimeField("创建时间", auto_now_add=True)
    last_used_at = models.DateTimeField("最近使用", null=True, blank=True)
    revoked_at = models.DateTimeField("停用时间", null=True, blank=True)
    expires_at = models.DateTimeField("到期时间")

    class Meta:
        verbose_name = "接口令牌"
        verbose_name_plural = "接口令牌"

    def __str__(self) -> str:
        return f"{self.user} {self.hint}…"

    @classmethod
    def issue(cls, user, *, days: int = DEFAULT_TOKEN_DAYS) -> tuple["ApiToken", str]:
        """A new token for `user`: the row and the secret (shown once, never stored)."""
        secret = TOKEN_PREFIX + secrets.token_urlsafe(32)
        expires_at = timezone.now() + timedelta(days=days)
        return cls.objects.create(user=user, digest=digest(secret), hint=secret[:10], expires_at=expires_at), secret

    @property
    def status(self) -> str:
        if self.revoked_at is not None:
            return "已停用"
        if self.expires_at <= timezone.now():
            return "已过期"
        return "有效"
