"""The sign-in sequence: password, then (when enrolled or required) a TOTP code, then a new
server-side session.

Between the two factors the browser holds only a short-lived "pending" marker in the signed
cookie (user id and time): no StaffSession exists until both factors pass. Every failure, of
either factor, counts towards the account's lockout and is audited; the person sees one
generic message whatever went wrong (ASVS 6.3.x, 16.3.1).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from flask import current_app, g, session
from flask_login import login_user

from intake import audit
from intake.auth import accounts, lockout, passwords, sessions
from intake.auth.models import StaffUser
from intake.extensions import db

PENDING_KEY = "staff_pending"
PENDING_LIFETIME = timedelta(minutes=10)
GENERIC_FAILURE = (
    "Sign-in failed: the email address, password or code is not right, or the account cannot "
    "sign in. Check them and try again."
)


@dataclass(frozen=True)
class Attempt:
    user: StaffUser | None
    locked_until: datetime | None = None


def totp_required() -> bool:
    return bool(current_app.config["REQUIRE_TOTP"])


def check_password(email: str, password: str) -> Attempt:
    """First factor. A success returns the user; a failure is counted and audited."""
    try:
        email = accounts.normalise_email(email)
    except accounts.AccountError:
        email = email.strip().lower()
    user = accounts.find_by_email(email) if email else None
    if user is None:
        return _unknown_account(email, password)
    until = lockout.locked_until(user)
    if until is not None:
        audit.record(
            "auth.sign_in_refused",
            target_type="staff_user",
            target_id=user.id,
            details={"reason": "locked"},
        )
        return Attempt(None, until)
    good = passwords.verify_password(user.password_hash, password)
    if not (good and user.active):
        reason = (
            "inactive" if good else ("no_password" if user.password_hash is None else "password")
        )
        return failure(user, reason)
    assert user.password_hash is not None
    if passwords.needs_rehash(user.password_hash):
        user.password_hash = passwords.hash_password(password)
        audit.record(
            "auth.password_rehashed", actor_id=user.id, target_type="staff_user", target_id=user.id
        )
    return Attempt(user)


def _unknown_account(email: str, password: str) -> Attempt:
    until = lockout.unknown_locked_until(email) if email else None
    if until is not None:
        audit.record("auth.sign_in_refused", details={"reason": "locked_unknown_account"})
        return Attempt(None, until)
    passwords.burn_time(password)
    until = lockout.record_unknown_failure(email) if email else None
    # The typed address is not recorded: people type passwords into the email box.
    audit.record("auth.sign_in_failed", details={"reason": "unknown_account"})
    return Attempt(None, until)


def failure(user: StaffUser, reason: str) -> Attempt:
    until = lockout.record_failure(user)
    audit.record(
        "auth.sign_in_failed",
        target_type="staff_user",
        target_id=user.id,
        details={"reason": reason},
    )
    return Attempt(None, until)


# --- between the factors -------------------------------------------------------------------


def clear_session() -> None:
    """Empty the cookie session, and forget the CSRF token Flask-WTF cached for this request:
    otherwise the next page renders a token the emptied session no longer backs (a 400)."""
    session.clear()
    g.pop("csrf_token", None)


def begin_pending(user: StaffUser, step: str, next_path: str) -> None:
    """Remember, in the signed cookie, who passed the first factor and where they go next."""
    sessions.end_by_token(session.get("_user_id"), "replaced")
    clear_session()
    session[PENDING_KEY] = {
        "uid": user.id,
        "at": sessions.now().timestamp(),
        "step": step,  # "totp" (verify a code) or "enrol" (set up TOTP first)
        "next": next_path,
    }
    db.session.commit()


def pending() -> tuple[StaffUser, dict[str, Any]] | None:
    """The user between factors, if the marker is recent and the account still usable."""
    data = session.get(PENDING_KEY)
    if not isinstance(data, dict):
        return None
    started = data.get("at")
    if not isinstance(started, int | float):
        return None
    age = sessions.now().timestamp() - started
    if age < 0 or age > PENDING_LIFETIME.total_seconds():
        session.pop(PENDING_KEY, None)
        return None
    uid = data.get("uid")
    user = db.session.get(StaffUser, uid) if isinstance(uid, int) else None
    if user is None or not user.active or user.password_hash is None:
        session.pop(PENDING_KEY, None)
        return None
    return user, data


def next_step(user: StaffUser) -> str | None:
    """After the password: "totp", "enrol", or None (signed in on the password alone)."""
    if user.has_totp:
        return "totp"
    if totp_required():
        return "enrol"
    return None


# --- complete -----------------------------------------------------------------------------


def complete(user: StaffUser, second_factor: str) -> None:
    """Both factors passed: a brand-new session (new id, fresh cookie contents), audited."""
    lockout.clear(user)
    user.last_sign_in_at = sessions.now()
    sessions.end_by_token(session.get("_user_id"), "replaced")  # signing in again
    clear_session()  # no fixation: nothing from before sign-in survives
    token, row = sessions.start(user)
    audit.record(
        "auth.sign_in",
        actor_id=user.id,
        target_type="staff_session",
        target_id=row.id,
        details={"second_factor": second_factor},
    )
    db.session.commit()
    user.bind_session(token)
    login_user(user, remember=False, fresh=True)


def renew(user: StaffUser) -> None:
    """After a password or TOTP change ended every session: a new one for this browser."""
    clear_session()
    token, row = sessions.start(user)
    audit.record(
        "auth.session_renewed", actor_id=user.id, target_type="staff_session", target_id=row.id
    )
    db.session.commit()
    user.bind_session(token)
    login_user(user, remember=False, fresh=True)
