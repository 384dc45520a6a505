"""SSRF guard: which resolved IP addresses the crawler may connect to."""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable

__all__ = ["AddressPolicy"]

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

# The upper 96 bits of the /96 prefixes whose last 32 bits are an IPv4 address:
# IPv4-translated ::ffff:0:0/96 (SIIT) and the NAT64 well-known prefix 64:ff9b::/96.
_EMBEDDED_96 = frozenset(int(ipaddress.IPv6Address(p)) >> 32
                         for p in ("::ffff:0:0:0", "64:ff9b::"))
# The local-use NAT64 prefix 64:ff9b:1::/48 (RFC 8215), as its upper 48 bits.
_NAT64_LOCAL_48 = int(ipaddress.IPv6Address("64:ff9b:1::")) >> 80


class AddressPolicy:
    """Decide whether a resolved address may be contacted.

    Parameters
    ----------
    allow_private : bool or iterable of str
        ``False``: only globally routable addresses. ``True``: any address.
        An iterable of networks: global addresses plus those networks.
    """

    def __init__(self, allow_private: bool | Iterable[str] = False) -> None:
        self.allow_all = allow_private is True
        if isinstance(allow_private, bool):
            self.networks: tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...] = ()
        else:
            self.networks = tuple(ipaddress.ip_network(n, strict=False) for n in allow_private)

    @staticmethod
    def normalise(address: str) -> IPAddress:
        """Parse an address, unwrapping the IPv6 forms that carry an IPv4 address.

        An IPv6 address that embeds an IPv4 address reaches (or is translated to) that
        IPv4 host, so it is judged as that host: IPv4-mapped ``::ffff:a.b.c.d``,
        IPv4-translated ``::ffff:0:a.b.c.d`` (SIIT), IPv4-compatible ``::a.b.c.d``,
        NAT64 ``64:ff9b::a.b.c.d`` and ``64:ff9b:1::/48`` (RFC 6052/8215), 6to4
        ``2002:AABB:CCDD::`` and Teredo (its client address).

        Parameters
        ----------
        address : str
            A textual IPv4/IPv6 address (a zone suffix ``%eth0`` is ignored).

        Returns
        -------
        ipaddress.IPv4Address or ipaddress.IPv6Address
        """
        ip = ipaddress.ip_address(address.split("%", 1)[0])
        if not isinstance(ip, ipaddress.IPv6Address):
            return ip
        if ip.ipv4_mapped is not None:
            return ip.ipv4_mapped
        if ip.sixtofour is not None:
            return ip.sixtofour
        if ip.teredo is not None:
            return ip.teredo[1]
        value = int(ip)
        if value >> 32 in _EMBEDDED_96 or (value >> 96 == 0 and value > 1):
            return ipaddress.IPv4Address(value & 0xFFFFFFFF)
        if value >> 80 == _NAT64_LOCAL_48:  # RFC 6052, /48: a.b in bits 48-63, c.d in 72-87
            return ipaddress.IPv4Address(((value >> 64) & 0xFFFF) << 16
                                         | ((value >> 40) & 0xFFFF))
        return ip

    def allows(self, address: str) -> bool:
        """Return True if connecting to ``address`` is permitted.

        Parameters
        ----------
        address : str
            A resolved IP address.

        Returns
        -------
        bool
        """
        try:
            ip = self.normalise(address)
        except ValueError:
            return False
        if self.allow_all:
            return True
        if any(ip.version == net.version and ip in net for net in self.networks):
            return True
        return ip.is_global and not ip.is_multicast
