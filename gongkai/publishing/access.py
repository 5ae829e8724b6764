"""Who may see and do what with information items and local catalogue nodes.

Another agency's item is a 404 (its existence is not disclosed); an item the user may
see but not act on is a 403. Staff see the items of the agencies they hold a role in;
the county disclosure office sees its whole subtree (agencies.access).

Roles, by action:
- view: anyone who sees the agency;
- edit, submit, attach: 经办人 (clerk) of the item's agency;
- review (保密审查): 保密审查员 (reviewer);
- publish: 负责人 (approver);
- return: the reviewer while the item is in review, the approver while it awaits approval;
- withdraw: the approver (taking information off the site is the head's decision);
- validity: clerk or approver (recording that a document lapsed or was repealed).
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from gongkai.agencies.access import agencies_where, scope_of, visible_agencies
from gongkai.agencies.models import Role
from gongkai.publishing.models import CatalogueNode, InformationItem, ItemStatus

ACTIONS = ("view", "edit", "submit", "attach", "review", "publish", "return", "withdraw", "validity")

_ROLES_FOR = {
    "edit": (Role.CLERK,),
    "submit": (Role.CLERK,),
    "attach": (Role.CLERK,),
    "review": (Role.REVIEWER,),
    "publish": (Role.APPROVER,),
    "withdraw": (Role.APPROVER,),
    "validity": (Role.CLERK, Role.APPROVER),
}


def items_for_staff(user):
    """The items the user may see: those of every agency visible to them."""
    return InformationItem.objects.filter(agency__in=visible_agencies(user))


def may(user, item, action: str) -> bool:
    """Whether `user` may do `action` on `item` (which they can see)."""
    scope = scope_of(user)
    if not scope.sees(item.agency):
        return False
    if action == "view":
        return True
    if action == "return":
        return _may_return(scope, item)
    return any(scope.holds(item.agency, role) for role in _ROLES_FOR[action])


def _may_return(scope, item) -> bool:
    # 保密审查 returns what it reviews; approval returns what it approves.
    if item.status == ItemStatus.IN_REVIEW:
        return scope.holds(item.agency, Role.REVIEWER)
    if item.status == ItemStatus.AWAITING_APPROVAL:
        return scope.holds(item.agency, Role.APPROVER)
    return scope.holds(item.agency, Role.REVIEWER) or scope.holds(item.agency, Role.APPROVER)


def get_item_for_staff(user, pk, *, action: str) -> InformationItem:
    """The item, if the user may do `action` on it; 404 when they may not see it, 403
    when their role does not allow the action."""
    if action not in ACTIONS:
        raise ValueError(f"unknown action {action!r}")
    item = InformationItem.objects.select_related("agency", "node", "interprets").filter(pk=pk).first()
    if item is None:
        raise Http404("没有找到该信息。")
    if not scope_of(user).sees(item.agency):
        raise Http404("没有找到该信息。")
    if not may(user, item, action):
        raise PermissionDenied("您的角色不能对该信息进行此操作。")
    return item


def agencies_for_new_items(user):
    """Agencies the user may draft information for: where they are 经办人."""
    return agencies_where(user, Role.CLERK)


def agencies_for_local_nodes(user):
    """Agencies whose catalogue the user may extend: their clerks, their approvers, and
    the disclosure office for its subtree."""
    return agencies_where(user, Role.CLERK, Role.APPROVER, Role.OFFICE_ADMIN)


def get_node_for_staff(user, pk) -> CatalogueNode:
    """A catalogue node the user may see in the staff pages: any national node, or a
    local node of an agency they see."""
    node = CatalogueNode.objects.select_related("agency", "parent").filter(pk=pk).first()
    if node is None:
        raise Http404("没有找到该目录。")
    if node.agency_id is not None and not scope_of(user).sees(node.agency):
        raise Http404("没有找到该目录。")
    return node
