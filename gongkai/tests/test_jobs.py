from gongkai import jobs

RAN = []


def record(value, *, twice=False):
    RAN.append(value * (2 if twice else 1))


def test_without_redis_a_job_runs_inline_at_once(settings):
    settings.REDIS_URL = ""
    RAN.clear()
    job_id = jobs.enqueue("gongkai.tests.test_jobs.record", 3, twice=True)
    assert RAN == [6]
    assert job_id.startswith("inline-")
