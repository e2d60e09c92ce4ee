"""The links in a signer's e-mails: signed, expiring, bound to one signature and one purpose.

A token is single-use by what it does: confirming moves the signature out of `pending`, and
removing deletes it, so a second use finds nothing to act on. Tokens travel only in e-mails and
in the path of pages that send `Referrer-Policy: no-referrer`; they are never logged.
"""

import enum
import hmac

from django.conf import settings
from django.core import signing

from awaz.signatures.models import Signature


class Purpose(enum.StrEnum):
    CONFIRM = "confirm"
    REMOVE = "remove"
    UNSUBSCRIBE = "unsubscribe"


class TokenError(Exception):
    """The token is forged, expired, for another purpose, or its signature is gone."""


class SignatureGoneError(TokenError):
    """A genuine, unexpired token whose signature no longer exists: withdrawn (or purged)."""


def _salt(purpose: Purpose) -> str:
    return f"awaz.signatures.{purpose}"


def make_token(signature: Signature, purpose: Purpose) -> str:
    # The digest prefix binds the token to this signer, not just to a row number.
    return signing.dumps([signature.pk, signature.email_digest[:12]], salt=_salt(purpose))


def read_token(token: str, purpose: Purpose) -> Signature:
    """The signature a valid token points to; TokenError for anything else."""
    if len(token) > 200:
        raise TokenError("too long")
    try:
        pk, digest_prefix = signing.loads(
            token, salt=_salt(purpose), max_age=settings.AWAZ_TOKEN_MAX_AGE
        )
    except (signing.BadSignature, ValueError, TypeError) as error:
        raise TokenError(str(error)) from None
    signature = Signature.objects.select_related("petition").filter(pk=pk).first()
    # A row of that number with another signer's digest is not this token's signature either.
    if signature is None or not hmac.compare_digest(
        signature.email_digest[:12], str(digest_prefix)
    ):
        raise SignatureGoneError("no such signature")
    return signature
