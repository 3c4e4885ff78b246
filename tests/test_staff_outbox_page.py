"""/staff/outbox and the mail-trouble banner: dead letters and a stale queue are visible on every
staff page; a dead letter can be retried (POST, CSRF, audited); no body or patient address."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

from flask import Flask

from intake.extensions import db
from intake.notify.models import OutboxMessage
from tests.test_staff_periphery_support import (
    add_enquiry,
    add_message,
    audit_count,
    last_audit,
    signed_in,
)

BANNER = 'class="outbox-banner"'


def message(app: Flask, message_id: int) -> OutboxMessage:
    with app.app_context():
        found = db.session.get(OutboxMessage, message_id)
        assert found is not None
        db.session.expunge(found)
        return found


def test_the_page_lists_pending_and_dead_without_bodies_or_patient_addresses(app: Flask) -> None:
    client, _ = signed_in(app, role="staff")
    enquiry_id = add_enquiry(app, reference="ACT-TEST-0001")
    add_message(
        app,
        status="dead",
        kind="patient_confirmation",
        recipient="patient.private@example.com",
        subject="Your question about recurrence",
        last_error="550 5.1.1 <address>: mailbox unavailable",
        attempts=12,
        enquiry_id=enquiry_id,
    )
    add_message(app, status="pending", recipient="clinic@localhost")
    page = client.get("/staff/outbox")
    assert page.status_code == 200
    assert page.headers["Cache-Control"] == "no-store"
    html = page.get_data(as_text=True)
    assert "550 5.1.1 &lt;address&gt;: mailbox unavailable" in html
    assert "ACT-TEST-0001" in html
    assert "clinic@localhost" in html  # the clinic's own configured inbox
    assert "patient.private@example.com" not in html
    assert "the patient (address not shown)" in html
    assert "BODY-SECRET-TEXT" not in html and "Your question about recurrence" not in html
    assert '<th scope="col">' in html and "<caption" in html
    assert " style=" not in html and "<script" not in html


def test_viewing_the_outbox_is_audited_once(app: Flask) -> None:
    client, user_id = signed_in(app, role="staff")
    add_message(app, status="dead")
    client.get("/staff/outbox")
    assert audit_count(app, "outbox.viewed") == 1
    event = last_audit(app, "outbox.viewed")
    assert event.actor_id == user_id and event.details == {"pending": 0, "dead": 1}


def test_a_dead_letter_can_be_retried_and_it_is_audited(app: Flask) -> None:
    client, user_id = signed_in(app, role="staff")
    dead = add_message(app, status="dead", attempts=12, last_error="554 refused")
    response = client.post(f"/staff/outbox/{dead}/retry")
    assert response.status_code == 303 and response.headers["Location"] == "/staff/outbox"
    retried = message(app, dead)
    assert retried.status == "pending" and retried.attempts == 0
    event = last_audit(app, "outbox.retried")
    assert event.actor_id == user_id
    assert (event.target_type, event.target_id) == ("outbox_message", str(dead))
    assert audit_count(app, "outbox.retried") == 1
    # Retrying again finds nothing dead: no change, no second audit row.
    client.post(f"/staff/outbox/{dead}/retry")
    assert audit_count(app, "outbox.retried") == 1


def test_only_dead_letters_are_retried(app: Flask) -> None:
    client, _ = signed_in(app)
    sent = add_message(app, status="sent", attempts=1)
    client.post(f"/staff/outbox/{sent}/retry")
    assert message(app, sent).status == "sent"
    assert audit_count(app, "outbox.retried") == 0


def test_retry_every_dead_letter(app: Flask) -> None:
    client, _ = signed_in(app)
    dead = [add_message(app, status="dead", attempts=3) for _ in range(3)]
    pending = add_message(app, status="pending", attempts=2)
    client.post("/staff/outbox/retry-dead")
    assert all(message(app, i).status == "pending" for i in dead)
    assert message(app, pending).attempts == 2
    assert last_audit(app, "outbox.retried").details == {"count": 3}


def test_retry_is_post_only_and_needs_csrf(app_factory: Any) -> None:
    from tests.test_staff_export import signed_in_with_csrf

    app = app_factory(WTF_CSRF_ENABLED=True)
    client, _ = signed_in_with_csrf(app)
    dead = add_message(app, status="dead")
    assert client.get(f"/staff/outbox/{dead}/retry").status_code == 405
    assert client.post(f"/staff/outbox/{dead}/retry").status_code == 400
    assert message(app, dead).status == "dead"
    page = client.get("/staff/outbox").get_data(as_text=True)
    token = re.search(r'name="csrf_token" value="([^"]+)"', page)
    assert token is not None
    client.post(f"/staff/outbox/{dead}/retry", data={"csrf_token": token[1]})
    assert message(app, dead).status == "pending"


def test_the_banner_shows_on_staff_pages_while_there_is_a_dead_letter(app: Flask) -> None:
    client, _ = signed_in(app, role="staff")
    assert BANNER not in client.get("/staff/reports").get_data(as_text=True)
    add_message(app, status="dead")
    for path in ("/staff/", "/staff/reports", "/staff/outbox", "/staff/password"):
        html = client.get(path).get_data(as_text=True)
        assert BANNER in html, path
        assert "1 message could not be delivered" in html
        assert 'href="/staff/outbox"' in html


def test_the_banner_shows_when_the_oldest_pending_message_is_too_old(app: Flask) -> None:
    client, _ = signed_in(app, role="staff")
    add_message(app, status="pending", age=timedelta(minutes=5))
    assert BANNER not in client.get("/staff/reports").get_data(as_text=True)
    add_message(app, status="pending", age=timedelta(minutes=20))
    html = client.get("/staff/reports").get_data(as_text=True)
    assert BANNER in html and "has waited 20 minutes" in html


def test_the_threshold_is_a_setting(app_factory: Any) -> None:
    app = app_factory(OUTBOX_ALERT_SECONDS=60)
    client, _ = signed_in(app, role="staff")
    add_message(app, status="pending", age=timedelta(minutes=2))
    assert BANNER in client.get("/staff/reports").get_data(as_text=True)


def test_messages_scheduled_for_later_raise_no_alarm(app: Flask) -> None:
    client, _ = signed_in(app, role="staff")
    add_message(app, status="pending", age=-timedelta(hours=2))
    assert BANNER not in client.get("/staff/reports").get_data(as_text=True)


def test_no_banner_for_patients_or_the_sign_in_page(app: Flask) -> None:
    add_message(app, status="dead")
    anonymous = app.test_client()
    for path in ("/", "/contact", "/privacy", "/staff/login"):
        html = anonymous.get(path).get_data(as_text=True)
        assert BANNER not in html, path


def test_the_banner_reads_the_outbox_once_per_request(app: Flask) -> None:
    from sqlalchemy import event

    client, _ = signed_in(app, role="staff")
    add_message(app, status="dead")
    statements: list[str] = []
    with app.app_context():
        engine = db.engine

    def count(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        if "outbox_message" in statement:
            statements.append(statement)

    event.listen(engine, "before_cursor_execute", count)
    try:
        client.get("/staff/reports")
    finally:
        event.remove(engine, "before_cursor_execute", count)
    assert len(statements) == 1  # outbox_status(): one statement for every figure
