"""Sessions end on the server: a copy of the cookie is dead after sign-out, deactivation, a
password change, the idle timeout and the absolute timeout; a form posted after the end keeps
its text through signing in again."""

from __future__ import annotations

from typing import Any

import pytest
from flask import Flask

from intake.auth import accounts
from intake.extensions import db
from tests.test_auth_support import (
    OTHER_PASSWORD,
    PASSWORD,
    FakeClock,
    audit_rows,
    make_user,
    open_sessions,
    replay,
    session_cookie,
    sign_in,
)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def app(app_factory: Any, clock: FakeClock) -> Flask:
    return app_factory(AUTH_CLOCK=clock, SESSION_IDLE_MINUTES=15, SESSION_ABSOLUTE_HOURS=12)


def signed_in(app: Flask, email: str = "nurse@clinic.example") -> tuple[Any, str]:
    client = app.test_client()
    assert sign_in(client, email).status_code == 303
    cookie = session_cookie(client, app)
    assert cookie is not None
    assert replay(app, cookie).get("/staff/").status_code == 200  # the copy works... for now
    return client, cookie


def refused(app: Flask, cookie: str) -> bool:
    response = replay(app, cookie).get("/staff/")
    return response.status_code == 302 and response.headers["Location"].startswith("/staff/login")


def test_cookie_replayed_after_sign_out_fails(app: Flask) -> None:
    user_id, _ = make_user(app)
    client, cookie = signed_in(app)
    assert client.post("/staff/logout").status_code == 303
    assert refused(app, cookie)
    assert client.get("/staff/").status_code == 302
    assert open_sessions(app, user_id) == 0
    assert any(r["action"] == "auth.sign_out" for r in audit_rows(app))


def test_cookie_replayed_after_deactivation_fails(app: Flask) -> None:
    user_id, _ = make_user(app)
    _, cookie = signed_in(app)
    runner = app.test_cli_runner()
    result = runner.invoke(args=["staff", "deactivate", "nurse@clinic.example"])
    assert result.exit_code == 0, result.output
    assert "1 session(s) ended" in result.output
    assert refused(app, cookie)
    assert open_sessions(app, user_id) == 0


def test_deactivation_by_an_admin_ends_every_session(app: Flask) -> None:
    make_user(app, "admin@clinic.example", role="admin", name="Ada Admin")
    user_id, _ = make_user(app)
    admin, _ = signed_in(app, "admin@clinic.example")
    _, phone = signed_in(app)
    _, laptop = signed_in(app)
    assert open_sessions(app, user_id) == 2
    response = admin.post(f"/staff/accounts/{user_id}/deactivate")
    assert response.status_code == 303
    assert refused(app, phone) and refused(app, laptop)
    assert sign_in(app.test_client()).status_code == 401


def test_cookie_replayed_after_a_password_change_fails(app: Flask) -> None:
    user_id, _ = make_user(app)
    client, cookie = signed_in(app)
    _, other_device = signed_in(app)
    response = client.post(
        "/staff/password",
        data={
            "current_password": PASSWORD,
            "new_password": OTHER_PASSWORD,
            "confirm_password": OTHER_PASSWORD,
        },
    )
    assert response.status_code == 303
    assert refused(app, cookie)
    assert refused(app, other_device)
    # This browser carries on, with a new session.
    assert client.get("/staff/").status_code == 200
    assert session_cookie(client, app) != cookie
    assert open_sessions(app, user_id) == 1
    assert sign_in(app.test_client()).status_code == 401
    assert sign_in(app.test_client(), password=OTHER_PASSWORD).status_code == 303


def test_changing_the_password_needs_the_current_one(app: Flask) -> None:
    make_user(app)
    client, cookie = signed_in(app)
    response = client.post(
        "/staff/password",
        data={
            "current_password": "not my password at all",
            "new_password": OTHER_PASSWORD,
            "confirm_password": OTHER_PASSWORD,
        },
    )
    assert response.status_code == 422
    assert "That is not your current password." in response.get_data(as_text=True)
    assert not refused(app, cookie)
    assert sign_in(app.test_client()).status_code == 303


def test_reset_password_from_the_command_line_ends_sessions(app: Flask) -> None:
    make_user(app)
    _, cookie = signed_in(app)
    result = app.test_cli_runner().invoke(
        args=["staff", "reset-password", "nurse@clinic.example", "--password-stdin"],
        input=OTHER_PASSWORD + "\n",
    )
    assert result.exit_code == 0, result.output
    assert refused(app, cookie)


def test_idle_timeout_ends_the_session(app: Flask, clock: FakeClock) -> None:
    user_id, _ = make_user(app)
    client, cookie = signed_in(app)
    clock.advance(minutes=14, seconds=59)
    assert client.get("/staff/").status_code == 200  # activity: the clock starts again
    clock.advance(minutes=14, seconds=59)
    assert client.get("/staff/").status_code == 200
    clock.advance(minutes=15)
    response = client.get("/staff/")
    assert response.status_code == 302
    login = client.get(response.headers["Location"])
    assert "after 15 minutes without activity" in login.get_data(as_text=True)
    assert refused(app, cookie)
    assert open_sessions(app, user_id) == 0
    ended = [r for r in audit_rows(app) if r["action"] == "auth.session_ended"]
    assert ended and ended[0]["details"] == {"reason": "idle"}


def test_last_seen_is_written_at_most_every_30_seconds_and_idle_still_ends_it(
    app: Flask, clock: FakeClock
) -> None:
    """A write and a commit on every staff request was a seventh of a page's time."""
    from sqlalchemy import select

    from intake.auth.models import StaffSession

    user_id, _ = make_user(app)
    client, cookie = signed_in(app)

    def last_seen() -> Any:
        with app.app_context():
            return db.session.scalar(
                select(StaffSession.last_seen_at).where(
                    StaffSession.user_id == user_id, StaffSession.ended_at.is_(None)
                )
            )

    clock.advance(seconds=40)
    assert client.get("/staff/").status_code == 200
    written = last_seen()
    clock.advance(seconds=29)
    assert client.get("/staff/").status_code == 200
    assert last_seen() == written  # 29 s later: not written again
    clock.advance(seconds=1)
    assert client.get("/staff/").status_code == 200
    assert last_seen() > written  # 30 s: written
    # The idle timeout counts from the last write: at most 30 s early, never late.
    clock.advance(seconds=29)
    assert client.get("/staff/").status_code == 200  # not recorded
    clock.advance(minutes=14, seconds=31)  # 15 min after the last write, 14:31 after the request
    assert client.get("/staff/").status_code == 302
    assert refused(app, cookie)


def test_absolute_timeout_ends_even_a_busy_session(app: Flask, clock: FakeClock) -> None:
    make_user(app)
    client, cookie = signed_in(app)
    for _ in range(12 * 6 - 1):  # a request every 10 minutes for 11 hours 50 minutes
        clock.advance(minutes=10)
        assert client.get("/staff/").status_code == 200
    clock.advance(minutes=10)  # 12 hours after sign-in
    response = client.get("/staff/")
    assert response.status_code == 302
    assert "at most 12 hours" in client.get(response.headers["Location"]).get_data(as_text=True)
    assert refused(app, cookie)
    ended = [r for r in audit_rows(app) if r["action"] == "auth.session_ended"]
    assert ended[-1]["details"] == {"reason": "absolute"}


def test_public_pages_do_not_keep_a_staff_session_alive(app: Flask, clock: FakeClock) -> None:
    make_user(app)
    client, _ = signed_in(app)
    for _ in range(4):
        clock.advance(minutes=5)
        assert client.get("/privacy").status_code == 200
    assert client.get("/staff/").status_code == 302


def test_a_form_posted_after_the_session_ended_keeps_its_text(app: Flask, clock: FakeClock) -> None:
    make_user(app, "admin@clinic.example", role="admin", name="Ada Admin")
    client, _ = signed_in(app, "admin@clinic.example")
    clock.advance(minutes=30)  # away from the desk; the session ends
    typed = {"name": "Dr Jo Ruiz\u00e9", "email": "jo.ruiz@clinic.example", "role": "staff"}
    refusal = client.post("/staff/accounts/new", data=typed)
    assert refusal.status_code == 401
    page = refusal.get_data(as_text=True)
    assert "What you were sending has been kept" in page
    draft = page.split('id="draft" name="draft" type="hidden" value="')[1].split('"')[0]

    response = client.post(
        "/staff/login",
        data={"email": "admin@clinic.example", "password": PASSWORD, "draft": draft},
    )
    assert response.status_code == 200
    again = response.get_data(as_text=True)
    assert 'action="/staff/accounts/new"' in again
    assert "Dr Jo Ruiz\u00e9" in again and "jo.ruiz@clinic.example" in again
    # Sending it again works, and creates the account exactly as typed.
    created = client.post("/staff/accounts/new", data=typed)
    assert created.status_code == 200
    assert "Set-up link for Dr Jo Ruiz\u00e9" in created.get_data(as_text=True)


def test_a_draft_never_keeps_passwords(app: Flask, clock: FakeClock) -> None:
    make_user(app)
    client, _ = signed_in(app)
    clock.advance(hours=1)
    response = client.post(
        "/staff/password",
        data={
            "current_password": PASSWORD,
            "new_password": OTHER_PASSWORD,
            "confirm_password": OTHER_PASSWORD,
        },
    )
    assert response.status_code == 401
    page = response.get_data(as_text=True)
    assert 'id="draft" name="draft" type="hidden" value=""' in page
    assert PASSWORD not in page and OTHER_PASSWORD not in page


def test_deactivated_user_is_signed_out_on_the_next_request(app: Flask) -> None:
    user_id, _ = make_user(app)
    client, _ = signed_in(app)
    with app.app_context():
        user = accounts.find_by_email("nurse@clinic.example")
        assert user is not None
        user.active = False  # even without ending the rows (e.g. a direct database edit)
        db.session.commit()
    assert client.get("/staff/").status_code == 302
    assert open_sessions(app, user_id) == 0


def test_signing_in_again_in_the_same_browser_ends_the_old_session(app: Flask) -> None:
    user_id, _ = make_user(app)
    client, cookie = signed_in(app)
    assert sign_in(client).status_code == 303
    assert refused(app, cookie)
    assert open_sessions(app, user_id) == 1
