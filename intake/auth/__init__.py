"""Staff sign-in: accounts, roles, TOTP, server-side sessions, lockout and the audit trail."""

from __future__ import annotations

from flask import Blueprint, Flask

bp = Blueprint("auth", __name__, url_prefix="/staff")


def init_app(app: Flask) -> None:
    """Flask-Login (user = live StaffSession), and the deny-by-default check on every request."""
    from flask_login import current_user

    from intake.auth import access, sessions
    from intake.database import utcnow
    from intake.extensions import login_manager

    app.config.setdefault("AUTH_CLOCK", utcnow)
    # Flask-Login's own context processor loads the user for *every* template, which would
    # make public pages read (and refresh) staff sessions; the lazy proxy loads it only when a
    # staff template actually asks.
    login_manager.init_app(app, add_context_processor=False)
    app.context_processor(lambda: {"current_user": current_user})
    # The StaffSession row, not a hash of the IP or browser, decides whether a cookie is good.
    login_manager.session_protection = None
    login_manager.user_loader(sessions.resume)
    login_manager.unauthorized_handler(access.refuse_anonymous)
    access.init_app(app)


from intake.auth import views  # noqa: E402,F401
