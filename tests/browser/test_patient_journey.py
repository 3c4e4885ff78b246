"""The patient's journey in Chromium, with a mouse: the article, its call to action, a mistake,
the error summary, the fix, the reference; the mail it sends; and the 911 guidance for a red
flag, on the refusal and on the thanks page."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

from tests.browser.support import (
    CLINIC_INBOX,
    RED_FLAG,
    KeptPage,
    LiveServer,
    Pointer,
    enquiry_by_reference,
    patient_journey,
    red_flag_journey,
)
from tests.smtp_server import Received

pytestmark = pytest.mark.browser


@pytest.fixture
def page(kept_page: Callable[..., KeptPage]) -> Page:
    """The module's desktop page, without cookies: see ``KeptPage``."""
    return kept_page("desktop").page


def test_article_to_reference_with_a_mistake_on_the_way(
    page: Page, site: LiveServer, deliver: Callable[[str], list[Received]]
) -> None:
    reference = patient_journey(page, site, Pointer(page), email="nora.journey@example.com")

    stored = enquiry_by_reference(site.app, reference)
    assert stored is not None
    assert stored.email == "nora.journey@example.com"
    assert stored.writer_name == "Nora Patient"
    assert "recurrence" in stored.tag_names
    assert stored.source_section  # the article section whose call to action was followed
    assert stored.wants_confirmation

    mail = deliver(reference)
    recipients = sorted(r for m in mail for r in m.rcpt_tos)
    assert recipients == sorted([CLINIC_INBOX, "nora.journey@example.com"]), recipients
    confirmation = next(m for m in mail if "nora.journey@example.com" in m.rcpt_tos)
    assert reference in str(confirmation.message["Subject"])
    assert "How likely is it" not in confirmation.data.decode()  # never the message itself


def test_the_error_summary_link_moves_focus_to_the_field(page: Page, site: LiveServer) -> None:
    page.goto(site("/contact"))
    page.click("form.enquiry-form button[type=submit]")
    links = page.locator(".error-summary a")
    expect(links).to_have_count(3)
    for anchor in ("message", "email", "consent"):
        page.click(f".error-summary a[href='#{anchor}']")
        expect(page.locator(f"#{anchor}")).to_be_focused()
        expect(page.locator(f"#{anchor}")).to_be_in_viewport()


def test_red_flag_shows_911_on_the_refusal_and_on_the_thanks_page(
    page: Page, site: LiveServer
) -> None:
    reference = red_flag_journey(page, site, Pointer(page))
    stored = enquiry_by_reference(site.app, reference)
    assert stored is not None
    assert stored.urgency == "emergency"
    assert stored.message == RED_FLAG
