"""Background work of moderation: bulk invalidations (and releases) and the trending snapshot."""

from django.tasks import task

from awaz.moderation.invalidations import invalidation_run
from awaz.moderation.reports import reports_alert
from awaz.moderation.trending import trending_refresh_and_alert


@task
def run_invalidation(*, invalidation_id: int) -> str:
    """Invalidate (or release) the signatures a moderator's confirmed request matches."""
    return f"{invalidation_run(invalidation_id=invalidation_id)} changed"


def compute_trending() -> None:
    """Periodic: the last 24 hours' sources of signatures, and an e-mail about new spikes."""
    trending_refresh_and_alert()


def alert_moderators_about_reports() -> None:
    """Periodic: one e-mail to each moderator about the reports since the last such e-mail."""
    reports_alert()
