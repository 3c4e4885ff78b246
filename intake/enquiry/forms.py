"""The enquiry form: one form for a question or an appointment request."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    DateField,
    HiddenField,
    RadioField,
    SelectChoice,
    StringField,
    TextAreaField,
)
from wtforms.validators import DataRequired, InputRequired, Length, Optional, ValidationError

from intake.enquiry.fields import (
    MultiCheckboxField,
    NoControlCharacters,
    check_birth_date,
    normalise_email,
    normalise_phone,
    normalise_text,
    strip_ends,
)

MESSAGE_MAX = 5000
NAME_MAX = 200

CONCERN_CHOICES = [
    ("recurrence", "Cancer coming back or spreading (recurrence, metastasis)"),
    ("symptoms", "Symptoms or side effects"),
    ("clinical_trials", "Clinical trials and research studies"),
    ("treatment", "Treatment options"),
    ("other", "Something else (appointments, records, billing, directions)"),
]
DAY_CHOICES = [
    ("mon", "Monday"),
    ("tue", "Tuesday"),
    ("wed", "Wednesday"),
    ("thu", "Thursday"),
    ("fri", "Friday"),
]
TIME_CHOICES = [("morning", "Morning"), ("afternoon", "Afternoon")]
SUBMISSION_KEY = re.compile(r"^[A-Za-z0-9_-]{16,64}$")

TEXT_FILTERS = (normalise_text,)


def options(pairs: list[tuple[str, str]]) -> list[SelectChoice]:
    """WTForms 3.3 wants SelectChoice objects rather than (value, label) tuples."""
    return [SelectChoice(value, label) for value, label in pairs]


LINE_FILTERS = (normalise_text, strip_ends)


def one_line(max_length: int = NAME_MAX) -> list[Any]:
    return [Optional(), Length(max=max_length), NoControlCharacters(multiline=False)]


class EnquiryForm(FlaskForm):
    """Field order here is the order of the error summary."""

    kind = RadioField(
        "What would you like to do?",
        choices=options(
            [("question", "Ask a question"), ("appointment", "Request an appointment")]
        ),
        default="question",
        validators=[
            InputRequired("Choose whether you want to ask a question or request an appointment.")
        ],
    )
    message = TextAreaField(
        "Your message",
        filters=TEXT_FILTERS,
        validators=[
            DataRequired("Write your message, so we know how to help."),
            Length(
                max=MESSAGE_MAX,
                message=f"Your message is too long: please keep it to {MESSAGE_MAX:,} "
                "characters or fewer.",
            ),
            NoControlCharacters(multiline=True),
        ],
    )
    concerns = MultiCheckboxField(
        "What is it about? (tick any that apply)", choices=options(CONCERN_CHOICES)
    )
    symptoms_now = BooleanField("I have one of these symptoms right now")

    name = StringField("Your name", filters=LINE_FILTERS, validators=one_line())
    relationship = RadioField(
        "Who are you?",
        choices=options(
            [
                ("patient", "I am the patient"),
                ("caregiver", "A family member or caregiver"),
                ("clinician", "A clinician"),
            ]
        ),
        default="patient",
        validators=[
            InputRequired(
                "Tell us whether you are the patient, a family member or caregiver, or a clinician."
            )
        ],
    )
    email = StringField(
        "Email address",
        filters=LINE_FILTERS,
        validators=[Optional(), Length(max=254), NoControlCharacters()],
    )
    phone = StringField(
        "Phone number",
        filters=LINE_FILTERS,
        validators=[Optional(), Length(max=40), NoControlCharacters()],
    )
    preferred_contact = RadioField(
        "How should we contact you?",
        choices=options([("email", "By email"), ("phone", "By phone")]),
        default="email",
        validators=[InputRequired("Choose how we should contact you.")],
    )
    voicemail_ok = BooleanField("You may leave a voicemail")
    email_details_ok = BooleanField("You may include details about my health in emails")
    wants_confirmation = BooleanField("Email me a confirmation")

    patient_name = StringField("The patient's name", filters=LINE_FILTERS, validators=one_line())
    patient_dob = DateField(
        "The patient's date of birth (optional)",
        validators=[Optional()],
        format="%Y-%m-%d",
    )
    patient_is_existing = RadioField(
        "Is the patient already a patient of the clinic?",
        choices=options([("yes", "Yes"), ("no", "No"), ("unsure", "Not sure")]),
        validators=[Optional()],
    )
    may_discuss_care = RadioField(
        "May the clinic discuss the patient's care with you?",
        choices=options([("yes", "Yes, the patient agrees"), ("no", "No, or not yet")]),
        validators=[Optional()],
    )

    appointment_patient_status = RadioField(
        "Is this for a new or an existing patient?",
        choices=options([("new", "New patient"), ("existing", "Existing patient")]),
        validators=[Optional()],
    )
    preferred_days = MultiCheckboxField("Preferred days", choices=options(DAY_CHOICES))
    preferred_times = MultiCheckboxField("Preferred times of day", choices=options(TIME_CHOICES))
    referring_physician = StringField(
        "Referring physician (optional)", filters=LINE_FILTERS, validators=one_line()
    )

    consent = BooleanField(
        "I agree that the clinic may store this information and contact me about it",
        validators=[
            DataRequired(
                "Tick the box to agree, so that we can store your message and reply to you."
            )
        ],
    )

    # Hidden: the honeypot (humans never see it), the signed start time, the idempotency key and
    # the article section the patient came from.
    website = StringField("Leave this field empty", filters=LINE_FILTERS)
    started = HiddenField()
    submission_key = HiddenField()
    source = HiddenField(filters=LINE_FILTERS)

    # Set by validate(): the normalised contact details.
    clean_email: str | None = None
    clean_phone: str | None = None

    def validate_email(self, field: StringField) -> None:
        if field.data:
            self.clean_email = normalise_email(field.data)

    def validate_phone(self, field: StringField) -> None:
        if field.data:
            self.clean_phone = normalise_phone(field.data)

    def validate_patient_dob(self, field: DateField) -> None:
        check_birth_date(field.data, date.today())

    def validate_submission_key(self, field: HiddenField) -> None:
        if not SUBMISSION_KEY.match(field.data or ""):
            raise ValidationError(
                "This form could not be matched to your visit. Please send it again."
            )

    def validate(self, extra_validators: Any = None) -> bool:
        ok = super().validate(extra_validators)
        if not self.email.errors and not self.phone.errors:
            if not self.email.data and not self.phone.data:
                self.email.errors = [
                    *self.email.errors,
                    "Give us an email address or a phone number, so we can reply.",
                ]
                ok = False
            elif self.preferred_contact.data == "email" and not self.email.data:
                self.preferred_contact.errors = [
                    *self.preferred_contact.errors,
                    "You chose email, but gave no email address: add one, or choose phone.",
                ]
                ok = False
            elif self.preferred_contact.data == "phone" and not self.phone.data:
                self.preferred_contact.errors = [
                    *self.preferred_contact.errors,
                    "You chose phone, but gave no phone number: add one, or choose email.",
                ]
                ok = False
        if self.wants_confirmation.data and not self.email.data and not self.email.errors:
            self.wants_confirmation.errors = [
                *self.wants_confirmation.errors,
                "To get a confirmation by email, add your email address above.",
            ]
            ok = False
        return ok

    def error_list(self) -> list[tuple[str, str]]:
        """(field id, message) in the order of the form, for the error summary."""
        items: list[tuple[str, str]] = []
        for field in self:
            for error in field.errors:
                items.append((field_anchor(field), str(error)))
        return items


def field_anchor(field: Any) -> str:
    """The id the summary links to: a group's first input, or the field itself."""
    if field.type in {"RadioField", "MultiCheckboxField"}:
        return f"{field.id}-0"
    return str(field.id)
