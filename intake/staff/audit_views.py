"""``/staff/audit`` (admins): the append-only audit trail, filtered and paged by keyset.

Audit rows hold no PHI by construction (``intake.audit.check_details``): who, what, which
record, when, from where. The filters are non-identifying too (a staff member, an enquiry's
reference, an action, clinic dates), so they may sit in the query string. Looking at the trail
is itself recorded, with the filters and the number of rows shown.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from flask import render_template, request
from flask_login import current_user
from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import aliased

from intake import audit
from intake.auth.access import admin_required
from intake.auth.models import AuditEvent, StaffUser
from intake.extensions import db
from intake.models import Enquiry
from intake.security import no_store
from intake.staff import bp
from intake.staff.clock import clinic_zone
from intake.staff.reports import clinic_time

PAGE_SIZE = 50
ACTION_CHOICES_SCAN = 5000  # the action list offers what the most recent rows used
EARLIEST = date(2000, 1, 1)
LATEST = date(2100, 12, 31)
SYSTEM = "system"  # the user filter's value for rows with no actor (CLI, the worker)


@dataclass(frozen=True)
class AuditFilters:
    """The trail's filters, read leniently: a value that is not valid is ignored."""

    user: str | None = None  # a staff user id, or SYSTEM
    reference: str | None = None
    action: str | None = None  # exact, or a prefix ending in "." or "*"
    received_from: date | None = None
    received_to: date | None = None
    before: int | None = None  # keyset: rows with a smaller id

    @classmethod
    def from_args(cls, args: Mapping[str, str]) -> AuditFilters:
        user = (args.get("user") or "").strip()
        reference = (args.get("reference") or "").strip().upper()
        action = (args.get("action") or "").strip()
        before = (args.get("before") or "").strip()
        return cls(
            user=user if user == SYSTEM or (user.isdigit() and len(user) < 12) else None,
            reference=reference if 0 < len(reference) <= 16 and is_reference(reference) else None,
            action=action if 0 < len(action) <= 64 and action.isprintable() else None,
            received_from=parse_day(args.get("from")),
            received_to=parse_day(args.get("to")),
            before=int(before) if before.isdigit() and len(before) < 19 else None,
        )

    def to_args(self, *, with_cursor: bool = False) -> dict[str, str]:
        out: dict[str, str] = {}
        for key, value in (
            ("user", self.user),
            ("reference", self.reference),
            ("action", self.action),
            ("from", self.received_from.isoformat() if self.received_from else None),
            ("to", self.received_to.isoformat() if self.received_to else None),
        ):
            if value:
                out[key] = value
        if with_cursor and self.before is not None:
            out["before"] = str(self.before)
        return out


def is_reference(text: str) -> bool:
    return all(c.isalnum() or c == "-" for c in text)


def parse_day(value: str | None) -> date | None:
    try:
        day = date.fromisoformat((value or "").strip())
    except ValueError:
        return None
    return day if EARLIEST <= day <= LATEST else None


def day_start(day: date) -> datetime:
    """Midnight of a clinic date, in UTC."""
    return datetime.combine(day, time.min, tzinfo=clinic_zone()).astimezone(UTC)


def conditions(filters: AuditFilters) -> list[ColumnElement[bool]]:
    where: list[ColumnElement[bool]] = []
    if filters.user == SYSTEM:
        where.append(AuditEvent.actor_id.is_(None))
    elif filters.user:
        where.append(AuditEvent.actor_id == int(filters.user))
    if filters.reference:
        enquiry_id = db.session.scalar(
            select(Enquiry.id).where(Enquiry.reference == filters.reference)
        )
        targets = [filters.reference] + ([str(enquiry_id)] if enquiry_id is not None else [])
        where.append(AuditEvent.target_type == "enquiry")
        where.append(AuditEvent.target_id.in_(targets))
    if filters.action:
        if filters.action.endswith(("*", ".")):
            prefix = filters.action.rstrip("*")
            escaped = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            where.append(AuditEvent.action.like(f"{escaped}%", escape="\\"))
        else:
            where.append(AuditEvent.action == filters.action)
    if filters.received_from:
        where.append(AuditEvent.created_at >= day_start(filters.received_from))
    if filters.received_to:
        where.append(AuditEvent.created_at < day_start(filters.received_to + timedelta(days=1)))
    return where


@dataclass(frozen=True)
class AuditRow:
    id: int
    when: str
    actor: str
    action: str
    target: str
    reference: str | None  # set when the target is an enquiry that still exists
    client: str
    details: str


def actor_label(actor_id: int | None, name: str | None, email: str | None) -> str:
    if name:
        return f"{name} ({email})"
    return "system" if actor_id is None else f"user {actor_id}"


def describe_details(details: Mapping[str, Any] | None) -> str:
    return ", ".join(f"{key}={value}" for key, value in sorted((details or {}).items()))


def audit_page(filters: AuditFilters, limit: int = PAGE_SIZE) -> tuple[list[AuditRow], int | None]:
    """One page, newest first, and the cursor of the next (older) page."""
    actor = aliased(StaffUser)
    query = (
        select(AuditEvent, actor.name, actor.email)
        .outerjoin(actor, actor.id == AuditEvent.actor_id)
        .where(*conditions(filters))
        .order_by(AuditEvent.id.desc())
        .limit(limit + 1)
    )
    if filters.before is not None:
        query = query.where(AuditEvent.id < filters.before)
    found = db.session.execute(query).all()
    more = len(found) > limit
    found = found[:limit]
    enquiry_ids = {
        int(event.target_id)
        for event, _, _ in found
        if event.target_type == "enquiry" and (event.target_id or "").isdigit()
    }
    references: dict[str, str] = {}
    if enquiry_ids:
        for enquiry_id, reference in db.session.execute(
            select(Enquiry.id, Enquiry.reference).where(Enquiry.id.in_(enquiry_ids))
        ):
            references[str(enquiry_id)] = reference
    rows = []
    for event, name, email in found:
        reference = None
        if event.target_type == "enquiry" and event.target_id:
            reference = references.get(event.target_id) or (
                event.target_id if not event.target_id.isdigit() else None
            )
        target = "-"
        if event.target_type:
            target = f"{event.target_type} {reference or event.target_id or ''}".strip()
        rows.append(
            AuditRow(
                id=event.id,
                when=clinic_time(event.created_at),
                actor=actor_label(event.actor_id, name, email),
                action=event.action,
                target=target,
                reference=reference,
                client=event.client,
                details=describe_details(event.details),
            )
        )
    return rows, (rows[-1].id if more and rows else None)


def recent_actions() -> list[str]:
    """The actions used by the most recent rows, for the filter's suggestions (bounded)."""
    recent = select(AuditEvent.action).order_by(AuditEvent.id.desc()).limit(ACTION_CHOICES_SCAN)
    sub = recent.subquery()
    return sorted(db.session.scalars(select(sub.c.action).distinct()))


def staff_choices() -> list[tuple[str, str]]:
    users = db.session.execute(
        select(StaffUser.id, StaffUser.name, StaffUser.email).order_by(StaffUser.name)
    )
    return [(str(user_id), f"{name} ({email})") for user_id, name, email in users]


def audit_details(filters: AuditFilters, shown: int) -> dict[str, Any]:
    """What the audit row of this view records: the filters (no PHI) and the count."""
    details: dict[str, Any] = {f"filter_{k}": v for k, v in filters.to_args().items()}
    if filters.before is not None:
        details["before"] = filters.before
    details["results"] = shown
    return details


@bp.get("/audit")
@admin_required
def audit_log() -> str:
    """The trail, newest first; this view is recorded in it too."""
    no_store()
    filters = AuditFilters.from_args(request.args)
    rows, next_before = audit_page(filters)
    audit.record(
        "audit.viewed", actor_id=current_user.id, details=audit_details(filters, len(rows))
    )
    db.session.commit()
    return render_template(
        "staff/audit.html",
        filters=filters,
        rows=rows,
        next_args={**filters.to_args(), "before": str(next_before)} if next_before else None,
        first_args=filters.to_args() if filters.before is not None else None,
        actions=recent_actions(),
        users=staff_choices(),
        system=SYSTEM,
        page_size=PAGE_SIZE,
    )
