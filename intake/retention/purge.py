"""De-identify what is due and delete old audit events, in batches (``flask retention purge``).

Each batch of enquiries is one transaction: the enquiry rows, their concern tags' reasons, their
timeline, their appointments and their mail are de-identified together, or (a crash, a lost
database) not at all. A rerun picks up where a stopped run ended, because a de-identified
enquiry carries ``deidentified_at`` and is no longer a candidate. Each batch checks the rules
again as it writes (``policy.due`` in the UPDATE itself), so an enquiry a colleague touched
after the candidates were listed is left alone, and the purge bumps the revision, so a page
drawn before it can no longer change the enquiry (intake.staff.actions refuses stale pages).

What is kept: the reference, kind, status and closing reason, urgency (and the rules' urgency),
red-flag names, concern tags with their rule ids, relationship and the other choices made on the
form, article section, consent time and privacy version, spam flag, assignee, every time, the
timeline's facts (status moves, assignments, tag and urgency corrections, contact methods and
outcomes, reply templates, appointment ids) and the mail's kind, status and times. What goes:
names, email, phone, date of birth, referring physician, the message, the matched phrases (and
their offsets) in the triage reasons, staff notes and contact notes, decline reasons, the
clinician and location of appointments, mail subjects, bodies, attachments and patients'
addresses. Nothing here logs or prints anything but counts.
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import and_, bindparam, case, delete, func, or_, select, update

from intake import audit
from intake.auth.models import AuditEvent
from intake.database import UTCDateTime
from intake.extensions import db
from intake.models import Enquiry, EnquiryTag
from intake.notify.models import OutboxAttachment, OutboxMessage
from intake.retention import policy
from intake.retention.policy import CATEGORIES, IN_FLIGHT, STAGES, Cutoffs
from intake.staff.models import Appointment, Event
from intake.staff.queries import purge_expired_searches

log = logging.getLogger("intake.retention")

DEFAULT_BATCH = 500
AUDIT_ACTION = "retention.purge"
CLINIC_KIND = "clinic_notification"  # addressed to the clinic, never to a patient

# The triage reasons keep which rule fired for which label; the phrase and its place go.
REASON_FACTS = ("label", "rule")
# The timeline keeps these facts of each kind of event; anything else (a note's text, a contact
# note, a decline reason, keys added later) goes. Kept values must look like facts, too.
EVENT_FACTS: dict[str, frozenset[str]] = {
    "status": frozenset({"from", "to", "reason"}),
    "assignment": frozenset({"from", "to"}),
    "tags": frozenset({"added", "removed"}),
    "urgency": frozenset({"from", "to", "rules"}),
    "contact": frozenset({"method", "outcome", "against_preferences"}),
    "reply": frozenset({"template", "outbox_id"}),
    "appointment": frozenset(
        {"appointment_id", "booked", "confirmation_outbox_id", "status_from", "status_to"}
    ),
    "spam": frozenset({"spam", "earlier_reason"}),
    "note": frozenset(),
}
FACT_RE = re.compile(r"[A-Za-z0-9_.:-]{1,64}")

Progress = Callable[[int], None]


@dataclass
class PurgeReport:
    """Counts only: what a run did (or, for a dry run, would do)."""

    cutoffs: Cutoffs
    dry_run: bool = False
    enquiries: dict[str, int] = field(default_factory=lambda: dict.fromkeys(CATEGORIES, 0))
    mail_messages: int = 0
    mail_attachments: int = 0
    saved_searches: int = 0
    audit_events: int = 0
    batches: int = 0
    seconds: float = 0.0
    outcome: str = "running"

    @property
    def total_enquiries(self) -> int:
        return sum(self.enquiries.values())

    @property
    def work(self) -> int:
        """The progress bar's length: enquiries and audit events."""
        return self.total_enquiries + self.audit_events

    def audit_details(self) -> dict[str, Any]:
        return {
            "outcome": self.outcome,
            **{f"enquiries_{category}": count for category, count in self.enquiries.items()},
            "mail_messages": self.mail_messages,
            "mail_attachments": self.mail_attachments,
            "saved_searches": self.saved_searches,
            "audit_events": self.audit_events,
            "batches": self.batches,
            "retention_days": self.cutoffs.retention_days,
            "audit_retention_days": self.cutoffs.audit_days,
        }


# --- what is kept of JSON facts -------------------------------------------------------------


def is_fact(value: Any) -> bool:
    """A value that cannot carry free text: a flag, a number, a short identifier, or a list."""
    if value is None or isinstance(value, bool | int):
        return True
    if isinstance(value, str):
        return FACT_RE.fullmatch(value) is not None
    if isinstance(value, list):
        return all(is_fact(item) and not isinstance(item, list) for item in value)
    return False


def stripped_reasons(reasons: Any) -> list[dict[str, Any]]:
    """Triage reasons without the matched phrase and its offsets."""
    kept: list[dict[str, Any]] = []
    for reason in reasons if isinstance(reasons, list) else []:
        if isinstance(reason, dict):
            kept.append({k: reason[k] for k in REASON_FACTS if k in reason and is_fact(reason[k])})
    return kept


def stripped_details(kind: str, details: Any) -> dict[str, Any]:
    """A timeline event's details reduced to the facts its kind may keep."""
    allowed = EVENT_FACTS.get(kind, frozenset())
    if not isinstance(details, dict):
        return {}
    return {k: v for k, v in details.items() if k in allowed and is_fact(v)}


# --- one batch ------------------------------------------------------------------------------


def deidentify_enquiries(
    ids: Sequence[int], cutoffs: Cutoffs, category: str, stage: str
) -> list[tuple[int, Any]]:
    """Blank the enquiry rows that are still due; their ids and (old) urgency reasons."""
    session = db.session
    if session.get_bind().dialect.name == "postgresql":
        # Lock their mail first, so no message turns pending (a retry) between the check
        # below and the scrub. SQLite has one writer at a time: the UPDATE takes it.
        session.execute(
            select(OutboxMessage.id).where(OutboxMessage.enquiry_id.in_(ids)).with_for_update()
        )
    rows = session.execute(
        update(Enquiry)
        .where(Enquiry.id.in_(ids), policy.due(cutoffs, category, stage))
        .values(
            writer_name="",
            email=None,
            phone=None,
            patient_name=None,
            patient_dob=None,
            message="",
            referring_physician=None,
            deidentified_at=cutoffs.now,
            revision=Enquiry.revision + 1,
            # Left as it was: updated_at is the last staff change (policy.quiet_since).
            updated_at=Enquiry.updated_at,
        )
        .returning(Enquiry.id, Enquiry.urgency_reasons)
        .execution_options(synchronize_session=False)
    ).all()
    return [(int(row[0]), row[1]) for row in rows]


def scrub_urgency_reasons(rows: Iterable[tuple[int, Any]]) -> None:
    table = Enquiry.__table__
    changes = [
        {"row_id": enquiry_id, "reasons": stripped_reasons(reasons)}
        for enquiry_id, reasons in rows
        if stripped_reasons(reasons) != reasons
    ]
    if changes:
        db.session.execute(
            update(table)
            .where(table.c.id == bindparam("row_id"))
            .values(urgency_reasons=bindparam("reasons"), updated_at=table.c.updated_at),
            changes,
        )


def scrub_tags(ids: Sequence[int]) -> None:
    table = EnquiryTag.__table__
    changes = [
        {"row_id": row.id, "reasons": stripped_reasons(row.reasons)}
        for row in db.session.execute(
            select(table.c.id, table.c.reasons).where(table.c.enquiry_id.in_(ids))
        )
        if stripped_reasons(row.reasons) != row.reasons
    ]
    if changes:
        db.session.execute(
            update(table)
            .where(table.c.id == bindparam("row_id"))
            .values(reasons=bindparam("reasons")),
            changes,
        )


def scrub_events(ids: Sequence[int]) -> None:
    table = Event.__table__
    changes = [
        {"row_id": row.id, "details": stripped_details(row.kind, row.details)}
        for row in db.session.execute(
            select(table.c.id, table.c.kind, table.c.details).where(table.c.enquiry_id.in_(ids))
        )
        if stripped_details(row.kind, row.details) != row.details
    ]
    if changes:
        db.session.execute(
            update(table)
            .where(table.c.id == bindparam("row_id"))
            .values(details=bindparam("details")),
            changes,
        )


def scrub_appointments(ids: Sequence[int]) -> None:
    db.session.execute(
        update(Appointment)
        .where(
            Appointment.enquiry_id.in_(ids),
            or_(
                Appointment.clinician.is_not(None),
                Appointment.location.is_not(None),
                Appointment.decline_reason.is_not(None),
            ),
        )
        .values(clinician=None, location=None, decline_reason=None)
        .execution_options(synchronize_session=False)
    )


def scrub_mail(ids: Sequence[int]) -> tuple[int, int]:
    """Blank the mail of these enquiries (never a message in flight); (messages, attachments).

    A dead letter becomes ``cancelled`` (its times kept): with no address and no body left, a
    retry could only fail or send an empty mail. The last error of mail to the patient goes
    too: an SMTP server's answer can quote the patient's address, in forms the sender's
    stripping (intake.notify.sender) may miss, and rows stored before it.
    """
    settled = and_(OutboxMessage.enquiry_id.in_(ids), OutboxMessage.status.not_in(IN_FLIGHT))
    attachments = db.session.execute(
        delete(OutboxAttachment)
        .where(OutboxAttachment.outbox_message_id.in_(select(OutboxMessage.id).where(settled)))
        .execution_options(synchronize_session=False)
    )
    messages = db.session.execute(
        update(OutboxMessage)
        .where(
            settled,
            or_(
                OutboxMessage.body_text != "",
                OutboxMessage.body_html.is_not(None),
                OutboxMessage.subject != "",
                OutboxMessage.status == "dead",
                and_(OutboxMessage.kind != CLINIC_KIND, OutboxMessage.recipient != ""),
                and_(OutboxMessage.kind != CLINIC_KIND, OutboxMessage.last_error.is_not(None)),
            ),
        )
        .values(
            subject="",
            body_text="",
            body_html=None,
            recipient=case((OutboxMessage.kind == CLINIC_KIND, OutboxMessage.recipient), else_=""),
            last_error=case(
                (OutboxMessage.kind == CLINIC_KIND, OutboxMessage.last_error), else_=None
            ),
            status=case((OutboxMessage.status == "dead", "cancelled"), else_=OutboxMessage.status),
        )
        .execution_options(synchronize_session=False)
    )
    return int(getattr(messages, "rowcount", 0) or 0), int(getattr(attachments, "rowcount", 0) or 0)


def deidentify_batch(
    ids: Sequence[int], cutoffs: Cutoffs, category: str, stage: str, report: PurgeReport
) -> set[int]:
    """One transaction: the enquiries still due among ``ids``, and what hangs off them."""
    try:
        rows = deidentify_enquiries(ids, cutoffs, category, stage)
        done = [enquiry_id for enquiry_id, _ in rows]
        if done:
            scrub_urgency_reasons(rows)
            scrub_tags(done)
            scrub_events(done)
            scrub_appointments(done)
            messages, attachments = scrub_mail(done)
        else:
            messages = attachments = 0
        db.session.commit()
    except BaseException:
        db.session.rollback()
        raise
    report.enquiries[category] += len(done)
    report.mail_messages += messages
    report.mail_attachments += attachments
    report.batches += 1
    return set(done)


# --- audit events ---------------------------------------------------------------------------


def database_now() -> datetime:
    """The database's clock: the audit trigger measures a row's age by it, not by ours."""
    moment = db.session.scalar(select(func.current_timestamp(type_=UTCDateTime())))
    if not isinstance(moment, datetime):
        raise RuntimeError("the database did not tell its time")
    return moment


def audit_cutoff(cutoffs: Cutoffs) -> datetime:
    """Older than AUDIT_RETENTION_DAYS by both clocks: the earlier of ours and the database's.

    A clock of ours that runs ahead can then never ask the trigger (which allows only rows past
    its six-year floor by the database's clock) to delete a younger row.
    """
    return min(cutoffs.now, database_now()) - timedelta(days=cutoffs.audit_days)


def delete_old_audit_events(
    cutoffs: Cutoffs, batch_size: int, report: PurgeReport, progress: Progress | None
) -> None:
    """Delete audit events older than AUDIT_RETENTION_DAYS (``audit_cutoff``), a batch at a time."""
    table = AuditEvent.__table__
    while True:
        cutoff = audit_cutoff(cutoffs)
        ids = list(
            db.session.scalars(
                select(table.c.id)
                .where(table.c.created_at < cutoff)
                .order_by(table.c.id)
                .limit(batch_size)
            )
        )
        if not ids:
            db.session.commit()
            return
        try:
            result = db.session.execute(
                delete(table).where(table.c.id.in_(ids), table.c.created_at < cutoff)
            )
            db.session.commit()
        except BaseException:
            db.session.rollback()
            raise
        report.audit_events += int(getattr(result, "rowcount", 0) or 0)
        report.batches += 1
        if progress is not None:
            progress(len(ids))


# --- the run --------------------------------------------------------------------------------


def plan(cutoffs: Cutoffs) -> PurgeReport:
    """What a run would do now (the dry run): counts, and nothing changed."""
    report = PurgeReport(cutoffs=cutoffs, dry_run=True, outcome="dry_run")
    report.enquiries = policy.count_due(cutoffs)
    report.mail_messages = policy.count_due_mail(cutoffs)
    report.saved_searches = policy.count_expired_searches(cutoffs.now)
    report.audit_events = policy.count_audit_due(audit_cutoff(cutoffs))
    db.session.rollback()
    return report


def purge(
    cutoffs: Cutoffs,
    *,
    batch_size: int = DEFAULT_BATCH,
    progress: Progress | None = None,
) -> PurgeReport:
    """De-identify every enquiry due, delete expired searches and old audit events; audited.

    Writes one ``retention.purge`` audit event with the counts, whether the run completes or
    stops on an error (then with ``outcome: failed``, and the error is raised again: the
    batches committed before it stay done, the rest is untouched, and a rerun continues).
    """
    started = time.perf_counter()
    report = PurgeReport(cutoffs=cutoffs)
    db.session.rollback()  # end any read transaction: each batch is its own
    try:
        for category in CATEGORIES:
            for stage in STAGES:
                tried: list[int] = []
                while True:
                    ids = list(
                        db.session.scalars(
                            policy.candidates(cutoffs, category, stage, batch_size, tried)
                        )
                    )
                    if not ids:
                        break
                    done = deidentify_batch(ids, cutoffs, category, stage, report)
                    # Changed since it was listed (or mail started): leave it for another run.
                    tried.extend(i for i in ids if i not in done)
                    if progress is not None:
                        progress(len(ids))
        report.saved_searches = purge_expired_searches(cutoffs.now)
        db.session.commit()
        delete_old_audit_events(cutoffs, batch_size, report, progress)
        report.outcome = "complete"
    except BaseException as exc:
        db.session.rollback()
        report.outcome = "failed"
        log.error(
            "retention purge stopped by %s after %d batches (%s)",
            type(exc).__name__,
            report.batches,
            summary(report),
        )
        record_run(report, started)
        raise
    record_run(report, started)
    log.info("retention purge complete: %s", summary(report))
    return report


def record_run(report: PurgeReport, started: float) -> None:
    """The run's one audit event (counts only), in its own transaction."""
    report.seconds = time.perf_counter() - started
    try:
        audit.record(AUDIT_ACTION, target_type="retention", details=report.audit_details())
        db.session.commit()
    except Exception as exc:  # noqa: BLE001 - the database may be what stopped the run
        db.session.rollback()
        log.error("retention purge: its audit event could not be written (%s)", type(exc).__name__)


def summary(report: PurgeReport) -> str:
    """One line of counts for logs: never a name, a reference or any text."""
    per = ", ".join(f"{category} {count}" for category, count in report.enquiries.items())
    return (
        f"enquiries {report.total_enquiries} ({per}), mail {report.mail_messages}, "
        f"attachments {report.mail_attachments}, saved searches {report.saved_searches}, "
        f"audit events {report.audit_events}, batches {report.batches}"
    )
