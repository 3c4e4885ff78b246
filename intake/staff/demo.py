"""``flask demo seed --enquiries N``: realistic synthetic enquiries for demonstrations and load.

Every writer is obviously fictional: names from a short list marked "(demo)", email addresses
at example.com (reserved, RFC 2606) and phone numbers in the 555-01xx range (reserved for
fiction). Messages are built from templates, so no real patient's words are involved. Each
distinct message is classified once by the real triage rules, so tags, reasons and urgencies
are the ones the live form would have produced.

The data spans two years (more recent weeks busier, weekdays and daytime likelier), covers
every kind, concern, urgency and status, and carries the staff work a real inbox accumulates:
assignees (when staff accounts exist), first responses, closing reasons, notes, contacts,
appointments, a little spam, and staff corrections of tags and urgency (so the reports have
something to tune triage with).

Rows go in with SQLAlchemy Core ``insert()`` and lists of dicts, one transaction per batch of
about 5,000 enquiries with their tags, events and appointments. Refused in production.
"""

from __future__ import annotations

import json
import os
import random
import secrets
import time as clock
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any, cast
from zoneinfo import ZoneInfo

import click
from flask import current_app
from flask.cli import AppGroup
from sqlalchemy import JSON, Connection, Table, func, insert, select, text

from intake.auth.models import StaffUser
from intake.enquiry.service import REFERENCE_ALPHABET
from intake.extensions import db
from intake.models import URGENCY_RANK, Enquiry, EnquiryTag, concern_mask, tags_in_force
from intake.staff.models import Appointment, Event
from intake.triage import TriageResult, classify

demo_cli = AppGroup("demo", help="Synthetic data for demonstrations and benchmarks.")

DEFAULT_BATCH = 5000
SPAN_DAYS = 730
PRIVACY_VERSION = "demo"
SPAM_SHARE = 0.03
APPOINTMENT_SHARE = 0.3
URGENCY_WEIGHTS = {"emergency": 0.02, "priority": 0.18, "routine": 0.80}
SECTIONS = (
    "early-diagnosis",
    "recurrence",
    "how-it-spreads",
    "why-cells-spread",
    "risk-factors",
    "symptoms",
    "treatment",
)

FIRST_NAMES = (
    "Avery", "Blake", "Carmen", "Dana", "Ellis", "Frankie", "Gail", "Harper", "Iris", "Jules",
    "Kai", "Lane", "Marlo", "Nell", "Oakley", "Perry", "Quinn", "Rowan", "Sage", "Tatum",
    "Uma", "Vesna", "Wren", "Yael", "Zora",
)  # fmt: skip
LAST_NAMES = (
    "Aldergrove", "Birchwood", "Caribou", "Denali", "Eklutna", "Fireweed", "Glacier", "Halibut",
    "Icefield", "Juneau", "Kenai", "Lupine", "Moose", "Northstar", "Tundra", "Willow",
)  # fmt: skip

# Message templates per concern; {fillers} are drawn from FILLERS. Written for this demo.
TEMPLATES: dict[str, tuple[str, ...]] = {
    "recurrence": (
        "I finished treatment {years} years ago and I'm worried the cancer is coming back. "
        "What should I watch for?",
        "My last scan mentioned a spot on my {organ}. Does this mean the cancer has spread?",
        "What are the chances of recurrence after a mastectomy for stage {stage} cancer?",
        "My {relative} was told her breast cancer is now stage 4. What does metastatic mean "
        "for her?",
    ),
    "symptoms": (
        "I have had a dull ache in my {bone} for {weeks} weeks. Should I be seen sooner than "
        "my next appointment?",
        "Since starting my new tablets I feel very tired and a bit sick. Is this normal?",
        "I noticed a new lump near my scar {when}.",
        "My arm on the surgery side has been swelling {when}. Who should I talk to?",
        "I have a fever of 102 and shivering since this morning and I had chemo {when}.",
        "My legs suddenly feel weak and numb and I can't walk properly since yesterday.",
        "I have chest pain and I am short of breath right now.",
        "I have had headaches every morning for {weeks} weeks and some vomiting.",
    ),
    "clinical_trials": (
        "Are there any clinical trials for {subtype} metastatic breast cancer in Alaska?",
        "My oncologist mentioned a research study. How do I find out if I qualify?",
        "Is there a trial of a new drug for cancer that has spread to the {organ}?",
    ),
    "treatment": (
        "What treatment options are there if hormone therapy stops working?",
        "Can radiation be done in Anchorage or would I need to travel to Seattle?",
        "What are the side effects of {drug} and how long is the treatment?",
    ),
    "other": (
        "I need a copy of my records sent to my new doctor in {town}.",
        "Do you have an interpreter for {language} speakers at appointments?",
        "Where do I park for an appointment at the clinic?",
        "I have a question about a bill I received {when}.",
    ),
}
APPOINTMENT_TEMPLATES = (
    "I would like a consultation with Dr. Johnson about my {subtype} diagnosis.",
    "My doctor in {town} referred me for a second opinion. Could I have an appointment in the "
    "next few weeks?",
    "I need a follow-up appointment after my scan {when}.",
)
SPAM_TEMPLATES = (
    "Best prices on followers and likes, visit our site today!!!",
    "Dear sir, I have an investment opportunity for your clinic.",
    "SEO services for medical websites, first page guaranteed.",
)
FILLERS: dict[str, tuple[str, ...]] = {
    "years": ("two", "three", "five", "eight"),
    "organ": ("liver", "lung", "spine", "hip bone"),
    "stage": ("1", "2", "3"),
    "relative": ("mother", "sister", "aunt", "wife", "daughter"),
    "bone": ("hip", "lower back", "ribs", "shoulder"),
    "weeks": ("two", "three", "six"),
    "when": ("last week", "a few days ago", "this month", "on Monday"),
    "subtype": ("HER2-positive", "triple-negative", "hormone receptor positive"),
    "drug": ("tamoxifen", "letrozole", "capecitabine"),
    "town": ("Wasilla", "Palmer", "Kenai", "Homer", "Fairbanks", "Bethel"),
    "language": ("Yup'ik", "Tagalog", "Spanish", "Samoan", "Hmong"),
}
NOTES = (
    "Demo note: called back, patient will send scan results.",
    "Demo note: discussed with the nurse navigator.",
    "Demo note: left a voicemail as permitted.",
    "Demo note: referred to the research coordinator.",
)
CLOSING_REASONS: tuple[tuple[str, float], ...] = (
    ("resolved", 0.8),
    ("no_response", 0.1),
    ("duplicate", 0.05),
    ("declined", 0.05),
)
RESPONSE_MEDIAN_HOURS = {"emergency": 0.4, "priority": 5.0, "routine": 20.0}


class DemoRefused(click.ClickException):
    """Seeding was refused (production)."""


@dataclass(frozen=True)
class PoolMessage:
    """A synthetic message and what triage made of it."""

    kind: str
    concern: str
    text: str
    result: TriageResult
    symptoms_now: bool


@dataclass
class SeedReport:
    enquiries: int = 0
    tags: int = 0
    events: int = 0
    appointments: int = 0
    seconds: float = 0.0
    by_urgency: dict[str, int] = field(default_factory=dict)


def refuse_in_production() -> None:
    """Demo data must never be mixed with real patients'."""
    if (
        current_app.config.get("ENV_NAME") == "production"
        or os.environ.get("INTAKE_ENV", "").strip().lower() == "production"
    ):
        raise DemoRefused(
            "Refused: INTAKE_ENV=production. Demo data must never be mixed with real patients' "
            "enquiries; seed a development or staging database instead."
        )


def fill(template: str, rng: random.Random) -> str:
    values = {name: rng.choice(options) for name, options in FILLERS.items()}
    return template.format(**values)


def build_pool(rng: random.Random, variants: int = 6) -> dict[str, list[PoolMessage]]:
    """Synthetic messages classified once each, grouped by the urgency triage gave them."""
    pool: dict[str, list[PoolMessage]] = {urgency: [] for urgency in URGENCY_RANK}
    seen: set[str] = set()
    sources = [("question", concern, t) for concern, ts in TEMPLATES.items() for t in ts]
    sources += [("appointment", "other", t) for t in APPOINTMENT_TEMPLATES]
    for kind, concern, template in sources:
        for _ in range(variants):
            text = fill(template, rng)
            if text in seen:
                continue
            seen.add(text)
            symptoms_now = "right now" in text
            ticked = [concern] if concern != "other" or kind == "question" else []
            result = classify(text, ticked, symptoms_now)
            pool[result.urgency].append(PoolMessage(kind, concern, text, result, symptoms_now))
    return pool


def new_reference(rng: random.Random, taken: set[str]) -> str:
    while True:
        chars = "".join(rng.choice(REFERENCE_ALPHABET) for _ in range(8))
        reference = f"ACT-{chars[:4]}-{chars[4:]}"
        if reference not in taken:
            taken.add(reference)
            return reference


def weighted(rng: random.Random, pairs: tuple[tuple[str, float], ...]) -> str:
    return rng.choices([p[0] for p in pairs], weights=[p[1] for p in pairs])[0]


class Seeder:
    """Generates rows batch by batch; one instance per seeding run."""

    def __init__(self, seed: int | None, now: datetime, zone: ZoneInfo) -> None:
        self.rng = random.Random(seed)  # noqa: S311 - synthetic data, not security
        self.now = now
        self.zone = zone
        self.run = secrets.token_hex(4)
        self.pool = build_pool(self.rng)
        self.urgencies = [u for u in URGENCY_WEIGHTS if self.pool[u]]
        self.weights = [URGENCY_WEIGHTS[u] for u in self.urgencies]
        self.by_kind: dict[tuple[str, str], list[PoolMessage]] = {}
        for urgency, messages in self.pool.items():
            for message in messages:
                self.by_kind.setdefault((urgency, message.kind), []).append(message)
        self.staff_ids = list(
            db.session.scalars(select(StaffUser.id).where(StaffUser.active.is_(True)))
        )
        self.references: set[str] = set()
        if db.session.scalar(select(func.count()).select_from(Enquiry)):
            self.references.update(db.session.scalars(select(Enquiry.reference)))
        locations = str(current_app.config.get("APPOINTMENT_LOCATIONS") or "The clinic")
        self.locations = [p.strip() for p in locations.split(";") if p.strip()] or ["The clinic"]
        self.counter = 0

    # --- one enquiry ------------------------------------------------------------------------

    def received_at(self) -> datetime:
        """Over two years, busier lately; weekdays and daytime (clinic time) likelier."""
        rng = self.rng
        while True:
            days_ago = SPAN_DAYS * (1 - rng.random() ** 0.7)
            day = (self.now - timedelta(days=days_ago)).astimezone(self.zone).date()
            if day.weekday() < 5 or rng.random() < 0.4:
                break
        hour = min(23, max(0, int(rng.gauss(13, 4))))
        local = datetime.combine(day, time(hour, rng.randrange(60), rng.randrange(60)))
        moment = local.replace(tzinfo=self.zone).astimezone(UTC)
        moment += timedelta(microseconds=rng.randrange(1_000_000))
        return min(moment, self.now - timedelta(seconds=rng.randrange(60, 3600)))

    def status_for(self, kind: str, age_days: float) -> str:
        rng = self.rng
        if age_days < 2:
            pairs: tuple[tuple[str, float], ...] = (
                ("new", 0.7),
                ("in_progress", 0.25),
                ("awaiting_patient", 0.05),
            )
        elif age_days < 14:
            pairs = (
                ("new", 0.08),
                ("in_progress", 0.27),
                ("awaiting_patient", 0.2),
                ("scheduled", 0.15),
                ("closed", 0.3),
            )
        elif age_days < 60:
            pairs = (("in_progress", 0.03), ("awaiting_patient", 0.04), ("scheduled", 0.03))
            pairs += (("closed", 0.9),)
        else:
            pairs = (("awaiting_patient", 0.005), ("scheduled", 0.005), ("closed", 0.99))
        status = weighted(rng, pairs)
        if status == "scheduled" and kind != "appointment":
            status = "in_progress" if age_days < 14 else "closed"
        return status

    def writer(self, n: int) -> dict[str, Any]:
        rng = self.rng
        first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
        relationship = weighted(rng, (("patient", 0.65), ("caregiver", 0.3), ("clinician", 0.05)))
        preferred = "email" if rng.random() < 0.6 else "phone"
        has_phone = preferred == "phone" or rng.random() < 0.6
        values: dict[str, Any] = {
            "writer_name": f"{first} {last} (demo)",
            "relationship": relationship,
            "email": f"{first.lower()}.{last.lower()}.{n}@example.com",
            "phone": f"+1907555{rng.randrange(100, 200):04d}" if has_phone else None,
            "preferred_contact": preferred,
            "voicemail_ok": has_phone and rng.random() < 0.7,
            "email_details_ok": rng.random() < 0.4,
            "wants_confirmation": rng.random() < 0.5,
            "patient_name": None,
            "patient_dob": None,
            "patient_is_existing": None,
            "may_discuss_care": None,
        }
        if relationship != "patient":
            values["patient_name"] = f"{rng.choice(FIRST_NAMES)} {last} (demo)"
            values["patient_dob"] = date(rng.randrange(1940, 2000), rng.randrange(1, 13), 1)
            values["patient_is_existing"] = rng.choice(("yes", "no", "unsure"))
            values["may_discuss_care"] = rng.random() < 0.7
        return values

    def enquiry(self) -> tuple[dict[str, Any], PoolMessage | None]:
        """One enquiry row (without id) and the pool message it used (None for spam)."""
        rng = self.rng
        self.counter += 1
        n = self.counter
        created = self.received_at()
        age_days = (self.now - created).total_seconds() / 86400
        spam = rng.random() < SPAM_SHARE
        message: PoolMessage | None = None
        if spam:
            kind, text, urgency, symptoms_now = (
                "question",
                rng.choice(SPAM_TEMPLATES),
                "routine",
                False,
            )
            tags_version = None
            reasons: list[dict[str, Any]] = []
            red_flags: list[str] = []
            status = "new" if age_days < 30 else "closed"
        else:
            urgency = rng.choices(self.urgencies, weights=self.weights)[0]
            wanted = "appointment" if rng.random() < APPOINTMENT_SHARE else "question"
            message = rng.choice(self.by_kind.get((urgency, wanted)) or self.pool[urgency])
            kind, text, symptoms_now = message.kind, message.text, message.symptoms_now
            tags_version = message.result.version
            reasons = [
                r.to_dict() for r in message.result.reasons if r.label in ("emergency", "priority")
            ]
            red_flags = list(message.result.red_flags)
            status = self.status_for(kind, age_days)
        row: dict[str, Any] = {
            "reference": new_reference(rng, self.references),
            "kind": kind,
            "status": status,
            "closing_reason": None,
            "urgency": urgency,
            "urgency_rank": URGENCY_RANK[urgency],
            "rules_urgency": None,
            "triage_version": tags_version,
            "urgency_reasons": reasons,
            "red_flags": red_flags,
            "message": text,
            "symptoms_now": symptoms_now,
            "appointment_patient_status": None,
            "preferred_days": [],
            "preferred_times": [],
            "referring_physician": None,
            "source_section": rng.choice(SECTIONS) if rng.random() < 0.55 else None,
            "consent_at": created,
            "privacy_version": PRIVACY_VERSION,
            "submission_key": f"demo-{self.run}-{n}",
            "is_spam": spam,
            "spam_reason": rng.choice(("honeypot", "too_fast")) if spam else None,
            "assignee_id": None,
            "revision": 0,
            "first_response_at": None,
            "closed_at": None,
            "created_at": created,
            "updated_at": created,
        }
        row.update(self.writer(n))
        if kind == "appointment":
            row["appointment_patient_status"] = rng.choice(("new", "existing"))
            row["preferred_days"] = rng.sample(["mon", "tue", "wed", "thu", "fri"], 2)
            row["preferred_times"] = [rng.choice(["morning", "afternoon"])]
            if rng.random() < 0.3:
                row["referring_physician"] = "Dr. Demo Referrer"
        if spam and status == "closed":
            row["closing_reason"] = "spam"
            row["closed_at"] = created + timedelta(days=rng.uniform(1, 10))
        return row, message

    def staff_work(
        self, row: dict[str, Any], message: PoolMessage | None
    ) -> tuple[list[dict[str, Any]], list[dict[str, Any]], list[dict[str, Any]]]:
        """Fill in the staff side of a row; return its (staff tags, events, appointments).

        Event and appointment dicts carry ``_index`` placeholders for the enquiry id.
        """
        rng = self.rng
        created: datetime = row["created_at"]
        status: str = row["status"]
        staff_tags: list[dict[str, Any]] = []
        events: list[dict[str, Any]] = []
        appointments: list[dict[str, Any]] = []
        if row["is_spam"] or message is None:
            return staff_tags, events, appointments
        actor = rng.choice(self.staff_ids) if self.staff_ids else None
        if status == "new":
            if actor is not None and rng.random() < 0.2:
                row["assignee_id"] = actor
                events.append(self.event("assignment", actor, created, {"from": None, "to": actor}))
            return staff_tags, events, appointments
        median = RESPONSE_MEDIAN_HOURS[row["urgency"]]
        delay = timedelta(hours=min(median * rng.lognormvariate(0, 0.9), 24 * 14))
        responded = min(created + delay, self.now)
        row["first_response_at"] = responded
        row["assignee_id"] = actor
        moment = created + (responded - created) * 0.5
        if actor is not None:
            events.append(self.event("assignment", actor, moment, {"from": None, "to": actor}))
        previous = "new"
        path = ["in_progress"]
        if status in ("awaiting_patient", "scheduled", "closed") and rng.random() < 0.5:
            path.append("awaiting_patient")
        if status == "scheduled" or (
            status == "closed" and row["kind"] == "appointment" and rng.random() < 0.7
        ):
            path.append("scheduled")
        if status == "closed":
            path.append("closed")
        elif path[-1] != status:
            path.append(status)
        if status == "closed":
            reasons: tuple[tuple[str, float], ...] = CLOSING_REASONS
            if row["kind"] != "appointment":
                reasons = tuple(r for r in reasons if r[0] != "declined")
            row["closing_reason"] = weighted(rng, reasons)
        for step in path:
            moment = (
                responded if step == "in_progress" else moment + timedelta(hours=rng.uniform(1, 72))
            )
            moment = min(moment, self.now)
            change: dict[str, Any] = {"from": previous, "to": step}
            if step == "closed":
                change["reason"] = row["closing_reason"]
            events.append(self.event("status", actor, moment, change))
            if step == "in_progress":
                method = "phone" if row["preferred_contact"] == "phone" else "email"
                outcome = rng.choice(("reached", "left_voicemail", "no_answer", "email_sent"))
                events.append(
                    self.event("contact", actor, moment, {"method": method, "outcome": outcome})
                )
            if step == "scheduled":
                appointments.append(self.appointment(actor, moment))
            previous = step
        if status == "closed":
            row["closed_at"] = moment
        if rng.random() < 0.3:
            events.append(self.event("note", actor, moment, {"text": rng.choice(NOTES)}))
        self.corrections(row, message, actor, moment, staff_tags, events)
        row["updated_at"] = max(e["created_at"] for e in events) if events else created
        row["revision"] = len(events)
        return staff_tags, events, appointments

    def corrections(
        self,
        row: dict[str, Any],
        message: PoolMessage,
        actor: int | None,
        moment: datetime,
        staff_tags: list[dict[str, Any]],
        events: list[dict[str, Any]],
    ) -> None:
        """A few staff corrections of tags and urgency, as the dashboard records them."""
        rng = self.rng
        rule_tags = [r for r in message.result.reasons if r.label in message.result.rule_tags]
        if rule_tags and rng.random() < 0.03:
            wrong = rng.choice(rule_tags)
            staff_tags.append(
                {
                    "tag": wrong.label,
                    "source": "staff",
                    "rule_id": wrong.rule,
                    "vocabulary_version": message.result.version,
                    "reasons": [],
                    "created_at": moment,
                    "created_by": actor,
                    "removed": True,
                }
            )
            events.append(
                self.event("tags", actor, moment, {"added": [], "removed": [wrong.label]})
            )
        if rng.random() < 0.02:
            missing = [
                t
                for t in ("recurrence", "symptoms", "treatment", "clinical_trials")
                if t not in message.result.tags
            ]
            if missing:
                tag = rng.choice(missing)
                staff_tags.append(
                    {
                        "tag": tag,
                        "source": "staff",
                        "rule_id": None,
                        "vocabulary_version": message.result.version,
                        "reasons": [],
                        "created_at": moment,
                        "created_by": actor,
                        "removed": False,
                    }
                )
                events.append(self.event("tags", actor, moment, {"added": [tag], "removed": []}))
        if rng.random() < 0.015 and row["urgency"] != "emergency":
            before = row["urgency"]
            after = "priority" if before == "routine" else "routine"
            row["rules_urgency"] = before
            row["urgency"] = after
            row["urgency_rank"] = URGENCY_RANK[after]
            events.append(
                self.event("urgency", actor, moment, {"from": before, "to": after, "rules": before})
            )

    def event(
        self, kind: str, actor: int | None, moment: datetime, details: dict[str, Any]
    ) -> dict[str, Any]:
        return {"kind": kind, "actor_id": actor, "created_at": moment, "details": details}

    def appointment(self, actor: int | None, moment: datetime) -> dict[str, Any]:
        rng = self.rng
        day = (moment + timedelta(days=rng.randrange(5, 30))).astimezone(self.zone).date()
        while day.weekday() >= 5:
            day += timedelta(days=1)
        starts = datetime.combine(day, time(rng.randrange(9, 16), rng.choice((0, 30))))
        return {
            "status": "booked",
            "starts_at": starts.replace(tzinfo=self.zone).astimezone(UTC),
            "duration_minutes": rng.choice((30, 45, 60)),
            "location": rng.choice(self.locations),
            "clinician": rng.choice(("Dr. Demo Oncologist", "Dr. Demo Surgeon")),
            "decline_reason": None,
            "ics_uid": f"demo-{self.run}-{self.counter}-{rng.randrange(10**9)}@intake.invalid",
            "created_by": actor,
            "created_at": moment,
        }

    # --- one batch --------------------------------------------------------------------------

    def insert_batch(self, size: int, report: SeedReport) -> None:
        """Generate and insert ``size`` enquiries and what hangs off them, in one transaction."""
        rows: list[dict[str, Any]] = []
        extras = []
        for _ in range(size):
            row, message = self.enquiry()
            work = self.staff_work(row, message)
            row_tags = self.tag_rows(0, row, message) + work[0]
            row["concern_mask"] = concern_mask(
                tags_in_force((tag["tag"], tag["removed"]) for tag in row_tags)
            )
            extras.append((message, *work))
            rows.append(row)
        with db.engine.begin() as conn:
            ids = insert_enquiries(conn, rows)
            tags: list[dict[str, Any]] = []
            events: list[dict[str, Any]] = []
            appointments: list[dict[str, Any]] = []
            for enquiry_id, row, (message, staff_tags, row_events, row_appts) in zip(
                ids, rows, extras, strict=True
            ):
                report.by_urgency[row["urgency"]] = report.by_urgency.get(row["urgency"], 0) + 1
                tags.extend(self.tag_rows(enquiry_id, row, message))
                for tag in staff_tags:
                    tags.append({**tag, "enquiry_id": enquiry_id})
                events.extend({**e, "enquiry_id": enquiry_id} for e in row_events)
                appointments.extend({**a, "enquiry_id": enquiry_id} for a in row_appts)
            bulk_insert(conn, EnquiryTag.__table__, tags)
            bulk_insert(conn, Event.__table__, events)
            bulk_insert(conn, Appointment.__table__, appointments)
        report.enquiries += len(rows)
        report.tags += len(tags)
        report.events += len(events)
        report.appointments += len(appointments)

    def tag_rows(
        self, enquiry_id: int, row: dict[str, Any], message: PoolMessage | None
    ) -> list[dict[str, Any]]:
        """The patient's tick and the rules' tags with their reasons (as the form stores them)."""
        if message is None:
            return []
        created = row["created_at"]
        out = []
        ticked = (message.concern,) if message.kind == "question" else ()
        for tag in ticked:
            out.append(
                {
                    "enquiry_id": enquiry_id,
                    "tag": tag,
                    "source": "patient",
                    "rule_id": None,
                    "vocabulary_version": None,
                    "reasons": [],
                    "created_at": created,
                    "created_by": None,
                    "removed": False,
                }
            )
        for tag in message.result.rule_tags:
            reasons = [r.to_dict() for r in message.result.reasons if r.label == tag]
            out.append(
                {
                    "enquiry_id": enquiry_id,
                    "tag": tag,
                    "source": "rules",
                    "rule_id": reasons[0]["rule"] if reasons else None,
                    "vocabulary_version": message.result.version,
                    "reasons": reasons,
                    "created_at": created,
                    "created_by": None,
                    "removed": False,
                }
            )
        return out


def bulk_insert(conn: Connection, table: Table, rows: list[dict[str, Any]]) -> None:
    """Core ``insert()`` with a list of dicts; on PostgreSQL, COPY in the same transaction.

    Measured on this 2-core machine: psycopg's pipelined executemany of Core inserts spends
    its time adapting parameters in Python (a million enquiries with their tags and timeline,
    about 7 million rows, would take the better part of an hour); COPY streams the same rows
    in a few minutes. Both run inside the caller's transaction, so a batch lands whole or not
    at all.
    """
    if not rows:
        return
    if conn.dialect.name != "postgresql":
        conn.execute(insert(table), rows)
        return
    # COPY fills an omitted column from its server default only: add the models' own defaults.
    missing = {
        column.name: cast(Any, column.default).arg
        for column in table.columns
        if column.name not in rows[0]
        and column.default is not None
        and getattr(column.default, "is_scalar", False)
    }
    if missing:
        rows = [{**missing, **row} for row in rows]
    columns = list(rows[0])
    json_columns = {name for name in columns if isinstance(table.c[name].type, JSON)}
    names = ", ".join(f'"{name}"' for name in columns)
    cursor = conn.connection.cursor()
    try:
        with cursor.copy(f"COPY {table.name} ({names}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(
                    [
                        json.dumps(row[name]) if name in json_columns else row[name]
                        for name in columns
                    ]
                )
    finally:
        cursor.close()


def insert_enquiries(conn: Connection, rows: list[dict[str, Any]]) -> list[int]:
    """Insert enquiry rows; their ids, in order.

    PostgreSQL reserves the ids from the sequence first (safe beside concurrent inserts) and
    copies the rows in; elsewhere, Core ``insert()`` with RETURNING in parameter order.
    """
    table = Enquiry.__table__
    if conn.dialect.name == "postgresql":
        ids = [
            int(i)
            for i in conn.execute(
                text(
                    "SELECT nextval(pg_get_serial_sequence('enquiry', 'id')) "
                    "FROM generate_series(1, :n)"
                ),
                {"n": len(rows)},
            ).scalars()
        ]
        bulk_insert(conn, table, [{"id": i, **row} for row, i in zip(rows, ids, strict=True)])
        return ids
    returning = insert(table).returning(table.c.id, sort_by_parameter_order=True)
    return [int(i) for i in conn.execute(returning, rows).scalars()]


def seed_enquiries(
    count: int,
    *,
    seed: int | None = None,
    batch_size: int = DEFAULT_BATCH,
    now: datetime | None = None,
    progress: Callable[[int], None] | None = None,
) -> SeedReport:
    """Insert ``count`` synthetic enquiries (in an app context); refused in production."""
    refuse_in_production()
    from intake.staff.clock import clinic_zone

    started = clock.perf_counter()
    seeder = Seeder(seed, now or datetime.now(UTC), clinic_zone())
    db.session.commit()  # end the read transaction before the batches open their own
    report = SeedReport()
    remaining = count
    while remaining > 0:
        size = min(batch_size, remaining)
        seeder.insert_batch(size, report)
        remaining -= size
        if progress is not None:
            progress(size)
    report.seconds = clock.perf_counter() - started
    return report


@demo_cli.command("seed")
@click.option(
    "--enquiries",
    "count",
    type=click.IntRange(min=1, max=5_000_000),
    default=1000,
    show_default=True,
    help="How many synthetic enquiries to add.",
)
@click.option("--seed", type=int, default=None, help="Random seed, for a repeatable data set.")
@click.option(
    "--batch-size",
    type=click.IntRange(min=1, max=50_000),
    default=DEFAULT_BATCH,
    show_default=True,
    help="Enquiries per transaction.",
)
def seed_command(count: int, seed: int | None, batch_size: int) -> None:
    """Add N synthetic enquiries over the last two years (refused when INTAKE_ENV=production)."""
    refuse_in_production()
    with click.progressbar(length=count, label="Seeding enquiries", show_pos=True) as bar:
        report = seed_enquiries(count, seed=seed, batch_size=batch_size, progress=bar.update)
    rate = report.enquiries / report.seconds if report.seconds else 0.0
    urgency = ", ".join(f"{k} {v:,}" for k, v in sorted(report.by_urgency.items()))
    click.echo(
        f"Added {report.enquiries:,} enquiries ({urgency}), {report.tags:,} tags, "
        f"{report.events:,} timeline events and {report.appointments:,} appointments "
        f"in {report.seconds:.1f} s ({rate:,.0f} enquiries/s)."
    )
