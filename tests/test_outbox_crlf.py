"""CR/LF injection: every corpus line in every form field adds no header and no recipient.

The corpus (tests/data/crlf-injection.txt, MIT, PayloadsAllTheThings) is URL-encoded; each line
is also posted decoded once and twice, so real CR and LF characters reach the form too.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import pytest
from flask import Flask
from sqlalchemy import func, select

from intake.enquiry.forms import EnquiryForm
from intake.extensions import db
from intake.models import Enquiry
from intake.notify.models import OutboxMessage
from intake.notify.sender import ALLOWED_HEADERS
from tests.conftest import started_token
from tests.smtp_server import (  # noqa: F401 - fixtures
    SmtpServer,
    run_worker_once,
    smtp_server_factory_fixture,
    smtp_server_fixture,
)

CORPUS = Path(__file__).parent / "data" / "crlf-injection.txt"
CLINIC = "clinic@clinic.example"
PATIENT = "patient@example.com"
# A floor beyond the corpus: bare CR/LF, folding whitespace and Unicode line separators.
EXTRA = [
    "x\r\nBcc: attacker@evil.example",
    "x\nTo: attacker@evil.example",
    "x\rCc: attacker@evil.example",
    "x\r\n Bcc: attacker@evil.example",
    "x\u2028Bcc: attacker@evil.example",
    "x\x85Bcc: attacker@evil.example",
    "attacker@evil.example\r\nBcc: attacker2@evil.example",
]


def payloads() -> list[str]:
    lines = [line for line in CORPUS.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(lines) >= 17
    found: dict[str, None] = {}
    for line in [*lines, *EXTRA]:
        once = unquote(line)
        for value in (line, once, unquote(once)):
            found.setdefault(value, None)
    return list(found)


def form_fields(app: Flask) -> list[tuple[str, bool]]:
    """Every field of the real form (name, takes a list), so a new field is covered too."""
    with app.test_request_context():
        form = EnquiryForm(formdata=None)
        return [(field.name, field.type == "MultiCheckboxField") for field in form]


@pytest.mark.parametrize(
    "every_field",
    # make test: each payload in three fields in turn, so every field meets several payloads
    # (about 3 s); make test-slow: every payload in every field (about 1,200 posts, 20 s).
    [False, pytest.param(True, marks=pytest.mark.slow)],
    ids=["in-turn", "every-field"],
)
def test_crlf_corpus_in_every_field_adds_no_header_or_recipient(
    app_factory: Callable[..., Flask], smtp_server: SmtpServer, form_data: Any, every_field: bool
) -> None:
    app = app_factory(
        **smtp_server.config(),
        CLINIC_NOTIFY_TO=CLINIC,
        CLINIC_NOTIFY_ROUTES="",
        CLINIC_URGENT_TO=CLINIC,
        OUTBOX_CONFIRMATIONS_PER_DAY=1_000_000,  # every confirmation goes out in this test
    )
    client = app.test_client()
    token = started_token(app)
    fields = form_fields(app)
    assert len(fields) >= 20
    statuses: dict[int, int] = {}
    for i, payload in enumerate(payloads()):
        chosen = fields if every_field else [fields[(i + k * 7) % len(fields)] for k in range(3)]
        for name, is_list in chosen:
            data = form_data(
                started=token,
                kind="appointment",
                relationship="caregiver",
                patient_name="Pat Example",
                concerns=["symptoms"],
                wants_confirmation="y",
                email_details_ok="y",
                email=PATIENT,
            )
            data[name] = [payload] if is_list else payload
            response = client.post("/contact", data=data)
            assert response.status_code in (303, 400, 422), (name, payload)
            statuses[response.status_code] = statuses.get(response.status_code, 0) + 1
    # many were stored, so their mail is really tested
    assert statuses.get(303, 0) > (100 if every_field else 30), statuses

    report = run_worker_once(app)
    assert report.dead == 0 and report.retrying == 0
    with app.app_context():
        queued = db.session.scalar(select(func.count()).select_from(OutboxMessage))
        genuine = db.session.scalar(
            select(func.count()).select_from(Enquiry).where(Enquiry.is_spam.is_(False))
        )
    assert genuine is not None
    assert queued == report.sent == 2 * genuine  # the clinic's and the patient's, no more
    received = smtp_server.wait_for(report.sent)
    assert len(received) == report.sent
    for item in received:
        message = item.message
        names = [key.lower() for key in message.keys()]
        assert set(names) <= ALLOWED_HEADERS, names
        assert len(names) == len(set(names))
        assert item.rcpt_tos in ((CLINIC,), (PATIENT,))
        assert [a.addr_spec for a in message["To"].addresses] == list(item.rcpt_tos)
        head = item.data.split(b"\r\n\r\n", 1)[0].lower()
        assert b"set-cookie" not in head and b"injection" not in head
        # "bcc:" (a Message-ID's hex may hold the letters "bcc"); evil.example anywhere
        assert b"bcc:" not in head and b"evil.example" not in head
