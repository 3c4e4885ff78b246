"""The staff side behind sign-in: today a landing page; the dashboard issue fills it."""

from __future__ import annotations

from flask import Blueprint
from flask_wtf.csrf import CSRFError

bp = Blueprint("staff", __name__, url_prefix="/staff")

from intake.auth.views import csrf_expired  # noqa: E402
from intake.staff import views  # noqa: E402,F401

# A staff form whose CSRF token expired keeps its text (see intake.auth.drafts).
bp.register_error_handler(CSRFError, csrf_expired)
