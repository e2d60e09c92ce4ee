"""Who is asking, as little as possible: a keyed digest of the network, never the address.

The digest covers the /24 (IPv4) or /64 (IPv6) and a time bucket, so it can group requests from
one network within a window, but cannot be reversed, nor linked across buckets, nor linked to a
raw address without the key. Raw addresses are never written anywhere.
"""

import datetime
import ipaddress

from django.conf import settings
from django.http import HttpRequest

from awaz.privacy.crypto import digest


def client_address(request: HttpRequest) -> str:
    """The client's IP address, trusting only as many X-Forwarded-For hops as configured."""
    hops = settings.AWAZ_TRUSTED_PROXY_HOPS
    if hops:
        forwarded = [part.strip() for part in request.headers.get("x-forwarded-for", "").split(",")]
        forwarded = [part for part in forwarded if part]
        if len(forwarded) >= hops:
            return forwarded[-hops]
    return str(request.META.get("REMOTE_ADDR", ""))


def network_of(address: str) -> ipaddress.IPv4Network | ipaddress.IPv6Network | None:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return None
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    prefix = 24 if ip.version == 4 else 64
    return ipaddress.ip_network(f"{ip}/{prefix}", strict=False)


def is_allowed(address: str) -> bool:
    """Whether the address is on the allow-list of shared exits (never rate-limited)."""
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in network for network in settings.AWAZ_ALLOWED_NETWORKS)


def network_digest(address: str, when: datetime.datetime) -> str:
    """The digest of the address's network in the day bucket of `when` ("" if unparseable)."""
    network = network_of(address)
    if network is None:
        return ""
    bucket = when.astimezone(datetime.UTC).date().isoformat()
    return digest(settings.AWAZ_NETWORK_DIGEST_KEY, f"{bucket}|{network}")
