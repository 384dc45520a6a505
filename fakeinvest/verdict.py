"""The result of scoring one site: probability, flag, reasons with evidence."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from .errors import FakeinvestError, FetchError
from .snapshot import payload_digest

__all__ = ["Reason", "Verdict"]


@dataclass(frozen=True)
class Reason:
    """One reason behind a score.

    Attributes
    ----------
    feature : str
        Feature name (``withdrawal_obstruction``) or ``text:<term>`` for a word or phrase
        of the text model.
    contribution : float
        Signed push on the model's log-odds (positive = towards fraud). Context facts that
        the model does not weigh have contribution 0.0.
    evidence : str
        The quoted text or value a person can check on the page.
    page_url : str or None
        The page the evidence comes from.
    value : float or None
        The feature value.
    kind : str
        ``"scheme"`` for evidence of the scheme itself (promised returns, withdrawal
        obstruction, multi-level referral, guarantees, urgency, fake social proof,
        trading-robot claims, scam-script traces, brand impersonation) - every flagged
        verdict has at least one; ``"topic"`` for the vocabulary honest and fraudulent
        finance sites share (text terms, payment methods, messengers), whose share of the
        score is bounded; ``"fact"`` for context the model does not weigh.
    """

    feature: str
    contribution: float
    evidence: str
    page_url: str | None
    value: float | None = None
    kind: str = "fact"

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-serialisable dict."""
        return {
            "feature": self.feature,
            "contribution": round(self.contribution, 6),
            "evidence": self.evidence,
            "page_url": self.page_url,
            "value": _json_float(self.value),
            "kind": self.kind,
        }


def _json_float(v: float | None) -> float | None:
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return None
    return float(v)


@dataclass(frozen=True)
class Verdict:
    """What fakeinvest concluded about one site.

    Attributes
    ----------
    url : str
        The URL that was scanned (as given).
    probability : float
        Calibrated probability that the site is a fraudulent investment platform;
        NaN when the site could not be analysed (see ``error``).
    flagged : bool
        ``probability >= threshold`` of the model. Under the evidence gate a flagged verdict
        always has a reason of kind ``"scheme"``.
    reasons : list of Reason
        Strongest reasons first: positive contributions, then context facts.
    features : dict of str to float
        Every feature value (NaN = unknown).
    error : str or None
        ``"<kind>: <message>"`` when the site could not be analysed, else None.
    error_kind : str or None
        The machine-readable kind of ``error``: a :class:`~fakeinvest.errors.FetchError`
        kind (``dns``, ``timeout``, ``blocked_private``, ``no_browser`` ...),
        ``bad_input`` or ``internal``; None when the site was analysed.
    model_version : str
        Identifier of the model that produced the score.
    threshold : float
        The decision threshold used for ``flagged``.
    pages : list of str
        URLs of the pages the verdict is based on.
    domain : dict
        Domain registration facts (WHOIS), when looked up.
    kit_fingerprint : str or None
        16-hex DOM-structure fingerprint of the landing page: sites whose fingerprints
        are within a few bits (``fakeinvest.features.fingerprint.same_kit``) run the same kit.
    elapsed : float
        Seconds the live crawl and lookup of this site took (NaN when scored offline);
        not part of equality, so a live verdict equals its offline re-score.
    rendered : list of str
        URLs of the pages analysed as rendered by headless Chromium (a JavaScript app);
        empty when the pages were analysed as served.
    screenshots : dict of str to bytes
        PNG screenshot of each rendered page, by page URL: what the victim saw. In JSON
        only their SHA-1 payload digests appear (the images are in the WARC snapshot).
    scanned_at : str or None
        When the pages were fetched (ISO 8601, UTC): the snapshot's time, also when it is
        re-scored later.
    final_url : str or None
        The landing page's URL after redirects.
    address : str or None
        The IP address the landing page was fetched from, where known.
    indicators : list of dict
        What an investigator can act on, each ``{type, value, page_url, quote}`` (wallets
        with ``network``): checksum-valid wallet addresses, messenger contacts, phone
        numbers in E.164, e-mails, licence numbers and brands claimed, the registrable
        domain and its name servers (:mod:`fakeinvest.features.indicators`).
    """

    url: str
    probability: float
    flagged: bool
    reasons: list[Reason] = field(default_factory=list)
    features: dict[str, float] = field(default_factory=dict)
    error: str | None = None
    model_version: str = ""
    threshold: float = math.nan
    pages: list[str] = field(default_factory=list)
    domain: dict[str, Any] = field(default_factory=dict)
    kit_fingerprint: str | None = None
    elapsed: float = field(default=math.nan, compare=False)
    rendered: list[str] = field(default_factory=list)
    screenshots: dict[str, bytes] = field(default_factory=dict, compare=False, repr=False)
    error_kind: str | None = None
    indicators: list[dict[str, Any]] = field(default_factory=list)
    scanned_at: str | None = field(default=None, compare=False)
    final_url: str | None = None
    address: str | None = None

    @classmethod
    def failed(cls, url: str, error: BaseException, model_version: str = "") -> Verdict:
        """A verdict for a site that could not be analysed.

        Parameters
        ----------
        url : str
        error : BaseException
            Why: a :class:`~fakeinvest.errors.FetchError` gives its ``kind``; any other
            :class:`~fakeinvest.errors.FakeinvestError` is ``bad_input``; anything else is
            ``internal`` (a defect to report).
        model_version : str
        """
        if isinstance(error, FetchError):
            kind, message = error.kind, str(error.args[0]) if error.args else error.kind
        elif isinstance(error, FakeinvestError):
            kind, message = "bad_input", str(error)
        else:
            kind, message = "internal", f"{type(error).__name__}: {error}"
        return cls(url=url, probability=math.nan, flagged=False,
                   error=f"{kind}: {message}", error_kind=kind, model_version=model_version)

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-serialisable dict (NaN becomes null)."""
        return {
            "url": self.url,
            "probability": _json_float(self.probability),
            "flagged": self.flagged,
            "threshold": _json_float(self.threshold),
            "error": self.error,
            "error_kind": self.error_kind,
            "model_version": self.model_version,
            "reasons": [r.to_dict() for r in self.reasons],
            "features": {k: _json_float(v) for k, v in self.features.items()},
            "pages": list(self.pages),
            "domain": dict(self.domain),
            "kit_fingerprint": self.kit_fingerprint,
            "elapsed": _json_float(self.elapsed),
            "rendered": list(self.rendered),
            "screenshots": {url: payload_digest(png) for url, png in self.screenshots.items()},
            "indicators": [dict(i) for i in self.indicators],
            "scanned_at": self.scanned_at,
            "final_url": self.final_url,
            "address": self.address,
        }

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Verdict:
        """A verdict from its JSON line (:meth:`to_dict`); screenshots, of which a line
        holds only digests, stay in the WARC snapshot.

        Parameters
        ----------
        d : mapping

        Returns
        -------
        Verdict
        """
        def num(x: Any) -> float:
            return float(x) if isinstance(x, int | float) and not isinstance(x, bool) \
                else math.nan

        reasons = [Reason(str(r.get("feature", "")), num(r.get("contribution")) if
                          r.get("contribution") is not None else 0.0,
                          str(r.get("evidence", "")), r.get("page_url"),
                          None if r.get("value") is None else num(r.get("value")),
                          str(r.get("kind") or "fact"))
                   for r in d.get("reasons") or [] if isinstance(r, Mapping)]
        return cls(
            url=str(d.get("url") or ""), probability=num(d.get("probability")),
            flagged=d.get("flagged") is True, reasons=reasons,
            features={str(k): num(v) for k, v in (d.get("features") or {}).items()},
            error=d.get("error"), model_version=str(d.get("model_version") or ""),
            threshold=num(d.get("threshold")), pages=list(d.get("pages") or []),
            domain=dict(d.get("domain") or {}), kit_fingerprint=d.get("kit_fingerprint"),
            elapsed=num(d.get("elapsed")), rendered=list(d.get("rendered") or []),
            error_kind=d.get("error_kind"),
            indicators=[dict(i) for i in d.get("indicators") or [] if isinstance(i, Mapping)],
            scanned_at=d.get("scanned_at"), final_url=d.get("final_url"),
            address=d.get("address"))

    def to_dict_summary(self) -> dict[str, Any]:
        """The verdict in brief: probability, flag, threshold, model and top reasons."""
        return {
            "probability": _json_float(self.probability),
            "flagged": self.flagged,
            "threshold": _json_float(self.threshold),
            "model_version": self.model_version,
            "top_reasons": [r.feature for r in self.reasons if r.contribution > 0][:5],
        }

    def _repr_html_(self) -> str:
        """An HTML card for Jupyter (see :func:`fakeinvest.notebook._cards.verdict_html`)."""
        from .notebook._cards import verdict_html  # noqa: PLC0415 - the cards import this module

        return verdict_html(self)

    def __str__(self) -> str:
        if self.error:
            return f"{self.url}: could not analyse ({self.error})"
        flag = "FLAGGED" if self.flagged else "not flagged"
        top = "; ".join(r.feature for r in self.reasons[:3])
        return f"{self.url}: P(fraud)={self.probability:.3f} {flag} [{top}]"
