"""`gongkai backup DIR`: the database, every stored file and a manifest with checksums."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from gongkai.backups.archive import BackupError, backup


class Command(BaseCommand):
    help = "备份数据库和全部上传文件到一个新目录（含校验值清单 manifest.json）。"

    def add_arguments(self, parser):
        parser.add_argument("directory", help="备份目录（不存在或为空）")

    def handle(self, *args, **options):
        try:
            manifest = backup(Path(options["directory"]))
        except BackupError as error:
            raise CommandError(str(error)) from error
        rows = sum(manifest["row_counts"].values())
        self.stdout.write(
            f"已备份到 {options['directory']}：{len(manifest['row_counts'])} 张表共 {rows} 行，"
            f"{len(manifest['files'])} 个文件。"
        )
