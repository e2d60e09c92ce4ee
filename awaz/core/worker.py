"""The background worker: runs queued tasks and the periodic jobs, on any number of machines.

Tasks are enqueued through Django's tasks API into django-tasks-db's table, in the same
transaction as the data they are about. This worker adds what a petition site needs on top:
- claims a batch at a time (`SELECT ... FOR UPDATE SKIP LOCKED` on PostgreSQL), so several
  workers share a queue without running a task twice;
- retries a task that raises `RetryLater` (a mail server down) with exponential backoff;
- gives a task back to the queue when the worker that claimed it died (its lease expired);
- runs the periodic jobs of settings.AWAZ_SCHEDULE (folding counts, purging personal data).
"""

import datetime
import logging
import signal
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from types import FrameType
from typing import Any

from django.conf import settings
from django.db import close_old_connections, connection
from django.db.utils import OperationalError
from django.tasks.base import TaskResultStatus
from django.utils import timezone
from django.utils.module_loading import import_string
from django_tasks_db.models import DBTaskResult, DBTaskResultQuerySet
from django_tasks_db.utils import exclusive_transaction

from awaz.core import mailer

logger = logging.getLogger("awaz.worker")


class RetryLaterError(Exception):
    """Raised by a task that failed for a reason that may pass (a mail server down)."""


def backoff(attempt: int) -> datetime.timedelta:
    """1 s, 2 s, 4 s ... up to AWAZ_WORKER_MAX_BACKOFF seconds."""
    seconds = min(2 ** max(attempt - 1, 0), settings.AWAZ_WORKER_MAX_BACKOFF)
    return datetime.timedelta(seconds=seconds)


@dataclass
class Periodic:
    path: str
    every: float
    due: float = 0.0

    def run_if_due(self, now: float) -> None:
        if now < self.due:
            return
        self.due = now + self.every
        try:
            import_string(self.path)()
        except Exception:
            logger.exception("periodic job %s failed", self.path)


@dataclass
class Worker:
    worker_id: str
    queues: list[str]
    batch_size: int = 20
    idle_sleep: float = 0.5
    lease: float = 300.0
    max_attempts: int = 20
    periodic: list[Periodic] = field(default_factory=list)
    running: bool = True
    on_idle: Callable[[], None] = mailer.close

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
        done = 0
        while self.running:
            if not connection.in_atomic_block:  # inside a test's transaction, keep it open
                close_old_connections()
            now = time.monotonic()
            for job in self.periodic:
                job.run_if_due(now)
            self.recover_abandoned()
            claimed = self.claim()
            for task_result in claimed:
                if self.stopping():
                    self.release(task_result)
                    continue
                self.execute(task_result)
                done += 1
            if not claimed:
                self.on_idle()
                if once:
                    break
                time.sleep(self.idle_sleep)
        return done

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

    def release(self, task_result: DBTaskResult[Any, Any]) -> None:
        """Give back a claimed task that was not started (the worker is stopping)."""
        DBTaskResult.objects.filter(pk=task_result.pk).update(
            status=TaskResultStatus.READY, worker_ids=task_result.worker_ids[:-1]
        )

    def recover_abandoned(self) -> int:
        """Tasks whose worker died mid-run go back to the queue once their lease is over."""
        expired = timezone.now() - datetime.timedelta(seconds=self.lease)
        return DBTaskResult.objects.filter(
            status=TaskResultStatus.RUNNING, started_at__lt=expired, queue_name__in=self.queues
        ).update(status=TaskResultStatus.READY)

    def execute(self, task_result: DBTaskResult[Any, Any]) -> None:
        try:
            task = task_result.task
            arguments = task_result.args_kwargs
            outcome = task.call(*arguments["args"], **arguments["kwargs"])
        except RetryLaterError as error:
            attempt = len(task_result.worker_ids)
            if attempt >= self.max_attempts:
                task_result.set_failed(error)
                logger.error("task %s failed after %d attempts", task_result.pk, attempt)
                return
            delay = backoff(attempt)
            DBTaskResult.objects.filter(pk=task_result.pk).update(
                status=TaskResultStatus.READY, run_after=timezone.now() + delay
            )
            logger.warning(
                "task %s will retry in %ss (attempt %d): %s",
                task_result.pk,
                delay.total_seconds(),
                attempt,
                type(error.__cause__ or error).__name__,
            )
        except Exception as error:
            logger.exception("task %s failed", task_result.pk)
            task_result.set_failed(error)
        else:
            task_result.set_successful(outcome)


def periodic_jobs() -> list[Periodic]:
    return [Periodic(path, float(every)) for path, every in settings.AWAZ_SCHEDULE.items()]
