"""Scenario 5: one `manage.py run_worker` sending confirmation e-mails to a local SMTP sink."""

import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from aiosmtpd.controller import Controller
from django.tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from awaz.petitions.models import Petition
from awaz.signatures.services import Origin, Signer, signature_sign
from bench import data
from bench.harness import db_backend_pids, spawn_worker
from bench.procstat import Meter, wait_for_quiet
from bench.results import Run, Session
from bench.servers import free_port, stop


@dataclass
class Sink:
    """Accepts every message and keeps when it arrived, and the first message whole."""

    arrivals: list[float] = field(default_factory=list)
    first: bytes = b""
    lock: threading.Lock = field(default_factory=threading.Lock)

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802
        with self.lock:
            self.arrivals.append(time.monotonic())
            if not self.first:
                self.first = bytes(envelope.content)
        return "250 OK"

    def received(self) -> int:
        with self.lock:
            return len(self.arrivals)


def queue_confirmations(count: int, prefix: str) -> int:
    """Sign `count` times through the real service: each commits a row and its e-mail task."""
    # Leftovers of the signing scenarios are not this scenario's queue.
    DBTaskResult.objects.filter(status=TaskResultStatus.READY).delete()
    petition = Petition.objects.get(slug=data.MAIL)
    for number in range(count):
        signature_sign(
            petition=petition,
            signer=Signer(name="Ann Lee", email=f"{prefix}{number}@example.org", country="DE"),
            language="en",
            origin=Origin(network_digest=""),
        )
    return DBTaskResult.objects.filter(status=TaskResultStatus.READY).count()


def email(
    session: Session,
    env: dict[str, str],
    workdir: Path,
    *,
    count: int,
    quiet_below: float,
    max_wait: float,
    retries: int,
) -> None:
    """Measure; again (up to `retries` times) while neighbours were busy; keep the quietest."""
    kept: Run | None = None
    for attempt in range(1, retries + 2):
        run = _email_once(
            session, env, workdir, count=count, quiet_below=quiet_below, max_wait=max_wait,
            prefix=f"mail{attempt}n",
        )  # fmt: skip
        if run is not None and (kept is None or run.foreign_cores < kept.foreign_cores):
            kept = run
            run.extra["attempt"] = attempt
        if run is None or run.foreign_cores < quiet_below or attempt > retries:
            break
        print(f"    (foreign load reached {run.foreign_cores:.2f} cores during that run: again)")
    if kept is not None:
        session.runs.append(kept)


def _email_once(
    session: Session,
    env: dict[str, str],
    workdir: Path,
    *,
    count: int,
    quiet_below: float,
    max_wait: float,
    prefix: str,
) -> Run | None:
    queued = queue_confirmations(count, prefix)
    done_before = DBTaskResult.objects.filter(status=TaskResultStatus.SUCCESSFUL).count()
    sink = Sink()
    port = free_port()
    controller = Controller(sink, hostname="127.0.0.1", port=port)
    controller.start()
    worker_pids: list[int] = []
    meter = Meter(lambda: worker_pids, db_backend_pids)
    waited, _ = wait_for_quiet(meter, below=quiet_below, max_wait=max_wait)
    meter.start()
    began = time.monotonic()
    worker = spawn_worker(
        {**env, "EMAIL_URL": f"smtp://127.0.0.1:{port}"}, workdir / "mail-worker.log"
    )
    worker_pids.append(worker.pid)
    deadline = began + 60 + queued * 60 / 1000  # even at 1,000 a minute it would be done
    while sink.received() < queued and time.monotonic() < deadline and worker.poll() is None:
        time.sleep(0.05)
    usage = meter.stop()
    exited = worker.poll()
    stop(worker)
    controller.stop()
    received = sink.received()
    successful = (
        DBTaskResult.objects.filter(status=TaskResultStatus.SUCCESSFUL).count() - done_before
    )
    has_link = b"/signatures/confirm/" in sink.first.replace(b"=\r\n", b"")
    session.check(
        "-",
        f"e-mail: all {queued} confirmations sent once, each task successful",
        received == queued == successful == count and has_link,
        f"queued {queued}, received {received}, tasks successful {successful}"
        f", confirm link in the message: {has_link}"
        + (f"; the worker exited early with status {exited}, see its log" if exited else ""),
    )
    if received < 2:
        return None
    first, last = sink.arrivals[0], sink.arrivals[-1]
    per_second = (received - 1) / max(last - first, 1e-9)
    run = Run(
        server="-",
        database=session.database,
        scenario="email",
        requests=received,
        seconds=last - first,
        rps=per_second,
        p50_ms=float("nan"),
        p99_ms=float("nan"),
        errors=queued - received,
        app_cpu_ms=usage.app * 1000 / received,
        db_cpu_ms=usage.db * 1000 / received if session.database == "postgresql" else None,
        foreign_cores=usage.foreign_cores,
        waited_s=waited,
        extra={
            "per_minute": per_second * 60,
            "per_minute_with_startup": received * 60 / max(last - began, 1e-9),
        },
    )
    print(
        f"    email {per_second * 60:9.0f}/min ({run.extra['per_minute_with_startup']:.0f}/min "
        f"with the worker's start-up)  cpu {run.app_cpu_ms:.2f} ms/e-mail  "
        f"foreign {run.foreign_cores:.2f}"
    )
    return run
