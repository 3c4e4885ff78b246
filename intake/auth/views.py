"""Sign-in, sign-out, TOTP, set-up link, password change and account administration pages.

Views stay thin: the sequence is in ``signin``, account changes in ``accounts``; views commit.
Every page here is ``Cache-Control: no-store``.
"""

from __future__ import annotations

import logging
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from flask import (
    current_app,
    flash,
    g,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_login import current_user, logout_user
from flask_wtf.csrf import CSRFError
from sqlalchemy import select
from werkzeug.exceptions import HTTPException
from werkzeug.wrappers.response import Response

from intake import audit
from intake.auth import accounts, bp, drafts, lockout, passwords, sessions, signin, totp
from intake.auth.access import admin_required
from intake.auth.forms import (
    ChangePasswordForm,
    CodeForm,
    EnrolForm,
    LoginForm,
    NewAccountForm,
    SetupForm,
)
from intake.auth.models import StaffUser
from intake.auth.redirects import safe_next
from intake.extensions import db, limiter
from intake.security import no_store

log = logging.getLogger("intake.auth")
SETUP_SESSION_KEY = "staff_setup_token"

Page = Response | tuple[str, int]


def login_limit() -> str:
    return str(current_app.config["LOGIN_RATE_LIMIT"])


def count_failure() -> None:
    """Mark this request as a failed attempt for the per-address limit."""
    g.sign_in_failed = True


def failed_attempt(response: Response) -> bool:
    return bool(g.get("sign_in_failed"))


# One budget of failures per client address across the password, code and set-up steps.
sign_in_limit = limiter.shared_limit(
    login_limit, scope="staff-sign-in", methods=["POST"], deduct_when=failed_attempt
)


def local_time(moment: datetime) -> str:
    zone = ZoneInfo(current_app.config["CLINIC_TIMEZONE"])
    local = moment.astimezone(zone)
    return local.strftime("%A %d %B %Y, %I:%M %p ") + (local.tzname() or "")


def render_login(
    *,
    form: LoginForm | None = None,
    status: int = 200,
    error: str | None = None,
    notice: str | None = None,
    draft: str | None = None,
    next_path: str | None = None,
) -> tuple[str, int]:
    no_store()
    form = form or LoginForm(formdata=None)
    if draft is not None:
        form.draft.data = draft
    if next_path is not None:
        form.next.data = next_path
    return (
        render_template("auth/login.html", form=form, error=error, notice=notice, errors=[]),
        status,
    )


def finish(next_path: str | None, draft_blob: str | None) -> Response | tuple[str, int]:
    """After a complete sign-in: the kept form if there is one, else ``next``."""
    draft = drafts.load(draft_blob)
    if draft is not None:
        return render_template("auth/resubmit.html", draft=draft), 200
    return redirect(safe_next(next_path), code=303)


# --- sign in ---------------------------------------------------------------------------------


@bp.route("/login", methods=["GET", "POST"])
@sign_in_limit
def login() -> Page:
    no_store()
    if request.method != "POST":  # GET and HEAD
        if current_user.is_authenticated:
            return redirect(url_for("staff.index"))
        return render_login(next_path=safe_next(request.args.get("next"), default=""))
    form = LoginForm()
    if not form.validate():
        return render_login(form=form, status=422, error=signin.GENERIC_FAILURE)
    attempt = signin.check_password(form.email.data or "", form.password.data or "")
    if attempt.user is None:
        count_failure()
        db.session.commit()
        if attempt.locked_until is not None:
            return render_login(
                form=form, status=429, error=lockout.retry_message(attempt.locked_until)
            )
        return render_login(form=form, status=401, error=signin.GENERIC_FAILURE)
    user = attempt.user
    next_path = safe_next(form.next.data)
    step = signin.next_step(user)
    if step is None:
        signin.complete(user, "none")
        return finish(next_path, form.draft.data)
    db.session.commit()  # a rehash, if any
    signin.begin_pending(user, step, next_path)
    if step == "enrol":
        return redirect(url_for("auth.totp_enrol"), code=303)
    return render_code_page(CodeForm(formdata=None), draft=form.draft.data)


def render_code_page(
    form: CodeForm, *, draft: str | None, status: int = 200, error: str | None = None
) -> tuple[str, int]:
    no_store()
    if draft is not None:
        form.draft.data = draft
    return render_template("auth/login_code.html", form=form, error=error), status


@bp.route("/login/code", methods=["GET", "POST"])
@sign_in_limit
def login_code() -> Page:
    found = signin.pending()
    if found is None or found[1].get("step") != "totp":
        return redirect(url_for("auth.login"))
    user, data = found
    if request.method != "POST":  # GET and HEAD
        return render_code_page(CodeForm(formdata=None), draft=None)
    form = CodeForm()
    if not form.validate():
        return render_code_page(form, draft=None, status=422)
    until = lockout.locked_until(user)
    if until is not None:
        count_failure()
        audit.record(
            "auth.sign_in_refused",
            target_type="staff_user",
            target_id=user.id,
            details={"reason": "locked"},
        )
        db.session.commit()
        return render_code_page(form, draft=None, status=429, error=lockout.retry_message(until))
    factor = accounts.check_second_factor(user, form.code.data or "")
    if factor is None:
        count_failure()
        attempt = signin.failure(user, "code")
        db.session.commit()
        if attempt.locked_until is not None:
            session.pop(signin.PENDING_KEY, None)
            return render_login(status=429, error=lockout.retry_message(attempt.locked_until))
        return render_code_page(form, draft=None, status=401, error=signin.GENERIC_FAILURE)
    signin.complete(user, factor)
    if factor == "recovery_code":
        remaining = len(user.recovery_code_hashes or [])
        flash(
            f"You used a recovery code. {remaining} remain{'s' if remaining == 1 else ''}.", "info"
        )
    return finish(data.get("next"), form.draft.data)


# --- TOTP enrolment ----------------------------------------------------------------------------


def enrolling_user() -> tuple[StaffUser, dict[str, Any] | None] | None:
    """The signed-in user, or the user between factors who must enrol first."""
    if current_user.is_authenticated:
        return current_user._get_current_object(), None
    found = signin.pending()
    if found is not None and found[1].get("step") == "enrol":
        return found
    return None


@bp.route("/totp", methods=["GET", "POST"])
def totp_enrol() -> Page:
    no_store()
    found = enrolling_user()
    if found is None:
        return redirect(url_for("auth.login"))
    user, pending = found
    if user.has_totp:
        return render_template("auth/totp_enrolled.html"), 200
    if not totp.available():
        log.error("TOTP enrolment refused: DATA_ENCRYPTION_KEY missing or invalid")
        return render_template("auth/totp_unavailable.html"), 503
    form = EnrolForm()
    error = None
    if request.method == "POST" and form.validate():
        enrolment = accounts.confirm_totp(user, form.code.data or "")
        if enrolment is not None:
            if pending is not None:
                signin.complete(user, "totp_enrolment")
            else:
                sessions.end_all(user.id, "totp_changed")
                signin.renew(user)
            return render_template(
                "auth/recovery_codes.html",
                codes=enrolment.recovery_codes,
                next_path=safe_next(pending.get("next") if pending else None),
            ), 200
        error = "That code did not work. Check the time on your phone and try the newest code."
    secret = accounts.pending_secret(user)
    db.session.commit()
    return render_template(
        "auth/totp_enrol.html",
        form=form,
        error=error,
        qr=totp.qr_svg(totp.provisioning_uri(secret, user.email)),
        secret=totp.grouped(secret),
        can_skip=pending is not None and not signin.totp_required(),
    ), (422 if error else 200)


@bp.post("/totp/skip")
def totp_skip() -> Page:
    """Only where REQUIRE_TOTP is off (development): sign in on the password alone."""
    found = signin.pending()
    if found is None or found[1].get("step") != "enrol" or signin.totp_required():
        return redirect(url_for("auth.login"))
    user, data = found
    signin.complete(user, "none")
    return redirect(safe_next(data.get("next")), code=303)


# --- sign out ---------------------------------------------------------------------------------


@bp.post("/logout")
def logout() -> Response:
    row = sessions.current_row()
    if row is not None:
        sessions.end(row, "sign_out")
        audit.record(
            "auth.sign_out", actor_id=current_user.id, target_type="staff_session", target_id=row.id
        )
        db.session.commit()
    logout_user()
    session.clear()
    flash("You have signed out.", "info")
    return redirect(url_for("auth.login"), code=303)


# --- set-up link ------------------------------------------------------------------------------


@bp.route("/setup", methods=["GET", "POST"])
@sign_in_limit
def setup() -> Page:
    """The one-time link an admin hands over: choose a password, then enrol TOTP."""
    no_store()
    token = request.args.get("token")
    if request.method in ("GET", "HEAD") and token:
        # Move the token out of the address bar (and history) into the signed cookie.
        session[SETUP_SESSION_KEY] = token
        return redirect(url_for("auth.setup"), code=303)
    user = accounts.user_for_setup_token(session.get(SETUP_SESSION_KEY))
    if user is None:
        session.pop(SETUP_SESSION_KEY, None)
        return render_template("auth/setup_invalid.html"), 404
    form = SetupForm()
    form.policy_email = user.email
    if request.method == "POST" and form.validate():
        accounts.complete_setup(user, form.password.data or "")
        db.session.commit()
        signin.begin_pending(user, "enrol", "/staff/")
        return redirect(url_for("auth.totp_enrol"), code=303)
    return render_template("auth/setup.html", form=form, user=user, errors=form.error_list()), (
        422 if form.errors else 200
    )


# --- own password -----------------------------------------------------------------------------


@bp.route("/password", methods=["GET", "POST"])
def change_password() -> Page:
    """Re-enter the current password (ASVS 7.5.1); every session then ends, this browser gets
    a new one."""
    user: StaffUser = current_user._get_current_object()
    form = ChangePasswordForm()
    form.policy_email = user.email
    if request.method == "POST" and form.validate():
        if not passwords.verify_password(user.password_hash, form.current_password.data or ""):
            attempt = signin.failure(user, "current_password")
            db.session.commit()
            if attempt.locked_until is not None:
                # Locked while signed in: this session ends too; sign in after the lock.
                sessions.end_all(user.id, "locked")
                db.session.commit()
                logout_user()
                session.clear()
                return render_login(status=429, error=lockout.retry_message(attempt.locked_until))
            form.current_password.errors = ["That is not your current password."]
        elif form.current_password.data == form.new_password.data:
            form.new_password.errors = ["Choose a password different from the current one."]
        else:
            accounts.set_password(
                user, form.new_password.data or "", actor_id=user.id, action="auth.password_changed"
            )
            db.session.commit()
            signin.renew(user)
            flash(
                "Your password has been changed. Any other signed-in devices were signed out.",
                "info",
            )
            return redirect(url_for("staff.index"), code=303)
    status = 422 if request.method == "POST" else 200
    return render_template("auth/password.html", form=form, errors=form.error_list()), status


# --- accounts (admin) -------------------------------------------------------------------------


@bp.get("/accounts")
@admin_required
def accounts_list() -> Page:
    users = db.session.scalars(select(StaffUser).order_by(StaffUser.name, StaffUser.id)).all()
    return render_template("auth/accounts.html", users=users, now=sessions.now()), 200


@bp.route("/accounts/new", methods=["GET", "POST"])
@admin_required
def account_new() -> Page:
    form = NewAccountForm()
    if request.method == "POST" and form.validate():
        try:
            user = accounts.create_account(
                form.email.data or "",
                form.name.data or "",
                form.role.data or "",
                actor_id=current_user.id,
            )
        except accounts.AccountError as exc:
            form.email.errors = [str(exc)]
        else:
            token, expires = accounts.issue_setup_link(user, actor_id=current_user.id)
            db.session.commit()
            return render_setup_link(user, token, expires)
    status = 422 if request.method == "POST" else 200
    return render_template("auth/account_new.html", form=form, errors=form.error_list()), status


def render_setup_link(user: StaffUser, token: str, expires: datetime) -> tuple[str, int]:
    base = current_app.config["PUBLIC_BASE_URL"]
    link = f"{base}{url_for('auth.setup', token=token)}"
    return render_template(
        "auth/setup_link.html", user=user, link=link, expires=local_time(expires)
    ), 200


@bp.post("/accounts/<int:user_id>/setup-link")
@admin_required
def account_setup_link(user_id: int) -> Page:
    """A fresh link for an account that has not finished setting up (the old one dies)."""
    user = db.get_or_404(StaffUser, user_id)
    if user.password_hash is not None or not user.active:
        flash("That account has already been set up; use the command line to reset it.", "info")
        return redirect(url_for("auth.accounts_list"), code=303)
    token, expires = accounts.issue_setup_link(user, actor_id=current_user.id)
    db.session.commit()
    return render_setup_link(user, token, expires)


@bp.post("/accounts/<int:user_id>/deactivate")
@admin_required
def account_deactivate(user_id: int) -> Response:
    user = db.get_or_404(StaffUser, user_id)
    if user.id == current_user.id:
        flash("You cannot deactivate your own account.", "info")
    elif user.active:
        accounts.deactivate(user, actor_id=current_user.id)
        db.session.commit()
        flash(f"{user.name}'s account is deactivated and signed out everywhere.", "info")
    return redirect(url_for("auth.accounts_list"), code=303)


def totp_reset_refusal(user: StaffUser) -> str | None:
    """Why this admin may not reset this account's TOTP here, or None.

    Not one's own (it would end the session doing it, and a stolen admin session must not be
    able to strip its own second factor): another admin, or ``flask staff reset-totp``.
    """
    if user.id == current_user.id:
        return (
            "You cannot reset your own two-factor sign-in here. Ask another administrator, or "
            "run flask staff reset-totp on the server."
        )
    if not user.active:
        return f"{user.name}'s account is deactivated: there is nothing to reset."
    if not user.has_totp:
        return f"{user.name} has not set up two-factor sign-in yet: there is nothing to reset."
    return None


@bp.route("/accounts/<int:user_id>/reset-totp", methods=["GET", "POST"])
@admin_required
def account_reset_totp(user_id: int) -> Page:
    """A lost phone: GET asks for confirmation, POST (CSRF) forgets the TOTP secret and the
    recovery codes with the same function as ``flask staff reset-totp`` (audited, every session
    of the account ends); the person sets up two-factor sign-in again at their next sign-in."""
    user = db.get_or_404(StaffUser, user_id)
    refusal = totp_reset_refusal(user)
    if refusal is not None:
        flash(refusal, "info")
        return redirect(url_for("auth.accounts_list"), code=303)
    if request.method != "POST":  # GET, and HEAD (which Flask routes here; no CSRF on it)
        return render_template("auth/account_reset_totp.html", user=user), 200
    ended = accounts.reset_totp(user, actor_id=current_user.id)
    db.session.commit()
    flash(
        f"Two-factor sign-in is reset for {user.name}: signed out everywhere "
        f"({ended} session{'' if ended == 1 else 's'} ended). They set it up again at their "
        "next sign-in.",
        "info",
    )
    return redirect(url_for("auth.accounts_list"), code=303)


# --- refusals on these pages ------------------------------------------------------------------


@bp.errorhandler(429)
def rate_limited(error: HTTPException) -> tuple[str, int]:
    """Too many failed attempts from this address: say so on the page itself."""
    return render_login(
        status=429,
        error="Too many failed sign-in attempts from your network. Wait a few minutes and try "
        "again.",
    )


@bp.errorhandler(totp.TotpUnavailable)
def totp_unavailable(error: totp.TotpUnavailable) -> tuple[str, int]:
    """A missing or wrong DATA_ENCRYPTION_KEY: say so (the log names it), never a 500."""
    db.session.rollback()
    log.error("TOTP unavailable: %s", error)
    no_store()
    return render_template("auth/totp_unavailable.html"), 503


@bp.errorhandler(CSRFError)
def csrf_expired(error: CSRFError) -> tuple[str, int]:
    """A staff form whose token expired: keep its text rather than lose it."""
    draft = drafts.capture(request)
    if current_user.is_authenticated and draft is not None:
        no_store()
        loaded = drafts.load(draft)
        return render_template("auth/resubmit.html", draft=loaded), 400
    return render_login(
        status=400,
        notice="This page was open for a long time, so for your security it could not be "
        "accepted. Please sign in (again) and retry.",
        draft=draft,
    )
