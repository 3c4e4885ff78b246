"""Account care in the staff pages: an admin resets a colleague's two-factor sign-in (a lost
phone) from /staff/accounts, and the staff navigation on every page of the staff layout.

The reset is the CLI's own function (``accounts.reset_totp``, as ``flask staff reset-totp``):
a confirmation page first, then a POST with CSRF; audited under the admin's name; every session
of the account ends; the person enrols again at the next sign-in (REQUIRE_TOTP on, as in
production).
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from tests.test_auth_support import (
    PASSWORD,
    FakeClock,
    audit_rows,
    code_at,
    get_user,
    make_user,
    open_sessions,
    sign_in,
)

ADMIN = "admin@clinic.example"
NURSE = "nurse@clinic.example"
OTHER_ADMIN = "second.admin@clinic.example"


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def app(app_factory: Any, clock: FakeClock) -> Flask:
    return app_factory(AUTH_CLOCK=clock, REQUIRE_TOTP=True)


def signed_in(app: Flask, clock: FakeClock, email: str, secret: str | None) -> FlaskClient:
    """A browser signed in with the password and the account's current TOTP code."""
    client = app.test_client()
    assert secret is not None
    response = sign_in(client, email, code=code_at(secret, clock.now))
    assert response.status_code == 303, response.get_data(as_text=True)
    assert response.headers["Location"] == "/staff/"
    return client


@pytest.fixture
def people(app: Flask, clock: FakeClock) -> dict[str, Any]:
    """An admin and a nurse, both enrolled in TOTP and signed in (one session each)."""
    admin_id, admin_secret = make_user(app, ADMIN, role="admin", name="Ada Admin", enrol_totp=True)
    nurse_id, nurse_secret = make_user(app, NURSE, name="Nora Nurse", enrol_totp=True)
    return {
        "admin_id": admin_id,
        "nurse_id": nurse_id,
        "nurse_secret": nurse_secret,
        "admin": signed_in(app, clock, ADMIN, admin_secret),
        "nurse": signed_in(app, clock, NURSE, nurse_secret),
    }


def reset_url(user_id: int) -> str:
    return f"/staff/accounts/{user_id}/reset-totp"


# --- reset two-factor sign-in ------------------------------------------------------------------


def test_the_accounts_list_offers_a_reset_for_enrolled_colleagues_only(
    app: Flask, people: dict[str, Any]
) -> None:
    make_user(app, "new@clinic.example", name="Nell New")  # no TOTP yet: nothing to reset
    page = people["admin"].get("/staff/accounts").get_data(as_text=True)
    assert f'href="{reset_url(people["nurse_id"])}"' in page
    assert 'Reset two-factor<span class="visually-hidden"> sign-in for Nora Nurse</span>' in page
    assert f'href="{reset_url(people["admin_id"])}"' not in page  # not one's own
    assert page.count("Reset two-factor<") == 1  # not Nell's either


def test_staff_may_not_reset_and_the_refusal_is_audited(app: Flask, people: dict[str, Any]) -> None:
    nurse: FlaskClient = people["nurse"]
    for method in ("GET", "POST"):
        response = nurse.open(reset_url(people["admin_id"]), method=method)
        assert response.status_code == 403, method
    denied = [r for r in audit_rows(app) if r["action"] == "authz.denied"]
    assert [r["details"] for r in denied] == [{"endpoint": "auth.account_reset_totp"}] * 2
    assert all(r["actor_id"] == people["nurse_id"] for r in denied)
    assert get_user(app, people["admin_id"]).totp_secret is not None
    assert "auth.totp_reset" not in [r["action"] for r in audit_rows(app)]


def test_anonymous_requests_go_to_sign_in(app: Flask, people: dict[str, Any]) -> None:
    anonymous = app.test_client()
    page = anonymous.get(reset_url(people["nurse_id"]))
    assert page.status_code == 302 and page.headers["Location"].startswith("/staff/login")
    post = anonymous.post(reset_url(people["nurse_id"]))
    assert post.status_code == 401
    assert get_user(app, people["nurse_id"]).totp_secret is not None


def test_the_confirmation_page_changes_nothing(app: Flask, people: dict[str, Any]) -> None:
    page = people["admin"].get(reset_url(people["nurse_id"]))
    assert page.status_code == 200
    assert page.headers["Cache-Control"] == "no-store"
    body = page.get_data(as_text=True)
    assert "<h1>Reset two-factor sign-in for Nora Nurse?</h1>" in body
    assert f'<form method="post" action="{reset_url(people["nurse_id"])}">' in body
    assert "Reset two-factor sign-in for Nora Nurse</button>" in body
    assert 'href="/staff/accounts">Cancel' in body
    # HEAD is routed to this view too and carries no CSRF token: it must only read.
    assert people["admin"].head(reset_url(people["nurse_id"])).status_code == 200
    assert get_user(app, people["nurse_id"]).totp_secret is not None
    assert open_sessions(app, people["nurse_id"]) == 1


def test_the_reset_ends_every_session_is_audited_and_enrolment_follows(
    app: Flask, clock: FakeClock, people: dict[str, Any]
) -> None:
    nurse_id = people["nurse_id"]
    clock.advance(seconds=30)  # a code works once: the next one, in a second browser
    second = signed_in(app, clock, NURSE, people["nurse_secret"])
    assert open_sessions(app, nurse_id) == 2

    response = people["admin"].post(reset_url(nurse_id))
    assert response.status_code == 303
    assert response.headers["Location"] == "/staff/accounts"
    listing = people["admin"].get("/staff/accounts").get_data(as_text=True)
    done = "Two-factor sign-in is reset for Nora Nurse: signed out everywhere (2 sessions ended)."
    assert done in listing

    user = get_user(app, nurse_id)
    assert user.totp_secret is None and user.totp_pending_secret is None
    assert user.recovery_code_hashes == [] and user.totp_enrolled_at is None
    assert open_sessions(app, nurse_id) == 0
    resets = [r for r in audit_rows(app) if r["action"] == "auth.totp_reset"]
    assert len(resets) == 1
    assert resets[0]["actor_id"] == people["admin_id"]
    assert (resets[0]["target_type"], resets[0]["target_id"]) == ("staff_user", str(nurse_id))
    assert resets[0]["details"] == {"sessions_ended": 2}
    assert resets[0]["client"] != "cli"  # from the staff pages, not the command line

    # Both of the nurse's browsers are signed out at once.
    for browser in (people["nurse"], second):
        refused = browser.get("/staff/")
        assert refused.status_code == 302
        assert refused.headers["Location"].startswith("/staff/login")
    # The admin is still signed in.
    assert people["admin"].get("/staff/").status_code == 200

    # The next sign-in: the password, then set-up again (the old secret is gone).
    fresh = app.test_client()
    after_password = sign_in(fresh, NURSE)
    assert after_password.status_code == 303
    assert after_password.headers["Location"] == "/staff/totp"
    enrol = fresh.get("/staff/totp").get_data(as_text=True)
    assert "Set up two-factor sign-in" in enrol
    assert fresh.get("/staff/").status_code == 302  # nothing before enrolling


def test_refusals_change_nothing(app: Flask, clock: FakeClock, people: dict[str, Any]) -> None:
    admin: FlaskClient = people["admin"]
    other_id, _ = make_user(app, OTHER_ADMIN, role="admin", name="Olga Other", enrol_totp=True)
    new_id, _ = make_user(app, "new@clinic.example", name="Nell New")
    gone_id, _ = make_user(app, "gone@clinic.example", name="Gus Gone", enrol_totp=True)
    assert admin.post(f"/staff/accounts/{gone_id}/deactivate").status_code == 303

    expected = {
        people["admin_id"]: "You cannot reset your own two-factor sign-in here.",
        new_id: "Nell New has not set up two-factor sign-in yet",
        gone_id: "Gus Gone&#39;s account is deactivated",
    }
    for user_id, message in expected.items():
        for method in ("GET", "POST"):
            response = admin.open(reset_url(user_id), method=method)
            assert response.status_code == 303, (user_id, method)
            assert response.headers["Location"] == "/staff/accounts"
            assert message in admin.get("/staff/accounts").get_data(as_text=True)
    assert admin.get(reset_url(99999)).status_code == 404
    assert admin.post(reset_url(99999)).status_code == 404

    assert get_user(app, people["admin_id"]).totp_secret is not None
    assert get_user(app, gone_id).totp_secret is not None
    assert open_sessions(app, people["admin_id"]) == 1  # still signed in
    assert "auth.totp_reset" not in [r["action"] for r in audit_rows(app)]
    # Another admin's may be reset (by an admin other than its owner).
    assert admin.post(reset_url(other_id)).status_code == 303
    assert get_user(app, other_id).totp_secret is None


def test_the_reset_needs_the_csrf_token(app_factory: Any, clock: FakeClock) -> None:
    app = app_factory(AUTH_CLOCK=clock, REQUIRE_TOTP=True, WTF_CSRF_ENABLED=True)
    admin_id, admin_secret = make_user(app, ADMIN, role="admin", name="Ada Admin", enrol_totp=True)
    nurse_id, _ = make_user(app, NURSE, name="Nora Nurse", enrol_totp=True)
    admin = app.test_client()
    login = admin.get("/staff/login").get_data(as_text=True)
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', login)
    assert token is not None
    response = admin.post(
        "/staff/login", data={"email": ADMIN, "password": PASSWORD, "csrf_token": token[1]}
    )
    assert response.status_code == 200  # the code page
    code_page = response.get_data(as_text=True)
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', code_page)
    assert token is not None and admin_secret is not None
    done = admin.post(
        "/staff/login/code", data={"code": code_at(admin_secret, clock.now), "csrf_token": token[1]}
    )
    assert done.status_code == 303

    forged = admin.post(reset_url(nurse_id))  # no token: another site's form, say
    assert forged.status_code == 400
    assert get_user(app, nurse_id).totp_secret is not None

    confirm = admin.get(reset_url(nurse_id)).get_data(as_text=True)
    token = re.search(r'name="csrf_token" value="([^"]+)"', confirm)
    assert token is not None
    assert admin.post(reset_url(nurse_id), data={"csrf_token": token[1]}).status_code == 303
    assert get_user(app, nurse_id).totp_secret is None
    assert [r["actor_id"] for r in audit_rows(app) if r["action"] == "auth.totp_reset"] == [
        admin_id
    ]


# --- the staff navigation ----------------------------------------------------------------------

NAV = re.compile(r'<nav class="staff-nav" aria-label="Staff pages">(.*?)</nav>', re.S)


def nav_links(html: str) -> list[tuple[str, str, str | None]]:
    """(text, href, aria-current) of each link in the staff navigation; exactly one nav."""
    found = NAV.findall(html)
    assert len(found) == 1, f"{len(found)} staff navigations"
    return [
        (re.sub(r"<[^>]+>", "", text).strip(), href, current)
        for href, current, text in re.findall(
            r'<a href="([^"]+)"(?: aria-current="([a-z]+)")?>(.*?)</a>', found[0], re.S
        )
    ]


STAFF_LINKS = ["Inbox", "Reports", "Outbox", "Password"]
ADMIN_LINKS = [
    "Inbox",
    "Reports",
    "Outbox",
    "Export",
    "Audit log",
    "Accounts",
    "Password",
]


def test_the_navigation_shows_staff_their_pages_and_admins_theirs(
    people: dict[str, Any],
) -> None:
    staff = nav_links(people["nurse"].get("/staff/reports").get_data(as_text=True))
    assert [text for text, _, _ in staff] == STAFF_LINKS
    assert [href for _, href, _ in staff] == [
        "/staff/",
        "/staff/reports",
        "/staff/outbox",
        "/staff/password",
    ]
    admin = nav_links(people["admin"].get("/staff/reports").get_data(as_text=True))
    assert [text for text, _, _ in admin] == ADMIN_LINKS
    assert dict((t, h) for t, h, _ in admin)["Audit log"] == "/staff/audit"
    assert dict((t, h) for t, h, _ in admin)["Accounts"] == "/staff/accounts"
    assert dict((t, h) for t, h, _ in admin)["Export"] == "/staff/export"


@pytest.mark.parametrize(
    ("path", "current", "kind"),
    [
        ("/staff/", "Inbox", "page"),
        ("/staff/reports", "Reports", "page"),
        ("/staff/outbox", "Outbox", "page"),
        ("/staff/export", "Export", "page"),
        ("/staff/audit", "Audit log", "page"),
        ("/staff/accounts", "Accounts", "page"),
        ("/staff/accounts/new", "Accounts", "true"),
        ("/staff/password", "Password", "page"),
    ],
)
def test_the_navigation_marks_where_you_are(
    people: dict[str, Any], path: str, current: str, kind: str
) -> None:
    response = people["admin"].get(path)
    assert response.status_code == 200, path
    marked = [(text, mark) for text, _, mark in nav_links(response.get_data(as_text=True)) if mark]
    assert marked == [(current, kind)]


def test_an_enquiry_is_marked_as_part_of_the_inbox(app: Flask, people: dict[str, Any]) -> None:
    from tests.test_staff_support import add_enquiry

    reference = add_enquiry(app)
    page = people["nurse"].get(f"/staff/enquiries/{reference}").get_data(as_text=True)
    assert [(t, m) for t, _, m in nav_links(page) if m] == [("Inbox", "true")]


def test_the_navigation_signs_out_and_is_absent_before_sign_in(
    app: Flask, people: dict[str, Any]
) -> None:
    page = people["nurse"].get("/staff/outbox").get_data(as_text=True)
    nav = NAV.search(page)
    assert nav is not None
    assert '<form method="post" action="/staff/logout"' in nav.group(1)
    assert page.count('action="/staff/logout"') == 1  # one sign-out button per page
    for path in ("/staff/login", "/privacy"):
        assert "staff-nav" not in app.test_client().get(path).get_data(as_text=True)


def test_the_export_link_follows_export_role(app: Flask, people: dict[str, Any]) -> None:
    app.config["EXPORT_ROLE"] = "staff"
    links = nav_links(people["nurse"].get("/staff/").get_data(as_text=True))
    assert "Export" in [text for text, _, _ in links]
    assert people["nurse"].get("/staff/export").status_code == 200
