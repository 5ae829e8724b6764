"""`gongkai report parse|check` — a thin wrapper over the pure report library.

The annual reports app extends this command with `build` (it may depend on the
checker, never the reverse; being earlier in INSTALLED_APPS, its `report` wins).

Exit codes are part of the interface (docs: interfaces.md):
parse — 0 every file read, 2 any file (or its 表三 or 表四) unreadable;
check — 0 no errors (warnings allowed), 1 at least one error, 2 unreadable input —
a file, or its 表三 or 表四, that could not be read: never "no errors".
Unreadable files get one line on stderr each, never a traceback. `parse` also says on
stderr, per file, how each table was read (read, restored and by which rule, unreadable).
"""

import json
import sys

from django.core.management.base import BaseCommand

from gongkai.reportcheck.batch import check_many, collect_files, parse_many, write_summary

EXIT_OK = 0
EXIT_ERRORS = 1
EXIT_UNREADABLE = 2
SEVERITY_WORDS = {"error": "错误", "warning": "提示"}


class Command(BaseCommand):
    help = "读取、核查政府信息公开工作年度报告（parse / check）"

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True)
        parse = actions.add_parser("parse", help="把年报读成交换格式 JSON")
        parse.add_argument("files", nargs="+", metavar="FILE", help="文件或文件夹")
        check = actions.add_parser("check", help="按 C1–C9 核查年报")
        check.add_argument("files", nargs="+", metavar="FILE", help="文件或文件夹")
        check.add_argument("--json", action="store_true", help="以 JSON 输出核查结果")
        check.add_argument("--summary", metavar="CSV", help="另写一份 CSV 汇总")
        return actions

    def handle(self, *args, **options):
        action = options["action"]
        code = getattr(self, f"handle_{action}")(options)
        if code:
            sys.exit(code)

    def handle_parse(self, options) -> int:
        files = collect_files(options["files"])
        outcomes = parse_many(files)
        self._report_unreadable(outcomes)
        readable = [o for o in outcomes if o.report is not None]
        for outcome in readable:
            self.stderr.write(f"{outcome.file}: {outcome.table_line()}")
        if len(files) == 1 and readable:
            self._write_json(readable[0].report)
        elif len(files) > 1:
            self._write_json([{"file": o.file, **o.report} for o in readable])
        if len(readable) < len(outcomes) or not outcomes or any(o.tables_unreadable for o in readable):
            return EXIT_UNREADABLE
        return EXIT_OK

    def handle_check(self, options) -> int:
        files = collect_files(options["files"])
        checked = check_many(parse_many(files))
        self._report_unreadable([item.outcome for item in checked])
        if options["summary"]:
            write_summary(options["summary"], checked)
        readable = [item for item in checked if item.outcome.report is not None]
        if options["json"]:
            results = [_as_json(item) for item in readable]
            self._write_json(results[0] if len(files) == 1 and results else results)
        else:
            for item in readable:
                self._write_findings(item)
        if len(readable) < len(checked) or not checked:
            return EXIT_UNREADABLE
        if any(item.outcome.tables_unreadable for item in readable):
            return EXIT_UNREADABLE
        return EXIT_ERRORS if any(item.errors for item in readable) else EXIT_OK

    def _report_unreadable(self, outcomes) -> None:
        for outcome in outcomes:
            if outcome.report is None:
                self.stderr.write(f"{outcome.file}: {outcome.reason}")
            elif outcome.tables_unreadable:
                self.stderr.write(f"{outcome.file}: {outcome.tables_unreadable}")

    def _write_json(self, data) -> None:
        self.stdout.write(json.dumps(data, ensure_ascii=False, indent=1))

    def _write_findings(self, item) -> None:
        report = item.outcome.report
        title = f"{item.outcome.file}：{report.get('agency') or '（未读出机关名称）'}"
        title += f" {report.get('year') or '？'}年，{len(item.findings)}条发现"
        title += f"（错误{item.errors}，提示{item.warnings}）"
        self.stdout.write(title)
        if item.outcome.tables_unreadable:
            self.stdout.write(f"  [未能核查] {item.outcome.tables_unreadable}")
        for finding in item.findings:
            word = SEVERITY_WORDS.get(finding.severity, finding.severity)
            self.stdout.write(f"  [{word}] {finding.rule} {finding.message}")


def _as_json(item) -> dict:
    report = item.outcome.report
    return {
        "file": item.outcome.file,
        "agency": report.get("agency"),
        "year": report.get("year"),
        "format": report.get("format"),
        "errors": item.errors,
        "warnings": item.warnings,
        "uncertain": report.get("uncertain", []),
        "unreadable": item.outcome.tables_unreadable,
        "tables": report.get("tables", {}),
        "findings": [finding.as_dict() for finding in item.findings],
    }
