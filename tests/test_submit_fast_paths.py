"""The submission's cheap paths keep every protection and behaviour (docs/performance.md).

* GET /contact serves the blank form from HTML rendered once per process, with each visitor's
  own CSRF token, signed start time and idempotency key put in: byte for byte the full render.
* A submission is three INSERTs (enquiry, tags, outbox) and a commit, no SELECT, and all or
  nothing; a repeat of its key returns the stored enquiry and queues no second mail.
* ``memory://`` rate limits start no thread per hit; public GETs skip the limiter and carry no
  session cookie; the session cookie still accepts a fallback key.
"""

from __future__ import annotations

import html
import re
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from flask import Flask, g
from flask.testing import FlaskClient
from itsdangerous import URLSafeTimedSerializer
from limits import parse
from limits.storage import storage_from_string
from limits.strategies import FixedWindowRateLimiter
from sqlalchemy import event, func, select, text
from sqlalchemy.engine import Engine

from intake.enquiry.views import fresh_form, render_form
from intake.extensions import SweepingMemoryStorage, db
from intake.models import Enquiry, EnquiryTag
from intake.notify.models import OutboxMessage
from tests.conftest import started_token, valid_form

HIDDEN = re.compile(r'<input id="(csrf_token|started|submission_key)"[^>]*value="([^"]*)"')


def hidden_values(page: str) -> dict[str, str]:
    return {name: html.unescape(value) for name, value in HIDDEN.findall(page)}


def counts(app: Flask) -> tuple[int, int, int]:
    with app.app_context():
        return (
            db.session.scalar(select(func.count(Enquiry.id))) or 0,
            db.session.scalar(select(func.count(EnquiryTag.id))) or 0,
            db.session.scalar(select(func.count(OutboxMessage.id))) or 0,
        )


@pytest.fixture
def csrf_app(app_factory: Any) -> Flask:
    app: Flask = app_factory(WTF_CSRF_ENABLED=True)
    return app


# --- the blank form -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "query",
    ["", "?concern=recurrence&from=recurrence", "?concern=clinical_trials", "?concern=evil&from=x"],
)
def test_cached_blank_form_is_the_full_render(csrf_app: Flask, query: str) -> None:
    client = csrf_app.test_client()
    client.get("/contact" + query)  # renders and caches
    cached = client.get("/contact" + query)
    page = cached.get_data(as_text=True)
    values = hidden_values(page)
    assert set(values) == {"csrf_token", "started", "submission_key"}
    with csrf_app.test_request_context("/contact" + query):
        g.csrf_token = values["csrf_token"]  # Flask-WTF's per-request token
        form = fresh_form()
        form.started.data = values["started"]
        form.submission_key.data = values["submission_key"]
        full, status = render_form(form)
    assert status == cached.status_code == 200
    assert page == full
    assert cached.headers["Cache-Control"] == "no-store"


def test_each_visitor_gets_their_own_values_and_they_work(csrf_app: Flask) -> None:
    first, second = csrf_app.test_client(), csrf_app.test_client()
    mine = hidden_values(first.get("/contact").get_data(as_text=True))
    theirs = hidden_values(second.get("/contact").get_data(as_text=True))  # from the cache
    for name in ("csrf_token", "started", "submission_key"):
        assert mine[name] != theirs[name]
    # Another visitor's token is refused with this visitor's session cookie.
    crossed = first.post(
        "/contact", data=valid_form(**{**mine, "csrf_token": theirs["csrf_token"]})
    )
    assert crossed.status_code == 400
    for client, values in ((first, mine), (second, theirs)):
        response = client.post("/contact", data=valid_form(**values))
        assert response.status_code == 303
    assert counts(csrf_app)[0] == 2
    with csrf_app.app_context():
        reasons = db.session.scalars(select(Enquiry.spam_reason)).all()
    assert "no_start_time" not in reasons  # each start time is genuinely signed


def test_reshown_form_keeps_the_text_and_the_next_blank_form_does_not(
    csrf_app: Flask,
) -> None:
    client = csrf_app.test_client()
    values = hidden_values(client.get("/contact").get_data(as_text=True))
    data = valid_form(**values, message="My own words, kept", email="", phone="")
    refused = client.post("/contact", data=data)
    body = refused.get_data(as_text=True)
    assert refused.status_code == 422
    assert "My own words, kept" in body
    assert "Give us an email address or a phone number" in body
    assert f'value="{values["submission_key"]}"' in body  # the same key: one enquiry, not two
    blank = client.get("/contact").get_data(as_text=True)
    assert "My own words, kept" not in blank
    assert "Give us an email address or a phone number" not in blank


# --- storing --------------------------------------------------------------------------------


@pytest.fixture
def statements(app: Flask) -> Iterator[list[str]]:
    """Every SQL statement the app's engine runs while the test posts."""
    seen: list[str] = []

    def record(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        seen.append(" ".join(statement.split()[:3]))

    with app.app_context():
        engine: Engine = db.engine
    event.listen(engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", record)


def test_a_submission_is_three_inserts_and_no_select(
    app: Flask, client: FlaskClient, form_data: Any, statements: list[str]
) -> None:
    response = client.post("/contact", data=form_data(concerns=["recurrence", "symptoms"]))
    assert response.status_code == 303
    assert statements == [
        "INSERT INTO enquiry",
        "INSERT INTO enquiry_tag",
        "INSERT INTO outbox_message",
    ]
    with app.app_context():
        enquiry = db.session.scalars(select(Enquiry)).one()
        tags = db.session.scalars(select(EnquiryTag).order_by(EnquiryTag.id)).all()
        [message] = db.session.scalars(select(OutboxMessage)).all()
        assert [(t.tag, t.source) for t in tags[:2]] == [
            ("recurrence", "patient"),
            ("symptoms", "patient"),
        ]
        assert {t.enquiry_id for t in tags} == {enquiry.id}
        assert message.enquiry_id == enquiry.id
        assert message.created_at == enquiry.created_at == message.not_before
        assert enquiry.reference in message.subject
        assert enquiry.status == "new" and enquiry.revision == 0
    assert enquiry.reference in client.get("/contact/thanks").get_data(as_text=True)


def test_a_repeat_returns_the_stored_enquiry_and_queues_no_second_mail(
    app: Flask, client: FlaskClient, form_data: Any
) -> None:
    data = form_data(concerns=["recurrence"])
    assert client.post("/contact", data=data).status_code == 303
    once = counts(app)
    assert client.post("/contact", data=data).status_code == 303
    assert counts(app) == once
    assert once[0] == 1 and once[2] == 1


def test_a_failed_mail_insert_stores_nothing(
    app: Flask, client: FlaskClient, form_data: Any
) -> None:
    """A real fault in the database (a trigger refusing the outbox row), not a mock."""
    with app.app_context():
        db.session.execute(
            text(
                "CREATE TRIGGER refuse_outbox BEFORE INSERT ON outbox_message "
                "BEGIN SELECT RAISE(ABORT, 'outbox refused'); END"
            )
        )
        db.session.commit()
    response = client.post(
        "/contact", data=form_data(concerns=["symptoms"], message="Kept when it fails")
    )
    assert response.status_code == 500
    assert "Kept when it fails" in response.get_data(as_text=True)
    assert counts(app) == (0, 0, 0)


@pytest.mark.postgres
def test_submission_and_repeat_on_postgresql(app_factory: Any, pg_url: str) -> None:
    app = app_factory(pg_url)
    client = app.test_client()
    data = valid_form(started=started_token(app), concerns=["clinical_trials"])
    assert client.post("/contact", data=data).status_code == 303
    assert client.post("/contact", data=data).status_code == 303
    enquiries, tags, messages = counts(app)
    assert (enquiries, messages) == (1, 1)
    assert tags >= 1
    with app.app_context():
        reference = db.session.scalars(select(Enquiry.reference)).one()
    assert reference in client.get("/contact/thanks").get_data(as_text=True)


def test_changed_mail_settings_are_read_afresh(
    app: Flask, client: FlaskClient, form_data: Any
) -> None:
    assert client.post("/contact", data=form_data()).status_code == 303
    app.config["CLINIC_NOTIFY_TO"] = "new-inbox@clinic.example"
    assert client.post("/contact", data=form_data()).status_code == 303
    with app.app_context():
        recipients = db.session.scalars(
            select(OutboxMessage.recipient).order_by(OutboxMessage.id)
        ).all()
    assert recipients[-1] == "new-inbox@clinic.example"
    assert recipients[0] != recipients[-1]


# --- rate limits, sessions ------------------------------------------------------------------


def test_memory_rate_limits_are_exact_without_a_thread_per_hit() -> None:
    storage = storage_from_string("memory://")
    assert isinstance(storage, SweepingMemoryStorage)
    limiter = FixedWindowRateLimiter(storage)
    limit = parse("3 per second")
    time.sleep(0.05)  # the base class's one start-up timer has run
    threads = threading.active_count()
    assert [limiter.hit(limit, "client") for _ in range(4)] == [True, True, True, False]
    assert [limiter.hit(limit, f"other-{n}") for n in range(50)] == [True] * 50
    assert threading.active_count() <= threads
    time.sleep(1.05)
    assert limiter.hit(limit, "client")  # the window moved on
    storage.next_sweep = 0.0
    time.sleep(1.05)
    limiter.hit(limit, "last")  # sweeps every expired count
    assert set(storage.storage) == {key for key in storage.storage if "last" in key}


def test_public_gets_skip_the_limiter_and_set_no_cookie(app_factory: Any) -> None:
    app = app_factory(RATELIMIT_ENABLED=True, ENQUIRY_RATE_LIMIT="1 per minute")
    hooks = app.before_request_funcs[None]
    assert not [h for h in hooks if getattr(h, "__name__", "") == "_check_request_limit"]
    client = app.test_client()
    for path in ("/", "/articles/metastatic-breast-cancer", "/privacy", "/livez"):
        response = client.get(path)
        assert response.status_code == 200
        assert "Set-Cookie" not in response.headers
        assert "X-RateLimit-Limit" not in response.headers
    form = valid_form(started=started_token(app))
    assert client.post("/contact", data=form).status_code == 303
    assert client.post("/contact", data=valid_form(started=started_token(app))).status_code == 429


def test_session_cookie_signed_with_a_fallback_key_is_accepted(app_factory: Any) -> None:
    old_key = "old-Key_7vQ2xLm8Rt4Zp7Wc1Ny6Hb5Gd0Fs3Ae2"
    app = app_factory(
        SECRET_KEY="new-Key_9fQ2xLm8Rt4Zp7Wc1Ny6Hb5Gd0Fs3Ae2", SECRET_KEY_FALLBACKS=[old_key]
    )
    client = app.test_client()
    assert client.post("/contact", data=valid_form(started=started_token(app))).status_code == 303
    with app.app_context():
        reference = db.session.scalars(select(Enquiry.reference)).one()
    interface: Any = app.session_interface
    old = URLSafeTimedSerializer(
        old_key,
        salt=interface.salt,
        serializer=interface.serializer,
        signer_kwargs={"key_derivation": "hmac", "digest_method": interface.digest_method},
    )
    cookie = old.dumps({"thanks_refs": [reference]})
    other = app.test_client()
    other.set_cookie(app.config["SESSION_COOKIE_NAME"], cookie)
    assert reference in other.get("/contact/thanks").get_data(as_text=True)


def test_the_app_factory_configures_the_mappers_in_a_fresh_process(tmp_path: Path) -> None:
    """The contact form's store attaches its Enquiry without a query (``attached_enquiry``),
    which needs configured mappers: ``create_app`` configures them, so the first request of a
    fresh process (a worker's first POST of the form) does not depend on some import having
    done it (it was a 500 AttributeError once nothing did)."""
    import subprocess
    import sys

    script = (
        "from sqlalchemy import inspect\n"
        "from intake import create_app\n"
        "from intake.models import Enquiry\n"
        "from tests.conftest import make_config\n"
        f"create_app(make_config('sqlite:///{tmp_path / 'fresh.sqlite3'}'))\n"
        "assert inspect(Enquiry).configured, 'mappers not configured'\n"
    )
    root = Path(__file__).resolve().parent.parent
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=root, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr[-2000:]
