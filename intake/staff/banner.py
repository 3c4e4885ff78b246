"""The mail-trouble banner on every staff page: dead letters, or an unsent message waiting too long.

Registered as a context processor that answers only on staff pages for a signed-in user (public
pages and the sign-in steps get nothing, so patients never see it and no query runs for them).
The outbox is read at most once per request, and only if a template asks (``outbox_alert()``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from flask import current_app, g, has_request_context, request
from flask_login import current_user

from intake.notify.worker import outbox_status
from intake.staff import bp

# Pages under /staff/ belong to these blueprints (sign-in and accounts live in ``auth``).
STAFF_BLUEPRINTS = frozenset({"staff", "auth"})


@dataclass(frozen=True)
class OutboxAlert:
    """Why mail needs attention; falsy when it does not."""

    dead: int
    oldest_minutes: int | None  # set only when past the threshold
    threshold_minutes: int

    def __bool__(self) -> bool:
        return bool(self.dead) or self.oldest_minutes is not None


def current_alert() -> OutboxAlert:
    """The outbox's state against ``OUTBOX_ALERT_SECONDS``; cached for the request."""
    cached: OutboxAlert | None = g.get("_outbox_alert")
    if cached is not None:
        return cached
    threshold = int(current_app.config.get("OUTBOX_ALERT_SECONDS", 900))
    status = outbox_status()
    age = status.oldest_pending_age_seconds
    alert = OutboxAlert(
        dead=status.dead,
        oldest_minutes=int(age // 60) if age is not None and age > threshold else None,
        threshold_minutes=max(1, threshold // 60),
    )
    g._outbox_alert = alert
    return alert


def is_staff_page() -> bool:
    """A page of the staff side, seen by a signed-in member of staff (never mail templates,
    which the outbox renders outside any request)."""
    if not has_request_context():
        return False
    return request.blueprint in STAFF_BLUEPRINTS and bool(current_user.is_authenticated)


@bp.app_context_processor
def outbox_banner_context() -> dict[str, Any]:
    """``outbox_alert`` (a callable) for staff pages only; base.html includes the banner."""
    if not is_staff_page():
        return {}
    return {"outbox_alert": current_alert}
