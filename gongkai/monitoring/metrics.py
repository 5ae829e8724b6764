"""Prometheus metrics: django-prometheus counts requests and latency (its middleware);
this module adds what only the platform knows, read at scrape time: the job queues'
lengths and how many open applications are past their due date."""

from __future__ import annotations

import os

import prometheus_client
from django.conf import settings
from django.utils import timezone
from prometheus_client import multiprocess
from prometheus_client.core import GaugeMetricFamily


class PlatformCollector:
    def collect(self):
        yield self._overdue()
        if settings.REDIS_URL:
            yield from self._queues()

    def _overdue(self):
        from gongkai.applications.models import CLOCK_STATUSES, Application

        gauge = GaugeMetricFamily(
            "gongkai_applications_overdue", "Open applications past their due date (Asia/Shanghai today)."
        )
        gauge.add_metric([], Application.objects.filter(
            status__in=CLOCK_STATUSES, due_on__lt=timezone.localdate()
        ).count())
        return gauge

    def _queues(self):
        import django_rq
        from rq.registry import FailedJobRegistry, StartedJobRegistry

        waiting = GaugeMetricFamily("gongkai_queue_jobs_waiting", "Jobs waiting in the queue.", labels=["queue"])
        running = GaugeMetricFamily("gongkai_queue_jobs_running", "Jobs being run by a worker.", labels=["queue"])
        failed = GaugeMetricFamily("gongkai_queue_jobs_failed", "Jobs that failed for good.", labels=["queue"])
        for name in settings.RQ_QUEUES:
            queue = django_rq.get_queue(name)
            waiting.add_metric([name], queue.count)
            running.add_metric([name], StartedJobRegistry(queue=queue).count)
            failed.add_metric([name], FailedJobRegistry(queue=queue).count)
        yield from (waiting, running, failed)


def exposition() -> bytes:
    """The text the /metrics endpoint returns. With several gunicorn workers, each one
    writes its counters to PROMETHEUS_MULTIPROC_DIR and any of them reports the sum."""
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        process_registry = prometheus_client.CollectorRegistry()
        multiprocess.MultiProcessCollector(process_registry)
    else:
        process_registry = prometheus_client.REGISTRY
    platform = prometheus_client.CollectorRegistry()
    platform.register(PlatformCollector())
    return prometheus_client.generate_latest(process_registry) + prometheus_client.generate_latest(platform)
