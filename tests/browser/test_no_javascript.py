"""With JavaScript switched off the site works the same: the journey, the red flag, the
disclosure sections (native <details>), and staff sign-in."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

from tests.browser.support import (
    KeptPage,
    LiveServer,
    Pointer,
    enquiry_by_reference,
    new_staff,
    patient_journey,
    red_flag_journey,
    sign_in,
)

pytestmark = pytest.mark.browser


@pytest.fixture
def no_js(kept_page: Callable[..., KeptPage]) -> Page:
    """The module's page with JavaScript off, without cookies: see ``KeptPage``."""
    return kept_page("no-js", java_script_enabled=False).page


def test_scripts_really_are_off(no_js: Page, site: LiveServer) -> None:
    no_js.goto(site("/contact"))
    # A <noscript>-free check: a script the test adds does not run.
    no_js.set_content(
        "<p id=p>before</p><script>document.getElementById('p').textContent='after'</script>"
    )
    expect(no_js.locator("#p")).to_have_text("before")


def test_patient_journey_without_javascript(no_js: Page, site: LiveServer) -> None:
    reference = patient_journey(no_js, site, Pointer(no_js), email="nojs@example.com")
    stored = enquiry_by_reference(site.app, reference)
    assert stored.email == "nojs@example.com"
    assert "recurrence" in stored.tag_names


def test_red_flag_without_javascript(no_js: Page, site: LiveServer) -> None:
    reference = red_flag_journey(no_js, site, Pointer(no_js))
    assert enquiry_by_reference(site.app, reference).urgency == "emergency"


def test_appointment_details_open_without_javascript(no_js: Page, site: LiveServer) -> None:
    no_js.goto(site("/contact"))
    no_js.check("#kind-1")  # request an appointment
    no_js.click("summary:has-text('Appointment details')")
    no_js.check("#preferred_days-2")  # Wednesday
    no_js.check("#preferred_times-0")  # morning
    no_js.fill("#referring_physician", "Dr. Ada Byers")
    no_js.fill("#message", "I would like an appointment to discuss my scan results.")
    no_js.fill("#email", "appointment@example.com")
    no_js.check("#consent")
    with no_js.expect_navigation():
        no_js.click("form.enquiry-form button[type=submit]")
    expect(no_js).to_have_url(site("/contact/thanks"))
    reference = no_js.locator(".reference").inner_text().strip()
    stored = enquiry_by_reference(site.app, reference)
    assert stored.kind == "appointment"
    assert stored.preferred_days == ["wed"]
    assert stored.preferred_times == ["morning"]
    assert stored.referring_physician == "Dr. Ada Byers"


def test_staff_sign_in_and_out_without_javascript(no_js: Page, site: LiveServer) -> None:
    account = new_staff(site.app)
    sign_in(no_js, site, account)
    expect(no_js.locator("body")).to_contain_text(f"Signed in as {account.name}")
    with no_js.expect_navigation():
        no_js.click("form[action$='/staff/logout'] button")
    expect(no_js).to_have_url(site("/staff/login"))
