"""What a session measured and checked, as plain data a report can be written from."""

import json
import math
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any


@dataclass
class Run:
    """One measurement: a scenario on one server and database."""

    server: str  # "gunicorn", "granian", or "-" (the e-mail worker needs no web server)
    database: str  # "sqlite" or "postgresql"
    scenario: str  # a key of report.SCENARIOS
    requests: int  # answered as expected (303 for signing and confirming, 200 for pages)
    seconds: float
    rps: float
    p50_ms: float
    p99_ms: float
    errors: int  # anything else: other statuses, socket errors, time-outs, no answer
    app_cpu_ms: float  # server (and worker) CPU per request, from /proc
    db_cpu_ms: float | None  # PostgreSQL backends' CPU per request; None on SQLite
    foreign_cores: float  # load on the machine that was not ours, during the run
    waited_s: float  # how long the run waited for that load to drop first
    extra: dict[str, float] = field(default_factory=dict)


@dataclass
class Check:
    server: str
    database: str
    name: str
    ok: bool
    detail: str


@dataclass
class Session:
    database: str
    runs: list[Run] = field(default_factory=list)
    checks: list[Check] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def check(self, server: str, name: str, ok: bool, detail: str) -> bool:
        self.checks.append(Check(server, self.database, name, ok, detail))
        print(f"  [{'ok' if ok else 'FAILED'}] {server} {self.database}: {name}: {detail}")
        return ok

    def dump(self, path: Path) -> None:
        def clean(value: Any) -> Any:
            if isinstance(value, float) and not math.isfinite(value):
                return None
            if isinstance(value, dict):
                return {key: clean(item) for key, item in value.items()}
            if isinstance(value, list):
                return [clean(item) for item in value]
            return value

        path.write_text(json.dumps(clean(asdict(self)), indent=1), encoding="utf-8")

    @classmethod
    def load(cls, path: Path) -> "Session":
        raw = json.loads(path.read_text(encoding="utf-8"))
        return cls(
            database=raw["database"],
            runs=[Run(**run) for run in raw["runs"]],
            checks=[Check(**check) for check in raw["checks"]],
            notes=raw["notes"],
        )
