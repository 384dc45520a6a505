"""URL and domain signals, computed offline with tldextract's bundled suffix list."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import tldextract

if TYPE_CHECKING:
    import tldextract

__all__ = ["DOMAIN_FEATURES", "DomainParts", "domain_features", "registrable_domain",
           "split_domain"]

# Cheap generic TLDs disproportionately used by throwaway scam sites (registrar price lists,
# abuse reports). A signal, not a verdict: plenty of honest sites use them.
RISKY_TLDS = frozenset(
    "xyz top vip ltd club online site shop live cc biz icu buzz fun work info win bid loan "
    "cyou rest bar monster sbs cfd store space website tech pro asia co host click link "
    "finance money cash trade market investments capital fund exchange".split()
)
_FINANCE_WORDS = re.compile(
    r"invest|trade|trading|forex|fx|capital|profit|yield|coin|crypto|bit|mining|miner|"
    r"asset|fund|wealth|earn|btc|usdt|eth|finance|fintech|bank|broker|market|token|"
    r"dividend|income|rich|money|cash|global|pro|vip|gold",
)

DOMAIN_FEATURES = (
    "url_domain_length",
    "url_hyphens",
    "url_digits",
    "url_subdomain_depth",
    "url_punycode",
    "url_risky_tld",
    "url_ip_host",
    "url_finance_words",
)


@dataclass(frozen=True)
class DomainParts:
    """A host split with the Public Suffix List.

    Attributes
    ----------
    host : str
        Lower-cased host name without port.
    registered : str
        Registrable domain (``atfx-vn.com``), empty for IP hosts.
    label : str
        The registrable label without suffix (``atfx-vn``).
    subdomain : str
        Everything left of the registrable domain.
    suffix : str
        Public suffix (``com``, ``co.uk``).
    is_ip : bool
        The host is an IP literal.
    """

    host: str
    registered: str
    label: str
    subdomain: str
    suffix: str
    is_ip: bool


@cache
def _extractor() -> tldextract.TLDExtract:

    # Offline by design: bundled snapshot, no download, no cache written.
    return tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)


def split_domain(url_or_host: str) -> DomainParts:
    """Split a URL or host name into its Public-Suffix-List parts (offline).

    Parameters
    ----------
    url_or_host : str
        ``https://a.b.example.co.uk/x`` or ``a.b.example.co.uk``.

    Returns
    -------
    DomainParts
    """
    raw = url_or_host.strip()
    host = (urlsplit(raw).hostname if "//" in raw else raw.split("/")[0].split(":")[0]) or ""
    host = host.lower().rstrip(".")
    ext = _extractor()(host)
    is_ip = bool(ext.ipv4) or (":" in host)
    registered = "" if is_ip else ext.top_domain_under_public_suffix
    return DomainParts(
        host=host,
        registered=registered,
        label="" if is_ip else ext.domain,
        subdomain="" if is_ip else ext.subdomain,
        suffix="" if is_ip else ext.suffix,
        is_ip=is_ip,
    )


def domain_features(url: str | None) -> dict[str, float]:
    """Lexical signals of the site's URL; all NaN when the URL is unknown.

    Parameters
    ----------
    url : str or None
        The site URL.

    Returns
    -------
    dict of str to float
        One value per name in ``DOMAIN_FEATURES``.
    """
    if not url:
        return dict.fromkeys(DOMAIN_FEATURES, math.nan)
    parts = split_domain(url)
    label = parts.label
    labels = [p for p in parts.host.split(".") if p]
    return {
        "url_domain_length": float(len(label)),
        "url_hyphens": float(label.count("-")),
        "url_digits": float(sum(c.isdigit() for c in label)),
        "url_subdomain_depth": float(
            len([s for s in parts.subdomain.split(".") if s and s != "www"])
        ),
        "url_punycode": float(any(p.startswith("xn--") for p in labels)),
        "url_risky_tld": float(parts.suffix.split(".")[-1] in RISKY_TLDS) if parts.suffix else 0.0,
        "url_ip_host": float(parts.is_ip),
        "url_finance_words": float(len(_FINANCE_WORDS.findall(label))),
    }


def registrable_domain(url_or_domain: str) -> str | None:
    """The registrable domain of a URL or host, in ASCII (punycode), or None.

    Parameters
    ----------
    url_or_domain : str

    Returns
    -------
    str or None
        None for IP addresses, bare suffixes and names IDNA cannot encode.
    """
    parts = split_domain(url_or_domain.strip().rstrip("."))
    if parts.is_ip or not parts.registered:
        return None
    try:
        return parts.registered.encode("idna").decode("ascii").lower()
    except UnicodeError:
        return None
