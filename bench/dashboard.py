"""Benchmark the staff dashboard: server time of each inbox view beside the bare SQL it runs.

On PostgreSQL (a dedicated database on the TEST_DATABASE_URL server, 1,000,000 seeded enquiries
by default) and SQLite (a file, 100,000): the inbox's first page, page 1,000 by keyset, each
filter, a common and a rare search, and the reports and audit pages. Each is requested through
the Flask test client, signed in (so the time is the server's: routing, session, queries,
rendering, no network), ``--repeat`` times after a warm-up. Each view is served two ways:
"fresh", its facet counts computed by the request (INBOX_COUNTS_SECONDS=0, as after a change
saved by this process, and on the first view of every new search), and "cached", its counts from
the 30-second per-process cache (what most requests get). Each way's own SQL is captured once
and replayed directly on one long-lived DBAPI connection, statements and commits as the page ran
them (the page commits its session's "last seen" and its audit row; the replay commits the same,
so the WAL flushes are on both sides). Each round times the four back to back, so that all see
the same load on a shared machine. p50 and p95 of each are printed with the load average;
``--statements`` adds each view's three slowest statements (fresh counts).

Targets on PostgreSQL: inbox pages p95 <= 50 ms, search p95 <= 200 ms, every page <= 2x its bare
SQL (p95 against p95), checked for both ways.

Run from the project root. The databases are kept and reused when they already hold the
requested number of enquiries (brought up to the models' columns and indexes first); seeding
drops the secondary indexes, loads, then builds them (1,000,000 enquiries: 17 minutes on the
shared 2-core machine, 14 of them generating and copying rows):

    .venv/bin/python bench/dashboard.py --repeat 20           # 1,000,000 on PG, 100,000 SQLite
    .venv/bin/python bench/dashboard.py --pg-rows 100000 --sqlite-rows 20000 --repeat 5
    .venv/bin/python bench/dashboard.py --skip-pg             # SQLite only
    .venv/bin/python bench/dashboard.py --only 'search|spam' --statements
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import sqlalchemy as sa  # noqa: E402
from flask import Flask  # noqa: E402
from flask.testing import FlaskClient  # noqa: E402

from intake import create_app  # noqa: E402
from intake.extensions import db  # noqa: E402
from tests.conftest import TEST_DATABASE_URL, make_config  # noqa: E402

PG_DATABASE = "intake_bench_dashboard"
SQLITE_FILE = ROOT / "instance" / "bench-dashboard.sqlite3"
ADMIN = "bench-admin@clinic.example"
PASSWORD = "correct horse battery staple"
PAGE_TARGET_MS = 50.0
SEARCH_TARGET_MS = 200.0


@dataclass
class Case:
    name: str
    kind: str  # "inbox", "search" or "other"
    url: str


def pct(values: list[float], p: float) -> float:
    """Nearest-rank percentile (p in 0..1); NaN for no values."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[max(0, min(len(ordered) - 1, int(round(p * len(ordered) + 0.5)) - 1))]


@dataclass
class Timings:
    """One way of serving a view: the page's times and its own captured SQL replayed bare."""

    page: list[float] = field(default_factory=list)
    bare: list[float] = field(default_factory=list)
    statements: int = 0

    @property
    def page_p50(self) -> float:
        return pct(self.page, 0.5)

    @property
    def page_p95(self) -> float:
        return pct(self.page, 0.95)

    @property
    def bare_p50(self) -> float:
        return pct(self.bare, 0.5)

    @property
    def bare_p95(self) -> float:
        return pct(self.bare, 0.95)

    @property
    def ratio(self) -> float:
        return self.page_p95 / self.bare_p95 if self.bare_p95 else float("inf")


@dataclass
class Result:
    case: Case
    fresh: Timings  # facet counts computed by every request (INBOX_COUNTS_SECONDS=0)
    cached: Timings  # facet counts from the 30 s per-process cache (inbox and search only)
    slowest: list[tuple[float, str]] = field(default_factory=list)  # (median ms, statement)

    def verdict(self, postgres: bool, timings: Timings) -> str:
        if not postgres or self.case.kind == "other" or not timings.page:
            return ""
        target = SEARCH_TARGET_MS if self.case.kind == "search" else PAGE_TARGET_MS
        problems = []
        if timings.page_p95 > target:
            problems.append(f"p95>{target:.0f}")
        if timings.page_p95 > 2 * timings.bare_p95:
            problems.append(">2x")
        return "FAIL " + ",".join(problems) if problems else "ok"

    def failed(self, postgres: bool) -> bool:
        return any(
            self.verdict(postgres, timings).startswith("FAIL")
            for timings in (self.fresh, self.cached)
        )


# --- databases --------------------------------------------------------------------------------


def pg_url(server_url: str) -> str:
    return (
        sa.engine.make_url(server_url)
        .set(database=PG_DATABASE)
        .render_as_string(hide_password=False)
    )


def enquiry_count(app: Flask) -> int:
    from intake.models import Enquiry

    with app.app_context():
        try:
            return int(db.session.scalar(sa.select(sa.func.count()).select_from(Enquiry)) or 0)
        except sa.exc.SQLAlchemyError:
            db.session.rollback()
            return -1


def prepare_postgres(rows: int, server_url: str) -> Flask:
    url = pg_url(server_url)
    admin = sa.create_engine(server_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        exists = conn.scalar(
            sa.text("SELECT 1 FROM pg_database WHERE datname = :name"), {"name": PG_DATABASE}
        )
    app = create_app(make_config(url)) if exists else None
    if app is not None and enquiry_count(app) == rows:
        print(f"PostgreSQL: reusing {PG_DATABASE} with {rows:,} enquiries", flush=True)
        admin.dispose()
        sync_schema(app)
        return app
    if app is not None:
        with app.app_context():
            db.engine.dispose()
    with admin.connect() as conn:
        conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{PG_DATABASE}" WITH (FORCE)'))
        conn.execute(sa.text(f'CREATE DATABASE "{PG_DATABASE}"'))
    admin.dispose()
    app = create_app(make_config(url))
    seed(app, rows, postgres=True)
    return app


def prepare_sqlite(rows: int, path: Path) -> Flask:
    url = f"sqlite:///{path}"
    if path.exists():
        app = create_app(make_config(url))
        if enquiry_count(app) == rows:
            print(f"SQLite: reusing {path} with {rows:,} enquiries", flush=True)
            sync_schema(app)
            return app
        with app.app_context():
            db.engine.dispose()
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    app = create_app(make_config(url))
    seed(app, rows, postgres=False)
    return app


# Indexes made by raw SQL rather than the models' __table_args__ (sync_schema keeps them).
EXTRA_INDEXES = ("ix_enquiry_search_trgm",)


def sync_schema(app: Flask) -> None:
    """Bring a reused database up to the models: add missing tables, nullable columns and
    indexes, drop indexes the models no longer have (then ANALYZE), keeping the seeded rows.
    Re-seeding a million enquiries takes 17 minutes here; an index or a column takes this."""
    from intake.staff.models import TRGM_SQL

    with app.app_context():
        engine = db.engine
        # Reflect everything first: the inspector has its own connection, which would wait
        # forever on the locks the DDL transaction below takes.
        inspector = sa.inspect(engine)
        tables = {
            table.name: (
                {column["name"] for column in inspector.get_columns(table.name)},
                inspector.get_indexes(table.name),
            )
            for table in db.metadata.sorted_tables
            if inspector.has_table(table.name)
        }
        changed: list[str] = []
        with engine.begin() as conn:
            for table in db.metadata.sorted_tables:
                if table.name not in tables:
                    table.create(conn)
                    changed.append(f"table {table.name}")
                    continue
                present, reflected = tables[table.name]
                for column in table.columns:
                    if column.name in present:
                        continue
                    if not column.nullable and column.server_default is None:
                        raise SystemExit(
                            f"{table.name}.{column.name} is NOT NULL without a server default: "
                            "drop the benchmark database and let this script seed it again"
                        )
                    spec = sa.schema.CreateColumn(column).compile(dialect=conn.dialect)
                    conn.execute(sa.text(f"ALTER TABLE {table.name} ADD COLUMN {spec}"))
                    changed.append(f"column {table.name}.{column.name}")
                wanted = {index.name: [c.name for c in index.columns] for index in table.indexes}
                indexes = set()
                for found in reflected:
                    name = str(found["name"])
                    if name in EXTRA_INDEXES or found.get("duplicates_constraint"):
                        continue
                    if wanted.get(name) == found["column_names"]:
                        indexes.add(name)
                        continue
                    conn.execute(sa.text(f'DROP INDEX "{name}"'))  # gone, or redefined
                    changed.append(f"dropped index {name}")
                for index in table.indexes:
                    if index.name not in indexes:
                        started = time.perf_counter()
                        index.create(conn)
                        took = time.perf_counter() - started
                        changed.append(f"index {index.name} ({took:.0f} s)")
            if conn.dialect.name == "postgresql":
                before = set(conn.scalars(sa.text("SELECT indexname FROM pg_indexes")).all())
                for statement in TRGM_SQL:
                    conn.execute(sa.text(statement))
                after = set(conn.scalars(sa.text("SELECT indexname FROM pg_indexes")).all())
                changed += [f"index {name}" for name in sorted(after - before)]
        if changed:
            print(f"  schema brought up to the models: {', '.join(changed)}", flush=True)
            with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
                conn.execute(sa.text("ANALYZE"))


# Tables the seeder fills: their secondary indexes are built once after the load (a sort each)
# instead of being maintained row by row (random inserts into a dozen B-trees larger than
# shared_buffers). Unique indexes and constraints stay: they guard the data while it loads.
SEEDED_TABLES = ("enquiry", "enquiry_tag", "enquiry_event", "appointment")


def seeded_indexes() -> list[sa.Index]:
    return [
        index
        for table in db.metadata.sorted_tables
        if table.name in SEEDED_TABLES
        for index in sorted(table.indexes, key=lambda i: str(i.name))
        if not index.unique
    ]


def seed(app: Flask, rows: int, *, postgres: bool) -> None:
    """Schema, an admin and a nurse, then the demo seeder; secondary indexes (and the trigram
    index) are dropped for the load and built after it, which is far cheaper."""
    from intake.auth import accounts
    from intake.staff.demo import seed_enquiries
    from intake.staff.models import DROP_TRGM_SQL, TRGM_SQL

    label = "PostgreSQL" if postgres else "SQLite"
    with app.app_context():
        begun = time.perf_counter()
        db.create_all()
        accounts.create_account(ADMIN, "Bench Admin", "admin", password=PASSWORD)
        accounts.create_account(
            "bench-nurse@clinic.example", "Bench Nurse", "staff", password=PASSWORD
        )
        db.session.commit()
        with db.engine.begin() as conn:
            if postgres:
                for statement in DROP_TRGM_SQL:
                    conn.execute(sa.text(statement))
            for index in seeded_indexes():
                index.drop(conn)
        started = time.perf_counter()
        done = 0

        def progress(count: int) -> None:
            nonlocal done
            done += count
            if done % 50_000 < count or done == rows:
                rate = done / (time.perf_counter() - started)
                print(f"  {label}: seeded {done:,}/{rows:,} ({rate:,.0f}/s)", flush=True)

        report = seed_enquiries(rows, seed=42, progress=progress)
        print(
            f"{label}: {report.enquiries:,} enquiries, {report.tags:,} tags, {report.events:,} "
            f"events, {report.appointments:,} appointments in {report.seconds:.0f} s",
            flush=True,
        )
        started = time.perf_counter()
        with db.engine.begin() as conn:
            if postgres:
                conn.execute(sa.text("SET LOCAL maintenance_work_mem = '512MB'"))
            for index in seeded_indexes():
                index.create(conn)
            if postgres:
                for statement in TRGM_SQL:
                    conn.execute(sa.text(statement))
        print(f"{label}: indexes built in {time.perf_counter() - started:.0f} s", flush=True)
        with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(sa.text("VACUUM ANALYZE" if postgres else "ANALYZE"))
        print(
            f"{label}: seeded {rows:,} enquiries in {time.perf_counter() - begun:.0f} s "
            "(rows, indexes, VACUUM ANALYZE)",
            flush=True,
        )


# --- requests ----------------------------------------------------------------------------------


def signed_in(app: Flask) -> FlaskClient:
    client = app.test_client()
    response = client.post("/staff/login", data={"email": ADMIN, "password": PASSWORD})
    assert response.status_code in (302, 303), response.status_code
    return client


def cases(app: Flask, client: FlaskClient) -> list[Case]:
    """The inbox views to time; page 1,000 and the searches need a little lookup first."""
    from intake.models import Enquiry
    from intake.staff.queries import InboxFilters, encode_cursor, inbox_query

    today = datetime.now(UTC).date()
    with app.app_context():
        query = inbox_query(InboxFilters(status="any"), None).offset(999 * 50 - 1).limit(1)
        row = db.session.scalars(query).first()
        if row is None:  # fewer than 1,000 pages: the last full page instead
            total = db.session.scalar(sa.select(sa.func.count()).select_from(Enquiry)) or 0
            row = db.session.scalars(
                inbox_query(InboxFilters(status="any"), None).offset(max(0, total - 51)).limit(1)
            ).first()
        cursor = encode_cursor(row) if row is not None else ""
        sample = db.session.execute(
            sa.select(Enquiry.email, Enquiry.writer_name)
            .where(Enquiry.is_spam.is_(False))
            .order_by(Enquiry.id.desc())
            .limit(1)
        ).one()
    rare = str(sample.email).split("@")[0]  # one writer's address: a handful of matches
    common = str(sample.writer_name).split()[1].lower()  # a surname: thousands of matches
    found: list[Case] = [
        Case("inbox, first page", "inbox", "/staff/"),
        Case("inbox, page 1,000 (keyset)", "inbox", f"/staff/?status=any&after={cursor}"),
        Case("filter status=in_progress", "inbox", "/staff/?status=in_progress"),
        Case("filter status=any", "inbox", "/staff/?status=any"),
        Case("filter tag=clinical_trials", "inbox", "/staff/?tag=clinical_trials"),
        Case("filter urgency=emergency", "inbox", "/staff/?urgency=emergency"),
        Case("filter kind=appointment", "inbox", "/staff/?kind=appointment"),
        Case("filter assignee=me", "inbox", "/staff/?assignee=me"),
        Case("filter assignee=unassigned", "inbox", "/staff/?assignee=unassigned"),
        Case(
            "filter received last 30 days",
            "inbox",
            f"/staff/?status=any&from={(today - timedelta(days=30)).isoformat()}"
            f"&to={today.isoformat()}",
        ),
        Case("filter section=recurrence", "inbox", "/staff/?section=recurrence"),
        Case("filter spam=only", "inbox", "/staff/?spam=only"),
    ]
    for label, terms in (("search, rare term", rare), ("search, common term", common)):
        response = client.post("/staff/search", data={"terms": terms})
        location = response.headers.get("Location", "")
        assert response.status_code == 303 and "search=" in location, response.status_code
        assert terms not in location
        found.append(Case(label, "search", location))
    found.append(Case("reports (26 weeks, uncached)", "other", "/staff/reports"))
    found.append(Case("audit log, first page", "other", "/staff/audit"))
    return found


COMMIT = "COMMIT"  # a captured commit (the engine's commit event), replayed as one


@contextmanager
def captured(app: Flask) -> Iterator[list[tuple[str, Any]]]:
    statements: list[tuple[str, Any]] = []

    def listen(conn: Any, cursor: Any, statement: str, parameters: Any, *args: Any) -> None:
        statements.append((statement, parameters))

    def committed(conn: Any) -> None:
        statements.append((COMMIT, None))

    with app.app_context():
        engine = db.engine
    sa.event.listen(engine, "before_cursor_execute", listen)
    sa.event.listen(engine, "commit", committed)
    try:
        yield statements
    finally:
        sa.event.remove(engine, "before_cursor_execute", listen)
        sa.event.remove(engine, "commit", committed)


def replay(
    raw: Any, statements: list[tuple[str, Any]], each: list[list[float]] | None = None
) -> float:
    """Run the captured statements on the DBAPI connection, committing where the page did;
    milliseconds. ``each`` collects every statement's own time (one list per statement).

    The page's writes are its session's "last seen" and its audit row: the replay commits the
    same (a duplicate audit row in the benchmark database), so the WAL flushes the page pays
    are in the bare figure too. Anything after the last commit is rolled back."""
    started = time.perf_counter()
    cursor = raw.cursor()
    try:
        for i, (statement, parameters) in enumerate(statements):
            before = time.perf_counter()
            if statement is COMMIT:
                raw.commit()
            else:
                cursor.execute(statement, parameters)
            if statement is not COMMIT and cursor.description is not None:
                cursor.fetchall()
            if each is not None:
                each[i].append((time.perf_counter() - before) * 1000)
    finally:
        cursor.close()
        raw.rollback()
    return (time.perf_counter() - started) * 1000


def set_counts_cache(app: Flask, on: bool) -> None:
    """Facet counts from the per-process cache (30 s) or computed by every request."""
    app.config["INBOX_COUNTS_SECONDS"] = 30 if on else 0
    app.extensions.pop("staff_inbox_counts", None)


def time_case(
    app: Flask, client: FlaskClient, raw: Any, case: Case, repeat: int, warmup: int
) -> Result:
    """Page with fresh counts, its bare SQL, page with cached counts, its bare SQL: interleaved
    round by round so that all four see the same load on this shared machine."""

    def request() -> float:
        started = time.perf_counter()
        response = client.get(case.url)
        elapsed = (time.perf_counter() - started) * 1000
        assert response.status_code == 200, (case.url, response.status_code)
        return elapsed

    def capture() -> list[tuple[str, Any]]:
        with captured(app) as statements:
            request()
        # The session's own bookkeeping (savepoints) is not SQL the page asked for.
        return [(s, p) for s, p in statements if not re.match(r"\s*(SAVEPOINT|RELEASE)", s)]

    def queries(sql: list[tuple[str, Any]]) -> int:
        return sum(1 for statement, _ in sql if statement is not COMMIT)

    with_cache = case.kind != "other"
    set_counts_cache(app, False)
    for _ in range(warmup):
        request()
    sql = capture()
    cached_sql: list[tuple[str, Any]] = []
    if with_cache:
        set_counts_cache(app, True)
        request()  # fills the cache
        cached_sql = capture()
    for _ in range(warmup):
        replay(raw, sql)
        if with_cache:
            replay(raw, cached_sql)
    each: list[list[float]] = [[] for _ in sql]
    fresh = Timings(statements=queries(sql))
    cached = Timings(statements=queries(cached_sql))
    for _ in range(repeat):
        set_counts_cache(app, False)
        fresh.page.append(request())
        fresh.bare.append(replay(raw, sql, each))
        if with_cache:
            set_counts_cache(app, True)
            request()  # fills the cache
            cached.page.append(request())
            cached.bare.append(replay(raw, cached_sql))
    set_counts_cache(app, False)
    slowest = sorted(
        (
            (statistics.median(times), " ".join(statement.split()))
            for times, (statement, _) in zip(each, sql, strict=True)
            if statement is not COMMIT
        ),
        reverse=True,
    )[:3]
    return Result(case, fresh, cached, slowest)


def load_average() -> str:
    return " ".join(f"{value:.2f}" for value in os.getloadavg())


def run(
    app: Flask,
    label: str,
    rows: int,
    repeat: int,
    warmup: int,
    only: str | None = None,
    statements: bool = False,
) -> list[Result]:
    from intake.staff import reports

    reports.CACHE_SECONDS = 0  # time the aggregates themselves, not the page's 5-minute cache
    client = signed_in(app)
    found = [c for c in cases(app, client) if not only or re.search(only, c.name)]
    load_before = load_average()
    with app.app_context():
        raw = db.engine.raw_connection()  # one long-lived connection, like a pooled worker's
        try:
            results = [time_case(app, client, raw, c, repeat, warmup) for c in found]
        finally:
            raw.close()
    loads = f"load average {load_before} before, {load_average()} after"
    print_table(label, rows, results, postgres=label == "PostgreSQL", loads=loads)
    if statements:
        print_statements(results)
    return results


def print_table(
    label: str, rows: int, results: list[Result], *, postgres: bool, loads: str = ""
) -> None:
    print()
    print(f"{label}, {rows:,} enquiries (ms; Flask test client, signed in; {loads})")
    print(
        "fresh: facet counts computed by the request; cached: counts from the 30 s per-process "
        "cache. SQL: that page's own captured statements (and commits) replayed bare. "
        "x: page p95 / SQL p95"
    )
    header = (
        f"{'view':<28} | {'p50':>6} {'p95':>6} {'SQL50':>6} {'SQL95':>6} {'n':>3} {'x':>4} "
        f"{'check':<10} | {'p50':>6} {'p95':>6} {'SQL50':>6} {'SQL95':>6} {'n':>3} {'x':>4} check"
    )
    print(f"{'':<28} | {'fresh counts':<51} | cached counts")
    print(header)
    print("-" * len(header))

    def cells(r: Result, t: Timings) -> str:
        if not t.page:
            return f"{'':<51}"
        return (
            f"{t.page_p50:>6.1f} {t.page_p95:>6.1f} {t.bare_p50:>6.1f} {t.bare_p95:>6.1f} "
            f"{t.statements:>3} {t.ratio:>4.2f} {r.verdict(postgres, t):<10}"
        )

    for r in results:
        print(f"{r.case.name:<28} | {cells(r, r.fresh)} | {cells(r, r.cached)}".rstrip())
    sys.stdout.flush()


def print_statements(results: list[Result]) -> None:
    """The three slowest statements of each view (median of the bare replays)."""
    print()
    for r in results:
        print(f"{r.case.name}:")
        for median, statement in r.slowest:
            print(f"  {median:8.2f} ms  {statement[:160]}")
    sys.stdout.flush()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pg-rows", type=int, default=1_000_000)
    parser.add_argument("--sqlite-rows", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=30, help="timed requests per view")
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument("--skip-pg", action="store_true")
    parser.add_argument("--skip-sqlite", action="store_true")
    parser.add_argument("--database-url", default=TEST_DATABASE_URL, help="PostgreSQL server")
    parser.add_argument("--sqlite-path", type=Path, default=SQLITE_FILE)
    parser.add_argument("--only", help="time only the views whose name matches this regex")
    parser.add_argument(
        "--statements", action="store_true", help="print each view's three slowest statements"
    )
    args = parser.parse_args(argv)

    os.environ["LOG_LEVEL"] = "WARNING"  # no access-log line per timed request
    failed = False
    jobs: list[tuple[str, int, Callable[[], Flask]]] = []
    if not args.skip_sqlite:
        jobs.append(
            ("SQLite", args.sqlite_rows, lambda: prepare_sqlite(args.sqlite_rows, args.sqlite_path))
        )
    if not args.skip_pg:
        jobs.append(
            ("PostgreSQL", args.pg_rows, lambda: prepare_postgres(args.pg_rows, args.database_url))
        )
    for label, rows, prepare in jobs:
        try:
            app = prepare()
        except sa.exc.OperationalError as exc:
            print(f"{label}: unreachable ({exc.__class__.__name__}); skipped", file=sys.stderr)
            continue
        results = run(app, label, rows, args.repeat, args.warmup, args.only, args.statements)
        failed = failed or any(r.failed(label == "PostgreSQL") for r in results)
        with app.app_context():
            db.session.remove()
            db.engine.dispose()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
