"""What a scan saw: pages and domain facts, frozen so scoring is a pure function of it.

Everything downstream of the network (features, model, explanations) reads only a
:class:`Snapshot`. A live scan and a re-score of a saved snapshot therefore give the same
verdict.
"""

from __future__ import annotations

import base64
import hashlib
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cached_property
from typing import Any

from bs4.dammit import UnicodeDammit

from .textextract import PageText, extract_page_text

__all__ = ["DomainFacts", "Page", "Snapshot", "decode_html", "payload_digest"]


def decode_html(data: bytes, content_type: str | None = None) -> str:
    """Decode an HTML body: valid UTF-8, else HTTP charset, BOM, ``<meta>``, detection.

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
    head = data[:2_000_000]
    # Bytes that are valid UTF-8 and not plain ASCII are UTF-8, whatever a header or
    # meta tag claims: in a single-byte charset such sequences are vanishingly unlikely
    # text, and scam kits copied between hosts often carry a wrong Latin-1 header.
    if not head.isascii():
        try:
            return data.decode("utf-8").removeprefix("\ufeff")
        except UnicodeDecodeError as exc:
            if exc.reason == "unexpected end of data":  # a size cap cut a character
                return data.decode("utf-8", errors="replace").removeprefix("\ufeff")
    declared = []
    if content_type and "charset=" in content_type.lower():
        cs = content_type.lower().split("charset=", 1)[1].split(";")[0].strip(" \"'")
        if cs:
            declared.append(cs)
    # Headers lie: UnicodeDammit tries the declared charset first but moves on when the
    # bytes do not decode, then BOM, <meta>, a statistical detector, UTF-8 and cp1252.
    dammit = UnicodeDammit(head, known_definite_encodings=declared, is_html=True)
    if dammit.unicode_markup is not None:
        if len(data) <= 2_000_000:
            return dammit.unicode_markup
        return data.decode(dammit.original_encoding or "utf-8", errors="replace")
    return data.decode("utf-8", errors="replace")


def payload_digest(body: bytes) -> str:
    """The WARC payload digest of a body (``sha1:<base32>``, as warcio writes it)."""
    return "sha1:" + base64.b32encode(hashlib.sha1(body).digest()).decode("ascii")


_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass(frozen=True)
class Page:
    """One fetched (or saved) HTML page.

    Parameters
    ----------
    url : str or None
        Final URL of the page after redirects; None for a saved page of unknown origin.
    html : str
        The decoded HTML.
    role : str
        Why the page was fetched: ``landing`` or a key-page kind (``plans``, ``about``,
        ``faq``, ``deposit``, ``withdraw``, ``terms``, ``contact``, ``licence``).
    status : int
        HTTP status code (200 for saved pages).
    content_type : str
        Media type as served.
    raw : bytes or None
        The body as received (after content decoding), kept so a saved snapshot holds
        exactly what was served; None for pages created from a str.
    headers : tuple of (str, str)
        Response headers as received.
    rendered : bool
        True when ``html`` is the DOM headless Chromium built by running the page's
        scripts (``raw`` then still holds the document as served).
    screenshot : bytes or None
        PNG of the rendered page's viewport, when rendered.
    address : str or None
        The IP address the page was fetched from (None behind a proxy, for rendered
        requests and for pages built from a str); kept as ``WARC-IP-Address``.
    """

    url: str | None
    html: str
    role: str = "landing"
    status: int = 200
    content_type: str = "text/html"
    raw: bytes | None = field(default=None, compare=False, repr=False)
    headers: tuple[tuple[str, str], ...] = field(default=(), compare=False, repr=False)
    rendered: bool = False
    screenshot: bytes | None = field(default=None, compare=False, repr=False)
    address: str | None = None

    def __post_init__(self) -> None:
        # Lone surrogates (from a str built by hand, never from decoded bytes) cannot be
        # written as UTF-8: replace them, so a saved snapshot re-scores as this page does.
        if isinstance(self.html, str) and _SURROGATE.search(self.html):
            object.__setattr__(self, "html", _SURROGATE.sub("\ufffd", self.html))

    @cached_property
    def content(self) -> PageText:
        """Parsed visible text, title and links (computed once, then cached)."""
        return extract_page_text(self.html)


@dataclass(frozen=True)
class DomainFacts:
    """Registration facts about the site's domain, as looked up at scan time.

    Parameters
    ----------
    domain : str or None
        The registrable domain looked up (ASCII, IDNs in punycode).
    created : datetime or None
        Creation (registration) date, timezone-aware UTC.
    registrar : str or None
        The registrar named in the record.
    error : str or None
        Why the lookup gave no creation date (``timeout``, ``no_match``, ``rate_limited``,
        ``unparsable_date``, ``no_creation_date`` ...; see
        :class:`fakeinvest.errors.WhoisLookupError`), or None.
    source : str
        Where the facts came from: ``whois``, ``rdap``, ``cache:whois``, ``cache:rdap``,
        or ``none`` when no lookup ran.
    expires : datetime or None
        Expiry date (end of the paid registration period), UTC.
    updated : datetime or None
        Date the record was last changed, UTC.
    privacy : bool or None
        True when the registrant is a privacy/proxy service or the contact data is
        redacted (GDPR masking, "REDACTED FOR PRIVACY"); None when nothing was read.
    name_servers : tuple of str
        Delegated name servers, lower case, without the trailing dot.
    status : tuple of str
        Registry status codes (EPP codes such as ``clientTransferProhibited``, or the
        registry's own words).
    """

    domain: str | None = None
    created: datetime | None = None
    registrar: str | None = None
    error: str | None = None
    source: str = "none"
    expires: datetime | None = None
    updated: datetime | None = None
    privacy: bool | None = None
    name_servers: tuple[str, ...] = ()
    status: tuple[str, ...] = ()

    @property
    def registration_days(self) -> float:
        """Length of the registration (creation to expiry) in days; NaN when unknown."""
        if self.created is None or self.expires is None:
            return math.nan
        return (self.expires - self.created).total_seconds() / 86400.0

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-serialisable dict (dates as ISO 8601 strings)."""
        return {
            "domain": self.domain,
            "created": self.created.isoformat() if self.created else None,
            "registrar": self.registrar,
            "error": self.error,
            "source": self.source,
            "expires": self.expires.isoformat() if self.expires else None,
            "updated": self.updated.isoformat() if self.updated else None,
            "privacy": self.privacy,
            "name_servers": list(self.name_servers),
            "status": list(self.status),
        }

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> DomainFacts:
        """Rebuild facts from :meth:`to_dict` output (missing keys take their defaults).

        Parameters
        ----------
        d : mapping
            A dict as written by :meth:`to_dict`, possibly by an older version.

        Returns
        -------
        DomainFacts

        Raises
        ------
        ValueError
            ``d`` is not a mapping, or a field has the wrong type or an unreadable date.
        """
        if not isinstance(d, Mapping):
            raise ValueError(f"domain facts must be a JSON object, not {type(d).__name__}")

        def text(key: str) -> str | None:
            raw = d.get(key)
            if raw is not None and not isinstance(raw, str):
                raise ValueError(f"domain facts: {key} must be a string")
            return raw

        def when(key: str) -> datetime | None:
            raw = text(key)
            return datetime.fromisoformat(raw) if raw else None

        def texts(key: str) -> tuple[str, ...]:
            raw = d.get(key) or ()
            if not isinstance(raw, list | tuple) or not all(isinstance(x, str) for x in raw):
                raise ValueError(f"domain facts: {key} must be a list of strings")
            return tuple(raw)

        privacy = d.get("privacy")
        return cls(domain=text("domain"), created=when("created"),
                   registrar=text("registrar"), error=text("error"),
                   source=text("source") or "none", expires=when("expires"),
                   updated=when("updated"),
                   privacy=None if privacy is None else bool(privacy),
                   name_servers=texts("name_servers"), status=texts("status"))


@dataclass(frozen=True)
class Snapshot:
    """A site as seen at one moment: its pages and its domain facts.

    Parameters
    ----------
    url : str or None
        The URL the scan started from (None for an anonymous saved page).
    pages : tuple of Page
        Landing page first, then key pages.
    fetched_at : datetime
        When the scan ran (UTC); domain age is measured at this instant.
    domain : DomainFacts
        Registration facts from RDAP/WHOIS (empty when no lookup ran).
    """

    url: str | None
    pages: tuple[Page, ...]
    fetched_at: datetime = field(default_factory=lambda: datetime.now(UTC))
    domain: DomainFacts = field(default_factory=DomainFacts)

    @classmethod
    def from_html(cls, html: str, url: str | None = None) -> Snapshot:
        """Wrap one saved HTML page as a single-page snapshot (no network).

        Parameters
        ----------
        html : str
            The page HTML.
        url : str or None
            Where the page came from, if known; enables URL and brand-domain features.

        Returns
        -------
        Snapshot
        """
        return cls(url=url, pages=(Page(url=url, html=html),))

    @property
    def final_url(self) -> str | None:
        """URL of the landing page after redirects (or the requested URL)."""
        if self.pages and self.pages[0].url:
            return self.pages[0].url
        return self.url

    @property
    def domain_age_days(self) -> float:
        """Days between domain creation and the scan; NaN when unknown."""
        created = self.domain.created
        if created is None:
            return math.nan
        if created.tzinfo is None:
            created = created.replace(tzinfo=UTC)
        fetched = self.fetched_at
        if fetched.tzinfo is None:
            fetched = fetched.replace(tzinfo=UTC)
        return max(0.0, (fetched - created).total_seconds() / 86400.0)
