"""The evidence gate: topic alone never reaches the threshold; scheme evidence can."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fakeinvest.model._evidence_gate import EvidenceGate, choose_threshold_score, split_scores
from fakeinvest.model._pipeline import SchemeLogisticRegression

floats = st.floats(-20, 20, allow_nan=False)


@settings(max_examples=200, deadline=None)
@given(rest=floats, tau=floats, margin=st.floats(0.01, 5))
def test_topic_alone_stays_below_the_threshold(rest: float, tau: float, margin: float) -> None:
    gate = EvidenceGate(tau, margin, 2.0, 3)
    assert gate.apply([0.0], [rest], [False])[0] <= tau - margin < tau


@settings(max_examples=200, deadline=None)
@given(scheme=st.floats(0, 20), rest=floats, tau=floats, margin=st.floats(0.01, 5))
def test_a_flag_needs_both_the_raw_score_and_scheme_evidence(
        scheme: float, rest: float, tau: float, margin: float) -> None:
    gate = EvidenceGate(tau, margin, 0.0, 3)
    flagged = gate.apply([scheme], [rest], [False])[0] >= tau
    if flagged:
        assert scheme + rest >= tau - 1e-9 and scheme >= margin - 1e-9
    # and clear cases of both are flagged: the smooth bound is within log 2 of min
    if scheme + min(rest, tau - margin) >= tau + np.log(2) + 1e-9:
        assert flagged


@settings(max_examples=200, deadline=None)
@given(a=floats, b=floats, tau=floats, margin=st.floats(0.01, 5))
def test_the_bound_keeps_the_order_of_scores(a: float, b: float, tau: float,
                                             margin: float) -> None:
    gate = EvidenceGate(tau, margin, 0.0, 3)
    za, zb = gate.apply([0.0, 0.0], [a, b], [False, False])
    if a < b:
        assert za <= zb


def test_below_the_cap_scores_are_nearly_unchanged_and_impersonation_adds() -> None:
    gate = EvidenceGate(2.0, 0.5, 2.08, 3)
    assert gate.apply([1.0], [-3.0], [False])[0] == pytest.approx(-2.0, abs=0.02)
    assert gate.apply([1.0], [-10.0], [False])[0] == pytest.approx(-9.0, abs=1e-4)
    assert gate.apply([1.0], [5.0], [False])[0] == pytest.approx(1.0 + 1.5, abs=0.05)
    assert gate.apply([0.0], [5.0], [True])[0] == pytest.approx(2.08 + 1.5, abs=0.05)
    assert gate.apply([0.0], [5.0], [True])[0] - gate.apply([0.0], [5.0], [False])[0] == \
        pytest.approx(2.08)


def test_threshold_meets_the_target_fpr_on_the_gated_scores() -> None:
    rng = np.random.default_rng(0)
    n = 2000
    y = (rng.random(n) < 0.2).astype(int)
    scheme = np.where(y == 1, rng.exponential(3, n),
                      rng.exponential(0.2, n) * (rng.random(n) < 0.1))
    rest = rng.normal(np.where(y == 1, 1.0, -2.0), 2.0)
    for margin in (0.25, 1.0):
        tau = choose_threshold_score(scheme, rest, np.zeros(n), y, margin, 0.01)
        z = EvidenceGate(tau, margin, 0.0, 1).apply(scheme, rest, np.zeros(n))
        assert (z[y == 0] >= tau).mean() <= 0.01
        # the lowest such threshold: a little lower lets more honest pages through
        lower = np.nextafter(tau, -np.inf) - 1e-6
        z2 = EvidenceGate(lower, margin, 0.0, 1).apply(scheme, rest, np.zeros(n))
        assert (z2[y == 0] >= lower).mean() >= (z[y == 0] >= tau).mean()
        assert not ((z >= tau) & (scheme < margin)).any()


def test_split_scores_adds_up_for_a_linear_model() -> None:
    rng = np.random.default_rng(1)
    X = rng.normal(size=(300, 6))
    y = (X[:, 0] + X[:, 4] + rng.normal(size=300) > 0).astype(int)
    clf = SchemeLogisticRegression(nonnegative=2).fit(X, y)
    ref = np.zeros(6)
    scheme, rest = split_scores(clf, X, ref, 2)
    assert np.allclose(scheme + rest, clf.decision_function(X))
    assert np.allclose(scheme, X[:, :2] @ clf.coef_[0, :2])


def test_scheme_weights_are_never_negative() -> None:
    rng = np.random.default_rng(2)
    n = 600
    y = rng.integers(0, 2, n)
    X = np.column_stack([
        np.where(y == 1, rng.exponential(1, n), 0.0),   # a real scheme signal
        np.where(y == 0, rng.exponential(1, n), 0.0),   # a "signal" the data says is honest
        rng.normal(y, 1.0),                             # topic
    ])
    clf = SchemeLogisticRegression(nonnegative=2).fit(X, y)
    assert clf.coef_[0, 0] > 0
    assert clf.coef_[0, 1] == 0.0 and clf.dropped_ == [1]
    unconstrained = SchemeLogisticRegression(nonnegative=0).fit(X, y)
    assert unconstrained.coef_[0, 1] < 0
