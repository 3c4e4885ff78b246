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
from intake.staff.queries import InboxFilters, counts, inbox_page, inbox_query
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
    compiled = query.compile(db.engine)
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
        query_plan = plan(inbox_query(filters, None, "rarename").limit(51))
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
