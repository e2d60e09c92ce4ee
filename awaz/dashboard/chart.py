"""A bar chart of signatures per day as plain SVG shapes, drawn on the server: no JavaScript,
no outside library, readable by a screen reader through the table that goes with it."""

import datetime
from dataclasses import dataclass

WIDTH = 600
HEIGHT = 160
GAP = 1


@dataclass(frozen=True, slots=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    day: datetime.date
    count: int


@dataclass(frozen=True, slots=True)
class Chart:
    bars: list[Bar]
    largest: int
    first: datetime.date | None
    last: datetime.date | None
    width: int = WIDTH
    height: int = HEIGHT


def bar_chart(series: list[tuple[datetime.date, int]]) -> Chart:
    """Bars scaled to the largest day, oldest on the left."""
    if not series:
        return Chart(bars=[], largest=0, first=None, last=None)
    largest = max(count for _day, count in series) or 1
    step = WIDTH / len(series)
    bars = []
    for index, (day, count) in enumerate(series):
        height = HEIGHT * count / largest
        bars.append(
            Bar(
                x=round(index * step, 2),
                y=round(HEIGHT - height, 2),
                width=round(max(step - GAP, 1), 2),
                height=round(height, 2),
                day=day,
                count=count,
            )
        )
    return Chart(bars=bars, largest=largest, first=series[0][0], last=series[-1][0])
