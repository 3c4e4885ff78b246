"""The outbox: mail queued in the caller's transaction and delivered later by the worker."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import (
    CheckConstraint,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from intake.database import UTCDateTime, utcnow
from intake.extensions import db

if TYPE_CHECKING:
    from intake.models import Enquiry

STATUSES = ("pending", "sending", "sent", "cancelled", "dead")
KINDS = ("clinic_notification", "patient_confirmation")

# Lower is sent first (like Enquiry.urgency_rank): emergencies jump any backlog.
PRIORITY_EMERGENCY = 0
PRIORITY_HIGH = 1
PRIORITY_NORMAL = 2
PRIORITY_LOW = 3

SUBJECT_MAX = 300
ERROR_MAX = 500


class OutboxMessage(db.Model):  # type: ignore[name-defined]
    """One email to one recipient: everything needed to send it, so sending needs no lookups."""

    __tablename__ = "outbox_message"
    __table_args__ = (
        # The claim query: pending and due, most urgent first, then oldest due first.
        Index("ix_outbox_message_claim", "status", "priority", "next_attempt_at", "id"),
        # The per-address confirmation limit and the staff page's recent messages.
        Index("ix_outbox_message_kind_created", "kind", "created_at"),
        CheckConstraint(
            "status IN ('pending', 'sending', 'sent', 'cancelled', 'dead')", name="status"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(32))
    enquiry_id: Mapped[int | None] = mapped_column(
        ForeignKey("enquiry.id", ondelete="SET NULL"), index=True
    )
    recipient: Mapped[str] = mapped_column(String(254))
    subject: Mapped[str] = mapped_column(String(SUBJECT_MAX))
    body_text: Mapped[str] = mapped_column(Text)
    body_html: Mapped[str | None] = mapped_column(Text)
    # Stable across retries, so a duplicate after a crash is recognisable as the same mail.
    message_id: Mapped[str] = mapped_column(String(255), unique=True)

    priority: Mapped[int] = mapped_column(Integer, default=PRIORITY_NORMAL)
    status: Mapped[str] = mapped_column(String(16), default="pending")
    not_before: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    next_attempt_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    lease_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
    claim_token: Mapped[str | None] = mapped_column(String(32))
    claimed_by: Mapped[str | None] = mapped_column(String(64))
    last_attempt_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # SMTP's answer with every address replaced by "<address>": never PHI.
    last_error: Mapped[str | None] = mapped_column(String(ERROR_MAX))
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    enquiry: Mapped[Enquiry | None] = relationship()
    attachments: Mapped[list[OutboxAttachment]] = relationship(
        back_populates="message",
        cascade="all, delete-orphan",
        order_by="OutboxAttachment.id",
        lazy="selectin",
    )

    def __repr__(self) -> str:  # never the recipient or the content
        return f"<OutboxMessage {self.id} {self.kind} {self.status}>"

    def attach(self, filename: str, content_type: str, data: bytes) -> OutboxAttachment:
        """Add a file (e.g. an appointment's ``.ics``); checked again when the mail is built."""
        from intake.notify.sender import check_attachment

        check_attachment(filename, content_type)
        attachment = OutboxAttachment(filename=filename, content_type=content_type, data=data)
        self.attachments.append(attachment)
        return attachment


class OutboxAttachment(db.Model):  # type: ignore[name-defined]
    """A file sent with an outbox message (an ``.ics`` invitation, for instance)."""

    __tablename__ = "outbox_attachment"

    id: Mapped[int] = mapped_column(primary_key=True)
    outbox_message_id: Mapped[int] = mapped_column(
        ForeignKey("outbox_message.id", ondelete="CASCADE"), index=True
    )
    filename: Mapped[str] = mapped_column(String(128))
    content_type: Mapped[str] = mapped_column(String(100))
    data: Mapped[bytes] = mapped_column(LargeBinary)

    message: Mapped[OutboxMessage] = relationship(back_populates="attachments")

    def __repr__(self) -> str:
        return f"<OutboxAttachment {self.id} {self.content_type}>"


# The relationship above names Enquiry: make sure it is registered even when this module is
# imported first (intake.models imports this module at its end; either order works).
import intake.models  # noqa: E402,F401
