"""Account operations shared by the staff pages and ``flask staff``: they change the models,
record the audit event, and flush; the caller commits (so an action and its audit row land
together)."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from email_validator import EmailNotValidError, validate_email
from sqlalchemy import func, or_, select, update

from intake import audit
from intake.auth import lockout, passwords, sessions, totp
from intake.auth.models import ROLES, StaffUser
from intake.extensions import db

SETUP_LINK_LIFETIME = timedelta(hours=24)


class AccountError(ValueError):
    """An account operation was refused; the message is for the person asking."""


def normalise_email(raw: str) -> str:
    """Lower-case, syntax-checked; no DNS look-up (the server may have no network)."""
    try:
        result = validate_email(raw.strip(), check_deliverability=False)
    except EmailNotValidError as exc:
        raise AccountError("Enter a valid email address, like name@clinic.example.") from exc
    return str(result.normalized).lower()


def find_by_email(email: str) -> StaffUser | None:
    return db.session.scalar(
        select(StaffUser).where(func.lower(StaffUser.email) == email.strip().lower())
    )


def create_account(
    email: str,
    name: str,
    role: str,
    *,
    password: str | None = None,
    actor_id: int | None = None,
) -> StaffUser:
    """A new active account, with a password (CLI) or none yet (set-up link)."""
    email = normalise_email(email)
    name = name.strip()
    if not name or len(name) > 200:
        raise AccountError("Enter the person's name (at most 200 characters).")
    if role not in ROLES:
        raise AccountError(f"Role must be one of: {', '.join(ROLES)}.")
    if find_by_email(email) is not None:
        raise AccountError("An account with that email address already exists.")
    user = StaffUser(email=email, name=name, role=role, active=True, recovery_code_hashes=[])
    if password is not None:
        passwords.check_policy(password, email=email)
        user.password_hash = passwords.hash_password(password)
        user.password_changed_at = sessions.now()
    db.session.add(user)
    db.session.flush()
    audit.record(
        "account.created",
        actor_id=actor_id,
        target_type="staff_user",
        target_id=user.id,
        details={"role": role, "via": "cli" if actor_id is None else "staff_pages"},
    )
    return user


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def issue_setup_link(user: StaffUser, *, actor_id: int | None) -> tuple[str, datetime]:
    """A one-time set-up token (returned once, stored hashed) valid for 24 hours."""
    token = secrets.token_urlsafe(32)
    expires = sessions.now() + SETUP_LINK_LIFETIME
    user.setup_token_hash = token_digest(token)
    user.setup_expires_at = expires
    audit.record(
        "account.setup_link_issued",
        actor_id=actor_id,
        target_type="staff_user",
        target_id=user.id,
        details={"valid_hours": int(SETUP_LINK_LIFETIME.total_seconds() // 3600)},
    )
    return token, expires


def user_for_setup_token(token: str | None) -> StaffUser | None:
    """The active account this unexpired, unused set-up token belongs to."""
    if not token or len(token) > 200:
        return None
    user = db.session.scalar(
        select(StaffUser).where(StaffUser.setup_token_hash == token_digest(token))
    )
    if user is None or not user.active or user.setup_expires_at is None:
        return None
    if user.setup_expires_at <= sessions.now():
        return None
    return user


def complete_setup(user: StaffUser, password: str) -> None:
    """Set the first password and spend the link (it cannot be used twice)."""
    passwords.check_policy(password, email=user.email)
    user.password_hash = passwords.hash_password(password)
    user.password_changed_at = sessions.now()
    user.setup_token_hash = None
    user.setup_expires_at = None
    lockout.clear(user)
    sessions.end_all(user.id, "password_changed")
    audit.record(
        "account.setup_completed", actor_id=user.id, target_type="staff_user", target_id=user.id
    )


def set_password(user: StaffUser, password: str, *, actor_id: int | None, action: str) -> None:
    """A new password (own change or an admin's reset): every session of the user ends."""
    passwords.check_policy(password, email=user.email)
    user.password_hash = passwords.hash_password(password)
    user.password_changed_at = sessions.now()
    lockout.clear(user)
    ended = sessions.end_all(user.id, "password_changed")
    audit.record(
        action,
        actor_id=actor_id,
        target_type="staff_user",
        target_id=user.id,
        details={"sessions_ended": ended},
    )


def deactivate(user: StaffUser, *, actor_id: int | None) -> int:
    """The account can no longer sign in, and every session it has ends now."""
    user.active = False
    user.setup_token_hash = None
    user.setup_expires_at = None
    ended = sessions.end_all(user.id, "deactivated")
    audit.record(
        "account.deactivated",
        actor_id=actor_id,
        target_type="staff_user",
        target_id=user.id,
        details={"sessions_ended": ended},
    )
    return ended


def reset_totp(user: StaffUser, *, actor_id: int | None) -> int:
    """Forget the TOTP secret and recovery codes; the next sign-in enrols again."""
    user.totp_secret = None
    user.totp_pending_secret = None
    user.totp_enrolled_at = None
    user.totp_last_step = None
    user.recovery_code_hashes = []
    ended = sessions.end_all(user.id, "totp_changed")
    audit.record(
        "auth.totp_reset",
        actor_id=actor_id,
        target_type="staff_user",
        target_id=user.id,
        details={"sessions_ended": ended},
    )
    return ended


def pending_secret(user: StaffUser) -> str:
    """The not-yet-confirmed TOTP secret shown at enrolment (made on first view)."""
    if user.totp_pending_secret is None:
        user.totp_pending_secret = totp.encrypt(totp.new_secret())
    return totp.decrypt(user.totp_pending_secret)


@dataclass(frozen=True)
class Enrolment:
    recovery_codes: list[str]


def confirm_totp(user: StaffUser, code: str) -> Enrolment | None:
    """Confirm enrolment with a code from the app; None if the code is wrong."""
    if user.totp_pending_secret is None:
        return None
    secret = totp.decrypt(user.totp_pending_secret)
    step = totp.matching_step(secret, code, sessions.now(), None)
    if step is None:
        return None
    codes = totp.new_recovery_codes()
    user.totp_secret = user.totp_pending_secret
    user.totp_pending_secret = None
    user.totp_last_step = step
    user.totp_enrolled_at = sessions.now()
    user.recovery_code_hashes = codes.hashes
    audit.record(
        "auth.totp_enrolled",
        actor_id=user.id,
        target_type="staff_user",
        target_id=user.id,
        details={"recovery_count": len(codes.plain)},
    )
    return Enrolment(recovery_codes=codes.plain)


def check_second_factor(user: StaffUser, code: str) -> str | None:
    """ "totp" or "recovery_code" if the code is good (and now spent), else None."""
    if user.totp_secret is None:
        return None
    step = totp.matching_step(
        totp.decrypt(user.totp_secret), code, sessions.now(), user.totp_last_step
    )
    if step is not None:
        # Compare-and-set, so two requests racing with one code cannot both win.
        won = db.session.execute(
            update(StaffUser)
            .where(
                StaffUser.id == user.id,
                or_(StaffUser.totp_last_step.is_(None), StaffUser.totp_last_step < step),
            )
            .values(totp_last_step=step)
            .execution_options(synchronize_session=False)
        )
        db.session.expire(user, ["totp_last_step"])
        if not getattr(won, "rowcount", 0):
            return None
        rotated = totp.rotated(user.totp_secret)
        if rotated is not None:
            user.totp_secret = rotated
        return "totp"
    hashes = list(user.recovery_code_hashes or [])
    index = totp.match_recovery_code(code, hashes)
    if index is None:
        return None
    del hashes[index]
    user.recovery_code_hashes = hashes
    audit.record(
        "auth.recovery_code_used",
        actor_id=user.id,
        target_type="staff_user",
        target_id=user.id,
        details={"remaining": len(hashes)},
    )
    return "recovery_code"
