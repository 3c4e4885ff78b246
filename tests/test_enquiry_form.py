"""The enquiry form: every field's validation, storage exactly as typed, spam, idempotency."""

from __future__ import annotations

from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import func, select

from intake.extensions import db
from intake.models import Enquiry, EnquiryTag


def stored(app: Flask) -> list[Enquiry]:
    with app.app_context():
        rows = list(db.session.scalars(select(Enquiry).order_by(Enquiry.id)))
        for row in rows:
            _ = row.tags  # load while the session is open
        db.session.expunge_all()
        return rows


def test_form_renders_with_hidden_protections(client: FlaskClient) -> None:
    page = client.get("/contact").get_data(as_text=True)
    assert 'name="submission_key"' in page
    assert 'name="started"' in page
    assert 'name="website"' in page  # the honeypot
    assert "Call 911 now if you have any of these" in page
    assert "I have one of these symptoms right now" in page
    assert 'href="/privacy"' in page
    assert "interpreter" in page


def test_concern_and_section_from_the_article_are_prefilled(client: FlaskClient) -> None:
    page = client.get("/contact?concern=recurrence&from=recurrence").get_data(as_text=True)
    assert 'checked id="concerns-0" name="concerns" type="checkbox" value="recurrence"' in page
    assert 'name="source" type="hidden" value="recurrence"' in page


def test_unknown_concern_and_section_are_ignored(client: FlaskClient) -> None:
    page = client.get("/contact?concern=evil&from=%3Cscript%3E").get_data(as_text=True)
    assert 'checked id="concerns' not in page
    assert 'name="source" type="hidden" value=""' in page
    assert "<script>" not in page


def test_question_is_stored_with_source_and_consent(
    app: Flask, client: FlaskClient, form_data: Any
) -> None:
    response = client.post(
        "/contact",
        data=form_data(source="recurrence", concerns=["recurrence"], phone="907 555 0123"),
    )
    assert response.status_code == 303
    assert response.headers["Location"] == "/contact/thanks"
    [enquiry] = stored(app)
    assert enquiry.kind == "question"
    assert enquiry.source_section == "recurrence"
    assert enquiry.email == "patient@example.com"
    assert enquiry.phone == "+19075550123"
    assert enquiry.privacy_version.startswith("draft-")
    assert enquiry.consent_at is not None and enquiry.consent_at.tzinfo is not None
    assert enquiry.reference.startswith("ACT-") and len(enquiry.reference) == 13
    assert not enquiry.is_spam
    assert ("recurrence", "patient") in {(t.tag, t.source) for t in enquiry.tags}


def test_appointment_request_is_stored(app: Flask, client: FlaskClient, form_data: Any) -> None:
    data = form_data(
        kind="appointment",
        appointment_patient_status="new",
        preferred_days=["mon", "thu"],
        preferred_times=["morning"],
        referring_physician="Dr. Example",
        relationship="caregiver",
        patient_name="Mum Example",
        patient_dob="1950-02-03",
        patient_is_existing="no",
        may_discuss_care="yes",
        preferred_contact="phone",
        phone="+1 907 555 0199",
        voicemail_ok="y",
    )
    assert client.post("/contact", data=data).status_code == 303
    [enquiry] = stored(app)
    assert enquiry.kind == "appointment"
    assert enquiry.preferred_days == ["mon", "thu"]
    assert enquiry.preferred_times == ["morning"]
    assert enquiry.referring_physician == "Dr. Example"
    assert enquiry.patient_name == "Mum Example"
    assert str(enquiry.patient_dob) == "1950-02-03"
    assert enquiry.may_discuss_care is True
    assert enquiry.voicemail_ok is True
    assert enquiry.preferred_contact == "phone"


INVALID_CASES = [
    ({"message": ""}, "message", "Write your message"),
    ({"message": "x" * 5001}, "message", "too long"),
    ({"message": "hello\x00world"}, "message", "control characters"),
    ({"message": "bell\x07"}, "message", "U+0007"),
    ({"email": "", "phone": ""}, "email", "email address or a phone number"),
    ({"email": "not-an-email"}, "email", "valid email address"),
    ({"email": "a@b\nBcc: x@y.z"}, "email", "one line"),
    ({"phone": "12", "email": ""}, "phone", "phone number"),
    ({"phone": "555-0000", "email": ""}, "phone", "phone number"),
    ({"preferred_contact": "phone", "phone": ""}, "preferred_contact", "no phone number"),
    (
        {"preferred_contact": "email", "email": "", "phone": "9075550123"},
        "preferred_contact",
        "no email address",
    ),
    ({"preferred_contact": "pigeon"}, "preferred_contact", "Not a valid choice"),
    ({"consent": None}, "consent", "Tick the box"),
    ({"kind": "complaint"}, "kind", "Not a valid choice"),
    ({"relationship": "boss"}, "relationship", "Not a valid choice"),
    ({"name": "x" * 201}, "name", "200"),
    ({"name": "two\nlines"}, "name", "one line"),
    ({"patient_dob": "2999-01-01"}, "patient_dob", "future"),
    ({"patient_dob": "1800-01-01"}, "patient_dob", "after 1900"),
    ({"patient_dob": "31/02/2000"}, "patient_dob", "Not a valid date"),
    ({"concerns": ["recurrence", "bogus"]}, "concerns", "not a valid choice"),
    ({"preferred_days": ["sun"]}, "preferred_days", "not a valid choice"),
    (
        {
            "wants_confirmation": "y",
            "email": "",
            "phone": "9075550123",
            "preferred_contact": "phone",
        },
        "wants_confirmation",
        "add your email",
    ),
    ({"submission_key": "short"}, "submission_key", "send it again"),
    ({"referring_physician": "Dr\x1b[31m"}, "referring_physician", "control characters"),
]


@pytest.mark.parametrize(("overrides", "field", "message"), INVALID_CASES)
def test_invalid_input_is_refused_on_its_field_and_keeps_the_text(
    app: Flask,
    client: FlaskClient,
    form_data: Any,
    overrides: dict[str, Any],
    field: str,
    message: str,
) -> None:
    data = form_data(**overrides)
    data.setdefault("name", "Kept Name Marker")
    if "message" not in overrides:
        data["message"] = "My kept message text"
    response = client.post("/contact", data=data)
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert f'id="{field}-error"' in page, page
    assert message.lower() in page.lower()
    assert "There is a problem" in page or "problems with your message" in page
    assert "We have NOT received your message" in page
    assert app.config["CLINIC_PHONE"] in page
    if "message" not in overrides:
        assert "My kept message text" in page
    assert response.headers["Cache-Control"] == "no-store"
    assert stored(app) == []


VALID_CASES = [
    {"phone": "(907) 555-0123", "email": ""},
    {"phone": "+44 20 7946 0958", "email": "", "preferred_contact": "phone"},
    {"email": "  Someone@Example.COM  "},
    {"message": "x" * 5000},
    {"message": "tab\tseparated and\r\nwindows lines"},
    {"name": ""},
    {"patient_dob": ""},
]


@pytest.mark.parametrize("overrides", VALID_CASES)
def test_valid_variants_are_accepted(
    app: Flask, client: FlaskClient, form_data: Any, overrides: dict[str, Any]
) -> None:
    data = form_data(**overrides)
    if overrides.get("email") == "":
        data["preferred_contact"] = "phone"
    response = client.post("/contact", data=data)
    assert response.status_code == 303, response.get_data(as_text=True)
    assert len(stored(app)) == 1


def test_text_is_stored_exactly_as_typed_after_lf_and_nfc(
    app: Flask, client: FlaskClient, form_data: Any
) -> None:
    typed = "Line one\r\nLine two\rLine three\n  spaces kept  \tand e\u0301 decomposed"
    client.post("/contact", data=form_data(message=typed, name="  Zoë  "))
    [enquiry] = stored(app)
    assert (
        enquiry.message == "Line one\nLine two\nLine three\n  spaces kept  \tand \u00e9 decomposed"
    )
    assert enquiry.writer_name == "Zoë"


def test_email_is_stored_normalised(app: Flask, client: FlaskClient, form_data: Any) -> None:
    client.post("/contact", data=form_data(email="Someone@EXAMPLE.com"))
    [enquiry] = stored(app)
    assert enquiry.email == "Someone@example.com"


def test_double_submit_stores_one_enquiry_and_lands_on_the_same_thanks(
    app: Flask, client: FlaskClient, form_data: Any
) -> None:
    data = form_data()
    first = client.post("/contact", data=data)
    second = client.post("/contact", data=data)
    assert first.status_code == second.status_code == 303
    assert len(stored(app)) == 1
    reference = stored(app)[0].reference
    assert reference in client.get("/contact/thanks").get_data(as_text=True)


def test_honeypot_is_stored_as_suspected_spam(
    app: Flask, client: FlaskClient, form_data: Any
) -> None:
    response = client.post("/contact", data=form_data(website="http://spam.example"))
    assert response.status_code == 303  # never tell a bot it was caught
    [enquiry] = stored(app)
    assert enquiry.is_spam and enquiry.spam_reason == "honeypot"


def test_fast_submission_is_stored_as_suspected_spam(app_factory: Any) -> None:
    from tests.conftest import started_token, valid_form

    app = app_factory(ENQUIRY_MIN_FILL_SECONDS=3)
    client = app.test_client()
    client.post("/contact", data=valid_form(started=started_token(app, seconds_ago=0.5)))
    client.post("/contact", data=valid_form(started=started_token(app, seconds_ago=10)))
    client.post("/contact", data=valid_form(started="forged"))
    rows = stored(app)
    assert [(r.is_spam, r.spam_reason) for r in rows] == [
        (True, "too_fast"),
        (False, None),
        (True, "no_start_time"),
    ]


def test_start_time_survives_redisplay(client: FlaskClient, form_data: Any) -> None:
    data = form_data(message="")
    page = client.post("/contact", data=data).get_data(as_text=True)
    assert f'value="{data["started"]}"' in page
    assert f'value="{data["submission_key"]}"' in page


def test_thanks_page_is_bound_to_the_submitting_session(
    app: Flask, client: FlaskClient, form_data: Any
) -> None:
    client.post("/contact", data=form_data())
    [enquiry] = stored(app)
    mine = client.get("/contact/thanks")
    assert enquiry.reference in mine.get_data(as_text=True)
    assert mine.headers["Cache-Control"] == "no-store"
    stranger = app.test_client().get("/contact/thanks")
    assert stranger.status_code == 302
    assert enquiry.reference not in stranger.get_data(as_text=True)


def test_writer_who_is_the_patient_stores_no_separate_patient(
    app: Flask, client: FlaskClient, form_data: Any
) -> None:
    client.post("/contact", data=form_data(relationship="patient", patient_name="Ignored"))
    [enquiry] = stored(app)
    assert enquiry.patient_name is None


def test_one_transaction_per_submission(app: Flask, client: FlaskClient, form_data: Any) -> None:
    client.post("/contact", data=form_data(concerns=["recurrence", "symptoms"]))
    with app.app_context():
        assert db.session.scalar(select(func.count(Enquiry.id))) == 1
        assert db.session.scalar(select(func.count(EnquiryTag.id))) >= 2
