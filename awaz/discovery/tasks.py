"""Scheduled work of discovery (see AWAZ_SCHEDULE): thin adapters over one service each."""

from awaz.discovery.services import trending_refresh


def refresh_trending() -> None:
    """Periodic: what each open petition gained in the last day, for the home page."""
    trending_refresh()
