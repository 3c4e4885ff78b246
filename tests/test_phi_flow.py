"""No PHI where it does not belong: unique markers through the whole flow, then a search.

A patient (writing for someone else, asking for an appointment) puts a unique marker in every
field they can type into: their name, the email address's local part, the phone number's
digits, the message, the patient's name and date of birth, the referring physician. Staff add
their own free text (notes, a contact note, the clinician of an appointment) and search for the
patient by name, email and phone. Along the way: mail delivered to a real SMTP server (aiosmtpd)
and mail refused by it (stored SMTP errors), a templated reply, an appointment with its
confirmation, the inbox, the enquiry page, the export, reports, the audit trail and outbox
pages, and forced errors: a refused form, an expired CSRF token, the rate limit (429), a 500
from an exception that quotes the patient's text, and a real database error whose message
quotes the statement's parameters.

Then every marker is searched for (case-insensitively) in: all log output (the app's records
and its stderr, the root logger, werkzeug), every mail sent and stored except what the
patient's own mail may hold (their address, as its recipient, and nothing else), every stored
SMTP error, every URL requested, redirected to or linked from a page, and every column of every
audit row. Client addresses appear in logs and audit rows only truncated to their network.
"""

from __future__ import annotations

import logging
import re
import uuid
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from typing import Any

import phonenumbers
import pytest
import sqlalchemy as sa
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from intake.auth.models import AuditEvent
from intake.extensions import db
from intake.models import Enquiry
from intake.notify.models import OutboxMessage
from tests.conftest import started_token, valid_form
from tests.smtp_server import (  # noqa: F401
    SmtpServer,
    run_worker_once,
    smtp_server_factory_fixture,
    smtp_server_fixture,
)
from tests.test_auth_support import make_user

CLIENT_ADDRESS = "203.0.113.77"
CLIENT_NETWORK = "203.0.113.0/24"
RUN = uuid.uuid4().hex[:10]


def mark(field: str) -> str:
    return f"PHIMARK-{field}-{RUN}"


def unique_phone() -> tuple[str, str]:
    """A valid Anchorage number whose seven digits come from this run: (typed, E.164)."""
    seed = int(RUN, 16)
    for step in range(1000):
        local = f"{(seed + step * 7919) % 10_000_000:07d}"
        typed = f"(907) {local[:3]}-{local[3:]}"
        number = phonenumbers.parse(typed, "US")
        if local[0] not in "01" and phonenumbers.is_valid_number(number):
            return typed, phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    raise AssertionError("no valid number found")


PHONE_TYPED, PHONE_E164 = unique_phone()
LOCAL_DIGITS = PHONE_E164[-7:]
EMAIL = f"{mark('email').lower()}@example.com"
DOB = "1937-11-23"
PATIENT_FIELDS = {
    "name": mark("name"),
    "email": EMAIL,
    "phone": PHONE_TYPED,
    "message": f"{mark('message')} My mother's scan showed the cancer is back.",
    "patient_name": mark("patient_name"),
    "patient_dob": DOB,
    "referring_physician": mark("referring_physician"),
}
STAFF_TEXT = {
    "note": mark("note"),
    "contact_note": mark("contact_note"),
    "clinician": mark("clinician"),
    "decline": mark("decline"),
}
AGAIN = "again"  # the message of the enquiry sent twice to break a unique index
# Every marker, and the other forms a value may take once normalised or formatted.
MARKERS = [
    *PATIENT_FIELDS.values(),
    *STAFF_TEXT.values(),
    mark("email"),
    mark(AGAIN),
    PHONE_E164,
    PHONE_E164[1:],
    LOCAL_DIGITS,
    f"{LOCAL_DIGITS[:3]}-{LOCAL_DIGITS[3:]}",
    "1937-11-23",
    "23 Nov 1937",
    RUN,  # the shared part of every marker
]


def found(text: str) -> list[str]:
    lowered = text.lower()
    return [m for m in MARKERS if m.lower() in lowered]


# --- a browser that remembers every URL it saw ------------------------------------------------


class Browser:
    """A test client from the client address, recording URLs: requested, redirected to and
    linked from every page (href, src, action)."""

    def __init__(self, app: Flask, urls: list[str]) -> None:
        self.client: FlaskClient = app.test_client()
        self.client.environ_base["REMOTE_ADDR"] = CLIENT_ADDRESS
        self.urls = urls

    def open(self, url: str, method: str = "GET", **options: Any) -> tuple[int, str, str]:
        self.urls.append(url)
        response = self.client.open(url, method=method, **options)
        try:
            location = response.headers.get("Location", "")
            if location:
                self.urls.append(location)
            body = response.get_data(as_text=True)
            if response.mimetype == "text/html":
                self.urls += re.findall(r'(?:href|src|action)="([^"]*)"', body)
            return response.status_code, location, body
        finally:
            response.close()

    def get(self, url: str, **options: Any) -> tuple[int, str, str]:
        return self.open(url, "GET", **options)

    def post(self, url: str, data: Any = None, **options: Any) -> tuple[int, str, str]:
        return self.open(url, "POST", data=data, **options)


# --- the flow ---------------------------------------------------------------------------------


@pytest.fixture
def phi_app(app_factory: Any, smtp_server: SmtpServer, monkeypatch: pytest.MonkeyPatch) -> Flask:
    app: Flask = app_factory(
        RATELIMIT_ENABLED=True,
        ENQUIRY_RATE_LIMIT="3 per minute",
        CLINIC_NOTIFY_ROUTES="recurrence:oncology@clinic.example",
        OUTBOX_MAX_ATTEMPTS=1,  # a refused message becomes a dead letter at once
        EXPORT_ROLE="admin",
        **smtp_server.config(),
    )
    from intake.auth import access

    # A public route that fails the way careless code would: quoting what was posted.
    monkeypatch.setattr(access, "PUBLIC_ENDPOINTS", access.PUBLIC_ENDPOINTS | {"phi_boom"})

    @app.post("/_phi/boom", endpoint="phi_boom")
    def boom() -> str:
        from flask import request

        raise ValueError(f"could not read {request.form.get('message')!r}")

    return app


@pytest.fixture
def all_logs(
    app_logs: pytest.LogCaptureFixture, capfd: pytest.CaptureFixture[str]
) -> Iterator[tuple[pytest.LogCaptureFixture, pytest.CaptureFixture[str]]]:
    """The app's loggers (app_logs), the root logger and werkzeug at every level, and the
    app's own handler's output on stderr. SQLAlchemy's statement echo stays off, as in
    production (it would log parameters by design)."""
    # set_level also sets the capturing handler's level: the last call must be DEBUG.
    app_logs.set_level(logging.WARNING, logger="sqlalchemy")
    app_logs.set_level(logging.DEBUG, logger="werkzeug")
    app_logs.set_level(logging.DEBUG)  # the root logger
    yield app_logs, capfd


def refused_and_limited(app: Flask, patient: Browser, monkeypatch: pytest.MonkeyPatch) -> None:
    """A refused form, an expired CSRF token, the rate limit: each re-shows the typed text."""
    fields = {**PATIENT_FIELDS, "kind": "appointment", "relationship": "caregiver"}
    status, _, page = patient.post("/contact", data=valid_form(**fields, consent=""))
    assert status == 422 and mark("message") in page  # the patient's own page keeps the text
    monkeypatch.setitem(app.config, "WTF_CSRF_ENABLED", True)
    status, _, page = patient.post("/contact", data=valid_form(**fields))
    assert status == 400 and mark("message") in page
    monkeypatch.setitem(app.config, "WTF_CSRF_ENABLED", False)


def submit(app: Flask, patient: Browser) -> str:
    """The real form with a marker in every field; returns the reference."""
    patient.get("/contact?concern=recurrence&from=recurrence")
    data = valid_form(
        started=started_token(app),
        kind="appointment",
        relationship="caregiver",
        preferred_contact="phone",
        wants_confirmation="y",
        voicemail_ok="y",
        may_discuss_care="yes",
        patient_is_existing="yes",
        appointment_patient_status="existing",
        preferred_days=["mon", "tue"],
        concerns=["recurrence"],
        **PATIENT_FIELDS,
    )
    status, location, _ = patient.post("/contact", data=data)
    assert status == 303 and location == "/contact/thanks"
    status, _, page = patient.get("/contact/thanks")
    assert status == 200
    reference = re.search(r"ACT-[0-9A-Z]{4}-[0-9A-Z]{4}", page)
    assert reference is not None
    return reference.group(0)


def sign_in(app: Flask, urls: list[str]) -> Browser:
    make_user(app, "admin@clinic.example", role="admin", name="Ada Admin")
    staff = Browser(app, urls)
    status, location, _ = staff.post(
        "/staff/login", data={"email": "admin@clinic.example", "password": _password()}
    )
    assert status == 303, location
    return staff


def _password() -> str:
    from tests.test_auth_support import PASSWORD

    return PASSWORD


def revision(app: Flask, reference: str) -> str:
    with app.app_context():
        value = db.session.scalar(select(Enquiry.revision).where(Enquiry.reference == reference))
        return str(value)


def act(app: Flask, staff: Browser, reference: str, action: str, **fields: Any) -> str:
    data = {f"{action}-revision": revision(app, reference)}
    data.update({f"{action}-{name}": value for name, value in fields.items()})
    status, location, page = staff.post(f"/staff/enquiries/{reference}/{action}", data=data)
    assert status == 303, (action, status, page[:500])
    return location


def staff_work(app: Flask, staff: Browser, reference: str) -> None:
    """Everything staff do with the enquiry, through the pages."""
    assert staff.get("/staff/")[0] == 200
    for terms in (mark("name"), EMAIL, PHONE_TYPED, LOCAL_DIGITS):
        status, location, _ = staff.post("/staff/search", data={"terms": terms})
        assert status == 303 and "search=" in location
        status, _, page = staff.get(location)
        assert status == 200 and reference in page, terms
    status, _, page = staff.get(f"/staff/enquiries/{reference}")
    assert status == 200 and mark("message") in page  # staff see it; nothing else keeps it
    act(app, staff, reference, "assign", assignee="me")
    act(app, staff, reference, "note", text=STAFF_TEXT["note"])
    act(
        app,
        staff,
        reference,
        "contact",
        method="phone",
        outcome="reached",
        note=STAFF_TEXT["contact_note"],
    )
    act(app, staff, reference, "reply", template="call_us")
    day = (datetime.now(UTC) + timedelta(days=20)).date().isoformat()
    act(
        app,
        staff,
        reference,
        "appointment",
        day=day,
        start="10:30",
        duration="60",
        location=app.config["CLINIC_NAME"],
        clinician=STAFF_TEXT["clinician"],
        send_confirmation="y",
    )
    # A refused action keeps the staff member's text on its page, and nowhere else.
    data = {"decline-revision": "0", "decline-reason": STAFF_TEXT["decline"]}
    status, _, page = staff.post(f"/staff/enquiries/{reference}/decline", data=data)
    assert status == 409 and STAFF_TEXT["decline"] in page
    assert staff.get(f"/staff/enquiries/{reference}")[0] == 200
    assert staff.get("/staff/export?status=any")[0] == 200
    status, _, csv_text = staff.post("/staff/export", data={"status": "any"})
    assert status == 200 and mark("name") in csv_text  # the admin's own download
    assert staff.get("/staff/reports")[0] == 200
    assert staff.get(f"/staff/audit?reference={reference}")[0] == 200
    assert staff.get("/staff/audit")[0] == 200
    assert staff.get("/staff/outbox")[0] == 200


def forced_errors(app: Flask, patient: Browser) -> None:
    """A 500 whose exception quotes the patient's text, and a real database error whose
    message quotes the statement's parameters (a unique index the second copy breaks)."""
    status, _, page = patient.post("/_phi/boom", data={"message": PATIENT_FIELDS["message"]})
    assert status == 500 and mark("message") not in page
    from intake.extensions import limiter

    limiter.reset()  # the rate limit was used up above
    again = f"{mark(AGAIN)} {PATIENT_FIELDS['message']}"
    with app.app_context():
        db.session.execute(
            sa.text(
                "CREATE UNIQUE INDEX phi_once ON enquiry (message) "
                f"WHERE message LIKE '{mark(AGAIN)}%'"
            )
        )
        db.session.commit()
    for expected in (303, 500):  # the second copy breaks the index
        data = valid_form(started=started_token(app), **{**PATIENT_FIELDS, "message": again})
        status, _, page = patient.post("/contact", data=data)
        assert status == expected, page[:300]
    assert mark("again") in page  # re-shown to the patient only
    with app.app_context():
        db.session.execute(sa.text("DROP INDEX phi_once"))
        db.session.commit()


def deliver(app: Flask, smtp: SmtpServer) -> None:
    """First everything queued is delivered; then the server refuses, quoting the address."""
    run_worker_once(app)
    smtp.handler.rcpt_reply = f"550 5.1.1 <{EMAIL}>: Recipient address rejected: User unknown"
    with app.app_context():
        db.session.execute(sa.update(OutboxMessage).values(status="pending", attempts=0))
        db.session.commit()
    run_worker_once(app)  # every message again, each refused and stored as a dead letter
    # Some servers quote only the local part of the recipient, which no address pattern can
    # recognise: the patient's own mail again, refused that way.
    smtp.handler.rcpt_reply = None
    smtp.handler.data_reply = f"451 4.7.1 {mark('email').lower()}: mailbox busy, try again later"
    with app.app_context():
        db.session.execute(
            sa.update(OutboxMessage)
            .where(OutboxMessage.recipient == EMAIL)
            .values(status="pending", attempts=0)
        )
        db.session.commit()
    run_worker_once(app)
    smtp.handler.data_reply = None


# --- the search -------------------------------------------------------------------------------


def log_text(logs: pytest.LogCaptureFixture, capfd: pytest.CaptureFixture[str]) -> str:
    """Every record (its message and every attribute, the traceback as the app's handler
    rendered it), plus everything written to stdout and stderr."""
    parts = []
    for record in logs.records:
        if record.name.startswith("mail.log"):
            continue  # aiosmtpd: the test's stand-in for the mail relay, not the app
        attributes = {k: v for k, v in vars(record).items() if k not in {"exc_info", "msg"}}
        parts.append(record.getMessage())
        parts.append(repr(attributes))
    out, err = capfd.readouterr()
    return "\n".join([*parts, out, err])


def patient_mail_problems(text: str) -> list[str]:
    """The patient's own mail may name their address (it is sent to it), nothing else."""
    return found(re.sub(re.escape(EMAIL), "<the patient's address>", text, flags=re.IGNORECASE))


def test_no_phi_in_logs_mail_errors_urls_or_audit(
    phi_app: Flask,
    smtp_server: SmtpServer,
    all_logs: tuple[pytest.LogCaptureFixture, pytest.CaptureFixture[str]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    logs, capfd = all_logs
    app = phi_app
    urls: list[str] = []
    patient = Browser(app, urls)

    refused_and_limited(app, patient, monkeypatch)
    reference = submit(app, patient)
    # The limit (3 a minute, counting the refused form) re-shows the form with the text.
    data = valid_form(started=started_token(app), **PATIENT_FIELDS)
    assert patient.post("/contact", data=data)[0] == 303  # the third post of the minute
    status, _, page = patient.post("/contact", data=data)
    assert status == 429 and mark("message") in page

    staff = sign_in(app, urls)
    staff_work(app, staff, reference)
    deliver(app, smtp_server)
    forced_errors(app, Browser(app, urls))
    status, _, _ = staff.post("/staff/outbox/retry-dead")
    assert status == 303

    # Logs -------------------------------------------------------------------------------
    logged = log_text(logs, capfd)
    assert "POST /contact" in logged and "GET /staff/enquiries/" in logged  # logs were seen
    assert "ValueError" in logged and "IntegrityError" in logged  # ...the errors too
    leaks = [line for line in logged.splitlines() if found(line)]
    assert found(logged) == [], leaks[:5]
    assert CLIENT_ADDRESS not in logged
    assert CLIENT_NETWORK in logged

    # Mail sent --------------------------------------------------------------------------
    received = smtp_server.received
    kinds = set()
    for mail in received:
        text = mail.data.decode("utf-8", "replace") + " " + " ".join(mail.rcpt_tos)
        decoded = "\n".join(
            part.get_content()
            for part in mail.message.walk()
            if part.get_content_maintype() == "text"
        )
        if mail.rcpt_tos == (EMAIL,):
            kinds.add("patient")
            assert patient_mail_problems(text + decoded) == [], mail.message["Subject"]
            assert mark("email").lower() not in decoded.lower()  # the body does not repeat it
        else:
            kinds.add("clinic")
            assert found(text + decoded) == [], (mail.rcpt_tos, mail.message["Subject"])
    assert kinds == {"patient", "clinic"}

    # Mail stored, and its errors ----------------------------------------------------------
    with app.app_context():
        rows = list(db.session.scalars(select(OutboxMessage)))
        assert {row.kind for row in rows} >= {
            "clinic_notification",
            "patient_confirmation",
            "staff_reply",
            "appointment_confirmation",
        }
        errors = [row.last_error for row in rows if row.last_error]
        assert errors, "the refusals were stored"
        for row in rows:
            assert found(row.last_error or "") == [], row.last_error
            stored = " ".join(
                str(getattr(row, column.key)) for column in OutboxMessage.__table__.columns
            )
            stored += " ".join(
                attachment.data.decode("utf-8", "replace") for attachment in row.attachments
            )
            if row.recipient.lower() == EMAIL:
                assert patient_mail_problems(stored) == [], row.kind
            else:
                assert found(stored) == [], row.kind

        # Audit rows ---------------------------------------------------------------------
        events = list(db.session.scalars(select(AuditEvent)))
        assert len(events) > 10
        for event in events:
            columns = " ".join(
                str(getattr(event, column.key)) for column in AuditEvent.__table__.columns
            )
            assert found(columns) == [], (event.action, columns)
            assert CLIENT_ADDRESS not in columns
        assert {event.client for event in events} <= {CLIENT_NETWORK, "cli", "-"}

    # URLs ---------------------------------------------------------------------------------
    assert any("search=" in url for url in urls)
    for url in urls:
        assert found(url) == [], url


def test_markers_are_really_stored(phi_app: Flask) -> None:
    """The search above is only meaningful if the markers did reach the database."""
    patient = Browser(phi_app, [])
    reference = submit(phi_app, patient)
    with phi_app.app_context():
        enquiry = db.session.scalar(select(Enquiry).where(Enquiry.reference == reference))
        assert enquiry is not None
        assert enquiry.writer_name == mark("name") and enquiry.email == EMAIL
        assert enquiry.phone == PHONE_E164 and enquiry.patient_dob == date(1937, 11, 23)
        assert enquiry.patient_name == mark("patient_name")
        assert enquiry.referring_physician == mark("referring_physician")
        assert mark("message") in enquiry.message
