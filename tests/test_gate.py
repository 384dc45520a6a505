"""The quality gate as a pure function, and the shipped gate against the shipped card."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from fakeinvest import errors
from fakeinvest.model._model import shipped_model_paths
from fakeinvest.training._quality_gate import (
    DEFAULT_TOLERANCE,
    GateCheck,
    check_gate,
    load_gate,
    make_gate,
)
from fakeinvest.training._train import shipped_gate_path

CARD = {
    "model_version": "fakeinvest-lr-0123456789",
    "data": {"sha256": "a" * 64, "limit": None},
    "cv": {"scheme": "StratifiedGroupKFold(...)", "roc_auc": 0.98, "pr_auc": 0.93,
           "recall_at_1pct_fpr": 0.78, "recall_at_0.1pct_fpr": 0.55, "brier": 0.03,
           "fpr_finance_related_legit": 0.02, "at_threshold": {"recall": 0.78, "fpr": 0.01}},
}
GOOD = {"roc_auc": 0.98, "pr_auc": 0.93, "recall_at_1pct_fpr": 0.78, "brier": 0.03,
        "fpr_finance_related_legit": 0.02}


def test_make_gate_subtracts_and_adds_the_tolerance() -> None:
    gate = make_gate(CARD)
    assert gate["metric_floors"] == {"roc_auc": 0.975, "pr_auc": 0.925,
                                     "recall_at_1pct_fpr": 0.775}
    assert gate["metric_ceilings"] == {"fpr_finance_related_legit": 0.025, "brier": 0.035}
    assert gate["tolerance"] == DEFAULT_TOLERANCE
    assert gate["reference"]["roc_auc"] == 0.98
    assert gate["reference"]["model_version"] == CARD["model_version"]
    assert gate["data_sha256"] == "a" * 64 and gate["data_limit"] is None
    assert "recall_at_0.1pct_fpr" not in gate["metric_floors"]  # too noisy to gate on
    json.dumps(gate)


def test_make_gate_skips_metrics_the_card_lacks() -> None:
    card = {"cv": {"roc_auc": 0.9}}
    gate = make_gate(card, tolerance=0.01)
    assert gate["metric_floors"] == {"roc_auc": 0.89} and gate["metric_ceilings"] == {}


def test_equal_or_slightly_worse_metrics_pass() -> None:
    gate = make_gate(CARD)
    assert check_gate(gate, GOOD, data_sha256="a" * 64).passed
    worse = {**GOOD, "roc_auc": 0.975, "fpr_finance_related_legit": 0.025}
    result = check_gate(gate, worse, data_sha256="a" * 64)
    assert result.passed and result.failures == () and result.notes == ()


def test_a_drop_below_a_floor_fails_and_names_old_and_new() -> None:
    result = check_gate(make_gate(CARD), {**GOOD, "pr_auc": 0.90})
    assert not result.passed
    (fail,) = result.failures
    assert (fail.metric, fail.kind, fail.limit, fail.new, fail.reference) == \
        ("pr_auc", "floor", 0.925, 0.90, 0.93)
    assert fail.describe() == "pr_auc: new 0.9000 < floor 0.9250 (gated model: 0.9300)"
    assert result.report().startswith("FAILED pr_auc")


def test_a_rise_above_a_ceiling_fails() -> None:
    result = check_gate(make_gate(CARD), {**GOOD, "fpr_finance_related_legit": 0.04})
    assert [c.metric for c in result.failures] == ["fpr_finance_related_legit"]
    assert "new 0.0400 > ceiling 0.0250" in result.failures[0].describe()


def test_every_failed_metric_is_reported() -> None:
    bad = {**GOOD, "roc_auc": 0.5, "recall_at_1pct_fpr": 0.1, "brier": 0.2}
    result = check_gate(make_gate(CARD), bad)
    assert {c.metric for c in result.failures} == {"roc_auc", "recall_at_1pct_fpr", "brier"}


def test_an_unmeasured_metric_fails() -> None:
    metrics = {k: v for k, v in GOOD.items() if k != "fpr_finance_related_legit"}
    result = check_gate(make_gate(CARD), metrics)
    (fail,) = result.failures
    assert fail.new is None and "not measured" in fail.describe()
    assert not GateCheck("x", "floor", 0.5, float("nan")).passed


def test_other_data_or_limit_is_noted_not_failed() -> None:
    result = check_gate(make_gate(CARD), GOOD, data_sha256="b" * 64, data_limit=150)
    assert result.passed
    assert any("corpus differs" in n and "bbbbbbbbbbbb" in n for n in result.notes)
    assert any("first 150" in n for n in result.notes)
    assert "note: " in result.report() and "note: " not in result.report(notes=False)


def test_load_gate_rejects_bad_files(tmp_path: Path) -> None:
    path = tmp_path / "gate.json"
    with pytest.raises(errors.BadInputError, match="cannot read"):
        load_gate(path)
    path.write_text("{", encoding="utf-8")
    with pytest.raises(errors.BadInputError, match="not valid JSON"):
        load_gate(path)
    path.write_text('{"metric_floors": {"roc_auc": true}}', encoding="utf-8")
    with pytest.raises(errors.BadInputError, match="numbers"):
        load_gate(path)
    path.write_text('{"notes": "nothing"}', encoding="utf-8")
    with pytest.raises(errors.BadInputError, match="sets no"):
        load_gate(path)
    path.write_text(json.dumps(make_gate(CARD)), encoding="utf-8")
    assert load_gate(path) == make_gate(CARD)


def test_shipped_gate_derives_from_the_shipped_card() -> None:
    card = json.loads(shipped_model_paths()[1].read_text(encoding="utf-8"))
    gate = load_gate(shipped_gate_path())
    assert gate["data_sha256"] == card["data"]["sha256"]
    assert gate["reference"]["model_version"] == card["model_version"]
    assert gate == make_gate(card, tolerance=gate["tolerance"])
    # The shipped model passes its own gate.
    assert check_gate(gate, card["cv"], data_sha256=card["data"]["sha256"]).passed
