"""gunicorn's own error log (intake.gunicorn_logging): what escapes the app is logged there."""

from __future__ import annotations

import io
import logging

from gunicorn.config import Config

from intake.gunicorn_logging import PrivacyLogger


def test_gunicorn_logs_an_escaped_error_without_its_message() -> None:
    """An error raised while a response streams reaches gunicorn, not the app's handlers."""
    config = Config()
    config.set("errorlog", "-")
    logger = PrivacyLogger(config)
    stream = io.StringIO()
    for handler in logger.error_log.handlers:
        assert isinstance(handler, logging.StreamHandler)
        handler.setStream(stream)
    marker = "Marker-Jane-Doe-chest-pain"
    try:
        raise ValueError(f"could not store {marker}")
    except ValueError:
        logger.exception("Error handling request /staff/export?status=any&terms=%s", marker)
    text = stream.getvalue()
    assert "Traceback" in text and "ValueError" in text and "message withheld" in text
    assert marker not in text
    assert "/staff/export?-" in text  # the query string is dropped too
