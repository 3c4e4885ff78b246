"""Keep the text of a staff form posted after the session ended, through signing in again.

The posted fields travel as a signed, time-limited hidden field of the sign-in forms (never in
the cookie, which is too small, and never stored on the server). After sign-in the person sees
the text again in a form that posts it, with a fresh CSRF token, to where it was going. Passwords,
codes and tokens are never kept.
"""

from __future__ import annotations

from dataclasses import dataclass

from flask import Request, current_app
from itsdangerous import BadSignature, URLSafeTimedSerializer

from intake.auth.redirects import safe_next

SALT = "staff-draft"
MAX_AGE_SECONDS = 2 * 3600
SKIPPED_PARTS = ("password", "confirm", "csrf", "token", "code", "secret", "otp", "draft")
SKIPPED_NAMES = {"next"}


@dataclass(frozen=True)
class Draft:
    path: str
    fields: list[tuple[str, str]]


def _serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt=SALT)


def keepable(name: str) -> bool:
    lowered = name.lower()
    return lowered not in SKIPPED_NAMES and not any(part in lowered for part in SKIPPED_PARTS)


def capture(request: Request) -> str | None:
    """The signed draft of a refused staff POST, or None if there is nothing worth keeping."""
    path = request.full_path.rstrip("?") if request.query_string else request.path
    if safe_next(path, default="") == "":
        return None
    fields = [
        (name, value)
        for name, value in request.form.items(multi=True)
        if keepable(name) and isinstance(value, str) and value.strip()
    ]
    if not fields:
        return None
    return _serializer().dumps({"path": path, "fields": fields})


def load(blob: str | None) -> Draft | None:
    """The draft in a hidden field, if it is ours, recent and aimed at a staff path."""
    if not blob:
        return None
    try:
        data = _serializer().loads(blob, max_age=MAX_AGE_SECONDS)
    except BadSignature:
        return None
    path = safe_next(data.get("path"), default="")
    fields = [
        (str(name), str(value))
        for name, value in data.get("fields", [])
        if isinstance(name, str) and isinstance(value, str) and keepable(name)
    ]
    if not path or not fields:
        return None
    return Draft(path=path, fields=fields)
