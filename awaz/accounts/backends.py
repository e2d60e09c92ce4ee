from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import AnonymousUser

from awaz.accounts.models import User


class VerifiedEmailBackend(ModelBackend):
    """Log in by e-mail and password, once the owner of the address has confirmed it."""

    def user_can_authenticate(self, user: User | AnonymousUser | None) -> bool:
        return (
            super().user_can_authenticate(user) and isinstance(user, User) and user.email_confirmed
        )
