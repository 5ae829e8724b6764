"""`gongkai restore DIR [--force]`: checks every checksum, then restores into an empty
database (or, with --force, over the existing one), then compares row counts and
verifies the event log."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from gongkai.backups.archive import BackupError, restore


class Command(BaseCommand):
    help = "从备份目录恢复数据库和上传文件（先核对校验值；目标数据库须为空，除非加 --force）。"

    def add_arguments(self, parser):
        parser.add_argument("directory", help="gongkai backup 生成的备份目录")
        parser.add_argument("--force", action="store_true", help="目标数据库已有数据时仍然覆盖")

    def handle(self, *args, **options):
        try:
            result = restore(Path(options["directory"]), force=options["force"])
        except BackupError as error:
            raise CommandError(str(error)) from error
        if result.count_mismatches:
            wrong = "；".join(f"{t} 应为 {a} 行、实为 {b} 行" for t, (a, b) in result.count_mismatches.items())
            raise CommandError(f"恢复后行数与备份清单不符：{wrong}")
        self.stdout.write(f"已恢复：{result.tables} 张表的行数与备份清单一致，{result.files} 个文件校验无误。")
        if result.event_log:
            self.stdout.write(result.event_log)
