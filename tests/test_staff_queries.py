"""The inbox queries: filters, search terms, keyset pages and capped counts (SQLite)."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from flask import Flask
from sqlalchemy import event as sa_event
from sqlalchemy import update as sa_update

from intake.extensions import db
from intake.models import Enquiry, EnquiryTag
from intake.staff.queries import (
    CappedCount,
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


# --- views served by several index ranges (order_parts), on any database -------------------
# tests/test_staff_postgres.py runs the same checks on PostgreSQL.

MIXED_FILTERS = [
    InboxFilters(),
    InboxFilters(status="any"),
    InboxFilters(status="any", spam="include"),
    InboxFilters(status="any", spam="only"),
    InboxFilters(spam="include"),
    InboxFilters(spam="only"),
    InboxFilters(status="closed", spam="only"),
    InboxFilters(status="new", spam="include"),
    InboxFilters(status="in_progress"),
    InboxFilters(received_from=date(2026, 2, 20), received_to=date(2026, 3, 1)),
    InboxFilters(status="any", received_from=date(2026, 2, 25)),
    InboxFilters(spam="include", received_to=date(2026, 2, 27)),
    InboxFilters(urgency="priority", status="any", received_from=date(2026, 2, 20)),
    InboxFilters(tag="recurrence", spam="include"),
    InboxFilters(tag="symptoms", status="any"),
    InboxFilters(kind="appointment", section="treatment"),
    InboxFilters(assignee="unassigned", status="any", spam="only"),
]


def mixed_inbox(count: int = 120) -> int:
    """Bulk rows across statuses, spam, urgencies, days, kinds and sections, with tags and
    some staff removals (in an app context); returns a staff user id that owns some."""
    from intake.auth.models import StaffUser

    user = StaffUser(email="mixed@clinic.example", name="Mixed", role="staff")
    db.session.add(user)
    db.session.flush()
    statuses = ("new", "in_progress", "awaiting_patient", "scheduled", "closed", "closed")
    urgencies = ("routine", "priority", "routine", "emergency", "routine")
    tags = ("recurrence", "symptoms", "treatment", "other")
    enquiries = []
    for i in range(count):
        urgency = urgencies[i % 5]
        enquiry = Enquiry(
            reference=f"ACT-MIX{i:03d}",
            kind="appointment" if i % 4 == 0 else "question",
            status=statuses[i % 6],
            urgency=urgency,
            urgency_rank={"emergency": 0, "priority": 1, "routine": 2}[urgency],
            writer_name=f"Writer {i}",
            relationship="patient",
            email=f"w{i}@example.com",
            message="A question",
            consent_at=NOW,
            privacy_version="1",
            submission_key=f"mixed-{i}",
            is_spam=i % 7 == 0,
            source_section="treatment" if i % 3 == 0 else None,
            assignee_id=user.id if i % 5 == 1 else None,
            # Several share a moment, so the id decides between them.
            created_at=NOW - timedelta(days=(i * 7) % 20, hours=i % 2),
        )
        enquiry.tags = [EnquiryTag(tag=tags[i % 4], source="rules")]
        if i % 3 == 0:
            enquiry.tags.append(EnquiryTag(tag=tags[(i + 1) % 4], source="patient"))
        if i % 11 == 0:  # staff took the rules' tag away
            enquiry.tags.append(EnquiryTag(tag=tags[i % 4], source="staff", removed=True))
        enquiries.append(enquiry)
    db.session.add_all(enquiries)
    db.session.commit()
    return int(user.id)


def walk(filters: InboxFilters, user_id: int, limit: int) -> list[int]:
    """Every id of the view, page by keyset page."""
    seen: list[int] = []
    after = None
    while True:
        page = inbox_page(filters, user_id, after, limit=limit)
        seen += [e.id for e in page.rows]
        if page.next_cursor is None:
            return seen
        after = page.next_cursor


def brute_count(filters: InboxFilters, user_id: int, cap: int) -> tuple[int, bool]:
    n = len(db.session.scalars(inbox_query(filters, user_id)).all())
    return min(n, cap), n > cap


def check_mixed_views(user_id: int) -> None:
    """Pages of split views match the plain ordered query; counts match a full count."""
    for filters in MIXED_FILTERS:
        expected = [e.id for e in db.session.scalars(inbox_query(filters, user_id))]
        assert expected, filters  # every case has rows
        assert walk(filters, user_id, 7) == expected, filters
    for filters in (InboxFilters(), InboxFilters(spam="only", status="any")):
        for cap in (3, 1000):
            tallies = counts(filters, user_id, cap=cap)
            for status in ("new", "in_progress", "closed"):
                count = tallies["status"][status]
                assert (count.value, count.capped) == brute_count(
                    filters.replace(status=status), user_id, cap
                ), (filters, status, cap)
            for tag in ("recurrence", "symptoms", "treatment", "other", "clinical_trials"):
                count = tallies["tag"][tag]
                assert (count.value, count.capped) == brute_count(
                    filters.replace(tag=tag), user_id, cap
                ), (filters, tag, cap)


def test_split_views_page_and_count_like_the_plain_query(app: Flask) -> None:
    with app.app_context():
        user_id = mixed_inbox()
        check_mixed_views(user_id)


def test_order_parts_split_only_where_no_index_serves_the_order() -> None:
    from intake.staff.queries import order_parts

    assert len(order_parts(InboxFilters())) == 1  # ix_enquiry_open_queue
    assert len(order_parts(InboxFilters(status="any", spam="include"))) == 1  # rank_created
    assert len(order_parts(InboxFilters(status="new"))) == 1  # ix_enquiry_status_spam
    assert len(order_parts(InboxFilters(spam="only"))) == 4  # each open status, spam
    assert len(order_parts(InboxFilters(status="any", spam="only"))) == 5
    assert len(order_parts(InboxFilters(status="new", spam="include"))) == 2
    dated = InboxFilters(received_from=date(2026, 1, 1))
    assert len(order_parts(dated)) == 3  # one range per urgency
    assert len(order_parts(dated.replace(urgency="emergency"))) == 1


def test_a_tag_with_only_a_staff_removal_row_is_not_in_force(app: Flask) -> None:
    ref = add_enquiry(app)
    with app.app_context():
        enquiry = db.session.query(Enquiry).filter_by(reference=ref).one()
        enquiry.tags.append(EnquiryTag(tag="symptoms", source="staff", removed=True))
        db.session.commit()
        assert refs(app, InboxFilters(tag="symptoms")) == []
        assert [e.id for e in inbox_page(InboxFilters(tag="symptoms"), None, None).rows] == []
        for cap in (0, 1000):  # the per-value (probe) path and the GROUP BY path
            assert counts(InboxFilters(), None, cap=cap)["tag"]["symptoms"].value == 0


class DictStore:
    """A CountStore without expiry, counting what it is asked."""

    def __init__(self) -> None:
        self.data: dict[Any, Any] = {}

    def get(self, key: Any) -> Any:
        return self.data.get(key)

    def put(self, key: Any, count: Any) -> None:
        self.data[key] = count


def statements_of(app: Flask, fn: Any) -> tuple[Any, list[str]]:
    import sqlalchemy as sa

    seen: list[str] = []

    def listen(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        seen.append(statement)

    sa.event.listen(db.engine, "before_cursor_execute", listen)
    try:
        return fn(), seen
    finally:
        sa.event.remove(db.engine, "before_cursor_execute", listen)


def test_counts_are_shared_through_the_store_by_the_view_they_count(app: Flask) -> None:
    for i in range(6):
        add_enquiry(app, rule_tags={"recurrence": "comes back"} if i % 2 else {})
    with app.app_context():
        store = DictStore()
        fresh = counts(InboxFilters(), None, cap=3)
        first, _ = statements_of(app, lambda: counts(InboxFilters(), None, cap=3, store=store))
        assert first == fresh
        again, seen = statements_of(app, lambda: counts(InboxFilters(), None, cap=3, store=store))
        assert again == fresh and seen == []  # every count from the store
        # A tag view's concern counts are the default view's: only its status counts are new.
        tagged = InboxFilters(tag="recurrence")
        result, seen = statements_of(app, lambda: counts(tagged, None, cap=3, store=store))
        assert result["tag"] == fresh["tag"]
        assert result == counts(tagged, None, cap=3)
        _, unshared = statements_of(app, lambda: counts(tagged, None, cap=3))
        # No count of any other tag's view (its bit): those came from the store.
        other_bits = [f"concern_mask & {bit})" for bit in (2, 4, 8, 16)]
        assert seen and not any(bit in sql for sql in seen for bit in other_bits), seen
        assert all(any(bit in sql for sql in unshared) for bit in other_bits), unshared


def test_the_inbox_total_comes_from_the_page_when_it_holds_the_whole_view(app: Flask) -> None:
    from tests.test_staff_support import staff_client

    for _ in range(3):
        add_enquiry(app)
    client, _ = staff_client(app)
    with app.app_context():
        _, seen = statements_of(app, lambda: client.get("/staff/"))
    own_count = "WHERE enquiry.status != 'closed' AND enquiry.is_spam = 0 LIMIT"
    assert seen and not any(own_count in " ".join(s.split()) for s in seen)
    assert "<strong>3</strong> enquiries in this view" in client.get("/staff/").get_data(
        as_text=True
    )


def test_an_inbox_page_never_loads_the_message(app: Flask) -> None:
    add_enquiry(app, message="Something private")
    with app.app_context():
        page, seen = statements_of(app, lambda: inbox_page(InboxFilters(), None, None))
        assert page.rows[0].concerns == [] and page.rows[0].reference
        assert not hasattr(page.rows[0], "message")  # a list must never show it: not even read
        assert not hasattr(page.rows[0], "tags")  # the row's concern_mask says it: no query
        [select] = [s for s in seen if "FROM enquiry" in s]
        columns = select.split("FROM")[0]
        for private in ("message", "email", "phone", "patient_name", "urgency_reasons"):
            assert f"enquiry.{private}" not in columns, columns


def listed_view_of(enquiry: Enquiry) -> tuple[Any, ...]:
    """What ``ListedEnquiry`` should hold for this enquiry, read through the ORM."""
    from intake.staff.queries import ListedEnquiry

    values = [getattr(enquiry, name) for name in ListedEnquiry._fields[:-1]]
    return (*values, enquiry.assignee.name if enquiry.assignee else None)


def test_an_inbox_pages_rows_are_its_enquiries_as_the_orm_reads_them(app: Flask) -> None:
    """The page's Core rows (``ListedEnquiry``) hold exactly what the ORM's enquiries held,
    in the same order, for one-part and merged views and keyset pages after the first."""
    nurse_id, _ = make_user(app, "nurse@clinic.example", name="Nora <Nurse> & co")
    for i in range(14):
        add_enquiry(
            app,
            created_at=NOW + timedelta(minutes=i),
            urgency=("emergency", "priority", "routine")[i % 3],
            status=("new", "in_progress", "closed", "scheduled")[i % 4],
            closing_reason="resolved" if i % 4 == 2 else None,
            is_spam=i % 5 == 0,
            assignee_id=nurse_id if i % 2 else None,
            rules_urgency="routine" if i % 7 == 0 else None,
            deidentified_at=NOW if i == 6 else None,
            first_response_at=NOW + timedelta(hours=1) if i % 6 == 1 else None,
            writer_name=f'Writer <{i}> & "co"',
            relationship=("patient", "caregiver")[i % 2],
            rule_tags={"recurrence": "comes back"} if i % 3 else {},
            kind=("question", "appointment")[i % 2],
        )
    views = [
        InboxFilters(),
        InboxFilters(status="any", spam="include"),
        InboxFilters(spam="only"),  # merged parts
        InboxFilters(status="any", received_from=NOW.date()),  # merged per urgency
        InboxFilters(tag="recurrence", assignee="me"),
    ]
    with app.app_context():
        for filters in views:
            expected = [
                listed_view_of(e) for e in db.session.scalars(inbox_query(filters, nurse_id))
            ]
            seen: list[tuple[Any, ...]] = []
            after = None
            while True:
                page = inbox_page(filters, nurse_id, after, limit=3)
                seen += [tuple(row) for row in page.rows]
                assert all(
                    row.concerns == Enquiry(concern_mask=row.concern_mask).concerns
                    for row in page.rows
                )
                if page.next_cursor is None:
                    break
                after = page.next_cursor
            assert seen == expected, filters
            assert seen or filters == InboxFilters(spam="only")


def test_a_search_with_few_matches_is_read_by_id_with_the_same_results(app: Flask) -> None:
    with app.app_context():
        check_narrowed_search(mixed_inbox())


def check_search_sample_counts(user_id: int) -> None:
    """A common search's counts (one bounded pass, ``search_sample_counts``): exact when its
    matches fit the pass, each a lower bound shown "N+" when they do not (in an app context,
    over ``mixed_inbox``, where every message says "A question")."""
    from intake.staff.queries import search_sample_counts

    views = (
        InboxFilters(),
        InboxFilters(status="any"),
        InboxFilters(status="new", tag="symptoms"),
        InboxFilters(status="any", spam="include", kind="appointment"),
        InboxFilters(spam="only", tag="recurrence"),
    )
    for filters in views:
        for cap in (4, 1000):
            exact = search_sample_counts(filters, user_id, ["question"], cap=cap, rows=10_000)
            for view, count in exact.items():
                matched = inbox_query(view, user_id, ["question"])
                n = len(db.session.scalars(matched).all())
                assert (count.value, count.capped) == (min(n, cap), n > cap), (view, cap)
            # Every facet the page shows is among the views counted.
            shown = counts(filters, user_id, cap=cap, search_terms=["question"])
            assert not shown["partial"]
            assert shown["total"] == exact[filters]
            for status in ("new", "in_progress", "closed"):
                assert shown["status"][status] == exact[filters.replace(status=status)]
            for tag in ("recurrence", "symptoms", "clinical_trials"):
                assert shown["tag"][tag] == exact[filters.replace(tag=tag)]
        bounded = search_sample_counts(filters, user_id, ["question"], cap=1000, rows=10)
        widest = filters.replace(status="any", tag=None)
        # The pass read eleven (one more than asked: so it knows it stopped early).
        assert bounded[widest] == CappedCount(11, True), filters
        for view, count in bounded.items():
            full = len(db.session.scalars(inbox_query(view, user_id, ["question"])).all())
            assert count.capped and count.value <= min(full, 11), (view, count, full)
    # Nothing cached: every count the page shows comes from that one statement.
    seen: list[str] = []

    def listen(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        seen.append(statement)

    sa_event.listen(db.engine, "before_cursor_execute", listen)
    try:
        counts(InboxFilters(status="any"), user_id, cap=1000, search_terms=["question"])
    finally:
        sa_event.remove(db.engine, "before_cursor_execute", listen)
    counted = [sql for sql in seen if "count(" in sql.lower()]
    assert len(counted) == 1, seen


def test_a_common_search_counts_every_facet_in_one_bounded_pass(app: Flask) -> None:
    with app.app_context():
        check_search_sample_counts(mixed_inbox())


def test_a_common_search_page_says_its_counts_are_lower_bounds(
    app: Flask, monkeypatch: pytest.MonkeyPatch
) -> None:
    from intake.staff import queries
    from tests.test_staff_support import staff_client

    with app.app_context():
        mixed_inbox(1200)  # "A question" in every message: 1,028 not spam, past the cap
    client, _ = staff_client(app)
    monkeypatch.setattr(queries, "SEARCH_COUNT_ROWS", 30)  # the pass stops before the end
    response = client.post("/staff/search", data={"terms": "question"})
    assert response.status_code == 303 and "question" not in response.headers["Location"]
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "<strong>1,000+</strong> enquiries in this view (search)" in page
    assert "is at least that many" in page
    shown = re.findall(r'<span class="dash-count">([^<]*)</span>', page)
    assert len(shown) == 11 and all(label.endswith("+") for label in shown), shown
    assert all(int(label[:-1].replace(",", "")) <= 31 for label in shown), shown
    monkeypatch.setattr(queries, "SEARCH_COUNT_ROWS", 5000)  # the pass sees every match
    with app.app_context():
        tallies = counts(InboxFilters(status="any"), None, search_terms="question")
        assert not tallies["partial"] and tallies["total"] == CappedCount(1000, True)
        assert tallies["tag"]["clinical_trials"] == CappedCount(0, False)


def check_narrowed_search(user_id: int) -> None:
    """``narrow_search``: the page and every count match what the text search gives (in an
    app context, over ``mixed_inbox``)."""
    from intake.staff.queries import SearchMatches, narrow_search

    db.session.execute(
        sa_update(Enquiry)
        .where(Enquiry.reference.in_(["ACT-MIX003", "ACT-MIX010", "ACT-MIX014", "ACT-MIX021"]))
        .values(message="Asked about the Zephyrine study")
    )
    db.session.commit()
    for filters in (
        InboxFilters(status="any"),
        InboxFilters(),
        InboxFilters(status="any", spam="include", tag="symptoms"),
    ):
        result = narrow_search(filters, user_id, "zephyrine")
        narrowed = result.search
        assert isinstance(narrowed, SearchMatches) and narrowed.ids
        assert result.matched.value == len(narrowed.ids) and not result.matched.capped
        found = db.session.scalars(inbox_query(filters, user_id, "zephyrine"))
        expected = [e.id for e in found]
        page = inbox_page(filters, user_id, None, search_terms=narrowed)
        assert [e.id for e in page.rows] == expected
        for cap in (1, 1000):
            assert counts(filters, user_id, cap=cap, search_terms=narrowed) == counts(
                filters, user_id, cap=cap, search_terms="zephyrine"
            ), (filters, cap)
    # More matches than the cap: the terms are kept; nothing found: nothing matches.
    common = narrow_search(InboxFilters(status="any"), user_id, "question", cap=5)
    assert common.search == ["question"] and common.matched.label == "5+"
    none = narrow_search(InboxFilters(status="any"), user_id, "nowhere-to-be-found").search
    assert none == SearchMatches(())
    assert inbox_page(InboxFilters(status="any"), user_id, None, search_terms=none).rows == []
    assert narrow_search(InboxFilters(), user_id, "ab").search == "ab"  # no usable term
    assert db.session.scalars(inbox_query(InboxFilters(status="any"), user_id, "ab")).all() == []
