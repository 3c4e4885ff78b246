"""The patient's journey by keyboard alone (Tab, Shift+Tab, Enter, Space; text typed into the
field the keyboard reached) with a visible focus at every stop, and by touch on a 375x667
phone screen with nothing wider than the screen."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

from tests.browser.support import (
    MOBILE,
    KeptPage,
    Keyboard,
    LiveServer,
    Touch,
    assert_no_horizontal_scroll,
    enquiry_by_reference,
    focus_is_visible,
    patient_journey,
    red_flag_journey,
)

pytestmark = pytest.mark.browser


@pytest.fixture
def page(kept_page: Callable[..., KeptPage]) -> Page:
    """The module's desktop page, without cookies (see ``KeptPage``): the keyboard tests start
    from a navigation, as on a new page."""
    return kept_page("desktop").page


def test_patient_journey_by_keyboard_alone(page: Page, site: LiveServer) -> None:
    keyboard = Keyboard(page)
    reference = patient_journey(page, site, keyboard, email="keys@example.com")

    assert enquiry_by_reference(site.app, reference).email == "keys@example.com"
    assert keyboard.keys.get("Tab", 0) > 10
    assert keyboard.keys.get("Shift+Tab", 0) >= 1  # back up the form to the confirmation box
    kinds = {stop["tag"] for stop in keyboard.stops}
    assert {"a", "input", "textarea", "button", "summary"} <= kinds, kinds
    hidden = [stop for stop in keyboard.stops if not focus_is_visible(stop)]
    assert not hidden


def test_red_flag_by_keyboard(page: Page, site: LiveServer) -> None:
    reference = red_flag_journey(page, site, Keyboard(page))
    assert enquiry_by_reference(site.app, reference).urgency == "emergency"


def test_skip_link_is_first_and_visible_when_focused(page: Page, site: LiveServer) -> None:
    page.goto(site("/contact"))
    keyboard = Keyboard(page)
    stop = keyboard.tab_to("a.skip-link")
    assert len(keyboard.stops) == 1, keyboard.stops  # the very first Tab
    assert stop["text"] == "Skip to main content"
    expect(page.locator("a.skip-link")).to_be_in_viewport()
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_be_focused()
    # The next Tab goes into the page's content, past the header.
    keyboard.tab_to("main a, main input, main textarea, main button, main summary")
    assert len(keyboard.stops) == 2, keyboard.stops


def test_every_tab_stop_on_the_form_shows_focus_and_none_is_hidden(
    page: Page, site: LiveServer
) -> None:
    """Tab through the whole contact form: each stop visible, in view, and never the honeypot."""
    page.goto(site("/contact"))
    keyboard = Keyboard(page)
    keyboard.tab_to("form.enquiry-form button[type=submit]")
    names = [stop["name"] for stop in keyboard.stops]
    assert "website" not in names  # the honeypot is out of the tab order
    for field in ("symptoms_now", "message", "concerns", "name", "email", "phone", "consent"):
        assert field in names, (field, names)
    # And back again with Shift+Tab to the message box.
    keyboard.tab_to("#message", backwards=True)
    expect(page.locator("#message")).to_be_focused()


@pytest.fixture
def phone(kept_page: Callable[..., KeptPage]) -> Page:
    """The module's phone page (375x667, touch), without cookies: see ``KeptPage``."""
    return kept_page("phone", **MOBILE).page


def test_patient_journey_on_a_phone(phone: Page, site: LiveServer) -> None:
    reference = patient_journey(
        phone, site, Touch(phone), email="phone@example.com", check_layout=True
    )
    assert enquiry_by_reference(site.app, reference).email == "phone@example.com"


def test_red_flag_on_a_phone(phone: Page, site: LiveServer) -> None:
    red_flag_journey(phone, site, Touch(phone))
    assert_no_horizontal_scroll(phone)
    call = phone.locator("section.callout--emergency a[href='tel:911']")
    box = call.bounding_box()
    assert box is not None and box["height"] >= 44, box  # a thumb-sized target


@pytest.mark.parametrize("path", ["/", "/privacy", "/contact", "/no-such-page", "/staff/login"])
def test_pages_fit_a_phone_screen(phone: Page, site: LiveServer, path: str) -> None:
    phone.goto(site(path))
    assert_no_horizontal_scroll(phone)
    # Every link and button is at least 24x24 CSS px (WCAG 2.2 target size, AA) or inline text.
    small = phone.evaluate(
        """() => [...document.querySelectorAll('a, button, input, summary')]
          .filter((el) => el.offsetParent !== null && !el.closest('.hp'))
          .filter((el) => getComputedStyle(el).display !== 'inline')
          .map((el) => [el.outerHTML.slice(0, 80), el.getBoundingClientRect()])
          .filter(([, r]) => r.width < 24 || r.height < 24)
          .map(([html]) => html)"""
    )
    assert not small, small
