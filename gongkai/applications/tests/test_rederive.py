"""Re-deriving open due dates after a calendar change: one case per transaction, the row
locked as the actions lock it, a case that fails logged and listed for the office."""

import datetime as dt
import logging

from gongkai.applications import clock, deadlines
from gongkai.jobs.models import JobRun, RunStatus

from .conftest import PERSON


def test_a_case_that_fails_is_logged_and_listed_and_the_others_go_on(county, register, monkeypatch, caplog, client):
    broken = register()
    fine = register(applicant={**PERSON, "id_number": "110105194912310048"}, description="另一件申请的内容")
    fine.due_on = dt.date(2030, 1, 1)
    fine.save(update_fields=["due_on"])
    real = deadlines.refresh_deadline

    def refuse_one(application, **kwargs):
        if application.pk == broken.pk:
            raise clock.ClockError("补正记录与规则不符")
        return real(application, **kwargs)

    monkeypatch.setattr(deadlines, "refresh_deadline", refuse_one)
    with caplog.at_level(logging.ERROR):
        assert deadlines.recompute_open_deadlines() == 1

    fine.refresh_from_db()
    assert fine.due_on != dt.date(2030, 1, 1)
    assert "补正记录与规则不符" in caplog.text
    run = JobRun.objects.get()
    assert (run.status, run.total, run.done, run.failed) == (RunStatus.DONE, 2, 1, 1)
    client.force_login(county.office_admin)
    listing = client.get("/staff/jobs/").content.decode()
    assert "按修改后的工作日历重新计算" in listing
    page = client.get(f"/staff/jobs/{run.pk}/").content.decode()
    assert "补正记录与规则不符" in page
    assert f"/staff/applications/{broken.pk}/" in page


def test_only_the_office_and_the_one_who_started_it_see_a_run(county, client):
    run = JobRun.objects.create(kind="x", title="某项任务", started_by=county.clerk)
    client.force_login(county.other_agency_clerk)
    assert client.get(f"/staff/jobs/{run.pk}/").status_code == 403
    assert client.get("/staff/jobs/").status_code == 403
    client.force_login(county.clerk)
    assert "某项任务" in client.get(f"/staff/jobs/{run.pk}/").content.decode()


def test_a_closed_case_is_left_alone(county, register):
    application = register()
    application.status = "closed"
    application.due_on = dt.date(2030, 1, 1)
    application.save(update_fields=["status", "due_on"])
    assert deadlines.recompute_open_deadlines() == 0
    application.refresh_from_db()
    assert application.due_on == dt.date(2030, 1, 1)
