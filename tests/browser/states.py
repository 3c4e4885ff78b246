"""Every page and state a person can reach today, each built in a browser page without cookies
(a new one for each screenshot; the accessibility sweep's states take turns with one page).

``test_accessibility.py`` runs axe-core on each (at 1280 and at 375 CSS px wide);
``screenshots.py`` (``make screenshots``) saves a picture of each. A new page or state is one
more ``@state`` function here, and both pick it up. ``staff-home`` is whatever /staff/ shows
on the main site (which other tests fill as they go).

The dashboard's states (issue 6's pages, as issue 7 asks) run on ``sites.dashboard``, a site of
its own seeded once per run (``support.seed_dashboard``: months of demo enquiries, accounts in
every state, an appointment request worked through the real actions, a dead letter), so each
page has rows, charts and banners to check, whatever order the states run in.
``dashboard_page(page, sites, path, role=...)`` opens a page there signed in (the password and
code the first time, then that session's cookie); ``staff_page`` does the same on the main site.
A state changes nothing another state checks (views add audit rows; a search saves its terms).
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pyotp
from playwright.sync_api import Page, expect

from tests.browser.support import (
    RED_FLAG,
    SEND,
    Dashboard,
    LiveServer,
    Sites,
    StaffAccount,
    new_staff,
    sign_in,
    submit_login,
)

Build = Callable[[Page, Sites], None]


@dataclass(frozen=True)
class State:
    name: str  # the test id and the screenshot's file name
    build: Build  # leaves the page showing the state (and checks it got there)


STATES: list[State] = []


def state(name: str) -> Callable[[Build], Build]:
    def register(build: Build) -> Build:
        STATES.append(State(name, build))
        return build

    return register


def goto(page: Page, url: str, status: int) -> None:
    response = page.goto(url)
    assert response is not None and response.status == status, (url, response and response.status)


def submit(page: Page, status: int, selector: str = "main form button[type=submit]") -> None:
    with page.expect_response(lambda r: r.request.method == "POST") as answer:
        with page.expect_navigation():
            page.click(selector)
    assert answer.value.status == status, (page.url, answer.value.status)


def fill_enquiry(page: Page, message: str, *, consent: bool = True, phone: bool = False) -> None:
    page.fill("#message", message)
    page.fill("#name", "Nora Patient")
    page.fill("#email", "nora.patient@example.com")
    if phone:
        page.fill("#phone", "(907) 555-0123")
        page.check("#preferred_contact-1")
    if consent:
        page.check("#consent")


def send_enquiry(page: Page, server: LiveServer, message: str, **options: bool) -> None:
    goto(page, server("/contact"), 200)
    fill_enquiry(page, message, **options)
    submit(page, 303, SEND)
    expect(page).to_have_url(server("/contact/thanks"))


# --- the public pages ------------------------------------------------------------------------


@state("article")
def article(page: Page, sites: Sites) -> None:
    goto(page, sites.main("/articles/metastatic-breast-cancer"), 200)
    expect(page.locator("h1")).to_contain_text("Metastatic Breast Cancer")


@state("privacy")
def privacy(page: Page, sites: Sites) -> None:
    goto(page, sites.main("/privacy"), 200)
    expect(page.locator("h1")).to_contain_text("Privacy")


@state("not-found")
def not_found(page: Page, sites: Sites) -> None:
    goto(page, sites.main("/no-such-page"), 404)
    expect(page.locator("h1")).to_have_text("Page not found")


@state("contact-empty")
def contact_empty(page: Page, sites: Sites) -> None:
    goto(page, sites.main("/contact"), 200)
    expect(page.locator("h1")).to_have_text("Contact us")


@state("contact-errors")
def contact_errors(page: Page, sites: Sites) -> None:
    goto(page, sites.main("/contact"), 200)
    submit(page, 422, SEND)
    expect(page.locator(".error-summary li")).to_have_count(3)  # message, contact, consent


@state("contact-red-flag-not-sent")
def contact_red_flag(page: Page, sites: Sites) -> None:
    goto(page, sites.main("/contact"), 200)
    fill_enquiry(page, RED_FLAG, consent=False)
    submit(page, 422, SEND)
    expect(page.locator("#emergency-heading")).to_have_text("Call 911 now")


@state("contact-csrf-expired")
def contact_csrf_expired(page: Page, sites: Sites) -> None:
    goto(page, sites.main("/contact"), 200)
    fill_enquiry(page, "When is the clinic open on Fridays?")
    page.context.clear_cookies()  # the session (and its CSRF token) has gone
    submit(page, 400, SEND)
    expect(page.locator(".callout--info h2")).to_have_text("Please send your message again")
    expect(page.locator("#message")).to_have_value("When is the clinic open on Fridays?")


@state("contact-rate-limited")
def contact_rate_limited(page: Page, sites: Sites) -> None:
    server = sites.limited
    for status in (None, 429):  # the first post uses up the limit (if nothing did before)
        goto(page, server("/contact"), 200)
        fill_enquiry(page, "Can I bring my daughter to my appointment?")
        with page.expect_response(lambda r: r.request.method == "POST") as answer:
            with page.expect_navigation():
                page.click(SEND)
        assert status is None or answer.value.status == status
    expect(page.locator(".callout--info h2")).to_have_text("Too many messages from your connection")


@state("contact-unavailable")
def contact_unavailable(page: Page, sites: Sites) -> None:
    server = sites.down
    goto(page, server("/contact"), 200)
    fill_enquiry(page, "Can I change my appointment to next week?")
    submit(page, 503, SEND)
    expect(page.locator(".callout--info h2")).to_have_text("Our system is briefly unavailable")
    expect(page.locator("#not-received-heading")).to_be_visible()


@state("error-unavailable")
def error_unavailable(page: Page, sites: Sites) -> None:
    send_enquiry(page, sites.main, "Do you have parking at the clinic?")
    # The same browser (cookies are per host, not per port) on the server whose database is down.
    goto(page, sites.down("/contact/thanks"), 503)
    expect(page.locator("h1")).to_have_text("The service is briefly unavailable")


@state("thanks-routine")
def thanks_routine(page: Page, sites: Sites) -> None:
    send_enquiry(page, sites.main, "What are the chances that my cancer comes back?")
    expect(page.locator("#routine-heading")).to_be_visible()


@state("thanks-priority")
def thanks_priority(page: Page, sites: Sites) -> None:
    send_enquiry(
        page,
        sites.main,
        "I have had new pain in my back and hip for two weeks and I am worried it has spread",
        phone=True,
    )
    expect(page.locator("#priority-heading")).to_be_visible()


@state("thanks-emergency")
def thanks_emergency(page: Page, sites: Sites) -> None:
    send_enquiry(page, sites.main, RED_FLAG)
    expect(page.locator("h1")).to_have_text("Call 911 now")


@state("thanks-self-harm")
def thanks_self_harm(page: Page, sites: Sites) -> None:
    send_enquiry(page, sites.main, "Since the diagnosis I keep thinking I want to kill myself")
    expect(page.locator("#self-harm-heading")).to_be_visible()


# --- the staff pages -------------------------------------------------------------------------


SIGNED_IN: dict[tuple[str, str], list[Any]] = {}  # (server, account's email): its cookies
ACCOUNTS: dict[tuple[str, str], StaffAccount] = {}  # (server, role): the main site's accounts


def open_as(page: Page, server: LiveServer, account: StaffAccount, path: str) -> None:
    """``path`` opened signed in as ``account``: through the sign-in pages (password and code)
    the first time, then with that session's cookie (a TOTP code works once)."""
    key = (server.url, account.email)
    if key in SIGNED_IN:
        page.context.add_cookies(SIGNED_IN[key])
        response = page.goto(server(path))
        if page.url == server(path):
            assert response is not None and response.status == 200, (path, response)
            return
    sign_in(page, server, account)
    SIGNED_IN[key] = page.context.cookies()
    if path != "/staff/":
        goto(page, server(path), 200)


def staff_page(page: Page, sites: Sites, path: str, *, role: str = "staff") -> StaffAccount:
    """``path`` on the main site, signed in with an account of ``role`` made for the states."""
    key = (sites.main.url, role)
    if key not in ACCOUNTS:
        ACCOUNTS[key] = new_staff(sites.main.app, role=role, name=f"Nora {role.title()}")
    open_as(page, sites.main, ACCOUNTS[key], path)
    return ACCOUNTS[key]


def dashboard_page(page: Page, sites: Sites, path: str, *, role: str = "staff") -> Dashboard:
    """``path`` on the seeded dashboard site, signed in as its nurse (or its admin)."""
    dashboard = sites.dashboard
    account = dashboard.admin if role == "admin" else dashboard.staff
    open_as(page, dashboard.server, account, path)
    return dashboard


def current_nav(page: Page, text: str, kind: str = "page") -> None:
    """The staff navigation marks ``text`` as where the page is."""
    nav = page.get_by_role("navigation", name="Staff pages")
    expect(nav.locator("a[aria-current]")).to_have_count(1)
    expect(nav.locator(f"a[aria-current='{kind}']")).to_have_text(text)


def enrol_page(page: Page, sites: Sites) -> None:
    """A password accepted for an account without TOTP: on to set it up (REQUIRE_TOTP)."""
    account = new_staff(sites.main.app, enrol_totp=False)
    goto(page, sites.main("/staff/login"), 200)
    submit_login(page, account.email, account.password)
    expect(page).to_have_url(sites.main("/staff/totp"))
    expect(page.locator("h1")).to_have_text("Set up two-factor sign-in")


@state("staff-login")
def staff_login(page: Page, sites: Sites) -> None:
    goto(page, sites.main("/staff/login"), 200)
    expect(page.locator("h1")).to_have_text("Staff sign-in")


@state("staff-login-failed")
def staff_login_failed(page: Page, sites: Sites) -> None:
    goto(page, sites.main("/staff/login"), 200)
    page.fill("#email", "nobody@clinic.example")
    page.fill("#password", "not the password")
    submit(page, 401)
    expect(page.locator(".error-summary")).to_contain_text("Sign-in failed")


@state("staff-login-rate-limited")
def staff_login_rate_limited(page: Page, sites: Sites) -> None:
    server = sites.limited
    for _ in range(2):  # one failure uses up the limit
        goto(page, server("/staff/login"), 200)
        page.fill("#email", "nobody@clinic.example")
        page.fill("#password", "not the password")
        with page.expect_navigation():
            page.click("main form button[type=submit]")
    expect(page.locator(".error-summary")).to_contain_text("Too many failed sign-in attempts")


@state("staff-code")
def staff_code(page: Page, sites: Sites) -> None:
    account = new_staff(sites.main.app)
    goto(page, sites.main("/staff/login"), 200)
    submit_login(page, account.email, account.password)
    expect(page.locator("h1")).to_have_text("Enter your code")


@state("staff-code-failed")
def staff_code_failed(page: Page, sites: Sites) -> None:
    staff_code(page, sites)
    page.fill("#code", "99999")  # five digits: never a valid code
    submit(page, 401)
    expect(page.locator(".error-summary")).to_contain_text("Sign-in failed")


@state("staff-totp-enrol")
def staff_totp_enrol(page: Page, sites: Sites) -> None:
    enrol_page(page, sites)
    expect(page.locator(".totp-qr svg")).to_be_visible()


@state("staff-totp-enrol-failed")
def staff_totp_enrol_failed(page: Page, sites: Sites) -> None:
    enrol_page(page, sites)
    page.fill("#code", "99999")
    submit(page, 422)
    expect(page.locator(".error-summary")).to_contain_text("That code did not work")


@state("staff-recovery-codes")
def staff_recovery_codes(page: Page, sites: Sites) -> None:
    enrol_page(page, sites)
    secret = re.sub(r"\s", "", page.locator("figcaption code").inner_text())
    page.fill("#code", pyotp.TOTP(secret).now())
    submit(page, 200)
    expect(page.locator(".recovery-codes li")).to_have_count(10)


@state("staff-home")
def staff_home(page: Page, sites: Sites) -> None:
    account = staff_page(page, sites, "/staff/")
    expect(page.locator("body")).to_contain_text(f"Signed in as {account.name}")


@state("staff-password")
def staff_password(page: Page, sites: Sites) -> None:
    staff_page(page, sites, "/staff/password")
    expect(page.locator("h1")).to_have_text("Change your password")


@state("staff-password-errors")
def staff_password_errors(page: Page, sites: Sites) -> None:
    staff_password(page, sites)
    page.fill("#new_password", "short")
    submit(page, 422)
    expect(page.locator(".error-summary li")).to_have_count(3)


@state("staff-accounts")
def staff_accounts(page: Page, sites: Sites) -> None:
    """On the dashboard site: accounts active, waiting for set-up and deactivated."""
    dashboard_page(page, sites, "/staff/accounts", role="admin")
    current_nav(page, "Accounts")
    for status in ("Active", "Waiting for set-up", "Deactivated"):
        expect(page.locator("table tbody td", has_text=status).first).to_be_visible()
    expect(page.locator("a", has_text="Reset two-factor").first).to_be_visible()


@state("staff-account-reset-totp")
def staff_account_reset_totp(page: Page, sites: Sites) -> None:
    """The confirmation before an admin resets a colleague's two-factor sign-in (not done)."""
    dashboard_page(page, sites, "/staff/accounts", role="admin")
    row = page.locator("tr", has_text="Theo Triage")
    with page.expect_navigation():
        row.locator("a", has_text="Reset two-factor").click()
    expect(page.locator("h1")).to_have_text("Reset two-factor sign-in for Theo Triage?")
    current_nav(page, "Accounts", "true")


@state("staff-account-new-errors")
def staff_account_new_errors(page: Page, sites: Sites) -> None:
    staff_page(page, sites, "/staff/accounts/new", role="admin")
    page.fill("#email", "not an address")
    submit(page, 422)
    expect(page.locator(".error-summary")).to_be_visible()


@state("staff-setup-link")
def staff_setup_link(page: Page, sites: Sites) -> None:
    staff_page(page, sites, "/staff/accounts/new", role="admin")
    page.fill("#name", "Sam Scheduler")
    page.fill("#email", f"sam-{uuid.uuid4().hex[:10]}@clinic.example")
    submit(page, 200)
    expect(page.locator("h1")).to_have_text("Set-up link for Sam Scheduler")


@state("staff-setup")
def staff_setup(page: Page, sites: Sites) -> None:
    staff_setup_link(page, sites)
    link = page.locator("main code.reference").inner_text().strip()
    page.context.clear_cookies()  # the new member of staff, in their own browser
    goto(page, link, 200)  # 303 to /staff/setup, then the form
    expect(page.locator("h1")).to_have_text("Set up your account")


@state("staff-signed-out")
def staff_signed_out(page: Page, sites: Sites) -> None:
    sign_in(page, sites.main, new_staff(sites.main.app))  # a session of its own to end
    with page.expect_navigation():
        page.click("form[action$='/staff/logout'] button")
    expect(page).to_have_url(sites.main("/staff/login"))
    expect(page.locator(".callout--info")).to_contain_text("You have signed out.")


# --- the dashboard on its seeded site (issue 6's pages, checked as issue 7 asks) ---------------


@state("staff-inbox")
def staff_inbox(page: Page, sites: Sites) -> None:
    dashboard_page(page, sites, "/staff/")
    current_nav(page, "Inbox")
    expect(page.locator("#inbox-caption")).to_be_visible()
    assert page.locator("table.dash-table tbody tr").count() >= 5
    expect(page.locator(".outbox-banner")).to_be_visible()  # the seeded dead letter


@state("staff-inbox-filtered")
def staff_inbox_filtered(page: Page, sites: Sites) -> None:
    """Symptoms only, chosen with the filter form (a GET: the view can be bookmarked)."""
    dashboard_page(page, sites, "/staff/")
    page.select_option("#f-tag", "symptoms")
    with page.expect_navigation():
        page.click("form.dash-filters button[type=submit]")
    expect(page).to_have_url(re.compile(r"[?&]tag=symptoms(&|$)"))
    expect(page.locator("#f-tag")).to_have_value("symptoms")
    expect(page.locator(".dash-counts__list a[aria-current='true']", has_text="Symptoms"))
    assert page.locator("table.dash-table tbody tr").count() >= 2


@state("staff-search-results")
def staff_search_results(page: Page, sites: Sites) -> None:
    """A search by the patient's surname: POSTed, the URL holds only an opaque id."""
    dashboard = dashboard_page(page, sites, "/staff/")
    surname = dashboard.patient_name.split()[-1]
    page.fill("#terms", surname)
    with page.expect_navigation():
        page.click("form.dash-search button[type=submit]")
    expect(page).to_have_url(re.compile(r"/staff/\?search=[A-Za-z0-9_-]{16,32}$"))
    assert surname.lower() not in page.url.lower()
    rows = page.locator("table.dash-table tbody tr")
    expect(rows).to_have_count(2)  # the showcase and the earlier enquiry from the same address
    expect(rows.filter(has_text=dashboard.reference)).to_have_count(1)


@state("staff-enquiry")
def staff_enquiry(page: Page, sites: Sites) -> None:
    """Tags (with a staff correction), highlighted reasons, an assignment, a note, an
    appointment, a possible duplicate and the mail queued about it."""
    dashboard = sites.dashboard
    dashboard_page(page, sites, f"/staff/enquiries/{dashboard.reference}")
    expect(page.locator("h1")).to_have_text(f"Enquiry {dashboard.reference}")
    current_nav(page, "Inbox", "true")
    expect(page.locator(".dash-message mark.hl").first).to_be_visible()
    expect(page.locator("#concerns-caption")).to_be_visible()
    expect(page.locator(".dash-facts")).to_contain_text("Nora Nurse")
    expect(page.locator(".dash-note")).to_contain_text("latest scan report")
    expect(page.locator("#appts-title + ul")).to_contain_text("Dr. Aurora Lindqvist")
    expect(page.locator("#dupes-caption")).to_be_visible()
    expect(page.locator("form[action$='/appointment'] button")).to_be_visible()


@state("staff-export")
def staff_export(page: Page, sites: Sites) -> None:
    dashboard_page(page, sites, "/staff/export?tag=symptoms", role="admin")
    expect(page.locator("h1")).to_have_text("Export enquiries as CSV")
    current_nav(page, "Export")
    expect(page.locator("form[action$='/staff/export'] button")).to_have_text("Download CSV")


@state("staff-reports")
def staff_reports(page: Page, sites: Sites) -> None:
    dashboard_page(page, sites, "/staff/reports")
    current_nav(page, "Reports")
    expect(page.locator("svg.chart")).to_have_count(2)  # weekly lines and the section bars
    expect(page.locator("svg.chart polyline").first).to_be_attached()
    assert page.locator("table:has(#sections-caption) tbody tr").count() > 1


@state("staff-audit")
def staff_audit(page: Page, sites: Sites) -> None:
    dashboard_page(page, sites, "/staff/audit", role="admin")
    current_nav(page, "Audit log")
    assert page.locator("table.ledger tbody tr").count() > 5


@state("staff-outbox")
def staff_outbox(page: Page, sites: Sites) -> None:
    """A dead letter: the banner on top, the retry buttons, the waiting mail below."""
    dashboard = dashboard_page(page, sites, "/staff/outbox")
    current_nav(page, "Outbox")
    expect(page.locator(".outbox-banner")).to_contain_text("could not be delivered")
    expect(
        page.locator(f"form[action$='/outbox/{dashboard.dead_letter}/retry'] button")
    ).to_be_visible()
    expect(page.locator("form[action$='/outbox/retry-dead'] button")).to_be_visible()
    assert page.locator("table:has(#pending-caption) tbody tr").count() > 1
