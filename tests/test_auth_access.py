"""Deny by default: walk the URL map and prove that every endpoint outside an explicit public
allow-list refuses an anonymous request; admin pages refuse staff (and audit it)."""

from __future__ import annotations

from typing import Any

import pytest
from flask import Flask
from werkzeug.routing import Rule

from intake.auth.access import PUBLIC_ENDPOINTS
from tests.test_auth_support import audit_rows, make_user, sign_in

# The allow-list, written out here on purpose: growing it takes a change to this test too.
PUBLIC = {
    "public.index",
    "public.article",
    "public.privacy",
    "enquiry.contact",
    "enquiry.thanks",
    "health.livez",
    "health.readyz",
    "static",
    "auth.login",
    "auth.setup",  # the one-time set-up link page
}
ADMIN_ONLY = {
    "auth.accounts_list",
    "auth.account_new",
    "auth.account_setup_link",
    "auth.account_deactivate",
    "auth.account_reset_totp",
}


def example_url(app: Flask, rule: Rule) -> str:
    values: dict[str, Any] = {}
    for argument in rule.arguments:
        converter = rule._converters[argument]  # noqa: SLF001 - the test needs the type
        values[argument] = 1 if type(converter).__name__ in {"IntegerConverter"} else "x"
    with app.test_request_context():
        return str(app.url_for(rule.endpoint, **values))


def requests_to_try(app: Flask) -> list[tuple[str, str, str]]:
    tried = []
    for rule in app.url_map.iter_rules():
        for method in sorted((rule.methods or set()) - {"HEAD", "OPTIONS"}):
            tried.append((rule.endpoint, method, example_url(app, rule)))
    return tried


def test_the_allow_list_is_exactly_the_agreed_one() -> None:
    assert set(PUBLIC_ENDPOINTS) == PUBLIC


def test_every_private_endpoint_refuses_an_anonymous_request(app: Flask) -> None:
    client = app.test_client()
    checked = 0
    for endpoint, method, url in requests_to_try(app):
        if endpoint in PUBLIC:
            continue
        response = client.open(url, method=method)
        status = response.status_code
        location = response.headers.get("Location", "")
        refused = (status in {301, 302, 303} and location.startswith("/staff/login")) or (
            status in {401, 403}
        )
        assert refused, f"{method} {url} ({endpoint}) answered {status} to an anonymous request"
        assert "Nora" not in response.get_data(as_text=True)
        checked += 1
    assert checked >= 9  # staff.index, logout, password, totp, accounts pages, ...


def test_the_url_map_test_sees_every_blueprint(app: Flask) -> None:
    blueprints = {endpoint.split(".")[0] for endpoint, _, _ in requests_to_try(app)}
    assert {"auth", "staff", "public", "enquiry", "health", "static"} <= blueprints


@pytest.mark.parametrize("endpoint", sorted(ADMIN_ONLY))
def test_admin_pages_refuse_staff_and_audit_it(app: Flask, endpoint: str) -> None:
    make_user(app)
    client = app.test_client()
    sign_in(client)
    rule = next(r for r in app.url_map.iter_rules() if r.endpoint == endpoint)
    method = (
        "POST"
        if "POST" in (rule.methods or set()) and "GET" not in (rule.methods or set())
        else "GET"
    )
    response = client.open(example_url(app, rule), method=method)
    assert response.status_code == 403
    denied = [r for r in audit_rows(app) if r["action"] == "authz.denied"]
    assert denied and denied[-1]["details"] == {"endpoint": endpoint}


def test_admin_pages_open_for_admins(app: Flask) -> None:
    make_user(app, role="admin")
    client = app.test_client()
    sign_in(client)
    page = client.get("/staff/accounts")
    assert page.status_code == 200
    assert page.headers["Cache-Control"] == "no-store"
    assert "nurse@clinic.example" in page.get_data(as_text=True)
    assert client.get("/staff/accounts/new").status_code == 200


def test_anonymous_get_goes_to_sign_in_and_back(app: Flask) -> None:
    make_user(app, role="admin")
    client = app.test_client()
    response = client.get("/staff/accounts")
    assert response.status_code == 302
    assert response.headers["Location"] == "/staff/login?next=/staff/accounts"
    login = client.get(response.headers["Location"]).get_data(as_text=True)
    assert 'name="next" type="hidden" value="/staff/accounts"' in login
    back = sign_in(client, next_path="/staff/accounts")
    assert back.headers["Location"] == "/staff/accounts"


def test_staff_pages_have_no_inline_style_or_script(app: Flask) -> None:
    make_user(app, role="admin")
    client = app.test_client()
    for path in ("/staff/login", "/staff/setup"):
        page = client.get(path).get_data(as_text=True)
        assert " style=" not in page and "<style" not in page and "<script" not in page
    sign_in(client)
    for _endpoint, method, url in requests_to_try(app):
        if method != "GET" or not url.startswith("/staff"):
            continue
        response = client.get(url)
        page = response.get_data(as_text=True)
        assert " style=" not in page and "<style" not in page and "<script" not in page, url
        assert response.headers["Cache-Control"] == "no-store", url
        assert 'name="robots" content="noindex, nofollow"' in page or response.status_code != 200


def test_signing_out_of_an_ended_session_just_says_so(app: Flask) -> None:
    make_user(app)
    client = app.test_client()
    sign_in(client)
    client.post("/staff/logout")
    again = client.post("/staff/logout")
    assert again.status_code == 303 and again.headers["Location"] == "/staff/login"
    assert "You have signed out." in client.get("/staff/login").get_data(as_text=True)
