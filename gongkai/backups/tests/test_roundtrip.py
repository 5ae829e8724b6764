"""backup → wipe → restore gives back every row and every file, on SQLite and PostgreSQL."""

import datetime as dt
import hashlib
import json

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command
from django.db import connection

from gongkai.applications.actions import do_register_application
from gongkai.backups import archive

pytestmark = pytest.mark.django_db(transaction=True)


def _some_records(county):
    for n in range(3):
        do_register_application(
            county.dept, channel="in_person", received_on=dt.date(2025, 9, 26),
            applicant={"type": "natural_person", "name": f"张{n}", "phone": "13903751234"},
            description=f"2025年第{n}批低保资金发放情况", form_wanted="paper", delivery_wanted="collect",
            acting_user=county.clerk,
        )
    default_storage.save("proofs/2025/身份证.pdf", ContentFile(b"%PDF-1.4 proof"))
    default_storage.save("letters/reply.docx", ContentFile(b"PK\x03\x04 letter"))


def _wipe():
    """What a lost server leaves: no tables, no files."""
    tables = connection.introspection.table_names()
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public")
        else:
            cursor.execute("PRAGMA foreign_keys = OFF")
            for table in tables:
                cursor.execute(f'DROP TABLE IF EXISTS "{table}"')
    for name in archive._stored_files():
        default_storage.delete(name)
    assert connection.introspection.table_names() == []


def _media_hashes():
    return {name: hashlib.sha256(default_storage.open(name).read()).hexdigest() for name in archive._stored_files()}


def test_backup_wipe_restore_gives_back_every_row_and_file(county, tmp_path):
    _some_records(county)
    counts, hashes = archive.row_counts(), _media_hashes()
    assert counts["applications_application"] == 3 and len(hashes) == 2

    call_command("backup", str(tmp_path / "b"))
    manifest = json.loads((tmp_path / "b" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["row_counts"] == counts
    assert manifest["files"] == hashes

    _wipe()
    call_command("restore", str(tmp_path / "b"))

    assert archive.row_counts() == counts
    assert _media_hashes() == hashes
    if "eventlog" in archive.get_commands():
        assert "完整" in archive.verify_event_log()


def test_restore_refuses_a_database_that_is_not_empty(county, tmp_path):
    _some_records(county)
    call_command("backup", str(tmp_path / "b"))
    county.dept.name = "改过的名称"
    county.dept.save()
    with pytest.raises(CommandError, match="目标数据库不是空的"):
        call_command("restore", str(tmp_path / "b"))
    county.dept.refresh_from_db()
    assert county.dept.name == "改过的名称"


def test_restore_refuses_a_damaged_backup_and_changes_nothing(county, tmp_path):
    _some_records(county)
    call_command("backup", str(tmp_path / "b"))
    (tmp_path / "b" / "media" / "letters" / "reply.docx").write_bytes(b"tampered")
    _wipe()
    with pytest.raises(CommandError, match="校验值不符：media/letters/reply.docx"):
        call_command("restore", str(tmp_path / "b"))
    assert connection.introspection.table_names() == []
    call_command("migrate", verbosity=0)  # so the test database can be torn down as usual


def test_backup_refuses_a_folder_that_holds_something(tmp_path, db):
    (tmp_path / "old.txt").write_text("x")
    with pytest.raises(CommandError, match="不是空的"):
        call_command("backup", str(tmp_path))
