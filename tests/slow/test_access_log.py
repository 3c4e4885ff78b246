"""gunicorn as configured by gunicorn.conf.py: its access log has the method, the path without
the query string, the client's network (never the whole address) and the request id; no cookie,
no query string, not even in its own error messages."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.slow.conftest import Deployment
from tests.slow.support import Browser, Gunicorn, wait_until

pytestmark = [pytest.mark.slow, pytest.mark.postgres]


def test_the_access_log_keeps_no_query_string_and_no_whole_address(
    deploy: Callable[..., Deployment], tmp_path: Path
) -> None:
    deployment = deploy(
        GUNICORN_ACCESS_LOG="-",
        GUNICORN_LOG_LEVEL="info",
        TRUSTED_PROXY_COUNT=1,  # as behind nginx: the client is the last X-Forwarded-For
    )
    web: Gunicorn = deployment.web("logged", workers=1)
    browser = Browser("127.0.0.1")
    browser.cookies["__Host-intake"] = "secret-cookie-value"
    forwarded = {"X-Forwarded-For": "203.0.113.77", "X-Forwarded-Proto": "https"}
    page = browser.request(
        web.port, "GET", "/contact?concern=recurrence&from=secret-search", headers=forwarded
    )
    assert page.status == 200
    # A request gunicorn itself refuses (an over-long request line) is logged by gunicorn.
    refused = browser.request(web.port, "GET", "/contact?q=" + "x" * 5000, headers=forwarded)
    assert refused.status == 414

    def logged() -> bool:
        return '"GET /contact" 200' in web.output()

    assert wait_until(logged, timeout=10)
    web.stop()
    log = web.output()
    access = [line for line in log.splitlines() if '"GET /contact"' in line]
    assert access, log
    line = access[0]
    assert line.startswith('203.0.113.0/24 "GET /contact" 200 ')
    assert re.search(r" \d+ms rid=[0-9a-f]{32}$", line), line
    for secret in ("secret-search", "concern=", "203.0.113.77", "secret-cookie-value", "xxxx"):
        assert secret not in log, (secret, log[-3000:])
    assert "127.0.0.1" not in "\n".join(access)
    # gunicorn's own warning about the refused request: the network only.
    assert "Invalid request from ip=127.0.0.0/24: Request Line is too large" in log
