"""Sign-in: one generic failure message, lockout with a retry time, cookies, new session ids,
no-store pages, and patients never getting a server-side session."""

from __future__ import annotations

from typing import Any

import pytest
from flask import Flask
from sqlalchemy import func, select

from config import ProductionConfig
from intake import create_app
from intake.auth.models import StaffSession
from intake.auth.signin import GENERIC_FAILURE
from intake.extensions import db
from tests.test_auth_support import (
    PASSWORD,
    FakeClock,
    audit_actions,
    audit_rows,
    get_user,
    make_user,
    open_sessions,
    session_cookie,
    sign_in,
)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def app(app_factory: Any, clock: FakeClock) -> Flask:
    return app_factory(AUTH_CLOCK=clock)


def test_sign_in_opens_the_staff_page_with_no_store(app: Flask) -> None:
    user_id, _ = make_user(app)
    client = app.test_client()
    response = sign_in(client)
    assert response.status_code == 303
    assert response.headers["Location"] == "/staff/"
    page = client.get("/staff/")
    assert page.status_code == 200
    assert "Nora Nurse" in page.get_data(as_text=True)
    assert 'action="/staff/logout"' in page.get_data(as_text=True)
    assert page.headers["Cache-Control"] == "no-store"
    assert open_sessions(app, user_id) == 1
    assert "auth.sign_in" in audit_actions(app)


@pytest.mark.parametrize(
    "path",
    ["/staff/login", "/staff/setup", "/staff/", "/staff/password", "/staff/totp"],
)
def test_every_staff_page_is_no_store(app: Flask, path: str) -> None:
    make_user(app, role="admin")
    client = app.test_client()
    for anonymous_path in ("/staff/login", "/staff/setup"):
        assert client.get(anonymous_path).headers["Cache-Control"] == "no-store"
    sign_in(client)
    assert client.get(path).headers["Cache-Control"] == "no-store"


def test_failure_message_is_the_same_for_every_reason(app: Flask) -> None:
    make_user(app)
    make_user(app, "gone@clinic.example")
    with app.app_context():
        from intake.auth import accounts

        gone = accounts.find_by_email("gone@clinic.example")
        assert gone is not None
        accounts.deactivate(gone, actor_id=None)
        db.session.commit()

    bodies = []
    for email, password in [
        ("nurse@clinic.example", "wrong password entirely"),  # wrong password
        ("nobody@clinic.example", PASSWORD),  # no such account
        ("gone@clinic.example", PASSWORD),  # deactivated, right password
        ("nurse@clinic.example", "x" * 129),  # too long to be anyone's password
    ]:
        response = sign_in(app.test_client(), email, password)
        assert response.status_code == 401
        body = response.get_data(as_text=True)
        assert GENERIC_FAILURE in body
        bodies.append(body.replace(email, "EMAIL"))
    assert len(set(bodies)) == 1, "the pages differ: an attacker could tell the reasons apart"


def test_failures_are_audited_without_the_typed_email_or_password(app: Flask) -> None:
    make_user(app)
    sign_in(app.test_client(), "nurse@clinic.example", "wrong password entirely")
    sign_in(app.test_client(), "typo@clinic.example", "another wrong password")
    rows = [r for r in audit_rows(app) if r["action"] == "auth.sign_in_failed"]
    assert [r["details"]["reason"] for r in rows] == ["password", "unknown_account"]
    text = repr(rows)
    assert "typo@clinic.example" not in text
    assert "wrong password" not in text
    assert all(r["client"] == "127.0.0.0/24" for r in rows)


def test_five_failures_lock_the_account_for_fifteen_minutes(app: Flask, clock: FakeClock) -> None:
    user_id, _ = make_user(app)
    client = app.test_client()
    for _ in range(4):
        assert sign_in(client, password="wrong password entirely").status_code == 401
        clock.advance(minutes=2)
    fifth = sign_in(client, password="wrong password entirely")
    assert fifth.status_code == 429
    text = fifth.get_data(as_text=True)
    assert "Too many failed sign-in attempts" in text
    # 18:08 UTC + 15 minutes = 09:23 in Anchorage (AKST, UTC-9) on 2 March 2026.
    assert "try again after 9:23 AM (AKST)" in text
    assert "in about 15 minutes" in text
    assert "auth.locked" in audit_actions(app)

    # The right password does not open a locked account (and is not even checked).
    locked = sign_in(client)
    assert locked.status_code == 429
    assert open_sessions(app, user_id) == 0

    clock.advance(minutes=14)
    assert sign_in(client).status_code == 429
    clock.advance(minutes=1, seconds=1)
    assert sign_in(client).status_code == 303
    assert open_sessions(app, user_id) == 1
    assert get_user(app, user_id).failed_count == 0


def test_failures_spread_over_more_than_fifteen_minutes_do_not_lock(
    app: Flask, clock: FakeClock
) -> None:
    make_user(app)
    client = app.test_client()
    for _ in range(4):
        sign_in(client, password="wrong password entirely")
    clock.advance(minutes=16)
    for _ in range(4):
        assert sign_in(client, password="wrong password entirely").status_code == 401
    assert sign_in(client).status_code == 303


def test_a_success_resets_the_count(app: Flask) -> None:
    make_user(app)
    client = app.test_client()
    for _ in range(4):
        sign_in(client, password="wrong password entirely")
    assert sign_in(client).status_code == 303
    other = app.test_client()
    for _ in range(4):
        assert sign_in(other, password="wrong password entirely").status_code == 401


def test_unknown_accounts_lock_too_so_the_lock_reveals_nothing(app_factory: Any) -> None:
    app = app_factory(RATELIMIT_ENABLED=True, LOGIN_RATE_LIMIT="1000 per hour")
    client = app.test_client()
    statuses = [
        sign_in(client, "nobody@clinic.example", "wrong password entirely").status_code
        for _ in range(6)
    ]
    assert statuses == [401, 401, 401, 401, 429, 429]
    body = sign_in(client, "nobody@clinic.example", PASSWORD).get_data(as_text=True)
    assert "Too many failed sign-in attempts" in body


def test_sign_in_makes_a_new_session_and_drops_what_came_before(app: Flask) -> None:
    make_user(app)
    client = app.test_client()
    with client.session_transaction() as sess:
        sess["planted"] = "by an attacker"  # session fixation attempt
        sess["_user_id"] = "guessed-token"
    sign_in(client)
    first = session_cookie(client, app)
    with client.session_transaction() as sess:
        assert "planted" not in sess
        first_token = sess["_user_id"]
    client.post("/staff/logout")
    sign_in(client)
    with client.session_transaction() as sess:
        assert sess["_user_id"] != first_token
    assert session_cookie(client, app) != first
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(StaffSession)) == 2


def test_the_cookie_holds_no_user_id_only_an_opaque_token(app: Flask) -> None:
    user_id, _ = make_user(app)
    client = app.test_client()
    sign_in(client)
    with client.session_transaction() as sess:
        token = sess["_user_id"]
    assert token != str(user_id) and len(token) >= 40
    with app.app_context():
        stored = db.session.scalars(select(StaffSession.token_hash)).all()
    assert token not in stored  # only its SHA-256 is stored


def test_cookies_are_httponly_and_samesite_lax(app: Flask) -> None:
    make_user(app)
    client = app.test_client()
    response = sign_in(client)
    header = response.headers["Set-Cookie"]
    assert "HttpOnly" in header
    assert "SameSite=Lax" in header
    assert "remember_token" not in header  # no "remember me"


def test_production_cookie_is_secure_with_the_host_prefix(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Any
) -> None:
    from cryptography.fernet import Fernet

    monkeypatch.setenv("SECRET_KEY", "k3J9-vQ2x_Lm8Rt4Zp7Wc1Ny6Hb5Gd0Fs3Ae2")
    monkeypatch.setenv("CLINIC_PHONE", "(907) 555-0100")
    monkeypatch.setenv("CLINIC_NOTIFY_TO", "intake@clinic.example")
    monkeypatch.setenv("PUBLIC_BASE_URL", "https://intake.clinic.example")
    monkeypatch.setenv("MAIL_SERVER", "localhost")
    monkeypatch.setenv("DATA_ENCRYPTION_KEY", Fernet.generate_key().decode())
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'prod.sqlite3'}")
    monkeypatch.setenv("REQUIRE_TOTP", "0")
    app = create_app(ProductionConfig)
    app.config["ARGON2_MEMORY_COST"] = 19 * 1024  # the production floor, to stay quick
    app.config["ARGON2_TIME_COST"] = 2
    app.config["ARGON2_PARALLELISM"] = 1
    with app.app_context():
        db.create_all()
    make_user(app)
    client = app.test_client()
    # CSRF is on in production: the token comes from the login page first.
    page = client.get("/staff/login", base_url="https://intake.clinic.example")
    token = page.get_data(as_text=True).split('name="csrf_token" type="hidden" value="')[1]
    token = token.split('"')[0]
    response = client.post(
        "/staff/login",
        base_url="https://intake.clinic.example",
        headers={"Referer": "https://intake.clinic.example/staff/login"},
        data={"email": "nurse@clinic.example", "password": PASSWORD, "csrf_token": token},
    )
    assert response.status_code == 303
    header = response.headers["Set-Cookie"]
    assert header.startswith("__Host-intake=")
    for flag in ("Secure", "HttpOnly", "Path=/", "SameSite=Lax"):
        assert flag in header
    assert "Domain=" not in header
    with app.app_context():
        db.session.remove()
        db.engine.dispose()


def test_sign_in_refuses_a_post_without_csrf_token(app_factory: Any) -> None:
    app = app_factory(WTF_CSRF_ENABLED=True)
    make_user(app)
    response = app.test_client().post(
        "/staff/login", data={"email": "nurse@clinic.example", "password": PASSWORD}
    )
    assert response.status_code == 400
    assert open_sessions(app, 1) == 0


def test_sign_out_is_post_only(app: Flask) -> None:
    make_user(app)
    client = app.test_client()
    sign_in(client)
    assert client.get("/staff/logout").status_code == 405
    assert client.get("/staff/").status_code == 200


def test_patients_never_get_a_server_side_session(app: Flask, form_data: Any) -> None:
    client = app.test_client()
    for path in ("/", "/articles/metastatic-breast-cancer", "/privacy", "/contact"):
        assert client.get(path).status_code == 200
    response = client.post("/contact", data=form_data())
    assert response.status_code == 303
    thanks = client.get("/contact/thanks")
    assert thanks.status_code == 200  # Flask's cookie session still carries thanks_refs
    with client.session_transaction() as sess:
        assert sess.get("thanks_refs")
        assert "_user_id" not in sess
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(StaffSession)) == 0


def test_passwords_are_rehashed_at_sign_in_when_parameters_change(app: Flask) -> None:
    user_id, _ = make_user(app)
    before = get_user(app, user_id).password_hash
    assert before is not None and "m=1024,t=1,p=1" in before
    app.config["ARGON2_TIME_COST"] = 2
    assert sign_in(app.test_client()).status_code == 303
    after = get_user(app, user_id).password_hash
    assert after is not None and "m=1024,t=2,p=1" in after
    assert "auth.password_rehashed" in audit_actions(app)
    assert sign_in(app.test_client()).status_code == 303
