"""Proof-of-identity scans encrypted at rest (个人信息保护法第五十一条: encryption of
sensitive personal information; an ID card scan is sensitive under 第二十八条).

The keys are Fernet keys (AES-128-CBC + HMAC-SHA256) from the environment,
`PERSONAL_DATA_KEYS`, comma-separated, newest first: files are written with the first
and read with any (MultiFernet), so a key is rotated by putting a new one in front
and running `gongkai personal-data rotate-key`, which rewrites every file under the
newest key; the old key can then be removed.

Without the setting (a laptop's `make run`), a key is generated once into
VAR_DIR/personal-data.key, readable by its owner only.
"""

from __future__ import annotations

import os
from pathlib import Path

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import Storage, default_storage

_TOKEN_PREFIX = b"gAAAAA"  # every Fernet token starts with version byte 0x80, base64


def keys() -> list[bytes]:
    configured = [k.strip() for k in settings.PERSONAL_DATA_KEYS if k.strip()]
    if configured:
        return [k.encode() for k in configured]
    return [_local_key()]


def _local_key() -> bytes:
    path = Path(settings.VAR_DIR) / "personal-data.key"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(Fernet.generate_key())
    return path.read_bytes().strip()


def fernet() -> MultiFernet:
    return MultiFernet([Fernet(key) for key in keys()])


def encrypt(data: bytes) -> bytes:
    return fernet().encrypt(data)


def decrypt(data: bytes) -> bytes:
    """Plain bytes of a stored file; a file stored before encryption came in is read as
    it is (`rotate-key` encrypts those too)."""
    if not data.startswith(_TOKEN_PREFIX):
        return data
    return fernet().decrypt(data)


class EncryptedStorage(Storage):
    """The default storage (local disk, or whatever STORAGES names), with files
    encrypted on the way in and decrypted on the way out. No URL: a scan is only ever
    served through the staff view that records who looked at it."""

    @property
    def inner(self) -> Storage:
        return default_storage

    def _save(self, name, content):
        content.seek(0)
        return self.inner.save(name, ContentFile(encrypt(content.read())))

    def _open(self, name, mode="rb"):
        with self.inner.open(name, "rb") as handle:
            raw = handle.read()
        return ContentFile(decrypt(raw), name=name)

    def delete(self, name):
        self.inner.delete(name)

    def exists(self, name):
        return self.inner.exists(name)

    def size(self, name):
        with self._open(name) as handle:
            return handle.size

    def path(self, name):
        return self.inner.path(name)

    def url(self, name):
        raise ValueError("身份证明不提供直接链接，只能通过工作人员页面查看。")

    def rotate(self, name) -> bool:
        """Rewrite one file under the newest key; True when it changed."""
        with self.inner.open(name, "rb") as handle:
            raw = handle.read()
        rotated = fernet().rotate(raw) if raw.startswith(_TOKEN_PREFIX) else encrypt(raw)
        if rotated == raw:
            return False
        self.inner.delete(name)
        saved = self.inner.save(name, ContentFile(rotated))
        if saved != name:  # never expected: the name was just freed
            raise RuntimeError(f"重新加密后文件名变为 {saved}，请检查存储。")
        return True


def proof_storage() -> EncryptedStorage:
    return EncryptedStorage()


__all__ = ["EncryptedStorage", "InvalidToken", "decrypt", "encrypt", "proof_storage"]
