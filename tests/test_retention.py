"""``flask retention purge``: de-identify what is due (and only that), in crash-safe batches,
delete old audit events past the trigger's six-year floor, on SQLite and on PostgreSQL."""

from __future__ import annotations

import uuid
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from flask import Flask
from sqlalchemy import select
from sqlalchemy.exc import DBAPIError

import config as settings
from config import AUDIT_RETENTION_FLOOR_DAYS, ConfigError
from intake.auth.models import AuditEvent
from intake.database import utcnow
from intake.enquiry.service import new_reference
from intake.extensions import db
from intake.models import Enquiry, EnquiryTag
from intake.notify.models import OutboxAttachment, OutboxMessage
from intake.retention import policy
from intake.retention import purge as retention
from intake.retention.policy import Cutoffs
from intake.staff import actions
from intake.staff.models import Appointment, Event, SavedSearch
from tests.test_auth_support import make_user
from tests.test_staff_support import staff_client

DAY = timedelta(days=1)
MINUTE = timedelta(minutes=1)
RETENTION = 730
MIGRATIONS = str(Path(__file__).resolve().parent.parent / "migrations")


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def any_app(request: pytest.FixtureRequest, app_factory: Any) -> Flask:
    """The app on a fresh SQLite file, and again on a fresh PostgreSQL database."""
    if request.param == "postgresql":
        return app_factory(request.getfixturevalue("pg_url"))
    return app_factory()


def cutoffs(now: datetime, audit_days: int = AUDIT_RETENTION_FLOOR_DAYS) -> Cutoffs:
    return Cutoffs(now=now, retention_days=RETENTION, audit_days=audit_days)


def add(app: Flask, at: datetime, **fields: Any) -> int:
    """An enquiry received at ``at`` and (unless given) last changed then; its id."""
    values: dict[str, Any] = {
        "reference": new_reference(),
        "kind": "question",
        "status": "new",
        "urgency": "routine",
        "urgency_rank": 2,
        "writer_name": "Wanda Writer",
        "relationship": "patient",
        "email": "wanda@example.com",
        "phone": "+19075550123",
        "preferred_contact": "email",
        "message": "Will my cancer come back?",
        "consent_at": at,
        "privacy_version": "2026-01",
        "submission_key": uuid.uuid4().hex,
        "triage_version": "test-1",
        "created_at": at,
        "updated_at": at,
    }
    values.update(fields)
    if values["status"] == "closed":
        values.setdefault("closed_at", values["updated_at"])
        values.setdefault("closing_reason", "resolved")
    with app.app_context():
        enquiry = Enquiry(**values)
        enquiry.tags = [EnquiryTag(tag="recurrence", source="patient", created_at=at)]
        db.session.add(enquiry)
        db.session.commit()
        return int(enquiry.id)


def add_rows(app: Flask, *rows: Any) -> list[Any]:
    """Store the rows; their ids."""
    with app.app_context():
        db.session.add_all(rows)
        db.session.commit()
        return [row.id for row in rows]


def message_row(enquiry_id: int, at: datetime, **fields: Any) -> OutboxMessage:
    values: dict[str, Any] = {
        "kind": "clinic_notification",
        "enquiry_id": enquiry_id,
        "recipient": "clinic@clinic.example",
        "subject": "New question",
        "body_text": "A new question is waiting.",
        "message_id": f"<{uuid.uuid4().hex}@intake.test>",
        "status": "sent",
        "created_at": at,
        "not_before": at,
        "next_attempt_at": at,
        "sent_at": at,
    }
    values.update(fields)
    return OutboxMessage(**values)


def run(app: Flask, now: datetime, **options: Any) -> retention.PurgeReport:
    with app.app_context():
        return retention.purge(cutoffs(now), **options)


def deidentified_ids(app: Flask) -> set[int]:
    with app.app_context():
        return set(
            db.session.scalars(select(Enquiry.id).where(Enquiry.deidentified_at.is_not(None)))
        )


def snapshot(app: Flask) -> dict[str, list[str]]:
    """Every row of every table, as text."""
    with app.app_context():
        return {
            table.name: sorted(repr(tuple(row)) for row in db.session.execute(select(table)))
            for table in db.metadata.sorted_tables
        }


def retention_events(app: Flask) -> list[AuditEvent]:
    with app.app_context():
        rows = list(
            db.session.scalars(
                select(AuditEvent)
                .where(AuditEvent.action == retention.AUDIT_ACTION)
                .order_by(AuditEvent.id)
            )
        )
        db.session.expunge_all()
        return rows


def purge_cli(app: Flask, *args: str) -> Any:
    return app.test_cli_runner().invoke(args=["retention", "purge", *args])


# --- what is due ----------------------------------------------------------------------------


def test_each_category_is_due_exactly_when_its_window_has_passed(any_app: Flask) -> None:
    app = any_app
    now = utcnow()
    old = now - RETENTION * DAY
    spam = now - 30 * DAY
    due = {
        "spam, 30 days and a minute": add(app, spam - MINUTE, is_spam=True, spam_reason="too_fast"),
        "closed, the window and a minute": add(
            app, old - 9 * DAY, status="closed", updated_at=old - MINUTE
        ),
        "open, untouched the window and a minute": add(app, old - MINUTE),
    }
    old_scheduled = add(app, old - 90 * DAY, kind="appointment", status="scheduled")
    old_pending = add(app, old - 90 * DAY)
    old_sending = add(app, old - 90 * DAY)
    old_with_event = add(app, old - 90 * DAY)
    kept = {
        "spam, a minute short of 30 days": add(app, spam + MINUTE, is_spam=True),
        "spam, changed by staff within 30 days": add(
            app, now - 90 * DAY, is_spam=True, updated_at=spam + MINUTE
        ),
        "not spam, 31 days": add(app, spam - DAY),
        "closed, a minute short of the window": add(
            app, old - 9 * DAY, status="closed", updated_at=old + MINUTE
        ),
        "closed long ago, but closed_at within the window": add(
            app, old - 9 * DAY, status="closed", updated_at=old - DAY, closed_at=old + MINUTE
        ),
        "open, received a minute short of the window": add(app, old + MINUTE),
        "open and old, changed by staff yesterday": add(app, old - 400 * DAY, updated_at=now - DAY),
        "open and old, a timeline event within the window": old_with_event,
        "old, an appointment starting next week": old_scheduled,
        "old, its mail waiting to be sent": old_pending,
        "old, its mail being sent": old_sending,
    }
    add_rows(
        app,
        Event(enquiry_id=old_with_event, kind="note", created_at=old + MINUTE, details={}),
        Appointment(
            enquiry_id=old_scheduled,
            status="booked",
            starts_at=now + 7 * DAY,
            created_at=old - 89 * DAY,
        ),
        message_row(old_pending, old - 90 * DAY, status="pending", sent_at=None),
        message_row(old_sending, old - 90 * DAY, status="sending", sent_at=None),
    )
    with app.app_context():
        plan = retention.plan(cutoffs(now))
    assert plan.enquiries == {"spam": 1, "closed": 1, "untouched": 1}

    report = run(app, now)

    assert report.enquiries == {"spam": 1, "closed": 1, "untouched": 1}
    assert report.outcome == "complete"
    done = deidentified_ids(app)
    assert {name for name, i in due.items() if i in done} == set(due)
    assert {name for name, i in kept.items() if i in done} == set()


def test_the_dry_run_counts_per_category_and_changes_nothing(any_app: Flask) -> None:
    app = any_app
    now = utcnow()
    closed = add(app, now - 900 * DAY, status="closed")
    add(app, now - 40 * DAY, is_spam=True)
    add(app, now - 800 * DAY)
    add(app, now - 10 * DAY)
    user_id, _ = make_user(app)
    add_rows(
        app,
        message_row(closed, now - 900 * DAY),
        AuditEvent(action="test.old", created_at=now - (AUDIT_RETENTION_FLOOR_DAYS + 2) * DAY),
        SavedSearch(
            id=SavedSearch.new_id(),
            owner_id=user_id,
            created_at=now - DAY,
            expires_at=now - DAY + timedelta(hours=8),
            terms="wanda",
        ),
    )
    before = snapshot(app)

    result = purge_cli(app, "--dry-run")

    assert result.exit_code == 0, result.output
    assert "enquiries suspected spam, no activity for 30 days: 1" in result.output
    assert "enquiries closed, no activity for 730 days: 1" in result.output
    assert "enquiries open but untouched for 730 days: 1" in result.output
    assert "their mail messages: 1" in result.output
    assert "expired saved searches: 1" in result.output
    assert f"audit events older than {AUDIT_RETENTION_FLOOR_DAYS} days: 1" in result.output
    assert "Dry run: nothing was changed." in result.output
    assert snapshot(app) == before  # not even an audit event


def test_a_run_shows_progress_audits_itself_and_a_second_run_finds_nothing(
    app: Flask, app_logs: pytest.LogCaptureFixture
) -> None:
    now = utcnow()
    ids = [add(app, now - (800 + i) * DAY, status="closed") for i in range(3)]
    ids.append(add(app, now - 31 * DAY, is_spam=True))
    with app.app_context():
        before = {e.id: (e.updated_at, e.revision) for e in db.session.scalars(select(Enquiry))}

    first = purge_cli(app, "--batch-size", "2")

    assert first.exit_code == 0, first.output
    assert "Purging" in first.output  # the progress bar's label (no terminal: no bar drawn)
    assert "De-identified 4 enquiries (spam 1, closed 3, untouched 0)" in first.output
    with app.app_context():
        for enquiry in db.session.scalars(select(Enquiry)):
            updated_at, revision = before[enquiry.id]
            assert enquiry.updated_at == updated_at  # the purge is not staff activity
            assert enquiry.revision == revision + 1  # a page drawn before it is now stale
    [event] = retention_events(app)
    assert event.actor_id is None and event.client == "cli"
    assert event.details["outcome"] == "complete"
    assert event.details["enquiries_closed"] == 3 and event.details["enquiries_spam"] == 1
    assert event.details["batches"] == 3  # spam: one batch; closed: two of two
    assert event.details["retention_days"] == RETENTION
    assert all(isinstance(v, int | str) for v in event.details.values())

    second = purge_cli(app)

    assert second.exit_code == 0, second.output
    assert "enquiries closed, no activity for 730 days: 0" in second.output
    assert "De-identified 0 enquiries" in second.output
    assert [e.details["enquiries_closed"] for e in retention_events(app)] == [3, 0]
    logged = "\n".join(r.getMessage() for r in app_logs.records)
    assert "retention purge complete: enquiries 4" in logged
    with app.app_context():
        references = list(db.session.scalars(select(Enquiry.reference)))
    for text in (logged, first.output, second.output):
        assert "Wanda" not in text and not any(ref in text for ref in references)


def test_the_progress_callback_counts_every_enquiry_and_audit_event(app: Flask) -> None:
    now = utcnow()
    for i in range(5):
        add(app, now - (800 + i) * DAY, status="closed")
    add_rows(app, AuditEvent(action="test.old", created_at=now - 2200 * DAY))
    seen: list[int] = []

    report = run(app, now, batch_size=2, progress=seen.append)

    assert seen == [2, 2, 1, 1]  # three batches of enquiries, one of audit events
    assert sum(seen) == report.total_enquiries + report.audit_events == 6


# --- what is left -----------------------------------------------------------------------------


def test_no_phi_is_left_in_any_column_of_any_table(
    any_app: Flask, app_logs: pytest.LogCaptureFixture
) -> None:
    app = any_app
    now = utcnow()
    at = now - 800 * DAY
    marks = {
        name: f"zq{name}{uuid.uuid4().hex[:10]}"
        for name in (
            "writer",
            "patient",
            "email",
            "phone",
            "message",
            "phrase",
            "tagphrase",
            "physician",
            "note",
            "contactnote",
            "declined",
            "extra",
            "clinician",
            "location",
            "subject",
            "body",
            "html",
            "recipient",
            "filename",
            "attachment",
            "search",
        )
    }
    message = f"{marks['message']} and {marks['phrase']} and {marks['tagphrase']}"

    def reason(label: str, phrase: str) -> dict[str, Any]:
        start = message.index(phrase)
        return {
            "label": label,
            "rule": f"test.{label}",
            "phrase": phrase,
            "start": start,
            "end": start + len(phrase),
        }

    enquiry_id = add(
        app,
        at,
        kind="appointment",
        status="closed",
        relationship="caregiver",
        writer_name=marks["writer"],
        patient_name=marks["patient"],
        patient_dob=date(1931, 7, 4),
        email=f"{marks['email']}@example.com",
        phone=marks["phone"],
        message=message,
        referring_physician=marks["physician"],
        urgency="priority",
        urgency_rank=1,
        urgency_reasons=[reason("priority", marks["phrase"])],
        red_flags=["bone_pain"],
    )
    user_id, _ = make_user(app)
    confirmation = message_row(
        enquiry_id,
        at,
        kind="appointment_confirmation",
        recipient=f"{marks['recipient']}@example.com",
        subject=marks["subject"],
        body_text=marks["body"],
        body_html=f"<p>{marks['html']}</p>",
    )
    confirmation.attachments.append(
        OutboxAttachment(
            filename=f"{marks['filename']}.ics",
            content_type="text/calendar",
            data=marks["attachment"].encode(),
        )
    )
    dead = message_row(
        enquiry_id,
        at,
        kind="staff_reply",
        status="dead",
        sent_at=None,
        recipient=f"{marks['recipient']}@example.com",
        body_text=marks["body"],
        # Stored before SMTP errors were stripped of the recipient's local part (or in a form
        # the stripping misses): the purge must not keep it.
        last_error=f"550 5.1.1 unknown user {marks['recipient']}",
    )
    add_rows(
        app,
        EnquiryTag(
            enquiry_id=enquiry_id,
            tag="symptoms",
            source="rules",
            rule_id="tag.symptoms.test",
            reasons=[reason("symptoms", marks["tagphrase"])],
            created_at=at,
        ),
        Event(
            enquiry_id=enquiry_id,
            kind="note",
            actor_id=user_id,
            created_at=at,
            details={"text": marks["note"]},
        ),
        Event(
            enquiry_id=enquiry_id,
            kind="contact",
            actor_id=user_id,
            created_at=at,
            details={"method": "phone", "outcome": "reached", "note": marks["contactnote"]},
        ),
        Event(
            enquiry_id=enquiry_id,
            kind="appointment",
            actor_id=user_id,
            created_at=at,
            details={"appointment_id": 1, "booked": False, "reason": marks["declined"]},
        ),
        Event(
            enquiry_id=enquiry_id,
            kind="status",
            actor_id=user_id,
            created_at=at,
            details={
                "from": "new",
                "to": "closed",
                "reason": "resolved",
                "extra": f"{marks['extra']} free text",
            },
        ),
        Appointment(
            enquiry_id=enquiry_id,
            status="booked",
            starts_at=at + 5 * DAY,
            location=marks["location"],
            clinician=marks["clinician"],
            created_at=at,
        ),
        Appointment(
            enquiry_id=enquiry_id,
            status="declined",
            decline_reason=marks["declined"],
            created_at=at,
        ),
        message_row(enquiry_id, at),  # the clinic's notification
        confirmation,
        dead,
        SavedSearch(
            id=SavedSearch.new_id(),
            owner_id=user_id,
            created_at=now - DAY,
            expires_at=now - DAY + timedelta(hours=8),
            terms=marks["search"],
        ),
    )
    before = "\n".join("\n".join(rows) for rows in snapshot(app).values()).lower()
    assert all(mark in before for mark in marks.values())  # every marker was stored

    report = run(app, now)

    assert report.enquiries["closed"] == 1
    assert report.mail_messages == 3 and report.mail_attachments == 1
    assert report.saved_searches == 1
    after = snapshot(app)
    for table, rows in after.items():
        text = "\n".join(rows).lower()
        assert [name for name, mark in marks.items() if mark in text] == [], table
    logged = "\n".join(r.getMessage() for r in app_logs.records).lower()
    assert not any(mark in logged for mark in marks.values())
    with app.app_context():
        enquiry = db.session.get(Enquiry, enquiry_id)
        assert enquiry is not None
        assert enquiry.patient_dob is None and enquiry.email is None and enquiry.phone is None
        # What the counts need is kept.
        assert (enquiry.kind, enquiry.status, enquiry.urgency) == (
            "appointment",
            "closed",
            "priority",
        )
        assert enquiry.relationship == "caregiver" and enquiry.red_flags == ["bone_pain"]
        assert enquiry.urgency_reasons == [{"label": "priority", "rule": "test.priority"}]
        assert enquiry.created_at == at and enquiry.closed_at == at
        assert enquiry.tag_names == ["recurrence", "symptoms"]
        rules = db.session.scalars(
            select(EnquiryTag.rule_id).where(EnquiryTag.enquiry_id == enquiry_id)
        )
        assert "tag.symptoms.test" in set(rules)
        details = {
            e.kind: e.details
            for e in db.session.scalars(select(Event).where(Event.enquiry_id == enquiry_id))
        }
        assert details["note"] == {}
        assert details["contact"] == {"method": "phone", "outcome": "reached"}
        assert details["status"] == {"from": "new", "to": "closed", "reason": "resolved"}
        mail = {m.kind: m for m in db.session.scalars(select(OutboxMessage))}
        assert mail["clinic_notification"].recipient == "clinic@clinic.example"
        assert mail["appointment_confirmation"].recipient == ""
        assert mail["appointment_confirmation"].status == "sent"
        assert mail["appointment_confirmation"].sent_at == at
        assert mail["staff_reply"].status == "cancelled"  # a dead letter can no longer be retried
        assert db.session.scalar(select(sa.func.count()).select_from(OutboxAttachment)) == 0
        assert db.session.scalar(select(sa.func.count()).select_from(Appointment)) == 2


def test_staff_pages_work_on_de_identified_enquiries(any_app: Flask) -> None:
    app = any_app
    now = utcnow()
    at = now - 800 * DAY
    client, user_id = staff_client(app, role="admin")
    closed = add(
        app,
        at,
        status="closed",
        kind="appointment",
        writer_name="Wanda Writer",
        patient_dob=date(1950, 1, 2),
        relationship="caregiver",
        patient_name="Pat",
    )
    untouched = add(app, at, urgency="emergency", urgency_rank=0)
    add_rows(
        app,
        Event(
            enquiry_id=closed,
            kind="note",
            actor_id=user_id,
            created_at=at,
            details={"text": "Wanda called back"},
        ),
        Event(
            enquiry_id=closed,
            kind="appointment",
            actor_id=user_id,
            created_at=at,
            details={"appointment_id": 1, "booked": False, "reason": "Out of area"},
        ),
        Appointment(
            enquiry_id=closed, status="declined", decline_reason="Out of area", created_at=at
        ),
        message_row(closed, at),
    )
    assert run(app, now).total_enquiries == 2
    with app.app_context():
        references = {e.id: e.reference for e in db.session.scalars(select(Enquiry))}

    page = client.get(f"/staff/enquiries/{references[closed]}")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert "De-identified on" in html
    assert "text removed when the enquiry was de-identified" in html
    assert "reason removed when the enquiry was de-identified" in html
    assert "Wanda" not in html and "Out of area" not in html and "None" not in html
    assert client.get(f"/staff/enquiries/{references[untouched]}").status_code == 200

    inbox = client.get("/staff/").get_data(as_text=True)  # the open one is still in the queue
    assert references[untouched] in inbox and "de-identified" in inbox
    everything = client.get("/staff/?status=any").get_data(as_text=True)
    assert references[closed] in everything and "Wanda" not in everything

    for terms in ("Wanda", references[closed]):
        found = client.post("/staff/search", data={"terms": terms, "status": "any"})
        assert found.status_code == 303
        assert client.get(found.headers["Location"]).status_code == 200

    export = client.post("/staff/export", data={"status": "any"})
    assert export.status_code == 200
    csv_text = export.get_data(as_text=True)
    assert references[closed] in csv_text and "Wanda" not in csv_text
    assert client.get("/staff/reports").status_code == 200


# --- who may still change it ------------------------------------------------------------------


def test_an_enquiry_touched_after_it_was_listed_is_left_alone(app: Flask) -> None:
    now = utcnow()
    first = add(app, now - 800 * DAY, status="closed")
    second = add(app, now - 801 * DAY, status="closed")
    with app.app_context():
        ids = list(db.session.scalars(policy.candidates(cutoffs(now), "closed", "new", 10)))
        assert set(ids) == {first, second}
        # A colleague reopens one between the listing and the batch (the conditional UPDATE of
        # intake.staff.actions.claim, as a reopen does).
        db.session.execute(
            sa.update(Enquiry)
            .where(Enquiry.id == first)
            .values(status="in_progress", updated_at=now)
        )
        db.session.commit()
        report = retention.PurgeReport(cutoffs=cutoffs(now))
        done = retention.deidentify_batch(ids, cutoffs(now), "closed", "new", report)
    assert done == {second}
    assert deidentified_ids(app) == {second}


def test_a_de_identified_enquiry_takes_no_more_changes(app: Flask) -> None:
    now = utcnow()
    enquiry_id = add(app, now - 800 * DAY, status="closed", kind="appointment")
    client, user_id = staff_client(app)
    run(app, now)
    with app.app_context():
        enquiry = db.session.get(Enquiry, enquiry_id)
        assert enquiry is not None and enquiry.deidentified_at == now
        reference, revision = enquiry.reference, enquiry.revision
        for stale_or_not in (revision - 1, revision):  # a page drawn before or after the purge
            with pytest.raises(actions.ActionRefused, match="de-identified"):
                actions.add_note(enquiry, user_id, stale_or_not, "Wanda rang again")
            with pytest.raises(actions.ActionRefused, match="de-identified"):
                actions.change_status(enquiry, user_id, stale_or_not, "in_progress", None, now)
        db.session.rollback()

    page = client.get(f"/staff/enquiries/{reference}").get_data(as_text=True)
    assert "can no longer be changed" in page and "/note" not in page
    refused = client.post(
        f"/staff/enquiries/{reference}/note",
        data={"note-revision": revision, "note-text": "Wanda again"},
    )
    assert refused.status_code == 400
    assert "de-identified" in refused.get_data(as_text=True)
    with app.app_context():
        assert not list(db.session.scalars(select(Event).where(Event.kind == "note")))
        enquiry = db.session.get(Enquiry, enquiry_id)
        assert enquiry is not None and enquiry.revision == revision


def test_a_de_identified_enquiry_changed_behind_the_app_is_purged_again(app: Flask) -> None:
    """The purge's safety net: a row changed after de-identification (by SQL, an import or an
    older release) has updated_at > deidentified_at and goes again once quiet."""
    now = utcnow()
    enquiry_id = add(app, now - 800 * DAY, status="closed")
    user_id, _ = make_user(app)
    run(app, now)
    touched = utcnow()
    add_rows(
        app,
        Event(
            enquiry_id=enquiry_id,
            kind="note",
            actor_id=user_id,
            created_at=touched,
            details={"text": "Wanda rang again about her scan"},
        ),
    )
    with app.app_context():
        db.session.execute(
            sa.update(Enquiry).where(Enquiry.id == enquiry_id).values(updated_at=touched)
        )
        db.session.commit()

    assert run(app, utcnow()).total_enquiries == 0  # touched today: kept
    later = utcnow() + (RETENTION + 1) * DAY
    with app.app_context():
        assert retention.plan(cutoffs(later)).enquiries["closed"] == 1
    assert run(app, later).enquiries["closed"] == 1
    with app.app_context():
        notes = list(db.session.scalars(select(Event.details).where(Event.kind == "note")))
        assert notes == [{}]
        enquiry = db.session.get(Enquiry, enquiry_id)
        assert enquiry is not None and enquiry.deidentified_at == later
    assert run(app, later).total_enquiries == 0


def test_mail_in_flight_holds_the_enquiry_until_it_has_left(app: Flask) -> None:
    now = utcnow()
    enquiry_id = add(app, now - 800 * DAY, status="closed")
    add_rows(
        app,
        message_row(
            enquiry_id,
            now - 800 * DAY,
            kind="patient_confirmation",
            recipient="wanda@example.com",
            status="pending",
            sent_at=None,
        ),
    )
    assert run(app, now).total_enquiries == 0
    with app.app_context():
        message = db.session.scalar(select(OutboxMessage))
        assert message is not None and message.body_text and message.recipient
        message.status, message.sent_at = "sent", now
        db.session.commit()
    report = run(app, now)
    assert report.enquiries["closed"] == 1 and report.mail_messages == 1
    with app.app_context():
        message = db.session.scalar(select(OutboxMessage))
        assert message is not None
        assert (message.recipient, message.body_text, message.subject) == ("", "", "")
        assert message.status == "sent"


def test_a_crash_mid_run_keeps_the_committed_batches_and_leaves_the_rest_whole(
    any_app: Flask, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = any_app
    now = utcnow()
    ids = [add(app, now - (900 - i) * DAY, status="closed") for i in range(5)]  # oldest first
    user_id, _ = make_user(app)
    add_rows(
        app,
        *(
            Event(
                enquiry_id=i,
                kind="note",
                actor_id=user_id,
                created_at=now - 900 * DAY,
                details={"text": "Wanda's note"},
            )
            for i in ids
        ),
    )
    # A fault we cannot cause on demand (the process or the database dying between two
    # statements of the second batch), simulated by failing the timeline step of that batch:
    # by then its enquiry rows have been blanked in the open transaction.
    real = retention.scrub_events
    calls: list[int] = []

    def failing(batch: Any) -> None:
        calls.append(len(batch))
        if len(calls) == 2:
            raise RuntimeError("simulated crash")
        real(batch)

    monkeypatch.setattr(retention, "scrub_events", failing)
    with pytest.raises(RuntimeError, match="simulated crash"):
        run(app, now, batch_size=2)

    assert deidentified_ids(app) == set(ids[:2])  # the first batch, committed
    with app.app_context():
        for enquiry_id in ids[2:]:
            enquiry = db.session.get(Enquiry, enquiry_id)
            assert enquiry is not None and enquiry.writer_name == "Wanda Writer"
            assert enquiry.message and enquiry.deidentified_at is None
        notes = db.session.execute(select(Event.enquiry_id, Event.details)).all()
        assert {i for i, d in notes if d == {"text": "Wanda's note"}} == set(ids[2:])
    [failed] = retention_events(app)
    assert failed.details["outcome"] == "failed" and failed.details["enquiries_closed"] == 2

    monkeypatch.setattr(retention, "scrub_events", real)
    assert run(app, now, batch_size=2).enquiries["closed"] == 3
    assert deidentified_ids(app) == set(ids)


def test_the_command_exits_1_and_names_only_the_error_class(
    app: Flask, monkeypatch: pytest.MonkeyPatch
) -> None:
    add(app, utcnow() - 800 * DAY, status="closed")

    def broken(*args: Any) -> None:  # a fault we cannot cause on demand
        raise RuntimeError("Wanda Writer <wanda@example.com>")

    monkeypatch.setattr(retention, "scrub_tags", broken)
    result = purge_cli(app)
    assert result.exit_code == 1
    assert "the purge stopped (RuntimeError)" in result.output
    assert "Wanda" not in result.output


# --- audit events ---------------------------------------------------------------------------


def test_audit_events_past_the_window_are_deleted_and_younger_ones_kept(any_app: Flask) -> None:
    app = any_app
    now = utcnow()
    add_rows(
        app,
        AuditEvent(action="test.old", created_at=now - (AUDIT_RETENTION_FLOOR_DAYS + 1) * DAY),
        AuditEvent(action="test.older", created_at=now - 3000 * DAY),
        AuditEvent(action="test.young", created_at=now - (AUDIT_RETENTION_FLOOR_DAYS - 1) * DAY),
        AuditEvent(action="test.recent"),
    )
    with app.app_context():  # a longer window keeps the merely old one
        report = retention.purge(cutoffs(now, audit_days=2500))
    assert report.audit_events == 1

    assert run(app, now).audit_events == 1

    with app.app_context():
        actions_left = set(db.session.scalars(select(AuditEvent.action)))
    assert actions_left == {"test.young", "test.recent", retention.AUDIT_ACTION}


@pytest.mark.parametrize("schema", ["create_all", "migrations"])
@pytest.mark.parametrize(
    "dialect", ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]
)
def test_the_trigger_refuses_every_update_and_deleting_a_young_event(
    app_factory: Any, request: pytest.FixtureRequest, schema: str, dialect: str
) -> None:
    url = request.getfixturevalue("pg_url") if dialect == "postgresql" else None
    app = app_factory(url, create_schema=schema == "create_all")
    if schema == "migrations":
        from flask_migrate import upgrade

        with app.app_context():
            upgrade(directory=MIGRATIONS)
    now = utcnow()
    old = AuditEvent(action="test.old", created_at=now - (AUDIT_RETENTION_FLOOR_DAYS + 1) * DAY)
    young = AuditEvent(action="test.young", created_at=now - (AUDIT_RETENTION_FLOOR_DAYS - 1) * DAY)
    old_id, young_id = add_rows(app, old, young)
    with app.app_context():
        for event_id in (old_id, young_id):
            with pytest.raises(DBAPIError, match="append-only"):
                db.session.execute(
                    sa.text("UPDATE audit_event SET action = 'forged' WHERE id = :id"),
                    {"id": event_id},
                )
            db.session.rollback()
        with pytest.raises(DBAPIError, match="append-only"):
            db.session.execute(sa.text("DELETE FROM audit_event WHERE id = :id"), {"id": young_id})
        db.session.rollback()
        # Past the six-year floor the database lets it go (this is what the purge relies on).
        db.session.execute(sa.text("DELETE FROM audit_event WHERE id = :id"), {"id": old_id})
        db.session.commit()
        assert list(db.session.scalars(select(AuditEvent.action))) == ["test.young"]


# --- settings -------------------------------------------------------------------------------


def test_the_defaults_and_the_refusals_name_the_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("RETENTION_DAYS", raising=False)
    monkeypatch.delenv("AUDIT_RETENTION_DAYS", raising=False)
    config = settings.TestingConfig()
    assert (config.RETENTION_DAYS, config.AUDIT_RETENTION_DAYS) == (730, 2190)
    monkeypatch.setenv("RETENTION_DAYS", "7")
    with pytest.raises(ConfigError, match="^RETENTION_DAYS: must be at least 30"):
        settings.TestingConfig()
    monkeypatch.setenv("RETENTION_DAYS", "two years")
    with pytest.raises(ConfigError, match="^RETENTION_DAYS: expected a whole number"):
        settings.TestingConfig()
    monkeypatch.setenv("RETENTION_DAYS", "365")
    monkeypatch.setenv("AUDIT_RETENTION_DAYS", "365")
    with pytest.raises(ConfigError, match="^AUDIT_RETENTION_DAYS: must be at least 2190"):
        settings.TestingConfig()
    monkeypatch.setenv("AUDIT_RETENTION_DAYS", "3650")
    config = settings.TestingConfig()
    assert (config.RETENTION_DAYS, config.AUDIT_RETENTION_DAYS) == (365, 3650)
    with pytest.raises(ValueError, match="AUDIT_RETENTION_DAYS"):
        Cutoffs(now=utcnow(), retention_days=365, audit_days=2000)
