"""Inbox search and pages on PostgreSQL: the trigram index, no server-side prepares, and a
search repeated on one long-lived pooled connection (where a generic plan could take over)."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
import sqlalchemy as sa

from intake.extensions import db
from intake.models import Enquiry
from intake.staff.queries import (
    InboxFilters,
    counts,
    decode_cursor,
    encode_cursor,
    inbox_page,
    inbox_query,
)
from tests.test_staff_support import NOW

pytestmark = pytest.mark.postgres


def fill(count: int) -> None:
    """Bulk rows: mostly closed routine enquiries, a few open ones, one rare name."""
    rows = []
    for i in range(count):
        rows.append(
            {
                "reference": f"ACT-{i:04d}-{uuid.uuid4().hex[:4].upper()}",
                "kind": "question",
                "status": "closed" if i % 10 else "new",
                "urgency": "routine",
                "urgency_rank": 2 - (i % 3 == 0),
                "writer_name": "Quintessa Rarename" if i == count // 2 else f"Writer {i}",
                "relationship": "patient",
                "email": f"w{i}@example.com",
                "phone": f"+1907555{i % 10000:04d}",
                "preferred_contact": "email",
                "message": "Question about follow-up scans and blood tests",
                "consent_at": NOW,
                "privacy_version": "1",
                "submission_key": uuid.uuid4().hex,
                "created_at": NOW - timedelta(minutes=i),
                "updated_at": NOW,
                "is_spam": False,
                "revision": 0,
            }
        )
    db.session.execute(sa.insert(Enquiry), rows)
    db.session.commit()


def plan(query: Any) -> str:
    compiled = query.compile(db.engine, compile_kwargs={"render_postcompile": True})
    conn = db.session.connection()
    rows = conn.exec_driver_sql("EXPLAIN " + str(compiled), compiled.params).all()
    return "\n".join(r[0] for r in rows)


def test_search_uses_the_trigram_index_on_a_long_lived_connection(
    app_factory: Any, pg_url: str
) -> None:
    app = app_factory(pg_url)
    with app.app_context():
        # create_all made the extension and the index (the migration runs the same SQL).
        names = (
            db.session.execute(
                sa.text("SELECT indexname FROM pg_indexes WHERE tablename = 'enquiry'")
            )
            .scalars()
            .all()
        )
        assert {"ix_enquiry_search_trgm", "ix_enquiry_open_queue"} <= set(names)
        fill(3000)
        db.session.execute(sa.text("ANALYZE enquiry"))
        db.session.commit()

        conn = db.session.connection()
        driver = conn.connection.driver_connection
        assert driver is not None and driver.prepare_threshold is None  # config.engine_options
        backend = conn.execute(sa.text("SELECT pg_backend_pid()")).scalar()
        filters = InboxFilters(status="any")
        # Well past psycopg's default threshold (5) and PostgreSQL's custom-plan trials (5).
        for _ in range(15):
            found = [
                e.writer_name for e in db.session.scalars(inbox_query(filters, None, "rarename"))
            ]
            assert found == ["Quintessa Rarename"]
            assert conn.execute(sa.text("SELECT pg_backend_pid()")).scalar() == backend
        assert conn.execute(sa.text("SELECT count(*) FROM pg_prepared_statements")).scalar() == 0
        # At this size a sequential scan is cheaper; forbid it to prove the index matches the
        # query's expression (bench/dashboard.py measures the real plan at a million rows).
        conn.execute(sa.text("SET LOCAL enable_seqscan = off"))
        conn.execute(sa.text("SET LOCAL enable_indexscan = off"))  # the rank index's walk
        # Spam included: no other condition a bitmap could take (is_spam is in an index).
        every = InboxFilters(status="any", spam="include")
        query_plan = plan(inbox_query(every, None, "rarename").limit(51))
        assert "ix_enquiry_search_trgm" in query_plan, query_plan
        phone = [
            e.reference for e in db.session.scalars(inbox_query(filters, None, "(907) 555-1500"))
        ]
        assert len(phone) == 1


def test_default_inbox_and_keyset_pages_read_the_partial_index(
    app_factory: Any, pg_url: str
) -> None:
    app = app_factory(pg_url)
    with app.app_context():
        fill(2000)
        db.session.execute(sa.text("ANALYZE enquiry"))
        db.session.commit()
        first = inbox_page(InboxFilters(), None, None, limit=50)
        assert len(first) == 50 and first.next_cursor
        seen = [e.id for e in first.rows]
        after: str | None = first.next_cursor
        while after:
            page = inbox_page(InboxFilters(), None, after, limit=50)
            seen += [e.id for e in page.rows]
            after = page.next_cursor
        assert len(seen) == len(set(seen)) == 200  # every open row, once
        db.session.execute(sa.text("SET LOCAL enable_seqscan = off"))
        query_plan = plan(inbox_query(InboxFilters(), None).limit(51))
        assert "ix_enquiry_open_queue" in query_plan, query_plan
        assert "Sort" not in query_plan.split("\n")[1], query_plan  # index order, no sort
        tallies = counts(InboxFilters(), None, cap=100)
        assert tallies["total"].label == "100+" and tallies["status"]["closed"].capped


def test_pagination_cursor_round_trips_timestamps_on_postgresql(
    app_factory: Any, pg_url: str
) -> None:
    app = app_factory(pg_url)
    with app.app_context():
        moment = datetime(2026, 3, 2, 18, 0, 0, 654321, tzinfo=UTC)
        fill(3)
        db.session.execute(sa.update(Enquiry).values(created_at=moment, urgency_rank=1))
        db.session.commit()
        ids = []
        after = None
        for _ in range(4):
            page = inbox_page(InboxFilters(status="any"), None, after, limit=1)
            ids += [e.id for e in page.rows]
            after = page.next_cursor
            if after is None:
                break
        assert len(ids) == 3 and ids == sorted(ids)


def explained(query: Any) -> str:
    """EXPLAIN of a query with sequential scans and bitmaps off: at a test's size PostgreSQL
    would rightly read the whole table, so this shows which index can serve the query."""
    conn = db.session.connection()
    conn.execute(sa.text("SET LOCAL enable_seqscan = off"))
    conn.execute(sa.text("SET LOCAL enable_bitmapscan = off"))
    return plan(query)


def test_split_views_page_and_count_like_the_plain_query_on_postgresql(
    app_factory: Any, pg_url: str
) -> None:
    from tests.test_staff_queries import check_mixed_views, mixed_inbox

    app = app_factory(pg_url)
    with app.app_context():
        user_id = mixed_inbox()
        db.session.execute(sa.text("ANALYZE"))
        check_mixed_views(user_id)


def test_a_search_with_few_matches_is_read_by_id_on_postgresql(
    app_factory: Any, pg_url: str
) -> None:
    from tests.test_staff_queries import check_narrowed_search, mixed_inbox

    app = app_factory(pg_url)
    with app.app_context():
        check_narrowed_search(mixed_inbox())


def test_a_common_search_counts_every_facet_in_one_bounded_pass_on_postgresql(
    app_factory: Any, pg_url: str
) -> None:
    from tests.test_staff_queries import check_search_sample_counts, mixed_inbox

    app = app_factory(pg_url)
    with app.app_context():
        check_search_sample_counts(mixed_inbox())


def test_split_views_read_one_index_range_per_part(app_factory: Any, pg_url: str) -> None:
    from datetime import date

    from intake.staff.queries import page_query

    app = app_factory(pg_url)
    with app.app_context():
        fill(500)
        with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(sa.text("VACUUM ANALYZE enquiry"))  # index-only scans need it
        spam = explained(page_query(InboxFilters(spam="only"), None, None, 51))
        for status in ("new", "in_progress", "awaiting_patient", "scheduled"):
            assert f"'{status}'::text) AND (is_spam = true))" in spam, spam
        assert "ix_enquiry_status_spam" in spam and "Seq Scan" not in spam
        dated = InboxFilters(status="any", received_from=date(2026, 2, 1))
        ranges = explained(page_query(dated, None, None, 51))
        for rank in (0, 1, 2):  # one index scan per urgency (which index: the data decides)
            assert f"urgency_rank = {rank})" in ranges, ranges
        assert ranges.count("Index Scan") == 4 and "Seq Scan" not in ranges, ranges
        cursor = decode_cursor(encode_cursor(db.session.scalars(inbox_query(dated, None)).first()))
        after = explained(page_query(InboxFilters(status="any"), None, cursor, 51))
        assert "Index Cond: (ROW(urgency_rank, created_at, id) > ROW(" in after, after
        status = explained(select_count(InboxFilters(status="closed")))
        assert "Index Only Scan using ix_enquiry_status_spam" in status, status


def select_count(filters: InboxFilters) -> Any:
    from intake.staff.queries import view_ids

    return view_ids(filters, None, None).limit(1001)


def test_tag_filters_read_the_tags_own_index_on_the_enquiry_row(
    app_factory: Any, pg_url: str
) -> None:
    """A concern is a bit of ``concern_mask``: the open view's ``tag=`` page is a range of its
    partial index (no tag rows read), and every count by concern an index-only read."""
    from intake.models import EnquiryTag, refresh_concern_masks
    from intake.staff.queries import page_query

    app = app_factory(pg_url)
    with app.app_context():
        fill(2000)
        ids = db.session.scalars(sa.select(Enquiry.id)).all()
        db.session.execute(
            sa.insert(EnquiryTag),
            [{"enquiry_id": i, "tag": "treatment", "source": "rules"} for i in ids[::2]],
        )
        refresh_concern_masks(db.session.connection(), ids)  # Core writes keep it themselves
        db.session.commit()
        with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(sa.text("VACUUM ANALYZE"))  # (index-only scans need the vacuum)
        text = plan(page_query(InboxFilters(tag="treatment"), None, None, 51))
        assert "Index Scan using ix_enquiry_open_treatment" in text, text
        assert "enquiry_tag" not in text and "SubPlan" not in text, text
        text = explained(select_count(InboxFilters(tag="treatment")))
        assert "Index Only Scan using ix_enquiry_open_treatment" in text, text
        for filters in (
            InboxFilters(tag="treatment", kind="appointment"),
            InboxFilters(tag="treatment", status="in_progress"),
            InboxFilters(tag="treatment", status="closed"),
            InboxFilters(tag="treatment", assignee="unassigned"),
        ):
            text = explained(select_count(filters))
            assert "Index Only Scan" in text and "enquiry_tag" not in text, (filters, text)
