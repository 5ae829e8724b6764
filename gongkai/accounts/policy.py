"""Who must sign in with a second factor, and how long a signed-in session lasts.

等保 2.0 (GB/T 22239-2019, 8.1.4.1 身份鉴别) asks administrators to be identified by two
or more means; here that is the password plus a TOTP code for the disclosure office's
administrators and for approvers, whose signature binds the agency, and for anyone
who may enter Django's admin site.
"""

from gongkai.agencies.access import scope_of
from gongkai.agencies.models import Role

TWO_FACTOR_ROLES = (Role.OFFICE_ADMIN, Role.APPROVER)


def requires_two_factor(user) -> bool:
    if not user.is_authenticated:
        return False
    if user.is_superuser or user.is_staff:
        return True
    return any(role in TWO_FACTOR_ROLES for _, role in scope_of(user).roles)


def has_second_factor(user) -> bool:
    """Signed in with a verified device in this session (django-otp's OTPMiddleware)."""
    is_verified = getattr(user, "is_verified", None)
    return bool(is_verified and is_verified())
