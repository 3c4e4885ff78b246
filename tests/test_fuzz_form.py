"""Fuzzing the enquiry form with Hypothesis.

Each example is one whole form in which up to four fields are corrupted: arbitrary Unicode,
control and invisible characters, over-long text, the naughty-strings corpus, wrong values for
choices, missing fields, duplicated fields, unknown fields, reordered fields. The test holds a
model of every validation rule (``expected_outcome``, written independently of the form) and
checks the app against it exactly:

* through the server (the Flask test client, the real view, SQLite): the answer is a 303 to
  the thanks page or a 422 re-showing the form, never a 500; a 422 marks exactly the fields the
  model refuses, each with its message attached to the field's id and the same message in the
  error summary, linking to that field; an accepted form is stored as typed after the
  foundation's normalisation (CR/LF to LF, NFC; one-line fields stripped; email and phone in
  their normal forms; details kept only where they belong);
* at the form itself, for many more inputs at a fraction of the cost: the same refusals, field
  by field, and the same normalised values handed to storage.

Example counts come from the Hypothesis profile in tests/conftest.py (``fuzz_examples``): the
"ci" profile runs 2,400 forms here, 500 of them through the server.
"""

from __future__ import annotations

import functools
import json
import random
import re
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import select
from werkzeug.datastructures import MultiDict
from wtforms.validators import ValidationError

from intake import create_app
from intake.enquiry.fields import (
    control_characters,
    normalise_email,
    normalise_phone,
    normalise_text,
)
from intake.enquiry.forms import (
    CONCERN_CHOICES,
    DAY_CHOICES,
    MESSAGE_MAX,
    NAME_MAX,
    SUBMISSION_KEY,
    TIME_CHOICES,
)
from intake.extensions import db
from intake.models import Enquiry
from tests.conftest import fuzz_examples, make_config, started_token

BLNS: list[str] = json.loads(
    (Path(__file__).parent / "data" / "blns.json").read_text(encoding="utf-8")
)

CONCERNS = [value for value, _ in CONCERN_CHOICES]
DAYS = [value for value, _ in DAY_CHOICES]
TIMES = [value for value, _ in TIME_CHOICES]
CHOICES: dict[str, list[str]] = {
    "kind": ["question", "appointment"],
    "relationship": ["patient", "caregiver", "clinician"],
    "preferred_contact": ["email", "phone"],
    "patient_is_existing": ["yes", "no", "unsure"],
    "may_discuss_care": ["yes", "no"],
    "appointment_patient_status": ["new", "existing"],
}
REQUIRED_CHOICES = ("kind", "relationship", "preferred_contact")
OPTIONAL_CHOICES = ("patient_is_existing", "may_discuss_care", "appointment_patient_status")
MULTI = {"concerns": CONCERNS, "preferred_days": DAYS, "preferred_times": TIMES}
BOOLEANS = ("symptoms_now", "voicemail_ok", "email_details_ok", "wants_confirmation", "consent")
ONE_LINE = {"name": NAME_MAX, "patient_name": NAME_MAX, "referring_physician": NAME_MAX}
FALSE_VALUES = ("", "false")  # WTForms BooleanField.false_values for submitted strings
# Every field of the form, as the fuzzer may corrupt it.
FIELDS = (
    "kind",
    "message",
    "concerns",
    "symptoms_now",
    "name",
    "relationship",
    "email",
    "phone",
    "preferred_contact",
    "voicemail_ok",
    "email_details_ok",
    "wants_confirmation",
    "patient_name",
    "patient_dob",
    "patient_is_existing",
    "may_discuss_care",
    "appointment_patient_status",
    "preferred_days",
    "preferred_times",
    "referring_physician",
    "consent",
    "website",
    "started",
    "submission_key",
    "source",
)
GROUPS = {*CHOICES, *MULTI}  # radios and checkboxes: the summary links to the first input


# --- strategies -------------------------------------------------------------------------------

# Junk: arbitrary text (Hypothesis never draws lone surrogates, which no browser can send),
# invisible and control characters, the naughty-strings corpus, over-long text, and values
# that look like something else. Most of it comes from fixed pools (cheap to draw), so the
# profile's examples fit in CI's time budget.
CONTROL = [chr(c) for c in [*range(0x00, 0x20), *range(0x7F, 0xA0)]]
UNUSUAL = st.characters(categories=["Cc", "Cf", "Zl", "Zp", "Zs", "Mn", "Co"])
OVER_LONG = [
    "x" * 201,
    "é" * 255,
    "e\u0301" * 101,  # 202 code points typed, 101 after NFC
    "a" * (MESSAGE_MAX + 1),
    "ü" * MESSAGE_MAX,
    "\r\n" * 2600,  # 5,200 typed, 2,600 once CR LF is LF
    "9" * 41,
    "a" * 250 + "@example.com",
]
LOOKALIKES = [
    "",
    " ",
    "\t",
    "\r\n",
    "0",
    "1",
    "y",
    "n",
    "true",
    "false",
    "False",
    "on",
    "None",
    "null",
    "[]",
    "{}",
    "-1",
    "1e309",
    "NaN",
    "question ",
    "Question",
    "EMAIL",
    "mon,tue",
    "2026-02-30",
    "0000-00-00",
    "1899-12-31",
    "9999-12-31",
    "19610327",
    "03/27/1961",
    "recurrence\x00",
    "patient\n",
    "<script>alert(1)</script>",
    "${7*7}",
    "%00",
    "../../etc/passwd",
    "\ufeffpatient",
    "pati\u00adent",
    "ｐａｔｉｅｎｔ",
]
JUNK = st.one_of(
    st.text(max_size=24),
    st.text(alphabet=UNUSUAL, min_size=1, max_size=4),
    st.sampled_from(BLNS),
    st.sampled_from([*OVER_LONG, *LOOKALIKES, *CONTROL]),
)
# Text a person could type (no control characters), for the fields' accepted path.
TYPED = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cc", "Cs"]), max_size=24)
# Pools of good values: what people really type, with the normalisations they need.
MESSAGES = [
    "What are the chances that my cancer comes back?",
    "My scan showed a spot on my liver.\r\nShould I be worried?\r\n\r\nThanks",
    "I'd like a second opinion.\rMy oncologist is Dr. Ng.",
    "Tabs\tand  spaces  ",
    "Café, naïve, résumé: e\u0301 decomposed",
    "乳がんの再発について質問があります。",
    "سؤال عن العلاج الكيميائي",
    "🙂 Can my daughter come with me? 👩\u200d👧",
    "I have chest pain right now",
    "Is there a clinical trial for HER2-positive metastatic breast cancer?",
    " leading and trailing spaces are kept in the message ",
    "\u202eright-to-left override\u202c and \u2028line separator",
]
NAMES = [
    "",
    "Ana María Pérez",
    "  José García  ",
    "李小龙",
    "O'Brien-Smith",
    "Zoë",
    "E\u0301mile",
    "Dr. Ng",
    "X Æ A-12",
    "\u202eeman",
    "🙂 Sam",
    "a" * NAME_MAX,
]
EMAILS = [
    "patient@example.com",
    "  Patient.Name@EXAMPLE.com ",
    "user+tag@example.org",
    "josé@example.com",
    "ana@exämple.com",
    "x@xn--bcher-kva.example",
    "a.b.c@sub.example.co.uk",
]
PHONES = [
    "(907) 555-0123",
    "907.555.0188",
    "+44 20 7946 0958",
    "+1 907 555 0100",
    "1-907-555-0142",
    " 907 555 0199 ",
]
DATES = ["", "1961-03-27", "1900-01-01", "2001-12-31", "1985-07-04"]
SOURCES = ["", "treatment", "recurrence", "no-such-section", " treatment "]


# Every strategy is built once: building strategies inside each draw costs more than the draw.
S: dict[str, st.SearchStrategy[Any]] = {
    "corrupt": st.lists(st.sampled_from(FIELDS), max_size=4, unique=True),
    "how": st.sampled_from(("replace", "remove", "duplicate", "many", "typed")),
    "many": st.lists(JUNK, min_size=2, max_size=3),
    "unknown": st.sampled_from(["", "unknown", "id", "csrf_token", "submit", "message[]"]),
    "extras": st.integers(min_value=0, max_value=3),
}


def base_form(rng: random.Random) -> dict[str, list[str]]:
    """A plausible form, as a browser would post it (it may still be refused, e.g. no email)."""
    contact = rng.choice(CHOICES["preferred_contact"])
    values: dict[str, list[str]] = {
        "kind": [rng.choice(CHOICES["kind"])],
        "message": [rng.choice(MESSAGES)],
        "concerns": rng.sample(CONCERNS, rng.randint(0, 3)),
        "name": [rng.choice(NAMES)],
        "relationship": [rng.choice(CHOICES["relationship"])],
        "email": [rng.choice(EMAILS if contact == "email" else ["", *EMAILS])],
        "phone": [rng.choice(PHONES if contact == "phone" else ["", *PHONES])],
        "preferred_contact": [contact],
        "patient_name": [rng.choice(NAMES)],
        "patient_dob": [rng.choice(DATES)],
        "preferred_days": rng.sample(DAYS, rng.randint(0, 3)),
        "preferred_times": rng.sample(TIMES, rng.randint(0, 2)),
        "referring_physician": [rng.choice(NAMES)],
        "consent": ["y"],
        "website": [""],
        "source": [rng.choice(SOURCES)],
    }
    for name in OPTIONAL_CHOICES:
        choice = rng.choice(["", *CHOICES[name]])
        if choice:
            values[name] = [choice]
    for name in BOOLEANS[:-1]:  # consent is always ticked in a good form
        if rng.random() < 0.5:
            values[name] = ["y"]
    return values


# Good forms are combinations of the pools, made once with a fixed seed: one draw picks one,
# far cheaper than drawing each field (the corruptions below are where Hypothesis searches).
BASE_FORMS = [base_form(random.Random(seed)) for seed in range(500)]  # noqa: S311
S["base"] = st.sampled_from(BASE_FORMS)


@st.composite
def good_values(draw: st.DrawFn, started: str) -> dict[str, list[str]]:
    """One of the good forms, with its start time and a new idempotency key."""
    values = {name: list(items) for name, items in draw(S["base"]).items()}
    values["started"] = [started]
    values["submission_key"] = [uuid.uuid4().hex]
    return values


@st.composite
def fuzzed_forms(draw: st.DrawFn, started: str) -> list[tuple[str, str]]:
    """A good form with up to four fields corrupted, plus unknown fields now and then."""
    values = draw(good_values(started))
    for name in draw(S["corrupt"]):
        how = draw(S["how"])
        if how == "replace":
            values[name] = [draw(JUNK)]
        elif how == "remove":
            values.pop(name, None)
        elif how == "duplicate":
            values[name] = [*values.get(name, []), draw(JUNK)]
        elif how == "many":
            values[name] = draw(S["many"])
        else:  # arbitrary text a person could type, mostly accepted
            values[name] = [draw(TYPED)]
    pairs = [(name, value) for name, items in values.items() for value in items]
    extras = draw(S["extras"])
    if extras & 1:
        pairs.append((draw(S["unknown"]), draw(JUNK)))
    if extras & 2:
        pairs.reverse()  # the model reads the pairs in the order the server does
    return pairs


# --- the model of the form's rules ------------------------------------------------------------


@dataclass
class Expected:
    """What the server must do with one post: refuse these fields, or store these values."""

    errors: set[str]
    submission: dict[str, Any]  # what the view builds for storage
    stored: dict[str, Any]  # the enquiry row


def first(form: MultiDict[str, str], name: str) -> str | None:
    values = form.getlist(name)
    return values[0] if values else None


def blank(raw: str | None) -> bool:
    """WTForms' Optional(): a missing or whitespace-only first value stops validation."""
    return raw is None or raw.strip() == ""


def line(raw: str | None) -> str:
    """A one-line field's data: normalised, then stripped (None when not sent)."""
    return normalise_text(raw).strip() if raw is not None else ""


@functools.lru_cache(maxsize=4096)  # the pools repeat: validate each value once
def email_or_phone(raw: str | None, name: str) -> tuple[bool, str | None]:
    """(refused?, normal form) for the email or phone field, by the foundation's rules."""
    if blank(raw):
        return False, None
    data = line(raw)
    limit = 254 if name == "email" else 40
    if len(data) > limit or control_characters(data, frozenset()):
        return True, None
    try:
        return False, normalise_email(data) if name == "email" else normalise_phone(data)
    except ValidationError:
        return True, None


def expected_outcome(form: MultiDict[str, str], secret: str, slugs: frozenset[str]) -> Expected:
    """Every validation rule of EnquiryForm, written out independently of it."""
    errors: set[str] = set()
    for name in REQUIRED_CHOICES:
        raw = first(form, name)
        if not raw or raw not in CHOICES[name]:
            errors.add(name)
    for name in OPTIONAL_CHOICES:
        raw = first(form, name)
        if not blank(raw) and raw not in CHOICES[name]:
            errors.add(name)
    for name, allowed in MULTI.items():
        if any(value not in allowed for value in form.getlist(name)):
            errors.add(name)

    raw_message = first(form, "message")
    message = normalise_text(raw_message) if raw_message is not None else ""
    if (
        not message.strip()
        or len(message) > MESSAGE_MAX
        or control_characters(message, frozenset("\n\t"))
    ):
        errors.add("message")

    for name, limit in ONE_LINE.items():
        raw = first(form, name)
        data = line(raw)
        if not blank(raw) and (len(data) > limit or control_characters(data, frozenset())):
            errors.add(name)

    email_refused, email = email_or_phone(first(form, "email"), "email")
    phone_refused, phone = email_or_phone(first(form, "phone"), "phone")
    if email_refused:
        errors.add("email")
    if phone_refused:
        errors.add("phone")
    email_data = line(first(form, "email"))
    phone_data = line(first(form, "phone"))
    sent_contact = first(form, "preferred_contact")
    contact = "email" if sent_contact is None else sent_contact  # the field's default
    if not email_refused and not phone_refused:
        if not email_data and not phone_data:
            errors.add("email")
            email_refused = True
        elif contact == "email" and not email_data:
            errors.add("preferred_contact")
        elif contact == "phone" and not phone_data:
            errors.add("preferred_contact")

    def checked(name: str) -> bool:
        raw = first(form, name)
        return raw is not None and raw not in FALSE_VALUES

    if checked("wants_confirmation") and not email_data and not email_refused:
        errors.add("wants_confirmation")
    if not checked("consent"):
        errors.add("consent")

    dob_values = form.getlist("patient_dob")
    dob: date | None = None
    if dob_values:
        try:
            dob = datetime.strptime(" ".join(dob_values), "%Y-%m-%d").date()  # noqa: DTZ007
        except ValueError:
            dob = None
    if not blank(first(form, "patient_dob")):
        if dob is None or dob > date.today() or dob.year < 1900:
            errors.add("patient_dob")

    key = first(form, "submission_key")
    if not SUBMISSION_KEY.match(key or ""):
        errors.add("submission_key")

    def choice(name: str) -> str | None:
        raw = first(form, name)
        return raw if raw in CHOICES[name] else None

    spam_reason = None
    if line(first(form, "website")):
        spam_reason = "honeypot"
    elif not valid_start(first(form, "started"), secret):
        spam_reason = "no_start_time"
    source = line(first(form, "source"))
    # What the view hands to storage (intake.enquiry.service.Submission), field by field.
    submission = {
        "kind": first(form, "kind"),
        "message": message,
        "concerns": [c for c in form.getlist("concerns") if c in CONCERNS],
        "symptoms_now": checked("symptoms_now"),
        "name": line(first(form, "name")),
        "relationship": first(form, "relationship"),
        "email": email,
        "phone": phone,
        "preferred_contact": contact,
        "voicemail_ok": checked("voicemail_ok"),
        "email_details_ok": checked("email_details_ok"),
        "wants_confirmation": checked("wants_confirmation"),
        "submission_key": first(form, "submission_key"),
        "patient_name": line(first(form, "patient_name")) or None,
        "patient_dob": dob,
        "patient_is_existing": choice("patient_is_existing"),
        "may_discuss_care": {"yes": True, "no": False}.get(choice("may_discuss_care") or ""),
        "appointment_patient_status": choice("appointment_patient_status"),
        "preferred_days": form.getlist("preferred_days"),
        "preferred_times": form.getlist("preferred_times"),
        "referring_physician": line(first(form, "referring_physician")) or None,
        "source_section": source if source in slugs else None,
        "spam_reason": spam_reason,
    }
    return Expected(errors, submission, stored_from(submission))


def stored_from(sub: dict[str, Any]) -> dict[str, Any]:
    """The enquiry row: details about another patient only from someone else, appointment
    details only for an appointment request."""
    other = sub["relationship"] != "patient"
    appointment = sub["kind"] == "appointment"
    return {
        "kind": sub["kind"],
        "message": sub["message"],
        "writer_name": sub["name"],
        "relationship": sub["relationship"],
        "email": sub["email"],
        "phone": sub["phone"],
        "preferred_contact": sub["preferred_contact"],
        "symptoms_now": sub["symptoms_now"],
        "voicemail_ok": sub["voicemail_ok"],
        "email_details_ok": sub["email_details_ok"],
        "wants_confirmation": sub["wants_confirmation"],
        "patient_name": sub["patient_name"] if other else None,
        "patient_dob": sub["patient_dob"] if other else None,
        "patient_is_existing": sub["patient_is_existing"] if other else None,
        "may_discuss_care": sub["may_discuss_care"] if other else None,
        "appointment_patient_status": sub["appointment_patient_status"] if appointment else None,
        "preferred_days": sub["preferred_days"] if appointment else [],
        "preferred_times": sub["preferred_times"] if appointment else [],
        "referring_physician": sub["referring_physician"] if appointment else None,
        "source_section": sub["source_section"],
        "is_spam": sub["spam_reason"] is not None,
        "spam_reason": sub["spam_reason"],
        "patient_tags": set(sub["concerns"]),
    }


def valid_start(token: str | None, secret: str) -> bool:
    from intake.enquiry.service import seconds_since_start

    return seconds_since_start(token, secret) is not None


# --- reading the answer -----------------------------------------------------------------------

FIELD_ERROR = re.compile(r'<p class="field__error" id="([A-Za-z_]+)-error">(.*?)</p>', re.S)
SUMMARY = re.compile(r'<div class="error-summary".*?<ul>(.*?)</ul>', re.S)
SUMMARY_ITEM = re.compile(r'<li><a href="#([^"]+)">(.*?)</a></li>', re.S)


def anchor_field(anchor: str) -> str:
    field = anchor.removesuffix("-0")
    return field if field in GROUPS or anchor == field else anchor


def check_refusal(page: str, expected: set[str]) -> None:
    """Each refused field has its message on the field and the same message in the summary."""
    on_fields = {name: text for name, text in FIELD_ERROR.findall(page)}
    assert set(on_fields) == expected, (sorted(on_fields), sorted(expected))
    summary = SUMMARY.search(page)
    assert summary is not None, "a refused form has an error summary"
    items = SUMMARY_ITEM.findall(summary.group(1))
    assert items, "the error summary lists the problems"
    for anchor, message in items:
        field = anchor_field(anchor)
        assert field in expected, (anchor, message)
        expected_anchor = f"{field}-0" if field in GROUPS else field
        assert anchor == expected_anchor, (anchor, field)
        assert message.strip() and message in on_fields[field], (field, message)
        assert f'id="{anchor}"' in page, f"the summary links to #{anchor}, which must exist"
    assert {anchor_field(anchor) for anchor, _ in items} == expected


def stored_row(app: Flask, key: str) -> dict[str, Any]:
    """The stored enquiry, in the model's terms."""
    with app.app_context():
        row = db.session.scalar(select(Enquiry).where(Enquiry.submission_key == key))
        assert row is not None, "an accepted form is stored"
        return {
            "kind": row.kind,
            "message": row.message,
            "writer_name": row.writer_name,
            "relationship": row.relationship,
            "email": row.email,
            "phone": row.phone,
            "preferred_contact": row.preferred_contact,
            "symptoms_now": row.symptoms_now,
            "voicemail_ok": row.voicemail_ok,
            "email_details_ok": row.email_details_ok,
            "wants_confirmation": row.wants_confirmation,
            "patient_name": row.patient_name,
            "patient_dob": row.patient_dob,
            "patient_is_existing": row.patient_is_existing,
            "may_discuss_care": row.may_discuss_care,
            "appointment_patient_status": row.appointment_patient_status,
            "preferred_days": list(row.preferred_days),
            "preferred_times": list(row.preferred_times),
            "referring_physician": row.referring_physician,
            "source_section": row.source_section,
            "is_spam": row.is_spam,
            "spam_reason": row.spam_reason,
            "patient_tags": {t.tag for t in row.tags if t.source == "patient"},
        }


# --- the tests --------------------------------------------------------------------------------


@dataclass(frozen=True)
class FuzzApp:
    """One app for the module (in-memory SQLite, quiet logs: a 500 would still be logged),
    with what the model needs: its secret, a signed start time, the article's sections."""

    app: Flask
    started: str
    slugs: frozenset[str]

    def expect(self, pairs: list[tuple[str, str]]) -> Expected:
        return expected_outcome(MultiDict(pairs), self.app.config["SECRET_KEY"], self.slugs)


@pytest.fixture(scope="module")
def fuzz() -> Iterator[FuzzApp]:
    from intake.public.views import article_slugs

    app = create_app(make_config("sqlite://", LOG_LEVEL="WARNING"))
    with app.app_context():
        db.create_all()
    with app.test_request_context():
        slugs = article_slugs()
    yield FuzzApp(app, started_token(app, seconds_ago=60), slugs)
    with app.app_context():
        db.session.remove()
        db.engine.dispose()


SEEN_KEYS: set[str] = set()


def post_and_check(fuzz: FuzzApp, pairs: list[tuple[str, str]]) -> int:
    """Post one form through the test client; check the answer against the model."""
    expected = fuzz.expect(pairs)
    response = fuzz.app.test_client().post("/contact", data=MultiDict(pairs))
    try:
        status = response.status_code
        assert status in {303, 422}, (status, pairs)
        if status == 422:
            check_refusal(response.get_data(as_text=True), expected.errors)
            return status
        assert not expected.errors, ("accepted a form the rules refuse", expected.errors, pairs)
        assert response.headers["Location"] == "/contact/thanks"
        key = str(expected.submission["submission_key"])
        if key in SEEN_KEYS:
            return status  # the same key again: the first enquiry is the one that counts
        SEEN_KEYS.add(key)
        assert stored_row(fuzz.app, key) == expected.stored, pairs
        return status
    finally:
        response.close()


def validate_and_check(fuzz: FuzzApp, pairs: list[tuple[str, str]]) -> None:
    """The form and the view's hand-over to storage, without HTTP or a database."""
    from intake.enquiry.forms import EnquiryForm, field_anchor
    from intake.enquiry.views import submission_from

    expected = fuzz.expect(pairs)
    with fuzz.app.test_request_context("/contact", method="POST", data=MultiDict(pairs)):
        form = EnquiryForm()
        ok = form.validate()
        refused = {field.name for field in form if field.errors}
        assert refused == expected.errors, (sorted(refused), sorted(expected.errors), pairs)
        assert ok == (not refused)
        if not ok:
            by_anchor = {field_anchor(field): field for field in form}
            for anchor, message in form.error_list():
                assert message and message in by_anchor[anchor].errors, (anchor, message)
            return
        sub = submission_from(form)
        got = {name: getattr(sub, name) for name in expected.submission}
        assert got == expected.submission, pairs


@settings(max_examples=fuzz_examples(0.4))
@given(data=st.data())
def test_fuzzed_forms_through_the_server(fuzz: FuzzApp, data: st.DataObject) -> None:
    """Never a 500; refusals on their fields and in the summary; accepted forms stored as
    normalised."""
    post_and_check(fuzz, data.draw(fuzzed_forms(fuzz.started)))


@settings(max_examples=fuzz_examples(0.1))
@given(data=st.data())
def test_good_forms_through_the_server(fuzz: FuzzApp, data: st.DataObject) -> None:
    """Uncorrupted forms are accepted whenever the model says so (and stored as typed)."""
    values = data.draw(good_values(fuzz.started))
    pairs = [(name, value) for name, items in values.items() for value in items]
    status = post_and_check(fuzz, pairs)
    assert (status == 303) == (not fuzz.expect(pairs).errors)


@settings(max_examples=fuzz_examples(1.9))
@given(data=st.data())
def test_fuzzed_forms_validate_exactly_as_the_model_says(
    fuzz: FuzzApp, data: st.DataObject
) -> None:
    """Many more inputs, at the form itself: the same model, field by field."""
    validate_and_check(fuzz, data.draw(fuzzed_forms(fuzz.started)))
