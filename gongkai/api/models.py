"""API tokens: a staff member's key for scripts (`gongkai token create USERNAME`).

Only a SHA-256 digest is stored; the token itself is shown once, when created.
"""

import hashlib
import secrets

from django.conf import settings
from django.db import models

TOKEN_PREFIX = "gk_"


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

    class Meta:
        verbose_name = "接口令牌"
        verbose_name_plural = "接口令牌"

    def __str__(self) -> str:
        return f"{self.user} {self.hint}…"

    @classmethod
    def issue(cls, user) -> tuple["ApiToken", str]:
        """A new token for `user`: the row and the secret (shown once, never stored)."""
        secret = TOKEN_PREFIX + secrets.token_urlsafe(32)
        return cls.objects.create(user=user, digest=digest(secret), hint=secret[:10]), secret
