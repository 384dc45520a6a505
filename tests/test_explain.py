"""Exact contributions: linear models and boosted trees (fakeinvest.model._explain)."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.linear_model import LogisticRegression

from fakeinvest.model._explain import explain_linear, explain_trees, supports
from fakeinvest.model._model import Model
from fakeinvest.model._pipeline import build_hgb_pipeline
from fakeinvest.snapshot import Page, Snapshot

from .test_train import LEGIT, SCAM


def _data(n: int = 400, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n, 5))
    X[rng.random(X.shape) < 0.1] = np.nan  # missing values take the learned branch
    y = (np.nan_to_num(X[:, 0]) + np.nan_to_num(X[:, 1]) ** 2 > 1).astype(int)
    return X, y


def test_tree_paths_add_up_to_the_score() -> None:
    X, y = _data()
    clf = HistGradientBoostingClassifier(max_iter=40, random_state=0).fit(X, y)
    scores = clf.decision_function(X[:50])
    for x, s in zip(X[:50], scores, strict=True):
        e = explain_trees(clf, x)
        assert e.score == pytest.approx(s, abs=1e-9)
        assert e.base + e.contributions.sum() == pytest.approx(s, abs=1e-9)
    # The base is the same for every page.
    assert len({round(explain_trees(clf, x).base, 12) for x in X[:10]}) == 1
    assert supports(clf) and not supports(object())


def test_tree_credit_goes_to_the_features_that_decide() -> None:
    X, y = _data(800, seed=1)
    X[:, 2:] = 0.0  # columns 2-4 carry nothing
    clf = HistGradientBoostingClassifier(max_iter=40, random_state=0).fit(X, y)
    contrib = np.array([explain_trees(clf, x).contributions for x in X[:200]])
    useful, useless = np.abs(contrib[:, :2]).mean(), np.abs(contrib[:, 2:]).mean()
    assert useless == 0.0 and useful > 0.1


def test_linear_contributions_are_measured_from_the_reference() -> None:
    X, y = _data()
    X = np.nan_to_num(X)
    clf = LogisticRegression().fit(X, y)
    ref = np.zeros(5)
    e = explain_linear(clf, X[0], ref)
    assert e.score == pytest.approx(float(clf.decision_function(X[:1])[0]))
    assert e.base == pytest.approx(float(clf.intercept_[0]))
    assert e.base + e.contributions.sum() == pytest.approx(e.score)
    assert explain_linear(clf, ref, ref).contributions.tolist() == [0.0] * 5


def test_a_boosted_model_gives_verdicts_with_exact_reasons() -> None:
    snaps, y = [], []
    for i in range(60):
        label = i % 2
        body = (SCAM if label else LEGIT)[i % 4].format(r=i % 9 + 1, d=i % 30 + 5,
                                                        l=i % 7 + 1, big=120 + i)
        snaps.append(Snapshot(url=None, pages=(Page(None, f"<p>{body}</p>"),)))
        y.append(label)
    pipe = build_hgb_pipeline(n_terms=20, max_iter=30, min_df=1).fit(snaps, np.array(y))
    m = Model(pipeline=pipe, calibration=(1.0, 0.0), threshold=0.5, version="test-hgb", card={})
    snap = Snapshot.from_html("<p>Earn 5% daily for 30 days. Referral bonus 9% for 1st level."
                              " Withdrawal fee 10% must be paid to unlock.</p>")
    e = m.explain(snap)
    score = float(pipe.decision_function([snap])[0])
    assert e.score == pytest.approx(score, abs=1e-9)
    assert e.base + e.contributions.sum() == pytest.approx(score, abs=1e-9)
    v = m.verdict(snap)
    assert v.probability == pytest.approx(1 / (1 + np.exp(-score)))
    assert any(r.contribution > 0 for r in v.reasons)
    assert m.baseline_score() == pytest.approx(e.base)
