"""The suite runs in several processes (``make test``: pytest-xdist): what keeps them apart.

Each test makes its own PostgreSQL database (``pg_url``); Redis has no such thing per test, and
the ``redis_url`` fixture flushes its database, so each process must own one.
"""

from __future__ import annotations

import os

import pytest

from tests.conftest import TEST_REDIS_URL, worker_redis_url


@pytest.mark.parametrize(
    ("url", "worker", "expected"),
    [
        ("redis://127.0.0.1:6379/15", "", "redis://127.0.0.1:6379/15"),  # one process
        ("redis://127.0.0.1:6379/15", "gw0", "redis://127.0.0.1:6379/15"),
        ("redis://127.0.0.1:6379/15", "gw1", "redis://127.0.0.1:6379/14"),
        ("redis://127.0.0.1:6379/3", "gw5", "redis://127.0.0.1:6379/14"),  # wraps round 16
        ("redis://cache:6379", "gw2", "redis://cache:6379/14"),  # no database given: 0
        (
            "redis://:secret@cache:6379/15?socket_timeout=2",
            "gw1",
            "redis://:secret@cache:6379/14?socket_timeout=2",
        ),
    ],
)
def test_each_worker_flushes_its_own_redis_database(url: str, worker: str, expected: str) -> None:
    assert worker_redis_url(url, worker) == expected


def test_this_process_uses_its_workers_database() -> None:
    """Under xdist the suite's Redis URL is this worker's; alone, the one given."""
    given = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
    assert TEST_REDIS_URL == worker_redis_url(given, os.environ.get("PYTEST_XDIST_WORKER", ""))
