"""The contact form, its refusals, and the thanks page (views stay thin)."""

from __future__ import annotations

import logging
import re
import secrets
from dataclasses import dataclass
from typing import Any

from flask import current_app, redirect, render_template, request, session, url_for
from flask_wtf.csrf import generate_csrf
from markupsafe import escape
from werkzeug.wrappers.response import Response

from intake.enquiry import bp
from intake.enquiry.forms import CONCERN_CHOICES, EnquiryForm
from intake.enquiry.service import (
    Submission,
    find_by_reference,
    new_submission_key,
    seconds_since_start,
    start_token,
    store_enquiry,
)
from intake.extensions import limiter
from intake.public.views import article_page, article_slugs, privacy_version
from intake.security import no_store
from intake.templating import guidance
from intake.triage import classify
from intake.triage.model import shows_lifeline

log = logging.getLogger("intake.enquiry")
CONCERNS = {value for value, _ in CONCERN_CHOICES}
THANKS_KEY = "thanks_refs"  # the references this browser submitted (newest last)


def enquiry_limit() -> str:
    return str(current_app.config["ENQUIRY_RATE_LIMIT"])


def preselection() -> tuple[str | None, str | None]:
    """The concern and article section named in the query string, if they are known ones."""
    concern = request.args.get("concern", "")
    source = request.args.get("from", "")
    return (
        concern if concern in CONCERNS else None,
        source if source and source in article_slugs() else None,
    )


def fresh_form() -> EnquiryForm:
    """A new form with its hidden start time and idempotency key."""
    form = EnquiryForm(formdata=None)
    form.started.data = start_token(current_app.config["SECRET_KEY"])
    form.submission_key.data = new_submission_key()
    concern, source = preselection()
    if concern is not None:
        form.concerns.data = [concern]
    if source is not None:
        form.source.data = source
    return form


# --- the blank form, rendered once per process ------------------------------------------------
#
# Rendering the form (about 25 fields through WTForms widgets and the macros) was most of a
# submission's CPU. A blank form is the same for every visitor with the same preselection
# except for three values: the CSRF token, the signed start time and the idempotency key. So the
# page is rendered once per process and preselection with a marker in each of those places, and
# each visitor's values are put into the markers. A form re-shown after a refusal (errors, CSRF
# expiry, 429, 503) keeps what the patient typed, so it is always rendered in full.

VISITOR_SLOTS = ("csrf_token", "started", "submission_key")


@dataclass(frozen=True)
class BlankForm:
    """The blank form's HTML split at the per-visitor values: ``chunks[i]``, then the value
    of ``slots[i]``, ..., then ``chunks[-1]``."""

    chunks: tuple[str, ...]
    slots: tuple[str, ...]


def render_blank_form(concern: str | None, source: str | None) -> BlankForm:
    """Render the blank form with a unique marker where each per-visitor value goes."""
    markers = {name: f"intakeslot{secrets.token_hex(12)}" for name in VISITOR_SLOTS}
    form = EnquiryForm(formdata=None)
    form.started.data = markers["started"]
    form.submission_key.data = markers["submission_key"]
    csrf_field = getattr(form, "csrf_token", None)
    if csrf_field is not None:  # absent when WTF_CSRF_ENABLED is off (tests)
        csrf_field.current_token = markers["csrf_token"]
    if concern is not None:
        form.concerns.data = [concern]
    if source is not None:
        form.source.data = source
    html, _ = render_form(form)
    by_marker = {marker: name for name, marker in markers.items()}
    parts = re.split("(" + "|".join(by_marker) + ")", html)
    chunks, slots = tuple(parts[0::2]), tuple(by_marker[m] for m in parts[1::2])
    expected = [n for n in VISITOR_SLOTS if n != "csrf_token" or csrf_field is not None]
    if sorted(slots) != sorted(expected):
        raise RuntimeError(f"contact.html must show each of {expected} exactly once: {slots}")
    return BlankForm(chunks, slots)


def blank_form_page() -> str:
    """The blank form for this visitor: the cached HTML with their three values put in."""
    no_store()
    concern, source = preselection()
    # The cache lives on the app (apps with other settings never share it); its key holds the
    # identities of the guidance and article objects, which the content loader replaces when
    # their files change. The entry keeps those objects alive, so no newer object can take
    # their id while it exists.
    cache: dict[tuple[Any, ...], tuple[Any, Any, BlankForm]] = current_app.extensions.setdefault(
        "blank_form_cache", {}
    )
    wording, article = guidance(), article_page()
    key = (
        concern,
        source,
        request.script_root,
        current_app.config.get("WTF_CSRF_ENABLED", True),
        id(wording),
        id(article),
    )
    hit = cache.get(key)
    if hit is None or hit[0] is not wording or hit[1] is not article:
        if len(cache) > 64:
            cache.clear()
        hit = cache[key] = (wording, article, render_blank_form(concern, source))
    page = hit[2]
    values = {
        "started": start_token(current_app.config["SECRET_KEY"]),
        "submission_key": new_submission_key(),
    }
    if "csrf_token" in page.slots:
        values["csrf_token"] = generate_csrf()
    out = [page.chunks[0]]
    for name, chunk in zip(page.slots, page.chunks[1:], strict=True):
        out.append(str(escape(values[name])))
        out.append(chunk)
    return "".join(out)


def preview(form: EnquiryForm) -> dict[str, Any]:
    """Triage of what was typed so far, so every refusal still shows the right guidance."""
    text = form.message.data if isinstance(form.message.data, str) else ""
    concerns = [c for c in (form.concerns.data or []) if c in CONCERNS]
    result = classify(text, concerns, bool(form.symptoms_now.data))
    return {
        "urgency": result.urgency,
        "self_harm": result.self_harm,
        "method": form.preferred_contact.data,
        "stored": False,
    }


def render_form(
    form: EnquiryForm, status: int = 200, refusal: str | None = None
) -> tuple[str, int]:
    no_store()
    context: dict[str, Any] = {"urgency": None, "self_harm": False, "method": None, "stored": False}
    if refusal is not None:
        context = preview(form)
    return (
        render_template(
            "enquiry/contact.html",
            form=form,
            refusal=refusal,
            errors=form.error_list() if refusal == "invalid" else [],
            message_max=form.message.validators[1].max,  # the Length validator
            **context,
        ),
        status,
    )


def redisplay(reason: str, status: int) -> tuple[str, int]:
    """Re-show the form with everything the patient typed (CSRF expiry, 429, 503)."""
    form = EnquiryForm(formdata=request.form)
    # Keep the original start time and key, so the resubmission is one enquiry, not two.
    if not form.submission_key.data:
        form.submission_key.data = new_submission_key()
    return render_form(form, status, refusal=reason)


def spam_reason(form: EnquiryForm) -> str | None:
    if form.website.data:
        return "honeypot"
    elapsed = seconds_since_start(form.started.data, current_app.config["SECRET_KEY"])
    if elapsed is None:
        return "no_start_time"
    if elapsed < current_app.config["ENQUIRY_MIN_FILL_SECONDS"]:
        return "too_fast"
    return None


def chosen(value: str | None) -> str | None:
    """An optional radio's value, or None: Optional() lets a whitespace-only value through
    unchecked, and it must not be stored as if it were one of the choices."""
    return (value or "").strip() or None


def submission_from(form: EnquiryForm) -> Submission:
    yes_no = {"yes": True, "no": False}
    # No slug is empty: the article's sections are looked up only when one is named.
    source = form.source.data if form.source.data and form.source.data in article_slugs() else None
    return Submission(
        kind=form.kind.data,
        message=form.message.data,
        concerns=[c for c in form.concerns.data or [] if c in CONCERNS],
        symptoms_now=bool(form.symptoms_now.data),
        name=form.name.data or "",
        relationship=form.relationship.data,
        email=form.clean_email,
        phone=form.clean_phone,
        preferred_contact=form.preferred_contact.data,
        voicemail_ok=bool(form.voicemail_ok.data),
        email_details_ok=bool(form.email_details_ok.data),
        wants_confirmation=bool(form.wants_confirmation.data),
        submission_key=form.submission_key.data,
        privacy_version=privacy_version(),
        patient_name=form.patient_name.data or None,
        patient_dob=form.patient_dob.data,
        patient_is_existing=chosen(form.patient_is_existing.data),
        may_discuss_care=yes_no.get(chosen(form.may_discuss_care.data) or ""),
        appointment_patient_status=chosen(form.appointment_patient_status.data),
        preferred_days=list(form.preferred_days.data or []),
        preferred_times=list(form.preferred_times.data or []),
        referring_physician=form.referring_physician.data or None,
        source_section=source,
        spam_reason=spam_reason(form),
    )


@bp.route("/contact", methods=["GET", "POST"])
@limiter.limit(enquiry_limit, methods=["POST"])
def contact() -> Response | tuple[str, int]:
    if request.method != "POST":  # GET, and HEAD (which must not validate an empty form)
        return blank_form_page(), 200
    form = EnquiryForm()
    if not form.validate():
        return render_form(form, 422, refusal="invalid")
    enquiry, created = store_enquiry(submission_from(form))
    if created:
        log.info(
            "enquiry stored",
            extra={"event": "enquiry.stored"},
        )
    refs = [r for r in session.get(THANKS_KEY, []) if r != enquiry.reference]
    session[THANKS_KEY] = [*refs, enquiry.reference][-5:]
    return redirect(url_for("enquiry.thanks"), code=303)


@bp.get("/contact/thanks")
def thanks() -> Response | tuple[str, int]:
    """Bound to the submitter's session: the URL names no enquiry, so it leaks none."""
    no_store()
    refs = session.get(THANKS_KEY, [])
    enquiry = find_by_reference(refs[-1]) if refs else None
    if enquiry is None:
        return redirect(url_for("enquiry.contact"))
    return (
        render_template(
            "enquiry/thanks.html",
            enquiry=enquiry,
            urgency=enquiry.urgency,
            self_harm=shows_lifeline(enquiry.red_flags or []),
            method=enquiry.preferred_contact,
            stored=True,
        ),
        200,
    )
