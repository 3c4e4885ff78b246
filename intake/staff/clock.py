"""Response clocks: how long staff have left before an enquiry is overdue.

Emergency: 1 hour of wall-clock time. Priority: 1 business day. Routine: 2 business days. A
business day is the clinic's daily opening (CLINIC_HOURS, e.g. "Mon-Fri 08:00-17:00", so nine
hours) in CLINIC_TIMEZONE, skipping Alaska's legal holidays (data/alaska-holidays.yaml). An
enquiry received out of hours starts its clock at the next opening. The clock stops at the first
staff response.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import yaml
from flask import current_app, has_app_context

from config import ConfigError

HOLIDAYS_FILE = Path(__file__).parent / "data" / "alaska-holidays.yaml"
DEFAULT_ZONE = "America/Anchorage"
DEFAULT_HOURS = "Mon-Fri 08:00-17:00"
DAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
HOURS_RE = re.compile(
    r"^\s*(?P<days>[A-Za-z]{3}(?:\s*[-,]\s*[A-Za-z]{3})*)\s+"
    r"(?P<open>\d{1,2}:\d{2})\s*-\s*(?P<close>\d{1,2}:\d{2})\s*$"
)
EMERGENCY_WINDOW = timedelta(hours=1)
BUSINESS_DAYS = {"priority": 1, "routine": 2}
MAX_DAYS_SCANNED = 400  # a year of closures would be a configuration error, not a loop


# --- settings -------------------------------------------------------------------------------


@lru_cache(maxsize=8)
def zone_named(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ConfigError(f"CLINIC_TIMEZONE: unknown time zone {name!r}") from exc


def clinic_zone() -> ZoneInfo:
    """The clinic's time zone (CLINIC_TIMEZONE), America/Anchorage outside an app."""
    name = current_app.config.get("CLINIC_TIMEZONE") if has_app_context() else None
    return zone_named(name or DEFAULT_ZONE)


@dataclass(frozen=True)
class ClinicHours:
    """Opening days (0 = Monday) and the daily opening and closing times."""

    days: frozenset[int]
    opens: time
    closes: time

    @property
    def day_length(self) -> timedelta:
        return datetime.combine(date.min, self.closes) - datetime.combine(date.min, self.opens)


@lru_cache(maxsize=8)
def parse_hours(text: str) -> ClinicHours:
    """Read "Mon-Fri 08:00-17:00" (also "Mon,Wed,Fri 09:00-13:00")."""
    match = HOURS_RE.match(text or "")
    if not match:
        raise ConfigError(f"CLINIC_HOURS: expected e.g. 'Mon-Fri 08:00-17:00', got {text!r}")
    days: set[int] = set()
    for part in match["days"].replace(" ", "").lower().split(","):
        ends = part.split("-")
        if any(end not in DAY_NAMES for end in ends) or len(ends) > 2:
            raise ConfigError(f"CLINIC_HOURS: unknown day in {text!r}")
        first, last = DAY_NAMES.index(ends[0]), DAY_NAMES.index(ends[-1])
        if last < first:
            raise ConfigError(f"CLINIC_HOURS: day range runs backwards in {text!r}")
        days.update(range(first, last + 1))
    try:
        opens = time.fromisoformat(match["open"].zfill(5))
        closes = time.fromisoformat(match["close"].zfill(5))
    except ValueError as exc:
        raise ConfigError(f"CLINIC_HOURS: invalid time in {text!r}") from exc
    if closes <= opens:
        raise ConfigError(f"CLINIC_HOURS: closing time must be after opening in {text!r}")
    return ClinicHours(frozenset(days), opens, closes)


def clinic_hours() -> ClinicHours:
    text = current_app.config.get("CLINIC_HOURS") if has_app_context() else None
    return parse_hours(text or DEFAULT_HOURS)


# --- holidays -------------------------------------------------------------------------------


@lru_cache(maxsize=2)
def holiday_rules(path: Path = HOLIDAYS_FILE) -> dict[str, Any]:
    with path.open(encoding="utf-8") as handle:
        data = yaml.safe_load(handle)
    if not isinstance(data, dict) or not isinstance(data.get("holidays"), list):
        raise ConfigError(f"{path.name}: expected a mapping with a 'holidays' list")
    return data


def _rule_date(rule: dict[str, Any], year: int) -> date:
    month = int(rule["month"])
    if "day" in rule:
        return date(year, month, int(rule["day"]))
    weekday = DAY_NAMES.index(str(rule["weekday"]).lower()[:3])
    nth = int(rule["nth"])
    days = [
        d
        for d in range(1, calendar.monthrange(year, month)[1] + 1)
        if date(year, month, d).weekday() == weekday
    ]
    return date(year, month, days[nth - 1 if nth > 0 else nth])


def observed(day: date) -> date:
    """AS 44.12.020: Saturday's holiday is kept on the Friday, Sunday's on the Monday."""
    if day.weekday() == 5:
        return day - timedelta(days=1)
    if day.weekday() == 6:
        return day + timedelta(days=1)
    return day


@lru_cache(maxsize=64)
def holidays_in(year: int, path: Path = HOLIDAYS_FILE) -> dict[date, str]:
    """Observed holiday dates falling in ``year`` (a Jan 1 on Saturday lands on Dec 31)."""
    data = holiday_rules(path)
    found: dict[date, str] = {}
    for rule_year in (year - 1, year, year + 1):
        for rule in data["holidays"]:
            day = observed(_rule_date(rule, rule_year))
            if day.year == year:
                found[day] = str(rule["name"])
    for text, name in (data.get("closures") or {}).items():
        day = text if isinstance(text, date) else date.fromisoformat(str(text))
        if day.year == year:
            found[day] = str(name)
    for text in data.get("open_days") or []:
        day = text if isinstance(text, date) else date.fromisoformat(str(text))
        found.pop(day, None)
    return dict(sorted(found.items()))


def holiday_name(day: date) -> str | None:
    return holidays_in(day.year).get(day)


def is_business_day(day: date, hours: ClinicHours | None = None) -> bool:
    hours = hours or clinic_hours()
    return day.weekday() in hours.days and holiday_name(day) is None


# --- business time --------------------------------------------------------------------------


def _opening(day: date, hours: ClinicHours, zone: ZoneInfo) -> tuple[datetime, datetime]:
    return (
        datetime.combine(day, hours.opens, tzinfo=zone),
        datetime.combine(day, hours.closes, tzinfo=zone),
    )


def add_business_time(
    start: datetime,
    amount: timedelta,
    hours: ClinicHours | None = None,
    zone: ZoneInfo | None = None,
) -> datetime:
    """The UTC moment ``amount`` of opening time after ``start`` (out of hours: next opening)."""
    hours = hours or clinic_hours()
    zone = zone or clinic_zone()
    local = start.astimezone(zone)
    remaining = amount
    day = local.date()
    for _ in range(MAX_DAYS_SCANNED):
        if is_business_day(day, hours):
            opens, closes = _opening(day, hours, zone)
            begin = max(opens, local)
            if begin < closes:
                available = closes - begin
                if remaining <= available:
                    return (begin + remaining).astimezone(UTC)
                remaining -= available
        day += timedelta(days=1)
    raise ConfigError("CLINIC_HOURS / holidays: no opening found within a year")


def business_time_between(
    start: datetime,
    end: datetime,
    hours: ClinicHours | None = None,
    zone: ZoneInfo | None = None,
) -> timedelta:
    """Opening time between two moments (negative when ``end`` is before ``start``)."""
    if end < start:
        return -business_time_between(end, start, hours, zone)
    hours = hours or clinic_hours()
    zone = zone or clinic_zone()
    local_start, local_end = start.astimezone(zone), end.astimezone(zone)
    total = timedelta(0)
    day = local_start.date()
    while day <= local_end.date():
        if is_business_day(day, hours):
            opens, closes = _opening(day, hours, zone)
            begin, finish = max(opens, local_start), min(closes, local_end)
            if finish > begin:
                total += finish - begin
        day += timedelta(days=1)
    return total


# --- the clock ------------------------------------------------------------------------------


def due_at(received: datetime, urgency: str) -> datetime:
    """When a first response is due (UTC)."""
    if urgency == "emergency":
        return received.astimezone(UTC) + EMERGENCY_WINDOW
    hours = clinic_hours()
    days = BUSINESS_DAYS.get(urgency, BUSINESS_DAYS["routine"])
    return add_business_time(received, hours.day_length * days, hours)


@dataclass(frozen=True)
class ResponseClock:
    """Where an enquiry stands against its response target."""

    due: datetime  # UTC
    state: str  # running | overdue | met | late
    left: timedelta  # time left (business time except for emergencies); negative: overdue by
    business: bool  # whether ``left`` counts opening hours only

    @property
    def overdue(self) -> bool:
        return self.state in {"overdue", "late"}

    @property
    def label(self) -> str:
        if self.state == "met":
            return "Answered in time"
        if self.state == "late":
            return "Answered late"
        amount = format_duration(abs(self.left))
        suffix = " of clinic time" if self.business else ""
        if self.state == "overdue":
            return f"Overdue by {amount}{suffix}"
        return f"{amount}{suffix} left"


def format_duration(amount: timedelta) -> str:
    minutes = int(amount.total_seconds() // 60)
    days, minutes = divmod(minutes, 60 * 24)
    hours, minutes = divmod(minutes, 60)
    if days:
        return f"{days} d {hours} h"
    if hours:
        return f"{hours} h {minutes:02d} min"
    return f"{minutes} min"


def response_clock(
    received: datetime,
    urgency: str,
    now: datetime,
    first_response_at: datetime | None = None,
) -> ResponseClock:
    """The clock for one enquiry at ``now``."""
    due = due_at(received, urgency)
    business = urgency != "emergency"
    if first_response_at is not None:
        state = "met" if first_response_at <= due else "late"
        return ResponseClock(due, state, due - first_response_at, business)
    if now >= due:
        # Overdue counts wall-clock time: "overdue by 0 min of clinic time" on a Saturday
        # would hide how long the patient has waited.
        return ResponseClock(due, "overdue", due - now, False)
    left = business_time_between(now, due) if business else due - now
    return ResponseClock(due, "running", left, business)
