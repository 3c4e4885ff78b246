"""Queue an enquiry's mail in the caller's transaction, so the request never waits for SMTP.

Every header and recipient comes from configuration or from the server (the reference, the
kind, the triage result); the only exception is the patient's own validated address, as the
recipient of their own confirmation. The clinic's notification holds the minimum necessary:
no name, message or contact details.
"""

from __future__ import annotations

import logging
import re
import secrets
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any, Protocol
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from flask import current_app, render_template
from jinja2 import meta as jinja2_meta
from sqlalchemy import func, select

from config import ConfigError
from intake.database import utcnow
from intake.extensions import db
from intake.notify.models import (
    PRIORITY_EMERGENCY,
    PRIORITY_HIGH,
    PRIORITY_LOW,
    PRIORITY_NORMAL,
    SUBJECT_MAX,
    OutboxMessage,
)
from intake.notify.sender import (
    check_config_address,
    check_config_text,
    check_header,
    parse_sender,
    patient_envelope_address,
)

if TYPE_CHECKING:
    from intake.models import Enquiry

log = logging.getLogger("intake.notify")

CLINIC_NOTIFICATION = "clinic_notification"
PATIENT_CONFIRMATION = "patient_confirmation"
# At most this many confirmations to one address in 24 hours: the form must not become a way
# to send the clinic's mail to strangers. OUTBOX_CONFIRMATIONS_PER_DAY overrides it.
CONFIRMATIONS_PER_DAY = 3
ROUTE_TAG = re.compile(r"^[a-z][a-z0-9_]{0,31}$")
URGENCY_PRIORITY = {
    "emergency": PRIORITY_EMERGENCY,
    "priority": PRIORITY_HIGH,
    "routine": PRIORITY_NORMAL,
}
KIND_WORDS = {"question": "question", "appointment": "appointment request"}


class TriageLike(Protocol):
    """What queueing reads from ``intake.triage.TriageResult``."""

    @property
    def tags(self) -> Sequence[str]: ...

    @property
    def urgency(self) -> str: ...

    @property
    def self_harm(self) -> bool: ...


def split_addresses(text: str, setting: str) -> tuple[str, ...]:
    """A comma-separated list of plain addresses, each checked; duplicates dropped."""
    found: dict[str, str] = {}
    for item in text.split(","):
        if item.strip():
            address = check_config_address(item, setting)
            found.setdefault(address.lower(), address)
    return tuple(found.values())


def parse_routes(text: str, known_tags: Collection[str] | None = None) -> dict[str, list[str]]:
    """``clinical_trials:research@clinic.example,symptoms:nurse@clinic.example`` as a dict.

    A concern may appear more than once (several addresses). Raises ConfigError naming
    CLINIC_NOTIFY_ROUTES and the bad entry; with ``known_tags``, an unknown concern is refused
    too, so a typo cannot silently stop a route.
    """
    routes: dict[str, list[str]] = {}
    for raw in text.split(","):
        item = raw.strip()
        if not item:
            continue
        tag, sep, address = item.partition(":")
        tag = tag.strip()
        if not sep or not ROUTE_TAG.match(tag):
            raise ConfigError(
                f"CLINIC_NOTIFY_ROUTES: {item!r} is not concern:address "
                "(e.g. clinical_trials:research@clinic.example,symptoms:nurse@clinic.example)"
            )
        if known_tags is not None and tag not in known_tags:
            raise ConfigError(
                f"CLINIC_NOTIFY_ROUTES: unknown concern {tag!r} "
                f"(known: {', '.join(sorted(known_tags))})"
            )
        checked = check_config_address(address, "CLINIC_NOTIFY_ROUTES")
        addresses = routes.setdefault(tag, [])
        if checked.lower() not in {a.lower() for a in addresses}:
            addresses.append(checked)
    return routes


def known_concern_tags() -> frozenset[str]:
    """The concerns a route may name: the form's choices and the triage rules' tags."""
    from intake.enquiry.forms import CONCERN_CHOICES

    tags = {value for value, _ in CONCERN_CHOICES}
    try:
        from intake import triage

        for name in ("TAGS", "CONCERN_TAGS", "LABELS"):
            extra = getattr(triage, name, None)
            if isinstance(extra, Collection) and not isinstance(extra, str):
                tags.update(str(tag) for tag in extra)
    except ImportError:
        pass
    return frozenset(tags)


def concern_label(tag: str) -> str:
    """The form's wording for a concern, or the tag itself made readable."""
    from intake.enquiry.forms import CONCERN_CHOICES

    return dict(CONCERN_CHOICES).get(tag, tag.replace("_", " "))


@dataclass(frozen=True)
class NotifySettings:
    """The mail settings, checked: every address is plain, every route names a concern."""

    notify_to: tuple[str, ...]
    urgent_to: tuple[str, ...]
    routes: dict[str, list[str]] = field(default_factory=dict)
    clinic_name: str = ""
    clinic_phone: str = ""
    public_base_url: str = ""
    timezone: ZoneInfo = field(default_factory=lambda: ZoneInfo("UTC"))
    message_id_domain: str = "localhost"
    confirmations_per_day: int = CONFIRMATIONS_PER_DAY


def notify_settings(config: Mapping[str, Any]) -> NotifySettings:
    """Read and check the mail settings; ConfigError names the variable to fix."""
    notify_to = split_addresses(str(config.get("CLINIC_NOTIFY_TO") or ""), "CLINIC_NOTIFY_TO")
    if not notify_to:
        raise ConfigError("CLINIC_NOTIFY_TO: set the clinic's inbox for notifications")
    urgent_to = (
        split_addresses(str(config.get("CLINIC_URGENT_TO") or ""), "CLINIC_URGENT_TO") or notify_to
    )
    routes = parse_routes(str(config.get("CLINIC_NOTIFY_ROUTES") or ""), known_concern_tags())
    try:
        timezone = ZoneInfo(str(config.get("CLINIC_TIMEZONE") or "America/Anchorage"))
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ConfigError(
            f"CLINIC_TIMEZONE: unknown time zone {config.get('CLINIC_TIMEZONE')!r}"
        ) from exc
    sender = parse_sender(str(config.get("MAIL_DEFAULT_SENDER") or ""))[1]
    clinic_name = check_config_text(str(config.get("CLINIC_NAME") or ""), "CLINIC_NAME")
    base_url = check_config_text(
        str(config.get("PUBLIC_BASE_URL") or "").rstrip("/"), "PUBLIC_BASE_URL"
    )
    return NotifySettings(
        notify_to=notify_to,
        urgent_to=urgent_to,
        routes=routes,
        clinic_name=clinic_name,
        clinic_phone=str(config.get("CLINIC_PHONE") or ""),
        public_base_url=base_url,
        timezone=timezone,
        message_id_domain=sender.rpartition("@")[2],
        confirmations_per_day=int(
            config.get("OUTBOX_CONFIRMATIONS_PER_DAY", CONFIRMATIONS_PER_DAY)
        ),
    )


SETTING_NAMES = (
    "CLINIC_NOTIFY_TO",
    "CLINIC_URGENT_TO",
    "CLINIC_NOTIFY_ROUTES",
    "CLINIC_TIMEZONE",
    "MAIL_DEFAULT_SENDER",
    "CLINIC_NAME",
    "PUBLIC_BASE_URL",
    "CLINIC_PHONE",
    "OUTBOX_CONFIRMATIONS_PER_DAY",
)


def current_notify_settings() -> NotifySettings:
    """:func:`notify_settings` for the current app, checked once per process and set of values
    (not on every submission); a changed setting is read afresh."""
    config = current_app.config
    key = tuple(str(config.get(name)) for name in SETTING_NAMES)
    cache: dict[str, Any] = current_app.extensions.setdefault("notify_settings", {})
    if cache.get("key") != key:
        cache["settings"] = notify_settings(config)
        cache["key"] = key
    settings: NotifySettings = cache["settings"]
    return settings


def new_message_id(domain: str) -> str:
    """A Message-ID fixed at queueing time (no DNS lookup: the domain is the sender's).

    128 bits from the operating system's generator: email.utils.make_msgid draws on the
    ``random`` module, whose shared state anything in the process may seed (test tools do), and
    two equal IDs would make the second enquiry's INSERT fail on the unique constraint.
    """
    return f"<{secrets.token_hex(16)}.intake@{domain}>"


def clinic_recipients(settings: NotifySettings, tags: Sequence[str], urgency: str) -> list[str]:
    """The clinic's inbox, the routes for these concerns, and on-call for an emergency."""
    candidates = list(settings.notify_to)
    for tag in tags:
        candidates.extend(settings.routes.get(tag, []))
    if urgency == "emergency":
        candidates.extend(settings.urgent_to)
    unique: dict[str, str] = {}
    for address in candidates:
        unique.setdefault(address.lower(), address)
    return list(unique.values())


def clinic_subject(settings: NotifySettings, reference: str, kind: str, urgency: str) -> str:
    """Reference, kind and urgency only: the subject is what inbox previews show everyone."""
    kind_word = KIND_WORDS.get(kind, "enquiry")
    if urgency == "emergency":
        subject = f"URGENT: possible emergency, {kind_word} {reference} - {settings.clinic_name}"
    else:
        subject = f"New {kind_word} {reference} ({urgency}) - {settings.clinic_name}"
    return check_header("Subject", subject)[:SUBJECT_MAX]


def confirmation_subject(
    settings: NotifySettings, reference: str, details_ok: bool, kind: str, tags: Sequence[str]
) -> str:
    """Neutral unless the patient allowed health details in email."""
    subject = f"{settings.clinic_name}: we have received your message ({reference})"
    if details_ok and tags:
        about = ", ".join(tag.replace("_", " ") for tag in tags)
        kind_word = KIND_WORDS.get(kind, "message")
        subject = f"{settings.clinic_name}: your {kind_word} about {about} ({reference})"
    return check_header("Subject", subject)[:SUBJECT_MAX]


def received_time(created: datetime, settings: NotifySettings) -> str:
    return created.astimezone(settings.timezone).strftime("%a %d %b %Y, %H:%M %Z")


def staff_link(settings: NotifySettings, reference: str) -> str:
    return f"{settings.public_base_url}/staff/enquiries/{reference}"


def render_pair(name: str, context: dict[str, Any]) -> tuple[str, str]:
    """The text and HTML parts of ``templates/email/<name>``."""
    return (
        render_mail_template(f"email/{name}.txt", context),
        render_mail_template(f"email/{name}.html", context),
    )


def render_mail_template(name: str, context: dict[str, Any]) -> str:
    """``render_template(name, **context)``, the same text, without the per-call work a template
    that needs none of it pays for.

    Flask's render_template runs every context processor (the clinic's globals, the guidance
    file) and sends two signals on each call. A template whose every variable is in ``context``
    or among the Jinja environment's globals (``config``, ``url_for``, ...: looked up the same
    way either way) renders to the same text from ``context`` alone, so it is rendered directly;
    any other (one that uses ``guidance`` or ``fill``, say) goes through render_template.
    """
    env = current_app.jinja_env
    template = env.get_template(name)
    names = template_variables(template)
    if names is not None and names.issubset(context.keys() | env.globals.keys()):
        return template.render(context)
    return render_template(name, **context)


_TEMPLATE_VARIABLES: dict[str, tuple[Any, frozenset[str] | None]] = {}


def template_variables(template: Any) -> frozenset[str] | None:
    """The names a template reads from its context (None if its source cannot be read);
    worked out once per loaded template (a reloaded template is a new object)."""
    key = f"{id(template.environment)}:{template.name}"
    cached = _TEMPLATE_VARIABLES.get(key)
    if cached is not None and cached[0] is template:
        return cached[1]
    env = template.environment
    try:
        source, _, _ = env.loader.get_source(env, template.name)
        names: frozenset[str] | None = frozenset(
            jinja2_meta.find_undeclared_variables(env.parse(source))
        )
    except Exception:  # noqa: BLE001 - any doubt: render the usual way
        names = None
    if len(_TEMPLATE_VARIABLES) > 64:
        _TEMPLATE_VARIABLES.clear()
    _TEMPLATE_VARIABLES[key] = (template, names)
    return names


def confirmations_recently_queued(address: str, now: datetime) -> int:
    """Confirmations queued to this address in the last 24 hours (case-insensitive)."""
    # no_autoflush: flushing the caller's pending enquiry here would raise its IntegrityError
    # (a duplicate submission) outside the caller's handler.
    with db.session.no_autoflush:
        count = db.session.scalar(
            select(func.count())
            .select_from(OutboxMessage)
            .where(
                OutboxMessage.kind == PATIENT_CONFIRMATION,
                OutboxMessage.created_at >= now - timedelta(hours=24),
                func.lower(OutboxMessage.recipient) == address.lower(),
            )
        )
    return int(count or 0)


class EnquiryLike(Protocol):
    """What queueing reads from an enquiry: the ORM row, or the facts of one being inserted."""

    @property
    def reference(self) -> str: ...

    @property
    def kind(self) -> str: ...

    @property
    def is_spam(self) -> bool: ...

    @property
    def wants_confirmation(self) -> bool: ...

    @property
    def email(self) -> str | None: ...

    @property
    def email_details_ok(self) -> bool: ...

    @property
    def preferred_contact(self) -> str: ...

    @property
    def tag_names(self) -> list[str]: ...


def queue_enquiry_mail(enquiry: Enquiry, result: TriageLike) -> list[OutboxMessage]:
    """Add the enquiry's mail to ``db.session`` (never commits): the caller's transaction
    stores the enquiry and its mail together, or neither. Suspected spam queues nothing."""
    if enquiry.is_spam:
        return []
    now = utcnow()
    if enquiry.created_at is None:
        enquiry.created_at = now  # the time shown in the mail is the time stored
    messages = [
        OutboxMessage(enquiry=enquiry, **values)
        for values in enquiry_mail_rows(enquiry, result, enquiry.created_at, now)
    ]
    for message in messages:
        db.session.add(message)
    return messages


def enquiry_mail_rows(
    enquiry: EnquiryLike, result: TriageLike, created: datetime, now: datetime
) -> list[dict[str, Any]]:
    """The column values of the enquiry's outbox messages (no ``enquiry_id``: the caller's);
    ``created`` is the time the enquiry is stored, ``now`` the time of queueing. The form's
    path inserts these rows in the enquiry's transaction without the ORM
    (``intake.enquiry.service.store_enquiry``)."""
    if enquiry.is_spam:
        return []
    settings = current_notify_settings()
    tags = list(dict.fromkeys([*enquiry.tag_names, *result.tags]))
    urgency = result.urgency
    rows = [
        clinic_notification(enquiry, tags, urgency, address, settings, created)
        for address in clinic_recipients(settings, tags, urgency)
    ]
    confirmation = patient_confirmation(enquiry, result, tags, settings, created, now)
    if confirmation is not None:
        rows.append(confirmation)
    return rows


def clinic_notification(
    enquiry: EnquiryLike,
    tags: Sequence[str],
    urgency: str,
    address: str,
    settings: NotifySettings,
    created: datetime,
) -> dict[str, Any]:
    """Reference, kind, concerns, urgency, time received and a link: nothing the patient typed."""
    context = {
        "clinic_name": settings.clinic_name,
        "reference": enquiry.reference,
        "kind_word": KIND_WORDS.get(enquiry.kind, "enquiry"),
        "urgency": urgency,
        "concerns": [(tag, concern_label(tag)) for tag in tags],
        "received": received_time(created, settings),
        "link": staff_link(settings, enquiry.reference),
    }
    text, html = render_pair("clinic_notification", context)
    return message_row(
        kind=CLINIC_NOTIFICATION,
        recipient=check_header("To", address),
        subject=clinic_subject(settings, enquiry.reference, enquiry.kind, urgency),
        body_text=text,
        body_html=html,
        message_id=new_message_id(settings.message_id_domain),
        priority=URGENCY_PRIORITY.get(urgency, PRIORITY_NORMAL),
        created=created,
    )


def patient_confirmation(
    enquiry: EnquiryLike,
    result: TriageLike,
    tags: Sequence[str],
    settings: NotifySettings,
    created: datetime,
    now: datetime,
) -> dict[str, Any] | None:
    """Only when asked for, to a valid address, within the daily limit; never the message."""
    if not enquiry.wants_confirmation:
        return None
    address = patient_envelope_address(enquiry.email)
    if address is None:
        log.info("patient confirmation not queued: no usable address")
        return None
    limit = settings.confirmations_per_day
    if confirmations_recently_queued(address, now) >= limit:
        log.warning(
            "patient confirmation not queued: %d already queued to this address in 24 hours",
            limit,
            extra={"event": "outbox.confirmation_limited"},
        )
        return None
    details_ok = bool(enquiry.email_details_ok)
    context = {
        "clinic_name": settings.clinic_name,
        "reference": enquiry.reference,
        "details_ok": details_ok,
        "kind_word": KIND_WORDS.get(enquiry.kind, "message"),
        "concerns": [concern_label(tag) for tag in tags] if details_ok else [],
        "urgency": result.urgency if details_ok else None,
        "self_harm": bool(result.self_harm) if details_ok else False,
        "method": enquiry.preferred_contact,
    }
    text, html = render_pair("patient_confirmation", context)
    return message_row(
        kind=PATIENT_CONFIRMATION,
        recipient=check_header("To", address),
        subject=confirmation_subject(settings, enquiry.reference, details_ok, enquiry.kind, tags),
        body_text=text,
        body_html=html,
        message_id=new_message_id(settings.message_id_domain),
        priority=PRIORITY_LOW,
        created=created,
    )


def message_row(
    *,
    kind: str,
    recipient: str,
    subject: str,
    body_text: str,
    body_html: str,
    message_id: str,
    priority: int,
    created: datetime,
) -> dict[str, Any]:
    """A pending message, due at once; every row has the same keys (one multi-row INSERT)."""
    return {
        "kind": kind,
        "recipient": recipient,
        "subject": subject,
        "body_text": body_text,
        "body_html": body_html,
        "message_id": message_id,
        "priority": priority,
        "status": "pending",
        "attempts": 0,
        "not_before": created,
        "next_attempt_at": created,
        "created_at": created,
    }
