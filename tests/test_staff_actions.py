"""Actions on an enquiry: each one a POST that writes one event and one audit row, or nothing."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from typing import Any

import icalendar
import pytest
from flask import Flask
from sqlalchemy import func, select, update

from intake.auth.models import StaffUser
from intake.extensions import db
from intake.models import Enquiry, EnquiryTag
from intake.notify.models import OutboxMessage
from intake.staff import actions
from intake.staff.models import Appointment
from tests.test_auth_support import make_user
from tests.test_staff_support import (
    add_enquiry,
    audit_count,
    audit_of,
    events,
    load,
    staff_client,
)

FUTURE = (datetime.now(UTC) + timedelta(days=30)).date().isoformat()


def post(client: Any, ref: str, action: str, revision: Any = 0, **fields: Any) -> Any:
    data = {f"{action}-revision": str(revision)}
    data.update({f"{action}-{name}": value for name, value in fields.items()})
    return client.post(f"/staff/enquiries/{ref}/{action}", data=data)


def outbox(app: Flask) -> list[OutboxMessage]:
    with app.app_context():
        rows = list(db.session.scalars(select(OutboxMessage).order_by(OutboxMessage.id)))
        for row in rows:
            _ = row.attachments
        db.session.expunge_all()
        return rows


# --- one event, one audit row, the revision, the response clock -----------------------------


def test_an_action_writes_one_event_one_audit_row_and_bumps_the_revision(app: Flask) -> None:
    ref = add_enquiry(app)
    client, user_id = staff_client(app)
    before = audit_count(app)
    response = post(client, ref, "note", text="Left a message with reception.")
    assert response.status_code == 303
    assert response.headers["Location"] == f"/staff/enquiries/{ref}"
    assert audit_count(app) == before + 1
    [row] = audit_of(app, "enquiry.note")
    assert (row.actor_id, row.target_type, row.target_id) == (user_id, "enquiry", ref)
    assert row.details == {"length": 30}  # never the note itself
    [event] = events(app, ref)
    assert (event.kind, event.actor_id, event.details) == (
        "note",
        user_id,
        {"text": "Left a message with reception."},
    )
    enquiry = load(app, ref)
    assert enquiry.revision == 1 and enquiry.first_response_at is not None
    first = enquiry.first_response_at
    post(client, ref, "note", revision=1, text="Second note")
    assert load(app, ref).first_response_at == first  # only the first action sets it


@pytest.mark.parametrize(
    ("action", "fields"),
    [
        ("assign", {"assignee": "me"}),
        ("status", {"status": "in_progress"}),
        ("tags", {"tags": ["treatment"]}),
        ("urgency", {"urgency": "priority"}),
        ("note", {"text": "a note"}),
        ("contact", {"method": "phone", "outcome": "reached"}),
        ("reply", {"template": "call_us"}),
        ("spam", {"spam": "mark"}),
        (
            "appointment",
            {
                "day": FUTURE,
                "start": "10:00",
                "duration": "60",
                "location": "Alaska Cancer Treatment Center",
                "clinician": "Dr Who",
            },
        ),
        ("decline", {"reason": "Not a service we offer"}),
    ],
)
def test_a_stale_page_is_refused_and_nothing_is_written(
    app: Flask, action: str, fields: dict[str, Any]
) -> None:
    ref = add_enquiry(app, kind="appointment")
    client, _ = staff_client(app)
    other, _ = staff_client(app, "other@clinic.example", name="Olga Other")
    assert post(other, ref, "note", text="I got here first").status_code == 303
    before_audit, before_events, before_mail = audit_count(app), len(events(app, ref)), outbox(app)
    response = post(client, ref, action, revision=0, **fields)
    page = response.get_data(as_text=True)
    assert response.status_code == 409
    assert "Someone changed this enquiry since you opened it" in page
    assert f'href="/staff/enquiries/{ref}"' in page
    assert audit_count(app) == before_audit
    assert len(events(app, ref)) == before_events
    assert len(outbox(app)) == len(before_mail)
    enquiry = load(app, ref)
    assert enquiry.revision == 1 and enquiry.status == "new" and not enquiry.is_spam
    # The same action on the fresh page works.
    assert post(client, ref, action, revision=1, **fields).status_code == 303
    assert audit_count(app) == before_audit + 1


def test_a_stale_note_keeps_the_text_typed(app: Flask) -> None:
    ref = add_enquiry(app)
    client, _ = staff_client(app)
    post(client, ref, "note", text="first")
    page = post(client, ref, "note", revision=0, text="My <b>long</b> note").get_data(as_text=True)
    assert "My &lt;b&gt;long&lt;/b&gt; note" in page
    assert "Wanda Writer" not in page  # the refusal page does not show the enquiry


def test_two_simultaneous_edits_cannot_both_win(app: Flask) -> None:
    """The conditional UPDATE catches a change made after the row was read."""
    ref = add_enquiry(app)
    user_id, _ = make_user(app)
    with app.app_context():
        enquiry = db.session.scalar(select(Enquiry).where(Enquiry.reference == ref))
        assert enquiry is not None and enquiry.revision == 0
        with db.engine.begin() as conn:  # a colleague's change, committed meanwhile
            conn.execute(update(Enquiry).where(Enquiry.id == enquiry.id).values(revision=1))
        with pytest.raises(actions.StaleEdit):
            actions.add_note(enquiry, user_id, 0, "too late")
        db.session.rollback()
    assert events(app, ref) == []


# --- assignment -------------------------------------------------------------------------------


def test_assign_to_me_someone_and_nobody(app: Flask) -> None:
    ref = add_enquiry(app)
    client, me = staff_client(app)
    sam, _ = make_user(app, "sam@clinic.example", name="Sam Staff")
    assert post(client, ref, "assign", assignee="me").status_code == 303
    assert load(app, ref).assignee_id == me
    assert post(client, ref, "assign", revision=1, assignee=str(sam)).status_code == 303
    assert load(app, ref).assignee_id == sam
    assert post(client, ref, "assign", revision=2, assignee="none").status_code == 303
    assert load(app, ref).assignee_id is None
    assert [e.details for e in events(app, ref)] == [
        {"from": None, "to": me},
        {"from": me, "to": sam},
        {"from": sam, "to": None},
    ]
    assert audit_count(app, "enquiry.assignment") == 3


def test_cannot_assign_to_an_inactive_or_unknown_user(app: Flask) -> None:
    ref = add_enquiry(app)
    client, _ = staff_client(app)
    gone, _ = make_user(app, "gone@clinic.example", name="Gone")
    with app.app_context():
        user = db.session.get(StaffUser, gone)
        assert user is not None
        user.active = False
        db.session.commit()
    assert post(client, ref, "assign", assignee=str(gone)).status_code == 400
    assert post(client, ref, "assign", assignee="99999").status_code == 400
    assert load(app, ref).assignee_id is None and events(app, ref) == []


# --- status -----------------------------------------------------------------------------------

ALL_MOVES = [(a, b) for a in actions.ALLOWED_MOVES for b in actions.ALLOWED_MOVES if a != b]


@pytest.mark.parametrize(("start", "target"), ALL_MOVES)
def test_status_moves_follow_the_table(app: Flask, start: str, target: str) -> None:
    ref = add_enquiry(app, status=start)
    client, _ = staff_client(app)
    fields = {"status": target}
    if target == "closed":
        fields["closing_reason"] = "resolved"
    response = post(client, ref, "status", **fields)
    allowed = target in actions.ALLOWED_MOVES[start]
    assert response.status_code == (303 if allowed else 400)
    enquiry = load(app, ref)
    assert enquiry.status == (target if allowed else start)
    assert audit_count(app, "enquiry.status") == (1 if allowed else 0)


def test_the_workflow_table_is_the_documented_one() -> None:
    moves = actions.ALLOWED_MOVES
    chain = ["new", "in_progress", "awaiting_patient", "scheduled", "closed"]
    for here, there in zip(chain, chain[1:], strict=False):
        assert there in moves[here] or here == "new"
    assert moves["closed"] == ("in_progress",)  # reopen
    assert all("closed" in moves[s] for s in chain[:-1])


def test_closing_needs_a_reason_and_sets_closed_at_and_reopen_clears_it(app: Flask) -> None:
    ref = add_enquiry(app)
    client, _ = staff_client(app)
    assert post(client, ref, "status", status="closed").status_code == 400
    assert post(client, ref, "status", status="closed", closing_reason="bogus").status_code == 400
    assert load(app, ref).status == "new"
    response = post(client, ref, "status", status="closed", closing_reason="duplicate")
    assert response.status_code == 303
    closed = load(app, ref)
    assert closed.closing_reason == "duplicate" and closed.closed_at is not None
    assert post(client, ref, "status", revision=1, status="in_progress").status_code == 303
    reopened = load(app, ref)
    assert (reopened.status, reopened.closing_reason, reopened.closed_at) == (
        "in_progress",
        None,
        None,
    )
    assert [e.details for e in events(app, ref)] == [
        {"from": "new", "to": "closed", "reason": "duplicate"},
        {"from": "closed", "to": "in_progress"},
    ]


# --- tags and urgency -------------------------------------------------------------------------


def test_tag_corrections_sit_beside_the_rule_result_and_count_per_rule(app: Flask) -> None:
    ref = add_enquiry(
        app,
        message="It came back and I want a trial",
        ticked=["other"],
        rule_tags={"recurrence": "came back", "clinical_trials": "trial"},
    )
    client, user_id = staff_client(app)
    # Remove the rule's recurrence and the patient's "other", add treatment.
    response = post(client, ref, "tags", tags=["clinical_trials", "treatment"])
    assert response.status_code == 303
    enquiry = load(app, ref)
    assert enquiry.tag_names == ["clinical_trials", "treatment"]
    staff_rows = {
        (t.tag, t.removed, t.rule_id, t.vocabulary_version, t.created_by)
        for t in enquiry.tags
        if t.source == "staff"
    }
    assert staff_rows == {
        ("recurrence", True, "tag.recurrence.test", "test-1", user_id),
        ("other", True, None, "test-1", user_id),
        ("treatment", False, None, "test-1", user_id),
    }
    assert {(t.tag, t.source) for t in enquiry.tags if not t.removed and t.source != "staff"} == {
        ("other", "patient"),
        ("recurrence", "rules"),
        ("clinical_trials", "rules"),
    }  # the rule result is kept
    [event] = events(app, ref)
    assert event.details == {"added": ["treatment"], "removed": ["recurrence", "other"]}
    # Corrections are countable per rule and vocabulary version (for the reports).
    with app.app_context():
        counted = db.session.execute(
            select(EnquiryTag.rule_id, EnquiryTag.vocabulary_version, func.count())
            .where(EnquiryTag.source == "staff", EnquiryTag.removed.is_(True))
            .group_by(EnquiryTag.rule_id, EnquiryTag.vocabulary_version)
        ).all()
    assert ("tag.recurrence.test", "test-1", 1) in counted
    # Undo: put recurrence back and take treatment away again: no staff rows left.
    response = post(
        client, ref, "tags", revision=1, tags=["recurrence", "clinical_trials", "other"]
    )
    assert response.status_code == 303
    enquiry = load(app, ref)
    assert [t for t in enquiry.tags if t.source == "staff"] == []
    assert enquiry.tag_names == ["other", "recurrence", "clinical_trials"]


def test_tags_unchanged_or_unknown_are_refused(app: Flask) -> None:
    ref = add_enquiry(app, rule_tags={"recurrence": "comes back"})
    client, _ = staff_client(app)
    assert post(client, ref, "tags", tags=["recurrence"]).status_code == 400
    assert post(client, ref, "tags", tags=["recurrence", "nonsense"]).status_code == 400
    assert events(app, ref) == []


def test_urgency_correction_updates_the_rank_and_keeps_the_rules_value(app: Flask) -> None:
    routine = add_enquiry(app)
    other = add_enquiry(app, urgency="priority", created_at=datetime(2026, 1, 1, tzinfo=UTC))
    client, _ = staff_client(app)
    inbox = client.get("/staff/").get_data(as_text=True)
    assert inbox.index(other) < inbox.index(routine)
    assert post(client, routine, "urgency", urgency="emergency").status_code == 303
    enquiry = load(app, routine)
    assert (enquiry.urgency, enquiry.urgency_rank, enquiry.rules_urgency) == (
        "emergency",
        0,
        "routine",
    )
    inbox = client.get("/staff/").get_data(as_text=True)
    assert inbox.index(routine) < inbox.index(other)  # the inbox order follows the correction
    assert "(staff; rules: routine)" in inbox
    post(client, routine, "urgency", revision=1, urgency="priority")
    assert load(app, routine).rules_urgency == "routine"  # the rules' answer stays on record
    assert [e.details for e in events(app, routine)][-1] == {
        "from": "emergency",
        "to": "priority",
        "rules": "routine",
    }
    assert post(client, routine, "urgency", revision=2, urgency="priority").status_code == 400


# --- contact, spam ----------------------------------------------------------------------------


def test_contact_log_flags_a_voicemail_the_patient_did_not_allow(app: Flask) -> None:
    ref = add_enquiry(app, voicemail_ok=False)
    client, _ = staff_client(app)
    response = post(
        client,
        ref,
        "contact",
        method="voicemail",
        outcome="left_voicemail",
        note="Left callback number",
    )
    assert response.status_code == 303
    [event] = events(app, ref)
    assert event.details == {
        "method": "voicemail",
        "outcome": "left_voicemail",
        "note": "Left callback number",
        "against_preferences": True,
    }
    [row] = audit_of(app, "enquiry.contact")
    assert "note" not in row.details and row.details["against_preferences"] is True
    assert (
        post(client, ref, "contact", revision=1, method="fax", outcome="reached").status_code == 400
    )


def test_mark_and_unmark_spam(app: Flask) -> None:
    ref = add_enquiry(app)
    client, _ = staff_client(app)
    assert post(client, ref, "spam", spam="mark").status_code == 303
    assert ref not in client.get("/staff/").get_data(as_text=True)
    assert ref in client.get("/staff/?spam=only").get_data(as_text=True)
    assert post(client, ref, "spam", revision=1, spam="mark").status_code == 400
    assert post(client, ref, "spam", revision=1, spam="unmark").status_code == 303
    enquiry = load(app, ref)
    assert not enquiry.is_spam and enquiry.spam_reason is None
    assert audit_count(app, "enquiry.spam") == 2


# --- replies ----------------------------------------------------------------------------------


def test_reply_goes_to_the_stored_address_without_clinical_details(app: Flask) -> None:
    ref = add_enquiry(
        app,
        message="My cancer came back in my liver",
        rule_tags={"recurrence": "came back"},
        email_details_ok=False,
        kind="appointment",
    )
    client, _ = staff_client(app)
    assert post(client, ref, "reply", template="call_us").status_code == 303
    [mail] = outbox(app)
    assert mail.kind == "staff_reply" and mail.recipient == "wanda@example.com"
    assert mail.status == "pending" and mail.enquiry_id is not None
    body = mail.body_text + (mail.body_html or "") + mail.subject
    assert "Please call us at (907) 555-0100" in body and ref in body
    for detail in ("liver", "came back", "recurrence", "appointment request", "Wanda"):
        assert detail not in body, detail
    [event] = events(app, ref)
    assert event.details == {"template": "call_us", "outbox_id": mail.id}
    assert audit_count(app, "enquiry.reply") == 1


def test_reply_with_details_allowed_still_has_no_clinical_details(app: Flask) -> None:
    ref = add_enquiry(app, message="lump in my breast", email_details_ok=True, kind="appointment")
    client, _ = staff_client(app)
    post(client, ref, "reply", template="in_hand")
    [mail] = outbox(app)
    assert "appointment request" in mail.body_text  # the kind, with the patient's leave
    assert "lump" not in mail.body_text + (mail.body_html or "")


@pytest.mark.parametrize("email", [None, "", "not-an-address"])
def test_no_reply_without_a_usable_email(app: Flask, email: str | None) -> None:
    ref = add_enquiry(app, email=email, preferred_contact="phone")
    client, _ = staff_client(app)
    response = post(client, ref, "reply", template="call_us")
    assert response.status_code == 400
    assert "no usable email address" in response.get_data(as_text=True)
    assert outbox(app) == [] and events(app, ref) == [] and load(app, ref).revision == 0
    page = client.get(f"/staff/enquiries/{ref}").get_data(as_text=True)
    assert "call the writer" in page and "Queue reply" not in page


def test_reply_html_escapes_the_reference_and_headers_come_from_config(app: Flask) -> None:
    ref = add_enquiry(app)
    client, _ = staff_client(app)
    post(client, ref, "reply", template="tried_to_reach")
    [mail] = outbox(app)
    assert mail.subject == f"A message from Alaska Cancer Treatment Center ({ref})"
    assert "\n" not in mail.subject and "\r" not in mail.recipient
    assert re.fullmatch(r"<[^<>\s]+@[^<>\s]+>", mail.message_id)


# --- appointments -----------------------------------------------------------------------------


def book(client: Any, ref: str, revision: Any = 0, **overrides: Any) -> Any:
    fields = {
        "day": "2030-07-09",
        "start": "09:30",
        "duration": "45",
        "location": "Alaska Cancer Treatment Center",
        "clinician": "Dr Oncologist",
        "send_confirmation": "y",
    }
    fields.update(overrides)
    return post(client, ref, "appointment", revision=revision, **fields)


def test_booking_queues_one_confirmation_with_an_ics_in_clinic_time(app: Flask) -> None:
    ref = add_enquiry(app, kind="appointment", message="I found a lump", email_details_ok=False)
    client, _ = staff_client(app)
    response = book(client, ref)
    assert response.status_code == 303
    mails = outbox(app)
    assert len(mails) == 1
    [mail] = mails
    assert mail.kind == "appointment_confirmation" and mail.recipient == "wanda@example.com"
    assert "Tuesday 9 July 2030 at 09:30 AKDT" in mail.body_text
    assert "Dr Oncologist" not in mail.body_text + (mail.body_html or "")  # no leave for details
    assert "lump" not in mail.body_text
    [attachment] = mail.attachments
    assert (attachment.filename, attachment.content_type) == ("appointment.ics", "text/calendar")
    calendar = icalendar.Calendar.from_ical(attachment.data)
    [event] = calendar.walk("VEVENT")
    [zone] = calendar.walk("VTIMEZONE")
    assert str(zone["TZID"]) == "America/Anchorage"
    start = event.decoded("DTSTART")
    assert start.tzinfo is not None and str(event["DTSTART"].params["TZID"]) == "America/Anchorage"
    assert (start.hour, start.minute) == (9, 30)
    assert start.astimezone(UTC) == datetime(2030, 7, 9, 17, 30, tzinfo=UTC)
    assert event.decoded("DTEND") - start == timedelta(minutes=45)
    assert str(event["SUMMARY"]) == "Appointment at Alaska Cancer Treatment Center"
    assert "lump" not in attachment.data.decode() and "Oncologist" not in attachment.data.decode()
    uid = str(event["UID"])
    assert uid == f"appointment-{ref.lower()}@localhost" and int(str(event["SEQUENCE"])) == 0
    enquiry = load(app, ref)
    assert enquiry.status == "scheduled"
    [appt_event] = events(app, ref)
    assert appt_event.details["confirmation_outbox_id"] == mail.id
    assert audit_count(app, "enquiry.appointment") == 1
    with app.app_context():
        [appointment] = db.session.scalars(select(Appointment)).all()
        assert appointment.starts_at == datetime(2030, 7, 9, 17, 30, tzinfo=UTC)
        assert appointment.location == "Alaska Cancer Treatment Center"
    # A rebooking keeps the calendar UID and raises the SEQUENCE.
    assert book(client, ref, revision=1, start="11:00").status_code == 303
    second = icalendar.Calendar.from_ical(outbox(app)[1].attachments[0].data)
    [event2] = second.walk("VEVENT")
    assert str(event2["UID"]) == uid and int(str(event2["SEQUENCE"])) == 1


def test_booking_names_the_clinician_only_with_leave(app: Flask) -> None:
    ref = add_enquiry(app, kind="appointment", email_details_ok=True)
    client, _ = staff_client(app)
    book(client, ref)
    assert "With: Dr Oncologist" in outbox(app)[0].body_text


def test_booking_without_email_sends_nothing_but_records(app: Flask) -> None:
    ref = add_enquiry(app, kind="appointment", email=None, preferred_contact="phone")
    client, _ = staff_client(app)
    response = book(client, ref)
    assert response.status_code == 303
    assert outbox(app) == []
    [event] = events(app, ref)
    assert event.details["booked"] is True and event.details["confirmation_outbox_id"] is None


def test_booking_without_asking_for_email_sends_nothing(app: Flask) -> None:
    ref = add_enquiry(app, kind="appointment")
    client, _ = staff_client(app)
    fields = {"send_confirmation": ""}
    assert book(client, ref, **fields).status_code == 303
    assert outbox(app) == []


@pytest.mark.parametrize(
    "overrides",
    [
        {"location": "Somewhere Else"},
        {"day": "2001-01-01"},
        {"clinician": ""},
        {"start": "25:00"},
        {"duration": "600"},
    ],
)
def test_booking_is_validated(app: Flask, overrides: dict[str, str]) -> None:
    ref = add_enquiry(app, kind="appointment")
    client, _ = staff_client(app)
    assert book(client, ref, **overrides).status_code == 400
    assert outbox(app) == [] and events(app, ref) == []


def test_locations_come_from_config(app_factory: Any) -> None:
    app = app_factory(APPOINTMENT_LOCATIONS="Main clinic, Providence Tower 3rd floor ,Main clinic")
    assert actions.locations(app.config["APPOINTMENT_LOCATIONS"]) == [
        "Main clinic",
        "Providence Tower 3rd floor",
    ]
    ref = add_enquiry(app, kind="appointment")
    client, _ = staff_client(app)
    page = client.get(f"/staff/enquiries/{ref}").get_data(as_text=True)
    assert '<option value="Providence Tower 3rd floor">' in page
    assert book(client, ref, location="Providence Tower 3rd floor").status_code == 303


def test_a_question_cannot_have_an_appointment(app: Flask) -> None:
    ref = add_enquiry(app, kind="question")
    client, _ = staff_client(app)
    assert book(client, ref).status_code == 400
    assert post(client, ref, "decline", reason="no").status_code == 400


def test_decline_records_the_reason_and_sends_nothing(app: Flask) -> None:
    ref = add_enquiry(app, kind="appointment")
    client, _ = staff_client(app)
    assert post(client, ref, "decline", reason="Referred to Fairbanks").status_code == 303
    assert outbox(app) == []
    [event] = events(app, ref)
    assert event.details["booked"] is False and event.details["reason"] == "Referred to Fairbanks"
    [row] = audit_of(app, "enquiry.appointment_declined")
    assert "reason" not in row.details
    with app.app_context():
        [appointment] = db.session.scalars(select(Appointment)).all()
        assert appointment.status == "declined" and appointment.starts_at is None


def test_actions_need_csrf(app: Flask) -> None:
    ref = add_enquiry(app)
    client, _ = staff_client(app)
    app.config["WTF_CSRF_ENABLED"] = True
    assert post(client, ref, "note", text="no token").status_code == 400
    page = client.get(f"/staff/enquiries/{ref}").get_data(as_text=True)
    token = re.search(r'name="note-csrf_token" type="hidden" value="([^"]+)"', page)
    assert token is not None
    response = client.post(
        f"/staff/enquiries/{ref}/note",
        data={"note-csrf_token": token[1], "note-revision": "0", "note-text": "with token"},
    )
    assert response.status_code == 303


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def any_app(request: pytest.FixtureRequest, app_factory: Any) -> Flask:
    if request.param == "postgresql":
        return app_factory(request.getfixturevalue("pg_url"))
    return app_factory()


def test_a_decline_reason_fits_its_column_or_is_refused_on_its_field(any_app: Flask) -> None:
    """appointment.decline_reason is VARCHAR(500): PostgreSQL would refuse a longer one."""
    ref = add_enquiry(any_app, kind="appointment")
    client, _ = staff_client(any_app)
    too_long = post(client, ref, "decline", reason="x" * (actions.DECLINE_REASON_MAX + 1))
    assert too_long.status_code == 400
    page = too_long.get_data(as_text=True)
    assert f"at most {actions.DECLINE_REASON_MAX} characters" in page
    assert "x" * (actions.DECLINE_REASON_MAX + 1) in page  # what was typed is kept
    assert post(client, ref, "decline", reason="é" * actions.DECLINE_REASON_MAX).status_code == 303
    with any_app.app_context():
        [appointment] = db.session.scalars(select(Appointment)).all()
        assert appointment.decline_reason == "é" * actions.DECLINE_REASON_MAX
