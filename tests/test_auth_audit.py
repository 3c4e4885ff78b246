"""The audit trail: append-only in the database (SQLite and PostgreSQL), one function to record,
and never a password, TOTP code or secret, recovery code or set-up token in it."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from flask import Flask
from sqlalchemy.exc import DBAPIError

from intake import audit
from intake.auth.models import AuditEvent
from intake.extensions import db
from tests.test_auth_support import (
    OTHER_PASSWORD,
    PASSWORD,
    FakeClock,
    audit_rows,
    code_at,
    make_user,
    sign_in,
)


def one_event(app: Flask) -> int:
    with app.app_context():
        event = audit.record(
            "test.event", target_type="thing", target_id=7, details={"reason": "testing"}
        )
        db.session.commit()
        return int(event.id)


def assert_append_only(app: Flask) -> None:
    event_id = one_event(app)
    with app.app_context():
        with pytest.raises(DBAPIError, match="append-only"):
            db.session.execute(
                sa.text("UPDATE audit_event SET action = 'forged' WHERE id = :id"),
                {"id": event_id},
            )
        db.session.rollback()
        with pytest.raises(DBAPIError, match="append-only"):
            db.session.execute(sa.text("DELETE FROM audit_event WHERE id = :id"), {"id": event_id})
        db.session.rollback()
        # Through the ORM too.
        event = db.session.get(AuditEvent, event_id)
        assert event is not None
        event.details = {"reason": "rewritten"}
        with pytest.raises(DBAPIError, match="append-only"):
            db.session.commit()
        db.session.rollback()
        event = db.session.get(AuditEvent, event_id)
        assert event is not None
        db.session.delete(event)
        with pytest.raises(DBAPIError, match="append-only"):
            db.session.commit()
        db.session.rollback()
        stored = db.session.get(AuditEvent, event_id)
        assert stored is not None and stored.action == "test.event"
        assert stored.details == {"reason": "testing"}
        # Adding is still allowed.
        audit.record("test.second")
        db.session.commit()
        assert db.session.scalar(sa.select(sa.func.count()).select_from(AuditEvent)) == 2


def test_update_and_delete_of_an_audit_row_fail_on_sqlite(app: Flask) -> None:
    assert_append_only(app)


@pytest.mark.postgres
def test_update_and_delete_of_an_audit_row_fail_on_postgresql(
    app_factory: Any, pg_url: str
) -> None:
    app = app_factory(pg_url)
    assert_append_only(app)
    with app.app_context(), pytest.raises(DBAPIError, match="append-only"):
        db.session.execute(sa.text("TRUNCATE audit_event"))
    with app.app_context():
        db.session.rollback()
        db.drop_all()  # the trigger function goes with the table


def test_record_fills_who_when_and_where(app: Flask) -> None:
    with app.test_request_context("/", environ_base={"REMOTE_ADDR": "203.0.113.77"}):
        event = audit.record("test.event", actor_id=None, target_type="staff_user", target_id=3)
        db.session.commit()
        assert event.client == "203.0.113.0/24"  # truncated, never the whole address
        assert event.target_id == "3"
        assert event.created_at is not None
    with app.app_context():
        cli_event = audit.record("test.cli")
        assert cli_event.client == "cli"
        db.session.rollback()


def test_insert_writes_the_row_record_would(app: Flask) -> None:
    """``audit.insert`` (one plain INSERT, used by the inbox on every view) writes the row
    ``audit.record`` would: every column but the id and the time, which both fill."""
    columns = ("action", "actor_id", "target_type", "target_id", "client", "request_id", "details")
    with app.test_request_context("/", environ_base={"REMOTE_ADDR": "203.0.113.77"}):
        from flask import g

        g.request_id = "req-1234abcd"
        kwargs: dict[str, Any] = {
            "target_type": "inbox",
            "target_id": 5,
            "details": {"filter_status": "any", "results": 3, "search": False},
        }
        audit.record("test.record", **kwargs)
        audit.insert("test.insert", **kwargs)
        db.session.commit()
        rows = {row.action: row for row in db.session.scalars(sa.select(AuditEvent))}
        recorded, inserted = rows["test.record"], rows["test.insert"]
        for column in columns[1:]:
            assert getattr(inserted, column) == getattr(recorded, column), column
        assert inserted.client == "203.0.113.0/24" and inserted.request_id == "req-1234abcd"
        assert inserted.created_at is not None and inserted.id != recorded.id
        assert inserted.details == {"filter_status": "any", "results": 3, "search": False}
    with app.app_context():
        audit.insert("test.cli")
        db.session.commit()
        cli = db.session.scalars(sa.select(AuditEvent).filter_by(action="test.cli")).one()
        assert (cli.client, cli.request_id, cli.details) == ("cli", None, {})


@pytest.mark.parametrize("details", [{"password": "x"}, {"note": "a long free-text value " * 5}])
def test_insert_refuses_secrets_and_free_text(app: Flask, details: dict[str, Any]) -> None:
    with app.app_context(), pytest.raises(ValueError):
        audit.insert("test.event", details=details)


@pytest.mark.parametrize(
    "details",
    [
        {"password": "x"},
        {"new_password_hash": "x"},
        {"totp_secret": "x"},
        {"code": "123456"},
        {"setup_token": "x"},
        {"note": "a long free-text value " * 5},
        {"message": ["a", "list"]},
    ],
)
def test_record_refuses_secrets_and_free_text(app: Flask, details: dict[str, Any]) -> None:
    with app.app_context(), pytest.raises(ValueError):
        audit.record("test.event", details=details)


def test_no_secret_ever_reaches_the_audit_trail(app_factory: Any) -> None:
    clock = FakeClock()
    app = app_factory(AUTH_CLOCK=clock, REQUIRE_TOTP=True)
    make_user(app, "admin@clinic.example", role="admin", name="Ada Admin")
    secrets_seen: list[str] = [PASSWORD, OTHER_PASSWORD]

    admin = app.test_client()
    sign_in(admin, "admin@clinic.example")
    enrol_page = admin.get("/staff/totp").get_data(as_text=True)
    match = re.search(r'<code class="reference">([A-Z2-7 ]+)</code>', enrol_page)
    assert match is not None
    secret = match.group(1).replace(" ", "")
    code = code_at(secret, clock.now)
    done = admin.post("/staff/totp", data={"code": code}).get_data(as_text=True)
    recovery = re.findall(r'<li><code class="reference">([a-z0-9-]+)</code></li>', done)
    secrets_seen += [secret, code, *recovery]

    created = admin.post(
        "/staff/accounts/new",
        data={"name": "Sam Staff", "email": "sam@clinic.example", "role": "staff"},
    ).get_data(as_text=True)
    link = re.search(r"(http://[^<\s]+/staff/setup\?token=[^<\s]+)", created)
    assert link is not None
    token = link.group(1).split("token=")[1]
    secrets_seen.append(token)
    admin.post(
        "/staff/password",
        data={
            "current_password": PASSWORD,
            "new_password": OTHER_PASSWORD,
            "confirm_password": OTHER_PASSWORD,
        },
    )
    sign_in(app.test_client(), "admin@clinic.example", "a wrong password here")
    clock.advance(seconds=30)
    sign_in(
        app.test_client(), "admin@clinic.example", OTHER_PASSWORD, code=code_at(secret, clock.now)
    )
    sign_in(app.test_client(), "admin@clinic.example", OTHER_PASSWORD, code=recovery[0])

    rows = audit_rows(app)
    actions = {r["action"] for r in rows}
    assert {
        "auth.sign_in",
        "auth.totp_enrolled",
        "account.created",
        "account.setup_link_issued",
        "auth.password_changed",
        "auth.sign_in_failed",
        "auth.recovery_code_used",
    } <= actions
    dump = repr(rows)
    with app.app_context():
        raw = repr([tuple(row) for row in db.session.execute(sa.text("SELECT * FROM audit_event"))])
    for value in secrets_seen:
        assert value not in dump and value not in raw, "a secret reached the audit trail"
    assert all(r["client"] for r in rows)


MIGRATIONS = str(Path(__file__).resolve().parent.parent / "migrations")


def assert_migrated_schema_is_append_only(app: Flask) -> None:
    """The Alembic migration (not only create_all) must create the triggers."""
    from flask_migrate import upgrade

    with app.app_context():
        upgrade(directory=MIGRATIONS)
    assert_append_only(app)


def test_the_migration_makes_the_audit_table_append_only_on_sqlite(app_factory: Any) -> None:
    assert_migrated_schema_is_append_only(app_factory(create_schema=False))


@pytest.mark.postgres
def test_the_migration_makes_the_audit_table_append_only_on_postgresql(
    app_factory: Any, pg_url: str
) -> None:
    assert_migrated_schema_is_append_only(app_factory(pg_url, create_schema=False))
