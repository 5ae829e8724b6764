"""`make bench`: run every bench/bench_*.py module and print the results as Markdown.

Each module has a `run()` returning its Markdown section. The header names the
machine and the date, so numbers pasted elsewhere keep their context.
"""

import datetime as dt
import importlib
import os
import platform
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
# The province is loaded once (about 15 minutes at full scale) and reused afterwards.
DEFAULT_ARGS = {"bench_reports": "--reuse"}


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def header() -> str:
    u = platform.uname()
    return "\n".join([
        "## 基准测试结果",
        "",
        f"- 日期：{dt.datetime.now().astimezone():%Y-%m-%d %H:%M %z}",
        f"- 机器：{u.system} {u.release} {u.machine}（{u.node}）",
        f"- CPU：{cpu_model()}，nproc = {os.cpu_count()}",
        f"- Python {platform.python_version()}；数据库：{os.environ.get('DATABASE_URL', 'sqlite (var/bench.sqlite3)').split('@')[-1]}",
        "",
    ])


def main() -> int:
    sys.path.insert(0, str(HERE))
    only = sys.argv[1:]
    print(header())
    for path in sorted(HERE.glob("bench_*.py")):
        if only and path.stem not in only:
            continue
        module = importlib.import_module(path.stem)
        if callable(getattr(module, "run", None)):
            print(module.run())
        else:
            # A standalone script (its own arguments, e.g. the province's scale): run it as
            # one, with arguments from BENCH_ARGS_<NAME>, and pass its Markdown through.
            args = os.environ.get(f"BENCH_ARGS_{path.stem.upper()}", DEFAULT_ARGS.get(path.stem, "")).split()
            done = subprocess.run([sys.executable, str(path), *args], capture_output=True, text=True)
            print(done.stdout if done.returncode == 0 else f"（{path.name} 失败：{done.stderr.strip()[-500:]}）")
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
