"""Keyed digests and encryption at rest for signers' personal data.

- `digest(purpose, value)`: HMAC-SHA256 under a key of its own per purpose (never SECRET_KEY), so
  a digest can be compared but not reversed without the key.
- `encrypt` / `decrypt`: Fernet (AES-128-CBC + HMAC) under the first of AWAZ_ENCRYPTION_KEYS;
  older keys still decrypt, so keys rotate by prepending a new one and running
  `manage.py rotate_encryption_keys` (`awaz.core.keyrotation`), after which the older keys can go.
"""

import base64
import hashlib
import hmac
from functools import cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings


class DecryptionError(Exception):
    """A stored value could not be decrypted with any configured key."""


def _fernet_key(secret: str) -> bytes:
    # Operators may give any string; Fernet needs 32 url-safe base64 bytes.
    return base64.urlsafe_b64encode(hashlib.sha256(secret.encode()).digest())


@cache
def _fernet(keys: tuple[str, ...]) -> MultiFernet:
    return MultiFernet([Fernet(_fernet_key(key)) for key in keys])


def _current() -> MultiFernet:
    return _fernet(tuple(settings.AWAZ_ENCRYPTION_KEYS))


def encrypt(plaintext: str) -> str:
    return _current().encrypt(plaintext.encode()).decode("ascii")


def decrypt(token: str) -> str:
    try:
        return _current().decrypt(token.encode("ascii")).decode()
    except (InvalidToken, ValueError) as error:
        raise DecryptionError("The value cannot be decrypted with the configured keys.") from error


def is_current(token: str) -> bool:
    """Is this token under the newest key (so a rotation can leave it alone)?"""
    try:
        _fernet(tuple(settings.AWAZ_ENCRYPTION_KEYS)[:1]).decrypt(token.encode("ascii"))
    except (InvalidToken, ValueError):
        return False
    return True


def reencrypt(token: str) -> str | None:
    """The same plaintext under the newest key, or None when it is under the newest key already."""
    if is_current(token):
        return None
    try:
        return _current().rotate(token.encode("ascii")).decode("ascii")
    except (InvalidToken, ValueError) as error:
        raise DecryptionError("The value cannot be decrypted with the configured keys.") from error


def digest(key: str, value: str) -> str:
    """A hex HMAC-SHA256 of `value` under `key`."""
    return hmac.new(key.encode(), value.encode(), hashlib.sha256).hexdigest()
