"""Accuracy of the report reader on the text forms of issue 12, over the whole corpus.

    .venv/bin/python bench/bench_textforms.py [--reports N]

`run()` returns a Markdown section for bench/run.py. N synthetic reports (default 300;
the 2021, 2019 and hybrid layouts in turn, half with blank cells) each in every text
form of gongkai/reportformat/tests/corpus.py. Per form: cells right / wrong among those
the reader gives as read or restored, cells flagged (uncertain), reports whose 表三 or
表四 is unreadable, verdicts (no error finding) right on the readable ones, reports/s.
"""

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from gongkai.reportformat.checking import check  # noqa: E402
from gongkai.reportformat.reading import read_report  # noqa: E402
from gongkai.reportformat.tests import corpus  # noqa: E402

FORMS = ("text", "html", "pipe", "tabs", "fused")


def has_errors(findings) -> bool:
    return any(f.severity == "error" and f.rule in ("C1", "C2", "C3", "C4") for f in findings)


def measure(reports: int) -> dict[str, Counter]:
    results: dict[str, Counter] = {form: Counter() for form in FORMS}
    truths = [corpus.variant(seed) for seed in range(reports)]
    for form in FORMS:
        files = [corpus.render(truth, form) for truth in truths]
        started = time.process_time()
        for truth, data in zip(truths, files, strict=True):
            parsed = read_report(data)
            score = corpus.score(truth, parsed)
            tally = results[form]
            for key in ("right", "wrong", "flagged"):
                tally[key] += score[key]
            tally["reports"] += 1
            if parsed.unreadable:
                tally["unreadable"] += 1
            elif has_errors(check(parsed.report)) == has_errors(check(truth)):
                tally["verdict_right"] += 1
        results[form]["cpu"] = time.process_time() - started
    return results


def markdown(results: dict[str, Counter], reports: int) -> str:
    lines = [
        "### 年报读取：网页上常见的文本形式（准确率）",
        "",
        f"`bench/bench_textforms.py`，{reports} 份合成报告（2021、2019、混合格式轮流，约一半有空白格）× 每种形式。"
        "“读对/读错”只计读取程序给出为已读出或已推出的格；“标记”是无法唯一确定、留空并标明的格；"
        "表三或表四有标记的报告判为“未能读出”（`report check` 退出码 2）；"
        "“判定正确”= 读出的报告有无 C1–C4 错误与原报告相同（合成报告都平衡，但组成格空白而总计非零的表格不完整，是错误）。",
        "",
        "| 形式 | 读对 | 读错 | 标记 | 读对率（不含标记） | 未能读出的报告 | 判定正确 | 份/CPU秒 |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for form, tally in results.items():
        given = tally["right"] + tally["wrong"]
        rate = 100 * tally["right"] / given if given else 0
        readable = tally["reports"] - tally["unreadable"]
        lines.append(
            f"| {form} | {tally['right']} | {tally['wrong']} | {tally['flagged']} | {rate:.2f}% | "
            f"{tally['unreadable']} | {tally['verdict_right']}/{readable} | {tally['reports'] / tally['cpu']:.0f} |"
        )
    return "\n".join(lines) + "\n"


def run(argv: list[str] | None = None) -> str:
    parser = argparse.ArgumentParser()
    parser.add_argument("--reports", type=int, default=300)
    args = parser.parse_args(argv or [])
    return markdown(measure(args.reports), args.reports)


if __name__ == "__main__":
    print(run(sys.argv[1:]))
