"""What /readyz asks before a load balancer sends a server traffic: each check returns
None when fine, else a short reason (in English: it is read by operators' tools)."""

from __future__ import annotations

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.executor import MigrationExecutor


def database() -> str | None:
    with connections[DEFAULT_DB_ALIAS].cursor() as cursor:
        cursor.execute("SELECT 1")
    return None


def migrations() -> str | None:
    connection = connections[DEFAULT_DB_ALIAS]
    executor = MigrationExecutor(connection)
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    return f"{len(plan)} migrations not applied" if plan else None


def redis() -> str | None:
    if not settings.REDIS_URL:
        return None  # the embedded set-up: in-process cache, jobs inline
    from django_rq import get_connection

    get_connection("default").ping()
    return None


def queue_depth() -> str | None:
    if not settings.REDIS_URL:
        return None
    depths = queue_lengths()
    over = {name: n for name, n in depths.items() if n > settings.READY_MAX_QUEUE_DEPTH}
    return f"queue too long: {over}" if over else None


def queue_lengths() -> dict[str, int]:
    import django_rq

    return {name: django_rq.get_queue(name).count for name in settings.RQ_QUEUES}


CHECKS = {"database": database, "migrations": migrations, "redis": redis, "queue": queue_depth}


def run_all() -> dict[str, str]:
    """Every check by name: "ok" or why not (an exception counts as not ready)."""
    results = {}
    for name, check in CHECKS.items():
        try:
            results[name] = check() or "ok"
        except Exception as error:  # noqa: BLE001 - any failure means "not ready"
            results[name] = f"{type(error).__name__}: {error}"[:200]
    return results
