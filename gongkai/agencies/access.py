"""Who may see and do what, by agency and role.

Every per-object check in the platform starts from these functions, so that the
rule "an agency's staff never see another agency's records" is written once.
The county disclosure office (office administrators) sees its whole subtree.
"""

from dataclasses import dataclass
from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db.models import Q

from gongkai.agencies.models import Agency, Role, StaffRole


@dataclass(frozen=True)
class StaffScope:
    roles: frozenset[tuple[int, str]]  # (agency_id, role)
    office_paths: tuple[str, ...]  # subtrees the user administers as the disclosure office

    @property
    def is_staff_member(self) -> bool:
        return bool(self.roles)

    @property
    def is_office_admin(self) -> bool:
        return bool(self.office_paths)

    @property
    def is_county_office(self) -> bool:
        """An office administrator of a root agency (the county): the one office whose
        settings bind every agency (the working-day calendar, supervision measures)."""
        return any(path.count("/") == 2 for path in self.office_paths)

    @property
    def is_clerk(self) -> bool:
        """经办人 somewhere: may draft information items (publishing.access.agencies_for_new_items)."""
        return any(role == Role.CLERK for _, role in self.roles)

    def holds(self, agency: Agency, role: str) -> bool:
        return (agency.pk, role) in self.roles

    def administers(self, agency: Agency) -> bool:
        return any(agency.path.startswith(p) for p in self.office_paths)

    def sees(self, agency: Agency) -> bool:
        """May read the agency's internal records (cases, drafts, reports)."""
        if self.administers(agency):
            return True
        return any(agency_id == agency.pk for agency_id, _ in self.roles)


_EMPTY = StaffScope(frozenset(), ())


def scope_of(user) -> StaffScope:
    """The user's roles, read once per request and kept on the user object."""
    if user is None or not user.is_authenticated or not user.is_active:
        return _EMPTY
    cached = getattr(user, "_gongkai_scope", None)
    if cached is not None:
        return cached
    rows = list(StaffRole.objects.filter(user=user).select_related("agency").values_list("agency_id", "role", "agency__path"))
    scope = StaffScope(
        roles=frozenset((agency_id, role) for agency_id, role, _ in rows),
        office_paths=tuple(path for _, role, path in rows if role == Role.OFFICE_ADMIN),
    )
    user._gongkai_scope = scope
    return scope


def visible_agencies(user):
    """Agencies whose internal records the user may see."""
    scope = scope_of(user)
    if not scope.is_staff_member:
        return Agency.objects.none()
    condition = Q(pk__in={agency_id for agency_id, _ in scope.roles})
    for path in scope.office_paths:
        condition |= Q(path__startswith=path)
    return Agency.objects.filter(condition)


def agencies_where(user, *roles: str):
    """Agencies where the user holds one of `roles` (office admins: also their subtree)."""
    scope = scope_of(user)
    ids = {agency_id for agency_id, role in scope.roles if role in roles}
    condition = Q(pk__in=ids)
    if Role.OFFICE_ADMIN in roles:
        for path in scope.office_paths:
            condition |= Q(path__startswith=path)
    return Agency.objects.filter(condition)


def staff_required(view):
    """Any staff member of any agency; others go to the log-in page or get 403."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not scope_of(request.user).is_staff_member:
            raise PermissionDenied("您不是本平台的工作人员。")
        return view(request, *args, **kwargs)

    return wrapped


def require_county_office(view):
    """The county disclosure office alone: county-wide settings such as the working-day
    calendar, which moves every agency's statutory due dates."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not scope_of(request.user).is_county_office:
            raise PermissionDenied("只有县政务公开办管理员可以修改全县通用的设置。")
        return view(request, *args, **kwargs)

    return wrapped


def require_office_admin(view):
    """The county disclosure office only."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not scope_of(request.user).is_office_admin:
            raise PermissionDenied("只有政务公开办管理员可以进行此操作。")
        return view(request, *args, **kwargs)

    return wrapped
