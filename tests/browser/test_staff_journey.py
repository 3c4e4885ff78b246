"""The staff's journeys in Chromium: sign in with password and TOTP, land on /staff/, sign out,
and the back button shows nothing from before; first sign-in with TOTP enrolment; an admin
adding an account that its owner sets up; a password change.

Issue 6 (the dashboard) extends ``test_sign_in_work_and_sign_out``: filter the inbox to
symptoms, search by name, open the enquiry, assign it, add a note, record an appointment (its
email and .ics reach ``smtp``: use the ``deliver`` fixture), export CSV, then sign out.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pyotp
import pytest
from playwright.sync_api import BrowserContext, Page, Request, expect

from tests.browser.support import (
    PASSWORD,
    LiveServer,
    new_staff,
    sign_in,
    store_directly,
    submit_login,
)

pytestmark = pytest.mark.browser
SIGN_OUT = "form[action$='/staff/logout'] button"


def test_sign_in_work_and_sign_out(page: Page, site: LiveServer) -> None:
    account = new_staff(site.app, name="Stella Staff")
    reference = store_directly(site.app, name="Bernadette Backbutton", symptoms_now=True)
    landing = []
    page.on("response", lambda r: landing.append(r) if r.url == site("/staff/") else None)

    sign_in(page, site, account)
    expect(page.locator("body")).to_contain_text(f"Signed in as {account.name}")
    assert landing[-1].status == 200
    headers = landing[-1].headers
    assert headers["cache-control"] == "no-store"
    assert headers["pragma"] == "no-cache"
    assert page.context.cookies()[0]["httpOnly"] is True

    # (Issue 6: the inbox, an enquiry, a note, an appointment and an export go here.)

    with page.expect_navigation():
        page.click(SIGN_OUT)
    expect(page).to_have_url(site("/staff/login"))
    expect(page.locator(".callout--info")).to_contain_text("You have signed out.")

    # Back: the browser must ask the server again (no-store), which sends it to sign in.
    requests: list[Request] = []
    page.on("request", lambda r: requests.append(r) if r.resource_type == "document" else None)
    page.go_back()
    signed_out = re.escape(site("/staff/login")) + r"\?next=(/|%2F)staff(/|%2F)$"
    expect(page).to_have_url(re.compile(signed_out))
    assert [r.url for r in requests][:1] == [site("/staff/")], [r.url for r in requests]
    expect(page.locator("h1")).to_have_text("Staff sign-in")
    body = page.locator("body")
    for private in (account.email, "Signed in as", "Bernadette Backbutton", reference):
        expect(body).not_to_contain_text(private)

    # And the old page cannot be had by asking for it either.
    page.goto(site("/staff/"))
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
        page.click("form button[type=submit]")
    expect(page.locator(".error-summary")).to_contain_text("Sign-in failed")
    page.fill("#code", account.code())
    with page.expect_navigation():
        page.click("form button[type=submit]")
    expect(page).to_have_url(site("/staff/"))


def enrol(page: Page) -> list[str]:
    """On the enrolment page: read the key as a person would type it into an app, confirm."""
    expect(page.locator("h1")).to_have_text("Set up two-factor sign-in")
    expect(page.locator(".totp-qr svg")).to_be_visible()
    secret = re.sub(r"\s", "", page.locator("figcaption code").inner_text())
    page.fill("#code", pyotp.TOTP(secret).now())
    with page.expect_navigation():
        page.click("form button[type=submit]")
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
        page.click("form button[type=submit]")
    link = page.locator("main code.reference").inner_text().strip()
    assert link.startswith(site("/staff/setup?token="))

    # The new member of staff, in their own browser.
    own = new_context().new_page()
    own.goto(link)
    expect(own).to_have_url(site("/staff/setup"))  # the token left the address bar
    own.fill("#password", PASSWORD)
    own.fill("#confirm_password", PASSWORD)
    with own.expect_navigation():
        own.click("form button[type=submit]")
    enrol(own)
    with own.expect_navigation():
        own.click("a.button:has-text('I have kept them')")
    expect(own.locator("body")).to_contain_text("Signed in as Sam Scheduler")

    page.goto(site("/staff/accounts"))
    row = page.locator("tr", has_text=newcomer)
    expect(row.locator("td").nth(3)).to_have_text("Active")
    expect(row.locator("td").nth(4)).to_have_text("Yes")


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
        page.click("form button[type=submit]")
    expect(page.locator(".error-summary")).to_contain_text("not the same")
    page.fill("#current_password", account.password)
    page.fill("#new_password", "spruce harbour violet engine")
    page.fill("#confirm_password", "spruce harbour violet engine")
    with page.expect_navigation():
        page.click("form button[type=submit]")
    expect(page).to_have_url(site("/staff/"))
    expect(page.locator(".callout--info")).to_contain_text("Your password has been changed")
    with page.expect_navigation():
        page.click(SIGN_OUT)

    other = new_context().new_page()
    other.goto(site("/staff/login"))
    submit_login(other, account.email, account.password)  # the old password
    expect(other.locator(".error-summary")).to_contain_text("Sign-in failed")
