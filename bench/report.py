"""The report: measurements, DESIGN §8's targets with a verdict each, and the checks."""

import math
from dataclasses import dataclass

from bench.results import Check, Run, Session

SCENARIOS = {
    "hello": "Bare Django `hello` view, c=8",
    "page-cached-0": "1. Petition page, anonymous (cached), 0 signatures, c=8",
    "page-cached-1m": "1. Petition page, anonymous (cached), 1M signatures, c=8",
    "page-uncached-0": "1. Petition page, with a session (rendered), 0 signatures, c=8",
    "page-uncached-1m": "1. Petition page, with a session (rendered), 1M signatures, c=8",
    "sign-c8": "2. Sign POST, c=8",
    "sign-c32": "2. Sign POST, c=32",
    "surge-one": "3. Confirm at 200/s (open loop), one petition",
    "surge-spread": "3. Confirm at 200/s (open loop), 100 petitions",
    "surge-c32-one": "3+. Confirm, closed loop c=32, one petition (capacity)",
    "surge-c32-spread": "3+. Confirm, closed loop c=32, 100 petitions (capacity)",
    "mix-readers-alone": "4. Readers alone, c=16",
    "mix-signers-alone": "4. Signers alone, c=8",
    "mix-readers": "4. Readers in the mix (16)",
    "mix-signers": "4. Signers in the mix (8)",
    "mix-confirm": "4. Confirmations in the mix (33/s open loop)",
    "mix-open-readers": "4+. Readers (16) while signatures arrive at 100/s",
    "mix-open-signers": "4+. Signatures at 100/s (open loop) among 16 readers",
    "email": "5. E-mails from one worker to a local SMTP sink",
}


@dataclass(frozen=True, slots=True)
class Target:
    number: str
    name: str
    server: str
    database: str
    value: float | None  # None: not measured
    goal: float
    floor: float | None  # None: informative only, never fails the run
    higher_is_better: bool
    unit: str
    noisy: bool

    def _meets(self, bound: float) -> bool:
        assert self.value is not None
        return self.value >= bound if self.higher_is_better else self.value <= bound

    @property
    def verdict(self) -> str:
        if self.value is None or math.isnan(self.value):
            return "not measured"
        if self._meets(self.goal):
            text = "met"
        elif self.floor is None:
            text = "missed (informative)"
        elif self._meets(self.floor):
            text = "below goal, above floor"
        else:
            text = "**MISSED**"
        return text + (" (noisy)" if self.noisy else "")

    @property
    def failed(self) -> bool:
        if self.floor is None or self.value is None or math.isnan(self.value):
            return False
        return not self._meets(self.floor)


def _fmt(value: float | None, unit: str) -> str:
    if value is None or math.isnan(value):
        return "n/a"
    if unit == "%":
        return f"{value * 100:.1f}%"
    if unit == "x":
        return f"{value:.2f}x"
    if unit == "ms":
        return f"{value:.1f} ms"
    if unit == "/min":
        return f"{value:,.0f}/min"
    if unit == "s":
        return f"{value:.1f} s"
    if unit == "rows/s":
        return f"{value:,.0f} rows/s"
    return f"{value:,.2f} {unit}"


Metric = tuple[str, str]  # (scenario, "rps" / "p99_ms" / a key of Run.extra)


@dataclass(frozen=True, slots=True)
class Goal:
    number: str
    name: str
    first: Metric
    second: Metric | None  # None: the first metric alone
    combine: str  # "ratio" (first / second), "sum", or "value"
    goal: float
    floor: float | None
    unit: str
    higher_is_better: bool = True


def _web_goals(postgres: bool) -> list[Goal]:
    hello: Metric = ("hello", "rps")
    goals = []
    for label, count in (("0", "0"), ("1m", "1M")):
        goals.append(
            Goal(
                "1",
                f"cached page, {count} signatures / hello",
                (f"page-cached-{label}", "rps"),
                hello,
                "ratio",
                0.50,
                0.50,
                "%",
            )
        )
    for label, count in (("0", "0"), ("1m", "1M")):
        goals.append(
            Goal(
                "1",
                f"rendered page, {count} signatures / hello",
                (f"page-uncached-{label}", "rps"),
                hello,
                "ratio",
                0.15,
                0.15,
                "%",
            )
        )
    for kind in ("cached", "uncached"):
        goals.append(
            Goal(
                "1",
                f"{kind} page req/s, 1M / 0 signatures (within 10%)",
                (f"page-{kind}-1m", "rps"),
                (f"page-{kind}-0", "rps"),
                "ratio",
                0.90,
                0.90,
                "x",
            )
        )
    for connections in (8, 32):
        goals.append(
            Goal(
                "2",
                f"signing c={connections} / hello",
                (f"sign-c{connections}", "rps"),
                hello,
                "ratio",
                0.15,
                0.10,
                "%",
            )
        )
    goals.append(
        Goal(
            "2",
            "signing p99 at c=32",
            ("sign-c32", "p99_ms"),
            None,
            "value",
            100.0,
            100.0,
            "ms",
            higher_is_better=False,
        )
    )
    if postgres:
        for label in ("one", "spread"):
            goals.append(
                Goal(
                    "3",
                    f"confirm surge p99, {label} (200/s, open loop)",
                    (f"surge-{label}", "p99_ms"),
                    None,
                    "value",
                    100.0,
                    100.0,
                    "ms",
                    higher_is_better=False,
                )
            )
        goals.append(
            Goal(
                "3",
                "confirm throughput, one / spread (200/s)",
                ("surge-one", "achieved_rps"),
                ("surge-spread", "achieved_rps"),
                "ratio",
                0.90,
                0.90,
                "x",
            )
        )
        goals.append(
            Goal(
                "3+",
                "confirm capacity, one / spread (closed loop c=32)",
                ("surge-c32-one", "rps"),
                ("surge-c32-spread", "rps"),
                "ratio",
                0.90,
                None,
                "x",
            )
        )
    for side in ("readers", "signers"):
        goals.append(
            Goal(
                "4",
                f"{side} in the mix / alone",
                (f"mix-{side}", "fraction"),
                None,
                "value",
                0.70,
                0.70,
                "%",
            )
        )
    goals.append(
        Goal(
            "4",
            "readers + signers fractions (sharing 2 cores: about 1 at best)",
            ("mix-readers", "fraction"),
            ("mix-signers", "fraction"),
            "sum",
            1.40,
            None,
            "x",
        )
    )
    goals.append(
        Goal(
            "4+",
            "readers while signatures arrive at 100/s / alone",
            ("mix-open-readers", "fraction"),
            None,
            "value",
            0.70,
            None,
            "%",
        )
    )
    goals.append(
        Goal(
            "4+",
            "p99 of signatures arriving at 100/s among readers",
            ("mix-open-signers", "p99_ms"),
            None,
            "value",
            100.0,
            None,
            "ms",
            higher_is_better=False,
        )
    )
    goals.append(
        Goal(
            "4",
            "shown count behind the true count (interval + cache period)",
            ("mix-readers", "lag_s"),
            None,
            "value",
            10.0,
            None,
            "s",
            higher_is_better=False,
        )
    )
    return goals


EMAIL = Goal("5", "e-mails per minute, one worker", ("email", "per_minute"), None, "value",
             5000.0, 5000.0, "/min")  # fmt: skip
EXPORT = "export 1M signatures to CSV: a later feature, not built yet (placeholder)"


DATABASE_ORDER = ("sqlite", "postgresql")
SERVER_ORDER = ("gunicorn", "granian", "-")


def _order(where: tuple[str, str]) -> tuple[int, int]:
    database, server = where
    return DATABASE_ORDER.index(database), SERVER_ORDER.index(server)


def targets(runs: list[Run], noisy_above: float) -> list[Target]:
    by_key = {(run.server, run.database, run.scenario): run for run in runs}
    found: list[Target] = []

    def evaluate(goal: Goal, server: str, database: str) -> Target:
        def metric(which: Metric) -> float | None:
            run = by_key.get((server, database, which[0]))
            if run is None:
                return None
            value = run.extra.get(which[1]) if which[1] in run.extra else getattr(run, which[1])
            return None if value is None else float(value)

        first = metric(goal.first)
        second = metric(goal.second) if goal.second else None
        value: float | None = first
        if goal.combine != "value":
            if first is None or second is None:
                value = None
            elif goal.combine == "sum":
                value = first + second
            else:
                value = first / second if second else math.nan
        scenarios = [goal.first[0]] + ([goal.second[0]] if goal.second else [])
        if goal.first[1] == "fraction":
            scenarios.append(goal.first[0] + "-alone")
        used = [by_key.get((server, database, scenario)) for scenario in scenarios]
        noisy = any(run is not None and run.foreign_cores >= noisy_above for run in used)
        return Target(goal.number, goal.name, server, database, value, goal.goal, goal.floor,
                      goal.higher_is_better, goal.unit, noisy)  # fmt: skip

    places = sorted({(run.database, run.server) for run in runs}, key=_order)
    for database, server in places:
        if server != "-":
            for goal in _web_goals(database == "postgresql"):
                found.append(evaluate(goal, server, database))
    for database, server in places:
        if server == "-":
            found.append(evaluate(EMAIL, "-", database))
    found.append(Target("5", EXPORT, "-", "-", None, 100_000, None, True, "rows/s", False))
    return found


def _cpu(run: Run) -> str:
    if run.db_cpu_ms is None:
        return f"{run.app_cpu_ms:.2f}"
    return f"{run.app_cpu_ms:.2f} + {run.db_cpu_ms:.2f}"


def _ms(value: float | None) -> str:
    return "" if value is None or math.isnan(value) else f"{value:.1f}"


def measurements(runs: list[Run]) -> list[str]:
    lines = []
    groups = sorted({(run.database, run.server) for run in runs}, key=_order)
    for database, server in groups:
        group = [run for run in runs if (run.database, run.server) == (database, server)]
        hello = next((run.rps for run in group if run.scenario == "hello"), None)
        title = "worker only" if server == "-" else server
        lines += [
            "",
            f"### {database}, {title}",
            "",
            "| Scenario | req/s | % of hello | p50 ms | p99 ms | CPU ms/req (app + db) "
            "| errors | foreign load (cores) |",
            "|---|---:|---:|---:|---:|---:|---:|---:|",
        ]
        order = list(SCENARIOS)
        for run in sorted(group, key=lambda r: order.index(r.scenario)):
            share = f"{run.rps / hello * 100:.1f}%" if hello and run.scenario != "email" else ""
            rate = f"{run.rps:,.1f}"
            if run.scenario == "email":
                rate = f"{run.extra['per_minute']:,.0f}/min"
            notes = ""
            if "fraction" in run.extra:
                notes = f" ({run.extra['fraction'] * 100:.0f}% of alone)"
            foreign = f"{run.foreign_cores:.2f}"
            if run.extra.get("attempt", 1) > 1:
                foreign += f" (try {run.extra['attempt']:.0f})"
            lines.append(
                f"| {SCENARIOS.get(run.scenario, run.scenario)}{notes} | {rate} | {share} "
                f"| {_ms(run.p50_ms)} | {_ms(run.p99_ms)} | {_cpu(run)} | {run.errors} "
                f"| {foreign} |"
            )
    return lines


def render(sessions: list[Session], header: list[str], noisy_above: float) -> tuple[str, bool]:
    """The Markdown report, and whether the run passed (no hard floor missed, no check failed)."""
    runs = [run for session in sessions for run in session.runs]
    checks: list[Check] = [check for session in sessions for check in session.checks]
    verdicts = targets(runs, noisy_above)
    lines = [*header, "", "## Measurements"]
    lines += measurements(runs)
    lines += [
        "",
        "CPU ms/req is the server's (and worker's) CPU from /proc, then our PostgreSQL backends'"
        ", per answered request; in the mix it is the CPU of everything divided by all requests.",
        "",
        "## Targets (DESIGN §8)",
        "",
        "| # | Target | Server | Database | Measured | Goal | Hard floor | Verdict |",
        "|---|---|---|---|---:|---:|---:|---|",
    ]
    for target in verdicts:
        floor = "none" if target.floor is None else _fmt(target.floor, target.unit)
        sign = "≥" if target.higher_is_better else "≤"
        lines.append(
            f"| {target.number} | {target.name} | {target.server} | {target.database} "
            f"| {_fmt(target.value, target.unit)} | {sign} {_fmt(target.goal, target.unit)} "
            f"| {floor} | {target.verdict} |"
        )
    lines += ["", "## Correctness checks", ""]
    for check in checks:
        mark = "ok" if check.ok else "**FAILED**"
        lines.append(f"- {mark}: {check.server} {check.database}: {check.name}: {check.detail}")
    failed_targets = [t for t in verdicts if t.failed]
    failed_checks = [c for c in checks if not c.ok]
    notes = [note for session in sessions for note in session.notes]
    if notes:
        lines += ["", "## Notes", "", *[f"- {note}" for note in notes]]
    lines += ["", "## Outcome", ""]
    if not failed_targets and not failed_checks:
        lines.append("PASSED: every hard floor met, every check exact.")
    for target in failed_targets:
        lines.append(
            f"- hard floor missed: {target.number} {target.name} ({target.server}, "
            f"{target.database}): {_fmt(target.value, target.unit)}"
        )
    for check in failed_checks:
        lines.append(f"- check failed: {check.server} {check.database}: {check.name}")
    return "\n".join(lines) + "\n", not failed_targets and not failed_checks
