"""/staff/reports: weekly counts by concern (SVG chart + table), by article section, response-time
percentiles, overdue counts, staff corrections per rule and vocabulary version."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from flask import Flask

from intake.extensions import db
from intake.models import EnquiryTag
from intake.staff import charts, reports
from intake.staff.clock import due_at
from tests.test_staff_periphery_support import add_enquiry, audit_count, last_audit, signed_in

# A Wednesday, 10:00 in Anchorage (AKST, UTC-9).
NOW = datetime(2026, 3, 4, 19, 0, tzinfo=UTC)


def in_app(app: Flask, fn: Any, *args: Any) -> Any:
    with app.app_context():
        return fn(*args)


def test_the_page_renders_charts_with_text_alternatives_and_no_style_or_script(
    app: Flask,
) -> None:
    client, user_id = signed_in(app, role="staff")
    add_enquiry(app, source_section="recurrence")
    add_enquiry(app, tags=("symptoms", "treatment"), urgency="priority")
    page = client.get("/staff/reports")
    assert page.status_code == 200
    assert page.headers["Cache-Control"] == "no-store"
    html = page.get_data(as_text=True)
    assert html.count("<svg") == 2
    for chart_id in ("chart-weekly", "chart-sections"):
        assert f'aria-labelledby="{chart_id}-title {chart_id}-desc"' in html
        assert f'<title id="{chart_id}-title">' in html and f'<desc id="{chart_id}-desc">' in html
    assert 'role="img"' in html
    assert " style=" not in html and "<style" not in html and "<script" not in html
    assert html.count("<caption") >= 6 and '<th scope="row">' in html
    assert "Test Writer" not in html and "writer@example.com" not in html
    assert audit_count(app, "reports.viewed") == 1
    assert last_audit(app, "reports.viewed").details == {"weeks": reports.DEFAULT_WEEKS}
    assert last_audit(app, "reports.viewed").actor_id == user_id


def test_the_period_is_one_of_the_choices(app: Flask) -> None:
    client, _ = signed_in(app)
    client.get("/staff/reports?weeks=52")
    assert last_audit(app, "reports.viewed").details == {"weeks": 52}
    client.get("/staff/reports?weeks=9999")
    assert last_audit(app, "reports.viewed").details == {"weeks": reports.DEFAULT_WEEKS}


def test_weekly_counts_use_the_concerns_in_force_and_skip_spam(app: Flask) -> None:
    monday = datetime(2026, 3, 2, 18, 0, tzinfo=UTC)  # Monday 09:00 AKST
    last_week = monday - timedelta(days=5)  # the Wednesday before
    removed = add_enquiry(app, tags=("recurrence", "treatment"), created_at=monday)
    add_enquiry(app, tags=("recurrence",), created_at=monday + timedelta(days=1))
    add_enquiry(app, tags=("symptoms",), created_at=last_week)
    add_enquiry(app, tags=("recurrence",), created_at=monday, is_spam=True)
    with app.app_context():
        db.session.add(
            EnquiryTag(enquiry_id=removed, tag="treatment", source="staff", removed=True)
        )
        # A patient's tick of the same tag counts the enquiry once.
        db.session.add(EnquiryTag(enquiry_id=removed, tag="recurrence", source="patient"))
        db.session.commit()
    series = in_app(app, reports.weekly_by_concern, 4, NOW)
    assert series.weeks == [
        date(2026, 2, 9),
        date(2026, 2, 16),
        date(2026, 2, 23),
        date(2026, 3, 2),
    ]
    assert series.counts["recurrence"] == [0, 0, 0, 2]
    assert series.counts["treatment"] == [0, 0, 0, 0]
    assert series.counts["symptoms"] == [0, 0, 1, 0]
    assert series.totals == [0, 0, 1, 2]


def test_a_sunday_evening_in_anchorage_belongs_to_that_week(app: Flask) -> None:
    # Sunday 1 March 2026, 22:00 AKST is Monday 07:00 UTC: still the week of 23 February.
    add_enquiry(app, created_at=datetime(2026, 3, 2, 7, 0, tzinfo=UTC))
    series = in_app(app, reports.weekly_by_concern, 2, NOW)
    assert series.totals == [1, 0]


def test_by_section_counts_kinds_and_no_section(app: Flask) -> None:
    add_enquiry(app, source_section="recurrence", created_at=NOW - timedelta(days=1))
    add_enquiry(
        app, source_section="recurrence", kind="appointment", created_at=NOW - timedelta(days=2)
    )
    add_enquiry(app, source_section=None, created_at=NOW - timedelta(days=3))
    add_enquiry(app, source_section="symptoms", created_at=NOW - timedelta(days=400))
    rows = in_app(app, reports.by_section, 26, NOW)
    assert [(r.section, r.questions, r.appointments) for r in rows] == [
        ("recurrence", 1, 1),
        (reports.NO_SECTION, 1, 0),
    ]


def test_response_percentiles_follow_the_nearest_rank_definition(app: Flask) -> None:
    hours = [1, 2, 3, 4, 5, 6, 7, 8, 9, 30]
    for h in hours:
        created = NOW - timedelta(days=3)
        add_enquiry(
            app,
            urgency="priority",
            created_at=created,
            first_response_at=created + timedelta(hours=h),
        )
    add_enquiry(app, urgency="emergency", created_at=NOW - timedelta(days=1))  # not answered
    results = {r.urgency: r for r in in_app(app, reports.first_response_times, 26, NOW)}
    priority = results["priority"]
    assert priority.answered == 10
    assert priority.median_hours == pytest.approx(reports.nearest_rank(hours, 0.5))
    assert priority.median_hours == pytest.approx(5)
    assert priority.p90_hours == pytest.approx(9)
    assert results["emergency"].answered == 0 and results["emergency"].median_hours is None


def test_nearest_rank_reference() -> None:
    assert reports.nearest_rank([], 0.5) is None
    assert reports.nearest_rank([7], 0.9) == 7
    assert reports.nearest_rank([4, 1, 3, 2], 0.5) == 2
    assert reports.nearest_rank(list(range(1, 101)), 0.9) == 90


def test_overdue_counts_use_the_response_clock(app: Flask) -> None:
    # Emergency: an hour of wall-clock time.
    add_enquiry(app, urgency="emergency", created_at=NOW - timedelta(minutes=61))
    add_enquiry(app, urgency="emergency", created_at=NOW - timedelta(minutes=30))
    # Priority: one business day (Tuesday 10:00 is due Wednesday 10:00: overdue at NOW).
    add_enquiry(app, urgency="priority", created_at=NOW - timedelta(days=1, minutes=1))
    add_enquiry(app, urgency="priority", created_at=NOW - timedelta(hours=2))
    # Answered or closed ones are not waiting.
    add_enquiry(
        app,
        urgency="routine",
        created_at=NOW - timedelta(days=30),
        first_response_at=NOW - timedelta(days=29),
    )
    add_enquiry(app, urgency="routine", created_at=NOW - timedelta(days=30), status="closed")
    add_enquiry(app, urgency="routine", created_at=NOW - timedelta(days=30))
    rows = {r.urgency: r for r in in_app(app, reports.overdue_counts, NOW)}
    assert (rows["emergency"].waiting, rows["emergency"].overdue) == (2, 1)
    assert (rows["priority"].waiting, rows["priority"].overdue) == (2, 1)
    assert (rows["routine"].waiting, rows["routine"].overdue) == (1, 1)


def test_the_overdue_threshold_agrees_with_the_clock_around_a_holiday(app: Flask) -> None:
    # Seward's Day, Monday 30 March 2026, is an Alaska holiday.
    now = datetime(2026, 3, 31, 18, 30, tzinfo=UTC)  # Tuesday 10:30 AKDT
    with app.app_context():
        for urgency in reports.URGENCIES:
            threshold = reports.latest_overdue_receipt(urgency, now)
            assert due_at(threshold, urgency) <= now
            assert due_at(threshold + timedelta(seconds=1), urgency) > now


def test_corrections_per_rule_and_vocabulary_version(app: Flask) -> None:
    first = add_enquiry(app, tags=("recurrence",))
    second = add_enquiry(app, tags=("recurrence",))
    add_enquiry(app, urgency="priority", rules_urgency="routine", triage_version="2026.11.1")
    with app.app_context():
        for enquiry_id in (first, second):
            db.session.add(
                EnquiryTag(
                    enquiry_id=enquiry_id,
                    tag="recurrence",
                    source="staff",
                    removed=True,
                    rule_id="tag.recurrence.test",
                    vocabulary_version="v1",
                )
            )
        db.session.add(
            EnquiryTag(
                enquiry_id=first, tag="symptoms", source="staff", vocabulary_version="2026.11.1"
            )
        )
        db.session.commit()
    found = in_app(app, reports.corrections)
    assert [(c.vocabulary_version, c.rule_id, c.tag, c.change, c.count) for c in found.tags] == [
        ("v1", "tag.recurrence.test", "recurrence", "removed", 2),
        ("2026.11.1", reports.NO_RULE_ADDED, "symptoms", "added", 1),
    ]
    assert [(c.rules_urgency, c.staff_urgency, c.count) for c in found.urgency] == [
        ("routine", "priority", 1)
    ]


def test_urgency_corrections_tell_the_emergency_model_from_the_rules(app: Flask) -> None:
    """The backstop's emergencies (its flag in red_flags) are counted on their own line, so
    staff corrections of the model can be read apart from the rules'."""
    check_model_corrections_apart(app)


@pytest.mark.postgres
def test_urgency_corrections_tell_the_model_apart_on_postgresql(
    app_factory: Any, pg_url: str
) -> None:
    """The same on PostgreSQL, where the flag list is a json column cast to text."""
    check_model_corrections_apart(app_factory(pg_url))


def check_model_corrections_apart(app: Flask) -> None:
    from intake.triage.model import BACKSTOP_FLAG

    version = "2026.11.151"
    for flags in (["fever", BACKSTOP_FLAG], [BACKSTOP_FLAG]):
        add_enquiry(
            app,
            urgency="routine",
            rules_urgency="emergency",
            triage_version=version,
            red_flags=flags,
        )
    add_enquiry(
        app,
        urgency="priority",
        rules_urgency="emergency",
        triage_version=version,
        red_flags=["seizure"],
    )
    # A look-alike flag name is not the model's ("_" is not a wildcard here).
    add_enquiry(
        app,
        urgency="priority",
        rules_urgency="emergency",
        triage_version=version,
        red_flags=["emergencyXmodel"],
    )
    # The model's flag on an enquiry the rules had not made an emergency is not its correction.
    add_enquiry(
        app,
        urgency="emergency",
        rules_urgency="routine",
        triage_version=version,
        red_flags=[BACKSTOP_FLAG],
    )
    found = in_app(app, reports.corrections)
    assert [(c.rules_urgency, c.staff_urgency, c.raised_by, c.count) for c in found.urgency] == [
        ("emergency", "routine", reports.RAISED_BY_MODEL, 2),
        ("emergency", "priority", reports.RAISED_BY_RULES, 2),
        ("routine", "emergency", reports.RAISED_BY_RULES, 1),
    ]
    client, _ = signed_in(app, role="staff")
    html = client.get("/staff/reports").get_data(as_text=True)
    assert "<td>The emergency model</td>" in html and "<td>The rules</td>" in html


def test_nice_axis_ticks() -> None:
    assert charts.axis_ticks(0) == (1.0, [0.0, 1.0])
    assert charts.axis_ticks(7) == (8.0, [0.0, 2.0, 4.0, 6.0, 8.0])
    top, ticks = charts.axis_ticks(1234)
    assert top == 1500 and ticks[1] == 500
    assert charts.number_label(1500.0) == "1,500" and charts.number_label(2.5) == "2.5"


def test_line_chart_geometry_stays_inside_the_plot() -> None:
    chart = charts.line_chart(
        "c", "T", "D", ["a", "b", "c"], [("one", [0, 5, 10]), ("two", [3, 3, 3])]
    )
    for series in chart.series:
        for marker in series.markers:
            assert chart.left <= marker.x <= chart.right
            assert chart.top <= marker.y <= chart.bottom
    assert chart.series[0].markers[0].y == chart.bottom
    assert chart.series[0].markers[2].x == chart.right
    assert chart.series[0].dash != chart.series[1].dash
    assert chart.series[1].markers[1].label == "two, b: 3"


def test_bar_chart_lengths_are_proportional() -> None:
    chart = charts.bar_chart("b", "T", "D", [("x", 10), ("y", 5), ("z", 0)])
    lengths = [bar.length for bar in chart.bars]
    assert lengths[0] == pytest.approx(2 * lengths[1]) and lengths[2] == 0
    assert chart.height > 3 * chart.bar_height


def test_labels_in_charts_are_escaped(app: Flask) -> None:
    client, _ = signed_in(app)
    add_enquiry(app, source_section="<b>bold</b>")
    html = client.get("/staff/reports").get_data(as_text=True)
    assert "<b>bold</b>" not in html
    assert re.search(r"<text[^>]*>&lt;b&gt;bold&lt;/b&gt;</text>", html)


@pytest.mark.postgres
def test_every_report_runs_on_postgresql(app_factory: Any, pg_url: str) -> None:
    app = app_factory(pg_url)
    monday = datetime(2026, 3, 2, 18, 0, tzinfo=UTC)
    add_enquiry(app, tags=("recurrence",), created_at=monday, source_section="recurrence")
    add_enquiry(
        app,
        tags=("symptoms",),
        urgency="priority",
        created_at=monday,
        first_response_at=monday + timedelta(hours=3),
    )
    add_enquiry(app, urgency="emergency", created_at=NOW - timedelta(hours=2))
    # Sunday 22:00 AKST: the week before, exactly as on SQLite.
    add_enquiry(app, created_at=datetime(2026, 3, 2, 7, 0, tzinfo=UTC))
    with app.app_context():
        summary = reports.report_summary(4, NOW)
    assert summary["weekly"].totals == [0, 0, 1, 3]
    assert summary["weekly"].counts["recurrence"] == [0, 0, 1, 2]
    assert summary["weekly"].counts["symptoms"] == [0, 0, 0, 1]
    assert [(r.section, r.total) for r in summary["sections"]] == [
        (reports.NO_SECTION, 3),
        ("recurrence", 1),
    ]
    response = {r.urgency: r for r in summary["response"]}
    assert response["priority"].median_hours == pytest.approx(3)
    overdue = {r.urgency: r for r in summary["overdue"]}
    assert overdue["emergency"].overdue == 1
    client, _ = signed_in(app)
    assert client.get("/staff/reports").status_code == 200


def test_period_figures_are_cached_for_a_few_minutes_but_overdue_is_fresh(app: Flask) -> None:
    client, _ = signed_in(app)
    add_enquiry(app, source_section="recurrence")
    first = client.get("/staff/reports").get_data(as_text=True)
    add_enquiry(app, source_section="treatment", urgency="emergency")
    add_enquiry(app, source_section="treatment", urgency="emergency")
    second = client.get("/staff/reports").get_data(as_text=True)
    assert ">treatment</th>" not in second  # the section table is from the cache
    assert "Waiting and overdue now" in second
    overdue_table = second.split('id="overdue-heading"', 1)[1]
    waiting = re.search(
        r"<th scope=\"row\">Emergency</th><td class=\"num\">(\d+)</td>", overdue_table
    )
    assert waiting is not None and waiting[1] == "2"  # overdue now is always fresh
    with app.app_context():
        cache = app.extensions["staff_reports"]
        cached = cache[reports.DEFAULT_WEEKS]
        cache[reports.DEFAULT_WEEKS] = reports.PeriodFigures(
            cached.computed_at - timedelta(seconds=reports.CACHE_SECONDS + 1),
            cached.weekly,
            cached.sections,
            cached.response,
            cached.corrections,
        )
    third = client.get("/staff/reports").get_data(as_text=True)
    assert ">treatment</th>" in third
    assert first.count("<svg") == 2


def test_a_tag_row_counts_in_its_enquirys_week_whenever_it_was_written(app: Flask) -> None:
    """The weekly query reads only tag rows written since the period began (less a day, for
    clocks): a staff row added months later counts, and so does a row stamped a little before
    its enquiry."""
    monday = datetime(2026, 3, 2, 18, 0, tzinfo=UTC)
    later = add_enquiry(app, tags=(), created_at=monday)
    skewed = add_enquiry(app, tags=(), created_at=monday)
    with app.app_context():
        db.session.add(
            EnquiryTag(enquiry_id=later, tag="treatment", source="staff", created_at=NOW)
        )
        db.session.add(
            EnquiryTag(
                enquiry_id=skewed,
                tag="treatment",
                source="rules",
                created_at=monday - timedelta(seconds=5),
            )
        )
        db.session.commit()
    series = in_app(app, reports.weekly_by_concern, 1, NOW)
    assert series.counts["treatment"] == [2]


REPORT_INDEXES = {
    # A distinctive piece of each report statement: the index that must serve it.
    "enquiry.source_section, enquiry.kind, count(*)": ["ix_enquiry_report"],
    "FILTER (WHERE (enquiry.concern_mask &": ["ix_enquiry_report"],
    "first_response_at IS NOT NULL": ["ix_enquiry_report"],
    "first_response_at IS NULL": ["ix_enquiry_waiting"],
    "enquiry_tag.source = 'staff'": ["ix_enquiry_tag_staff"],
    "rules_urgency IS NOT NULL": ["ix_enquiry_urgency_corrected"],
}


def report_plans(app: Flask) -> dict[str, str]:
    """Every report statement's plan (sequential scans and bitmaps off on PostgreSQL, where
    a test's few rows would rightly be read whole), keyed by REPORT_INDEXES' pieces."""
    import sqlalchemy as sa

    captured: list[tuple[str, Any]] = []

    def listen(conn: Any, cursor: Any, statement: str, parameters: Any, *args: Any) -> None:
        captured.append((statement, parameters))

    with app.app_context():
        sa.event.listen(db.engine, "before_cursor_execute", listen)
        try:
            reports.report_summary(26, NOW)
        finally:
            sa.event.remove(db.engine, "before_cursor_execute", listen)
        conn = db.session.connection()
        postgres = conn.dialect.name == "postgresql"
        if postgres:
            conn.exec_driver_sql("SET LOCAL enable_seqscan = off")
            conn.exec_driver_sql("SET LOCAL enable_bitmapscan = off")
        plans: dict[str, str] = {}
        for statement, parameters in captured:
            flat = " ".join(statement.split())
            piece = next((p for p in REPORT_INDEXES if p in flat), None)
            if piece is None or piece in plans:
                continue
            prefix = "EXPLAIN " if postgres else "EXPLAIN QUERY PLAN "
            rows = conn.exec_driver_sql(prefix + statement, parameters).all()
            plans[piece] = "\n".join(str(row[0] if postgres else row[-1]) for row in rows)
        db.session.rollback()
    return plans


def check_report_indexes(app: Flask) -> None:
    monday = datetime(2026, 3, 2, 18, 0, tzinfo=UTC)
    answered = add_enquiry(
        app, created_at=monday, first_response_at=monday + timedelta(hours=2), status="closed"
    )
    add_enquiry(app, created_at=monday, rules_urgency="routine", urgency="priority")
    with app.app_context():
        db.session.add(
            EnquiryTag(enquiry_id=answered, tag="recurrence", source="staff", removed=True)
        )
        db.session.commit()
    plans = report_plans(app)
    assert set(plans) == set(REPORT_INDEXES), set(REPORT_INDEXES) - set(plans)
    for piece, indexes in REPORT_INDEXES.items():
        found = plans[piece]
        # No statement needs a whole table (SQLite prints "SCAN t USING INDEX" for index walks).
        assert "Seq Scan" not in found and not re.search(r"SCAN enquiry(_tag)?$", found, re.M)
        if piece == "first_response_at IS NULL" and "SCAN" in found:
            # SQLite without statistics may take the inbox's partial index instead.
            assert "ix_enquiry_waiting" in found or "ix_enquiry_open_queue" in found
            continue
        for index in indexes:
            assert index in found, (piece, found)


def test_reports_read_their_indexes_on_sqlite(app: Flask) -> None:
    check_report_indexes(app)


@pytest.mark.postgres
def test_reports_read_their_indexes_on_postgresql(app_factory: Any, pg_url: str) -> None:
    check_report_indexes(app_factory(pg_url))
