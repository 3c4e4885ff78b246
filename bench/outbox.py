"""Benchmark the outbox: does a slow SMTP server slow the patient down, and how fast is the worker?

1. Submission latency (POST /contact through the app, SQLite file, the real ``flask outbox
   send`` running beside it as a subprocess) with the SMTP server answering DATA after 2 s
   versus at once, the two apps' requests interleaved so they share the same machine load.
   Nothing in the request waits for mail, so the two should match within 10%.
2. Worker throughput: messages per second from the outbox to a local SMTP sink (aiosmtpd),
   one worker, on SQLite and (with --database-url or TEST_DATABASE_URL reachable) PostgreSQL.

Run from the project root:  .venv/bin/python bench/outbox.py [--submissions 300] [--messages 2000]
"""

from __future__ import annotations

import argparse
import logging
import os
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import sqlalchemy as sa  # noqa: E402
from flask import Flask  # noqa: E402

from intake import create_app  # noqa: E402
from intake.extensions import db  # noqa: E402
from tests.conftest import TEST_DATABASE_URL, make_config, started_token, valid_form  # noqa: E402
from tests.smtp_server import (  # noqa: E402
    SmtpServer,
    WorkerProcess,
    queue_plain,
    run_worker_once,
    worker_env,
)


def build_app(url: str, server: SmtpServer) -> Flask:
    app = create_app(make_config(url, **server.config(), CLINIC_NOTIFY_TO="clinic@clinic.example"))
    with app.app_context():
        db.create_all()
    return app


class Scenario:
    """One app on its own SQLite file, its SMTP server, and ``flask outbox send`` beside it."""

    def __init__(self, delay: float, workdir: Path) -> None:
        self.delay = delay
        self.server = SmtpServer(delay=delay).start()
        url = f"sqlite:///{workdir / f'latency-{delay}.sqlite3'}"
        self.app = build_app(url, self.server)
        self.worker = WorkerProcess(
            worker_env(url, self.server.port, OUTBOX_POLL_SECONDS=1, LOG_LEVEL="WARNING"),
            log_path=workdir / f"worker-{delay}.log",
        )
        self.client = self.app.test_client()
        self.token = started_token(self.app)
        self.timings: list[float] = []

    def submit(self, record: bool = True) -> None:
        data = valid_form(started=self.token, submission_key=uuid.uuid4().hex)
        started = time.perf_counter()
        response = self.client.post("/contact", data=data)
        elapsed = (time.perf_counter() - started) * 1000
        assert response.status_code == 303, response.status_code
        if record:
            self.timings.append(elapsed)

    def close(self) -> int:
        delivered = len(self.server.received)
        self.worker.process.terminate()
        self.worker.wait(timeout=30)
        self.server.stop()
        with self.app.app_context():
            db.engine.dispose()
        return delivered

    def figures(self) -> dict[str, float]:
        timings = sorted(self.timings)
        return {
            "median": statistics.median(timings),
            "p95": timings[max(0, int(len(timings) * 0.95) - 1)],
            "mean": statistics.fmean(timings),
        }


def submission_latency(n: int, delay: float, workdir: Path) -> tuple[dict[str, Any], ...]:
    """Submissions to a slow-SMTP app and an instant-SMTP app, interleaved one by one, so both
    see the same machine load (both workers run all along); figures in milliseconds."""
    slow, fast = Scenario(delay, workdir), Scenario(0.0, workdir)
    try:
        time.sleep(2)  # both workers up and polling
        for _ in range(10):  # warm up: templates, triage vocabulary, connections
            slow.submit(record=False)
            fast.submit(record=False)
        for _ in range(n):
            slow.submit()
            fast.submit()
        time.sleep(1.5)  # let each worker take mail to its server
    finally:
        delivered = (slow.close(), fast.close())
    return (
        {**slow.figures(), "delivered": delivered[0]},
        {**fast.figures(), "delivered": delivered[1]},
    )


def worker_throughput(url: str, m: int) -> float:
    """Messages per second, one in-process worker, from a full outbox to a local sink."""
    server = SmtpServer().start()
    try:
        app = build_app(url, server)
        queue_plain(app, m)
        started = time.perf_counter()
        report = run_worker_once(app)
        elapsed = time.perf_counter() - started
        assert report.sent == m, report
        assert len(server.wait_for(m)) == m
        with app.app_context():
            db.engine.dispose()
        return m / elapsed
    finally:
        server.stop()


def postgres_database(base: str) -> tuple[str, Any] | None:
    """A throw-away database on the test server, or None when it is unreachable."""
    admin = sa.create_engine(
        base, isolation_level="AUTOCOMMIT", connect_args={"connect_timeout": 3}
    )
    name = f"intake_bench_{uuid.uuid4().hex[:10]}"
    try:
        with admin.connect() as conn:
            conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    except Exception:  # noqa: BLE001 - no PostgreSQL here: skip that row
        admin.dispose()
        return None

    def drop() -> None:
        with admin.connect() as conn:
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()

    url = sa.engine.make_url(base).set(database=name).render_as_string(hide_password=False)
    return url, drop


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--submissions", type=int, default=300)
    parser.add_argument("--messages", type=int, default=2000)
    parser.add_argument("--delay", type=float, default=2.0, help="the slow server's answer (s)")
    parser.add_argument(
        "--database-url", default=os.environ.get("TEST_DATABASE_URL", TEST_DATABASE_URL)
    )
    args = parser.parse_args()
    logging.getLogger("intake").setLevel(logging.WARNING)
    os.environ.setdefault("LOG_LEVEL", "WARNING")

    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        slow, fast = submission_latency(args.submissions, args.delay, workdir)
        sqlite_rate = worker_throughput(
            f"sqlite:///{workdir / 'throughput.sqlite3'}", args.messages
        )
    pg = postgres_database(args.database_url)
    pg_rate = None
    if pg is not None:
        url, drop = pg
        try:
            pg_rate = worker_throughput(url, args.messages)
        finally:
            drop()

    ratio = slow["median"] / fast["median"]
    print()
    print(f"Submission latency, {args.submissions} POST /contact (ms), worker running beside it")
    print(f"{'':24}{'SMTP answers at once':>22}{f'SMTP answers after {args.delay:g} s':>26}")
    for key in ("median", "p95", "mean"):
        print(f"{key:24}{fast[key]:>22.2f}{slow[key]:>26.2f}")
    print(f"{'mail delivered meanwhile':24}{fast['delivered']:>22.0f}{slow['delivered']:>26.0f}")
    verdict = "within 10%" if abs(ratio - 1) <= 0.10 else "NOT within 10%"
    print(f"median ratio slow/fast: {ratio:.3f} ({verdict})")
    print()
    print(f"Worker throughput, {args.messages} messages to a local SMTP sink, one worker")
    print(f"{'SQLite (file, WAL)':24}{sqlite_rate:>10.0f} messages/s")
    if pg_rate is not None:
        print(f"{'PostgreSQL':24}{pg_rate:>10.0f} messages/s")
    else:
        print(f"{'PostgreSQL':24}{'unreachable':>10}")


if __name__ == "__main__":
    main()
