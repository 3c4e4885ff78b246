"""Forms of the inbox and the enquiry page: every action is a POST with CSRF and a revision.

The hidden ``revision`` is the enquiry's revision when the page was drawn; an action posted
with an older one is refused (see intake.staff.actions.StaleEdit). Every text field has a
maximum length; choices are closed lists.
"""

from __future__ import annotations

from typing import Any

from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    DateField,
    HiddenField,
    RadioField,
    SelectChoice,
    SelectField,
    SelectMultipleField,
    StringField,
    TextAreaField,
    TimeField,
)
from wtforms.validators import DataRequired, InputRequired, Length, Optional, Regexp
from wtforms.widgets import CheckboxInput, ListWidget

from intake.staff.actions import (
    CLOSING_REASONS,
    CONTACT_METHODS,
    CONTACT_OUTCOMES,
    DECLINE_REASON_MAX,
    NOTE_MAX,
    REASON_MAX,
)
from intake.staff.mail import REPLY_TEMPLATES
from intake.triage.model import TAGS, URGENCIES

SEARCH_MAX = 300
NAME_MAX = 200


def strip(value: Any) -> Any:
    return value.strip() if isinstance(value, str) else value


def label(value: str) -> str:
    return value.replace("_", " ").capitalize()


def options(pairs: list[tuple[str, str]]) -> list[SelectChoice]:
    """(value, label) pairs as WTForms choices."""
    return [SelectChoice(value, text) for value, text in pairs]


class MultiCheckboxField(SelectMultipleField):
    """Checkboxes for a multiple choice (no JavaScript, every box labelled)."""

    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


class SearchForm(FlaskForm):
    """POSTed, never a query string: the terms are stored server-side (SavedSearch)."""

    terms = StringField(
        "Search reference, name, email, phone or message",
        filters=[strip],
        validators=[DataRequired("Type something to search for."), Length(max=SEARCH_MAX)],
    )


class RevisionForm(FlaskForm):
    """The stale-page guard shared by every action on an enquiry."""

    revision = HiddenField(validators=[InputRequired(), Regexp(r"^\d{1,9}$")])

    def revision_value(self) -> int:
        return int(self.revision.data)


class AssignForm(RevisionForm):
    assignee = SelectField("Assign to", choices=options([("me", "Me")]))


class StatusForm(RevisionForm):
    status = SelectField("New status", choices=[])
    closing_reason = SelectField(
        "Reason for closing (required to close)",
        choices=options([("", "(not closing)")] + [(r, label(r)) for r in CLOSING_REASONS]),
        validators=[Optional()],
    )


class TagsForm(RevisionForm):
    tags = MultiCheckboxField("Concerns", choices=options([(t, label(t)) for t in TAGS]))


class UrgencyForm(RevisionForm):
    urgency = RadioField(
        "Urgency", choices=options([(u, label(u)) for u in URGENCIES]), validators=[InputRequired()]
    )


class NoteForm(RevisionForm):
    text = TextAreaField(
        "Internal note (staff only; never sent to the patient)",
        filters=[strip],
        validators=[DataRequired("Write the note first."), Length(max=NOTE_MAX)],
    )


class ContactForm(RevisionForm):
    method = RadioField(
        "How",
        choices=options([(m, label(m)) for m in CONTACT_METHODS]),
        validators=[InputRequired()],
    )
    outcome = SelectField(
        "Outcome",
        choices=options([(o, label(o)) for o in CONTACT_OUTCOMES]),
        validators=[InputRequired()],
    )
    note = TextAreaField(
        "Note (optional)", filters=[strip], validators=[Optional(), Length(max=REASON_MAX)]
    )


class ReplyForm(RevisionForm):
    template = RadioField(
        "Reply",
        choices=options([(key, item.title) for key, item in REPLY_TEMPLATES.items()]),
        validators=[InputRequired()],
    )


class SpamForm(RevisionForm):
    spam = HiddenField(validators=[InputRequired(), Regexp(r"^(mark|unmark)$")])


class AppointmentForm(RevisionForm):
    day = DateField("Date", validators=[InputRequired("Give the date.")])
    start = TimeField("Time (clinic time)", validators=[InputRequired("Give the time.")])
    duration = SelectField(
        "Length",
        choices=options(
            [("30", "30 minutes"), ("45", "45 minutes"), ("60", "1 hour"), ("90", "90 minutes")]
        ),
        default="60",
    )
    location = SelectField("Location", choices=[], validators=[InputRequired()])
    clinician = StringField(
        "Clinician",
        filters=[strip],
        validators=[DataRequired("Give the clinician's name."), Length(max=NAME_MAX)],
    )
    send_confirmation = BooleanField("Email a confirmation with a calendar invitation")


class DeclineForm(RevisionForm):
    reason = TextAreaField(
        "Reason for declining (staff only)",
        filters=[strip],
        validators=[
            DataRequired("Give the reason."),
            Length(
                max=DECLINE_REASON_MAX,
                message=f"The reason can be at most {DECLINE_REASON_MAX} characters.",
            ),
        ],
    )
