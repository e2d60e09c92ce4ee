"""What every scenario shares: the running server, the meter, waiting for quiet, recording."""

import asyncio
import http.client
import re
import subprocess
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from django.db import connection

from bench import wrk
from bench.procstat import Meter, Usage, wait_for_quiet
from bench.results import Run, Session
from bench.servers import ROOT, Server

# The harness's own database connections carry this name, so their CPU is never counted as the
# server's (bench/run.py adds it to the harness's DATABASE_URL, not to the servers').
HARNESS_APPLICATION = "awaz-bench-harness"
_CSRF_COOKIE = re.compile(r"csrftoken=([^;]+)")
_CSRF_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
_COUNTER = re.compile(r'class="counter"><strong>([^<]+)</strong>')


def db_backend_pids() -> list[int]:
    """PostgreSQL processes working for this database, other than the harness's own."""
    if connection.vendor != "postgresql":
        return []
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pid FROM pg_stat_activity WHERE datname = current_database() "
            "AND application_name <> %s",
            [HARNESS_APPLICATION],
        )
        return [row[0] for row in cursor.fetchall()]


def shown_count(html: str) -> int | None:
    """The count the petition page shows, whatever the digit grouping."""
    match = _COUNTER.search(html)
    return int(re.sub(r"\D", "", match.group(1))) if match else None


@dataclass
class Bench:
    """One server under test, and how this run measures it."""

    session: Session
    server: Server
    petitions: dict[str, int]
    seconds: float
    warmup: float
    quiet_below: float
    max_wait: float
    env: dict[str, str]
    workdir: Path
    retries: int = 2
    worker_pids: list[int] = field(default_factory=list)
    xff_next: int = 0  # the next unused client network for signers
    sign_runs: int = 0
    batches: int = 0  # batches of pending signatures made so far (their tags differ)

    @property
    def database(self) -> str:
        return self.session.database

    @property
    def on_postgres(self) -> bool:
        return self.database == "postgresql"

    def meter(self) -> Meter:
        return Meter(lambda: [self.server.pid, *self.worker_pids], db_backend_pids)

    def quiet(self) -> float:
        """Wait for foreign load to drop (research/performance-anchors.md §2)."""
        waited, foreign = wait_for_quiet(
            self.meter(), below=self.quiet_below, max_wait=self.max_wait
        )
        if foreign >= self.quiet_below:
            print(f"    (foreign load still {foreign:.2f} cores after {waited:.0f} s; measuring)")
        return waited

    def attempt(self, measure: Callable[[], object]) -> None:
        """Run `measure` (which records runs); repeat it while neighbours were busy meanwhile.

        Up to `retries` more times, when foreign load during a run reached --quiet-below; the
        attempt with the least foreign load is kept (research/performance-anchors.md §2: runs
        with noticeable foreign load are left out). Checks from every attempt are kept.
        """
        kept: list[Run] = []
        for number in range(1, self.retries + 2):
            first = len(self.session.runs)
            measure()
            runs = self.session.runs[first:]
            del self.session.runs[first:]
            worst = max((run.foreign_cores for run in runs), default=0.0)
            if not kept or worst < max(run.foreign_cores for run in kept):
                kept = runs
                for run in kept:
                    run.extra["attempt"] = number
            if worst < self.quiet_below or number > self.retries:
                break
            print(f"    (foreign load reached {worst:.2f} cores during that run: again)")
        self.session.runs += kept

    def latest(self, scenario: str) -> Run:
        """The run kept for `scenario` on this server."""
        return next(
            run
            for run in reversed(self.session.runs)
            if run.scenario == scenario and run.server == self.server.name
        )

    def tag(self, kind: str) -> str:
        """A new tag (at most 16 characters) for a batch of pending signatures."""
        self.batches += 1
        return f"{kind}{self.server.name[:2]}{self.batches}"

    def get(self, path: str, headers: dict[str, str] | None = None) -> tuple[int, str, list[str]]:
        """One GET: status, body and Set-Cookie headers."""
        client = http.client.HTTPConnection("127.0.0.1", self.server.port, timeout=30)
        try:
            client.request("GET", path, headers=headers or {})
            response = client.getresponse()
            body = response.read().decode("utf-8", errors="replace")
            return response.status, body, response.headers.get_all("Set-Cookie") or []
        finally:
            client.close()

    def csrf(self, path: str) -> tuple[str, str]:
        """The CSRF cookie and form token a reader gets with the petition page."""
        status, body, cookies = self.get(path)
        cookie = next((m.group(1) for c in cookies if (m := _CSRF_COOKIE.search(c))), None)
        token = _CSRF_FIELD.search(body)
        if status != 200 or cookie is None or token is None:
            raise RuntimeError(f"no CSRF cookie and token from {path} (status {status})")
        return cookie, token.group(1)

    def record(
        self,
        scenario: str,
        *,
        requests: int,
        seconds: float,
        p50: float | None,
        p99: float | None,
        errors: int,
        usage: Usage,
        waited: float,
        cpu_requests: int | None = None,
        extra: dict[str, float] | None = None,
    ) -> Run:
        per = max(cpu_requests if cpu_requests is not None else requests, 1)
        run = Run(
            server=self.server.name,
            database=self.database,
            scenario=scenario,
            requests=requests,
            seconds=seconds,
            rps=requests / seconds if seconds else 0.0,
            p50_ms=float("nan") if p50 is None else p50,
            p99_ms=float("nan") if p99 is None else p99,
            errors=errors,
            app_cpu_ms=usage.app * 1000 / per,
            db_cpu_ms=usage.db * 1000 / per if self.on_postgres else None,
            foreign_cores=usage.foreign_cores,
            waited_s=waited,
            extra=extra or {},
        )
        self.session.runs.append(run)
        if errors:
            self.session.check(
                self.server.name, f"{scenario}: zero errors", False, f"{errors} errors"
            )
        db = f" + {run.db_cpu_ms:.2f} db" if run.db_cpu_ms is not None else ""
        print(
            f"    {scenario:<22} {run.rps:9.1f}/s  p50 {run.p50_ms:7.2f} ms  "
            f"p99 {run.p99_ms:7.2f} ms  cpu {run.app_cpu_ms:.2f}{db} ms/req  "
            f"errors {errors}  foreign {run.foreign_cores:.2f}"
        )
        return run

    def wrk_run(
        self, scenario: str, path: str, *, connections: int, headers: Sequence[str] = ()
    ) -> Run:
        """Warm up, then measure one closed-loop GET with wrk."""
        url = self.server.base + path
        waited = self.quiet()
        asyncio.run(wrk.run(url, connections=connections, seconds=self.warmup, headers=headers))
        meter = self.meter()
        meter.start()
        result = asyncio.run(
            wrk.run(url, connections=connections, seconds=self.seconds, headers=headers)
        )
        usage = meter.stop()
        return self.record(
            scenario,
            requests=result.requests - result.status_errors,
            seconds=result.seconds,
            p50=result.percentiles_ms.get(50),
            p99=result.percentiles_ms.get(99),
            errors=result.status_errors + result.socket_errors,
            usage=usage,
            waited=waited,
        )

    def start_worker(self, *args: str) -> subprocess.Popen[bytes]:
        process = spawn_worker(self.env, self.workdir / "worker.log", *args)
        self.worker_pids.append(process.pid)
        return process


def spawn_worker(env: dict[str, str], log: Path, *args: str) -> subprocess.Popen[bytes]:
    """`manage.py run_worker` with the benchmark's settings, in a process group of its own."""
    with log.open("ab") as log_file:
        return subprocess.Popen(
            [sys.executable, "manage.py", "run_worker", *args],
            cwd=ROOT,
            env=env,
            stdout=log_file,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
