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


def test_blns_in_the_message_and_the_name(app: Flask, form_data: Any) -> None:
    client = app.test_client()
    stored = refused = 0
    for i, text in enumerate(BLNS):
        message = f"m{i} {text}"
        name = f"n{i} {text}"[:200]
        key = uuid.uuid4().hex
        response = client.post(
            "/contact", data=form_data(message=message, name=name, submission_key=key)
        )
        bad_message = bool(control_characters(expected(message), frozenset("\n\t")))
        norm_name = expected(name).strip()
        bad_name = bool(control_characters(norm_name, frozenset())) or len(norm_name) > 200
        if bad_message or bad_name:
            page = response.get_data(as_text=True)
            assert response.status_code == 422, (i, text)
            if bad_message:
                assert 'id="message-error"' in page, (i, text)
            if bad_name:
                assert 'id="name-error"' in page, (i, text)
            refused += 1
            continue
        assert response.status_code == 303, (i, text, response.get_data(as_text=True)[:500])
        with app.app_context():
            row = db.session.scalar(select(Enquiry).where(Enquiry.submission_key == key))
            assert row is not None, (i, text)
            assert row.message == expected(message), (i, text)
            assert row.writer_name == norm_name, (i, text)
        stored += 1
    assert stored > 400 and refused > 0
