"""Per-address limits on failed sign-ins: shared by two gunicorn workers through a real Redis,
per-process (never a 500, never unlimited) when Redis is down, and not spoofable with
X-Forwarded-For."""

from __future__ import annotations

import http.client
import logging
import os
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import pytest
from cryptography.fernet import Fernet

from tests.test_auth_support import PASSWORD, make_user, sign_in

ROOT = Path(__file__).resolve().parent.parent


def wrong(client: Any, **headers: str) -> int:
    """One failed sign-in for a fresh, unknown address (so no account lockout interferes)."""
    response = client.post(
        "/staff/login",
        data={"email": f"{uuid.uuid4().hex[:10]}@clinic.example", "password": "wrong password"},
        headers=headers,
    )
    return int(response.status_code)


def test_failed_sign_ins_are_limited_per_address(app_factory: Any) -> None:
    app = app_factory(RATELIMIT_ENABLED=True, LOGIN_RATE_LIMIT="3 per minute")
    make_user(app)
    client = app.test_client()
    # Successes do not count: a clinic full of staff signing in is not an attack.
    for _ in range(5):
        assert sign_in(app.test_client()).status_code == 303
    assert [wrong(client) for _ in range(5)] == [401, 401, 401, 429, 429]
    refused = client.post(
        "/staff/login", data={"email": "nurse@clinic.example", "password": PASSWORD}
    )
    assert refused.status_code == 429
    assert "Too many failed sign-in attempts from your network" in refused.get_data(as_text=True)
    assert refused.headers["Cache-Control"] == "no-store"


def test_x_forwarded_for_cannot_reset_the_limit_without_a_proxy(app_factory: Any) -> None:
    app = app_factory(
        RATELIMIT_ENABLED=True, LOGIN_RATE_LIMIT="3 per minute", TRUSTED_PROXY_COUNT=0
    )
    client = app.test_client()
    statuses = [wrong(client, **{"X-Forwarded-For": f"198.51.100.{i}"}) for i in range(6)]
    assert statuses == [401, 401, 401, 429, 429, 429]


def test_behind_one_proxy_only_the_proxy_added_address_counts(app_factory: Any) -> None:
    app = app_factory(
        RATELIMIT_ENABLED=True, LOGIN_RATE_LIMIT="3 per minute", TRUSTED_PROXY_COUNT=1
    )
    client = app.test_client()
    # The client forges the first value; nginx appends the real address last.
    spoofed = [wrong(client, **{"X-Forwarded-For": f"10.0.0.{i}, 203.0.113.9"}) for i in range(5)]
    assert spoofed == [401, 401, 401, 429, 429]
    # Someone else, at another real address, is not blocked by that.
    assert wrong(client, **{"X-Forwarded-For": "203.0.113.10"}) == 401


def test_redis_down_means_per_process_limits_and_a_log_line(app_factory: Any) -> None:
    records: list[logging.LogRecord] = []

    class Keep(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            records.append(record)

    app = app_factory(
        RATELIMIT_ENABLED=True,
        LOGIN_RATE_LIMIT="3 per minute",
        RATELIMIT_STORAGE_URI="redis://127.0.0.1:1/0",  # nothing listens there
    )
    keep = Keep()
    # Flask-Limiter 4 logs as "flask-limiter" (with a hyphen).
    limiter_log = logging.getLogger("flask-limiter")
    limiter_log.addHandler(keep)
    try:
        client = app.test_client()
        statuses = [wrong(client) for _ in range(6)]
    finally:
        limiter_log.removeHandler(keep)
    assert 500 not in statuses
    assert statuses == [401, 401, 401, 429, 429, 429]
    assert any("unreachable" in r.getMessage() for r in records)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def gunicorn_two_workers(app_factory: Any, redis_url: str, tmp_path: Path) -> Iterator[Any]:
    """gunicorn -w 2 on a file SQLite database, rate limits in the test Redis."""
    database_url = f"sqlite:///{tmp_path / 'shared.sqlite3'}"
    app_factory(database_url)  # creates the schema
    port = free_port()
    access_log = tmp_path / "access.log"
    env = {
        **os.environ,
        "INTAKE_ENV": "testing",
        "DATABASE_URL": database_url,
        "RATELIMIT_STORAGE_URI": redis_url,
        "RATELIMIT_ENABLED": "1",
        "LOGIN_RATE_LIMIT": "4 per 5 minutes",
        "SECRET_KEY": "k3J9-vQ2x_Lm8Rt4Zp7Wc1Ny6Hb5Gd0Fs3Ae2-shared",
        "DATA_ENCRYPTION_KEY": Fernet.generate_key().decode(),
        "LOG_LEVEL": "WARNING",
    }
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "-w",
            "2",
            "-b",
            f"127.0.0.1:{port}",
            "--no-control-socket",
            "--timeout",
            "30",
            "--access-logfile",
            str(access_log),
            "--access-logformat",
            "%(p)s %(m)s %(U)s %(s)s",
            "wsgi:app",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            try:
                conn.request("GET", "/livez")
                if conn.getresponse().status == 200:
                    break
            except OSError:
                pass
            finally:
                conn.close()
            if process.poll() is not None or time.monotonic() > deadline:
                _, err = process.communicate(timeout=5)
                pytest.fail(f"gunicorn did not start: {err.decode(errors='replace')[-2000:]}")
            time.sleep(0.1)
        yield port, access_log
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)
        if process.stderr is not None:
            process.stderr.close()


def post_failure(port: int) -> int:
    body = urlencode(
        {"email": f"{uuid.uuid4().hex[:10]}@clinic.example", "password": "wrong password"}
    )
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        conn.request(
            "POST",
            "/staff/login",
            body=body,
            headers={"Content-Type": "application/x-www-form-urlencoded", "Connection": "close"},
        )
        return conn.getresponse().status
    finally:
        conn.close()


def hold_one_worker(port: int) -> socket.socket:
    """Occupy whichever worker is free by sending half a request (it blocks reading the rest)."""
    sock = socket.create_connection(("127.0.0.1", port), timeout=10)
    sock.sendall(b"GET /livez HTTP/1.1\r\nHost: 127.0.0.1\r\n")
    time.sleep(0.3)  # let the free worker accept it
    return sock


def release(sock: socket.socket) -> None:
    sock.sendall(b"Connection: close\r\n\r\n")
    sock.recv(4096)
    sock.close()


def worker_pids(access_log: Path) -> dict[str, set[str]]:
    seen: dict[str, set[str]] = {}
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        seen = {}
        for line in access_log.read_text().splitlines():
            pid, method, path, _status = line.split()
            seen.setdefault(f"{method} {path}", set()).add(pid)
        if seen:
            break
        time.sleep(0.1)
    return seen


@pytest.mark.redis
def test_two_gunicorn_workers_share_one_limit_through_redis(gunicorn_two_workers: Any) -> None:
    port, access_log = gunicorn_two_workers
    statuses: list[int] = []
    # Steer the requests so the two workers take turns: one worker is always held by a half-sent
    # request, so each sign-in goes to the other; then the holds swap. With per-process limits
    # each worker would allow 4 failures of its own (8 in all); shared through Redis, 4 in all.
    held = hold_one_worker(port)
    for _ in range(8):
        statuses.append(post_failure(port))
        next_held = hold_one_worker(port)  # the worker that just answered
        release(held)
        held = next_held
    release(held)
    assert statuses == [401, 401, 401, 401, 429, 429, 429, 429], statuses
    pids = worker_pids(access_log)
    assert len(pids["POST /staff/login"]) == 2, pids  # both workers answered sign-ins


def test_the_code_step_shares_the_address_budget(app_factory: Any) -> None:
    app = app_factory(RATELIMIT_ENABLED=True, LOGIN_RATE_LIMIT="3 per minute")
    make_user(app, enrol_totp=True)
    client = app.test_client()
    assert wrong(client) == 401
    assert wrong(client) == 401
    assert sign_in(client).status_code == 200  # the password is right: on to the code
    assert client.post("/staff/login/code", data={"code": "000000"}).status_code == 401
    assert client.post("/staff/login/code", data={"code": "000000"}).status_code == 429
    assert wrong(client) == 429
