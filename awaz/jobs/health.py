"""How the queue and the mail are doing, in counts and ages only (no address, no name, no id).

What /healthz shows operators and their monitors: tasks waiting, the oldest one's age, mail
waiting and retrying, mail given up lately, failed tasks lately, workers alive.
"""

import datetime
from dataclasses import asdict, dataclass

from django.conf import settings
from django.db.models import Min
from django.tasks.base import TaskResultStatus
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from awaz.core.models import OutgoingEmail, WorkerHeartbeat

_DAY = datetime.timedelta(days=1)


@dataclass(frozen=True)
class QueueHealth:
    tasks_waiting: int
    tasks_running: int
    oldest_task_seconds: int
    mail_waiting: int
    mail_retrying: int
    oldest_mail_seconds: int
    mail_expired_24h: int
    tasks_failed_24h: int
    workers_alive: int

    @property
    def healthy(self) -> bool:
        """Mail flows: someone works the queue, and nothing has waited too long."""
        waiting = self.tasks_waiting + self.tasks_running + self.mail_waiting
        return (self.workers_alive > 0 or not waiting) and (
            self.oldest_mail_seconds < settings.AWAZ_HEALTH_MAIL_DELAY
        )

    def lines(self) -> str:
        """One `name value` per line, with `healthy 1|0` first (monitors grep it)."""
        pairs = {"healthy": int(self.healthy), **asdict(self)}
        return "".join(f"{name} {value}\n" for name, value in pairs.items())


def _age(now: datetime.datetime, since: datetime.datetime | None) -> int:
    return int((now - since).total_seconds()) if since is not None else 0


def queue_health() -> QueueHealth:
    now = timezone.now()
    unfinished = DBTaskResult.objects.filter(
        status__in=[TaskResultStatus.READY, TaskResultStatus.RUNNING]
    )
    pending_mail = OutgoingEmail.objects.filter(state=OutgoingEmail.State.PENDING)
    silent_since = now - datetime.timedelta(seconds=settings.AWAZ_WORKER_HEARTBEAT_TIMEOUT)
    return QueueHealth(
        tasks_waiting=unfinished.filter(status=TaskResultStatus.READY).count(),
        tasks_running=unfinished.filter(status=TaskResultStatus.RUNNING).count(),
        oldest_task_seconds=_age(now, unfinished.aggregate(at=Min("enqueued_at"))["at"]),
        mail_waiting=pending_mail.count(),
        mail_retrying=pending_mail.filter(attempts__gt=0).count(),
        oldest_mail_seconds=_age(now, pending_mail.aggregate(at=Min("created_at"))["at"]),
        mail_expired_24h=OutgoingEmail.objects.filter(
            state=OutgoingEmail.State.EXPIRED, finished_at__gte=now - _DAY
        ).count(),
        tasks_failed_24h=DBTaskResult.objects.filter(
            status=TaskResultStatus.FAILED, finished_at__gte=now - _DAY
        ).count(),
        workers_alive=WorkerHeartbeat.objects.filter(seen_at__gte=silent_since).count(),
    )
