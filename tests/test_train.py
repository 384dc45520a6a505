"""Training end to end on a small corpus written here, and the shipped card vs the corpus."""

from __future__ import annotations

import hashlib
import json
import random
from pathlib import Path

import pytest

from fakeinvest import errors
from fakeinvest.model import MODEL_FILE_NAME, load_model
from fakeinvest.snapshot import Snapshot
from fakeinvest.train import load_corpus, main, train

from .conftest import corpus_or_skip

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
                       "label": label, "group": f"g{g}", "url": None}
                fh.write(json.dumps(rec) + "\n")


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
    digest = hashlib.sha256(pages.read_bytes()).hexdigest()
    card = load_model().card
    assert card["data"]["sha256"] == digest, "corpus changed: retrain with `make train`"
    assert card["data"]["limit"] is None
