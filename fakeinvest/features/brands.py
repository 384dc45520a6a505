"""Brand registry and brand-impersonation checks.

A site impersonates a brand when it *claims to be* the brand (in its title, site name or
copyright line) or uses the brand in its host name, while its registrable domain is not one
of the brand's official domains. Merely mentioning a brand (a news article about ATFX) is
not a claim.

The shipped registry (``fakeinvest/data/brands.csv``) is built by
``tools/build_brand_registry.py`` from a curated list of official brand domains. Users add
their own brands with :meth:`BrandRegistry.load` (same CSV columns).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, cached_property, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import ahocorasick

from .domain import split_domain
from .hosting import free_hosting

__all__ = ["Brand", "BrandClaim", "BrandRegistry", "default_registry", "registry_with"]

# Domain labels that are ordinary finance words: "markets.com" and "capital.com" are brands,
# but "harbourline-markets.co.uk" does not imitate them. Only exact look-alike domains from
# the registry count for these.
GENERIC_LABELS = frozenset(
    "markets market capital trade trading coin coins bank global invest money crypto exchange "
    "finance news times post mail pay wallet trust stock stocks forex broker token plus".split()
)

_COPYRIGHT = re.compile(r"(?:©|&copy;|\(c\)|copyright)\s{0,3}(?:\d{4}\s{0,3}(?:[-–]\s{0,3}\d{4})?)?"
                        r"[^.|\n]{0,80}", re.IGNORECASE)


@dataclass(frozen=True)
class Brand:
    """One brand and its domains.

    Attributes
    ----------
    name : str
        Display name.
    aliases : tuple of str
        Names searched for in page text.
    kind : str
        broker, exchange, bank, airline, telecom, news, regulator, ...
    official_domains : tuple of str
        Registrable domains the brand owns.
    lookalike_domains : tuple of str
        Domains known to imitate the brand.
    licences : tuple of str
        Licence or register numbers of the brand ("FRN 123456", "CySEC 123/45"), when the
        registry knows them: such a number quoted on a domain the brand does not own is
        licence impersonation.
    """

    name: str
    aliases: tuple[str, ...]
    kind: str
    official_domains: tuple[str, ...]
    lookalike_domains: tuple[str, ...] = ()
    licences: tuple[str, ...] = ()

    def owns(self, registered_domain: str) -> bool:
        """Return True if ``registered_domain`` is (a subdomain of) an official domain, or
        the registrable domain of one (``yahoo.com`` for ``finance.yahoo.com``)."""
        d = registered_domain.lower()
        return d in self.official_registered or any(
            d == o or d.endswith("." + o) for o in self.official_domains)

    @cached_property
    def official_registered(self) -> frozenset[str]:
        """Registrable domains of the official domains, except shared hosts: a brand on
        ``brand.github.io`` does not own ``github.io``."""
        return frozenset(r for o in self.official_domains
                         if (r := split_domain(o).registered) and r != o
                         and free_hosting(o) is None)

    @cached_property
    def domain_tokens(self) -> tuple[str, ...]:
        """Distinctive labels of the official domains (``atfx``), at least 4 characters."""
        out = []
        for dom in self.official_domains:
            label = split_domain(dom).label
            if len(label) >= 4 and label not in out and label not in GENERIC_LABELS:
                out.append(label)
        return tuple(out)


@dataclass(frozen=True)
class BrandClaim:
    """Evidence that a page presents itself as a brand.

    Attributes
    ----------
    brand : Brand
        The brand claimed.
    where : str
        ``title``, ``site_name``, ``copyright`` or ``host``.
    quote : str
        The text (or host name) containing the brand.
    """

    brand: Brand
    where: str
    quote: str


#: Character pairs that look alike in a host name (``l``/``1``, ``o``/``0``, ``rn`` aside).
_HOMOGLYPHS = frozenset(frozenset(p) for p in (
    "il", "l1", "i1", "o0", "e3", "a4", "s5", "g9", "gq", "uv", "b6", "z2", "t7", "mn"))


def _confusable_edit(token: str, brand: str) -> bool:
    """Whether ``token`` is ``brand`` with one typosquatting edit.

    A look-alike swaps a character for one that looks alike (``b1nance``), swaps two
    neighbours (``bianance``), or drops or adds a letter inside the name or doubles one
    (``binace``, ``binnance``). Other single edits make other words: ``finance`` is not
    ``binance`` and ``deriv`` (a broker of its own) is not ``derive``.
    """
    if len(token) == len(brand):
        diff = [i for i, (x, y) in enumerate(zip(token, brand, strict=True)) if x != y]
        if len(diff) == 1:
            return frozenset((token[diff[0]], brand[diff[0]])) in _HOMOGLYPHS
        return (len(diff) == 2 and diff[1] == diff[0] + 1
                and token[diff[0]] == brand[diff[1]] and token[diff[1]] == brand[diff[0]])
    longer, shorter = (token, brand) if len(token) > len(brand) else (brand, token)
    if len(longer) - len(shorter) != 1:
        return False
    i = 0
    while i < len(shorter) and shorter[i] == longer[i]:
        i += 1
    if longer[i + 1:] != shorter[i:]:
        return False
    doubled = (i > 0 and longer[i] == longer[i - 1]) or (
        i + 1 < len(longer) and longer[i] == longer[i + 1])
    return doubled or 0 < i < len(longer) - 1


#: What scam domains append to a short brand name ("atfxvn", "hsbcpro", "citi24"). A short
#: name plus any other ending is too often an ordinary word: "citizen", "gateway", "model".
_SHORT_BRAND = 5
_AFFIXES = frozenset({
    "vn", "th", "la", "id", "ph", "my", "sg", "hk", "tw", "cn", "kr", "jp", "in", "uk", "us",
    "au", "ca", "eu", "ae", "ng", "za", "br", "mx", "tr", "ru", "de", "fr", "it", "pl", "cz",
    "pro", "vip", "app", "fx", "inv", "ltd", "inc", "co", "hub", "pay", "bit", "ex", "gl",
    "glo", "web", "net", "one", "max", "biz", "gp", "grp", "cap", "fin", "tra", "trd", "mt",
    "mt4", "mt5", "x", "z", "pr", "ai",
})


def _imitates(token: str, brand_token: str) -> bool:
    """``atfxvn`` imitates ``atfx`` (prefix + up to 3 chars); ``binnance`` imitates ``binance``.

    A brand name shorter than five letters counts only with a known scam-domain ending
    (country code, "pro", "vip", digits, ...): ``citizen`` does not imitate ``citi``.
    """
    if token.startswith(brand_token) and len(token) - len(brand_token) <= 3:
        rest = token[len(brand_token):]
        return (len(brand_token) >= _SHORT_BRAND or not rest or rest.isdigit()
                or rest in _AFFIXES)
    return len(brand_token) >= 6 and _confusable_edit(token, brand_token)


_WORD = re.compile(r"\w+")


_TITLE_SEP = re.compile(r"\s+[-|–—:·»]\s+|\s*\|\s*")
_TITLE_NAME_WORDS = 5


def _title_names(title: str) -> list[str]:
    """The parts of a title that can name the site: its first and its last segment
    ("ATFX Global | Trading" -> "ATFX Global"), when short. A brand inside a headline
    ("... Bullish for EXXI - Forbes") is a mention, not the site presenting itself."""
    segments = [seg.strip() for seg in _TITLE_SEP.split(title or "") if seg.strip()]
    ends = dict.fromkeys(segments[:1] + segments[-1:])
    return [seg for seg in ends if len(seg.split()) <= _TITLE_NAME_WORDS]


class BrandRegistry:
    """Brands with their official domains, searchable in text and host names.

    Parameters
    ----------
    brands : iterable of Brand
    """

    def __init__(self, brands: Iterable[Brand]) -> None:
        self.brands = tuple(brands)
        self._by_alias: dict[str, Brand] = {}
        # First word of an alias (lower-cased) -> (number of words, alias, case-sensitive).
        # Text is scanned word by word; only words that start some alias are looked at.
        self._first: dict[str, list[tuple[int, str, bool]]] = {}
        for b in self.brands:
            for alias in b.aliases:
                self._by_alias.setdefault(alias.lower(), b)
                words = _WORD.findall(alias)
                if not words:
                    continue
                # Short or all-caps names ("IG", "ATFX", "CNN") match case-sensitively.
                exact = len(alias) <= 4 or alias.isupper()
                self._first.setdefault(words[0].lower(), []).append((len(words), alias, exact))
        for options in self._first.values():
            options.sort(key=lambda o: -len(o[1]))  # longest alias first
        self._automaton: Any = None  # built on first use (see _alias_automaton)
        self._by_licence = {re.sub(r"\s+", " ", num).lower(): b
                            for b in self.brands for num in b.licences}
        self._licences = (re.compile(
            r"(?<!\w)(?:" + "|".join(
                r"\s+".join(re.escape(p) for p in num.split())
                for num in sorted(self._by_licence, key=len, reverse=True)) + r")(?!\w)",
            re.IGNORECASE) if self._by_licence else None)

    @classmethod
    def load(cls, *paths: str | Path, include_default: bool = True) -> BrandRegistry:
        """Load brands from CSV files (columns of the shipped ``brands.csv``).

        Parameters
        ----------
        *paths : str or Path
            Extra registry files; their brands are added to (or extend) the shipped ones.
        include_default : bool
            Start from the shipped registry.

        Returns
        -------
        BrandRegistry
        """
        texts = [Path(p).read_text(encoding="utf-8") for p in paths]
        return cls.from_csv(*texts, include_default=include_default)

    @classmethod
    def from_csv(cls, *texts: str, include_default: bool = True) -> BrandRegistry:
        """Brands from CSV texts (``brand, aliases, kind, official_domains,
        lookalike_domains`` and optionally ``licences``; lists separated by ``|``).

        Parameters
        ----------
        *texts : str
            CSV documents; a brand already known is extended, a new one added.
        include_default : bool
            Start from the shipped registry.

        Returns
        -------
        BrandRegistry
        """
        rows: list[dict[str, str]] = []
        if include_default:
            ref = resources.files("fakeinvest") / "data" / "brands.csv"
            with ref.open("r", encoding="utf-8", newline="") as fh:
                rows.extend(csv.DictReader(fh))
        for text in texts:
            rows.extend(csv.DictReader(io.StringIO(text, newline="")))
        merged: dict[str, Brand] = {}
        for row in rows:
            name = row["brand"].strip()
            split = lambda v: tuple(x.strip() for x in (v or "").split("|") if x.strip())  # noqa: E731
            b = Brand(
                name=name,
                aliases=split(row.get("aliases")) or (name,),
                kind=(row.get("kind") or "").strip(),
                official_domains=tuple(d.lower() for d in split(row.get("official_domains"))),
                lookalike_domains=tuple(d.lower() for d in split(row.get("lookalike_domains"))),
                licences=split(row.get("licences")),
            )
            old = merged.get(name)
            if old is not None:
                b = Brand(
                    name=name,
                    aliases=tuple(dict.fromkeys(old.aliases + b.aliases)),
                    kind=old.kind or b.kind,
                    official_domains=tuple(
                        dict.fromkeys(old.official_domains + b.official_domains)),
                    lookalike_domains=tuple(
                        dict.fromkeys(old.lookalike_domains + b.lookalike_domains)
                    ),
                    licences=tuple(dict.fromkeys(old.licences + b.licences)),
                )
            merged[name] = b
        return cls(merged.values())

    def mentions(self, text: str) -> list[tuple[int, int, Brand]]:
        """Find brand names in text, as whole words (longest alias first).

        Parameters
        ----------
        text : str

        Returns
        -------
        list of (start, end, Brand)
            Non-overlapping, in order of position.
        """
        lower = text.lower()
        if len(lower) != len(text):  # a few characters change length when lower-cased
            lower = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
        # Every occurrence of every alias in one Aho-Corasick pass (C speed), then the
        # whole-word and case checks on those few places only.
        best: dict[int, tuple[int, int, str]] = {}  # start -> (rank, end, alias)
        n = len(text)
        for last, (size, options) in self._alias_automaton().iter(lower):
            i = last + 1 - size
            if i > 0 and (lower[i - 1].isalnum() or lower[i - 1] == "_"):
                continue
            for rank, alias, exact in options:
                end = i + len(alias)
                if end < n and (lower[end].isalnum() or lower[end] == "_"):
                    continue
                if exact and not text.startswith(alias, i):
                    continue
                if i not in best or rank < best[i][0]:
                    best[i] = (rank, end, alias)
        out, last_end = [], -1
        for i in sorted(best):
            _rank, end, alias = best[i]
            if i >= last_end:
                out.append((i, end, self._by_alias[alias.lower()]))
                last_end = end
        return out

    def _alias_automaton(self) -> Any:
        """Aho-Corasick automaton: lower-cased alias -> its length and its options
        ``(rank, alias, exact)``.

        ``rank`` orders the aliases sharing a first word, longest first, as a scan word by
        word would try them.
        """
        if self._automaton is None:

            keyed: dict[str, list[tuple[int, str, bool]]] = {}
            for options in self._first.values():
                for rank, (_count, alias, exact) in enumerate(options):
                    keyed.setdefault(alias.lower(), []).append((rank, alias, exact))
            automaton = ahocorasick.Automaton()
            for key, options in keyed.items():
                automaton.add_word(key, (len(key), tuple(options)))
            automaton.make_automaton()
            self._automaton = automaton
        return self._automaton

    def licence_mentions(self, text: str) -> list[tuple[int, int, Brand]]:
        """Licence numbers of registry brands quoted in text (only brands that list some).

        Parameters
        ----------
        text : str

        Returns
        -------
        list of (start, end, Brand)
        """
        if self._licences is None:
            return []
        out = []
        for m in self._licences.finditer(text):
            key = re.sub(r"\s+", " ", m.group(0)).lower()
            brand = self._by_licence.get(key)
            if brand is not None:
                out.append((m.start(), m.end(), brand))
        return out

    def claims(self, title: str, site_name: str, text: str) -> list[BrandClaim]:
        """Brands a page presents itself as (title, site name, copyright line).

        Parameters
        ----------
        title, site_name, text : str
            From :class:`~fakeinvest.textextract.PageText`.

        Returns
        -------
        list of BrandClaim
        """
        out: list[BrandClaim] = []
        seen: set[str] = set()
        sources = [("title", name) for name in _title_names(title)]
        sources.append(("site_name", site_name))
        sources += [("copyright", m.group(0)) for m in _COPYRIGHT.finditer(text[-5000:])]
        for where, value in sources:
            for _s, _e, brand in self.mentions(value):
                if brand.name not in seen:
                    seen.add(brand.name)
                    out.append(BrandClaim(brand=brand, where=where, quote=value.strip()[:200]))
        return out

    def host_lookalikes(self, url: str) -> list[BrandClaim]:
        """Brands whose name appears in (or is one edit away from) the host name.

        Parameters
        ----------
        url : str
            Site URL or host name.

        Returns
        -------
        list of BrandClaim
            Only brands that do *not* own the host's registrable domain.
        """
        parts = split_domain(url)
        if parts.is_ip or not parts.registered:
            return []
        tokens = [t for t in re.split(r"[.\-]", parts.host) if t]
        index = self._lookalike_index
        hits = set(index.domains.get(parts.registered, ()))
        for tok in tokens:
            for bt in _lookalike_candidates(tok, index):
                if _imitates(tok, bt):
                    hits.update(index.tokens[bt])
        return [BrandClaim(brand=self.brands[i], where="host", quote=parts.host)
                for i in sorted(hits) if not self.brands[i].owns(parts.registered)]

    @cached_property
    def _lookalike_index(self) -> _LookalikeIndex:
        return _LookalikeIndex.build(self.brands)


@dataclass(frozen=True)
class _LookalikeIndex:
    """Where host-name tokens are looked up instead of compared with every brand.

    Attributes
    ----------
    tokens : dict
        Brand domain token -> indices of the brands that have it.
    deletions : dict
        A brand token with one letter dropped -> those brand tokens (so that a host token
        one letter short of a brand finds it by one lookup).
    domains : dict
        Listed look-alike registrable domain -> brand indices.
    """

    tokens: dict[str, tuple[int, ...]]
    deletions: dict[str, tuple[str, ...]]
    domains: dict[str, tuple[int, ...]]

    @classmethod
    def build(cls, brands: tuple[Brand, ...]) -> _LookalikeIndex:
        tokens: dict[str, list[int]] = {}
        domains: dict[str, list[int]] = {}
        for i, b in enumerate(brands):
            for bt in b.domain_tokens:
                tokens.setdefault(bt, []).append(i)
            for d in b.lookalike_domains:
                domains.setdefault(d, []).append(i)
        deletions: dict[str, list[str]] = {}
        for bt in tokens:
            for j in range(len(bt)):
                deletions.setdefault(bt[:j] + bt[j + 1:], []).append(bt)
        return cls({k: tuple(v) for k, v in tokens.items()},
                   {k: tuple(dict.fromkeys(v)) for k, v in deletions.items()},
                   {k: tuple(v) for k, v in domains.items()})


#: Each character's look-alikes in a host name (from ``_HOMOGLYPHS``).
_GLYPH_PARTNERS: dict[str, tuple[str, ...]] = {}
for _pair in _HOMOGLYPHS:
    for _c in _pair:
        _GLYPH_PARTNERS[_c] = (*_GLYPH_PARTNERS.get(_c, ()), *(_pair - {_c}))


def _lookalike_candidates(tok: str, index: _LookalikeIndex) -> set[str]:
    """Every brand token that :func:`_imitates` could accept for ``tok``: the prefixes
    of ``tok`` up to 3 letters shorter, and the tokens one typosquatting edit away
    (a look-alike character, two neighbours swapped, a letter more or less), each found
    by a dictionary lookup; O(len(tok)) lookups, whatever the size of the registry."""
    known = index.tokens
    out = {tok[:n] for n in range(max(1, len(tok) - 3), len(tok) + 1) if tok[:n] in known}
    variants: list[str] = list(index.deletions.get(tok, ()))
    for i, ch in enumerate(tok):
        variants.append(tok[:i] + tok[i + 1:])
        variants.extend(tok[:i] + g + tok[i + 1:] for g in _GLYPH_PARTNERS.get(ch, ()))
        if i + 1 < len(tok):
            variants.append(tok[:i] + tok[i + 1] + ch + tok[i + 2:])
    out.update(v for v in variants if v in known)
    return out


@cache
def default_registry() -> BrandRegistry:
    """The shipped registry (``fakeinvest/data/brands.csv``), loaded once."""
    return BrandRegistry.from_csv()


@lru_cache(maxsize=16)
def registry_with(extra: tuple[str, ...]) -> BrandRegistry:
    """The shipped registry extended by CSV texts (as a model records them); cached.

    Parameters
    ----------
    extra : tuple of str
        CSV documents (see :meth:`BrandRegistry.from_csv`); empty for the shipped registry.

    Returns
    -------
    BrandRegistry
    """
    return BrandRegistry.from_csv(*extra) if extra else default_registry()
