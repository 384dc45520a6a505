"""SSRF guard: which resolved IP addresses the crawler may connect to."""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable

__all__ = ["AddressPolicy"]

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


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
        """Parse an address, unwrapping IPv4-mapped and 6to4-style IPv6 forms.

        Parameters
        ----------
        address : str
            A textual IPv4/IPv6 address (a zone suffix ``%eth0`` is ignored).

        Returns
        -------
        ipaddress.IPv4Address or ipaddress.IPv6Address
        """
        ip = ipaddress.ip_address(address.split("%", 1)[0])
        if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
            return ip.ipv4_mapped
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
