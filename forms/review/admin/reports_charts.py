"""Geometry of the reports dashboard's charts, drawn as inline SVG.

The functions here place rectangles, lines and labels in a fixed view box.
The template eservices/admin/reports/chart.html only writes them out, so
the admin needs no JavaScript or chart library. Coordinates are rounded to
a tenth of a unit, and the template prints them without localisation.
"""

import math
from dataclasses import dataclass, field

from django.utils.formats import number_format

CHART_WIDTH = 720
FONT_SIZE = 13
# SVG text does not wrap, so longer labels are cut; the full label stays in the bar's tooltip and the table.
MAX_LABEL_CHARACTERS = 90


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    width: float
    height: float
    css_class: str
    tooltip: str = ""


@dataclass(frozen=True)
class Label:
    x: float
    y: float
    text: str
    anchor: str = "start"
    css_class: str = "filing-report-chart__label"


@dataclass(frozen=True)
class Line:
    x1: float
    y1: float
    x2: float
    y2: float
    css_class: str = "filing-report-chart__grid"


@dataclass
class Chart:
    """Shapes in a view box of ``width`` × ``height`` units."""

    width: int
    height: int
    rects: list[Rect] = field(default_factory=list)
    lines: list[Line] = field(default_factory=list)
    labels: list[Label] = field(default_factory=list)


@dataclass(frozen=True)
class Segment:
    """A part of a horizontal bar: ``value`` on the chart's scale."""

    value: float
    css_class: str
    tooltip: str = ""


@dataclass(frozen=True)
class BarRow:
    """One horizontal bar: its label above it, its segments, and the text after its end."""

    label: str
    segments: list[Segment]
    end_label: str = ""


@dataclass(frozen=True)
class Column:
    """One vertical bar of a histogram."""

    label: str
    value: int
    css_class: str
    tooltip: str = ""


def nice_ticks(maximum: float, *, target: int = 5, whole: bool = True) -> list[float]:
    """Return evenly spaced axis values from 0 past ``maximum``, stepping by 1, 2 or 5 times a power of ten."""
    if maximum <= 0:
        maximum = 1
    rough_step = maximum / target
    magnitude = 10 ** math.floor(math.log10(rough_step))
    step = next(multiple * magnitude for multiple in (1, 2, 5, 10) if multiple * magnitude >= rough_step)
    if whole:
        step = max(1, round(step))
    count = math.ceil(maximum / step - 1e-9)
    return [round(step * index, 10) for index in range(count + 1)]


def shorten(text: str, limit: int = MAX_LABEL_CHARACTERS) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def horizontal_bars(rows: list[BarRow], ticks: list[float], tick_label=None) -> Chart:
    """Draw one bar per row with its label above it, against vertical grid lines at ``ticks``.

    The bars share the scale 0 to ``ticks[-1]``; a row's segments are stacked
    from the left. ``tick_label`` formats each tick (a localised number by default).
    """
    tick_label = tick_label or number_format
    left, right_space, axis_height = 20, 110, 24
    label_height, bar_height, row_gap = 18, 22, 12
    row_height = label_height + bar_height + row_gap
    plot_width = CHART_WIDTH - left - right_space
    height = axis_height + row_height * len(rows) + 4
    chart = Chart(width=CHART_WIDTH, height=height)
    scale = plot_width / ticks[-1]

    for tick in ticks:
        x = _round(left + tick * scale)
        chart.lines.append(Line(x, axis_height - 4, x, height - 4))
        chart.labels.append(
            Label(x, FONT_SIZE + 2, tick_label(tick), anchor="middle", css_class="filing-report-chart__tick")
        )

    for index, row in enumerate(rows):
        top = axis_height + index * row_height
        bar_top = top + label_height
        chart.labels.append(Label(left, top + FONT_SIZE, shorten(row.label)))

        x = left
        for segment in row.segments:
            width = segment.value * scale
            if width > 0:
                chart.rects.append(
                    Rect(_round(x), bar_top, _round(width), bar_height, segment.css_class, segment.tooltip)
                )
            x += width
        chart.labels.append(Label(_round(x + 6), bar_top + bar_height - 6, row.end_label))
    return chart


def histogram(columns: list[Column], ticks: list[float], axis_title: str) -> Chart:
    """Draw one vertical bar per column with its count above it and its label below."""
    height = 280
    left, right, top, bottom = 48, CHART_WIDTH - 8, 20, height - 48
    chart = Chart(width=CHART_WIDTH, height=height)
    scale = (bottom - top) / ticks[-1]

    for tick in ticks:
        y = _round(bottom - tick * scale)
        chart.lines.append(Line(left, y, right, y))
        chart.labels.append(
            Label(left - 8, y + 4, number_format(tick), anchor="end", css_class="filing-report-chart__tick")
        )

    slot = (right - left) / len(columns)
    bar_width = slot * 0.7
    for index, column in enumerate(columns):
        centre = left + slot * (index + 0.5)
        bar_height = column.value * scale
        if bar_height > 0:
            chart.rects.append(
                Rect(
                    _round(centre - bar_width / 2),
                    _round(bottom - bar_height),
                    _round(bar_width),
                    _round(bar_height),
                    column.css_class,
                    column.tooltip,
                )
            )
            chart.labels.append(
                Label(_round(centre), _round(bottom - bar_height - 5), number_format(column.value), anchor="middle")
            )
        chart.labels.append(Label(_round(centre), bottom + 18, column.label, anchor="middle"))

    chart.labels.append(Label(_round((left + right) / 2), height - 8, axis_title, anchor="middle"))
    return chart


def _round(value: float) -> float:
    return round(value, 1)
