#!/usr/bin/env python3
"""Benchmark a patient's submission under gunicorn against the practical ceiling of the stack.

For SQLite and PostgreSQL, side by side in one run:

* **submit**: GET /contact, read the hidden fields (CSRF token, start time, idempotency key),
  POST the form, expect 303: submissions per second, and p50/p99 of the whole submission (GET +
  POST) and of the POST alone. The product runs as deployed (``INTAKE_ENV=production``, the
  project's ``gunicorn.conf.py`` with sync workers, CSRF, rate limits in memory, triage, the
  outbox rows, JSON logs and the access log); the bare app (``bench/bare_app.py``) validates five
  fields and inserts one row. Target: the product at least 0.7x the bare app's throughput.
* **article**: the product's article page against a bare Flask page returning the same HTML.
  Target: at least 0.9x. A first visit (no cookie), which the product answers from its public
  page cache (``intake/public/page_cache.py``) before Flask.
* **article-cookie**: the same pages requested with the session cookie the product's form set (a
  returning visitor, and every visitor after opening the form): the product's full path through
  Flask, its session and every hook; the bare page ignores the cookie.
* Memory: RSS (and PSS) of each gunicorn worker after its run.

The product and the bare app run at the same time and are measured in alternating slices
(``--rounds``), so both see the same background load. The load generator is ``--threads``
client threads in this process, a fresh connection per request (sync workers close each one),
on loopback only. It competes with the server for CPU on a small machine: see the CPU figures
printed with the results.

Usage (from the project root)::

    .venv/bin/python bench/submit.py [--duration 12] [--threads 8] [--workers 2] [--rounds 3]
        [--database-url postgresql+psycopg://postgres@127.0.0.1:5432/test] [--profile sqlite]
        [--databases sqlite,postgresql] [--cases submit,article,article-cookie] [--profile-only]

``--profile sqlite|postgresql`` adds a cProfile run of the product's workers (the submit case,
and the article on SQLite) and prints where the time goes, as shares and as CPU ms per operation
(share x the unprofiled cost measured in the comparison). The machine may be shared: CPU ms per
operation, measured on the workers, is the figure to compare; the load average during the run
is printed with the results. This is a benchmark, not a test: it always exits 0.
"""

from __future__ import annotations

import argparse
import base64
import cProfile  # noqa: F401 - documents that --profile relies on it (bench/gunicorn_profile.py)
import html
import http.client
import os
import platform
import pstats
import re
import secrets
import shutil
import statistics
import sys
import tempfile
import threading
import time
import uuid
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import sqlalchemy as sa  # noqa: E402

from tests.slow.support import ManagedProcess, children_of, free_port  # noqa: E402

ARTICLE_PATH = "/articles/metastatic-breast-cancer"
HIDDEN = re.compile(r"<input\b[^>]*\btype=\"hidden\"[^>]*>")
ATTR = re.compile(r"\b(name|value)=\"([^\"]*)\"")
DEFAULT_PG = os.environ.get(
    "TEST_DATABASE_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)

MESSAGE = (
    "I finished chemotherapy and radiation for stage 2 breast cancer last spring and I am on "
    "letrozole. For about three weeks I have had a dull ache in my lower back that wakes me at "
    "night. Could this be the cancer coming back, and could I see someone this month?"
)


def hidden_inputs(page: str) -> dict[str, str]:
    found: dict[str, str] = {}
    for tag in HIDDEN.findall(page):
        attrs = dict(ATTR.findall(tag))
        if "name" in attrs:
            found[attrs["name"]] = html.unescape(attrs.get("value", ""))
    return found


# --- servers ---------------------------------------------------------------------------------


class Server(ManagedProcess):
    """gunicorn (the project's gunicorn.conf.py unless ``config`` says otherwise)."""

    def __init__(
        self,
        name: str,
        app_spec: str,
        env: dict[str, str],
        workdir: Path,
        workers: int,
        config: Path = ROOT / "gunicorn.conf.py",
        extra_args: tuple[str, ...] = (),
    ) -> None:
        self.name = name
        self.port = free_port()
        self.workers = workers
        env = {
            **env,
            "GUNICORN_BIND": f"127.0.0.1:{self.port}",
            "GUNICORN_WORKERS": str(workers),
            "GUNICORN_MAX_REQUESTS": "0",
            "PYTHONUNBUFFERED": "1",
        }
        super().__init__(
            [sys.executable, "-m", "gunicorn", "-c", str(config), *extra_args, app_spec],
            env,
            workdir / f"{name}.log",
        )

    def wait_ready(self, timeout: float = 60) -> Server:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if not self.running:
                break
            conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=2)
            try:
                conn.request("GET", "/livez")
                if conn.getresponse().status == 200 and len(self.worker_pids()) >= self.workers:
                    return self
            except (OSError, http.client.HTTPException):
                pass
            finally:
                conn.close()
            time.sleep(0.1)
        output = self.output()[-3000:]
        self.stop()
        raise RuntimeError(f"{self.name} did not start:\n{output}")

    def worker_pids(self) -> set[int]:
        return children_of(self.pid)

    def memory(self) -> tuple[float, float]:
        """Mean RSS and PSS of the workers, MiB."""
        rss, pss = [], []
        for pid in self.worker_pids():
            try:
                status = Path(f"/proc/{pid}/status").read_text()
                rollup = Path(f"/proc/{pid}/smaps_rollup").read_text()
            except OSError:
                continue
            rss.append(kib(status, "VmRSS:") / 1024)
            pss.append(kib(rollup, "Pss:") / 1024)
        return (statistics.mean(rss) if rss else 0.0, statistics.mean(pss) if pss else 0.0)

    def cpu_seconds(self) -> float:
        """User + system CPU of the workers so far."""
        tick = os.sysconf("SC_CLK_TCK")
        total = 0.0
        for pid in self.worker_pids():
            try:
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            total += (int(fields[11]) + int(fields[12])) / tick
        return total


def kib(text: str, label: str) -> float:
    for line in text.splitlines():
        if line.startswith(label):
            return float(line.split()[1])
    return 0.0


def product_env(database_url: str) -> dict[str, str]:
    """Production settings; limits in memory set out of the way; mail stays queued."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GUNICORN_", "RATELIMIT_"))}
    env.update(
        {
            "INTAKE_ENV": "production",
            "SECRET_KEY": secrets.token_urlsafe(48),
            "DATA_ENCRYPTION_KEY": base64.urlsafe_b64encode(os.urandom(32)).decode(),
            "DATABASE_URL": database_url,
            "CLINIC_PHONE": "(907) 555-0100",
            "CLINIC_NOTIFY_TO": "clinic@clinic.example",
            "MAIL_DEFAULT_SENDER": "intake@clinic.example",
            "MAIL_SERVER": "127.0.0.1",  # no worker runs: the outbox rows just stay queued
            "MAIL_PORT": "25",
            "PUBLIC_BASE_URL": "https://intake.clinic.example",
            "ENQUIRY_RATE_LIMIT": "1000000 per minute",
            "ENQUIRY_MIN_FILL_SECONDS": "0",  # else every bench submission is kept as spam
            "RATELIMIT_STORAGE_URI": "memory://",
        }
    )
    return env


def bare_env(database_url: str, article_file: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GUNICORN_")}
    env.update({"BARE_DATABASE_URL": database_url, "BARE_ARTICLE_HTML": str(article_file)})
    return env


def product_schema(url: str) -> None:
    from intake import create_app
    from intake.extensions import db
    from tests.conftest import make_config

    app = create_app(make_config(url))
    with app.app_context():
        db.create_all()
        db.session.remove()
        db.engine.dispose()


# --- load ------------------------------------------------------------------------------------


class Client:
    def __init__(self, port: int, address: str) -> None:
        self.port = port
        self.address = address
        self.cookies: dict[str, str] = {}

    def request(
        self, method: str, path: str, fields: dict[str, str] | None = None
    ) -> tuple[int, str]:
        headers = {"Connection": "close", "Host": "intake.clinic.example"}
        body = None
        if fields is not None:
            body = urlencode(fields)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        conn = http.client.HTTPConnection(
            "127.0.0.1", self.port, timeout=30, source_address=(self.address, 0)
        )
        try:
            conn.request(method, path, body=body, headers=headers)
            response = conn.getresponse()
            data = response.read()
            for name, value in response.getheaders():
                if name.lower() == "set-cookie":
                    key, _, rest = value.split(";", 1)[0].partition("=")
                    self.cookies[key.strip()] = rest.strip()
            return response.status, data.decode("utf-8", errors="replace")
        finally:
            conn.close()


@dataclass
class Result:
    count: int = 0
    errors: int = 0
    seconds: float = 0.0
    latencies: list[float] = field(default_factory=list)  # ms, whole operation
    post_latencies: list[float] = field(default_factory=list)  # ms, the POST alone
    server_cpu: float = 0.0
    error_samples: list[str] = field(default_factory=list)

    @property
    def rate(self) -> float:
        return self.count / self.seconds if self.seconds else 0.0

    def add(self, other: Result) -> None:
        self.count += other.count
        self.errors += other.errors
        self.seconds += other.seconds
        self.latencies += other.latencies
        self.post_latencies += other.post_latencies
        self.server_cpu += other.server_cpu
        self.error_samples = (self.error_samples + other.error_samples)[:5]


LOADS: list[float] = []  # the 1-minute load average at the start of every slice


def percentile(values: list[float], q: int) -> float:
    if len(values) < 2:
        return values[0] if values else 0.0
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1]


def submit_once(client: Client, result: Result) -> None:
    started = time.perf_counter()
    status, page = client.request("GET", "/contact")
    if status != 200:
        raise RuntimeError(f"GET /contact {status}")
    fields = {
        **hidden_inputs(page),
        "kind": "question",
        "message": MESSAGE,
        "name": "Bench Patient",
        "relationship": "patient",
        "email": f"bench{uuid.uuid4().hex[:12]}@example.com",
        "preferred_contact": "email",
        "consent": "y",
        "website": "",
    }
    posted = time.perf_counter()
    status, body = client.request("POST", "/contact", fields)
    done = time.perf_counter()
    if status != 303:
        raise RuntimeError(f"POST /contact {status}: {body[:200]!r}")
    result.latencies.append((done - started) * 1000)
    result.post_latencies.append((done - posted) * 1000)


def page_once(path: str, cookies: dict[str, str] | None = None) -> Callable[[Client, Result], None]:
    def run(client: Client, result: Result) -> None:
        if cookies:
            client.cookies.update(cookies)
        started = time.perf_counter()
        status, _ = client.request("GET", path)
        if status != 200:
            raise RuntimeError(f"GET {path} {status}")
        result.latencies.append((time.perf_counter() - started) * 1000)

    return run


def drive(
    server: Server, operation: Callable[[Client, Result], None], seconds: float, threads: int
) -> Result:
    """``threads`` clients doing ``operation`` back to back for ``seconds``."""
    results = [Result() for _ in range(threads)]
    stop_at = time.monotonic() + seconds

    def worker(n: int) -> None:
        result = results[n]
        client = Client(server.port, f"127.0.0.{2 + n}")
        while time.monotonic() < stop_at:
            try:
                operation(client, result)
                result.count += 1
            except (OSError, http.client.HTTPException, RuntimeError) as exc:
                result.errors += 1
                if len(result.error_samples) < 3:
                    result.error_samples.append(str(exc))
                time.sleep(0.05)

    LOADS.append(os.getloadavg()[0])
    cpu_before = server.cpu_seconds()
    started = time.monotonic()
    pool = [threading.Thread(target=worker, args=(n,), daemon=True) for n in range(threads)]
    for thread in pool:
        thread.start()
    for thread in pool:
        thread.join(timeout=seconds + 60)
    total = Result(seconds=time.monotonic() - started)
    for result in results:
        total.add(result)
    total.seconds = time.monotonic() - started
    total.server_cpu = server.cpu_seconds() - cpu_before
    return total


def compare(
    cases: dict[str, tuple[Server, Callable[[Client, Result], None]]],
    seconds: float,
    threads: int,
    rounds: int,
) -> dict[str, Result]:
    """Alternate slices of each case, ``rounds`` times; a short warm-up first."""
    for server, operation in cases.values():
        drive(server, operation, 1.5, threads)
    totals: dict[str, Result] = defaultdict(Result)
    for _ in range(rounds):
        for name, (server, operation) in cases.items():
            totals[name].add(drive(server, operation, seconds / rounds, threads))
    return dict(totals)


# --- profile ---------------------------------------------------------------------------------

STAGES = [
    ("gunicorn/workers/sync.py:handle_request", "a request in the worker (all of it)"),
    ("flask/app.py:wsgi_app", "  of which the Flask app"),
    ("intake/public/views.py:render_static", "article: the cached page"),
    ("intake/enquiry/views.py:blank_form_page", "GET: the blank form (cached HTML + 3 values)"),
    ("intake/enquiry/views.py:render_blank_form", "  render it (once per process)"),
    ("flask_wtf/csrf.py:generate_csrf", "  CSRF token"),
    ("intake/enquiry/service.py:start_token", "  signed start time"),
    ("flask_wtf/csrf.py:protect", "CSRF check (POST; a quick pass on GET)"),
    ("wtforms/form.py:__call__", "POST: build the EnquiryForm"),
    ("intake/enquiry/forms.py:validate", "POST: validate the form"),
    ("intake/enquiry/views.py:submission_from", "POST: the Submission (spam checks)"),
    ("intake/enquiry/service.py:store_enquiry", "POST: store_enquiry (one transaction)"),
    ("intake/triage/engine.py:classify", "  triage classify"),
    ("intake/notify/queue.py:enquiry_mail_rows", "  the mail rows (render email templates)"),
    ("sqlalchemy/engine/base.py:execute", "  three INSERTs (Core)"),
    ("sqlalchemy/orm/session.py:commit", "  commit"),
    ("intake/enquiry/views.py:render_form", "re-shown form (should be 0: none in this bench)"),
    ("flask_limiter/_extension.py:_check_request_limit", "rate-limit check"),
    ("intake/security.py:open_session", "session cookie: read"),
    ("intake/security.py:save_session", "session cookie: sign and set"),
    ("intake/auth/access.py:require_sign_in", "access control (deny by default)"),
    ("flask_login/login_manager.py:_update_remember_cookie", "Flask-Login's after-request hook"),
    ("intake/security.py:_headers", "security headers"),
    ("intake/logs.py:_log_request", "the app's access log line"),
    ("gunicorn/glogging.py:access", "gunicorn's access log line"),
]


def profile(
    name: str,
    env: dict[str, str],
    workdir: Path,
    workers: int,
    seconds: float,
    threads: int,
    case: str = "submit",
    cpu_ms_per_op: float | None = None,
) -> None:
    """Run the product's ``case`` under cProfile; print where the workers' time goes.

    With ``cpu_ms_per_op`` (the unprofiled figure from the comparison), each share is also
    given as CPU milliseconds per operation: cProfile inflates small, frequent calls, so its own
    milliseconds overstate them; share x measured cost is the better estimate.
    """
    profile_dir = workdir / f"profile-{name}-{case}"
    profile_dir.mkdir()
    server = Server(
        f"profile-{name}-{case}",
        "wsgi:app",
        {**env, "BENCH_PROFILE_DIR": str(profile_dir), "BENCH_PROFILE_SKIP": "30"},
        workdir,
        workers,
        config=ROOT / "bench" / "gunicorn_profile.py",
    ).wait_ready()
    operation = submit_once if case == "submit" else page_once(ARTICLE_PATH)
    try:
        result = drive(server, operation, seconds, threads)
    finally:
        server.stop(timeout=30)
    if result.errors:
        print(f"\n(profile run: {result.errors} errors, e.g. {result.error_samples[:1]})")
    files = sorted(profile_dir.glob("worker-*.prof"))
    if not files:
        print(f"\n(no profile written: see {server.log_path})")
        return
    raw = pstats.Stats(*[str(f) for f in files]).stats  # type: ignore[attr-defined]
    whole = max(
        (
            value[3]
            for key, value in raw.items()
            if "gunicorn/workers/sync.py" in key[0] and key[2] == "handle_request"
        ),
        default=0.0,
    )
    print(
        f"\n## Profile: the product's workers during the {case} case on {name} "
        f"({result.count} operations, cProfile in {len(files)} workers)\n"
    )
    print("Cumulative share of the workers' CPU time in requests (cProfile timed by the")
    print("process's CPU clock, so time other processes take is not counted); the estimate is")
    print("the share times the unprofiled CPU ms per operation measured above.\n")
    print("| stage | share | est. CPU ms/op |")
    print("| --- | ---: | ---: |")
    for needle, label in STAGES:
        path, _, func = needle.rpartition(":")
        found = [value[3] for key, value in raw.items() if key[0].endswith(path) and key[2] == func]
        if not found or not whole or not max(found):
            continue
        share = max(found) / whole
        estimate = f"{share * cpu_ms_per_op:.2f}" if cpu_ms_per_op else "-"
        print(f"| {label} | {100 * share:.1f}% | {estimate} |")


# --- main ------------------------------------------------------------------------------------


def make_pg_database(server_url: str) -> str | None:
    name = f"intake_bench_{uuid.uuid4().hex[:10]}"
    admin = sa.create_engine(
        server_url, isolation_level="AUTOCOMMIT", connect_args={"connect_timeout": 3}
    )
    try:
        with admin.connect() as conn:
            conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    except sa.exc.SQLAlchemyError as exc:
        print(f"PostgreSQL unavailable at {server_url} ({type(exc).__name__}): skipping it")
        return None
    finally:
        admin.dispose()
    return sa.engine.make_url(server_url).set(database=name).render_as_string(hide_password=False)


def drop_pg_database(url: str) -> None:
    parsed = sa.engine.make_url(url)
    admin = sa.create_engine(parsed.set(database="postgres"), isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{parsed.database}" WITH (FORCE)'))
    finally:
        admin.dispose()


@dataclass
class Row:
    case: str
    database: str
    app: str
    result: Result
    rss: float
    pss: float


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=float, default=12.0, help="seconds per case")
    parser.add_argument("--threads", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--database-url", default=DEFAULT_PG, help="PostgreSQL server to use")
    parser.add_argument("--profile", choices=["sqlite", "postgresql"], default=None)
    parser.add_argument(
        "--databases", default="sqlite,postgresql", help="comma-separated: sqlite, postgresql"
    )
    parser.add_argument(
        "--cases",
        default="submit,article,article-cookie",
        help="comma-separated: submit, article, article-cookie",
    )
    parser.add_argument(
        "--profile-only", action="store_true", help="skip the comparison, only --profile"
    )
    parser.add_argument("--keep", action="store_true", help="keep the work folder (logs)")
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="intake-bench-"))
    servers: list[Server] = []
    pg_url: str | None = None
    rows: list[Row] = []
    started = time.monotonic()
    try:
        wanted = {name.strip() for name in args.databases.split(",") if name.strip()}
        cases = {name.strip() for name in args.cases.split(",") if name.strip()}
        if args.profile:
            wanted.add(args.profile)
        databases: dict[str, str] = {}
        bare_databases: dict[str, str] = {}
        if "sqlite" in wanted:
            databases["sqlite"] = f"sqlite:///{workdir / 'product.sqlite3'}"
            bare_databases["sqlite"] = f"sqlite:///{workdir / 'bare.sqlite3'}"
        if "postgresql" in wanted:
            pg_url = make_pg_database(args.database_url)
            if pg_url is not None:
                databases["postgresql"] = pg_url
                bare_databases["postgresql"] = pg_url  # its own table, bare_enquiry

        from bench.bare_app import create_schema

        article_file = workdir / "article.html"
        for db_name, url in databases.items():
            product_schema(url)
            create_schema(bare_databases[db_name])
            if args.profile_only:
                continue
            product = Server(
                f"product-{db_name}", "wsgi:app", product_env(url), workdir, args.workers
            ).wait_ready()
            servers.append(product)
            if not article_file.exists():
                status, page = Client(product.port, "127.0.0.1").request("GET", ARTICLE_PATH)
                assert status == 200, status
                article_file.write_text(page, encoding="utf-8")
            bare = Server(
                f"bare-{db_name}",
                "bare_app:create_app()",
                bare_env(bare_databases[db_name], article_file),
                workdir,
                args.workers,
                extra_args=("--pythonpath", str(ROOT / "bench")),
            ).wait_ready()
            servers.append(bare)
            if "submit" in cases:
                results = compare(
                    {"product": (product, submit_once), "bare": (bare, submit_once)},
                    args.duration,
                    args.threads,
                    args.rounds,
                )
                for app_name, server in (("product", product), ("bare", bare)):
                    rss, pss = server.memory()
                    rows.append(Row("submit", db_name, app_name, results[app_name], rss, pss))
            if db_name == "sqlite" and "article" in cases:
                results = compare(
                    {
                        "product": (product, page_once(ARTICLE_PATH)),
                        "bare": (bare, page_once("/article")),
                    },
                    args.duration,
                    args.threads,
                    args.rounds,
                )
                for app_name, server in (("product", product), ("bare", bare)):
                    rss, pss = server.memory()
                    rows.append(Row("article", db_name, app_name, results[app_name], rss, pss))
            if db_name == "sqlite" and "article-cookie" in cases:
                visitor = Client(product.port, "127.0.0.1")
                status, _ = visitor.request("GET", "/contact")
                assert status == 200 and visitor.cookies, (status, visitor.cookies)
                results = compare(
                    {
                        "product": (product, page_once(ARTICLE_PATH, visitor.cookies)),
                        "bare": (bare, page_once("/article", visitor.cookies)),
                    },
                    args.duration,
                    args.threads,
                    args.rounds,
                )
                for app_name, server in (("product", product), ("bare", bare)):
                    rss, pss = server.memory()
                    rows.append(
                        Row("article-cookie", db_name, app_name, results[app_name], rss, pss)
                    )
            for server in (product, bare):
                server.stop()
        if rows:
            report(rows, args, time.monotonic() - started)
        if args.profile and args.profile in databases:
            measured = {(r.case, r.database): cost(r.result) for r in rows if r.app == "product"}
            for case in ("submit", "article"):
                if case not in cases or (case == "article" and args.profile != "sqlite"):
                    continue
                profile(
                    args.profile,
                    product_env(databases[args.profile]),
                    workdir,
                    args.workers,
                    args.duration,
                    args.threads,
                    case,
                    measured.get((case, args.profile)),
                )
    finally:
        for server in servers:
            server.stop()
        if pg_url is not None:
            drop_pg_database(pg_url)
        if args.keep:
            print(f"\nwork folder kept: {workdir}")
        else:
            shutil.rmtree(workdir, ignore_errors=True)
    return 0


def cost(result: Result) -> float:
    """Server CPU milliseconds per operation: independent of what else runs on the machine."""
    return 1000 * result.server_cpu / result.count if result.count else 0.0


def report(rows: list[Row], args: argparse.Namespace, elapsed: float) -> None:
    cpus = len(os.sched_getaffinity(0))
    print(
        f"\n# bench/submit.py: {platform.python_implementation()} {platform.python_version()}, "
        f"{cpus} CPUs, load average {min(LOADS):.1f}-{max(LOADS):.1f} (mean "
        f"{statistics.mean(LOADS):.1f}); gunicorn sync x{args.workers}, "
        f"{args.threads} client threads, {args.duration:g} s per case in {args.rounds} "
        f"alternating slices; {elapsed:.0f} s in all\n"
    )
    print(
        "| case | database | app | per s | p50 ms | p99 ms | POST p50 ms | POST p99 ms "
        "| server CPU % | CPU ms/op | errors | vs bare | target | RSS/worker MiB "
        "| PSS/worker MiB |"
    )
    print(
        "| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: "
        "| --- | ---: | ---: |"
    )
    bare = {(r.case, r.database): r.result.rate for r in rows if r.app == "bare"}
    bare_cost = {(r.case, r.database): cost(r.result) for r in rows if r.app == "bare"}
    targets = {"submit": 0.7, "article": 0.9, "article-cookie": 0.9}
    verdicts = []
    for r in rows:
        res = r.result
        ratio = res.rate / bare[(r.case, r.database)] if bare.get((r.case, r.database)) else 0.0
        target = targets[r.case]
        if r.app == "product":
            verdict = "met" if ratio >= target else "BELOW"
            by_cost = bare_cost[(r.case, r.database)] / cost(res) if cost(res) else 0.0
            verdicts.append(
                f"{r.case} on {r.database}: {ratio:.2f}x the bare app's throughput ({verdict}, "
                f"target {target}x); by server CPU per operation {by_cost:.2f}x"
            )
            versus, goal = f"{ratio:.2f}x", f">= {target}x {verdict}"
        else:
            versus, goal = "1.00x", ""
        cpu = 100 * res.server_cpu / res.seconds if res.seconds else 0.0
        posts = (
            f"{percentile(res.post_latencies, 50):.1f} | {percentile(res.post_latencies, 99):.1f}"
            if res.post_latencies
            else "- | -"
        )
        print(
            f"| {r.case} | {r.database} | {r.app} | {res.rate:.1f} | "
            f"{percentile(res.latencies, 50):.1f} | {percentile(res.latencies, 99):.1f} | "
            f"{posts} | {cpu:.0f} | {cost(res):.2f} | {res.errors} | {versus} | {goal} "
            f"| {r.rss:.0f} | {r.pss:.0f} |"
        )
        if res.error_samples:
            print(f"|   | errors, e.g. {res.error_samples[0][:120]!r} |")
    print("\n" + "\n".join(verdicts))
    print(
        "(server CPU %: both workers together, of one CPU; what is left of the machine's "
        f"{cpus * 100}% went to the load generator and everything else running)"
    )


if __name__ == "__main__":
    sys.exit(main())
