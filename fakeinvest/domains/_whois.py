"""Domain registration facts over WHOIS (RFC 3912), with a hard deadline.

python-whois's client picks the registry server per TLD and follows thin-registry
referrals; its own timeout applies per ``connect``/``recv`` only, so this module hands it
a socket that enforces one *total* deadline per lookup and caps the response size. The
answer is parsed here (:func:`parse_whois`, :func:`parse_date`), not by python-whois's
parser, which loses a whole record on one unknown date format and returns an empty record
for a rate-limit text.

Most callers want :func:`fakeinvest.domain_info`, which asks RDAP first and caches.

Set ``FAKEINVEST_WHOIS_SERVER=host:port`` to send every WHOIS query the library makes
(including referrals and IANA lookups) to one server, e.g. a test server on 127.0.0.1.
A failed lookup never raises out of :func:`lookup_domain`: the facts carry an ``error``
and the domain-age feature is NaN.
"""

from __future__ import annotations

import re
import socket
import threading
import time
from datetime import datetime
from typing import Any

from whois.whois import NICClient

from ..errors import WhoisLookupError
from ..features.domain import registrable_domain, split_domain
from ..snapshot import DomainFacts
from ._records import PRIVACY, parse_date

__all__ = ["lookup_domain", "parse_whois", "query_whois"]

MAX_RESPONSE_BYTES = 256 * 1024
_IANA_SERVERS: dict[tuple[str, tuple[str, int] | None], str | None] = {}
_IANA_TLD_LOCKS: dict[tuple[str, tuple[str, int] | None], threading.Lock] = {}
_IANA_LOCK = threading.Lock()
_RATE_LIMIT = re.compile(
    r"(rate limit|query rate|too many (requests|queries)|exceeded|try again later|"
    r"quota|limit exceeded|blacklisted|access denied)", re.IGNORECASE)
_NO_MATCH = re.compile(
    r"(no match|not found|no entries found|no data found|domain not found|"
    r"no object found|status:\s*free|is available for registration|does not exist)",
    re.IGNORECASE)


class _TooLargeError(OSError):
    """The answer passed :data:`MAX_RESPONSE_BYTES` (an OSError, so that python-whois
    lets it through like a socket error)."""


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
            raise _TooLargeError(f"WHOIS answer larger than {MAX_RESPONSE_BYTES} bytes")
        return data

    def close(self) -> None:
        if self._sock is not None:
            self._sock.close()


def query_whois(domain: str, timeout: float = 10.0,
                server: tuple[str, int] | None = None) -> str:
    """Raw WHOIS text for a registrable domain (registry answer plus referral answer).

    Parameters
    ----------
    domain : str
        Registrable domain, e.g. ``atfx-vn.com`` (IDNs are converted to punycode).
    timeout : float
        Total seconds for the whole lookup, referrals included.
    server : (str, int), optional
        Send every query, referrals included, to this ``(host, port)``
        (``LookupConfig.whois_address``).

    Returns
    -------
    str

    Raises
    ------
    fakeinvest.errors.WhoisLookupError
        ``reason`` is ``timeout``, ``connect``, ``too_large`` or ``no_server``.
    """

    override = server
    deadline = time.monotonic() + timeout

    class _Client(NICClient):
        def get_socket(self) -> Any:  # type: ignore[override]
            return _DeadlineSocket(deadline, override)

        def whois(self, query: str, hostname: str, flags: int, *args: Any,
                  **kwargs: Any) -> str:
            if flags & NICClient.WHOIS_RECURSE:
                return str(super().whois(query, hostname, flags, *args, **kwargs))
            # The registrar's server of a thin-registry referral: a dead, slow or refusing
            # registrar server must not lose the registry's answer already received.
            try:
                return str(super().whois(query, hostname, flags, *args, **kwargs))
            except OSError:
                return ""

        def findwhois_iana(self, tld: str) -> str | None:
            # IANA's answer (which server serves a TLD) is asked once per process.
            key = (tld.lower(), override)
            with _IANA_LOCK:
                lock = _IANA_TLD_LOCKS.setdefault(key, threading.Lock())
            with lock:
                if key not in _IANA_SERVERS:
                    _IANA_SERVERS[key] = self._ask_iana(tld)
                return _IANA_SERVERS[key]

        def _ask_iana(self, tld: str) -> str | None:
            # python-whois's own version decodes the answer strictly (a Latin-1 or
            # binary answer raised UnicodeDecodeError) and reads without a size cap.
            s = self.get_socket()
            try:
                s.connect(("whois.iana.org", 43))
                s.send(tld.encode("ascii", "replace") + b"\r\n")
                answer = bytearray()
                while chunk := s.recv(4096):
                    answer += chunk
            finally:
                s.close()
            m = re.search(r"whois:[ \t]+(.*?)\n", answer.decode("utf-8", "replace"))
            return m.group(1).strip() or None if m else None

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
    except _TooLargeError as exc:
        raise WhoisLookupError(f"WHOIS for {domain}: {exc}", reason="too_large") from exc
    except OSError as exc:
        raise WhoisLookupError(f"WHOIS for {domain}: {exc}", reason="connect") from exc
    if not text:
        raise WhoisLookupError(f"no WHOIS server known for {domain}", reason="no_server")
    return text


# Record keys (lower case, brackets, trailing dots and colons removed) -> field.
_FIELDS: dict[str, str] = {}
for _field, _keys in {
    "created": ("creation date", "created", "created on", "created date", "create date",
                "registered on", "registered", "registration date", "registration time",
                "domain registration date", "record created", "activated", "registered date",
                "domain create date", "created at", "commencement date",
                "domain name commencement date", "登録年月日", "注册时间", "注册日期"),
    "expires": ("registry expiry date", "registrar registration expiration date",
                "expiration date", "expiry date", "expires", "expires on", "expire date",
                "expiration time", "paid-till", "有効期限", "valid until", "renewal date",
                "domain expiration date", "record expires on", "expire", "过期时间",
                "到期时间"),
    "updated": ("updated date", "last updated", "last updated on", "last modified", "changed",
                "last update", "最終更新", "modified", "last-update", "updated", "update date",
                "last-modified", "更新时间"),
    "registrar": ("registrar", "sponsoring registrar", "registrar name", "注册商",
                  "所属注册机构"),
    "name_servers": ("name server", "name servers", "nameserver", "nameservers", "nserver",
                     "ネームサーバ", "域名服务器", "dns", "dns servers", "host name"),
    "status": ("domain status", "status", "state", "状態", "registration status",
               "domain state", "域名状态"),
}.items():
    for _key in _keys:
        _FIELDS[_key] = _field

_KEY_VALUE = re.compile(r"^(\s*)([^:\[\]]{1,60}?)\s*\.{0,40}\s*[:：]\s*(.*?)\s*$")
_BRACKET = re.compile(r"^(\s*)(?:[a-z]\.\s*)?\[([^\]]{1,40})\]\s*(.*?)\s*$")
_CONTACT_KEY = re.compile(
    r"registrant|admin|tech|owner|holder|person|org|contact|e-?mail|\bname\b|登録者|"
    r"注册人|联系人|所有者", re.IGNORECASE)

def _norm_key(key: str) -> str:
    return re.sub(r"\s+", " ", key.strip().strip(".").strip()).lower()


def parse_record(text: str) -> dict[str, list[str]]:
    """Split WHOIS text into ``{field: [values]}`` for the fields this library reads.

    Understands ``Key: value`` lines (with dotted padding), JPRS ``[Key] value`` lines and
    Nominet-style blocks (``Registrar:`` followed by indented value lines). The special
    field ``_privacy`` collects contact values that look like a privacy service or
    redaction.

    Parameters
    ----------
    text : str

    Returns
    -------
    dict of str to list of str
    """
    out: dict[str, list[str]] = {}
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    i = 0
    while i < len(lines):
        line = lines[i]
        i += 1
        stripped = line.strip()
        if not stripped or stripped[0] in "%#" or stripped.startswith(">>>"):
            continue
        m = _BRACKET.match(line) or _KEY_VALUE.match(line)
        if m is None:
            continue
        indent, key, value = len(m[1]), _norm_key(m[2]), m[3]
        if key.startswith(("http", "www")) or "://" in key:
            continue
        field = _FIELDS.get(key)
        values = [value] if value else []
        if field and not value:
            # A block: the value is on the following, deeper-indented lines.
            while i < len(lines) and lines[i].strip() and \
                    len(lines[i]) - len(lines[i].lstrip()) > indent:
                values.append(lines[i].strip())
                i += 1
        if field:
            out.setdefault(field, []).extend(values)
        elif (_CONTACT_KEY.search(key) and not key.startswith("domain")
              and any(PRIVACY.search(v) for v in values)):
            out.setdefault("_privacy", []).extend(values)
    return out


def _first_token_host(value: str) -> str | None:
    token = value.split()[0].strip().rstrip(".").lower() if value.split() else ""
    return token if re.fullmatch(r"[a-z0-9][a-z0-9.-]*\.[a-z0-9-]+", token) else None


def _status_values(values: list[str]) -> tuple[str, ...]:
    out: list[str] = []
    for value in values:
        if "http" in value:
            value = value.split()[0]
        for item in re.split(r",\s*", value):
            item = item.strip()
            if item and item not in out:
                out.append(item)
    return tuple(out)


def _registrar_name(values: list[str]) -> str | None:
    for value in values:
        name = re.sub(r"\s*\[Tag = [^\]]*\]", "", value).strip()
        if name and not name.lower().startswith(("url:", "http")):
            return name
    return None


def parse_whois(domain: str, text: str) -> DomainFacts:
    """Parse raw WHOIS text into :class:`~fakeinvest.snapshot.DomainFacts`.

    Dates are read with :func:`parse_date`, never with python-whois's parser, so one odd
    date cannot lose the rest of the record.

    Parameters
    ----------
    domain : str
    text : str

    Returns
    -------
    DomainFacts
        ``error`` is None when a creation date was read; otherwise ``no_match``,
        ``rate_limited``, ``unparsable`` (nothing recognisable), ``unparsable_date`` (a
        creation date is written but cannot be read) or ``no_creation_date`` (the record
        has none, e.g. DENIC), with every other field that could be read kept.
    """
    rec = parse_record(text)

    def dates(field: str) -> list[datetime]:
        return [d for d in (parse_date(v) for v in rec.get(field, [])) if d is not None]

    created_all = dates("created")
    created = min(created_all) if created_all else None
    expires = next(iter(dates("expires")), None)
    updated = next(iter(dates("updated")), None)
    registrar = _registrar_name(rec.get("registrar", []))
    hosts = [h for h in (_first_token_host(v) for v in rec.get("name_servers", [])) if h]
    name_servers = tuple(dict.fromkeys(hosts))
    status = _status_values(rec.get("status", []))
    found = bool(created_all or expires or updated or registrar or name_servers)
    error: str | None = None
    head = text[:4000]
    if created is None:
        if not found and _NO_MATCH.search(head):
            error = "no_match"
        elif not found and _RATE_LIMIT.search(head):
            error = "rate_limited"
        elif rec.get("created"):
            error = "unparsable_date"
        elif found:
            error = "no_creation_date"
        else:
            error = "unparsable"
    privacy = bool(rec.get("_privacy")) if found else None
    return DomainFacts(domain=domain, created=created, registrar=registrar, error=error,
                       source="whois", expires=expires, updated=updated, privacy=privacy,
                       name_servers=name_servers, status=status)


def lookup_domain(url_or_domain: str, timeout: float = 10.0,
                  server: tuple[str, int] | None = None) -> DomainFacts:
    """Look up a site's registrable domain over WHOIS only; never raises for failures.

    No RDAP and no cache: :func:`fakeinvest.domain_info` does both.

    Parameters
    ----------
    url_or_domain : str
        A URL or host name; its registrable domain is queried.
    timeout : float
        Total seconds for the lookup.
    server : (str, int), optional
        A WHOIS server that answers every query (see :func:`query_whois`).

    Returns
    -------
    DomainFacts
        ``created`` set on success, else ``error`` says why.
    """
    parts = split_domain(url_or_domain)
    if parts.is_ip or not parts.registered:
        return DomainFacts(domain=parts.host or None, error="no_domain", source="whois")
    domain = registrable_domain(url_or_domain)
    if domain is None:
        return DomainFacts(domain=parts.registered, error="bad_domain", source="whois")
    try:
        text = query_whois(domain, timeout=timeout, server=server)
    except WhoisLookupError as exc:
        return DomainFacts(domain=domain, error=exc.reason, source="whois")
    return parse_whois(domain, text)
