"""Database outage: the app reaches PostgreSQL through a TCP proxy that the test cuts for 20 s
under load (every connection reset, new ones refused; the server itself keeps running).

No thanks page without a stored enquiry; a refused patient gets the 503 page that keeps their
text, their idempotency key and gives the clinic's phone, and their retry after the outage is
stored once; the form itself is still served during the outage; ``/readyz`` answers 503 within
5 s of the cut and 200 within 5 s of recovery, with no restart of any process; the mail worker
rides it out and every notification is sent once.
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Callable

import pytest

from tests.slow.conftest import Deployment, through
from tests.slow.crowd import Crowd, Patient
from tests.slow.support import (
    Browser,
    ReadyzProbe,
    TcpProxy,
    addresses,
    hidden_inputs,
    patient_fields,
    rows,
    scalar,
    wait_until,
)

pytestmark = [pytest.mark.slow, pytest.mark.postgres]

CUT_SECONDS = 20
BEFORE_SECONDS = 5
AFTER_SECONDS = 8
THREADS = 6
READY_WITHIN = 5.0


def test_a_20_second_database_cut_loses_nothing_and_recovers_without_a_restart(
    deploy: Callable[..., Deployment],
    proxy_factory: Callable[[str], TcpProxy],
    pg_url: str,
) -> None:
    proxy = proxy_factory(pg_url)
    deployment = deploy(
        via=through(pg_url, proxy),
        ENQUIRY_RATE_LIMIT="600 per minute",
        ENQUIRY_MIN_FILL_SECONDS=0,
        # A claim whose commit was cut off is handed back after the lease, not 5 minutes later.
        MAIL_TIMEOUT=2,
        OUTBOX_LEASE_SECONDS=20,
    )
    web = deployment.web("web")
    worker = deployment.outbox("1")
    url = deployment.database_url
    pids = web.worker_pids()

    source = addresses()
    patients = [Patient(i, next(source), patient_fields(i)) for i in range(20000)]
    admitting = threading.Event()
    admitting.set()
    probe = ReadyzProbe(web.port).start()
    crowd = Crowd(
        [web.port],
        patients,
        threads=THREADS,
        deadline_seconds=BEFORE_SECONDS + CUT_SECONDS + AFTER_SECONDS + 60,
        max_attempts=500,
        retry_pause=0.5,
        follow_thanks=True,
        still_going=admitting.is_set,
    ).start()
    try:
        time.sleep(BEFORE_SECONDS)
        cut_at = time.monotonic()
        proxy.cut()
        time.sleep(CUT_SECONDS / 2)
        # The article and the form need no database: a patient can still read and write.
        visitor = Browser("127.0.0.1")
        pages = {path: visitor.get(web.port, path) for path in ("/", "/contact")}
        time.sleep(max(0.0, cut_at + CUT_SECONDS - time.monotonic()))
        restored_at = time.monotonic()
        proxy.restore()
        time.sleep(AFTER_SECONDS)
    finally:
        admitting.clear()  # no new patients; those under way finish their retries
        crowd.join()
        probes = probe.stop()

    assert crowd.errors == []
    seen = [p for p in patients if p.attempts]
    problems = {p.index: p.problems for p in seen if p.problems}
    assert problems == {}, (
        f"{len(problems)} patients had problems: {list(problems.items())[:5]}\n"
        + deployment.errors()
    )
    assert all(p.confirmed for p in seen)
    attempts = [(p, t) for p in seen for t in p.attempts]
    assert all(t.status is not None for _, t in attempts), "a request got no answer"
    assert all(t.status != 500 for _, t in attempts)
    # Requests sent well inside the cut (a request sent just before the restore may be
    # answered after it).
    during = [t for _, t in attempts if cut_at + 0.5 <= t.at <= restored_at - 1.0]
    refused = [t for t in during if t.step == "POST" and t.status == 503]
    assert len(refused) >= 10, Counter((t.step, t.status) for t in during)
    assert not [t for t in during if t.step == "POST" and t.status == 303]
    assert {path: page.status for path, page in pages.items()} == {"/": 200, "/contact": 200}
    assert "submission_key" in hidden_inputs(pages["/contact"].body)
    # Patients refused during the cut sent again later: each stored once.
    assert {p.index for p in seen if any(t.status == 503 for t in p.attempts)}

    # No thanks page without a stored enquiry, and each confirmation is exactly one enquiry.
    stored = {
        key: (reference, message)
        for key, reference, message in rows(
            url, "SELECT submission_key, reference, message FROM enquiry"
        )
    }
    assert len(stored) == len(seen) == scalar(url, "SELECT count(*) FROM enquiry")
    for p in seen:
        assert stored[p.key][1] == p.fields["message"]
        if p.reference is not None:
            assert stored[p.key][0] == p.reference
    assert sum(p.reference is not None for p in seen) >= len(seen) - THREADS

    # /readyz: 503 within 5 s of the cut, never 200 during it, 200 within 5 s of recovery.
    assert all(p.status in (200, 503) for p in probes), Counter(p.status for p in probes)
    down = next(p for p in probes if p.sent >= cut_at and p.status == 503)
    assert down.answered - cut_at <= READY_WITHIN
    assert not [
        p for p in probes if down.sent <= p.sent and p.answered < restored_at and p.status == 200
    ]
    up = next(p for p in probes if p.sent >= restored_at and p.status == 200)
    assert up.answered - restored_at <= READY_WITHIN
    assert probes[-1].status == 200

    # No restart: the same gunicorn master and workers throughout.
    assert web.running and web.worker_pids() == pids

    # The mail worker rode it out: every enquiry notified, each message sent once.
    expected = len(seen)
    assert wait_until(
        lambda: (
            scalar(url, "SELECT count(*) FROM outbox_message WHERE status = 'sent'") == expected
        ),
        timeout=60,
    ), deployment.logs()
    received = deployment.smtp.wait_for(expected, timeout=20)
    ids = Counter(m.message_id for m in received)
    assert len(ids) == expected and max(ids.values()) == 1
    assert worker.running and worker.stop() == 0
    print(
        f"\ndatabase outage: {len(seen)} patients, {len(refused)} refusals (503) during the "
        f"{CUT_SECONDS} s cut, /readyz 503 after {down.answered - cut_at:.2f} s and 200 "
        f"{up.answered - restored_at:.2f} s after recovery"
    )
