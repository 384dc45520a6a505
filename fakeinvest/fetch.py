"""Fetch a site over HTTP: landing page plus key pages, within hard limits.

This module and :mod:`fakeinvest.whois_lookup` are the only ones that touch the network.
Every low-level failure is translated here, at one boundary, into a
:class:`~fakeinvest.errors.FetchError` subclass with a stable ``kind``.

Limits (see :class:`~fakeinvest.config.FetchConfig`): a total deadline per site, connect
and read timeouts, a redirect limit with loop detection, a cap on the *decoded* body size
(so a small gzip bomb stops at the cap), HTML-only content, and an SSRF guard applied to
the resolved address at connect time, for every connection including redirects.
"""

from __future__ import annotations

import asyncio
import re
import socket
import ssl
from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin, urlsplit

from . import errors
from .config import FetchConfig
from .discovery import key_page_urls
from .netguard import AddressPolicy
from .snapshot import Page

if TYPE_CHECKING:
    import aiohttp

__all__ = ["crawl_site", "decode_html", "fetch_site"]

HTML_TYPES = ("text/html", "application/xhtml+xml")
_REDIRECTS = (301, 302, 303, 307, 308)


class _Blocked(OSError):
    """Raised inside the socket factory when the guard refuses an address."""


def validate_url(url: str) -> str:
    """Check that ``url`` is an absolute http(s) URL with a host; add ``http://`` if bare.

    Parameters
    ----------
    url : str

    Returns
    -------
    str
        The URL to fetch.

    Raises
    ------
    fakeinvest.errors.BadInputError
    """
    url = (url or "").strip()
    if not url:
        raise errors.BadInputError("empty URL")
    if "://" not in url:
        if re.match(r"^[a-z][a-z0-9+.-]*:(?!\d)", url, re.IGNORECASE):
            raise errors.BadInputError(f"{url!r}: only http and https URLs can be scanned")
        url = "http://" + url
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise errors.BadInputError(f"{url!r}: only http and https URLs can be scanned")
    if not parts.hostname:
        raise errors.BadInputError(f"{url!r} has no host name")
    return url


def decode_html(data: bytes, content_type: str | None = None) -> str:
    """Decode an HTML body: HTTP charset, then BOM, then ``<meta charset>``, then detection.

    Parameters
    ----------
    data : bytes
        Raw (already content-decoded) body.
    content_type : str, optional
        The ``Content-Type`` header, which may carry ``charset=``.

    Returns
    -------
    str
    """
    from bs4.dammit import UnicodeDammit

    declared = []
    if content_type and "charset=" in content_type.lower():
        cs = content_type.lower().split("charset=", 1)[1].split(";")[0].strip(" \"'")
        if cs:
            declared.append(cs)
    # Headers lie: UnicodeDammit tries the declared charset first but moves on when the
    # bytes do not decode, then BOM, <meta>, a statistical detector, UTF-8 and cp1252.
    dammit = UnicodeDammit(data[:2_000_000], known_definite_encodings=declared, is_html=True)
    if dammit.unicode_markup is not None:
        if len(data) <= 2_000_000:
            return dammit.unicode_markup
        return data.decode(dammit.original_encoding or "utf-8", errors="replace")
    return data.decode("utf-8", errors="replace")


class _Resolver:
    """aiohttp resolver applying host overrides before normal resolution."""

    def __init__(self, overrides: dict[str, str]) -> None:
        from aiohttp.resolver import ThreadedResolver

        self._overrides = overrides
        self._inner = ThreadedResolver()

    async def resolve(self, host: str, port: int = 0,
                      family: socket.AddressFamily = socket.AF_INET) -> list[dict[str, Any]]:
        ip = self._overrides.get(host.lower().rstrip("."))
        if ip is not None:
            fam = socket.AF_INET6 if ":" in ip else socket.AF_INET
            return [{"hostname": host, "host": ip, "port": port, "family": fam,
                     "proto": 0, "flags": socket.AI_NUMERICHOST}]
        return await self._inner.resolve(host, port, family)

    async def close(self) -> None:
        await self._inner.close()


def _socket_factory(policy: AddressPolicy) -> Callable[[tuple[Any, ...]], socket.socket]:
    def factory(addr_info: tuple[Any, ...]) -> socket.socket:
        family, type_, proto, _canon, sockaddr = addr_info
        if not policy.allows(sockaddr[0]):
            raise _Blocked(f"address {sockaddr[0]} is not allowed by the SSRF guard")
        sock = socket.socket(family=family, type=type_, proto=proto)
        sock.setblocking(False)
        return sock

    return factory


def _make_session(config: FetchConfig) -> aiohttp.ClientSession:
    import aiohttp

    policy = AddressPolicy(config.allow_private)
    connector = aiohttp.TCPConnector(
        resolver=_Resolver(dict(config.resolve)),  # type: ignore[arg-type]
        socket_factory=_socket_factory(policy),
        limit=100,
        limit_per_host=4,
        ttl_dns_cache=300,
    )
    return aiohttp.ClientSession(
        connector=connector,
        headers={
            "User-Agent": config.user_agent,
            "Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5",
            "Accept-Language": "en-US,en;q=0.8,vi;q=0.6,th;q=0.5,zh;q=0.5",
        },
        auto_decompress=True,
        trust_env=False,
    )


def _translate(exc: BaseException, url: str) -> errors.FetchError:
    """Map an aiohttp/asyncio/OS exception onto the fakeinvest error tree."""
    import aiohttp

    if isinstance(exc, errors.FetchError):
        return exc
    if isinstance(exc, asyncio.TimeoutError | aiohttp.ServerTimeoutError | socket.timeout):
        return errors.TimeoutError("no complete answer within the deadline", url=url)
    if isinstance(exc, aiohttp.ClientConnectorDNSError):
        return errors.DNSError(f"host name does not resolve ({exc.os_error})", url=url)
    if isinstance(exc, aiohttp.ClientConnectorError):
        os_err = exc.os_error
        if isinstance(os_err, _Blocked):
            return errors.BlockedAddressError(
                f"{os_err}; pass allow_private=True (or a list of networks) to scan "
                "internal hosts", url=url)
        if isinstance(exc, aiohttp.ClientConnectorCertificateError | aiohttp.ClientSSLError):
            return errors.TLSError(str(exc), url=url)
        return errors.ConnectError(f"cannot connect: {os_err}", url=url)
    if isinstance(exc, aiohttp.ClientSSLError | ssl.SSLError):
        return errors.TLSError(str(exc), url=url)
    if isinstance(exc, aiohttp.InvalidURL):
        return errors.ConnectError(f"invalid URL: {exc}", url=url)
    if isinstance(exc, aiohttp.ClientPayloadError):
        return errors.ConnectError(f"broken response body: {exc}", url=url)
    if isinstance(exc, aiohttp.ClientError | OSError):
        return errors.ConnectError(f"{type(exc).__name__}: {exc}", url=url)
    return errors.FetchError(f"{type(exc).__name__}: {exc}", url=url)


async def _get(session: aiohttp.ClientSession, url: str, config: FetchConfig,
               role: str) -> Page:
    """GET one page, following redirects by hand (counted, loop-checked)."""
    import aiohttp

    timeout = aiohttp.ClientTimeout(total=None, sock_connect=config.connect_timeout,
                                    sock_read=config.read_timeout)
    seen = {url}
    current = url
    for _ in range(config.max_redirects + 1):
        try:
            async with session.get(current, allow_redirects=False, timeout=timeout,
                                   proxy=config.proxy) as resp:
                if resp.status in _REDIRECTS and "Location" in resp.headers:
                    nxt = urljoin(current, resp.headers["Location"])
                    if urlsplit(nxt).scheme not in ("http", "https"):
                        raise errors.ConnectError(f"redirect to a non-HTTP URL {nxt!r}",
                                                  url=url)
                    if nxt in seen:
                        raise errors.TooManyRedirectsError(f"redirect loop at {nxt}", url=url)
                    seen.add(nxt)
                    current = nxt
                    continue
                ctype = resp.headers.get("Content-Type", "")
                media = ctype.split(";")[0].strip().lower()
                if resp.status >= 400:
                    raise errors.HTTPStatusError(f"HTTP {resp.status} from {current}",
                                                 url=url, status=resp.status)
                if media and media not in HTML_TYPES:
                    raise errors.NotHTMLError(f"{current} is {media}, not HTML", url=url)
                buf = bytearray()
                async for chunk in resp.content.iter_chunked(65536):
                    buf += chunk
                    if len(buf) > config.max_bytes:
                        raise errors.TooLargeError(
                            f"{current}: body exceeds {config.max_bytes} bytes after "
                            "decompression", url=url)
                if not buf.strip():
                    raise errors.NotHTMLError(f"{current} returned an empty body", url=url)
                html = decode_html(bytes(buf), ctype)
                if not media and "<" not in html[:4096]:
                    raise errors.NotHTMLError(f"{current} does not look like HTML", url=url)
                if "\x00" in html[:4096]:
                    raise errors.NotHTMLError(f"{current} is binary, not HTML", url=url)
                return Page(url=str(resp.url), html=html, role=role, status=resp.status,
                            content_type=media or "text/html", raw=bytes(buf),
                            headers=tuple((k, v) for k, v in resp.headers.items()))
        except errors.FetchError:
            raise
        except Exception as exc:
            raise _translate(exc, url) from exc
    raise errors.TooManyRedirectsError(
        f"more than {config.max_redirects} redirects starting at {url}", url=url)


async def fetch_site(url: str, config: FetchConfig | None = None,
                     session: aiohttp.ClientSession | None = None) -> tuple[Page, ...]:
    """Fetch the landing page and up to ``config.max_pages - 1`` key pages.

    Parameters
    ----------
    url : str
        Site URL (``http://`` is assumed when no scheme is given).
    config : FetchConfig, optional
    session : aiohttp.ClientSession, optional
        Reuse a session (bulk scans); a private one is opened otherwise.

    Returns
    -------
    tuple of Page
        Landing page first. Key pages that fail are skipped.

    Raises
    ------
    fakeinvest.errors.FetchError
        When the landing page cannot be fetched, with a ``kind`` saying why.
    """
    config = config or FetchConfig()
    url = validate_url(url)
    own = session is None
    if session is None:
        session = _make_session(config)
    try:
        async with asyncio.timeout(config.site_deadline):
            landing = await _get(session, url, config, "landing")
            targets = key_page_urls(landing.url or url, landing.content.links,
                                    config.max_pages - 1)
            results = await asyncio.gather(
                *(_get(session, u, config, role) for u, role in targets),
                return_exceptions=True,
            )
    except TimeoutError as exc:
        raise errors.TimeoutError(
            f"site not fetched within {config.site_deadline:g} s", url=url) from exc
    finally:
        if own:
            await session.close()
    pages = [landing]
    for res in results:
        if isinstance(res, Page):
            pages.append(res)
        elif not isinstance(res, errors.FetchError):
            raise res  # a programming error, not a network one
    return tuple(pages)


def run_sync(coro: Any) -> Any:
    """Run a coroutine to completion from synchronous code, even inside Jupyter.

    When an event loop is already running in this thread (a notebook), the coroutine runs
    on a fresh loop in a worker thread instead.
    """
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(coro)
    import concurrent.futures

    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coro).result()


def crawl_site(url: str, config: FetchConfig | None = None) -> tuple[tuple[Page, ...], datetime]:
    """Synchronous :func:`fetch_site`; also returns the UTC time the crawl started."""
    started = datetime.now(UTC)
    pages = run_sync(fetch_site(url, config))
    return pages, started

