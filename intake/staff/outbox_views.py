"""``/staff/outbox``: mail waiting or given up on, and a way to try a dead letter again.

Shows what staff need to act (kind, enquiry reference, attempts, next attempt, the last SMTP
error, which is stored with every address already stripped) and nothing more: never a subject
or a body (a confirmation's subject may name the patient's concern), and a recipient only when
it is one of the clinic's own configured addresses, never a patient's.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from flask import current_app, flash, redirect, render_template, url_for
from flask_login import current_user
from sqlalchemy import select, update
from werkzeug.wrappers.response import Response

from config import ConfigError
from intake import audit
from intake.database import utcnow
from intake.extensions import db
from intake.models import Enquiry
from intake.notify.models import OutboxMessage
from intake.notify.queue import notify_settings
from intake.notify.worker import due_now, outbox_status
from intake.security import no_store
from intake.staff import bp
from intake.staff.reports import clinic_time

LIST_LIMIT = 200  # per list; the banner and the counts above each list tell the totals
KIND_LABELS = {
    "clinic_notification": "Clinic notification",
    "patient_confirmation": "Patient confirmation",
}


@dataclass(frozen=True)
class OutboxRow:
    """One message as the page shows it: no subject, no body, no patient address."""

    id: int
    kind: str
    reference: str | None
    recipient: str  # a clinic address, or a neutral word for the patient's
    priority: int
    status: str
    attempts: int
    next_attempt: str
    last_attempt: str
    last_error: str | None
    queued: str


def clinic_addresses() -> frozenset[str]:
    """Every address the clinic configured (lower-case); anything else is a patient's."""
    try:
        settings = notify_settings(current_app.config)
    except ConfigError:
        return frozenset()
    addresses = [*settings.notify_to, *settings.urgent_to]
    for routed in settings.routes.values():
        addresses.extend(routed)
    return frozenset(address.lower() for address in addresses)


def shown_recipient(recipient: str, clinic: frozenset[str]) -> str:
    return recipient if recipient.lower() in clinic else "the patient (address not shown)"


def outbox_rows(statuses: tuple[str, ...], newest_first: bool) -> list[OutboxRow]:
    """Up to LIST_LIMIT messages in these states, with their enquiry's reference."""
    query = (
        select(
            OutboxMessage.id,
            OutboxMessage.kind,
            OutboxMessage.recipient,
            OutboxMessage.priority,
            OutboxMessage.status,
            OutboxMessage.attempts,
            OutboxMessage.next_attempt_at,
            OutboxMessage.last_attempt_at,
            OutboxMessage.last_error,
            OutboxMessage.created_at,
            Enquiry.reference,
        )
        .outerjoin(Enquiry, Enquiry.id == OutboxMessage.enquiry_id)
        .where(OutboxMessage.status.in_(statuses))
        .limit(LIST_LIMIT)
    )
    if newest_first:
        query = query.order_by(OutboxMessage.updated_at.desc(), OutboxMessage.id.desc())
    else:
        query = query.order_by(
            OutboxMessage.priority, OutboxMessage.next_attempt_at, OutboxMessage.id
        )
    clinic = clinic_addresses()
    rows = []
    for row in db.session.execute(query):
        rows.append(
            OutboxRow(
                id=row.id,
                kind=KIND_LABELS.get(row.kind, row.kind.replace("_", " ").capitalize()),
                reference=row.reference,
                recipient=shown_recipient(row.recipient, clinic),
                priority=row.priority,
                status=row.status,
                attempts=row.attempts,
                next_attempt=clinic_time(row.next_attempt_at) if row.status != "dead" else "-",
                last_attempt=clinic_time(row.last_attempt_at),
                last_error=row.last_error,
                queued=clinic_time(row.created_at),
            )
        )
    return rows


@bp.get("/outbox")
def outbox() -> str:
    """Pending and dead messages; viewing is audited like every staff view."""
    no_store()
    status = outbox_status()
    pending = outbox_rows(("pending", "sending"), newest_first=False)
    dead = outbox_rows(("dead",), newest_first=True)
    audit.record(
        "outbox.viewed",
        actor_id=current_user.id,
        details={"pending": status.pending, "dead": status.dead},
    )
    db.session.commit()
    return render_template(
        "staff/outbox.html",
        status=status,
        pending=pending,
        dead=dead,
        limit=LIST_LIMIT,
        threshold_minutes=max(1, int(current_app.config["OUTBOX_ALERT_SECONDS"]) // 60),
    )


def make_due(where: object, now: datetime) -> int:
    """Dead letters matching ``where`` back to pending with fresh attempts; no commit."""
    result = db.session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.status == "dead", where)  # type: ignore[arg-type]
        .values(status="pending", attempts=0, next_attempt_at=due_now(now), lease_until=None)
        .execution_options(synchronize_session=False)
    )
    return int(result.rowcount or 0)  # type: ignore[attr-defined]


@bp.post("/outbox/<int:message_id>/retry")
def outbox_retry(message_id: int) -> Response:
    """Try one dead letter again (fresh attempts); audited with the message id."""
    no_store()
    count = make_due(OutboxMessage.id == message_id, utcnow())
    if count:
        audit.record(
            "outbox.retried",
            actor_id=current_user.id,
            target_type="outbox_message",
            target_id=message_id,
            details={"count": count},
        )
        flash("The message will be tried again in a moment.", "info")
    else:
        flash("That message is no longer a dead letter: nothing to retry.", "info")
    db.session.commit()
    return redirect(url_for("staff.outbox"), code=303)


@bp.post("/outbox/retry-dead")
def outbox_retry_dead() -> Response:
    """Try every dead letter again (after fixing the relay, say); audited with the count."""
    no_store()
    count = make_due(OutboxMessage.id.isnot(None), utcnow())
    audit.record("outbox.retried", actor_id=current_user.id, details={"count": count})
    db.session.commit()
    flash(f"{count} message{'' if count == 1 else 's'} will be tried again in a moment.", "info")
    return redirect(url_for("staff.outbox"), code=303)
