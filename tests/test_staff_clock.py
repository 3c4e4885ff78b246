"""Response clocks: business days in Anchorage across weekends and Alaska's holidays."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from flask import Flask

from config import ConfigError
from intake.staff.clock import (
    business_time_between,
    due_at,
    holidays_in,
    is_business_day,
    parse_hours,
    response_clock,
)

AK = ZoneInfo("America/Anchorage")


def local(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=AK)


@pytest.mark.parametrize(
    ("year", "expected"),
    [
        (
            2025,
            [
                "01-01",
                "01-20",
                "02-17",
                "03-31",
                "05-26",
                "06-19",
                "07-04",
                "09-01",
                "10-17",
                "11-11",
                "11-27",
                "12-25",
            ],
        ),
        (
            2026,
            [
                "01-01",
                "01-19",
                "02-16",
                "03-30",
                "05-25",
                "06-19",
                "07-03",
                "09-07",
                "10-19",
                "11-11",
                "11-26",
                "12-25",
            ],
        ),
        (
            2027,
            [
                "01-01",
                "01-18",
                "02-15",
                "03-29",
                "05-31",
                "06-18",
                "07-05",
                "09-06",
                "10-18",
                "11-11",
                "11-25",
                "12-24",
                "12-31",
            ],
        ),
        (
            2028,
            [
                "01-17",
                "02-21",
                "03-27",
                "05-29",
                "06-19",
                "07-04",
                "09-04",
                "10-18",
                "11-10",
                "11-23",
                "12-25",
            ],
        ),
    ],
)
def test_alaska_holidays_observed_dates(year: int, expected: list[str]) -> None:
    assert [d.strftime("%m-%d") for d in holidays_in(year)] == expected


def test_sewards_day_is_the_last_monday_of_march_and_alaska_day_is_named() -> None:
    days = holidays_in(2026)
    assert days[date(2026, 3, 30)] == "Seward's Day"
    assert days[date(2026, 10, 19)] == "Alaska Day"  # Oct 18 is a Sunday


def test_business_days(app: Flask) -> None:
    with app.app_context():
        assert is_business_day(date(2026, 3, 27))  # Friday
        assert not is_business_day(date(2026, 3, 28))  # Saturday
        assert not is_business_day(date(2026, 3, 30))  # Seward's Day


def test_emergency_is_one_hour_of_wall_clock_even_at_night(app: Flask) -> None:
    with app.app_context():
        received = local(2026, 3, 28, 23, 30)  # Saturday night
        assert due_at(received, "emergency") == (received + timedelta(hours=1)).astimezone(UTC)


def test_priority_received_friday_afternoon_is_due_monday_afternoon(app: Flask) -> None:
    with app.app_context():
        due = due_at(local(2026, 3, 6, 15, 0), "priority")  # Friday 15:00
        # 2 h on Friday, 7 h on Monday: one business day is the clinic's 9 opening hours.
        assert due == local(2026, 3, 9, 15, 0).astimezone(UTC)


def test_priority_across_a_weekend_and_sewards_day(app: Flask) -> None:
    with app.app_context():
        due = due_at(local(2026, 3, 27, 15, 0), "priority")  # Friday before Seward's Day
        assert due == local(2026, 3, 31, 15, 0).astimezone(UTC)  # Tuesday, not Monday


def test_routine_received_on_a_saturday_starts_at_the_next_opening(app: Flask) -> None:
    with app.app_context():
        due = due_at(local(2026, 3, 7, 10, 0), "routine")  # Saturday
        assert due == local(2026, 3, 10, 17, 0).astimezone(UTC)  # end of Tuesday


def test_routine_across_thanksgiving(app: Flask) -> None:
    with app.app_context():
        due = due_at(local(2026, 11, 25, 12, 0), "routine")  # Wednesday before Thanksgiving
        # Wed 12-17 (5 h), Thu closed, Fri 08-17 (9 h), Mon 08-12 (4 h) = 18 h.
        assert due == local(2026, 11, 30, 12, 0).astimezone(UTC)


def test_clock_across_the_spring_clock_change(app: Flask) -> None:
    with app.app_context():
        due = due_at(local(2026, 3, 6, 16, 0), "priority")  # DST starts Sunday 8 March
        assert due.astimezone(AK) == local(2026, 3, 9, 16, 0)


def test_time_left_counts_clinic_hours_only(app: Flask) -> None:
    with app.app_context():
        received = local(2026, 3, 6, 15, 0)
        clock = response_clock(received, "priority", local(2026, 3, 7, 12, 0).astimezone(UTC))
        assert clock.state == "running" and clock.business
        assert clock.left == timedelta(hours=7)
        assert clock.label == "7 h 00 min of clinic time left"
        late = response_clock(received, "priority", local(2026, 3, 9, 16, 30).astimezone(UTC))
        assert late.state == "overdue" and late.label == "Overdue by 1 h 30 min"


def test_clock_stops_at_the_first_response(app: Flask) -> None:
    with app.app_context():
        received = local(2026, 3, 2, 9, 0)
        now = local(2026, 3, 20, 9, 0)
        met = response_clock(received, "emergency", now, first_response_at=local(2026, 3, 2, 9, 40))
        assert met.state == "met" and not met.overdue
        late = response_clock(received, "emergency", now, first_response_at=local(2026, 3, 2, 11))
        assert late.state == "late" and late.overdue


def test_clinic_hours_are_read_from_config(app_factory: object) -> None:
    app = app_factory(CLINIC_HOURS="Mon,Wed 09:00-12:00")  # type: ignore[operator]
    with app.app_context():
        due = due_at(local(2026, 3, 2, 11, 0), "priority")  # Monday 11:00
        assert due == local(2026, 3, 4, 11, 0).astimezone(UTC)  # 1 h Mon + 2 h Wed
        assert business_time_between(local(2026, 3, 2, 8), local(2026, 3, 5, 8)) == timedelta(
            hours=6
        )


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Mon-Fri",
        "Fri-Mon 08:00-17:00",
        "Mon-Fri 17:00-08:00",
        "Xyz 08:00-17:00",
        "Mon-Fri 25:00-26:00",
    ],
)
def test_bad_clinic_hours_are_refused(text: str) -> None:
    with pytest.raises(ConfigError, match="CLINIC_HOURS"):
        parse_hours(text)
