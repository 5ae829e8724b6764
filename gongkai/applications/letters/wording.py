"""The locked wording: versioned template files under templates/, loaded as data.

A file is `<id>.v<version>.toml`; its [meta] repeats id and version. Files are never
edited once released: LOCKED.sha256 lists the hash of every file and a test fails when
one changes, so new wording means a new version, and an old letter can always be
composed again exactly with the version it was sent with.
"""

from __future__ import annotations

import functools
import hashlib
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from .facts import LetterError
from .slots import check_template_text

TEMPLATE_DIR = Path(__file__).parent / "templates"
LOCK_FILE = TEMPLATE_DIR / "LOCKED.sha256"
_FILE_NAME = re.compile(r"^(?P<id>[a-z_]+)\.v(?P<version>[1-9][0-9]*)\.toml$")

TEMPLATE_NAMES: dict[str, str] = {
    "correction_notice": "补正告知书",
    "consultation_request": "征求意见书",
    "extension_notice": "延期答复告知书",
    "fee_notice": "收费通知书",
    "longer_deadline_notice": "答复期限告知书",
    "reasons_request": "说明理由告知书",
    "public_interest_notice": "公开决定告知书",
    "reply": "答复告知书",
    "remedy": "救济途径告知",
}


@dataclass(frozen=True)
class Paragraph:
    text: str
    if_: tuple[str, ...] = ()  # included only when every named slot is filled / true
    unless: tuple[str, ...] = ()  # included only when every named slot is blank / false
    each: str = ""  # repeated once per item of this list slot


@dataclass(frozen=True)
class Lookup:
    """A slot whose value is looked up from another slot's value (e.g. fee standard)."""

    key: str
    values: dict[str, str]


@dataclass(frozen=True)
class Template:
    id: str
    version: int
    file_name: str
    sha256: str
    title: str
    number_line: str
    addressee: str
    signature: tuple[str, ...]
    remedy: bool
    opening: tuple[Paragraph, ...]
    closing: tuple[Paragraph, ...]
    variants: dict[str, tuple[Paragraph, ...]]
    lookups: dict[str, Lookup]
    meta: dict

    @property
    def label(self) -> str:
        return f"“{TEMPLATE_NAMES.get(self.id, self.id)}”（{self.id} 第{self.version}版）"

    def texts(self) -> list[str]:
        """Every piece of wording in the file, for checks."""
        pieces = [self.title, self.number_line, self.addressee, *self.signature]
        pieces += [p.text for p in self.opening + self.closing]
        pieces += [p.text for ps in self.variants.values() for p in ps]
        pieces += [v for lookup in self.lookups.values() for v in lookup.values.values()]
        return pieces


def versions(template_id: str) -> list[int]:
    """The versions of a template on disk, oldest first."""
    found = []
    for path in TEMPLATE_DIR.glob(f"{template_id}.v*.toml"):
        match = _FILE_NAME.match(path.name)
        if match and match["id"] == template_id:
            found.append(int(match["version"]))
    return sorted(found)


def template_ids() -> list[str]:
    ids = {m["id"] for p in TEMPLATE_DIR.glob("*.toml") if (m := _FILE_NAME.match(p.name))}
    return sorted(ids)


def load(template_id: str, version: int | None = None) -> Template:
    """The template, at `version` or else its latest version."""
    available = versions(template_id)
    if not available:
        raise LetterError(f"没有“{template_id}”文书模板。")
    if version is None:
        version = available[-1]
    if version not in available:
        raise LetterError(f"“{template_id}”文书模板没有第{version}版。")
    return _load_file(f"{template_id}.v{version}.toml")


@functools.cache
def _load_file(file_name: str) -> Template:
    raw = (TEMPLATE_DIR / file_name).read_bytes()
    data = tomllib.loads(raw.decode("utf-8"))
    meta = data.get("meta", {})
    match = _FILE_NAME.match(file_name)
    if not match or meta.get("id") != match["id"] or meta.get("version") != int(match["version"]):
        raise LetterError(f"模板文件 {file_name} 的 id 或版本号与文件名不一致。")
    template = Template(
        id=meta["id"],
        version=meta["version"],
        file_name=file_name,
        sha256=hashlib.sha256(raw).hexdigest(),
        title=meta.get("title", ""),
        number_line=meta.get("number_line", ""),
        addressee=meta.get("addressee", ""),
        signature=tuple(meta.get("signature", ())),
        remedy=bool(meta.get("remedy", False)),
        opening=_paragraphs(meta.get("opening", [])),
        closing=_paragraphs(meta.get("closing", [])),
        variants={
            name: _paragraphs(v.get("paragraphs", []))
            for name, v in data.get("variants", {}).items()
        },
        lookups={
            name: Lookup(key=v["key"], values=dict(v["values"]))
            for name, v in data.get("lookups", {}).items()
        },
        meta=meta,
    )
    for text in template.texts():
        check_template_text(text, template.label)
    return template


def _paragraphs(entries: list) -> tuple[Paragraph, ...]:
    return tuple(_paragraph(entry) for entry in entries)


def _paragraph(entry: str | dict) -> Paragraph:
    if isinstance(entry, str):
        return Paragraph(text=entry)
    return Paragraph(
        text=entry["text"],
        if_=_names(entry.get("if", ())),
        unless=_names(entry.get("unless", ())),
        each=entry.get("each", ""),
    )


def _names(value: str | list[str]) -> tuple[str, ...]:
    return (value,) if isinstance(value, str) else tuple(value)


def locked_hashes() -> dict[str, str]:
    """file name → sha256 as recorded in LOCKED.sha256 (`sha256  file` per line)."""
    hashes = {}
    for line in LOCK_FILE.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            digest, name = line.split()
            hashes[name] = digest
    return hashes
