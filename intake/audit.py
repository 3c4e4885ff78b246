"""One function to record an audit event: who, what, which record, when, from where.

The event joins the caller's transaction (the caller commits), so an action and its audit row
land together or not at all. Details are for small facts (a reason, a role, a count), never PHI,
passwords, TOTP codes or secrets, or set-up tokens: keys that look like one are refused outright,
and values must be short scalars so no free text slips in.
"""

from __future__ import annotations

from typing import Any

from flask import g, has_request_context, request
from sqlalchemy import insert as sa_insert

from intake.auth.models import AuditEvent
from intake.extensions import db
from intake.logs import client_label

# A details key containing any of these is a programming error, refused before it is stored.
FORBIDDEN_KEY_PARTS = ("password", "secret", "token", "code", "otp", "hash", "key", "cookie")
MAX_VALUE_LENGTH = 64


def check_details(details: dict[str, Any]) -> dict[str, Any]:
    """Refuse keys that name a secret and values that could carry free text."""
    for key, value in details.items():
        lowered = key.lower()
        if any(part in lowered for part in FORBIDDEN_KEY_PARTS):
            raise ValueError(f"audit details may not carry {key!r}")
        if value is not None and not isinstance(value, bool | int | str):
            raise ValueError(f"audit detail {key!r} must be a short scalar")
        if isinstance(value, str) and len(value) > MAX_VALUE_LENGTH:
            raise ValueError(f"audit detail {key!r} is longer than {MAX_VALUE_LENGTH} characters")
    return dict(details)


def event_values(
    action: str,
    *,
    actor_id: int | None = None,
    target_type: str | None = None,
    target_id: int | str | None = None,
    details: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """An audit row's columns (but its id and time): the request's client and id, the details
    checked."""
    if has_request_context():
        client = client_label(request.remote_addr)
        request_id = g.get("request_id")
    else:
        client, request_id = "cli", None
    return {
        "action": action,
        "actor_id": actor_id,
        "target_type": target_type,
        "target_id": None if target_id is None else str(target_id),
        "client": client,
        "request_id": request_id,
        "details": check_details(details or {}),
    }


def record(
    action: str,
    *,
    actor_id: int | None = None,
    target_type: str | None = None,
    target_id: int | str | None = None,
    details: dict[str, Any] | None = None,
) -> AuditEvent:
    """Add an audit event to the current session; the caller commits."""
    event = AuditEvent(
        **event_values(
            action,
            actor_id=actor_id,
            target_type=target_type,
            target_id=target_id,
            details=details,
        )
    )
    db.session.add(event)
    return event


def insert(
    action: str,
    *,
    actor_id: int | None = None,
    target_type: str | None = None,
    target_id: int | str | None = None,
    details: dict[str, Any] | None = None,
) -> None:
    """``record``'s row, written now with one plain INSERT in the session's transaction (the
    caller commits; a rollback removes it like any other write): for a page that writes one on
    every view (the inbox), where the ORM's flush of a new object was a tenth of the page's
    Python. The same columns, defaults and checks as ``record``; no object is returned."""
    values = event_values(
        action, actor_id=actor_id, target_type=target_type, target_id=target_id, details=details
    )
    db.session.execute(AUDIT_INSERT, values)


AUDIT_INSERT = sa_insert(AuditEvent.__table__)
