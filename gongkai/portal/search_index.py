"""The full-text index of published items, one per database backend.

search_text holds CJK bigrams (see gongkai/publishing/search_text.py), so both
backends only have to split on spaces. Only published items are indexed, so a search
never has to join the item table to leave drafts out, and every index entry carries
the publication date, so "the newest matches" is read in index order and stops early
instead of sorting every match (a common bigram matches half of all items).

- SQLite: a contentless FTS5 table whose rowid is the *search key*
  `days since 1970 of published_on × 2³² + item id`: FTS5 reads a match list in rowid
  order, so `ORDER BY rowid DESC LIMIT n` is the n newest matches. Triggers on the item
  table keep it in step.
- PostgreSQL: a table `portal_item_search (item_id, published_on, document tsvector)`
  with a GIN index on the stored tsvector (nothing recomputes to_tsvector at query
  time) and a (published_on, item_id) index, kept in step by a trigger.

`ensure_search_index` is idempotent. The portal migrations call it, and so does
post_migrate: on SQLite, Django rebuilds a table to alter it (copy, drop, rename), and
dropping the old table drops its triggers, so a later publishing migration would
silently stop the index from following the items.
"""

import datetime as dt

ITEM_TABLE = "publishing_informationitem"
SEARCH_TABLE = "portal_item_search"
PUBLISHED = "published"  # ItemStatus.PUBLISHED, spelled out for the SQL below

# The index of the first version (all items, to_tsvector recomputed per row).
_OLD_SQLITE = ("portal_item_fts_ai", "portal_item_fts_ad", "portal_item_fts_au")
_OLD_FTS_TABLE = "portal_item_fts"
_OLD_PG_INDEX = "portal_item_search_gin"

# Item ids stay below 2³² (four thousand million items), so the key orders by date, then id.
KEY_SHIFT = 2**32
_EPOCH = dt.date(1970, 1, 1)


def search_key(published_on: dt.date | None, item_id: int) -> int:
    days = (published_on - _EPOCH).days if published_on else 0
    return days * KEY_SHIFT + item_id


def item_of_key(key: int) -> tuple[dt.date, int]:
    """(published_on, item id) of a search key."""
    return _EPOCH + dt.timedelta(days=key // KEY_SHIFT), key % KEY_SHIFT


def _sqlite_key(row: str) -> str:
    days = f"CAST(julianday(coalesce({row}.published_on, '1970-01-01')) - 2440587.5 AS INTEGER)"
    return f"({days} * {KEY_SHIFT} + {row}.id)"


_SQLITE_TRIGGERS = {
    "portal_item_search_ai": f"""
        CREATE TRIGGER portal_item_search_ai AFTER INSERT ON {ITEM_TABLE}
        WHEN new.status = '{PUBLISHED}' BEGIN
          INSERT INTO {SEARCH_TABLE}(rowid, search_text) VALUES ({_sqlite_key('new')}, new.search_text);
        END""",
    "portal_item_search_ad": f"""
        CREATE TRIGGER portal_item_search_ad AFTER DELETE ON {ITEM_TABLE}
        WHEN old.status = '{PUBLISHED}' BEGIN
          INSERT INTO {SEARCH_TABLE}({SEARCH_TABLE}, rowid, search_text)
            VALUES ('delete', {_sqlite_key('old')}, old.search_text);
        END""",
    # A contentless table forgets a row only when given exactly what was indexed.
    "portal_item_search_au": f"""
        CREATE TRIGGER portal_item_search_au AFTER UPDATE OF status, published_on, search_text ON {ITEM_TABLE}
        BEGIN
          INSERT INTO {SEARCH_TABLE}({SEARCH_TABLE}, rowid, search_text)
            SELECT 'delete', {_sqlite_key('old')}, old.search_text WHERE old.status = '{PUBLISHED}';
          INSERT INTO {SEARCH_TABLE}(rowid, search_text)
            SELECT {_sqlite_key('new')}, new.search_text WHERE new.status = '{PUBLISHED}';
        END""",
}

_PG_FUNCTION = f"""
CREATE OR REPLACE FUNCTION portal_item_search_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE'
     AND NEW.status IS NOT DISTINCT FROM OLD.status
     AND NEW.published_on IS NOT DISTINCT FROM OLD.published_on
     AND NEW.search_text IS NOT DISTINCT FROM OLD.search_text THEN
    RETURN NULL;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    DELETE FROM {SEARCH_TABLE} WHERE item_id = OLD.id;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.status = '{PUBLISHED}' THEN
    INSERT INTO {SEARCH_TABLE} (item_id, published_on, document)
      VALUES (NEW.id, NEW.published_on, to_tsvector('simple', NEW.search_text));
  END IF;
  RETURN NULL;
END $$"""


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
        for name in _OLD_SQLITE:
            if name in existing:
                cursor.execute(f"DROP TRIGGER {name}")
        if _OLD_FTS_TABLE in existing:
            cursor.execute(f"DROP TABLE {_OLD_FTS_TABLE}")
        missing = [name for name in _SQLITE_TRIGGERS if name not in existing]
        if SEARCH_TABLE not in existing:
            cursor.execute(f"CREATE VIRTUAL TABLE {SEARCH_TABLE} USING fts5(search_text, content='')")
        for name in missing:
            cursor.execute(_SQLITE_TRIGGERS[name])
        if not missing and SEARCH_TABLE in existing:
            return False
        # Items may have changed while a trigger was missing: index them all again.
        cursor.execute(f"INSERT INTO {SEARCH_TABLE}({SEARCH_TABLE}) VALUES ('delete-all')")
        cursor.execute(
            f"INSERT INTO {SEARCH_TABLE}(rowid, search_text) "
            f"SELECT {_sqlite_key(ITEM_TABLE)}, search_text FROM {ITEM_TABLE} "
            f"WHERE status = '{PUBLISHED}' ORDER BY 1"
        )
    return True


def _ensure_postgresql(connection) -> bool:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT to_regclass(%s), to_regclass(%s), to_regclass(%s), "
            "EXISTS (SELECT 1 FROM pg_trigger WHERE tgname = 'portal_item_search_sync')",
            [ITEM_TABLE, SEARCH_TABLE, _OLD_PG_INDEX],
        )
        items, table, old_index, trigger = cursor.fetchone()
        if items is None:
            return False
        if old_index is not None:
            cursor.execute(f"DROP INDEX {_OLD_PG_INDEX}")
        if table is not None and trigger:
            return False
        cursor.execute(f"""
            CREATE TABLE IF NOT EXISTS {SEARCH_TABLE} (
              item_id bigint PRIMARY KEY,
              published_on date,
              document tsvector NOT NULL
            )""")
        cursor.execute(_PG_FUNCTION)
        cursor.execute(f"DROP TRIGGER IF EXISTS portal_item_search_sync ON {ITEM_TABLE}")
        cursor.execute(
            f"CREATE TRIGGER portal_item_search_sync AFTER INSERT OR UPDATE OR DELETE ON {ITEM_TABLE} "
            "FOR EACH ROW EXECUTE FUNCTION portal_item_search_sync()"
        )
        # Filled in date order, so the newest rows also sit together on disk.
        cursor.execute(f"TRUNCATE {SEARCH_TABLE}")
        cursor.execute(f"DROP INDEX IF EXISTS {SEARCH_TABLE}_document")
        cursor.execute(f"DROP INDEX IF EXISTS {SEARCH_TABLE}_newest")
        cursor.execute(
            f"INSERT INTO {SEARCH_TABLE} (item_id, published_on, document) "
            f"SELECT id, published_on, to_tsvector('simple', search_text) FROM {ITEM_TABLE} "
            f"WHERE status = '{PUBLISHED}' ORDER BY published_on, id"
        )
        cursor.execute(f"CREATE INDEX {SEARCH_TABLE}_document ON {SEARCH_TABLE} USING gin (document)")
        cursor.execute(f"CREATE INDEX {SEARCH_TABLE}_newest ON {SEARCH_TABLE} (published_on DESC NULLS LAST, item_id DESC)")
        cursor.execute(f"ANALYZE {SEARCH_TABLE}")
    return True


def drop_search_index(connection) -> None:
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            for name in (*_SQLITE_TRIGGERS, *_OLD_SQLITE):
                cursor.execute(f"DROP TRIGGER IF EXISTS {name}")
            cursor.execute(f"DROP TABLE IF EXISTS {SEARCH_TABLE}")
            cursor.execute(f"DROP TABLE IF EXISTS {_OLD_FTS_TABLE}")
        elif connection.vendor == "postgresql":
            cursor.execute(f"DROP TRIGGER IF EXISTS portal_item_search_sync ON {ITEM_TABLE}")
            cursor.execute("DROP FUNCTION IF EXISTS portal_item_search_sync()")
            cursor.execute(f"DROP TABLE IF EXISTS {SEARCH_TABLE}")
            cursor.execute(f"DROP INDEX IF EXISTS {_OLD_PG_INDEX}")
