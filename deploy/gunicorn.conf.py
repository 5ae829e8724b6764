"""gunicorn settings of every app server (deploy/systemd/gongkai-web@.service, make deploy-test).

Sync workers with a hard timeout: a request still running after `timeout` seconds has its
worker killed and replaced (gthread workers are never timed out, so one stuck request
would hold a thread for ever). Slow work (PDFs, batches, mail) belongs in jobs, not requests.
"""

import os
import shutil

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8001")
worker_class = "sync"
workers = int(os.environ.get("GUNICORN_WORKERS", str(2 * (os.cpu_count() or 1) + 1)))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))  # kills a worker stuck on one request
graceful_timeout = 30
keepalive = 5  # below nginx's upstream keepalive_timeout
max_requests = 2000  # a leak in one worker cannot grow for ever
max_requests_jitter = 200
limit_request_line = 8190
accesslog = "-"
access_log_format = '%({x-request-id}i)s %(h)s "%(r)s" %(s)s %(b)s %(M)sms'
forwarded_allow_ips = os.environ.get("TRUSTED_PROXIES", "127.0.0.1")


def on_starting(server):
    # Prometheus: every worker writes its counters here; a fresh start begins at zero.
    folder = os.environ.get("PROMETHEUS_MULTIPROC_DIR")
    if folder:
        shutil.rmtree(folder, ignore_errors=True)
        os.makedirs(folder, exist_ok=True)


def child_exit(server, worker):
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        from prometheus_client import multiprocess

        multiprocess.mark_process_dead(worker.pid)
