"""Free hosting / site-builder / tunnel hosts, and parked or for-sale domain pages.

Scam and phishing sites are cheap to put up and cheap to lose, so many live on free
subdomains of hosting providers, site builders and tunnelling services
(``invest-pro.000webhostapp.com``, ``btc-double.netlify.app``, ``x.trycloudflare.com``)
rather than on a registered domain. :func:`free_hosting` says whether a host name is
such a subdomain. It is a weak signal on its own -- most sites on these services are
harmless -- but one that costs nothing to compute and complements domain age and
WHOIS features.

A fetched page may also turn out not to be the site at all but a registrar's or a
domain marketplace's *parking* page ("This domain is for sale", "parked free, courtesy of
GoDaddy.com"): typical of scam domains once abandoned, or of domains registered in bulk
before a relaunch. :func:`find_parked_markers` finds those phrases in the visible text
in English and a few other languages, with offsets, so the page can be set aside instead
of being scored as a website.
"""

from __future__ import annotations

import re

from .normalize import normalise

__all__ = ["FREE_HOSTING_SUFFIXES", "PARKED_MARKERS", "find_parked_markers", "free_hosting"]

#: Host suffixes under which anyone can get a free site, page or tunnel in minutes.
#: Only services whose user sites are *subdomains* of these names are listed
#: (path-based hosts such as sites.google.com or telegra.ph cannot be told apart from
#: their owner's own pages by host name).
FREE_HOSTING_SUFFIXES: frozenset[str] = frozenset(
    {
        # Free web hosts
        "000webhostapp.com", "infinityfreeapp.com", "epizy.com", "rf.gd",
        "atwebpages.com", "altervista.org", "neocities.org", "tripod.com",
        "angelfire.com", "ucoz.ru", "ucoz.net", "narod.ru", "pythonanywhere.com",
        # Site builders and blog platforms
        "weebly.com", "weeblysite.com", "wixsite.com", "blogspot.com", "wordpress.com",
        "tumblr.com", "site123.me", "tilda.ws", "webflow.io", "carrd.co",
        "godaddysites.com", "square.site", "mystrikingly.com", "framer.website",
        "yolasite.com", "jimdosite.com", "jimdofree.com", "notion.site", "gitbook.io",
        "bubbleapps.io",
        # Static / app hosting of developer platforms
        "github.io", "gitlab.io", "bitbucket.io", "codeberg.page", "netlify.app",
        "netlify.com", "vercel.app", "now.sh", "pages.dev", "workers.dev", "r2.dev",
        "web.app", "firebaseapp.com", "appspot.com", "herokuapp.com", "glitch.me",
        "onrender.com", "fly.dev", "up.railway.app", "deno.dev", "surge.sh",
        "replit.app", "repl.co", "csb.app", "amplifyapp.com", "azurewebsites.net",
        "web.core.windows.net", "blob.core.windows.net",
        # Tunnels exposing a local machine
        "ngrok.io", "ngrok.app", "ngrok-free.app", "trycloudflare.com", "loca.lt",
        "serveo.net",
        # IPFS subdomain gateways
        "ipfs.dweb.link", "ipfs.w3s.link",
    }
)

_LONGEST_SUFFIX_LABELS = max(s.count(".") + 1 for s in FREE_HOSTING_SUFFIXES)


def free_hosting(host: str) -> str | None:
    """The free-hosting suffix ``host`` is a subdomain of, if any.

    Parameters
    ----------
    host : str
        A host name (``"Invest-Pro.000WebHostApp.com."``); a trailing dot, surrounding
        whitespace, letter case and a ``:port`` suffix are tolerated. Not a URL.

    Returns
    -------
    str or None
        The longest matching entry of :data:`FREE_HOSTING_SUFFIXES`, or None. The match
        is on whole labels (``notgithub.io`` and ``github.io.example.com`` do not match
        ``github.io``), and the suffix itself is *not* a match: ``github.io`` or
        ``netlify.app`` is the provider's own site, not a user's, so
        ``free_hosting("github.io")`` is None.

    Examples
    --------
    >>> free_hosting("scam-invest.github.io")
    'github.io'
    >>> free_hosting("github.io") is None
    True
    """
    name = (host or "").strip().lower()
    if name.startswith("[") or name.count(":") > 1:  # IPv6 literal
        return None
    name = name.split(":", 1)[0].rstrip(".")
    labels = name.split(".")
    if len(labels) < 2 or any(not label for label in labels):
        return None
    # labels[i:] for the smallest i >= 1 is the longest proper suffix.
    for i in range(max(1, len(labels) - _LONGEST_SUFFIX_LABELS), len(labels) - 1):
        suffix = ".".join(labels[i:])
        if suffix in FREE_HOSTING_SUFFIXES:
            return suffix
    return None


#: Regular-expression sources, in lower case, of phrases that only parking /
#: domain-for-sale pages show; matched against the lower-cased text with any whitespace
#: between words. Accented letters are matched whether precomposed or decomposed.
PARKED_MARKERS: tuple[str, ...] = (
    # English
    r"(?:this|the)\s+domain(?:\s+name)?(?:\s+[\w.-]+\.[a-z]{2,})?\s+(?:is|may\s+be)\s+"
    r"(?:now\s+)?(?:for\s+sale|available\s+for\s+(?:sale|purchase))",
    r"domain(?:\s+name)?\s+may\s+be\s+for\s+sale",
    r"buy\s+this\s+domain(?:\s+name)?",
    r"parked\s+free,?\s+courtesy\s+of\s+godaddy(?:\.com)?",
    r"(?:this|the)\s+domain(?:\s+name)?\s+(?:is|has\s+been)\s+parked",
    r"this\s+domain\s+(?:was\s+recently\s+registered|is\s+registered)\s+at\s+namecheap",
    r"sedo\s*parking",
    r"sedo\s+domain\s+parking",
    r"hugedomains(?:\.com)?",
    r"(?<![\w.-])dan\.com(?![\w.-])",
    r"afternic(?:\.com)?",
    r"(?<![\w-])bodis(?:\.com)?(?![\w-])",
    r"parkingcrew(?:\.net)?",
    # Vietnamese
    r"tên\s+miền\s+này\s+(?:đang\s+được\s+)?(?:rao\s+)?bán",
    # Chinese (simplified and traditional)
    r"[此该該]域名(?:正在|已)?(?:出售|待售|转让|轉讓)",
    # Spanish
    r"(?:este|el)\s+dominio\s+(?:está|se\s+encuentra)\s+(?:en\s+venta|a\s+la\s+venta)",
    # Portuguese
    r"(?:este|o)\s+domínio\s+(?:está|esta)\s+(?:à|a)\s+venda",
    # Russian
    r"(?:этот\s+)?домен\s+(?:прода(?:е|ё)тся|выставлен\s+на\s+продажу)",
    # French, German, Italian, Turkish, Indonesian
    r"ce\s+(?:nom\s+de\s+)?domaine\s+est\s+à\s+vendre",
    r"diese\s+domain\s+(?:steht\s+zum\s+verkauf|kaufen|ist\s+zu\s+verkaufen)",
    r"questo\s+dominio\s+è\s+in\s+vendita",
    r"bu\s+alan\s+ad[ıi]\s+sat[ıi]l[ıi]k(?:t[ıi]r)?",
    r"domain\s+ini\s+dijual",
)

#: Every phrase contains one of these lower-case anchors; the phrase regex only runs in
#: a window around them (a regex alternation over the whole text is ~50 times slower).
_PARKED_ANCHORS = (
    "dom", "омен", "域名", "iền", "alan ad", "parked", "sedo",
    "dan.com", "afternic", "bodis", "parkingcrew",
)
_WINDOW_BEFORE, _WINDOW_AFTER = 40, 200
_MAX_PARKED_MATCHES = 100
_MAX_ANCHOR_HITS = 1000


_PARKED_SOURCE = "|".join(f"(?:{p})" for p in PARKED_MARKERS)
_PARKED = re.compile(_PARKED_SOURCE)
_PARKED_ANYCASE = re.compile(_PARKED_SOURCE, re.IGNORECASE)


def find_parked_markers(text: str) -> list[tuple[int, int, str]]:
    """Find phrases of parked / for-sale domain pages in visible text.

    Parameters
    ----------
    text : str
        Visible page text (e.g. ``PageText.text`` from :mod:`fakeinvest.textextract`);
        raw HTML works too, but offsets then refer to the HTML.

    Returns
    -------
    list of (int, int, str)
        ``(start, end, quote)`` with ``text[start:end] == quote``, in text order,
        non-overlapping, at most 100.

    Notes
    -----
    See :data:`PARKED_MARKERS`; matching ignores case. Registrar / marketplace names
    (Sedo parking, HugeDomains, Dan.com, Afternic, Bodis, ParkingCrew) count on their
    own: a page naming them is almost always their parking lander, but a news article
    about the domain trade can mention them too, so weigh a lone brand name less than a
    "for sale" sentence.

    Examples
    --------
    >>> find_parked_markers("example.net - This domain is for sale! Make an offer.")
    [(14, 37, 'This domain is for sale')]
    """
    if not text:
        return []
    original = text
    # Matched on NFC text (decomposed accents composed, as the lexicon does), offsets
    # mapped back to the text given.
    text, omap = normalise(text, "NFC")
    low = text.lower()
    if len(low) != len(text):  # 'İ'.lower() is two characters
        low = text.replace("\u0130", "I").lower()
    if len(low) != len(text):
        spans = [m.span() for m in _PARKED_ANYCASE.finditer(text)]
    else:
        spans = []
        for anchor in _PARKED_ANCHORS:
            i, n = low.find(anchor), 0
            while i >= 0 and n < _MAX_ANCHOR_HITS:
                stop = min(len(low), i + _WINDOW_AFTER)
                m = _PARKED.search(low, max(0, i - _WINDOW_BEFORE), stop)
                while m is not None:
                    spans.append(m.span())
                    m = _PARKED.search(low, m.end(), stop) if m.end() < stop else None
                i, n = low.find(anchor, i + len(anchor)), n + 1
        spans.sort()
    out: list[tuple[int, int, str]] = []
    last_end = -1
    for start, end in spans:
        if start >= last_end and end > start:
            last_end = end
            if omap is not None:
                start, end = omap.span(start, end)
            out.append((start, end, original[start:end]))
            if len(out) >= _MAX_PARKED_MATCHES:
                break
    return out
