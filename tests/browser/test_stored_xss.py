"""Stored XSS: every line of the XSS corpora (tests/data/xss-intruders.txt and
xss-polyglots.txt) in every text field of an enquiry, then every page that shows enquiry data
opened in Chromium. No dialog opens, no injected script runs (dialog functions are wrapped to
set ``window.__xss`` first), no injected markup (event-handler attributes, scripts,
``javascript:`` links, frames) reaches the DOM, and no CSP violation is reported.

Everything runs twice: with the Content-Security-Policy, and with it switched off
(``CSP_ENABLED=False``) so that output escaping is tested on its own.

A few lines go through the real form (refused first, so the form shows them back, then
accepted); the rest are stored directly, which is fast. ``PATIENT_PAGES`` and ``STAFF_PAGES``
list what to open for the stored enquiries: issue 6 adds the inbox, search results, enquiry
pages, reports, audit and outbox pages to ``STAFF_PAGES``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from intake.enquiry.forms import NAME_MAX
from tests.browser.support import (
    SEND,
    LiveServer,
    Sites,
    Watch,
    enquiry_by_reference,
    new_staff,
    sign_in,
    store_directly,
    thanks_cookie,
    watch,
)

pytestmark = pytest.mark.browser

DATA = Path(__file__).resolve().parents[1] / "data"


def lines(name: str) -> list[str]:
    text = (DATA / name).read_text(encoding="utf-8")
    return [line for line in text.split("\n") if line.strip()]


INTRUDERS = lines("xss-intruders.txt")
POLYGLOTS = lines("xss-polyglots.txt")
PAYLOADS = INTRUDERS + POLYGLOTS
# Through the real form: a spread of both files, none with a control character (the form
# refuses those, so they could not be accepted on the second submit).
FORM_PAYLOADS = [p for p in INTRUDERS[::60] + POLYGLOTS[::6] if p.isprintable()]


@dataclass(frozen=True)
class Stored:
    reference: str
    payload: str


@dataclass(frozen=True)
class Visit:
    label: str
    path: str
    as_submitter_of: str | None = None  # open as the browser that sent this reference


def thanks_pages(stored: Sequence[Stored]) -> list[Visit]:
    """The thanks page shows the reference, the urgency and the contact method, never the
    text: every 8th stored enquiry (both files) is enough; the form test covers the rest."""
    return [
        Visit(f"thanks page of {s.reference}", "/contact/thanks", as_submitter_of=s.reference)
        for s in stored[::8]
    ]


def staff_landing(stored: Sequence[Stored]) -> list[Visit]:
    return [Visit("staff landing", "/staff/")]


# Pages that show stored enquiry data, each a function of the stored enquiries.
PATIENT_PAGES: list[Callable[[Sequence[Stored]], list[Visit]]] = [thanks_pages]
# Signed in as staff. Issue 6: inbox, inbox?q=<name>, each enquiry page, reports, audit, outbox.
STAFF_PAGES: list[Callable[[Sequence[Stored]], list[Visit]]] = [staff_landing]


def test_the_corpora_are_all_there() -> None:
    assert (len(INTRUDERS), len(POLYGLOTS)) == (179, 16)
    assert any("<script>" in p for p in PAYLOADS)
    assert len(FORM_PAYLOADS) == 6


# --- servers and data ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def xss_database(sites: Sites) -> str:
    """A database of its own: hundreds of enquiries that no other test should see."""
    return sites.new_database()


@pytest.fixture(scope="module")
def servers(sites: Sites, xss_database: str) -> dict[str, LiveServer]:
    return {
        "csp-on": sites.serve(xss_database, name="xss-csp-on", CSP_ENABLED=True),
        "csp-off": sites.serve(xss_database, name="xss-csp-off", CSP_ENABLED=False),
    }


@pytest.fixture(params=["csp-on", "csp-off"])
def server(request: pytest.FixtureRequest, servers: dict[str, LiveServer]) -> LiveServer:
    return servers[str(request.param)]


def fit(text: str, limit: int) -> str:
    return text[:limit]


@pytest.fixture(scope="module")
def stored(servers: dict[str, LiveServer]) -> list[Stored]:
    """Every payload in every text field of one enquiry each, stored as the service stores
    (as an appointment request from a caregiver, so that every field is kept)."""
    app = servers["csp-on"].app
    return [
        Stored(
            store_directly(
                app,
                kind="appointment",
                message=payload,
                concerns=["other"],
                name=fit(payload, 200),
                relationship="caregiver",
                email=fit(payload, 254),
                phone=fit(payload, 32),
                patient_name=fit(payload, 200),
                referring_physician=fit(payload, 200),
                source_section=fit(payload, 64),
            ),
            payload,
        )
        for payload in PAYLOADS
    ]


def test_the_csp_switch_works(servers: dict[str, LiveServer], page: Page) -> None:
    on = page.goto(servers["csp-on"]("/contact"))
    assert on is not None and "script-src 'self'" in on.headers["content-security-policy"]
    off = page.goto(servers["csp-off"]("/contact"))
    assert off is not None and "content-security-policy" not in off.headers


# --- checking a page -------------------------------------------------------------------------


@pytest.fixture
def watched(new_context: Callable[..., BrowserContext]) -> Iterator[tuple[Page, Watch]]:
    page = new_context().new_page()
    yield page, watch(page)


def assert_clean(seen: Watch, where: str) -> None:
    problems = seen.problems()
    assert not problems, f"{where}: {problems}"


@pytest.mark.parametrize(
    "payload",
    [
        "<script>alert('XSS')</script>",
        "<img src=x onerror=alert('XSS');>",
        "<a href=javascript:alert(1)>click</a>",  # never clicked: seen as injected markup
        "<svg/onload=alert(1)>",
    ],
)
def test_the_checks_see_an_injection_when_there_is_one(
    watched: tuple[Page, Watch], site: LiveServer, payload: str
) -> None:
    """The same checks on a page that does NOT escape (and has no CSP) must complain."""
    page, seen = watched
    page.route(
        site("/unescaped"),
        lambda route: route.fulfill(
            content_type="text/html", body=f"<!doctype html><p>{payload}</p>"
        ),
    )
    page.goto(site("/unescaped"))
    page.wait_for_load_state("load")
    assert seen.problems(), payload


# --- through the real form ---------------------------------------------------------------------


def open_all_details(page: Page) -> None:
    closed = page.locator("details:not([open]) > summary")
    for _ in range(closed.count()):
        closed.first.click()
    expect(closed).to_have_count(0)


@pytest.mark.parametrize("payload", FORM_PAYLOADS, ids=range(len(FORM_PAYLOADS)))
def test_payload_through_the_form(
    server: LiveServer, watched: tuple[Page, Watch], payload: str
) -> None:
    page, seen = watched
    page.goto(server("/contact"))
    page.check("#kind-1")  # an appointment: the referring physician is kept
    open_all_details(page)
    page.check("#relationship-1")  # a caregiver: the patient's name is kept
    for field in ("message", "name", "email", "phone", "patient_name", "referring_physician"):
        page.fill(f"#{field}", payload)
    with page.expect_navigation():
        page.click(SEND)  # refused: the email, the phone and the consent
    assert_clean(seen, "the form shown back with its errors")
    expect(page.locator(".error-summary")).to_be_visible()
    # Shown back exactly as typed: escaped, not cut short by a closing tag in the payload
    # (one-line fields as far as their maxlength let the browser type it).
    expect(page.locator("#message")).to_have_value(payload)
    for field in ("name", "email", "referring_physician"):
        limit = int(page.get_attribute(f"#{field}", "maxlength") or len(payload))
        expect(page.locator(f"#{field}")).to_have_value(payload[:limit].strip())

    one_line = payload.strip()[:NAME_MAX]
    open_all_details(page)
    page.fill("#name", one_line)
    page.fill("#patient_name", one_line)
    page.fill("#referring_physician", one_line)
    page.fill("#email", "xss.test@example.com")
    page.fill("#phone", "")
    page.check("#consent")
    with page.expect_navigation():
        page.click(SEND)
    expect(page).to_have_url(server("/contact/thanks"))
    assert_clean(seen, "the thanks page")

    enquiry = enquiry_by_reference(server.app, page.locator(".reference").inner_text().strip())
    assert enquiry.message == payload
    assert enquiry.writer_name == one_line
    assert enquiry.patient_name == one_line
    assert enquiry.referring_physician == one_line


# --- stored directly, then every page that shows them ------------------------------------------


def test_stored_payloads_on_patient_pages(
    server: LiveServer, stored: list[Stored], watched: tuple[Page, Watch]
) -> None:
    page, seen = watched
    visits = [visit for pages in PATIENT_PAGES for visit in pages(stored)]
    assert visits
    for visit in visits:
        if visit.as_submitter_of is not None:
            page.context.add_cookies(
                [thanks_cookie(server.app, server, visit.as_submitter_of)]  # type: ignore[list-item]
            )
        response = page.goto(server(visit.path))
        assert response is not None and response.status == 200, visit
        if visit.as_submitter_of is not None:
            expect(page.locator(".reference")).to_have_text(visit.as_submitter_of)
        assert_clean(seen, visit.label)


def test_stored_payloads_on_staff_pages(
    server: LiveServer, stored: list[Stored], watched: tuple[Page, Watch]
) -> None:
    page, seen = watched
    sign_in(page, server, new_staff(server.app))
    for visit in [visit for pages in STAFF_PAGES for visit in pages(stored)]:
        response = page.goto(server(visit.path))
        assert response is not None and response.status == 200, visit
        assert_clean(seen, visit.label)
