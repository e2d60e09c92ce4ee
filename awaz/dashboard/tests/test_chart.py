"""The statistics chart: a round scale from 0 for any range, dates under the bars, and bars
that stay bars on a one-day chart."""

import datetime

from hypothesis import given
from hypothesis import strategies as st

from awaz.dashboard.chart import MAX_BAR, MAX_DATES, bar_chart, nice_step

DAY = datetime.date(2026, 12, 3)


def series(counts: list[int]) -> list[tuple[datetime.date, int]]:
    return [(DAY + datetime.timedelta(days=index), count) for index, count in enumerate(counts)]


def test_a_one_day_chart_is_a_bar_on_a_scale_not_a_solid_block():
    chart = bar_chart(series([1234]))
    [bar] = chart.bars
    assert bar.width == MAX_BAR
    assert [tick.value for tick in chart.scale] == [0, 500, 1000, 1500]
    assert [tick.day for tick in chart.dates] == [DAY]


def test_dates_are_at_most_four_first_and_last_included():
    chart = bar_chart(series([3] * 90))
    days = [tick.day for tick in chart.dates]
    assert len(days) == MAX_DATES
    assert days[0] == DAY and days[-1] == DAY + datetime.timedelta(days=89)


@given(st.lists(st.integers(min_value=0, max_value=10**7), min_size=1, max_size=400))
def test_the_scale_is_round_and_covers_every_day(counts):
    chart = bar_chart(series(counts))
    values = [tick.value for tick in chart.scale]
    step = values[1] - values[0]
    assert values[0] == 0 and values[-1] >= max(counts)
    assert 2 <= len(values) <= 6
    assert str(step).rstrip("0") in {"1", "2", "5"}
    assert all(chart.top - 0.01 <= bar.y <= chart.bottom + 0.01 for bar in chart.bars)
    assert all(bar.width <= MAX_BAR for bar in chart.bars)


def test_nice_steps():
    assert [nice_step(n) for n in (0, 1, 4, 5, 9, 37, 1234)] == [1, 1, 1, 2, 5, 10, 500]
