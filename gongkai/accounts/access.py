"""Whose password an office administrator may reset."""

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.http import Http404

from gongkai.agencies.access import scope_of
from gongkai.agencies.models import Agency, StaffRole


def staff_under(admin):
    """Staff all of whose roles lie in agencies the office administrator administers."""
    scope = scope_of(admin)
    agencies = [a for a in Agency.objects.all() if scope.administers(a)]
    ids = {a.pk for a in agencies}
    roles = StaffRole.objects.filter(user__is_active=True).values_list("user_id", "agency_id")
    inside, outside = set(), set()
    for user_id, agency_id in roles:
        (inside if agency_id in ids else outside).add(user_id)
    return get_user_model().objects.filter(pk__in=inside - outside).exclude(pk=admin.pk).order_by("username")


def get_staff_for_reset(admin, user_id: int):
    if not scope_of(admin).is_office_admin:
        raise PermissionDenied("只有政务公开办管理员可以重置工作人员的密码。")
    user = staff_under(admin).filter(pk=user_id).first()
    if user is None:
        # Someone outside the administrator's agencies is not shown at all (404, not 403).
        raise Http404("没有找到该工作人员。")
    return user
