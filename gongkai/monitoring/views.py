"""/healthz: the process answers. /readyz: it can serve (database, Redis, migrations,
queue depth). /metrics: Prometheus. None of them touches a session or the page cache;
nginx lets only the monitoring network reach /metrics (deploy/nginx-gongkai.conf)."""

import prometheus_client
from django.http import HttpResponse, JsonResponse
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


@never_cache
def metrics(request):
    return HttpResponse(exposition(), content_type=prometheus_client.CONTENT_TYPE_LATEST)
