"""What an enquiry queues: recipients, subjects, parts, and never the patient's data to the clinic.

Mail is sent by the real worker to a real SMTP server (aiosmtpd on 127.0.0.1) and read back.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from typing import Any

import pytest
from flask import Flask
from sqlalchemy import func, select

from config import ConfigError
from intake.database import utcnow
from intake.enquiry.service import new_reference, new_submission_key
from intake.extensions import db
from intake.models import Enquiry
from intake.notify.models import OutboxMessage
from intake.notify.queue import notify_settings, parse_routes, queue_enquiry_mail
from tests.conftest import started_token
from tests.smtp_server import (  # noqa: F401 - fixtures
    Received,
    SmtpServer,
    run_worker_once,
    smtp_server_factory_fixture,
    smtp_server_fixture,
)

CLINIC = "clinic@clinic.example"
RESEARCH = "research@clinic.example"
NURSE = "nurse@clinic.example"
ONCALL = "oncall@clinic.example"
ROUTES = f"clinical_trials:{RESEARCH},symptoms:{NURSE}"
BASE_URL = "https://intake.clinic.example"


@dataclass(frozen=True)
class Result:
    """The part of intake.triage.TriageResult that queueing reads (an input, not a mock)."""

    tags: tuple[str, ...] = ()
    urgency: str = "routine"
    self_harm: bool = False


def mail_config(server: SmtpServer | None = None, **extra: Any) -> dict[str, Any]:
    config: dict[str, Any] = {
        "CLINIC_NOTIFY_TO": CLINIC,
        "CLINIC_NOTIFY_ROUTES": ROUTES,
        "CLINIC_URGENT_TO": ONCALL,
        "PUBLIC_BASE_URL": BASE_URL,
        "MAIL_DEFAULT_SENDER": "intake@clinic.example",
    }
    if server is not None:
        config.update(server.config())
    config.update(extra)
    return config


def new_enquiry(**fields: Any) -> Enquiry:
    values: dict[str, Any] = {
        "reference": new_reference(),
        "kind": "question",
        "message": "A question.",
        "consent_at": utcnow(),
        "privacy_version": "test",
        "submission_key": new_submission_key(),
        "email": "patient@example.com",
        "preferred_contact": "email",
    }
    values.update(fields)
    return Enquiry(**values)


def queue(app: Flask, result: Result = Result(), **fields: Any) -> list[OutboxMessage]:
    """Store one enquiry and its mail in one transaction; return the queued messages."""
    with app.app_context():
        enquiry = new_enquiry(**fields)
        db.session.add(enquiry)
        messages = queue_enquiry_mail(enquiry, result)
        db.session.commit()
        for message in messages:
            db.session.refresh(message)
        db.session.expunge_all()
        return messages


def texts(message: EmailMessage) -> dict[str, str]:
    """Each text part's decoded content by type (base64 and quoted-printable undone)."""
    parts: dict[str, str] = {}
    for part in message.walk():
        if part.get_content_maintype() == "text":
            parts[part.get_content_type()] = str(part.get_content())
    return parts


def by_recipient(received: list[Received]) -> dict[str, Received]:
    out: dict[str, Received] = {}
    for item in received:
        assert len(item.rcpt_tos) == 1, "one recipient per message"
        assert item.rcpt_tos[0] not in out, "one message per recipient"
        out[item.rcpt_tos[0]] = item
    return out


def stored_enquiry(app: Flask) -> Enquiry:
    with app.app_context():
        enquiry = db.session.scalars(select(Enquiry)).one()
        _ = enquiry.tags
        db.session.expunge_all()
        return enquiry


def test_submitted_enquiry_sends_exactly_the_expected_mail(
    app_factory: Callable[..., Flask], smtp_server: SmtpServer, form_data: Any
) -> None:
    app = app_factory(**mail_config(smtp_server))
    client = app.test_client()
    data = form_data(
        message="I would like to hear about research studies for my situation.",
        concerns=["clinical_trials"],
        email="asker@example.com",
        wants_confirmation="y",
    )
    # form_data signs the start time with the default app's key: sign it with this app's.
    data["started"] = started_token(app)
    assert client.post("/contact", data=data).status_code == 303
    enquiry = stored_enquiry(app)
    assert enquiry.urgency == "routine", "precondition: the triage rules see a routine question"

    report = run_worker_once(app)
    received = by_recipient(smtp_server.wait_for(report.sent))
    expected_clinic = {CLINIC, RESEARCH}
    if "symptoms" in enquiry.tag_names:
        expected_clinic.add(NURSE)
    assert set(received) == expected_clinic | {"asker@example.com"}
    assert report.sent == len(received) and report.retrying == report.dead == 0

    for address in expected_clinic:
        item = received[address]
        message = item.message
        assert item.mail_from == "intake@clinic.example"
        assert [a.addr_spec for a in message["To"].addresses] == [address]
        assert message["Subject"].strip() == f"New question {enquiry.reference} (routine) - " + (
            "Alaska Cancer Treatment Center"
        )
        assert message.get_content_type() == "multipart/mixed"
        parts = texts(message)
        assert set(parts) == {"text/plain", "text/html"}
        link = f"{BASE_URL}/staff/enquiries/{enquiry.reference}"
        for body in parts.values():
            assert enquiry.reference in body
            assert link in body
            assert "Clinical trials and research studies" in body
            assert "routine" in body
            assert "<script" not in body.lower()

    confirmation = received["asker@example.com"].message
    assert confirmation["Subject"].strip() == (
        f"Alaska Cancer Treatment Center: we have received your message ({enquiry.reference})"
    )
    for body in texts(confirmation).values():
        assert enquiry.reference in body
        assert "911" in body
        assert "research studies for my situation" not in body  # never their message
        assert "Clinical trials" not in body  # no concern without consent to details
        assert "routine" not in body


def test_clinic_notification_holds_none_of_the_patients_data(
    app_factory: Callable[..., Flask], smtp_server: SmtpServer, form_data: Any
) -> None:
    """A unique marker in every field the patient fills in; none reaches the clinic's mail."""
    app = app_factory(**mail_config(smtp_server))
    markers = {
        "message": "Zyxmarkmessage about appointments qwv417",
        "name": "Zyxmarkwriter Qwv",
        "email": "zyxmarkemail417@example.com",
        "phone": "+1 907 555 0147",
        "patient_name": "Zyxmarkpatient Qwv",
        "patient_dob": "1951-03-17",
        "referring_physician": "Dr Zyxmarkdoctor",
    }
    data = form_data(
        kind="appointment",
        relationship="caregiver",
        patient_is_existing="no",
        may_discuss_care="yes",
        appointment_patient_status="new",
        preferred_days=["tue"],
        preferred_times=["afternoon"],
        concerns=["treatment"],
        **markers,
    )
    data["started"] = started_token(app)
    assert app.test_client().post("/contact", data=data).status_code == 303
    enquiry = stored_enquiry(app)
    assert enquiry.patient_name == markers["patient_name"]  # the fields were really stored

    report = run_worker_once(app)
    received = smtp_server.wait_for(report.sent)
    clinic = [item for item in received if item.rcpt_tos[0].endswith("@clinic.example")]
    assert clinic, "the clinic was notified"
    forbidden = [
        *markers.values(),
        "zyxmark",
        "Zyxmark",
        "qwv",
        "Qwv",
        "9075550147",
        "555-0147",
        "555 0147",
        "1951",
        "03-17",
    ]
    for item in clinic:
        raw = item.data.decode("ascii", "replace")
        decoded = "\n".join(texts(item.message).values())
        headers = "\n".join(f"{k}: {v}" for k, v in item.message.items())
        for marker in forbidden:
            assert marker not in raw
            assert marker not in decoded
            assert marker not in headers
        assert enquiry.reference in decoded


def test_emergency_goes_to_on_call_too_marked_urgent_and_first(
    app_factory: Callable[..., Flask],
) -> None:
    app = app_factory(**mail_config())
    messages = queue(app, Result(tags=("symptoms",), urgency="emergency"))
    recipients = [m.recipient for m in messages]
    assert recipients == [CLINIC, NURSE, ONCALL]
    for message in messages:
        assert message.subject.startswith("URGENT: ")
        assert message.priority == 0
        assert "told to call 911" in message.body_text
    routine = queue(app, Result(tags=("symptoms",), urgency="routine"))
    assert [m.recipient for m in routine] == [CLINIC, NURSE]
    assert all(not m.subject.startswith("URGENT") and m.priority == 2 for m in routine)


def test_on_call_defaulting_to_the_clinic_inbox_gets_one_message_not_two(
    app_factory: Callable[..., Flask],
) -> None:
    app = app_factory(**mail_config(CLINIC_URGENT_TO=CLINIC.upper()))
    messages = queue(app, Result(urgency="emergency"))
    assert [m.recipient for m in messages] == [CLINIC]


def test_confirmation_only_when_asked_for_and_with_an_address(
    app_factory: Callable[..., Flask],
) -> None:
    app = app_factory(**mail_config())
    not_asked = queue(app, wants_confirmation=False, email="a@example.com")
    assert [m.kind for m in not_asked] == ["clinic_notification"]
    no_address = queue(app, wants_confirmation=True, email=None, preferred_contact="phone")
    assert [m.kind for m in no_address] == ["clinic_notification"]
    asked = queue(app, wants_confirmation=True, email="b@example.com")
    assert [m.kind for m in asked] == ["clinic_notification", "patient_confirmation"]
    assert asked[1].recipient == "b@example.com"
    assert asked[1].priority > asked[0].priority  # the clinic hears first


def test_confirmation_is_neutral_without_consent_to_details(
    app_factory: Callable[..., Flask],
) -> None:
    app = app_factory(**mail_config())
    messages = queue(
        app,
        Result(tags=("symptoms",), urgency="emergency", self_harm=True),
        reference="ACT-TEST-0001",
        wants_confirmation=True,
        email_details_ok=False,
        message="Zyxmarkmessage chest pain",
    )
    confirmation = messages[-1]
    assert confirmation.kind == "patient_confirmation"
    assert confirmation.subject == (
        "Alaska Cancer Treatment Center: we have received your message (ACT-TEST-0001)"
    )
    assert confirmation.priority == 3  # an emergency's confirmation does not jump the queue
    for body in (confirmation.body_text, confirmation.body_html or ""):
        assert "Zyxmarkmessage" not in body
        assert "symptom" not in body.lower()
        assert "emergency department" not in body  # the emergency-specific wording
        assert "988" not in body
        assert "call 911 now" in body  # the general emergency advice, for everyone
        assert "Call 911 now if you have any of these" in body
        assert "(907) 555-0100" in body


def test_confirmation_with_consent_names_the_concerns_and_guidance(
    app_factory: Callable[..., Flask],
) -> None:
    app = app_factory(**mail_config())
    messages = queue(
        app,
        Result(tags=("symptoms",), urgency="emergency", self_harm=True),
        wants_confirmation=True,
        email_details_ok=True,
        message="Zyxmarkmessage",
    )
    confirmation = messages[-1]
    assert confirmation.subject.startswith(
        "Alaska Cancer Treatment Center: your question about symptoms ("
    )
    assert "Symptoms or side effects" in confirmation.body_text
    assert "emergency department" in confirmation.body_text
    assert "988" in confirmation.body_text
    assert "Zyxmarkmessage" not in confirmation.body_text


def test_confirmations_are_limited_per_address_per_day(app_factory: Callable[..., Flask]) -> None:
    app = app_factory(**mail_config())
    kinds = [
        [m.kind for m in queue(app, wants_confirmation=True, email=address)]
        for address in (
            "Victim@example.com",
            "victim@example.com",
            "VICTIM@example.com",
            "victim@example.com",
        )
    ]
    assert [k.count("patient_confirmation") for k in kinds] == [1, 1, 1, 0]
    assert all("clinic_notification" in k for k in kinds)  # the clinic still hears of each
    other = queue(app, wants_confirmation=True, email="someone.else@example.com")
    assert other[-1].kind == "patient_confirmation"
    with app.app_context():  # a day later the address may have one again
        for message in db.session.scalars(select(OutboxMessage)):
            message.created_at = utcnow() - timedelta(hours=25)
        db.session.commit()
    again = queue(app, wants_confirmation=True, email="victim@example.com")
    assert again[-1].kind == "patient_confirmation"


def test_suspected_spam_queues_nothing(app_factory: Callable[..., Flask], form_data: Any) -> None:
    app = app_factory(**mail_config())
    data = form_data(website="http://spam.example", wants_confirmation="y")
    data["started"] = started_token(app)
    assert app.test_client().post("/contact", data=data).status_code == 303
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Enquiry)) == 1
        assert db.session.scalar(select(func.count()).select_from(OutboxMessage)) == 0
    assert queue(app, is_spam=True, wants_confirmation=True) == []


def test_mail_is_stored_with_the_enquiry_or_not_at_all(
    app_factory: Callable[..., Flask], form_data: Any
) -> None:
    app = app_factory(**mail_config())
    with app.app_context():
        enquiry = new_enquiry(wants_confirmation=True)
        db.session.add(enquiry)
        assert len(queue_enquiry_mail(enquiry, Result())) == 2
        db.session.rollback()
        assert db.session.scalar(select(func.count()).select_from(OutboxMessage)) == 0

    data = form_data()
    data["started"] = started_token(app)
    client = app.test_client()
    assert client.post("/contact", data=data).status_code == 303
    assert client.post("/contact", data=data).status_code == 303  # the same submission again
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Enquiry)) == 1
        assert db.session.scalar(select(func.count()).select_from(OutboxMessage)) == 1


def test_received_time_is_clinic_time(app_factory: Callable[..., Flask]) -> None:
    app = app_factory(**mail_config())
    winter = datetime(2026, 1, 15, 18, 30, tzinfo=UTC)
    [message] = queue(app, created_at=winter)
    assert "Thu 15 Jan 2026, 09:30 AKST" in message.body_text
    assert "Thu 15 Jan 2026, 09:30 AKST" in (message.body_html or "")


def test_parse_routes_reads_the_documented_format() -> None:
    assert parse_routes(f"clinical_trials:{RESEARCH}, symptoms:{NURSE},symptoms:b@x.example") == {
        "clinical_trials": [RESEARCH],
        "symptoms": [NURSE, "b@x.example"],
    }
    assert parse_routes("") == {}
    assert parse_routes(" , ") == {}


@pytest.mark.parametrize(
    "text",
    [
        "symptoms",
        "symptoms nurse@clinic.example",
        ":nurse@clinic.example",
        "symptoms:",
        "symptoms:not-an-address",
        "symptoms:Nurse <nurse@clinic.example>",
        "symptoms:nurse@clinic.example\r\nBcc: x@evil.example",
        "symptoms:nurse@clinic.example\nBcc:x@evil.example",
        "Symptoms:nurse@clinic.example",
        "symptoms:nurse@@clinic.example",
    ],
)
def test_parse_routes_refuses_a_bad_route_with_a_clear_message(text: str) -> None:
    with pytest.raises(ConfigError, match="CLINIC_NOTIFY_ROUTES"):
        parse_routes(text)


def test_a_route_for_an_unknown_concern_is_refused(app: Flask) -> None:
    with pytest.raises(ConfigError, match="unknown concern 'symptom'"):
        parse_routes("symptom:nurse@clinic.example", known_tags={"symptoms"})
    config = dict(app.config, CLINIC_NOTIFY_ROUTES="symtoms:nurse@clinic.example")
    with app.app_context(), pytest.raises(ConfigError, match="symtoms"):
        notify_settings(config)


@pytest.mark.parametrize(
    ("setting", "value"),
    [
        ("CLINIC_NOTIFY_TO", ""),
        ("CLINIC_NOTIFY_TO", "Clinic <clinic@clinic.example>"),
        ("CLINIC_NOTIFY_TO", "clinic@clinic.example\r\nBcc: x@evil.example"),
        ("CLINIC_URGENT_TO", "on call@clinic.example"),
        ("MAIL_DEFAULT_SENDER", "intake@clinic.example\nBcc: x@evil.example"),
        ("CLINIC_NAME", "Clinic\r\nBcc: x@evil.example"),
        ("CLINIC_TIMEZONE", "Mars/Olympus"),
    ],
)
def test_bad_mail_settings_are_refused_naming_the_variable(
    app: Flask, setting: str, value: str
) -> None:
    config = dict(app.config, **{setting: value})
    with app.app_context(), pytest.raises(ConfigError, match=setting):
        notify_settings(config)


def test_check_settings_is_ready_for_create_app(app_factory: Callable[..., Flask]) -> None:
    from intake.notify import check_settings

    check_settings(app_factory(**mail_config()))
    with pytest.raises(ConfigError, match="CLINIC_NOTIFY_ROUTES"):
        check_settings(app_factory(**mail_config(CLINIC_NOTIFY_ROUTES="symptoms:x")))


def test_message_ids_do_not_depend_on_the_random_module() -> None:
    """make_msgid drew on the shared ``random`` state: the fuzzers reseed it per example, and
    two submissions in the same 10 ms then got equal Message-IDs (a unique-constraint 500)."""
    import random
    import re as regex

    from intake.notify.queue import new_message_id

    random.seed(0)
    first = new_message_id("clinic.example")
    random.seed(0)
    second = new_message_id("clinic.example")
    assert first != second
    assert regex.fullmatch(r"<[0-9a-f]{32}\.intake@clinic\.example>", first)
