"""Metrics of out-of-fold scores: recall at a false-positive rate, calibration tables,
reliability curves, rates by family and language."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
from sklearn.metrics import average_precision_score, brier_score_loss, roc_auc_score, roc_curve

__all__ = ["calibration_table", "evaluate_oof", "evaluate_scores", "labelled_scores",
           "rates_by", "recall_at_fpr", "reliability_curve"]


def recall_at_fpr(y: np.ndarray, p: np.ndarray, fpr: float) -> tuple[float, float]:
    """Highest recall whose false-positive rate is at most ``fpr``, and its threshold.

    Parameters
    ----------
    y : array of int
    p : array of float
        Scores or probabilities (higher = more likely fraud).
    fpr : float

    Returns
    -------
    (recall, threshold)
    """

    f, t, thr = roc_curve(y, p)
    ok = np.flatnonzero(f <= fpr)
    best = ok[np.argmax(t[ok])]
    return float(t[best]), float(min(thr[best], 1.0))


def evaluate_scores(y: np.ndarray, prob: np.ndarray, threshold: float) -> dict[str, Any]:
    """Metrics of out-of-fold probabilities.

    Parameters
    ----------
    y : array of int
    prob : array of float
    threshold : float

    Returns
    -------
    dict
    """

    flagged = prob >= threshold
    neg = y == 0
    return {
        "roc_auc": round(float(roc_auc_score(y, prob)), 4),
        "pr_auc": round(float(average_precision_score(y, prob)), 4),
        "recall_at_1pct_fpr": round(recall_at_fpr(y, prob, 0.01)[0], 4),
        "recall_at_0.1pct_fpr": round(recall_at_fpr(y, prob, 0.001)[0], 4),
        "brier": round(float(brier_score_loss(y, prob)), 4),
        "at_threshold": {
            "recall": round(float(flagged[y == 1].mean()), 4),
            "fpr": round(float(flagged[neg].mean()), 4),
        },
    }


def labelled_scores(y: Any, p: Any) -> tuple[np.ndarray, np.ndarray]:
    """Labels and scores as flat arrays, pairs with a NaN score (sites that could not be
    analysed) dropped.

    Raises
    ------
    ValueError
        ``y`` and ``p`` differ in length.
    """
    y_arr = np.asarray(y, dtype=int).ravel()
    p_arr = np.asarray(p, dtype=float).ravel()
    if y_arr.shape != p_arr.shape:
        raise ValueError(f"y and p differ in length ({y_arr.size} != {p_arr.size})")
    keep = ~np.isnan(p_arr)
    return y_arr[keep], p_arr[keep]


def calibration_table(y: Any, p: Any, n_bins: int = 10) -> dict[str, np.ndarray]:
    """Equal-width bins of predicted probability: mean prediction, fraud rate, count.

    Parameters
    ----------
    y : array-like of int
    p : array-like of float
        Probabilities in [0, 1]; NaN entries (sites that could not be analysed) are dropped.
    n_bins : int

    Returns
    -------
    dict of str to ndarray
        ``lower``, ``upper`` (bin edges), ``mean_predicted``, ``fraction_positive`` and
        ``count`` for every non-empty bin.
    """
    if n_bins < 1:
        raise ValueError("n_bins must be >= 1")
    y_arr, p_arr = labelled_scores(y, p)
    edges = np.linspace(0.0, 1.0, n_bins + 1)
    index = np.clip(np.digitize(p_arr, edges[1:-1], right=False), 0, n_bins - 1)
    count = np.bincount(index, minlength=n_bins)
    sum_p = np.bincount(index, weights=p_arr, minlength=n_bins)
    sum_y = np.bincount(index, weights=y_arr, minlength=n_bins)
    full = count > 0
    return {
        "lower": edges[:-1][full],
        "upper": edges[1:][full],
        "mean_predicted": sum_p[full] / count[full],
        "fraction_positive": sum_y[full] / count[full],
        "count": count[full],
    }


def reliability_curve(y: np.ndarray, prob: np.ndarray, bins: int = 10) -> dict[str, list[Any]]:
    """Reliability-diagram data for ``metrics.json``: :func:`calibration_table`, every bin.

    Parameters
    ----------
    y : array of int
    prob : array of float
    bins : int

    Returns
    -------
    dict
        ``bin_edges`` (``bins + 1`` floats), and per bin ``count``, ``mean_predicted`` and
        ``observed_rate`` (share of label 1); the last two are None for an empty bin.
    """
    table = calibration_table(y, prob, bins)
    edges = np.linspace(0.0, 1.0, bins + 1)
    count: list[int] = [0] * bins
    mean_pred: list[float | None] = [None] * bins
    observed: list[float | None] = [None] * bins
    for lower, n, m, o in zip(table["lower"], table["count"], table["mean_predicted"],
                              table["fraction_positive"], strict=True):
        b = min(round(float(lower) * bins), bins - 1)
        count[b], mean_pred[b], observed[b] = int(n), round(float(m), 4), round(float(o), 4)
    return {"bin_edges": [round(float(e), 4) for e in edges], "count": count,
            "mean_predicted": mean_pred, "observed_rate": observed}


def rates_by(keys: Sequence[str], y: np.ndarray, flagged: np.ndarray
             ) -> dict[str, dict[str, Any]]:
    """Recall and false-positive rate at the threshold, per value of a page attribute.

    Parameters
    ----------
    keys : sequence of str
        The attribute of each page (e.g. its family or language).
    y : array of int
    flagged : array of bool
        Pages at or above the decision threshold.

    Returns
    -------
    dict
        Per value: ``scam`` / ``legit`` page counts, ``scam_flagged`` / ``legit_flagged``,
        ``recall`` and ``fpr`` (None when the value has no page of that label).
    """
    keys_arr = np.asarray(keys, dtype=object)
    out: dict[str, dict[str, Any]] = {}
    for key in sorted(set(keys_arr.tolist())):
        sel = keys_arr == key
        pos, neg = sel & (y == 1), sel & (y == 0)
        n_pos, n_neg = int(pos.sum()), int(neg.sum())
        tp, fp = int(flagged[pos].sum()), int(flagged[neg].sum())
        out[str(key)] = {"scam": n_pos, "legit": n_neg, "scam_flagged": tp,
                         "legit_flagged": fp,
                         "recall": round(tp / n_pos, 4) if n_pos else None,
                         "fpr": round(fp / n_neg, 4) if n_neg else None}
    return out


def evaluate_oof(y: np.ndarray, prob: np.ndarray, threshold: float,
                 meta: Sequence[Mapping[str, Any]] | None = None) -> dict[str, Any]:
    """Every metric of out-of-fold probabilities, with the per-page attributes when known.

    Parameters
    ----------
    y : array of int
    prob : array of float
        Calibrated out-of-fold probabilities.
    threshold : float
    meta : sequence of mapping, optional
        The corpus fields of each page (``finance_related``, ``family``, ``lang``).

    Returns
    -------
    dict
        The scalar metrics of :func:`evaluate_scores`, ``fpr_finance_related_legit`` when
        some page is finance-related, ``reliability`` (:func:`reliability_curve`), and
        ``by_family`` / ``by_lang`` (:func:`rates_by`) when the corpus has those fields.
    """
    metrics = evaluate_scores(y, prob, threshold)
    flagged = prob >= threshold
    meta = meta or [{}] * len(y)
    fin = np.array([bool(m.get("finance_related")) for m in meta])
    if (fin & (y == 0)).any():
        metrics["fpr_finance_related_legit"] = round(
            float(flagged[(y == 0) & fin].mean()), 4)
    metrics["reliability"] = reliability_curve(y, prob)
    for field, name in (("family", "by_family"), ("lang", "by_lang")):
        if any(m.get(field) for m in meta):
            keys = [str(m.get(field) or "(unknown)") for m in meta]
            metrics[name] = rates_by(keys, y, flagged)
    return metrics
