"""`make deploy-test`: the production set-up tried as operations would.

nginx (Debian's package) in front of two gunicorn app servers (deploy/gunicorn.conf.py),
one RQ worker and the scheduler, against the local PostgreSQL and Redis, e-mail to a
local SMTP sink. Citizens submit applications through nginx while staff work their
queue; one app server and the worker are SIGKILLed mid-load and started again. At the
end: every submitted application exists exactly once with a gap-free number, every
e-mail reached the sink exactly once, no job is left waiting or running, /readyz is green.

Ports 18120–18125 by default (DEPLOY_TEST_PORT_BASE), database gongkai_ops_deploy,
Redis db 10. Plain HTTP between the test and nginx (TLS is the site file's job).
"""

from __future__ import annotations

import base64
import concurrent.futures
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
BASE = int(os.environ.get("DEPLOY_TEST_PORT_BASE", "18120"))
NGINX_PORT, WEB_PORTS, SMTP_PORT = BASE, (BASE + 1, BASE + 2), BASE + 3
DB_NAME = os.environ.get("DEPLOY_TEST_DB", "gongkai_ops_deploy")
PG = os.environ.get("DEPLOY_TEST_PG", "postgres://postgres@127.0.0.1:5432")
REDIS = os.environ.get("DEPLOY_TEST_REDIS", "redis://127.0.0.1:6379/10")
CITIZENS = int(os.environ.get("DEPLOY_TEST_CITIZENS", "60"))
SITE = f"http://127.0.0.1:{NGINX_PORT}"
def _proof_png() -> bytes:
    """The proof of identity the apply form asks for: a real image (uploads are decoded whole)."""
    import io

    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (200, 120), (235, 235, 235)).save(out, format="PNG")
    return out.getvalue()


PNG = _proof_png()


def log(message: str) -> None:
    print(f"[deploy-test {time.strftime('%H:%M:%S', time.gmtime())} UTC] {message}", flush=True)


class Stack:
    """The processes of one installation, started and stopped as systemd would."""

    def __init__(self, work: Path):
        self.work = work
        self.procs: dict[str, subprocess.Popen] = {}
        self.env = {
            **os.environ,
            "DATABASE_URL": f"{PG}/{DB_NAME}",
            "REDIS_URL": REDIS,
            # The production switch with its strict checks, less what needs TLS (plain HTTP here).
            "PRODUCTION": "1",
            "SECURE_SSL_REDIRECT": "0",
            "SECURE_COOKIES": "0",
            "SECURE_HSTS_SECONDS": "0",
            "SECRET_KEY": "deploy-test-" + os.urandom(32).hex(),
            "PERSONAL_DATA_KEYS": base64.urlsafe_b64encode(os.urandom(32)).decode(),  # a Fernet key
            # Every citizen here comes from 127.0.0.1: the per-address limit is lifted for
            # the test (the per-ID and per-phone quotas stay: each citizen has their own).
            "RATE_APPLY": "100000/h",
            "UPLOAD_BYTES_PER_ADDRESS_PER_DAY": str(10**10),
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "SITE_ROOT": SITE,
            "TRUSTED_PROXIES": "127.0.0.1",
            "VAR_DIR": str(work / "var"),
            "MEDIA_ROOT": str(work / "media"),
            "STATIC_ROOT": str(work / "static"),
            "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "EMAIL_HOST": "127.0.0.1",
            "EMAIL_PORT": str(SMTP_PORT),
            "LOG_FORMAT": "json",
            "LOG_LEVEL": "WARNING",
            "GUNICORN_WORKERS": "2",
            "TZ": "Asia/Shanghai",
        }
        self.env.pop("DJANGO_SETTINGS_MODULE", None)

    def run(self, *args: str) -> str:
        result = subprocess.run([str(BIN / "gongkai"), *args], env=self.env, cwd=ROOT,
                                capture_output=True, text=True, check=False)
        if result.returncode:
            raise SystemExit(f"gongkai {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
        return result.stdout

    def start(self, name: str, command: list[str], **env: str) -> None:
        out = (self.work / f"{name}.log").open("ab")
        self.procs[name] = subprocess.Popen(
            command, env={**self.env, **env}, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group: SIGKILL takes its children too
        )

    def kill(self, name: str) -> None:
        proc = self.procs[name]
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        log(f"SIGKILL {name} (pid {proc.pid}) and its children")

    def stop_all(self) -> None:
        for proc in self.procs.values():
            if proc.poll() is None:
                try:
                    os.killpg(proc.pid, signal.SIGTERM)
                except ProcessLookupError:
                    continue
        for proc in self.procs.values():
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)

    # --- the pieces ---------------------------------------------------------------------

    def web(self, n: int) -> None:
        port = WEB_PORTS[n]
        metrics = self.work / f"metrics-{port}"
        self.start(f"web{n}", [str(BIN / "python"), "-m", "gunicorn", "-c", str(ROOT / "deploy" / "gunicorn.conf.py"),
                               "gongkai.wsgi:application"],
                   GUNICORN_BIND=f"127.0.0.1:{port}", PROMETHEUS_MULTIPROC_DIR=str(metrics))

    def worker(self) -> None:
        self.start("worker", [str(BIN / "gongkai"), "rqworker", "default", "--with-scheduler"])

    def scheduler(self) -> None:
        self.start("scheduler", [str(BIN / "gongkai"), "rqcron", "gongkai.jobs.schedule"])

    def smtp_sink(self) -> None:
        self.start("smtp", [str(BIN / "python"), "-m", "aiosmtpd", "-n", "-l", f"127.0.0.1:{SMTP_PORT}",
                            "-c", "aiosmtpd.handlers.Mailbox", str(self.work / "mail")])

    def nginx(self) -> None:
        nginx = shutil.which("nginx") or "/usr/sbin/nginx"
        conf = self.work / "nginx"
        conf.mkdir(exist_ok=True)
        proxy = (ROOT / "deploy" / "nginx" / "gongkai-proxy.conf").read_text()
        (conf / "gongkai-proxy.conf").write_text(proxy)
        locations = (ROOT / "deploy" / "nginx" / "gongkai-locations.conf").read_text()
        locations = locations.replace("/etc/nginx/snippets/gongkai-proxy.conf", str(conf / "gongkai-proxy.conf"))
        locations = locations.replace("/srv/gongkai/static/", f"{self.work / 'static'}/")
        (conf / "gongkai-locations.conf").write_text(locations)
        servers = "\n".join(f"    server 127.0.0.1:{p} max_fails=1 fail_timeout=5s;" for p in WEB_PORTS)
        (conf / "nginx.conf").write_text(f"""
worker_processes 2;
pid {conf}/nginx.pid;
error_log {conf}/error.log warn;
events {{ worker_connections 512; }}
http {{
    include /etc/nginx/mime.types;
    access_log {conf}/access.log;
    client_body_temp_path {conf}/body;
    proxy_temp_path {conf}/proxy;
    fastcgi_temp_path {conf}/fastcgi;
    uwsgi_temp_path {conf}/uwsgi;
    scgi_temp_path {conf}/scgi;
    upstream gongkai_app {{
{servers}
        keepalive 16;
    }}
    server {{
        listen 127.0.0.1:{NGINX_PORT};
        server_name localhost;
        include {conf}/gongkai-locations.conf;
    }}
}}
""")
        self.start("nginx", [nginx, "-p", str(conf), "-c", str(conf / "nginx.conf"), "-g", "daemon off;"])


def wait_for(url: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if requests.get(url, timeout=2).status_code == 200:
                return
        except requests.RequestException:
            pass
        time.sleep(0.3)
    raise SystemExit(f"{url} did not answer within {seconds} s")


# --- the journeys ---------------------------------------------------------------------------


def resident_id(n: int) -> str:
    body = f"41042519800101{n:04d}"[:17]
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    check = "10X98765432"[sum(int(d) * w for d, w in zip(body, weights, strict=True)) % 11]
    return body + check


def retrying(call, what: str, tries: int = 10):
    """What a citizen does when the page fails: try the same thing again a moment later."""
    for attempt in range(tries):
        try:
            response = call()
            if response.status_code < 500:
                return response
        except requests.RequestException:
            pass
        time.sleep(0.5 * (attempt + 1))
    raise RuntimeError(f"{what}: still failing after {tries} tries")


def citizen(n: int) -> dict:
    session = requests.Session()
    form = retrying(lambda: session.get(f"{SITE}/apply/", timeout=30), "open the apply form").text
    key = re.search(r'name="idempotency_key" value="([^"]+)"', form).group(1)
    agencies = re.findall(r'<option value="(\d+)"', form)
    data = {
        "csrfmiddlewaretoken": re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1),
        "idempotency_key": key, "agency": agencies[n % len(agencies)], "applicant_type": "natural_person",
        "name": f"测试申请人{n}", "id_type": "resident_id", "id_number": resident_id(n),
        "phone": f"138{n:08d}", "email": f"citizen{n}@example.com",
        "description": f"部署测试：请公开2025年第{n}号文件", "form_wanted": "electronic", "delivery_wanted": "email",
    }
    captcha = re.search(r'name="captcha_0" value="([^"]+)"', form)
    if captcha:  # the test reads the answer where the server keeps it; a bot could not
        data["captcha_0"], data["captcha_1"] = captcha.group(1), captcha_answer(captcha.group(1))
    def submit():
        return retrying(lambda: session.post(
            f"{SITE}/apply/", data=data, files={"proof": ("id.png", PNG, "image/png")},
            headers={"Referer": f"{SITE}/apply/"}, allow_redirects=False, timeout=30,
        ), f"submit application {n}")

    response = submit()
    for _ in range(3):
        # A captcha is used up by the request that read it: when the server was killed
        # under that request, the retry meets "验证码不正确" and, as a person would, types
        # the new one the page shows, with the same form (same idempotency key).
        again = re.search(r'name="captcha_0" value="([^"]+)"', response.text) if response.status_code == 200 else None
        if again is None or "验证码不正确" not in response.text:
            break
        data["captcha_0"], data["captcha_1"] = again.group(1), captcha_answer(again.group(1))
        response = submit()
    if response.status_code != 302:
        errors = re.findall(r'class="[^"]*error[^"]*"[^>]*>([^<]+)<', response.text)
        raise RuntimeError(f"application {n} refused ({response.status_code}): {errors[:3]}")
    return {"key": key, "email": data["email"], "description": data["description"]}


def captcha_answer(hashkey: str) -> str:
    import psycopg

    with psycopg.connect(f"{PG}/{DB_NAME}") as db:
        row = db.execute("SELECT response FROM captcha_captchastore WHERE hashkey = %s", [hashkey]).fetchone()
    return row[0]


def staff(stop: threading.Event) -> int:
    session = requests.Session()
    page = retrying(lambda: session.get(f"{SITE}/staff/login/", timeout=30), "open the log-in page").text
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    response = retrying(lambda: session.post(f"{SITE}/staff/login/", data={
        "csrfmiddlewaretoken": token, "username": "xianfu_clerk", "password": "gongkai-demo",
    }, headers={"Referer": f"{SITE}/staff/login/"}, allow_redirects=False, timeout=30), "log in")
    if response.status_code != 302:
        raise RuntimeError(f"staff log-in refused ({response.status_code})")
    views = 0
    while not stop.is_set():
        queue = retrying(lambda: session.get(f"{SITE}/staff/applications/", timeout=30), "open the queue")
        assert "依申请公开" in queue.text, "the queue page is not the queue"
        for pk in re.findall(r'href="/staff/applications/(\d+)/"', queue.text)[:3]:
            case = retrying(lambda pk=pk: session.get(f"{SITE}/staff/applications/{pk}/", timeout=30), "open a case")
            assert case.status_code == 200, f"case {pk}: {case.status_code}"
            views += 1
        retrying(lambda: session.get(f"{SITE}/staff/calendar/", timeout=30), "open the calendar")
    return views


# --- the checks -----------------------------------------------------------------------------


def check(stack: Stack, submitted: list[dict]) -> list[str]:
    os.environ.update({k: v for k, v in stack.env.items() if k in ("DATABASE_URL", "REDIS_URL", "SECRET_KEY")})
    os.environ["DJANGO_SETTINGS_MODULE"] = "gongkai.settings"
    import django

    django.setup()
    import django_rq
    from rq import Worker
    from rq.registry import FailedJobRegistry, StartedJobRegistry

    from gongkai.applications.models import Application

    problems = []
    # Each citizen's request is worded uniquely; the stored idempotency key is bound to the
    # citizen's session (not the form's raw key), so the request is what identifies it.
    wanted = [s["description"] for s in submitted]
    rows = list(Application.objects.filter(description__in=wanted).values_list("description", "agency_id", "year", "number"))
    if sorted(d for d, *_ in rows) != sorted(wanted):
        problems.append(f"{len(wanted)} applications submitted, {len(rows)} stored for them (each must be there once)")
    for (agency, year) in {(a, y) for _, a, y, _ in rows}:
        numbers = sorted(Application.objects.filter(agency_id=agency, year=year).values_list("number", flat=True))
        if numbers != list(range(1, len(numbers) + 1)):
            problems.append(f"agency {agency} {year}: numbers not gap-free: {numbers}")

    queue = django_rq.get_queue("default")
    wait_for_jobs(queue)
    started = StartedJobRegistry(queue=queue)
    if started.count and all(w.state == "idle" for w in Worker.all(queue=queue)):
        # The job the killed worker was running: RQ retries it once its heartbeat expires
        # (minutes); with every live worker idle it is certainly abandoned, so expire it now.
        log(f"{started.count} job(s) abandoned by the killed worker: handed back for a retry")
        started.cleanup(timestamp=time.time() + 3600)
        wait_for_jobs(queue)
    if queue.count or started.count:
        problems.append(f"jobs left: {queue.count} waiting, {started.count} running")
    failed = FailedJobRegistry(queue=queue)
    if failed.count:
        problems.append(f"{failed.count} jobs failed for good: {failed.get_job_ids()[:5]}")

    problems += check_mail(stack, submitted)
    ready = requests.get(f"{SITE}/readyz", timeout=10)
    if ready.status_code != 200:
        problems.append(f"/readyz {ready.status_code}: {ready.text}")
    return problems


def wait_for_jobs(queue, seconds: float = 120) -> None:
    from rq.registry import ScheduledJobRegistry, StartedJobRegistry

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and (
        queue.count or StartedJobRegistry(queue=queue).count or ScheduledJobRegistry(queue=queue).count
    ):
        time.sleep(1)


def outbox_wait() -> float:
    """Seconds the outbox may still need: a message claimed by the killed worker is left
    to it until its claim lapses (gongkai/notifications/outbox.py), then the minute-by-
    minute flush sends it. Zero when there is no outbox or nothing is claimed."""
    from django.apps import apps
    from django.utils import timezone

    if not apps.is_installed("gongkai.notifications"):
        return 0
    from gongkai.notifications.models import OutboxMessage

    latest = (OutboxMessage.objects.filter(claimed_until__isnull=False, sent_at__isnull=True)
              .order_by("-claimed_until").values_list("claimed_until", flat=True).first())
    if latest is None:
        return 0
    log(f"an e-mail claimed by the killed worker waits for its claim to lapse at {latest:%H:%M:%S}")
    return max(0.0, (latest - timezone.now()).total_seconds()) + 60


def check_mail(stack: Stack, submitted: list[dict]) -> list[str]:
    import mailbox

    deadline = time.monotonic() + 90 + outbox_wait()
    while True:
        received: dict[str, int] = {}
        for message in mailbox.Maildir(stack.work / "mail", create=True):
            received[message["To"]] = received.get(message["To"], 0) + 1
        missing = [s["email"] for s in submitted if received.get(s["email"], 0) == 0]
        if not missing or time.monotonic() > deadline:
            break
        time.sleep(2)
    twice = {to: n for to, n in received.items() if n > 1}
    problems = []
    if missing:
        problems.append(f"{len(missing)} of {len(submitted)} acknowledgements never reached the SMTP sink: {missing[:5]}")
    if twice:
        problems.append(f"e-mails sent more than once: {twice}")
    return problems


def main() -> int:
    work = Path(tempfile.mkdtemp(prefix="gongkai-deploy-test-"))
    stack = Stack(work)
    log(f"work folder {work}")
    subprocess.run(["psql", PG + "/postgres", "-qc", f"DROP DATABASE IF EXISTS {DB_NAME}"], check=True)
    subprocess.run(["psql", PG + "/postgres", "-qc", f"CREATE DATABASE {DB_NAME}"], check=True)
    subprocess.run(["redis-cli", "-u", REDIS, "FLUSHDB"], check=True, capture_output=True)
    try:
        log("migrate, demo data, static files")
        stack.run("migrate", "--noinput", "-v0")
        stack.run("demo", "load")
        stack.run("collectstatic", "--noinput", "-v0")
        stack.smtp_sink()
        stack.web(0)
        stack.web(1)
        stack.worker()
        stack.scheduler()
        stack.nginx()
        for port in WEB_PORTS:
            wait_for(f"http://127.0.0.1:{port}/healthz")
        wait_for(f"{SITE}/readyz")
        log(f"up: nginx :{NGINX_PORT} → gunicorn :{WEB_PORTS[0]} :{WEB_PORTS[1]}, worker, scheduler, SMTP sink :{SMTP_PORT}")

        stop = threading.Event()
        with concurrent.futures.ThreadPoolExecutor(max_workers=8) as pool:
            staff_views = pool.submit(staff, stop)
            futures = [pool.submit(citizen, n) for n in range(CITIZENS)]
            done = 0
            for _ in concurrent.futures.as_completed(futures):
                done += 1
                if done == CITIZENS // 3:
                    stack.kill("web0")
                    stack.kill("worker")
                    time.sleep(2)
                    stack.web(0)
                    stack.worker()
                    log("app server 0 and the worker started again")
            stop.set()
            submitted = [f.result() for f in futures]
            log(f"{len(submitted)} applications submitted; staff opened {staff_views.result()} cases meanwhile")
        wait_for(f"http://127.0.0.1:{WEB_PORTS[0]}/healthz")

        problems = check(stack, submitted)
    finally:
        stack.stop_all()
    if problems:
        for problem in problems:
            log(f"FAIL: {problem}")
        log(f"logs kept in {work}")
        return 1
    log("PASS: every application once with gap-free numbers, every e-mail once, no job left, /readyz green")
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
