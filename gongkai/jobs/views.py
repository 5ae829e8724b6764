"""Staff pages for background jobs: one run's progress (polled by the page that started
it) and, for the office, the recent runs with what failed in them."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, render

from gongkai.agencies.access import require_county_office, scope_of, staff_required
from gongkai.jobs.models import JobRun


def _may_see(user, run: JobRun) -> bool:
    # The runs are county-wide (a calendar re-derivation touches every agency's cases and
    # lists their failures): the county office sees them all, others only their own.
    if scope_of(user).is_county_office:
        return True
    return run.started_by_id is not None and run.started_by_id == user.pk


@staff_required
def run_detail(request, pk):
    run = get_object_or_404(JobRun, pk=pk)
    if not _may_see(request.user, run):
        raise PermissionDenied("只有发起人和县政务公开办管理员可以查看该任务。")
    if request.htmx:
        return render(request, "jobs/_run.html", {"run": run})
    return render(request, "jobs/run.html", {"run": run, "failures": run.failures.all()})


@require_county_office
def index(request):
    runs = JobRun.objects.select_related("started_by")[:100]
    return render(request, "jobs/index.html", {"runs": runs})
