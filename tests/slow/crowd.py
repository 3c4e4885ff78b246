"""Patients submitting the form concurrently through gunicorn, each retrying with the same
idempotency key until the clinic confirms (a 303 to the thanks page), as a person presses
"Send" again on the page they were given back."""

from __future__ import annotations

import re
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field

from tests.slow.support import CLINIC_PHONE, Browser, Failed, Response, hidden_inputs

REFERENCE = re.compile(r"ACT-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}")


@dataclass
class Attempt:
    at: float
    step: str  # "GET", "POST" or "THANKS"
    port: int
    status: int | None  # None: no HTTP answer (refused, reset, timed out)
    detail: str = ""


@dataclass
class Patient:
    index: int
    address: str
    fields: dict[str, str]
    key: str = ""
    confirmed_at: float | None = None
    confirmed_port: int | None = None
    reference: str | None = None  # as the thanks page showed it
    attempts: list[Attempt] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def confirmed(self) -> bool:
        return self.confirmed_at is not None


def check_refusal(patient: Patient, answer: Response) -> None:
    """A refused submission (400, 429, 503) must be the form again with the patient's text,
    the same idempotency key and the clinic's phone."""
    if answer.status == 503 and "briefly unavailable" not in answer.body:
        patient.problems.append("503 without the 'briefly unavailable' notice")
    if patient.fields["message"] not in answer.body:
        patient.problems.append(f"{answer.status} lost the patient's text")
    if CLINIC_PHONE not in answer.body:
        patient.problems.append(f"{answer.status} without the clinic's phone")
    key = hidden_inputs(answer.body).get("submission_key")
    if key != patient.key:
        patient.problems.append(f"{answer.status} changed the idempotency key")


class Crowd:
    """Runs patients on ``threads`` threads. Attempt ``n`` of patient ``i`` gets the form from
    ``ports[(i + n) % len]`` and posts it to ``ports[(i // 2 + n) % len]``: spread over every
    instance, a session begun on one finished on another, and each retry on the next one (as a
    load balancer would send it). Stops by itself: ``max_attempts`` per patient, and a deadline.
    """

    def __init__(
        self,
        ports: list[int],
        patients: list[Patient],
        *,
        threads: int,
        deadline_seconds: float,
        max_attempts: int = 60,
        retry_pause: float = 0.2,
        follow_thanks: bool = False,
        still_going: Callable[[], bool] = lambda: True,
    ) -> None:
        self.ports = ports
        self.patients = patients
        self.queue = deque(patients)
        self.threads = [
            threading.Thread(target=self._work, name=f"patient-{n}", daemon=True)
            for n in range(threads)
        ]
        self.deadline = time.monotonic() + deadline_seconds
        self.max_attempts = max_attempts
        self.retry_pause = retry_pause
        self.follow_thanks = follow_thanks
        self.still_going = still_going
        self.lock = threading.Lock()
        self.confirmed = 0
        self.errors: list[str] = []

    def start(self) -> Crowd:
        for thread in self.threads:
            thread.start()
        return self

    def join(self) -> None:
        for thread in self.threads:
            thread.join(timeout=max(1.0, self.deadline - time.monotonic() + 30))

    @property
    def finished(self) -> bool:
        return not any(thread.is_alive() for thread in self.threads)

    def _next(self) -> Patient | None:
        with self.lock:
            if not self.queue or not self.still_going():
                return None
            return self.queue.popleft()

    def _work(self) -> None:
        try:
            while time.monotonic() < self.deadline:
                patient = self._next()
                if patient is None:
                    return
                self.submit(patient)
        except Exception as exc:  # noqa: BLE001 - reported by the test, never lost in a thread
            with self.lock:
                self.errors.append(f"{type(exc).__name__}: {exc}")

    def submit(self, patient: Patient) -> None:
        browser = Browser(patient.address)
        form: dict[str, str] | None = None
        count = len(self.ports)
        for n in range(self.max_attempts):
            if time.monotonic() > self.deadline:
                patient.problems.append("gave up at the deadline")
                return
            if n:
                time.sleep(min(self.retry_pause * n, 1.0))
            get_port = self.ports[(patient.index + n) % count]
            post_port = self.ports[(patient.index // 2 + n) % count]
            if form is None:
                try:
                    page = browser.get(get_port, "/contact")
                except Failed as exc:
                    patient.attempts.append(
                        Attempt(time.monotonic(), "GET", get_port, None, str(exc))
                    )
                    continue
                patient.attempts.append(Attempt(time.monotonic(), "GET", get_port, page.status))
                if page.status != 200:
                    continue
                form = hidden_inputs(page.body)
                patient.key = form["submission_key"]
            sent = time.monotonic()
            try:
                answer = browser.post(post_port, "/contact", {**form, **patient.fields})
            except Failed as exc:
                patient.attempts.append(Attempt(sent, "POST", post_port, None, str(exc)))
                continue
            patient.attempts.append(Attempt(sent, "POST", post_port, answer.status))
            if answer.status == 303:
                patient.confirmed_at = time.monotonic()
                patient.confirmed_port = post_port
                with self.lock:
                    self.confirmed += 1
                if self.follow_thanks:
                    self.thanks(browser, patient, post_port)
                return
            if answer.status >= 500 and answer.status != 503:
                patient.problems.append(f"POST answered {answer.status}")
            check_refusal(patient, answer)
            again = hidden_inputs(answer.body)
            if again.get("csrf_token"):
                form["csrf_token"] = again["csrf_token"]
        patient.problems.append(f"not confirmed after {self.max_attempts} attempts")

    def thanks(self, browser: Browser, patient: Patient, port: int) -> None:
        """Follow the 303 as a browser does; note the reference the page shows."""
        try:
            page = browser.get(port, "/contact/thanks")
        except Failed as exc:
            patient.attempts.append(Attempt(time.monotonic(), "THANKS", port, None, str(exc)))
            return
        patient.attempts.append(Attempt(time.monotonic(), "THANKS", port, page.status))
        if page.status == 200:
            found = REFERENCE.search(page.body)
            if found is None:
                patient.problems.append("a thanks page without a reference")
            else:
                patient.reference = found.group(0)
        elif page.status != 503:
            patient.problems.append(f"the thanks page answered {page.status}")
