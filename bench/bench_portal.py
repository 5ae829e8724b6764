"""The public portal under load: list, item and search pages against a static file.

Starts gunicorn on 127.0.0.1 (a free port) with the benchmark database (see
loaddata_items.py, loaded first if it holds fewer than BENCH_ITEMS items), and drives
it with wrk when installed, otherwise with a small threaded client. Goals: list and
item pages at least 25% of the static file's requests/s; search p95 under 100 ms.

Each scenario runs twice against the same server pair: as production serves anonymous
visitors (rendered pages shared for 30 s, see gongkai/portal/page_cache.py), and with
the page cache off (bench/settings_uncached.py), so every request renders its page.

Environment: DATABASE_URL, BENCH_ITEMS (200000), BENCH_SECONDS per scenario (10),
BENCH_CONNECTIONS (8), BENCH_WORKERS (gunicorn workers, default 2 × nproc).
"""

import json
import os
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import loaddata_items  # noqa: E402

ROOT = loaddata_items.ROOT
BIN = Path(sys.executable).parent
SECONDS = int(os.environ.get("BENCH_SECONDS", "10"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "8"))
WORKERS = int(os.environ.get("BENCH_WORKERS", str(2 * (os.cpu_count() or 1))))
QUERIES = ["低保", "补贴", "救助", "养老", "就业", "教育", "征收", "采购", "医疗", "资金"]

WRK_SCRIPT = """
local paths = {%s}
request = function()
  return wrk.format("GET", paths[math.random(#paths)])
end
done = function(summary, latency, requests)
  io.write(string.format('RESULT {"requests": %%d, "seconds": %%f, "p50": %%f, "p95": %%f, "errors": %%d, "non2xx": %%d}\\n',
    summary.requests, summary.duration / 1e6, latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status))
end
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def scenarios() -> dict[str, list[str]]:
    from gongkai.agencies.models import Agency
    from gongkai.publishing.models import InformationItem

    rng = random.Random(1)
    ids = list(InformationItem.objects.filter(status="published").values_list("pk", flat=True)[:200_000])
    agencies = list(Agency.objects.filter(code__startswith="bench-").values_list("code", flat=True))
    some = list(InformationItem.objects.filter(status="published").order_by("-published_on", "-pk")
                .values_list("published_on", "pk")[1000:1001])
    deep = f"?after={some[0][0].isoformat()}.{some[0][1]}" if some else ""
    lists = ["/items/", f"/items/{deep}", "/items/?node=policy-documents", "/items/?year=2018"]
    lists += [f"/items/?agency={code}" for code in rng.sample(agencies, min(5, len(agencies)))]
    return {
        "静态文件 /static/gongkai/site.css": ["/static/gongkai/site.css"],
        "列表页 /items/（含筛选、翻页）": lists,
        "信息页 /items/<id>/": [f"/items/{pk}/" for pk in rng.sample(ids, min(500, len(ids)))],
        "检索页 /search/?q=（两字词）": [f"/search/?q={urllib.request.quote(q)}" for q in QUERIES],
    }


def run_wrk(base: str, paths: list[str]) -> dict:
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(WRK_SCRIPT % ", ".join(json.dumps(p) for p in paths))
    try:
        out = subprocess.run(
            ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{SECONDS}s", "--timeout", "5s", "-s", script.name, base],
            capture_output=True, text=True, check=True, timeout=SECONDS + 30,
        ).stdout
    finally:
        os.unlink(script.name)
    result = json.loads(next(line[7:] for line in out.splitlines() if line.startswith("RESULT ")))
    result["rps"] = result["requests"] / result["seconds"]
    return result


def run_threads(base: str, paths: list[str]) -> dict:
    """Fallback load generator: CONNECTIONS threads, each a keep-alive-less GET loop."""
    latencies, errors, deadline = [], [0], time.monotonic() + SECONDS
    lock = threading.Lock()

    def worker(seed):
        rng = random.Random(seed)
        while time.monotonic() < deadline:
            started = time.perf_counter()
            try:
                with urllib.request.urlopen(base + rng.choice(paths), timeout=5) as response:
                    response.read()
                ok = True
            except Exception:
                ok = False
            with lock:
                latencies.append((time.perf_counter() - started) * 1000) if ok else None
                errors[0] += 0 if ok else 1

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(CONNECTIONS)]
    begun = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    cuts = statistics.quantiles(latencies, n=100) if len(latencies) > 1 else [0] * 99
    return {"requests": len(latencies), "rps": len(latencies) / (time.monotonic() - begun),
            "p50": cuts[49], "p95": cuts[94], "errors": errors[0], "non2xx": 0}


def start_server(port: int, static_root: str, settings: str = "gongkai.settings") -> subprocess.Popen:
    env = dict(os.environ, STATIC_ROOT=static_root, DEBUG="0", ALLOWED_HOSTS="127.0.0.1,localhost",
               DJANGO_SETTINGS_MODULE=settings, PYTHONPATH=str(ROOT / "bench"))
    subprocess.run([str(BIN / "gongkai"), "collectstatic", "--noinput", "-v0"], env=env, check=True, cwd=ROOT)
    server = subprocess.Popen(
        [str(BIN / "gunicorn"), "gongkai.wsgi:application", "--bind", f"127.0.0.1:{port}",
         "--workers", str(WORKERS), "--log-level", "warning"],
        env=env, cwd=ROOT,
    )
    for _ in range(100):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/static/gongkai/site.css", timeout=1).read()
            return server
        except OSError:
            time.sleep(0.2)
    server.terminate()
    raise RuntimeError("gunicorn did not start")


def measure(base: str, paths: dict[str, list[str]], use_wrk: bool) -> list[tuple[str, dict]]:
    rows = []
    for name, urls in paths.items():
        for url in urls:  # warm each worker's connection and cache
            urllib.request.urlopen(base + url, timeout=30).read()
        rows.append((name, (run_wrk if use_wrk else run_threads)(base, urls)))
    return rows


def table(rows: list[tuple[str, dict]], static_rps: float) -> list[str]:
    lines = [
        "| 场景 | 请求数 | 请求/秒 | 相对静态文件 | p50 (ms) | p95 (ms) | 错误 |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for name, r in rows:
        lines.append(
            f"| {name} | {r['requests']:,} | {r['rps']:.0f} | {r['rps'] / static_rps:.0%} "
            f"| {r['p50']:.1f} | {r['p95']:.1f} | {r['errors'] + r['non2xx']} |"
        )
    list_ok = all(r["rps"] >= 0.25 * static_rps for _, r in rows[1:3])
    search_ok = rows[3][1]["p95"] < 100
    lines += ["", f"目标：列表页和信息页 ≥ 静态文件的 25%：{'达到' if list_ok else '未达到'}；"
              f"检索 p95 < 100 ms：{'达到' if search_ok else '未达到'}。"]
    return lines


def run() -> str:
    loaddata_items.setup_django()
    from django.db import connection

    total = int(os.environ.get("BENCH_ITEMS", "200000"))
    if loaddata_items.loaded_count() < total:
        loaddata_items.load(total)
    paths = scenarios()
    vendor = connection.vendor
    connection.close()
    use_wrk = shutil.which("wrk") is not None
    static_root = tempfile.mkdtemp(prefix="gongkai-bench-static-")
    results = {}
    try:
        for label, settings in (("页面缓存（生产配置）", "gongkai.settings"), ("无页面缓存", "settings_uncached")):
            port = free_port()
            server = start_server(port, static_root, settings)
            try:
                results[label] = measure(f"http://127.0.0.1:{port}", paths, use_wrk)
            finally:
                server.terminate()
                server.wait(timeout=30)
    finally:
        shutil.rmtree(static_root, ignore_errors=True)
    lines = [
        f"### 公开门户（{vendor}，{loaddata_items.loaded_count():,} 条已发布信息）",
        "",
        f"gunicorn {WORKERS} 个同步 worker；负载：{'wrk' if use_wrk else 'Python 线程'}，"
        f"{CONNECTIONS} 个连接，每项 {SECONDS} 秒，本机回环。每种配置各测一遍静态文件，比例按同一服务器计。",
    ]
    for label, rows in results.items():
        lines += ["", f"#### {label}", ""] + table(rows, rows[0][1]["rps"])
    return "\n".join(lines)


if __name__ == "__main__":
    print(run())
