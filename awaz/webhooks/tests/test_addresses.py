"""No server-side request forgery: only public HTTPS addresses may receive webhooks."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from awaz.webhooks.addresses import UnsafeAddressError, is_public, webhook_target


@pytest.mark.parametrize(
    "url",
    [
        "https://127.0.0.1/hook",
        "https://127.1.2.3:8443/hook",
        "https://10.0.0.8/hook",
        "https://172.16.4.4/hook",
        "https://192.168.1.1/hook",
        "https://169.254.169.254/latest/meta-data/",  # the cloud's metadata service
        "https://100.64.0.1/hook",  # carrier-grade NAT
        "https://0.0.0.0/hook",
        "https://[::1]/hook",
        "https://[::ffff:127.0.0.1]/hook",  # loopback dressed as IPv6
        "https://[fe80::1]/hook",
        "https://[fc00::1]/hook",
        "https://224.0.0.1/hook",
        "https://localhost/hook",  # a name that resolves to loopback
    ],
)
def test_private_local_and_reserved_addresses_are_refused(url):
    with pytest.raises(UnsafeAddressError, match="public addresses"):
        webhook_target(url)


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("http://93.184.216.34/hook", "https://"),
        ("ftp://93.184.216.34/hook", "https://"),
        ("https://user:pw@93.184.216.34/hook", "user name"),
        ("https:///hook", "host name"),
        ("https://93.184.216.34:port/hook", "port"),
        ("https://no-such-host.invalid/hook", "does not resolve"),
    ],
)
def test_other_bad_addresses_say_why(url, reason):
    with pytest.raises(UnsafeAddressError, match=reason):
        webhook_target(url)


def test_a_public_address_is_the_one_connected_to():
    target = webhook_target("https://93.184.216.34:8443/hooks/awaz?x=1")
    assert (target.address, target.port, target.path) == ("93.184.216.34", 8443, "/hooks/awaz?x=1")


def test_the_test_networks_open_only_what_they_name(settings):
    settings.AWAZ_WEBHOOK_TEST_NETWORKS = ["127.0.0.0/8"]
    assert webhook_target("https://127.0.0.1:22443/").address == "127.0.0.1"
    with pytest.raises(UnsafeAddressError):
        webhook_target("https://10.0.0.8/")


@given(st.ip_addresses())
def test_no_loopback_private_or_link_local_address_counts_as_public(ip):
    if ip.version == 6 and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    if ip.is_loopback or ip.is_private or ip.is_link_local or ip.is_reserved or ip.is_multicast:
        assert not is_public(ip)
