"""Failed log-ins, counted per address and per network, to slow down password guessing.

Counted by the one limiter (awaz/http/ratelimit.py) for AWAZ_LOGIN_FAILURE_WINDOW_SECONDS from
the first failure, by keyed digests: neither the address nor the IP address is stored. An
address that has no account is counted like one that has, so the refusal tells nothing.
"""

from dataclasses import dataclass

from django.conf import settings
from django.http import HttpRequest
from django.utils import timezone

from awaz.http.ratelimit import Rate, rate_note, rate_reached
from awaz.privacy.crypto import digest
from awaz.privacy.network import client_address, is_allowed, network_digest


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

    def counters(self) -> list[tuple[Rate, str]]:
        window = settings.AWAZ_LOGIN_FAILURE_WINDOW_SECONDS
        rates = [
            (Rate("login-account", settings.AWAZ_LOGIN_FAILURES_PER_ACCOUNT, window), self.account)
        ]
        if self.network:
            rates.append(
                (
                    Rate("login-network", settings.AWAZ_LOGIN_FAILURES_PER_NETWORK, window),
                    self.network,
                )
            )
        return rates


def login_refused(*, attempt: LoginAttempt) -> bool:
    """Whether this address or this network failed too often lately to try again now."""
    return rate_reached(rates=attempt.counters())


def login_failure_note(*, attempt: LoginAttempt) -> None:
    """Count one failed log-in against the address and the network."""
    for rate, subject in attempt.counters():
        rate_note(rate=rate, subject=subject)
