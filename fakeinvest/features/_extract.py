"""Snapshot -> engineered features with evidence, and the scikit-learn transformer over them.

Each feature is computed per page and the site value is the maximum over its pages, so a
site is as suspicious as its most suspicious page for each signal (a plans page for return
promises, a withdraw page for obstruction wording). Every non-zero value keeps the quotes
that produced it, with the page URL and character offsets into that page's visible text.

Features fall into four groups, and the model treats each group differently:

``SCHEME_FEATURES``
    Evidence of the scheme itself: promised returns, withdrawal obstruction, multi-level
    referral, guarantees, urgency, fake social proof, automated-trading-robot claims and
    traces of a known scam script. Learned weights, constrained to be non-negative; a site
    is flagged only when this evidence (or impersonation) carries it over the threshold.
``SUPPORT_FEATURES``
    Wording honest and fraudulent finance sites share (payment methods, messenger
    contact). Learned, but together with the text model they form the *topic block*, whose
    share of the score is bounded (see :mod:`fakeinvest.model._model`).
``IMPERSONATION_FEATURES``
    A registry brand claimed on a domain it does not own, a look-alike host name, a
    licence borrowed while doing so. The training corpus has too few URLs to learn them
    (and learning from URL presence would teach "no URL = scam"), so they enter the score
    with a fixed log-likelihood ratio estimated from the domain lists (model card).
``CONTEXT_FEATURES``
    Facts reported with evidence on every verdict and not scored: licence claims and risk
    warnings (the corpus's only pages with them are copied fake-broker pages, so weights
    learned for them would punish the regulated firms that must display them), brand
    mentions and claims (neutral on their own), copied-site traces (a capture artefact in
    the corpus), parking, free hosting, domain age (no registration dates to estimate a
    weight from) and URL shape.
"""

from __future__ import annotations

import bisect
import dataclasses
import math
import re
import statistics
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any
from weakref import WeakKeyDictionary

import numpy as np

from ..snapshot import Page, Snapshot
from .brands import BrandRegistry, default_registry
from .domain import DOMAIN_FEATURES, domain_features, split_domain
from .fingerprint import dom_fingerprint
from .hosting import find_parked_markers, free_hosting
from .kit import find_kit_markers
from .lexicon import SIGNALS, find_signals, reported_spans
from .returns import find_return_claims

__all__ = [
    "ALL_FEATURES",
    "CATALOGUE",
    "CONTEXT_FEATURES",
    "FEATURE_DESCRIPTIONS",
    "IMPERSONATION_FEATURES",
    "MODEL_FEATURES",
    "SCHEME_FEATURES",
    "SUPPORT_FEATURES",
    "Evidence",
    "Feature",
    "FeatureSet",
    "extract_features",
    "model_text",
]

HIGH_YIELD_DAILY_PCT = 0.5  # 0.5 %/day = 182.5 %/year simple: beyond any honest product
MAX_EVIDENCE = 5

RETURN_FEATURES = (
    "return_max_daily_pct",
    "return_median_daily_pct",
    "return_claims",
    "return_high_yield_claims",
)
UNSCORED_SIGNALS = ("licence_claim", "risk_warning")
#: Lexicon signals that are wording honest finance sites share with scams.
SUPPORT_SIGNALS = ("crypto_payment", "fiat_payment", "messenger_contact")
#: Kit-marker kinds that show a page was copied or saved (HTTrack, "save page as"), not
#: which script runs it: reported as ``copied_site``, not counted in ``kit_markers``.
COPY_MARKERS = frozenset({"httrack_mirror", "httrack_added", "saved_from_url",
                          "singlefile_copy", "saved_page_assets"})

@dataclass(frozen=True)
class Feature:
    """One entry of the feature catalogue.

    Attributes
    ----------
    name : str
    group : str
        ``scheme`` (evidence of the scheme; learned, weight >= 0, counts under the gate),
        ``support`` (wording honest and fraudulent sites share; learned, topic block),
        ``impersonation`` (posing as a registry brand; fixed log-likelihood ratio) or
        ``context`` (reported as a fact, not scored).
    description : str
        What it measures, for people (model card, docs, Jupyter).
    """

    name: str
    group: str
    description: str


#: Every feature, once: name, group, description. The model's input columns are the
#: ``scheme`` features, then the ``support`` ones, in this order.
CATALOGUE: tuple[Feature, ...] = (
    Feature("return_max_daily_pct", "scheme", 'highest promised return, normalised to % per day'),
    Feature("return_high_yield_claims", "scheme",
            f"promised returns of at least {HIGH_YIELD_DAILY_PCT}% per day"),
    Feature("withdrawal_obstruction", "scheme",
            'fees, taxes, deposits, levels or delays put before a withdrawal'),
    Feature("instant_withdrawal", "scheme", "'instant withdrawal' bait"),
    Feature("referral_levels", "scheme", 'multi-level referral commissions'),
    Feature("guarantee", "scheme", 'guaranteed, risk-free or no-loss profit wording'),
    Feature("urgency", "scheme", "time or slot pressure ('only 12 VIP places left')"),
    Feature("social_proof", "scheme",
            "payout tickers, 'total paid out', successful-investor testimonials"),
    Feature("trading_robot", "scheme",
            "auto-trading robot lander: 'the software trades for you' claims, counted only next "
            "to the landers' promises ('earn $1,000 a day', '99.4% accuracy', 'minimum deposit "
            "250', 'no experience needed')"),
    Feature("kit_markers", "scheme",
            'kinds of known scam-script traces in the HTML: H-Script routes, forms and captcha, '
            'referral links, HYIP templates, monitor badges and vendor links, e-currency merchant'
            ' forms'),
    Feature("crypto_payment", "support",
            'deposits in crypto-currency or e-currency, wallet addresses'),
    Feature("fiat_payment", "support", 'bank transfer or card payments'),
    Feature("messenger_contact", "support", 'contact through Telegram, WhatsApp, Zalo, WeChat ...'),
    Feature("crypto_only", "support", 'crypto payment offered and no bank or card payment'),
    Feature("licence_claim", "context", 'claims to be licensed or regulated'),
    Feature("risk_warning", "context", 'regulatory risk warnings typical of licensed firms'),
    Feature("return_median_daily_pct", "context", 'median of the promised returns, % per day'),
    Feature("return_claims", "context", 'number of promised-return statements'),
    Feature("brand_mentions", "context", 'mentions of brands from the registry'),
    Feature("brand_claim", "context",
            'the page presents itself as a registry brand (title, site name, copyright)'),
    Feature("return_annual_implied_pct", "context", 'highest promised daily return x 365 (simple)'),
    Feature("brand_impersonation", "impersonation",
            'claims a registry brand on a domain that brand does not own'),
    Feature("brand_lookalike_domain", "impersonation",
            "a registry brand's name inside a host name it does not own"),
    Feature("licence_impersonation", "impersonation",
            'a licence or regulator claim made while posing as a registry brand on a domain it '
            "does not own, or a registry brand's own licence number quoted on such a domain"),
    Feature("copied_site", "context",
            'the page is a copy of another site (HTTrack mirror, saved-page traces)'),
    Feature("parked_page", "context",
            "a parked or for-sale domain page ('This domain is for sale')"),
    Feature("free_hosting", "context",
            'the site lives on a free host or site builder (github.io, weebly.com, ...)'),
    Feature("domain_age_days", "context",
            'days since the domain was registered (WHOIS), NaN when unknown'),
    Feature("url_domain_length", "context", 'length of the registrable label'),
    Feature("url_hyphens", "context", 'hyphens in the registrable label'),
    Feature("url_digits", "context", 'digits in the registrable label'),
    Feature("url_subdomain_depth", "context",
            'subdomain levels below the registrable domain (www excluded)'),
    Feature("url_punycode", "context", 'an IDN (punycode) label in the host'),
    Feature("url_risky_tld", "context", 'a cheap TLD favoured by throwaway sites'),
    Feature("url_ip_host", "context", 'the site is addressed by a bare IP address'),
    Feature("url_finance_words", "context",
            'finance words inside the domain label (invest, trade, coin, ...)'),
)


def _named(*groups: str) -> tuple[str, ...]:
    return tuple(f.name for f in CATALOGUE if f.group in groups)


SCHEME_FEATURES: tuple[str, ...] = _named("scheme")
SUPPORT_FEATURES: tuple[str, ...] = _named("support")
#: Learned model inputs: the scheme block first (its weights are kept non-negative).
MODEL_FEATURES: tuple[str, ...] = SCHEME_FEATURES + SUPPORT_FEATURES
IMPERSONATION_FEATURES: tuple[str, ...] = _named("impersonation")
#: Not learned: impersonation (a fixed weight under the gate) and context facts.
CONTEXT_FEATURES: tuple[str, ...] = _named("impersonation", "context")
ALL_FEATURES: tuple[str, ...] = MODEL_FEATURES + CONTEXT_FEATURES
FEATURE_DESCRIPTIONS: dict[str, str] = {f.name: f.description for f in CATALOGUE}



@dataclass(frozen=True)
class Evidence:
    """One quote that supports a feature value.

    Attributes
    ----------
    feature : str
        The feature this quote supports.
    quote : str
        The text as it appears on the page (or a value such as a host name).
    page_url : str or None
        The page it came from.
    start, end : int or None
        Character offsets into the page's visible text (None for non-text evidence).
    context : str
        The quote with some surrounding words, for reading (empty when not from text).
    """

    feature: str
    quote: str
    page_url: str | None
    start: int | None = None
    end: int | None = None
    context: str = ""

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-serialisable dict."""
        return {"feature": self.feature, "quote": self.quote, "page_url": self.page_url,
                "start": self.start, "end": self.end, "context": self.context}


@dataclass
class FeatureSet:
    """Feature values of one snapshot and the evidence behind them."""

    values: dict[str, float]
    evidence: dict[str, list[Evidence]] = field(default_factory=dict)
    model_text: str = ""
    #: DOM-structure SimHash of the landing page (``features.fingerprint.dom_fingerprint``), which
    #: links relaunched copies of one kit; None for a page-level feature set or when
    #: ``extract_features`` was asked not to compute it.
    fingerprint: int | None = None

    def vector(self, names: Sequence[str]) -> np.ndarray:
        """Values in the order of ``names`` as a float array."""
        return np.array([self.values[n] for n in names], dtype=float)


def _widen(text: str, start: int, end: int, pad: int = 50) -> str:
    """A readable quote: the match in «», with some words around it."""
    s = max(0, start - pad)
    e = min(len(text), end + pad)
    if s > 0:
        sp = text.find(" ", s, start)
        s = sp + 1 if sp != -1 else s
    if e < len(text):
        sp = text.rfind(" ", end, e)
        e = sp if sp != -1 else e
    before, after = text[s:start].lstrip(), text[end:e].rstrip()
    return (("…" if s > 0 else "") + before + "«" + text[start:end] + "»" + after
            + ("…" if e < len(text) else ""))


_CACHE: WeakKeyDictionary[Page, tuple[BrandRegistry, FeatureSet]] = WeakKeyDictionary()


def _page_features(page: Page, registry: BrandRegistry) -> FeatureSet:
    """Features of one page; cached per live Page object (for the registry last used)."""
    hit = _CACHE.get(page)
    if hit is not None and hit[0] is registry:
        return hit[1]
    fs = _compute_page_features(page, registry)
    _CACHE[page] = (registry, fs)
    return fs


def _compute_page_features(page: Page, registry: BrandRegistry) -> FeatureSet:
    content = page.content
    text = content.text
    values: dict[str, float] = {}
    evidence: dict[str, list[Evidence]] = {}

    def add(feature: str, quote: str, start: int | None, end: int | None) -> None:
        items = evidence.setdefault(feature, [])
        if len(items) < MAX_EVIDENCE:
            context = _widen(text, start, end) if start is not None and end is not None else ""
            items.append(Evidence(feature, quote, page.url, start, end, context))

    # Promises a page only reports (a bank's scam warning quoting "2% daily") are no offer.
    reported = reported_spans(text)
    starts = [s for s, _e in reported]

    def is_reported(start: int, end: int) -> bool:
        i = bisect.bisect_right(starts, start) - 1
        return i >= 0 and end <= reported[i][1]

    claims = [c for c in find_return_claims(text) if not is_reported(c.start, c.end)]
    rates = [c.daily_rate for c in claims]
    values["return_max_daily_pct"] = max(rates, default=0.0)
    values["return_median_daily_pct"] = statistics.median(rates) if rates else 0.0
    values["return_claims"] = float(len(claims))
    high = [c for c in claims if c.daily_rate >= HIGH_YIELD_DAILY_PCT]
    values["return_high_yield_claims"] = float(len(high))
    values["return_annual_implied_pct"] = values["return_max_daily_pct"] * 365.0
    for c in sorted(claims, key=lambda c: -c.daily_rate):
        for feat in ("return_max_daily_pct", "return_claims"):
            add(feat, c.quote, c.start, c.end)
        if c.daily_rate >= HIGH_YIELD_DAILY_PCT:
            add("return_high_yield_claims", c.quote, c.start, c.end)
    if claims:
        top = max(claims, key=lambda c: c.daily_rate)
        add("return_annual_implied_pct", top.quote, top.start, top.end)

    matches = find_signals(text)
    counts = dict.fromkeys(SIGNALS, 0)
    for m in matches:
        counts[m.signal] = counts.get(m.signal, 0) + 1
        add(m.signal, m.quote, m.start, m.end)
    for name in SIGNALS:
        values[name] = float(counts.get(name, 0))
    boilerplate = [(m.start, m.end) for m in matches if m.signal in UNSCORED_SIGNALS]

    kit = find_kit_markers(page.html)
    values["kit_markers"] = float(len({m.name for m in kit if m.name not in COPY_MARKERS}))
    values["copied_site"] = float(any(m.name in COPY_MARKERS for m in kit))
    for m in kit:
        feat = "copied_site" if m.name in COPY_MARKERS else "kit_markers"
        items = evidence.setdefault(feat, [])
        if len(items) < MAX_EVIDENCE and all(e.quote.split(":", 1)[0] != m.name for e in items):
            # Offsets of kit markers point into the HTML, not the visible text.
            items.append(Evidence(feat, f"{m.name}: {m.quote[:200]}", page.url, None,
                                  None, f"{m.name} at HTML offset {m.start}: {m.quote[:200]}"))
    parked = find_parked_markers(text)
    values["parked_page"] = float(bool(parked))
    for ps, pe, pq in parked:
        add("parked_page", pq, ps, pe)

    mentions = registry.mentions(text)
    values["brand_mentions"] = float(len(mentions))
    for s, e, _b in mentions[:MAX_EVIDENCE]:
        add("brand_mentions", text[s:e], s, e)
    page_claims = registry.claims(content.title, content.site_name, text)
    values["brand_claim"] = float(bool(page_claims))
    for cl in page_claims:
        add("brand_claim", f"{cl.brand.name} ({cl.where}): {cl.quote}", None, None)
    model_text = " ".join(filter(None, [content.title, _drop_sentences(text, boilerplate)]))
    return FeatureSet(values, evidence, model_text)


_SENTENCE_END = re.compile(r"[.!?。！？]\s|[。！？]")


def _drop_sentences(text: str, spans: list[tuple[int, int]]) -> str:
    """Remove the sentences that contain any of ``spans`` (regulatory boilerplate)."""
    if not spans:
        return text
    keep, cursor = [], 0
    for start, end in sorted(spans):
        if end <= cursor:
            continue
        s = max(cursor, max((m.end() for m in _SENTENCE_END.finditer(text, cursor, start)),
                            default=cursor))
        m = _SENTENCE_END.search(text, end)
        e = m.end() if m else len(text)
        keep.append(text[cursor:s])
        cursor = e
    keep.append(text[cursor:])
    return " ".join(k.strip() for k in keep if k.strip())


def model_text(snapshot: Snapshot, registry: BrandRegistry | None = None) -> str:
    """The text the text model reads: titles and visible text of all pages, without the
    sentences that carry licence claims or risk warnings (reported as facts, not scored)."""
    registry = registry or default_registry()
    return " ".join(_page_features(p, registry).model_text for p in snapshot.pages)


def extract_features(
    snapshot: Snapshot, registry: BrandRegistry | None = None, *, fingerprint: bool = True
) -> FeatureSet:
    """Compute every feature of a snapshot, with evidence.

    Parameters
    ----------
    snapshot : Snapshot
        The pages and domain facts of one site (or one saved page).
    registry : BrandRegistry, optional
        Brands to check; the shipped registry by default.
    fingerprint : bool
        Also compute the landing page's DOM fingerprint (``FeatureSet.fingerprint``, a
        second parse of its HTML). It is no model input, so the model's transformer skips it.

    Returns
    -------
    FeatureSet
        ``values`` has every name in ``ALL_FEATURES``.
    """
    registry = registry or default_registry()
    per_page = [_page_features(p, registry) for p in snapshot.pages]
    values: dict[str, float] = {}
    evidence: dict[str, list[Evidence]] = {}
    page_names = {*RETURN_FEATURES, *SIGNALS, "brand_mentions", "brand_claim",
                  "return_annual_implied_pct", "kit_markers", "copied_site", "parked_page"}
    for name in page_names:
        best = None
        for fs in per_page:
            if best is None or fs.values[name] > best.values[name]:
                best = fs
        values[name] = best.values[name] if best is not None else 0.0
        if best is not None and best.values[name] > 0:
            evidence[name] = list(best.evidence.get(name, []))
    # Site level: crypto offered somewhere and bank/card payment nowhere.
    values["crypto_only"] = float(values["crypto_payment"] > 0 and values["fiat_payment"] == 0)
    if values["crypto_only"]:
        evidence["crypto_only"] = [dataclasses.replace(e, feature="crypto_only")
                                   for e in evidence.get("crypto_payment", [])[:2]]

    url = snapshot.final_url
    values.update(domain_features(url))
    host = split_domain(url).host if url else ""
    hosted = free_hosting(host) if host else None
    values["free_hosting"] = float(hosted is not None) if host else math.nan
    if hosted:
        evidence["free_hosting"] = [Evidence("free_hosting", f"{host} is on {hosted}", url)]
    registered = split_domain(url).registered if url else ""
    if registered:
        imp: list[Evidence] = []
        named: set[str] = set()
        for page in snapshot.pages:
            c = page.content
            for cl in registry.claims(c.title, c.site_name, c.text):
                # A brand without a known official domain cannot be said to be impersonated.
                if cl.brand.official_domains and not cl.brand.owns(registered) \
                        and cl.brand.name not in named:
                    named.add(cl.brand.name)
                    imp.append(Evidence(
                        "brand_impersonation",
                        f"claims {cl.brand.name} ({cl.where}: {cl.quote[:120]}) on "
                        f"{registered}; official: {', '.join(cl.brand.official_domains)}",
                        page.url))
        lookalikes = registry.host_lookalikes(url or "")
        for cl in lookalikes:
            imp.append(Evidence(
                "brand_lookalike_domain",
                f"host {cl.quote} contains {cl.brand.name}; official: "
                f"{', '.join(cl.brand.official_domains)}", url))
        values["brand_impersonation"] = float(bool(named))
        values["brand_lookalike_domain"] = float(bool(lookalikes))
        for ev in imp:
            evidence.setdefault(ev.feature, []).append(ev)
        posing = sorted(named | {cl.brand.name for cl in lookalikes})
        lic = _licence_impersonation(snapshot, registry, registered, posing,
                                     evidence.get("licence_claim", []))
        values["licence_impersonation"] = float(bool(lic))
        if lic:
            evidence["licence_impersonation"] = lic
    else:
        values["brand_impersonation"] = math.nan
        values["brand_lookalike_domain"] = math.nan
        values["licence_impersonation"] = math.nan
    if url:
        for name in DOMAIN_FEATURES:
            if values[name] > 0:
                evidence[name] = [Evidence(name, f"{name.removeprefix('url_')}: {url}", url)]

    age = snapshot.domain_age_days
    values["domain_age_days"] = age
    d = snapshot.domain
    if not math.isnan(age) and d.created is not None:
        evidence["domain_age_days"] = [Evidence(
            "domain_age_days",
            f"{d.domain} registered {d.created.date().isoformat()} "
            f"({age:.0f} days before the scan)"
            + (f", registrar {d.registrar}" if d.registrar else ""),
            url)]
    fp = dom_fingerprint(snapshot.pages[0].html) if fingerprint and snapshot.pages else None
    return FeatureSet({n: values[n] for n in ALL_FEATURES}, evidence, fingerprint=fp)


def _licence_impersonation(snapshot: Snapshot, registry: BrandRegistry, registered: str,
                           posing: list[str], licence_claims: list[Evidence]) -> list[Evidence]:
    """Evidence that a licence is borrowed: see ``FEATURE_DESCRIPTIONS``."""
    out: list[Evidence] = []
    for page in snapshot.pages:  # a registry brand's own licence number, quoted off-domain
        text = page.content.text
        for s, e, brand in registry.licence_mentions(text):
            if brand.official_domains and not brand.owns(registered):
                ev = Evidence("licence_impersonation", text[s:e], page.url, s, e)
                out.append(dataclasses.replace(
                    ev, context=f"licence of {brand.name} quoted on {registered}; "
                                f"official: {', '.join(brand.official_domains)}"))
    if posing:  # any licence claim made while posing as a brand
        for ev in licence_claims[:MAX_EVIDENCE]:
            out.append(dataclasses.replace(
                ev, feature="licence_impersonation",
                context=f"licence claimed while posing as {', '.join(posing)} on "
                        f"{registered}: {ev.context or ev.quote}"))
    return out[:MAX_EVIDENCE]
