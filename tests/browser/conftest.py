"""Fixtures for the browser tests: one Chromium for the package, a fresh context per test (or a
page the module's tests take turns with: ``kept_page``), and the real app served on 127.0.0.1
with PostgreSQL and an in-process SMTP server.

Chromium missing: the tests skip with a message saying how to install it, except with
INTAKE_REQUIRE_SERVICES=1 (CI, where ``.ci/run`` installs it), where that is a failure.
PostgreSQL missing: as everywhere in the suite (``pg_server_url``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

from tests.browser.support import (
    CHROMIUM_PATH,
    DESKTOP,
    KeptPage,
    LiveServer,
    Sites,
    chromium_executable,
    launch_options,
)
from tests.conftest import REQUIRE_SERVICES
from tests.smtp_server import Received, SmtpServer, run_worker_once

TIMEOUT_MS = 10_000
FAILED = pytest.StashKey[bool]()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Any:
    """Mark a test whose setup or call failed, for ``kept_page`` to give up its page."""
    report = yield
    if report.failed:
        item.stash[FAILED] = True
    return report


@pytest.fixture(scope="session")
def chromium() -> str:
    path = chromium_executable()
    if path is None:
        message = (
            f"Chromium not found at {CHROMIUM_PATH} or on PATH: browser tests need it "
            "(apt-get install -y chromium)"
        )
        if REQUIRE_SERVICES:
            pytest.fail(f"{message} (INTAKE_REQUIRE_SERVICES is set, so this is a failure)")
        pytest.skip(message)
    return path


@pytest.fixture(scope="package")
def browser(chromium: str) -> Iterator[Browser]:
    """One headless Chromium for every browser test."""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(**launch_options(chromium))
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture(scope="package")
def smtp() -> Iterator[SmtpServer]:
    server = SmtpServer().start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="package")
def sites(pg_server_url: str, smtp: SmtpServer) -> Iterator[Sites]:
    """The servers: ``sites.main`` on a fresh database, others on demand; all stopped after."""
    sites = Sites(pg_server_url, smtp)
    try:
        sites.start()
        yield sites
    finally:
        sites.close()


@pytest.fixture(scope="package")
def site(sites: Sites) -> LiveServer:
    return sites.main


@pytest.fixture
def new_context(browser: Browser) -> Iterator[Callable[..., BrowserContext]]:
    """Open browser contexts (fresh cookies each) with options; all closed after the test."""
    opened: list[BrowserContext] = []

    def make(**options: Any) -> BrowserContext:
        context = browser.new_context(**{**DESKTOP, **options})
        context.set_default_timeout(TIMEOUT_MS)
        opened.append(context)
        return context

    yield make
    for context in opened:
        context.close()


@pytest.fixture
def page(new_context: Callable[..., BrowserContext]) -> Iterator[Page]:
    """A desktop page (1280x800, JavaScript on); a script error on it fails the test."""
    page = new_context().new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    assert not errors, f"script errors on the page: {errors}"


@pytest.fixture(scope="module")
def kept_pages(browser: Browser) -> Iterator[dict[str, KeptPage]]:
    pages: dict[str, KeptPage] = {}
    yield pages
    for kept in pages.values():
        kept.close()


@pytest.fixture
def kept_page(
    request: pytest.FixtureRequest, browser: Browser, kept_pages: dict[str, KeptPage]
) -> Iterator[Callable[..., KeptPage]]:
    """``kept_page(name, watched=False, **context_options)``: this test's turn with the module's
    page of that name (see :class:`KeptPage`). An unwatched page's script error fails the test,
    as with ``page``; a watched one's are in :attr:`Watch.errors` for the test to check."""
    taken: list[KeptPage] = []

    def take(name: str, *, watched: bool = False, **options: Any) -> KeptPage:
        kept = kept_pages.get(name)
        if kept is None:
            kept = kept_pages[name] = KeptPage(browser, options, watched, TIMEOUT_MS)
        assert (kept.options, kept.watched) == ({**DESKTOP, **options}, watched), name
        taken.append(kept)
        return kept.turn()

    yield take
    failed = request.node.stash.get(FAILED, False)
    errors = [error for kept in taken if not kept.watched for error in kept.errors]
    for kept in taken:
        if failed or errors:
            kept.close()
    assert not errors, f"script errors on the page: {errors}"


@pytest.fixture
def deliver(site: LiveServer, smtp: SmtpServer) -> Callable[[str], list[Received]]:
    """Run the outbox worker once (``flask outbox send --once``, in-process) and return the
    messages the SMTP server holds that name ``reference``."""

    def run(reference: str) -> list[Received]:
        run_worker_once(site.app)
        return [m for m in smtp.received if reference in m.data.decode("utf-8", "replace")]

    return run
