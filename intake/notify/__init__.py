"""Mail through an outbox: queued in the caller's transaction, sent by ``flask outbox send``.

Nothing here talks to SMTP inside a request: :func:`queue_enquiry_mail` adds rows to the
session; the worker (:mod:`intake.notify.worker`) delivers them through
:mod:`intake.notify.sender`.
"""

from __future__ import annotations

from flask import Flask

from intake.notify.models import OutboxAttachment, OutboxMessage
from intake.notify.queue import notify_settings, parse_routes, queue_enquiry_mail
from intake.notify.worker import OutboxStatus, cancel_pending, outbox_status, retry_all

__all__ = [
    "OutboxAttachment",
    "OutboxMessage",
    "OutboxStatus",
    "cancel_pending",
    "check_settings",
    "outbox_status",
    "parse_routes",
    "queue_enquiry_mail",
    "retry_all",
]


def check_settings(app: Flask) -> None:
    """Raise ConfigError on a bad mail address or route; for create_app to call at start-up."""
    from intake.notify.sender import SmtpSettings

    notify_settings(app.config)
    SmtpSettings.from_config(app.config)
