"""Who may see and handle a 县长信箱 letter: the one helper every page uses.

- The county disclosure office (office administrators) sees every letter, assigns,
  closes and publishes them.
- An agency's clerks and approvers see the letters assigned to their agency; clerks
  draft replies, approvers approve or return them.
- Everyone else: the letter does not exist (404).
"""

from enum import StrEnum

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404

from gongkai.agencies.access import scope_of
from gongkai.agencies.models import Role
from gongkai.mailbox.models import MailboxLetter


class Action(StrEnum):
    VIEW = "view"
    DRAFT = "draft"  # write the reply
    APPROVE = "approve"  # approve or return the reply
    DISPATCH = "dispatch"  # assign, close, publish: the office


def letters_for_staff(user):
    scope = scope_of(user)
    if scope.is_office_admin:
        return MailboxLetter.objects.select_related("agency")
    agency_ids = {agency_id for agency_id, role in scope.roles if role in (Role.CLERK, Role.APPROVER)}
    return MailboxLetter.objects.filter(Q(agency_id__in=agency_ids)).select_related("agency")


def may(user, letter: MailboxLetter, action: str) -> bool:
    scope = scope_of(user)
    if scope.is_office_admin:
        return True
    if letter.agency is None:
        return False
    if action == Action.VIEW:
        return scope.holds(letter.agency, Role.CLERK) or scope.holds(letter.agency, Role.APPROVER)
    if action == Action.DRAFT:
        return scope.holds(letter.agency, Role.CLERK)
    if action == Action.APPROVE:
        return scope.holds(letter.agency, Role.APPROVER)
    return False


def get_letter_for_staff(user, pk, *, action: str = Action.VIEW) -> MailboxLetter:
    letter = MailboxLetter.objects.select_related("agency").filter(pk=pk).first()
    if letter is None:
        raise Http404("没有找到该来信。")
    if not may(user, letter, Action.VIEW):
        raise Http404("没有找到该来信。")
    if not may(user, letter, action):
        raise PermissionDenied("您的角色不能对该来信进行此操作。")
    return letter
