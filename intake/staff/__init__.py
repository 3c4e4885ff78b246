"""The staff side behind sign-in: the inbox, the enquiry page and its actions, and the
periphery (audit log, export, reports, outbox)."""

from __future__ import annotations

from flask import Blueprint
from flask_wtf.csrf import CSRFError

bp = Blueprint("staff", __name__, url_prefix="/staff")

from intake.auth.views import csrf_expired  # noqa: E402
from intake.staff import enquiry_views, inbox  # noqa: E402,F401

# A staff form whose CSRF token expired keeps its text (see intake.auth.drafts).
bp.register_error_handler(CSRFError, csrf_expired)
from intake.staff import audit_views, banner, export, outbox_views, reports  # noqa: E402,F401
