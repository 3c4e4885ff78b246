"""Per-account lockout: 5 failed sign-ins (password or code) within 15 minutes lock the account
for 15 minutes (ASVS 6.3.1).

The counter lives in the database row, so every worker and instance sees the same count, and is
bumped with one atomic UPDATE (no read-modify-write race between workers). An email that names
no account is "locked" the same way through the rate-limit storage, so the lock message does not
reveal which addresses have accounts.
"""

from __future__ import annotations

import hashlib
import logging
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from flask import current_app
from limits import RateLimitItemPerMinute
from sqlalchemy import case, literal, or_, update

from intake import audit
from intake.auth import sessions
from intake.auth.models import StaffUser
from intake.database import UTCDateTime
from intake.extensions import db, limiter

log = logging.getLogger("intake.auth")

MAX_FAILURES = 5
WINDOW = timedelta(minutes=15)
LOCK = timedelta(minutes=15)


def locked_until(user: StaffUser) -> datetime | None:
    """The end of the user's lock, if the account is locked now."""
    if user.locked_until is not None and user.locked_until > sessions.now():
        return user.locked_until
    return None


def record_failure(user: StaffUser) -> datetime | None:
    """Count a failure; return the lock's end if this failure locked the account."""
    moment = sessions.now()
    window_start = moment - WINDOW
    fresh_window = or_(
        StaffUser.first_failed_at.is_(None), StaffUser.first_failed_at < window_start
    )
    count = db.session.execute(
        update(StaffUser)
        .where(StaffUser.id == user.id)
        .values(
            failed_count=case((fresh_window, 1), else_=StaffUser.failed_count + 1),
            first_failed_at=case(
                (fresh_window, literal(moment, UTCDateTime())), else_=StaffUser.first_failed_at
            ),
        )
        .returning(StaffUser.failed_count)
        .execution_options(synchronize_session=False)
    ).scalar_one()
    until: datetime | None = None
    if count >= MAX_FAILURES:
        until = moment + LOCK
        db.session.execute(
            update(StaffUser)
            .where(StaffUser.id == user.id)
            .values(locked_until=until, failed_count=0, first_failed_at=None)
            .execution_options(synchronize_session=False)
        )
        audit.record(
            "auth.locked",
            target_type="staff_user",
            target_id=user.id,
            details={"failures": count, "minutes": int(LOCK.total_seconds() // 60)},
        )
    db.session.expire(user, ["failed_count", "first_failed_at", "locked_until"])
    return until


def clear(user: StaffUser) -> None:
    """A complete sign-in (both factors) starts the count again."""
    user.failed_count = 0
    user.first_failed_at = None
    user.locked_until = None


UNKNOWN_LIMIT = RateLimitItemPerMinute(MAX_FAILURES, int(WINDOW.total_seconds() // 60))


def _unknown_key(email: str) -> str:
    return hashlib.sha256(email.encode("utf-8")).hexdigest()[:32]


def unknown_locked_until(email: str) -> datetime | None:
    """For an email with no account: the end of its imitation lock, if it is "locked"."""
    return _unknown(email, hit=False)


def record_unknown_failure(email: str) -> datetime | None:
    """Count a failure for an email with no account, exactly like a real one."""
    return _unknown(email, hit=True)


def _unknown(email: str, *, hit: bool) -> datetime | None:
    if not (limiter.enabled and current_app.config.get("RATELIMIT_ENABLED", True)):
        return None
    args = ("intake-unknown-account", _unknown_key(email))
    try:
        strategy = limiter.limiter
        if hit:
            strategy.hit(UNKNOWN_LIMIT, *args)
        stats = strategy.get_window_stats(UNKNOWN_LIMIT, *args)
    except Exception as exc:  # noqa: BLE001 - storage down: the per-address limit still holds
        log.warning("lockout imitation unavailable: %s", type(exc).__name__)
        return None
    if stats.remaining > 0:
        return None
    return datetime.fromtimestamp(stats.reset_time, UTC)


def retry_message(until: datetime) -> str:
    """Tell the person when to try again, in the clinic's time zone."""
    zone = ZoneInfo(current_app.config["CLINIC_TIMEZONE"])
    local = until.astimezone(zone)
    minutes = max(1, int((until - sessions.now()).total_seconds() + 59) // 60)
    clock = local.strftime("%I:%M %p").lstrip("0")
    return (
        "Too many failed sign-in attempts. For safety, signing in is paused: try again after "
        f"{clock} ({local.tzname()}), in about {minutes} minute{'s' if minutes != 1 else ''}."
    )
