"""Structured logging with a request id on each line and no PHI.

Nothing here ever logs form values, query strings or full client addresses. Text lines escape
CR/LF so a value cannot forge a new log line; JSON lines escape them by construction.
"""

from __future__ import annotations

import hashlib
import ipaddress
import json
import logging
import sys
import time
import traceback
import uuid
from functools import lru_cache
from typing import Any

from flask import Flask, Response, g, has_request_context, request


def client_label(address: str | None) -> str:
    """A client address truncated to its network (/24 for IPv4, /48 for IPv6), never whole."""
    if not address:
        return "-"
    return _client_label(address)


@lru_cache(maxsize=4096)
def _client_label(address: str) -> str:
    """:func:`client_label`, remembered per address (parsing it was a fifth of the app's log
    line). The answer depends on the address alone, so one visitor's entry can only ever be
    read back for the same address; the cache is bounded, the oldest entries dropped first."""
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return "h:" + hashlib.sha256(address.encode()).hexdigest()[:12]
    prefix = 24 if ip.version == 4 else 48
    return str(ipaddress.ip_network(f"{ip}/{prefix}", strict=False))


class RequestContextFilter(logging.Filter):
    """Adds the request id (or '-') to every record."""

    def filter(self, record: logging.LogRecord) -> bool:
        # A record may carry its own (the public page cache logs outside any request context).
        if "request_id" not in record.__dict__:
            record.request_id = g.get("request_id", "-") if has_request_context() else "-"
        return True


def safe_traceback(exc_info: Any) -> str:
    """The frames and the exception types of a traceback, never the exceptions' messages.

    A message can quote what a patient typed: a database error quotes its statement's
    parameters, a parsing error the value it could not parse. The frames say where it went
    wrong; the message stays out of the log.
    """
    exc_type, exc, tb = exc_info
    parts: list[str] = []
    seen: set[int] = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        kind = type(exc)
        parts.append(
            "Traceback (most recent call last):\n"
            + "".join(traceback.format_tb(exc.__traceback__))
            + f"{kind.__module__}.{kind.__qualname__} (message withheld: it may hold PHI)"
        )
        exc = exc.__cause__ or (None if exc.__suppress_context__ else exc.__context__)
    if not parts and exc_type is not None:
        parts.append(f"{exc_type.__name__} (message withheld: it may hold PHI)")
    return "\nDuring or because of:\n".join(reversed(parts))


class SafeTextFormatter(logging.Formatter):
    """Plain text, one line per record: CR and LF in any part are escaped; tracebacks without
    exception messages."""

    def formatException(self, ei: Any) -> str:  # noqa: N802 - logging's name
        return safe_traceback(ei)

    def format(self, record: logging.LogRecord) -> str:
        record.exc_text = None  # never reuse another formatter's full rendering
        line = super().format(record)
        return line.replace("\r", "\\r").replace("\n", "\\n")


class JsonFormatter(logging.Formatter):
    """One JSON object per line for production log collectors (tracebacks as in the text
    format: frames and types, no exception messages)."""

    EXTRA_KEYS = ("method", "path", "status", "duration_ms", "client", "event")
    TIME_FORMAT = "%Y-%m-%dT%H:%M:%S%z"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # The time field has whole seconds: formatted once per second, not once per line. One
        # tuple, replaced whole, so threads never see a second paired with another's text.
        self._time_cache: tuple[int, str] = (-1, "")

    def formatTime(  # noqa: N802 - logging's name
        self, record: logging.LogRecord, datefmt: str | None = None
    ) -> str:
        if datefmt != self.TIME_FORMAT:
            return super().formatTime(record, datefmt)
        second = int(record.created)
        cached = self._time_cache
        if cached[0] != second:
            cached = self._time_cache = (second, super().formatTime(record, datefmt))
        return cached[1]

    def formatException(self, ei: Any) -> str:  # noqa: N802 - logging's name
        return safe_traceback(ei)

    def format(self, record: logging.LogRecord) -> str:
        payload: dict[str, Any] = {
            "time": self.formatTime(record, self.TIME_FORMAT),
            "level": record.levelname,
            "logger": record.name,
            "request_id": getattr(record, "request_id", "-"),
            "message": record.getMessage(),
        }
        for key in self.EXTRA_KEYS:
            if hasattr(record, key):
                payload[key] = getattr(record, key)
        if record.exc_info:
            payload["exc_type"] = record.exc_info[0].__name__ if record.exc_info[0] else None
            payload["traceback"] = self.formatException(record.exc_info)
        return json.dumps(payload, ensure_ascii=True)


def init_app(app: Flask) -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.addFilter(RequestContextFilter())
    if app.config["LOG_FORMAT"] == "json":
        handler.setFormatter(JsonFormatter())
    else:
        handler.setFormatter(
            SafeTextFormatter("%(asctime)s %(levelname)s [%(request_id)s] %(name)s: %(message)s")
        )
    # The app's own loggers, plus the rate limiter's (it reports storage fallbacks).
    for name in ("intake", "flask-limiter"):
        logger = logging.getLogger(name)
        logger.handlers = [handler]
        logger.setLevel(app.config["LOG_LEVEL"])
        logger.propagate = False
    # Flask-Limiter logs each breach at INFO with the full client address: keep only its
    # warnings (such as the fall-back to in-memory limits when Redis is unreachable).
    logging.getLogger("flask-limiter").setLevel(logging.WARNING)
    app.logger.handlers = [handler]
    app.logger.setLevel(app.config["LOG_LEVEL"])

    @app.before_request
    def _start_request() -> None:
        g.request_id = request_id_from(request.headers.get("X-Request-ID", ""))
        g.request_started = time.perf_counter()

    @app.after_request
    def _log_request(response: Response) -> Response:
        state = g._get_current_object()  # the proxies resolved once, not once per use
        started = getattr(state, "request_started", None)
        duration = (time.perf_counter() - started) * 1000 if started else 0.0
        request_id = getattr(state, "request_id", "-")
        response.headers["X-Request-ID"] = request_id
        current = request._get_current_object()  # type: ignore[attr-defined]
        if current.endpoint != "static":
            log_access(
                current.method,
                current.path,
                response.status_code,
                duration,
                current.remote_addr,
                request_id,
            )
        return response


ACCESS = logging.getLogger("intake.access")


def request_id_from(incoming: str) -> str:
    """A proxy's X-Request-ID if it is short and plain; otherwise a new one."""
    if 8 <= len(incoming) <= 64 and incoming.replace("-", "").isalnum():
        return incoming
    return uuid.uuid4().hex


def log_access(
    method: str,
    path: str,
    status: int,
    duration_ms: float,
    remote_addr: str | None,
    request_id: str,
) -> None:
    """The app's access line: the path only (query strings can carry search terms), no form
    values ever, and the client's network, never the whole address."""
    if ACCESS.isEnabledFor(logging.INFO):
        ACCESS.info(
            "%s %s %s",
            method,
            path,
            status,
            extra={
                "method": method,
                "path": path,
                "status": status,
                "duration_ms": round(duration_ms, 1),
                "client": client_label(remote_addr),
                "request_id": request_id,
            },
        )
