from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render

from gongkai.agencies.access import scope_of, staff_required, visible_agencies
from gongkai.agencies.actions import do_update_agency_profile
from gongkai.agencies.forms import AgencyProfileForm
from gongkai.agencies.models import Agency, Role
from gongkai.agencies.worklist import work_for


def _may_edit(scope, agency: Agency) -> bool:
    """Its own approvers and the county office may edit an agency's public profile."""
    return scope.administers(agency) or scope.holds(agency, Role.APPROVER)


def _get_agency_for_edit(user, code: str) -> Agency:
    agency = Agency.objects.filter(code=code).first()
    scope = scope_of(user)
    if agency is None or not scope.sees(agency):
        raise Http404("没有找到该机关。")
    if not _may_edit(scope, agency):
        raise PermissionDenied("只有本机关负责人或政务公开办管理员可以修改机关信息。")
    return agency


@staff_required
def home(request):
    scope = scope_of(request.user)
    roles = [(Agency.objects.get(pk=a), Role(r).label) for a, r in sorted(scope.roles)]
    return render(request, "agencies/home.html", {"roles": roles, "work": work_for(request.user)})


@staff_required
def agency_list(request):
    scope = scope_of(request.user)
    agencies = [(agency, _may_edit(scope, agency)) for agency in visible_agencies(request.user)]
    return render(request, "agencies/list.html", {"agencies": agencies})


@staff_required
def agency_edit(request, code):
    agency = _get_agency_for_edit(request.user, code)
    form = AgencyProfileForm(request.POST or None, instance=Agency.objects.get(pk=agency.pk))
    if request.method == "POST" and form.is_valid():
        changes = {f: form.cleaned_data[f] for f in form.Meta.fields}
        do_update_agency_profile(agency, changes, acting_user=request.user)
        messages.success(request, "机关信息已保存。")
        return redirect("agencies:edit", code=agency.code)
    return render(request, "agencies/edit.html", {"agency": agency, "form": form})
