"""The full-text index over InformationItem.search_text, one per database backend.

search_text holds CJK bigrams (see gongkai/publishing/search_text.py), so both
backends only have to split on spaces:

- SQLite: an FTS5 table with external content (the item table), kept in sync by
  triggers on the item table.
- PostgreSQL: a GIN index on to_tsvector('simple', search_text).

`ensure_search_index` is idempotent. The portal migration calls it, and so does
post_migrate: on SQLite, Django rebuilds a table to alter it (copy, drop, rename), and
dropping the old table drops its triggers, so a later publishing migration would
silently stop the index from following the items.
"""

FTS_TABLE = "portal_item_fts"
ITEM_TABLE = "publishing_informationitem"
PG_INDEX = "portal_item_search_gin"

_SQLITE_TRIGGERS = {
    "portal_item_fts_ai": f"""
        CREATE TRIGGER portal_item_fts_ai AFTER INSERT ON {ITEM_TABLE} BEGIN
          INSERT INTO {FTS_TABLE}(rowid, search_text) VALUES (new.id, new.search_text);
        END""",
    "portal_item_fts_ad": f"""
        CREATE TRIGGER portal_item_fts_ad AFTER DELETE ON {ITEM_TABLE} BEGIN
          INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, search_text) VALUES ('delete', old.id, old.search_text);
        END""",
    "portal_item_fts_au": f"""
        CREATE TRIGGER portal_item_fts_au AFTER UPDATE OF search_text ON {ITEM_TABLE} BEGIN
          INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, search_text) VALUES ('delete', old.id, old.search_text);
          INSERT INTO {FTS_TABLE}(rowid, search_text) VALUES (new.id, new.search_text);
        END""",
}


def ensure_search_index(connection) -> bool:
    """Create whatever part of the index is missing; True when something was created."""
    if connection.vendor == "sqlite":
        return _ensure_sqlite(connection)
    if connection.vendor == "postgresql":
        return _ensure_postgresql(connection)
    return False


def _ensure_sqlite(connection) -> bool:
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger')")
        existing = {row[0] for row in cursor.fetchall()}
        if ITEM_TABLE not in existing:
            return False
        missing = [name for name in _SQLITE_TRIGGERS if name not in existing]
        if FTS_TABLE not in existing:
            cursor.execute(
                f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5("
                f"search_text, content='{ITEM_TABLE}', content_rowid='id')"
            )
        for name in missing:
            cursor.execute(_SQLITE_TRIGGERS[name])
        if missing or FTS_TABLE not in existing:
            # Items may have changed while a trigger was missing: index them all again.
            cursor.execute(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')")
            return True
    return False


def _ensure_postgresql(connection) -> bool:
    with connection.cursor() as cursor:
        cursor.execute("SELECT to_regclass(%s), to_regclass(%s)", [ITEM_TABLE, PG_INDEX])
        table, index = cursor.fetchone()
        if table is None or index is not None:
            return False
        cursor.execute(
            f"CREATE INDEX {PG_INDEX} ON {ITEM_TABLE} USING gin (to_tsvector('simple', search_text))"
        )
    return True


def drop_search_index(connection) -> None:
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            for name in _SQLITE_TRIGGERS:
                cursor.execute(f"DROP TRIGGER IF EXISTS {name}")
            cursor.execute(f"DROP TABLE IF EXISTS {FTS_TABLE}")
        elif connection.vendor == "postgresql":
            cursor.execute(f"DROP INDEX IF EXISTS {PG_INDEX}")
