"""Helpers for the moderators' journeys."""

from django.conf import settings

from awaz.accounts.models import User
from tests.journeys.conftest import Visitor
from tests.staff import staff_client


def log_in_staff(visitor: Visitor, user: User) -> None:
    """Give the browser the session of a member of staff logged in as the site requires."""
    session = staff_client(user).cookies[settings.SESSION_COOKIE_NAME].value
    visitor.page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": visitor.base_url}]
    )


def expected_refusal(visitor: Visitor, status: int) -> None:
    """A page that answers with an error status on purpose (410 Gone for a removed petition):
    the browser logs it as a resource that failed to load, which is what the page means."""
    failed = f"the server responded with a status of {status} "
    visitor.console[:] = [line for line in visitor.console if failed not in line]
