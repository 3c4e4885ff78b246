"""Server-side staff sessions: a StaffSession row per sign-in, checked on every staff request.

Flask's cookie session only carries an opaque token naming the row (its SHA-256 is stored, not
the token). Sign-out, the idle timeout (``SESSION_IDLE_MINUTES``), the absolute timeout
(``SESSION_ABSOLUTE_HOURS``), deactivation and a password or TOTP change end the row, so a copy
of the cookie taken before is dead after (ASVS 7.3.1, 7.3.2, 7.4.1-7.4.3). Patients never get a
row: only endpoints outside the public allow-list ever load one.

Time comes from :func:`now`, which tests replace through the ``AUTH_CLOCK`` setting (a
callable returning an aware UTC datetime).
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta

from flask import current_app, g, has_request_context, request
from sqlalchemy import bindparam, select, update

from intake import audit
from intake.auth.models import StaffSession, StaffUser
from intake.database import utcnow
from intake.extensions import db
from intake.logs import client_label

END_MESSAGES = {
    "idle": "You were signed out after {idle} minutes without activity. Please sign in again.",
    "absolute": "You were signed out because a session lasts at most {absolute} hours. "
    "Please sign in again.",
}
DEFAULT_END_MESSAGE = "Your session has ended. Please sign in again."


def now() -> datetime:
    """The current time (UTC), from the injectable clock."""
    clock = current_app.config.get("AUTH_CLOCK") or utcnow
    moment: datetime = clock()
    return moment


# A live session's last_seen_at is written at most this often: a write and a commit on every
# staff request was a seventh of a dashboard page's time (docs/performance.md). The idle timeout
# then counts from a moment at most this much before the last request: a session may end up to
# 30 seconds early, never late.
TOUCH_EVERY = timedelta(seconds=30)


def idle_limit() -> timedelta:
    return timedelta(minutes=current_app.config["SESSION_IDLE_MINUTES"])


def absolute_limit() -> timedelta:
    return timedelta(hours=current_app.config["SESSION_ABSOLUTE_HOURS"])


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def start(user: StaffUser) -> tuple[str, StaffSession]:
    """A new session row for the user and its (plain) token; the caller commits."""
    token = secrets.token_urlsafe(32)
    moment = now()
    row = StaffSession(
        token_hash=token_digest(token),
        user_id=user.id,
        created_at=moment,
        last_seen_at=moment,
        client=client_label(request.remote_addr) if has_request_context() else "cli",
    )
    db.session.add(row)
    db.session.flush()
    return token, row


def end(row: StaffSession, reason: str) -> None:
    if row.ended_at is None:
        row.ended_at = now()
        row.end_reason = reason


def end_all(user_id: int, reason: str) -> int:
    """End every open session of a user (deactivation, password or TOTP change)."""
    result = db.session.execute(
        update(StaffSession)
        .where(StaffSession.user_id == user_id, StaffSession.ended_at.is_(None))
        .values(ended_at=now(), end_reason=reason)
        .execution_options(synchronize_session="fetch")
    )
    return int(getattr(result, "rowcount", 0) or 0)


def end_by_token(token: object, reason: str) -> None:
    """End the session a cookie names, if it is still open (a new sign-in replaces it)."""
    if not isinstance(token, str) or not token:
        return
    db.session.execute(
        update(StaffSession)
        .where(StaffSession.token_hash == token_digest(token), StaffSession.ended_at.is_(None))
        .values(ended_at=now(), end_reason=reason)
        .execution_options(synchronize_session="fetch")
    )


def expired_reason(row: StaffSession, user: StaffUser, moment: datetime) -> str | None:
    if not user.active:
        return "deactivated"
    if moment - row.created_at >= absolute_limit():
        return "absolute"
    if moment - row.last_seen_at >= idle_limit():
        return "idle"
    return None


# Every staff request reads its session and user: the statement is built once (its cache key
# with it), with the token's digest as its parameter.
SESSION_AND_USER = (
    select(StaffSession, StaffUser)
    .join(StaffUser, StaffUser.id == StaffSession.user_id)
    .where(StaffSession.token_hash == bindparam("token_hash"))
)


def resume(token: str) -> StaffUser | None:
    """Flask-Login's user loader: the user behind a live session, or None.

    An expired session is ended here (and audited) so it stays dead; a live one is touched (at
    most every TOUCH_EVERY) so the idle timeout counts from this request.
    """
    if not token or not isinstance(token, str):
        return None
    found = db.session.execute(SESSION_AND_USER, {"token_hash": token_digest(token)}).first()
    if found is None:
        return None
    row, user = found
    if row.ended_at is not None:
        g.session_end_reason = row.end_reason
        return None
    moment = now()
    reason = expired_reason(row, user, moment)
    if reason is not None:
        end(row, reason)
        audit.record(
            "auth.session_ended",
            actor_id=user.id,
            target_type="staff_session",
            target_id=row.id,
            details={"reason": reason},
        )
        db.session.commit()
        g.session_end_reason = reason
        return None
    if moment - row.last_seen_at >= TOUCH_EVERY:
        row.last_seen_at = moment
        db.session.commit()
    g.staff_session_id = row.id
    user.bind_session(token)
    return user


def current_row() -> StaffSession | None:
    row_id = g.get("staff_session_id")
    return None if row_id is None else db.session.get(StaffSession, row_id)


def end_message(reason: str | None) -> str:
    config = current_app.config
    template = END_MESSAGES.get(reason or "", DEFAULT_END_MESSAGE)
    return template.format(
        idle=config["SESSION_IDLE_MINUTES"], absolute=config["SESSION_ABSOLUTE_HOURS"]
    )
