"""The dashboard's own tables: the enquiry timeline, appointments, and saved searches.

Nothing here holds PHI beyond what staff typed themselves (notes, a decline reason) and the
search terms of a saved search, which live server-side only so they never sit in a URL.
"""

from __future__ import annotations

import secrets
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import (
    DDL,
    JSON,
    CheckConstraint,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    event,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from intake.database import UTCDateTime, utcnow
from intake.extensions import db

if TYPE_CHECKING:
    from intake.auth.models import StaffUser
    from intake.models import Enquiry

EVENT_KINDS = (
    "note",
    "status",
    "assignment",
    "tags",
    "urgency",
    "contact",
    "appointment",
    "reply",
    "spam",
)
APPOINTMENT_STATUSES = ("booked", "declined")
SEARCH_LIFETIME = timedelta(hours=8)


def _in(values: tuple[str, ...]) -> str:
    return ", ".join(f"'{value}'" for value in values)


class Event(db.Model):  # type: ignore[name-defined]
    """One entry of an enquiry's timeline: who did what, when (details: small facts only)."""

    __tablename__ = "enquiry_event"
    __table_args__ = (
        Index("ix_enquiry_event_enquiry_created", "enquiry_id", "created_at", "id"),
        CheckConstraint(f"kind IN ({_in(EVENT_KINDS)})", name="kind"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    enquiry_id: Mapped[int] = mapped_column(ForeignKey("enquiry.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(16))
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("staff_user.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # e.g. {"from": "new", "to": "in_progress"}, {"text": <note>}, {"method": "phone", ...}
    details: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)

    actor: Mapped[StaffUser | None] = relationship()

    def __repr__(self) -> str:
        return f"<Event {self.id} {self.kind}>"


class Appointment(db.Model):  # type: ignore[name-defined]
    """An appointment booked in the clinic's own scheduling system, or a declined request."""

    __tablename__ = "appointment"
    __table_args__ = (
        Index("ix_appointment_enquiry", "enquiry_id", "created_at"),
        CheckConstraint(f"status IN ({_in(APPOINTMENT_STATUSES)})", name="status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    enquiry_id: Mapped[int] = mapped_column(ForeignKey("enquiry.id", ondelete="CASCADE"))
    status: Mapped[str] = mapped_column(String(16))
    starts_at: Mapped[datetime | None] = mapped_column(UTCDateTime)  # UTC; None when declined
    duration_minutes: Mapped[int] = mapped_column(Integer, default=60)
    location: Mapped[str | None] = mapped_column(String(200))
    clinician: Mapped[str | None] = mapped_column(String(200))
    decline_reason: Mapped[str | None] = mapped_column(String(500))
    # The calendar UID is the enquiry's (stable), so a rebooking replaces the earlier event in
    # the patient's calendar; SEQUENCE counts the bookings of that enquiry.
    ics_uid: Mapped[str | None] = mapped_column(String(128))
    ics_sequence: Mapped[int] = mapped_column(Integer, default=0)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("staff_user.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    enquiry: Mapped[Enquiry] = relationship()

    def __repr__(self) -> str:
        return f"<Appointment {self.id} {self.status}>"


class SavedSearch(db.Model):  # type: ignore[name-defined]
    """Search terms kept server-side behind a random id, so names never sit in a URL."""

    __tablename__ = "saved_search"
    __table_args__ = (Index("ix_saved_search_expires", "expires_at"),)

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("staff_user.id", ondelete="CASCADE"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    terms: Mapped[str] = mapped_column(Text)

    def __repr__(self) -> str:  # never the terms
        return f"<SavedSearch {self.id[:6]}…>"

    @staticmethod
    def new_id() -> str:
        return secrets.token_urlsafe(18)  # 24 characters, 144 bits


# PostgreSQL: trigram search over reference, names, email, phone and message. The expression
# here and in intake.staff.queries.search_document() must stay identical for the planner to use
# the index; the migration runs exactly these statements (docs/dashboard.md).
SEARCH_DOCUMENT_SQL = (
    "lower(reference || ' ' || writer_name || ' ' || coalesce(patient_name, '') || ' ' "
    "|| coalesce(email, '') || ' ' || coalesce(phone, '') || ' ' || message)"
)
TRGM_SQL: tuple[str, ...] = (
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX IF NOT EXISTS ix_enquiry_search_trgm ON enquiry "
    f"USING gin (({SEARCH_DOCUMENT_SQL}) gin_trgm_ops)",
)
DROP_TRGM_SQL: tuple[str, ...] = ("DROP INDEX IF EXISTS ix_enquiry_search_trgm",)


def _register_trgm_ddl() -> None:
    """Create the trigram index with ``create_all`` on PostgreSQL (tests, fresh databases)."""
    from intake.models import Enquiry

    for statement in TRGM_SQL:
        event.listen(
            Enquiry.__table__, "after_create", DDL(statement).execute_if(dialect="postgresql")
        )


_register_trgm_ddl()
