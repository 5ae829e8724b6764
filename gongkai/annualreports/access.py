"""Who may see and do what with annual reports.

Another agency's report is a 404. Reading: anyone who sees the agency. Editing the
text, the figures and acknowledging warnings: the agency's 经办人 and 负责人, and the
disclosure office for its subtree. Publishing: the agency's 负责人 or the office.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from gongkai.agencies.access import agencies_where, scope_of, visible_agencies
from gongkai.agencies.models import Agency, Role

ACTIONS = ("view", "edit", "publish")
_ROLES = {"edit": (Role.CLERK, Role.APPROVER), "publish": (Role.APPROVER,)}


def agencies_seen(user):
    return visible_agencies(user)


def agencies_for_figures(user):
    return agencies_where(user, Role.CLERK, Role.APPROVER, Role.OFFICE_ADMIN)


def may(user, agency, action: str) -> bool:
    scope = scope_of(user)
    if not scope.sees(agency):
        return False
    if action == "view":
        return True
    if scope.administers(agency):
        return True
    return any(scope.holds(agency, role) for role in _ROLES[action])


def get_agency_for_staff(user, code: str, *, action: str) -> Agency:
    if action not in ACTIONS:
        raise ValueError(action)
    agency = Agency.objects.filter(code=code).first()
    if agency is None or not scope_of(user).sees(agency):
        raise Http404("没有找到该机关。")
    if not may(user, agency, action):
        raise PermissionDenied("您的角色不能对该报告进行此操作。")
    return agency
