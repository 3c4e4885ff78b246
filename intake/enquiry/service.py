"""Storing an enquiry: one transaction for the enquiry, its tags (and, later, its mail).

Views call :func:`store_enquiry`; it never sends anything over the network.
"""

from __future__ import annotations

import secrets
import time
from dataclasses import dataclass, field
from datetime import date

from itsdangerous import BadSignature, URLSafeSerializer
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from intake.database import utcnow
from intake.extensions import db
from intake.models import URGENCY_RANK, Enquiry, EnquiryTag
from intake.notify.queue import queue_enquiry_mail
from intake.triage import TriageResult, classify

# Crockford's base32 without look-alikes (no I, L, O, U): easy to read out on the phone.
REFERENCE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


def new_reference() -> str:
    """An unguessable, human-readable reference, e.g. ``ACT-7K3M-Q9XD`` (40 random bits)."""
    chars = "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(8))
    return f"ACT-{chars[:4]}-{chars[4:]}"


def new_submission_key() -> str:
    return secrets.token_urlsafe(24)


def start_token(secret_key: str) -> str:
    """A signed start time: survives re-display of the form, cannot be forged by a bot."""
    return URLSafeSerializer(secret_key, salt="enquiry-start").dumps(time.time())


def seconds_since_start(token: str | None, secret_key: str) -> float | None:
    """How long the form was open, or None when the token is missing or forged."""
    if not token:
        return None
    try:
        started = float(URLSafeSerializer(secret_key, salt="enquiry-start").loads(token))
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


def tag_rows(result: TriageResult, ticked: list[str]) -> list[EnquiryTag]:
    """The patient's ticks (always kept) and the rules' tags, each with its reasons."""
    rows = [EnquiryTag(tag=tag, source="patient") for tag in dict.fromkeys(ticked)]
    for tag in result.rule_tags:
        reasons = [r.to_dict() for r in result.reasons if r.label == tag]
        rows.append(
            EnquiryTag(
                tag=tag,
                source="rules",
                rule_id=reasons[0]["rule"] if reasons else None,
                vocabulary_version=result.version,
                reasons=reasons,
            )
        )
    return rows


def build_enquiry(sub: Submission, result: TriageResult) -> Enquiry:
    is_writer_patient = sub.relationship == "patient"
    enquiry = Enquiry(
        reference=new_reference(),
        kind=sub.kind,
        status="new",
        urgency=result.urgency,
        urgency_rank=URGENCY_RANK[result.urgency],
        triage_version=result.version,
        urgency_reasons=[
            r.to_dict() for r in result.reasons if r.label in ("emergency", "priority")
        ],
        red_flags=list(result.red_flags),
        writer_name=sub.name,
        relationship=sub.relationship,
        email=sub.email,
        phone=sub.phone,
        preferred_contact=sub.preferred_contact,
        voicemail_ok=sub.voicemail_ok,
        email_details_ok=sub.email_details_ok,
        wants_confirmation=sub.wants_confirmation,
        patient_name=None if is_writer_patient else sub.patient_name,
        patient_dob=None if is_writer_patient else sub.patient_dob,
        patient_is_existing=None if is_writer_patient else sub.patient_is_existing,
        may_discuss_care=None if is_writer_patient else sub.may_discuss_care,
        message=sub.message,
        symptoms_now=sub.symptoms_now,
        appointment_patient_status=(
            sub.appointment_patient_status if sub.kind == "appointment" else None
        ),
        preferred_days=sub.preferred_days if sub.kind == "appointment" else [],
        preferred_times=sub.preferred_times if sub.kind == "appointment" else [],
        referring_physician=sub.referring_physician if sub.kind == "appointment" else None,
        source_section=sub.source_section,
        consent_at=utcnow(),
        privacy_version=sub.privacy_version,
        submission_key=sub.submission_key,
        is_spam=sub.spam_reason is not None,
        spam_reason=sub.spam_reason,
    )
    enquiry.tags = tag_rows(result, sub.concerns)
    return enquiry


def store_enquiry(sub: Submission) -> tuple[Enquiry, bool]:
    """Store the enquiry once; return it and whether it is new.

    A repeat of the same submission key (double click, back-and-resubmit, a retry after a
    network error) returns the enquiry stored the first time.
    """
    existing = find_by_key(sub.submission_key)
    if existing is not None:
        return existing, False
    result = classify(sub.message, sub.concerns, sub.symptoms_now)
    enquiry = build_enquiry(sub, result)
    db.session.add(enquiry)
    queue_enquiry_mail(enquiry, result)  # same transaction: the enquiry and its mail, or neither
    try:
        db.session.commit()
    except IntegrityError:
        # Lost a race with a concurrent copy of the same submission (or, astronomically
        # rarely, a reference collision): the other copy is the one that counts.
        db.session.rollback()
        existing = find_by_key(sub.submission_key)
        if existing is not None:
            return existing, False
        raise
    return enquiry, True
