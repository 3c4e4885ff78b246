"""Storing an enquiry: one transaction for the enquiry, its tags and its mail.

Views call :func:`store_enquiry`; it never sends anything over the network.
"""

from __future__ import annotations

import secrets
import time
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import lru_cache
from typing import Any

from itsdangerous import BadSignature, URLSafeSerializer
from sqlalchemy import insert, select
from sqlalchemy import inspect as sa_inspect
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import make_transient_to_detached

from intake.database import utcnow
from intake.extensions import db
from intake.models import URGENCY_RANK, Enquiry, EnquiryTag, concern_mask
from intake.notify.models import OutboxMessage
from intake.notify.queue import enquiry_mail_rows
from intake.triage import TriageResult, classify

# Crockford's base32 without look-alikes (no I, L, O, U): easy to read out on the phone.
REFERENCE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


def new_reference() -> str:
    """An unguessable, human-readable reference, e.g. ``ACT-7K3M-Q9XD`` (40 random bits)."""
    chars = "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(8))
    return f"ACT-{chars[:4]}-{chars[4:]}"


def new_submission_key() -> str:
    return secrets.token_urlsafe(24)


@lru_cache(maxsize=8)
def start_serializer(secret_key: str) -> URLSafeSerializer:
    """One serializer per key (building one derives its signing key again)."""
    return URLSafeSerializer(secret_key, salt="enquiry-start")


def start_token(secret_key: str) -> str:
    """A signed start time: survives re-display of the form, cannot be forged by a bot."""
    return start_serializer(secret_key).dumps(time.time())


def seconds_since_start(token: str | None, secret_key: str) -> float | None:
    """How long the form was open, or None when the token is missing or forged."""
    if not token:
        return None
    try:
        started = float(start_serializer(secret_key).loads(token))
    except (BadSignature, TypeError, ValueError):
        return None
    return time.time() - started


@dataclass
class Submission:
    """What the form collected, normalised; the view builds it from the validated form."""

    kind: str
    message: str
    concerns: list[str]
    symptoms_now: bool
    name: str
    relationship: str
    email: str | None
    phone: str | None
    preferred_contact: str
    voicemail_ok: bool
    email_details_ok: bool
    wants_confirmation: bool
    submission_key: str
    privacy_version: str
    patient_name: str | None = None
    patient_dob: date | None = None
    patient_is_existing: str | None = None
    may_discuss_care: bool | None = None
    appointment_patient_status: str | None = None
    preferred_days: list[str] = field(default_factory=list)
    preferred_times: list[str] = field(default_factory=list)
    referring_physician: str | None = None
    source_section: str | None = None
    spam_reason: str | None = None


def find_by_key(submission_key: str) -> Enquiry | None:
    return db.session.scalar(select(Enquiry).where(Enquiry.submission_key == submission_key))


def find_by_reference(reference: str) -> Enquiry | None:
    return db.session.scalar(select(Enquiry).where(Enquiry.reference == reference))


def tag_values(result: TriageResult, ticked: list[str]) -> list[dict[str, Any]]:
    """The patient's ticks (always kept) and the rules' tags, each with its reasons; every row
    has the same keys (one multi-row INSERT)."""
    rows: list[dict[str, Any]] = [
        {
            "tag": tag,
            "source": "patient",
            "rule_id": None,
            "vocabulary_version": None,
            "reasons": [],
        }
        for tag in dict.fromkeys(ticked)
    ]
    for tag in result.rule_tags:
        reasons = [r.to_dict() for r in result.reasons if r.label == tag]
        rows.append(
            {
                "tag": tag,
                "source": "rules",
                "rule_id": reasons[0]["rule"] if reasons else None,
                "vocabulary_version": result.version,
                "reasons": reasons,
            }
        )
    return rows


def enquiry_values(sub: Submission, result: TriageResult, now: datetime) -> dict[str, Any]:
    """The enquiry's column values (the rest take their column defaults)."""
    is_writer_patient = sub.relationship == "patient"
    is_appointment = sub.kind == "appointment"
    return {
        "reference": new_reference(),
        "kind": sub.kind,
        "status": "new",
        "urgency": result.urgency,
        "urgency_rank": URGENCY_RANK[result.urgency],
        "triage_version": result.version,
        "urgency_reasons": [
            r.to_dict() for r in result.reasons if r.label in ("emergency", "priority")
        ],
        "red_flags": list(result.red_flags),
        "writer_name": sub.name,
        "relationship": sub.relationship,
        "email": sub.email,
        "phone": sub.phone,
        "preferred_contact": sub.preferred_contact,
        "voicemail_ok": sub.voicemail_ok,
        "email_details_ok": sub.email_details_ok,
        "wants_confirmation": sub.wants_confirmation,
        "patient_name": None if is_writer_patient else sub.patient_name,
        "patient_dob": None if is_writer_patient else sub.patient_dob,
        "patient_is_existing": None if is_writer_patient else sub.patient_is_existing,
        "may_discuss_care": None if is_writer_patient else sub.may_discuss_care,
        "message": sub.message,
        "symptoms_now": sub.symptoms_now,
        "appointment_patient_status": sub.appointment_patient_status if is_appointment else None,
        "preferred_days": sub.preferred_days if is_appointment else [],
        "preferred_times": sub.preferred_times if is_appointment else [],
        "referring_physician": sub.referring_physician if is_appointment else None,
        "source_section": sub.source_section,
        "consent_at": now,
        "privacy_version": sub.privacy_version,
        "submission_key": sub.submission_key,
        "is_spam": sub.spam_reason is not None,
        "spam_reason": sub.spam_reason,
        "created_at": now,
        "updated_at": now,
    }


@dataclass(frozen=True)
class NewEnquiry:
    """What queueing the mail reads from the enquiry being inserted (no ORM object needed)."""

    reference: str
    kind: str
    is_spam: bool
    wants_confirmation: bool
    email: str | None
    email_details_ok: bool
    preferred_contact: str
    tag_names: list[str]


def store_enquiry(sub: Submission) -> tuple[Enquiry, bool]:
    """Store the enquiry, its tags and its mail in one transaction, once; return the enquiry
    and whether it is new.

    A repeat of the same submission key (double click, back-and-resubmit, a retry after a
    network error) returns the enquiry stored the first time. The unique constraint on the key
    decides: the insert is tried first, and only a refused one looks the key up (a look-up
    before every insert cost a query per submission to catch the rare repeat, and still needed
    the constraint for a concurrent copy).

    The rows are inserted with Core statements (three INSERTs: the enquiry, its tags, its
    messages), not through the ORM's unit of work, which cost more than everything else in
    storing one. The returned Enquiry is attached to the session without being read back.
    """
    result = classify(sub.message, sub.concerns, sub.symptoms_now)
    now = utcnow()
    values = enquiry_values(sub, result, now)
    tags = tag_values(result, sub.concerns)
    values["concern_mask"] = concern_mask(tag["tag"] for tag in tags)  # no removals yet
    try:
        # The session's own connection and transaction, so a rollback undoes all of it.
        connection = db.session.connection()
        key = connection.execute(insert(Enquiry.__table__), values).inserted_primary_key
        assert key is not None  # noqa: S101 - an INSERT of one row always has its key
        enquiry_id = key[0]
        if tags:
            connection.execute(
                insert(EnquiryTag.__table__), [{**tag, "enquiry_id": enquiry_id} for tag in tags]
            )
        facts = NewEnquiry(
            reference=values["reference"],
            kind=values["kind"],
            is_spam=values["is_spam"],
            wants_confirmation=values["wants_confirmation"],
            email=values["email"],
            email_details_ok=values["email_details_ok"],
            preferred_contact=values["preferred_contact"],
            tag_names=list(dict.fromkeys(tag["tag"] for tag in tags)),
        )
        # Same transaction: the enquiry and its mail, or neither.
        messages = enquiry_mail_rows(facts, result, now, now)
        if messages:
            connection.execute(
                insert(OutboxMessage.__table__),
                [{**message, "enquiry_id": enquiry_id} for message in messages],
            )
        db.session.commit()
    except IntegrityError:
        # A repeat of an earlier submission, or a concurrent copy that won the race (or,
        # astronomically rarely, a reference collision): the stored copy is the one that counts.
        db.session.rollback()
        existing = find_by_key(sub.submission_key)
        if existing is not None:
            return existing, False
        raise
    return attached_enquiry(enquiry_id, values), True


def attached_enquiry(enquiry_id: Any, values: dict[str, Any]) -> Enquiry:
    """The inserted enquiry as an ORM object in the session, without reading it back: its
    columns hold exactly what was inserted, set as a query's load sets them (no attribute
    events, no history), and any other column loads on first use."""
    enquiry: Enquiry = _ENQUIRY_MANAGER.new_instance()
    state = enquiry.__dict__
    state.update(values)
    state["id"] = enquiry_id
    make_transient_to_detached(enquiry)  # persistent once added, history reset
    db.session.add(enquiry)
    return enquiry


_ENQUIRY_MANAGER = sa_inspect(Enquiry).class_manager
