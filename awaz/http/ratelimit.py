"""The one limiter for everything outside signing: failed log-ins, reports, access e-mails.

A rate is a scope, a limit and a window in seconds. What is counted (a subject) is always a
keyed digest already (of a network, or of an e-mail address) and is hashed once more into a
short cache key, so the cache never holds an address, an IP or an e-mail. A window starts with
the first hit of its subject and lasts `seconds`. Counts live in the cache: atomic and shared by
every web process with Redis (set REDIS_URL once there are several processes); the one process
`make run` starts counts alone in memory. Signing has its own limits (awaz/signatures).
"""

import hashlib
from dataclasses import dataclass

from django.core.cache import cache


@dataclass(frozen=True)
class Rate:
    scope: str  # "login-account", "report-network", …
    limit: int
    seconds: int


def _key(rate: Rate, subject: str) -> str:
    hashed = hashlib.sha256(f"{rate.scope}\x00{subject}".encode()).hexdigest()[:32]
    return f"rate:{rate.scope}:{hashed}"


def rate_reached(*, rates: list[tuple[Rate, str]]) -> bool:
    """Whether any (rate, subject) has used up its limit in its current window (counts none)."""
    keys = {_key(rate, subject): rate.limit for rate, subject in rates}
    counts = cache.get_many(list(keys))
    return any(counts.get(key, 0) >= limit for key, limit in keys.items())


def rate_note(*, rate: Rate, subject: str) -> int:
    """Count one hit of `subject` against `rate`; the count in the window, this hit included."""
    key = _key(rate, subject)
    # add() starts the window; incr() is atomic in Redis (and in the in-process cache).
    cache.add(key, 0, timeout=rate.seconds)
    try:
        return int(cache.incr(key))
    except ValueError:  # the window ended between add() and incr()
        cache.add(key, 1, timeout=rate.seconds)
        return 1


def rate_take(*, rates: list[tuple[Rate, str]]) -> bool:
    """Count one hit against every (rate, subject) in turn; False, and stop, at the first that
    is over its limit (the later ones are not counted)."""
    return all(rate_note(rate=rate, subject=subject) <= rate.limit for rate, subject in rates)
