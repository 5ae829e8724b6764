"""A backup is a folder: the database (a PostgreSQL custom-format dump, or an SQLite
online backup), every stored file (attachments, proofs, letters, reports) under media/,
and manifest.json with each file's SHA-256 and every table's row count.

`restore` checks every checksum before it touches anything, refuses a database that
already holds tables unless told, and afterwards compares the row counts with the
manifest and verifies the event log's hash chain (when `gongkai eventlog verify` exists).
"""

from __future__ import annotations

import datetime
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from django.apps import apps
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command, get_commands
from django.db import connection

FORMAT = 1
MANIFEST = "manifest.json"
PG_DUMP = "database.pgdump"
SQLITE_DUMP = "database.sqlite3"
MEDIA = "media"


class BackupError(Exception):
    """Why a backup or restore was refused or went wrong, in Chinese."""


@dataclass
class Restored:
    tables: int
    files: int
    count_mismatches: dict[str, tuple[int, int]] = field(default_factory=dict)
    event_log: str = ""


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def row_counts() -> dict[str, int]:
    """Every table of the platform's models (and Django's own) with its row count."""
    tables = set(connection.introspection.table_names())
    counts = {}
    with connection.cursor() as cursor:
        for model in apps.get_models(include_auto_created=True):
            table = model._meta.db_table
            if model._meta.managed and not model._meta.proxy and table in tables and table not in counts:
                cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")
                counts[table] = cursor.fetchone()[0]
    return dict(sorted(counts.items()))


# --- backup ---------------------------------------------------------------------------


def backup(target: Path) -> dict:
    target = Path(target)
    if connection.in_atomic_block:  # an open write transaction would stall the SQLite copy
        raise BackupError("不能在数据库事务中备份：请直接运行 gongkai backup。")
    if target.exists() and any(target.iterdir()):
        raise BackupError(f"备份目录 {target} 不是空的：请指定一个新目录，以免覆盖以前的备份。")
    target.mkdir(parents=True, exist_ok=True)
    counts = row_counts()  # before the dump: rows added meanwhile are in the dump, not lost
    database_file = _dump_database(target)
    files = _copy_media_out(target / MEDIA)
    manifest = {
        "format": FORMAT,
        "created_at": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "database": {"vendor": connection.vendor, "file": database_file.name, "sha256": sha256(database_file)},
        "files": files,
        "row_counts": counts,
    }
    (target / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
    return manifest


def _dump_database(target: Path) -> Path:
    if connection.vendor == "sqlite":
        out = target / SQLITE_DUMP
        connection.ensure_connection()
        destination = sqlite3.connect(out)
        try:
            connection.connection.backup(destination)  # a consistent copy while the site runs
        finally:
            destination.close()
        return out
    if connection.vendor == "postgresql":
        out = target / PG_DUMP
        _pg("pg_dump", "--format=custom", "--no-owner", "--no-privileges", f"--file={out}")
        return out
    raise BackupError(f"不支持的数据库类型：{connection.vendor}。")


def _copy_media_out(folder: Path) -> dict[str, str]:
    files = {}
    for name in _stored_files():
        out = folder / name
        out.parent.mkdir(parents=True, exist_ok=True)
        with default_storage.open(name, "rb") as source, out.open("wb") as sink:
            shutil.copyfileobj(source, sink)
        files[name] = sha256(out)
    return dict(sorted(files.items()))


def _stored_files(prefix: str = "") -> list[str]:
    """Every file in the default storage (the local folder or an S3 bucket)."""
    try:
        folders, names = default_storage.listdir(prefix)
    except FileNotFoundError:
        return []
    found = [f"{prefix}{name}" for name in names]
    for sub in folders:
        found += _stored_files(f"{prefix}{sub}/")
    return found


# --- restore --------------------------------------------------------------------------


def read_manifest(source: Path) -> dict:
    path = Path(source) / MANIFEST
    if not path.exists():
        raise BackupError(f"{source} 里没有 {MANIFEST}：这不是本平台的备份目录。")
    manifest = json.loads(path.read_text(encoding="utf-8"))
    if manifest.get("format") != FORMAT:
        raise BackupError(f"备份格式 {manifest.get('format')} 无法识别（本版本只认 {FORMAT}）。")
    return manifest


def verify(source: Path, manifest: dict) -> None:
    """Every checksum, before anything is changed."""
    source = Path(source)
    database = manifest["database"]
    wrong = [] if sha256(source / database["file"]) == database["sha256"] else [database["file"]]
    for name, digest in manifest["files"].items():
        path = source / MEDIA / name
        if not path.exists() or sha256(path) != digest:
            wrong.append(f"{MEDIA}/{name}")
    if wrong:
        raise BackupError(f"备份已损坏，校验值不符：{'、'.join(wrong[:5])}{' 等' if len(wrong) > 5 else ''}。未做任何恢复。")


def restore(source: Path, *, force: bool = False) -> Restored:
    source = Path(source)
    manifest = read_manifest(source)
    if manifest["database"]["vendor"] != connection.vendor:
        raise BackupError(
            f"这是 {manifest['database']['vendor']} 数据库的备份，不能恢复到 {connection.vendor} 数据库。"
        )
    verify(source, manifest)
    existing = connection.introspection.table_names()
    if existing and not force:
        raise BackupError(
            f"目标数据库不是空的（已有 {len(existing)} 张表）：请恢复到新建的空数据库；"
            "确需覆盖现有数据时加 --force。未做任何恢复。"
        )
    _restore_database(source / manifest["database"]["file"], force=force)
    files = _copy_media_in(source / MEDIA, manifest["files"])
    counts = row_counts()
    mismatches = {
        table: (expected, counts.get(table, -1))
        for table, expected in manifest["row_counts"].items()
        if counts.get(table, -1) != expected
    }
    return Restored(tables=len(counts), files=files, count_mismatches=mismatches, event_log=verify_event_log())


def _restore_database(dump: Path, *, force: bool) -> None:
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        source = sqlite3.connect(dump)
        try:
            source.backup(connection.connection)  # replaces every page, tables and triggers alike
        finally:
            source.close()
        return
    if force:
        with connection.cursor() as cursor:
            cursor.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public")
    connection.close()
    _pg("pg_restore", "--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction", str(dump))


def _copy_media_in(folder: Path, files: dict[str, str]) -> int:
    for name in files:
        if default_storage.exists(name):
            default_storage.delete(name)
        with (folder / name).open("rb") as stream:
            saved = default_storage.save(name, ContentFile(stream.read()))
        if saved != name:
            raise BackupError(f"文件 {name} 恢复后名称变成了 {saved}。")
    return len(files)


def verify_event_log() -> str:
    """`gongkai eventlog verify`'s verdict, when the command exists in this version."""
    if "eventlog" not in get_commands():
        return ""
    import io

    out = io.StringIO()
    call_command("eventlog", "verify", stdout=out)
    return out.getvalue().strip()


def _pg(program: str, *args: str) -> None:
    """Run pg_dump/pg_restore against the configured database (password via PGPASSWORD)."""
    db = connection.settings_dict
    env = {**os.environ, "PGPASSWORD": str(db.get("PASSWORD") or "")}
    command = [program, f"--dbname={db['NAME']}"]
    if db.get("HOST"):
        command.append(f"--host={db['HOST']}")
    if db.get("PORT"):
        command.append(f"--port={db['PORT']}")
    if db.get("USER"):
        command.append(f"--username={db['USER']}")
    result = subprocess.run([*command, *args], env=env, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise BackupError(f"{program} 失败：{result.stderr.strip()[:500]}")
