"""``next`` after sign-in ends on this site for every line of the open-redirect corpus."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import unquote, urljoin, urlsplit

import pytest
from flask import Flask

from intake.auth.redirects import safe_next
from tests.test_auth_support import PASSWORD, make_user

CORPUS = Path(__file__).parent / "data" / "open-redirect.txt"
LINES = [line for line in CORPUS.read_text(encoding="utf-8").splitlines() if line]
SITE = "http://localhost/staff/login"


def stays_on_site(location: str) -> bool:
    """What a browser would do with the Location header: still this host, over a plain path."""
    if not location.startswith("/") or location.startswith("//"):
        return False
    if "\\" in location or not location.isascii():
        return False
    if any(ord(c) < 0x21 or ord(c) == 0x7F for c in location):
        return False
    return urlsplit(urljoin(SITE, location)).netloc == "localhost"


def test_the_corpus_is_all_there() -> None:
    assert len(LINES) == 240


@pytest.mark.parametrize("variant", ["as written", "decoded"])
def test_safe_next_keeps_every_corpus_line_on_site(variant: str) -> None:
    for line in LINES:
        value = line if variant == "as written" else unquote(line)
        result = safe_next(value)
        assert stays_on_site(result), (line, result)
        assert result == "/staff/" or result == value


def test_safe_next_keeps_good_staff_paths() -> None:
    assert safe_next("/staff/accounts") == "/staff/accounts"
    assert safe_next("/staff/?status=new&page=2") == "/staff/?status=new&page=2"
    for bad in ("", None, "/", "/contact", "//staff/", "/staff\\..\\x", "https://x/staff/"):
        assert safe_next(bad) == "/staff/"


def test_every_corpus_line_as_next_ends_on_this_site(app_factory: Any) -> None:
    app: Flask = app_factory()
    make_user(app)
    client = app.test_client()
    for line in LINES:
        # As the hidden form field of the sign-in page...
        response = client.post(
            "/staff/login",
            data={"email": "nurse@clinic.example", "password": PASSWORD, "next": line},
        )
        assert response.status_code == 303, line
        assert stays_on_site(response.headers["Location"]), (line, response.headers["Location"])
        client.post("/staff/logout")
        # ...and through the query string the sign-in page is reached with.
        page = client.get("/staff/login", query_string={"next": line})
        assert page.status_code == 200
        hidden = page.get_data(as_text=True).split('name="next" type="hidden" value="')[1]
        kept = hidden.split('"')[0]
        assert kept == "" or stays_on_site(kept), (line, kept)
