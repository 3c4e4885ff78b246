"""Liveness and readiness endpoints for load balancers and monitoring."""

from __future__ import annotations

import logging
from typing import Any

from flask import Blueprint, Response, jsonify
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from intake.extensions import db, limiter

bp = Blueprint("health", __name__)
log = logging.getLogger("intake.health")


@bp.get("/livez")
@limiter.exempt
def livez() -> Response:
    """The process is up; says nothing about the database."""
    return jsonify(status="ok")


@bp.get("/readyz")
@limiter.exempt
def readyz() -> tuple[Response, int]:
    """Ready when the database answers within the engine's short connect timeout."""
    try:
        db.session.execute(text("SELECT 1"))
        outbox = outbox_backlog()
    except SQLAlchemyError as exc:
        db.session.rollback()
        log.warning("readiness check failed: database unreachable (%s)", type(exc).__name__)
        return jsonify(status="unavailable", database="unreachable"), 503
    finally:
        db.session.remove()
    return jsonify(status="ok", database="ok", outbox=outbox), 200


def outbox_backlog() -> dict[str, Any]:
    """The mail backlog, reported for monitoring; it never fails readiness."""
    try:
        from intake.notify import outbox_status

        status = outbox_status()
    except Exception as exc:  # noqa: BLE001 - a missing table or slow query is not "not ready"
        db.session.rollback()
        log.warning("readiness: outbox backlog unknown (%s)", type(exc).__name__)
        return {"status": "unknown"}
    return {
        "status": "ok",
        "pending": status.pending,
        "dead": status.dead,
        "oldest_pending_age_seconds": (
            None
            if status.oldest_pending_age_seconds is None
            else round(status.oldest_pending_age_seconds, 1)
        ),
    }
