"""Mail staff send from the enquiry page: templated replies and appointment confirmations.

Both go through the outbox in the caller's transaction. Neither carries clinical details: no
message text, no concern, no urgency, no clinician unless the patient allowed health details
in email. The only recipient is the patient's stored, validated address; every header comes
from configuration (sender, clinic name) or the server (reference, date).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

import icalendar
from flask import current_app

from intake.database import utcnow
from intake.extensions import db
from intake.models import Enquiry
from intake.notify.models import (
    PRIORITY_HIGH,
    PRIORITY_NORMAL,
    SUBJECT_MAX,
    OutboxMessage,
)
from intake.notify.queue import NotifySettings, new_message_id, notify_settings, render_pair
from intake.notify.sender import check_header, patient_envelope_address
from intake.staff.clock import clinic_zone
from intake.staff.models import Appointment

STAFF_REPLY = "staff_reply"
APPOINTMENT_CONFIRMATION = "appointment_confirmation"
ICS_FILENAME = "appointment.ics"
ICS_CONTENT_TYPE = "text/calendar"


class MailRefused(ValueError):
    """The mail cannot be sent as asked (no usable address); the message says why."""


@dataclass(frozen=True)
class ReplyTemplate:
    key: str
    title: str  # what staff choose
    summary: str  # what the patient reads, in one line (for the form's description)


REPLY_TEMPLATES: dict[str, ReplyTemplate] = {
    "call_us": ReplyTemplate(
        "call_us", "Please call us", "We would like to talk with you: please call us at …"
    ),
    "tried_to_reach": ReplyTemplate(
        "tried_to_reach",
        "We tried to reach you",
        "We tried to reach you by phone: please call us at …",
    ),
    "in_hand": ReplyTemplate(
        "in_hand",
        "We are looking into it",
        "We have your message and are looking into it; call us at … if you need us sooner",
    ),
}


def reply_address(enquiry: Enquiry) -> str | None:
    """The patient's stored address if it is usable for mail, else None."""
    return patient_envelope_address(enquiry.email)


def _message(
    kind: str,
    enquiry: Enquiry,
    address: str,
    subject: str,
    pair: tuple[str, str],
    settings: NotifySettings,
    priority: int,
) -> OutboxMessage:
    now = utcnow()
    text, html = pair
    return OutboxMessage(
        kind=kind,
        enquiry=enquiry,
        recipient=check_header("To", address),
        subject=check_header("Subject", subject)[:SUBJECT_MAX],
        body_text=text,
        body_html=html,
        message_id=new_message_id(settings.message_id_domain),
        priority=priority,
        status="pending",
        attempts=0,
        not_before=now,
        next_attempt_at=now,
        created_at=now,
    )


def priority_for(enquiry: Enquiry) -> int:
    return PRIORITY_HIGH if enquiry.urgency == "emergency" else PRIORITY_NORMAL


def queue_staff_reply(enquiry: Enquiry, template: str) -> OutboxMessage:
    """Add a templated reply to the session (the caller commits); MailRefused without email."""
    if template not in REPLY_TEMPLATES:
        raise MailRefused("Choose one of the reply templates.")
    address = reply_address(enquiry)
    if address is None:
        raise MailRefused(
            "No reply sent: this enquiry has no usable email address. Call the patient instead."
        )
    settings = notify_settings(current_app.config)
    context = {
        "clinic_name": settings.clinic_name,
        "clinic_phone": settings.clinic_phone,
        "reference": enquiry.reference,
        "template": template,
        # Without the patient's leave, not even which kind of enquiry this was.
        "details_ok": bool(enquiry.email_details_ok),
        "kind": enquiry.kind if enquiry.email_details_ok else None,
    }
    subject = f"A message from {settings.clinic_name} ({enquiry.reference})"
    message = _message(
        STAFF_REPLY,
        enquiry,
        address,
        subject,
        render_pair("staff_reply", context),
        settings,
        priority_for(enquiry),
    )
    db.session.add(message)
    return message


# --- appointments ---------------------------------------------------------------------------


def appointment_uid(enquiry: Enquiry, settings: NotifySettings | None = None) -> str:
    """Stable per enquiry: a rebooking updates the same calendar event."""
    settings = settings or notify_settings(current_app.config)
    return f"appointment-{enquiry.reference.lower()}@{settings.message_id_domain}"


def local_time_label(moment: datetime) -> str:
    local = moment.astimezone(clinic_zone())
    return local.strftime("%A %d %B %Y at %H:%M %Z").replace(" 0", " ", 1)


def build_ics(
    appointment: Appointment, enquiry: Enquiry, settings: NotifySettings, stamp: datetime
) -> bytes:
    """One VEVENT in the clinic's time zone (TZID and VTIMEZONE), without clinical details."""
    if appointment.starts_at is None:
        raise ValueError("a declined appointment has no invitation")
    zone = clinic_zone()
    start = appointment.starts_at.astimezone(zone)
    end = start + timedelta(minutes=appointment.duration_minutes)
    calendar = icalendar.Calendar()
    calendar.add("prodid", f"-//{settings.clinic_name}//intake//EN")
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    calendar.add("calscale", "GREGORIAN")
    event = icalendar.Event()
    event.add("uid", appointment.ics_uid or appointment_uid(enquiry, settings))
    event.add("sequence", appointment.ics_sequence)
    event.add("dtstamp", stamp.astimezone(UTC))
    event.add("dtstart", start)
    event.add("dtend", end)
    event.add("summary", f"Appointment at {settings.clinic_name}")
    if appointment.location:
        event.add("location", appointment.location)
    event.add(
        "description",
        f"Reference {enquiry.reference}. To change or cancel, call {settings.clinic_phone}.",
    )
    event.add("status", "CONFIRMED")
    event.add("transp", "OPAQUE")
    calendar.add_component(event)
    # Only the transitions around the appointment: a short, valid VTIMEZONE.
    calendar.add_missing_timezones(
        first_date=date(start.year - 1, 1, 1), last_date=date(start.year + 2, 1, 1)
    )
    return bytes(calendar.to_ical())


def queue_appointment_confirmation(
    enquiry: Enquiry, appointment: Appointment
) -> OutboxMessage | None:
    """One confirmation with an ``.ics``, to the patient's validated address (None: no address)."""
    address = reply_address(enquiry)
    if address is None or appointment.starts_at is None:
        return None
    settings = notify_settings(current_app.config)
    details_ok = bool(enquiry.email_details_ok)
    context = {
        "clinic_name": settings.clinic_name,
        "clinic_phone": settings.clinic_phone,
        "reference": enquiry.reference,
        "when": local_time_label(appointment.starts_at),
        "duration": appointment.duration_minutes,
        "location": appointment.location,
        # The clinician's name says which service: only with the patient's leave.
        "clinician": appointment.clinician if details_ok else None,
        "details_ok": details_ok,
    }
    subject = f"Your appointment at {settings.clinic_name} ({enquiry.reference})"
    message = _message(
        APPOINTMENT_CONFIRMATION,
        enquiry,
        address,
        subject,
        render_pair("appointment_confirmation", context),
        settings,
        priority_for(enquiry),
    )
    ics = build_ics(appointment, enquiry, settings, utcnow())
    message.attach(ICS_FILENAME, ICS_CONTENT_TYPE, ics)
    db.session.add(message)
    return message
