"""The staff landing page (the access check in intake.auth.access guards it)."""

from __future__ import annotations

from flask import render_template
from flask_login import current_user

from intake.security import no_store
from intake.staff import bp


@bp.get("/")
def index() -> str:
    """Who is signed in, and the way out; the dashboard issue replaces the body."""
    no_store()
    return render_template("staff/index.html", user=current_user)
