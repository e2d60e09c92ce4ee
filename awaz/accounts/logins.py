"""Log-ins and log-outs in the audit log, whichever page logged the person in or out.

Django's `login()`, `logout()` and `authenticate()` send signals (awaz.accounts.signals); these
services record them, so neither the dashboard's log-in nor the admin's has to remember. No
entry holds a password, a code, or a network address: the account is the target, and a wrong
password for an address without an account leaves nothing (there is nobody to name).
"""

from django.db import transaction

from awaz.accounts.models import User
from awaz.audit.services import audit_record


@transaction.atomic
def user_login_record(*, user: User) -> None:
    """`user` logged in (with the password: the second step is recorded on its own)."""
    audit_record(actor=user, action="user.login", target=user)


@transaction.atomic
def user_logout_record(*, user: User) -> None:
    """`user` logged out."""
    audit_record(actor=user, action="user.logout", target=user)


@transaction.atomic
def user_login_failure_record(*, email: str) -> None:
    """A wrong password was typed for `email`; recorded against its account, if it has one.

    The actor is unknown (None): whoever typed it. Addresses without an account are not
    written anywhere.
    """
    user = User.objects.filter(email__iexact=User.objects.normalize_email(email.strip())).first()
    if user is not None:
        audit_record(actor=None, action="user.login_failed", target=user)
