"""The scikit-learn pipeline: snapshots in, fraud log-odds out.

``features``: a :class:`~sklearn.pipeline.FeatureUnion` of

* ``engineered`` - :class:`~fakeinvest.features._extract.SnapshotFeaturizer` restricted to
  ``MODEL_FEATURES``, ``log1p``-compressed and standardised;
* ``text`` - TF-IDF of word unigrams and bigrams of the visible text of all pages
  (:func:`~fakeinvest.features._extract.model_text`), without English function words and the
  finance topic words of ``TOPIC_WORDS`` (and their plurals);

then :class:`SchemeLogisticRegression`, a class-balanced logistic regression whose weights
on the scheme features (``SCHEME_FEATURES``, the first columns) are kept non-negative:
a scheme signal can only push towards fraud. Being linear, its score splits exactly into
per-feature contributions (coefficient x transformed value), which is what verdicts
report as reasons, and which :class:`fakeinvest.model._model.Model` splits into the scheme block
and the bounded topic block.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np
from scipy import sparse
from sklearn.base import BaseEstimator, ClassifierMixin, TransformerMixin
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfVectorizer
from sklearn.feature_selection import SelectKBest, chi2
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import FeatureUnion, Pipeline
from sklearn.preprocessing import FunctionTransformer, StandardScaler
from sklearn.utils.validation import check_is_fitted

from ..features._extract import (
    ALL_FEATURES,
    MODEL_FEATURES,
    SCHEME_FEATURES,
    extract_features,
    model_text,
)
from ..features.brands import registry_with
from ..snapshot import Snapshot

__all__ = [
    "CANDIDATES",
    "TOPIC_WORDS",
    "SchemeLogisticRegression",
    "SnapshotFeaturizer",
    "SnapshotText",
    "build_hgb_pipeline",
    "build_pipeline",
    "classifier_step",
    "dense_step",
    "features_step",
    "snapshot_transformers",
    "tfidf_counts",
    "union_transform",
]

MAX_TEXT_PER_SITE = 300_000

# What honest and fraudulent finance sites both talk about. The corpus has almost no honest
# broker or exchange sites, so left in, these words would teach the text model the *topic*
# (a finance firm addressing "you") instead of how scams talk; they are dropped, together
# with English function words, before word n-grams are built.
TOPIC_WORDS = frozenset("""
trading trade trader traders account accounts investment investments invest investor investors
investing financial finance clients client customer customers cfds cfd broker brokers
brokerage deposit deposits withdraw withdrawal withdrawals funds fund market markets forex
crypto cryptocurrency cryptocurrencies bitcoin money fees fee risk risks capital assets asset
stocks stock shares portfolio platform services service company team support contact us our
we you your help
""".split())


class SnapshotFeaturizer(TransformerMixin, BaseEstimator):
    """scikit-learn transformer: snapshots in, engineered feature matrix out.

    Parameters
    ----------
    features : sequence of str or None
        Which features to emit, in order; all of ``ALL_FEATURES`` when None.
    extra_brands : tuple of str
        CSV texts of brand-registry files that extend the shipped registry (recorded in
        the fitted model, so scoring does not depend on files or the environment).
    """

    def __init__(self, features: Sequence[str] | None = None,
                 extra_brands: tuple[str, ...] = ()) -> None:
        self.features = features
        self.extra_brands = extra_brands

    def fit(self, X: Iterable[Snapshot], y: Any = None) -> SnapshotFeaturizer:
        """Check the configuration; the features have no learned state beyond their names."""
        names = tuple(self.features) if self.features is not None else ALL_FEATURES
        unknown = [n for n in names if n not in ALL_FEATURES]
        if unknown:
            raise ValueError(f"unknown features {unknown}; choose from ALL_FEATURES")
        self.feature_names_out_ = np.array(names, dtype=object)
        self.n_features_out_ = len(names)
        return self

    def transform(self, X: Iterable[Snapshot]) -> np.ndarray:
        """Feature matrix, one row per snapshot (NaN where a value is unknown)."""
        check_is_fitted(self, "feature_names_out_")
        registry = registry_with(tuple(self.extra_brands))
        names = list(self.feature_names_out_)
        rows = [extract_features(s, registry, fingerprint=False).vector(names) for s in X]
        return np.vstack(rows) if rows else np.empty((0, len(names)))

    def get_feature_names_out(self, input_features: Any = None) -> np.ndarray:
        """Names of the emitted columns."""
        check_is_fitted(self, "feature_names_out_")
        return self.feature_names_out_.copy()


class SnapshotText(TransformerMixin, BaseEstimator):
    """scikit-learn transformer: snapshots to their visible text (title + pages), one str each.

    Parameters
    ----------
    max_chars : int
        Cap on the characters taken per snapshot.
    extra_brands : tuple of str
        As for :class:`SnapshotFeaturizer` (the text drops licence sentences that name
        registry brands).
    """

    def __init__(self, max_chars: int = MAX_TEXT_PER_SITE,
                 extra_brands: tuple[str, ...] = ()) -> None:
        self.max_chars = max_chars
        self.extra_brands = extra_brands

    def fit(self, X: Iterable[Snapshot], y: Any = None) -> SnapshotText:
        """No learned state."""
        self.fitted_ = True
        return self

    def transform(self, X: Iterable[Snapshot]) -> list[str]:
        """One text per snapshot (see :func:`fakeinvest.features.model_text`)."""
        registry = registry_with(tuple(self.extra_brands))
        return [model_text(snap, registry)[: self.max_chars] for snap in X]

    def get_feature_names_out(self, input_features: Any = None) -> np.ndarray:
        """A single text column."""
        return np.array(["text"], dtype=object)


class SchemeLogisticRegression(ClassifierMixin, BaseEstimator):
    """Class-balanced logistic regression with non-negative weights on the first columns.

    The scheme signals (promised returns, withdrawal obstruction, ...) must only ever push
    a score towards fraud; a corpus can still teach a negative weight through confounding
    (a signal that co-occurs with strongly scam-like words gets the surplus taken back).
    Sign constraints are met by elimination: fit, drop every constrained column whose
    weight came out negative (its weight is then exactly 0), refit on the rest, until no
    constrained weight is negative.

    Parameters
    ----------
    nonnegative : int
        Number of leading columns whose weights must be >= 0.
    C : float
        Inverse L2 regularisation strength.
    max_iter : int
        Of the underlying :class:`~sklearn.linear_model.LogisticRegression` (liblinear).

    Attributes
    ----------
    coef_ : ndarray of shape (1, n_features)
    intercept_ : ndarray of shape (1,)
    classes_ : ndarray
    dropped_ : list of int
        Constrained columns whose weight was fixed at 0.
    """

    def __init__(self, nonnegative: int = 0, C: float = 16.0, max_iter: int = 5000) -> None:
        self.nonnegative = nonnegative
        self.C = C
        self.max_iter = max_iter

    def fit(self, X: Any, y: Any) -> SchemeLogisticRegression:
        """Fit under the sign constraints."""

        X = X.tocsc() if hasattr(X, "tocsc") else np.asarray(X, dtype=float)
        n = X.shape[1]
        active = np.ones(n, dtype=bool)
        dropped: list[int] = []
        while True:
            cols = np.flatnonzero(active)
            lr = LogisticRegression(C=self.C, class_weight="balanced", max_iter=self.max_iter,
                                    solver="liblinear", random_state=0)
            lr.fit(X[:, cols], y)
            coef = np.zeros(n)
            coef[cols] = lr.coef_[0]
            negative = [j for j in range(min(self.nonnegative, n)) if active[j] and coef[j] < 0]
            if not negative:
                break
            active[negative] = False
            dropped += negative
        self.coef_ = coef.reshape(1, -1)
        self.intercept_ = lr.intercept_.copy()
        self.classes_ = lr.classes_
        self.n_features_in_ = n
        self.dropped_ = sorted(dropped)
        return self

    def decision_function(self, X: Any) -> np.ndarray:
        """Log-odds of fraud."""
        return np.asarray(X @ self.coef_[0], dtype=float).ravel() + self.intercept_[0]

    def predict_proba(self, X: Any) -> np.ndarray:
        """Uncalibrated probabilities ``[P(legit), P(fraud)]``."""
        p = 1.0 / (1.0 + np.exp(-self.decision_function(X)))
        return np.column_stack([1.0 - p, p])

    def predict(self, X: Any) -> np.ndarray:
        """Class labels at log-odds 0."""
        return self.classes_[(self.decision_function(X) > 0).astype(int)]


def _topic_stop_words() -> list[str]:
    """English function words, ``TOPIC_WORDS`` and their plurals ("bitcoins", "brokers")."""

    plurals = {w + "s" for w in TOPIC_WORDS if not w.endswith("s")}
    return sorted(ENGLISH_STOP_WORDS | TOPIC_WORDS | plurals)


def build_pipeline(C: float = 16.0, max_features: int = 50_000, min_df: int = 3,
                   extra_brands: tuple[str, ...] = ()) -> Any:
    """The untrained model pipeline.

    Parameters
    ----------
    C : float
        Inverse L2 regularisation strength of the logistic regression.
    max_features : int
        Vocabulary size of the text model.
    min_df : int
        A term must occur in at least this many training pages.
    extra_brands : tuple of str
        CSV texts extending the shipped brand registry (recorded in the model).

    Returns
    -------
    sklearn.pipeline.Pipeline
    """

    engineered = Pipeline([
        ("extract", SnapshotFeaturizer(features=MODEL_FEATURES, extra_brands=extra_brands)),
        ("log", FunctionTransformer(np.log1p, feature_names_out="one-to-one")),
        ("scale", StandardScaler()),
    ])
    text = Pipeline([
        ("text", SnapshotText(extra_brands=extra_brands)),
        ("tfidf", TfidfVectorizer(
            ngram_range=(1, 2), min_df=min_df, max_df=0.5, max_features=max_features,
            sublinear_tf=True, dtype=np.float32, strip_accents=None,
            stop_words=_topic_stop_words(),
        )),
    ])
    return Pipeline([
        ("features", FeatureUnion([("engineered", engineered), ("text", text)])),
        ("clf", SchemeLogisticRegression(nonnegative=len(SCHEME_FEATURES), C=C)),
    ])


def _dense(x: Any) -> np.ndarray:
    """Sparse or dense matrix -> dense float64 array (gradient boosting needs dense input)."""
    return np.asarray(x.toarray() if hasattr(x, "toarray") else x, dtype=float)


def build_hgb_pipeline(n_terms: int = 300, max_iter: int = 200, learning_rate: float = 0.1,
                       min_df: int = 3, extra_brands: tuple[str, ...] = ()) -> Any:
    """The gradient-boosting candidate: trees over engineered features and selected terms.

    Parameters
    ----------
    n_terms : int
        Text terms kept (chi-squared selection among the TF-IDF word 1-2 grams of
        :func:`build_pipeline`'s text model): trees need a dense, small input.
    max_iter, learning_rate : int, float
        Of the :class:`~sklearn.ensemble.HistGradientBoostingClassifier`.
    min_df : int
        A term must occur in at least this many training pages.
    extra_brands : tuple of str
        CSV texts extending the shipped brand registry (recorded in the model).

    Returns
    -------
    sklearn.pipeline.Pipeline
        Steps ``features``, ``dense`` and ``clf``; verdicts explain it with the decision-path
        method of :mod:`fakeinvest.model._explain`.
    """

    lr = build_pipeline(min_df=min_df, extra_brands=extra_brands)
    engineered = Pipeline([
        ("extract", SnapshotFeaturizer(features=MODEL_FEATURES, extra_brands=extra_brands)),
        ("log", FunctionTransformer(np.log1p, feature_names_out="one-to-one")),
    ])
    text = lr.named_steps["features"].transformer_list[1][1]
    text.steps.append(("select", SelectKBest(chi2, k=n_terms)))
    return Pipeline([
        ("features", FeatureUnion([("engineered", engineered), ("text", text)])),
        ("dense", FunctionTransformer(_dense)),
        ("clf", HistGradientBoostingClassifier(
            max_iter=max_iter, learning_rate=learning_rate, class_weight="balanced",
            early_stopping=False, random_state=0)),
    ])


#: Model families compared by ``fakeinvest train`` (grouped CV picks one to ship).
CANDIDATES = {"lr": build_pipeline, "hgb": build_hgb_pipeline}


def features_step(pipeline: Any) -> Any:
    """The feature union of a pipeline built here (engineered features + text)."""
    return pipeline.named_steps["features"]


def classifier_step(pipeline: Any) -> Any:
    """The final classifier of a pipeline built here."""
    return pipeline.named_steps["clf"]


def dense_step(pipeline: Any) -> Any | None:
    """The sparse-to-dense step of a tree pipeline, or None."""
    return pipeline.named_steps.get("dense")


def snapshot_transformers(pipeline: Any) -> list[Any]:
    """The first step of each branch of the feature union: the transformers that read
    snapshots (:class:`SnapshotFeaturizer`, :class:`SnapshotText`)."""
    return [branch.steps[0][1] for _name, branch in features_step(pipeline).transformer_list]


def union_transform(union: Any, snapshots: Sequence[Snapshot],
                    features: Sequence[Any] | None = None) -> Any:
    """``union.transform(snapshots)`` for a feature union built here, in one pass per
    branch and without the joblib machinery a :class:`~sklearn.pipeline.FeatureUnion`
    runs even for one row; stacked the way it stacks (sparse CSR when any branch is
    sparse), so the matrix is the same.

    Parameters
    ----------
    union : FeatureUnion
    snapshots : sequence of Snapshot
    features : sequence of FeatureSet, optional
        The features of each snapshot, already extracted (for the verdicts): the
        engineered branch then reads them instead of extracting them a second time.

    Returns
    -------
    ndarray or scipy.sparse.csr_matrix
        One row per snapshot.
    """
    snapshots = list(snapshots)
    parts = []
    for _name, branch in union.transformer_list:
        first = branch.steps[0][1]
        if features is not None and isinstance(first, SnapshotFeaturizer):
            check_is_fitted(first, "feature_names_out_")
            names = list(first.feature_names_out_)
            rows = [fs.vector(names) for fs in features]
            matrix = np.vstack(rows) if rows else np.empty((0, len(names)))
            parts.append(branch[1:].transform(matrix) if len(branch.steps) > 1 else matrix)
        elif isinstance(first, SnapshotText) and len(branch.steps) > 1 and (
                (counts := tfidf_counts(branch.steps[1][1],
                                        first.transform(snapshots))) is not None):
            X = branch.steps[1][1]._tfidf.transform(counts, copy=False)
            parts.append(branch[2:].transform(X) if len(branch.steps) > 2 else X)
        else:
            parts.append(branch.transform(snapshots))
    if any(sparse.issparse(p) for p in parts):
        return sparse.hstack(parts).tocsr()
    return np.hstack(parts)


def tfidf_counts(vectorizer: Any, docs: list[str]) -> Any:
    """The term-count matrix ``vectorizer.transform`` computes before its TF-IDF step,
    built with C-level mapping and counting instead of scikit-learn's per-token loop.

    Only the configuration :func:`build_pipeline` uses is handled (word unigrams and
    bigrams of lower-cased text, a token pattern, stop words, a fitted vocabulary); for
    any other the answer is None and the caller uses the vectoriser itself. The matrix
    is the one scikit-learn builds (the same analyser: lower-case, ``token_pattern``,
    stop words dropped before n-grams; tests compare the two entry for entry).

    Parameters
    ----------
    vectorizer : TfidfVectorizer
    docs : list of str

    Returns
    -------
    scipy.sparse.csr_matrix or None
    """
    vocab = getattr(vectorizer, "vocabulary_", None)
    if not (type(vectorizer) is TfidfVectorizer and isinstance(vocab, dict)
            and vectorizer.analyzer == "word" and vectorizer.tokenizer is None
            and vectorizer.preprocessor is None and vectorizer.lowercase
            and vectorizer.strip_accents is None and not vectorizer.binary
            and vectorizer.input == "content"
            and tuple(vectorizer.ngram_range) in ((1, 1), (1, 2))
            and all(isinstance(d, str) for d in docs)):
        return None
    token = re.compile(vectorizer.token_pattern)
    if token.groups > 1:
        return None
    stop = vectorizer.get_stop_words() or frozenset()
    bigrams = tuple(vectorizer.ngram_range) == (1, 2)
    lookup = vocab.get
    indices: list[int] = []
    values: list[int] = []
    indptr = [0]
    for doc in docs:
        tokens = [t for t in token.findall(doc.lower()) if t not in stop]
        features = map(lookup, tokens)
        if bigrams:
            features = itertools.chain(features,
                                       map(lookup, map(" ".join, itertools.pairwise(tokens))))
        counts = Counter(i for i in features if i is not None)
        indices.extend(counts.keys())
        values.extend(counts.values())
        indptr.append(len(indices))
    X = sparse.csr_matrix(
        (np.asarray(values, dtype=np.intc), np.asarray(indices, dtype=np.int32),
         np.asarray(indptr, dtype=np.int32)),
        shape=(len(docs), len(vocab)), dtype=vectorizer.dtype)
    X.sort_indices()
    return X
