"""The article and the privacy notice answered before Flask.

These pages are the same for every visitor: ``render_static`` renders each once per process and
content version. Yet each request still paid Flask's request context and the dozen hooks the
extensions add (CSRF, rate limits, sign-in, session, login) to return that one string: about
0.4 ms of CPU where the page itself costs 0.01. A page no visitor can change needs none of that.

So this WSGI middleware (inside ProxyFix, which resolves the client first) keeps the last full
answer of each such page as Flask made it (status, every header, the body) and answers the same
request from it while the content files the page was made from are unchanged (one ``stat`` each,
as the view itself does). What a full request does for these pages is kept: the same headers
(security headers included, because they were captured), a fresh request id, the same access
log line. Everything else goes to Flask: a query string, another method, another path, or a
page whose files changed (that request renders it again and its answer is kept in turn). A full
answer is kept only when the view offered it (:func:`offer`), it is a 200, and it sets no cookie.

A request with a cookie is answered from the kept page too (since 2026-11-27; before, any cookie
went to Flask). Nothing of these pages depends on the visitor: the body is one string per content
version, and their endpoints are public, so the sign-in check never loads a staff session for
them and Flask writes no cookie (sessions are not permanent: no refresh on every request).
``tests/test_public_page_cache.py`` holds Flask's own answer to a patient's and a signed-in
staff member's request equal to the kept one.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable
from typing import Any, NamedTuple

from intake.logs import log_access, request_id_from

WSGIApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]
OFFER = "intake.page_cache.sources"
MAX_PAGES = 32  # keys hold the Host header, which a client chooses: the dict stays small

Sources = tuple[tuple[str, int], ...]


def offer(environ: dict[str, Any], sources: Sources) -> None:
    """Called by a view whose answer depends only on these files (path, mtime as stat-ed
    BEFORE reading them: a file changed while it was read is simply read again next time)."""
    environ[OFFER] = sources


def files_unchanged(sources: Sources) -> bool:
    try:
        return all(os.stat(path).st_mtime_ns == mtime for path, mtime in sources)
    except OSError:
        return False


class Page(NamedTuple):
    status: str
    headers: tuple[tuple[str, str], ...]
    body: bytes
    sources: Sources


class PublicPageCache:
    """WSGI middleware for the pages at ``paths`` (module docstring)."""

    def __init__(self, app: WSGIApp, paths: Iterable[str]) -> None:
        self.app = app
        self.paths = frozenset(paths)
        self.pages: dict[tuple[str, ...], Page] = {}

    def __call__(
        self, environ: dict[str, Any], start_response: Callable[..., Any]
    ) -> Iterable[bytes]:
        path = environ.get("PATH_INFO", "")
        if (
            path not in self.paths
            or environ.get("REQUEST_METHOD") != "GET"
            or environ.get("QUERY_STRING")
        ):
            return self.app(environ, start_response)
        key = (
            environ.get("wsgi.url_scheme", "http"),
            environ.get("HTTP_HOST", ""),
            environ.get("SCRIPT_NAME", ""),
            path,
        )
        page = self.pages.get(key)
        if page is not None and files_unchanged(page.sources):
            return self.answer(page, environ, start_response)
        return self.render(key, environ, start_response)

    def answer(
        self, page: Page, environ: dict[str, Any], start_response: Callable[..., Any]
    ) -> Iterable[bytes]:
        started = time.perf_counter()
        request_id = request_id_from(environ.get("HTTP_X_REQUEST_ID", ""))
        start_response(page.status, [*page.headers, ("X-Request-ID", request_id)])
        log_access(
            "GET",
            environ.get("PATH_INFO", ""),
            int(page.status[:3]),
            (time.perf_counter() - started) * 1000,
            environ.get("REMOTE_ADDR"),
            request_id,
        )
        return [page.body]

    def render(
        self, key: tuple[str, ...], environ: dict[str, Any], start_response: Callable[..., Any]
    ) -> Iterable[bytes]:
        """A full request through Flask; its answer is kept if the view offered it."""
        seen: dict[str, Any] = {}

        def keep_start(status: str, headers: list[tuple[str, str]], *exc_info: Any) -> Any:
            seen["status"], seen["headers"] = status, headers
            return start_response(status, headers, *exc_info)

        result = self.app(environ, keep_start)
        sources = environ.get(OFFER)
        headers = seen.get("headers") or []
        if (
            sources is None
            or not str(seen.get("status", "")).startswith("200")
            or any(name.lower() == "set-cookie" for name, _ in headers)
        ):
            return result
        # An offered page is one rendered string (render_static), never a stream: read it whole.
        try:
            body = b"".join(result)
        finally:
            close = getattr(result, "close", None)
            if close is not None:
                close()
        if len(self.pages) >= MAX_PAGES:
            self.pages.clear()
        kept = tuple((n, v) for n, v in headers if n.lower() != "x-request-id")
        self.pages[key] = Page(seen["status"], kept, body, sources)
        return [body]
