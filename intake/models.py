"""Typed SQLAlchemy 2.0 models for enquiries and their concern tags."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    orm,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from intake.database import UTCDateTime, utcnow
from intake.extensions import db

if TYPE_CHECKING:
    from intake.auth.models import StaffUser

KINDS = ("question", "appointment")
RELATIONSHIPS = ("patient", "caregiver", "clinician")
CONTACT_METHODS = ("email", "phone")
STATUSES = ("new", "in_progress", "awaiting_patient", "scheduled", "closed")
URGENCY_RANK = {"emergency": 0, "priority": 1, "routine": 2}
TAG_SOURCES = ("patient", "rules", "staff")


class Enquiry(db.Model):  # type: ignore[name-defined]
    """One question or appointment request, exactly as the writer typed it (after NFC/LF)."""

    __tablename__ = "enquiry"
    __table_args__ = (
        # The inbox by status and spam, most urgent first, then oldest first: a view of some
        # statuses (or spam) is a merge of short range scans, one per (status, is_spam) prefix,
        # and a per-status count is an index-only range (intake.staff.queries.order_parts).
        Index("ix_enquiry_status_spam", "status", "is_spam", "urgency_rank", "created_at", "id"),
        # The default inbox view (open, not spam) in its display order: a keyset page is a
        # short range scan of this partial index, whatever the share of closed enquiries.
        Index(
            "ix_enquiry_open_queue",
            "urgency_rank",
            "created_at",
            "id",
            postgresql_where=text("status <> 'closed' AND NOT is_spam"),
            sqlite_where=text("status <> 'closed' AND is_spam = 0"),
        ),
        # The default view in id order, with the columns its filters read: a count of its
        # enquiries with a tag merges this with the tag's index entries, index-only
        # (intake.staff.queries.has_tag_join).
        Index(
            "ix_enquiry_open_id",
            "id",
            "urgency_rank",
            "created_at",
            "kind",
            "source_section",
            "assignee_id",
            postgresql_where=text("status <> 'closed' AND NOT is_spam"),
            sqlite_where=text("status <> 'closed' AND is_spam = 0"),
        ),
        # Views across every status ("any", a search) in display order, and date ranges.
        Index("ix_enquiry_rank_created", "urgency_rank", "created_at", "id"),
        Index("ix_enquiry_created", "created_at"),
        # Reports over a period (intake.staff.reports): index-only reads of its non-spam rows.
        Index(
            "ix_enquiry_report",
            "created_at",
            "kind",
            "source_section",
            "urgency",
            "first_response_at",
            "id",
            "is_spam",  # constant here, but SQLite reads it from the index, not the table
            postgresql_where=text("NOT is_spam"),
            sqlite_where=text("is_spam = 0"),
        ),
        # Reports, "waiting and overdue now": open, not spam, not yet answered.
        Index(
            "ix_enquiry_waiting",
            "urgency_rank",
            "created_at",
            postgresql_where=text(
                "status <> 'closed' AND NOT is_spam AND first_response_at IS NULL"
            ),
            sqlite_where=text("status <> 'closed' AND is_spam = 0 AND first_response_at IS NULL"),
        ),
        # Reports, urgency corrections by staff (a few per cent of enquiries).
        Index(
            "ix_enquiry_urgency_corrected",
            "triage_version",
            "rules_urgency",
            "urgency",
            postgresql_where=text("rules_urgency IS NOT NULL"),
            sqlite_where=text("rules_urgency IS NOT NULL"),
        ),
        # "Assigned to me" / "unassigned", and their counts per status (index-only).
        Index("ix_enquiry_assignee", "assignee_id", "status", "is_spam"),
        # The retention purge's candidates: enquiries not yet de-identified, spam or not,
        # oldest first (each category's batch is one short range of this index).
        Index(
            "ix_enquiry_identified",
            "is_spam",
            "created_at",
            "id",
            postgresql_where=text("deidentified_at IS NULL"),
            sqlite_where=text("deidentified_at IS NULL"),
        ),
        CheckConstraint("kind IN ('question', 'appointment')", name="kind"),
        CheckConstraint("urgency IN ('emergency', 'priority', 'routine')", name="urgency"),
        CheckConstraint(
            "relationship IN ('patient', 'caregiver', 'clinician')", name="relationship"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    reference: Mapped[str] = mapped_column(String(16), unique=True)
    kind: Mapped[str] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(24), default="new")
    closing_reason: Mapped[str | None] = mapped_column(String(24))
    urgency: Mapped[str] = mapped_column(String(16), default="routine")
    urgency_rank: Mapped[int] = mapped_column(Integer, default=URGENCY_RANK["routine"])
    # The rules' urgency, kept once staff correct it (None: never corrected, urgency is theirs).
    rules_urgency: Mapped[str | None] = mapped_column(String(16))
    triage_version: Mapped[str | None] = mapped_column(String(32))
    # Why the rules chose the urgency ({label, rule, phrase, start, end} each), and which red
    # flags fired (the thanks page adds the 988 lifeline for self-harm).
    urgency_reasons: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    red_flags: Mapped[list[str]] = mapped_column(JSON, default=list)

    # The writer.
    writer_name: Mapped[str] = mapped_column(String(200), default="")
    relationship: Mapped[str] = mapped_column(String(16), default="patient")
    email: Mapped[str | None] = mapped_column(String(254), index=True)
    phone: Mapped[str | None] = mapped_column(String(32), index=True)
    preferred_contact: Mapped[str] = mapped_column(String(8), default="email")
    voicemail_ok: Mapped[bool] = mapped_column(Boolean, default=False)
    email_details_ok: Mapped[bool] = mapped_column(Boolean, default=False)
    wants_confirmation: Mapped[bool] = mapped_column(Boolean, default=False)

    # The patient, when the writer is someone else.
    patient_name: Mapped[str | None] = mapped_column(String(200))
    patient_dob: Mapped[date | None] = mapped_column(Date)
    patient_is_existing: Mapped[str | None] = mapped_column(String(8))
    may_discuss_care: Mapped[bool | None] = mapped_column(Boolean)

    message: Mapped[str] = mapped_column(Text)
    symptoms_now: Mapped[bool] = mapped_column(Boolean, default=False)

    # Appointment requests.
    appointment_patient_status: Mapped[str | None] = mapped_column(String(8))
    preferred_days: Mapped[list[str]] = mapped_column(JSON, default=list)
    preferred_times: Mapped[list[str]] = mapped_column(JSON, default=list)
    referring_physician: Mapped[str | None] = mapped_column(String(200))

    source_section: Mapped[str | None] = mapped_column(String(64))
    consent_at: Mapped[datetime] = mapped_column(UTCDateTime)
    privacy_version: Mapped[str] = mapped_column(String(32))
    submission_key: Mapped[str] = mapped_column(String(64), unique=True)

    is_spam: Mapped[bool] = mapped_column(Boolean, default=False)
    spam_reason: Mapped[str | None] = mapped_column(String(32))

    # Staff work (intake.staff): who has it, and a counter every staff change increments so an
    # edit made on a stale page is refused instead of silently overwriting a colleague's.
    assignee_id: Mapped[int | None] = mapped_column(ForeignKey("staff_user.id"))
    revision: Mapped[int] = mapped_column(Integer, default=0, server_default="0")

    first_response_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    # When `flask retention purge` last removed the names, contact details, message and notes
    # (intake.retention); None while the enquiry is whole. The purge leaves updated_at alone, so
    # updated_at > deidentified_at means staff changed it since (and it is purged again later).
    deidentified_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    tags: Mapped[list[EnquiryTag]] = orm.relationship(
        back_populates="enquiry", cascade="all, delete-orphan", order_by="EnquiryTag.id"
    )
    assignee: Mapped[StaffUser | None] = orm.relationship(foreign_keys=[assignee_id])

    def __repr__(self) -> str:  # never the PHI: only the reference
        return f"<Enquiry {self.reference}>"

    @property
    def tag_names(self) -> list[str]:
        """The concern tags in force: staff removals win over the patient's and the rules'."""
        removed = {tag.tag for tag in self.tags if tag.removed}
        seen: list[str] = []
        for tag in self.tags:
            if tag.tag not in seen and tag.tag not in removed:
                seen.append(tag.tag)
        return seen


class EnquiryTag(db.Model):  # type: ignore[name-defined]
    """A concern tag: ticked by the patient, found by the triage rules, or set by staff."""

    __tablename__ = "enquiry_tag"
    __table_args__ = (
        UniqueConstraint("enquiry_id", "tag", "source", name="uq_enquiry_tag_enquiry_tag_source"),
        Index("ix_enquiry_tag_tag_enquiry", "tag", "enquiry_id"),
        # Staff removals only (a few per cent of rows): "no removal" is an index-only probe.
        Index(
            "ix_enquiry_tag_removed",
            "enquiry_id",
            "tag",
            postgresql_where=text("removed"),
            sqlite_where=text("removed = 1"),
        ),
        # Reports: a period's tag rows (a tag row is never older than its enquiry), and the
        # staff corrections.
        Index("ix_enquiry_tag_created", "created_at", "enquiry_id", "tag", "removed"),
        Index(
            "ix_enquiry_tag_staff",
            "vocabulary_version",
            "rule_id",
            "tag",
            "removed",
            postgresql_where=text("source = 'staff'"),
            sqlite_where=text("source = 'staff'"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    enquiry_id: Mapped[int] = mapped_column(ForeignKey("enquiry.id", ondelete="CASCADE"))
    tag: Mapped[str] = mapped_column(String(24))
    source: Mapped[str] = mapped_column(String(8))
    rule_id: Mapped[str | None] = mapped_column(String(64))
    vocabulary_version: Mapped[str | None] = mapped_column(String(32))
    reasons: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    created_by: Mapped[int | None] = mapped_column(Integer)
    # A staff row with removed=True takes a patient's or rule's tag away (its rule_id and
    # vocabulary_version copied from the row it overrules, so corrections count per rule).
    removed: Mapped[bool] = mapped_column(Boolean, default=False, server_default=text("false"))

    enquiry: Mapped[Enquiry] = orm.relationship(back_populates="tags")


from intake.auth.models import AuditEvent, StaffSession, StaffUser  # noqa: E402,F401
from intake.notify.models import OutboxMessage  # noqa: E402,F401
from intake.staff.models import Appointment, Event, SavedSearch  # noqa: E402,F401
