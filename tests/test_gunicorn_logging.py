"""gunicorn's own error log (intake.gunicorn_logging): what escapes the app is logged there."""

from __future__ import annotations

import io
import logging
from datetime import timedelta

import pytest
from gunicorn import glogging
from gunicorn.config import Config

from intake.gunicorn_logging import (
    HIDDEN_REQUEST_HEADERS,
    HIDDEN_RESPONSE_HEADERS,
    PrivacyLogger,
    format_keys,
)


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


# --- access-log atoms: only what the format names, with the same privacy rules ----------------


class FakeRequest:
    headers = [
        ("HOST", "intake.clinic.example"),
        ("USER-AGENT", 'Mozilla/5.0 "quoted"'),
        ("COOKIE", "__Host-intake=secret-cookie"),
        ("AUTHORIZATION", "Basic dXNlcjpwYXNz"),
        ("X-FORWARDED-FOR", "203.0.113.77"),
        ("REFERER", "https://intake.clinic.example/staff/?terms=Jane"),
        ("ACCEPT", "text/html"),
        ("ACCEPT", "*/*"),  # a repeated header: the last one, as gunicorn's atoms hold it
    ]


class FakeResponse:
    status = "302 FOUND"
    sent = 1234
    headers = [
        ("Content-Type", "text/html"),
        ("Location", "/staff/?terms=Jane"),
        ("Set-Cookie", "__Host-intake=secret-cookie; Secure"),
        ("X-Request-ID", "0123456789abcdef0123456789abcdef"),
    ]


ENVIRON = {
    "REQUEST_METHOD": "GET",
    "PATH_INFO": "/staff/search",
    "RAW_URI": "/staff/search?terms=Jane",
    "QUERY_STRING": "terms=Jane",
    "SERVER_PROTOCOL": "HTTP/1.1",
    "REMOTE_ADDR": "198.51.100.77",
    "HTTP_COOKIE": "__Host-intake=secret-cookie",
    "HTTP_REFERER": "https://intake.clinic.example/staff/?terms=Jane",
    "HTTP_USER_AGENT": 'Mozilla/5.0 "quoted"',
    "HTTP_AUTHORIZATION": "Basic dXNlcjpwYXNz",
}


def reference_atoms(logger: PrivacyLogger, elapsed: timedelta) -> dict[str, object]:
    """gunicorn's own atoms (every header and environ variable), with the privacy rules the
    module docstring gives applied by hand: what the lean atoms must print the same as."""
    raw = glogging.Logger.atoms(logger, FakeResponse(), FakeRequest(), dict(ENVIRON), elapsed)
    atoms = {
        key: value
        for key, value in raw.items()
        if not (key.startswith("{") and key.endswith("}e"))
        and not (key.endswith("}i") and key[1:-2] in HIDDEN_REQUEST_HEADERS)
        and not (key.endswith("}o") and key[1:-2] in HIDDEN_RESPONSE_HEADERS)
    }
    atoms.update(
        h="198.51.100.0/24",
        r="GET /staff/search HTTP/1.1",
        q="-",
        u="-",
        f="https://intake.clinic.example/staff/",
    )
    atoms["{referer}i"] = "https://intake.clinic.example/staff/"
    atoms["{location}o"] = "/staff/"
    return atoms


FORMATS = [
    '%(h)s "%(m)s %(U)s" %(s)s %(B)s %(M)sms rid=%({x-request-id}o)s',  # gunicorn.conf.py's
    '%(h)s %(l)s %(u)s %(t)s "%(r)s" %(s)s %(b)s "%(f)s" "%(a)s"',  # gunicorn's default
    "%(q)s %(H)s %(T)s %(D)s %(L)s %(p)s %(B)s",
    "%({cookie}i)s %({Authorization}i)s %({x-forwarded-for}i)s %({set-cookie}o)s",
    "%({query_string}e)s %({remote_addr}e)s %({HTTP_COOKIE}e)s %({raw_uri}e)s",
    "%({referer}i)s %({Location}o)s %({accept}i)s %({host}i)s %({content-type}o)s",
    "%({X-Request-ID}o)s %({no-such-header}i)s %(zz)s",
]


@pytest.mark.parametrize("access_format", FORMATS)
def test_access_line_prints_what_gunicorns_atoms_would_print_safely(access_format: str) -> None:
    config = Config()
    config.set("access_log_format", access_format)
    logger = PrivacyLogger(config)
    elapsed = timedelta(seconds=1, microseconds=23456)
    lean = logger.atoms(FakeResponse(), FakeRequest(), dict(ENVIRON), elapsed)
    expected = access_format % glogging.SafeAtoms(reference_atoms(logger, elapsed))
    if "%(t)s" in access_format:  # the clock: the same second in both, or a tick apart
        lean["t"] = glogging.SafeAtoms(reference_atoms(logger, elapsed))["t"]
    line = access_format % glogging.SafeAtoms(lean)
    assert line == expected
    for secret in ("secret-cookie", "203.0.113.77", "198.51.100.77", "terms=", "dXNlcjpwYXNz"):
        assert secret not in line
    assert set(lean) <= {k.lower() if k.startswith("{") else k for k in format_keys(access_format)}
