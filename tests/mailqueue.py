"""Deliver what the queue holds, as `manage.py run_worker` would, inside the test's process."""

from awaz.jobs.worker import Worker


def deliver_queued_mail() -> int:
    """Run every queued task (e-mail above all) until the queue is empty; return how many ran."""
    return Worker(worker_id="test", queues=["default"], idle_sleep=0).run(once=True)
