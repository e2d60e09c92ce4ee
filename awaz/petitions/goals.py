"""The goal ladder: "N have signed. Let's get to M!"

The next goal is never stored; it derives from the count. It is the organizer's first goal until
that is reached, then the next rung of LADDER above the count, then whole millions.
"""

from dataclasses import dataclass

LADDER: tuple[int, ...] = (
    100, 500, 1_000, 5_000, 10_000, 50_000, 100_000, 500_000, 1_000_000,
)  # fmt: skip
MILLION = 1_000_000


@dataclass(frozen=True, slots=True)
class Progress:
    count: int
    goal: int

    @property
    def percent(self) -> int:
        """How far along to the next goal, 0-100, for the progress bar."""
        return min(100, self.count * 100 // self.goal)


def next_goal(count: int, first_goal: int) -> int:
    """The smallest goal above `count`: the first goal, a rung of LADDER, or a whole million."""
    if count < first_goal:
        return first_goal
    for rung in LADDER:
        if rung > count:
            return rung
    return (count // MILLION + 1) * MILLION


def progress(count: int, first_goal: int) -> Progress:
    return Progress(count=count, goal=next_goal(count, first_goal))
