"""/healthz: the process answers. /readyz: it can serve (database, Redis, migrations,
queue depth). /metrics: Prometheus. None of them touches a session or the page cache;
nginx lets only the monitoring network reach /metrics (deploy/nginx-gongkai.conf)."""

import ipaddress

import prometheus_client
from django.conf import settings
from django.http import HttpResponse, HttpResponseForbidden, JsonResponse
from django.views.decorators.cache import never_cache

from gongkai.monitoring import checks
from gongkai.monitoring.metrics import exposition


@never_cache
def healthz(request):
    return HttpResponse("ok\n", content_type="text/plain")


@never_cache
def readyz(request):
    results = checks.run_all()
    ready = all(value == "ok" for value in results.values())
    return JsonResponse({"ready": ready, "checks": results}, status=200 if ready else 503)


def _may_scrape(request) -> bool:
    """The connecting address (this host's nginx, or Prometheus itself), never a header."""
    try:
        address = ipaddress.ip_address(request.META.get("REMOTE_ADDR", ""))
    except ValueError:
        return False
    return any(address in ipaddress.ip_network(n.strip(), strict=False) for n in settings.METRICS_ALLOWED if n.strip())


@never_cache
def metrics(request):
    if not _may_scrape(request):
        return HttpResponseForbidden("metrics: not from an allowed address\n", content_type="text/plain")
    return HttpResponse(exposition(), content_type=prometheus_client.CONTENT_TYPE_LATEST)
