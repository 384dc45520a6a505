"""Checks that a trained model generalises and does not key on artefacts of its data.

Every ``fakeinvest train`` run records them in ``metrics.json`` and the model card:

* :func:`leave_one_family_out` -- recall on a whole scam family (template kit) the model
  never saw, at a 1 % false-positive rate on legitimate pages it never saw either;
* :func:`robustness_checks` -- how scores move, and whether verdicts flip, when only a
  capture artefact changes: the URL removed, the ``<title>`` removed or added, a fragment
  given a full document wrapper or a document cut down to its ``<body>``;
* :func:`score_distribution` -- out-of-fold probabilities of one slice of pages (the
  legitimate finance pages, whose false alarms matter most);
* :func:`top_features` -- the strongest weights of a linear model, by name.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import numpy as np
from selectolax.lexbor import LexborHTMLParser
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import GroupKFold

from ..model._pipeline import classifier_step, features_step
from ..snapshot import Page, Snapshot
from ._metrics import recall_at_fpr

__all__ = [
    "ARTEFACT_VARIANTS",
    "leave_one_family_out",
    "robustness_checks",
    "score_distribution",
    "top_features",
]

_TITLE = re.compile(r"<title\b[^>]*>.*?</title\s*>", re.IGNORECASE | re.DOTALL)
_HAS_TITLE = re.compile(r"<title\b[^>]*>\s*\S", re.IGNORECASE)
_WRAP_OPEN, _WRAP_CLOSE = "<html><body>", "</body></html>"
#: The neutral title used where a check adds one.
ADDED_TITLE = "Home"


def _page(snapshot: Snapshot) -> Page:
    return snapshot.pages[0]


def _with_html(snapshot: Snapshot, html: str) -> Snapshot:
    url = snapshot.url
    return Snapshot(url=url, pages=(Page(url=url, html=html),), fetched_at=snapshot.fetched_at)


def _url_removed(s: Snapshot, meta: Mapping[str, Any]) -> Snapshot | None:
    if not s.url:
        return None
    return Snapshot(url=None, pages=(Page(url=None, html=_page(s).html),),
                    fetched_at=s.fetched_at)


def _title_removed(s: Snapshot, meta: Mapping[str, Any]) -> Snapshot | None:
    html = _page(s).html
    return _with_html(s, _TITLE.sub("", html)) if _HAS_TITLE.search(html) else None


def _title_added(s: Snapshot, meta: Mapping[str, Any]) -> Snapshot | None:
    html = _page(s).html
    if _HAS_TITLE.search(html):
        return None
    return _with_html(s, f"<title>{ADDED_TITLE}</title>" + _TITLE.sub("", html))


def _full_document(s: Snapshot, meta: Mapping[str, Any]) -> Snapshot | None:
    html = _page(s).html
    if not meta.get("wrapped_fragment") or not html.startswith(_WRAP_OPEN):
        return None
    inner = html[len(_WRAP_OPEN):]
    inner = inner[: -len(_WRAP_CLOSE)] if inner.endswith(_WRAP_CLOSE) else inner
    return _with_html(s, '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
                         f"<title>{ADDED_TITLE}</title></head><body>{inner}</body></html>")


def _body_only(s: Snapshot, meta: Mapping[str, Any]) -> Snapshot | None:
    if meta.get("wrapped_fragment"):
        return None

    body = LexborHTMLParser(_page(s).html).body
    if body is None:
        return None
    return _with_html(s, body.html or "")


#: name -> (description, transformation; None where it does not apply to a page).
ARTEFACT_VARIANTS: dict[str, tuple[str, Callable[[Snapshot, Mapping[str, Any]],
                                                 Snapshot | None]]] = {
    "url_removed": ("the page's URL removed (records with a URL)", _url_removed),
    "title_removed": ("its <title> removed (pages with a title)", _title_removed),
    "title_added": (f"a <title>{ADDED_TITLE}</title> added (pages without one)", _title_added),
    "fragment_to_document": ("a wrapped fragment given a full document: doctype, <head>, "
                             "charset, title", _full_document),
    "document_to_body": ("a full document cut down to its <body> element (no <head>, no "
                         "title)", _body_only),
}


def robustness_checks(decision_function: Callable[[list[Snapshot]], np.ndarray],
                      calibration: tuple[float, float], threshold: float,
                      snapshots: Sequence[Snapshot], y: np.ndarray,
                      meta: Sequence[Mapping[str, Any]], *, per_variant: int = 300,
                      seed: int = 0) -> dict[str, dict[str, Any]]:
    """Score changes and verdict flips when only a capture artefact of a page changes.

    Parameters
    ----------
    decision_function : callable
        Snapshots -> raw scores (log-odds) of the trained model.
    calibration : (float, float)
        Platt coefficients ``(a, b)`` of the model.
    threshold : float
        Decision threshold on the calibrated probability.
    snapshots, y, meta :
        Single-page snapshots, labels and corpus fields (``wrapped_fragment``).
    per_variant : int
        Pages checked per variant, drawn at random (fixed seed) among those it applies
        to, half fraudulent and half legitimate where possible.
    seed : int

    Returns
    -------
    dict
        Per variant of :data:`ARTEFACT_VARIANTS`: ``description``, ``pages`` checked,
        ``flips`` (verdict changed), ``flips_to_flagged``, ``flips_to_unflagged``,
        ``mean_abs_score_change``, ``max_abs_probability_change``.
    """
    a, b = calibration
    out: dict[str, dict[str, Any]] = {}
    for k, (name, (description, make)) in enumerate(ARTEFACT_VARIANTS.items()):
        pairs: list[tuple[int, Snapshot]] = []
        rng = np.random.default_rng(seed + k)
        for label in (1, 0):
            chosen: list[tuple[int, Snapshot]] = []
            for i in rng.permutation(np.flatnonzero(y == label)):
                if len(chosen) >= per_variant // 2:
                    break
                variant = make(snapshots[i], meta[i])
                if variant is not None:
                    chosen.append((int(i), variant))
            pairs += chosen
        if not pairs:
            out[name] = {"description": description, "pages": 0}
            continue
        idx = [i for i, _ in pairs]
        before = np.asarray(decision_function([snapshots[i] for i in idx]), dtype=float)
        after = np.asarray(decision_function([v for _, v in pairs]), dtype=float)
        p0 = 1.0 / (1.0 + np.exp(-(a * before + b)))
        p1 = 1.0 / (1.0 + np.exp(-(a * after + b)))
        f0, f1 = p0 >= threshold, p1 >= threshold
        out[name] = {
            "description": description,
            "pages": len(pairs),
            "scam_pages": int(sum(y[i] for i in idx)),
            "flips": int((f0 != f1).sum()),
            "flips_to_flagged": int((~f0 & f1).sum()),
            "flips_to_unflagged": int((f0 & ~f1).sum()),
            "mean_abs_score_change": round(float(np.abs(after - before).mean()), 4),
            "max_abs_probability_change": round(float(np.abs(p1 - p0).max()), 4),
        }
    return out


def leave_one_family_out(build: Callable[[], Any], snapshots: Sequence[Snapshot],
                         y: np.ndarray, groups: np.ndarray, families: Sequence[str], *,
                         min_pages: int = 20, legit_folds: int = 5, target_fpr: float = 0.01,
                         log: Callable[[str], Any] | None = None) -> dict[str, dict[str, Any]]:
    """Recall on each scam family when the model is trained without it.

    For family *F* (the *j*-th with at least ``min_pages`` fraud pages), a fresh pipeline
    is trained on every page except *F*'s fraud pages and except one fold of legitimate
    groups (``GroupKFold(legit_folds)``, fold *j* mod ``legit_folds``); it then scores
    *F*'s pages and that held-out legitimate fold. The threshold is the one giving at most
    ``target_fpr`` false positives on those legitimate pages.

    Parameters
    ----------
    build : callable
        Returns an unfitted pipeline (snapshots in, ``decision_function`` out).
    snapshots, y, groups :
        Corpus, labels and groups.
    families : sequence of str
        Family of each page (fraud pages' template family).
    min_pages : int
        Families with fewer fraud pages are skipped (too few for a rate).
    legit_folds : int
    target_fpr : float
    log : callable, optional
        Progress printer.

    Returns
    -------
    dict
        Per family: ``scam_pages``, ``legit_pages``, ``roc_auc`` and ``recall_at_fpr``
        (at ``target_fpr`` on the held-out legitimate pages).
    """


    fam = np.asarray([str(f) for f in families], dtype=object)
    legit = np.flatnonzero(y == 0)
    counts = {f: int(((fam == f) & (y == 1)).sum()) for f in sorted(set(fam[y == 1].tolist()))}
    eligible = [f for f, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
                if n >= min_pages]
    n_groups = len(set(groups[legit].tolist()))
    if not eligible or n_groups < 2:
        return {}
    splits = list(GroupKFold(n_splits=min(legit_folds, n_groups)).split(
        legit, groups=groups[legit]))
    out: dict[str, dict[str, Any]] = {}
    for j, family in enumerate(eligible):
        held_legit = legit[splits[j % len(splits)][1]]
        test_fraud = np.flatnonzero((fam == family) & (y == 1))
        train_mask = np.ones(len(y), dtype=bool)
        train_mask[test_fraud] = False
        train_mask[held_legit] = False
        train_idx = np.flatnonzero(train_mask)
        if y[train_idx].min() == y[train_idx].max():
            continue
        pipe = build()
        pipe.fit([snapshots[i] for i in train_idx], y[train_idx])
        test = np.concatenate([test_fraud, held_legit])
        scores = np.asarray(pipe.decision_function([snapshots[i] for i in test]), dtype=float)
        yt = y[test]
        recall, _thr = recall_at_fpr(yt, scores, target_fpr)
        out[family] = {"scam_pages": len(test_fraud), "legit_pages": len(held_legit),
                       "roc_auc": round(float(roc_auc_score(yt, scores)), 4),
                       "recall_at_fpr": round(recall, 4)}
        if log is not None:
            log(f"leave-one-family-out {family}: {out[family]}")
    return out


def score_distribution(prob: np.ndarray, threshold: float) -> dict[str, Any]:
    """Quantiles of a set of probabilities and the share at or above the threshold.

    Parameters
    ----------
    prob : array of float
    threshold : float

    Returns
    -------
    dict
        ``pages``, ``median``, ``p90``, ``p99``, ``max``, ``flagged``, ``flagged_share``.
    """
    prob = np.asarray(prob, dtype=float)
    if prob.size == 0:
        return {"pages": 0}
    q = np.quantile(prob, [0.5, 0.9, 0.99])
    flagged = int((prob >= threshold).sum())
    return {"pages": int(prob.size), "median": round(float(q[0]), 4),
            "p90": round(float(q[1]), 4), "p99": round(float(q[2]), 4),
            "max": round(float(prob.max()), 4), "flagged": flagged,
            "flagged_share": round(flagged / prob.size, 4)}


def top_features(pipeline: Any, n: int = 15) -> dict[str, list[tuple[str, float]]]:
    """The largest positive and negative weights of a fitted linear pipeline.

    Parameters
    ----------
    pipeline : sklearn.pipeline.Pipeline
        With a ``features`` step (``get_feature_names_out``) and a linear ``clf`` step.
    n : int
        How many of each sign.

    Returns
    -------
    dict
        ``toward_fraud`` and ``toward_legitimate``: lists of ``(feature, weight)``;
        engineered features are prefixed ``engineered__``, text terms ``text__``. Empty
        for a model without coefficients (boosted trees).
    """
    clf = classifier_step(pipeline)
    if not hasattr(clf, "coef_"):
        return {}
    names = features_step(pipeline).get_feature_names_out()
    coef = np.asarray(clf.coef_, dtype=float).ravel()
    order = np.argsort(coef, kind="stable")
    pos = [(str(names[i]), round(float(coef[i]), 4)) for i in order[::-1][:n] if coef[i] > 0]
    neg = [(str(names[i]), round(float(coef[i]), 4)) for i in order[:n] if coef[i] < 0]
    return {"toward_fraud": pos, "toward_legitimate": neg}
