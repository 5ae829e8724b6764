"""Rendered portal pages, shared by anonymous visitors for a short while.

A visitor without a session sees exactly what every other such visitor sees, so the
list, item and search pages are kept for PAGE_SECONDS under a key made of the URL
and the *publication generation*: a counter that the database advances whenever an
item or an attachment is written (a trigger, so every write path counts, including
`QuerySet.update()` and the staff workflow). The generation is read on every request,
so a page rendered before a publication, withdrawal or correction is never served
after it. Only renamed agencies and catalogue nodes wait out PAGE_SECONDS.

On PostgreSQL the counter is a sequence, advanced by each writing statement and again
as its transaction commits (a page rendered from the old rows in between is keyed
under the superseded number): a sequence takes no lock, so concurrent publishers do
not queue behind one counter row. On SQLite, writers are serialised anyway and the counter
is a one-row table updated inside the writing transaction.
"""

import hashlib
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import HttpResponse
from django.utils.http import urlencode

# settings.PORTAL_PAGE_SECONDS overrides it; 0 turns the cache off (bench/ measures both).
PAGE_SECONDS = 30
WATCHED_TABLES = ("publishing_informationitem", "publishing_attachment")
_PG_SEQUENCE = "portal_generation"
_SQLITE_TABLE = "portal_generation"


def generation() -> int:
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(f"SELECT last_value FROM {_PG_SEQUENCE}")
        else:
            cursor.execute(f"SELECT n FROM {_SQLITE_TABLE} WHERE id = 1")
        row = cursor.fetchone()
    return row[0] if row else 0


def _is_anonymous(request) -> bool:
    # No session: no staff navigation, no flash messages, nothing personal on the page.
    return settings.SESSION_COOKIE_NAME not in request.COOKIES and "messages" not in request.COOKIES


# A query string is cached only when it is one a page's own links produce: the view's
# parameters, each once and short. Anything else (a bot's ?x=1, ?x=2 … or a 10 kB value)
# is rendered but not stored, so it can neither fill the cache nor plant a page there.
MAX_PARAM_CHARS = 100


def cache_key_query(request, params: tuple[str, ...]) -> str | None:
    """The query string normalised (known parameters, sorted, empty ones dropped), or
    None when the request should not be cached."""
    pairs = []
    for name in request.GET:
        values = request.GET.getlist(name)
        if name not in params or len(values) > 1 or len(values[0]) > MAX_PARAM_CHARS:
            return None
        if values[0]:
            pairs.append((name, values[0]))
    return urlencode(sorted(pairs))


def shared_for_anonymous(view=None, *, params: tuple[str, ...] = ()):
    """Serve the view's 200 answer from the cache to visitors without a session.
    `params` names the query parameters the view reads."""
    if view is None:
        return lambda view: shared_for_anonymous(view, params=params)

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        seconds = getattr(settings, "PORTAL_PAGE_SECONDS", PAGE_SECONDS)
        if not seconds or request.method != "GET" or not _is_anonymous(request):
            return view(request, *args, **kwargs)
        query = cache_key_query(request, params)
        if query is None:
            return view(request, *args, **kwargs)
        path = hashlib.blake2b(f"{request.path}?{query}".encode(), digest_size=16).hexdigest()
        key = f"portal:page:{generation()}:{path}"
        cached = cache.get(key)
        if cached is not None:
            content, content_type = cached
            return HttpResponse(content, content_type=content_type)
        response = view(request, *args, **kwargs)
        if response.status_code == 200 and not response.streaming and not response.cookies:
            cache.set(key, (response.content, response["Content-Type"]), seconds)
        return response

    return wrapped


def ensure_generation(connection) -> bool:
    """Create the counter and its triggers where missing; True when something was created."""
    if connection.vendor == "sqlite":
        return _ensure_sqlite(connection)
    if connection.vendor == "postgresql":
        return _ensure_postgresql(connection)
    return False


def _ensure_sqlite(connection) -> bool:
    created = False
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger')")
        existing = {row[0] for row in cursor.fetchall()}
        if _SQLITE_TABLE not in existing:
            cursor.execute(f"CREATE TABLE {_SQLITE_TABLE} (id INTEGER PRIMARY KEY, n INTEGER NOT NULL)")
            cursor.execute(f"INSERT INTO {_SQLITE_TABLE} (id, n) VALUES (1, 1)")
            created = True
        for table in WATCHED_TABLES:
            if table not in existing:
                continue
            for event in ("INSERT", "UPDATE", "DELETE"):
                name = f"portal_generation_{table}_{event.lower()}"
                if name not in existing:
                    cursor.execute(
                        f"CREATE TRIGGER {name} AFTER {event} ON {table} BEGIN "
                        f"UPDATE {_SQLITE_TABLE} SET n = n + 1 WHERE id = 1; END"
                    )
                    created = True
    return created


_PG_TRIGGERS = {
    # As the statement runs: a page rendered from now on is keyed past the old pages.
    "portal_generation_now": "CREATE TRIGGER portal_generation_now AFTER INSERT OR UPDATE OR DELETE ON {table} "
                             "FOR EACH STATEMENT EXECUTE FUNCTION portal_generation_bump()",
    # As the transaction commits: a page rendered from the old rows meanwhile is keyed past too.
    "portal_generation_commit": "CREATE CONSTRAINT TRIGGER portal_generation_commit "
                                "AFTER INSERT OR UPDATE OR DELETE ON {table} DEFERRABLE INITIALLY DEFERRED "
                                "FOR EACH ROW EXECUTE FUNCTION portal_generation_bump()",
}


def _ensure_postgresql(connection) -> bool:
    with connection.cursor() as cursor:
        cursor.execute("SELECT tgname, tgrelid::regclass::text FROM pg_trigger WHERE tgname LIKE 'portal_generation_%%'")
        have = set(cursor.fetchall())
        cursor.execute("SELECT to_regclass(%s)", [_PG_SEQUENCE])
        sequence = cursor.fetchone()[0]
        missing = []
        for table in WATCHED_TABLES:
            cursor.execute("SELECT to_regclass(%s)", [table])
            if cursor.fetchone()[0] is not None:
                missing += [(name, table) for name in _PG_TRIGGERS if (name, table) not in have]
        if not missing and sequence is not None:
            return False
        cursor.execute(f"CREATE SEQUENCE IF NOT EXISTS {_PG_SEQUENCE}")
        cursor.execute(f"""
            CREATE OR REPLACE FUNCTION portal_generation_bump() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN PERFORM nextval('{_PG_SEQUENCE}'); RETURN NULL; END $$""")
        for name, table in missing:
            cursor.execute(_PG_TRIGGERS[name].format(table=table))
    return True


def drop_generation(connection) -> None:
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            for table in WATCHED_TABLES:
                for event in ("insert", "update", "delete"):
                    cursor.execute(f"DROP TRIGGER IF EXISTS portal_generation_{table}_{event}")
            cursor.execute(f"DROP TABLE IF EXISTS {_SQLITE_TABLE}")
        elif connection.vendor == "postgresql":
            for table in WATCHED_TABLES:
                cursor.execute("SELECT to_regclass(%s)", [table])
                if cursor.fetchone()[0] is not None:
                    for name in _PG_TRIGGERS:
                        cursor.execute(f"DROP TRIGGER IF EXISTS {name} ON {table}")
            cursor.execute("DROP FUNCTION IF EXISTS portal_generation_bump()")
            cursor.execute(f"DROP SEQUENCE IF EXISTS {_PG_SEQUENCE}")
