"""What the retention settings say is due: SQL conditions and counts, nothing is changed here.

One definition serves the dry run, the purge's batches (which check it again as they write, so
an enquiry a colleague touches mid-run is left alone) and the tests. In words (the same words as
docs/security.md, "Retention"):

* An enquiry's **last activity** is the latest of: when it was received (``created_at``); the
  last staff change to it (``updated_at``: every action in intake.staff.actions moves it, with
  the revision); when it was closed (``closed_at``); its latest timeline event; and its
  appointments, both when each was recorded and when it starts (a booking months ahead keeps the
  enquiry). Opening the page is not activity: views are audited, not recorded on the enquiry.
* An enquiry is **due** when its last activity is older than its category's window:
  ``spam`` (marked as suspected spam, by the form's checks or by staff): ``SPAM_DAYS`` (30);
  ``closed``: ``RETENTION_DAYS``; ``untouched`` (any open status): ``RETENTION_DAYS``;
* and none of its mail is waiting or being sent (it goes the first night after the mail has left
  or died: a message is never blanked under the worker's feet);
* and it has not been de-identified yet, or staff changed it since (``updated_at`` after
  ``deidentified_at``: a note added later is removed in its turn).

Audit events are due when older than ``AUDIT_RETENTION_DAYS``; saved searches when expired
(they hold search terms, names included, and live 8 hours).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Select,
    and_,
    exists,
    false,
    func,
    not_,
    or_,
    select,
    true,
    union_all,
)

from config import AUDIT_RETENTION_FLOOR_DAYS, RETENTION_MIN_DAYS
from intake.auth.models import AuditEvent
from intake.database import utcnow
from intake.extensions import db
from intake.models import Enquiry
from intake.notify.models import OutboxMessage
from intake.staff.models import Appointment, Event, SavedSearch

SPAM_DAYS = 30
# Processed in this order; the categories do not overlap (spam wins over closed or open).
CATEGORIES = ("spam", "closed", "untouched")
CATEGORY_LABELS = {
    "spam": "suspected spam, no activity for {days} days",
    "closed": "closed, no activity for {days} days",
    "untouched": "open but untouched for {days} days",
}
# "new": never de-identified (the partial index ix_enquiry_identified holds exactly these);
# "retouched": de-identified, then changed by staff.
STAGES = ("new", "retouched")
IN_FLIGHT = ("pending", "sending")


@dataclass(frozen=True)
class Cutoffs:
    """The moments before which things are due, all from one ``now`` (UTC)."""

    now: datetime
    retention_days: int
    audit_days: int
    spam_days: int = SPAM_DAYS

    def __post_init__(self) -> None:
        if self.now.tzinfo is None:
            raise ValueError("now must be timezone-aware")
        if self.retention_days < RETENTION_MIN_DAYS:
            raise ValueError(f"RETENTION_DAYS must be at least {RETENTION_MIN_DAYS}")
        if self.audit_days < AUDIT_RETENTION_FLOOR_DAYS:
            raise ValueError(f"AUDIT_RETENTION_DAYS must be at least {AUDIT_RETENTION_FLOOR_DAYS}")

    def days(self, category: str) -> int:
        if category == "spam":
            return min(self.spam_days, self.retention_days)
        return self.retention_days

    def window(self, category: str) -> datetime:
        """Activity before this moment is old enough for the category."""
        return self.now - timedelta(days=self.days(category))

    @property
    def audit(self) -> datetime:
        return self.now - timedelta(days=self.audit_days)


def cutoffs_from_config(config: Mapping[str, Any], now: datetime | None = None) -> Cutoffs:
    return Cutoffs(
        now=now or utcnow(),
        retention_days=int(config["RETENTION_DAYS"]),
        audit_days=int(config["AUDIT_RETENTION_DAYS"]),
    )


# --- enquiries ------------------------------------------------------------------------------


def quiet_since(cutoff: datetime) -> ColumnElement[bool]:
    """No activity at or after ``cutoff`` (see the module's definition of last activity)."""
    return and_(
        Enquiry.created_at < cutoff,
        Enquiry.updated_at < cutoff,
        or_(Enquiry.closed_at.is_(None), Enquiry.closed_at < cutoff),
        not_(exists().where(Event.enquiry_id == Enquiry.id, Event.created_at >= cutoff)),
        not_(
            exists().where(
                Appointment.enquiry_id == Enquiry.id,
                or_(Appointment.created_at >= cutoff, Appointment.starts_at >= cutoff),
            )
        ),
    )


def mail_in_flight() -> ColumnElement[bool]:
    """Some mail of the enquiry is still waiting or being sent."""
    return exists().where(
        OutboxMessage.enquiry_id == Enquiry.id, OutboxMessage.status.in_(IN_FLIGHT)
    )


def in_category(category: str) -> ColumnElement[bool]:
    # "= true/false", not "IS": a btree index (ix_enquiry_identified) serves only equality.
    if category == "spam":
        return Enquiry.is_spam == true()
    if category == "closed":
        return and_(Enquiry.is_spam == false(), Enquiry.status == "closed")
    if category == "untouched":
        return and_(Enquiry.is_spam == false(), Enquiry.status != "closed")
    raise ValueError(f"unknown retention category {category!r}")


def in_stage(stage: str) -> ColumnElement[bool]:
    if stage == "new":
        return Enquiry.deidentified_at.is_(None)
    if stage == "retouched":
        return and_(
            Enquiry.deidentified_at.is_not(None), Enquiry.updated_at > Enquiry.deidentified_at
        )
    if stage == "any":
        return or_(in_stage("new"), in_stage("retouched"))
    raise ValueError(f"unknown retention stage {stage!r}")


def due(cutoffs: Cutoffs, category: str, stage: str = "any") -> ColumnElement[bool]:
    """The enquiry is due for de-identification in this category (and stage)."""
    return and_(
        in_stage(stage),
        in_category(category),
        quiet_since(cutoffs.window(category)),
        not_(mail_in_flight()),
    )


def candidates(
    cutoffs: Cutoffs, category: str, stage: str, limit: int, skip: Sequence[int] = ()
) -> Select[tuple[int]]:
    """The next batch of due enquiry ids, oldest first; ``skip``: ids already tried this run."""
    query = select(Enquiry.id).where(due(cutoffs, category, stage))
    if skip:
        query = query.where(Enquiry.id.not_in(list(skip)))
    return query.order_by(Enquiry.created_at, Enquiry.id).limit(limit)


def count_due(cutoffs: Cutoffs) -> dict[str, int]:
    """How many enquiries each category would de-identify now (stage by stage, so the never
    de-identified ones are counted from the partial index)."""
    return {
        category: sum(
            int(
                db.session.scalar(
                    select(func.count()).select_from(Enquiry).where(due(cutoffs, category, stage))
                )
                or 0
            )
            for stage in STAGES
        )
        for category in CATEGORIES
    }


def count_due_mail(cutoffs: Cutoffs) -> int:
    """Mail messages of the enquiries due now (none of them in flight, by definition)."""
    due_ids = union_all(
        *(
            select(Enquiry.id).where(due(cutoffs, category, stage))
            for category in CATEGORIES
            for stage in STAGES
        )
    )
    return int(
        db.session.scalar(
            select(func.count())
            .select_from(OutboxMessage)
            .where(OutboxMessage.enquiry_id.in_(select(due_ids.subquery().c.id)))
        )
        or 0
    )


# --- audit events and saved searches --------------------------------------------------------


def count_audit_due(cutoff: datetime) -> int:
    return int(
        db.session.scalar(
            select(func.count()).select_from(AuditEvent).where(AuditEvent.created_at < cutoff)
        )
        or 0
    )


def count_expired_searches(now: datetime) -> int:
    return int(
        db.session.scalar(
            select(func.count()).select_from(SavedSearch).where(SavedSearch.expires_at <= now)
        )
        or 0
    )
