"""Redaction of a 100-page text PDF with 50 boxes (issue 11).

Builds the PDF with WeasyPrint (Chinese text on every page, a real text layer), puts
50 boxes over words found with pdfplumber, and times gongkai.applications.redaction.
redact_pdf in a child process, so the peak memory (ru_maxrss) is the redaction's own.
CPU time per page (time.process_time: one core) and wall time. Goals: ≤ 0.2 s per page
on one core, peak memory under 500 MB.

Environment: BENCH_PAGES (100), BENCH_BOXES (50).
"""

import io
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGES = int(os.environ.get("BENCH_PAGES", "100"))
BOXES = int(os.environ.get("BENCH_BOXES", "50"))
LINE = "郏县人民政府办公室关于2025年度政府信息公开工作情况的说明，申请人张三，联系电话13812345678。"


def build(path: Path) -> None:
    import pdfplumber
    from weasyprint import HTML

    page = "".join(f"<p>{n:02d} {LINE}</p>" for n in range(20))
    html = "".join(f"<section style='page-break-after: always'>{page}</section>" for _ in range(PAGES))
    data = HTML(string=f"<html><body style='font-size:10pt'>{html}</body></html>").write_pdf()
    boxes = []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for index in range(BOXES):
            number = index * PAGES // BOXES
            hit = pdf.pages[number].search("13812345678")[index % 5]
            boxes.append((number + 1, hit["x0"], hit["top"], hit["x1"], hit["bottom"]))
    path.write_bytes(data)
    path.with_suffix(".boxes").write_text("\n".join(",".join(map(str, b)) for b in boxes))


def child(path: str) -> None:
    sys.path.insert(0, str(ROOT))
    from gongkai.applications.redaction import Box, redact_pdf

    data = Path(path).read_bytes()
    boxes = [Box(int(p), float(a), float(b), float(c), float(d), "第十五条个人隐私")
             for p, a, b, c, d in (line.split(",") for line in Path(path).with_suffix(".boxes").read_text().splitlines())]
    cpu, wall = time.process_time(), time.perf_counter()
    result = redact_pdf(data, boxes, max_pages=10 * PAGES)
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{result.page_count} {cpu:.3f} {wall:.3f} {peak_mb:.0f} {len(data)} {len(result.pdf)}")


def run() -> str:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.pdf"
        build(path)
        done = subprocess.run([sys.executable, __file__, "--child", str(path)], capture_output=True, text=True)
        if done.returncode:
            raise SystemExit(done.stderr)
        out = done.stdout.split()
    pages, cpu, wall, peak, size_in, size_out = int(out[0]), *map(float, out[1:4]), int(out[4]), int(out[5])
    return "\n".join([
        "## Redaction: a 100-page text PDF with 50 boxes (issue 11)",
        "",
        f"`bench/bench_redaction.py`, {platform.python_version()}, 150 dpi, JPEG pages, text outside the boxes kept:",
        "",
        "| pages | boxes | CPU s (one core) | CPU s per page | wall s | peak memory | in → out |",
        "|---:|---:|---:|---:|---:|---:|---|",
        f"| {pages} | {BOXES} | {cpu:.2f} | **{cpu / pages:.3f}** | {wall:.2f} | **{peak:.0f} MB** | "
        f"{size_in / 1e6:.1f} MB → {size_out / 1e6:.1f} MB |",
        "",
        "Goals: ≤ 0.2 s per page on one core; peak memory under 500 MB.",
        "",
    ])


if __name__ == "__main__":
    if sys.argv[1:2] == ["--child"]:
        child(sys.argv[2])
    else:
        print(run())
