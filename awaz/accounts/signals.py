"""Django's log-in signals, handed to the services that audit them (awaz.accounts.logins)."""

from typing import Any

from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed

from awaz.accounts import logins
from awaz.accounts.models import User


def _logged_in(sender: type, user: object, **kwargs: Any) -> None:
    if isinstance(user, User):
        logins.user_login_record(user=user)


def _logged_out(sender: type, user: object, **kwargs: Any) -> None:
    if isinstance(user, User):
        logins.user_logout_record(user=user)


def _login_failed(sender: object, credentials: dict[str, Any], **kwargs: Any) -> None:
    # Django masks the password in `credentials`; only the address typed is read.
    email = credentials.get("username") or credentials.get("email") or ""
    if isinstance(email, str) and email.strip():
        logins.user_login_failure_record(email=email)


def connect() -> None:
    user_logged_in.connect(_logged_in, dispatch_uid="accounts-audit-login")
    user_logged_out.connect(_logged_out, dispatch_uid="accounts-audit-logout")
    user_login_failed.connect(_login_failed, dispatch_uid="accounts-audit-login-failed")
