"""A bar chart of signatures per day as plain SVG shapes, drawn on the server: no JavaScript,
no outside library, readable by a screen reader through the table that goes with it.

The chart has axes: a vertical scale of round steps (1, 2, 5 times a power of ten) from 0 to
at least the largest day, and at most four dates under the bars. Bars are never wider than
MAX_BAR, so a chart of one or two days shows bars, not a solid block.
"""

import datetime
import math
from dataclasses import dataclass

WIDTH = 400
HEIGHT = 220
LEFT = 52  # room for the scale's numbers
BOTTOM = 24  # room for the dates
TOP = 10
RIGHT = 12
GAP = 1
MAX_BAR = 32
MAX_DATES = 4


@dataclass(frozen=True, slots=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    day: datetime.date
    count: int


@dataclass(frozen=True, slots=True)
class Tick:
    """A line of the scale (value, at height y) or a date under the bars (at x, anchored)."""

    position: float
    value: int = 0
    day: datetime.date | None = None
    anchor: str = "middle"


@dataclass(frozen=True, slots=True)
class Chart:
    bars: list[Bar]
    largest: int
    first: datetime.date | None
    last: datetime.date | None
    scale: list[Tick]
    dates: list[Tick]
    width: int = WIDTH
    height: int = HEIGHT
    left: int = LEFT
    right: int = WIDTH - RIGHT
    bottom: int = HEIGHT - BOTTOM
    top: int = TOP


def nice_step(largest: int, *, lines: int = 4) -> int:
    """The smallest round step (1, 2 or 5 times a power of ten) drawing `largest` in `lines`."""
    rough = max(largest, 1) / lines
    power = 10 ** math.floor(math.log10(rough)) if rough >= 1 else 1
    for factor in (1, 2, 5, 10):
        step = max(int(factor * power), 1)
        if step * lines >= largest:
            return step
    return 10 * power  # pragma: no cover - 10 × power always suffices


def _date_indexes(count: int) -> list[int]:
    if count <= MAX_DATES:
        return list(range(count))
    return sorted({round(i * (count - 1) / (MAX_DATES - 1)) for i in range(MAX_DATES)})


def bar_chart(series: list[tuple[datetime.date, int]]) -> Chart:
    """Bars on a round scale from 0, oldest on the left."""
    if not series:
        return Chart(bars=[], largest=0, first=None, last=None, scale=[], dates=[])
    largest = max(count for _day, count in series)
    step = nice_step(largest)
    top_value = step * max(math.ceil(largest / step), 1)
    plot_width = WIDTH - LEFT - RIGHT
    plot_height = HEIGHT - TOP - BOTTOM
    slot = plot_width / len(series)
    width = min(max(slot - GAP, 1), MAX_BAR)
    bars = []
    for index, (day, count) in enumerate(series):
        height = plot_height * count / top_value
        bars.append(
            Bar(
                x=round(LEFT + index * slot + (slot - width) / 2, 2),
                y=round(TOP + plot_height - height, 2),
                width=round(width, 2),
                height=round(height, 2),
                day=day,
                count=count,
            )
        )
    scale = [
        Tick(position=round(TOP + plot_height - plot_height * value / top_value, 2), value=value)
        for value in range(0, top_value + 1, step)
    ]
    indexes = _date_indexes(len(series))
    dates = []
    for index in indexes:
        centre = bars[index].x + bars[index].width / 2
        anchor = "middle"
        if len(indexes) > 1 and index == indexes[0]:
            anchor, centre = "start", LEFT
        elif len(indexes) > 1 and index == indexes[-1]:
            anchor, centre = "end", WIDTH - RIGHT
        dates.append(Tick(position=round(centre, 2), day=series[index][0], anchor=anchor))
    return Chart(
        bars=bars,
        largest=largest,
        first=series[0][0],
        last=series[-1][0],
        scale=scale,
        dates=dates,
    )
