"""Small immutable configuration values, and the one place that reads the environment.

:class:`FetchConfig` (crawling and rendering) and :class:`LookupConfig` (domain lookups)
are plain values: constructing one never looks at the environment. The environment
variables are read here only, by :meth:`FetchConfig.from_env`,
:meth:`LookupConfig.from_env` and :func:`brand_files_from_env`, which the entry points
(``scan``, ``scan_many``, ``snapshot_site``, ``domain_info``, the CLI) call when they are
given no config:

============================  =====================================================
``FAKEINVEST_RESOLVE``        ``host:ip,host:ip`` -> ``FetchConfig.resolve``
``FAKEINVEST_CHROMIUM``       Chromium executable -> ``FetchConfig.browser``
``FAKEINVEST_WHOIS_SERVER``   ``host:port`` -> ``LookupConfig.whois_server``
``FAKEINVEST_RDAP_URL``       base URL or ``off`` -> ``LookupConfig.rdap_url``
``FAKEINVEST_CACHE_DIR``      directory or ``off`` -> ``LookupConfig.cache_dir``
                              (default ``$XDG_CACHE_HOME/fakeinvest``)
``FAKEINVEST_BRANDS``         extra brand-registry CSV files (``os.pathsep``-separated)
============================  =====================================================
"""

from __future__ import annotations

import ipaddress
import math
import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from .errors import BadInputError

__all__ = ["DEFAULT_USER_AGENT", "RENDER_MODES", "FetchConfig", "LookupConfig",
           "brand_files_from_env", "parse_resolve_env"]

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
        Host name to IP address overrides, like curl's ``--resolve``
        (:meth:`from_env` adds ``FAKEINVEST_RESOLVE``).
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
        Chromium executable; when None, ``chromium``, ``chromium-browser`` or
        ``google-chrome`` on ``PATH`` (:meth:`from_env` reads ``FAKEINVEST_CHROMIUM``).
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
        times = (self.site_deadline, self.connect_timeout, self.read_timeout)
        if not all(math.isfinite(t) and t > 0 for t in times):
            raise ValueError("timeouts and the site deadline must be positive, finite "
                             f"numbers of seconds (got {', '.join(f'{t:g}' for t in times)})")
        if not math.isfinite(self.backoff):
            raise ValueError("backoff must be a finite number of seconds")
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
        merged = {k.lower(): v for k, v in dict(self.resolve).items()}
        for host, ip in merged.items():
            try:
                ipaddress.ip_address(ip)
            except ValueError as exc:
                raise ValueError(
                    f"resolve: {host!r} maps to {ip!r}, which is not an IP address"
                ) from exc
        object.__setattr__(self, "resolve", merged)


    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, **values: Any) -> FetchConfig:
        """A config from ``values`` plus the environment's ``FAKEINVEST_RESOLVE`` (merged
        under ``resolve``) and ``FAKEINVEST_CHROMIUM`` (when ``browser`` is not given).

        Parameters
        ----------
        environ : mapping, optional
            The environment (``os.environ`` by default).
        **values
            Any field of :class:`FetchConfig`.

        Raises
        ------
        ValueError
            A malformed variable or field value, with what a good one looks like.
        """
        env = os.environ if environ is None else environ
        resolve = {**parse_resolve_env(env.get("FAKEINVEST_RESOLVE", "")),
                   **{k.lower(): v for k, v in dict(values.pop("resolve", {})).items()}}
        if values.get("browser") is None and env.get("FAKEINVEST_CHROMIUM", "").strip():
            values["browser"] = env["FAKEINVEST_CHROMIUM"].strip()
        return cls(resolve=resolve, **values)

    def with_env(self, environ: Mapping[str, str] | None = None) -> FetchConfig:
        """This config with the environment's settings added (see :meth:`from_env`)."""
        own = {f.name: getattr(self, f.name) for f in fields(self)}
        return FetchConfig.from_env(environ, **own)


_OFF = ("off", "0", "no", "false", "none")


@dataclass(frozen=True)
class LookupConfig:
    """How domain registration facts are looked up (RDAP, WHOIS, on-disk cache).

    Parameters
    ----------
    timeout : float
        Total seconds for one domain's lookup (RDAP, WHOIS fallback and referrals).
    whois_server : str or None
        ``host:port`` of a WHOIS server that answers every query, referrals included (a
        test or in-house server). When set and ``rdap_url`` is not, RDAP is skipped: a
        pinned server means a controlled environment that RDAP would leave.
    rdap_url : str or None
        Base URL of an RDAP server that answers every query, ``"off"`` to never use RDAP,
        or None for the servers of IANA's bootstrap (bundled).
    cache_dir : str, Path or None
        Directory of the SQLite lookup cache; None for no cache.
    """

    timeout: float = 10.0
    whois_server: str | None = None
    rdap_url: str | None = None
    cache_dir: str | Path | None = None

    def __post_init__(self) -> None:
        if not (math.isfinite(self.timeout) and self.timeout > 0):
            raise ValueError(f"timeout must be a positive, finite number (got {self.timeout:g})")
        if self.whois_server is not None:
            _host, sep, port = self.whois_server.strip().rpartition(":")
            if not sep or not port.isdigit():
                raise ValueError(
                    f"whois_server (FAKEINVEST_WHOIS_SERVER) {self.whois_server!r} must look "
                    "like 'whois.example.net:43' or '127.0.0.1:4343'")
        if self.rdap_url is not None:
            raw = self.rdap_url.strip()
            if raw.lower() in _OFF:
                raw = "off"
            elif not raw.startswith(("http://", "https://")):
                raise ValueError(
                    f"rdap_url (FAKEINVEST_RDAP_URL) {self.rdap_url!r} must be an http(s) "
                    "base URL such as 'http://127.0.0.1:8080/' or 'off'")
            elif not raw.endswith("/"):
                raw += "/"
            object.__setattr__(self, "rdap_url", raw)
        if self.cache_dir is not None:
            object.__setattr__(self, "cache_dir", Path(self.cache_dir).expanduser())

    @property
    def whois_address(self) -> tuple[str, int] | None:
        """``whois_server`` as ``(host, port)``, or None."""
        if self.whois_server is None:
            return None
        host, _sep, port = self.whois_server.strip().rpartition(":")
        return host.strip("[]") or "127.0.0.1", int(port)

    @property
    def rdap_enabled(self) -> bool:
        """Whether RDAP is asked at all (see ``whois_server``)."""
        if self.rdap_url == "off":
            return False
        return not (self.rdap_url is None and self.whois_server is not None)

    @property
    def namespace(self) -> str:
        """Cache-key suffix when servers are pinned, so test servers never share entries."""
        pins = [f"{k}={v}" for k, v in (("whois", self.whois_server), ("rdap", self.rdap_url))
                if v is not None]
        return ("@" + ";".join(pins)) if pins else ""

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, **values: Any) -> LookupConfig:
        """A config from ``values`` plus ``FAKEINVEST_WHOIS_SERVER``,
        ``FAKEINVEST_RDAP_URL`` and ``FAKEINVEST_CACHE_DIR`` (``off`` for no cache;
        default ``$XDG_CACHE_HOME/fakeinvest`` or ``~/.cache/fakeinvest``).

        Raises
        ------
        ValueError
            A malformed variable, with what a good one looks like.
        """
        env = os.environ if environ is None else environ
        if "whois_server" not in values and env.get("FAKEINVEST_WHOIS_SERVER", "").strip():
            values["whois_server"] = env["FAKEINVEST_WHOIS_SERVER"].strip()
        if "rdap_url" not in values and env.get("FAKEINVEST_RDAP_URL", "").strip():
            values["rdap_url"] = env["FAKEINVEST_RDAP_URL"].strip()
        if "cache_dir" not in values:
            raw = env.get("FAKEINVEST_CACHE_DIR", "").strip()
            if raw.lower() in _OFF:
                values["cache_dir"] = None
            elif raw:
                values["cache_dir"] = raw
            else:
                xdg = env.get("XDG_CACHE_HOME", "").strip()
                base = Path(xdg).expanduser() if xdg else Path.home() / ".cache"
                values["cache_dir"] = base / "fakeinvest"
        return cls(**values)

    def replace(self, **values: Any) -> LookupConfig:
        """A copy with some fields changed."""
        return replace(self, **values)


def brand_files_from_env(environ: Mapping[str, str] | None = None) -> list[str]:
    """The extra brand-registry files named by ``FAKEINVEST_BRANDS`` (``os.pathsep``-separated).

    Raises
    ------
    fakeinvest.errors.BadInputError
        A named file does not exist.
    """
    env = os.environ if environ is None else environ
    files = [p for p in env.get("FAKEINVEST_BRANDS", "").split(os.pathsep) if p.strip()]
    missing = [p for p in files if not os.path.isfile(p)]
    if missing:

        raise BadInputError(
            f"FAKEINVEST_BRANDS names {', '.join(missing)}, which does not exist; "
            "give CSV files with the columns of fakeinvest/data/brands.csv")
    return files


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
