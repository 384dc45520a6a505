"""The SSRF address policy."""

from __future__ import annotations

import pytest

from fakeinvest.web._netguard import AddressPolicy


@pytest.mark.parametrize(
    "address",
    ["127.0.0.1", "10.0.0.5", "192.168.1.1", "172.16.0.1", "169.254.169.254", "::1",
     "fe80::1", "fc00::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1", "0.0.0.0", "100.64.0.1",
     "224.0.0.1", "not-an-ip"],
)
def test_default_policy_refuses_non_global(address: str) -> None:
    assert not AddressPolicy(False).allows(address)


@pytest.mark.parametrize("address", ["93.184.216.34", "2606:2800:220:1::1", "8.8.8.8"])
def test_default_policy_allows_global(address: str) -> None:
    assert AddressPolicy(False).allows(address)


def test_network_list_allows_only_those_networks() -> None:
    policy = AddressPolicy(["127.0.0.0/8"])
    assert policy.allows("127.0.0.1")
    assert policy.allows("127.5.5.5")
    assert policy.allows("::ffff:127.0.0.1")  # IPv4-mapped IPv6 is unwrapped
    assert not policy.allows("10.255.255.1")
    assert not policy.allows("::1")
    assert not policy.allows("169.254.169.254")


def test_true_allows_everything() -> None:
    assert AddressPolicy(True).allows("10.0.0.1")


@pytest.mark.parametrize(("address", "inside"), [
    ("::7f00:1", "127.0.0.1"),              # IPv4-compatible
    ("::ffff:0:7f00:1", "127.0.0.1"),       # IPv4-translated (SIIT)
    ("::ffff:10.0.0.1", "10.0.0.1"),        # IPv4-mapped
    ("64:ff9b::a00:1", "10.0.0.1"),         # NAT64 well-known prefix
    ("64:ff9b:1:a9fe:a9:fe00::", "169.254.169.254"),  # local-use NAT64 /48 (RFC 8215)
    ("2002:a00:1::1", "10.0.0.1"),          # 6to4
    ("2001:0:4136:e378:8000:63bf:3fff:fdd2", "192.0.2.45"),  # Teredo client
])
def test_ipv6_forms_that_embed_ipv4_are_judged_as_that_ipv4(address: str, inside: str) -> None:
    assert str(AddressPolicy.normalise(address)) == inside
    assert not AddressPolicy().allows(address)


@pytest.mark.parametrize("address", ["::ffff:8.8.8.8", "64:ff9b::808:808", "2002:808:808::1",
                                     "64:ff9b:1:808:8:800::"])
def test_embedded_global_ipv4_stays_allowed(address: str) -> None:
    assert str(AddressPolicy.normalise(address)) == "8.8.8.8"
    assert AddressPolicy().allows(address)
