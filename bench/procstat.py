"""CPU accounting from /proc, the one figure neighbours on a shared machine do not distort.

- `tree_cpu(pid)`: CPU seconds of a process and all its descendants, including the children it
  has already reaped (a gunicorn worker recycled after --max-requests is still counted).
- `busy_cpu()`: CPU seconds the whole machine spent busy, from /proc/stat.
- `Meter`: both, around one measurement; what is busy but not ours is the foreign load.
"""

import os
import resource
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass

TICK = float(os.sysconf("SC_CLK_TCK"))


def _stat_fields(pid: int) -> list[str] | None:
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as handle:
            raw = handle.read()
    except OSError:
        return None
    # The command name may hold spaces and parentheses: split after the last ')'.
    return raw[raw.rfind(")") + 2 :].split()


def process_cpu(pid: int) -> float:
    """utime + stime + cutime + cstime of one process, in seconds (0 if it is gone)."""
    fields = _stat_fields(pid)
    if fields is None:
        return 0.0
    # fields[0] is field 3 (state) of proc(5): utime is 14, stime 15, cutime 16, cstime 17.
    return sum(int(value) for value in fields[11:15]) / TICK


def _parents() -> dict[int, int]:
    parents = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            fields = _stat_fields(int(entry))
            if fields is not None:
                parents[int(entry)] = int(fields[1])
    return parents


def descendants(root: int) -> set[int]:
    parents = _parents()
    found = {root}
    grew = True
    while grew:
        grew = False
        for pid, parent in parents.items():
            if parent in found and pid not in found:
                found.add(pid)
                grew = True
    return found


def tree_cpu(roots: Iterable[int]) -> float:
    pids: set[int] = set()
    for root in roots:
        pids |= descendants(root)
    return sum(process_cpu(pid) for pid in pids)


def busy_cpu() -> float:
    """Seconds of CPU the machine spent busy (every core), from the first line of /proc/stat."""
    with open("/proc/stat", encoding="ascii") as handle:
        values = [int(value) for value in handle.readline().split()[1:]]
    user, nice, system, _idle, _iowait, irq, softirq, steal = values[:8]
    return (user + nice + system + irq + softirq + steal) / TICK


def own_cpu() -> float:
    """This process (all threads) plus the children it has reaped (wrk runs)."""
    total = 0.0
    for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN):
        usage = resource.getrusage(who)
        total += usage.ru_utime + usage.ru_stime
    return total


@dataclass(frozen=True, slots=True)
class Usage:
    seconds: float  # wall time
    app: float  # CPU seconds of the server (and worker) processes
    db: float  # CPU seconds of our PostgreSQL backends
    client: float  # CPU seconds of the load generators (wrk, this harness)
    busy: float  # CPU seconds the whole machine was busy

    @property
    def foreign_cores(self) -> float:
        """Cores busy with work that is not this benchmark's, on average over the window."""
        return max(0.0, self.busy - self.app - self.db - self.client) / max(self.seconds, 1e-9)


class Meter:
    """CPU of the app, the database and the machine between `start()` and `stop()`."""

    def __init__(
        self, app_roots: Callable[[], list[int]], db_pids: Callable[[], list[int]]
    ) -> None:
        self.app_roots = app_roots
        self.db_pids = db_pids
        self._start: tuple[float, float, dict[int, float], float, float] | None = None

    def _db(self) -> dict[int, float]:
        return {pid: process_cpu(pid) for pid in self.db_pids()}

    def start(self) -> None:
        self._start = (
            time.monotonic(),
            tree_cpu(self.app_roots()),
            self._db(),
            own_cpu(),
            busy_cpu(),
        )

    def stop(self) -> Usage:
        assert self._start is not None, "Meter.stop() without start()"
        wall, app, db, client, busy = self._start
        db_now = self._db()
        # A backend that appeared during the window did all its work inside it.
        db_delta = sum(cpu - db.get(pid, 0.0) for pid, cpu in db_now.items())
        return Usage(
            seconds=time.monotonic() - wall,
            app=tree_cpu(self.app_roots()) - app,
            db=max(0.0, db_delta),
            client=own_cpu() - client,
            busy=busy_cpu() - busy,
        )


def wait_for_quiet(
    meter: Meter, *, below: float, max_wait: float, sample: float = 1.0
) -> tuple[float, float]:
    """Wait until foreign load is under `below` cores; return (seconds waited, last foreign)."""
    began = time.monotonic()
    while True:
        meter.start()
        time.sleep(sample)
        foreign = meter.stop().foreign_cores
        waited = time.monotonic() - began
        if foreign < below or waited >= max_wait:
            return waited, foreign
