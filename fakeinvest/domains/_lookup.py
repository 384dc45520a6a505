"""Registration facts about a domain: RDAP first, WHOIS otherwise, cached, de-duplicated.

Order of lookups for a registrable domain (IDNs in punycode):

1. the on-disk cache (:mod:`fakeinvest.domains._cache`), unless ``cache=False``;
2. a lookup of the same domain already running in another thread is joined, not repeated;
3. RDAP (:mod:`fakeinvest.domains._rdap`) when the bundled IANA bootstrap names a server for the
   TLD; an RDAP "not found" (404) is final;
4. WHOIS (:mod:`fakeinvest.domains._whois`) for the other TLDs, and as the fallback when
   RDAP failed any other way (timeout, refused, 429, 5xx, unreadable answer), with the
   time left of the one total deadline.

Where to ask and where to cache come from a :class:`~fakeinvest.config.LookupConfig`
(``LookupConfig.from_env()`` when none is given). When it pins the WHOIS server and names
no RDAP server, RDAP is skipped: a pinned server means a controlled (test or demo)
environment, and RDAP would leave it.

A lookup never raises for a network or registry failure: the result carries an ``error``
reason (see :data:`fakeinvest.errors.WHOIS_REASONS`) and a NaN age.
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
import math
import threading
import time
from concurrent.futures import Future
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from ..config import LookupConfig
from ..features.domain import registrable_domain, split_domain
from ..snapshot import DomainFacts
from ._cache import default_cache
from ._rdap import lookup_rdap, rdap_base
from ._whois import lookup_domain

__all__ = ["DomainInfo", "RunLookups", "domain_info", "lookup_facts", "registrable_domain"]

# Lower is better: which of two failed answers to keep.
_RANK = {None: 0, "no_creation_date": 1, "unparsable_date": 1, "no_match": 2,
         "rate_limited": 3, "unparsable": 4, "http_status": 5, "no_server": 6, "connect": 6,
         "timeout": 6}
_INFLIGHT: dict[str, Future[DomainFacts]] = {}
_INFLIGHT_LOCK = threading.Lock()


@dataclass(frozen=True)
class DomainInfo(DomainFacts):
    """What is known about a domain's registration, as of ``checked_at``: the
    :class:`~fakeinvest.snapshot.DomainFacts` a scan freezes into its snapshot, plus the
    time they were valid and the ages measured from it.

    Parameters
    ----------
    domain : str or None
        The registrable domain looked up, ASCII (IDNs as punycode).
    created, expires, updated : datetime or None
        Registration, expiry and last-change dates (UTC).
    registrar : str or None
    privacy : bool or None
        True when the registrant is a privacy/proxy service or the data is redacted
        (GDPR); None when no record was read.
    name_servers : tuple of str
    status : tuple of str
    source : str
        ``rdap`` or ``whois`` for a fresh lookup; ``cache:rdap`` / ``cache:whois`` when
        served from the on-disk cache; ``none`` when no lookup was possible (IP address).
    error : str or None
        None on success; otherwise the reason (``no_match``, ``rate_limited``,
        ``timeout``, ``connect``, ``unparsable``, ``unparsable_date``,
        ``no_creation_date``, ``no_domain``, ``bad_domain`` ...).
    checked_at : datetime
        When the facts were valid (the lookup time, or now for a cache hit).

    Attributes
    ----------
    age_days : float
        Days from ``created`` to ``checked_at``; NaN when the creation date is unknown.
    registration_days : float
        Days from ``created`` to ``expires`` (a one-year registration is a classic scam
        marker); NaN when either is unknown.
    """

    checked_at: datetime = field(default_factory=lambda: datetime.now(UTC))

    @property
    def age_days(self) -> float:
        """Days from ``created`` to ``checked_at`` (NaN when unknown)."""
        if self.created is None:
            return math.nan
        return max(0.0, (self.checked_at - self.created).total_seconds() / 86400.0)

    @property
    def ok(self) -> bool:
        """True when a creation date was read."""
        return self.error is None and self.created is not None

    @classmethod
    def from_facts(cls, facts: DomainFacts, now: datetime | None = None) -> DomainInfo:
        """The facts, valid as of ``now`` (default: now, UTC).

        Parameters
        ----------
        facts : DomainFacts
        now : datetime, optional

        Returns
        -------
        DomainInfo
        """
        own = {f.name: getattr(facts, f.name) for f in dataclasses.fields(DomainFacts)}
        return cls(**own, checked_at=now or datetime.now(UTC))

    def to_facts(self) -> DomainFacts:
        """The snapshot form (:class:`~fakeinvest.snapshot.DomainFacts`)."""
        return DomainFacts(**{f.name: getattr(self, f.name)
                              for f in dataclasses.fields(DomainFacts)})

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-serialisable dict (dates ISO 8601, NaN ages as None)."""
        d = self.to_facts().to_dict()
        d["age_days"] = None if math.isnan(self.age_days) else round(self.age_days, 3)
        d["registration_days"] = (None if math.isnan(self.registration_days)
                                  else round(self.registration_days, 3))
        d["checked_at"] = self.checked_at.isoformat()
        return d


_log = logging.getLogger("fakeinvest.domains")


def _lookup_uncached(domain: str, timeout: float, config: LookupConfig) -> DomainFacts:
    """RDAP first where the bootstrap has the TLD, WHOIS otherwise and as the fallback."""
    deadline = time.monotonic() + timeout
    server = config.whois_address
    base = rdap_base(domain, config.rdap_url) if config.rdap_enabled else None
    if base is None:
        return lookup_domain(domain, timeout=timeout, server=server)
    first = lookup_rdap(domain, timeout=timeout, base=base)
    if first.error in (None, "no_match"):
        return first
    left = deadline - time.monotonic()
    if left < 0.05:
        return first
    _log.info("RDAP for %s failed (%s); asking WHOIS", domain, first.error)
    second = lookup_domain(domain, timeout=left, server=server)
    return second if _RANK.get(second.error, 5) < _RANK.get(first.error, 5) else first


def _cached(store: Any, key: str) -> DomainFacts | None:
    hit: DomainFacts | None = store.get(key)
    if hit is None:
        return None
    src = hit.source if hit.source.startswith("cache:") else f"cache:{hit.source}"
    return dataclasses.replace(hit, source=src)


def lookup_facts(url_or_domain: str, timeout: float | None = None, cache: bool = True,
                 config: LookupConfig | None = None) -> DomainFacts:
    """Registration facts for a URL's or host's registrable domain; never raises on failure.

    Uses the on-disk cache and joins a lookup of the same domain already in flight in
    another thread, so concurrent callers never query one domain twice.

    Parameters
    ----------
    url_or_domain : str
        A URL, host name or registrable domain (Unicode or punycode).
    timeout : float, optional
        Total seconds for the network part (RDAP and WHOIS fallback together);
        ``config.timeout`` by default.
    cache : bool
        Read and write the on-disk cache (``config.cache_dir``).
    config : LookupConfig, optional
        Servers and cache; ``LookupConfig.from_env()`` when None.

    Returns
    -------
    DomainFacts
    """
    domain = registrable_domain(url_or_domain)
    if domain is None:
        try:
            parts = split_domain(url_or_domain)
        except Exception:
            return DomainFacts(domain=None, error="bad_domain", source="none")
        reason = "no_domain" if parts.is_ip or not parts.registered else "bad_domain"
        return DomainFacts(domain=parts.host or None, error=reason, source="none")
    config = config or LookupConfig.from_env()
    timeout = config.timeout if timeout is None else timeout
    store = default_cache(config.cache_dir) if cache else None
    key = domain + config.namespace
    if store is not None and (hit := _cached(store, key)) is not None:
        return hit
    with _INFLIGHT_LOCK:
        future = _INFLIGHT.get(key)
        owner = future is None
        if future is None:
            future = _INFLIGHT[key] = Future()
    if not owner:
        try:
            return future.result(timeout=timeout + 1.0)
        except TimeoutError:
            return DomainFacts(domain=domain, error="timeout", source="none")
    try:
        # Another thread may have finished (stored, then left the in-flight table) between
        # our cache miss and taking ownership: look again before querying.
        if store is not None and (hit := _cached(store, key)) is not None:
            future.set_result(hit)
            return hit
        facts = _lookup_uncached(domain, timeout, config)
        if store is not None:
            store.put(key, facts)
        future.set_result(facts)
        return facts
    except BaseException as exc:
        future.set_exception(exc)
        raise
    finally:
        with _INFLIGHT_LOCK:
            _INFLIGHT.pop(key, None)


def domain_info(domain: str, *, timeout: float | None = None, cache: bool = True,
                config: LookupConfig | None = None) -> DomainInfo:
    """Look up a domain's registration: creation/expiry/update dates, age, registrar,
    privacy, name servers and status.

    RDAP is asked first when IANA's bootstrap (bundled) names a server for the TLD,
    WHOIS otherwise and as the fallback; results are cached on disk (see
    :mod:`fakeinvest.domains._cache`). Network and registry failures never raise.

    Parameters
    ----------
    domain : str
        Domain, host name or URL; its registrable domain is looked up (IDNs converted to
        punycode).
    timeout : float, optional
        Total seconds for the whole lookup (RDAP, WHOIS fallback and referrals);
        ``config.timeout`` (10 s) by default.
    cache : bool
        Use the on-disk cache (``config.cache_dir``; ``FAKEINVEST_CACHE_DIR=off``
        disables it for configs read from the environment).
    config : LookupConfig, optional
        Servers and cache; ``LookupConfig.from_env()`` when None.

    Returns
    -------
    DomainInfo
        ``error`` is None and ``age_days`` a number on success; otherwise ``error`` gives
        the reason and ``age_days`` is NaN.

    Raises
    ------
    ValueError
        If ``FAKEINVEST_WHOIS_SERVER`` or ``FAKEINVEST_RDAP_URL`` is malformed (when the
        config is read from the environment).

    Examples
    --------
    >>> info = fakeinvest.domain_info("example.com")  # doctest: +SKIP
    >>> info.age_days, info.registrar, info.privacy, info.source  # doctest: +SKIP
    """
    facts = lookup_facts(domain, timeout=timeout, cache=cache, config=config)
    return DomainInfo.from_facts(facts)


class RunLookups:
    """The domain lookups of one scan or bulk run, for an event loop.

    Each registrable domain is looked up once per run, however many of its sites are
    scanned: the first site's lookup is a future the others await. That memo lives as long
    as the run and also holds when the on-disk cache is off; :func:`lookup_facts` itself
    (run in a worker thread, since the lookups block) joins concurrent lookups from other
    threads and runs, and keeps the on-disk cache.

    Parameters
    ----------
    config : LookupConfig
    """

    def __init__(self, config: LookupConfig) -> None:
        self.config = config
        self._futures: dict[str, asyncio.Future[DomainFacts]] = {}

    async def facts(self, target: str, timeout: float) -> DomainFacts:
        """Domain facts for the registrable domain of ``target`` (a URL or host)."""
        key = registrable_domain(target) or target
        future = self._futures.get(key)
        if future is None:
            future = self._futures[key] = asyncio.ensure_future(
                asyncio.to_thread(lookup_facts, target, timeout, True, self.config))
        return await asyncio.shield(future)
