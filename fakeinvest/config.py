"""Small immutable configuration values for fetching a site."""

from __future__ import annotations

import ipaddress
import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

__all__ = ["DEFAULT_USER_AGENT", "RENDER_MODES", "FetchConfig", "parse_resolve_env"]

#: The values of ``FetchConfig.render``.
RENDER_MODES = ("auto", "always", "never")

DEFAULT_USER_AGENT = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 "
    "(KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36"
)

AllowPrivate = bool | Iterable[str]


@dataclass(frozen=True)
class FetchConfig:
    """How a site is crawled.

    Parameters
    ----------
    max_pages : int
        Landing page plus at most ``max_pages - 1`` key pages (plans, about, FAQ, ...).
    site_deadline : float
        Total seconds allowed for one site, all pages and redirects included.
    connect_timeout : float
        Seconds to establish a TCP (and TLS) connection.
    read_timeout : float
        Seconds to wait between two chunks of a response body.
    max_bytes : int
        Cap on the *decoded* body size of one page; larger pages fail with ``too_large``
        on the landing page and are skipped as key pages.
    max_redirects : int
        Redirects followed per page.
    user_agent : str
        The ``User-Agent`` header sent; a current desktop browser by default, because
        scam sites cloak content from obvious bots.
    allow_private : bool or iterable of str
        SSRF guard. ``False`` (default) connects to global addresses only; ``True`` to
        anything; an iterable of networks (``["127.0.0.0/8"]``) additionally allows those.
    resolve : mapping of str to str
        Host name to IP address overrides, like curl's ``--resolve``. Merged with the
        ``FAKEINVEST_RESOLVE`` environment variable (``host:ip,host:ip``).
    proxy : str or None
        HTTP(S) proxy URL for all requests (``http://user:pass@host:port``). The proxy's
        own address is trusted; the SSRF guard still checks every target host, resolved
        locally, before a request is handed to the proxy.
    max_connections : int
        Open connections at once across all sites (the crawler's global concurrency).
    max_connections_per_host : int
        Open connections at once to one host, so a bulk scan never hammers one server.
    retries : int
        Extra attempts for a page after a *transient* failure only: a dropped connection
        or HTTP 408, 429, 500, 502, 503, 504, 522, 524. DNS, TLS, refused connections,
        other statuses and the deadline are never retried.
    backoff : float
        Seconds before the first retry; doubled for each further one, with jitter, and
        raised to a server's ``Retry-After``; never past the site deadline.
    render : {"auto", "always", "never"}
        Render pages in headless Chromium: ``auto`` (default) when the landing page is a
        JavaScript app shell (little visible text, scripts that write the page); ``always``;
        ``never`` (a shell then ends as ``empty_page``, never as a silent "ok"). Every
        request of the browser goes through this crawler: same SSRF guard, ``resolve``
        map, proxy, size caps and site deadline.
    browser : str or None
        Chromium executable; ``FAKEINVEST_CHROMIUM`` when unset, else ``chromium``,
        ``chromium-browser``, ``google-chrome`` on ``PATH``.
    max_renders : int
        Browser contexts open at once (bulk scans share one browser process).
    """

    max_pages: int = 8
    site_deadline: float = 30.0
    connect_timeout: float = 10.0
    read_timeout: float = 10.0
    max_bytes: int = 5_000_000
    max_redirects: int = 5
    user_agent: str = DEFAULT_USER_AGENT
    allow_private: AllowPrivate = False
    resolve: Mapping[str, str] = field(default_factory=dict)
    proxy: str | None = None
    max_connections: int = 100
    max_connections_per_host: int = 4
    retries: int = 2
    backoff: float = 0.5
    render: str = "auto"
    browser: str | None = None
    max_renders: int = 2

    def __post_init__(self) -> None:
        if self.render not in RENDER_MODES:
            raise ValueError(f"render must be one of {', '.join(RENDER_MODES)}, "
                             f"not {self.render!r}")
        if self.max_renders < 1:
            raise ValueError("max_renders must be >= 1")
        if self.browser is None and os.environ.get("FAKEINVEST_CHROMIUM"):
            object.__setattr__(self, "browser", os.environ["FAKEINVEST_CHROMIUM"])
        if self.max_connections < 1 or self.max_connections_per_host < 1:
            raise ValueError("max_connections and max_connections_per_host must be >= 1")
        if self.retries < 0 or self.backoff < 0:
            raise ValueError("retries and backoff must be >= 0")
        if self.proxy is not None and not re.match(r"^https?://[^/]", self.proxy):
            raise ValueError(
                f"proxy {self.proxy!r} must be an http:// or https:// URL, "
                "e.g. 'http://proxy.example:3128'")
        if self.max_pages < 1:
            raise ValueError("max_pages must be >= 1")
        if self.site_deadline <= 0 or self.connect_timeout <= 0 or self.read_timeout <= 0:
            raise ValueError("timeouts and the site deadline must be positive")
        if self.max_bytes < 1024:
            raise ValueError("max_bytes must be at least 1024")
        if self.max_redirects < 0:
            raise ValueError("max_redirects must be >= 0")
        if not isinstance(self.allow_private, bool):
            nets = tuple(str(n) for n in self.allow_private)
            for net in nets:
                try:
                    ipaddress.ip_network(net, strict=False)
                except ValueError as exc:
                    raise ValueError(
                        f"allow_private: {net!r} is not a network; use e.g. '127.0.0.0/8'"
                    ) from exc
            object.__setattr__(self, "allow_private", nets)
        merged = {**parse_resolve_env(os.environ.get("FAKEINVEST_RESOLVE", "")),
                  **{k.lower(): v for k, v in dict(self.resolve).items()}}
        for host, ip in merged.items():
            try:
                ipaddress.ip_address(ip)
            except ValueError as exc:
                raise ValueError(
                    f"resolve: {host!r} maps to {ip!r}, which is not an IP address"
                ) from exc
        object.__setattr__(self, "resolve", merged)


def parse_resolve_env(value: str) -> dict[str, str]:
    """Parse ``host:ip,host:ip`` (IPv6 addresses may be bracketed) into a mapping.

    Parameters
    ----------
    value : str
        The raw ``FAKEINVEST_RESOLVE`` value.

    Returns
    -------
    dict of str to str
        Lower-cased host name to IP address.

    Raises
    ------
    ValueError
        If an item has no ``:`` separator.
    """
    out: dict[str, str] = {}
    for item in value.split(","):
        item = item.strip()
        if not item:
            continue
        host, sep, ip = item.partition(":")
        if not sep or not host or not ip:
            raise ValueError(
                f"FAKEINVEST_RESOLVE item {item!r} must look like 'example.com:127.0.0.1'"
            )
        out[host.strip().lower()] = ip.strip().strip("[]")
    return out
