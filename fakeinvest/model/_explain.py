"""Exact per-feature contributions of a model's score, for linear models and boosted trees.

Both methods split a page's raw score (log-odds) into a *base score* plus one contribution
per input column, and the parts always add up to the score the model computes:

``linear``
    Logistic regression: contribution = coefficient x (value - value on an empty page).
    The base score is the score of an empty page, so a signal that is absent contributes
    exactly 0.
``tree paths``
    :class:`~sklearn.ensemble.HistGradientBoostingClassifier`: the decision-path method of
    Saabas ("treeinterpreter"). Every tree node has an expected value, the training-count
    weighted mean of the leaf values below it; walking from the root to the page's leaf,
    each split moves the expected value, and the move is credited to the split's feature.
    The base score is the model's baseline prediction plus the expected value of every
    tree. Unlike SHAP values the credit depends on the order of splits in a tree, but it is
    exact, cheap and deterministic.
"""

from __future__ import annotations

from typing import Any
from weakref import WeakKeyDictionary

import numpy as np

__all__ = ["Explanation", "explain_linear", "explain_linear_rows", "explain_trees", "supports"]


class Explanation:
    """A score split into a base score and one contribution per column.

    Attributes
    ----------
    score : float
        The model's raw score (log-odds).
    base : float
        Score of the reference (empty page for linear models, the trees' expected value
        for boosted trees).
    contributions : ndarray of float
        Per column.
    impersonation : float
        The fixed impersonation term of an evidence-gated model (0 otherwise);
        ``base + contributions.sum() + impersonation == score`` up to rounding.
    """

    __slots__ = ("base", "contributions", "impersonation", "score")

    def __init__(self, score: float, base: float, contributions: np.ndarray,
                 impersonation: float = 0.0) -> None:
        self.score = score
        self.base = base
        self.contributions = contributions
        self.impersonation = impersonation


def supports(clf: Any) -> bool:
    """Whether the contributions of this fitted classifier can be computed exactly."""
    return hasattr(clf, "coef_") or hasattr(clf, "_predictors")


def explain_linear(clf: Any, x: np.ndarray, reference: np.ndarray) -> Explanation:
    """Contributions of a fitted linear classifier for one row.

    Parameters
    ----------
    clf : fitted estimator with ``coef_`` and ``intercept_``
    x : ndarray of shape (n_columns,)
        The transformed page.
    reference : ndarray of shape (n_columns,)
        The transformed empty page.

    Returns
    -------
    Explanation
    """
    return explain_linear_rows(clf, np.asarray(x, dtype=float).reshape(1, -1), reference)[0]


def explain_linear_rows(clf: Any, X: Any, reference: np.ndarray) -> list[Explanation]:
    """Contributions of a fitted linear classifier, one explanation per row.

    Sparse rows are explained from their stored entries: a column a row does not hold
    contributes ``(0 - reference) x coefficient``, so only the row's own columns are
    computed; the result is the same array as for the dense row.

    Parameters
    ----------
    clf : fitted estimator with ``coef_`` and ``intercept_``
    X : ndarray or scipy.sparse.csr_matrix of shape (n_rows, n_columns)
        Transformed pages.
    reference : ndarray of shape (n_columns,)
        The transformed empty page.

    Returns
    -------
    list of Explanation
    """
    coef = np.asarray(clf.coef_, dtype=float).ravel()
    intercept = float(np.ravel(clf.intercept_)[0])
    reference = np.asarray(reference, dtype=float)
    # Element-wise products and sums, not BLAS dot products: for one row, a threaded dot
    # product costs more in thread wake-ups than the arithmetic (10x on a busy machine).
    base = intercept + float((reference * coef).sum())
    out = []
    if hasattr(X, "indptr"):
        origin = (0.0 - reference) * coef
        indptr, indices, data = X.indptr, X.indices, X.data
        for i in range(X.shape[0]):
            cols = indices[indptr[i]:indptr[i + 1]]
            contributions = origin.copy()
            contributions[cols] = (data[indptr[i]:indptr[i + 1]].astype(float)
                                   - reference[cols]) * coef[cols]
            out.append(Explanation(base + float(contributions.sum()), base, contributions))
        return out
    for row in np.asarray(X, dtype=float):
        contributions = (row - reference) * coef
        out.append(Explanation(base + float(contributions.sum()), base, contributions))
    return out


def _expected_values(nodes: np.ndarray) -> np.ndarray:
    """Training-count weighted mean of the leaf values below each node."""
    n = len(nodes)
    mean = np.zeros(n)
    weight = np.zeros(n)
    # Children always come after their parent in the node array, so one reverse pass works.
    for i in range(n - 1, -1, -1):
        node = nodes[i]
        if node["is_leaf"]:
            mean[i], weight[i] = float(node["value"]), max(float(node["count"]), 1.0)
        else:
            left, right = int(node["left"]), int(node["right"])
            weight[i] = weight[left] + weight[right]
            mean[i] = (mean[left] * weight[left] + mean[right] * weight[right]) / weight[i]
    return mean


_TABLES: WeakKeyDictionary[Any, list[tuple[np.ndarray, np.ndarray]]] = WeakKeyDictionary()


def _tree_tables(clf: Any) -> list[tuple[np.ndarray, np.ndarray]]:
    """Nodes and expected values of every tree (computed once per fitted model)."""
    tables = _TABLES.get(clf)
    if tables is None:
        tables = _TABLES[clf] = [(p.nodes, _expected_values(p.nodes))
                                 for per_iteration in clf._predictors for p in per_iteration]
    return tables


def explain_trees(clf: Any, x: np.ndarray) -> Explanation:
    """Decision-path contributions of a fitted binary HistGradientBoostingClassifier.

    Parameters
    ----------
    clf : sklearn.ensemble.HistGradientBoostingClassifier
        Fitted on numeric (non-categorical) columns, binary target.
    x : ndarray of shape (n_columns,)
        The transformed page.

    Returns
    -------
    Explanation
    """
    x = np.asarray(x, dtype=float).ravel()
    contrib = np.zeros(len(x))
    base = float(np.ravel(clf._baseline_prediction)[0])
    for nodes, expected in _tree_tables(clf):
        i = 0
        base += expected[0]
        while not nodes[i]["is_leaf"]:
            node = nodes[i]
            feature = int(node["feature_idx"])
            value = x[feature]
            if np.isnan(value):
                nxt = int(node["left"] if node["missing_go_to_left"] else node["right"])
            else:
                nxt = int(node["left"] if value <= node["num_threshold"] else node["right"])
            contrib[feature] += expected[nxt] - expected[i]
            i = nxt
    return Explanation(float(base + contrib.sum()), base, contrib)
