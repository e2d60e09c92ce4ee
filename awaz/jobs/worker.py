"""The background worker: runs queued tasks and the periodic jobs, on any number of machines.

Tasks are enqueued through Django's tasks API into django-tasks-db's table, in the same
transaction as the data they are about. This worker adds what a petition site needs on top:
- claims a batch at a time (`SELECT ... FOR UPDATE SKIP LOCKED` on PostgreSQL), so several
  workers share a queue without running a task twice;
- retries a task that raises `RetryLaterError` (a mail server down) with exponential backoff,
  until the error's `until` (a message's expiry) or, without one, AWAZ_WORKER_MAX_ATTEMPTS;
- says it is alive every few seconds (a heartbeat row, from a thread of its own); a worker that
  has been silent for AWAZ_WORKER_HEARTBEAT_TIMEOUT seconds is dead, and any live worker gives
  its claimed tasks back to the queue (a task running longer than AWAZ_WORKER_LEASE is freed too);
- survives the database going away (a restart, a failover, a killed connection): it logs it,
  waits with backoff, reconnects, records what it sent meanwhile and gives back its claims;
- runs the periodic jobs of settings.AWAZ_SCHEDULE once per interval however many workers run:
  each interval's tick is claimed once, in the database.
"""

import contextlib
import datetime
import logging
import signal
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from types import FrameType
from typing import Any

from django.conf import settings
from django.db import close_old_connections, connection
from django.db.utils import InterfaceError, OperationalError
from django.tasks.base import TaskResultStatus
from django.utils import timezone
from django.utils.module_loading import import_string
from django_tasks_db.models import DBTaskResult, DBTaskResultQuerySet
from django_tasks_db.utils import exclusive_transaction

from awaz.jobs.retry import RetryLaterError

logger = logging.getLogger("awaz.worker")

# The database is unreachable or the connection was killed (not a bug in a task).
DATABASE_GONE = (OperationalError, InterfaceError)


def backoff(attempt: int) -> datetime.timedelta:
    """1 s, 2 s, 4 s ... up to AWAZ_WORKER_MAX_BACKOFF seconds."""
    seconds = min(2 ** min(max(attempt - 1, 0), 30), settings.AWAZ_WORKER_MAX_BACKOFF)
    return datetime.timedelta(seconds=seconds)


def heartbeat_beat(*, worker_id: str) -> None:
    """Record that the worker is alive now."""
    from awaz.core.models import WorkerHeartbeat

    now = timezone.now()
    if not WorkerHeartbeat.objects.filter(worker_id=worker_id).update(seen_at=now):
        WorkerHeartbeat.objects.create(worker_id=worker_id, started_at=now, seen_at=now)


def heartbeat_forget(*, worker_id: str) -> None:
    from awaz.core.models import WorkerHeartbeat

    WorkerHeartbeat.objects.filter(worker_id=worker_id).delete()


class Heartbeat(threading.Thread):
    """Beats every `every` seconds on its own connection, even while a task blocks the worker."""

    def __init__(self, worker_id: str, every: float) -> None:
        super().__init__(name=f"heartbeat-{worker_id}", daemon=True)
        self.worker_id = worker_id
        self.every = every
        self.stopped = threading.Event()

    def run(self) -> None:
        failing = False
        try:
            while True:
                try:
                    close_old_connections()
                    heartbeat_beat(worker_id=self.worker_id)
                    failing = False
                except DATABASE_GONE:
                    failing = True
                    _close_quietly()
                if self.stopped.wait(min(self.every, 1.0) if failing else self.every):
                    break
            with contextlib.suppress(*DATABASE_GONE):  # else the others see it silent
                heartbeat_forget(worker_id=self.worker_id)
        finally:
            _close_quietly()


def _close_quietly() -> None:
    with contextlib.suppress(*DATABASE_GONE):
        connection.close()


@dataclass
class Periodic:
    """A job run once per `every` seconds across all workers: each tick is claimed once."""

    path: str
    every: float
    tick: int = -1

    def run_if_due(self, now: float) -> bool:
        """Run the job if this interval's tick is ours; True if it ran here."""
        from awaz.core.once import claim_once

        tick = int(now // self.every)
        if tick == self.tick:
            return False
        valid_for = datetime.timedelta(seconds=2 * self.every + 60)
        mine = claim_once("periodic", f"{self.path}:{tick}", valid_for=valid_for)
        self.tick = tick
        if not mine:
            return False
        try:
            import_string(self.path)()
        except DATABASE_GONE:
            raise
        except Exception:
            logger.exception("periodic job %s failed", self.path)
        return True


def _close_mail() -> None:
    from awaz.jobs import mailer

    mailer.close()


def _record_unrecorded_mail() -> None:
    from awaz.jobs import mailer

    mailer.record_unrecorded()


@dataclass
class Worker:
    worker_id: str
    queues: list[str]
    batch_size: int = 20
    idle_sleep: float = 0.5
    lease: float = 300.0
    heartbeat_every: float = 2.0
    heartbeat_timeout: float = 15.0
    max_attempts: int = 20
    max_reconnect_wait: float = 30.0
    periodic: list[Periodic] = field(default_factory=list)
    running: bool = True
    heartbeat_thread: bool = False  # the command starts one; tests inside a transaction cannot
    on_idle: Callable[[], None] = _close_mail
    claimed: list[Any] = field(default_factory=list)
    _last_beat: float = -1e9
    _last_recovery: float = -1e9

    def stop(self, signum: int, frame: FrameType | None) -> None:
        logger.info("worker %s stopping after the current task", self.worker_id)
        self.running = False

    def stopping(self) -> bool:
        return not self.running

    def install_signal_handlers(self) -> None:
        signal.signal(signal.SIGTERM, self.stop)
        signal.signal(signal.SIGINT, self.stop)

    def run(self, *, once: bool = False) -> int:
        """Work until stopped (or, with `once`, until the queue is empty); return tasks run."""
        heartbeat = Heartbeat(self.worker_id, self.heartbeat_every)
        if self.heartbeat_thread:
            heartbeat.start()
        done = 0
        failures = 0
        try:
            while self.running:
                try:
                    ran, idle = self.turn()
                except DATABASE_GONE as error:
                    failures += 1
                    self.database_lost(error, failures)
                    continue
                if failures:
                    logger.warning("worker %s: the database is back", self.worker_id)
                    failures = 0
                done += ran
                if idle:
                    self.on_idle()
                    if once:
                        break
                    self.sleep(self.idle_sleep)
        finally:
            heartbeat.stopped.set()
            if self.heartbeat_thread:
                heartbeat.join(timeout=10)
        return done

    def sleep(self, seconds: float) -> None:
        deadline = time.monotonic() + seconds
        while self.running and time.monotonic() < deadline:
            time.sleep(min(0.2, max(deadline - time.monotonic(), 0)))

    def turn(self) -> tuple[int, bool]:
        """One round: periodic jobs, recovery, a batch; returns (tasks run, queue was empty)."""
        if not connection.in_atomic_block:  # inside a test's transaction, keep it open
            close_old_connections()
        if self.claimed:  # left over from a turn the database interrupted
            self.release_claimed()
        _record_unrecorded_mail()
        now = time.monotonic()
        if not self.heartbeat_thread and now - self._last_beat >= self.heartbeat_every:
            heartbeat_beat(worker_id=self.worker_id)
            self._last_beat = now
        for job in self.periodic:
            job.run_if_due(time.time())
        if now - self._last_recovery >= self.heartbeat_every:
            self.recover_abandoned()
            self._last_recovery = now
        batch = self.claim()
        self.claimed = [task_result.pk for task_result in batch]
        ran = 0
        for task_result in batch:
            if self.stopping():
                break
            self.execute(task_result)
            self.claimed.remove(task_result.pk)
            ran += 1
        if self.claimed:
            self.release_claimed()
        return ran, not batch

    def database_lost(self, error: Exception, failures: int) -> None:
        """Log, drop the broken connection, wait (longer each time) before the next turn."""
        wait = min(0.5 * 2 ** min(failures - 1, 10), self.max_reconnect_wait)
        logger.warning(
            "worker %s: database unavailable (%s); trying again in %.1fs",
            self.worker_id,
            type(error).__name__,
            wait,
        )
        _close_quietly()
        self.sleep(wait)

    def _ready(self) -> DBTaskResultQuerySet:
        return DBTaskResult.objects.ready().filter(queue_name__in=self.queues)

    def claim(self) -> list[DBTaskResult[Any, Any]]:
        try:
            with exclusive_transaction(DBTaskResult.objects.db):
                batch = list(self._ready().select_for_update(skip_locked=True)[: self.batch_size])
                now = timezone.now()
                for task_result in batch:
                    task_result.status = TaskResultStatus.RUNNING
                    task_result.started_at = now
                    task_result.worker_ids = [*task_result.worker_ids, self.worker_id]
                DBTaskResult.objects.bulk_update(batch, ["status", "started_at", "worker_ids"])
                return batch
        except OperationalError as error:
            if "locked" in str(error):  # SQLite busy: try again on the next turn
                return []
            raise

    def release_claimed(self) -> None:
        """Give back claimed tasks this worker has not finished (stopping, or the DB was lost)."""
        DBTaskResult.objects.filter(pk__in=self.claimed, status=TaskResultStatus.RUNNING).update(
            status=TaskResultStatus.READY
        )
        self.claimed = []

    def recover_abandoned(self) -> int:
        """Give back the tasks of workers that stopped beating (or ran past the lease)."""
        from awaz.core.models import WorkerHeartbeat

        now = timezone.now()
        silent_since = now - datetime.timedelta(seconds=self.heartbeat_timeout)
        lease_over = now - datetime.timedelta(seconds=self.lease)
        alive = {self.worker_id} | set(
            WorkerHeartbeat.objects.filter(seen_at__gte=silent_since).values_list(
                "worker_id", flat=True
            )
        )
        running = DBTaskResult.objects.filter(
            status=TaskResultStatus.RUNNING, queue_name__in=self.queues
        ).values_list("pk", "worker_ids", "started_at")
        abandoned = [
            pk
            for pk, worker_ids, started_at in running
            if started_at is None
            or started_at < lease_over
            or (started_at < silent_since and (worker_ids or [""])[-1] not in alive)
        ]
        if not abandoned:
            return 0
        recovered = DBTaskResult.objects.filter(
            pk__in=abandoned, status=TaskResultStatus.RUNNING
        ).update(status=TaskResultStatus.READY)
        if recovered:
            logger.warning(
                "worker %s: %d tasks of a silent worker are back in the queue",
                self.worker_id,
                recovered,
            )
        return recovered

    def execute(self, task_result: DBTaskResult[Any, Any]) -> None:
        try:
            task = task_result.task
            arguments = task_result.args_kwargs
            outcome = task.call(*arguments["args"], **arguments["kwargs"])
        except RetryLaterError as error:
            self.retry(task_result, error)
        except DATABASE_GONE:
            raise  # the database, not the task: the task goes back to the queue
        except Exception as error:
            logger.exception("task %s failed", task_result.pk)
            task_result.set_failed(error)
        else:
            task_result.set_successful(outcome)

    def retry(self, task_result: DBTaskResult[Any, Any], error: RetryLaterError) -> None:
        attempt = len(task_result.worker_ids)
        now = timezone.now()
        until = error.until
        give_up = now >= until if until is not None else attempt >= self.max_attempts
        if give_up:
            task_result.set_failed(error)
            logger.error("task %s failed for good after %d attempts", task_result.pk, attempt)
            return
        delay = backoff(attempt)
        DBTaskResult.objects.filter(pk=task_result.pk).update(
            status=TaskResultStatus.READY, run_after=now + delay
        )
        alert = attempt % settings.AWAZ_WORKER_ALERT_EVERY == 0
        level = logging.ERROR if alert else logging.WARNING
        logger.log(
            level,
            "task %s (%s) will retry in %ss (attempt %d): %s",
            task_result.pk,
            task_result.task_path.rsplit(".", 1)[-1],
            delay.total_seconds(),
            attempt,
            type(error.__cause__ or error).__name__,
        )


def periodic_jobs() -> list[Periodic]:
    return [Periodic(path, float(every)) for path, every in settings.AWAZ_SCHEDULE.items()]
