"""Helpers shared by the staff sign-in tests (a controllable clock, accounts, signing in).

Kept in a test_ module so it sits with the tests it serves; it has no tests of its own.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import pyotp
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from intake.auth import accounts, totp
from intake.auth.models import AuditEvent, StaffSession, StaffUser
from intake.extensions import db

PASSWORD = "correct horse battery staple"
OTHER_PASSWORD = "tundra lantern quietly ferns"


@dataclass
class FakeClock:
    """An aware UTC clock that only moves when told (the app's AUTH_CLOCK)."""

    now: datetime = field(default_factory=lambda: datetime(2026, 3, 2, 18, 0, 0, tzinfo=UTC))

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now = self.now + timedelta(**delta)


def make_user(
    app: Flask,
    email: str = "nurse@clinic.example",
    *,
    password: str = PASSWORD,
    role: str = "staff",
    name: str = "Nora Nurse",
    enrol_totp: bool = False,
    clock: FakeClock | None = None,
) -> tuple[int, str | None]:
    """An active account; with enrol_totp, a confirmed TOTP secret (returned in plain)."""
    with app.app_context():
        user = accounts.create_account(email, name, role, password=password)
        secret = None
        if enrol_totp:
            secret = totp.new_secret()
            user.totp_secret = totp.encrypt(secret)
            user.recovery_code_hashes = []
        db.session.commit()
        return user.id, secret


def code_at(secret: str, moment: datetime, steps: int = 0) -> str:
    return pyotp.TOTP(secret).at(moment, counter_offset=steps)


def sign_in(
    client: FlaskClient,
    email: str = "nurse@clinic.example",
    password: str = PASSWORD,
    *,
    code: str | None = None,
    next_path: str | None = None,
) -> Any:
    """Post the sign-in form (and the code page if a code is given); the last response."""
    data = {"email": email, "password": password}
    if next_path is not None:
        data["next"] = next_path
    response = client.post("/staff/login", data=data)
    if code is not None:
        response = client.post("/staff/login/code", data={"code": code})
    return response


def session_cookie(client: FlaskClient, app: Flask) -> str | None:
    cookie = client.get_cookie(app.config["SESSION_COOKIE_NAME"])
    return None if cookie is None else cookie.value


def replay(app: Flask, cookie_value: str) -> FlaskClient:
    """A new browser holding a copy of a stolen cookie."""
    thief = app.test_client()
    thief.set_cookie(app.config["SESSION_COOKIE_NAME"], cookie_value)
    return thief


def audit_actions(app: Flask) -> list[str]:
    with app.app_context():
        return list(db.session.scalars(select(AuditEvent.action).order_by(AuditEvent.id)))


def audit_rows(app: Flask) -> list[dict[str, Any]]:
    with app.app_context():
        rows = db.session.scalars(select(AuditEvent).order_by(AuditEvent.id)).all()
        return [
            {
                "action": r.action,
                "actor_id": r.actor_id,
                "target_type": r.target_type,
                "target_id": r.target_id,
                "client": r.client,
                "details": dict(r.details or {}),
                "created_at": r.created_at,
            }
            for r in rows
        ]


def open_sessions(app: Flask, user_id: int) -> int:
    with app.app_context():
        rows = db.session.scalars(
            select(StaffSession).where(
                StaffSession.user_id == user_id, StaffSession.ended_at.is_(None)
            )
        ).all()
        return len(rows)


def get_user(app: Flask, user_id: int) -> StaffUser:
    with app.app_context():
        user = db.session.get(StaffUser, user_id)
        assert user is not None
        db.session.expunge(user)
        return user
