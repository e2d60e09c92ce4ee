"""The signature every delivery carries, as Stripe's: `Awaz-Signature: t=<unix time>,v1=<hex>`.

v1 is HMAC-SHA256, keyed with the endpoint's secret, over `<t>.<body>` (the exact bytes sent).
A receiver recomputes it, compares in constant time, and refuses a `t` further than its replay
window (we suggest 5 minutes) from its own clock. docs/webhooks.md has a snippet to copy.
"""

import hashlib
import hmac
import secrets

HEADER = "Awaz-Signature"
REPLAY_WINDOW_SECONDS = 300


def new_secret() -> str:
    return "whsec_" + secrets.token_urlsafe(32)


def signature(*, secret: str, timestamp: int, body: bytes) -> str:
    mac = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256)
    return f"t={timestamp},v1={mac.hexdigest()}"


def verify(
    *, secret: str, header: str, body: bytes, now: int, window: int = REPLAY_WINDOW_SECONDS
) -> bool:
    """What a receiver does: the same check docs/webhooks.md shows, in Python."""
    try:
        fields = dict(part.split("=", 1) for part in header.split(","))
        timestamp = int(fields["t"])
    except (KeyError, ValueError):
        return False
    if abs(now - timestamp) > window:
        return False
    expected = signature(secret=secret, timestamp=timestamp, body=body).split("v1=", 1)[1]
    return hmac.compare_digest(expected, fields.get("v1", ""))
