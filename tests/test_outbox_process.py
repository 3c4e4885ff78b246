"""``flask outbox send`` as real processes: SIGKILL mid-batch, SIGTERM, two workers at once."""

from __future__ import annotations

import signal
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest
from flask import Flask
from sqlalchemy import func, select

from intake.extensions import db
from intake.notify.models import OutboxMessage
from tests.smtp_server import (  # noqa: F401 - fixtures
    SmtpServer,
    WorkerProcess,
    queue_plain,
    smtp_server_factory_fixture,
    smtp_server_fixture,
    worker_env,
)


def status_counts(app: Flask) -> dict[str, int]:
    with app.app_context():
        query = select(OutboxMessage.status, func.count()).group_by(OutboxMessage.status)
        return {status: int(count) for status, count in db.session.execute(query)}


def wait_until(condition: Callable[[], bool], timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return condition()


def test_a_worker_killed_mid_batch_loses_nothing_after_a_restart(
    app_factory: Callable[..., Flask],
    smtp_server_factory: Callable[..., SmtpServer],
    tmp_path: Path,
) -> None:
    server = smtp_server_factory(delay=0.05)  # slow enough that the kill lands mid-send
    url = f"sqlite:///{tmp_path / 'outbox.sqlite3'}"
    app = app_factory(url)
    expected = set(queue_plain(app, 30))
    env = worker_env(url, server.port, OUTBOX_LEASE_SECONDS=5, OUTBOX_POLL_SECONDS=1)

    first = WorkerProcess(env, log_path=tmp_path / "first.log")
    assert wait_until(lambda: len(server.received) >= 5, 30), first.output()
    first.process.send_signal(signal.SIGKILL)
    assert first.wait() == -signal.SIGKILL
    assert len({r.message_id for r in server.received}) < len(expected), "killed too late"

    second = WorkerProcess(env, log_path=tmp_path / "second.log")
    try:
        # Wait for the database too, not only the server: the message in flight at the kill may
        # have reached the server already, yet stays claimed until its lease (5 s) expires and
        # the second worker sends it again.
        arrived = wait_until(
            lambda: {r.message_id for r in server.received} >= expected
            and status_counts(app) == {"sent": 30},
            40,
        )
    finally:
        second.process.send_signal(signal.SIGTERM)
        assert second.wait() == 0, second.output()
    assert arrived, second.output()
    counts = Counter(r.message_id for r in server.received)
    assert set(counts) == expected  # every message, and nothing else
    assert sum(counts.values()) - len(expected) <= 1  # at most the one in flight, same ID
    assert status_counts(app) == {"sent": 30}


def test_sigterm_finishes_the_current_message_then_stops(
    app_factory: Callable[..., Flask],
    smtp_server_factory: Callable[..., SmtpServer],
    tmp_path: Path,
) -> None:
    server = smtp_server_factory(delay=1.0)
    url = f"sqlite:///{tmp_path / 'outbox.sqlite3'}"
    app = app_factory(url)
    queue_plain(app, 5)
    worker = WorkerProcess(worker_env(url, server.port), log_path=tmp_path / "worker.log")
    # Wait until the second message is on the wire (the server holds its answer for 1 s).
    assert wait_until(lambda: server.handler.data_started >= 2, 30), worker.output()
    worker.process.send_signal(signal.SIGTERM)
    started = time.monotonic()
    assert worker.wait(timeout=15) == 0, worker.output()
    assert time.monotonic() - started < 5
    counts = status_counts(app)
    assert "sending" not in counts  # nothing left half-done
    assert counts.get("sent") == len(server.wait_for(2, timeout=2)) == 2
    assert counts.get("pending") == 3
    assert "stopped" in worker.output()


@pytest.mark.parametrize(
    ("database", "count"),
    # make test: 300 on each database; make test-slow: 1,000 on PostgreSQL (about 30 s).
    [
        ("postgresql", 300),
        ("sqlite", 300),
        pytest.param("postgresql", 1000, marks=pytest.mark.slow),
    ],
)
def test_two_workers_never_send_the_same_message(
    app_factory: Callable[..., Flask],
    smtp_server_factory: Callable[..., SmtpServer],
    tmp_path: Path,
    request: pytest.FixtureRequest,
    database: str,
    count: int,
) -> None:
    if database == "postgresql":
        url = request.getfixturevalue("pg_url")
    else:
        url = f"sqlite:///{tmp_path / 'outbox.sqlite3'}"
    app = app_factory(url)
    server = smtp_server_factory(delay=0.002)
    env = worker_env(url, server.port, OUTBOX_POLL_SECONDS=1)
    workers = [WorkerProcess(env, log_path=tmp_path / f"worker{i}.log") for i in range(2)]
    try:
        # Both workers are polling before any mail exists, so they really compete for it.
        assert wait_until(lambda: all("started" in w.output() for w in workers), 30)
        expected = set(queue_plain(app, count))
        assert wait_until(lambda: len(server.received) >= count, 120)
        time.sleep(0.5)  # a duplicate, if any, would arrive now
    finally:
        for worker in workers:
            worker.process.send_signal(signal.SIGTERM)
        codes = [worker.wait(timeout=30) for worker in workers]
    assert codes == [0, 0], [worker.output() for worker in workers]
    counts = Counter(r.message_id for r in server.wait_for(count, timeout=10))
    assert set(counts) == expected
    assert max(counts.values()) == 1, "a message was sent twice"
    assert status_counts(app) == {"sent": count}
    with app.app_context():
        query = select(OutboxMessage.claimed_by, func.count()).group_by(OutboxMessage.claimed_by)
        per_worker = {worker: int(count) for worker, count in db.session.execute(query)}
    assert len(per_worker) == 2, f"both workers should have sent some: {per_worker}"
