"""Who may see supervision records: the county disclosure office, for its subtree only.

Every supervision page is behind `require_office_admin`; this helper narrows each
query to the agencies the office administers, and fetches single records the same way
(another subtree's record is a 404).
"""

from django.db.models import Q
from django.http import Http404

from gongkai.agencies.access import scope_of
from gongkai.agencies.models import Agency
from gongkai.supervision.models import MediaAccount


def supervised_agencies(user):
    """The agencies whose work the user supervises (office administrators' subtrees)."""
    paths = scope_of(user).office_paths
    if not paths:
        return Agency.objects.none()
    condition = Q()
    for path in paths:
        condition |= Q(path__startswith=path)
    return Agency.objects.filter(condition)


def get_agency_for_office(user, pk) -> Agency:
    agency = Agency.objects.filter(pk=pk).first()
    if agency is None or not scope_of(user).administers(agency):
        raise Http404("没有找到该机关。")
    return agency


def get_account_for_office(user, pk) -> MediaAccount:
    account = MediaAccount.objects.select_related("agency").filter(pk=pk).first()
    if account is None or not scope_of(user).administers(account.agency):
        raise Http404("没有找到该账号。")
    return account
