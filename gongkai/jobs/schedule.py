"""The daily jobs, run by the RQ cron scheduler: `gongkai rqcron gongkai.jobs.schedule`
(deploy/gongkai-scheduler.service). Part of the deployment, not a crontab left to the reader.

Times are Asia/Shanghai (Django sets the process's TZ from settings.TIME_ZONE). Each job
is a management command, so an operator can run the same thing by hand.
"""

from django.apps import apps
from django.core.management import get_commands
from django.utils.module_loading import import_string
from rq import cron

from gongkai.jobs import run_command

DAILY = [
    # 缴费期限届满未缴费的申请按逾期未缴费终止办理（表三（六）2）; just after midnight.
    ("applications lapse", "20 0 * * *", ("applications", "lapse")),
    # Due dates of paused clocks move daily; the clerks' reminder goes out before work.
    ("applications remind", "30 7 * * *", ("applications", "remind")),
]
# Personal data past its retention period (个人信息保护法第十九条), when the command exists.
PURGE = ("personal-data purge", "40 1 * * *", ("personal-data", "purge", "--yes"))


def jobs() -> list[tuple[str, str, tuple[str, ...]]]:
    scheduled = list(DAILY)
    if "personal-data" in get_commands():
        scheduled.append(PURGE)
    return scheduled


# The outbox of queued e-mail and SMS (gongkai/notifications): every minute it sends what
# is due, including messages whose first attempt failed while the mail server was down.
FLUSH = ("notifications flush", 60, "gongkai.notifications.outbox.flush")


def interval_jobs() -> list[tuple[str, int, str]]:
    return [FLUSH] if apps.is_installed("gongkai.notifications") else []


for name, schedule, args in jobs():
    cron.register(run_command, "default", args=args, cron=schedule, name=name, job_timeout=3600)
for name, seconds, path in interval_jobs():
    cron.register(import_string(path), "default", interval=seconds, name=name, job_timeout=600)
