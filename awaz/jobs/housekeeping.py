"""Forgetting the worker's past: finished tasks, finished e-mail records, dead heartbeats.

Task arguments carry ids, never personal data, and a finished e-mail's recipient is erased when it
finishes; pruning keeps even the ids and times from piling up (AWAZ_TASK_RESULT_DAYS).
"""

import datetime

from django.conf import settings
from django.core.management import call_command
from django.utils import timezone

from awaz.core.models import OutgoingEmail, WorkerHeartbeat


def finished_work_prune() -> int:
    """Delete what is finished and older than AWAZ_TASK_RESULT_DAYS; return e-mail rows deleted."""
    days = settings.AWAZ_TASK_RESULT_DAYS
    # django-tasks-db's own pruning, over every queue; failed tasks go after the same time.
    call_command("prune_db_task_results", queue_name="*", min_age_days=days, verbosity=0)
    cutoff = timezone.now() - datetime.timedelta(days=days)
    deleted, _ = OutgoingEmail.objects.filter(
        state__in=OutgoingEmail.FINISHED, finished_at__lte=cutoff
    ).delete()
    WorkerHeartbeat.objects.filter(seen_at__lt=timezone.now() - datetime.timedelta(days=1)).delete()
    return deleted
