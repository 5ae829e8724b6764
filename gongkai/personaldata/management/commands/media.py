"""`gongkai media orphans [--delete] [--min-age MINUTES]`: files under MEDIA_ROOT that no
row refers to (an upload killed half-way, a row deleted without its file).

Every FileField of every model is read, so a new upload kind is covered without a
change here. `--delete` removes only files older than `--min-age` (default 60 minutes),
so an upload whose transaction is still open is never taken for an orphan.
"""

import time
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import models


def referenced_names() -> set[str]:
    names = set()
    for model in apps.get_models():
        for field in model._meta.get_fields():
            if isinstance(field, models.FileField):
                names.update(
                    model._default_manager.exclude(**{field.name: ""}).exclude(**{f"{field.name}__isnull": True})
                    .values_list(field.name, flat=True)
                )
    return names


def orphans(root: Path) -> list[Path]:
    referenced = referenced_names()
    found = []
    for path in sorted(root.rglob("*")):
        if path.is_file() and path.relative_to(root).as_posix() not in referenced:
            found.append(path)
    return found


class Command(BaseCommand):
    help = "上传文件：orphans 列出（--delete 删除）没有任何记录引用的文件。"

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        orphan = sub.add_parser("orphans", help="列出没有任何记录引用的上传文件")
        orphan.add_argument("--delete", action="store_true", help="删除这些文件")
        orphan.add_argument("--min-age", type=int, default=60, help="只删除早于此分钟数的文件（默认 60）")

    def handle(self, *args, **options):
        root = Path(settings.MEDIA_ROOT)
        if not root.exists():
            self.stdout.write("没有上传文件目录。")
            return
        found = orphans(root)
        cutoff = time.time() - options["min_age"] * 60
        deleted = 0
        for path in found:
            relative = path.relative_to(root).as_posix()
            if options["delete"] and path.stat().st_mtime <= cutoff:
                path.unlink()
                deleted += 1
                self.stdout.write(f"已删除 {relative}")
            else:
                self.stdout.write(f"无记录引用 {relative}（{path.stat().st_size} 字节）")
        self.stdout.write(f"共 {len(found)} 个无记录引用的文件" + (f"，已删除 {deleted} 个。" if options["delete"] else "。"))
