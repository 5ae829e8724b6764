"""Bearer-token authentication for staff calls (interfaces.md: `Authorization: Bearer TOKEN`)."""

from django.utils import timezone
from ninja.security import HttpBearer

from gongkai.api.models import ApiToken, digest


class StaffToken(HttpBearer):
    def authenticate(self, request, token: str):
        row = (
            ApiToken.objects.select_related("user")
            .filter(digest=digest(token), revoked_at__isnull=True, expires_at__gt=timezone.now(), user__is_active=True)
            .first()
        )
        if row is None:
            return None
        ApiToken.objects.filter(pk=row.pk).update(last_used_at=timezone.now())
        request.user = row.user
        return row.user
