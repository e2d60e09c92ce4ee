"""Where a webhook may be sent: public HTTPS addresses only (no server-side request forgery).

A URL is checked when it is registered and again before every delivery, on the addresses its
host resolves to at that moment; the delivery then connects to the address that was checked
(never resolving again), so a name that resolves to a public address at the check and to
127.0.0.1 at the connection ("DNS rebinding") cannot reach inside. Refused: anything but
https, user names or passwords in the URL, and any host with an address that is loopback,
private, link-local, shared (100.64/10), reserved, multicast or unspecified, IPv4-mapped IPv6
included. Redirects are never followed (client.py).

AWAZ_WEBHOOK_TEST_NETWORKS lets the tests deliver to a receiver on loopback: it is a Django
setting only (no environment variable sets it), and a deploy check refuses it (checks.py).
"""

import ipaddress
import socket
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.utils.translation import gettext as _

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


class UnsafeAddressError(ValueError):
    """The URL may not receive webhooks; the message says why, for the owner."""


@dataclass(frozen=True, slots=True)
class Target:
    host: str  # for the certificate and the Host header
    port: int
    path: str  # path and query
    address: str  # the checked IP address to connect to


def _allowed_for_tests(ip: IPAddress) -> bool:
    return any(ip in ipaddress.ip_network(net) for net in settings.AWAZ_WEBHOOK_TEST_NETWORKS)


def is_public(ip: IPAddress) -> bool:
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    # is_global alone lets some reserved IPv6 ranges through (::2): every flag is asked.
    return ip.is_global and not (
        ip.is_multicast
        or ip.is_private
        or ip.is_loopback
        or ip.is_link_local
        or ip.is_reserved
        or ip.is_unspecified
    )


def _resolve(host: str, port: int) -> list[IPAddress]:
    try:
        found = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError):
        raise UnsafeAddressError(_("This address's name does not resolve.")) from None
    return [ipaddress.ip_address(str(info[4][0]).split("%")[0]) for info in found]


def webhook_target(url: str) -> Target:
    """The checked place to deliver `url` to, or UnsafeAddressError saying why not."""
    parts = urlsplit(url)
    if parts.scheme != "https":
        raise UnsafeAddressError(_("A webhook address must start with https://."))
    if parts.username or parts.password:
        raise UnsafeAddressError(_("A webhook address may not hold a user name or password."))
    host = parts.hostname
    try:
        port = parts.port or 443
    except ValueError:
        raise UnsafeAddressError(_("This address's port is not a number.")) from None
    if not host:
        raise UnsafeAddressError(_("A webhook address needs a host name."))
    addresses = _resolve(host, port)
    for ip in addresses:
        if not (is_public(ip) or _allowed_for_tests(ip)):
            raise UnsafeAddressError(
                _(
                    "This address leads to a private, local or reserved network "
                    "(%(address)s): webhooks go only to public addresses."
                )
                % {"address": ip}
            )
    path = parts.path or "/"
    if parts.query:
        path += "?" + parts.query
    return Target(host=host, port=port, path=path, address=str(addresses[0]))
