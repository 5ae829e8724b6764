"""With REDIS_URL set, jobs go through a real RQ queue (Redis db 3 of the test machine)
and a worker runs them; the daily jobs are part of the scheduler's configuration."""

import django_rq
import pytest
from rq import SimpleWorker
from rq.cron import CronScheduler

from gongkai import jobs
from gongkai.jobs import runs
from gongkai.jobs.models import JobRun, RunStatus

REDIS = "redis://127.0.0.1:6379/3"
SEEN = []


def count_to(run_id, n):
    with runs.progress(run_id, kind="test.count", title="数到N") as progress:
        progress.set_total(n)
        for _ in range(n):
            progress.advance()
    SEEN.append(n)


@pytest.fixture
def redis_queue(settings):
    settings.REDIS_URL = REDIS
    settings.RQ_QUEUES = {"default": {"URL": REDIS, "DEFAULT_TIMEOUT": 60}}
    queue = django_rq.get_queue("default")
    try:
        queue.connection.ping()
    except Exception:  # noqa: BLE001
        pytest.skip("no Redis on 127.0.0.1:6379")
    queue.empty()
    yield queue
    queue.empty()


def test_with_redis_a_job_waits_in_the_queue_until_a_worker_runs_it(
    db, redis_queue, county, django_capture_on_commit_callbacks
):
    SEEN.clear()
    with django_capture_on_commit_callbacks(execute=True):
        run = runs.start("test.count", "数到N", "gongkai.jobs.tests.test_queue.count_to", 4, started_by=county.clerk)
    assert SEEN == []
    assert redis_queue.count == 1
    assert JobRun.objects.get(pk=run.pk).status == RunStatus.QUEUED

    SimpleWorker([redis_queue], connection=redis_queue.connection).work(burst=True)

    assert SEEN == [4]
    run.refresh_from_db()
    assert (run.status, run.total, run.done, run.started_by) == (RunStatus.DONE, 4, 4, county.clerk)


def test_a_job_that_raises_is_shown_as_stopped_with_its_reason(db):
    def explode(run_id):
        with runs.progress(run_id, kind="test.explode", title="会出错的任务"):
            raise ValueError("磁盘已满")

    with pytest.raises(ValueError):
        explode(None)
    run = JobRun.objects.get(kind="test.explode")
    assert (run.status, run.error) == (RunStatus.FAILED, "磁盘已满")


def test_the_scheduler_runs_remind_and_lapse_every_day_in_shanghai_time(redis_queue):
    scheduler = CronScheduler(connection=redis_queue.connection)
    scheduler.load_config_from_file("gongkai.jobs.schedule")
    by_name = {job.name: job for job in scheduler.get_jobs()}
    assert by_name["applications remind"].cron == "30 7 * * *"
    assert by_name["applications lapse"].cron == "20 0 * * *"
    assert by_name["applications remind"].args == ("applications", "remind")
    assert all(job.func is jobs.run_command for job in by_name.values() if job.cron)


def test_a_scheduled_command_runs_as_a_job_and_says_what_it_did(db):
    out = jobs.run_command("applications", "recompute")
    assert out.strip() == "已重新计算 0 件申请的答复期限。"
    assert JobRun.objects.get().kind == "applications.rederive_deadlines"
