"""matplotlib helpers for evaluating the model and explaining a verdict.

matplotlib is an optional dependency: ``pip install "fakeinvest[notebook]"``. Each function
draws on the Axes it is given, or on a new figure, and returns what it drew on.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from sklearn.metrics import (
    average_precision_score,
    precision_recall_curve,
    roc_auc_score,
    roc_curve,
)

from ..training._metrics import calibration_table, labelled_scores
from ..verdict import Verdict
from ._frames import require

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = ["calibration_table", "plot_calibration", "plot_contributions", "plot_roc_pr"]

_FRAUD = "#c62828"
_OK = "#2e7d32"


def _pyplot() -> Any:
    return require("matplotlib.pyplot")


def _plain(text: str) -> str:
    """Text shown as is (a ``$`` would otherwise start matplotlib mathtext)."""
    return text.replace("$", r"\$")


def plot_roc_pr(y: Any, p: Any, ax: Sequence[Axes] | None = None,
                threshold: float | None = None) -> tuple[Axes, Axes]:
    """ROC curve and precision-recall curve, side by side.

    Parameters
    ----------
    y : array-like of int
        True labels (1 = fraud).
    p : array-like of float
        Scores or probabilities (higher = more likely fraud); NaN entries are dropped.
    ax : pair of matplotlib Axes, optional
        Where to draw the ROC and the PR curve; a new 1x2 figure when None.
    threshold : float, optional
        Mark the operating point of this decision threshold on both curves.

    Returns
    -------
    (Axes, Axes)
        The ROC and the PR Axes.
    """

    y_arr, p_arr = labelled_scores(y, p)
    if len(set(y_arr.tolist())) < 2:
        raise ValueError("ROC and PR curves need both labels in y")
    if ax is None:
        _fig, axes = _pyplot().subplots(1, 2, figsize=(10, 4.2))
        ax_roc, ax_pr = axes[0], axes[1]
    else:
        ax_roc, ax_pr = ax
    fpr, tpr, _ = roc_curve(y_arr, p_arr)
    ax_roc.plot(fpr, tpr, color=_FRAUD, label=f"AUC = {roc_auc_score(y_arr, p_arr):.3f}")
    ax_roc.plot([0, 1], [0, 1], color="0.7", linestyle="--", linewidth=1)
    ax_roc.set(xlabel="false-positive rate", ylabel="recall (true-positive rate)",
               title="ROC", xlim=(0, 1), ylim=(0, 1.02))
    precision, recall, _ = precision_recall_curve(y_arr, p_arr)
    ax_pr.plot(recall, precision, color=_FRAUD,
               label=f"AP = {average_precision_score(y_arr, p_arr):.3f}")
    ax_pr.axhline(y_arr.mean(), color="0.7", linestyle="--", linewidth=1,
                  label=f"prevalence {y_arr.mean():.3f}")
    ax_pr.set(xlabel="recall", ylabel="precision", title="Precision-recall",
              xlim=(0, 1), ylim=(0, 1.02))
    if threshold is not None:
        flagged = p_arr >= threshold
        pos, neg = y_arr == 1, y_arr == 0
        rec = float(flagged[pos].mean())
        fp_rate = float(flagged[neg].mean()) if neg.any() else 0.0
        prec = float(pos[flagged].mean()) if flagged.any() else 1.0
        label = f"threshold {threshold:.3g}"
        ax_roc.plot([fp_rate], [rec], "o", color="k", label=label)
        ax_pr.plot([rec], [prec], "o", color="k", label=label)
    ax_roc.legend(loc="lower right")
    ax_pr.legend(loc="lower left")
    return ax_roc, ax_pr


def plot_calibration(y: Any, p: Any, n_bins: int = 10, ax: Axes | None = None) -> Axes:
    """Reliability curve: observed fraud rate against predicted probability, per bin.

    Each point is labelled with the number of pages in its bin; a well-calibrated model
    lies on the diagonal.

    Parameters
    ----------
    y : array-like of int
    p : array-like of float
        Probabilities in [0, 1]; NaN entries are dropped.
    n_bins : int
        Equal-width bins over [0, 1].
    ax : matplotlib Axes, optional
        Where to draw; a new figure when None.

    Returns
    -------
    Axes
    """
    table = calibration_table(y, p, n_bins)
    if ax is None:
        _fig, ax = _pyplot().subplots(figsize=(5, 4.5))
    assert ax is not None
    ax.plot([0, 1], [0, 1], color="0.7", linestyle="--", linewidth=1, label="perfect")
    ax.plot(table["mean_predicted"], table["fraction_positive"], "o-", color=_FRAUD,
            label="model")
    for x, yv, n in zip(table["mean_predicted"], table["fraction_positive"], table["count"],
                        strict=True):
        ax.annotate(f"n={int(n)}", (x, yv), textcoords="offset points", xytext=(4, -10),
                    fontsize=8, color="0.3")
    ax.set(xlabel="predicted P(fraud)", ylabel="observed fraud rate",
           title=f"Calibration ({n_bins} bins)", xlim=(-0.02, 1.02), ylim=(-0.02, 1.05))
    ax.legend(loc="upper left")
    return ax


def plot_contributions(verdict: Verdict, top: int = 12, ax: Axes | None = None) -> Axes:
    """Horizontal bars of a verdict's strongest reason contributions (log-odds).

    Parameters
    ----------
    verdict : Verdict
    top : int
        Number of reasons to show, by absolute contribution; context facts (contribution
        0) are left out.
    ax : matplotlib Axes, optional
        Where to draw; a new figure when None.

    Returns
    -------
    Axes
    """
    reasons = sorted((r for r in verdict.reasons if r.contribution != 0),
                     key=lambda r: -abs(r.contribution))[:top]
    if ax is None:
        _fig, ax = _pyplot().subplots(figsize=(7, 0.6 + 0.32 * max(len(reasons), 1)))
    assert ax is not None
    reasons.reverse()  # strongest at the top
    values = [r.contribution for r in reasons]
    ax.barh([_plain(r.feature) for r in reasons], values,
            color=[_FRAUD if c > 0 else _OK for c in values])
    ax.axvline(0, color="0.3", linewidth=0.8)
    prob = ("could not analyse" if verdict.error
            else f"P(fraud) = {verdict.probability:.3f}")
    ax.set(xlabel="contribution to log-odds (positive = towards fraud)",
           title=f"{_plain(verdict.url)}\n{prob}")
    ax.title.set_fontsize(9)
    if not reasons:
        ax.text(0.5, 0.5, "no weighed reasons", ha="center", va="center",
                transform=ax.transAxes, color="0.4")
    return ax
