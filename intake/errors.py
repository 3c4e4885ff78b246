"""Friendly error pages in the site's layout: no stack traces, the clinic's phone on each.

A refusal of the enquiry form (expired CSRF token, rate limit, database down) re-shows the form
with what the patient typed, through :mod:`intake.enquiry.views`.
"""

from __future__ import annotations

import logging

from flask import Flask, render_template, request
from flask_wtf.csrf import CSRFError
from sqlalchemy.exc import InterfaceError, OperationalError
from werkzeug.exceptions import HTTPException, InternalServerError

from intake.extensions import db

log = logging.getLogger("intake.errors")

TITLES = {
    400: "We could not read that request",
    403: "You do not have access to this page",
    404: "Page not found",
    405: "That action is not allowed here",
    413: "That was too much to send at once",
    429: "Too many attempts",
    500: "Something went wrong on our side",
    503: "The service is briefly unavailable",
}


def is_form_post() -> bool:
    return request.method == "POST" and request.endpoint == "enquiry.contact"


def render_error(code: int) -> tuple[str, int]:
    return render_template("errors/error.html", code=code, title=TITLES.get(code, "Error")), code


def init_app(app: Flask) -> None:
    @app.errorhandler(CSRFError)
    def _csrf(error: CSRFError) -> tuple[str, int]:
        if is_form_post():
            from intake.enquiry.views import redisplay

            return redisplay("csrf", 400)
        return render_error(400)

    @app.errorhandler(429)
    def _rate_limited(error: HTTPException) -> tuple[str, int]:
        if is_form_post():
            from intake.enquiry.views import redisplay

            return redisplay("rate_limited", 429)
        return render_error(429)

    @app.errorhandler(OperationalError)
    @app.errorhandler(InterfaceError)
    def _database_down(error: Exception) -> tuple[str, int]:
        db.session.rollback()
        log.error("database unavailable: %s", type(error).__name__)
        if is_form_post():
            from intake.enquiry.views import redisplay

            return redisplay("unavailable", 503)
        return render_error(503)

    @app.errorhandler(HTTPException)
    def _http(error: HTTPException) -> tuple[str, int]:
        return render_error(error.code or 500)

    @app.errorhandler(Exception)
    def _unexpected(error: Exception) -> tuple[str, int]:
        if isinstance(error, HTTPException):  # pragma: no cover - handled above
            return render_error(error.code or 500)
        db.session.rollback()
        log.exception("unhandled error: %s", type(error).__name__)
        if is_form_post():
            from intake.enquiry.views import redisplay

            return redisplay("unavailable", 500)
        return render_error(InternalServerError.code)
