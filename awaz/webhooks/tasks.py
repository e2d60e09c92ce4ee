"""Background work of webhooks: one delivery attempt per run (retried by the worker)."""

from django.tasks import task


@task
def deliver_webhook(*, delivery_id: int) -> str:
    """POST one signed event to its endpoint; the worker retries it with backoff on failure."""
    from awaz.webhooks.delivery import delivery_attempt

    return delivery_attempt(delivery_id=delivery_id)
