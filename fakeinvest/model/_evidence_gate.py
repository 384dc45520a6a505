"""The evidence gate: a flag needs evidence of the scheme, not only the vocabulary of trading.

A model's raw score (log-odds) splits exactly into per-column contributions
(:mod:`fakeinvest.model._explain`). The gate sorts them into two blocks:

``scheme``
    The scheme features (promised returns, withdrawal obstruction, multi-level referral,
    guarantees, urgency, fake social proof, trading-robot claims, traces of a known scam
    script; ``fakeinvest.features._extract.SCHEME_FEATURES``) plus the fixed impersonation term
    (a registry brand claimed on a domain it does not own, a look-alike host, a borrowed
    licence), which enters with the log-likelihood ratio estimated from the domain lists.
``topic``
    Everything else, with the model's base score: the text model's words and phrases and
    the wording honest and fraudulent finance sites share (payment methods, messengers).

The gated score is::

    score = scheme + impersonation + bound(base + topic, threshold_score - margin)

where ``bound(x, cap) = -log(exp(-x) + exp(-cap))`` is a smooth minimum: always below
``cap`` and below ``x``, within ``log 2`` of ``min(x, cap)``, and within 0.05 of ``x`` when
``x`` is 3 log-odds under the cap. So the topic block can never lift a site to
``margin`` below the decision threshold: a site is flagged only when scheme evidence
worth more than ``margin`` log-odds is present, and then only if the whole score reaches
the threshold. Well below the cap a page is scored as the underlying linear model scores
it, and honest vocabulary can still pull a score down without limit. Unlike a hard
``min``, the smooth bound keeps the order of the pages it bounds (no ties at the cap), so
a ranking by score still puts the more suspicious of two evidence-less pages first.

The threshold is chosen on out-of-fold gated scores
(:func:`choose_threshold_score`), which depend on the threshold itself; since the
false-positive rate of the gated flag only falls as the threshold rises, the lowest
threshold meeting the target is found by bisection.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from ._explain import explain_trees

__all__ = ["EvidenceGate", "bound", "choose_threshold_score", "split_scores"]


def bound(x: Any, cap: float) -> Any:
    """Smooth minimum of ``x`` and ``cap``: ``-log(exp(-x) + exp(-cap))``, always < cap.

    Parameters
    ----------
    x : float or ndarray
    cap : float

    Returns
    -------
    float or ndarray
        Same shape as ``x``.
    """
    out = -np.logaddexp(-np.asarray(x, dtype=float), -cap)
    return float(out) if np.ndim(out) == 0 else out


@dataclass(frozen=True)
class EvidenceGate:
    """Parameters of the gate, stored in the model bundle.

    Attributes
    ----------
    threshold_score : float
        Gated score (log-odds) at the decision threshold.
    margin : float
        Log-odds the scheme block must carry at least, for a flag.
    impersonation_weight : float
        Log-likelihood ratio added when a site impersonates a registry brand.
    scheme_columns : int
        Number of leading columns of the model's input that form the scheme block.
    """

    threshold_score: float
    margin: float
    impersonation_weight: float
    scheme_columns: int

    def cap(self) -> float:
        """The most the base score and the topic block together can reach."""
        return self.threshold_score - self.margin

    def apply(self, scheme: Any, rest: Any, impersonated: Any) -> np.ndarray:
        """Gated scores from the scheme block, the rest (base + topic) and impersonation.

        Parameters
        ----------
        scheme, rest : array-like of float
            Per site: the scheme block's contribution and everything else of the raw score.
        impersonated : array-like of bool
            Per site: whether it impersonates a registry brand.

        Returns
        -------
        ndarray of float
        """
        return (np.asarray(scheme, dtype=float) + self.impersonation(impersonated)
                + bound(np.asarray(rest, dtype=float), self.cap()))

    def impersonation(self, impersonated: Any) -> np.ndarray:
        """The impersonation term of each site (weight x indicator)."""
        return self.impersonation_weight * np.asarray(impersonated, dtype=float)

    def to_dict(self) -> dict[str, float]:
        """JSON-serialisable parameters."""
        return {"threshold_score": self.threshold_score, "margin": self.margin,
                "impersonation_weight": self.impersonation_weight,
                "scheme_columns": self.scheme_columns}


def split_scores(clf: Any, X: Any, reference: np.ndarray, scheme_columns: int,
                 dense: Any = None) -> tuple[np.ndarray, np.ndarray]:
    """Split raw scores into the scheme block and the rest (base + topic).

    Parameters
    ----------
    clf : fitted classifier
        Linear (``coef_``) or a HistGradientBoostingClassifier (decision paths).
    X : array or sparse matrix of shape (n_sites, n_columns)
        Transformed sites.
    reference : ndarray of shape (n_columns,)
        The transformed empty page (the linear contributions' origin).
    scheme_columns : int
        Leading columns forming the scheme block.
    dense : callable, optional
        Turns a row into the classifier's dense input (boosted trees).

    Returns
    -------
    scheme, rest : ndarray of float
        ``scheme + rest`` is the classifier's raw score.
    """
    if hasattr(clf, "coef_"):
        coef = np.asarray(clf.coef_, dtype=float).ravel()
        k = scheme_columns
        head = X[:, :k]
        head = np.asarray(head.toarray() if hasattr(head, "toarray") else head, dtype=float)
        scheme = (head - reference[:k]) @ coef[:k]
        raw = np.asarray(X @ coef, dtype=float).ravel() + float(np.ravel(clf.intercept_)[0])
        return scheme, raw - scheme

    rows = X.toarray() if hasattr(X, "toarray") else np.asarray(X, dtype=float)
    scheme_list, rest_list = [], []
    for row in rows:
        e = explain_trees(clf, dense(row) if dense is not None else row)
        s = float(e.contributions[:scheme_columns].sum())
        scheme_list.append(s)
        rest_list.append(e.score - s)
    return np.array(scheme_list), np.array(rest_list)


def choose_threshold_score(scheme: np.ndarray, rest: np.ndarray, impersonation: np.ndarray,
                           y: np.ndarray, margin: float, target_fpr: float) -> float:
    """Lowest gated threshold whose false-positive rate stays within ``target_fpr``.

    Parameters
    ----------
    scheme, rest : ndarray of float
        Out-of-fold blocks of each page (:func:`split_scores`).
    impersonation : ndarray of float
        The impersonation term of each page (weight x indicator).
    y : ndarray of int
        Labels (1 = fraud).
    margin : float
    target_fpr : float

    Returns
    -------
    float
        The threshold score; pages with a gated score at or above it are flagged.
    """
    evidence = np.asarray(scheme, dtype=float) + np.asarray(impersonation, dtype=float)
    rest = np.asarray(rest, dtype=float)
    neg = np.asarray(y) == 0
    candidates = np.unique(evidence + rest)

    def fpr(tau: float) -> float:
        z = evidence + bound(rest, tau - margin)
        return float((z[neg] >= tau).mean()) if neg.any() else 0.0

    lo, hi = 0, len(candidates) - 1
    if fpr(candidates[hi]) > target_fpr:  # even the top score lets too much through
        return float(np.nextafter(candidates[hi], np.inf))
    while lo < hi:
        mid = (lo + hi) // 2
        if fpr(candidates[mid]) <= target_fpr:
            hi = mid
        else:
            lo = mid + 1
    return float(candidates[lo])
