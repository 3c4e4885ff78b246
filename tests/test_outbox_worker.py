"""The worker: claims, retries with backoff, dead letters, leases, priority, CLI and status."""

from __future__ import annotations

import random
import threading
from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from flask import Flask
from sqlalchemy import func, select, text, update

from intake.database import utcnow
from intake.extensions import db
from intake.models import Enquiry
from intake.notify.cli import outbox_cli
from intake.notify.models import OutboxMessage
from intake.notify.worker import (
    BACKOFF_BASE_SECONDS,
    OutboxStatus,
    OutboxWorker,
    backoff_seconds,
    cancel_pending,
    claim_next,
    outbox_status,
    record_sent,
    release_expired_leases,
    retry_all,
)
from tests.conftest import started_token
from tests.smtp_server import (  # noqa: F401 - fixtures
    SmtpServer,
    free_port,
    queue_plain,
    run_worker_once,
    smtp_server_factory_fixture,
    smtp_server_fixture,
)


def rows(app: Flask) -> list[OutboxMessage]:
    with app.app_context():
        found = list(db.session.scalars(select(OutboxMessage).order_by(OutboxMessage.id)))
        db.session.expunge_all()
        return found


def statuses(app: Flask) -> dict[str, int]:
    with app.app_context():
        query = select(OutboxMessage.status, func.count()).group_by(OutboxMessage.status)
        return {status: int(count) for status, count in db.session.execute(query)}


def test_backoff_is_exponential_with_full_jitter_up_to_the_cap() -> None:
    rng = random.Random(7)
    for attempts in range(1, 25):
        ceiling = min(3600, BACKOFF_BASE_SECONDS * 2 ** (attempts - 1))
        draws = [backoff_seconds(attempts, 3600, rng) for _ in range(200)]
        assert all(1 <= d <= max(1, ceiling) for d in draws)
        if ceiling > 100:
            assert max(draws) > ceiling * 0.8 and min(draws) < ceiling * 0.2  # full jitter
    assert backoff_seconds(10**6, 60, rng) <= 60


def test_smtp_down_schedules_a_retry_and_pauses_the_pass(
    app_factory: Callable[..., Flask],
) -> None:
    app = app_factory(MAIL_SERVER="127.0.0.1", MAIL_PORT=free_port(), MAIL_TIMEOUT=2)
    queue_plain(app, 3)
    before = utcnow()
    report = run_worker_once(app)
    assert report.retrying == 1 and report.unreachable and report.sent == 0
    first, *others = rows(app)
    assert first.status == "pending" and first.attempts == 1
    assert before + timedelta(seconds=1) <= first.next_attempt_at
    assert first.next_attempt_at <= utcnow() + timedelta(seconds=BACKOFF_BASE_SECONDS)
    assert first.last_error and "ConnectionRefusedError" in first.last_error
    assert all(o.attempts == 0 for o in others)  # not hammered against a dead server


def test_a_permanent_failure_is_a_dead_letter_with_the_address_stripped(
    app_factory: Callable[..., Flask], smtp_server: SmtpServer
) -> None:
    app = app_factory(**smtp_server.config())
    smtp_server.handler.rcpt_reply = "550 5.1.1 <clinic@clinic.example>: no such user"
    queue_plain(app, 2)
    report = run_worker_once(app)
    assert report.dead == 2 and report.sent == 0
    for row in rows(app):
        assert row.status == "dead" and row.attempts == 1
        assert row.last_error is not None
        assert "550" in row.last_error and "@" not in row.last_error
    assert outbox_status_of(app).dead == 2


def outbox_status_of(app: Flask) -> Any:
    with app.app_context():
        return outbox_status()


def test_temporary_failures_become_dead_after_max_attempts_and_retry_revives_them(
    app_factory: Callable[..., Flask], smtp_server: SmtpServer
) -> None:
    app = app_factory(**smtp_server.config(), OUTBOX_MAX_ATTEMPTS=3)
    smtp_server.handler.rcpt_reply = "451 4.3.0 try again later"
    queue_plain(app, 1)
    for attempt in (1, 2, 3):
        run_worker_once(app)
        [row] = rows(app)
        assert row.attempts == attempt
        assert row.status == ("dead" if attempt == 3 else "pending")
        with app.app_context():
            retry_all()
    smtp_server.handler.rcpt_reply = None
    [row] = rows(app)
    assert row.status == "pending" and row.attempts == 0  # revived with fresh attempts
    assert run_worker_once(app).sent == 1
    [row] = rows(app)
    assert row.status == "sent" and row.sent_at is not None and row.last_error is None


def test_retry_all_makes_waiting_and_dead_due_but_keeps_scheduled_mail_waiting(
    app_factory: Callable[..., Flask],
) -> None:
    app = app_factory()
    later = utcnow() + timedelta(days=1)
    queue_plain(app, 4)
    queue_plain(app, 1, not_before=later)
    with app.app_context():
        waiting, dead, sent, cancelled, scheduled = db.session.scalars(
            select(OutboxMessage).order_by(OutboxMessage.id)
        ).all()
        waiting.next_attempt_at = utcnow() + timedelta(hours=1)
        waiting.attempts = 2
        dead.status, dead.attempts = "dead", 12
        sent.status = "sent"
        cancelled.status = "cancelled"
        db.session.commit()
        assert retry_all() == 2
        db.session.expire_all()
        assert waiting.next_attempt_at <= utcnow() and waiting.attempts == 2
        assert dead.status == "pending" and dead.attempts == 0
        assert sent.status == "sent" and cancelled.status == "cancelled"
        assert scheduled.next_attempt_at == later


def test_not_before_and_cancelled_are_respected(
    app_factory: Callable[..., Flask], smtp_server: SmtpServer
) -> None:
    app = app_factory(**smtp_server.config())
    [future] = queue_plain(app, 1, not_before=utcnow() + timedelta(hours=2))
    [now] = queue_plain(app, 1)
    with app.app_context():
        enquiry = Enquiry(
            reference="ACT-TEST-0002",
            kind="question",
            message="m",
            consent_at=utcnow(),
            privacy_version="t",
            submission_key="k" * 20,
        )
        db.session.add(enquiry)
        db.session.flush()
        to_cancel = OutboxMessage(
            kind="clinic_notification",
            recipient="clinic@clinic.example",
            subject="s",
            body_text="b",
            message_id="<cancel.me@clinic.example>",
            enquiry=enquiry,
        )
        db.session.add(to_cancel)
        db.session.commit()
        assert cancel_pending(enquiry.id) == 1
        db.session.commit()
    assert run_worker_once(app).sent == 1
    assert [r.message_id for r in smtp_server.received] == [now]
    assert statuses(app) == {"sent": 1, "pending": 1, "cancelled": 1}
    status = outbox_status_of(app)
    assert status.pending == 1 and status.scheduled == 1
    assert status.oldest_pending_age_seconds is None  # scheduled mail is not a backlog
    assert future not in [r.message_id for r in smtp_server.received]


def test_a_crashed_workers_claim_is_released_after_its_lease_and_sent_once(
    app_factory: Callable[..., Flask], smtp_server: SmtpServer
) -> None:
    app = app_factory(**smtp_server.config(), OUTBOX_LEASE_SECONDS=60)
    [message_id] = queue_plain(app, 1)
    with app.app_context():
        crashed = claim_next("crashed-worker", utcnow(), 60)  # then it dies: no outcome
        assert crashed is not None
    assert run_worker_once(app).sent == 0  # the lease still holds it
    with app.app_context():  # a minute passes
        db.session.execute(
            update(OutboxMessage).values(lease_until=utcnow() - timedelta(seconds=1))
        )
        db.session.commit()
    assert run_worker_once(app).sent == 1  # the worker releases the expired claim itself
    assert [r.message_id for r in smtp_server.received] == [message_id]
    with app.app_context():
        assert not record_sent(crashed, utcnow())  # its token no longer holds the message
    [row] = rows(app)
    assert row.status == "sent" and row.attempts == 2


def test_a_message_that_keeps_killing_workers_ends_as_a_dead_letter(
    app_factory: Callable[..., Flask],
) -> None:
    app = app_factory(OUTBOX_MAX_ATTEMPTS=2)
    queue_plain(app, 1)
    with app.app_context():
        for _ in range(2):
            assert claim_next("doomed", utcnow(), 5) is not None
            db.session.execute(  # the worker dies; its lease runs out
                update(OutboxMessage).values(lease_until=utcnow() - timedelta(seconds=1))
            )
            db.session.commit()
            assert release_expired_leases(utcnow(), max_attempts=2) == 1
    [row] = rows(app)
    assert row.status == "dead" and row.last_error and "lease expired" in row.last_error


@pytest.mark.parametrize(
    ("database", "routine"),
    # The worker claims one message at a time, most urgent first, so the size of the backlog
    # only makes the test longer: 500 on PostgreSQL (about 16 s) runs in make test-slow.
    [
        ("sqlite", 500),
        ("postgresql", 100),
        pytest.param("postgresql", 500, marks=pytest.mark.slow),
    ],
)
def test_an_emergency_behind_many_routine_messages_goes_out_first(
    app_factory: Callable[..., Flask],
    smtp_server: SmtpServer,
    database: str,
    routine: int,
    request: pytest.FixtureRequest,
) -> None:
    url = request.getfixturevalue("pg_url") if database == "postgresql" else None
    app = app_factory(url, **smtp_server.config())
    queue_plain(app, routine, priority=2, subject="Routine")
    [emergency] = queue_plain(app, 1, priority=0, subject="URGENT")
    report = run_worker_once(app)
    assert report.sent == routine + 1
    received = smtp_server.wait_for(routine + 1)
    assert received[0].message_id == emergency
    assert len({r.message_id for r in received}) == routine + 1


# Command line, status and readiness -----------------------------------------------------------


@pytest.mark.parametrize("database", ["sqlite", "postgresql"])
def test_status_figures_from_every_kind_of_row(
    app_factory: Callable[..., Flask], database: str, request: pytest.FixtureRequest
) -> None:
    """outbox_status() reads everything in one statement; each figure counts the right rows."""
    url = request.getfixturevalue("pg_url") if database == "postgresql" else None
    app = app_factory(url)
    now = utcnow()
    queue_plain(app, 1, not_before=now - timedelta(minutes=40))  # the oldest unsent and due
    queue_plain(app, 1, not_before=now - timedelta(minutes=5))
    queue_plain(app, 3, not_before=now + timedelta(hours=2))  # scheduled: not a backlog
    # Older rows that must not count as the backlog's oldest: dead, sent and cancelled ones.
    dead = queue_plain(app, 2, not_before=now - timedelta(hours=2))
    sent = queue_plain(app, 1, not_before=now - timedelta(hours=3))
    cancelled = queue_plain(app, 2, not_before=now - timedelta(days=3))
    # Being sent although not yet due (a clock difference): unsent, but not "scheduled".
    sending = queue_plain(app, 1, not_before=now + timedelta(hours=1))
    with app.app_context():

        def mark(ids: list[str], status: str) -> None:
            db.session.execute(
                update(OutboxMessage).where(OutboxMessage.message_id.in_(ids)).values(status=status)
            )

        mark(sending, "sending")
        mark(dead, "dead")
        mark(sent, "sent")
        mark(cancelled, "cancelled")
        db.session.commit()
        status = outbox_status(now)
    # unsent: 2 due pending, 3 scheduled pending, 1 sending; the oldest due 40 minutes ago
    assert (status.pending, status.dead, status.scheduled) == (6, 2, 3)
    assert status.oldest_pending_age_seconds is not None
    assert abs(status.oldest_pending_age_seconds - 40 * 60) < 5
    with app.app_context():
        db.session.execute(update(OutboxMessage).values(status="sent"))
        db.session.commit()
        assert outbox_status() == OutboxStatus(
            pending=0, dead=0, oldest_pending_age_seconds=None, scheduled=0
        )


def test_status_command_exits_1_on_dead_letters_or_an_old_backlog(
    app_factory: Callable[..., Flask],
) -> None:
    app = app_factory()
    runner = app.test_cli_runner()
    result = runner.invoke(outbox_cli, ["status"])
    assert result.exit_code == 0, result.output
    assert "pending: 0" in result.output and "oldest_pending_age_seconds: -" in result.output

    queue_plain(app, 2, not_before=utcnow() - timedelta(seconds=120))
    result = runner.invoke(outbox_cli, ["status", "--max-age", "60"])
    assert result.exit_code == 1
    assert "pending: 2" in result.output and "waited" in result.output
    assert runner.invoke(outbox_cli, ["status"]).exit_code == 0  # 120 s < 900 s default

    with app.app_context():
        db.session.execute(text("UPDATE outbox_message SET status = 'dead'"))
        db.session.commit()
    result = runner.invoke(outbox_cli, ["status"])
    assert result.exit_code == 1 and "dead: 2" in result.output


def test_send_once_and_retry_commands(
    app_factory: Callable[..., Flask], smtp_server: SmtpServer
) -> None:
    app = app_factory(**smtp_server.config())
    queue_plain(app, 3)
    runner = app.test_cli_runner()
    result = runner.invoke(outbox_cli, ["send", "--once"])
    assert result.exit_code == 0, result.output
    assert "sent=3" in result.output
    assert len(smtp_server.received) == 3
    result = runner.invoke(outbox_cli, ["retry"])
    assert result.exit_code == 0 and "0 message(s) due now" in result.output


def test_app_and_worker_refuse_to_start_with_a_bad_route(
    app_factory: Callable[..., Flask],
) -> None:
    from config import ConfigError

    # create_app checks the mail settings, so neither the web app nor the worker starts.
    with pytest.raises(ConfigError, match="CLINIC_NOTIFY_ROUTES"):
        app_factory(CLINIC_NOTIFY_ROUTES="symptoms:Nurse <nurse@clinic.example>")


def test_readyz_reports_the_backlog_and_never_fails_because_of_it(
    app_factory: Callable[..., Flask],
) -> None:
    app = app_factory()
    queue_plain(app, 2, not_before=utcnow() - timedelta(seconds=30))
    client = app.test_client()
    body = client.get("/readyz").get_json()
    assert body["status"] == "ok"
    assert body["outbox"]["pending"] == 2 and body["outbox"]["dead"] == 0
    assert body["outbox"]["oldest_pending_age_seconds"] >= 30
    with app.app_context():
        db.session.execute(text("DROP TABLE outbox_attachment"))
        db.session.execute(text("DROP TABLE outbox_message"))
        db.session.commit()
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.get_json()["outbox"] == {"status": "unknown"}


# Outages ---------------------------------------------------------------------------------------


def test_smtp_down_during_200_submissions_loses_nothing_and_sends_each_once(
    app_factory: Callable[..., Flask],
    smtp_server_factory: Callable[..., SmtpServer],
    form_data: Any,
) -> None:
    port = free_port()  # nothing listens here yet: the relay is down
    app = app_factory(
        MAIL_SERVER="127.0.0.1",
        MAIL_PORT=port,
        MAIL_TIMEOUT=2,
        OUTBOX_POLL_SECONDS=1,
        CLINIC_NOTIFY_TO="clinic@clinic.example",
    )
    worker = OutboxWorker(app)

    def work() -> None:
        with app.app_context():
            worker.run()

    thread = threading.Thread(target=work)
    thread.start()  # the worker keeps failing against the dead relay meanwhile
    try:
        client = app.test_client()
        token = started_token(app)
        for _ in range(200):
            response = client.post("/contact", data=form_data(started=token))
            assert response.status_code == 303
    finally:
        worker.request_stop()
        thread.join(timeout=30)
    assert not thread.is_alive()
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Enquiry)) == 200
        expected = set(db.session.scalars(select(OutboxMessage.message_id)))
    assert len(expected) == 200
    assert statuses(app).get("sent", 0) == 0

    server = smtp_server_factory(port=port)  # the relay is back
    with app.app_context():
        retry_all()
    report = run_worker_once(app)
    assert report.sent == 200 and report.retrying == report.dead == 0
    received = server.wait_for(200)
    ids = [r.message_id for r in received]
    assert len(ids) == 200 and set(ids) == expected  # each exactly once
    assert statuses(app) == {"sent": 200}
