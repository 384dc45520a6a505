"""Fetch a site over HTTP: landing page plus key pages, within hard limits.

This module, the browser it drives (:mod:`fakeinvest.web._browser`) and the domain lookups
(:mod:`fakeinvest.domains`) are the only ones that touch the network. Every low-level
failure is translated here, at one boundary, into a :class:`~fakeinvest.errors.FetchError`
subclass with a stable ``kind``.

Limits (see :class:`~fakeinvest.config.FetchConfig`): a total deadline per site, connect
and read timeouts, a redirect limit with loop detection, a cap on the *decoded* body size
(so a small gzip bomb stops at the cap), HTML-only content, and an SSRF guard applied to
the resolved address at connect time, for every connection including redirects.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import ipaddress
import logging
import random
import re
import socket
import ssl
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin, urlsplit

import aiohttp
from aiohttp.resolver import ThreadedResolver

from .. import errors
from ..config import FetchConfig
from ..snapshot import Page, decode_html
from ._browser import Browser, looks_like_app_shell
from ._discovery import key_page_urls
from ._netguard import AddressPolicy

_log = logging.getLogger("fakeinvest.web")

if TYPE_CHECKING:
    import aiohttp

__all__ = ["RETRY_STATUSES", "Crawler", "RawResponse", "crawl_site", "fetch_site",
           "numeric_host"]

HTML_TYPES = ("text/html", "application/xhtml+xml")
_REDIRECTS = (301, 302, 303, 307, 308)
#: HTTP statuses retried (with backoff) as transient; the list Scrapy retries by default.
RETRY_STATUSES = frozenset({408, 429, 500, 502, 503, 504, 522, 524})


#: Headers a client must not forward (RFC 9110 7.6.1) or that aiohttp sets itself.
_HOP_HEADERS = frozenset({"connection", "keep-alive", "proxy-connection", "te", "trailer",
                          "transfer-encoding", "upgrade", "host", "content-length",
                          "accept-encoding"})


@dataclass(frozen=True)
class RawResponse:
    """An answer of :meth:`Crawler.request`: final URL, status, headers, decoded body."""

    url: str
    status: int
    headers: tuple[tuple[str, str], ...]
    body: bytes


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
    try:
        parts = urlsplit(url)
        host, _port = parts.hostname, parts.port  # a bad port raises here
    except ValueError as exc:  # "http://[::1": an unclosed IPv6 literal ...
        raise errors.BadInputError(f"{url!r} is not a valid URL: {exc}") from exc
    if parts.scheme not in ("http", "https"):
        raise errors.BadInputError(f"{url!r}: only http and https URLs can be scanned")
    if not host:
        raise errors.BadInputError(f"{url!r} has no host name")
    if not _is_ip(host):
        try:
            ascii_host = host.rstrip(".").encode("idna")
        except UnicodeError as exc:  # "a..b", a label over 63 characters ...
            raise errors.BadInputError(f"{url!r}: {host!r} is not a valid host name") from exc
        if len(ascii_host) > 253:
            raise errors.BadInputError(f"{url!r}: the host name is longer than 253 characters")
    return url


def _peer_address(resp: aiohttp.ClientResponse) -> str | None:
    """The IP address the response came from (its connection's peer)."""
    conn = resp.connection
    transport = conn.transport if conn is not None else None
    peer = transport.get_extra_info("peername") if transport is not None else None
    return str(peer[0]) if isinstance(peer, tuple) and peer else None


def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


_NUMERIC_HOST = re.compile(r"^(?:0x[0-9a-f]+|[0-9]+)(?:\.(?:0x[0-9a-f]+|[0-9]+)){0,3}$",
                           re.IGNORECASE)


def numeric_host(host: str) -> str | None:
    """The IPv4 address a decimal, octal or hex host name denotes (``167772161``), or None.

    Such names are addresses, not names: they are decoded here, the way the C library
    would, so they never reach DNS and the SSRF guard sees the real address.
    """
    if not _NUMERIC_HOST.match(host):
        return None
    try:
        return socket.inet_ntoa(socket.inet_aton(host))
    except OSError:
        return None


def _canonical_host(url: str) -> str:
    """Rewrite a decimal/octal/hex IPv4 host (``http://167772161/``) to dotted form."""
    parts = urlsplit(url)
    numeric = numeric_host(parts.hostname or "")
    if numeric is None or numeric == parts.hostname:
        return url
    netloc = numeric + (f":{parts.port}" if parts.port else "")
    if parts.username is not None:
        netloc = parts.netloc.rsplit("@", 1)[0] + "@" + netloc
    return parts._replace(netloc=netloc).geturl()


class _Resolver:
    """aiohttp resolver applying host overrides before normal resolution."""

    def __init__(self, overrides: dict[str, str]) -> None:

        self._overrides = overrides
        self._inner = ThreadedResolver()
        #: Host name -> the first address it resolved to (what a verdict reports).
        self.addresses: dict[str, str] = {}

    async def resolve(self, host: str, port: int = 0,
                      family: socket.AddressFamily = socket.AF_INET) -> list[dict[str, Any]]:
        name = host.lower().rstrip(".")
        ip = self._overrides.get(name) or numeric_host(host)
        if ip is None and (name == "localhost" or name.endswith(".localhost")):
            ip = "127.0.0.1"  # RFC 6761: always loopback, never asked of DNS
        if ip is not None:
            fam = socket.AF_INET6 if ":" in ip else socket.AF_INET
            self.addresses[name] = ip
            return [{"hostname": host, "host": ip, "port": port, "family": fam,
                     "proto": 0, "flags": socket.AI_NUMERICHOST}]
        infos = await self._inner.resolve(host, port, family)
        if infos:
            self.addresses[name] = str(infos[0]["host"])
        return infos

    async def close(self) -> None:
        await self._inner.close()


def _socket_factory(policy: AddressPolicy,
                    trusted: set[str]) -> Callable[[tuple[Any, ...]], socket.socket]:
    def factory(addr_info: tuple[Any, ...]) -> socket.socket:
        family, type_, proto, _canon, sockaddr = addr_info
        if sockaddr[0] not in trusted and not policy.allows(sockaddr[0]):
            raise _Blocked(f"address {sockaddr[0]} is not allowed by the SSRF guard")
        sock = socket.socket(family=family, type=type_, proto=proto)
        sock.setblocking(False)
        return sock

    return factory


#: How to let the guard through, for both interfaces.
_ALLOW_HINT = ("to scan internal hosts, pass allow_private=True or a list of networks "
               "(CLI: --allow-private, or --allow-network CIDR)")


def _blocked(address: str, url: str) -> errors.BlockedAddressError:
    return errors.BlockedAddressError(
        f"address {address} is not allowed by the SSRF guard; {_ALLOW_HINT}", url=url)


def _translate(exc: BaseException, url: str) -> errors.FetchError:
    """Map an aiohttp/asyncio/OS exception onto the fakeinvest error tree."""

    if isinstance(exc, errors.FetchError):
        return exc
    if isinstance(exc, asyncio.TimeoutError | aiohttp.ServerTimeoutError | socket.timeout):
        return errors.FetchTimeoutError("no complete answer within the deadline", url=url)
    if isinstance(exc, aiohttp.ClientConnectorDNSError):
        return errors.DNSError(f"host name does not resolve ({exc.os_error})", url=url)
    if isinstance(exc, aiohttp.ClientConnectorError):
        os_err = exc.os_error
        if isinstance(os_err, _Blocked):
            return errors.BlockedAddressError(f"{os_err}; {_ALLOW_HINT}", url=url)
        if isinstance(exc, aiohttp.ClientConnectorCertificateError | aiohttp.ClientSSLError):
            return errors.TLSError(str(exc), url=url)
        return errors.ConnectError(f"cannot connect: {os_err}", url=url)
    if isinstance(exc, aiohttp.ClientSSLError | ssl.SSLError):
        return errors.TLSError(str(exc), url=url)
    if isinstance(exc, aiohttp.InvalidURL):
        return errors.ConnectError(f"invalid URL: {exc}", url=url)
    if isinstance(exc, aiohttp.ServerDisconnectedError | aiohttp.ClientPayloadError
                  | aiohttp.ClientOSError):
        # The server hung up mid-answer: the one connection failure worth retrying.
        err = errors.ConnectError(f"connection dropped: {type(exc).__name__}: {exc}",
                                  url=url)
        err.transient = True
        return err
    if isinstance(exc, aiohttp.ClientError | OSError):
        return errors.ConnectError(f"{type(exc).__name__}: {exc}", url=url)
    return errors.FetchError(f"{type(exc).__name__}: {exc}", url=url)


def _retry_after(value: str | None) -> float:
    """Seconds from a ``Retry-After`` header (delta-seconds or HTTP date); 0 if absent."""
    if not value:
        return 0.0
    value = value.strip()
    if value.isdigit():
        return float(value)

    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return 0.0
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


class Crawler:
    """One HTTP client for many sites: shared connection pool, limits and SSRF guard.

    Use it as an async context manager; :func:`fetch_site` opens a private one when none
    is given. Global and per-host connection limits come from the
    :class:`~fakeinvest.config.FetchConfig`.

    Parameters
    ----------
    config : FetchConfig, optional
    """

    def __init__(self, config: FetchConfig | None = None) -> None:
        self.config = config or FetchConfig()
        self._policy = AddressPolicy(self.config.allow_private)
        self._trusted: set[str] = set()
        self._resolver: _Resolver | None = None
        self._session: aiohttp.ClientSession | None = None
        self._browser: Browser | None = None

    async def __aenter__(self) -> Crawler:

        cfg = self.config
        self._resolver = _Resolver(dict(cfg.resolve))
        if cfg.proxy:
            # The operator chose the proxy: its own address is trusted, whatever it is.
            proxy = urlsplit(cfg.proxy)
            for info in await self._resolve(proxy.hostname or "", proxy.port or 80,
                                            cfg.proxy):
                self._trusted.add(info)
        connector = aiohttp.TCPConnector(
            resolver=self._resolver,  # type: ignore[arg-type]
            socket_factory=_socket_factory(self._policy, self._trusted),
            limit=cfg.max_connections,
            limit_per_host=cfg.max_connections_per_host,
            ttl_dns_cache=300,
        )
        self._session = aiohttp.ClientSession(
            connector=connector,
            headers={
                "User-Agent": cfg.user_agent,
                "Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5",
                "Accept-Language": "en-US,en;q=0.8,vi;q=0.6,th;q=0.5,zh;q=0.5",
            },
            auto_decompress=True,
            trust_env=False,
        )
        return self

    async def __aexit__(self, *exc: object) -> None:
        if self._browser is not None:
            await self._browser.close()
            self._browser = None
        if self._session is not None:
            await self._session.close()
            self._session = None

    async def _resolve(self, host: str, port: int, url: str) -> list[str]:
        """Addresses of ``host`` (overrides first); DNS failures become ``DNSError``."""
        try:
            ip = AddressPolicy.normalise(host.strip("[]"))
        except ValueError:
            numeric = numeric_host(host)
            if numeric is not None:
                return [numeric]
        else:
            return [str(ip)]
        assert self._resolver is not None
        try:
            infos = await self._resolver.resolve(host, port, socket.AF_UNSPEC)
        except OSError as exc:
            raise errors.DNSError(f"host name {host!r} does not resolve ({exc})",
                                  url=url) from exc
        return [str(i["host"]) for i in infos]

    async def check_address(self, target: str, url: str = "") -> None:
        """Raise ``BlockedAddressError`` unless the guard allows every address of
        ``target``'s host (resolved like a fetch: ``resolve`` map first)."""
        await self._check_target(target, url or target)

    async def _check_target(self, target: str, url: str) -> None:
        """With a proxy the connector only sees the proxy: check the target here."""
        parts = urlsplit(target)
        port = parts.port or (443 if parts.scheme == "https" else 80)
        for address in await self._resolve(parts.hostname or "", port, url):
            if not self._policy.allows(address):
                raise _blocked(address, url)

    async def get(self, url: str, role: str = "landing",
                  deadline: float | None = None) -> Page:
        """GET one page with redirects, size cap and retries of transient failures.

        Parameters
        ----------
        url : str
        role : str
            The page's role (``landing``, ``plans``, ...), recorded on the page.
        deadline : float, optional
            Event-loop time after which no retry is started.

        Returns
        -------
        Page

        Raises
        ------
        fakeinvest.errors.FetchError
        """
        loop = asyncio.get_running_loop()
        attempt = 0
        while True:
            try:
                page = await self._get_once(url, role)
                _log.debug("fetched %s (%s): HTTP %s, %d characters", url, role, page.status,
                           len(page.html))
                return page
            except errors.FetchError as exc:
                if attempt >= self.config.retries or not getattr(exc, "transient", False):
                    _log.debug("%s (%s) not fetched: %s: %s", url, role, exc.kind, exc)
                    raise
                delay = self.config.backoff * (2 ** attempt) * (1 + random.random() / 2)
                delay = max(delay, getattr(exc, "retry_after", 0.0))
                if deadline is not None and loop.time() + delay >= deadline:
                    raise
                attempt += 1
                _log.info("retrying %s in %.1f s after %s (attempt %d)", url, delay, exc.kind,
                          attempt + 1)
                await asyncio.sleep(delay)

    async def _get_once(self, url: str, role: str) -> Page:
        """One attempt: follow redirects by hand (counted, loop-checked)."""

        assert self._session is not None, "use Crawler as an async context manager"
        config = self.config
        timeout = aiohttp.ClientTimeout(total=None, sock_connect=config.connect_timeout,
                                        sock_read=config.read_timeout)
        seen = {url}
        current = _canonical_host(url)
        for _ in range(config.max_redirects + 1):
            try:
                if config.proxy:
                    await self._check_target(current, url)
                async with self._session.get(current, allow_redirects=False,
                                             timeout=timeout, proxy=config.proxy) as resp:
                    if resp.status in _REDIRECTS and "Location" in resp.headers:
                        nxt = urljoin(current, resp.headers["Location"])
                        if urlsplit(nxt).scheme not in ("http", "https"):
                            raise errors.ConnectError(
                                f"redirect to a non-HTTP URL {nxt!r}", url=url)
                        if nxt in seen:
                            raise errors.TooManyRedirectsError(
                                f"redirect loop at {nxt}", url=url)
                        seen.add(nxt)
                        current = _canonical_host(nxt)
                        continue
                    return await self._read(resp, current, url, role)
            except errors.FetchError:
                raise
            except Exception as exc:
                raise _translate(exc, url) from exc
        raise errors.TooManyRedirectsError(
            f"more than {config.max_redirects} redirects starting at {url}", url=url)

    async def request(self, method: str, url: str, headers: dict[str, str] | None = None,
                      body: bytes | None = None, *, follow: bool = True,
                      max_bytes: int | None = None) -> RawResponse:
        """One request of any media type (a browser's script, style, image, XHR ...).

        The same SSRF guard, ``resolve`` map, proxy and connect/read timeouts as page
        fetches; redirects (when ``follow``) are followed by hand up to
        ``config.max_redirects``, each hop guarded. No retries.

        Parameters
        ----------
        method : str
        url : str
        headers : dict of str to str, optional
            Request headers to send (hop-by-hop and ``Host`` headers are dropped).
        body : bytes, optional
        follow : bool
            Follow redirects; when False a 3xx answer is returned as it is.
        max_bytes : int, optional
            Cap on the decoded body (``config.max_bytes`` by default).

        Returns
        -------
        RawResponse

        Raises
        ------
        fakeinvest.errors.FetchError
        """

        assert self._session is not None, "use Crawler as an async context manager"
        config = self.config
        cap = config.max_bytes if max_bytes is None else max_bytes
        timeout = aiohttp.ClientTimeout(total=None, sock_connect=config.connect_timeout,
                                        sock_read=config.read_timeout)
        send = {k: v for k, v in (headers or {}).items()
                if k.lower() not in _HOP_HEADERS and not k.startswith(":")}
        current = _canonical_host(url)
        for _ in range(config.max_redirects + 1):
            if urlsplit(current).scheme not in ("http", "https"):
                raise errors.ConnectError(f"refused non-HTTP URL {current!r}", url=url)
            try:
                if config.proxy:
                    await self._check_target(current, url)
                async with self._session.request(
                        method, current, headers=send, data=body, allow_redirects=False,
                        timeout=timeout, proxy=config.proxy) as resp:
                    location = resp.headers.get("Location")
                    if resp.status in _REDIRECTS and location and follow:
                        current = _canonical_host(urljoin(current, location))
                        if resp.status == 303:
                            method, body = "GET", None
                        continue
                    buf = bytearray()
                    async for chunk in resp.content.iter_chunked(65536):
                        buf += chunk
                        if len(buf) > cap:
                            raise errors.TooLargeError(
                                f"{current}: body exceeds {cap} bytes after decompression",
                                url=url)
                    return RawResponse(current, resp.status, tuple(resp.headers.items()),
                                       bytes(buf))
            except errors.FetchError:
                raise
            except Exception as exc:
                raise _translate(exc, url) from exc
        raise errors.TooManyRedirectsError(
            f"more than {config.max_redirects} redirects starting at {url}", url=url)

    async def _read(self, resp: aiohttp.ClientResponse, current: str, url: str,
                    role: str) -> Page:
        config = self.config
        # The connection's peer (before reading the body frees the connection), else the
        # address the host name resolved to; unknown behind a proxy.
        host = (urlsplit(current).hostname or "").lower().rstrip(".")
        address = None if config.proxy else (
            _peer_address(resp) or self._resolver.addresses.get(host)
            or (host if _is_ip(host) else None))
        ctype = resp.headers.get("Content-Type", "")
        media = ctype.split(";")[0].strip().lower()
        if resp.status >= 400:
            err = errors.HTTPStatusError(f"HTTP {resp.status} from {current}", url=url,
                                         status=resp.status)
            if resp.status in RETRY_STATUSES:
                err.transient = True
                err.retry_after = _retry_after(resp.headers.get("Retry-After"))
            raise err
        if media and media not in HTML_TYPES:
            raise errors.NotHTMLError(f"{current} is {media}, not HTML", url=url)
        buf = bytearray()
        # Chunks are already decompressed: the cap holds for gzip/deflate/br bombs.
        async for chunk in resp.content.iter_chunked(65536):
            buf += chunk
            if len(buf) > config.max_bytes:
                raise errors.TooLargeError(
                    f"{current}: body exceeds {config.max_bytes} bytes after "
                    "decompression", url=url)
        if not buf.strip():
            raise errors.NotHTMLError(f"{current} returned an empty body", url=url)
        if b"\x00" in buf[:4096] and not buf.startswith((b"\xff\xfe", b"\xfe\xff")):
            raise errors.NotHTMLError(f"{current} is binary, not HTML", url=url)
        html = decode_html(bytes(buf), ctype)
        if not media and "<" not in html[:4096]:
            raise errors.NotHTMLError(f"{current} does not look like HTML", url=url)
        if "\x00" in html[:4096]:
            raise errors.NotHTMLError(f"{current} is binary, not HTML", url=url)
        return Page(url=str(resp.url), html=html, role=role, status=resp.status,
                    content_type=media or "text/html", raw=bytes(buf),
                    headers=tuple((k, v) for k, v in resp.headers.items()),
                    address=address)

    async def fetch_site(self, url: str) -> tuple[Page, ...]:
        """Fetch the landing page and up to ``max_pages - 1`` key pages of one site.

        See :func:`fetch_site`.
        """
        config = self.config
        url = validate_url(url)
        loop = asyncio.get_running_loop()
        deadline = loop.time() + config.site_deadline
        try:
            async with asyncio.timeout_at(deadline):
                landing = await self.get(url, "landing", deadline)
                # Parse it (text, links) in a worker thread: a page that is slow to parse
                # must not hold the event loop, and with it every other site in flight.
                await asyncio.to_thread(lambda: landing.content)
                if config.render == "always" or (
                        config.render == "auto" and looks_like_app_shell(landing)):
                    if self._browser is None:
                        self._browser = Browser(self, config)
                    return await self._browser.render_site(landing, deadline,
                                                           config.max_pages)
                if config.render == "never" and looks_like_app_shell(landing):
                    raise errors.EmptyPageError(
                        f"{landing.url} is a JavaScript app ({len(landing.content.text)} "
                        "characters of text without its scripts) and rendering is off; "
                        "scan it with render='auto' (CLI: --render auto)", url=url)
                targets = key_page_urls(landing.url or url, landing.content.links,
                                        config.max_pages - 1)
                results = await asyncio.gather(
                    *(self.get(u, role, deadline) for u, role in targets),
                    return_exceptions=True,
                )
        except TimeoutError as exc:
            raise errors.FetchTimeoutError(
                f"site not fetched within {config.site_deadline:g} s", url=url) from exc
        pages = [landing]
        for res in results:
            if isinstance(res, Page):
                pages.append(res)
            elif not isinstance(res, errors.FetchError):
                raise res  # a programming error, not a network one
        return tuple(pages)


async def fetch_site(url: str, config: FetchConfig | None = None,
                     crawler: Crawler | None = None) -> tuple[Page, ...]:
    """Fetch the landing page and up to ``config.max_pages - 1`` key pages.

    Parameters
    ----------
    url : str
        Site URL (``http://`` is assumed when no scheme is given).
    config : FetchConfig, optional
        Ignored when ``crawler`` is given (the crawler's own config applies).
    crawler : Crawler, optional
        Reuse an open crawler (bulk scans); a private one is opened otherwise.

    Returns
    -------
    tuple of Page
        Landing page first. Key pages that fail are skipped.

    Raises
    ------
    fakeinvest.errors.FetchError
        When the landing page cannot be fetched, with a ``kind`` saying why.
    """
    if crawler is not None:
        return await crawler.fetch_site(url)
    async with Crawler(config) as own:
        return await own.fetch_site(url)


def run_sync(coro: Any) -> Any:
    """Run a coroutine to completion from synchronous code, even inside Jupyter.

    When an event loop is already running in this thread (a notebook), the coroutine runs
    on a fresh loop in a worker thread instead.
    """
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(coro)

    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coro).result()


def crawl_site(url: str, config: FetchConfig | None = None) -> tuple[tuple[Page, ...], datetime]:
    """Synchronous :func:`fetch_site`; also returns the UTC time the crawl started."""
    started = datetime.now(UTC)
    pages = run_sync(fetch_site(url, config))
    return pages, started

