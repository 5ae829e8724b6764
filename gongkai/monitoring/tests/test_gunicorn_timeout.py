"""The production app server settings (deploy/gunicorn.conf.py) end a request stuck for
longer than GUNICORN_TIMEOUT and go on serving (issue 9, finding 9: gthread workers
were never timed out)."""

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[3]
PORT = 18126


def _wait_for_port():
    for _ in range(200):
        try:
            socket.create_connection(("127.0.0.1", PORT), timeout=0.2).close()
            return
        except OSError:
            time.sleep(0.1)
    raise AssertionError("gunicorn did not start")


def test_a_stuck_request_is_ended_and_the_server_goes_on(tmp_path):
    env = {**os.environ, "GUNICORN_BIND": f"127.0.0.1:{PORT}", "GUNICORN_WORKERS": "1", "GUNICORN_TIMEOUT": "2"}
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-c", str(ROOT / "deploy" / "gunicorn.conf.py"),
         "gongkai.monitoring.tests.slow_wsgi:application"],
        env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    try:
        _wait_for_port()
        try:
            stuck = requests.get(f"http://127.0.0.1:{PORT}/stuck", timeout=60)
            ended = stuck.status_code >= 500
        except requests.ConnectionError:
            ended = True  # the worker was killed with the connection open
        assert ended
        _wait_for_port()
        assert requests.get(f"http://127.0.0.1:{PORT}/", timeout=30).text == "fine"
    finally:
        server.terminate()
        _, errors = server.communicate(timeout=30)
    assert b"WORKER TIMEOUT" in errors
