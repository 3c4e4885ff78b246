"""What staff can do to an enquiry, as plain functions: the views only parse and commit.

Every action follows the same steps:

1. refuse a stale page (the form's revision is not the row's) with ``StaleEdit``;
2. check the request (an allowed move, a closing reason, an email address...) and raise
   ``ActionRefused`` with a message for the person, before anything is written;
3. claim the revision with a conditional UPDATE (``... WHERE revision = :seen``), so of two
   people acting on the same page at the same moment exactly one wins, and the other is told;
4. change the rows, add one timeline ``Event`` and one audit event, and leave the commit to
   the caller (one transaction: the change, its event, its audit row and any mail).

The first staff action on an enquiry sets ``first_response_at`` (the response clock stops).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import select, update

from intake import audit
from intake.auth.models import StaffUser
from intake.database import utcnow
from intake.extensions import db
from intake.models import STATUSES, URGENCY_RANK, Enquiry, EnquiryTag
from intake.notify.models import OutboxMessage
from intake.staff import mail
from intake.staff.models import Appointment, Event
from intake.triage.model import TAGS

STALE_MESSAGE = (
    "Someone changed this enquiry since you opened it, so your change was not saved. "
    "The page now shows the latest version: check it, then try again."
)

# The status workflow. Closing is allowed from every open status (duplicates and spam are
# closed straight from "new"); "reopen" is closed -> in_progress.
ALLOWED_MOVES: dict[str, tuple[str, ...]] = {
    "new": ("in_progress", "awaiting_patient", "closed"),
    "in_progress": ("awaiting_patient", "scheduled", "closed"),
    "awaiting_patient": ("in_progress", "scheduled", "closed"),
    "scheduled": ("in_progress", "closed"),
    "closed": ("in_progress",),
}
CLOSING_REASONS = ("resolved", "duplicate", "spam", "declined", "no_response")
CONTACT_METHODS = ("phone", "email", "voicemail")
CONTACT_OUTCOMES = (
    "reached",
    "no_answer",
    "left_voicemail",
    "email_sent",
    "wrong_number",
    "other",
)
NOTE_MAX = 4000
REASON_MAX = 1000
DECLINE_REASON_MAX = 500  # appointment.decline_reason is VARCHAR(500)
DEIDENTIFIED = (
    "This enquiry was de-identified under the clinic's retention policy: it can no longer be "
    "changed."
)
AUDIT_TARGET = "enquiry"

assert set(ALLOWED_MOVES) == set(STATUSES)


class ActionRefused(Exception):
    """The action cannot be done as asked; ``message`` is for the person who asked."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class StaleEdit(ActionRefused):
    """The page was drawn from an older revision of the enquiry: nothing was written."""

    def __init__(self, message: str = STALE_MESSAGE) -> None:
        super().__init__(message)


def moves_from(status: str) -> tuple[str, ...]:
    return ALLOWED_MOVES.get(status, ())


# --- the common steps -----------------------------------------------------------------------


def check_fresh(enquiry: Enquiry, seen_revision: int) -> None:
    """Every action starts here: a de-identified enquiry takes no more changes (a note or a
    reply would bring back what the purge removed), a stale page none either."""
    if enquiry.deidentified_at is not None:
        raise ActionRefused(DEIDENTIFIED)
    if enquiry.revision != seen_revision:
        raise StaleEdit()


def claim(enquiry: Enquiry, seen_revision: int, now: datetime) -> None:
    """Bump the revision only if nobody else has since (the race-proof half of the check)."""
    check_fresh(enquiry, seen_revision)
    result = db.session.execute(
        update(Enquiry)
        .where(Enquiry.id == enquiry.id, Enquiry.revision == seen_revision)
        .values(revision=seen_revision + 1, updated_at=now)
        .execution_options(synchronize_session=False)
    )
    if getattr(result, "rowcount", 0) != 1:
        raise StaleEdit()
    # Keep the loaded object in step without a second UPDATE.
    from sqlalchemy.orm.attributes import set_committed_value

    set_committed_value(enquiry, "revision", seen_revision + 1)
    set_committed_value(enquiry, "updated_at", now)
    if enquiry.first_response_at is None:
        enquiry.first_response_at = now


def record(
    enquiry: Enquiry,
    actor_id: int,
    kind: str,
    details: dict[str, Any],
    now: datetime,
    audit_details: dict[str, Any] | None = None,
    audit_action: str | None = None,
) -> Event:
    """The timeline event and the audit event of one change."""
    event = Event(
        enquiry_id=enquiry.id, kind=kind, actor_id=actor_id, created_at=now, details=details
    )
    db.session.add(event)
    audit.record(
        audit_action or f"enquiry.{kind}",
        actor_id=actor_id,
        target_type=AUDIT_TARGET,
        target_id=enquiry.reference,
        details=audit_details or {},
    )
    return event


# --- actions --------------------------------------------------------------------------------


def assign(
    enquiry: Enquiry,
    actor_id: int,
    seen_revision: int,
    assignee_id: int | None,
    now: datetime | None = None,
) -> Event:
    """Give the enquiry to an active member of staff, or to nobody."""
    check_fresh(enquiry, seen_revision)
    if assignee_id is not None:
        user = db.session.get(StaffUser, assignee_id)
        if user is None or not user.active:
            raise ActionRefused("Choose an active member of staff.")
    if assignee_id == enquiry.assignee_id:
        raise ActionRefused("It is already assigned that way.")
    now = now or utcnow()
    claim(enquiry, seen_revision, now)
    before = enquiry.assignee_id
    enquiry.assignee_id = assignee_id
    return record(
        enquiry,
        actor_id,
        "assignment",
        {"from": before, "to": assignee_id},
        now,
        {"from": before, "to": assignee_id},
    )


def change_status(
    enquiry: Enquiry,
    actor_id: int,
    seen_revision: int,
    new_status: str,
    closing_reason: str | None = None,
    now: datetime | None = None,
) -> Event:
    """Move through the allowed-moves table; closing needs a reason and sets closed_at."""
    check_fresh(enquiry, seen_revision)
    old = enquiry.status
    if new_status not in moves_from(old):
        raise ActionRefused(
            f"An enquiry that is {old.replace('_', ' ')} cannot move to "
            f"{new_status.replace('_', ' ')}."
        )
    if new_status == "closed" and closing_reason not in CLOSING_REASONS:
        raise ActionRefused("Choose a reason for closing.")
    now = now or utcnow()
    claim(enquiry, seen_revision, now)
    enquiry.status = new_status
    details: dict[str, Any] = {"from": old, "to": new_status}
    if new_status == "closed":
        enquiry.closing_reason = closing_reason
        enquiry.closed_at = now
        details["reason"] = closing_reason
    elif old == "closed":  # reopened
        enquiry.closing_reason = None
        enquiry.closed_at = None
    return record(enquiry, actor_id, "status", details, now, dict(details))


def effective_tags(enquiry: Enquiry) -> list[str]:
    return enquiry.tag_names


def correct_tags(
    enquiry: Enquiry,
    actor_id: int,
    seen_revision: int,
    wanted: Sequence[str],
    now: datetime | None = None,
) -> Event:
    """Staff corrections beside the rule result: added tags and removed ones as staff rows."""
    check_fresh(enquiry, seen_revision)
    wanted_set = {tag for tag in wanted if tag in TAGS}
    if len(wanted_set) != len(set(wanted)):
        raise ActionRefused("Unknown concern.")
    current = set(effective_tags(enquiry))
    added = sorted(wanted_set - current, key=TAGS.index)
    removed = sorted(current - wanted_set, key=TAGS.index)
    if not added and not removed:
        raise ActionRefused("The concerns are already as chosen.")
    now = now or utcnow()
    claim(enquiry, seen_revision, now)
    rows = {(row.tag, row.source): row for row in enquiry.tags}
    for tag in added:
        staff_row = rows.get((tag, "staff"))
        if staff_row is not None and staff_row.removed:
            enquiry.tags.remove(staff_row)  # undo an earlier removal of a patient/rule tag
        else:
            enquiry.tags.append(
                EnquiryTag(
                    tag=tag,
                    source="staff",
                    vocabulary_version=enquiry.triage_version,
                    created_by=actor_id,
                    created_at=now,
                    removed=False,
                )
            )
    for tag in removed:
        staff_row = rows.get((tag, "staff"))
        if staff_row is not None:
            enquiry.tags.remove(staff_row)  # a staff addition taken back
        others = [row for (t, source), row in rows.items() if t == tag and source != "staff"]
        if others:
            rule_row = next((row for row in others if row.source == "rules"), others[0])
            db.session.flush()  # the removed staff row goes before its replacement arrives
            enquiry.tags.append(
                EnquiryTag(
                    tag=tag,
                    source="staff",
                    removed=True,
                    rule_id=rule_row.rule_id,
                    vocabulary_version=rule_row.vocabulary_version or enquiry.triage_version,
                    created_by=actor_id,
                    created_at=now,
                )
            )
    details = {"added": added, "removed": removed}
    return record(
        enquiry,
        actor_id,
        "tags",
        details,
        now,
        {"added": ",".join(added), "removed": ",".join(removed)},
    )


def correct_urgency(
    enquiry: Enquiry,
    actor_id: int,
    seen_revision: int,
    urgency: str,
    now: datetime | None = None,
) -> Event:
    """A staff urgency beside the rules' (kept in rules_urgency); the inbox rank follows."""
    check_fresh(enquiry, seen_revision)
    if urgency not in URGENCY_RANK:
        raise ActionRefused("Choose emergency, priority or routine.")
    if urgency == enquiry.urgency:
        raise ActionRefused("The urgency is already that.")
    now = now or utcnow()
    claim(enquiry, seen_revision, now)
    before = enquiry.urgency
    if enquiry.rules_urgency is None:
        enquiry.rules_urgency = before
    enquiry.urgency = urgency
    enquiry.urgency_rank = URGENCY_RANK[urgency]
    details = {"from": before, "to": urgency, "rules": enquiry.rules_urgency}
    return record(enquiry, actor_id, "urgency", details, now, dict(details))


def add_note(
    enquiry: Enquiry, actor_id: int, seen_revision: int, text: str, now: datetime | None = None
) -> Event:
    """An internal note (staff only): its text is in the timeline, never in the audit trail."""
    check_fresh(enquiry, seen_revision)
    text = (text or "").strip()
    if not text:
        raise ActionRefused("Write the note first.")
    if len(text) > NOTE_MAX:
        raise ActionRefused(f"A note can be at most {NOTE_MAX} characters.")
    now = now or utcnow()
    claim(enquiry, seen_revision, now)
    return record(enquiry, actor_id, "note", {"text": text}, now, {"length": len(text)})


def log_contact(
    enquiry: Enquiry,
    actor_id: int,
    seen_revision: int,
    method: str,
    outcome: str,
    note: str | None = None,
    now: datetime | None = None,
) -> Event:
    """A call, email or voicemail and how it went; flags a voicemail the patient did not allow."""
    check_fresh(enquiry, seen_revision)
    if method not in CONTACT_METHODS or outcome not in CONTACT_OUTCOMES:
        raise ActionRefused("Choose how you made contact and how it went.")
    note = (note or "").strip()
    if len(note) > REASON_MAX:
        raise ActionRefused(f"The note can be at most {REASON_MAX} characters.")
    voicemail = method == "voicemail" or outcome == "left_voicemail"
    against = voicemail and not enquiry.voicemail_ok
    now = now or utcnow()
    claim(enquiry, seen_revision, now)
    details: dict[str, Any] = {"method": method, "outcome": outcome}
    if note:
        details["note"] = note
    if against:
        details["against_preferences"] = True
    return record(
        enquiry,
        actor_id,
        "contact",
        details,
        now,
        {"method": method, "outcome": outcome, "against_preferences": against},
    )


def send_reply(
    enquiry: Enquiry,
    actor_id: int,
    seen_revision: int,
    template: str,
    now: datetime | None = None,
) -> Event:
    """Queue a templated reply (no clinical details) to the patient's validated address."""
    check_fresh(enquiry, seen_revision)
    if template not in mail.REPLY_TEMPLATES:
        raise ActionRefused("Choose one of the reply templates.")
    if mail.reply_address(enquiry) is None:
        raise ActionRefused(
            "No reply sent: this enquiry has no usable email address. Call the patient instead."
        )
    now = now or utcnow()
    claim(enquiry, seen_revision, now)
    try:
        message = mail.queue_staff_reply(enquiry, template)
    except mail.MailRefused as exc:
        raise ActionRefused(str(exc)) from exc
    db.session.flush()
    details = {"template": template, "outbox_id": message.id}
    return record(enquiry, actor_id, "reply", details, now, dict(details))


def set_spam(
    enquiry: Enquiry, actor_id: int, seen_revision: int, spam: bool, now: datetime | None = None
) -> Event:
    """Mark as suspected spam (hidden from the inbox by default) or take the mark away."""
    check_fresh(enquiry, seen_revision)
    if bool(enquiry.is_spam) == spam:
        raise ActionRefused("It is already marked that way.")
    now = now or utcnow()
    claim(enquiry, seen_revision, now)
    before = enquiry.spam_reason
    enquiry.is_spam = spam
    enquiry.spam_reason = "staff" if spam else None
    details = {"spam": spam, "earlier_reason": before}
    return record(enquiry, actor_id, "spam", details, now, dict(details))


def locations(config_value: str) -> list[str]:
    """APPOINTMENT_LOCATIONS: comma-separated, trimmed, in order, without repeats."""
    return list(dict.fromkeys(part.strip() for part in config_value.split(",") if part.strip()))


def book_appointment(
    enquiry: Enquiry,
    actor_id: int,
    seen_revision: int,
    *,
    starts_at: datetime,
    duration_minutes: int,
    location: str,
    allowed_locations: Sequence[str],
    clinician: str,
    send_confirmation: bool,
    now: datetime | None = None,
) -> tuple[Appointment, OutboxMessage | None]:
    """Record a booking made in the clinic's scheduling system; queue one confirmation.

    Returns the appointment and the confirmation (None: not asked for, or no usable address).
    """
    check_fresh(enquiry, seen_revision)
    if enquiry.kind != "appointment":
        raise ActionRefused("Only an appointment request can have an appointment recorded.")
    if enquiry.status == "closed":
        raise ActionRefused("This enquiry is closed: reopen it before recording an appointment.")
    if location not in allowed_locations:
        raise ActionRefused("Choose one of the clinic's locations.")
    clinician = clinician.strip()
    if not clinician or len(clinician) > 200:
        raise ActionRefused("Give the clinician's name (at most 200 characters).")
    if starts_at.tzinfo is None:
        raise ValueError("starts_at must be timezone-aware")
    now = now or utcnow()
    if starts_at < now:
        raise ActionRefused("The appointment time is in the past.")
    if not 5 <= duration_minutes <= 480:
        raise ActionRefused("Choose the appointment's length.")
    claim(enquiry, seen_revision, now)
    earlier = db.session.scalars(
        select(Appointment.id).where(
            Appointment.enquiry_id == enquiry.id, Appointment.status == "booked"
        )
    ).all()
    appointment = Appointment(
        enquiry_id=enquiry.id,
        status="booked",
        starts_at=starts_at,
        duration_minutes=duration_minutes,
        location=location,
        clinician=clinician,
        ics_uid=mail.appointment_uid(enquiry),
        ics_sequence=len(earlier),
        created_by=actor_id,
        created_at=now,
    )
    db.session.add(appointment)
    db.session.flush()
    message = None
    if send_confirmation:
        message = mail.queue_appointment_confirmation(enquiry, appointment)
    if message is not None:
        db.session.flush()
    # Booking is itself the move to "scheduled", from any open status.
    old_status = enquiry.status
    enquiry.status = "scheduled"
    details: dict[str, Any] = {
        "appointment_id": appointment.id,
        "booked": True,
        "confirmation_outbox_id": message.id if message is not None else None,
    }
    if enquiry.status != old_status:
        details["status_from"] = old_status
        details["status_to"] = enquiry.status
    record(enquiry, actor_id, "appointment", details, now, dict(details), "enquiry.appointment")
    return appointment, message


def decline_appointment(
    enquiry: Enquiry, actor_id: int, seen_revision: int, reason: str, now: datetime | None = None
) -> Appointment:
    """Record that the request was declined, and why (staff only; nothing is sent)."""
    check_fresh(enquiry, seen_revision)
    if enquiry.kind != "appointment":
        raise ActionRefused("Only an appointment request can be declined.")
    reason = (reason or "").strip()
    if not reason:
        raise ActionRefused("Give the reason for declining.")
    if len(reason) > DECLINE_REASON_MAX:
        raise ActionRefused(f"The reason can be at most {DECLINE_REASON_MAX} characters.")
    now = now or utcnow()
    claim(enquiry, seen_revision, now)
    appointment = Appointment(
        enquiry_id=enquiry.id,
        status="declined",
        decline_reason=reason,
        created_by=actor_id,
        created_at=now,
    )
    db.session.add(appointment)
    db.session.flush()
    record(
        enquiry,
        actor_id,
        "appointment",
        {"appointment_id": appointment.id, "booked": False, "reason": reason},
        now,
        {"appointment_id": appointment.id, "booked": False},
        "enquiry.appointment_declined",
    )
    return appointment
