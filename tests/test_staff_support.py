"""Helpers shared by the dashboard tests (enquiries, signed-in clients, audit rows).

Kept in a test_ module beside the tests it serves, like tests/test_auth_support.py; it has no
tests of its own.
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
from intake.staff.models import Event
from tests.test_auth_support import make_user, sign_in

NOW = datetime(2026, 3, 2, 18, 0, tzinfo=UTC)  # Monday 09:00 in Anchorage


def reason(message: str, label: str, phrase: str, rule: str | None = None) -> dict[str, Any]:
    """A triage reason for ``phrase`` as it sits in ``message`` (as the rules store them)."""
    start = message.index(phrase)
    return {
        "label": label,
        "rule": rule or f"test.{label}",
        "phrase": phrase,
        "start": start,
        "end": start + len(phrase),
    }


def add_enquiry(app: Flask, **overrides: Any) -> str:
    """Store an enquiry directly; returns its reference.

    ``rule_tags={"recurrence": "came back"}`` adds rule tags with the phrase as their reason;
    ``ticked=[...]`` adds the patient's ticks; ``urgency_phrases={"emergency": "chest pain"}``
    sets the urgency reasons (independent of the triage vocabulary, which evolves).
    """
    message = overrides.pop("message", "What are the chances that my cancer comes back?")
    ticked = overrides.pop("ticked", [])
    rule_tags: dict[str, str] = overrides.pop("rule_tags", {})
    urgency_phrases: dict[str, str] = overrides.pop("urgency_phrases", {})
    urgency = overrides.pop(
        "urgency", next(iter(urgency_phrases), "routine") if urgency_phrases else "routine"
    )
    with app.app_context():
        data: dict[str, Any] = {
            "reference": new_reference(),
            "kind": "question",
            "status": "new",
            "urgency": urgency,
            "urgency_rank": URGENCY_RANK[urgency],
            "triage_version": "test-1",
            "urgency_reasons": [reason(message, lab, p) for lab, p in urgency_phrases.items()],
            "red_flags": [],
            "writer_name": "Wanda Writer",
            "relationship": "patient",
            "email": "wanda@example.com",
            "phone": "+19075550123",
            "preferred_contact": "email",
            "message": message,
            "consent_at": NOW,
            "privacy_version": "2026-01",
            "submission_key": uuid.uuid4().hex,
            "created_at": NOW,
        }
        data.update(overrides)
        enquiry = Enquiry(**data)
        rows = [EnquiryTag(tag=tag, source="patient") for tag in ticked]
        for tag, phrase in rule_tags.items():
            rows.append(
                EnquiryTag(
                    tag=tag,
                    source="rules",
                    rule_id=f"tag.{tag}.test",
                    vocabulary_version="test-1",
                    reasons=[reason(message, tag, phrase, f"tag.{tag}.test")],
                )
            )
        enquiry.tags = rows
        db.session.add(enquiry)
        db.session.commit()
        return enquiry.reference


def staff_client(
    app: Flask, email: str = "nurse@clinic.example", role: str = "staff", name: str = "Nora Nurse"
) -> tuple[FlaskClient, int]:
    user_id, _ = make_user(app, email, role=role, name=name)
    client = app.test_client()
    assert sign_in(client, email).status_code == 303
    return client, user_id


def audit_count(app: Flask, action: str | None = None) -> int:
    with app.app_context():
        query = select(func.count()).select_from(AuditEvent)
        if action is not None:
            query = query.where(AuditEvent.action == action)
        return int(db.session.scalar(query) or 0)


def audit_of(app: Flask, action: str) -> list[AuditEvent]:
    with app.app_context():
        rows = list(
            db.session.scalars(
                select(AuditEvent).where(AuditEvent.action == action).order_by(AuditEvent.id)
            )
        )
        db.session.expunge_all()
        return rows


def load(app: Flask, reference: str) -> Enquiry:
    with app.app_context():
        enquiry = db.session.scalar(select(Enquiry).where(Enquiry.reference == reference))
        assert enquiry is not None
        _ = enquiry.tags, enquiry.tag_names
        db.session.expunge_all()
        return enquiry


def events(app: Flask, reference: str) -> list[Event]:
    with app.app_context():
        rows = list(
            db.session.scalars(
                select(Event)
                .join(Enquiry, Enquiry.id == Event.enquiry_id)
                .where(Enquiry.reference == reference)
                .order_by(Event.id)
            )
        )
        db.session.expunge_all()
        return rows


def ago(**delta: float) -> datetime:
    return datetime.now(UTC) - timedelta(**delta)
