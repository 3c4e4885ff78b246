"""Helpers shared by the staff periphery tests (audit log, export, reports, outbox, demo seed).

Kept in a test_ module beside the tests it serves; it has no tests of its own.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import func, select

from intake.auth.models import AuditEvent
from intake.enquiry.service import new_reference
from intake.extensions import db
from intake.models import URGENCY_RANK, Enquiry, EnquiryTag
from intake.notify.models import OutboxMessage
from tests.test_auth_support import make_user, sign_in

ADMIN_EMAIL = "admin@clinic.example"
STAFF_EMAIL = "nurse@clinic.example"


def signed_in(app: Flask, role: str = "admin") -> tuple[FlaskClient, int]:
    """A client signed in as a new admin (or staff) account, and the account's id."""
    email = ADMIN_EMAIL if role == "admin" else STAFF_EMAIL
    name = "Ada Admin" if role == "admin" else "Nora Nurse"
    user_id, _ = make_user(app, email, role=role, name=name)
    client = app.test_client()
    response = sign_in(client, email)
    assert response.status_code in (302, 303), response.status_code
    return client, user_id


def add_enquiry(app: Flask, *, tags: tuple[str, ...] = ("recurrence",), **fields: Any) -> int:
    """Store an enquiry directly (no form, no mail); returns its id."""
    urgency = fields.pop("urgency", "routine")
    values: dict[str, Any] = {
        "reference": new_reference(),
        "kind": "question",
        "status": "new",
        "urgency": urgency,
        "urgency_rank": URGENCY_RANK[urgency],
        "writer_name": "Test Writer",
        "relationship": "patient",
        "email": "writer@example.com",
        "message": "A question for the clinic.",
        "consent_at": datetime.now(UTC),
        "privacy_version": "test",
        "submission_key": uuid.uuid4().hex,
        "triage_version": "2026.11.1",
    }
    values.update(fields)
    with app.app_context():
        enquiry = Enquiry(**values)
        enquiry.tags = [
            EnquiryTag(tag=tag, source="rules", rule_id=f"tag.{tag}.test", vocabulary_version="v1")
            for tag in tags
        ]
        db.session.add(enquiry)
        db.session.commit()
        return int(enquiry.id)


def add_message(
    app: Flask, *, status: str = "pending", age: timedelta = timedelta(0), **fields: Any
) -> int:
    """An outbox message in a given state, due ``age`` ago."""
    when = datetime.now(UTC) - age
    values: dict[str, Any] = {
        "kind": "clinic_notification",
        "recipient": "clinic@localhost",
        "subject": "New question",
        "body_text": "BODY-SECRET-TEXT",
        "message_id": f"<{uuid.uuid4().hex}@localhost>",
        "status": status,
        "not_before": when,
        "next_attempt_at": when,
        "created_at": when,
    }
    values.update(fields)
    with app.app_context():
        message = OutboxMessage(**values)
        db.session.add(message)
        db.session.commit()
        return int(message.id)


def audit_count(app: Flask, action: str) -> int:
    with app.app_context():
        return int(
            db.session.scalar(
                select(func.count()).select_from(AuditEvent).where(AuditEvent.action == action)
            )
            or 0
        )


def last_audit(app: Flask, action: str) -> AuditEvent:
    with app.app_context():
        event = db.session.scalar(
            select(AuditEvent).where(AuditEvent.action == action).order_by(AuditEvent.id.desc())
        )
        assert event is not None, f"no {action} audit row"
        db.session.expunge(event)
        return event
