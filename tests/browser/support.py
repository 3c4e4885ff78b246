"""What the browser tests share: Chromium's settings, real servers, staff accounts, and the
patient's journey written once for every way of using a page (pointer, touch, keyboard).

The servers are the real app: in-process behind werkzeug's threaded WSGI server on 127.0.0.1
(a free port), or gunicorn in a subprocess where the app's global state would otherwise leak
between servers (Flask-Limiter keeps one "enabled" switch for every app in a process).
"""

from __future__ import annotations

import base64
import http.client
import os
import re
import secrets
import shutil
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pyotp
import sqlalchemy as sa
from flask import Flask
from playwright.sync_api import Browser, BrowserContext, Page, expect
from werkzeug.serving import BaseWSGIServer, WSGIRequestHandler, make_server

from intake import create_app
from intake.extensions import db
from tests.conftest import make_config
from tests.smtp_server import SmtpServer, free_port

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM_PATH = os.environ.get("INTAKE_CHROMIUM", "/usr/bin/chromium")
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
# Reduced motion: the site honours it by turning smooth scrolling off, so a test need not wait
# for an in-page link's scroll to settle before its next step.
DESKTOP: dict[str, Any] = {"viewport": {"width": 1280, "height": 800}, "reduced_motion": "reduce"}
MOBILE: dict[str, Any] = {
    "viewport": {"width": 375, "height": 667},
    "is_mobile": True,
    "has_touch": True,
    "device_scale_factor": 1,
    "reduced_motion": "reduce",
}
REFERENCE = re.compile(r"ACT-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}")
PASSWORD = "glacier kettle morning lantern"
CLINIC_INBOX = "clinic@clinic.example"
SEND = "form.enquiry-form button[type=submit]"


def chromium_executable() -> str | None:
    """Debian's Chromium (or INTAKE_CHROMIUM), if it is installed."""
    if os.path.isfile(CHROMIUM_PATH) and os.access(CHROMIUM_PATH, os.X_OK):
        return CHROMIUM_PATH
    return shutil.which("chromium")


def launch_options(executable: str) -> dict[str, Any]:
    return {"executable_path": executable, "headless": True, "args": LAUNCH_ARGS}


# --- databases -----------------------------------------------------------------------------


def create_database(server_url: str) -> str:
    """A new, empty PostgreSQL database (as the ``pg_url`` fixture makes), its URL."""
    name = f"intake_browser_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(server_url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    finally:
        admin.dispose()
    return sa.engine.make_url(server_url).set(database=name).render_as_string(hide_password=False)


def drop_database(url: str) -> None:
    parsed = sa.engine.make_url(url)
    admin = sa.create_engine(parsed.set(database="postgres"), isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{parsed.database}" WITH (FORCE)'))
    finally:
        admin.dispose()


def missing_database(server_url: str) -> str:
    """A URL on the real server naming a database that does not exist: a database outage."""
    name = f"intake_missing_{uuid.uuid4().hex[:12]}"
    return sa.engine.make_url(server_url).set(database=name).render_as_string(hide_password=False)


# --- servers -------------------------------------------------------------------------------


class QuietHandler(WSGIRequestHandler):
    """No access log on the test output (the app keeps its own)."""

    def log(self, type: str, message: str, *args: Any) -> None:
        return None


def wait_until_up(
    port: int, timeout: float = 30.0, alive: Callable[[], bool] = lambda: True
) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and alive():
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
        try:
            conn.request("GET", "/livez")
            if conn.getresponse().status == 200:
                return
        except OSError:
            pass
        finally:
            conn.close()
        time.sleep(0.05)
    raise RuntimeError(f"the server on port {port} did not answer /livez")


class LiveServer:
    """The app served by werkzeug's threaded WSGI server in a background thread."""

    def __init__(self, app: Flask, name: str = "main") -> None:
        self.app = app
        self.name = name
        self.server: BaseWSGIServer = make_server(
            "127.0.0.1", 0, app, threaded=True, request_handler=QuietHandler
        )
        self.port = int(self.server.server_port)
        self.url = f"http://127.0.0.1:{self.port}"
        app.config["PUBLIC_BASE_URL"] = self.url
        self.thread = threading.Thread(
            target=self.server.serve_forever, name=f"live-server-{name}", daemon=True
        )

    def start(self) -> LiveServer:
        self.thread.start()
        wait_until_up(self.port)
        return self

    def stop(self) -> None:
        if self.thread.is_alive():
            self.server.shutdown()
            self.thread.join(timeout=10)
        self.server.server_close()
        with self.app.app_context():
            db.session.remove()
            db.engine.dispose()

    def __call__(self, path: str = "/") -> str:
        return self.url + path


class GunicornServer:
    """``gunicorn wsgi:app`` (one worker) in a subprocess, configured by the environment."""

    def __init__(self, env: dict[str, str], name: str) -> None:
        self.name = name
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.env = {**os.environ, **env, "PUBLIC_BASE_URL": self.url}
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> GunicornServer:
        return self.spawn().wait()

    def spawn(self) -> GunicornServer:
        """Start the process without waiting for it to answer (:meth:`wait`)."""
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "-w",
                "1",
                "-b",
                f"127.0.0.1:{self.port}",
                "--no-control-socket",
                "--timeout",
                "30",
                "wsgi:app",
            ],
            cwd=ROOT,
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        return self

    def wait(self) -> GunicornServer:
        """Until the server answers /livez (or its process has ended: then stopped, and raise)."""
        process = self.process
        assert process is not None, "spawn() first"
        try:
            wait_until_up(self.port, alive=lambda: process.poll() is None)
        except RuntimeError:
            self.stop()
            raise
        return self

    def stop(self) -> None:
        if self.process is None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=5)
        self.process = None

    def __call__(self, path: str = "/") -> str:
        return self.url + path


def site_settings(smtp: SmtpServer, secret_key: str, **overrides: Any) -> dict[str, Any]:
    """The served app's settings: as in production where a test can (CSRF on, TOTP required),
    mail to the in-process SMTP server."""
    settings: dict[str, Any] = {
        "WTF_CSRF_ENABLED": True,
        "REQUIRE_TOTP": True,
        "SECRET_KEY": secret_key,
        "MAIL_SERVER": smtp.host,
        "MAIL_PORT": smtp.port,
        "MAIL_TIMEOUT": 5,
        "MAIL_DEFAULT_SENDER": "intake@clinic.example",
        "CLINIC_NOTIFY_TO": CLINIC_INBOX,
        "CLINIC_URGENT_TO": CLINIC_INBOX,
        "LOG_LEVEL": "WARNING",
    }
    settings.update(overrides)
    return settings


class Sites:
    """Every server the browser tests use, made on demand and all stopped by :meth:`close`.

    ``main`` is the app on its own fresh PostgreSQL database. ``limited`` (rate limits of one
    attempt), ``down`` (its database does not exist) and ``dashboard`` (a database of its own,
    seeded with a working inbox: see :func:`seed_dashboard`) are started the first time a test
    asks for them.
    """

    def __init__(self, pg_server_url: str, smtp: SmtpServer) -> None:
        self.pg_server_url = pg_server_url
        self.smtp = smtp
        self.secret_key = secrets.token_urlsafe(48)
        self.databases: list[str] = []
        self.servers: list[LiveServer | GunicornServer] = []
        self.database_url = ""
        self._main: LiveServer | None = None
        self._limited: GunicornServer | None = None
        self._limited_up = False
        self._down: LiveServer | None = None
        self._dashboard: Dashboard | None = None

    def start(self) -> Sites:
        self.database_url = self.new_database()
        self._main = self.serve(self.database_url, name="main")
        return self

    @property
    def main(self) -> LiveServer:
        assert self._main is not None, "Sites.start() first"
        return self._main

    def new_database(self) -> str:
        url = create_database(self.pg_server_url)
        self.databases.append(url)
        app = create_app(make_config(url))
        with app.app_context():
            db.create_all()
            db.session.remove()
            db.engine.dispose()
        return url

    def serve(self, database_url: str, name: str = "extra", **overrides: Any) -> LiveServer:
        config = make_config(database_url, **site_settings(self.smtp, self.secret_key, **overrides))
        server = LiveServer(create_app(config), name=name)
        self.servers.append(server)
        return server.start()

    def spawn_limited(self) -> None:
        """Start :attr:`limited`'s process now, not waiting for it: importing the app takes
        gunicorn seconds, which a test that needs it later need not wait for."""
        if self._limited is None:
            self._limited = self._limited_server().spawn()

    @property
    def limited(self) -> GunicornServer:
        """gunicorn on the main database with limits of one per day (CSRF off: testing)."""
        if self._limited is None:
            self.spawn_limited()
        assert self._limited is not None
        if not self._limited_up:
            self._limited.wait()
            self._limited_up = True
        return self._limited

    def _limited_server(self) -> GunicornServer:
        server = GunicornServer(
            {
                "INTAKE_ENV": "testing",
                "DATABASE_URL": self.database_url,
                "SECRET_KEY": self.secret_key,
                "DATA_ENCRYPTION_KEY": base64.urlsafe_b64encode(os.urandom(32)).decode(),
                "RATELIMIT_ENABLED": "1",
                "RATELIMIT_STORAGE_URI": "memory://",
                "ENQUIRY_RATE_LIMIT": "1 per day",
                "LOGIN_RATE_LIMIT": "1 per day",
                "MAIL_SERVER": self.smtp.host,
                "MAIL_PORT": str(self.smtp.port),
                "CLINIC_NOTIFY_TO": CLINIC_INBOX,
                "LOG_LEVEL": "ERROR",
                "GUNICORN_LOG_LEVEL": "error",
            },
            name="limited",
        )
        self.servers.append(server)
        return server

    @property
    def down(self) -> LiveServer:
        """The app whose database is unreachable (answers 503), sharing the main secret key."""
        if self._down is None:
            self._down = self.serve(missing_database(self.pg_server_url), name="down")
        return self._down

    @property
    def dashboard(self) -> Dashboard:
        """The app on a database of its own holding months of enquiries and staff work, so the
        dashboard's pages have something to show (and nothing another test does shows there)."""
        if self._dashboard is None:
            server = self.serve(
                self.new_database(), name="dashboard", APPOINTMENT_LOCATIONS=DASHBOARD_LOCATIONS
            )
            self._dashboard = seed_dashboard(server)
        return self._dashboard

    def close(self) -> None:
        """Stop every server, then drop the databases; each step side by side (a server's
        shutdown waits for its poll loop, each DROP DATABASE for a checkpoint)."""
        with ThreadPoolExecutor(max_workers=8) as pool:
            list(pool.map(lambda server: server.stop(), self.servers))
        with ThreadPoolExecutor(max_workers=8) as pool:
            list(pool.map(drop_database, self.databases))


# --- staff ---------------------------------------------------------------------------------


@dataclass
class StaffAccount:
    user_id: int
    email: str
    name: str
    password: str
    secret: str | None
    url: str = ""  # the server it was made on, where a test keeps it

    def code(self) -> str:
        assert self.secret is not None
        return pyotp.TOTP(self.secret).now()


def new_staff(
    app: Flask, *, role: str = "staff", enrol_totp: bool = True, name: str = "Nora Nurse"
) -> StaffAccount:
    """An account of its own for each sign-in (a TOTP code works once per 30 seconds)."""
    from tests.test_auth_support import make_user

    email = f"staff-{uuid.uuid4().hex[:10]}@clinic.example"
    user_id, secret = make_user(
        app, email, password=PASSWORD, role=role, name=name, enrol_totp=enrol_totp
    )
    return StaffAccount(user_id, email, name, PASSWORD, secret)


def submit_login(page: Page, email: str, password: str) -> None:
    page.fill("#email", email)
    page.fill("#password", password)
    with page.expect_navigation():
        page.click("main form button[type=submit]")


def sign_in(page: Page, server: LiveServer, account: StaffAccount) -> None:
    """Password, then the code, through the pages; ends on the staff landing page."""
    page.goto(server("/staff/login"))
    submit_login(page, account.email, account.password)
    expect(page.locator("h1")).to_have_text("Enter your code")
    page.fill("#code", account.code())
    with page.expect_navigation():
        page.click("main form button[type=submit]")
    expect(page).to_have_url(server("/staff/"))


# --- enquiries -----------------------------------------------------------------------------


def enquiry_by_reference(app: Flask, reference: str) -> Any:
    """The stored enquiry (detached, tags loaded); fails the test if there is none."""
    from sqlalchemy import select

    from intake.models import Enquiry

    with app.app_context():
        enquiry = db.session.scalar(select(Enquiry).where(Enquiry.reference == reference))
        assert enquiry is not None, f"no enquiry {reference} in the database"
        _ = enquiry.tag_names  # load the tags before the session closes
        db.session.expunge(enquiry)
        return enquiry


def store_directly(app: Flask, **fields: Any) -> str:
    """Store an enquiry as the form view does (same service, inside a request), without a
    browser; returns its reference. ``fields`` override a plain routine question."""
    from intake.enquiry.service import Submission, store_enquiry

    values: dict[str, Any] = {
        "kind": "question",
        "message": "What are the chances that my cancer comes back?",
        "concerns": [],
        "symptoms_now": False,
        "name": "Test Patient",
        "relationship": "patient",
        "email": "patient@example.com",
        "phone": None,
        "preferred_contact": "email",
        "voicemail_ok": False,
        "email_details_ok": False,
        "wants_confirmation": False,
        "submission_key": uuid.uuid4().hex,
        "privacy_version": "test",
    }
    values.update(fields)
    with app.test_request_context("/contact", method="POST"):
        enquiry, created = store_enquiry(Submission(**values))
        assert created
        reference = str(enquiry.reference)
        db.session.remove()
    return reference


def thanks_cookie(app: Flask, server: LiveServer, reference: str) -> dict[str, Any]:
    """The session cookie a browser holds after submitting ``reference`` (the thanks page is
    bound to the submitter's session), signed with the app's key."""
    serializer = app.session_interface.get_signing_serializer(app)  # type: ignore[attr-defined]
    assert serializer is not None
    value = serializer.dumps({"thanks_refs": [reference]})
    return {"name": app.config["SESSION_COOKIE_NAME"], "value": value, "url": server.url}


# --- the dashboard's data ---------------------------------------------------------------------

DASHBOARD_LOCATIONS = "Alaska Cancer Treatment Center (Anchorage),Mat-Su clinic (Wasilla)"
SHOWCASE_MESSAGE = (
    "For two weeks I have had new pain in my back and hip, and I am worried the cancer has "
    "spread. Could I see a doctor soon? Tuesdays are best for me."
)


@dataclass
class Dashboard:
    """The seeded dashboard server: its accounts and the enquiry every dashboard page shows."""

    server: LiveServer
    staff: StaffAccount  # Nora Nurse, who works the showcase enquiry
    admin: StaffAccount
    reference: str  # the showcase: tags, highlighted reasons, a note, an assignment, a booking
    earlier: str  # an earlier enquiry from the same address (a possible duplicate)
    patient_name: str
    dead_letter: int


def next_weekday(zone: ZoneInfo, days: int = 7) -> date:
    """A Monday-to-Friday clinic date ``days`` or more from today."""
    day = datetime.now(zone).date() + timedelta(days=days)
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day


def seed_dashboard(server: LiveServer) -> Dashboard:
    """Months of synthetic enquiries (``flask demo seed``'s own code, obviously fictional), the
    accounts of every state (active, waiting for set-up, deactivated), one appointment request
    worked through the real actions (assigned, a staff correction, a note, an appointment with
    its confirmation queued), and one dead letter (so the outbox banner and its retry show)."""
    from intake.auth import accounts
    from intake.models import Enquiry
    from intake.staff import actions
    from intake.staff.clock import clinic_zone
    from intake.staff.demo import seed_enquiries
    from tests.test_staff_periphery_support import add_message

    app = server.app
    staff = new_staff(app, name="Nora Nurse")
    admin = new_staff(app, role="admin", name="Ada Admin")
    new_staff(app, name="Theo Triage")
    with app.app_context():
        accounts.create_account("sam.scheduler@clinic.example", "Sam Scheduler", "staff")
        gone = accounts.create_account("gus.gone@clinic.example", "Gus Gone", "staff")
        accounts.deactivate(gone, actor_id=admin.user_id)
        db.session.commit()
        seed_enquiries(240, seed=7)
        db.session.remove()

    name = "Marit Halvorsen"
    who: dict[str, Any] = {
        "name": name,
        "email": "marit.halvorsen@example.com",
        "phone": "+19075550142",
        "preferred_contact": "email",
        "source_section": "recurrence",
    }
    earlier = store_directly(app, message="Is the clinic open on Saturdays for blood tests?", **who)
    reference = store_directly(
        app,
        kind="appointment",
        message=SHOWCASE_MESSAGE,
        concerns=["symptoms"],
        wants_confirmation=True,
        preferred_days=["tue"],
        preferred_times=["morning"],
        referring_physician="Dr. Ingrid Solberg",
        **who,
    )
    with app.test_request_context("/staff/"):
        enquiry = db.session.scalar(sa.select(Enquiry).where(Enquiry.reference == reference))
        assert enquiry is not None
        nurse = staff.user_id
        steps: list[Callable[[int], Any]] = [
            lambda rev: actions.assign(enquiry, nurse, rev, nurse),
            # A staff correction: "other" (appointments) added beside the rules' concerns.
            lambda rev: actions.correct_tags(enquiry, nurse, rev, [*{*enquiry.tag_names, "other"}]),
            lambda rev: actions.add_note(
                enquiry,
                nurse,
                rev,
                "Called back: she will bring her latest scan report. Booked with Dr. Lindqvist.",
            ),
            lambda rev: actions.book_appointment(
                enquiry,
                nurse,
                rev,
                starts_at=datetime.combine(
                    next_weekday(clinic_zone()), datetime.min.time(), clinic_zone()
                ).replace(hour=10, minute=30),
                duration_minutes=60,
                location=DASHBOARD_LOCATIONS.split(",")[0],
                allowed_locations=DASHBOARD_LOCATIONS.split(","),
                clinician="Dr. Aurora Lindqvist",
                send_confirmation=True,
            ),
        ]
        for step in steps:
            step(enquiry.revision)
            db.session.commit()
        db.session.remove()
    dead = add_message(
        app,
        status="dead",
        age=timedelta(hours=2),
        recipient=CLINIC_INBOX,
        attempts=12,
        last_error="550 5.1.1 <address removed>: Recipient address rejected",
        last_attempt_at=datetime.now(UTC) - timedelta(minutes=20),
    )
    return Dashboard(server, staff, admin, reference, earlier, name, dead)


# --- inputs: pointer, touch and keyboard -----------------------------------------------------

FOCUS_JS = """(selector) => {
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return null;
  const style = getComputedStyle(el);
  return {
    tag: el.tagName.toLowerCase(), id: el.id, name: el.getAttribute('name'),
    href: el.getAttribute('href'), text: (el.innerText || el.value || '').trim().slice(0, 60),
    outlineStyle: style.outlineStyle, outlineWidth: style.outlineWidth,
    matches: selector ? el.matches(selector) : false,
  };
}"""


def focus_is_visible(state: dict[str, Any]) -> bool:
    """WCAG 2.4.7: the focused element draws an outline (every focus style here has one)."""
    return state["outlineStyle"] != "none" and float(state["outlineWidth"].rstrip("px")) > 0


class Pointer:
    """A mouse user: clicks and types into fields."""

    name = "pointer"

    def __init__(self, page: Page) -> None:
        self.page = page

    def press(self, selector: str) -> None:
        self.page.click(selector)

    def follow(self, selector: str) -> None:
        with self.page.expect_navigation():
            self.press(selector)

    def type_into(self, selector: str, text: str) -> None:
        self.page.fill(selector, text)

    def tick(self, selector: str) -> None:
        self.press(selector)
        expect(self.page.locator(selector)).to_be_checked()

    def untick(self, selector: str) -> None:
        if self.page.is_checked(selector):
            self.press(selector)
        expect(self.page.locator(selector)).not_to_be_checked()

    def submit(self) -> None:
        self.follow(SEND)

    def go_to_error(self, anchor: str) -> None:
        """Follow the error summary's link to the field."""
        self.press(f".error-summary a[href='#{anchor}']")


class Touch(Pointer):
    """A phone user: taps (the context has touch and a 375x667 screen)."""

    name = "touch"

    def press(self, selector: str) -> None:
        self.page.tap(selector)


class Keyboard(Pointer):
    """Tab, Shift+Tab, Enter and Space only; text typed into the field the keyboard reached.

    Every element the Tab key reaches must show a visible focus indicator.
    """

    name = "keyboard"
    LIMIT = 150

    def __init__(self, page: Page) -> None:
        super().__init__(page)
        self.stops: list[dict[str, Any]] = []
        self.keys: dict[str, int] = {}

    def focused(self, selector: str | None = None) -> dict[str, Any] | None:
        state: dict[str, Any] | None = self.page.evaluate(FOCUS_JS, selector)
        return state

    def tab_to(self, selector: str, *, backwards: bool = False) -> dict[str, Any]:
        key = "Shift+Tab" if backwards else "Tab"
        for _ in range(self.LIMIT):
            self.page.keyboard.press(key)
            self.keys[key] = self.keys.get(key, 0) + 1
            state = self.focused(selector)
            if state is None:
                continue  # passed the end of the page: the next Tab starts again at the top
            self.stops.append(state)
            assert focus_is_visible(state), f"no visible focus on {state}"
            if state["matches"]:
                return state
        raise AssertionError(f"{key} never reached {selector!r} in {self.LIMIT} presses")

    def reach(self, selector: str) -> None:
        """Move the focus to ``selector``: Tab when it lies ahead, Shift+Tab when behind."""
        state = self.focused(selector)
        if state is not None and state["matches"]:
            return
        behind = self.page.evaluate(
            """(selector) => {
              const here = document.activeElement, there = document.querySelector(selector);
              if (!there || !here || here === document.body) return false;
              const position = here.compareDocumentPosition(there);
              return Boolean(position & Node.DOCUMENT_POSITION_PRECEDING);
            }""",
            selector,
        )
        self.tab_to(selector, backwards=behind)

    def press(self, selector: str) -> None:
        self.reach(selector)
        state = self.focused()
        key = "Space" if state and state["tag"] == "input" else "Enter"
        self.page.keyboard.press(key)

    def type_into(self, selector: str, text: str) -> None:
        self.reach(selector)
        self.page.keyboard.press("Control+A")
        self.page.keyboard.type(text)
        expect(self.page.locator(selector)).to_have_value(text)

    def tick(self, selector: str) -> None:
        self.reach(selector)
        self.page.keyboard.press("Space")
        expect(self.page.locator(selector)).to_be_checked()

    def untick(self, selector: str) -> None:
        if self.page.is_checked(selector):
            self.reach(selector)
            self.page.keyboard.press("Space")
        expect(self.page.locator(selector)).not_to_be_checked()

    def submit(self) -> None:
        self.reach(SEND)
        with self.page.expect_navigation():
            self.page.keyboard.press("Enter")

    def go_to_error(self, anchor: str) -> None:
        """Tab to the summary's link, Enter: the browser moves focus to the field."""
        self.reach(f".error-summary a[href='#{anchor}']")
        self.page.keyboard.press("Enter")
        expect(self.page.locator(f"#{anchor}")).to_be_focused()


def assert_no_horizontal_scroll(page: Page) -> None:
    """Nothing wider than the screen (WCAG 1.4.10 reflow at 320 CSS px and up)."""
    widths = page.evaluate(
        "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    assert widths[0] <= widths[1], f"page is {widths[0]}px wide on a {widths[1]}px screen"


def patient_journey(
    page: Page,
    server: LiveServer,
    driver: Pointer,
    *,
    email: str = "nora.patient@example.com",
    check_layout: bool = False,
) -> str:
    """Article, the recurrence call to action, the concern ticked, a mistake, the error summary,
    the fix, the reference. Returns the reference shown."""
    page.goto(server("/articles/metastatic-breast-cancer"))
    expect(page.locator("h1")).to_contain_text("Metastatic Breast Cancer")
    if check_layout:
        assert_no_horizontal_scroll(page)
    cta = "a.button[href*='concern=recurrence']"
    expect(page.locator(cta)).to_have_text("Ask our team about recurrence")
    driver.follow(cta)

    expect(page).to_have_url(re.compile(r"/contact\?concern=recurrence&from="))
    expect(page.locator("h1")).to_have_text("Contact us")
    expect(page.locator("#concerns-0")).to_be_checked()  # recurrence, ticked for the patient
    expect(page.locator("#source")).to_have_value(re.compile(r"^[a-z0-9-]+$"))
    if check_layout:
        assert_no_horizontal_scroll(page)

    message = "My scan last year was clear. How likely is it that the cancer comes back?"
    driver.type_into("#message", message)
    driver.type_into("#name", "Nora Patient")
    driver.type_into("#email", "nora.patient@example")  # the mistake: no top-level domain
    driver.tick("#consent")
    driver.tick("#wants_confirmation")  # back up the form: "email me a confirmation"
    driver.submit()

    summary = page.locator(".error-summary")
    expect(summary).to_be_visible()
    expect(summary.locator("h2")).to_have_text("There is a problem with your message")
    expect(summary.locator("a[href='#email']")).to_contain_text("Enter a valid email address")
    expect(page).to_have_title(re.compile(r"^Not sent: Contact us"))
    # What was typed is kept, the field says what is wrong, and the concern is still ticked.
    expect(page.locator("#message")).to_have_value(message)
    expect(page.locator("#email")).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#email")).to_have_attribute("aria-describedby", re.compile("email-error"))
    expect(page.locator("#concerns-0")).to_be_checked()
    expect(page.locator("#consent")).to_be_checked()
    expect(page.locator("#wants_confirmation")).to_be_checked()
    if check_layout:
        assert_no_horizontal_scroll(page)

    driver.go_to_error("email")
    expect(page).to_have_url(re.compile(r"#email$"))
    driver.type_into("#email", email)
    driver.submit()

    expect(page).to_have_url(server("/contact/thanks"))
    expect(page.locator("h1")).to_have_text("Thank you: we have your message")
    reference = page.locator(".reference").inner_text().strip()
    assert REFERENCE.fullmatch(reference), reference
    if check_layout:
        assert_no_horizontal_scroll(page)
    return reference


RED_FLAG = "I had a seizure this morning"


def red_flag_journey(page: Page, server: LiveServer, driver: Pointer) -> str:
    """A red flag shows the 911 guidance on the refusal (consent unticked) and on the thanks
    page. Returns the reference."""
    page.goto(server("/contact"))
    driver.type_into("#message", RED_FLAG)
    driver.type_into("#email", "red.flag@example.com")
    driver.untick("#consent")
    driver.submit()

    expect(page.locator(".error-summary a[href='#consent']")).to_be_visible()
    not_received = page.locator("#not-received-heading")
    expect(not_received).to_have_text("We have NOT received your message")
    emergency = page.locator("section.callout--emergency")
    expect(emergency.locator("#emergency-heading")).to_have_text("Call 911 now")
    expect(emergency.locator("a[href='tel:911']")).to_have_text("Call 911")
    expect(page.locator("#message")).to_have_value(RED_FLAG)

    driver.tick("#consent")
    driver.submit()
    expect(page).to_have_url(server("/contact/thanks"))
    expect(page.locator("h1")).to_have_text("Call 911 now")
    emergency = page.locator("section.callout--emergency")
    expect(emergency.locator("a[href='tel:911']")).to_have_text("Call 911")
    expect(emergency).to_contain_text("We have saved your message and alerted the clinic")
    reference = page.locator(".reference").inner_text().strip()
    assert REFERENCE.fullmatch(reference), reference
    return reference


# --- what a page must not do -------------------------------------------------------------

WATCH_JS = """(() => {
  // Any script that runs on purpose or by injection and calls a dialog marks the page first.
  for (const name of ['alert', 'confirm', 'prompt', 'print']) {
    const original = window[name];
    window[name] = function (...args) {
      window.__xss = window.__xss || name;
      return original.apply(this, args);
    };
  }
  window.__csp = [];
  document.addEventListener('securitypolicyviolation', (event) => {
    window.__csp.push([event.violatedDirective, event.blockedURI, event.sample].join(' '));
  });
})();"""

INJECTED_MARKUP_JS = """() => {
  const found = [];
  for (const el of document.querySelectorAll('*')) {
    for (const attr of el.getAttributeNames()) {
      const value = (el.getAttribute(attr) || '').trim().toLowerCase();
      if (attr.startsWith('on')) found.push(`${el.tagName} ${attr}`);
      else if (['href', 'src', 'action', 'formaction', 'data', 'xlink:href'].includes(attr)
               && value.replace(/[\\s\\u0000-\\u001f]/g, '').startsWith('javascript:'))
        found.push(`${el.tagName} ${attr}=javascript:`);
    }
    const tag = el.tagName.toLowerCase();
    if (tag === 'script' && el.type !== 'application/ld+json') found.push('script');
    if (['iframe', 'frame', 'object', 'embed', 'base', 'marquee'].includes(tag))
      found.push(tag);
    if (tag === 'meta' && el.hasAttribute('http-equiv')) found.push('meta http-equiv');
  }
  return found;
}"""


# The XSS marker, the CSP violations seen and the injected markup found, in one evaluation.
PAGE_STATE_JS = (
    "() => [window.__xss === undefined ? null : String(window.__xss), window.__csp || [], ("
    + INJECTED_MARKUP_JS
    + ")()]"
)


@dataclass
class Watch:
    """Dialogs, page errors and CSP violations seen by one page."""

    page: Page
    dialogs: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    console_csp: list[str] = field(default_factory=list)

    def problems(self) -> list[str]:
        marker, csp, injected = self.page.evaluate(PAGE_STATE_JS)  # one round trip a page
        out = [f"dialog: {d}" for d in self.dialogs]
        out += [f"page error: {e}" for e in self.errors]
        if marker is not None:
            out.append(f"window.__xss set by {marker}")
        out += [f"CSP violation: {v}" for v in csp]
        out += [f"CSP console: {c}" for c in self.console_csp]
        out += [f"injected markup: {m}" for m in injected]
        return out


def watch(page: Page) -> Watch:
    """Record what the page does; the init script runs before any of the page's own."""
    seen = Watch(page)
    page.add_init_script(WATCH_JS)

    def on_dialog(dialog: Any) -> None:
        seen.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    def on_console(message: Any) -> None:
        if "Content Security Policy" in message.text:
            seen.console_csp.append(message.text)

    page.on("dialog", on_dialog)
    page.on("pageerror", lambda error: seen.errors.append(str(error)))
    page.on("console", on_console)
    return seen


class KeptPage:
    """A browser context and page that the tests of a module take turns with (the fixture:
    ``kept_page`` in conftest.py).

    A new context and page cost a busy two-core machine about 0.3 s, and most tests only need a
    page without cookies. Each turn starts on about:blank with no cookies, no routes, the
    context's own viewport, the mouse in the corner (nothing hovered), one page, and
    (``watched``, see :func:`watch`) empty records of dialogs, errors and CSP reports. What
    persists: the HTTP cache of the CSS, the page's history, and the watch's init script and
    handlers (installed once); a test that needs more (extra headers, emulated media, storage:
    the app uses none) takes a fresh context from ``new_context`` instead. A test that fails
    gives the page up (closed), so the next test starts in a new context and one failure cannot
    spill into another.
    """

    def __init__(
        self, browser: Browser, options: dict[str, Any], watched: bool, timeout_ms: float
    ) -> None:
        self.browser = browser
        self.timeout_ms = timeout_ms
        self.options = {**DESKTOP, **options}
        self.watched = watched
        self.context: BrowserContext | None = None
        self._page: Page | None = None
        self._seen: Watch | None = None
        self.errors: list[str] = []  # script errors of an unwatched page

    @property
    def page(self) -> Page:
        assert self._page is not None, "take a turn first"
        return self._page

    @property
    def seen(self) -> Watch:
        assert self._seen is not None, "a watched KeptPage"
        return self._seen

    def turn(self) -> KeptPage:
        if self.context is None:
            self.context = self.browser.new_context(**self.options)
            self.context.set_default_timeout(self.timeout_ms)
            self._page = self.context.new_page()
            if self.watched:
                self._seen = watch(self._page)
            else:
                self._page.on("pageerror", lambda error: self.errors.append(str(error)))
            return self
        assert len(self.context.pages) == 1, "a test left another page open in the context"
        self.page.goto("about:blank")
        self.context.clear_cookies()
        self.context.unroute_all()
        self.page.unroute_all()
        self.page.set_viewport_size(self.options["viewport"])
        self.page.mouse.move(0, 0)  # no element left hovered (:hover changes colours for axe)
        self.errors.clear()
        if self._seen is not None:
            self._seen.dialogs.clear()
            self._seen.errors.clear()
            self._seen.console_csp.clear()
        return self

    def close(self) -> None:
        if self.context is not None:
            self.context.close()
        self.context = self._page = self._seen = None


@contextmanager
def timed(label: str, sink: dict[str, float]) -> Iterator[None]:
    started = time.monotonic()
    try:
        yield
    finally:
        sink[label] = time.monotonic() - started
