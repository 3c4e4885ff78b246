"""Security headers on every response.

The CSP allows no inline script or style; JSON-LD data blocks are not scripts and need no
exception. Pages that show patient data say ``Cache-Control: no-store`` (views mark them with
:func:`no_store`); everything else may be cached briefly by the browser only.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from flask import Flask, Request, Response, g, request
from flask.sessions import SecureCookieSession, SecureCookieSessionInterface, SessionMixin
from itsdangerous import URLSafeTimedSerializer
from werkzeug.datastructures import Headers

CSP = (
    "default-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
    "form-action 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'"
)
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=(), interest-cohort=()"
)


def no_store() -> None:
    """Mark the current response as holding patient data: never cached anywhere."""
    g.no_store = True


class CookieSessionInterface(SecureCookieSessionInterface):
    """Flask's signed-cookie session, the same cookie and signature, with less work per request.

    Flask builds a new signing serializer (deriving its key) for every request; here one is kept
    per set of keys. A request without a session cookie gets an empty session without one, and a
    session left empty and unchanged skips the cookie settings (public pages carry no cookie).
    """

    def get_signing_serializer(self, app: Flask) -> URLSafeTimedSerializer | None:
        if not app.secret_key:
            return None
        fallbacks = tuple(app.config["SECRET_KEY_FALLBACKS"] or ())
        return _session_serializer(app.secret_key, fallbacks, self.salt)

    def open_session(self, app: Flask, request: Request) -> SecureCookieSession | None:
        if app.secret_key and not request.cookies.get(self.get_cookie_name(app)):
            return self.session_class()
        return super().open_session(app, request)

    def save_session(self, app: Flask, session: SessionMixin, response: Response) -> None:
        if not session and not session.modified:
            # Nothing to set or delete; Flask would still say the answer varies by cookie.
            if session.accessed:
                response.vary.add("Cookie")
            return
        super().save_session(app, session, response)


@lru_cache(maxsize=8)
def _session_serializer(
    secret_key: Any, fallbacks: tuple[Any, ...], salt: str
) -> URLSafeTimedSerializer:
    interface = SecureCookieSessionInterface
    return URLSafeTimedSerializer(
        [*fallbacks, secret_key],  # itsdangerous signs with the last key, accepts them all
        salt=salt,
        serializer=interface.serializer,
        signer_kwargs={
            "key_derivation": interface.key_derivation,
            "digest_method": interface.digest_method,
        },
    )


HSTS = "max-age=31536000; includeSubDomains"
NO_STORE = (("Cache-Control", "no-store"), ("Pragma", "no-cache"))
NO_CACHE = (("Cache-Control", "no-cache"),)


@lru_cache(maxsize=8)
def fixed_headers(csp: bool, hsts: bool) -> tuple[tuple[str, str], ...]:
    """The headers every response gets, as (name, value) pairs, for these settings."""
    pairs = [("Content-Security-Policy", CSP)] if csp else []
    pairs += [
        ("X-Content-Type-Options", "nosniff"),
        ("Referrer-Policy", "same-origin"),
        ("Permissions-Policy", PERMISSIONS_POLICY),
        ("X-Frame-Options", "DENY"),
        ("Cross-Origin-Opener-Policy", "same-origin"),
    ]
    if hsts:
        pairs.append(("Strict-Transport-Security", HSTS))
    return tuple(pairs)


@lru_cache(maxsize=8)
def lower_names(pairs: tuple[tuple[str, str], ...]) -> frozenset[str]:
    return frozenset(name.lower() for name, _ in pairs)


def set_headers(headers: Headers, pairs: tuple[tuple[str, str], ...]) -> None:
    """``headers[name] = value`` for each pair, in order: each replaces any header of that name.

    The values are constants (no CR/LF), so when the response has none of these headers yet
    (nearly always: only a view that set one itself has one) they are appended in one go,
    skipping Werkzeug's per-header validation and search; otherwise each is set as usual.
    """
    present = {name.lower() for name, _ in headers.items()}
    if present.isdisjoint(lower_names(pairs)):
        if type(headers) is Headers:
            headers._list.extend(pairs)
        else:  # a subclass (EnvironHeaders is read-only): its own rules
            headers.extend(pairs)
    else:
        for name, value in pairs:
            headers[name] = value


def init_app(app: Flask) -> None:
    app.session_interface = CookieSessionInterface()

    @app.after_request
    def _headers(response: Response) -> Response:
        config = app.config
        headers = response.headers
        set_headers(
            headers,
            fixed_headers(
                bool(config.get("CSP_ENABLED", True) or config["ENV_NAME"] == "production"),
                bool(config.get("HSTS_ENABLED")),
            ),
        )
        # The staff area is never cached, whatever the answer: its 404 and 405 pages are
        # raised before any view could call no_store().
        path = request.path
        if g.get("no_store") or path == "/staff" or path.startswith("/staff/"):
            set_headers(headers, NO_STORE)
        elif "Cache-Control" not in headers:
            set_headers(headers, NO_CACHE)
        # No server version banner: Werkzeug's development server adds one through the response
        # (dropped here); gunicorn writes a bare "Server: gunicorn" itself, with no version, and
        # the nginx example sets server_tokens off.
        if "Server" in headers:
            del headers["Server"]
        return response
