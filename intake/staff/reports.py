"""The reports page's figures, as plain functions over SQL aggregates (SQLite and PostgreSQL).

Everything is aggregated in the database: a report reads a few hundred result rows whatever the
table's size. Percentiles use window functions (``row_number`` / ``count`` per urgency), which
both databases have, with the nearest-rank definition: the p-th percentile of n sorted values
is the value at rank ceil(p * n). Spam is left out of every figure.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from flask import current_app, render_template, request
from flask_login import current_user
from sqlalchemy import (
    ColumnElement,
    Float,
    Select,
    String,
    and_,
    case,
    cast,
    false,
    func,
    literal,
    literal_column,
    select,
    text,
)

from intake import audit
from intake.database import utcnow
from intake.extensions import db
from intake.models import URGENCY_RANK, Enquiry, EnquiryTag, has_concern
from intake.security import no_store
from intake.staff import bp
from intake.staff.charts import STYLES, BarChart, LineChart, bar_chart, line_chart
from intake.staff.clock import clinic_zone, due_at
from intake.triage.model import BACKSTOP_FLAG, TAGS

URGENCIES: tuple[str, ...] = tuple(URGENCY_RANK)  # emergency, priority, routine
DEFAULT_WEEKS = 26
WEEK_CHOICES = (8, 13, 26, 52, 104)
NO_SECTION = "(none: came straight to the form)"
NO_RULE_REMOVED = "(the patient's own tick)"
NO_RULE_ADDED = "(missed by the rules)"


# --- time ------------------------------------------------------------------------------------


def clinic_time(moment: datetime | None, with_zone: bool = True) -> str:
    """A UTC time as the clinic reads it, e.g. ``2026-03-02 09:00 AKST``; "-" for none."""
    if moment is None:
        return "-"
    local = moment.astimezone(clinic_zone())
    return local.strftime("%Y-%m-%d %H:%M") + (f" {local.tzname()}" if with_zone else "")


def week_start(day: date) -> date:
    """The Monday of a date's week."""
    return day - timedelta(days=day.weekday())


def report_since(weeks: int, now: datetime) -> tuple[date, datetime]:
    """The first Monday of the period (clinic date) and that Monday's midnight in UTC."""
    today = now.astimezone(clinic_zone()).date()
    first = week_start(today) - timedelta(weeks=weeks - 1)
    return first, datetime.combine(first, time.min, tzinfo=clinic_zone()).astimezone(UTC)


def dialect_name() -> str:
    return str(db.session.get_bind().dialect.name)


def week_expr(column: Any) -> ColumnElement[Any]:
    """The clinic-time Monday of a UTC timestamp column, as SQL.

    PostgreSQL converts with the clinic's zone exactly. SQLite has no zone database: it shifts
    by the zone's standard offset (AKST, UTC-9), so an enquiry within an hour of midnight on a
    Monday in summer may land in the neighbouring week.
    """
    if dialect_name() == "postgresql":
        zone = str(clinic_zone())
        return func.date(func.date_trunc("week", func.timezone(zone, column)))
    standard = clinic_zone().utcoffset(datetime(2001, 1, 15))
    hours = int((standard or timedelta(0)).total_seconds() // 3600)
    # 'weekday 0' moves forward to Sunday (or stays on one); six days back is that week's Monday.
    return func.date(column, f"{hours:+d} hours", "weekday 0", "-6 days")


def seconds_between(start: Any, end: Any) -> ColumnElement[Any]:
    """``end - start`` in seconds, as SQL."""
    if dialect_name() == "postgresql":
        return func.extract("epoch", end - start)
    return (func.julianday(end) - func.julianday(start)) * 86400.0


def as_date(value: Any) -> date:
    """A week bucket from either database (a date, a datetime or an ISO string)."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


# --- enquiries per week by concern -----------------------------------------------------------


@dataclass
class WeeklySeries:
    """Enquiries per week (rows) and concern (columns), with every week present."""

    weeks: list[date]
    tags: list[str]
    counts: dict[str, list[int]]  # tag -> one count per week
    totals: list[int]  # enquiries per week (an enquiry with two concerns counts once)

    def rows(self) -> list[tuple[date, list[int], int]]:
        return [
            (week, [self.counts[tag][i] for tag in self.tags], self.totals[i])
            for i, week in enumerate(self.weeks)
        ]


@dataclass(frozen=True)
class Received:
    """Enquiries received in one clinic week from one section, of one kind."""

    week: date
    section: str | None
    kind: str
    count: int


def received_counts(weeks: int, now: datetime) -> list[Received]:
    """One scan of the period's enquiries, grouped by week, section and kind: the weekly totals
    and the by-section table both come from it."""
    _, since = report_since(weeks, now)
    week = week_expr(Enquiry.created_at).label("week")
    query = (
        select(week, Enquiry.source_section, Enquiry.kind, func.count())
        .where(Enquiry.created_at >= since, Enquiry.is_spam == false())
        .group_by(week, Enquiry.source_section, Enquiry.kind)
    )
    return [
        Received(as_date(bucket), section, kind, int(count))
        for bucket, section, kind, count in db.session.execute(query)
    ]


def weekly_by_concern(
    weeks: int, now: datetime, received: list[Received] | None = None
) -> WeeklySeries:
    """Enquiries received per clinic week, per concern in force, over the last ``weeks``."""
    first, since = report_since(weeks, now)
    # The concerns in force are the enquiry's own bits (concern_mask): one index-only read of
    # the period in ix_enquiry_report, counted per week and bit (reading the period's tag rows
    # and grouping them per enquiry took 0.9 s of 1.5 at a million enquiries).
    week = week_expr(Enquiry.created_at).label("week")
    per_tag = (
        select(
            week,
            *(func.count().filter(has_concern(Enquiry.concern_mask, tag)) for tag in TAGS),
        )
        .where(Enquiry.created_at >= since, Enquiry.is_spam == false())
        .group_by(week)
    )
    all_weeks = [first + timedelta(weeks=i) for i in range(weeks)]
    index = {day: i for i, day in enumerate(all_weeks)}
    tags = list(TAGS)
    counts = {tag: [0] * weeks for tag in tags}
    for bucket, *per_concern in db.session.execute(per_tag):
        i = index.get(as_date(bucket))
        if i is not None:
            for tag, count in zip(tags, per_concern, strict=True):
                counts[tag][i] += int(count or 0)
    totals = [0] * weeks
    for row in received or received_counts(weeks, now):
        i = index.get(row.week)
        if i is not None:
            totals[i] += row.count
    return WeeklySeries(weeks=all_weeks, tags=tags, counts=counts, totals=totals)


# --- by article section -----------------------------------------------------------------------


@dataclass(frozen=True)
class SectionRow:
    section: str
    questions: int
    appointments: int

    @property
    def total(self) -> int:
        return self.questions + self.appointments


def by_section(
    weeks: int, now: datetime, received: list[Received] | None = None
) -> list[SectionRow]:
    """Enquiries per article section they came from (and none), by kind, most first."""
    table: dict[str, dict[str, int]] = {}
    for row in received or received_counts(weeks, now):
        kinds = table.setdefault(row.section or NO_SECTION, {})
        kinds[row.kind] = kinds.get(row.kind, 0) + row.count
    rows = [
        SectionRow(name, kinds.get("question", 0), kinds.get("appointment", 0))
        for name, kinds in table.items()
    ]
    return sorted(rows, key=lambda row: (-row.total, row.section))


# --- time to first response -------------------------------------------------------------------


@dataclass(frozen=True)
class ResponseTimes:
    """Time from receipt to first response, per urgency (hours); None when nothing answered."""

    urgency: str
    answered: int
    median_hours: float | None
    p90_hours: float | None


def first_response_times(weeks: int, now: datetime) -> list[ResponseTimes]:
    """Median and 90th percentile (nearest rank) of time to first response, by urgency."""
    _, since = report_since(weeks, now)
    delta = cast(seconds_between(Enquiry.created_at, Enquiry.first_response_at), Float)
    answered = (
        Enquiry.created_at >= since,
        Enquiry.first_response_at.is_not(None),
        Enquiry.is_spam == false(),
    )
    query: Select[Any]
    if dialect_name() == "postgresql":
        # percentile_disc is exactly the nearest rank, computed inside the aggregate.
        query = (
            select(
                Enquiry.urgency,
                func.count(),
                func.percentile_disc(0.5).within_group(delta),
                func.percentile_disc(0.9).within_group(delta),
            )
            .where(*answered)
            .group_by(Enquiry.urgency)
        )
    else:
        query = nearest_rank_query(delta, answered)
    found = {row[0]: row for row in db.session.execute(query)}
    return response_rows(found)


def nearest_rank_query(delta: ColumnElement[Any], answered: tuple[Any, ...]) -> Select[Any]:
    """Median and p90 per urgency with window functions (SQLite has no percentile aggregate)."""
    ranked = (
        select(
            Enquiry.urgency.label("urgency"),
            delta.label("seconds"),
            func.row_number().over(partition_by=Enquiry.urgency, order_by=delta).label("rank"),
            func.count().over(partition_by=Enquiry.urgency).label("n"),
        )
        .where(*answered)
        .subquery()
    )
    # rank >= p * n holds from rank ceil(p * n) on; the smallest such value is the percentile.
    return select(
        ranked.c.urgency,
        func.max(ranked.c.n),
        func.min(case((ranked.c.rank >= ranked.c.n * 0.5, ranked.c.seconds))),
        func.min(case((ranked.c.rank >= ranked.c.n * 0.9, ranked.c.seconds))),
    ).group_by(ranked.c.urgency)


def response_rows(found: dict[str, Any]) -> list[ResponseTimes]:
    result = []
    for urgency in URGENCIES:
        row = found.get(urgency)
        if row is None:
            result.append(ResponseTimes(urgency, 0, None, None))
            continue
        result.append(
            ResponseTimes(
                urgency=urgency,
                answered=int(row[1] or 0),
                median_hours=None if row[2] is None else max(0.0, float(row[2])) / 3600,
                p90_hours=None if row[3] is None else max(0.0, float(row[3])) / 3600,
            )
        )
    return result


def nearest_rank(values: Sequence[float], p: float) -> float | None:
    """The reference definition the SQL above follows (for the tests)."""
    if not values:
        return None
    ordered = sorted(values)
    return ordered[max(1, math.ceil(p * len(ordered))) - 1]


# --- overdue ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class OverdueRow:
    urgency: str
    waiting: int  # open, not yet answered
    overdue: int  # of those, past their response deadline now


def latest_overdue_receipt(urgency: str, now: datetime) -> datetime:
    """The latest receipt time whose response deadline has passed at ``now``.

    Deadlines only move forward as the receipt time does, so every enquiry received at or before
    this moment is overdue and none after: found by bisection over the clinic's clock (a few
    dozen deadline computations, not one per enquiry).
    """
    low = now - timedelta(days=60)  # a deadline is at most a couple of weeks of holidays away
    high = now
    if due_at(high, urgency) <= now:
        return high
    if due_at(low, urgency) > now:
        return low - timedelta(microseconds=1)
    while high - low > timedelta(microseconds=1):
        middle = low + (high - low) / 2
        if due_at(middle, urgency) <= now:
            low = middle
        else:
            high = middle
    return low


def overdue_counts(now: datetime) -> list[OverdueRow]:
    """Open, unanswered enquiries per urgency, and how many are past their deadline now."""
    thresholds = {urgency: latest_overdue_receipt(urgency, now) for urgency in URGENCIES}
    # By urgency_rank (set with urgency, one to one): with these literal conditions the query is
    # an index-only read of the small partial ix_enquiry_waiting.
    overdue_when = case(
        *(
            (
                and_(
                    Enquiry.urgency_rank == URGENCY_RANK[urgency],
                    Enquiry.created_at <= thresholds[urgency],
                ),
                1,
            )
            for urgency in URGENCIES
        ),
        else_=0,
    )
    query = (
        select(Enquiry.urgency_rank, func.count(), func.sum(overdue_when))
        .where(
            Enquiry.status != literal_column("'closed'"),
            Enquiry.is_spam == false(),
            Enquiry.first_response_at.is_(None),
        )
        .group_by(Enquiry.urgency_rank)
    )
    urgency_of = {rank: urgency for urgency, rank in URGENCY_RANK.items()}
    found = {urgency_of.get(row[0]): row for row in db.session.execute(query)}
    return [
        OverdueRow(
            urgency,
            int(found[urgency][1]) if urgency in found else 0,
            int(found[urgency][2] or 0) if urgency in found else 0,
        )
        for urgency in URGENCIES
    ]


# --- staff corrections, to tune triage -------------------------------------------------------


@dataclass(frozen=True)
class TagCorrection:
    vocabulary_version: str
    rule_id: str  # the rule whose tag staff removed, or one of the NO_RULE_* labels
    tag: str
    change: str  # "removed" (rule over-fired) or "added" (rules missed it)
    count: int


#: Who set the urgency staff corrected: the rules, or the emergency backstop (a model that only
#: ever raises to emergency; docs/triage.md). Told apart so its first months can be judged alone.
RAISED_BY_RULES = "rules"
RAISED_BY_MODEL = "model"


@dataclass(frozen=True)
class UrgencyCorrection:
    vocabulary_version: str
    rules_urgency: str
    staff_urgency: str
    count: int
    raised_by: str = RAISED_BY_RULES  # RAISED_BY_MODEL: the backstop made it an emergency


@dataclass
class Corrections:
    tags: list[TagCorrection] = field(default_factory=list)
    urgency: list[UrgencyCorrection] = field(default_factory=list)


def corrections() -> Corrections:
    """Staff corrections per triage rule and vocabulary version, most frequent first.

    A removed tag is a staff EnquiryTag row with ``removed`` set, carrying the rule id and
    vocabulary version of the row it overrules; an added tag is a staff row without a rule (its
    version is the enquiry's triage version). Urgency corrections keep the rules' urgency in
    ``Enquiry.rules_urgency``.
    """
    # Staff rows carry the version themselves (the dashboard copies it when it corrects), so no
    # join with the enquiries is needed.
    version = func.coalesce(EnquiryTag.vocabulary_version, "-")
    rule = func.coalesce(EnquiryTag.rule_id, "")
    tag_query = (
        select(version, rule, EnquiryTag.tag, EnquiryTag.removed, func.count())
        # A literal: it must match the partial ix_enquiry_tag_staff (the staff rows only).
        .where(EnquiryTag.source == literal_column("'staff'"))
        .group_by(version, rule, EnquiryTag.tag, EnquiryTag.removed)
    )
    tags = [
        TagCorrection(
            str(v),
            str(r) or (NO_RULE_REMOVED if removed else NO_RULE_ADDED),
            str(t),
            "removed" if removed else "added",
            int(n),
        )
        for v, r, t, removed, n in db.session.execute(tag_query)
    ]
    tags.sort(key=lambda c: (-c.count, c.vocabulary_version, c.rule_id, c.tag))
    urgency_version = func.coalesce(Enquiry.triage_version, "-")
    # The flag list is JSON: its text holds the flag's name in quotes (SQLite and PostgreSQL).
    by_model = cast(Enquiry.red_flags, String).contains(f'"{BACKSTOP_FLAG}"', autoescape=True)
    raised_by = case(
        (and_(Enquiry.rules_urgency == "emergency", by_model), literal(RAISED_BY_MODEL)),
        else_=literal(RAISED_BY_RULES),
    )
    urgency_query = (
        select(urgency_version, Enquiry.rules_urgency, Enquiry.urgency, raised_by, func.count())
        .where(Enquiry.rules_urgency.is_not(None), Enquiry.rules_urgency != Enquiry.urgency)
        .group_by(urgency_version, Enquiry.rules_urgency, Enquiry.urgency, raised_by)
    )
    urgency = [
        UrgencyCorrection(str(v), str(before), str(after), int(n), str(by))
        for v, before, after, by, n in db.session.execute(urgency_query)
    ]
    urgency.sort(key=lambda c: (-c.count, c.vocabulary_version, c.raised_by))
    return Corrections(tags=tags, urgency=urgency)


def report_summary(weeks: int, now: datetime) -> dict[str, Any]:
    """Everything the reports page shows, for the view (and for the benchmark)."""
    received = received_counts(weeks, now)
    return {
        "weekly": weekly_by_concern(weeks, now, received),
        "sections": by_section(weeks, now, received),
        "response": first_response_times(weeks, now),
        "overdue": overdue_counts(now),
        "corrections": corrections(),
    }


# --- the page --------------------------------------------------------------------------------

# The period figures scan months of enquiries (a second or so at a million rows): computed at
# most once per CACHE_SECONDS per process and period. "Overdue now" is always fresh (cheap).
CACHE_SECONDS = 300


@dataclass(frozen=True)
class PeriodFigures:
    computed_at: datetime
    weekly: WeeklySeries
    sections: list[SectionRow]
    response: list[ResponseTimes]
    corrections: Corrections


def period_figures(weeks: int, now: datetime) -> PeriodFigures:
    """The period's aggregates, from this app's cache when younger than CACHE_SECONDS."""
    cache: dict[int, PeriodFigures] = current_app.extensions.setdefault("staff_reports", {})
    cached = cache.get(weeks)
    if cached is not None and timedelta(0) <= now - cached.computed_at < timedelta(
        seconds=CACHE_SECONDS
    ):
        return cached
    if dialect_name() == "postgresql":
        # Room to sort a few hundred thousand rows in memory (this transaction only).
        db.session.execute(text("SET LOCAL work_mem = '64MB'"))
    received = received_counts(weeks, now)
    figures = PeriodFigures(
        computed_at=now,
        weekly=weekly_by_concern(weeks, now, received),
        sections=by_section(weeks, now, received),
        response=first_response_times(weeks, now),
        corrections=corrections(),
    )
    cache[weeks] = figures
    return figures


TAG_LABELS = {
    "recurrence": "Recurrence",
    "symptoms": "Symptoms",
    "clinical_trials": "Clinical trials",
    "treatment": "Treatment",
    "other": "Other",
}


def tag_label(tag: str) -> str:
    return TAG_LABELS.get(tag, tag.replace("_", " ").capitalize())


def hours_label(hours: float | None) -> str:
    """``3 h 05 min`` or ``2 d 4 h``; "-" when there is nothing to measure."""
    if hours is None:
        return "-"
    minutes = int(round(hours * 60))
    days, minutes = divmod(minutes, 60 * 24)
    whole_hours, minutes = divmod(minutes, 60)
    if days:
        return f"{days} d {whole_hours} h"
    return f"{whole_hours} h {minutes:02d} min"


def weekly_chart(series: WeeklySeries, weeks: int) -> LineChart:
    short = [week.strftime("%-d %b") for week in series.weeks]
    long = [f"week of {week.strftime('%-d %B %Y')}" for week in series.weeks]
    first, last = (series.weeks[0], series.weeks[-1]) if series.weeks else (None, None)
    peak = max((max(values, default=0) for values in series.counts.values()), default=0)
    return line_chart(
        "chart-weekly",
        f"Enquiries per week by concern, last {weeks} weeks",
        (
            f"One line per concern, weeks starting {first:%-d %B %Y} to {last:%-d %B %Y}; "
            f"the busiest concern-week had {peak:,} enquiries. The table below has every figure."
            if first and last
            else "No weeks to show."
        ),
        short,
        [(tag_label(tag), series.counts[tag]) for tag in series.tags],
        point_labels=long,
        y_label="Enquiries",
    )


def section_chart(rows: Sequence[SectionRow], weeks: int) -> BarChart:
    top = rows[0] if rows else None
    return bar_chart(
        "chart-sections",
        f"Enquiries by article section, last {weeks} weeks",
        (
            f"One bar per section the writer came from; most came from {top.section} "
            f"({top.total:,}). The table below has every figure."
            if top
            else "No enquiries in this period."
        ),
        [(row.section, row.total) for row in rows],
    )


@bp.get("/reports")
def reports_page() -> str:
    """Aggregates only (no PHI), for every member of staff; viewing is audited."""
    no_store()
    raw = request.args.get("weeks", "")
    weeks = int(raw) if raw.isdigit() and int(raw) in WEEK_CHOICES else DEFAULT_WEEKS
    now = utcnow()
    figures = period_figures(weeks, now)
    overdue = overdue_counts(now)
    audit.record("reports.viewed", actor_id=current_user.id, details={"weeks": weeks})
    db.session.commit()
    return render_template(
        "staff/reports.html",
        weeks=weeks,
        week_choices=WEEK_CHOICES,
        generated=clinic_time(figures.computed_at),
        now=clinic_time(now),
        weekly=figures.weekly,
        weekly_chart=weekly_chart(figures.weekly, weeks),
        sections=figures.sections,
        section_chart=section_chart(figures.sections, weeks),
        response=figures.response,
        overdue=overdue,
        corrections=figures.corrections,
        tag_label=tag_label,
        hours_label=hours_label,
        chart_styles=STYLES,
    )
