"""Every string of the Big List of Naughty Strings round-trips or is refused on its field."""

from __future__ import annotations

import json
import unicodedata
import uuid
from pathlib import Path
from typing import Any

from flask import Flask
from sqlalchemy import select

from intake.enquiry.fields import control_characters
from intake.extensions import db
from intake.models import Enquiry

BLNS = json.loads((Path(__file__).parent / "data" / "blns.json").read_text(encoding="utf-8"))


def expected(text: str) -> str:
    return unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))


ONE_LINE = ("name", "patient_name", "referring_physician")


def one_line_refused(value: str) -> bool:
    normalised = expected(value).strip()
    return bool(control_characters(normalised, frozenset())) or len(normalised) > 200


def test_blns_in_the_message_and_every_one_line_field(app: Flask, form_data: Any) -> None:
    """The message, the writer's name, the patient's name and the referring physician: each
    string is stored as normalised, or refused with a message on the field that holds it."""
    client = app.test_client()
    stored = refused = 0
    for i, text in enumerate(BLNS):
        message = f"m{i} {text}"
        lines = {name: f"{name[0]}{i} {text}"[:200] for name in ONE_LINE}
        key = uuid.uuid4().hex
        response = client.post(
            "/contact",
            data=form_data(
                message=message,
                submission_key=key,
                kind="appointment",  # the referring physician is kept for appointments
                relationship="caregiver",  # the patient's name is kept for someone else
                **lines,
            ),
        )
        bad_message = bool(control_characters(expected(message), frozenset("\n\t")))
        bad_lines = {name for name, value in lines.items() if one_line_refused(value)}
        if bad_message or bad_lines:
            page = response.get_data(as_text=True)
            assert response.status_code == 422, (i, text)
            assert ('id="message-error"' in page) == bad_message, (i, text)
            for name in ONE_LINE:
                assert (f'id="{name}-error"' in page) == (name in bad_lines), (i, text, name)
            refused += 1
            continue
        assert response.status_code == 303, (i, text, response.get_data(as_text=True)[:500])
        with app.app_context():
            row = db.session.scalar(select(Enquiry).where(Enquiry.submission_key == key))
            assert row is not None, (i, text)
            assert row.message == expected(message), (i, text)
            assert row.writer_name == expected(lines["name"]).strip(), (i, text)
            assert row.patient_name == (expected(lines["patient_name"]).strip() or None)
            assert row.referring_physician == (
                expected(lines["referring_physician"]).strip() or None
            ), (i, text)
        stored += 1
    assert stored > 400 and refused > 0


def test_blns_as_email_and_phone(app: Flask, form_data: Any) -> None:
    """Email and phone (at the form, one validation per string: no request, no storage):
    each string is refused on its own field, or accepted in its normal form."""
    from wtforms.validators import ValidationError

    from intake.enquiry.fields import normalise_email, normalise_phone
    from intake.enquiry.forms import EnquiryForm

    def outcome(value: str, limit: int, normalise: Any) -> tuple[bool, str | None]:
        data = expected(value).strip()
        if not value.strip():
            return False, None  # nothing typed
        if len(data) > limit or control_characters(data, frozenset()):
            return True, None
        try:
            return False, normalise(data)
        except ValidationError:
            return True, None

    refusals = {"email": 0, "phone": 0}
    for i, text in enumerate(BLNS):
        for field, other, limit, normalise in (
            (
                "email",
                {"phone": "(907) 555-0123", "preferred_contact": "phone"},
                254,
                normalise_email,
            ),
            (
                "phone",
                {"email": "a@example.com", "preferred_contact": "email"},
                40,
                normalise_phone,
            ),
        ):
            data = form_data(**{field: text}, **other)
            with app.test_request_context("/contact", method="POST", data=data):
                form = EnquiryForm()
                ok = form.validate()
                refused, normal = outcome(text, limit, normalise)
                assert bool(form[field].errors) == refused, (i, text, field, form.errors)
                refusals[field] += refused
                if not refused:
                    assert ok, (i, text, field, form.errors)
                    clean = form.clean_email if field == "email" else form.clean_phone
                    assert clean == normal, (i, text, field)
    assert refusals["email"] > 400 and refusals["phone"] > 400
