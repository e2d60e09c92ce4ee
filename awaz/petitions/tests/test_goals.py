import pytest

from awaz.petitions.goals import next_goal, progress


@pytest.mark.parametrize(
    ("count", "first_goal", "expected"),
    [
        (0, 500, 500),
        (499, 500, 500),
        (500, 500, 1_000),
        (999, 500, 1_000),
        (1_000, 500, 5_000),
        (5_000, 500, 10_000),
        (10_000, 500, 50_000),
        (50_000, 500, 100_000),
        (100_000, 500, 500_000),
        (500_000, 500, 1_000_000),
        (1_000_000, 500, 2_000_000),
        (2_345_678, 500, 3_000_000),
        (0, 100, 100),
        (100, 100, 500),
        (800, 750, 1_000),
        (0, 2_500_000, 2_500_000),
        (2_500_000, 2_500_000, 3_000_000),
    ],
)
def test_next_goal_follows_the_first_goal_then_the_ladder(count, first_goal, expected):
    assert next_goal(count, first_goal) == expected


def test_next_goal_is_always_above_the_count():
    for count in range(0, 12_000, 7):
        assert next_goal(count, 500) > count


def test_progress_percent_is_capped_and_floored():
    assert progress(0, 500).percent == 0
    assert progress(250, 500).percent == 50
    assert progress(999, 500).percent == 99
