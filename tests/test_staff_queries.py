"""The inbox queries: filters, search terms, keyset pages and capped counts (SQLite)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from flask import Flask

from intake.extensions import db
from intake.models import Enquiry, EnquiryTag
from intake.staff.queries import (
    InboxFilters,
    counts,
    decode_cursor,
    encode_cursor,
    inbox_page,
    inbox_query,
    load_search,
    parse_terms,
    possible_duplicates,
    purge_expired_searches,
    save_search,
)
from tests.test_auth_support import make_user
from tests.test_staff_support import NOW, add_enquiry


def refs(app: Flask, filters: InboxFilters, user_id: int | None = None, **kw: Any) -> list[str]:
    with app.app_context():
        return [e.reference for e in db.session.scalars(inbox_query(filters, user_id, **kw))]


# --- filters from the query string ------------------------------------------------------------


def test_default_filters_are_open_not_spam_anyone() -> None:
    filters = InboxFilters.from_args({})
    assert filters == InboxFilters()
    assert (filters.status, filters.assignee, filters.spam) == ("open", "anyone", "hide")
    assert filters.to_args() == {}


def test_filters_round_trip_through_the_query_string() -> None:
    args = {
        "status": "in_progress",
        "tag": "recurrence",
        "urgency": "priority",
        "kind": "appointment",
        "assignee": "me",
        "from": "2026-03-01",
        "to": "2026-03-31",
        "section": "treatment-options",
        "spam": "include",
    }
    filters = InboxFilters.from_args(args)
    assert filters.received_from == date(2026, 3, 1)
    assert filters.to_args() == args
    assert InboxFilters.from_args(filters.to_args()) == filters


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("status", "deleted"),
        ("tag", "<script>"),
        ("urgency", "EMERGENCY"),
        ("kind", "complaint"),
        ("assignee", "7"),
        ("from", "2026-02-30"),
        ("to", "1899-01-01"),
        ("section", "../../etc"),
        ("section", "x" * 65),
        ("spam", "yes"),
    ],
)
def test_a_bad_filter_value_is_ignored(name: str, value: str) -> None:
    assert InboxFilters.from_args({name: value}) == InboxFilters()


def test_describe_is_safe_for_the_audit_trail() -> None:
    described = InboxFilters(tag="symptoms", status="any").describe()
    assert described == {"filter_status": "any", "filter_tag": "symptoms"}


# --- each filter ------------------------------------------------------------------------------


def test_each_filter(app: Flask) -> None:
    me, _ = make_user(app, "me@clinic.example")
    other, _ = make_user(app, "other@clinic.example")
    emergency = add_enquiry(
        app,
        message="I have chest pain right now",
        kind="appointment",
        urgency_phrases={"emergency": "chest pain"},
    )
    routine = add_enquiry(
        app,
        message="Can I join a clinical trial?",
        rule_tags={"clinical_trials": "clinical trial"},
        assignee_id=me,
    )
    closed = add_enquiry(app, status="closed", closing_reason="resolved", assignee_id=other)
    spam = add_enquiry(app, is_spam=True, spam_reason="honeypot")
    old = add_enquiry(app, created_at=NOW - timedelta(days=40), source_section="recurrence")
    everything = {emergency, routine, closed, spam, old}

    assert set(refs(app, InboxFilters())) == {emergency, routine, old}
    assert refs(app, InboxFilters())[0] == emergency  # most urgent first
    assert set(refs(app, InboxFilters(status="any", spam="include"))) == everything
    assert refs(app, InboxFilters(status="closed")) == [closed]
    assert refs(app, InboxFilters(spam="only")) == [spam]
    assert refs(app, InboxFilters(urgency="emergency")) == [emergency]
    assert refs(app, InboxFilters(kind="appointment")) == [emergency]
    assert refs(app, InboxFilters(tag="clinical_trials")) == [routine]
    assert refs(app, InboxFilters(assignee="me"), me) == [routine]
    assert refs(app, InboxFilters(assignee="me", status="any"), other) == [closed]
    assert set(refs(app, InboxFilters(assignee="unassigned"))) == {emergency, old}
    assert refs(app, InboxFilters(section="recurrence")) == [old]
    assert refs(app, InboxFilters(received_to=(NOW - timedelta(days=30)).date())) == [old]
    assert old not in refs(app, InboxFilters(received_from=NOW.date()))


def test_date_range_uses_clinic_dates(app: Flask) -> None:
    # 23:30 on 1 March in Anchorage is already 2 March in UTC.
    late = add_enquiry(app, created_at=datetime(2026, 3, 2, 8, 30, tzinfo=UTC))
    day = date(2026, 3, 1)
    assert refs(app, InboxFilters(received_from=day, received_to=day)) == [late]
    assert refs(app, InboxFilters(received_from=date(2026, 3, 2))) == []


def test_staff_tag_corrections_count_in_the_tag_filter(app: Flask) -> None:
    ref = add_enquiry(app, message="My cancer came back", rule_tags={"recurrence": "came back"})
    with app.app_context():
        enquiry = db.session.query(Enquiry).filter_by(reference=ref).one()
        enquiry.tags.append(EnquiryTag(tag="recurrence", source="staff", removed=True))
        enquiry.tags.append(EnquiryTag(tag="treatment", source="staff"))
        db.session.commit()
    assert refs(app, InboxFilters(tag="recurrence")) == []
    assert refs(app, InboxFilters(tag="treatment")) == [ref]


# --- search -----------------------------------------------------------------------------------


def test_parse_terms() -> None:
    assert parse_terms("  Wanda   WRITER ") == ["wanda", "writer"]
    assert parse_terms("(907) 555-0123") == ["9075550123"]
    assert parse_terms("ab x 12") == []  # too short for trigrams
    assert parse_terms("a " * 500) == []
    assert len(parse_terms(" ".join(f"word{i}" for i in range(20)))) == 8


def test_search_over_reference_name_email_phone_and_message(app: Flask) -> None:
    wanda = add_enquiry(app, writer_name="Wanda Writer", email="wanda@example.com")
    carl = add_enquiry(
        app,
        writer_name="Carl Carer",
        relationship="caregiver",
        patient_name="Petra Patient",
        email="carl@example.org",
        phone="+19075550199",
        message="Asking about lymphedema sleeves",
    )
    any_status = InboxFilters(status="any")
    assert refs(app, any_status, search_terms="wanda") == [wanda]
    assert refs(app, any_status, search_terms="PETRA") == [carl]
    assert refs(app, any_status, search_terms="example.org") == [carl]
    assert refs(app, any_status, search_terms="(907) 555-0199") == [carl]
    assert refs(app, any_status, search_terms="lymphedema carl") == [carl]
    assert refs(app, any_status, search_terms="lymphedema wanda") == []
    assert refs(app, any_status, search_terms=carl.lower()) == [carl]
    assert refs(app, any_status, search_terms="x") == []  # nothing usable finds nothing


def test_search_treats_like_wildcards_literally(app: Flask) -> None:
    add_enquiry(app, message="plain text")
    percent = add_enquiry(app, message="it is 100% sure")
    assert refs(app, InboxFilters(), search_terms="100%") == [percent]
    assert refs(app, InboxFilters(), search_terms="%%%") == []
    assert refs(app, InboxFilters(), search_terms="___") == []


def test_saved_search_belongs_to_its_owner_and_expires(app: Flask) -> None:
    owner, _ = make_user(app, "owner@clinic.example")
    other, _ = make_user(app, "other@clinic.example")
    with app.app_context():
        saved = save_search(owner, "Wanda  Writer")
        db.session.commit()
        assert saved.terms == "wanda writer"
        assert load_search(saved.id, owner) is not None
        assert load_search(saved.id, other) is None
        assert load_search("not an id!", owner) is None
        assert purge_expired_searches(datetime.now(UTC) + timedelta(hours=9)) == 1
        db.session.commit()
        assert load_search(saved.id, owner) is None


# --- keyset pages -----------------------------------------------------------------------------


def test_keyset_pages_cover_every_row_once_in_order(app: Flask) -> None:
    made = [
        add_enquiry(app, created_at=NOW + timedelta(minutes=i % 3), urgency=u)
        for i, u in enumerate(["routine", "priority", "emergency"] * 4)
    ]
    seen: list[str] = []
    with app.app_context():
        expected = [e.reference for e in db.session.scalars(inbox_query(InboxFilters(), None))]
        after = None
        pages = 0
        while True:
            page = inbox_page(InboxFilters(), None, after, limit=5)
            pages += 1
            seen += [e.reference for e in page.rows]
            assert (after is None) == page.is_first
            if page.next_cursor is None:
                break
            after = page.next_cursor
    assert pages == 3 and len(seen) == 12
    assert seen == expected and sorted(seen) == sorted(made)


def test_page_edges(app: Flask) -> None:
    for i in range(4):
        add_enquiry(app, created_at=NOW + timedelta(seconds=i))
    with app.app_context():
        exact = inbox_page(InboxFilters(), None, None, limit=4)
        assert len(exact) == 4 and exact.next_cursor is None  # no empty last page
        first = inbox_page(InboxFilters(), None, None, limit=3)
        assert first.next_cursor is not None
        last = inbox_page(InboxFilters(), None, first.next_cursor, limit=3)
        assert len(last) == 1 and last.next_cursor is None
        empty = inbox_page(InboxFilters(status="closed"), None, None)
        assert empty.rows == [] and empty.next_cursor is None
        for bad in ("garbage", "OS4yLjM", "MS4yLi0z", "!!!!", "x" * 100):  # rank 9; id -3
            page = inbox_page(InboxFilters(), None, bad, limit=3)
            assert page.is_first and page.cursor_ignored and len(page) == 3
        assert inbox_page(InboxFilters(), None, None, limit=0).rows  # clamped to at least 1


def test_cursor_round_trip_keeps_microseconds() -> None:
    row = Enquiry(urgency_rank=1, created_at=datetime(2026, 3, 2, 18, 0, 0, 123456, UTC), id=42)
    token = encode_cursor(row)
    assert decode_cursor(token) == (1, row.created_at, 42)
    assert "=" not in token and decode_cursor(None) is None and decode_cursor("") is None


def test_same_timestamp_rows_are_split_by_id(app: Flask) -> None:
    for _ in range(5):
        add_enquiry(app)  # identical created_at and urgency
    with app.app_context():
        a = inbox_page(InboxFilters(), None, None, limit=2)
        b = inbox_page(InboxFilters(), None, a.next_cursor, limit=2)
        c = inbox_page(InboxFilters(), None, b.next_cursor, limit=2)
        ids = [e.id for e in a.rows + b.rows + c.rows]
    assert ids == sorted(ids) and len(set(ids)) == 5


# --- counts -----------------------------------------------------------------------------------


def test_counts_per_status_and_tag_are_capped(app: Flask) -> None:
    for _ in range(4):
        add_enquiry(app, message="My cancer came back", rule_tags={"recurrence": "came back"})
    add_enquiry(app, status="closed")
    with app.app_context():
        tallies = counts(InboxFilters(), None, cap=3)
        assert tallies["total"].capped and tallies["total"].label == "3+"
        assert tallies["status"]["closed"].label == "1"
        assert tallies["status"]["in_progress"].value == 0
        assert tallies["tag"]["recurrence"].label == "3+"
        exact = counts(InboxFilters(), None, cap=1000)
        assert exact["total"].label == "4" and not exact["total"].capped
        assert exact["status"]["open"].value == 4


def test_counts_label_uses_thousands_separators(app: Flask) -> None:
    from intake.staff.queries import CappedCount

    assert str(CappedCount(1000, True)) == "1,000+"
    assert CappedCount(999, False).label == "999"


# --- duplicates -------------------------------------------------------------------------------


def test_possible_duplicates_are_earlier_enquiries_by_email_or_phone(app: Flask) -> None:
    first = add_enquiry(app, created_at=NOW - timedelta(days=3), phone=None)
    by_phone = add_enquiry(app, created_at=NOW - timedelta(days=2), email="other@example.com")
    add_enquiry(app, created_at=NOW - timedelta(days=1), email="x@example.net", phone=None)
    current = add_enquiry(app)
    later = add_enquiry(app, created_at=NOW + timedelta(days=1))
    with app.app_context():
        enquiry = db.session.query(Enquiry).filter_by(reference=current).one()
        found = [e.reference for e in possible_duplicates(enquiry)]
    assert found == [by_phone, first]
    assert later not in found


@pytest.mark.parametrize("cap", [1, 1000])  # the capped per-value path and the GROUP BY path
def test_counts_honour_staff_tag_corrections_on_both_paths(app: Flask, cap: int) -> None:
    ref = add_enquiry(app, message="It came back", rule_tags={"recurrence": "came back"})
    add_enquiry(app, ticked=["recurrence", "other"], rule_tags={})
    with app.app_context():
        enquiry = db.session.query(Enquiry).filter_by(reference=ref).one()
        enquiry.tags.append(EnquiryTag(tag="recurrence", source="staff", removed=True))
        enquiry.tags.append(EnquiryTag(tag="treatment", source="staff"))
        db.session.commit()
        tallies = counts(InboxFilters(), None, cap=cap)
        expected = {"recurrence": 1, "treatment": 1, "other": 1, "symptoms": 0}
        for tag, n in expected.items():
            assert tallies["tag"][tag].value == min(n, cap), tag
        by_tag = counts(InboxFilters(tag="recurrence"), None, cap=cap)
        assert by_tag["total"].value == 1 and by_tag["status"]["new"].value == 1


def test_sqlite_reads_the_default_inbox_from_the_partial_index(app: Flask) -> None:
    add_enquiry(app)
    with app.app_context():
        query = inbox_query(InboxFilters(), None).limit(51)
        compiled = query.compile(db.engine)
        conn = db.session.connection()
        params = tuple(compiled.params[name] for name in compiled.positiontup or ())
        plan = conn.exec_driver_sql("EXPLAIN QUERY PLAN " + str(compiled), params).all()
        text = " ".join(str(row[-1]) for row in plan)
    assert "ix_enquiry_open_queue" in text and "TEMP B-TREE" not in text, text
