"""``make screenshots``: a full-page PNG of every page and state in ``states.STATES``, on a phone
(375x667) and a desktop (1280 wide), saved as ``docs/screenshots/<state>-<screen>.png``.

Not a test module (``make test`` does not collect it): ``make screenshots`` runs it through
pytest, on purpose, to reuse the browser tests' servers and fixtures (PostgreSQL at
TEST_DATABASE_URL, Chromium at /usr/bin/chromium). Look at the pictures after a change to a
template or the CSS.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext

from tests.browser.states import STATES, State
from tests.browser.support import DESKTOP, MOBILE, ROOT, Sites

pytestmark = pytest.mark.browser

OUT = Path(os.environ.get("SCREENSHOTS_DIR", ROOT / "docs" / "screenshots"))
SCREENS = {"mobile": MOBILE, "desktop": DESKTOP}


@pytest.fixture(scope="module", autouse=True)
def clean_folder() -> None:
    """No stale pictures: remove those of states that no longer exist."""
    OUT.mkdir(parents=True, exist_ok=True)
    current = {f"{s.name}-{screen}.png" for s in STATES for screen in SCREENS}
    for old in OUT.glob("*.png"):
        if old.name not in current:
            old.unlink()


@pytest.mark.parametrize("screen", list(SCREENS))
@pytest.mark.parametrize("state", STATES, ids=[s.name for s in STATES])
def test_screenshot(
    new_context: Callable[..., BrowserContext], sites: Sites, state: State, screen: str
) -> None:
    page = new_context(**SCREENS[screen]).new_page()
    state.build(page, sites)
    page.wait_for_load_state("load")
    path = OUT / f"{state.name}-{screen}.png"
    page.screenshot(path=path, full_page=True, animations="disabled", caret="hide")
    assert path.stat().st_size > 1000
