"""Annual reports for a whole synthetic province, against the raw SQL aggregation.

    .venv/bin/python bench/bench_reports.py [--scale 1.0] [--database-url postgres://…/gongkai_bench_reports]

Scale 1.0 is 1,000 agencies, 1,000,000 applications, 2,000,000 information items and
20,000 appeals (years 2023–2025; the reports are for 2024). The database named in the
URL is dropped and recreated, migrated, and loaded with COPY. Then, in the same run:
1. the raw SQL GROUP BY over the same tables (what any report tool must at least read);
2. all 1,000 reports built (build_many: the interchange dict and checks C1–C9);
3. single reports (a department, a county government's subtree).
Goals: (2) within 2× of (1); a single report under 200 ms. Prints Markdown.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import os
import platform
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/gongkai_bench_reports"
YEAR = 2024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--database-url", default=os.environ.get("BENCH_REPORTS_DATABASE_URL", DEFAULT_URL))
    parser.add_argument("--reuse", action="store_true", help="keep the loaded database if it is there")
    args = parser.parse_args()
    os.environ["DATABASE_URL"] = args.database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gongkai.settings")
    sizes = {
        "agencies": max(20, int(1000 * args.scale)),
        "applications": int(1_000_000 * args.scale),
        "items": int(2_000_000 * args.scale),
        "appeals": int(20_000 * args.scale),
    }
    load_seconds = None
    if not args.reuse or not _database_exists(args.database_url):
        _recreate_database(args.database_url)
        import django

        django.setup()
        from django.core.management import call_command

        call_command("migrate", verbosity=0)
        started = time.perf_counter()
        load(sizes)
        load_seconds = time.perf_counter() - started
    else:
        import django

        django.setup()
    report(sizes, load_seconds)


# --- the database ----------------------------------------------------------------------


def _admin_url(url: str) -> tuple[str, str]:
    base, name = url.rsplit("/", 1)
    return base + "/postgres", name


def _database_exists(url: str) -> bool:
    import psycopg

    admin, name = _admin_url(url)
    with psycopg.connect(admin.replace("postgres://", "postgresql://"), autocommit=True) as conn:
        return conn.execute("select 1 from pg_database where datname = %s", [name]).fetchone() is not None


def _recreate_database(url: str) -> None:
    import psycopg

    admin, name = _admin_url(url)
    if not name.startswith("gongkai_bench"):
        raise SystemExit(f"refusing to drop {name!r}: the benchmark database's name must start with gongkai_bench")
    with psycopg.connect(admin.replace("postgres://", "postgresql://"), autocommit=True) as conn:
        conn.execute(f'drop database if exists "{name}" with (force)')
        conn.execute(f'create database "{name}"')


def _copy(cursor, table: str, columns: list[str], rows) -> None:
    """COPY rows into table, filling every other NOT NULL column without a default."""
    cursor.execute(
        "select column_name, data_type from information_schema.columns where table_name = %s "
        "and is_nullable = 'NO' and column_default is null and is_identity = 'NO'", [table])
    fillers = {"text": "", "character varying": "", "integer": "0", "bigint": "0", "smallint": "0",
               "boolean": "f", "date": "2024-01-01", "timestamp with time zone": "2024-01-01 00:00:00+08",
               "jsonb": "[]", "numeric": "0"}
    extra = [(c, fillers[t]) for c, t in cursor.fetchall() if c not in columns and c != "id"]
    all_columns = columns + [c for c, _ in extra]
    tail = "\t".join(_escape(v) for _, v in extra)
    buffer = io.StringIO()
    for row in rows:
        line = "\t".join(_escape(v) for v in row)
        buffer.write(line + ("\t" + tail if tail else "") + "\n")
    buffer.seek(0)
    with cursor.copy(f"COPY {table} ({', '.join(all_columns)}) FROM STDIN") as copy:
        while chunk := buffer.read(1 << 20):
            copy.write(chunk)


def _escape(value) -> str:
    if value is None:
        return r"\N"
    if value is True:
        return "t"
    if value is False:
        return "f"
    return str(value).replace("\\", "\\\\").replace("\t", " ").replace("\n", " ")


def load(sizes: dict) -> None:
    from django.db import connection

    rng = random.Random(2024)
    big = ("applications_application", "publishing_informationitem", "appeals_appeal")
    with connection.cursor() as django_cursor:
        cursor = django_cursor.cursor
        # Plain indexes are dropped for the load and rebuilt once after it (much faster
        # than maintaining them row by row); constraints' indexes stay.
        dropped = [d for table in big for d in _drop_plain_indexes(cursor, table)]
        agencies = _agencies(sizes["agencies"])
        _copy(cursor, "agencies_agency", ["id", "code", "name", "short_name", "kind", "parent_id", "path", "position",
                                          "index_prefix"], agencies)
        ids = [a[0] for a in agencies]
        _copy(cursor, "applications_application", [
            "agency_id", "year", "number", "tracking_code", "channel", "submitted_at", "received_on", "closed_on",
            "replied_on", "due_on", "applicant_type", "applicant_name", "phone", "applicant_key", "description",
            "form_wanted", "delivery_wanted", "status", "outcome",
        ], _applications(rng, ids, sizes["applications"]))
        node = _node_id(cursor)
        _copy(cursor, "publishing_informationitem", [
            "agency_id", "node_id", "title", "formed_on", "published_on", "status", "doc_kind", "issued_on",
            "validity", "validity_changed_on", "topic",
        ], _items(rng, ids, node, sizes["items"]))
        _copy(cursor, "appeals_appeal", [
            "agency_id", "kind", "body", "case_number", "filed_on", "result", "decided_on",
        ], _appeals(rng, ids, sizes["appeals"]))
        _copy(cursor, "annualreports_externalfigures", [
            "agency_id", "year", "licensing", "penalty", "enforcement", "fees_10k_yuan", "covers_subtree", "source",
        ], ((i, YEAR, rng.randint(0, 5000), rng.randint(0, 3000), rng.randint(0, 200),
             f"{rng.randint(0, 99999) / 100:.2f}", False, "api") for i in ids))
        for definition in dropped:
            cursor.execute(definition)
        for table in ("agencies_agency", "applications_application", "publishing_informationitem", "appeals_appeal"):
            cursor.execute(f"select setval(pg_get_serial_sequence('{table}', 'id'), (select max(id) from {table}))")
            cursor.execute(f"analyze {table}")


def _drop_plain_indexes(cursor, table: str) -> list[str]:
    cursor.execute(
        "select indexname, indexdef from pg_indexes where tablename = %s "
        "and indexname not in (select conname from pg_constraint)", [table])
    found = cursor.fetchall()
    for name, _ in found:
        cursor.execute(f'drop index "{name}"')
    return [definition for _, definition in found]


def _agencies(n: int) -> list[tuple]:
    """A province: its government, cities, counties under them, departments under all."""
    rows, next_id = [], 1

    def add(name, kind, parent):
        nonlocal next_id
        agency_id = next_id
        next_id += 1
        path = (parent[6] if parent else "/") + f"{agency_id}/"
        row = (agency_id, f"bench-{agency_id}", f"{name}{agency_id}", name, kind, parent[0] if parent else None,
               path, agency_id, f"B{agency_id:08d}")
        rows.append(row)
        return row

    province = add("某省人民政府", "government", None)
    cities = [add("某市人民政府", "government", province) for _ in range(max(2, n // 70))]
    counties = [add("某县人民政府", "government", cities[i % len(cities)]) for i in range(max(4, n // 14))]
    governments = [province, *cities, *counties]
    i = 0
    while len(rows) < n:
        add("某局", "department", governments[i % len(governments)])
        i += 1
    return rows


_TYPES = ("natural_person",) * 7 + ("commercial_enterprise", "research_institution", "social_welfare_org",
                                     "legal_service_org", "other_org")
_OUTCOMES = ("granted",) * 6 + ("partial", "denied_third_party_rights", "denied_process_info", "unable_not_held",
                                "unable_needs_creation", "not_processed_repeat", "other_overdue_correction",
                                "other_other")


def _applications(rng, ids, n):
    start = dt.date(2023, 1, 1)
    now = dt.datetime(2025, 6, 1, 9, 0)
    for k in range(n):
        received = start + dt.timedelta(days=rng.randrange(900))
        open_ = rng.random() < 0.03
        closed = None if open_ else received + dt.timedelta(days=rng.randrange(1, 45))
        outcome = "" if open_ else rng.choice(_OUTCOMES)
        yield (rng.choice(ids), received.year, k + 1, f"B{k:011d}", "online", now, received, closed, closed,
               received + dt.timedelta(days=28), rng.choice(_TYPES), "申请人", "13900000000", f"k{k % 50000}",
               "某项政府信息", "electronic", "online", "in_progress" if open_ else "replied", outcome)


def _node_id(cursor) -> int:
    cursor.execute("select id from publishing_cataloguenode where code = 'policy-documents'")
    return cursor.fetchone()[0]


def _items(rng, ids, node, n):
    start = dt.date(2015, 1, 1)
    for _ in range(n):
        published = start + dt.timedelta(days=rng.randrange(3800))
        kind = "normative" if rng.random() < 0.05 else ("rule" if rng.random() < 0.002 else "ordinary")
        issued = published if kind != "ordinary" else None
        repealed = issued + dt.timedelta(days=rng.randrange(30, 2000)) if issued and rng.random() < 0.3 else None
        yield (rng.choice(ids), node, "某项信息", published, published, "published", kind, issued,
               "repealed" if repealed else "valid", repealed, "general")


def _appeals(rng, ids, n):
    start = dt.date(2023, 1, 1)
    kinds = ("reconsideration",) * 3 + ("litigation_direct", "litigation_after_reconsideration")
    for k in range(n):
        filed = start + dt.timedelta(days=rng.randrange(900))
        decided = filed + dt.timedelta(days=rng.randrange(20, 300)) if rng.random() < 0.85 else None
        result = rng.choice(("upheld", "upheld", "corrected", "other")) if decided else "pending"
        yield (rng.choice(ids), rng.choice(kinds), "某复议机关", f"B{k}", filed, result, decided)


# --- the measurements ----------------------------------------------------------------------

RAW_SQL = [
    # 表三 一/二/四 by agency and applicant type
    """select agency_id, applicant_type,
              count(*) filter (where received_on >= %(first)s),
              count(*) filter (where received_on < %(first)s),
              count(*) filter (where closed_on is null or closed_on > %(last)s)
         from applications_application
        where received_on is not null and received_on <= %(last)s and (closed_on is null or closed_on >= %(first)s)
        group by 1, 2""",
    # 表三 三 by agency, applicant type and outcome
    """select agency_id, applicant_type, outcome, count(*)
         from applications_application
        where received_on is not null and closed_on between %(first)s and %(last)s
        group by 1, 2, 3""",
    # 表四
    """select agency_id, kind, case when decided_on <= %(last)s then result else 'pending' end, count(*)
         from appeals_appeal
        where filed_on between %(first)s and %(last)s or decided_on between %(first)s and %(last)s
        group by 1, 2, 3""",
    # 表二 documents
    """select agency_id, doc_kind,
              count(*) filter (where issued_on between %(first)s and %(last)s),
              count(*) filter (where validity in ('expired', 'repealed') and validity_changed_on between %(first)s and %(last)s),
              count(*) filter (where issued_on <= %(last)s and (validity not in ('expired', 'repealed') or validity_changed_on > %(last)s))
         from publishing_informationitem
        where status = 'published' and doc_kind in ('rule', 'normative')
        group by 1, 2""",
]


def _timed(fn, repeat: int = 3) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        started = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times), result


def report(sizes: dict, load_seconds: float | None) -> None:
    from django.db import connection

    from gongkai.agencies.models import Agency
    from gongkai.annualreports.building import build, build_many
    from gongkai.annualreports.queries import default_scope

    params = {"first": dt.date(YEAR, 1, 1), "last": dt.date(YEAR, 12, 31)}

    def raw():
        rows = 0
        with connection.cursor() as cursor:
            for sql in RAW_SQL:
                cursor.execute(sql, params)
                rows += len(cursor.fetchall())
        return rows

    agencies = list(Agency.objects.all())
    targets = [(a, default_scope(a)) for a in agencies]
    raw_seconds, raw_rows = _timed(raw)
    tables_seconds, _ = _timed(lambda: build_many(YEAR, targets, checks=False))
    all_seconds, reports = _timed(lambda: build_many(YEAR, targets, checks=True, previous_from_records=False))
    all_prev_seconds, _ = _timed(lambda: build_many(YEAR, targets, checks=True), repeat=1)
    department = next(a for a in agencies if a.kind == "department")
    county = next(a for a in agencies if a.kind == "government" and a.name.startswith("某县"))
    city = next(a for a in agencies if a.kind == "government" and a.name.startswith("某市"))
    one_dept, _ = _timed(lambda: build(department, YEAR), repeat=5)
    one_county, _ = _timed(lambda: build(county, YEAR), repeat=5)
    one_city, _ = _timed(lambda: build(city, YEAR), repeat=5)
    balance_errors = sum(1 for r in reports for f in r.errors)

    with connection.cursor() as cursor:
        cursor.execute("show server_version")
        pg = cursor.fetchone()[0]
    cpu = platform.processor() or platform.machine()
    print(f"## Annual reports benchmark ({dt.date.today():%Y-%m-%d})\n")
    print(f"- Machine: {platform.node()}, {cpu}, {os.cpu_count()} CPUs, Python {platform.python_version()}, "
          f"PostgreSQL {pg}")
    print(f"- Data: {sizes['agencies']:,} agencies, {sizes['applications']:,} applications, "
          f"{sizes['items']:,} items, {sizes['appeals']:,} appeals; reports for {YEAR}"
          + (f"; loaded in {load_seconds:.1f} s (COPY)" if load_seconds else ""))
    print("- Timings: median of 3 runs (single reports: of 5)\n")
    print("| what | seconds | vs raw SQL |")
    print("|---|---:|---:|")
    print(f"| raw SQL GROUP BY (4 queries, {raw_rows:,} result rows) | {raw_seconds:.3f} | 1.00× |")
    print(f"| all {len(reports):,} reports, tables and text only (no checks) | {tables_seconds:.3f} | "
          f"{tables_seconds / raw_seconds:.2f}× |")
    print(f"| all {len(reports):,} reports, checks C1–C9 (last year from stored reports) | {all_seconds:.3f} | "
          f"{all_seconds / raw_seconds:.2f}× |")
    print(f"| all {len(reports):,} reports, checks with last year rebuilt from records | {all_prev_seconds:.3f} | "
          f"{all_prev_seconds / raw_seconds:.2f}× |")
    print(f"| one department's report | {one_dept:.3f} | |")
    print(f"| one county government's report (its subtree) | {one_county:.3f} | |")
    print(f"| one city government's report (its subtree) | {one_city:.3f} | |")
    print(f"\nGoals: all reports within 2× of raw SQL → tables {'met' if tables_seconds <= 2 * raw_seconds else 'NOT met'}, "
          f"with checks {'met' if all_seconds <= 2 * raw_seconds else 'NOT met'}; "
          f"one report < 200 ms → {'met' if max(one_dept, one_county) < 0.2 else 'NOT met'}. "
          f"Errors found by the checker over all reports: {balance_errors}.")


if __name__ == "__main__":
    main()
