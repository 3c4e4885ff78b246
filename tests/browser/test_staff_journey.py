"""The staff's journeys in Chromium against the live server (PostgreSQL, the in-process SMTP
server): the whole working day of ``test_the_whole_staff_journey`` (sign in with password and
TOTP, filter the inbox to symptoms, search by name, open the enquiry, assign it, add a note,
record an appointment whose confirmation and .ics reach the SMTP server, export CSV, sign out,
and the back button shows nothing from before); first sign-in with TOTP enrolment; an admin
adding an account that its owner sets up; a password change.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from urllib.parse import parse_qs, unquote_plus, urlsplit
from zoneinfo import ZoneInfo

import icalendar
import pyotp
import pytest
from playwright.sync_api import BrowserContext, Page, Request, expect
from sqlalchemy import select

from intake.auth.models import AuditEvent
from intake.extensions import db
from intake.staff.export import HEADER
from tests.browser.support import (
    PASSWORD,
    LiveServer,
    new_staff,
    next_weekday,
    sign_in,
    store_directly,
    submit_login,
)
from tests.smtp_server import Received

pytestmark = pytest.mark.browser
SIGN_OUT = "form[action$='/staff/logout'] button"
PATIENT = "Bernadette Backbutton"
MESSAGE = (
    "For three weeks I have had new pain in my back and hip that wakes me at night. "
    "Could I have an appointment to get it checked?"
)
NOTE = "Called her back: she will bring her latest scan report to the appointment."
CLINICIAN = "Dr. Aurora Lindqvist"


def apply_concern_filter(page: Page, concern: str) -> None:
    """The inbox's filter form (a GET): choose the concern, apply."""
    page.select_option("#f-tag", concern)
    with page.expect_navigation():
        page.click("form.dash-filters button[type=submit]")


def press(page: Page, form_action_end: str) -> None:
    """The submit button of the enquiry page's form whose action ends so; back on the page."""
    with page.expect_navigation():
        page.click(f"form[action$='{form_action_end}'] button[type=submit]")


def confirmation_of(messages: list[Received]) -> Received:
    found = [m for m in messages if str(m.message["Subject"]).startswith("Your appointment at")]
    assert len(found) == 1, [str(m.message["Subject"]) for m in messages]
    return found[0]


def test_the_whole_staff_journey(
    page: Page, site: LiveServer, deliver: Callable[[str], list[Received]]
) -> None:
    account = new_staff(site.app, role="admin", name="Stella Staff")  # admins may export
    email = f"bernadette.{account.user_id}@example.com"  # one address per run: no rate limit
    reference = store_directly(
        site.app,
        kind="appointment",
        message=MESSAGE,
        concerns=["symptoms"],
        name=PATIENT,
        email=email,
        preferred_contact="email",  # the confirmation box starts ticked
        wants_confirmation=True,
    )
    zone = ZoneInfo(site.app.config["CLINIC_TIMEZONE"])
    visited: list[Request] = []
    page.on("request", lambda r: visited.append(r))
    landing = []
    page.on("response", lambda r: landing.append(r) if r.url == site("/staff/") else None)

    # Sign in: the password, then the code from the authenticator app.
    sign_in(page, site, account)
    expect(page.locator("body")).to_contain_text(f"Signed in as {account.name}")
    assert landing[-1].status == 200
    assert landing[-1].headers["cache-control"] == "no-store"
    assert landing[-1].headers["pragma"] == "no-cache"
    assert page.context.cookies()[0]["httpOnly"] is True
    nav = page.get_by_role("navigation", name="Staff pages")
    expect(nav.locator("a[aria-current='page']")).to_have_text("Inbox")

    # The inbox, filtered to symptoms with the filter form: the filter is in the query string.
    apply_concern_filter(page, "symptoms")
    query = parse_qs(urlsplit(page.url).query)
    assert query["tag"] == ["symptoms"], page.url
    row = page.locator("table.dash-table tbody tr", has_text=reference)
    expect(row).to_contain_text(PATIENT)
    expect(row).to_contain_text("symptoms")

    # Search by the patient's name: a POST, then an opaque search id in the URL.
    page.fill("#terms", PATIENT)
    with page.expect_navigation():
        page.click("form.dash-search button[type=submit]")
    posted = [r for r in visited if r.method == "POST" and r.url == site("/staff/search")]
    assert len(posted) == 1 and PATIENT in (posted[0].post_data or "").replace("+", " ")
    searched = parse_qs(urlsplit(page.url).query)
    assert re.fullmatch(r"[A-Za-z0-9_-]{16,32}", searched["search"][0]), page.url
    assert searched["tag"] == ["symptoms"]  # the filter stays
    expect(page.locator("#terms")).to_have_value(re.compile(f"^{PATIENT}$", re.I))  # kept
    rows = page.locator("table.dash-table tbody tr")
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text(reference)

    # The enquiry: everything submitted, the words that set its urgency highlighted.
    with page.expect_navigation():
        rows.first.locator(f"a:has-text('{reference}')").click()
    expect(page).to_have_url(site(f"/staff/enquiries/{reference}"))
    expect(page.locator(".dash-message")).to_have_text(MESSAGE)
    expect(page.locator(".dash-message mark.hl").first).to_be_visible()
    expect(nav.locator("a[aria-current='true']")).to_have_text("Inbox")

    # Assign it to me.
    expect(page.locator("#assign-assignee")).to_have_value("me")
    press(page, "/assign")
    expect(page.locator(".callout--info")).to_contain_text(f"Assigned to {account.name}.")
    expect(page.locator(".dash-facts")).to_contain_text(f"Assigned to{account.name}")

    # An internal note.
    page.fill("#note-text", NOTE)
    press(page, "/note")
    expect(page.locator(".callout--info")).to_contain_text("Note added.")
    expect(page.locator(".dash-timeline .dash-note")).to_have_text(NOTE)

    # The appointment, booked in the scheduling system, recorded here; the patient chose
    # email, so the confirmation (with its calendar invitation) is already ticked.
    day = next_weekday(zone, days=8)
    expect(page.locator("#appointment-send_confirmation")).to_be_checked()
    page.fill("#appointment-day", day.isoformat())
    page.fill("#appointment-start", "10:30")
    page.select_option("#appointment-duration", "45")
    page.fill("#appointment-clinician", CLINICIAN)
    press(page, "/appointment")
    expect(page.locator(".callout--info")).to_contain_text(
        "a confirmation with a calendar invitation is queued"
    )
    expect(page.locator("#appts-title + ul")).to_contain_text(f"with {CLINICIAN}")
    expect(page.locator(".dash-facts")).to_contain_text("Scheduled")

    # The outbox worker (``flask outbox send --once``, in-process) delivers the confirmation to
    # the SMTP server: to the patient, with the .ics, in the clinic's zone, no clinical words.
    confirmation = confirmation_of(deliver(reference))
    assert confirmation.rcpt_tos == (email,)
    mail = confirmation.message
    assert reference in str(mail["Subject"])
    text = mail.get_body(preferencelist=("plain",))
    assert text is not None
    body = text.get_content()
    for clinical in ("pain in my back", "hip", "wakes me", "symptoms"):
        assert clinical not in body.lower(), clinical  # nor the concern it was tagged with
    assert CLINICIAN not in body  # the patient did not allow health details by email
    invitations = [
        part for part in mail.iter_attachments() if part.get_filename() == "appointment.ics"
    ]
    assert len(invitations) == 1
    assert invitations[0].get_content_type() == "text/calendar"
    raw = invitations[0].get_payload(decode=True)
    assert isinstance(raw, bytes)
    starts = f"DTSTART;TZID={zone.key}:{day:%Y%m%d}T103000"
    assert starts in raw.decode("utf-8").replace("\r\n ", ""), raw
    event = icalendar.Calendar.from_ical(raw).walk("VEVENT")[0]
    assert str(event["SUMMARY"]) == f"Appointment at {site.app.config['CLINIC_NAME']}"
    assert event.decoded("DTSTART") == datetime(day.year, day.month, day.day, 10, 30, tzinfo=zone)
    assert (event.decoded("DTEND") - event.decoded("DTSTART")).total_seconds() == 45 * 60
    assert reference in str(event["DESCRIPTION"]) and "pain" not in raw.decode("utf-8")

    # Export the symptoms view as CSV: a page saying what the file holds, then the download.
    with page.expect_navigation():
        page.click(".dash-back a")
    apply_concern_filter(page, "symptoms")
    with page.expect_navigation():
        page.click("a:has-text('Export this view (CSV)')")
    expect(page.locator("h1")).to_have_text("Export enquiries as CSV")
    expect(page.locator("dl.summary")).to_contain_text("symptoms")
    with page.expect_download() as started:
        page.click("form[action$='/staff/export'] button[type=submit]")
    download = started.value
    assert re.fullmatch(r"enquiries-\d{8}-\d{6}\.csv", download.suggested_filename)
    data = Path(download.path()).read_bytes()
    assert data.startswith(b"\xef\xbb\xbf"), data[:10]  # UTF-8 with a BOM, for Excel
    table = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert tuple(table[0]) == HEADER
    exported = [dict(zip(HEADER, line, strict=True)) for line in table[1:]]
    ours = [line for line in exported if line["Reference"] == reference]
    assert len(ours) == 1, exported
    assert ours[0]["Writer's name"] == PATIENT
    assert ours[0]["Assignee"] == account.name
    assert ours[0]["Status"] == "scheduled"
    assert ours[0]["Kind"] == "appointment"
    assert "symptoms" in ours[0]["Concerns"].split("; ")
    assert all("symptoms" in line["Concerns"] for line in exported)
    assert MESSAGE not in data.decode("utf-8-sig") and email not in data.decode("utf-8-sig")

    # Back to the inbox that lists the patient, and sign out from there.
    with page.expect_navigation():
        page.click("main a:has-text('Back to the inbox')")
    last_private = page.url
    expect(page.locator("table.dash-table")).to_contain_text(PATIENT)
    with page.expect_navigation():
        page.click(SIGN_OUT)
    expect(page).to_have_url(site("/staff/login"))
    expect(page.locator(".callout--info")).to_contain_text("You have signed out.")

    # Back: the browser must ask the server again (no-store), which sends it to sign in.
    documents: list[Request] = []
    page.on("request", lambda r: documents.append(r) if r.resource_type == "document" else None)
    page.go_back()
    expect(page).to_have_url(re.compile(re.escape(site("/staff/login")) + r"\?next="))
    assert [r.url for r in documents][:1] == [last_private], [r.url for r in documents]
    expect(page.locator("h1")).to_have_text("Staff sign-in")
    body_text = page.locator("body")
    for private in (account.email, "Signed in as", PATIENT, reference, email, "scan report"):
        expect(body_text).not_to_contain_text(private)
    assert "pain in my back" not in page.content()

    # The patient's name was never in a URL the browser asked for (nor in a Referer).
    assert len(visited) > 20
    for request in visited:
        for seen in (request.url, request.headers.get("referer") or ""):
            plain = unquote_plus(seen).lower()
            assert "bernadette" not in plain and "backbutton" not in plain, seen
            assert email not in plain, seen

    # Every view and change is in the audit trail under the staff member's name.
    with site.app.app_context():
        actions = set(
            db.session.scalars(
                select(AuditEvent.action).where(AuditEvent.actor_id == account.user_id)
            )
        )
        db.session.remove()
    assert {
        "auth.sign_in",
        "staff.inbox",
        "staff.search",
        "enquiry.view",
        "enquiry.assignment",
        "enquiry.note",
        "enquiry.appointment",
        "export.csv",
        "auth.sign_out",
    } <= actions, actions

    # And the old page cannot be had by asking for it either.
    page.goto(last_private)
    expect(page).to_have_url(re.compile(re.escape(site("/staff/login"))))


def test_sign_in_pages_are_not_stored(page: Page, site: LiveServer) -> None:
    account = new_staff(site.app)
    response = page.goto(site("/staff/login"))
    assert response is not None and response.headers["cache-control"] == "no-store"
    with page.expect_response(site("/staff/login")) as answer:
        submit_login(page, account.email, account.password)
    assert answer.value.headers["cache-control"] == "no-store"
    expect(page.locator("h1")).to_have_text("Enter your code")


def test_wrong_code_then_the_right_one(page: Page, site: LiveServer) -> None:
    account = new_staff(site.app)
    page.goto(site("/staff/login"))
    submit_login(page, account.email, account.password)
    page.fill("#code", "99999")
    with page.expect_navigation():
        page.click("main form button[type=submit]")
    expect(page.locator(".error-summary")).to_contain_text("Sign-in failed")
    page.fill("#code", account.code())
    with page.expect_navigation():
        page.click("main form button[type=submit]")
    expect(page).to_have_url(site("/staff/"))


def enrol(page: Page) -> list[str]:
    """On the enrolment page: read the key as a person would type it into an app, confirm."""
    expect(page.locator("h1")).to_have_text("Set up two-factor sign-in")
    expect(page.locator(".totp-qr svg")).to_be_visible()
    secret = re.sub(r"\s", "", page.locator("figcaption code").inner_text())
    page.fill("#code", pyotp.TOTP(secret).now())
    with page.expect_navigation():
        page.click("main form button[type=submit]")
    expect(page.locator("h1")).to_have_text("Two-factor sign-in is set up")
    codes = [c.strip() for c in page.locator(".recovery-codes code").all_inner_texts()]
    assert len(codes) == 10 and len(set(codes)) == 10
    return codes


def test_first_sign_in_enrols_totp(page: Page, site: LiveServer) -> None:
    account = new_staff(site.app, enrol_totp=False)
    page.goto(site("/staff/login"))
    submit_login(page, account.email, account.password)
    expect(page).to_have_url(site("/staff/totp"))
    enrol(page)
    with page.expect_navigation():
        page.click("a.button:has-text('I have kept them')")
    expect(page).to_have_url(site("/staff/"))
    expect(page.locator("body")).to_contain_text(f"Signed in as {account.name}")


def test_admin_adds_an_account_and_its_owner_sets_it_up(
    page: Page, site: LiveServer, new_context: Callable[..., BrowserContext]
) -> None:
    admin = new_staff(site.app, role="admin", name="Ada Admin")
    sign_in(page, site, admin)
    page.goto(site("/staff/accounts"))
    with page.expect_navigation():
        page.click("a:has-text('Add an account')")
    newcomer = f"sam-{admin.user_id}@clinic.example"
    page.fill("#name", "Sam Scheduler")
    page.fill("#email", newcomer)
    with page.expect_navigation():
        page.click("main form button[type=submit]")
    link = page.locator("main code.reference").inner_text().strip()
    assert link.startswith(site("/staff/setup?token="))

    # The new member of staff, in their own browser.
    own = new_context().new_page()
    own.goto(link)
    expect(own).to_have_url(site("/staff/setup"))  # the token left the address bar
    own.fill("#password", PASSWORD)
    own.fill("#confirm_password", PASSWORD)
    with own.expect_navigation():
        own.click("main form button[type=submit]")
    enrol(own)
    with own.expect_navigation():
        own.click("a.button:has-text('I have kept them')")
    expect(own.locator("body")).to_contain_text("Signed in as Sam Scheduler")

    page.goto(site("/staff/accounts"))
    row = page.locator("tr", has_text=newcomer)
    expect(row.locator("td").nth(2)).to_have_text("Active")
    expect(row.locator("td").nth(3)).to_have_text("Yes")


def test_password_change_then_sign_in_with_the_new_one(
    page: Page, site: LiveServer, new_context: Callable[..., BrowserContext]
) -> None:
    account = new_staff(site.app)
    sign_in(page, site, account)
    page.goto(site("/staff/password"))
    page.fill("#current_password", account.password)
    page.fill("#new_password", "spruce harbour violet engine")
    page.fill("#confirm_password", "spruce harbour different")
    with page.expect_navigation():
        page.click("main form button[type=submit]")
    expect(page.locator(".error-summary")).to_contain_text("not the same")
    page.fill("#current_password", account.password)
    page.fill("#new_password", "spruce harbour violet engine")
    page.fill("#confirm_password", "spruce harbour violet engine")
    with page.expect_navigation():
        page.click("main form button[type=submit]")
    expect(page).to_have_url(site("/staff/"))
    expect(page.locator(".callout--info")).to_contain_text("Your password has been changed")
    with page.expect_navigation():
        page.click(SIGN_OUT)

    other = new_context().new_page()
    other.goto(site("/staff/login"))
    submit_login(other, account.email, account.password)  # the old password
    expect(other.locator(".error-summary")).to_contain_text("Sign-in failed")
