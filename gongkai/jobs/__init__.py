"""Background jobs: one entry point for everything that should not run in a web request.

With `REDIS_URL` set, jobs go to RQ (workers and the scheduler run them); without it
they run inline, at once, in the caller's process, as `make run` needs no other server.
Callers pass an importable function (or its dotted path) and plain arguments only.

A job that staff should be able to follow is started with `gongkai.jobs.runs.start`,
which keeps a `JobRun` row (progress, failures) that the page it was started from shows.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.utils.module_loading import import_string

# A job killed with its worker (deploys, SIGKILL) is run again this many times;
# every job here is written to be safe to run twice.
RETRIES = 3


def _resolve(func: Callable[..., Any] | str) -> Callable[..., Any]:
    return import_string(func) if isinstance(func, str) else func


def queue_enabled() -> bool:
    return bool(settings.REDIS_URL)


def enqueue(func: Callable[..., Any] | str, *args: Any, queue: str = "default", **kwargs: Any) -> str:
    """Run FUNC(*args, **kwargs) in the background; returns the job's id."""
    if not queue_enabled():
        _resolve(func)(*args, **kwargs)
        return f"inline-{uuid.uuid4().hex}"
    import django_rq
    from rq import Retry

    job = django_rq.get_queue(queue).enqueue(
        func, *args, retry=Retry(max=RETRIES, interval=[5, 30, 120]), **kwargs
    )
    return job.id


def run_command(name: str, *args: str) -> str:
    """A management command as a job (the scheduled daily jobs); returns what it printed."""
    import io

    from django.core.management import call_command

    out = io.StringIO()
    call_command(name, *args, stdout=out)
    return out.getvalue()
