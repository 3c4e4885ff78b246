"""End to end: each urgency, and each refusal path, shows the patient the right guidance."""

from __future__ import annotations

from typing import Any

import pytest
from flask import Flask
from sqlalchemy import select

from intake.extensions import db
from intake.models import Enquiry
from tests.conftest import started_token, valid_form

EMERGENCY = "I had a seizure this morning and I am on chemotherapy."
PRIORITY = "My cough has been getting worse for a week since my last chemo."
ROUTINE = "Can I change my appointment to Friday afternoon?"
SELF_HARM = "I keep thinking about ending my life, I can't go on."


def submit(app: Flask, message: str, **extra: Any) -> tuple[Any, str]:
    client = app.test_client()
    response = client.post(
        "/contact", data=valid_form(started=started_token(app), message=message, **extra)
    )
    assert response.status_code == 303, response.get_data(as_text=True)[:2000]
    page = client.get("/contact/thanks").get_data(as_text=True)
    with app.app_context():
        enquiry = db.session.scalars(select(Enquiry).order_by(Enquiry.id.desc())).first()
        db.session.expunge_all()
    return enquiry, page


def test_emergency_thanks_page_says_call_911(app: Flask) -> None:
    enquiry, page = submit(app, EMERGENCY)
    assert enquiry.urgency == "emergency" and enquiry.urgency_rank == 0
    assert "Call 911 now" in page and 'href="tel:911"' in page
    assert app.config["CLINIC_PHONE"] in page
    assert enquiry.reference in page
    assert "988" not in page
    assert any(r["label"] == "emergency" for r in enquiry.urgency_reasons)


def test_self_harm_also_shows_the_988_lifeline(app: Flask) -> None:
    enquiry, page = submit(app, SELF_HARM)
    assert enquiry.urgency == "emergency"
    assert "Call 911 now" in page and "988" in page and 'href="tel:988"' in page


def test_priority_thanks_page_promises_one_business_day_by_the_chosen_method(app: Flask) -> None:
    enquiry, page = submit(app, PRIORITY, preferred_contact="phone", phone="9075550123")
    assert enquiry.urgency == "priority"
    assert "within one business day" in page and "by phone" in page
    assert 'id="emergency-heading"' not in page


def test_routine_thanks_page_is_the_usual_confirmation(app: Flask) -> None:
    enquiry, page = submit(app, ROUTINE)
    assert enquiry.urgency == "routine"
    assert "We have received your message" in page
    assert 'id="emergency-heading"' not in page and 'id="priority-heading"' not in page


def test_symptoms_now_box_forces_an_emergency(app: Flask) -> None:
    enquiry, page = submit(app, ROUTINE, symptoms_now="y")
    assert enquiry.urgency == "emergency"
    assert enquiry.symptoms_now is True
    assert 'id="emergency-heading"' in page


def test_rule_tags_are_stored_with_rule_id_reasons_and_version(app: Flask) -> None:
    enquiry, _ = submit(app, "My cancer came back and I want to join a clinical trial.")
    with app.app_context():
        row = db.session.get(Enquiry, enquiry.id)
        rules = {t.tag: t for t in row.tags if t.source == "rules"}
        assert {"recurrence", "clinical_trials"} <= set(rules)
        for tag in rules.values():
            assert tag.rule_id and tag.vocabulary_version == row.triage_version
            for reason in tag.reasons:
                assert row.message[reason["start"] : reason["end"]] == reason["phrase"]


def test_suspected_spam_trip_still_shows_the_guidance(app: Flask) -> None:
    enquiry, page = submit(app, EMERGENCY, website="http://bot.example")
    assert enquiry.is_spam
    assert 'id="emergency-heading"' in page


def refused(app: Any, message: str, **extra: Any) -> tuple[int, str]:
    response = app.test_client().post(
        "/contact", data=valid_form(started=started_token(app), message=message, **extra)
    )
    return response.status_code, response.get_data(as_text=True)


@pytest.mark.parametrize(
    ("message", "emergency", "lifeline"),
    [(EMERGENCY, True, False), (SELF_HARM, True, True), (ROUTINE, False, False)],
)
def test_validation_error_shows_guidance_and_not_received(
    app: Flask, message: str, emergency: bool, lifeline: bool
) -> None:
    status, page = refused(app, message, consent=None)
    assert status == 422
    assert "We have NOT received your message" in page
    assert app.config["CLINIC_PHONE"] in page
    assert ('id="emergency-heading"' in page) is emergency
    assert ('href="tel:988"' in page) is lifeline


def test_rate_limit_page_shows_emergency_guidance(app_factory: Any) -> None:
    app = app_factory(RATELIMIT_ENABLED=True, ENQUIRY_RATE_LIMIT="1 per minute")
    refused(app, ROUTINE)
    status, page = refused(app, EMERGENCY)
    assert status == 429
    assert "We have NOT received your message" in page
    assert 'id="emergency-heading"' in page


def test_expired_csrf_page_shows_emergency_guidance(app_factory: Any) -> None:
    app = app_factory(WTF_CSRF_ENABLED=True)
    status, page = refused(app, EMERGENCY, csrf_token="stale")
    assert status == 400
    assert "We have NOT received your message" in page
    assert 'id="emergency-heading"' in page
    assert EMERGENCY in page


def test_database_down_page_shows_emergency_guidance(app_factory: Any) -> None:
    app = app_factory("postgresql+psycopg://nobody@127.0.0.1:1/none", create_schema=False)
    status, page = refused(app, EMERGENCY)
    assert status == 503
    assert "We have NOT received your message" in page
    assert 'id="emergency-heading"' in page
    assert EMERGENCY in page


def test_guidance_wording_is_a_versioned_draft(app: Flask) -> None:
    from intake.content import load_yaml

    data = load_yaml(app.config["CONTENT_FOLDER"] + "/guidance.yaml")
    assert data["version"] and "sign-off" in data["status"]
    page = app.test_client().get("/contact").get_data(as_text=True)
    assert data["version"] in page
