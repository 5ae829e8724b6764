"""Uploaded files in an S3-compatible store (moto's S3 server standing in for MinIO/OSS):
kept private behind signed links, and backed up and restored like local files."""

import hashlib
import socket
import subprocess
import sys
import time
from pathlib import Path

import boto3
import pytest
import requests
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command

from gongkai.backups import archive

PORT = 18125
ENDPOINT = f"http://127.0.0.1:{PORT}"
BUCKET = "gongkai-media"


@pytest.fixture(scope="module")
def s3_server():
    server = subprocess.Popen([str(Path(sys.executable).parent / "moto_server"), "-H", "127.0.0.1", "-p", str(PORT)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", PORT), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.1)
        yield ENDPOINT
    finally:
        server.terminate()
        server.wait(10)


@pytest.fixture
def s3_media(s3_server, settings):
    client = boto3.client("s3", endpoint_url=s3_server, aws_access_key_id="test", aws_secret_access_key="test",
                          region_name="us-east-1")
    client.create_bucket(Bucket=BUCKET)
    settings.STORAGES = {**settings.STORAGES, "default": {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {"bucket_name": BUCKET, "endpoint_url": s3_server, "access_key": "test", "secret_key": "test",
                    "region_name": "us-east-1", "addressing_style": "path", "default_acl": "private",
                    "querystring_auth": True, "querystring_expire": 300, "file_overwrite": False},
    }}
    yield client
    for item in client.list_objects_v2(Bucket=BUCKET).get("Contents", []):
        client.delete_object(Bucket=BUCKET, Key=item["Key"])


def test_the_production_setting_selects_the_s3_store(monkeypatch):
    env = {"MEDIA_STORAGE": "s3", "S3_BUCKET": "county-files", "S3_ENDPOINT_URL": ENDPOINT}
    code = "from django.conf import settings; print(settings.STORAGES['default']['BACKEND'], " \
           "settings.STORAGES['default']['OPTIONS']['bucket_name'])"
    out = subprocess.run([sys.executable, "-c", f"import django, os; os.environ['DJANGO_SETTINGS_MODULE']='gongkai.settings'; django.setup(); {code}"],
                         env={**__import__("os").environ, **env}, capture_output=True, text=True, check=True).stdout
    assert out.split() == ["storages.backends.s3.S3Storage", "county-files"]


def test_a_stored_file_lands_in_the_bucket_and_is_not_public(s3_media):
    name = default_storage.save("proofs/身份证.pdf", ContentFile(b"%PDF-1.4 proof"))
    keys = [item["Key"] for item in s3_media.list_objects_v2(Bucket=BUCKET)["Contents"]]
    assert keys == [name]
    assert default_storage.open(name).read() == b"%PDF-1.4 proof"
    signed = default_storage.url(name)
    assert "Signature=" in signed or "X-Amz-Signature=" in signed
    assert requests.get(signed, timeout=10).content == b"%PDF-1.4 proof"
    assert requests.get(f"{ENDPOINT}/{BUCKET}/{name}", timeout=10).status_code == 403


@pytest.mark.django_db(transaction=True)
def test_backup_and_restore_carry_the_files_of_the_bucket(s3_media, tmp_path):
    default_storage.save("letters/2025/reply.docx", ContentFile(b"PK\x03\x04 letter"))
    default_storage.save("proofs/id.png", ContentFile(b"\x89PNG proof"))
    before = {n: hashlib.sha256(default_storage.open(n).read()).hexdigest() for n in archive._stored_files()}
    manifest = archive.backup(tmp_path / "b")
    assert manifest["files"] == before
    for name in before:
        default_storage.delete(name)
    assert archive._stored_files() == []
    restored = archive._copy_media_in(tmp_path / "b" / "media", manifest["files"])
    assert restored == 2
    assert {n: hashlib.sha256(default_storage.open(n).read()).hexdigest() for n in archive._stored_files()} == before
    call_command("check")
