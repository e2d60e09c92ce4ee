"""Background work of the site as a whole: queued mail to organizers and staff, and pruning."""

from django.tasks import task


@task
def send_queued_email(*, email_id: int) -> str:
    """Send a message rendered when it was queued (organizer and staff mail)."""
    from awaz.jobs.mailer import outgoing_email_deliver

    return outgoing_email_deliver(email_id=email_id)


def prune_finished_tasks() -> None:
    """Periodic: forget finished tasks, sent mail's records and dead workers' heartbeats."""
    from awaz.jobs.housekeeping import finished_work_prune

    finished_work_prune()
