"""Gunicorn's logger without query strings, whole client addresses, cookies or credentials.

``gunicorn.conf.py`` names :class:`PrivacyLogger` as ``logger_class``. Whatever the access log
format asks for, the values it can use are safe:

* ``%(h)s`` is the client's network (/24 for IPv4, /48 for IPv6), never the whole address. Behind
  a proxy it is the address the app's ProxyFix resolved (``TRUSTED_PROXY_COUNT``), because
  ProxyFix rewrites the same WSGI environ that gunicorn logs from.
* ``%(r)s`` (the request line) and ``%(f)s`` (the referrer) lose their query strings, ``%(q)s``
  is ``-``; ``%(u)s`` (a Basic auth user) is ``-``.
* Request headers that carry credentials or addresses (``Cookie``, ``Authorization``,
  ``X-Forwarded-For``, ...), the ``Set-Cookie`` response header and every environ variable
  (``%({NAME}e)s``) are not available; ``Location`` loses its query string.

Gunicorn's own warnings and errors ("Invalid request from ip=...", "Error handling request
/path?query") get the same treatment through a filter on its error log.
"""

from __future__ import annotations

import logging
import os
import re
from datetime import timedelta
from functools import lru_cache
from typing import Any

from gunicorn import glogging

from intake.logs import client_label, safe_traceback

HIDDEN_REQUEST_HEADERS = frozenset(
    {
        "cookie",
        "authorization",
        "proxy-authorization",
        "x-forwarded-for",
        "x-real-ip",
        "forwarded",
        "x-csrftoken",
        "x-csrf-token",
    }
)
HIDDEN_RESPONSE_HEADERS = frozenset({"set-cookie"})
IP_ASSIGNMENT = re.compile(r"\bip=([0-9A-Fa-f:.]+)")
QUERY = re.compile(r"\?[^\s\"']*")


def without_query(value: Any) -> str:
    """The text before any ``?`` (a URL's path); ``-`` for nothing."""
    if not value or value == "-":
        return "-"
    return str(value).split("?", 1)[0]


def truncated_ip(match: re.Match[str]) -> str:
    """``ip=ADDRESS`` as ``ip=NETWORK``; a colon that ends the message part is kept."""
    address = match.group(1)
    tail = ""
    while address.endswith(":"):
        address, tail = address[:-1], tail + ":"
    return f"ip={client_label(address)}{tail}"


def scrub(text: str) -> str:
    """A gunicorn message with query strings removed and client addresses truncated."""
    return IP_ASSIGNMENT.sub(truncated_ip, QUERY.sub("?-", text))


class ScrubFilter(logging.Filter):
    """Rewrites gunicorn's error-log records in place (message and arguments merged)."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except (TypeError, ValueError):  # pragma: no cover - a malformed record: keep it
            return True
        record.msg = scrub(message)
        record.args = None
        return True


class SafeExceptionFormatter(logging.Formatter):
    """gunicorn's own line format, with tracebacks as frames and types only: an error that
    escapes the app (a streamed CSV export's database error, say) is logged by gunicorn, and
    its message can quote what a patient typed."""

    def formatException(self, ei: Any) -> str:  # noqa: N802 - logging's name
        return safe_traceback(ei)


class PrivacyLogger(glogging.Logger):
    """gunicorn's Logger with privacy-safe access-log atoms and a scrubbed error log."""

    def setup(self, cfg: Any) -> None:
        super().setup(cfg)
        if not any(isinstance(f, ScrubFilter) for f in self.error_log.filters):
            self.error_log.addFilter(ScrubFilter())
        for handler in self.error_log.handlers:
            current = handler.formatter
            if not isinstance(current, SafeExceptionFormatter):
                handler.setFormatter(
                    SafeExceptionFormatter(
                        current._fmt if current else None,  # noqa: SLF001 - keep its format
                        current.datefmt if current else None,
                    )
                )

    def atoms(
        self, resp: Any, req: Any, environ: dict[str, Any], request_time: timedelta
    ) -> dict[str, Any]:
        """The atoms the access log format names, and only those: gunicorn's own method builds
        one for every request header, response header and environ variable (about sixty) and
        the log line then copies them all, on every request, to print seven."""
        wanted = format_keys(self.cfg.access_log_format)
        method = environ.get("REQUEST_METHOD", "-")
        path = environ.get("PATH_INFO") or "-"
        protocol = environ.get("SERVER_PROTOCOL", "-")
        status = resp.status
        if isinstance(status, str):
            status = status.split(None, 1)[0]
        sent = getattr(resp, "sent", None)
        micros = request_time.seconds * 1_000_000 + request_time.microseconds
        letters: dict[str, Any] = {
            "h": client_label(environ.get("REMOTE_ADDR")),
            "l": "-",
            "u": "-",
            "r": f"{method} {path} {protocol}",
            "s": status,
            "m": method,
            "U": environ.get("PATH_INFO"),
            "q": "-",
            "H": environ.get("SERVER_PROTOCOL"),
            "b": str(sent) if sent is not None else "-",
            "B": sent,
            "f": without_query(environ.get("HTTP_REFERER")),
            "a": environ.get("HTTP_USER_AGENT", "-"),
            "T": request_time.seconds,
            "D": micros,
            "M": micros // 1000,
            "L": f"{request_time.seconds}.{request_time.microseconds:06d}",
            "p": f"<{os.getpid()}>",
        }
        atoms: dict[str, Any] = {}
        for key in wanted:
            if key in letters:
                atoms[key] = letters[key]
            elif key == "t":
                atoms[key] = self.now()
            elif len(key) > 3 and key[0] == "{" and key[-2] == "}":
                name, kind = key[1:-2].lower(), key[-1]
                value = None
                if kind == "i" and name not in HIDDEN_REQUEST_HEADERS:
                    value = header(getattr(req, "headers", req), name)
                    if name == "referer" and value is not None:
                        value = without_query(value)
                elif kind == "o" and name not in HIDDEN_RESPONSE_HEADERS:
                    value = header(resp.headers, name)
                    if name == "location" and value is not None:
                        value = without_query(value)
                # environ variables ({NAME}e: QUERY_STRING, REMOTE_ADDR, HTTP_COOKIE, ...): none
                if value is not None:
                    atoms["{" + name + "}" + kind] = value
        return atoms


FORMAT_KEY = re.compile(r"%\(([^)]*)\)")


@lru_cache(maxsize=8)
def format_keys(access_log_format: str) -> tuple[str, ...]:
    """The atom names a log format uses, each once."""
    return tuple(dict.fromkeys(FORMAT_KEY.findall(access_log_format)))


def header(headers: Any, name: str) -> Any:
    """The last value of header ``name`` (lower case) in (name, value) pairs, as gunicorn's
    atoms would hold it; None when absent."""
    found = None
    for key, value in headers.items() if hasattr(headers, "items") else headers:
        if key.lower() == name:
            found = value
    return found
