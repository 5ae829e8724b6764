"""The public side of applications: the online form and the tracking page.

Being written in the applications issue; these render an honest notice until then.
"""

from django.shortcuts import render


def apply(request):
    return render(request, "applications/public_unavailable.html", {"title": "依申请公开"}, status=503)


def track(request):
    return render(request, "applications/public_unavailable.html", {"title": "办理查询"}, status=503)
