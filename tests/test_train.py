"""Training end to end on a small corpus written here, and the shipped card vs the corpus."""

from __future__ import annotations

import gzip
import hashlib
import json
import random
from pathlib import Path

import numpy as np
import pytest

from fakeinvest import cli, errors
from fakeinvest.model._model import MODEL_CARD_NAME, MODEL_FILE_NAME, load_model
from fakeinvest.snapshot import Snapshot
from fakeinvest.training import load_corpus, main
from fakeinvest.training._card import METRICS_FILE_NAME, MODEL_CARD_MD_NAME, render_model_card
from fakeinvest.training._metrics import rates_by, reliability_curve
from fakeinvest.training._quality_gate import GATE_FILE_NAME, make_gate
from fakeinvest.training._train import train

from .conftest import corpus_or_skip

OUTPUTS = (MODEL_FILE_NAME, MODEL_CARD_NAME, METRICS_FILE_NAME, MODEL_CARD_MD_NAME,
           GATE_FILE_NAME)

SCAM = [
    "Starter plan {r}% daily for {d} days. Referral bonus {l}% for 1st level.",
    "Earn {r}% per day, principal returned. Withdrawal fee {l}% must be paid to unlock funds.",
    "VIP plan: {big}% after {d} days. Deposit USDT TRC20 only. Guaranteed profit, no risk.",
    "Lợi nhuận {r}%/ngày. Hoa hồng giới thiệu F1 {l}%. Nộp phí rút tiền trước khi rút.",
]
LEGIT = [
    "The city council met on {d} May to discuss the new bridge and the library budget.",
    "Our bakery opens at {d} am; sourdough, rye and {l} kinds of pastries every day.",
    "The staking guide explains validators, keys and the withdrawal queue in {d} steps.",
    "Match report: the home side won {l}-{r} after a late goal in the {d}th minute.",
]


def write_corpus(path: Path, n_groups: int = 12, per_group: int = 4) -> None:
    rnd = random.Random(7)
    with open(path, "w", encoding="utf-8") as fh:
        for g in range(n_groups):
            label = g % 2
            for _ in range(per_group):
                tpl = rnd.choice(SCAM if label else LEGIT)
                body = tpl.format(r=rnd.randint(1, 9), d=rnd.randint(5, 40), l=rnd.randint(1, 9),
                                  big=rnd.randint(120, 400))
                rec = {"html": f"<html><body><p>{body}</p><p>{body}</p></body></html>",
                       "label": label, "group": f"g{g}", "url": None,
                       "family": ("kit-a" if g % 4 == 1 else "kit-b") if label else
                                 ("news" if g % 4 == 0 else "docs"),
                       "lang": "vi" if tpl.startswith("Lợi") else "en",
                       "finance_related": bool(label or g % 4 == 2)}
                fh.write(json.dumps(rec, ensure_ascii=False) + "\n")


def test_train_writes_a_loadable_model_and_card(tmp_path: Path) -> None:
    data = tmp_path / "corpus.jsonl"
    write_corpus(data)
    card = train(data, tmp_path / "out", folds=3, log=lambda *_: None)
    assert card["data"]["pages"] == 48 and card["data"]["groups"] == 12
    assert "StratifiedGroupKFold(n_splits=3" in card["cv"]["scheme"]
    assert 0.5 < card["cv"]["roc_auc"] <= 1.0
    model_file = tmp_path / "out" / MODEL_FILE_NAME
    with pytest.raises(errors.UntrustedModelError):
        load_model(model_file)
    m = load_model(model_file, trusted=True)
    v = m.verdict(Snapshot.from_html("<p>Earn 5% daily for 30 days. Referral bonus 9% for 1st "
                                     "level. Withdrawal fee 10% must be paid to unlock.</p>"))
    assert v.probability > 0.5


def test_training_is_deterministic(tmp_path: Path) -> None:
    data = tmp_path / "corpus.jsonl"
    write_corpus(data)
    train(data, tmp_path / "a", folds=3, log=lambda *_: None)
    train(data, tmp_path / "b", folds=3, log=lambda *_: None)
    assert (tmp_path / "a" / MODEL_FILE_NAME).read_bytes() == \
        (tmp_path / "b" / MODEL_FILE_NAME).read_bytes()


def test_corpus_records_need_label_and_group(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps({"html": "<p>x</p>", "label": 1}) + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match="group"):
        load_corpus(bad)


def test_cli_reports_missing_corpus(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--data", str(tmp_path / "none.jsonl.gz"), "--out", str(tmp_path)]) == 2
    assert "no corpus" in capsys.readouterr().err


@pytest.mark.data
def test_shipped_model_was_trained_on_this_corpus() -> None:
    pages = corpus_or_skip()
    supplement = pages.parent / "supplement" / "supplement.jsonl.gz"
    hashes = [hashlib.sha256(p.read_bytes()).hexdigest() for p in (pages, supplement)]
    digest = hashlib.sha256("".join(hashes).encode()).hexdigest()  # as `make train` reads them
    card = load_model().card
    assert card["data"]["sha256"] == digest, "corpus changed: retrain with `make train`"
    assert card["data"]["limit"] is None


# --- evaluation details -------------------------------------------------------------------


def test_reliability_curve_bins_probabilities() -> None:
    y = np.array([0, 0, 1, 1, 1])
    p = np.array([0.05, 0.15, 0.15, 0.95, 1.0])
    rel = reliability_curve(y, p, bins=10)
    assert rel["bin_edges"][0] == 0.0 and rel["bin_edges"][-1] == 1.0
    assert rel["count"] == [1, 2, 0, 0, 0, 0, 0, 0, 0, 2]
    assert rel["observed_rate"][1] == 0.5 and rel["mean_predicted"][1] == 0.15
    assert rel["mean_predicted"][2] is None and rel["observed_rate"][9] == 1.0


def test_rates_by_gives_recall_and_fpr_per_value() -> None:
    y = np.array([1, 1, 0, 0, 1])
    flagged = np.array([True, False, True, False, True])
    rates = rates_by(["en", "en", "en", "de", "vi"], y, flagged)
    assert rates["en"] == {"scam": 2, "legit": 1, "scam_flagged": 1, "legit_flagged": 1,
                           "recall": 0.5, "fpr": 1.0}
    assert rates["de"]["recall"] is None and rates["de"]["fpr"] == 0.0
    assert rates["vi"]["fpr"] is None


# --- `fakeinvest train`: outputs, gate, smoke runs -----------------------------------------


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    status = cli.main(argv)
    return status, capsys.readouterr().err


def _check_outputs(out: Path) -> tuple[dict, dict]:
    for name in OUTPUTS:
        assert (out / name).is_file(), name
    card = json.loads((out / MODEL_CARD_NAME).read_text(encoding="utf-8"))
    metrics = json.loads((out / METRICS_FILE_NAME).read_text(encoding="utf-8"))
    gate = json.loads((out / GATE_FILE_NAME).read_text(encoding="utf-8"))
    assert set(card["versions"]) >= {"python", "scikit-learn", "numpy", "joblib", "fakeinvest"}
    assert metrics["model_version"] == card["model_version"]
    for key in ("roc_auc", "pr_auc", "recall_at_1pct_fpr", "recall_at_0.1pct_fpr", "brier"):
        assert metrics[key] == card["cv"][key]
    rel = metrics["reliability"]
    assert len(rel["bin_edges"]) == len(rel["count"]) + 1
    assert sum(rel["count"]) == card["data"]["pages"]
    assert gate == make_gate(card)
    assert (out / MODEL_CARD_MD_NAME).read_text(encoding="utf-8") == \
        render_model_card(card, metrics, gate)
    model = load_model(out / MODEL_FILE_NAME, trusted=True)
    assert model.version == card["model_version"]
    return card, metrics


def test_cli_train_smoke_on_synthetic_corpus(tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "corpus.jsonl"
    write_corpus(data)
    out = tmp_path / "models-new"
    status, err = _run(["train", "--data", str(data), "--out", str(out), "--folds", "2",
                        "--allow-regression", "--candidates", "lr,hgb"], capsys)
    assert status == 0, err
    card, metrics = _check_outputs(out)
    assert card["data"]["pages"] == 48
    assert set(metrics["by_family"]) == {"kit-a", "kit-b", "news", "docs"}
    assert metrics["by_family"]["kit-a"]["scam"] > 0 and \
        metrics["by_family"]["kit-a"]["fpr"] is None
    assert set(metrics["by_lang"]) == {"en", "vi"}
    assert sum(v["scam"] + v["legit"] for v in metrics["by_lang"].values()) == 48
    assert "fpr_finance_related_legit" in metrics
    md = (out / MODEL_CARD_MD_NAME).read_text(encoding="utf-8")
    for text in ("## Recall by family", "| kit-a |", "## Calibration", "scikit-learn",
                 "## Known limits", "## Model selection", "| lr |", "| hgb |"):
        assert text in md
    assert not list(tmp_path.glob(".models-new-*")), "staging folder left behind"
    comp = card["candidates"]
    assert set(comp["results"]) == {"lr", "hgb"}
    best = max(comp["results"], key=lambda k: (comp["results"][k]["site_recall"] or 0.0,
                                               comp["results"][k]["recall_at_target_fpr"],
                                               comp["results"][k]["pr_auc"]))
    assert "## Evidence gate" in md and "## Site-level evaluation" in md
    assert metrics["site_recall"] is not None and "site_fpr_finance_legit" in metrics
    assert comp["chosen"] == best and card["model_version"].startswith(f"fakeinvest-{best}-")


def test_cli_train_rejects_unknown_candidates(tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "corpus.jsonl"
    write_corpus(data)
    status, err = _run(["train", "--data", str(data), "--out", str(tmp_path / "m"),
                        "--candidates", "lr,forest"], capsys)
    assert status == 2 and "forest" in err and "lr, hgb" in err
    assert not (tmp_path / "m").exists()


def _gate_file(tmp_path: Path) -> Path:
    gate = {"metric_floors": {"roc_auc": 1.01, "pr_auc": 0.5},  # no model reaches ROC 1.01
            "metric_ceilings": {"brier": 0.5},
            "reference": {"roc_auc": 0.99}, "data_sha256": "0" * 64}
    path = tmp_path / "gate.json"
    path.write_text(json.dumps(gate), encoding="utf-8")
    return path


def test_failed_gate_writes_nothing_then_allow_regression_writes(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "corpus.jsonl"
    write_corpus(data)
    gate = _gate_file(tmp_path)
    out = tmp_path / "out"
    argv = ["train", "--data", str(data), "--out", str(out), "--folds", "2", "--gate", str(gate)]
    status, err = _run(argv, capsys)
    assert status == 3
    assert not out.exists()
    assert "roc_auc: new 1.0000 < floor 1.0100 (gated model: 0.9900)" in err
    assert "pr_auc" not in err.split("note:")[0]  # only the failed metrics are listed
    assert "corpus differs" in err and "--allow-regression" in err

    status, err = _run([*argv, "--allow-regression"], capsys)
    assert status == 0, err
    assert "warning: quality gate" in err and "FAILED roc_auc" in err
    card, _metrics = _check_outputs(out)
    assert card["gate"] == {"checked": True, "passed": False, "failed": ["roc_auc"],
                            "allow_regression": True}


def test_failed_gate_keeps_the_previous_model(tmp_path: Path) -> None:
    data = tmp_path / "corpus.jsonl"
    write_corpus(data)
    out = tmp_path / "out"
    train(data, out, folds=2, log=lambda *_: None)
    before = {name: (out / name).read_bytes() for name in OUTPUTS}
    with pytest.raises(errors.QualityGateError) as info:
        train(data, out, folds=3, gate=_gate_file(tmp_path), log=lambda *_: None)
    assert [c.metric for c in info.value.result.failures] == ["roc_auc"]
    assert {name: (out / name).read_bytes() for name in OUTPUTS} == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["corpus.jsonl", "gate.json", "out"]


def test_passing_gate_is_recorded(tmp_path: Path) -> None:
    data = tmp_path / "corpus.jsonl"
    write_corpus(data)
    gate = {"metric_floors": {"roc_auc": 0.5}, "metric_ceilings": {"brier": 0.5}}
    card = train(data, tmp_path / "out", folds=2, gate=gate, log=lambda *_: None,
                 warn=lambda *_: None)
    assert card["gate"] == {"checked": True, "passed": True, "failed": [],
                            "allow_regression": False}


def test_cli_train_usage_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, err = _run(["train", "--data", str(tmp_path / "none.jsonl")], capsys)
    assert status == 2 and "no corpus" in err
    data = tmp_path / "corpus.jsonl"
    write_corpus(data, n_groups=4, per_group=2)
    bad = tmp_path / "gate.json"
    bad.write_text('{"metric_floors": {"roc_auc": "high"}}', encoding="utf-8")
    status, err = _run(["train", "--data", str(data), "--out", str(tmp_path / "o"),
                        "--gate", str(bad)], capsys)
    assert status == 2 and "must map metric names to numbers" in err
    assert not (tmp_path / "o").exists()


def test_gzip_corpus_is_recognised_by_content(tmp_path: Path) -> None:
    plain = tmp_path / "corpus.jsonl"
    write_corpus(plain, n_groups=2, per_group=1)
    packed = tmp_path / "corpus.data"
    packed.write_bytes(gzip.compress(plain.read_bytes()))
    assert load_corpus(packed)[1].tolist() == load_corpus(plain)[1].tolist()


def _corpus_sample(src: Path, dest: Path, per_label: int = 75, per_group: int = 10) -> None:
    """The first pages of each label of the corpus, at most ``per_group`` per group."""
    kept = {0: 0, 1: 0}
    groups: dict[str, int] = {}
    with gzip.open(src, "rt", encoding="utf-8") as fh, \
            open(dest, "w", encoding="utf-8") as out:
        for line in fh:
            rec = json.loads(line)
            label, group = int(rec["label"]), rec["group"]
            if kept[label] >= per_label or groups.get(group, 0) >= per_group:
                if min(kept.values()) >= per_label:
                    break
                continue
            kept[label] += 1
            groups[group] = groups.get(group, 0) + 1
            out.write(line)


@pytest.mark.data
def test_cli_train_smoke_on_a_corpus_sample(tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    pages = corpus_or_skip()
    sample = tmp_path / "sample.jsonl"  # stays in the test's temporary folder
    _corpus_sample(pages, sample)
    out = tmp_path / "models-new"
    status, err = _run(["train", "--data", str(sample), "--out", str(out), "--folds", "2",
                        "--allow-regression"], capsys)
    assert status == 0, err
    card, metrics = _check_outputs(out)
    assert card["data"]["pages"] == 150 and card["data"]["scam_pages"] == 75
    assert metrics["by_family"] and metrics["by_lang"]
    assert sum(v["scam"] for v in metrics["by_family"].values()) == 75


def test_cli_train_lists_folder_without_the_lists_is_a_usage_error(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "corpus.jsonl"
    write_corpus(data)
    (tmp_path / "lists").mkdir()
    status, err = _run(["train", "--data", str(data), "--out", str(tmp_path / "m"),
                        "--lists", str(tmp_path / "lists")], capsys)
    assert status == 2 and "investment_scam_domains.csv.gz" in err
    assert not (tmp_path / "m").exists()
