"""Redis outage: the rate-limit storage is reached through a TCP proxy that the test cuts (every
connection reset, new ones refused; the server itself keeps running).

Before the cut the limits are shared through Redis. During it, submissions and staff sign-ins go
on with per-process limits (each gunicorn worker counts for itself: looser, never unlimited),
and nothing answers 500. After it, everything goes on and the limits return to Redis.
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Callable
from typing import Any

import pyotp
import pytest
import redis

from intake import create_app
from intake.extensions import db
from tests.conftest import make_config
from tests.slow.conftest import Deployment, through
from tests.slow.crowd import Crowd, Patient, check_refusal
from tests.slow.support import (
    DATA_ENCRYPTION_KEY,
    Browser,
    ReadyzProbe,
    TcpProxy,
    addresses,
    hidden_inputs,
    patient_fields,
    scalar,
    wait_until,
)
from tests.test_auth_support import PASSWORD, make_user

pytestmark = [pytest.mark.slow, pytest.mark.postgres, pytest.mark.redis]

CUT_SECONDS = 15
WORKERS = 2
LOGIN_LIMIT = 4
ENQUIRY_LIMIT = 5


def make_accounts(database_url: str, count: int) -> list[tuple[str, str]]:
    """Staff accounts with TOTP set up: (email, TOTP secret) each."""
    app = create_app(make_config(database_url, DATA_ENCRYPTION_KEY=DATA_ENCRYPTION_KEY))
    made = []
    try:
        for n in range(count):
            email = f"nurse{n}@clinic.example"
            _, secret = make_user(app, email, name=f"Nurse {n}", enrol_totp=True)
            assert secret is not None
            made.append((email, secret))
    finally:
        with app.app_context():
            db.session.remove()
            db.engine.dispose()
    return made


def sign_in(port: int, address: str, email: str, secret: str) -> list[int]:
    """Password, then TOTP code, then the staff page: each step's status."""
    browser = Browser(address)
    page = browser.get(port, "/staff/login")
    step = browser.post(
        port,
        "/staff/login",
        {**hidden_inputs(page.body), "email": email, "password": PASSWORD},
    )
    statuses = [page.status, step.status]
    if step.status != 200:
        return statuses
    code = pyotp.TOTP(secret).now()
    done = browser.post(port, "/staff/login/code", {**hidden_inputs(step.body), "code": code})
    statuses.append(done.status)
    if done.status == 303:
        statuses.append(browser.get(port, "/staff/").status)
    return statuses


def fail_until_limited(port: int, address: str, most: int) -> list[int]:
    """Wrong passwords (for unknown accounts, so no account lockout) until a 429."""
    browser = Browser(address)
    statuses: list[int] = []
    for n in range(most):
        page = browser.get(port, "/staff/login")
        answer = browser.post(
            port,
            "/staff/login",
            {
                **hidden_inputs(page.body),
                "email": f"nobody{n}-{address}@clinic.example",
                "password": "not the password",
            },
        )
        statuses.append(answer.status)
        if answer.status == 429:
            break
    return statuses


def submit_until_limited(port: int, address: str, most: int) -> list[int]:
    """Several visitors at one address submitting until one is refused (429)."""
    statuses: list[int] = []
    for n in range(most):
        browser = Browser(address)
        patient = Patient(n, address, patient_fields(n))
        form = hidden_inputs(browser.get(port, "/contact").body)
        patient.key = form["submission_key"]
        answer = browser.post(port, "/contact", {**form, **patient.fields})
        statuses.append(answer.status)
        if answer.status == 429:
            check_refusal(patient, answer)
            assert patient.problems == []
            break
    return statuses


def limiter_keys(redis_url: str, address: str) -> list[Any]:
    client = redis.Redis.from_url(redis_url, socket_connect_timeout=2, socket_timeout=2)
    try:
        return list(client.scan_iter(match=f"*{address}*", count=1000))
    finally:
        client.close()


def test_a_redis_cut_keeps_submissions_and_sign_ins_going_with_per_process_limits(
    deploy: Callable[..., Deployment],
    proxy_factory: Callable[[str], TcpProxy],
    redis_url: str,
) -> None:
    proxy = proxy_factory(redis_url)
    deployment = deploy(
        RATELIMIT_STORAGE_URI=through(redis_url, proxy),
        ENQUIRY_RATE_LIMIT=f"{ENQUIRY_LIMIT} per minute",
        LOGIN_RATE_LIMIT=f"{LOGIN_LIMIT} per 5 minutes",
        ENQUIRY_MIN_FILL_SECONDS=0,
    )
    staff = make_accounts(deployment.database_url, 3)
    web = deployment.web("web", workers=WORKERS)
    port = web.port
    probe = ReadyzProbe(port, interval=0.5).start()

    try:
        # Redis up: the limits are shared by the workers (four failures in all, then 429).
        assert sign_in(port, "127.0.1.1", *staff[0]) == [200, 200, 303, 200]
        assert fail_until_limited(port, "127.0.1.2", 10) == [401] * LOGIN_LIMIT + [429]
        assert submit_until_limited(port, "127.0.1.3", 10) == [303] * ENQUIRY_LIMIT + [429]
        assert limiter_keys(redis_url, "127.0.1.3")

        proxy.cut()
        cut_at = time.monotonic()
        source = addresses()
        # The crowd's 253 addresses repeat; keep each address under the per-address limit
        # (with room for a retry), so every refusal seen is a fault, not the limit doing its job
        # on a fast machine.
        crowd_size = 253 * (ENQUIRY_LIMIT - 1)
        patients = [Patient(i, next(source), patient_fields(i)) for i in range(crowd_size)]
        admitting = threading.Event()
        admitting.set()
        crowd = Crowd(
            [port],
            patients,
            threads=4,
            deadline_seconds=CUT_SECONDS + 30,
            still_going=admitting.is_set,
        ).start()
        try:
            during_sign_in = sign_in(port, "127.0.1.4", *staff[1])
            # Per process: each worker allows LOGIN_LIMIT of its own, so a 429 comes at the
            # latest after WORKERS x LOGIN_LIMIT failures.
            failures = fail_until_limited(port, "127.0.1.5", WORKERS * LOGIN_LIMIT + 1)
            busy = submit_until_limited(port, "127.0.1.6", WORKERS * ENQUIRY_LIMIT + 1)
            time.sleep(max(0.0, cut_at + CUT_SECONDS - time.monotonic()))
        finally:
            admitting.clear()
            crowd.join()
        proxy.restore()
        restored_at = time.monotonic()

        # Redis back: everything goes on, and the workers return to the shared limits.
        after_sign_in = sign_in(port, "127.0.1.7", *staff[2])
        after = [submit_until_limited(port, f"127.0.2.{n}", 1)[0] for n in range(1, 6)]
        tries: list[str] = []

        def back_in_redis() -> bool:
            tries.append(f"127.0.3.{len(tries) + 1}")
            return submit_until_limited(port, tries[-1], 1) == [303] and bool(
                limiter_keys(redis_url, tries[-1])
            )

        returned = wait_until(back_in_redis, timeout=60, interval=1.0)
        returned_after = time.monotonic() - restored_at
    finally:
        probes = probe.stop()

    assert during_sign_in == [200, 200, 303, 200]
    assert failures[-1] == 429 and set(failures[:-1]) == {401}, failures
    assert LOGIN_LIMIT <= len(failures) - 1 <= WORKERS * LOGIN_LIMIT, failures
    assert busy[-1] == 429 and set(busy[:-1]) == {303}, busy
    assert ENQUIRY_LIMIT <= len(busy) - 1 <= WORKERS * ENQUIRY_LIMIT, busy

    assert crowd.errors == []
    seen = [p for p in patients if p.attempts]
    assert len(seen) >= 20
    assert all(p.confirmed and not p.problems for p in seen), [
        p.problems for p in seen if p.problems
    ][:5]
    assert all(t.status == 303 for p in seen for t in p.attempts if t.step == "POST")
    assert after_sign_in == [200, 200, 303, 200]
    assert after == [303] * 5
    assert returned, f"the limits did not return to Redis within 60 s\n{deployment.logs()}"

    # Readiness is about the database: Redis down is not "not ready", and nothing was a 500.
    assert Counter(p.status for p in probes) == Counter({200: len(probes)})
    stored = scalar(deployment.database_url, "SELECT count(*) FROM enquiry")
    assert stored == ENQUIRY_LIMIT + len(busy) - 1 + len(seen) + 5 + len(tries)
    assert web.running
    logs = deployment.logs()
    assert "falling back to in-memory storage" in logs
    assert deployment.errors() == ""
    print(
        f"\nredis outage: {len(seen)} submissions during the {CUT_SECONDS} s cut, failed "
        f"sign-ins limited after {len(failures) - 1}, submissions after {len(busy) - 1} from one "
        f"address; shared limits again {returned_after:.1f} s after recovery"
    )
