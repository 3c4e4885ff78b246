"""axe-core (bundled by axe-playwright-python: no network) on every page and state in
``states.STATES``: no violation of the WCAG 2.0, 2.1 and 2.2 A and AA rules, at 1280 and at 375
CSS px wide. Each state is also checked for a page that breaks its own Content-Security-Policy
(an inline style or script) and for script errors.

The states take turns with one page (``kept_page``: no cookies at the start of each, a new page
after a failure), and axe is injected once per state, then run at both widths: a new page and
a second injection of axe's 570 kB would cost about 0.4 s a state, 40 states over.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page

from tests.browser.states import STATES, State
from tests.browser.support import MOBILE, KeptPage, Sites, assert_no_horizontal_scroll

pytestmark = pytest.mark.browser

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
AXE_OPTIONS: dict[str, Any] = {
    "runOnly": {"type": "tag", "values": WCAG_TAGS},
    "resultTypes": ["violations"],
}
AXE = Axe()


def axe_results(page: Page) -> dict[str, Any]:
    """axe-core's results for the page as it is now (inject axe first: :func:`inject_axe`)."""
    results: dict[str, Any] = page.evaluate("(options) => axe.run(document, options)", AXE_OPTIONS)
    return results


def inject_axe(page: Page) -> None:
    """axe-core into the document (until the next navigation)."""
    page.evaluate(AXE.axe_script)


@pytest.fixture(scope="module", autouse=True)
def limited_server_early(request: pytest.FixtureRequest, sites: Sites) -> None:
    """The rate-limited states' server (gunicorn, seconds to import the app) starts while the
    states before them run."""
    if any("rate-limited" in item.nodeid for item in request.session.items):
        sites.spawn_limited()


def violations_report(violations: list[dict[str, Any]]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"][:5]:
            lines.append(f"    {', '.join(map(str, node['target']))}: {node['html'][:160]}")
            lines.append(f"      {node.get('failureSummary', '').replace(chr(10), ' ')[:300]}")
    return "\n".join(lines)


def test_the_sweep_covers_every_state() -> None:
    names = [s.name for s in STATES]
    assert len(names) == len(set(names))
    for needed in (
        "article",
        "privacy",
        "not-found",
        "contact-empty",
        "contact-errors",
        "contact-csrf-expired",
        "contact-rate-limited",
        "contact-unavailable",
        "thanks-routine",
        "thanks-priority",
        "thanks-emergency",
        "staff-login",
        "staff-code",
        "staff-totp-enrol",
        "staff-home",
        "staff-accounts",
        "staff-account-reset-totp",
        "staff-password",
        "staff-signed-out",
        # The dashboard (issue 6), on its seeded site.
        "staff-inbox",
        "staff-inbox-filtered",
        "staff-search-results",
        "staff-enquiry",
        "staff-export",
        "staff-reports",
        "staff-audit",
        "staff-outbox",
    ):
        assert needed in names, needed


@pytest.mark.parametrize("state", STATES, ids=[s.name for s in STATES])
def test_no_wcag_violations(kept_page: Callable[..., KeptPage], sites: Sites, state: State) -> None:
    kept = kept_page("states", watched=True)
    page, seen = kept.page, kept.seen
    state.build(page, sites)
    page.wait_for_load_state("load")
    csp = page.evaluate("() => window.__csp || []") + seen.console_csp
    assert not csp, f"{state.name}: the page breaks its own CSP: {csp}"
    assert not seen.errors, f"{state.name}: script errors on the page: {seen.errors}"
    # At 1280 wide, then the same page on a phone's width (375 CSS px): axe again, and nothing
    # wider than the screen (WCAG 1.4.10 reflow).
    inject_axe(page)
    for screen, size in (("desktop", None), ("phone", MOBILE["viewport"])):
        if size is not None:
            page.set_viewport_size(size)
            assert_no_horizontal_scroll(page)
        results = axe_results(page)
        violations = results["violations"]
        assert not violations, f"{state.name} ({screen}):\n{violations_report(violations)}"
        assert results["testEngine"]["version"].startswith("4.")
        assert results["url"] == page.url  # axe ran on this state's page, not a stale one
