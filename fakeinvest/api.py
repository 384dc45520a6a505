"""The public entry points: scan a live site, scan many, score saved HTML or a snapshot."""

from __future__ import annotations

import asyncio
import dataclasses
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path

from . import errors
from .config import AllowPrivate, FetchConfig
from .snapshot import DomainFacts, Snapshot
from .verdict import Verdict

__all__ = ["scan", "scan_many", "score_html", "score_snapshot", "snapshot_site"]

WHOIS_TIMEOUT = 10.0


def _config(config: FetchConfig | None, allow_private: AllowPrivate) -> FetchConfig:
    config = config or FetchConfig()
    if allow_private is not False or config.allow_private is False:
        config = dataclasses.replace(config, allow_private=allow_private)
    return config


async def _snapshot_async(url: str, whois: bool, config: FetchConfig,
                          session: object | None = None) -> Snapshot:
    from .fetch import fetch_site, validate_url
    from .whois_lookup import lookup_domain

    url = validate_url(url)
    started = datetime.now(UTC)
    pages = await fetch_site(url, config, session=session)  # type: ignore[arg-type]
    domain = DomainFacts()
    if whois:
        domain = await asyncio.to_thread(lookup_domain, pages[0].url or url, WHOIS_TIMEOUT)
    return Snapshot(url=url, pages=pages, fetched_at=started, domain=domain)


def snapshot_site(url: str, *, whois: bool = True, allow_private: AllowPrivate = False,
                  config: FetchConfig | None = None) -> Snapshot:
    """Crawl a site (landing page and key pages) and look up its domain, without scoring.

    Parameters
    ----------
    url : str
        Site URL; ``http://`` is assumed when no scheme is given.
    whois : bool
        Look up the domain's registration date.
    allow_private : bool or list of str
        SSRF guard: ``False`` refuses loopback, private and link-local addresses;
        ``True`` allows everything; a list of networks allows those.
    config : FetchConfig, optional
        Crawl limits; ``allow_private`` overrides its field of the same name.

    Returns
    -------
    Snapshot

    Raises
    ------
    fakeinvest.errors.FetchError
        The landing page could not be fetched; ``kind`` says why.
    fakeinvest.errors.BadInputError
        The URL is not an http(s) URL.
    """
    from .fetch import run_sync

    return run_sync(_snapshot_async(url, whois, _config(config, allow_private)))


def score_snapshot(snapshot: Snapshot, url: str | None = None) -> Verdict:
    """Score a snapshot (offline; a pure function of the snapshot and the model).

    Parameters
    ----------
    snapshot : Snapshot
    url : str, optional
        URL to report on the verdict.

    Returns
    -------
    Verdict
    """
    from .model import load_model

    return load_model().verdict(snapshot, url=url)


def scan(url: str, *, whois: bool = True, allow_private: AllowPrivate = False,
         config: FetchConfig | None = None) -> Verdict:
    """Crawl a site, look up its domain age, and score it.

    Parameters
    ----------
    url : str
        Site URL.
    whois : bool
        Look up the domain's registration date over WHOIS.
    allow_private : bool or list of str
        SSRF guard (see :func:`snapshot_site`).
    config : FetchConfig, optional
        Crawl limits.

    Returns
    -------
    Verdict

    Raises
    ------
    fakeinvest.errors.FetchError
        The site could not be fetched (``kind``: dns, connect, timeout, too_large,
        too_many_redirects, not_html, blocked_private, http_status, tls).
    fakeinvest.errors.BadInputError
        The URL is not an http(s) URL.

    Examples
    --------
    >>> v = fakeinvest.scan("https://example.com")  # doctest: +SKIP
    >>> v.flagged, [r.feature for r in v.reasons[:3]]  # doctest: +SKIP
    """
    snap = snapshot_site(url, whois=whois, allow_private=allow_private, config=config)
    return score_snapshot(snap, url=url)


def score_html(html: str, url: str | None = None) -> Verdict:
    """Score one saved HTML page, offline (no network at all, not even WHOIS).

    Parameters
    ----------
    html : str
        The page's HTML.
    url : str, optional
        Where the page came from; enables URL and brand-domain checks.

    Returns
    -------
    Verdict
    """
    if not isinstance(html, str):
        raise errors.BadInputError("score_html expects the HTML as str; decode bytes first "
                                   "(fakeinvest.fetch.decode_html does charset detection)")
    return score_snapshot(Snapshot.from_html(html, url=url), url=url or "")


def scan_many(urls: Iterable[str], *, whois: bool = True, allow_private: AllowPrivate = False,
              config: FetchConfig | None = None, concurrency: int = 16,
              snapshot_dir: str | Path | None = None) -> Iterator[Verdict]:
    """Scan many sites concurrently; yield one verdict per URL, in input order.

    A site that cannot be analysed yields a verdict with ``error`` set (and NaN
    probability); this function never raises for a single site's failure.

    Parameters
    ----------
    urls : iterable of str
    whois : bool
    allow_private : bool or list of str
    config : FetchConfig, optional
    concurrency : int
        Sites crawled at the same time.
    snapshot_dir : str or Path, optional
        Save each analysed site's snapshot there as a WARC file (evidence; re-score it
        offline with :func:`fakeinvest.load_snapshot` and :func:`score_snapshot`).

    Yields
    ------
    Verdict
    """
    from .fetch import _make_session, run_sync
    from .model import load_model

    cfg = _config(config, allow_private)
    model = load_model()
    if snapshot_dir is not None:
        Path(snapshot_dir).mkdir(parents=True, exist_ok=True)

    async def batch(items: list[str]) -> list[Snapshot | BaseException]:
        session = _make_session(cfg)
        try:
            return await asyncio.gather(
                *(_snapshot_async(u, whois, cfg, session) for u in items),
                return_exceptions=True)
        finally:
            await session.close()

    pending: list[str] = []

    def flush() -> Iterator[Verdict]:
        results = run_sync(batch(pending))
        for u, res in zip(pending, results, strict=True):
            if isinstance(res, errors.FetchError):
                yield Verdict.failed(u, str(res), model.version)
            elif isinstance(res, errors.FakeinvestError):
                yield Verdict.failed(u, f"bad_input: {res}", model.version)
            elif isinstance(res, BaseException):
                yield Verdict.failed(u, f"internal: {type(res).__name__}: {res}",
                                     model.version)
            else:
                if snapshot_dir is not None:
                    from .warc import save_snapshot

                    save_snapshot(res, Path(snapshot_dir))
                yield model.verdict(res, url=u)

    for u in urls:
        pending.append(u)
        if len(pending) >= max(1, concurrency):
            yield from flush()
            pending = []
    if pending:
        yield from flush()
