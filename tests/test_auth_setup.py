"""An admin adds an account in the staff pages; the one-time set-up link (24 hours) lets the new
user choose a password and enrol TOTP."""

from __future__ import annotations

import re
from typing import Any

import pytest
from flask import Flask

from tests.test_auth_support import (
    PASSWORD,
    FakeClock,
    audit_rows,
    code_at,
    make_user,
    open_sessions,
    sign_in,
)

NEW_PASSWORD = "glacier kettle orbit meadow"


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def app(app_factory: Any, clock: FakeClock) -> Flask:
    return app_factory(
        AUTH_CLOCK=clock, REQUIRE_TOTP=True, PUBLIC_BASE_URL="https://intake.clinic.example"
    )


def admin_client(app: Flask) -> Any:
    make_user(app, "admin@clinic.example", role="admin", name="Ada Admin", enrol_totp=False)
    client = app.test_client()
    app.config["REQUIRE_TOTP"] = False
    assert sign_in(client, "admin@clinic.example").status_code == 303
    app.config["REQUIRE_TOTP"] = True
    return client


def new_link(client: Any, email: str = "sam@clinic.example") -> str:
    page = client.post(
        "/staff/accounts/new", data={"name": "Sam Staff", "email": email, "role": "staff"}
    )
    assert page.status_code == 200, page.get_data(as_text=True)
    assert page.headers["Cache-Control"] == "no-store"
    match = re.search(
        r"https://intake\.clinic\.example(/staff/setup\?token=[A-Za-z0-9_-]+)",
        page.get_data(as_text=True),
    )
    assert match is not None
    return match.group(1)


def test_set_up_link_sets_a_password_then_enrols_totp(app: Flask, clock: FakeClock) -> None:
    admin = admin_client(app)
    link = new_link(admin)
    new = app.test_client()
    opened = new.get(link)
    assert opened.status_code == 303 and opened.headers["Location"] == "/staff/setup"
    form = new.get("/staff/setup")
    assert form.status_code == 200 and "Sam Staff" in form.get_data(as_text=True)
    assert form.headers["Cache-Control"] == "no-store"
    weak = new.post(
        "/staff/setup", data={"password": "1qaz2wsx3edc", "confirm_password": "1qaz2wsx3edc"}
    )
    assert weak.status_code == 422
    saved = new.post(
        "/staff/setup", data={"password": NEW_PASSWORD, "confirm_password": NEW_PASSWORD}
    )
    assert saved.status_code == 303 and saved.headers["Location"] == "/staff/totp"
    page = new.get("/staff/totp").get_data(as_text=True)
    match = re.search(r'<code class="reference">([A-Z2-7 ]+)</code>', page)
    assert match is not None
    secret = match.group(1).replace(" ", "")
    done = new.post("/staff/totp", data={"code": code_at(secret, clock.now)})
    assert done.status_code == 200
    assert "Keep these recovery codes safe" in done.get_data(as_text=True)
    assert new.get("/staff/").status_code == 200
    actions = [r["action"] for r in audit_rows(app)]
    for action in (
        "account.created",
        "account.setup_link_issued",
        "account.setup_completed",
        "auth.totp_enrolled",
        "auth.sign_in",
    ):
        assert action in actions

    # The link is spent.
    again = app.test_client()
    again.get(link)
    assert again.get("/staff/setup").status_code == 404


def test_set_up_link_expires_after_24_hours(app: Flask, clock: FakeClock) -> None:
    admin = admin_client(app)
    link = new_link(admin)
    clock.advance(hours=23, minutes=59)
    early = app.test_client()
    early.get(link)
    assert early.get("/staff/setup").status_code == 200
    clock.advance(minutes=1)
    late = app.test_client()
    late.get(link)
    page = late.get("/staff/setup")
    assert page.status_code == 404
    assert "more than 24 hours old" in page.get_data(as_text=True)


def test_a_new_link_replaces_the_old_one(app: Flask, clock: FakeClock) -> None:
    admin = admin_client(app)
    first = new_link(admin)
    user_id = max(int(r["target_id"]) for r in audit_rows(app) if r["action"] == "account.created")
    page = admin.post(f"/staff/accounts/{user_id}/setup-link").get_data(as_text=True)
    second = re.search(r"(/staff/setup\?token=[A-Za-z0-9_-]+)", page)
    assert second is not None and second.group(1) != first
    old = app.test_client()
    old.get(first)
    assert old.get("/staff/setup").status_code == 404
    fresh = app.test_client()
    fresh.get(second.group(1))
    assert fresh.get("/staff/setup").status_code == 200


def test_the_token_leaves_the_address_bar_and_never_reaches_logs(
    app: Flask, app_logs: pytest.LogCaptureFixture
) -> None:
    admin = admin_client(app)
    link = new_link(admin)
    token = link.split("token=")[1]
    app.test_client().get(link)
    assert any("/staff/setup" in r.getMessage() for r in app_logs.records)  # lines were captured
    assert token not in app_logs.text
    assert token not in repr(audit_rows(app))


def test_bad_tokens_are_refused(app: Flask) -> None:
    client = app.test_client()
    for token in ("x", "A" * 43, "A" * 500):
        client.get("/staff/setup", query_string={"token": token})
        assert client.get("/staff/setup").status_code == 404
    assert client.get("/staff/setup").status_code == 404
    assert (
        client.post(
            "/staff/setup", data={"password": PASSWORD, "confirm_password": PASSWORD}
        ).status_code
        == 404
    )


def test_duplicate_and_invalid_accounts_are_refused(app: Flask) -> None:
    admin = admin_client(app)
    new_link(admin)
    dup = admin.post(
        "/staff/accounts/new",
        data={"name": "Sam Again", "email": "SAM@clinic.example", "role": "staff"},
    )
    assert dup.status_code == 422
    assert "already exists" in dup.get_data(as_text=True)
    bad = admin.post(
        "/staff/accounts/new", data={"name": "X", "email": "x@clinic.example", "role": "root"}
    )
    assert bad.status_code == 422


def test_an_admin_cannot_deactivate_themselves(app: Flask) -> None:
    admin = admin_client(app)
    response = admin.post("/staff/accounts/1/deactivate")
    assert response.status_code == 303
    assert admin.get("/staff/").status_code == 200
    assert open_sessions(app, 1) == 1


def test_head_with_the_token_moves_it_out_of_the_address_bar_too(app: Flask) -> None:
    """HEAD is routed to the GET view: it must not leave the token in the URL either."""
    link = new_link(admin_client(app))
    response = app.test_client().head(link)
    assert response.status_code == 303 and response.headers["Location"] == "/staff/setup"
