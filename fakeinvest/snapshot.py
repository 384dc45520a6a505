"""What a scan saw: pages and domain facts, frozen so scoring is a pure function of it.

Everything downstream of the network (features, model, explanations) reads only a
:class:`Snapshot`. A live scan and a re-score of a saved snapshot therefore give the same
verdict.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cached_property
from typing import Any

from .textextract import PageText, extract_page_text

__all__ = ["DomainFacts", "Page", "Snapshot"]


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
    """

    url: str | None
    html: str
    role: str = "landing"
    status: int = 200
    content_type: str = "text/html"
    raw: bytes | None = field(default=None, compare=False, repr=False)
    headers: tuple[tuple[str, str], ...] = field(default=(), compare=False, repr=False)

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
        The registrable domain looked up.
    created : datetime or None
        Creation date from WHOIS, timezone-aware UTC.
    registrar : str or None
        The registrar named in the record.
    error : str or None
        Why the lookup gave no creation date (``timeout``, ``no_match``, ...), or None.
    source : str
        Where the facts came from (``whois`` or ``none`` when no lookup ran).
    """

    domain: str | None = None
    created: datetime | None = None
    registrar: str | None = None
    error: str | None = None
    source: str = "none"

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-serialisable dict."""
        return {
            "domain": self.domain,
            "created": self.created.isoformat() if self.created else None,
            "registrar": self.registrar,
            "error": self.error,
            "source": self.source,
        }


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
        WHOIS facts (empty when WHOIS was not queried).
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
