"""Signed, expiring tokens for the links in account e-mails.

A verification token names the account and a digest of its password hash: signing up again or
resetting the password (both change the hash) makes every earlier link useless.
"""

from django.conf import settings
from django.core import signing
from django.utils.crypto import salted_hmac

from awaz.accounts.models import User

_SALT = "awaz.accounts.verify-email"


def _password_digest(user: User) -> str:
    return salted_hmac(_SALT, user.password, algorithm="sha256").hexdigest()[:16]


def verification_token_make(user: User) -> str:
    return signing.dumps({"u": user.pk, "p": _password_digest(user)}, salt=_SALT)


def verification_token_user(token: str) -> User | None:
    """The account a verification token was made for, or None if it is forged, stale or old."""
    try:
        data = signing.loads(token, salt=_SALT, max_age=settings.AWAZ_EMAIL_VERIFICATION_SECONDS)
    except signing.BadSignature:
        return None
    if not isinstance(data, dict) or not isinstance(data.get("u"), int):
        return None
    user = User.objects.filter(pk=data["u"], is_active=True).first()
    if user is None or data.get("p") != _password_digest(user):
        return None
    return user
