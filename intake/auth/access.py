"""Deny by default: every endpoint outside ``PUBLIC_ENDPOINTS`` needs a signed-in, active staff
user with a live server-side session (ASVS 8.2.1). Admin pages also need the admin role.

A new endpoint is therefore private until someone adds it here on purpose;
``tests/test_auth_access.py`` walks the URL map to prove it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar, cast

from flask import Flask, abort, flash, g, redirect, request, session, url_for
from flask_login import current_user
from werkzeug.wrappers.response import Response

from intake import audit
from intake.auth import drafts, sessions, signin
from intake.extensions import db
from intake.security import no_store

log = logging.getLogger("intake.auth")

# Pages anyone may see. Patients never reach a StaffSession: these never load the user.
PUBLIC_ENDPOINTS = frozenset(
    {
        "public.index",
        "public.article",
        "public.privacy",
        "enquiry.contact",
        "enquiry.thanks",
        "health.livez",
        "health.readyz",
        "static",
        "auth.login",
        "auth.setup",
    }
)
# Steps between the password and a full session: open only to a browser holding a recent
# "passed the password" marker (see intake.auth.signin.pending).
PENDING_ENDPOINTS = frozenset({"auth.login_code", "auth.totp_enrol", "auth.totp_skip"})

F = TypeVar("F", bound=Callable[..., Any])


def require_sign_in() -> Response | tuple[str, int] | None:
    """The app-wide before-request check."""
    endpoint = request.endpoint
    if endpoint is None or endpoint in PUBLIC_ENDPOINTS:
        return None
    no_store()  # everything past the door may show patient data
    if endpoint in PENDING_ENDPOINTS and signin.pending() is not None:
        return None
    if current_user.is_authenticated:
        return None
    return refuse_anonymous()


def refuse_anonymous() -> Response | tuple[str, int]:
    """To the sign-in page; a refused POST keeps its text through signing in again."""
    for key in ("_user_id", "_fresh", "_id"):
        session.pop(key, None)
    reason = g.get("session_end_reason")
    message = sessions.end_message(reason) if reason else None
    if request.endpoint == "auth.logout":
        # Signing out of a session that already ended: nothing to refuse, nothing to keep.
        session.clear()
        flash(message or "You have signed out.", "info")
        return redirect(url_for("auth.login"), code=303)
    if request.method in {"GET", "HEAD", "OPTIONS"}:
        if message:
            flash(message, "info")
        target = request.full_path.rstrip("?") if request.query_string else request.path
        return redirect(url_for("auth.login", next=target))
    from intake.auth.views import render_login

    draft = drafts.capture(request)
    return render_login(
        status=401,
        notice=message or "Please sign in to continue.",
        draft=draft,
        next_path=None,
    )


def admin_required(view: F) -> F:
    """403 (and an audit event) for a signed-in user without the admin role (ASVS 16.3.2)."""

    @wraps(view)
    def wrapped(*args: Any, **kwargs: Any) -> Any:
        if not current_user.is_authenticated:
            return refuse_anonymous()
        if not current_user.is_admin:
            audit.record(
                "authz.denied",
                actor_id=current_user.id,
                details={"endpoint": (request.endpoint or "-")[:64]},
            )
            db.session.commit()
            log.warning("authorisation refused", extra={"event": "authz.denied"})
            abort(403)
        return view(*args, **kwargs)

    return cast(F, wrapped)


def init_app(app: Flask) -> None:
    app.before_request(require_sign_in)
