"""Fuzzing the dashboard's filters, page cursor and search with Hypothesis.

Through the server (a signed-in staff member, Flask test client): arbitrary query strings for
the inbox (every filter, the page cursor, the saved-search id, unknown and repeated keys, raw
bytes that are not UTF-8) and arbitrary search POSTs. Never a 500; every filter value that is
not allowed is named on the page ("The “Concern” filter was ignored: ..."), never silently
dropped; a search redirect carries only allowed filter values and an opaque id.

At the functions behind them (many more inputs): the filters always come out valid and
round-trip through the query string; their audit description stays within what the audit trail
accepts; search terms and cursors parse or are refused, never raise.

Example counts come from the Hypothesis profile in tests/conftest.py (``fuzz_examples``): the
"ci" profile runs 8,140 examples here, 340 of them through the server (with the form fuzz,
10,540 in all; ``test_the_ci_profile_generates_at_least_10000_inputs`` keeps it so).
"""

from __future__ import annotations

import base64
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, quote, quote_from_bytes, urlsplit

import pytest
from flask import Flask
from flask.testing import FlaskClient
from hypothesis import given, settings
from hypothesis import strategies as st

from intake import create_app
from intake.audit import MAX_VALUE_LENGTH, check_details
from intake.extensions import db
from intake.models import KINDS, STATUSES, URGENCY_RANK
from intake.staff.inbox import CURSOR_IGNORED, FILTER_RULES, ignored_filters
from intake.staff.queries import (
    ASSIGNEE_FILTERS,
    EARLIEST_DATE,
    LATEST_DATE,
    MAX_TERM_LENGTH,
    MAX_TERMS,
    MIN_TERM_LENGTH,
    SECTION_RE,
    SPAM_FILTERS,
    STATUS_FILTERS,
    InboxFilters,
    decode_cursor,
    parse_terms,
)
from intake.triage.model import TAGS
from tests.conftest import fuzz_examples, make_config
from tests.test_staff_support import add_enquiry, staff_client

BLNS: list[str] = json.loads(
    (Path(__file__).parent / "data" / "blns.json").read_text(encoding="utf-8")
)
ALLOWED: dict[str, tuple[str, ...]] = {
    "status": STATUS_FILTERS,
    "tag": tuple(TAGS),
    "urgency": tuple(URGENCY_RANK),
    "kind": tuple(KINDS),
    "assignee": ASSIGNEE_FILTERS,
    "spam": SPAM_FILTERS,
}
FILTERS = (*ALLOWED, "from", "to", "section")
SEARCH_ID = re.compile(r"^[A-Za-z0-9_-]{16,32}$")


# --- an independent model of which values are allowed -----------------------------------------


def allowed(name: str, raw: str) -> bool:
    """Is this (first) value of a filter one the inbox accepts?"""
    value = raw.strip()
    if name in ALLOWED:
        return value in ALLOWED[name]
    if name in {"from", "to"}:
        try:
            return EARLIEST_DATE <= date.fromisoformat(value) <= LATEST_DATE
        except ValueError:
            return False
    return bool(re.fullmatch(r"[a-z0-9][a-z0-9_-]{0,63}", value))


def refused_filters(pairs: list[tuple[str, str]]) -> set[str]:
    """Filters whose first value is not blank and not allowed: the page must name each one."""
    firsts: dict[str, str] = {}
    for name, value in pairs:
        firsts.setdefault(name, value)
    return {
        name
        for name in FILTERS
        if name in firsts and firsts[name].strip() and not allowed(name, firsts[name])
    }


def notice(name: str) -> str:
    return f"The “{FILTER_RULES[name][0]}” filter was ignored"


# --- strategies -------------------------------------------------------------------------------

CONTROL = [chr(c) for c in [*range(0x00, 0x20), *range(0x7F, 0xA0)]]
LOOKALIKES = [
    "",
    " ",
    "OPEN",
    "open ",
    " any",
    "closed\x00",
    "recurrence,symptoms",
    "Recurrence",
    "emergency\n",
    "2026-02-30",
    "2026-13-01",
    "1999-12-31",
    "2101-01-01",
    "20260302",
    "2026-W10-1",
    "2026-03-02T00:00",
    "99999-01-01",
    "-1",
    "0",
    "x" * 65,
    "treatment",
    "../../etc/passwd",
    "<script>alert(1)</script>",
    "%00",
    "' OR 1=1 --",
    "ｏｐｅｎ",
]
JUNK = st.one_of(
    st.text(max_size=24),
    st.sampled_from(BLNS),
    st.sampled_from([*LOOKALIKES, *CONTROL]),
)
DATES = st.dates(min_value=date(1990, 1, 1), max_value=date(2110, 1, 1)).map(date.isoformat)


# Strategies are built once: building them inside every draw costs more than drawing.
SECTIONS = st.sampled_from(["treatment", "recurrence", "symptoms", "no-such-section"])
VALUES = {
    name: st.one_of(
        st.sampled_from(ALLOWED[name])
        if name in ALLOWED
        else DATES
        if name in {"from", "to"}
        else SECTIONS,
        JUNK,
    )
    for name in FILTERS
}
PICK = st.integers(min_value=0, max_value=999)  # an index into lists the fixture fills
CURSOR_PARTS = st.lists(
    st.one_of(st.integers(min_value=-(10**20), max_value=10**20).map(str), st.text(max_size=6)),
    min_size=1,
    max_size=4,
)
CURSOR_KIND = st.sampled_from(["junk", "shaped", "real"])
REAL_CURSORS: list[str] = []  # filled by the dashboard fixture
SEARCH_IDS: list[str] = []  # this user's saved search, then another user's


@st.composite
def cursors(draw: st.DrawFn) -> str:
    """Real-looking and broken page cursors (base64 of rank.micros.id, or not)."""
    kind = draw(CURSOR_KIND)
    if kind == "junk":
        return draw(JUNK)
    if kind == "real" and REAL_CURSORS:
        return REAL_CURSORS[draw(PICK) % len(REAL_CURSORS)]
    raw = ".".join(draw(CURSOR_PARTS)).encode("utf-8", "replace")
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


CHOSEN = st.lists(st.sampled_from(FILTERS), max_size=5, unique=True)
SHAPE = st.integers(min_value=0, max_value=63)  # which extras this query string has
UNKNOWN = st.sampled_from(["q", "page", "limit", "sort", "", "Status"])


@st.composite
def query_pairs(draw: st.DrawFn) -> list[tuple[str, str]]:
    """Some filters (allowed or not), maybe repeated, maybe a cursor, a search id, unknowns."""
    shape = draw(SHAPE)
    pairs: list[tuple[str, str]] = []
    for name in draw(CHOSEN):
        pairs.append((name, draw(VALUES[name])))
        if shape & 1:
            pairs.append((name, draw(VALUES[name])))  # repeated: the first one counts
    if shape & 6:
        pairs.append(("after", draw(cursors())))
    if shape & 8 and shape & 16:
        search = SEARCH_IDS[draw(PICK) % len(SEARCH_IDS)] if SEARCH_IDS else "x" * 24
        pairs.append(("search", search if shape & 32 else draw(JUNK)))
    elif shape & 8:
        pairs.append((draw(UNKNOWN), "1"))
    return pairs


def encode(pairs: list[tuple[str, str]]) -> str:
    return "&".join(f"{quote(name, safe='')}={quote(value, safe='')}" for name, value in pairs)


# --- the app ----------------------------------------------------------------------------------


@dataclass
class Dashboard:
    app: Flask
    client: FlaskClient  # signed in as staff


@pytest.fixture(scope="module")
def dashboard() -> Iterator[Dashboard]:
    """One app for the module (in-memory SQLite), 60 varied enquiries, a signed-in member of
    staff, a saved search of theirs and one of someone else's, real page cursors."""
    app = create_app(make_config("sqlite://", LOG_LEVEL="WARNING", INBOX_PAGE_SIZE=7))
    with app.app_context():
        db.create_all()
    start = datetime(2026, 1, 5, 18, 0, tzinfo=UTC)
    for i in range(60):
        status = STATUSES[i % len(STATUSES)]
        add_enquiry(
            app,
            kind=KINDS[i % len(KINDS)],
            status=status,
            closing_reason="resolved" if status == "closed" else None,
            urgency=list(URGENCY_RANK)[i % len(URGENCY_RANK)],
            ticked=[TAGS[i % len(TAGS)]],
            source_section=["treatment", "recurrence", None][i % 3],
            is_spam=i % 11 == 0,
            writer_name=f"Writer {i} {BLNS[i * 7 % len(BLNS)][:50]}",
            created_at=start + timedelta(days=i),
        )
    client, _ = staff_client(app)
    other, _ = staff_client(app, email="other@clinic.example", name="Other Person")
    mine = client.post("/staff/search", data={"terms": "writer"})
    theirs = other.post("/staff/search", data={"terms": "writer"})
    for response in (mine, theirs):
        SEARCH_IDS.append(dict(parse_qsl(urlsplit(response.headers["Location"]).query))["search"])
    page = client.get("/staff/?status=any&spam=include").get_data(as_text=True)
    REAL_CURSORS.extend(re.findall(r"after=([A-Za-z0-9_-]+)", page))
    assert REAL_CURSORS and len(SEARCH_IDS) == 2
    yield Dashboard(app, client)
    with app.app_context():
        db.session.remove()
        db.engine.dispose()


# --- through the server -----------------------------------------------------------------------


def get(client: FlaskClient, url: str, **options: Any) -> tuple[int, str, str]:
    """(status, Location, page) of a GET; a redirect is followed once, so the messages it
    leaves for the next page are shown there and not on the next example's page."""
    response = client.get(url, **options)
    try:
        status, location = response.status_code, response.headers.get("Location", "")
        assert status in {200, 303}, (status, url)
        assert "no-store" in response.headers["Cache-Control"]
        page = response.get_data(as_text=True)
    finally:
        response.close()
    if status == 303:
        assert urlsplit(location).path == "/staff/", location
        landed = client.get(location)
        assert landed.status_code == 200, location
        landed.close()
    return status, location, page


def check_inbox(dashboard: Dashboard, pairs: list[tuple[str, str]]) -> None:
    query = encode(pairs)
    status, _, page = get(dashboard.client, f"/staff/?{query}")
    if status == 303:
        # Only an unknown or expired search id sends the browser back to the plain inbox.
        assert "search=" in query, query
        return
    refused = refused_filters(pairs)
    for name in FILTERS:
        assert (notice(name) in page) == (name in refused), (name, refused, query)
    cursor = dict(reversed(pairs)).get("after", "")
    if cursor and decode_cursor(cursor) is None:
        assert CURSOR_IGNORED in page, query


def test_an_ignored_filter_is_named_not_dropped_silently(dashboard: Dashboard) -> None:
    """A hand-edited or stale bookmark: the page says which filters it could not use."""
    status, _, page = get(
        dashboard.client,
        "/staff/?tag=zq-no-such-tag&from=2026-02-30&status=any&after=bm90LWEtY3Vyc29y",
    )
    assert status == 200
    assert "The “Concern” filter was ignored: its value is not one of its choices." in page
    assert "The “Received from” filter was ignored" in page
    assert "The “Status” filter" not in page
    assert CURSOR_IGNORED in page
    assert "zq-no-such-tag" not in page  # the value typed is not repeated, nor kept in links


@settings(max_examples=fuzz_examples(0.2))
@given(pairs=query_pairs())
def test_inbox_query_strings(dashboard: Dashboard, pairs: list[tuple[str, str]]) -> None:
    """Any query string: a page (or, for a stale search id, a redirect), never a 500; every
    refused filter named on the page, and no other."""
    check_inbox(dashboard, pairs)


@settings(max_examples=fuzz_examples(0.04))
@given(raw=st.binary(max_size=40), name=st.sampled_from([*FILTERS, "after", "search", "x"]))
def test_inbox_raw_bytes_in_the_query_string(dashboard: Dashboard, raw: bytes, name: str) -> None:
    """Bytes that are not UTF-8, percent-encoded or not at all."""
    get(dashboard.client, f"/staff/?{name}={quote_from_bytes(raw)}")
    # WSGI carries the raw query string as a latin-1 str: these are the bytes as sent.
    get(dashboard.client, "/staff/", query_string=(name.encode() + b"=" + raw).decode("latin-1"))


TERMS = st.one_of(
    JUNK,
    st.sampled_from(["Writer 7", "writer", "(907) 555-0123", "wanda@example.com", "ab"]),
    st.text(min_size=290, max_size=310, alphabet="ab c"),
)
FEW_FILTERS = st.lists(st.sampled_from(FILTERS), max_size=3, unique=True)


@st.composite
def search_posts(draw: st.DrawFn) -> list[tuple[str, str]]:
    pairs = [("terms", draw(TERMS))]
    for name in draw(FEW_FILTERS):
        pairs.append((name, draw(VALUES[name])))
    if draw(SHAPE) == 0:
        pairs.append(("terms", draw(JUNK)))  # repeated: the first one counts
    return pairs


@settings(max_examples=fuzz_examples(0.1))
@given(pairs=search_posts())
def test_search_posts(dashboard: Dashboard, pairs: list[tuple[str, str]]) -> None:
    """Any search: a redirect to the inbox with allowed filters and an opaque id at most;
    refused filters named on the page it leads to."""
    from werkzeug.datastructures import MultiDict

    response = dashboard.client.post("/staff/search", data=MultiDict(pairs))
    try:
        assert response.status_code == 303, pairs
        location = response.headers["Location"]
    finally:
        response.close()
    parts = urlsplit(location)
    assert parts.path == "/staff/"
    for name, value in parse_qsl(parts.query, keep_blank_values=True):
        if name == "search":
            assert SEARCH_ID.match(value), location
        else:
            assert name in FILTERS and allowed(name, value), location  # never the terms
    status, _, body = get(dashboard.client, location)
    assert status == 200, location
    for name in refused_filters(pairs):
        assert notice(name) in body, (name, pairs)


# --- at the functions -------------------------------------------------------------------------


@settings(max_examples=fuzz_examples(3.6))
@given(pairs=query_pairs())
def test_filters_parse_to_allowed_values_and_name_every_refusal(
    pairs: list[tuple[str, str]],
) -> None:
    from werkzeug.datastructures import MultiDict

    args = MultiDict(pairs)
    filters = InboxFilters.from_args(args)
    assert filters.status in STATUS_FILTERS and filters.assignee in ASSIGNEE_FILTERS
    assert filters.spam in SPAM_FILTERS
    assert filters.tag in (None, *TAGS) and filters.urgency in (None, *URGENCY_RANK)
    assert filters.kind in (None, *KINDS)
    assert filters.section is None or SECTION_RE.match(filters.section)
    for day in (filters.received_from, filters.received_to):
        assert day is None or EARLIEST_DATE <= day <= LATEST_DATE
    assert InboxFilters.from_args(filters.to_args()) == filters  # a bookmark shows the same view
    described = check_details(filters.describe())  # what the audit trail accepts, or raises
    assert all(len(str(value)) <= MAX_VALUE_LENGTH for value in described.values())
    messages = " ".join(ignored_filters(args, filters))
    for name in FILTERS:
        assert (notice(name) in messages) == (name in refused_filters(pairs)), (name, pairs)


@settings(max_examples=fuzz_examples(2.2))
@given(text=st.one_of(JUNK, st.text(max_size=400), st.sampled_from(BLNS)))
def test_search_terms_parse_within_their_limits(text: str) -> None:
    terms = parse_terms(text)
    assert len(terms) <= MAX_TERMS and len(set(terms)) == len(terms)
    for term in terms:
        assert MIN_TERM_LENGTH <= len(term) <= MAX_TERM_LENGTH
        assert term == term.lower() and not any(c.isspace() for c in term)


@settings(max_examples=fuzz_examples(2.0))
@given(token=st.one_of(cursors(), st.text(max_size=80)))
def test_cursors_decode_or_are_refused(token: str) -> None:
    cursor = decode_cursor(token)
    if cursor is not None:
        assert cursor.urgency_rank in URGENCY_RANK.values() and cursor.id >= 1


def test_the_ci_profile_generates_at_least_10000_inputs() -> None:
    """The fuzz tests share the profile's budget (fuzz_examples); under "ci" they add up to at
    least 10,000 generated inputs, whichever profile this run uses."""
    import sys

    import tests.test_fuzz_form as form_fuzz

    unit = settings().max_examples
    ci = settings.get_profile("ci").max_examples
    total = 0
    for module in (form_fuzz, sys.modules[__name__]):
        for name in dir(module):
            test = getattr(module, name)
            chosen = getattr(test, "_hypothesis_internal_use_settings", None)
            if name.startswith("test_") and chosen is not None:
                total += round(chosen.max_examples / unit * ci)
    assert total >= 10_000, total
