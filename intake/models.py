"""Typed SQLAlchemy 2.0 models for enquiries and their concern tags."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, cast

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    ColumnElement,
    Connection,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    and_,
    case,
    event,
    literal_column,
    orm,
    select,
    text,
    true,
    update,
)
from sqlalchemy.orm import Mapped, mapped_column

from intake.database import UTCDateTime, utcnow
from intake.extensions import db
from intake.triage.model import TAGS

if TYPE_CHECKING:
    from intake.auth.models import StaffUser

KINDS = ("question", "appointment")
RELATIONSHIPS = ("patient", "caregiver", "clinician")
CONTACT_METHODS = ("email", "phone")
STATUSES = ("new", "in_progress", "awaiting_patient", "scheduled", "closed")
URGENCY_RANK = {"emergency": 0, "priority": 1, "routine": 2}
TAG_SOURCES = ("patient", "rules", "staff")
# One bit per concern tag, for ``Enquiry.concern_mask`` (the order of TAGS; never reorder: the
# bits are stored).
CONCERN_BIT: dict[str, int] = {tag: 1 << i for i, tag in enumerate(TAGS)}
# The open view's partial indexes' predicate, per dialect (literals: a query must repeat them).
OPEN_WHERE_PG = "status <> 'closed' AND NOT is_spam"
OPEN_WHERE_SQLITE = "status <> 'closed' AND is_spam = 0"


def concern_mask(tags: Iterable[str]) -> int:
    """The bits of these concern tags (unknown names are a programming error: KeyError)."""
    mask = 0
    for tag in tags:
        mask |= CONCERN_BIT[tag]
    return mask


def concerns_of(mask: int) -> list[str]:
    """The concern tags whose bits are set in ``mask``, in TAGS order."""
    return [tag for tag in TAGS if mask & CONCERN_BIT[tag]]


def tags_in_force(rows: Iterable[tuple[str, bool]]) -> list[str]:
    """The concern tags in force among (tag, removed) rows, in row order: a staff removal wins
    over the patient's and the rules' rows for that tag."""
    listed = list(rows)
    removed = {tag for tag, is_removal in listed if is_removal}
    return list(dict.fromkeys(tag for tag, _ in listed if tag not in removed))


def concern_mask_sql(tag: str) -> str:
    """The SQL text of "this tag is in force" on the enquiry row, as the partial indexes and the
    inbox's queries both spell it (PostgreSQL and SQLite match a partial index's predicate by
    its expression, so the two must be written alike)."""
    return f"(concern_mask & {CONCERN_BIT[tag]}) <> 0"


def has_concern(
    mask: ColumnElement[int] | orm.InstrumentedAttribute[int], tag: str
) -> ColumnElement[bool]:
    """``mask`` has this tag's bit, spelt with literals as ``concern_mask_sql`` spells the
    partial indexes' predicate (a bound parameter would not match them)."""
    bit: ColumnElement[int] = literal_column(str(CONCERN_BIT[tag]))
    return mask.op("&")(bit) != literal_column("0")


def _concern_index(name: str, tag: str, where_pg: str, where_sqlite: str) -> Index:
    """Enquiries with this concern (and the predicate's other conditions), in display order,
    with the columns the inbox's other filters read: a ``tag=`` page is a range of it, and its
    counts index-only reads of at most the tag's entries."""
    return Index(
        name,
        "urgency_rank",
        "created_at",
        "id",
        "status",
        "kind",
        "source_section",
        "assignee_id",
        postgresql_where=text(f"{where_pg} AND {concern_mask_sql(tag)}"),
        sqlite_where=text(f"{where_sqlite} AND {concern_mask_sql(tag)}"),
    )


def open_tag_index(tag: str) -> Index:
    """The open view's enquiries with this concern (the default inbox's ``tag=`` views)."""
    return _concern_index(f"ix_enquiry_open_{tag}", tag, OPEN_WHERE_PG, OPEN_WHERE_SQLITE)


def tag_index(tag: str) -> Index:
    """Every status's non-spam enquiries with this concern (``status=any``, a search's view):
    read instead of walking every enquiry until 1,001 have it (14 ms for a rare one at a
    million)."""
    return _concern_index(f"ix_enquiry_concern_{tag}", tag, "NOT is_spam", "is_spam = 0")


class Enquiry(db.Model):  # type: ignore[name-defined]
    """One question or appointment request, exactly as the writer typed it (after NFC/LF)."""

    __tablename__ = "enquiry"
    __table_args__ = (
        # The inbox by status and spam, most urgent first, then oldest first: a view of some
        # statuses (or spam) is a merge of short range scans, one per (status, is_spam) prefix,
        # and a per-status count is an index-only range (intake.staff.queries.order_parts).
        # Then the columns the other filters read: a count of a status's enquiries with a
        # concern, kind, section or assignee reads it index-only.
        Index(
            "ix_enquiry_status_spam",
            "status",
            "is_spam",
            "urgency_rank",
            "created_at",
            "id",
            "concern_mask",
            "kind",
            "source_section",
            "assignee_id",
        ),
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
        # The default view with the columns its filters read (the concerns included): its
        # counts, and those of its filtered views, are index-only reads.
        Index(
            "ix_enquiry_open_id",
            "id",
            "urgency_rank",
            "created_at",
            "kind",
            "source_section",
            "assignee_id",
            "concern_mask",
            postgresql_where=text(OPEN_WHERE_PG),
            sqlite_where=text(OPEN_WHERE_SQLITE),
        ),
        # The default view's enquiries with each concern, and every status's (has_tag).
        *(open_tag_index(tag) for tag in TAGS),
        *(tag_index(tag) for tag in TAGS),
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
            "concern_mask",  # a period's enquiries per concern, and the inbox's date counts
            "status",  # ... and a period's counts per status
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
        Index("ix_enquiry_assignee", "assignee_id", "status", "is_spam", "concern_mask"),
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

    # The concern tags in force (``tag_names``) as bits of CONCERN_BIT, kept by every write of
    # the tag rows (the form, staff corrections, the demo seeder): the inbox filters and counts
    # by concern read this column and its indexes instead of the tag table's rows.
    concern_mask: Mapped[int] = mapped_column(Integer, default=0, server_default="0")

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
    def concerns(self) -> list[str]:
        """The concern tags in force as the row keeps them (``concern_mask``), in TAGS order:
        what a list shows without loading the tag rows."""
        return concerns_of(self.concern_mask)

    @property
    def tag_names(self) -> list[str]:
        """The concern tags in force: staff removals win over the patient's and the rules'."""
        return tags_in_force((tag.tag, tag.removed) for tag in self.tags)


class EnquiryTag(db.Model):  # type: ignore[name-defined]
    """A concern tag: ticked by the patient, found by the triage rules, or set by staff."""

    __tablename__ = "enquiry_tag"
    __table_args__ = (
        UniqueConstraint("enquiry_id", "tag", "source", name="uq_enquiry_tag_enquiry_tag_source"),
        # (Per-enquiry reads use the unique constraint's index; the concern filters, counts and
        # weekly report read Enquiry.concern_mask, so the tag rows need no index by tag or date.)
        # Reports: the staff corrections.
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


def concern_mask_value(enquiry_id: Any) -> ColumnElement[int]:
    """``concern_mask`` computed from the tag rows in the database (the SQL of ``tag_names``)."""
    table = EnquiryTag.__table__
    parts = []
    for tag, bit in CONCERN_BIT.items():
        rows = select(table.c.id).where(table.c.enquiry_id == enquiry_id, table.c.tag == tag)
        removal = rows.where(table.c.removed == true())
        parts.append(case((and_(rows.exists(), ~removal.exists()), bit), else_=0))
    return cast(ColumnElement[int], sum(parts[1:], parts[0]))


def refresh_concern_masks(connection: Connection, enquiry_ids: Iterable[int]) -> None:
    """Recompute ``concern_mask`` of these enquiries from their tag rows (``updated_at`` kept:
    the write that changed the tags updates it itself)."""
    ids = sorted(set(enquiry_ids))
    table = Enquiry.__table__
    for start in range(0, len(ids), 500):
        connection.execute(
            update(table)
            .where(table.c.id.in_(ids[start : start + 500]))
            .values(concern_mask=concern_mask_value(table.c.id), updated_at=table.c.updated_at)
        )


_TAGS_TOUCHED = "intake.concern_mask.touched"


@event.listens_for(orm.Session, "before_flush")
def _note_tag_changes(session: orm.Session, flush_context: Any, instances: Any) -> None:
    """Note the enquiries whose tag rows this flush writes, whichever way they were changed
    (the ``tags`` collection, or a tag row added or deleted on its own)."""
    touched: list[Enquiry | EnquiryTag] = session.info.setdefault(_TAGS_TOUCHED, [])
    for obj in (*session.new, *session.dirty, *session.deleted):
        if isinstance(obj, EnquiryTag):
            touched.append(obj)
        elif isinstance(obj, Enquiry) and orm.attributes.get_history(
            obj, "tags", passive=orm.attributes.PASSIVE_NO_INITIALIZE  # never load it for this
        ).has_changes():
            touched.append(obj)


@event.listens_for(orm.Session, "after_flush_postexec")
def _keep_concern_masks(session: orm.Session, flush_context: Any) -> None:
    """Every ORM write of tag rows brings ``Enquiry.concern_mask`` up to date in the same
    transaction, from the rows as the database now holds them; writes with Core statements
    (the form's store, the demo seeder) set the column themselves."""
    touched = session.info.pop(_TAGS_TOUCHED, [])
    ids = set()
    for obj in touched:
        enquiry_id = obj.id if isinstance(obj, Enquiry) else obj.enquiry_id
        if enquiry_id is None and isinstance(obj, EnquiryTag) and obj.enquiry is not None:
            enquiry_id = obj.enquiry.id
        if enquiry_id is not None:
            ids.add(enquiry_id)
    if not ids:
        return
    refresh_concern_masks(session.connection(), ids)
    for enquiry_id in ids:
        enquiry = session.identity_map.get(session.identity_key(Enquiry, enquiry_id))
        if enquiry is not None:
            session.expire(enquiry, ["concern_mask"])  # read again when next used


from intake.auth.models import AuditEvent, StaffSession, StaffUser  # noqa: E402,F401
from intake.notify.models import OutboxMessage  # noqa: E402,F401
from intake.staff.models import Appointment, Event, SavedSearch  # noqa: E402,F401
