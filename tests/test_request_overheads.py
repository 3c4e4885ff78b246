"""The per-request savings of docs/performance.md keep every behaviour they replace.

* The app's log line: the client's network is remembered per address (never another
  visitor's), the time field is formatted once per second and reads the same.
* Security headers are appended in one go, yet replace any a view set itself, and appear once.
* Flask-WTF's check runs only for the methods it checks; limits and CSRF are still enforced.
* Form fields are never shared between forms (a guard for any future form-building shortcut).
* Mail bodies rendered without render_template are byte for byte the same.
* The control-character check's fast path agrees with the per-character definition.
"""

from __future__ import annotations

import ipaddress
import json
import logging
import sys
import time
import unicodedata
from typing import Any

import pytest
from flask import Flask, render_template
from werkzeug.datastructures import Headers, MultiDict

from intake.enquiry.fields import control_characters
from intake.enquiry.forms import EnquiryForm
from intake.logs import JsonFormatter, _client_label, client_label
from intake.notify.queue import render_mail_template
from intake.security import CSP, fixed_headers, set_headers
from tests.conftest import valid_form

SECURITY_HEADERS = (
    "Content-Security-Policy",
    "X-Content-Type-Options",
    "Referrer-Policy",
    "Permissions-Policy",
    "X-Frame-Options",
    "Cross-Origin-Opener-Policy",
    "Cache-Control",
)


# --- the log line ---------------------------------------------------------------------------


def uncached_label(address: str) -> str:
    ip = ipaddress.ip_address(address)
    prefix = 24 if ip.version == 4 else 48
    return str(ipaddress.ip_network(f"{ip}/{prefix}", strict=False))


def test_client_label_is_each_address_own_network_however_often_asked() -> None:
    addresses = ["10.1.2.3", "10.1.3.3", "192.0.2.200", "2001:db8:1:2::7", "2001:db8:2::1"]
    for _ in range(3):  # the second and third rounds come from the cache
        for address in addresses:
            assert client_label(address) == uncached_label(address)
    assert client_label("10.1.2.3") != client_label("10.1.3.3")
    assert "10.1.2.3" not in client_label("10.1.2.3")
    assert client_label(None) == client_label("") == "-"
    assert client_label("not an address").startswith("h:")
    assert _client_label.cache_info().maxsize == 4096  # bounded


def test_json_time_field_is_the_same_as_loggings_and_follows_the_clock() -> None:
    formatter = JsonFormatter()
    plain = logging.Formatter()
    now = time.time()
    for created in (now, now + 0.2, now + 1.0, now + 3600.5, now - 86400):
        record = logging.LogRecord("intake.access", logging.INFO, __file__, 1, "x", None, None)
        record.created = created
        line = json.loads(formatter.format(record))
        assert line["time"] == plain.formatTime(record, JsonFormatter.TIME_FORMAT)


def test_access_line_has_the_network_path_and_no_query(
    app: Flask, app_logs: pytest.LogCaptureFixture
) -> None:
    client = app.test_client()
    client.get("/privacy?q=secret", environ_base={"REMOTE_ADDR": "198.51.100.77"})
    client.get("/privacy?q=secret", environ_base={"REMOTE_ADDR": "203.0.113.9"})
    lines = [r for r in app_logs.records if r.name == "intake.access"]
    assert [r.client for r in lines[-2:]] == ["198.51.100.0/24", "203.0.113.0/24"]  # type: ignore[attr-defined]
    assert all(r.path == "/privacy" for r in lines[-2:])  # type: ignore[attr-defined]
    assert all("secret" not in r.getMessage() for r in lines)


# --- security headers -----------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/", "/privacy", "/contact", "/no-such-page", "/staff/"])
def test_every_security_header_once(app: Flask, path: str) -> None:
    response = app.test_client().get(path)
    for name in SECURITY_HEADERS:
        assert len(response.headers.getlist(name)) == 1, name
    assert response.headers["Content-Security-Policy"] == CSP
    assert "Server" not in response.headers


def test_set_headers_replaces_what_a_view_set() -> None:
    headers = Headers([("content-security-policy", "default-src *"), ("X-Other", "1")])
    set_headers(headers, fixed_headers(True, True))
    assert headers.getlist("Content-Security-Policy") == [CSP]
    assert headers["X-Other"] == "1"
    assert headers["Strict-Transport-Security"].startswith("max-age=")
    fresh = Headers()
    set_headers(fresh, fixed_headers(False, False))
    assert "Content-Security-Policy" not in fresh and "Strict-Transport-Security" not in fresh


def test_hsts_follows_the_setting(app: Flask, app_factory: Any) -> None:
    # Settings are read as the app starts (public pages keep their first answer's headers).
    assert "Strict-Transport-Security" not in app.test_client().get("/").headers
    hsts = app_factory(HSTS_ENABLED=True).test_client()
    assert hsts.get("/").headers["Strict-Transport-Security"]
    assert hsts.get("/").headers["Strict-Transport-Security"]  # the kept answer too


# --- limiter and CSRF hooks -----------------------------------------------------------------


def test_limits_and_their_headers_still_apply_to_the_post(app_factory: Any) -> None:
    app = app_factory(
        ENQUIRY_RATE_LIMIT="2 per minute", RATELIMIT_ENABLED=True, RATELIMIT_HEADERS_ENABLED=True
    )
    client = app.test_client()
    page = client.get("/contact")
    assert page.status_code == 200 and "X-RateLimit-Limit" not in page.headers
    first = client.post("/contact", data=valid_form())
    assert first.status_code == 303
    assert first.headers["X-RateLimit-Limit"] == "2"
    assert first.headers["X-RateLimit-Remaining"] == "1"
    client.post("/contact", data=valid_form())
    refused = client.post("/contact", data=valid_form())
    assert refused.status_code == 429
    assert client.get("/").status_code == 200  # the next request starts clean


def test_csrf_is_still_checked_on_post_and_skipped_on_get(app_factory: Any) -> None:
    app = app_factory(WTF_CSRF_ENABLED=True)
    client = app.test_client()
    assert client.get("/contact").status_code == 200
    refused = client.post("/contact", data=valid_form())
    assert refused.status_code == 400  # re-shown with the "expired" refusal


# --- form fields ----------------------------------------------------------------------------


def test_form_fields_are_never_shared_between_forms(app: Flask) -> None:
    with app.test_request_context("/contact", method="POST"):
        bad = EnquiryForm(formdata=MultiDict({"kind": "nonsense", "message": ""}))
        assert not bad.validate()
        assert bad.message.errors and bad.kind.errors
        bad.name.render_kw = {"class": "changed"}
        bad.kind.flags.changed = True
        bad.kind.choices.append(("x", "X"))
        bad.message.label.text = "Changed"

        fresh = EnquiryForm(formdata=None)
        for field in fresh:
            assert not field.errors
        assert fresh.message.data is None
        assert fresh.kind.data == "question"  # the default, not the other visitor's value
        assert fresh.name.render_kw is None
        assert not getattr(fresh.kind.flags, "changed", False)
        assert [c.value for c in fresh.kind.choices] == ["question", "appointment"]
        for mine, theirs in zip(fresh, bad, strict=True):
            assert mine is not theirs
            assert mine._form is fresh and mine.meta is fresh.meta  # type: ignore[attr-defined]
        assert fresh.message.label.text == "Your message"
        assert fresh.message.flags.required


def test_a_form_validates_and_a_second_one_is_its_own(app: Flask) -> None:
    data = valid_form(email="Patient@Example.com", started="x")
    with app.test_request_context("/contact", method="POST"):
        form = EnquiryForm(formdata=MultiDict(data))
        assert form.validate(), form.errors
        assert form.clean_email == "Patient@example.com"
        again = EnquiryForm(formdata=MultiDict({**data, "consent": ""}))
        assert not again.validate()
        assert again.consent.errors == [
            "Tick the box to agree, so that we can store your message and reply to you."
        ]
        assert form.clean_email == "Patient@example.com" and again.clean_email is not None


# --- mail -----------------------------------------------------------------------------------


@pytest.mark.parametrize("urgency", ["emergency", "routine"])
def test_direct_mail_render_is_byte_for_byte_render_template(app: Flask, urgency: str) -> None:
    clinic = {
        "clinic_name": "The Clinic",
        "reference": "ACT-AAAA-BBBB",
        "kind_word": "question",
        "urgency": urgency,
        "concerns": [("recurrence", "Recurrence <&>"), ("symptoms", "Symptoms")],
        "received": "Thu 26 Nov 2026, 04:00 AKST",
        "link": "https://intake.example/staff/enquiries/ACT-AAAA-BBBB",
    }
    patient = {
        "clinic_name": "The Clinic",
        "reference": "ACT-AAAA-BBBB",
        "details_ok": True,
        "kind_word": "question",
        "concerns": ["Recurrence"],
        "urgency": urgency,
        "self_harm": False,
        "method": "email",
    }
    with app.test_request_context("/contact", method="POST"):
        for name, context in (("clinic_notification", clinic), ("patient_confirmation", patient)):
            for part in ("txt", "html"):
                template = f"email/{name}.{part}"
                assert render_mail_template(template, dict(context)) == render_template(
                    template, **context
                )


# --- control characters ---------------------------------------------------------------------


def test_control_character_fast_path_agrees_everywhere() -> None:
    everything = "".join(map(chr, range(sys.maxunicode + 1)))
    for allow in (frozenset(), frozenset({"\n", "\t"})):
        expected = [c for c in everything if unicodedata.category(c) == "Cc" and c not in allow]
        assert control_characters(everything, allow) == expected
        assert control_characters("plain text, é ü 中文 🙂", allow) == []
    assert control_characters("a\nb", frozenset({"\n", "\t"})) == []
    assert control_characters("a\nb", frozenset()) == ["\n"]


# --- the stored enquiry ---------------------------------------------------------------------


def test_returned_enquiry_holds_what_was_stored(app: Flask) -> None:
    from sqlalchemy import inspect as sa_inspect
    from sqlalchemy import select

    from intake.enquiry.service import Submission, store_enquiry
    from intake.extensions import db
    from intake.models import Enquiry

    sub = Submission(
        kind="question",
        message="I have had a new lump for two weeks. Could this be cancer coming back?",
        concerns=["recurrence"],
        symptoms_now=False,
        name="Test Patient",
        relationship="patient",
        email="patient@example.com",
        phone=None,
        preferred_contact="email",
        voicemail_ok=False,
        email_details_ok=False,
        wants_confirmation=False,
        submission_key="k" * 24,
        privacy_version="test",
    )
    with app.test_request_context("/contact", method="POST"):
        enquiry, created = store_enquiry(sub)
        assert created and enquiry in db.session and sa_inspect(enquiry).persistent
        assert not db.session.dirty
        assert "recurrence" in [t.tag for t in enquiry.tags]  # loaded on first use
        columns = [c.key for c in sa_inspect(Enquiry).column_attrs]
        mine = {key: getattr(enquiry, key) for key in columns}
        db.session.remove()
        stored = db.session.scalar(select(Enquiry).where(Enquiry.id == mine["id"]))
        assert stored is not None
        assert {key: getattr(stored, key) for key in columns} == mine
