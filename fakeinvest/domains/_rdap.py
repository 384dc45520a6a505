"""Domain registration facts over RDAP (RFC 9082/9083), with one total deadline.

The RDAP server of a TLD comes from a bundled copy of IANA's bootstrap registry
(RFC 9224, ``fakeinvest/data/rdap_dns.json``, rebuilt by ``tools/build_rdap_bootstrap.py``),
so no bootstrap download ever happens. The query is one HTTP GET of
``<base>domain/<name>``; the JSON answer is read into
:class:`~fakeinvest.snapshot.DomainFacts`.

``FAKEINVEST_RDAP_URL=<base-url>`` sends every RDAP query to that base (e.g. a test server
on 127.0.0.1); ``FAKEINVEST_RDAP_URL=off`` disables RDAP. Which TLDs use RDAP is still
decided by the bootstrap.

The HTTP client is the standard library's, driven so that connect, every read and every
redirect count against one deadline (a server dripping a byte a second cannot hold a
lookup past it); bodies are capped at :data:`MAX_RESPONSE_BYTES`.
"""

from __future__ import annotations

import contextlib
import http.client
import json
import socket
import ssl
import threading
import time
from datetime import datetime
from functools import lru_cache
from importlib import resources
from typing import Any
from urllib.parse import quote, urljoin, urlsplit

from ..errors import WhoisLookupError
from ..snapshot import DomainFacts
from ._records import PRIVACY, parse_date

__all__ = ["bootstrap", "lookup_rdap", "parse_rdap", "query_rdap", "rdap_base",
]

MAX_RESPONSE_BYTES = 1024 * 1024
MAX_REDIRECTS = 3
_OFF = {"off", "0", "no", "false", "none", "disabled"}


@lru_cache(maxsize=1)
def bootstrap() -> dict[str, str]:
    """The bundled IANA bootstrap as ``{tld: base_url}`` (https preferred).

    Returns
    -------
    dict of str to str
        TLDs in lower-case ASCII (IDN TLDs as punycode); base URLs end with ``/``.
    """
    raw = resources.files("fakeinvest").joinpath("data/rdap_dns.json").read_text("utf-8")
    table: dict[str, str] = {}
    for tlds, urls in json.loads(raw)["services"]:
        best = next((u for u in urls if u.startswith("https://")), urls[0])
        for tld in tlds:
            table[tld.lower()] = best if best.endswith("/") else best + "/"
    return table


def rdap_base(domain: str, override: str | None = None) -> str | None:
    """The RDAP base URL to ask about ``domain``, or None when RDAP is not used for it.

    Parameters
    ----------
    domain : str
        Registrable domain in ASCII (punycode).
    override : str, optional
        ``LookupConfig.rdap_url``: a server that answers for every TLD the bootstrap
        knows, or ``"off"``.

    Returns
    -------
    str or None
        None when the bootstrap has no server for the TLD or RDAP is switched off.
    """
    if override == "off":
        return None
    tld = domain.rstrip(".").rsplit(".", 1)[-1].lower()
    base = bootstrap().get(tld)
    if base is None:
        return None
    return override or base


def _remaining(deadline: float) -> float:
    left = deadline - time.monotonic()
    if left <= 0:
        raise TimeoutError("RDAP lookup deadline exceeded")
    return left


def _abort(conn: http.client.HTTPConnection) -> None:
    """Cut a connection at the deadline: a blocked read returns at once."""
    with contextlib.suppress(OSError, AttributeError):
        conn.sock.shutdown(socket.SHUT_RDWR)  # type: ignore[union-attr]


def _get(url: str, deadline: float) -> tuple[int, dict[str, str], bytes]:
    """GET ``url`` following redirects, everything within ``deadline``.

    Socket timeouts restart with every byte received, so a server that drips its status
    line or headers would hold a read far past the deadline; a timer shuts the socket
    down when the deadline comes, whatever the read is waiting for.
    """
    for _ in range(MAX_REDIRECTS + 1):
        parts = urlsplit(url)
        conn_cls: type[http.client.HTTPConnection]
        kwargs: dict[str, Any] = {}
        if parts.scheme == "https":
            conn_cls = http.client.HTTPSConnection
            kwargs["context"] = ssl.create_default_context()
        else:
            conn_cls = http.client.HTTPConnection
        conn = conn_cls(parts.hostname or "", parts.port, timeout=_remaining(deadline),
                        **kwargs)
        watchdog: threading.Timer | None = None
        try:
            path = parts.path + (f"?{parts.query}" if parts.query else "")
            conn.request("GET", path or "/", headers={
                "Accept": "application/rdap+json, application/json",
                "User-Agent": "fakeinvest-rdap", "Connection": "close"})
            assert conn.sock is not None
            conn.sock.settimeout(_remaining(deadline))
            watchdog = threading.Timer(_remaining(deadline), _abort, (conn,))
            watchdog.daemon = True
            watchdog.start()
            resp = conn.getresponse()
            headers = {k.lower(): v for k, v in resp.getheaders()}
            if resp.status in (301, 302, 303, 307, 308) and headers.get("location"):
                url = urljoin(url, headers["location"])
                if not url.startswith(("http://", "https://")):
                    break
                continue
            body = bytearray()
            while True:
                assert conn.sock is not None
                conn.sock.settimeout(_remaining(deadline))
                chunk = resp.read1(16384) if hasattr(resp, "read1") else resp.read(16384)
                if not chunk:
                    break
                body += chunk
                if len(body) > MAX_RESPONSE_BYTES:
                    raise WhoisLookupError(f"RDAP answer for {url} too large",
                                           reason="too_large")
            _remaining(deadline)  # an answer cut short by the watchdog is no answer
            return resp.status, headers, bytes(body)
        except (OSError, http.client.HTTPException):
            _remaining(deadline)  # the watchdog cut it: a timeout, not a connect error
            raise
        finally:
            if watchdog is not None:
                watchdog.cancel()
            conn.close()
    raise WhoisLookupError(f"RDAP: too many redirects for {url}", reason="http_status")


def query_rdap(domain: str, timeout: float = 10.0, base: str | None = None) -> dict[str, Any]:
    """The RDAP domain object for ``domain`` (parsed JSON).

    Parameters
    ----------
    domain : str
        Registrable domain; IDNs are converted to punycode.
    timeout : float
        Total seconds for the lookup, redirects included.
    base : str, optional
        RDAP base URL; default from :func:`rdap_base` (the bundled bootstrap).

    Returns
    -------
    dict

    Raises
    ------
    fakeinvest.errors.WhoisLookupError
        ``reason`` is ``no_server``, ``bad_domain``, ``timeout``, ``connect``, ``no_match``
        (404), ``rate_limited`` (429), ``http_status`` (other errors) or ``unparsable``.
    """
    try:
        ascii_domain = domain.rstrip(".").encode("idna").decode("ascii").lower()
    except UnicodeError as exc:
        raise WhoisLookupError(f"{domain!r} is not a valid domain name",
                               reason="bad_domain") from exc
    base = base or rdap_base(ascii_domain)
    if base is None:
        raise WhoisLookupError(f"no RDAP server known for {domain}", reason="no_server")
    url = f"{base}domain/{quote(ascii_domain)}"
    deadline = time.monotonic() + timeout
    try:
        status, _headers, body = _get(url, deadline)
    except TimeoutError as exc:
        raise WhoisLookupError(f"RDAP for {domain} timed out after {timeout:g} s",
                               reason="timeout") from exc
    except (OSError, http.client.HTTPException) as exc:
        raise WhoisLookupError(f"RDAP for {domain}: {exc}", reason="connect") from exc
    if status == 404:
        raise WhoisLookupError(f"RDAP: {domain} not found", reason="no_match")
    if status == 429:
        raise WhoisLookupError(f"RDAP: rate limited asking about {domain}",
                               reason="rate_limited")
    if status >= 400:
        raise WhoisLookupError(f"RDAP: HTTP {status} for {domain}", reason="http_status")
    try:
        data = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        raise WhoisLookupError(f"RDAP answer for {domain} is not JSON",
                               reason="unparsable") from exc
    if not isinstance(data, dict):
        raise WhoisLookupError(f"RDAP answer for {domain} is not an object",
                               reason="unparsable")
    return data


def _vcard_values(entity: dict[str, Any]) -> list[str]:
    """All string values of an entity's jCard (``fn``, ``org``, ``adr`` ...)."""
    out: list[str] = []
    card = entity.get("vcardArray")
    if isinstance(card, list) and len(card) == 2 and isinstance(card[1], list):
        for prop in card[1]:
            if isinstance(prop, list) and len(prop) >= 4:
                for v in prop[3:]:
                    if isinstance(v, str):
                        out.append(v)
                    elif isinstance(v, list):
                        out.extend(x for x in v if isinstance(x, str))
    return out


def _vcard_fn(entity: dict[str, Any]) -> str | None:
    card = entity.get("vcardArray")
    if isinstance(card, list) and len(card) == 2 and isinstance(card[1], list):
        for prop in card[1]:
            if isinstance(prop, list) and len(prop) >= 4 and prop[0] == "fn" \
                    and isinstance(prop[3], str) and prop[3].strip():
                return prop[3].strip()
    return None


#: Entities read from one RDAP answer at most (registries nest a handful).
MAX_ENTITIES = 1000


def _entities(obj: dict[str, Any]) -> list[dict[str, Any]]:
    """Every entity of an RDAP object, nested ones included, depth first (an entity
    before the entities inside it); iterative and capped at :data:`MAX_ENTITIES`, so an
    answer nested thousands deep costs no recursion."""
    out: list[dict[str, Any]] = []
    top = obj.get("entities")
    stack = [iter(top)] if isinstance(top, list) else []
    while stack and len(out) < MAX_ENTITIES:
        ent = next(stack[-1], _END)
        if ent is _END:
            stack.pop()
        elif isinstance(ent, dict):
            out.append(ent)
            inner = ent.get("entities")
            if isinstance(inner, list) and inner:
                stack.append(iter(inner))
    return out


_END = object()


def _remark_texts(obj: dict[str, Any]) -> list[str]:
    texts: list[str] = []
    for remark in obj.get("remarks") or []:
        if isinstance(remark, dict):
            if isinstance(remark.get("title"), str):
                texts.append(remark["title"])
            texts.extend(d for d in remark.get("description") or [] if isinstance(d, str))
    return texts


def parse_rdap(domain: str, data: dict[str, Any]) -> DomainFacts:
    """Read an RDAP domain object into :class:`~fakeinvest.snapshot.DomainFacts`.

    Parameters
    ----------
    domain : str
    data : dict
        The JSON domain object (RFC 9083 section 5.3).

    Returns
    -------
    DomainFacts
        ``source="rdap"``; ``error`` is ``unparsable`` when the object is not a domain,
        ``unparsable_date`` / ``no_creation_date`` when the registration event cannot be
        read or is absent.
    """
    if data.get("objectClassName") not in (None, "domain") or not (
            data.get("ldhName") or data.get("events") or data.get("entities")):
        return DomainFacts(domain=domain, error="unparsable", source="rdap")
    events: dict[str, list[str]] = {}
    for ev in data.get("events") or []:
        if isinstance(ev, dict) and isinstance(ev.get("eventDate"), str):
            events.setdefault(str(ev.get("eventAction", "")).lower(), []).append(ev["eventDate"])

    def when(action: str) -> datetime | None:
        return next((d for d in map(parse_date, events.get(action, [])) if d), None)

    created = when("registration")
    expires = when("expiration")
    updated = when("last changed")
    ents = _entities(data)
    registrar = next((_vcard_fn(e) for e in ents
                      if "registrar" in (e.get("roles") or []) and _vcard_fn(e)), None)
    contacts = [e for e in ents if {"registrant", "administrative", "technical"}
                & set(e.get("roles") or [])]
    privacy = bool(data.get("redacted")) or any(
        PRIVACY.search(text) for e in contacts
        for text in _vcard_values(e) + _remark_texts(e)) or any(
        PRIVACY.search(t) and "redact" in t.lower() for t in _remark_texts(data))
    name_servers = tuple(dict.fromkeys(
        str(ns.get("ldhName")).rstrip(".").lower() for ns in data.get("nameservers") or []
        if isinstance(ns, dict) and ns.get("ldhName")))
    status = tuple(dict.fromkeys(str(s) for s in data.get("status") or []))
    error = None
    if created is None:
        error = "unparsable_date" if events.get("registration") else "no_creation_date"
    return DomainFacts(domain=domain, created=created, registrar=registrar, error=error,
                       source="rdap", expires=expires, updated=updated, privacy=privacy,
                       name_servers=name_servers, status=status)


def lookup_rdap(domain: str, timeout: float = 10.0, base: str | None = None) -> DomainFacts:
    """Look up a registrable domain over RDAP; never raises for lookup failures.

    Parameters
    ----------
    domain : str
        Registrable domain (ASCII or Unicode).
    timeout : float
        Total seconds.
    base : str, optional
        RDAP base URL (see :func:`rdap_base`); the bundled bootstrap's by default.

    Returns
    -------
    DomainFacts
        ``source="rdap"``; ``error`` says why when no creation date was read.
    """
    try:
        data = query_rdap(domain, timeout=timeout, base=base)
    except WhoisLookupError as exc:
        return DomainFacts(domain=domain, error=exc.reason, source="rdap")
    return parse_rdap(domain, data)
