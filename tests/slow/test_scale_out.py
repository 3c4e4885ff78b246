"""Scale-out: two gunicorn instances and two outbox workers on one PostgreSQL and one Redis.

2,000 patients submit concurrently from 253 client addresses through both instances, each
retrying with the same idempotency key on a failure. One instance is killed (SIGKILL, its whole
process group) mid-run. Afterwards: exactly 2,000 enquiries, every confirmed submission stored
with the text the patient typed, and every notification delivered exactly once.

The per-address submission limit is shared through Redis: one busy address is limited across
both instances together.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable
from typing import Any

import pytest

from tests.slow.conftest import Deployment
from tests.slow.crowd import Crowd, Patient, check_refusal
from tests.slow.support import (
    Browser,
    addresses,
    hidden_inputs,
    patient_fields,
    rows,
    scalar,
    wait_until,
)

pytestmark = [pytest.mark.slow, pytest.mark.postgres, pytest.mark.redis]

SUBMISSIONS = 2000
THREADS = 16
KILL_AFTER = SUBMISSIONS // 2  # confirmed submissions before instance "b" is killed
CONFIRMATION_EVERY = 4  # every 4th patient asks for an email confirmation


def outbox_by_status(database_url: str) -> dict[str, int]:
    return {
        status: int(count)
        for status, count in rows(
            database_url, "SELECT status, count(*) FROM outbox_message GROUP BY status"
        )
    }


def test_two_instances_two_workers_lose_nothing_when_one_instance_is_killed(
    deploy: Callable[..., Deployment], redis_url: str
) -> None:
    deployment = deploy(
        RATELIMIT_STORAGE_URI=redis_url,
        # Limits stay on (shared through Redis), set above this crowd's 8 per address.
        ENQUIRY_RATE_LIMIT="600 per minute",
        ENQUIRY_MIN_FILL_SECONDS=0,  # the crowd fills the form faster than a person
    )
    a = deployment.web("a")
    b = deployment.web("b")
    workers = [deployment.outbox("1"), deployment.outbox("2")]
    url = deployment.database_url
    source = addresses()
    patients = [
        Patient(i, next(source), patient_fields(i, confirmation=i % CONFIRMATION_EVERY == 0))
        for i in range(SUBMISSIONS)
    ]

    started = time.monotonic()
    crowd = Crowd([a.port, b.port], patients, threads=THREADS, deadline_seconds=240).start()
    try:
        assert wait_until(
            lambda: crowd.confirmed >= KILL_AFTER or crowd.finished, timeout=150, interval=0.02
        )
        assert crowd.confirmed >= KILL_AFTER, (
            f"only {crowd.confirmed} confirmed before the kill was due\n{deployment.logs()}"
        )
        killed_at = time.monotonic()
        b.kill()
    finally:
        crowd.join()
    elapsed = time.monotonic() - started

    assert crowd.errors == []
    problems = {p.index: p.problems for p in patients if p.problems}
    assert problems == {}, (
        f"{len(problems)} patients had problems: {list(problems.items())[:5]}\n"
        + deployment.errors()
    )
    assert all(p.confirmed for p in patients)
    # Both instances confirmed submissions; some requests were in flight or refused at the kill.
    by_port = Counter(p.confirmed_port for p in patients)
    assert by_port[a.port] > 0 and by_port[b.port] > 0, by_port
    cut_off = [
        p for p in patients if any(t.status is None and t.at >= killed_at - 1 for t in p.attempts)
    ]
    assert cut_off, "no patient noticed the kill"
    assert all(t.status != 500 for p in patients for t in p.attempts)

    # Exactly one enquiry per patient: every 303 stored, with the text the patient typed.
    stored = dict(rows(url, "SELECT submission_key, message FROM enquiry"))
    assert len(stored) == SUBMISSIONS
    assert scalar(url, "SELECT count(*) FROM enquiry") == SUBMISSIONS
    assert {p.key: p.fields["message"] for p in patients} == stored

    # Every notification delivered exactly once, by the two workers between them.
    clinic, confirmations = (
        scalar(url, "SELECT count(*) FROM outbox_message WHERE kind = :kind", kind=kind)
        for kind in ("clinic_notification", "patient_confirmation")
    )
    assert clinic == SUBMISSIONS
    assert confirmations == SUBMISSIONS // CONFIRMATION_EVERY
    expected = clinic + confirmations
    assert wait_until(lambda: outbox_by_status(url) == {"sent": expected}, timeout=120), (
        f"outbox not drained: {outbox_by_status(url)}\n{deployment.logs()}"
    )
    assert (
        scalar(
            url,
            "SELECT count(*) FROM enquiry e WHERE NOT EXISTS (SELECT 1 FROM outbox_message m "
            "WHERE m.enquiry_id = e.id AND m.kind = 'clinic_notification' AND m.status = 'sent')",
        )
        == 0
    )
    received = deployment.smtp.wait_for(expected, timeout=30)
    ids = Counter(message.message_id for message in received)
    duplicates = {mid: n for mid, n in ids.items() if n > 1}
    assert duplicates == {}
    assert set(ids) == {mid for (mid,) in rows(url, "SELECT message_id FROM outbox_message")}
    assert scalar(url, "SELECT count(DISTINCT claimed_by) FROM outbox_message") == 2

    for worker in workers:
        assert worker.stop() == 0, worker.output()[-3000:]
    assert a.running
    logs = deployment.logs()
    assert "Traceback" not in logs and "unhandled error" not in logs, logs
    print(
        f"\nscale-out: {SUBMISSIONS} submissions in {elapsed:.1f} s "
        f"({SUBMISSIONS / elapsed:.0f}/s), instance b killed after {KILL_AFTER}; "
        f"{len(cut_off)} patients retried past the kill; {expected} mails, each once"
    )


def submit_once(browser: Browser, port: int, index: int) -> tuple[Patient, Any]:
    patient = Patient(index, browser.address, patient_fields(index))
    page = browser.get(port, "/contact")
    assert page.status == 200
    form = hidden_inputs(page.body)
    patient.key = form["submission_key"]
    return patient, browser.post(port, "/contact", {**form, **patient.fields})


def test_one_busy_address_is_limited_across_both_instances(
    deploy: Callable[..., Deployment], redis_url: str
) -> None:
    deployment = deploy(
        RATELIMIT_STORAGE_URI=redis_url,
        ENQUIRY_RATE_LIMIT="5 per minute; 30 per day",  # the default, stated
        ENQUIRY_MIN_FILL_SECONDS=0,
    )
    a = deployment.web("a")
    b = deployment.web("b")
    busy = "127.0.0.9"
    statuses: list[tuple[int, int]] = []
    for n in range(12):
        port = (a.port, b.port)[n % 2]
        patient, answer = submit_once(Browser(busy), port, n)  # a new visitor each time
        statuses.append((port, answer.status))
        if answer.status == 429:
            check_refusal(patient, answer)
            assert patient.problems == []
            assert "Too many messages from your connection" in answer.body
            assert int(answer.headers["retry-after"]) > 0
    # Shared through Redis: five in all. Per-instance counting would have let ten through.
    assert [status for _, status in statuses] == [303] * 5 + [429] * 7, statuses
    assert {port for port, status in statuses if status == 429} == {a.port, b.port}
    # The limit is per address: a neighbour is not held back, on either instance.
    for n, port in enumerate((a.port, b.port)):
        _, answer = submit_once(Browser("127.0.0.10"), port, 100 + n)
        assert answer.status == 303
    assert scalar(deployment.database_url, "SELECT count(*) FROM enquiry") == 7
    assert "Traceback" not in deployment.logs()
