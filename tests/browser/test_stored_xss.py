"""Stored XSS: every line of the XSS corpora (tests/data/xss-intruders.txt and
xss-polyglots.txt) in every text field of an enquiry, then every page that shows enquiry data
opened in Chromium. No dialog opens, no injected script runs (dialog functions are wrapped to
set ``window.__xss`` first), no injected markup (event-handler attributes, scripts,
``javascript:`` links, frames) reaches the DOM, and no CSP violation is reported.

Everything runs twice: with the Content-Security-Policy, and with it switched off
(``CSP_ENABLED=False``) so that output escaping is tested on its own.

A few lines go through the real form (refused first, so the form shows them back, then
accepted); the rest are stored directly, which is fast. Staff-typed text carries payloads too:
a colleague's name, internal notes and reasons for declining (through the real actions).
``PATIENT_PAGES`` and ``STAFF_PAGES`` list what to open: the thanks pages; the inbox (every
page of it), searches typed into the search form (the terms are shown back), every enquiry
page, reports, the audit log (with a reference and an action filter shown back), the outbox,
the export page and the staff accounts.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import parse_qs, quote, urlsplit

import pytest
from flask import Flask
from playwright.sync_api import BrowserContext, Page, expect
from sqlalchemy import select

from intake.enquiry.forms import NAME_MAX
from intake.extensions import db
from intake.models import Enquiry, EnquiryTag
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
    highlighted: bool = False  # triage marked words of it: <mark> built in Python


@dataclass(frozen=True)
class Visit:
    label: str
    path: str
    as_submitter_of: str | None = None  # open as the browser that sent this reference
    search: str | None = None  # typed into the inbox's search form on ``path`` and sent
    every_page: bool = False  # follow the "Next page" links to the end
    csp_too: bool = True  # False: only on the server without the CSP (escaping alone)


def thanks_pages(stored: Sequence[Stored]) -> list[Visit]:
    """The thanks page shows the reference, the urgency and the contact method, never the
    text: every 8th stored enquiry (both files) is enough; the form test covers the rest."""
    return [
        Visit(f"thanks page of {s.reference}", "/contact/thanks", as_submitter_of=s.reference)
        for s in stored[::8]
    ]


def inbox_pages(stored: Sequence[Stored]) -> list[Visit]:
    """Every stored enquiry in a list: all statuses, spam included, page after page."""
    return [
        Visit("staff landing", "/staff/"),
        Visit("inbox, every enquiry", "/staff/?status=any&spam=include", every_page=True),
    ]


def searches(stored: Sequence[Stored]) -> list[Visit]:
    """Payloads typed into the search form: the results, and the terms shown back in the box."""
    terms = [p for p in PAYLOADS if p.isprintable() and len(p) <= 300][::30]
    return [Visit(f"search for {t!r}", "/staff/", search=t) for t in ["alert", *terms]]


def enquiry_pages(stored: Sequence[Stored]) -> list[Visit]:
    """Without the CSP, where escaping stands alone: every fourth enquiry (all those carrying
    staff-typed text among them) and every one with triage highlights (the only markup built
    in Python: intake.staff.enquiry_views.highlight). With the CSP: every sixteenth. Every
    payload is still on a staff page: the inbox pages list them all. (An enquiry page costs
    half a second to a second on a busy machine: all of them twice would take minutes.)
    """
    return [
        Visit(
            f"enquiry page of {item.reference}",
            f"/staff/enquiries/{item.reference}",
            csp_too=index % 16 == 0,
        )
        for index, item in enumerate(stored)
        if index % 4 == 0 or item.highlighted
    ]


def periphery(stored: Sequence[Stored]) -> list[Visit]:
    """Reports (the article sections are payloads), the audit log (filters shown back), the
    outbox, the export page and the accounts (a colleague's name is a payload)."""
    action = quote(POLYGLOTS[0][:64], safe="")
    return [
        Visit("reports", "/staff/reports?weeks=104"),
        Visit("audit log", "/staff/audit"),
        Visit("audit log of one enquiry", f"/staff/audit?reference={stored[0].reference}"),
        Visit("audit log filtered by a payload", f"/staff/audit?action={action}"),
        Visit("outbox", "/staff/outbox"),
        Visit("export page", "/staff/export?status=any&spam=include"),
        Visit("staff accounts", "/staff/accounts"),
    ]


# Pages that show stored enquiry data, each a function of the stored enquiries.
PATIENT_PAGES: list[Callable[[Sequence[Stored]], list[Visit]]] = [thanks_pages]
# Signed in as an admin (the audit log and the export are theirs).
STAFF_PAGES: list[Callable[[Sequence[Stored]], list[Visit]]] = [
    inbox_pages,
    searches,
    enquiry_pages,
    periphery,
]


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
    (as an appointment request from a caregiver, so that every field is kept); then staff work
    with payloads of its own (see :func:`staff_work`)."""
    app = servers["csp-on"].app
    enquiries = [
        Stored(
            store_directly(
                app,
                kind="appointment",
                message=payload,
                concerns=["other"],
                name=fit(payload, 200),
                relationship="caregiver",
                email=fit(payload, 254),
                # The service stores what the form validated: E.164 only, shown through
                # phonenumbers, so a payload can never be a stored phone number.
                phone=f"+1907555{index:04d}",  # one each: no page lists 194 duplicates
                patient_name=fit(payload, 200),
                referring_physician=fit(payload, 200),
                source_section=fit(payload, 64),
            ),
            payload,
        )
        for index, payload in enumerate(PAYLOADS)
    ]
    staff_work(app, enquiries)
    with app.app_context():
        rows = db.session.execute(
            select(Enquiry.reference, Enquiry.urgency_reasons, EnquiryTag.reasons).outerjoin(
                EnquiryTag, EnquiryTag.enquiry_id == Enquiry.id
            )
        ).all()
        highlighted = {
            reference
            for reference, urgency_reasons, tag_reasons in rows
            if any(r.get("phrase") for r in [*(urgency_reasons or []), *(tag_reasons or [])])
        }
        db.session.remove()
    return [replace(item, highlighted=item.reference in highlighted) for item in enquiries]


def staff_work(app: Flask, enquiries: Sequence[Stored]) -> None:
    """Text staff type is shown to other staff too: a colleague whose name is a payload gets
    every eighth enquiry, with a payload as an internal note; every eighth from the fifth on
    is declined with a payload as the reason (all through the real actions)."""
    from intake.auth import accounts
    from intake.staff import actions

    with app.test_request_context("/staff/"):
        colleague = accounts.create_account(
            "colleague@clinic.example", POLYGLOTS[0][:200].strip(), "staff"
        )
        db.session.commit()
        for index, item in enumerate(enquiries):
            text = item.payload.strip()
            if index % 8 not in (0, 4) or not text:
                continue
            enquiry = db.session.scalar(select(Enquiry).where(Enquiry.reference == item.reference))
            assert enquiry is not None
            if index % 8 == 0:
                actions.assign(enquiry, colleague.id, enquiry.revision, colleague.id)
                actions.add_note(enquiry, colleague.id, enquiry.revision, text[:4000])
            else:
                # 500, not the form's 1000: appointment.decline_reason is VARCHAR(500) (a
                # longer reason fails on PostgreSQL; reported, not this module's to fix).
                actions.decline_appointment(enquiry, colleague.id, enquiry.revision, text[:500])
            db.session.commit()
        db.session.remove()


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
    sign_in(page, server, new_staff(server.app, role="admin"))
    csp = bool(server.app.config["CSP_ENABLED"])
    visits = [visit for pages in STAFF_PAGES for visit in pages(stored) if visit.csp_too or not csp]
    assert len(visits) > (len(stored) // 16 if csp else len(stored) // 4)
    pages_seen = 0
    for visit in visits:
        # A search is typed into the form of the inbox page already open, if one is.
        if visit.search is None or urlsplit(page.url).path != urlsplit(server(visit.path)).path:
            response = page.goto(server(visit.path))
            assert response is not None and response.status == 200, visit
        if visit.search is not None:
            page.fill("#terms", visit.search)
            with page.expect_navigation():
                page.click("form.dash-search button[type=submit]")
            assert "search" in parse_qs(urlsplit(page.url).query), (visit, page.url)
            if visit.search == "alert":  # results full of payloads, not an empty list
                assert page.locator("table.dash-table tbody tr").count() > 20
        assert_clean(seen, visit.label)
        pages_seen += 1
        while visit.every_page and page.locator("a[rel=next]").count():
            with page.expect_navigation():
                page.click("a[rel=next]")
            assert_clean(seen, f"{visit.label}, {page.url}")
            pages_seen += 1
    assert pages_seen > len(visits)  # the inbox had more than one page
    # The payloads really were on the pages: the colleague's name, escaped, is shown as text.
    page.goto(server("/staff/accounts"))
    expect(page.locator("table")).to_contain_text(POLYGLOTS[0][:200].strip()[:40])
