"""The sender against a real SMTP server: timeouts, TLS checks, Message-IDs, 4xx/5xx, headers."""

from __future__ import annotations

import re
import shutil
import ssl
import subprocess
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask_mail import Message

from config import ConfigError
from intake.notify.sender import (
    ConsoleTransport,
    HeaderInjectionError,
    OutgoingMail,
    PermanentFailure,
    SmtpSettings,
    SmtpTransport,
    TemporaryFailure,
    build_mime,
    check_header,
    strip_addresses,
    transport_from_config,
)
from tests.smtp_server import (  # noqa: F401 - fixtures
    SilentServer,
    SmtpServer,
    free_port,
    silent_server_fixture,
    smtp_server_factory_fixture,
    smtp_server_fixture,
)

ICS = b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//intake//test//EN\r\nEND:VCALENDAR\r\n"


def mail(**changes: Any) -> OutgoingMail:
    base = OutgoingMail(
        id=1,
        kind="clinic_notification",
        recipient="clinic@clinic.example",
        subject="New question ACT-TEST-0001 (routine) - Alaska Cancer Treatment Center",
        body_text="Plain part\n",
        body_html="<p>HTML part</p>",
        message_id="<stored.1@clinic.example>",
        date=datetime(2026, 1, 15, 18, 30, tzinfo=UTC),
        priority=2,
    )
    return replace(base, **changes)


def settings(port: int, **changes: Any) -> SmtpSettings:
    base = SmtpSettings(
        host="127.0.0.1",
        port=port,
        use_tls=False,
        use_ssl=False,
        username=None,
        password=None,
        timeout=5,
        sender="intake@clinic.example",
        sender_name="Alaska Cancer Treatment Center",
    )
    return replace(base, **changes)


def send(transport: SmtpTransport, message: OutgoingMail) -> None:
    try:
        transport.deliver(message)
    finally:
        transport.close()


@pytest.mark.parametrize(
    "value",
    ["a\r\nBcc: x@evil.example", "a\nBcc: x", "a\rb", "a\x00b", "a\tb", "a\u2028b", "a\x85b"],
)
def test_check_header_refuses_line_breaks_and_control_characters(value: str) -> None:
    with pytest.raises(HeaderInjectionError, match="Subject"):
        check_header("Subject", value)


def test_check_header_keeps_ordinary_text() -> None:
    assert check_header("Subject", "Clinique Saint-Étienne: réf ACT-1") == (
        "Clinique Saint-Étienne: réf ACT-1"
    )


def test_flask_mail_alone_misses_injection_that_we_refuse(app: Flask) -> None:
    """Why every header is checked here: Flask-Mail 0.10 checks only some of them."""
    with app.app_context():
        unchecked = Message(
            subject="ok",
            recipients=["clinic@clinic.example"],
            sender="intake@clinic.example",
            extra_headers={"Auto-Submitted": "auto-generated\r\nBcc: x@evil.example"},
        )
        assert not unchecked.has_bad_headers()
        for bad in (
            mail(subject="Hi\r\nBcc: x@evil.example"),
            mail(subject="Hi\nBcc: x@evil.example"),
            mail(recipient="clinic@clinic.example\r\nBcc: x@evil.example"),
            mail(recipient="Clinic <clinic@clinic.example>"),
            mail(message_id="<a@b>\r\nBcc: x@evil.example"),
            mail(attachments=(("a.ics\r\nBcc: x", "text/calendar", ICS),)),
            mail(attachments=(("a.ics", "text/calendar; method=REQUEST", ICS),)),
        ):
            with pytest.raises(PermanentFailure, match="refused before sending"):
                build_mime(bad, settings(25))


def test_the_stored_message_id_is_reused_on_every_attempt(app: Flask) -> None:
    with app.app_context():
        first = build_mime(mail(), settings(25))
        second = build_mime(mail(), settings(25))
    assert b"Message-ID: <stored.1@clinic.example>" in first
    # A retry is the same message (only the random MIME boundary differs).
    boundary = re.compile(rb"=+[0-9]+==")
    assert boundary.sub(b"", first) == boundary.sub(b"", second)


def test_a_message_arrives_as_built(app: Flask, smtp_server: SmtpServer) -> None:
    # Flask-Mail would silently drop this under TESTING; the outbox never asks it to send.
    assert app.testing and app.extensions["mail"].suppress
    with app.app_context():
        send(SmtpTransport(settings(smtp_server.port)), mail(priority=0))
    [item] = smtp_server.received
    message = item.message
    assert item.mail_from == "intake@clinic.example"
    assert item.rcpt_tos == ("clinic@clinic.example",)
    assert message["Message-ID"] == "<stored.1@clinic.example>"
    assert message["From"] == "Alaska Cancer Treatment Center <intake@clinic.example>"
    assert message["Auto-Submitted"] == "auto-generated"
    assert message["Importance"] == "high"
    assert sorted(k.lower() for k in message.keys()) == sorted(
        [
            "content-type",
            "mime-version",
            "subject",
            "from",
            "to",
            "date",
            "message-id",
            "auto-submitted",
            "importance",
            "x-priority",
        ]
    )


def test_an_ics_attachment_arrives(app: Flask, smtp_server: SmtpServer) -> None:
    with app.app_context():
        send(
            SmtpTransport(settings(smtp_server.port)),
            mail(attachments=(("appointment.ics", "text/calendar", ICS),)),
        )
    [item] = smtp_server.received
    [attachment] = list(item.message.iter_attachments())
    assert attachment.get_filename() == "appointment.ics"
    assert attachment.get_content_type() == "text/calendar"
    assert attachment.get_payload(decode=True) == ICS


def test_connection_refused_is_temporary(app: Flask) -> None:
    with app.app_context(), pytest.raises(TemporaryFailure) as caught:
        send(SmtpTransport(settings(free_port())), mail())
    assert caught.value.connection
    assert "ConnectionRefusedError" in str(caught.value)


def test_a_server_that_never_answers_times_out(app: Flask, silent_server: SilentServer) -> None:
    """Flask-Mail would wait forever here: it sets no timeout."""
    started = time.monotonic()
    with app.app_context(), pytest.raises(TemporaryFailure) as caught:
        send(SmtpTransport(settings(silent_server.port, timeout=1)), mail())
    assert time.monotonic() - started < 4
    assert caught.value.connection
    assert "timed out" in str(caught.value).lower()


def test_a_server_slow_to_accept_the_data_times_out(
    app: Flask, smtp_server_factory: Callable[..., SmtpServer]
) -> None:
    server = smtp_server_factory(delay=3)
    started = time.monotonic()
    with app.app_context(), pytest.raises(TemporaryFailure):
        send(SmtpTransport(settings(server.port, timeout=1)), mail())
    assert time.monotonic() - started < 2.5


@pytest.mark.parametrize(
    ("where", "reply", "permanent"),
    [
        ("rcpt", "450 4.2.1 <clinic@clinic.example>: mailbox busy", False),
        ("rcpt", "550 5.1.1 <clinic@clinic.example>: user unknown", True),
        ("data", "451 4.3.0 clinic@clinic.example: try again later", False),
        ("data", "554 5.7.1 message from intake@clinic.example rejected", True),
    ],
)
def test_4xx_is_temporary_and_5xx_permanent_with_addresses_stripped(
    app: Flask, smtp_server: SmtpServer, where: str, reply: str, permanent: bool
) -> None:
    setattr(smtp_server.handler, f"{where}_reply", reply)
    with app.app_context(), pytest.raises((TemporaryFailure, PermanentFailure)) as caught:
        send(SmtpTransport(settings(smtp_server.port)), mail())
    assert caught.value.permanent is permanent
    text = str(caught.value)
    assert reply[:3] in text
    assert "@" not in text and "<address>" in text
    assert smtp_server.received == []


def test_a_dropped_connection_is_reopened_for_the_next_message(
    app: Flask, smtp_server_factory: Callable[..., SmtpServer]
) -> None:
    port = free_port()
    first = smtp_server_factory(port=port)
    transport = SmtpTransport(settings(port))
    with app.app_context():
        transport.deliver(mail())
        first.stop()  # the server restarts between two messages
        second = smtp_server_factory(port=port)
        send(transport, mail(id=2, message_id="<stored.2@clinic.example>"))
    assert [r.message_id for r in second.received] == ["<stored.2@clinic.example>"]


def test_strip_addresses_removes_every_address() -> None:
    text = strip_addresses("550 <a.b+c@x.example> and d@y.example\r\nrefused (e@z)")
    assert text == "550 <address> and <address> refused (<address>)"
    assert len(strip_addresses("x" * 2000)) == 500


# TLS ------------------------------------------------------------------------------------------


@pytest.fixture
def certificate(tmp_path: Path) -> tuple[Path, Path]:
    """A self-signed certificate for 127.0.0.1 (made with the openssl command line)."""
    if shutil.which("openssl") is None:
        pytest.skip("openssl command not found: cannot make a test certificate")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "1",
            "-keyout",
            str(key),
            "-out",
            str(cert),
            "-subj",
            "/CN=127.0.0.1",
            "-addext",
            "subjectAltName=IP:127.0.0.1",
        ],
        check=True,
        capture_output=True,
    )
    return cert, key


def server_context(cert: Path, key: Path) -> ssl.SSLContext:
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    return context


def test_starttls_checks_the_certificate(
    app: Flask,
    smtp_server_factory: Callable[..., SmtpServer],
    certificate: tuple[Path, Path],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    server = smtp_server_factory(tls_context=server_context(*certificate))
    with app.app_context(), pytest.raises(TemporaryFailure, match="CERTIFICATE_VERIFY_FAILED"):
        send(SmtpTransport(settings(server.port, use_tls=True)), mail())
    assert server.received == []  # never sent in plain text instead
    # Trusting the certificate (as a real relay's is trusted through the system store) works.
    monkeypatch.setenv("SSL_CERT_FILE", str(certificate[0]))
    with app.app_context():
        send(SmtpTransport(settings(server.port, use_tls=True)), mail())
    assert len(server.received) == 1


def test_starttls_required_but_not_offered_sends_nothing(
    app: Flask, smtp_server: SmtpServer
) -> None:
    with app.app_context(), pytest.raises(TemporaryFailure, match="STARTTLS"):
        send(SmtpTransport(settings(smtp_server.port, use_tls=True)), mail())
    assert smtp_server.received == []


def test_implicit_tls_checks_the_certificate(
    app: Flask,
    smtp_server_factory: Callable[..., SmtpServer],
    certificate: tuple[Path, Path],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    server = smtp_server_factory(ssl_context=server_context(*certificate))
    with app.app_context(), pytest.raises(TemporaryFailure, match="CERTIFICATE_VERIFY_FAILED"):
        send(SmtpTransport(settings(server.port, use_ssl=True)), mail())
    monkeypatch.setenv("SSL_CERT_FILE", str(certificate[0]))
    with app.app_context():
        send(SmtpTransport(settings(server.port, use_ssl=True)), mail())
    assert len(server.received) == 1


# Development and production -------------------------------------------------------------------


def test_without_mail_server_mail_is_printed_and_marked_not_sent(
    app: Flask, capsys: pytest.CaptureFixture[str]
) -> None:
    transport = transport_from_config(dict(app.config, MAIL_SERVER=""))
    assert isinstance(transport, ConsoleTransport)
    with app.app_context():
        transport.deliver(mail())
    out = capsys.readouterr().out
    assert "MAIL NOT SENT" in out
    assert "To: clinic@clinic.example" in out
    assert "Plain part" in out


def test_production_never_prints_mail(app: Flask) -> None:
    with pytest.raises(ConfigError, match="MAIL_SERVER"):
        transport_from_config(dict(app.config, MAIL_SERVER="", ENV_NAME="production"))


def test_smtp_settings_refuse_tls_and_ssl_together(app: Flask) -> None:
    with pytest.raises(ConfigError, match="MAIL_USE_TLS"):
        SmtpSettings.from_config(dict(app.config, MAIL_USE_TLS=True, MAIL_USE_SSL=True))
