"""Who may see and handle a 县长信箱 letter: the one helper every page uses.

- The county disclosure office (office administrators of the county, the root agency)
  sees every letter, assigns, closes and publishes them: the 县长信箱 is the county's.
- Any other office administrator (a township's, say) sees and handles only the letters
  assigned to an agency in their subtree, never the unassigned ones nor other subtrees'.
- An agency's clerks and approvers see the letters assigned to their agency; clerks
  draft replies, approvers approve or return them (never a reply they drafted:
  gongkai.agencies.duties).
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
    if scope.is_county_office:
        return MailboxLetter.objects.select_related("agency")
    agency_ids = {agency_id for agency_id, role in scope.roles if role in (Role.CLERK, Role.APPROVER)}
    condition = Q(agency_id__in=agency_ids)
    for path in scope.office_paths:
        condition |= Q(agency__path__startswith=path)
    return MailboxLetter.objects.filter(condition).select_related("agency")


def may(user, letter: MailboxLetter, action: str) -> bool:
    scope = scope_of(user)
    if scope.is_county_office:
        return True
    if letter.agency is None:
        return False
    if action != Action.DISPATCH and scope.administers(letter.agency):
        return True
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
