"""Stored XSS: every line of the XSS corpora (tests/data/xss-intruders.txt and
xss-polyglots.txt) in every text field of enquiries, then every page that shows enquiry data
opened in Chromium. No dialog opens, no injected script runs (dialog functions are wrapped to
set ``window.__xss`` first), no injected markup (event-handler attributes, scripts,
``javascript:`` links, frames) reaches the DOM, and no CSP violation is reported.

Everything runs twice: with the Content-Security-Policy, and with it switched off
(``CSP_ENABLED=False``) so that output escaping is tested on its own.

A few lines go through the real form (refused first, so the form shows them back, then
accepted; two or three to a submission); the rest are stored directly, which is fast. Enquiry
``i`` holds payload ``i`` in every text field: the writer's name of every enquiry is on the
inbox, and the article section of every one on the reports page. The other fields show only on
an enquiry page, and opening 195 of them twice would take minutes, so the first ~50 enquiries
hold the payloads *packed* in those fields instead (``PACKS``: as many payloads as fit in 200
characters, each cut to the field's length as a single one would be; a different pack in each
field of a page): opening those pages shows every payload in every field. Staff-typed text
carries payloads too: a colleague's name, and packs as internal notes and reasons for declining
(through the real actions). Each page's text is checked for the stored text it must show, so a
field not rendered as text (markup, or swallowed by a tag cut short) fails the test by name.

``PATIENT_PAGES`` and ``STAFF_PAGES`` list what to open: a thanks page of each urgency; the inbox
(every page of it), searches typed into the search form (the terms are shown back), the packed
enquiries' pages, reports, the audit log (with a reference and an action filter shown back),
the outbox, the export page and the staff accounts: every one, once with the CSP and once
without it (where escaping stands alone).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, quote, urlsplit

import pytest
from flask import Flask
from playwright.sync_api import Page, expect
from sqlalchemy import select

from intake.enquiry.forms import MESSAGE_MAX, NAME_MAX
from intake.extensions import db
from intake.models import Enquiry, EnquiryTag
from intake.staff.actions import DECLINE_REASON_MAX, NOTE_MAX
from tests.browser.support import (
    RED_FLAG,
    SEND,
    KeptPage,
    LiveServer,
    Sites,
    Watch,
    enquiry_by_reference,
    new_staff,
    sign_in,
    store_directly,
    thanks_cookie,
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

# The columns' lengths (a longer value fails on PostgreSQL): what a payload is cut to there.
EMAIL_MAX = 254
SECTION_MAX = 64  # source_section


def fit(text: str, limit: int) -> str:
    return text[:limit]


def pack(payloads: Sequence[str], limit: int) -> list[list[str]]:
    """The payloads in groups whose members, each cut to ``limit`` and joined by one character,
    fit in ``limit`` characters (first fit, longest first): every payload in exactly one group.
    A payload of ``limit`` characters or more is a group of its own."""
    groups: list[list[str]] = []
    room: list[int] = []
    for payload in sorted(payloads, key=lambda p: -min(len(p), limit)):
        size = min(len(payload), limit)
        for index, left in enumerate(room):
            if size + 1 <= left:
                groups[index].append(payload)
                room[index] -= size + 1
                break
        else:
            groups.append([payload])
            room.append(limit - size)
    return groups


def joined(payloads: Sequence[str], limit: int, separator: str = " ") -> str:
    """Each payload cut to ``limit``, as a single one would be, then joined."""
    return separator.join(fit(p, limit) for p in payloads)


# The first len(PACKS) enquiries hold these groups in the fields only an enquiry page shows
# (about 50 pages to open for all 195 payloads, not 195).
PACKS = pack(PAYLOADS, NAME_MAX)
# Packed enquiry i holds pack (i + offset) in each field, so that no two fields of a page hold
# the same pack: the text of each is then on the page only if that field was rendered as text.
PACKED_FIELDS = {
    "message": 0,
    "email": 1,
    "patient's name": 2,
    "referring physician": 3,
    "note": 4,
    "reason for declining": 5,
}


def pack_in(index: int, what: str) -> list[str]:
    """The pack that packed enquiry ``index`` holds in the field ``what``."""
    return PACKS[(index + PACKED_FIELDS[what]) % len(PACKS)]


# Through the real form, a few payloads at a time (see test_payload_through_the_form).
FORM_PACKS = pack(FORM_PAYLOADS, NAME_MAX)


# Appended to packed messages: nothing, a priority symptom, a red flag (as states.py sends).
URGENT_WORDS = (
    "",
    "I have had new pain in my back and hip for two weeks and I am worried it has spread",
    RED_FLAG,
)
# A colleague (staff) whose name is a payload: assigned every packed enquiry, and its author of
# every note and reason for declining.
COLLEAGUE = POLYGLOTS[0][:NAME_MAX].strip()


def squeeze(text: str) -> str:
    """Whitespace runs as one space: a page's text as HTML renders what was stored."""
    return " ".join(text.split())


@dataclass(frozen=True)
class Stored:
    reference: str
    payload: str
    packed: bool = False  # holds packs (see pack_in), so its page is opened
    # Each field its page (or the inbox, or the reports) shows: the text stored there.
    shown: dict[str, str] = dataclasses.field(default_factory=dict)
    urgency: str = "routine"
    self_harm: bool = False
    highlighted: bool = False  # triage marked words of it: <mark> built in Python


@dataclass(frozen=True)
class Visit:
    label: str
    path: str
    as_submitter_of: str | None = None  # open as the browser that sent this reference
    search: str | None = None  # typed into the inbox's search form on ``path`` and sent
    every_page: bool = False  # follow the "Next page" links to the end
    shows: tuple[tuple[str, str], ...] = ()  # (what, stored text) the page(s) must show as text


def thanks_pages(stored: Sequence[Stored]) -> list[Visit]:
    """The thanks page shows the reference, the urgency and the contact method, never the
    text: one of each urgency among the stored enquiries is enough; the form test opens more."""
    first: dict[tuple[str, bool], Stored] = {}
    for item in stored:
        first.setdefault((item.urgency, item.self_harm), item)
    return [
        Visit(
            f"thanks page of {s.reference} ({urgency}{', self-harm' if harm else ''})",
            "/contact/thanks",
            as_submitter_of=s.reference,
            shows=(("reference", s.reference),),
        )
        for (urgency, harm), s in first.items()
    ]


def inbox_pages(stored: Sequence[Stored]) -> list[Visit]:
    """Every stored enquiry in a list: all statuses, spam included, page after page; each
    writer's name (every payload) and the colleague assigned (a payload) on one of them."""
    names = tuple((f"writer's name of {s.reference}", s.shown["writer's name"]) for s in stored)
    return [
        Visit("staff landing", "/staff/"),
        Visit(
            "inbox, every enquiry",
            "/staff/?status=any&spam=include",
            every_page=True,
            shows=(*names, ("the colleague assigned", COLLEAGUE)),
        ),
    ]


def searches(stored: Sequence[Stored]) -> list[Visit]:
    """Payloads typed into the search form: the results, and the terms shown back in the box."""
    terms = [p for p in PAYLOADS if p.isprintable() and len(p) <= 300][::30]
    return [Visit(f"search for {t!r}", "/staff/", search=t) for t in ["alert", *terms]]


def enquiry_pages(stored: Sequence[Stored]) -> list[Visit]:
    """Every enquiry holding a pack (so every payload in every field, staff-typed text too).
    (Packed, about 50 pages show every payload: one payload per enquiry would be 195 pages, and
    each costs a fifth of a second to a second on a busy machine.)"""
    return [
        Visit(
            f"enquiry page of {item.reference}",
            f"/staff/enquiries/{item.reference}",
            shows=tuple((f"{what} of {item.reference}", text) for what, text in item.shown.items()),
        )
        for item in stored
        if item.packed
    ]


def periphery(stored: Sequence[Stored]) -> list[Visit]:
    """Reports (every enquiry's article section is a payload), the audit log (filters shown
    back), the outbox, the export page and the accounts (a colleague's name is a payload)."""
    action = quote(POLYGLOTS[0][:64], safe="")
    sections = tuple(
        (f"article section of {s.reference}", s.shown["article section"]) for s in stored
    )
    return [
        Visit("reports", "/staff/reports?weeks=104", shows=sections),
        Visit("audit log", "/staff/audit"),
        Visit("audit log of one enquiry", f"/staff/audit?reference={stored[0].reference}"),
        Visit("audit log filtered by a payload", f"/staff/audit?action={action}"),
        Visit("outbox", "/staff/outbox"),
        Visit("export page", "/staff/export?status=any&spam=include"),
        Visit("staff accounts", "/staff/accounts", shows=(("the colleague's name", COLLEAGUE),)),
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
    assert sorted(p for group in FORM_PACKS for p in group) == sorted(FORM_PAYLOADS)
    assert all(len(" ".join(group)) <= NAME_MAX for group in FORM_PACKS)


def test_the_packs_hold_every_payload_once_and_fit_the_fields() -> None:
    assert sorted(p for group in PACKS for p in group) == sorted(PAYLOADS)
    assert len(PACKS) < len(PAYLOADS) // 3  # what packing is for: a third of the pages or less
    for group in PACKS:
        assert len(joined(group, NAME_MAX)) <= NAME_MAX
        assert len(joined(group, EMAIL_MAX)) <= EMAIL_MAX
        assert len(joined(group, DECLINE_REASON_MAX, "\n")) <= DECLINE_REASON_MAX
        assert len("\n".join(group)) <= min(MESSAGE_MAX, NOTE_MAX)


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


@pytest.fixture(scope="module")
def stored(servers: dict[str, LiveServer]) -> list[Stored]:
    """Payload ``i`` in every text field of enquiry ``i``, except that the first ``len(PACKS)``
    enquiries hold packs in the fields only an enquiry page shows (see :func:`pack_in`); stored
    as the service stores (as an appointment request from a caregiver, so that every field is
    kept). Then staff work on each packed one, with packs as its note and its reason for
    declining (see :func:`staff_work`)."""
    app = servers["csp-on"].app
    references = []
    for index, payload in enumerate(PAYLOADS):
        packed = index < len(PACKS)
        group = {what: pack_in(index, what) if packed else [payload] for what in PACKED_FIELDS}
        # Words that triage marks, in two of every three packed messages: <mark> tags built
        # in Python among the payloads, and thanks pages of each urgency.
        flag = [URGENT_WORDS[index % 3]] if packed and URGENT_WORDS[index % 3] else []
        references.append(
            store_directly(
                app,
                kind="appointment",
                message="\n".join([*group["message"], *flag]),
                concerns=["other"],
                name=fit(payload, NAME_MAX),
                relationship="caregiver",
                email=joined(group["email"], EMAIL_MAX),
                # The service stores what the form validated: E.164 only, shown through
                # phonenumbers, so a payload can never be a stored phone number.
                phone=f"+1907555{index:04d}",  # one each: no page lists 194 duplicates
                patient_name=joined(group["patient's name"], NAME_MAX),
                referring_physician=joined(group["referring physician"], NAME_MAX),
                source_section=fit(payload, SECTION_MAX),
            )
        )
    staff_work(app, references[: len(PACKS)])
    with app.app_context():
        enquiries = {
            e.reference: e
            for e in db.session.scalars(select(Enquiry).where(Enquiry.reference.in_(references)))
        }
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
        items = []
        for index, (reference, payload) in enumerate(zip(references, PAYLOADS, strict=True)):
            e = enquiries[reference]
            shown = {
                "writer's name": e.writer_name,
                "article section": e.source_section,
                "message": e.message,
                "email": e.email,
                "patient's name": e.patient_name,
                "referring physician": e.referring_physician,
            }
            packed = index < len(PACKS)
            if packed:
                shown["note"] = "\n".join(pack_in(index, "note"))
                shown["reason for declining"] = decline_reason(index)
            items.append(
                Stored(
                    reference,
                    payload,
                    packed,
                    shown,
                    urgency=e.urgency,
                    self_harm="self_harm" in (e.red_flags or []),
                    highlighted=reference in highlighted,
                )
            )
        db.session.remove()
    return items


def decline_reason(index: int) -> str:
    # 500, not the form's 1000: appointment.decline_reason is VARCHAR(500) (a longer reason
    # fails on PostgreSQL; reported, not this module's to fix).
    return joined(pack_in(index, "reason for declining"), DECLINE_REASON_MAX, "\n")


def staff_work(app: Flask, references: Sequence[str]) -> None:
    """Text staff type is shown to other staff too: a colleague whose name is a payload is
    assigned each packed enquiry, with a pack as an internal note, and declines it with another
    (each payload cut to 500) as the reason (all through the real actions)."""
    from intake.auth import accounts
    from intake.staff import actions

    with app.test_request_context("/staff/"):
        colleague = accounts.create_account("colleague@clinic.example", COLLEAGUE, "staff")
        db.session.commit()
        for index, reference in enumerate(references):
            enquiry = db.session.scalar(select(Enquiry).where(Enquiry.reference == reference))
            assert enquiry is not None
            actions.assign(enquiry, colleague.id, enquiry.revision, colleague.id)
            note = "\n".join(pack_in(index, "note"))
            actions.add_note(enquiry, colleague.id, enquiry.revision, note)
            actions.decline_appointment(
                enquiry, colleague.id, enquiry.revision, decline_reason(index)
            )
            db.session.commit()
        db.session.remove()


def test_every_payload_is_in_every_field_of_a_page_opened(stored: list[Stored]) -> None:
    """What the staff pages test checks each page shows adds up to every payload in every field:
    the writer's name and the article section of every enquiry (the inbox, the reports); the
    other fields of every packed enquiry (its page); and a page with triage highlights."""
    packed = [item for item in stored if item.packed]
    limits = {
        "message": MESSAGE_MAX,
        "email": EMAIL_MAX,
        "patient's name": NAME_MAX,
        "referring physician": NAME_MAX,
        "note": NOTE_MAX,
        "reason for declining": DECLINE_REASON_MAX,
    }
    for what, limit in limits.items():
        shown = " | ".join(squeeze(item.shown[what]) for item in packed)
        missing = [p for p in PAYLOADS if squeeze(fit(p, limit)) not in shown]
        assert not missing, (what, missing)
    for item in stored:
        assert item.shown["writer's name"] == fit(item.payload, NAME_MAX)
        assert item.shown["article section"] == fit(item.payload, SECTION_MAX)
    assert any(item.highlighted for item in packed)
    assert {"routine", "priority", "emergency"} <= {item.urgency for item in packed}


def test_the_csp_switch_works(servers: dict[str, LiveServer], watched: tuple[Page, Watch]) -> None:
    page, _ = watched
    on = page.goto(servers["csp-on"]("/contact"))
    assert on is not None and "script-src 'self'" in on.headers["content-security-policy"]
    off = page.goto(servers["csp-off"]("/contact"))
    assert off is not None and "content-security-policy" not in off.headers


# --- checking a page -------------------------------------------------------------------------


@pytest.fixture
def watched(kept_page: Callable[..., KeptPage]) -> tuple[Page, Watch]:
    """The module's watched page (no cookies, nothing seen yet): see ``KeptPage``."""
    kept = kept_page("xss", watched=True)
    return kept.page, kept.seen


def assert_clean(seen: Watch, where: str) -> None:
    problems = seen.problems()
    assert not problems, f"{where}: {problems}"


def page_text(page: Page) -> str:
    text: str = page.evaluate("() => document.body.textContent")
    return squeeze(text)


def assert_shown(visit: Visit, texts: Sequence[str], problems: Sequence[str] = ()) -> None:
    """No problems on the visit's page(s), and the stored text they must show is there as text:
    rendered, and escaped (markup would not be in the text, and a tag cut short would swallow
    what follows it). A failure names the page, what it saw, and each field not shown."""
    text = " ".join(texts)
    missing = [
        f"{what}: {value[:60]!r}" for what, value in visit.shows if squeeze(value) not in text
    ]
    assert not problems and not missing, (
        f"{visit.label}: {list(problems)}; not shown as text: {missing}"
    )


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


@pytest.mark.parametrize("payloads", FORM_PACKS, ids=range(len(FORM_PACKS)))
def test_payload_through_the_form(
    server: LiveServer, watched: tuple[Page, Watch], payloads: list[str]
) -> None:
    """A pack of payloads (joined by spaces: it fits a 200-character field) typed into every
    text field, refused, shown back, then accepted."""
    page, seen = watched
    payload = " ".join(payloads)
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
    assert len(visits) >= 3  # routine, priority and emergency at least
    for visit in visits:
        if visit.as_submitter_of is not None:
            page.context.add_cookies(
                [thanks_cookie(server.app, server, visit.as_submitter_of)]  # type: ignore[list-item]
            )
        response = page.goto(server(visit.path))
        assert response is not None and response.status == 200, visit
        if visit.as_submitter_of is not None:
            expect(page.locator(".reference")).to_have_text(visit.as_submitter_of)
        assert_shown(visit, [page_text(page)], seen.problems())


@pytest.fixture(scope="module")
def admin_session() -> list[Any]:
    """The signed-in admin's cookies, once signed in: both servers share the database and the
    secret key, and cookies are per host, not per port (a TOTP code works once)."""
    return []


@pytest.mark.parametrize(
    "server",
    # Without the CSP a payload that escaped would run, so csp-off is the stricter check and runs
    # in make test; the same pages under the CSP (about 15 s) run in make test-slow.
    ["csp-off", pytest.param("csp-on", marks=pytest.mark.slow)],
    indirect=True,
)
def test_stored_payloads_on_staff_pages(
    server: LiveServer,
    stored: list[Stored],
    watched: tuple[Page, Watch],
    admin_session: list[Any],
) -> None:
    page, seen = watched
    if admin_session:
        page.context.add_cookies(admin_session)
    else:
        sign_in(page, server, new_staff(server.app, role="admin"))
        admin_session.extend(page.context.cookies())
    visits = [visit for pages in STAFF_PAGES for visit in pages(stored)]
    enquiries = [v for v in visits if v.path.startswith("/staff/enquiries/")]
    assert len(enquiries) == len(PACKS)
    pages_seen = 0
    for visit in visits:
        # A search is typed into the form of the inbox page already open, if one is.
        if visit.search is None or urlsplit(page.url).path != urlsplit(server(visit.path)).path:
            response = page.goto(server(visit.path))
            assert response is not None and response.status == 200, visit
            assert page.url == server(visit.path), (visit, page.url)  # not sent to sign in
        if visit.search is not None:
            page.fill("#terms", visit.search)
            with page.expect_navigation():
                page.click("form.dash-search button[type=submit]")
            assert "search" in parse_qs(urlsplit(page.url).query), (visit, page.url)
            if visit.search == "alert":  # results full of payloads, not an empty list
                assert page.locator("table.dash-table tbody tr").count() > 20
        problems = seen.problems()
        texts = [page_text(page)]
        pages_seen += 1
        while visit.every_page and page.locator("a[rel=next]").count() and not problems:
            with page.expect_navigation():
                page.click("a[rel=next]")
            problems = [f"{page.url}: {problem}" for problem in seen.problems()]
            texts.append(page_text(page))
            pages_seen += 1
        assert_shown(visit, texts, problems)
    assert pages_seen > len(visits)  # the inbox had more than one page
