"""Who may see and handle an application: the one helper every page and endpoint uses.

An application is visible to its own agency's staff and to the county disclosure
office; to everyone else it does not exist (404, never 403, so its existence does
not leak). Handling it takes a clerk or approver of the agency (or the office);
signing a reply or approving an extension takes an approver (or the office), in their
own session; 保密审查 of a disclosing reply takes a reviewer (or the office). Who may
not take the next step of their own work is gongkai.agencies.duties' rule.
"""

from enum import StrEnum

from django.core.exceptions import PermissionDenied
from django.http import Http404

from gongkai.agencies.access import agencies_where, scope_of, visible_agencies
from gongkai.agencies.models import Role
from gongkai.applications.models import Application


class Action(StrEnum):
    VIEW = "view"  # read the case, masked identity
    HANDLE = "handle"  # record events, propose a decision, see identity in full
    REVIEW = "review"  # 保密审查 of a reply that discloses information
    APPROVE = "approve"  # sign replies, approve extensions


HANDLER_ROLES = (Role.CLERK, Role.APPROVER, Role.OFFICE_ADMIN)
APPROVER_ROLES = (Role.APPROVER, Role.OFFICE_ADMIN)


def get_application_for_staff(user, pk, *, action: Action | str = Action.VIEW) -> Application:
    application = Application.objects.select_related("agency").filter(pk=pk).first()
    scope = scope_of(user)
    if application is None:
        raise Http404("没有找到该申请。")
    if not scope.sees(application.agency):
        raise Http404("没有找到该申请。")
    if action == Action.HANDLE and not may_handle(user, application.agency):
        raise PermissionDenied("只有本机关经办人、负责人或政务公开办管理员可以办理该申请。")
    if action == Action.APPROVE and not may_approve(user, application.agency):
        raise PermissionDenied("只有本机关负责人或政务公开办管理员可以审批。")
    if action == Action.REVIEW and not may_review(user, application.agency):
        raise PermissionDenied("只有本机关保密审查员或政务公开办管理员可以进行保密审查。")
    return application


def may_handle(user, agency) -> bool:
    scope = scope_of(user)
    if scope.administers(agency):
        return True
    return scope.holds(agency, Role.CLERK) or scope.holds(agency, Role.APPROVER)


def may_approve(user, agency) -> bool:
    scope = scope_of(user)
    if scope.administers(agency):
        return True
    return scope.holds(agency, Role.APPROVER)


def may_review(user, agency) -> bool:
    scope = scope_of(user)
    if scope.administers(agency):
        return True
    return scope.holds(agency, Role.REVIEWER)


def may_see_identity(user, application: Application) -> bool:
    """ID numbers and phones in full: only on the case page, only to those handling it."""
    return may_handle(user, application.agency)


def applications_for_staff(user):
    """Every application the user may see."""
    return Application.objects.filter(agency__in=visible_agencies(user)).select_related("agency")


def intake_agencies(user):
    """Agencies where the user may register applications."""
    return agencies_where(user, *HANDLER_ROLES)
