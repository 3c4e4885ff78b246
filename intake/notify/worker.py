"""The outbox worker: claim one due message at a time, send it, record what happened.

A claim is one conditional UPDATE (``FOR UPDATE SKIP LOCKED`` in its sub-select on PostgreSQL;
SQLite runs one writer at a time), so two workers never hold the same message. A claim carries a
lease: when a worker dies, its messages are released when the lease runs out and sent again
with the same Message-ID. Every outcome is recorded only by the claim's holder (its token).
"""

from __future__ import annotations

import logging
import os
import random
import signal
import socket
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from datetime import datetime, timedelta
from types import FrameType
from typing import Any

from flask import Flask
from sqlalchemy import bindparam, case, func, literal, or_, select, update
from sqlalchemy.exc import SQLAlchemyError

from intake.database import UTCDateTime, utcnow
from intake.extensions import db
from intake.notify.models import OutboxMessage
from intake.notify.sender import (
    DeliveryError,
    OutgoingMail,
    PermanentFailure,
    Transport,
    strip_addresses,
    transport_from_config,
)

log = logging.getLogger("intake.notify")

BACKOFF_BASE_SECONDS = 10.0
BACKOFF_MIN_SECONDS = 1.0
LEASE_LOST = "worker stopped during delivery (lease expired)"
UNSENT = ("pending", "sending")


@dataclass(frozen=True)
class OutboxStatus:
    """The backlog in figures, for /readyz, the staff pages and ``flask outbox status``."""

    pending: int  # not yet sent: waiting, retrying, being sent or scheduled for later
    dead: int
    oldest_pending_age_seconds: float | None  # since the oldest unsent message became due
    scheduled: int = 0  # of the pending, those whose not-before time is still ahead

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


# The banner's figures (every staff page), /readyz and ``flask outbox status``: one statement,
# built once with the moment as its parameter (building it and its cache key on every page cost
# more Python than the read itself).
_NOW = bindparam("now", type_=UTCDateTime())
_UNSENT = OutboxMessage.status.in_(UNSENT)
OUTBOX_STATUS = select(
    func.count().filter(_UNSENT),
    func.count().filter(OutboxMessage.status == "dead"),
    func.min(OutboxMessage.not_before).filter(_UNSENT, OutboxMessage.not_before <= _NOW),
    func.count().filter(OutboxMessage.status == "pending", OutboxMessage.not_before > _NOW),
).where(OutboxMessage.status.in_([*UNSENT, "dead"]))


def outbox_status(now: datetime | None = None) -> OutboxStatus:
    """Counts and the oldest due message's age; one short read, no locks.

    One statement (aggregates with FILTER over the unsent and dead rows, found through the
    claim index by status): every staff page's banner, ``/readyz`` and ``flask outbox status``
    read it, so it costs one round trip, not three.
    """
    now = now or utcnow()
    pending, dead, oldest, scheduled = db.session.execute(OUTBOX_STATUS, {"now": now}).one()
    age = max(0.0, (now - oldest).total_seconds()) if oldest is not None else None
    return OutboxStatus(
        pending=int(pending or 0),
        dead=int(dead or 0),
        oldest_pending_age_seconds=age,
        scheduled=int(scheduled or 0),
    )


def due_now(now: datetime) -> Any:
    """``now``, but never before a message's not-before time."""
    stamp = literal(now, UTCDateTime())
    return case((OutboxMessage.not_before > stamp, OutboxMessage.not_before), else_=stamp)


def retry_all(now: datetime | None = None) -> int:
    """Make every waiting (retrying) and dead message due now; dead ones get fresh attempts.

    Commits. Messages scheduled for later keep their not-before time.
    """
    now = now or utcnow()
    result = db.session.execute(
        update(OutboxMessage)
        .where(
            or_(
                OutboxMessage.status == "dead",
                # Waiting for a retry, as opposed to scheduled for later (its not-before time).
                (OutboxMessage.status == "pending")
                & (OutboxMessage.next_attempt_at > now)
                & (OutboxMessage.next_attempt_at > OutboxMessage.not_before),
            )
        )
        .values(
            attempts=case((OutboxMessage.status == "dead", 0), else_=OutboxMessage.attempts),
            status="pending",
            next_attempt_at=due_now(now),
            lease_until=None,
        )
        .execution_options(synchronize_session=False)
    )
    db.session.commit()
    return int(result.rowcount or 0)  # type: ignore[attr-defined]


def cancel_pending(enquiry_id: int, kind: str | None = None) -> int:
    """Cancel an enquiry's unsent mail (e.g. a reminder); in the caller's transaction.

    A message already being sent cannot be recalled and is left alone.
    """
    query = update(OutboxMessage).where(
        OutboxMessage.enquiry_id == enquiry_id, OutboxMessage.status == "pending"
    )
    if kind is not None:
        query = query.where(OutboxMessage.kind == kind)
    result = db.session.execute(
        query.values(status="cancelled").execution_options(synchronize_session="fetch")
    )
    return int(result.rowcount or 0)  # type: ignore[attr-defined]


def backoff_seconds(attempts: int, cap: float, rng: random.Random | None = None) -> float:
    """Exponential backoff with full jitter: uniform(0, min(cap, base * 2^(attempts-1)))."""
    ceiling = min(float(cap), BACKOFF_BASE_SECONDS * 2 ** min(max(attempts - 1, 0), 32))
    return max(BACKOFF_MIN_SECONDS, (rng or random).uniform(0, ceiling))  # noqa: S311


@dataclass(frozen=True)
class Claim:
    """A message this worker holds until ``lease_until``; outcomes need the token."""

    mail: OutgoingMail
    token: str
    attempts: int


@dataclass
class DeliveryReport:
    """What one pass (or a whole run) did, for logs and tests."""

    sent: int = 0
    retrying: int = 0
    dead: int = 0
    unreachable: bool = False

    def add(self, other: DeliveryReport) -> None:
        self.sent += other.sent
        self.retrying += other.retrying
        self.dead += other.dead
        self.unreachable = self.unreachable or other.unreachable


def release_expired_leases(now: datetime, max_attempts: int) -> int:
    """Give a dead worker's claims back (or bury them, past the attempt limit). Commits.

    The claim token is kept, so a worker that was only slow can still record its outcome.
    """
    expired = (OutboxMessage.status == "sending") & (OutboxMessage.lease_until < now)
    buried = db.session.execute(
        update(OutboxMessage)
        .where(expired, OutboxMessage.attempts >= max_attempts)
        .values(status="dead", lease_until=None, last_error=LEASE_LOST)
        .execution_options(synchronize_session=False)
    )
    released = db.session.execute(
        update(OutboxMessage)
        .where(expired)
        .values(
            status="pending",
            next_attempt_at=OutboxMessage.lease_until,  # due since the lease ran out
            lease_until=None,
            last_error=LEASE_LOST,
        )
        .execution_options(synchronize_session=False)
    )
    db.session.commit()
    total = int(buried.rowcount or 0) + int(released.rowcount or 0)  # type: ignore[attr-defined]
    if total:
        log.warning(
            "outbox: %d expired claim(s) released, %d of them past the attempt limit",
            total,
            int(buried.rowcount or 0),  # type: ignore[attr-defined]
            extra={"event": "outbox.lease_expired"},
        )
    return total


def claim_next(worker_id: str, now: datetime, lease_seconds: float) -> Claim | None:
    """Claim the most urgent due message, or None. Commits before returning."""
    token = uuid.uuid4().hex
    candidate = (
        select(OutboxMessage.id)
        .where(OutboxMessage.status == "pending", OutboxMessage.next_attempt_at <= now)
        .order_by(OutboxMessage.priority, OutboxMessage.next_attempt_at, OutboxMessage.id)
        .limit(1)
        .with_for_update(skip_locked=True)  # PostgreSQL; SQLite has one writer at a time
        .scalar_subquery()
    )
    claimed_id = db.session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.id == candidate, OutboxMessage.status == "pending")
        .values(
            status="sending",
            attempts=OutboxMessage.attempts + 1,
            lease_until=now + timedelta(seconds=lease_seconds),
            claim_token=token,
            claimed_by=worker_id[:64],
            last_attempt_at=now,
        )
        .returning(OutboxMessage.id)
        .execution_options(synchronize_session=False)
    ).scalar_one_or_none()
    if claimed_id is None:
        db.session.commit()
        return None
    message = db.session.get(OutboxMessage, claimed_id, populate_existing=True)
    assert message is not None
    claim = Claim(mail=OutgoingMail.from_model(message), token=token, attempts=message.attempts)
    db.session.commit()
    return claim


def record_sent(claim: Claim, now: datetime) -> bool:
    """Mark sent, if this claim still holds the message. Commits."""
    result = db.session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.id == claim.mail.id, OutboxMessage.claim_token == claim.token)
        .values(status="sent", sent_at=now, lease_until=None, last_error=None)
        .execution_options(synchronize_session=False)
    )
    db.session.commit()
    return bool(result.rowcount)  # type: ignore[attr-defined]


def record_failure(
    claim: Claim,
    failure: DeliveryError,
    now: datetime,
    max_attempts: int,
    retry_cap: float,
    rng: random.Random | None = None,
) -> tuple[str, float]:
    """Schedule a retry, or make it a dead letter; returns (new status, delay). Commits."""
    error = strip_addresses(str(failure))
    if failure.permanent or claim.attempts >= max_attempts:
        status, delay = "dead", 0.0
        values: dict[str, Any] = {"status": "dead"}
    else:
        status, delay = "pending", backoff_seconds(claim.attempts, retry_cap, rng)
        values = {"status": "pending", "next_attempt_at": now + timedelta(seconds=delay)}
    db.session.execute(
        update(OutboxMessage)
        .where(
            OutboxMessage.id == claim.mail.id,
            OutboxMessage.claim_token == claim.token,
            OutboxMessage.status.in_(UNSENT),
        )
        .values(lease_until=None, last_error=error, **values)
        .execution_options(synchronize_session=False)
    )
    db.session.commit()
    return status, delay


def default_worker_id() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"[:64]


class OutboxWorker:
    """``flask outbox send``: poll, claim, send, record; stops cleanly between messages."""

    RECORD_TRIES = 5

    def __init__(
        self,
        app: Flask,
        transport: Transport | None = None,
        worker_id: str | None = None,
        rng: random.Random | None = None,
    ) -> None:
        self.app = app
        config = app.config
        self.transport = transport if transport is not None else transport_from_config(config)
        self.worker_id = worker_id or default_worker_id()
        self.rng = rng or random.Random()  # noqa: S311 - jitter, not secrets
        self.poll_seconds = float(config["OUTBOX_POLL_SECONDS"])
        self.max_attempts = int(config["OUTBOX_MAX_ATTEMPTS"])
        self.retry_cap = float(config["OUTBOX_RETRY_CAP_SECONDS"])
        self.lease_seconds = float(config["OUTBOX_LEASE_SECONDS"])
        # Look for dead workers' claims this often (and at start).
        self.release_every = max(1.0, min(30.0, self.lease_seconds / 2))
        self._last_release = float("-inf")
        self.stopping = threading.Event()
        # One message takes at most about ten SMTP steps, each bounded by MAIL_TIMEOUT: a
        # shorter lease could let another worker take a message that is still being sent.
        if self.lease_seconds < 10 * float(config["MAIL_TIMEOUT"]):
            log.warning(
                "outbox: OUTBOX_LEASE_SECONDS (%s) is under 10 x MAIL_TIMEOUT (%s): a slow "
                "send may be taken over and sent twice (same Message-ID)",
                self.lease_seconds,
                config["MAIL_TIMEOUT"],
            )

    def request_stop(self, signum: int | None = None, frame: FrameType | None = None) -> None:
        """Finish the message in hand, then stop (SIGTERM, SIGINT)."""
        if self.stopping.is_set() and signum == signal.SIGINT:
            raise KeyboardInterrupt  # a second Ctrl+C: the lease will hand the message back
        if not self.stopping.is_set():
            log.info("outbox: stopping after the current message")
        self.stopping.set()

    @contextmanager
    def signals_handled(self) -> Iterator[None]:
        """Route SIGTERM and SIGINT to :meth:`request_stop` (main thread only)."""
        if threading.current_thread() is not threading.main_thread():
            yield
            return
        previous = {sig: signal.getsignal(sig) for sig in (signal.SIGTERM, signal.SIGINT)}
        for sig in previous:
            signal.signal(sig, self.request_stop)
        try:
            yield
        finally:
            for sig, handler in previous.items():
                signal.signal(sig, handler)

    def run(self, once: bool = False) -> DeliveryReport:
        """Send what is due; with ``once``, exit after one pass, else poll until stopped."""
        total = DeliveryReport()
        log.info(
            "outbox: worker %s started (%s, poll every %ss)",
            self.worker_id,
            type(self.transport).__name__,
            self.poll_seconds,
        )
        try:
            while not self.stopping.is_set():
                try:
                    total.add(self.deliver_due())
                except SQLAlchemyError as exc:
                    db.session.rollback()
                    if once:
                        raise
                    log.error("outbox: database unavailable (%s); waiting", type(exc).__name__)
                if once:
                    break
                self.transport.close()  # hold no SMTP connection while idle
                self.stopping.wait(self.poll_seconds)
        finally:
            self.transport.close()
            db.session.remove()
        log.info(
            "outbox: worker %s stopped (sent %d, retrying %d, dead %d)",
            self.worker_id,
            total.sent,
            total.retrying,
            total.dead,
        )
        return total

    def deliver_due(self) -> DeliveryReport:
        """One pass: every due message, most urgent first, until none is due or SMTP is down."""
        report = DeliveryReport()
        if time.monotonic() - self._last_release >= self.release_every:
            release_expired_leases(utcnow(), self.max_attempts)
            self._last_release = time.monotonic()
        while not self.stopping.is_set():
            claim = claim_next(self.worker_id, utcnow(), self.lease_seconds)
            if claim is None:
                break
            failure = self.deliver(claim)
            self.record(claim, failure, report)
            if failure is not None and failure.connection:
                # The server is unreachable: the next message would fail the same way.
                report.unreachable = True
                break
        return report

    def deliver(self, claim: Claim) -> DeliveryError | None:
        try:
            self.transport.deliver(claim.mail)
        except DeliveryError as failure:
            return failure
        except Exception as exc:  # noqa: BLE001 - a bug must not stop the other messages
            # No traceback: an exception's text could quote an address or the content.
            error = PermanentFailure(f"internal error: {type(exc).__name__}: {exc}")
            log.error("outbox: message %s could not be sent: %s", claim.mail.id, error)
            return error
        return None

    def record(self, claim: Claim, failure: DeliveryError | None, report: DeliveryReport) -> None:
        """Record the outcome; retried briefly, since a lost record means a duplicate later."""
        for attempt in range(1, self.RECORD_TRIES + 1):
            try:
                self._record(claim, failure, report)
                return
            except SQLAlchemyError as exc:
                db.session.rollback()
                if attempt == self.RECORD_TRIES:
                    raise
                log.warning(
                    "outbox: could not record message %s (%s); trying again",
                    claim.mail.id,
                    type(exc).__name__,
                )
                time.sleep(min(2.0**attempt, 10.0))

    def _record(self, claim: Claim, failure: DeliveryError | None, report: DeliveryReport) -> None:
        mail = claim.mail
        now = utcnow()
        if failure is None:
            if not record_sent(claim, now):
                log.warning("outbox: message %s was sent after its claim expired", mail.id)
            report.sent += 1
            log.info(
                "outbox: sent message %s (%s, priority %s, attempt %d)",
                mail.id,
                mail.kind,
                mail.priority,
                claim.attempts,
                extra={"event": "outbox.sent"},
            )
            return
        status, delay = record_failure(
            claim, failure, now, self.max_attempts, self.retry_cap, self.rng
        )
        if status == "dead":
            report.dead += 1
            log.error(
                "outbox: message %s is a dead letter after %d attempt(s): %s",
                mail.id,
                claim.attempts,
                failure,
                extra={"event": "outbox.dead"},
            )
        else:
            report.retrying += 1
            log.warning(
                "outbox: message %s failed (attempt %d), retrying in %.0f s: %s",
                mail.id,
                claim.attempts,
                delay,
                failure,
                extra={"event": "outbox.retry"},
            )
