"""The event log's hash chain, without Django: each row carries the SHA-256 of its own
content and of the previous row's hash, so a row changed, removed or slipped in later
with an earlier time breaks the chain at that row (`gongkai eventlog verify`).

The hash is not keyed: it proves the order and content of what is there, not who wrote
it. What stops a database session from emptying the table (TRUNCATE) or lifting the
append-only trigger is the database role the platform runs under (docs/security.md).
"""

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

GENESIS = ""


@dataclass(frozen=True)
class ChainedRow:
    id: int
    at: datetime
    actor_id: int | None
    actor_name: str
    subject_type: str  # "app_label.model", the same in every database
    subject_id: str
    verb: str
    from_state: str
    to_state: str
    data: dict
    prev_hash: str
    hash: str


def row_hash(prev_hash: str, *, at: datetime, actor_id, actor_name, subject_type, subject_id, verb,
             from_state, to_state, data) -> str:
    content = {
        "prev": prev_hash,
        # UTC with microseconds: what both SQLite and PostgreSQL give back unchanged.
        "at": at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ"),
        "actor_id": actor_id,
        "actor_name": actor_name,
        "subject": subject_type,
        "subject_id": subject_id,
        "verb": verb,
        "from": from_state,
        "to": to_state,
        "data": data,
    }
    canonical = json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Break:
    row_id: int
    reason: str


def first_break(rows: Iterable[ChainedRow]) -> tuple[int, Break | None]:
    """Walks the rows in insertion order; returns how many were read and the first broken link."""
    expected_prev, previous_at, count = GENESIS, None, 0
    for row in rows:
        count += 1
        if row.prev_hash != expected_prev:
            return count, Break(row.id, "与前一条的链接断开（前一条被删除、替换或本条被插入）")
        content = {f: getattr(row, f) for f in ("at", "actor_id", "actor_name", "subject_type", "subject_id",
                                                "verb", "from_state", "to_state", "data")}
        if row_hash(row.prev_hash, **content) != row.hash:
            return count, Break(row.id, "本条内容与其哈希不符（记录被改动）")
        if previous_at is not None and row.at < previous_at:
            return count, Break(row.id, "本条时间早于前一条（事后补写的记录）")
        expected_prev, previous_at = row.hash, row.at
    return count, None
