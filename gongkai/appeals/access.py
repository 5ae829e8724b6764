"""Who may see and record 复议 and 诉讼 cases.

Another agency's case is a 404 (its existence is not disclosed). Everyone who sees an
agency (agencies.access) may read its cases; its 经办人 and 负责人 and the county
disclosure office may record and update them.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from gongkai.agencies.access import agencies_where, scope_of, visible_agencies
from gongkai.agencies.models import Role
from gongkai.appeals.models import Appeal

_EDIT_ROLES = (Role.CLERK, Role.APPROVER)


def appeals_for_staff(user):
    return Appeal.objects.filter(agency__in=visible_agencies(user))


def agencies_for_new_appeals(user):
    return agencies_where(user, Role.CLERK, Role.APPROVER, Role.OFFICE_ADMIN)


def may_edit(user, appeal) -> bool:
    scope = scope_of(user)
    if scope.administers(appeal.agency):
        return True
    return any(scope.holds(appeal.agency, role) for role in _EDIT_ROLES)


def get_appeal_for_staff(user, pk, *, edit: bool = False) -> Appeal:
    appeal = Appeal.objects.select_related("agency", "application", "reconsideration").filter(pk=pk).first()
    if appeal is None:
        raise Http404("没有找到该案件。")
    if not scope_of(user).sees(appeal.agency):
        raise Http404("没有找到该案件。")
    if edit and not may_edit(user, appeal):
        raise PermissionDenied("您的角色不能修改该案件。")
    return appeal
