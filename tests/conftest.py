"""Fixtures: the app on SQLite by default, and real PostgreSQL and Redis when asked for.

With INTAKE_REQUIRE_SERVICES=1 (CI), a test that needs PostgreSQL or Redis fails instead of
skipping when the service is unreachable.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import pytest
import sqlalchemy as sa
from flask import Flask
from flask.testing import FlaskClient
from hypothesis import HealthCheck, settings

from config import TestingConfig, normalise_database_url
from intake import create_app
from intake.extensions import db
from tests.triage_support import load_module

DATA = Path(__file__).parent / "data"
REQUIRE_SERVICES = os.environ.get("INTAKE_REQUIRE_SERVICES", "").lower() in {"1", "true", "yes"}

TEST_DATABASE_URL = normalise_database_url(
    os.environ.get("TEST_DATABASE_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
)


def worker_redis_url(url: str, worker: str = os.environ.get("PYTEST_XDIST_WORKER", "")) -> str:
    """The Redis database this test process may flush: the given one, or under pytest-xdist
    (``make test`` runs the suite in parallel) one per worker counting down from it (gw0 the
    given database, gw1 the one below, ...), so one worker's ``flushdb`` never wipes another's
    rate-limit counters mid-test."""
    if not worker.startswith("gw"):
        return url
    parts = urlsplit(url)
    base = int(parts.path.strip("/") or 0)
    database = (base - int(worker[2:])) % 16  # Redis has 16 databases unless configured otherwise
    return urlunsplit(parts._replace(path=f"/{database}"))


TEST_REDIS_URL = worker_redis_url(os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15"))

# Hypothesis profiles (tests/test_fuzz_*.py). "ci" is chosen when CI=true (as .ci/run runs) or
# HYPOTHESIS_PROFILE=ci: a fixed seed per test (derandomize) and no example database, so every
# CI run tries the same inputs and a failure reproduces; its example counts add up to more than
# 10,000 generated inputs (see fuzz_examples). "dev" is the quick default for `make test` on a
# laptop. No deadline: the machine is shared, and a slow example is not a failure.
settings.register_profile(
    "ci",
    max_examples=1000,
    deadline=None,
    derandomize=True,
    database=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile(
    "dev",
    max_examples=60,
    deadline=None,
    database=None,  # no .hypothesis/ folder in the working tree
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
HYPOTHESIS_PROFILE = os.environ.get("HYPOTHESIS_PROFILE") or (
    "ci" if os.environ.get("CI", "").lower() in {"1", "true", "yes"} else "dev"
)
settings.load_profile(HYPOTHESIS_PROFILE)

#: The day the triage tests read as today. Messages name months ("I finished chemo in March, it's
#: October now") and the engine dates them against today (``engine.clock``), so the labels of
#: the sets written in November 2026 hold for that day only: on the real date a handful of rows
#: would change urgency as the months pass, and the suite would fail in some months of the year.
TRIAGE_TODAY = date(2026, 11, 27)


def triage_today() -> date:
    """``TRIAGE_TODAY`` as the triage engine's clock (also for a second copy of the engine)."""
    return TRIAGE_TODAY


@pytest.fixture(autouse=True, scope="session")
def _triage_clock() -> Iterator[None]:
    """Every test reads the triage engine's months against ``TRIAGE_TODAY``."""
    from intake.triage import engine

    saved: Callable[[], date] = engine.clock
    engine.clock = triage_today
    yield
    engine.clock = saved


#: tools/harvest_rule_examples.py says which test files are the rules' tests.
IS_RULE_TEST: Callable[[str], bool] = load_module(
    Path(__file__).resolve().parent.parent / "tools" / "harvest_rule_examples.py"
).is_rule_test


@pytest.fixture(autouse=True)
def _rules_alone_in_rule_tests(
    request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The vocabulary's tests (tests/test_triage_context*.py, ...) hold the rules' own answers,
    so they run with the emergency backstop off; what the backstop does to the same messages
    (tests/data/rule_examples.jsonl) is tested as a whole in tests/test_triage_backstop.py."""
    if IS_RULE_TEST(request.node.path.name):
        from intake.triage import backstop

        monkeypatch.setattr(backstop, "assess", lambda *args, **kwargs: None)


@pytest.fixture
def triage_nov28(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The triage engine's clock on 2026-11-28, the day the late sets were written: for tests of
    a date told by day and month, read against that day rather than ``TRIAGE_TODAY``."""
    from intake.triage import engine

    monkeypatch.setattr(engine, "clock", lambda: date(2026, 11, 28))
    yield


def fuzz_examples(share: float) -> int:
    """``share`` times the profile's max_examples: the fuzz tests split the profile's budget."""
    return max(1, round(settings().max_examples * share))


def service_missing(what: str, why: Exception | str) -> None:
    """Skip, or fail where the services are required (CI)."""
    message = f"{what} unreachable: {why}"
    if REQUIRE_SERVICES:
        pytest.fail(f"{message} (INTAKE_REQUIRE_SERVICES is set, so this is a failure)")
    pytest.skip(message)


def make_config(database_url: str, **overrides: Any) -> TestingConfig:
    config = TestingConfig()
    config.SQLALCHEMY_DATABASE_URI = database_url
    from config import engine_options

    config.SQLALCHEMY_ENGINE_OPTIONS = engine_options(database_url)
    for key, value in overrides.items():
        setattr(config, key, value)
    return config


@pytest.fixture
def app_factory(tmp_path: Path) -> Iterator[Any]:
    """Build apps on a fresh SQLite file (or a given URL) with the schema created."""
    made: list[Flask] = []

    def build(
        database_url: str | None = None, create_schema: bool = True, **overrides: Any
    ) -> Flask:
        url = database_url or f"sqlite:///{tmp_path / f'intake-{len(made)}.sqlite3'}"
        app = create_app(make_config(url, **overrides))
        if create_schema:
            with app.app_context():
                db.create_all()
        made.append(app)
        return app

    yield build
    for app in made:
        with app.app_context():
            db.session.remove()
            db.engine.dispose()


@pytest.fixture
def app(app_factory: Any) -> Flask:
    return app_factory()


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


@pytest.fixture(scope="session")
def pg_server_url() -> str:
    """The PostgreSQL server the tests may create databases on."""
    engine = sa.create_engine(TEST_DATABASE_URL, connect_args={"connect_timeout": 3})
    try:
        with engine.connect() as conn:
            conn.execute(sa.text("SELECT 1"))
    except Exception as exc:  # noqa: BLE001 - any failure means "not reachable"
        service_missing("PostgreSQL", exc)
    finally:
        engine.dispose()
    return TEST_DATABASE_URL


@pytest.fixture
def pg_url(pg_server_url: str) -> Iterator[str]:
    """A new, empty PostgreSQL database for one test, dropped afterwards."""
    name = f"intake_test_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(pg_server_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    url = sa.engine.make_url(pg_server_url).set(database=name).render_as_string(hide_password=False)
    try:
        yield url
    finally:
        with admin.connect() as conn:
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture
def redis_url() -> str:
    import redis

    client = redis.Redis.from_url(TEST_REDIS_URL, socket_connect_timeout=1)
    try:
        client.ping()
    except Exception as exc:  # noqa: BLE001
        service_missing("Redis", exc)
    client.flushdb()
    return TEST_REDIS_URL


def valid_form(**overrides: Any) -> dict[str, Any]:
    """A complete, valid question, as a browser would post it (CSRF off in testing)."""
    data: dict[str, Any] = {
        "kind": "question",
        "message": "What are the chances that my cancer comes back?",
        "name": "Test Patient",
        "relationship": "patient",
        "email": "patient@example.com",
        "phone": "",
        "preferred_contact": "email",
        "consent": "y",
        "submission_key": uuid.uuid4().hex,
        "started": "",
        "website": "",
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def started_token(app: Flask, seconds_ago: float = 60) -> str:
    """A form start time signed long enough ago to pass the minimum fill time."""
    import time

    from itsdangerous import URLSafeSerializer

    return URLSafeSerializer(app.config["SECRET_KEY"], salt="enquiry-start").dumps(
        time.time() - seconds_ago
    )


@pytest.fixture
def form_data(app: Flask) -> Any:
    """Build a valid form post for `app`, with overrides; the start time is already signed."""

    def build(**overrides: Any) -> dict[str, Any]:
        overrides.setdefault("started", started_token(app))
        return valid_form(**overrides)

    return build


@pytest.fixture
def app_logs(caplog: pytest.LogCaptureFixture) -> Iterator[pytest.LogCaptureFixture]:
    """Capture the app's own loggers too (they do not propagate to the root logger)."""
    import logging

    loggers = [logging.getLogger(name) for name in ("intake", "flask-limiter")]
    for logger in loggers:
        logger.addHandler(caplog.handler)
    caplog.set_level(logging.DEBUG, logger="intake")
    try:
        yield caplog
    finally:
        for logger in loggers:
            logger.removeHandler(caplog.handler)
