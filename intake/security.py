"""Security headers on every response.

The CSP allows no inline script or style; JSON-LD data blocks are not scripts and need no
exception. Pages that show patient data say ``Cache-Control: no-store`` (views mark them with
:func:`no_store`); everything else may be cached briefly by the browser only.
"""

from __future__ import annotations

from flask import Flask, Response, g

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


def init_app(app: Flask) -> None:
    @app.after_request
    def _headers(response: Response) -> Response:
        headers = response.headers
        if app.config.get("CSP_ENABLED", True) or app.config["ENV_NAME"] == "production":
            headers["Content-Security-Policy"] = CSP
        headers["X-Content-Type-Options"] = "nosniff"
        headers["Referrer-Policy"] = "same-origin"
        headers["Permissions-Policy"] = PERMISSIONS_POLICY
        headers["X-Frame-Options"] = "DENY"
        headers["Cross-Origin-Opener-Policy"] = "same-origin"
        if app.config.get("HSTS_ENABLED"):
            headers["Strict-Transport-Security"] = "max-age=31536000; includeSubDomains"
        if g.get("no_store"):
            headers["Cache-Control"] = "no-store"
            headers["Pragma"] = "no-cache"
        elif "Cache-Control" not in headers:
            headers["Cache-Control"] = "no-cache"
        # No server version banner (gunicorn's is removed in gunicorn.conf.py).
        headers.pop("Server", None)
        return response
