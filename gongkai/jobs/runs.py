"""Jobs that people follow: a `JobRun` row per run, kept up to date by the job itself.

The page that starts a job shows its run (progress, failures) and polls it until it is
finished; failures are also listed for the office at /staff/jobs/. Works the same
inline (no Redis) and under RQ, since the job writes its own progress to the database.
"""

from __future__ import annotations

import logging
from contextlib import contextmanager

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from gongkai import jobs
from gongkai.jobs.models import JobFailure, JobRun, RunStatus

logger = logging.getLogger("gongkai.jobs")


def start(kind: str, title: str, func, *args, started_by=None, **kwargs) -> JobRun:
    """Record a run and queue FUNC(run_id, *args, **kwargs) once the caller's transaction commits."""
    user = started_by if getattr(started_by, "is_authenticated", False) else None
    run = JobRun.objects.create(kind=kind, title=title, started_by=user)
    transaction.on_commit(lambda: jobs.enqueue(func, run.pk, *args, **kwargs))
    return run


class Progress:
    """What a running job reports: how many in all, each one done or failed."""

    def __init__(self, run: JobRun):
        self.run = run

    def set_total(self, total: int) -> None:
        JobRun.objects.filter(pk=self.run.pk).update(total=total, updated_at=timezone.now())

    def advance(self) -> None:
        JobRun.objects.filter(pk=self.run.pk).update(done=F("done") + 1, updated_at=timezone.now())

    def fail(self, subject: str, error: str, *, link: str = "") -> None:
        logger.error("job %s (%s): %s failed: %s", self.run.pk, self.run.kind, subject, error)
        JobFailure.objects.create(run=self.run, subject=subject[:200], link=link[:300], error=error)
        JobRun.objects.filter(pk=self.run.pk).update(failed=F("failed") + 1, updated_at=timezone.now())


@contextmanager
def progress(run_id: int | None, *, kind: str, title: str):
    """Run the body as the run RUN_ID (or a new run, when the job was called directly,
    e.g. from a command). A run repeated after its worker died starts its count again."""
    if run_id is None:
        run = JobRun.objects.create(kind=kind, title=title)
    else:
        run = JobRun.objects.get(pk=run_id)
        JobFailure.objects.filter(run=run).delete()
    JobRun.objects.filter(pk=run.pk).update(
        status=RunStatus.RUNNING, done=0, failed=0, error="", finished_at=None, updated_at=timezone.now()
    )
    try:
        yield Progress(run)
    except Exception as error:
        logger.exception("job %s (%s) stopped", run.pk, run.kind)
        JobRun.objects.filter(pk=run.pk).update(
            status=RunStatus.FAILED, error=str(error) or error.__class__.__name__, finished_at=timezone.now()
        )
        raise
    JobRun.objects.filter(pk=run.pk).update(status=RunStatus.DONE, finished_at=timezone.now())


def recent_for(user, *, limit: int = 3) -> list[JobRun]:
    """The runs USER started in the last 12 hours, newest first: shown where they were started."""
    if not getattr(user, "is_authenticated", False):
        return []
    since = timezone.now() - timezone.timedelta(hours=12)
    return list(JobRun.objects.filter(started_by=user, created_at__gte=since)[:limit])
