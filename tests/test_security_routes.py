"""Every route, every header: walk the URL map and check the security headers on every answer.

Each rule of ``app.url_map`` is requested with every method (GET, HEAD, POST, OPTIONS: so the
405 pages are covered too) by four browsers: anonymous, half-way through sign-in (password
given, TOTP code not yet), staff and admin (signed in with TOTP, as production requires). URL
arguments are filled with real values from seeded data (an enquiry's reference, an outbox
message, a staff account, a set-up token); a new rule with an argument this test cannot fill
fails the test, so future routes are covered or noticed.

Every answer (pages, redirects, 4xx and 5xx pages, CSV, static files) carries the CSP without
'unsafe-inline' or 'unsafe-eval', nosniff, Referrer-Policy, Permissions-Policy and
X-Frame-Options, and no server banner. Everything under /staff (sign-in pages included) and
every public page that shows what a patient typed (the thanks page, a re-shown form) is
``Cache-Control: no-store``. HSTS is sent in production, never in development or testing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select
from werkzeug.routing import Rule
from werkzeug.test import TestResponse

from intake.auth import accounts
from intake.extensions import db
from intake.notify.models import OutboxMessage
from tests.conftest import started_token, valid_form
from tests.test_auth_support import FakeClock, code_at, make_user, sign_in

METHODS = ("GET", "HEAD", "POST", "OPTIONS")
REQUIRED_CSP = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'none'",
    "frame-ancestors": "'none'",
    "form-action": "'self'",
}
RESHOWN = {400, 422, 429, 500, 503}  # the statuses with which the form is shown again
PERMISSIONS = ("camera=()", "microphone=()", "geolocation=()", "payment=()", "usb=()")


@dataclass
class Seeded:
    """Real values for URL arguments and query strings, from data stored through the app."""

    reference: str
    message_id: int
    spare_user_id: int  # an account the admin walk may deactivate
    setup_token: str
    clock: FakeClock
    secrets: dict[str, str] = field(default_factory=dict)  # email -> TOTP secret

    def arguments(self) -> dict[str, Any]:
        return {
            "reference": self.reference,
            "message_id": self.message_id,
            "user_id": self.spare_user_id,
            "filename": "css/site.css",
        }

    def query(self, endpoint: str) -> dict[str, str]:
        """Query strings that make a page show its real content."""
        return {
            "auth.setup": {"token": self.setup_token},
            "staff.index": {"status": "any", "spam": "include"},
            "staff.export_page": {"status": "any"},
        }.get(endpoint, {})


def concrete_url(app: Flask, rule: Rule, seeded: Seeded) -> str:
    """The rule with real values; a new converter argument fails here, on purpose."""
    known = seeded.arguments()
    missing = sorted(set(rule.arguments) - set(known))
    assert not missing, (
        f"{rule.rule} ({rule.endpoint}) has arguments {missing} this test cannot fill: "
        "add real values for them to Seeded.arguments()"
    )
    with app.test_request_context():
        url = app.url_for(rule.endpoint, **{name: known[name] for name in rule.arguments})
    query = seeded.query(rule.endpoint)
    return f"{url}?{urlencode(query)}" if query else str(url)


def seed(app: Flask, clock: FakeClock) -> Seeded:
    """An enquiry through the real form (with its outbox mail), accounts, a set-up link."""
    client = app.test_client()
    response = client.post(
        "/contact",
        data=valid_form(started=started_token(app), wants_confirmation="y"),
    )
    assert response.status_code == 303
    secrets: dict[str, str] = {}
    for email, role in (("nurse@clinic.example", "staff"), ("admin@clinic.example", "admin")):
        _, secret = make_user(app, email, role=role, enrol_totp=True)
        assert secret is not None
        secrets[email] = secret
    spare_id, _ = make_user(app, "spare@clinic.example", role="staff")
    make_user(app, "pending@clinic.example", role="staff", enrol_totp=True)
    with app.app_context():
        from intake.models import Enquiry

        reference = db.session.scalar(select(Enquiry.reference))
        message_id = db.session.scalar(select(OutboxMessage.id))
        newcomer = accounts.create_account("new@clinic.example", "New Person", "staff")
        token, _ = accounts.issue_setup_link(newcomer, actor_id=None)
        db.session.commit()
    assert reference is not None and message_id is not None
    secrets["pending@clinic.example"] = ""
    return Seeded(reference, message_id, spare_id, token, clock, secrets)


def signed_in(app: Flask, seeded: Seeded, email: str) -> FlaskClient:
    """A browser signed in with password and TOTP code (each sign-in on a fresh time step)."""
    seeded.clock.advance(seconds=30)
    client = app.test_client()
    code = code_at(seeded.secrets[email], seeded.clock.now)
    response = sign_in(client, email, code=code)
    assert response.status_code == 303, response.get_data(as_text=True)[:300]
    response.close()
    return client


def half_signed_in(app: Flask) -> FlaskClient:
    """A browser that gave the password and now sees the code step."""
    client = app.test_client()
    response = sign_in(client, "pending@clinic.example")
    assert response.status_code == 200 and 'action="/staff/login/code"' in response.get_data(
        as_text=True
    )
    response.close()
    return client


def with_thanks(app: Flask, client: FlaskClient) -> FlaskClient:
    """The browser has just sent an enquiry, so its thanks page shows the reference."""
    response = client.post("/contact", data=valid_form(started=started_token(app)))
    assert response.status_code == 303
    response.close()
    return client


# --- the checks -------------------------------------------------------------------------------


def csp_directives(value: str) -> dict[str, list[str]]:
    directives: dict[str, list[str]] = {}
    for part in value.split(";"):
        words = part.split()
        if words:
            directives[words[0].lower()] = words[1:]
    return directives


def must_not_be_cached(path: str, method: str, status: int, endpoint: str | None) -> bool:
    """Staff pages, sign-in pages, and public pages that show what a patient typed."""
    if path.startswith("/staff"):
        return True
    if endpoint == "enquiry.thanks" and method in {"GET", "HEAD"}:
        return True
    # The form re-shown after a refusal holds the patient's text (a 413 is a plain error page:
    # a body that large is never read).
    return endpoint == "enquiry.contact" and method == "POST" and status in RESHOWN


def check_headers(
    response: TestResponse,
    what: str,
    *,
    path: str,
    method: str,
    endpoint: str | None,
    production: bool = False,
) -> None:
    headers = response.headers
    csp = headers.get("Content-Security-Policy")
    assert csp, f"{what}: no Content-Security-Policy"
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp, what
    directives = csp_directives(csp)
    for name, source in REQUIRED_CSP.items():
        assert directives.get(name) == [source], (what, name, csp)
    for sources in directives.values():
        assert "*" not in sources and "http:" not in sources and "https:" not in sources, what
    assert headers.get("X-Content-Type-Options") == "nosniff", what
    assert headers.get("Referrer-Policy") in {"same-origin", "no-referrer"}, what
    permissions = headers.get("Permissions-Policy", "")
    for feature in PERMISSIONS:
        assert feature in permissions, (what, feature)
    assert headers.get("X-Frame-Options") == "DENY", what
    assert "Server" not in headers and "X-Powered-By" not in headers, what
    hsts = headers.get("Strict-Transport-Security")
    if production:
        assert hsts is not None, f"{what}: no HSTS in production"
        max_age = re.search(r"max-age=(\d+)", hsts)
        assert max_age and int(max_age.group(1)) >= 31536000 and "includeSubDomains" in hsts
    else:
        assert hsts is None, f"{what}: HSTS outside production"
    if must_not_be_cached(path, method, response.status_code, endpoint):
        assert "no-store" in headers.get("Cache-Control", ""), (
            f"{what}: Cache-Control {headers.get('Cache-Control')!r}, expected no-store"
        )


@dataclass
class Walk:
    """Every answer one browser got, by (method, url)."""

    statuses: dict[tuple[str, str], int] = field(default_factory=dict)

    def count(self, *codes: int) -> int:
        return sum(1 for status in self.statuses.values() if status in codes)


def walk(
    app: Flask,
    client: FlaskClient,
    seeded: Seeded,
    who: str,
    *,
    production: bool = False,
    skip: frozenset[str] = frozenset(),
) -> Walk:
    """Request every rule with every method; check every answer's headers."""
    result = Walk()
    rules = sorted(app.url_map.iter_rules(), key=lambda r: r.rule)
    extra = [
        ("/staff/setup", "auth.setup"),  # after ?token= moved the token into the session
        ("/no-such-page", None),
        ("/staff/no-such-page", None),
        ("/staff/enquiries/ACT-0000-0000", "staff.enquiry"),
        ("/static/no-such-file.css", "static"),
    ]
    built = [(concrete_url(app, rule, seeded), rule.endpoint) for rule in rules]
    # Signing out last, so the walk stays signed in throughout.
    targets = [t for t in built if t[1] != "auth.logout"] + extra
    targets += [t for t in built if t[1] == "auth.logout"]
    for url, endpoint in targets:
        if endpoint in skip:
            continue
        for method in METHODS:
            data = None
            if method == "POST" and endpoint == "enquiry.contact":
                data = {"message": "", "email": "not an address"}  # refused: re-shown form
            response = client.open(url, method=method, data=data)
            try:
                status = response.status_code
                what = f"{who}: {method} {url} -> {status}"
                assert status < 500, what
                path = url.split("?", 1)[0]
                check_headers(
                    response,
                    what,
                    path=path,
                    method=method,
                    endpoint=endpoint,
                    production=production,
                )
                if "Location" in response.headers:
                    location = response.headers["Location"]
                    assert location.startswith("/") or location.startswith(
                        ("http://localhost/", "https://localhost/")
                    ), what
                result.statuses[(method, url)] = status
            finally:
                response.close()
    return result


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def walk_app(app_factory: Any, clock: FakeClock) -> Flask:
    """TOTP required, as in production; CSRF off (these requests check headers, not forms)."""
    app: Flask = app_factory(AUTH_CLOCK=clock, REQUIRE_TOTP=True)
    return app


@pytest.fixture
def seeded(walk_app: Flask, clock: FakeClock) -> Seeded:
    return seed(walk_app, clock)


def test_every_rule_can_be_built_with_real_values(walk_app: Flask, seeded: Seeded) -> None:
    """A new route with an argument this file cannot fill fails here first."""
    endpoints = set()
    for rule in walk_app.url_map.iter_rules():
        concrete_url(walk_app, rule, seeded)
        endpoints.add(rule.endpoint)
    assert {"staff.enquiry", "staff.outbox_retry", "auth.account_deactivate", "static"} <= endpoints


def test_every_route_anonymous(walk_app: Flask, seeded: Seeded) -> None:
    result = walk(walk_app, with_thanks(walk_app, walk_app.test_client()), seeded, "anonymous")
    assert result.statuses[("GET", "/contact/thanks")] == 200
    assert result.statuses[("GET", f"/staff/setup?token={seeded.setup_token}")] == 303
    assert result.statuses[("GET", "/staff/setup")] == 200  # the set-up page itself
    assert result.count(302, 303) > 10 and result.count(401) > 5 and result.count(405) > 10
    assert result.statuses[("GET", "/no-such-page")] == 404
    assert result.statuses[("HEAD", "/contact")] == 200  # a HEAD is a GET, not an empty post


def test_every_route_half_way_through_sign_in(walk_app: Flask, seeded: Seeded) -> None:
    result = walk(walk_app, half_signed_in(walk_app), seeded, "password given, code not yet")
    assert result.statuses[("GET", "/staff/login/code")] == 200


def test_every_route_signed_in_as_staff(walk_app: Flask, seeded: Seeded) -> None:
    client = with_thanks(walk_app, signed_in(walk_app, seeded, "nurse@clinic.example"))
    result = walk(walk_app, client, seeded, "staff")
    assert result.statuses[("GET", f"/staff/enquiries/{seeded.reference}")] == 200
    assert result.statuses[("GET", "/staff/?status=any&spam=include")] == 200
    assert result.statuses[("GET", "/staff/accounts")] == 403  # admin only
    assert result.count(200) > 10


def test_every_route_signed_in_as_admin(walk_app: Flask, seeded: Seeded) -> None:
    client = with_thanks(walk_app, signed_in(walk_app, seeded, "admin@clinic.example"))
    result = walk(walk_app, client, seeded, "admin")
    for url in ("/staff/accounts", "/staff/audit", "/staff/export?status=any", "/staff/reports"):
        assert result.statuses[("GET", url)] == 200, url
    assert result.statuses[("POST", "/staff/export")] == 200  # the CSV download itself


def test_error_answers_and_refused_forms(app_factory: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """The answers a walk of GETs and empty POSTs does not reach: a 500, a 413, an expired
    CSRF token and the rate limit on the form (both re-show the patient's text: no-store)."""
    from intake.auth import access

    app: Flask = app_factory(
        RATELIMIT_ENABLED=True, ENQUIRY_RATE_LIMIT="1 per minute", WTF_CSRF_ENABLED=True
    )
    monkeypatch.setattr(access, "PUBLIC_ENDPOINTS", access.PUBLIC_ENDPOINTS | {"headers_boom"})

    @app.get("/_headers/boom", endpoint="headers_boom")
    def boom() -> str:
        raise RuntimeError("an unexpected failure")

    client = app.test_client()
    form = valid_form(started=started_token(app), message="My private question")
    cases = [
        ("GET", "/_headers/boom", None, 500, "headers_boom"),
        ("POST", "/contact", {"message": "x" * 300_000}, 413, "enquiry.contact"),
        ("POST", "/contact", form, 400, "enquiry.contact"),  # no CSRF token: re-shown
        ("POST", "/contact", form, 303, "enquiry.contact"),  # (CSRF off from here on)
        ("POST", "/contact", form, 429, "enquiry.contact"),  # over the limit: re-shown
    ]
    for method, url, data, status, endpoint in cases:
        if status == 303:
            monkeypatch.setitem(app.config, "WTF_CSRF_ENABLED", False)
        response = client.open(url, method=method, data=data)
        try:
            what = f"{method} {url} -> {response.status_code}"
            assert response.status_code == status, what
            check_headers(response, what, path=url, method=method, endpoint=endpoint)
            if status in {400, 429}:
                assert "My private question" in response.get_data(as_text=True)
        finally:
            response.close()


def test_hsts_and_headers_on_every_route_in_production(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, clock: FakeClock
) -> None:
    """The production configuration (as tests/test_config.py builds it) over HTTPS."""
    from config import ProductionConfig
    from intake import create_app
    from tests.test_config import SAFE_ENV

    for key, value in SAFE_ENV.items():
        monkeypatch.setenv(key, value)
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'production.sqlite3'}")
    config = ProductionConfig()
    config.AUTH_CLOCK = clock  # type: ignore[attr-defined]
    config.WTF_CSRF_ENABLED = False  # type: ignore[attr-defined]  # header checks, not forms
    config.ARGON2_TIME_COST, config.ARGON2_MEMORY_COST, config.ARGON2_PARALLELISM = 1, 1024, 1
    app = create_app(config)
    with app.app_context():
        db.create_all()
    try:
        seeded = seed(app, clock)
        anonymous = app.test_client()
        anonymous.environ_base["wsgi.url_scheme"] = "https"
        result = walk(app, anonymous, seeded, "production, anonymous", production=True)
        assert result.statuses[("GET", "/")] == 200
        admin = app.test_client()
        admin.environ_base["wsgi.url_scheme"] = "https"
        seeded.clock.advance(seconds=30)
        code = code_at(seeded.secrets["admin@clinic.example"], seeded.clock.now)
        assert sign_in(admin, "admin@clinic.example", code=code).status_code == 303
        result = walk(app, admin, seeded, "production, admin", production=True)
        assert result.statuses[("GET", "/staff/audit")] == 200
    finally:
        with app.app_context():
            db.session.remove()
            db.engine.dispose()


def test_no_version_banner_from_the_production_server() -> None:
    """The app removes any Server header (checked on every answer above); gunicorn, which
    serves production, writes its own ``Server:`` line: it must carry no version number."""
    import gunicorn

    assert not re.search(r"\d", gunicorn.SERVER), gunicorn.SERVER


def state(app: Flask) -> dict[str, list[tuple[Any, ...]]]:
    """What a GET or HEAD must never change (views may add audit rows and touch sessions)."""
    from intake.auth.models import StaffUser
    from intake.models import Enquiry

    with app.app_context():
        users = db.session.execute(
            select(
                StaffUser.id,
                StaffUser.totp_secret,
                StaffUser.password_hash,
                StaffUser.active,
            ).order_by(StaffUser.id)
        )
        enquiries = db.session.execute(
            select(
                Enquiry.id, Enquiry.revision, Enquiry.status, Enquiry.assignee_id, Enquiry.is_spam
            ).order_by(Enquiry.id)
        )
        mail = db.session.execute(
            select(OutboxMessage.id, OutboxMessage.status).order_by(OutboxMessage.id)
        )
        return {
            "users": [tuple(r) for r in users],
            "enquiries": [tuple(r) for r in enquiries],
            "mail": [tuple(r) for r in mail],
        }


def test_no_get_or_head_changes_anything_as_admin(walk_app: Flask, seeded: Seeded) -> None:
    """HEAD is routed to GET views and carries no CSRF token: a view that acts on anything but
    POST (a reset, a deactivation, a retry) would be a one-request attack. Signing out is
    POST-only and left out."""
    from intake.auth.models import StaffUser

    with walk_app.app_context():  # the spare account has TOTP, so a reset would have effect
        spare = db.session.get(StaffUser, seeded.spare_user_id)
        assert spare is not None
        spare.totp_secret = "an-enrolled-secret"  # noqa: S105 - not a credential
        db.session.commit()
    client = with_thanks(walk_app, signed_in(walk_app, seeded, "admin@clinic.example"))
    before = state(walk_app)
    assert before["users"] and before["enquiries"] and before["mail"]
    for rule in sorted(walk_app.url_map.iter_rules(), key=lambda r: r.rule):
        if rule.endpoint == "auth.logout" or "GET" not in (rule.methods or set()):
            continue
        url = concrete_url(walk_app, rule, seeded)
        for method in ("GET", "HEAD"):
            client.open(url, method=method).close()
            assert state(walk_app) == before, f"{method} {url} changed stored state"
