"""The lists and limits the signing service consults, read from the database with a short cache.

Admins change them in the dashboard; they take effect without a restart: a save clears the
cached copy (in every process when the cache is Redis, else within AWAZ_POLICY_CACHE_SECONDS).
What an admin left empty falls back to the environment's setting. Staff pages read
`policy_in_force()`, straight from the database: the page after a save shows what was saved, in
whichever process serves it (a per-process cache elsewhere may be seconds behind, signing only).
"""

import re
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache

from awaz.signatures.models import ListEntry, ListKind, SiteSettings

CACHE_KEY = "moderation-policy:v1"
# A domain, optionally with "*." in front for every subdomain; lower case, no other wildcard.
DOMAIN_PATTERN = re.compile(r"^(\*\.)?([a-z0-9-]+\.)*[a-z0-9-]+$")
DIGEST_PATTERN = re.compile(r"^[0-9a-f]{64}$")


@dataclass(frozen=True, slots=True)
class Policy:
    blocked_domains: frozenset[str]
    blocked_networks: frozenset[str]
    allowed_networks: frozenset[str]
    challenge_everywhere: bool
    burst_limit: int
    burst_seconds: int
    sustained_limit: int
    sustained_seconds: int
    trending_network_per_hour: int
    trending_domain_per_hour: int

    def blocks_domain(self, domain: str) -> bool:
        return domain_matches(domain, self.blocked_domains)

    def blocks(self, *, email_domain: str, network_digest: str) -> bool:
        """Whether a signature from here is refused (silently) whatever the limits say."""
        return self.blocks_domain(email_domain) or (
            bool(network_digest) and network_digest in self.blocked_networks
        )

    def allows_network(self, network_digest: str) -> bool:
        return bool(network_digest) and network_digest in self.allowed_networks


def domain_matches(domain: str, patterns: frozenset[str]) -> bool:
    """`example.com` matches itself only; `*.example.com` matches its subdomains at any depth."""
    domain = domain.strip().lower().rstrip(".")
    if not domain:
        return False
    if domain in patterns:
        return True
    parts = domain.split(".")
    return any(f"*.{'.'.join(parts[index:])}" in patterns for index in range(1, len(parts)))


def _or(value: int | None, default: int) -> int:
    return default if value is None else value


def _read() -> Policy:
    entries: dict[str, set[str]] = {kind: set() for kind in ListKind.values}
    for kind, value in ListEntry.objects.values_list("kind", "value"):
        entries[kind].add(value)
    row = SiteSettings.objects.first() or SiteSettings()
    everywhere = row.challenge_everywhere
    return Policy(
        blocked_domains=frozenset(entries[ListKind.BLOCKED_DOMAIN]),
        blocked_networks=frozenset(entries[ListKind.BLOCKED_NETWORK]),
        allowed_networks=frozenset(entries[ListKind.ALLOWED_NETWORK]),
        challenge_everywhere=(
            settings.AWAZ_CHALLENGE_EVERYWHERE if everywhere is None else everywhere
        ),
        burst_limit=_or(row.sign_burst_limit, settings.AWAZ_SIGN_BURST_LIMIT),
        burst_seconds=_or(row.sign_burst_seconds, settings.AWAZ_SIGN_BURST_SECONDS),
        sustained_limit=_or(row.sign_sustained_limit, settings.AWAZ_SIGN_SUSTAINED_LIMIT),
        sustained_seconds=_or(row.sign_sustained_seconds, settings.AWAZ_SIGN_SUSTAINED_SECONDS),
        trending_network_per_hour=_or(
            row.trending_network_per_hour, settings.AWAZ_TRENDING_NETWORK_PER_HOUR
        ),
        trending_domain_per_hour=_or(
            row.trending_domain_per_hour, settings.AWAZ_TRENDING_DOMAIN_PER_HOUR
        ),
    )


def policy_in_force() -> Policy:
    """The lists and limits as saved, read now (for the pages that show them, not per signature)."""
    return _read()


def current_policy() -> Policy:
    """The lists and limits in force, from the cache when a copy is fresh enough."""
    policy = cache.get(CACHE_KEY)
    if isinstance(policy, Policy):
        return policy
    policy = _read()
    if settings.AWAZ_POLICY_CACHE_SECONDS:
        cache.set(CACHE_KEY, policy, settings.AWAZ_POLICY_CACHE_SECONDS)
    return policy


def forget_policy() -> None:
    """Drop the cached copy; call after a change to the lists or the settings is committed."""
    cache.delete(CACHE_KEY)
