"""The enquiry page at /staff/enquiries/<reference> and its actions.

Viewing writes one audit event. Each action is a POST with CSRF and the revision the page was
drawn from; the business rules are in intake.staff.actions, this module only parses, commits
and redirects (303) back to the page. A refused action (a stale page, a move that is not
allowed, a missing reason) writes nothing and answers with a short page that says why and
keeps whatever the person typed, without showing the enquiry again.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, TypeVar

from flask import abort, current_app, flash, redirect, render_template, url_for
from flask_login import current_user
from markupsafe import Markup, escape
from sqlalchemy import select
from werkzeug.wrappers.response import Response
from wtforms import SelectChoice

from intake import audit
from intake.auth.models import StaffUser
from intake.database import utcnow
from intake.enquiry.fields import format_phone
from intake.enquiry.forms import DAY_CHOICES, TIME_CHOICES
from intake.extensions import db
from intake.models import Enquiry
from intake.notify.models import OutboxMessage
from intake.security import no_store
from intake.staff import actions, bp
from intake.staff.clock import clinic_zone, response_clock
from intake.staff.forms import (
    AppointmentForm,
    AssignForm,
    ContactForm,
    DeclineForm,
    NoteForm,
    ReplyForm,
    RevisionForm,
    SpamForm,
    StatusForm,
    TagsForm,
    UrgencyForm,
    label,
    options,
)
from intake.staff.inbox import forget_counts
from intake.staff.mail import REPLY_TEMPLATES, reply_address
from intake.staff.models import Appointment, Event
from intake.staff.queries import enquiry_by_reference, possible_duplicates
from intake.triage.model import TAGS

# The patient's ticked days and times as the form showed them ("Tuesday", not "tue").
CHOICE_NAMES = dict(DAY_CHOICES + TIME_CHOICES)

REFERENCE_RE = re.compile(r"^[A-Za-z0-9-]{1,16}$")
SEVERITY = ("emergency", "priority")
FormT = TypeVar("FormT", bound=RevisionForm)
Page = Response | tuple[str, int]


# --- highlighted message --------------------------------------------------------------------


@dataclass
class Span:
    start: int
    end: int
    labels: list[str] = field(default_factory=list)


def reason_spans(message: str, reasons: Iterable[dict[str, Any]]) -> list[Span]:
    """Valid, merged spans of the phrases that triggered a tag or an urgency."""
    spans: list[Span] = []
    for reason in reasons:
        try:
            start, end = int(reason["start"]), int(reason["end"])
        except (KeyError, TypeError, ValueError):
            continue
        # Only where the stored phrase is really at those offsets (the text is as stored).
        if not 0 <= start < end <= len(message) or message[start:end] != reason.get("phrase"):
            continue
        spans.append(Span(start, end, [str(reason.get("label") or "")]))
    spans.sort(key=lambda span: (span.start, span.end))
    merged: list[Span] = []
    for span in spans:
        if merged and span.start < merged[-1].end:
            last = merged[-1]
            last.end = max(last.end, span.end)
            last.labels.extend(lab for lab in span.labels if lab not in last.labels)
        else:
            merged.append(span)
    return merged


def highlight(message: str, reasons: Iterable[dict[str, Any]]) -> Markup:
    """The message with triggering phrases in <mark>: every piece of text escaped first."""
    parts: list[Markup] = []
    position = 0
    for span in reason_spans(message, reasons):
        level = next((s for s in SEVERITY if s in span.labels), "tag")
        names = ", ".join(label(lab) for lab in span.labels if lab)
        parts.append(escape(message[position : span.start]))
        # Our own tag; the class is a constant and the title goes through Markup.format, which
        # escapes it. The phrase itself is escaped on the next line.
        parts.append(Markup('<mark class="hl hl--{}" title="{}">').format(level, names))
        parts.append(escape(message[span.start : span.end]))
        parts.append(Markup("</mark>"))  # a constant closing tag
        position = span.end
    parts.append(escape(message[position:]))
    return Markup("").join(parts)  # joins already-escaped pieces


# --- the page -------------------------------------------------------------------------------


def load_enquiry(reference: str) -> Enquiry:
    if not REFERENCE_RE.match(reference):
        abort(404)
    enquiry = enquiry_by_reference(reference.upper())
    if enquiry is None:
        abort(404)
    return enquiry


def staff_names() -> dict[int, str]:
    return {row.id: row.name for row in db.session.execute(select(StaffUser.id, StaffUser.name))}


def assign_choices(enquiry: Enquiry) -> list[SelectChoice]:
    users = db.session.execute(
        select(StaffUser.id, StaffUser.name)
        .where(StaffUser.active.is_(True), StaffUser.id != current_user.id)
        .order_by(StaffUser.name)
    ).all()
    return options(
        [("me", f"Me ({current_user.name})"), ("none", "Nobody (unassign)")]
        + [(str(row.id), row.name) for row in users]
    )


def status_choices(status: str) -> list[SelectChoice]:
    return options(
        [
            (move, "Reopen" if status == "closed" else label(move))
            for move in actions.moves_from(status)
        ]
    )


def location_choices() -> list[SelectChoice]:
    places = actions.locations(current_app.config.get("APPOINTMENT_LOCATIONS", ""))
    return options([(place, place) for place in places])


def tag_rows(enquiry: Enquiry) -> list[dict[str, Any]]:
    """Each concern with where it came from, and whether staff removed it."""
    shown: dict[str, dict[str, Any]] = {}
    for row in enquiry.tags:
        item = shown.setdefault(
            row.tag, {"tag": row.tag, "sources": [], "reasons": [], "removed": False}
        )
        if row.removed:
            item["removed"] = True
        else:
            item["sources"].append(row.source)
        item["reasons"].extend(row.reasons or [])
    return sorted(shown.values(), key=lambda i: TAGS.index(i["tag"]) if i["tag"] in TAGS else 99)


def all_reasons(enquiry: Enquiry) -> list[dict[str, Any]]:
    reasons: list[dict[str, Any]] = list(enquiry.urgency_reasons or [])
    for row in enquiry.tags:
        reasons.extend(row.reasons or [])
    return reasons


def build_forms(enquiry: Enquiry) -> dict[str, RevisionForm]:
    """Every action form, carrying the revision this page shows."""
    forms: dict[str, RevisionForm] = {
        "assign": AssignForm(prefix="assign", formdata=None),
        "status": StatusForm(prefix="status", formdata=None),
        "tags": TagsForm(prefix="tags", formdata=None, tags=enquiry.tag_names),
        "urgency": UrgencyForm(prefix="urgency", formdata=None, urgency=enquiry.urgency),
        "note": NoteForm(prefix="note", formdata=None),
        "contact": ContactForm(prefix="contact", formdata=None),
        "reply": ReplyForm(prefix="reply", formdata=None),
        "spam": SpamForm(
            prefix="spam", formdata=None, spam="unmark" if enquiry.is_spam else "mark"
        ),
        "appointment": AppointmentForm(
            prefix="appointment",
            formdata=None,
            send_confirmation=enquiry.preferred_contact == "email",
        ),
        "decline": DeclineForm(prefix="decline", formdata=None),
    }
    forms["assign"].assignee.choices = assign_choices(enquiry)
    forms["status"].status.choices = status_choices(enquiry.status)
    forms["appointment"].location.choices = location_choices()
    for form in forms.values():
        form.revision.data = str(enquiry.revision)
    return forms


def timeline(enquiry: Enquiry) -> list[Event]:
    return list(
        db.session.scalars(
            select(Event).where(Event.enquiry_id == enquiry.id).order_by(Event.created_at, Event.id)
        )
    )


def render_enquiry(enquiry: Enquiry) -> str:
    zone = clinic_zone()
    now = utcnow()
    clock = (
        None
        if enquiry.status == "closed"
        else response_clock(enquiry.created_at, enquiry.urgency, now, enquiry.first_response_at)
    )
    appointments = list(
        db.session.scalars(
            select(Appointment)
            .where(Appointment.enquiry_id == enquiry.id)
            .order_by(Appointment.created_at.desc(), Appointment.id.desc())
        )
    )
    mail = db.session.execute(
        select(OutboxMessage.id, OutboxMessage.kind, OutboxMessage.status, OutboxMessage.created_at)
        .where(OutboxMessage.enquiry_id == enquiry.id)
        .order_by(OutboxMessage.created_at, OutboxMessage.id)
    ).all()
    return render_template(
        "staff/enquiry.html",
        enquiry=enquiry,
        zone=zone,
        clock=clock,
        message=highlight(enquiry.message, all_reasons(enquiry)),
        tag_rows=tag_rows(enquiry),
        duplicates=possible_duplicates(enquiry),
        events=timeline(enquiry),
        names=staff_names(),
        appointments=appointments,
        mail=mail,
        forms=build_forms(enquiry),
        phone=format_phone(enquiry.phone) if enquiry.phone else None,
        can_email=reply_address(enquiry) is not None,
        reply_templates=REPLY_TEMPLATES,
        label=label,
        choice_names=CHOICE_NAMES,
    )


@bp.get("/enquiries/<reference>")
def enquiry(reference: str) -> str:
    """Everything submitted, the triage reasons, duplicates, timeline and actions (audited)."""
    no_store()
    found = load_enquiry(reference)
    audit.record(
        "enquiry.view",
        actor_id=current_user.id,
        target_type=actions.AUDIT_TARGET,
        target_id=found.reference,
    )
    # Render before committing: a commit expires every loaded row, and the page would then
    # reload each one. The page is returned only once its audit row is committed.
    html = render_enquiry(found)
    db.session.commit()
    return html


# --- actions --------------------------------------------------------------------------------


def refused(
    enquiry: Enquiry, message: str, status: int, kept: list[tuple[str, str]] | None = None
) -> tuple[str, int]:
    """Nothing was written: say why, keep what was typed, link back to the latest version."""
    db.session.rollback()
    no_store()
    return (
        render_template(
            "staff/refused.html",
            reference=enquiry.reference,
            message=message,
            kept=[(name, text) for name, text in kept or [] if text],
        ),
        status,
    )


def first_error(form: RevisionForm) -> str:
    for name, errors in form.errors.items():
        if errors:
            return str(errors[0]) if name != "revision" else "The form was incomplete."
    return "Please check the form and try again."


def act(
    reference: str,
    form_class: type[FormT],
    apply: Callable[[Enquiry, FormT], str],
    kept: Callable[[FormT], list[tuple[str, str]]] | None = None,
    setup: Callable[[Enquiry, FormT], None] | None = None,
) -> Page:
    """Validate, check the revision, apply, commit, and go back to the page."""
    no_store()
    enquiry = load_enquiry(reference)
    form = form_class(prefix=form_class.__name__.removesuffix("Form").lower())
    if setup is not None:
        setup(enquiry, form)
    keep = kept(form) if kept is not None else []
    revision = str(form.revision.data or "")
    if revision.isdigit() and int(revision) != enquiry.revision:
        return refused(enquiry, actions.STALE_MESSAGE, 409, keep)
    if not form.validate_on_submit():
        return refused(enquiry, first_error(form), 400, keep)
    try:
        done = apply(enquiry, form)
    except actions.StaleEdit as exc:
        return refused(enquiry, exc.message, 409, keep)
    except actions.ActionRefused as exc:
        return refused(enquiry, exc.message, 400, keep)
    db.session.commit()
    forget_counts()
    flash(done, "info")
    return redirect(url_for("staff.enquiry", reference=enquiry.reference), code=303)


def _assign(enquiry: Enquiry, form: AssignForm) -> str:
    choice = form.assignee.data
    target = current_user.id if choice == "me" else None if choice == "none" else int(choice)
    actions.assign(enquiry, current_user.id, form.revision_value(), target)
    if target is None:
        return "The enquiry is now unassigned."
    name = current_user.name if target == current_user.id else staff_names().get(target, "")
    return f"Assigned to {name}."


def _assign_setup(enquiry: Enquiry, form: AssignForm) -> None:
    form.assignee.choices = assign_choices(enquiry)


@bp.post("/enquiries/<reference>/assign")
def enquiry_assign(reference: str) -> Page:
    return act(reference, AssignForm, _assign, setup=_assign_setup)


def _status(enquiry: Enquiry, form: StatusForm) -> str:
    actions.change_status(
        enquiry,
        current_user.id,
        form.revision_value(),
        form.status.data,
        form.closing_reason.data or None,
    )
    return f"Status: {label(enquiry.status).lower()}."


def _status_setup(enquiry: Enquiry, form: StatusForm) -> None:
    form.status.choices = status_choices(enquiry.status)


@bp.post("/enquiries/<reference>/status")
def enquiry_status(reference: str) -> Page:
    return act(reference, StatusForm, _status, setup=_status_setup)


def _tags(enquiry: Enquiry, form: TagsForm) -> str:
    actions.correct_tags(enquiry, current_user.id, form.revision_value(), form.tags.data or [])
    return "Concerns corrected."


@bp.post("/enquiries/<reference>/tags")
def enquiry_tags(reference: str) -> Page:
    return act(reference, TagsForm, _tags)


def _urgency(enquiry: Enquiry, form: UrgencyForm) -> str:
    actions.correct_urgency(enquiry, current_user.id, form.revision_value(), form.urgency.data)
    return f"Urgency corrected to {enquiry.urgency}."


@bp.post("/enquiries/<reference>/urgency")
def enquiry_urgency(reference: str) -> Page:
    return act(reference, UrgencyForm, _urgency)


def _note(enquiry: Enquiry, form: NoteForm) -> str:
    actions.add_note(enquiry, current_user.id, form.revision_value(), form.text.data or "")
    return "Note added."


@bp.post("/enquiries/<reference>/note")
def enquiry_note(reference: str) -> Page:
    return act(
        reference, NoteForm, _note, kept=lambda form: [("Your note", str(form.text.data or ""))]
    )


def _contact(enquiry: Enquiry, form: ContactForm) -> str:
    event = actions.log_contact(
        enquiry,
        current_user.id,
        form.revision_value(),
        form.method.data,
        form.outcome.data,
        form.note.data,
    )
    if event.details.get("against_preferences"):
        return (
            "Contact logged. Note: the patient did not agree to voicemail messages; "
            "please do not leave one next time."
        )
    return "Contact logged."


@bp.post("/enquiries/<reference>/contact")
def enquiry_contact(reference: str) -> Page:
    return act(
        reference,
        ContactForm,
        _contact,
        kept=lambda form: [("Your note", str(form.note.data or ""))],
    )


def _reply(enquiry: Enquiry, form: ReplyForm) -> str:
    actions.send_reply(enquiry, current_user.id, form.revision_value(), form.template.data)
    return "Reply queued: it will be sent in a moment (see the timeline)."


@bp.post("/enquiries/<reference>/reply")
def enquiry_reply(reference: str) -> Page:
    return act(reference, ReplyForm, _reply)


def _spam(enquiry: Enquiry, form: SpamForm) -> str:
    spam = form.spam.data == "mark"
    actions.set_spam(enquiry, current_user.id, form.revision_value(), spam)
    return "Marked as spam." if spam else "No longer marked as spam."


@bp.post("/enquiries/<reference>/spam")
def enquiry_spam(reference: str) -> Page:
    return act(reference, SpamForm, _spam)


def _appointment(enquiry: Enquiry, form: AppointmentForm) -> str:
    zone = clinic_zone()
    starts = datetime.combine(form.day.data, form.start.data, tzinfo=zone)
    appointment, message = actions.book_appointment(
        enquiry,
        current_user.id,
        form.revision_value(),
        starts_at=starts,
        duration_minutes=int(form.duration.data),
        location=form.location.data,
        allowed_locations=actions.locations(current_app.config.get("APPOINTMENT_LOCATIONS", "")),
        clinician=form.clinician.data or "",
        send_confirmation=bool(form.send_confirmation.data),
    )
    when = starts.strftime("%a %d %b %Y %H:%M")
    if message is not None:
        return (
            f"Appointment recorded for {when}; a confirmation with a calendar invitation is queued."
        )
    if form.send_confirmation.data:
        return f"Appointment recorded for {when}; no email was sent (no usable address)."
    return f"Appointment recorded for {when}; no email was sent."


def _appointment_setup(enquiry: Enquiry, form: AppointmentForm) -> None:
    form.location.choices = location_choices()


@bp.post("/enquiries/<reference>/appointment")
def enquiry_appointment(reference: str) -> Page:
    return act(reference, AppointmentForm, _appointment, setup=_appointment_setup)


def _decline(enquiry: Enquiry, form: DeclineForm) -> str:
    actions.decline_appointment(enquiry, current_user.id, form.revision_value(), form.reason.data)
    return "The appointment request is recorded as declined."


@bp.post("/enquiries/<reference>/decline")
def enquiry_decline(reference: str) -> Page:
    return act(
        reference,
        DeclineForm,
        _decline,
        kept=lambda form: [("Your reason", str(form.reason.data or ""))],
    )
