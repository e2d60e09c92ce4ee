"""Failed log-ins, counted per address and per network, to slow down password guessing.

Counts live in the cache (Redis in production) for AWAZ_LOGIN_FAILURE_WINDOW_SECONDS from the
first failure. Keys are keyed digests: neither the address nor the IP address is stored. An
address that has no account is counted like one that has, so the refusal tells nothing.
"""

import hashlib
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest
from django.utils import timezone

from awaz.core.crypto import digest
from awaz.core.network import client_address, is_allowed, network_digest


@dataclass(frozen=True)
class LoginAttempt:
    """Who is trying to log in, as digests: the address typed and the client's network."""

    account: str
    network: str  # "" for an allow-listed or unknown network: not counted

    @classmethod
    def of(cls, request: HttpRequest, *, email: str) -> "LoginAttempt":
        address = client_address(request)
        network = "" if is_allowed(address) else network_digest(address, timezone.now())
        account = digest(settings.AWAZ_EMAIL_DIGEST_KEY, f"login|{email.strip().lower()}")
        return cls(account=account, network=network)

    def counters(self) -> list[tuple[str, int]]:
        keys = [(_key("account", self.account), settings.AWAZ_LOGIN_FAILURES_PER_ACCOUNT)]
        if self.network:
            keys.append((_key("network", self.network), settings.AWAZ_LOGIN_FAILURES_PER_NETWORK))
        return keys


def _key(kind: str, value: str) -> str:
    # Short keys whatever the digest's length; the digest is already keyed.
    return f"login-failures:{kind}:{hashlib.sha256(value.encode()).hexdigest()[:32]}"


def login_refused(*, attempt: LoginAttempt) -> bool:
    """Whether this address or this network failed too often lately to try again now."""
    counts = cache.get_many([key for key, _limit in attempt.counters()])
    return any(counts.get(key, 0) >= limit for key, limit in attempt.counters())


def login_failure_note(*, attempt: LoginAttempt) -> None:
    """Count one failed log-in against the address and the network."""
    for key, _limit in attempt.counters():
        # add() starts the window; incr() is atomic in Redis (and in the in-process cache).
        cache.add(key, 0, timeout=settings.AWAZ_LOGIN_FAILURE_WINDOW_SECONDS)
        try:
            cache.incr(key)
        except ValueError:  # the window ended between add() and incr()
            cache.add(key, 1, timeout=settings.AWAZ_LOGIN_FAILURE_WINDOW_SECONDS)
