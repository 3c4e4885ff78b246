"""Safe defaults: headers on every route, error pages, CSRF, rate limits, readiness."""

from __future__ import annotations

import json
import logging
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from intake.extensions import db
from intake.models import Enquiry
from tests.conftest import started_token, valid_form


def public_urls(app: Flask) -> list[str]:
    """Every GET route without arguments, from the URL map (so new routes are covered)."""
    urls = []
    for rule in app.url_map.iter_rules():
        if "GET" in rule.methods and not rule.arguments and rule.endpoint != "static":
            urls.append(rule.rule)
    return sorted(urls)


def test_url_map_has_the_public_routes(app: Flask) -> None:
    urls = public_urls(app)
    for url in [
        "/",
        "/articles/metastatic-breast-cancer",
        "/contact",
        "/contact/thanks",
        "/privacy",
        "/livez",
        "/readyz",
    ]:
        assert url in urls


def test_security_headers_on_every_route(app: Flask, client: FlaskClient) -> None:
    for url in [*public_urls(app), "/no-such-page", "/static/css/site.css"]:
        response = client.get(url)
        headers = response.headers
        csp = headers["Content-Security-Policy"]
        for directive in [
            "default-src 'self'",
            "object-src 'none'",
            "base-uri 'none'",
            "frame-ancestors 'none'",
            "form-action 'self'",
        ]:
            assert directive in csp, url
        assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert headers["Referrer-Policy"] == "same-origin"
        assert "camera=()" in headers["Permissions-Policy"]
        assert "Strict-Transport-Security" not in headers  # HSTS only in production
        assert "Server" not in headers
        response.close()


def test_hsts_in_production(monkeypatch: pytest.MonkeyPatch, tmp_path: Any) -> None:
    from config import ProductionConfig
    from intake import create_app
    from tests.test_config import SAFE_ENV

    for key, value in SAFE_ENV.items():
        monkeypatch.setenv(key, value)
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'p.sqlite3'}")
    app = create_app(ProductionConfig)
    response = app.test_client().get("/livez")
    assert response.headers["Strict-Transport-Security"].startswith("max-age=31536000")


def test_no_inline_script_or_style_in_pages(app: Flask, client: FlaskClient) -> None:
    import re

    for url in public_urls(app):
        page = client.get(url).get_data(as_text=True)
        assert " style=" not in page, url
        assert "<style" not in page, url
        for match in re.finditer(r"<script([^>]*)>", page):
            assert 'type="application/ld+json"' in match.group(1), url


@pytest.mark.parametrize("code", [400, 403, 404, 405, 413, 429, 500, 503])
def test_error_pages_use_the_layout_without_details(
    app: Flask, code: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    from werkzeug.exceptions import abort

    from intake.auth import access

    # A public test route: everything else is behind the staff sign-in by default.
    monkeypatch.setattr(access, "PUBLIC_ENDPOINTS", access.PUBLIC_ENDPOINTS | {"boom"})

    @app.get(f"/_boom/{code}", endpoint="boom")
    def boom() -> str:
        if code == 500:
            raise RuntimeError("secret internal detail")
        abort(code)
        return ""

    response = app.test_client().get(f"/_boom/{code}")
    page = response.get_data(as_text=True)
    assert response.status_code == code
    assert app.config["CLINIC_PHONE"] in page
    assert "This form is not for emergencies" in page
    assert "Traceback" not in page and "secret internal detail" not in page


def test_request_too_large_is_413(app: Flask, client: FlaskClient) -> None:
    response = client.post(
        "/contact", data={"message": "x" * (app.config["MAX_CONTENT_LENGTH"] + 1)}
    )
    assert response.status_code == 413
    assert app.config["CLINIC_PHONE"] in response.get_data(as_text=True)


def test_method_not_allowed_is_405(client: FlaskClient) -> None:
    assert client.post("/privacy").status_code == 405


def test_expired_csrf_token_reshows_the_form_with_the_text(app_factory: Any) -> None:
    app = app_factory(WTF_CSRF_ENABLED=True, WTF_CSRF_TIME_LIMIT=1)
    client = app.test_client()
    page = client.get("/contact").get_data(as_text=True)
    assert 'name="csrf_token"' in page
    data = valid_form(
        started=started_token(app),
        message="A long message I took an hour to write",
        csrf_token="IjAxMjM0NTY3ODkwMTIzNDU2Nzg5MDEyMzQ1Njc4OSI.invalid.token",
    )
    response = client.post("/contact", data=data)
    body = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "A long message I took an hour to write" in body
    assert "Please send your message again" in body
    assert "We have NOT received your message" in body
    assert 'name="csrf_token"' in body  # a fresh token to send it with
    with app.app_context():
        assert db.session.scalars(select(Enquiry)).all() == []


def test_csrf_protected_form_round_trip(app_factory: Any) -> None:
    import re

    app = app_factory(WTF_CSRF_ENABLED=True)
    client = app.test_client()
    page = client.get("/contact").get_data(as_text=True)
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)
    data = valid_form(started=started_token(app), csrf_token=token)
    assert client.post("/contact", data=data).status_code == 303
    missing = valid_form(started=started_token(app))
    assert client.post("/contact", data=missing).status_code == 400


def test_rate_limit_reshows_the_form_with_429(app_factory: Any) -> None:
    app = app_factory(RATELIMIT_ENABLED=True, ENQUIRY_RATE_LIMIT="2 per minute")
    client = app.test_client()
    for _ in range(2):
        assert (
            client.post("/contact", data=valid_form(started=started_token(app))).status_code == 303
        )
    response = client.post(
        "/contact", data=valid_form(started=started_token(app), message="Third message kept")
    )
    body = response.get_data(as_text=True)
    assert response.status_code == 429
    assert "Third message kept" in body
    assert "We have NOT received your message" in body
    assert client.get("/contact").status_code == 200  # reading is never limited


@pytest.mark.redis
def test_rate_limit_shared_through_redis(app_factory: Any, redis_url: str) -> None:
    a = app_factory(
        RATELIMIT_ENABLED=True, ENQUIRY_RATE_LIMIT="2 per minute", RATELIMIT_STORAGE_URI=redis_url
    )
    b = app_factory(
        RATELIMIT_ENABLED=True, ENQUIRY_RATE_LIMIT="2 per minute", RATELIMIT_STORAGE_URI=redis_url
    )
    codes = [
        app.test_client().post("/contact", data=valid_form(started=started_token(app))).status_code
        for app in (a, b, a)
    ]
    assert codes == [303, 303, 429]


def test_rate_limit_falls_back_when_redis_is_unreachable(
    app_factory: Any, caplog: pytest.LogCaptureFixture
) -> None:
    app = app_factory(
        RATELIMIT_ENABLED=True,
        ENQUIRY_RATE_LIMIT="2 per minute",
        RATELIMIT_STORAGE_URI="redis://127.0.0.1:1/0",
    )
    client = app.test_client()
    limiter_log = logging.getLogger("flask-limiter")
    limiter_log.addHandler(caplog.handler)  # the app's loggers do not propagate to the root
    try:
        codes = [
            client.post("/contact", data=valid_form(started=started_token(app))).status_code
            for _ in range(3)
        ]
    finally:
        limiter_log.removeHandler(caplog.handler)
    assert codes == [303, 303, 429]  # per-process limits, never a 500
    messages = [r.getMessage() for r in caplog.records]
    assert any("falling back to in-memory" in m for m in messages), messages
    assert not any("127.0.0.1" in m for m in messages)  # no full client address


def test_readyz_ok_and_livez(client: FlaskClient) -> None:
    assert client.get("/livez").get_json() == {"status": "ok"}
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.get_json()["database"] == "ok"


def test_readyz_503_when_the_database_is_unreachable(app_factory: Any) -> None:
    app = app_factory("postgresql+psycopg://nobody@127.0.0.1:1/none", create_schema=False)
    response = app.test_client().get("/readyz")
    assert response.status_code == 503
    assert response.get_json()["database"] == "unreachable"


def test_database_down_on_submit_is_503_keeping_the_text(app_factory: Any) -> None:
    app = app_factory("postgresql+psycopg://nobody@127.0.0.1:1/none", create_schema=False)
    client = app.test_client()
    response = client.post(
        "/contact", data=valid_form(started=started_token(app), message="Please keep me")
    )
    body = response.get_data(as_text=True)
    assert response.status_code == 503
    assert "Please keep me" in body
    assert "We have NOT received your message" in body
    assert app.config["CLINIC_PHONE"] in body


def test_logs_hold_no_form_values(
    app: Flask, client: FlaskClient, form_data: Any, app_logs: pytest.LogCaptureFixture
) -> None:
    marker = "ZZMARKER"
    client.post(
        "/contact",
        data=form_data(
            message=f"{marker} message",
            name=f"{marker} name",
            email=f"{marker.lower()}@example.com",
        ),
    )
    client.post("/contact", data=form_data(message="", name=f"{marker} name"))
    client.get(f"/contact?concern={marker}")
    records = app_logs.records
    assert len(records) >= 3  # the access lines were captured: the search below means something
    text = "\n".join(r.getMessage() + json.dumps(r.__dict__, default=str) for r in records)
    assert marker not in text and marker.lower() not in text


def test_client_addresses_are_truncated() -> None:
    from intake.logs import client_label

    assert client_label("203.0.113.77") == "203.0.113.0/24"
    assert client_label("2001:db8:1234:5678::1") == "2001:db8:1234::/48"
    assert client_label(None) == "-"


def test_log_lines_cannot_be_forged() -> None:
    from intake.logs import JsonFormatter, SafeTextFormatter

    record = logging.LogRecord("intake", logging.INFO, __file__, 1, "a\r\nFAKE line", None, None)
    assert "\n" not in SafeTextFormatter("%(message)s").format(record)
    assert "\n" not in JsonFormatter().format(record)
