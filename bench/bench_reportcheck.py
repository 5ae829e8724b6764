"""Benchmark of the report checker: reports per second per core, and PDF cost vs pdfplumber.

    .venv/bin/python bench/bench_reportcheck.py [--reports N] [--pdfs M]

`run()` returns the same as Markdown for bench/run.py.

Generates N reports as text and as HTML and M as PDF (weasyprint), then measures:
- text and HTML: read + check, reports per CPU-second in one process (goal ≥ 200/s);
- PDF: our read of each file next to pdfplumber's own plain text extraction of the
  same file (open + extract_text on every page) in the same run (goal ≤ 1.5×).
CPU time (time.process_time) is used so that other load on the machine does not
count against us; wall time for the whole run is printed too.
"""

import argparse
import datetime
import io
import os
import platform
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from gongkai.reportformat.checking import check  # noqa: E402
from gongkai.reportformat.reading import read_report  # noqa: E402
from gongkai.reportformat.tests import samples  # noqa: E402


def generate(count: int, render) -> list[bytes]:
    return [render(samples.make_report(seed=n, year=2000 + n % 25)) for n in range(count)]


def per_core_rate(files: list[bytes]) -> tuple[float, float]:
    """Reports read and checked per CPU-second; and the slowest single file (s)."""
    slowest = 0.0
    started = time.process_time()
    for data in files:
        one = time.process_time()
        check(read_report(data).report)
        slowest = max(slowest, time.process_time() - one)
    return len(files) / (time.process_time() - started), slowest


def pdf_costs(files: list[bytes]) -> tuple[float, float, float]:
    """CPU seconds for pdfplumber plain text and for our read, per file on average."""
    import pdfplumber

    plain = ours = slowest = 0.0
    for data in files:
        started = time.process_time()
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            for page in pdf.pages:
                page.extract_text()
        plain += time.process_time() - started
        started = time.process_time()
        read_report(data)
        took = time.process_time() - started
        ours += took
        slowest = max(slowest, took)
    return plain / len(files), ours / len(files), slowest


def run(reports: int = 300, pdfs: int = 15) -> str:
    """The benchmark's Markdown section (bench/run.py calls this for every bench_*.py)."""
    wall = time.perf_counter()
    text = generate(reports, lambda r: samples.as_text(r).encode("utf-8"))
    damaged = generate(reports, lambda r: samples.as_text(
        r, samples.Damage(lost={"granted": 3, "partial": 1}, run_together={"denied_state_secret": 2})
    ).encode("utf-8"))
    html = generate(reports, lambda r: samples.as_html(r).encode("utf-8"))
    pdf_files = generate(pdfs, samples.as_pdf) if pdfs else []
    rows = []
    for name, files in (("text", text), ("text, damaged tables", damaged), ("HTML", html)):
        rate, slowest = per_core_rate(files)
        verdict = "yes" if rate >= 200 else "no"
        rows.append((name, len(files), f"{rate:.0f} reports/s per core", f"{slowest * 1000:.0f} ms",
                     f"≥ 200/s: {verdict}"))
    if pdf_files:
        plain, ours, slowest = pdf_costs(pdf_files)
        ratio = ours / plain
        rows.append(("PDF", len(pdf_files), f"ours {ours * 1000:.0f} ms vs pdfplumber text {plain * 1000:.0f} ms"
                     f" per file = {ratio:.2f}×", f"{slowest * 1000:.0f} ms",
                     f"≤ 1.5×: {'yes' if ratio <= 1.5 else 'no'}"))
    lines = [
        "### 年度报告读取与核查（reportcheck）",
        "",
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"{datetime.date.today().isoformat()} (CPU time; whole run {time.perf_counter() - wall:.0f} s wall)",
        "",
        "| input | files | speed | slowest file | goal met |",
        "|---|---|---|---|---|",
    ]
    lines += ["| " + " | ".join(str(cell) for cell in row) + " |" for row in rows]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=300)
    parser.add_argument("--pdfs", type=int, default=15)
    args = parser.parse_args()
    print(run(args.reports, args.pdfs))


if __name__ == "__main__":
    main()
