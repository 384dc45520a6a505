"""The public entry points: scan a live site, scan many, score saved HTML or a snapshot."""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import logging
import time
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING

from . import errors
from .config import AllowPrivate, FetchConfig, LookupConfig
from .snapshot import DomainFacts, Snapshot
from .verdict import Verdict

# The network stages (web, domains) and the model are imported by the functions that use
# them: `import fakeinvest` stays cheap, and offline scoring never loads aiohttp.
if TYPE_CHECKING:
    from .domains._lookup import RunLookups
    from .web._crawler import Crawler

_log = logging.getLogger("fakeinvest")

__all__ = ["scan", "scan_many", "score_html", "score_many", "score_snapshot", "snapshot_site"]


def _config(config: FetchConfig | None, allow_private: AllowPrivate) -> FetchConfig:
    config = config or FetchConfig.from_env()
    if allow_private is not False or config.allow_private is False:
        config = dataclasses.replace(config, allow_private=allow_private)
    return config


async def _snapshot_async(url: str, whois: bool, config: FetchConfig, lookups: RunLookups,
                          crawler: Crawler | None = None) -> Snapshot:
    """Crawl one site and look up its domain, both within ``config.site_deadline``.

    The domain lookup (RDAP/WHOIS, see :mod:`fakeinvest.domains._lookup`) of the requested host
    runs while the pages are fetched; only when the landing page ends on another
    registrable domain is that one looked up afterwards, with whatever time the site has
    left. ``lookups`` de-duplicates lookups across the sites of one bulk scan.
    """
    from .features.domain import registrable_domain
    from .web._crawler import fetch_site, validate_url

    url = validate_url(url)
    started = datetime.now(UTC)
    loop = asyncio.get_running_loop()
    deadline = loop.time() + config.site_deadline
    lookup: asyncio.Future[DomainFacts] | None = None
    if whois:
        lookup = asyncio.ensure_future(
            lookups.facts(url, min(lookups.config.timeout, config.site_deadline)))
    try:
        pages = await fetch_site(url, config, crawler=crawler)
    except BaseException:
        if lookup is not None:
            lookup.cancel()
        raise
    domain = DomainFacts()
    if lookup is not None:
        domain = await lookup
        final = registrable_domain(pages[0].url or url)
        if final and final != domain.domain:
            left = deadline - loop.time()
            domain = (await lookups.facts(pages[0].url or url,
                                          min(lookups.config.timeout, left))
                      if left > 0.5 else DomainFacts(domain=final, error="timeout",
                                                     source="whois"))
    return Snapshot(url=url, pages=pages, fetched_at=started, domain=domain)


def snapshot_site(url: str, *, whois: bool = True, allow_private: AllowPrivate = False,
                  config: FetchConfig | None = None,
                  lookup: LookupConfig | None = None) -> Snapshot:
    """Crawl a site (landing page and key pages) and look up its domain, without scoring.

    Parameters
    ----------
    url : str
        Site URL; ``http://`` is assumed when no scheme is given.
    whois : bool
        Look up the domain's registration facts (RDAP, else WHOIS; cached on disk).
    allow_private : bool or list of str
        SSRF guard: ``False`` refuses loopback, private and link-local addresses;
        ``True`` allows everything; a list of networks allows those.
    config : FetchConfig, optional
        Crawl limits; ``allow_private`` overrides its field of the same name.
        ``FetchConfig.from_env()`` (``FAKEINVEST_RESOLVE``, ``FAKEINVEST_CHROMIUM``) when
        None.
    lookup : LookupConfig, optional
        Domain-lookup servers, timeout and cache; ``LookupConfig.from_env()`` when None.

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
    from .domains._lookup import RunLookups
    from .web._crawler import run_sync

    return run_sync(_snapshot_async(url, whois, _config(config, allow_private),
                                    RunLookups(lookup or LookupConfig.from_env())))


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
    from .model._model import load_model

    return load_model().verdict(snapshot, url=url)


def scan(url: str, *, whois: bool = True, allow_private: AllowPrivate = False,
         config: FetchConfig | None = None, lookup: LookupConfig | None = None) -> Verdict:
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
        Crawl limits (see :func:`snapshot_site`).
    lookup : LookupConfig, optional
        Domain-lookup servers, timeout and cache; ``LookupConfig.from_env()`` when None.

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
    snap = snapshot_site(url, whois=whois, allow_private=allow_private, config=config,
                         lookup=lookup)
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
                                   "(fakeinvest.snapshot.decode_html does charset detection)")
    return score_snapshot(Snapshot.from_html(html, url=url), url=url or "")


SCORE_BATCH_SIZE = 64
#: Sites of a bulk scan scored together at most (those that finished while the previous
#: batch was scored).
SCAN_SCORE_BATCH = 32


def score_many(items: Iterable[Snapshot | str], *,
               batch_size: int = SCORE_BATCH_SIZE) -> Iterator[Verdict]:
    """Score many snapshots or saved HTML pages offline, in batches; yield in input order.

    Each batch goes through the text vectoriser and the classifier at once (features are
    extracted once per snapshot, only the reasons shown are quoted), so this is the fast
    way to re-score a store; every verdict is the one :func:`score_snapshot` (or
    :func:`score_html`) gives for its item alone. ``items`` is read lazily, one batch at
    a time.

    Parameters
    ----------
    items : iterable of Snapshot or str
        Snapshots, or HTML pages as ``str`` (scored as :func:`score_html` scores them,
        without a URL; wrap a page in ``Snapshot.from_html(html, url=...)`` to give one).
    batch_size : int
        Items scored together (memory grows with it; 32-256 is a good range).

    Yields
    ------
    Verdict

    Raises
    ------
    fakeinvest.errors.BadInputError
        ``batch_size`` < 1, or an item is neither a Snapshot nor a str.
    """
    from .model._model import load_model

    if not isinstance(batch_size, int) or batch_size < 1:
        raise errors.BadInputError(f"batch_size must be an int >= 1, not {batch_size!r}")
    model = load_model()
    it = iter(items)
    while batch := list(islice(it, batch_size)):
        snaps, urls = [], []
        for item in batch:
            if isinstance(item, Snapshot):
                snaps.append(item)
                urls.append(None)
            elif isinstance(item, str):
                snaps.append(Snapshot.from_html(item))
                urls.append("")
            else:
                raise errors.BadInputError(
                    f"score_many expects Snapshot objects or HTML as str, got "
                    f"{type(item).__name__}")
        yield from model.verdicts(snaps, urls)


def scan_many(urls: Iterable[str], *, whois: bool = True, allow_private: AllowPrivate = False,
              config: FetchConfig | None = None, concurrency: int = 16,
              snapshot_dir: str | Path | None = None, ordered: bool = True,
              lookup: LookupConfig | None = None) -> Iterator[Verdict]:
    """Scan many sites concurrently; yield one verdict per URL.

    One event loop (in a background thread, so this also works inside Jupyter) keeps
    ``concurrency`` sites in flight through one shared :class:`~fakeinvest.web._crawler.Crawler`;
    verdicts are scored in the calling thread as they arrive. URLs are read lazily, so
    ``urls`` may be a generator over a huge file. A site that cannot be analysed yields a
    verdict with ``error`` set (and NaN probability); this function never raises for a
    single site's failure. Closing the generator early stops the crawl.

    Parameters
    ----------
    urls : iterable of str
    whois : bool
    allow_private : bool or list of str
    config : FetchConfig, optional
        Crawl limits; ``FetchConfig.from_env()`` when None.
    concurrency : int
        Sites crawled at the same time (connections are further limited by
        ``config.max_connections`` and ``config.max_connections_per_host``).
    snapshot_dir : str or Path, optional
        Save each analysed site's snapshot there as a WARC file (evidence; re-score it
        offline with :func:`fakeinvest.load_snapshot` and :func:`score_snapshot`).
    ordered : bool
        Yield in input order (default). ``False`` yields each verdict as soon as it is
        ready, which keeps a slow site from holding back the ones behind it.
    lookup : LookupConfig, optional
        Domain-lookup servers, timeout and cache; ``LookupConfig.from_env()`` when None.

    Yields
    ------
    Verdict
    """
    import queue
    import threading

    from .domains._lookup import RunLookups
    from .model._model import load_model
    from .web._crawler import Crawler

    if concurrency < 1:
        raise errors.BadInputError("concurrency must be >= 1")
    cfg = _config(config, allow_private)
    lookup_config = lookup or LookupConfig.from_env()
    model = load_model()
    if snapshot_dir is not None:
        Path(snapshot_dir).mkdir(parents=True, exist_ok=True)

    done: queue.Queue[tuple[int, str, object, float] | None] = queue.Queue()
    stop = threading.Event()
    state: dict[str, object] = {}

    async def crawl() -> None:
        loop = asyncio.get_running_loop()
        slots = asyncio.Semaphore(concurrency)
        tasks: set[asyncio.Task[None]] = set()

        def cancel_all() -> None:
            slots.release()  # wake the producer so it sees the stop flag
            for task in list(tasks):
                task.cancel()

        state["release"] = lambda: loop.call_soon_threadsafe(slots.release)
        state["shutdown"] = lambda: loop.call_soon_threadsafe(cancel_all)
        lookups = RunLookups(lookup_config)  # one lookup per registrable domain per run
        async with Crawler(cfg) as crawler:

            async def one(index: int, url: str) -> None:
                t0 = loop.time()
                try:
                    res: object = await _snapshot_async(url, whois, cfg, lookups, crawler)
                except asyncio.CancelledError:
                    raise
                except BaseException as exc:
                    res = exc
                done.put((index, url, res, loop.time() - t0))

            for index, url in enumerate(urls):
                await slots.acquire()
                if stop.is_set():
                    break
                task = asyncio.create_task(one(index, url))
                tasks.add(task)
                task.add_done_callback(tasks.discard)
            if tasks:
                await asyncio.gather(*tasks, return_exceptions=True)

    def run() -> None:
        try:
            asyncio.run(crawl())
        except BaseException as exc:  # surfaced in the caller's thread
            state["error"] = exc
        finally:
            done.put(None)

    def to_verdicts(items: list[tuple[int, str, object, float]]) -> list[Verdict]:
        """Score the sites that arrived together as one batch."""
        ok = [(url, res) for _i, url, res, _t in items if isinstance(res, Snapshot)]
        t0 = time.monotonic()
        scored = iter(model.verdicts([snap for _u, snap in ok], [u for u, _s in ok]))
        scoring = time.monotonic() - t0  # counted in each site's elapsed time
        out = []
        for _index, url, res, elapsed in items:
            if isinstance(res, BaseException):
                v = Verdict.failed(url, res, model.version)
            else:
                assert isinstance(res, Snapshot)
                v = next(scored)
                if snapshot_dir is not None:
                    from .warc import append_index, index_entry, save_snapshot

                    try:
                        saved = save_snapshot(res, Path(snapshot_dir))
                        append_index(snapshot_dir, index_entry(res, saved, v))
                    except OSError as exc:  # a full disk must not end the whole run
                        _log.warning("the snapshot of %s was not saved: %s", url, exc)
                elapsed += scoring
            out.append(dataclasses.replace(v, elapsed=round(elapsed, 3)))
            if v.error is not None:
                _log.info("%s could not be analysed: %s", url, v.error)
            else:
                _log.info("%s: P=%.3f%s", url, v.probability, " FRAUD" if v.flagged else "")
        return out

    worker = threading.Thread(target=run, name="fakeinvest-scan", daemon=True)
    worker.start()
    waiting: dict[int, Verdict] = {}
    next_index = 0
    finished = False
    try:
        while not finished:
            item = done.get()
            if item is None:
                break
            # Sites that finished meanwhile are scored with this one, in one batch.
            arrived = [item]
            while len(arrived) < SCAN_SCORE_BATCH:
                try:
                    more = done.get_nowait()
                except queue.Empty:
                    break
                if more is None:
                    finished = True
                    break
                arrived.append(more)
            for (index, _url, _res, _t), verdict in zip(arrived, to_verdicts(arrived),
                                                       strict=True):
                release = state.get("release")
                if callable(release):
                    with contextlib.suppress(RuntimeError):  # the loop may be done already
                        release()
                if not ordered:
                    yield verdict
                    continue
                waiting[index] = verdict
                while next_index in waiting:
                    yield waiting.pop(next_index)
                    next_index += 1
        if "error" in state:
            raise state["error"]  # type: ignore[misc]
    finally:
        stop.set()
        shutdown = state.get("shutdown")
        if callable(shutdown):
            with contextlib.suppress(RuntimeError):  # the loop has already finished
                shutdown()
        worker.join(timeout=30)
