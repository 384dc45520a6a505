"""Domain registration facts over WHOIS (RFC 3912), via python-whois, with a hard deadline.

python-whois picks the registry server per TLD and follows thin-registry referrals; its
own timeout applies per ``connect``/``recv`` only, so this module hands it a socket that
enforces one *total* deadline per lookup and caps the response size.

Set ``FAKEINVEST_WHOIS_SERVER=host:port`` to send every WHOIS query the library makes
(including referrals and IANA lookups) to one server, e.g. a test server on 127.0.0.1.
A failed lookup never raises out of :func:`lookup_domain`: the facts carry an ``error``
and the domain-age feature is NaN.
"""

from __future__ import annotations

import os
import re
import socket
import time
from datetime import UTC, date, datetime
from typing import Any

from .errors import WhoisLookupError
from .features.domain import split_domain
from .snapshot import DomainFacts

__all__ = ["lookup_domain", "query_whois", "whois_server_override"]

MAX_RESPONSE_BYTES = 256 * 1024
_RATE_LIMIT = re.compile(
    r"(rate limit|query rate|too many (requests|queries)|exceeded|try again later|"
    r"quota|limit exceeded|blacklisted|access denied)", re.IGNORECASE)
_NO_MATCH = re.compile(
    r"(no match|not found|no entries found|no data found|domain not found|"
    r"no object found|status:\s*free|is available for registration|does not exist)",
    re.IGNORECASE)
_CREATED = re.compile(
    r"^\s*(?:creation date|created(?: on)?|registered(?: on)?|registration (?:date|time)|"
    r"domain registration date|created date|activated|record created)\s*[:.]+\s*(.+)$",
    re.IGNORECASE | re.MULTILINE)


def whois_server_override() -> tuple[str, int] | None:
    """The ``FAKEINVEST_WHOIS_SERVER`` setting as ``(host, port)``, or None.

    Raises
    ------
    ValueError
        If the variable is set but not ``host:port``.
    """
    raw = os.environ.get("FAKEINVEST_WHOIS_SERVER", "").strip()
    if not raw:
        return None
    host, sep, port = raw.rpartition(":")
    if not sep or not port.isdigit():
        raise ValueError(
            f"FAKEINVEST_WHOIS_SERVER={raw!r} must look like 'whois.example.net:43' "
            "or '127.0.0.1:4343'")
    return host.strip("[]") or "127.0.0.1", int(port)


class _DeadlineSocket:
    """The subset of the socket API python-whois uses, under one total deadline."""

    def __init__(self, deadline: float, override: tuple[str, int] | None) -> None:
        self._deadline = deadline
        self._override = override
        self._sock: socket.socket | None = None
        self._received = 0

    def _remaining(self) -> float:
        left = self._deadline - time.monotonic()
        if left <= 0:
            raise TimeoutError("WHOIS lookup deadline exceeded")
        return left

    def settimeout(self, _timeout: float | None) -> None:
        """Ignored: the total deadline governs."""

    def connect(self, address: tuple[str, int]) -> None:
        target = self._override or address
        self._sock = socket.create_connection(target, timeout=self._remaining())

    def send(self, data: bytes) -> int:
        assert self._sock is not None
        self._sock.settimeout(self._remaining())
        self._sock.sendall(data)
        return len(data)

    def recv(self, size: int) -> bytes:
        assert self._sock is not None
        self._sock.settimeout(self._remaining())
        data = self._sock.recv(size)
        self._received += len(data)
        if self._received > MAX_RESPONSE_BYTES:
            raise OSError("WHOIS response too large")
        return data

    def close(self) -> None:
        if self._sock is not None:
            self._sock.close()


def query_whois(domain: str, timeout: float = 10.0) -> str:
    """Raw WHOIS text for a registrable domain (registry answer plus referral answer).

    Parameters
    ----------
    domain : str
        Registrable domain, e.g. ``atfx-vn.com`` (IDNs are converted to punycode).
    timeout : float
        Total seconds for the whole lookup, referrals included.

    Returns
    -------
    str

    Raises
    ------
    fakeinvest.errors.WhoisLookupError
        ``reason`` is ``timeout``, ``connect`` or ``no_server``.
    """
    from whois.whois import NICClient

    override = whois_server_override()
    deadline = time.monotonic() + timeout

    class _Client(NICClient):
        def get_socket(self) -> Any:  # type: ignore[override]
            return _DeadlineSocket(deadline, override)

    try:
        ascii_domain = domain.encode("idna").decode("ascii")
    except UnicodeError as exc:
        raise WhoisLookupError(f"{domain!r} is not a valid domain name",
                               reason="bad_domain") from exc
    client = _Client()
    try:
        text = client.whois_lookup(None, ascii_domain, 0, quiet=True,
                                   ignore_socket_errors=False, timeout=int(timeout) or 1)
    except TimeoutError as exc:
        raise WhoisLookupError(f"WHOIS for {domain} timed out after {timeout:g} s",
                               reason="timeout") from exc
    except OSError as exc:
        raise WhoisLookupError(f"WHOIS for {domain}: {exc}", reason="connect") from exc
    if not text:
        raise WhoisLookupError(f"no WHOIS server known for {domain}", reason="no_server")
    return text


def _as_utc(value: Any) -> datetime | None:
    if isinstance(value, list):
        dates = [d for d in (_as_utc(v) for v in value) if d is not None]
        return min(dates) if dates else None
    if isinstance(value, datetime):
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day, tzinfo=UTC)
    return None


def _fallback_created(text: str) -> datetime | None:
    """Creation date by a lenient pattern, when python-whois cannot parse the record."""
    from whois.parser import datetime_parse  # type: ignore[attr-defined]

    for m in _CREATED.finditer(text):
        raw = m.group(1).strip()
        try:
            dt = _as_utc(datetime_parse(raw))
        except Exception:
            dt = None
        if dt is None:
            m2 = re.search(r"(\d{4})[-./](\d{1,2})[-./](\d{1,2})", raw)
            if m2:
                try:
                    dt = datetime(int(m2[1]), int(m2[2]), int(m2[3]), tzinfo=UTC)
                except ValueError:
                    dt = None
        if dt is not None:
            return dt
    return None


def parse_whois(domain: str, text: str) -> DomainFacts:
    """Parse raw WHOIS text into :class:`~fakeinvest.snapshot.DomainFacts`.

    Parameters
    ----------
    domain : str
    text : str

    Returns
    -------
    DomainFacts
        With ``error`` set (``no_match``, ``rate_limited``, ``unparsable``) when no creation
        date could be read.
    """
    from whois.parser import WhoisEntry

    created = registrar = None
    try:
        entry = WhoisEntry.load(domain, text)
        created = _as_utc(entry.get("creation_date"))
        reg = entry.get("registrar")
        registrar = (reg[0] if isinstance(reg, list) else reg) or None
    except Exception:
        entry = None
    if created is None:
        created = _fallback_created(text)
    if created is not None:
        return DomainFacts(domain=domain, created=created,
                           registrar=str(registrar) if registrar else None, source="whois")
    if _NO_MATCH.search(text[:2000]):
        error = "no_match"
    elif _RATE_LIMIT.search(text[:2000]):
        error = "rate_limited"
    else:
        error = "unparsable"
    return DomainFacts(domain=domain, registrar=str(registrar) if registrar else None,
                       error=error, source="whois")


def lookup_domain(url_or_domain: str, timeout: float = 10.0) -> DomainFacts:
    """Look up a site's registrable domain; never raises for lookup failures.

    Parameters
    ----------
    url_or_domain : str
        A URL or host name; its registrable domain is queried.
    timeout : float
        Total seconds for the lookup.

    Returns
    -------
    DomainFacts
        ``created`` set on success, else ``error`` says why.
    """
    parts = split_domain(url_or_domain)
    if parts.is_ip or not parts.registered:
        return DomainFacts(domain=parts.host or None, error="no_domain", source="whois")
    try:
        text = query_whois(parts.registered, timeout=timeout)
    except WhoisLookupError as exc:
        return DomainFacts(domain=parts.registered, error=exc.reason, source="whois")
    return parse_whois(parts.registered, text)
