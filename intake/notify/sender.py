"""The one way mail leaves intake: Flask-Mail builds the MIME, smtplib sends its bytes.

Flask-Mail 0.10 alone would send with no socket timeout, a STARTTLS that checks no certificate,
a new Message-ID per attempt and CR/LF checks on only some headers. So Flask-Mail only builds
the message; this module checks every header value, sends with ``MAIL_TIMEOUT`` on every SMTP
operation and TLS from ``ssl.create_default_context()``, keeps the stored Message-ID, and sorts
failures into temporary (retry later) and permanent (dead letter).
"""

from __future__ import annotations

import email
import email.policy
import re
import smtplib
import ssl
import sys
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from email.header import decode_header, make_header
from email.parser import BytesHeaderParser
from email.utils import formataddr, getaddresses, parseaddr
from typing import TYPE_CHECKING, Any, Protocol, TextIO

import email_validator
from flask_mail import Message

from config import ConfigError

if TYPE_CHECKING:
    from intake.notify.models import OutboxMessage

ERROR_MAX = 500
# Every header a message of ours may carry; anything else in the built bytes is refused.
ALLOWED_HEADERS = frozenset(
    {
        "auto-submitted",
        "content-transfer-encoding",
        "content-type",
        "date",
        "from",
        "importance",
        "message-id",
        "mime-version",
        "subject",
        "to",
        "x-priority",
    }
)
# RFC 5322 dot-atom addresses, ASCII only: the addresses operators configure. Bare host names
# (clinic@localhost) are allowed, which email_validator refuses.
_ATOM = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+"
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
CONFIG_ADDRESS = re.compile(rf"^{_ATOM}(?:\.{_ATOM})*@{_LABEL}(?:\.{_LABEL})*$")
# Anything shaped like an address, with or without angle brackets (for scrubbing errors).
ADDRESS_LIKE = re.compile(r"<?[^\s<>()\[\],;:\"']+@[^\s<>()\[\],;:\"']+>?")
CONTENT_TYPE = re.compile(r"^[a-z]+/[a-z0-9][a-z0-9.+-]*$")
FILENAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$")


class HeaderInjectionError(ValueError):
    """A header value holds CR, LF or another control character: it could add a header."""


class DeliveryError(Exception):
    """A failed attempt; ``str()`` is safe to store and log (addresses already stripped)."""

    permanent = False

    def __init__(self, message: str, *, connection: bool = False) -> None:
        super().__init__(strip_addresses(message))
        # True when the server itself could not be reached: the worker pauses instead of
        # trying the next message against the same dead server.
        self.connection = connection


class TemporaryFailure(DeliveryError):
    """Worth retrying later: connection refused, timeout, 4xx, a dropped connection."""


class PermanentFailure(DeliveryError):
    """Retrying cannot help (5xx for this message, a message that cannot be built)."""

    permanent = True


def check_header(name: str, value: str) -> str:
    """Refuse CR, LF and every control or line-separator character (Flask-Mail checks few)."""
    for char in value:
        if unicodedata.category(char) in {"Cc", "Zl", "Zp"}:
            raise HeaderInjectionError(
                f"{name}: control character U+{ord(char):04X} refused in a mail header"
            )
    return value


def check_config_address(value: str, setting: str) -> str:
    """An operator-configured address: plain ASCII ``local@host``, nothing else."""
    address = value.strip()
    if not CONFIG_ADDRESS.match(address) or len(address) > 254:
        raise ConfigError(
            f"{setting}: {address!r} is not a plain email address (expected name@host, "
            "with no display name, spaces or angle brackets)"
        )
    return address


def check_config_text(value: str, setting: str) -> str:
    """A setting that ends up in a header (the clinic's name): no control characters."""
    try:
        return check_header(setting, value)
    except HeaderInjectionError as exc:
        raise ConfigError(str(exc)) from None


def parse_sender(value: str) -> tuple[str, str]:
    """``MAIL_DEFAULT_SENDER`` as (name, address): ``intake@host`` or ``Name <intake@host>``."""
    check_config_text(value, "MAIL_DEFAULT_SENDER")
    name, address = parseaddr(value)
    return name, check_config_address(address, "MAIL_DEFAULT_SENDER")


def patient_envelope_address(value: str | None) -> str | None:
    """The patient's validated address as ASCII (IDN domains in punycode), or None.

    Addresses whose local part needs SMTPUTF8 return None: not every relay accepts them.
    """
    if not value:
        return None
    try:
        checked = email_validator.validate_email(value, check_deliverability=False)
    except email_validator.EmailNotValidError:
        return None
    ascii_address = checked.ascii_email
    if not ascii_address or not CONFIG_ADDRESS.match(ascii_address):
        return None
    return str(ascii_address)


def check_attachment(filename: str, content_type: str) -> None:
    """Attachment names and types are ours (e.g. ``appointment.ics``), checked all the same."""
    if not FILENAME.match(filename):
        raise HeaderInjectionError(f"attachment filename {filename!r} refused")
    if not CONTENT_TYPE.match(content_type):
        raise HeaderInjectionError(f"attachment content type {content_type!r} refused")


def strip_addresses(text: str) -> str:
    """Replace anything shaped like an email address, and keep the text to one short line."""
    text = ADDRESS_LIKE.sub("<address>", text)
    text = " ".join(text.split())
    return text[:ERROR_MAX]


@dataclass(frozen=True)
class OutgoingMail:
    """A claimed outbox message, copied out of the database so sending holds no transaction."""

    id: int
    kind: str
    recipient: str
    subject: str
    body_text: str
    body_html: str | None
    message_id: str
    date: datetime
    priority: int
    attachments: tuple[tuple[str, str, bytes], ...] = ()

    @classmethod
    def from_model(cls, message: OutboxMessage) -> OutgoingMail:
        return cls(
            id=message.id,
            kind=message.kind,
            recipient=message.recipient,
            subject=message.subject,
            body_text=message.body_text,
            body_html=message.body_html,
            message_id=message.message_id,
            date=message.created_at,
            priority=message.priority,
            attachments=tuple(
                (a.filename, a.content_type, bytes(a.data)) for a in message.attachments
            ),
        )


@dataclass(frozen=True)
class SmtpSettings:
    """The relay and the sender, read and checked once per worker."""

    host: str
    port: int
    use_tls: bool
    use_ssl: bool
    username: str | None
    password: str | None
    timeout: float
    sender: str
    sender_name: str

    @classmethod
    def from_config(cls, config: Mapping[str, Any]) -> SmtpSettings:
        name, sender = parse_sender(str(config.get("MAIL_DEFAULT_SENDER") or ""))
        sender_name = check_config_text(name or str(config.get("CLINIC_NAME") or ""), "CLINIC_NAME")
        if config.get("MAIL_USE_TLS") and config.get("MAIL_USE_SSL"):
            raise ConfigError("MAIL_USE_TLS, MAIL_USE_SSL: set one of them, not both")
        return cls(
            host=str(config.get("MAIL_SERVER") or ""),
            port=int(config.get("MAIL_PORT") or 25),
            use_tls=bool(config.get("MAIL_USE_TLS")),
            use_ssl=bool(config.get("MAIL_USE_SSL")),
            username=config.get("MAIL_USERNAME") or None,
            password=config.get("MAIL_PASSWORD") or None,
            timeout=float(config.get("MAIL_TIMEOUT") or 10),
            sender=sender,
            sender_name=sender_name,
        )


def extra_headers(mail: OutgoingMail) -> dict[str, str]:
    # RFC 3834: tells autoresponders not to answer (no loops with out-of-office replies).
    headers = {"Auto-Submitted": "auto-generated"}
    if mail.priority == 0:
        headers["Importance"] = "high"
        headers["X-Priority"] = "1"
    return headers


def build_mime(mail: OutgoingMail, settings: SmtpSettings) -> bytes:
    """The message's bytes from Flask-Mail, with the stored Message-ID; headers checked twice."""
    headers = extra_headers(mail)
    try:
        check_header("Subject", mail.subject)
        check_header("To", mail.recipient)
        check_header("Message-ID", mail.message_id)
        for name, value in headers.items():
            check_header(name, value)
        if not CONFIG_ADDRESS.match(mail.recipient):
            raise HeaderInjectionError("To: not a plain address")
        for filename, content_type, _ in mail.attachments:
            check_attachment(filename, content_type)
        message = Message(
            subject=mail.subject,
            recipients=[mail.recipient],
            body=mail.body_text,
            html=mail.body_html,
            sender=formataddr((settings.sender_name, settings.sender)),
            date=mail.date.timestamp(),
            charset="utf-8",
            extra_headers=headers,
        )
        message.msgId = mail.message_id  # Flask-Mail makes a new one per Message
        for filename, content_type, data in mail.attachments:
            message.attach(filename=filename, content_type=content_type, data=data)
        if message.has_bad_headers():
            raise HeaderInjectionError("Flask-Mail found a bad header")
        data = message.as_bytes()
    except (HeaderInjectionError, ValueError, UnicodeError) as exc:
        raise PermanentFailure(f"message refused before sending: {exc}") from None
    verify_mime(data, mail, settings)
    return data


def verify_mime(data: bytes, mail: OutgoingMail, settings: SmtpSettings) -> None:
    """Read the built headers back: exactly ours, once each, and only our recipient."""
    head = data.split(b"\r\n\r\n", 1)[0].split(b"\n\n", 1)[0]
    parsed = BytesHeaderParser(policy=email.policy.compat32).parsebytes(head + b"\r\n\r\n")
    names = [name.lower() for name in parsed.keys()]
    unexpected = sorted(set(names) - ALLOWED_HEADERS)
    repeated = sorted({name for name in names if names.count(name) > 1})
    problems = []
    if unexpected:
        problems.append(f"unexpected headers {unexpected}")
    if repeated:
        problems.append(f"repeated headers {repeated}")
    addresses = [address for _, address in getaddresses(parsed.get_all("To", []))]
    if addresses != [mail.recipient]:
        problems.append("recipient differs from the stored one")
    if str(parsed.get("Message-ID", "")).strip() != mail.message_id:
        problems.append("Message-ID differs from the stored one")
    subject = str(make_header(decode_header(str(parsed.get("Subject", "")))))
    if " ".join(subject.split()) != " ".join(mail.subject.split()):
        problems.append("subject differs from the stored one")
    if problems:
        raise PermanentFailure("message refused before sending: " + "; ".join(problems))


def describe(exc: BaseException) -> str:
    """The SMTP code and text, or the exception's kind: addresses are stripped afterwards."""
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        answers = [
            f"{code} {text.decode('utf-8', 'replace') if isinstance(text, bytes) else text}"
            for code, text in exc.recipients.values()
        ]
        return "recipient refused: " + "; ".join(answers)
    if isinstance(exc, smtplib.SMTPResponseException):
        text = exc.smtp_error
        detail = text.decode("utf-8", "replace") if isinstance(text, bytes) else str(text)
        return f"{exc.smtp_code} {detail}"
    detail = str(exc)
    return f"{type(exc).__name__}: {detail}" if detail else type(exc).__name__


def response_code(exc: BaseException) -> int | None:
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        codes = [code for code, _ in exc.recipients.values()]
        return min(codes) if codes else None
    if isinstance(exc, smtplib.SMTPResponseException):
        return exc.smtp_code
    return None


def without_recipient(text: str, recipient: str | None) -> str:
    """Addresses stripped, and the recipient's local part too: a server's answer may quote
    only that ("550 unknown user jane.doe"), which no address pattern recognises, and it must
    not reach a stored error or a log line."""
    text = strip_addresses(text)
    local = (recipient or "").rpartition("@")[0]
    if len(local) >= 2:
        pattern = rf"(?<![\w.+@-]){re.escape(local)}(?![\w+@-])"
        text = re.sub(pattern, "<address>", text, flags=re.IGNORECASE)
    return text


def classify_failure(exc: BaseException, stage: str, recipient: str | None = None) -> DeliveryError:
    """4xx, timeouts and network errors are temporary; 5xx for a message is permanent.

    Failures while connecting, starting TLS or signing in concern the relay or its settings,
    not the message, so they are temporary whatever their code: a wrong password or a bad
    certificate must not turn every queued message into a dead letter at once. They still end
    as dead letters after ``OUTBOX_MAX_ATTEMPTS``, and ``flask outbox status`` shows the age.
    """
    text = without_recipient(f"{stage}: {describe(exc)}", recipient)
    code = response_code(exc)
    if stage == "connect":
        return TemporaryFailure(text, connection=True)
    if code is not None and 400 <= code < 500:
        return TemporaryFailure(text)
    if code is not None and 500 <= code < 600:
        return PermanentFailure(text)
    if isinstance(exc, smtplib.SMTPNotSupportedError):
        return PermanentFailure(text)
    # SMTPServerDisconnected, timeouts, ConnectionRefusedError and every other OSError.
    return TemporaryFailure(text, connection=True)


class Transport(Protocol):
    """Where the worker hands each message."""

    def deliver(self, mail: OutgoingMail) -> None: ...

    def close(self) -> None: ...


class SmtpTransport:
    """SMTP with a timeout on every operation; one connection reused for a burst of mail."""

    MAX_PER_CONNECTION = 100

    def __init__(self, settings: SmtpSettings) -> None:
        self.settings = settings
        self._connection: smtplib.SMTP | None = None
        self._sent_on_connection = 0

    def _open(self) -> smtplib.SMTP:
        s = self.settings
        context = ssl.create_default_context()  # verifies the certificate and the host name
        connection: smtplib.SMTP
        if s.use_ssl:
            connection = smtplib.SMTP_SSL(s.host, s.port, timeout=s.timeout, context=context)
        else:
            connection = smtplib.SMTP(s.host, s.port, timeout=s.timeout)
        try:
            connection.ehlo()
            if s.use_tls:
                # Refuses to go on in plain text when the server offers no STARTTLS.
                connection.starttls(context=context)
                connection.ehlo()
            if s.username and s.password:
                connection.login(s.username, s.password)
        except BaseException:
            connection.close()
            raise
        return connection

    def _ready_connection(self) -> smtplib.SMTP:
        """The open connection if the server still answers, or a new one."""
        if self._connection is not None:
            try:
                code, _ = self._connection.noop()
            except (smtplib.SMTPException, OSError):
                code = 0
            if code == 250:
                return self._connection
            self._discard()
        self._connection = self._open()
        self._sent_on_connection = 0
        return self._connection

    def deliver(self, mail: OutgoingMail) -> None:
        """Send one message; raise TemporaryFailure or PermanentFailure."""
        data = build_mime(mail, self.settings)
        try:
            connection = self._ready_connection()
        except (smtplib.SMTPException, OSError) as exc:
            raise classify_failure(exc, "connect") from None
        try:
            connection.sendmail(self.settings.sender, [mail.recipient], data)
        except (smtplib.SMTPException, OSError) as exc:
            failure = classify_failure(exc, "send", mail.recipient)
            if failure.connection:
                self._discard()
            raise failure from None
        self._sent_on_connection += 1
        if self._sent_on_connection >= self.MAX_PER_CONNECTION:
            self.close()

    def _discard(self) -> None:
        if self._connection is not None:
            try:
                self._connection.close()
            finally:
                self._connection = None

    def close(self) -> None:
        """QUIT politely (bounded by the timeout), then drop the socket whatever happens."""
        if self._connection is None:
            return
        try:
            self._connection.quit()
        except (smtplib.SMTPException, OSError):
            pass
        finally:
            self._discard()


class ConsoleTransport:
    """Development without MAIL_SERVER: print each message, clearly marked as not sent."""

    RULE = "=" * 72

    def __init__(self, settings: SmtpSettings, stream: TextIO | None = None) -> None:
        self.settings = settings
        self.stream = stream

    def deliver(self, mail: OutgoingMail) -> None:
        build_mime(mail, self.settings)  # the same checks as real sending
        out = self.stream or sys.stdout
        lines = [
            self.RULE,
            "MAIL NOT SENT: no MAIL_SERVER is configured, so it is printed here instead.",
            f"Message-ID: {mail.message_id}",
            f"From: {formataddr((self.settings.sender_name, self.settings.sender))}",
            f"To: {mail.recipient}",
            f"Subject: {mail.subject}",
            *(
                f"Attachment: {name} ({ctype}, {len(data)} bytes)"
                for name, ctype, data in mail.attachments
            ),
            "",
            mail.body_text.rstrip("\n"),
            self.RULE,
        ]
        out.write("\n".join(lines) + "\n")
        out.flush()

    def close(self) -> None:
        """Nothing to close."""


def transport_from_config(config: Mapping[str, Any]) -> Transport:
    """SMTP when MAIL_SERVER is set, else the console; production refuses to print mail."""
    settings = SmtpSettings.from_config(config)
    if settings.host:
        return SmtpTransport(settings)
    if config.get("ENV_NAME") == "production":
        raise ConfigError("MAIL_SERVER: set the SMTP relay; production never prints mail")
    return ConsoleTransport(settings)
