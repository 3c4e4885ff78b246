"""The public page cache (intake/public/page_cache.py) answers exactly as Flask would.

The article and the privacy notice are answered before Flask for a GET without a query string
once Flask has answered them once. These tests hold the kept answer to the full one (status,
every header but the request id, the body), also to Flask's own answer to a patient's and a
signed-in staff member's request (with their cookies), show what still goes to Flask, and show a
changed content file served on the next request.
"""

from __future__ import annotations

import logging
import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from flask import Flask, request, request_started
from werkzeug.test import TestResponse

from intake import ROOT
from intake.public.page_cache import PublicPageCache
from intake.public.views import CACHED_PATHS
from intake.security import CSP
from tests.test_staff_periphery_support import signed_in


@contextmanager
def paths_reaching_flask(app: Flask) -> Iterator[list[str]]:
    """The paths of the requests that reached Flask (the cache answers the rest)."""
    seen: list[str] = []

    def started(sender: Flask, **extra: Any) -> None:
        seen.append(request.path)

    request_started.connect(started, app, weak=False)
    try:
        yield seen
    finally:
        request_started.disconnect(started, app)


@pytest.fixture
def through_flask(app: Flask) -> Iterator[list[str]]:
    with paths_reaching_flask(app) as seen:
        yield seen


def cache_of(app: Flask) -> PublicPageCache:
    found = app.wsgi_app
    while not isinstance(found, PublicPageCache):
        found = found.app  # type: ignore[attr-defined] - ProxyFix keeps the app it wraps
    return found


def comparable(response: TestResponse) -> tuple[str, list[tuple[str, str]], bytes]:
    headers = sorted((n, v) for n, v in response.headers.items() if n != "X-Request-ID")
    return response.status, headers, response.get_data()


@pytest.mark.parametrize("path", CACHED_PATHS)
def test_the_kept_answer_is_the_full_answer(
    app: Flask, through_flask: list[str], path: str
) -> None:
    client = app.test_client()
    full = client.get(path)
    kept = client.get(path)
    assert through_flask == [path]  # the second never reached Flask
    assert full.status_code == 200 and comparable(kept) == comparable(full)
    assert kept.headers["Content-Security-Policy"] == CSP
    assert kept.headers["X-Frame-Options"] == "DENY"
    assert kept.headers["Cache-Control"] == "no-cache"
    assert "Set-Cookie" not in kept.headers
    assert len(kept.headers["X-Request-ID"]) == 32
    assert kept.headers["X-Request-ID"] != full.headers["X-Request-ID"]
    # A visitor with a cookie is answered from the kept page too (Flask's own answer to real
    # cookies is the next test).
    client.set_cookie("__Host-intake", "something", secure=True)
    assert comparable(client.get(path)) == comparable(full)
    assert through_flask == [path]


@pytest.mark.parametrize("visitor", ["patient", "staff"])
@pytest.mark.parametrize("path", CACHED_PATHS)
def test_flasks_answer_to_a_patient_or_a_signed_in_member_of_staff_is_the_kept_one(
    app_factory: Any, path: str, visitor: str
) -> None:
    """Nothing of these pages depends on the visitor, so answering cookies from the kept page
    changes nothing: Flask itself, asked with a patient's session (the form's CSRF token puts
    it there) or a signed-in staff member's, answers exactly the kept page and sets no cookie."""
    if visitor == "patient":
        app = app_factory(WTF_CSRF_ENABLED=True)
        client = app.test_client()
        assert client.get("/contact").status_code == 200
    else:
        app = app_factory()
        client, _ = signed_in(app, role="staff")
        assert client.get("/staff/").status_code == 200
    assert client.get_cookie(app.config["SESSION_COOKIE_NAME"]) is not None
    with paths_reaching_flask(app) as through_flask:
        kept = app.test_client().get(path)  # a first visit, kept
        cache_of(app).pages.clear()  # so the visitor's request goes through Flask, with the cookie
        full = client.get(path)
        assert through_flask == [path, path]
        assert comparable(full) == comparable(kept)
        assert "Set-Cookie" not in full.headers
        assert comparable(client.get(path)) == comparable(kept)  # and now from the kept page
        assert through_flask == [path, path]


@pytest.mark.parametrize(
    "method, path, extra",
    [
        ("GET", "/privacy", {"query_string": "from=search"}),
        ("HEAD", "/privacy", {}),
        ("POST", "/privacy", {}),
        ("GET", "/contact", {}),
        ("GET", "/privacy/", {}),
    ],
)
def test_everything_else_goes_to_flask(
    app: Flask, through_flask: list[str], method: str, path: str, extra: dict[str, Any]
) -> None:
    client = app.test_client()
    client.get("/privacy")
    client.get("/privacy")
    assert through_flask == ["/privacy"]
    client.open(path, method=method, **extra)
    assert through_flask == ["/privacy", path]


def test_an_answer_that_is_not_offered_or_not_a_200_is_never_kept(app: Flask) -> None:
    client = app.test_client()
    assert client.get("/contact").status_code == 200
    assert client.get("/no-such-page").status_code == 404
    assert cache_of(app).pages == {}
    client.get("/")
    assert [key[-1] for key in cache_of(app).pages] == ["/"]


def test_a_changed_content_file_is_served_on_the_next_request(
    app: Flask, tmp_path: Path, through_flask: list[str]
) -> None:
    folder = tmp_path / "content"
    shutil.copytree(Path(ROOT) / "content", folder)
    app.config["CONTENT_FOLDER"] = str(folder)  # before the first request
    client = app.test_client()
    client.get("/privacy")
    assert b"A sentence the clinic added" not in client.get("/privacy").get_data()
    privacy = folder / "privacy.md"
    privacy.write_text(
        privacy.read_text(encoding="utf-8") + "\nA sentence the clinic added.\n", encoding="utf-8"
    )
    later = os.stat(privacy).st_mtime_ns + 5_000_000_000
    os.utime(privacy, ns=(later, later))
    assert b"A sentence the clinic added" in client.get("/privacy").get_data()
    assert b"A sentence the clinic added" in client.get("/privacy").get_data()
    assert through_flask == ["/privacy", "/privacy"]
    # The reviewed wording file is one of the page's sources too.
    wording = folder / "guidance.yaml"
    os.utime(wording, ns=(later + 1, later + 1))
    client.get("/privacy")
    assert through_flask == ["/privacy"] * 3


def test_the_kept_answer_logs_the_same_line(app: Flask, app_logs: pytest.LogCaptureFixture) -> None:
    client = app.test_client()
    client.get("/privacy", environ_base={"REMOTE_ADDR": "198.51.100.77"})
    client.get(
        "/privacy",
        environ_base={"REMOTE_ADDR": "203.0.113.9"},
        headers={"X-Request-ID": "proxy-id-12345678"},
    )
    full, kept = [r for r in app_logs.records if r.name == "intake.access"][-2:]
    fields = ("method", "path", "status", "client")
    assert [getattr(full, f) for f in fields] == ["GET", "/privacy", 200, "198.51.100.0/24"]
    assert [getattr(kept, f) for f in fields] == ["GET", "/privacy", 200, "203.0.113.0/24"]
    assert kept.getMessage() == full.getMessage() == "GET /privacy 200"
    assert kept.request_id == "proxy-id-12345678"  # type: ignore[attr-defined]
    assert len(full.request_id) == 32  # type: ignore[attr-defined]


def test_a_proxys_request_id_is_taken_only_when_plain(app: Flask) -> None:
    client = app.test_client()
    client.get("/")
    assert (
        client.get("/", headers={"X-Request-ID": "abcd-1234-efgh"}).headers["X-Request-ID"]
        == "abcd-1234-efgh"
    )
    replaced = client.get("/", headers={"X-Request-ID": "bad id\twith spaces"})
    assert len(replaced.headers["X-Request-ID"]) == 32


def test_behind_a_proxy_the_kept_answer_logs_the_resolved_client(
    app_factory: Any, app_logs: pytest.LogCaptureFixture
) -> None:
    app = app_factory(TRUSTED_PROXY_COUNT=1)
    logging.getLogger("intake").addHandler(app_logs.handler)  # the new app replaced it
    client = app.test_client()
    for _ in range(2):
        forwarded = {"X-Forwarded-For": "203.0.113.50"}
        client.get("/", headers=forwarded, environ_base={"REMOTE_ADDR": "10.0.0.1"})
    lines = [r for r in app_logs.records if r.name == "intake.access"][-2:]
    assert [r.client for r in lines] == ["203.0.113.0/24"] * 2  # type: ignore[attr-defined]


def test_the_number_of_kept_answers_is_bounded(app: Flask) -> None:
    client = app.test_client()
    for n in range(100):  # the Host header is the client's to choose
        client.get("/", headers={"Host": f"host{n}.example"})
    assert 0 < len(cache_of(app).pages) <= 32
