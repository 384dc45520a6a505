"""Generalisation and artefact checks of a trained model (fakeinvest.training._checks)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from fakeinvest.model._pipeline import build_pipeline
from fakeinvest.snapshot import Page, Snapshot
from fakeinvest.training import load_corpus, train
from fakeinvest.training._card import render_model_card
from fakeinvest.training._checks import (
    ADDED_TITLE,
    ARTEFACT_VARIANTS,
    leave_one_family_out,
    robustness_checks,
    score_distribution,
    top_features,
)

from .test_train import write_corpus


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory):
    path = tmp_path_factory.mktemp("corpus") / "corpus.jsonl"
    write_corpus(path, n_groups=16, per_group=5)
    snaps, y, groups, meta = load_corpus(path)
    # Give the corpus the artefacts the checks vary: URLs, titles, full documents.
    out_snaps, out_meta = [], []
    for i, (s, m) in enumerate(zip(snaps, meta, strict=True)):
        html = s.pages[0].html
        url = f"https://site{i}.example/" if i % 3 == 0 else None
        wrapped = i % 2 == 0
        if not wrapped:
            body = html.removeprefix("<html><body>").removesuffix("</body></html>")
            html = f"<html><head><title>Page {i}</title></head><body>{body}</body></html>"
        out_snaps.append(Snapshot(url=url, pages=(Page(url=url, html=html),)))
        out_meta.append({**m, "url": url, "wrapped_fragment": wrapped})
    return out_snaps, y, groups, out_meta


def test_variants_change_only_their_artefact(corpus) -> None:
    snaps, _y, _g, meta = corpus
    with_url = next(i for i, s in enumerate(snaps) if s.url)
    titled = next(i for i, m in enumerate(meta) if not m["wrapped_fragment"])
    fragment = next(i for i, m in enumerate(meta) if m["wrapped_fragment"])
    make = {k: fn for k, (_d, fn) in ARTEFACT_VARIANTS.items()}

    v = make["url_removed"](snaps[with_url], meta[with_url])
    assert v is not None and v.url is None and v.pages[0].html == snaps[with_url].pages[0].html
    v = make["title_removed"](snaps[titled], meta[titled])
    assert v is not None and "<title>" not in v.pages[0].html
    assert v.pages[0].content.text == snaps[titled].pages[0].content.text
    assert make["title_removed"](snaps[fragment], meta[fragment]) is None
    v = make["title_added"](snaps[fragment], meta[fragment])
    assert v is not None and v.pages[0].content.title == ADDED_TITLE
    v = make["fragment_to_document"](snaps[fragment], meta[fragment])
    assert v is not None and v.pages[0].html.startswith("<!DOCTYPE html>")
    assert v.pages[0].content.text == snaps[fragment].pages[0].content.text
    assert make["fragment_to_document"](snaps[titled], meta[titled]) is None
    v = make["document_to_body"](snaps[titled], meta[titled])
    assert v is not None and v.pages[0].html.startswith("<body>")
    assert v.pages[0].content.title == ""
    assert v.pages[0].content.text == snaps[titled].pages[0].content.text


def test_robustness_checks_measure_score_changes(corpus) -> None:
    snaps, y, _g, meta = corpus
    pipe = build_pipeline(min_df=1).fit(snaps, y)
    scores = pipe.decision_function(snaps)
    threshold = 0.5
    out = robustness_checks(pipe.decision_function, (1.0, 0.0), threshold, snaps, y, meta,
                            per_variant=10)
    assert set(out) == set(ARTEFACT_VARIANTS)
    for name, r in out.items():
        assert 0 < r["pages"] <= 10, name
        assert r["flips"] == r["flips_to_flagged"] + r["flips_to_unflagged"]
        assert 0 <= r["max_abs_probability_change"] <= 1
    # The URL is no model input: removing it cannot move any score.
    assert out["url_removed"]["mean_abs_score_change"] == 0.0
    assert out["url_removed"]["flips"] == 0
    # Titles are read by the text model, so adding one does move scores.
    assert out["title_added"]["mean_abs_score_change"] > 0
    # A model that reads only a title flips on exactly the pages whose verdict it changes.
    def title_only(batch: list[Snapshot]) -> np.ndarray:
        return np.array([5.0 if s.pages[0].content.title else -5.0 for s in batch])

    flips = robustness_checks(title_only, (1.0, 0.0), threshold, snaps, y, meta,
                              per_variant=10)
    assert flips["title_added"]["flips"] == flips["title_added"]["pages"]
    assert flips["title_added"]["flips_to_flagged"] == flips["title_added"]["pages"]
    assert flips["url_removed"]["flips"] == 0
    assert np.isfinite(scores).all()


def test_leave_one_family_out_holds_out_whole_families(corpus) -> None:
    snaps, y, groups, meta = corpus
    families = [m["family"] for m in meta]
    seen: list[int] = []

    class Recording:
        """A pipeline that records its training set size and scores by a keyword."""

        def fit(self, X: list[Snapshot], yy: np.ndarray) -> Recording:
            seen.append(len(X))
            return self

        def decision_function(self, X: list[Snapshot]) -> np.ndarray:
            return np.array([float("daily" in s.pages[0].html or "ngày" in s.pages[0].html)
                             for s in X])

    n_kit = {f: sum(1 for i, fam in enumerate(families) if fam == f and y[i] == 1)
             for f in ("kit-a", "kit-b")}
    out = leave_one_family_out(Recording, snaps, y, groups, families, min_pages=1)
    assert set(out) == {"kit-a", "kit-b"}
    for fam, r in out.items():
        assert r["scam_pages"] == n_kit[fam]
        assert r["legit_pages"] > 0 and 0 <= r["recall_at_fpr"] <= 1
    # Each fit left out a family's fraud pages and a fold of legitimate pages.
    assert all(n < len(snaps) - min(n_kit.values()) for n in seen) and len(seen) == 2
    # A family below min_pages is not evaluated.
    assert leave_one_family_out(Recording, snaps, y, groups, families, min_pages=999) == {}


def test_score_distribution_and_top_features(corpus) -> None:
    d = score_distribution(np.array([0.0, 0.1, 0.2, 0.9]), 0.5)
    assert d["pages"] == 4 and d["max"] == 0.9 and d["flagged"] == 1
    assert d["flagged_share"] == 0.25 and d["median"] == pytest.approx(0.15)
    assert score_distribution(np.array([]), 0.5) == {"pages": 0}
    snaps, y, _g, _m = corpus
    pipe = build_pipeline(min_df=1).fit(snaps, y)
    top = top_features(pipe, n=5)
    assert 0 < len(top["toward_fraud"]) <= 5 and 0 < len(top["toward_legitimate"]) <= 5
    assert all(w > 0 for _n, w in top["toward_fraud"])
    assert all(w < 0 for _n, w in top["toward_legitimate"])
    names = [n for n, _w in top["toward_fraud"]]
    assert all(n.startswith(("engineered__", "text__")) for n in names)


def test_training_records_the_checks_in_metrics_and_card(tmp_path: Path) -> None:
    import json

    data = tmp_path / "corpus.jsonl"
    write_corpus(data, n_groups=16, per_group=5)
    card = train(data, tmp_path / "out", folds=3, log=lambda *_: None)
    metrics = json.loads((tmp_path / "out" / "metrics.json").read_text(encoding="utf-8"))
    for key in ("robustness", "top_features", "finance_legit_scores"):
        assert key in metrics, key
    md = (tmp_path / "out" / "MODEL_CARD.md").read_text(encoding="utf-8")
    assert "## Robustness to capture artefacts" in md and "## Strongest weights" in md
    assert "## Leave-one-family-out" in md
    # Without the checks, the card says they were not run rather than showing nothing.
    bare = render_model_card(card, {k: v for k, v in metrics.items()
                                     if k not in ("robustness", "leave_one_family_out")})
    assert "Robustness checks: not run for this model" in bare
    assert "Leave-one-family-out: not run for this model" in bare
