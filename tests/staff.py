"""Logging members of staff in, in tests, the way the site requires them to be logged in."""

from django.test import Client

from awaz.accounts.models import User


def login_staff(client: Client, user: User) -> None:
    """Log `user` in as a member of staff who has passed every step the site asks of staff."""
    client.force_login(user)
