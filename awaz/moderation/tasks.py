"""Background work of moderation: bulk invalidations and the trending snapshot."""

from django.tasks import task


@task
def run_invalidation(*, invalidation_id: int) -> str:
    """Invalidate the signatures a moderator's confirmed request matches."""
    from awaz.moderation.invalidations import invalidation_run

    return f"{invalidation_run(invalidation_id=invalidation_id)} invalidated"


def compute_trending() -> None:
    """Periodic: the last 24 hours' sources of signatures, and an e-mail about new spikes."""
    from awaz.moderation.trending import trending_alert, trending_compute

    trending_compute()
    trending_alert()
