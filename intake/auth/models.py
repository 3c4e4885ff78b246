"""Staff accounts, their server-side sessions, and the append-only audit trail.

The audit table refuses UPDATE, and DELETE of any event younger than six years, in the
database itself (a trigger on PostgreSQL and on SQLite), so neither a bug nor a compromised web
process can rewrite history; only the retention purge removes events past
``AUDIT_RETENTION_DAYS``. The triggers are created here for ``create_all`` (tests, fresh
development databases) and, identically, by the Alembic migrations (``TRIGGER_SQL`` below is the
one source of that SQL).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    DDL,
    JSON,
    BigInteger,
    Boolean,
    CheckConstraint,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    event,
)
from sqlalchemy.orm import Mapped, mapped_column

from config import AUDIT_RETENTION_FLOOR_DAYS
from intake.database import UTCDateTime, utcnow
from intake.extensions import db

ROLES = ("admin", "staff")


class StaffUser(db.Model):  # type: ignore[name-defined]
    """A member of staff. No default accounts exist: the first admin is made with the CLI."""

    __tablename__ = "staff_user"
    __table_args__ = (CheckConstraint("role IN ('admin', 'staff')", name="role"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)  # stored lower-case
    name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(8), default="staff")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    # argon2id PHC string; None until the user completes their set-up link.
    password_hash: Mapped[str | None] = mapped_column(String(255))
    password_changed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    # TOTP: Fernet tokens (DATA_ENCRYPTION_KEY), never the plain secret.
    totp_secret: Mapped[str | None] = mapped_column(Text)
    totp_pending_secret: Mapped[str | None] = mapped_column(Text)  # shown, not yet confirmed
    totp_enrolled_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # The last accepted 30-second step: a code at or before it is refused (no reuse).
    totp_last_step: Mapped[int | None] = mapped_column(BigInteger)
    # argon2id hashes of the unused recovery codes; a used code is removed.
    recovery_code_hashes: Mapped[list[str]] = mapped_column(JSON, default=list)

    # Lockout: failures in the current window, and the end of a lock.
    failed_count: Mapped[int] = mapped_column(Integer, default=0)
    first_failed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime)

    # One-time set-up link: SHA-256 of the token, and its expiry.
    setup_token_hash: Mapped[str | None] = mapped_column(String(64), unique=True)
    setup_expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    last_sign_in_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    def __repr__(self) -> str:
        return f"<StaffUser {self.id}>"

    # Flask-Login's user protocol. The id Flask-Login keeps in the cookie is the *session*
    # token, not the user id, so ending the StaffSession row ends the cookie's power.
    @property
    def is_authenticated(self) -> bool:
        return True

    @property
    def is_active(self) -> bool:
        return bool(self.active)

    @property
    def is_anonymous(self) -> bool:
        return False

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"

    @property
    def has_totp(self) -> bool:
        return self.totp_secret is not None

    def bind_session(self, token: str) -> None:
        """Attach the (plain) session token that ``get_id`` hands to Flask-Login."""
        self._session_token = token

    def get_id(self) -> str:
        token: str | None = getattr(self, "_session_token", None)
        if not token:
            raise RuntimeError("StaffUser.get_id() called before a session was bound")
        return token


class StaffSession(db.Model):  # type: ignore[name-defined]
    """One sign-in. The signed cookie names it; ending the row ends the cookie."""

    __tablename__ = "staff_session"
    __table_args__ = (Index("ix_staff_session_user_open", "user_id", "ended_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    # SHA-256 of the cookie's token: a copy of the database cannot be replayed as a cookie.
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("staff_user.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    last_seen_at: Mapped[datetime] = mapped_column(UTCDateTime)
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # sign_out, idle, absolute, deactivated, password_changed, totp_changed
    end_reason: Mapped[str | None] = mapped_column(String(24))
    client: Mapped[str] = mapped_column(String(64), default="-")  # truncated address

    def __repr__(self) -> str:
        return f"<StaffSession {self.id}>"


class AuditEvent(db.Model):  # type: ignore[name-defined]
    """Who did what to which record, when and from where. Append-only; never PHI or secrets."""

    __tablename__ = "audit_event"
    __table_args__ = (
        Index("ix_audit_event_created", "created_at"),
        Index("ix_audit_event_actor", "actor_id", "created_at"),
        Index("ix_audit_event_target", "target_type", "target_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    action: Mapped[str] = mapped_column(String(64))
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("staff_user.id"))
    target_type: Mapped[str | None] = mapped_column(String(32))
    target_id: Mapped[str | None] = mapped_column(String(64))
    # Where from: a truncated client address (intake.logs.client_label), or "cli".
    client: Mapped[str] = mapped_column(String(64), default="-")
    request_id: Mapped[str | None] = mapped_column(String(64))
    details: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)

    def __repr__(self) -> str:
        return f"<AuditEvent {self.id} {self.action}>"


# The append-only guarantee. UPDATE (and TRUNCATE on PostgreSQL) is always refused. DELETE is
# refused for every row younger than AUDIT_RETENTION_FLOOR_DAYS (six years) by the database's
# own clock, so `flask retention purge` can remove events past AUDIT_RETENTION_DAYS (which may
# not be lower) while nothing, not even a compromised web process, can delete recent history.
# The migrations run exactly these statements (79676adf3b47 created the first version,
# 6d2b9e4f0a31 the DELETE floor; see docs/staff-accounts.md and docs/security.md);
# DROP_TRIGGER_SQL undoes them for a downgrade.
TRIGGER_SQL: dict[str, tuple[str, ...]] = {
    "sqlite": (
        "CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event "
        "BEGIN SELECT RAISE(ABORT, 'audit_event is append-only'); END",
        # A NULL or unparsable time compares as young: refused.
        "CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event "
        "WHEN OLD.created_at IS NULL "
        f"OR OLD.created_at >= datetime('now', '-{AUDIT_RETENTION_FLOOR_DAYS} days') "
        "BEGIN SELECT RAISE(ABORT, 'audit_event is append-only: events younger than "
        f"{AUDIT_RETENTION_FLOOR_DAYS} days cannot be deleted'); END",
    ),
    "postgresql": (
        "CREATE OR REPLACE FUNCTION audit_event_append_only() RETURNS trigger "
        "LANGUAGE plpgsql AS $$ BEGIN "
        "RAISE EXCEPTION 'audit_event is append-only' USING ERRCODE = 'insufficient_privilege'; "
        "END $$",
        "CREATE OR REPLACE FUNCTION audit_event_delete_floor() RETURNS trigger "
        "LANGUAGE plpgsql AS $$ BEGIN "
        "IF OLD.created_at IS NULL "
        f"OR OLD.created_at >= now() - interval '{AUDIT_RETENTION_FLOOR_DAYS} days' THEN "
        "RAISE EXCEPTION 'audit_event is append-only: events younger than "
        f"{AUDIT_RETENTION_FLOOR_DAYS} days cannot be deleted' "
        "USING ERRCODE = 'insufficient_privilege'; END IF; RETURN OLD; END $$",
        "CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event "
        "FOR EACH ROW EXECUTE FUNCTION audit_event_append_only()",
        "CREATE TRIGGER audit_event_delete_floor BEFORE DELETE ON audit_event "
        "FOR EACH ROW EXECUTE FUNCTION audit_event_delete_floor()",
        "CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event "
        "FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only()",
    ),
}
DROP_TRIGGER_SQL: dict[str, tuple[str, ...]] = {
    "sqlite": (
        "DROP TRIGGER IF EXISTS audit_event_no_update",
        "DROP TRIGGER IF EXISTS audit_event_no_delete",
    ),
    "postgresql": (
        "DROP TRIGGER IF EXISTS audit_event_no_truncate ON audit_event",
        "DROP TRIGGER IF EXISTS audit_event_delete_floor ON audit_event",
        "DROP TRIGGER IF EXISTS audit_event_no_update ON audit_event",
        "DROP FUNCTION IF EXISTS audit_event_delete_floor()",
        "DROP FUNCTION IF EXISTS audit_event_append_only()",
    ),
}

for _dialect, _statements in TRIGGER_SQL.items():
    for _statement in _statements:
        event.listen(
            AuditEvent.__table__,
            "after_create",
            DDL(_statement).execute_if(dialect=_dialect),
        )
# The functions outlive the table on PostgreSQL; drop them with the table (tests drop_all).
for _function in ("audit_event_append_only()", "audit_event_delete_floor()"):
    event.listen(
        AuditEvent.__table__,
        "after_drop",
        DDL(f"DROP FUNCTION IF EXISTS {_function}").execute_if(dialect="postgresql"),
    )
