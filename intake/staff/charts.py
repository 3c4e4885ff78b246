"""Chart geometry for server-rendered SVG: numbers in, coordinates and labels out.

No drawing library and no script: these dataclasses hold positions already computed, and
``templates/staff/reports.html`` writes them out as SVG elements with presentation attributes
(``stroke``, ``fill``, ``stroke-dasharray``), never inline styles, so the CSP (``style-src
'self'``) holds. Jinja escapes every label. Each chart carries a title and a description for
its ``<title>``/``<desc>``; the page shows the same numbers in a table beside it.

Series differ by colour and by dash pattern, so they stay apart in greyscale, for colour-blind
readers and in forced-colours mode. Every colour has at least 5:1 contrast on white.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

# (colour, stroke-dasharray): Okabe-Ito hues darkened to >= 5:1 on white.
STYLES: tuple[tuple[str, str], ...] = (
    ("#005a8c", "none"),
    ("#b34700", "8 4"),
    ("#007a5a", "2 3"),
    ("#a8457d", "10 3 2 3"),
    ("#4f5660", "4 4"),
    ("#8a6100", "1 5"),
)
AXIS = "#4f5660"
GRID = "#d9dde2"
TEXT = "#1b1b1b"
FONT = "system-ui, sans-serif"


@dataclass(frozen=True)
class Tick:
    pos: float  # x for a horizontal axis, y for a vertical one
    label: str


@dataclass(frozen=True)
class Marker:
    x: float
    y: float
    label: str  # e.g. "Week of 2 Mar 2026: 12" (a <title> on the point)


@dataclass(frozen=True)
class Series:
    name: str
    colour: str
    dash: str
    points: str  # "x,y x,y ..." for <polyline points>
    markers: tuple[Marker, ...]
    legend_y: float


@dataclass(frozen=True)
class LineChart:
    id: str
    title: str
    desc: str
    width: int
    height: int
    left: float
    top: float
    right: float
    bottom: float
    x_ticks: tuple[Tick, ...]
    y_ticks: tuple[Tick, ...]
    series: tuple[Series, ...]
    legend_x: float
    y_label: str


@dataclass(frozen=True)
class Bar:
    label: str
    value_label: str
    y: float
    length: float
    colour: str


@dataclass(frozen=True)
class BarChart:
    id: str
    title: str
    desc: str
    width: int
    height: int
    left: float  # where bars start (labels sit to the left of it)
    top: float
    right: float
    bottom: float
    bar_height: float
    bars: tuple[Bar, ...]
    x_ticks: tuple[Tick, ...]


def nice_step(maximum: float, target_ticks: int = 5) -> float:
    """A round tick step (1, 2 or 5 times a power of ten) giving about ``target_ticks`` ticks."""
    if maximum <= 0:
        return 1.0
    raw = maximum / target_ticks
    power = 10 ** math.floor(math.log10(raw))
    for multiple in (1, 2, 5, 10):
        if raw <= multiple * power:
            return float(multiple * power)
    return float(10 * power)


def axis_ticks(maximum: float, integer: bool = True) -> tuple[float, list[float]]:
    """The axis top (a whole number of steps at or above the data) and its tick values."""
    step = nice_step(maximum)
    if integer:
        step = max(1.0, round(step))
    top = step * max(1, math.ceil(maximum / step)) if maximum > 0 else step
    count = int(round(top / step))
    return top, [step * i for i in range(count + 1)]


def number_label(value: float) -> str:
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.1f}"


def line_chart(
    chart_id: str,
    title: str,
    desc: str,
    x_labels: Sequence[str],
    series: Sequence[tuple[str, Sequence[int | float]]],
    *,
    point_labels: Sequence[str] | None = None,
    y_label: str = "",
    width: int = 760,
    height: int = 340,
    max_x_ticks: int = 9,
) -> LineChart:
    """Several series over the same x positions (e.g. weeks), with a legend on the right."""
    left, top, legend_width, bottom_space = 52.0, 16.0, 150.0, 44.0
    right = width - legend_width
    bottom = height - bottom_space
    count = len(x_labels)
    peak = max((max(values, default=0) for _, values in series), default=0)
    y_top, y_values = axis_ticks(float(peak))

    def x_at(i: int) -> float:
        if count <= 1:
            return round((left + right) / 2, 1)
        return round(left + (right - left) * i / (count - 1), 1)

    def y_at(value: float) -> float:
        return round(bottom - (bottom - top) * (value / y_top), 1)

    every = max(1, math.ceil(count / max_x_ticks))
    x_ticks = tuple(Tick(x_at(i), x_labels[i]) for i in range(0, count, every))
    y_ticks = tuple(Tick(y_at(v), number_label(v)) for v in y_values)
    names = point_labels or x_labels
    drawn = []
    for n, (name, values) in enumerate(series):
        colour, dash = STYLES[n % len(STYLES)]
        coordinates = [(x_at(i), y_at(float(v))) for i, v in enumerate(values)]
        drawn.append(
            Series(
                name=name,
                colour=colour,
                dash=dash,
                points=" ".join(f"{x},{y}" for x, y in coordinates),
                markers=tuple(
                    Marker(x, y, f"{name}, {names[i]}: {number_label(float(values[i]))}")
                    for i, (x, y) in enumerate(coordinates)
                ),
                legend_y=top + 8 + 22 * n,
            )
        )
    return LineChart(
        id=chart_id,
        title=title,
        desc=desc,
        width=width,
        height=height,
        left=left,
        top=top,
        right=right,
        bottom=bottom,
        x_ticks=x_ticks,
        y_ticks=y_ticks,
        series=tuple(drawn),
        legend_x=right + 16,
        y_label=y_label,
    )


def bar_chart(
    chart_id: str,
    title: str,
    desc: str,
    items: Sequence[tuple[str, float]],
    *,
    value_format: str = "{:,.0f}",
    width: int = 760,
    label_width: float = 240.0,
    bar_height: float = 22.0,
    gap: float = 10.0,
) -> BarChart:
    """Horizontal bars, one per item, labelled on the left and with the value at the end."""
    top, bottom_space, value_space = 8.0, 30.0, 70.0
    left = label_width
    right = width - value_space
    height = int(top + len(items) * (bar_height + gap) + bottom_space)
    peak = max((value for _, value in items), default=0)
    x_top, x_values = axis_ticks(float(peak), integer=float(peak) >= 5)
    bars = []
    for n, (label, value) in enumerate(items):
        length = 0.0 if x_top <= 0 else round((right - left) * (value / x_top), 1)
        bars.append(
            Bar(
                label=label,
                value_label=value_format.format(value),
                y=round(top + n * (bar_height + gap), 1),
                length=max(length, 0.0),
                colour=STYLES[0][0],
            )
        )
    bottom = top + len(items) * (bar_height + gap)
    ticks = tuple(
        Tick(round(left + (right - left) * (v / x_top), 1), number_label(v)) for v in x_values
    )
    return BarChart(
        id=chart_id,
        title=title,
        desc=desc,
        width=width,
        height=height,
        left=left,
        top=top,
        right=right,
        bottom=bottom,
        bar_height=bar_height,
        bars=tuple(bars),
        x_ticks=ticks,
    )
