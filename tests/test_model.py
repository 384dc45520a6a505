"""Model loading is safe; explanations add up; the card carries the CV figures."""

from __future__ import annotations

import json
import math
import pickle
import shutil
import warnings
from pathlib import Path

import numpy as np
import pytest

from fakeinvest import errors
from fakeinvest.model._model import (
    MODEL_CARD_NAME,
    MODEL_FILE_NAME,
    check_sklearn_version,
    load_model,
    shipped_model_paths,
)
from fakeinvest.snapshot import Snapshot

from .conftest import corpus_or_skip


class _Evil:
    def __reduce__(self):
        return (Path.touch, (Path("/tmp/fakeinvest-pwned"),))


def test_shipped_model_loads_and_is_cached() -> None:
    m = load_model()
    assert m is load_model()
    assert 0.0 < m.threshold < 1.0
    assert m.version.startswith("fakeinvest-")


def test_card_reports_grouped_cv() -> None:
    card = load_model().card
    assert "StratifiedGroupKFold" in card["cv"]["scheme"]
    for key in ("roc_auc", "recall_at_1pct_fpr"):
        assert 0.0 <= card["cv"][key] <= 1.0
    assert len(card["data"]["sha256"]) == 64
    assert card["versions"]["scikit-learn"]


def test_foreign_model_file_is_refused_without_trust(tmp_path: Path) -> None:
    evil = tmp_path / MODEL_FILE_NAME
    evil.write_bytes(pickle.dumps(_Evil()))
    shutil.copy(shipped_model_paths()[1], tmp_path / MODEL_CARD_NAME)
    with pytest.raises(errors.UntrustedModelError, match="trusted=True"):
        load_model(evil)
    assert not Path("/tmp/fakeinvest-pwned").exists()


def test_tampered_file_fails_the_hash_check(tmp_path: Path) -> None:
    model_path, card_path = shipped_model_paths()
    copy = tmp_path / MODEL_FILE_NAME
    data = bytearray(model_path.read_bytes())
    data[-10] ^= 0xFF
    copy.write_bytes(bytes(data))
    shutil.copy(card_path, tmp_path / MODEL_CARD_NAME)
    with pytest.raises(errors.UntrustedModelError):
        load_model(copy)


def test_a_copy_of_the_shipped_model_is_accepted(tmp_path: Path) -> None:
    model_path, card_path = shipped_model_paths()
    shutil.copy(model_path, tmp_path / MODEL_FILE_NAME)
    shutil.copy(card_path, tmp_path / MODEL_CARD_NAME)
    assert load_model(tmp_path / MODEL_FILE_NAME).version == load_model().version


def test_trusted_file_without_card_is_a_model_error(tmp_path: Path) -> None:
    shutil.copy(shipped_model_paths()[0], tmp_path / MODEL_FILE_NAME)
    with pytest.raises(errors.ModelError, match="model card"):
        load_model(tmp_path / MODEL_FILE_NAME, trusted=True)


def test_contributions_sum_to_the_score() -> None:
    m = load_model()
    html = ("<html><body><p>Earn 3% daily for 40 days. Referral bonus 5% for 1st level. "
            "Withdrawal fee 10%. Deposit BTC only.</p></body></html>")
    snap = Snapshot.from_html(html)
    v = m.verdict(snap)
    score = float(m.decision_function([snap])[0])
    # All contributions (not only the top ones) add up with the baseline to the score.
    # Under the evidence gate the topic block is scaled to its cap: still an exact sum.
    explanation = m.explain(snap)
    assert explanation.base + explanation.contributions.sum() + explanation.impersonation \
        == pytest.approx(score, abs=1e-6)
    assert explanation.score == pytest.approx(score, abs=1e-9)
    assert explanation.base + explanation.contributions.sum() == pytest.approx(score, abs=1e-6)
    assert v.probability == pytest.approx(float(m.probability_of(np.array([score]))[0]))
    assert v.flagged == (v.probability >= m.threshold)
    shown = [r for r in v.reasons if r.contribution != 0]
    assert all(not math.isnan(r.contribution) for r in shown)
    assert shown == sorted([r for r in shown if r.contribution > 0],
                           key=lambda r: -r.contribution) + sorted(
        [r for r in shown if r.contribution < 0], key=lambda r: r.contribution)


# --- library versions ---------------------------------------------------------------------


def test_card_records_library_versions() -> None:
    versions = load_model().card["versions"]
    for lib in ("python", "scikit-learn", "numpy", "joblib"):
        assert versions[lib], lib


def test_sklearn_version_check() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        check_sklearn_version("1.9.1", "1.9.1")
        check_sklearn_version("1.9.1", "1.9.3")  # patch releases keep pickles compatible
        check_sklearn_version("unknown", "1.9.1")
    with pytest.warns(errors.ModelVersionWarning, match=r"1\.8\.2.*1\.9\.1.*fakeinvest train"):
        check_sklearn_version("1.8.2", "1.9.1")
    with pytest.raises(errors.ModelError, match=r"major versions.*fakeinvest train"):
        check_sklearn_version("0.24.2", "1.9.1")


def _with_card_version(tmp_path: Path, version: str, model_bytes: bytes | None = None) -> Path:
    model_path, card_path = shipped_model_paths()
    card = json.loads(card_path.read_text(encoding="utf-8"))
    card["versions"]["scikit-learn"] = version
    (tmp_path / MODEL_CARD_NAME).write_text(json.dumps(card), encoding="utf-8")
    target = tmp_path / MODEL_FILE_NAME
    target.write_bytes(model_bytes if model_bytes is not None else model_path.read_bytes())
    return target


def test_other_minor_version_warns_and_loads(tmp_path: Path) -> None:
    import sklearn

    major, minor = sklearn.__version__.split(".")[:2]
    path = _with_card_version(tmp_path, f"{major}.{int(minor) + 1}.0")
    with pytest.warns(errors.ModelVersionWarning, match="scores may differ"):
        model = load_model(path, trusted=True)
    assert model.version == load_model().version


def test_other_major_version_is_refused_before_unpickling(tmp_path: Path) -> None:
    import sklearn

    major = int(sklearn.__version__.split(".")[0])
    path = _with_card_version(tmp_path, f"{major + 1}.0.0", pickle.dumps(_Evil()))
    with pytest.raises(errors.ModelError, match="retrain it with `fakeinvest train`"):
        load_model(path, trusted=True)
    assert not Path("/tmp/fakeinvest-pwned").exists()


def test_verdicts_and_batch_scores_agree_under_the_gate() -> None:
    """A verdict's probability is the gated score's, whatever side of the cap it falls."""
    m = load_model()
    pages = sorted((Path(__file__).parent / "pages").glob("*/*.html"))
    snaps = [Snapshot.from_html(p.read_text(encoding="utf-8")) for p in pages]
    snaps.append(Snapshot.from_html(""))
    probs = m.predict_proba(snaps)
    for snap, p in zip(snaps, probs, strict=True):
        v = m.verdict(snap)
        assert v.probability == pytest.approx(p, abs=1e-9)
        e = m.explain(snap)
        assert e.base + e.contributions.sum() + e.impersonation == pytest.approx(e.score,
                                                                                abs=1e-9)
        if m.gate is not None and e.contributions[:m.gate.scheme_columns].sum() == 0 \
                and e.impersonation == 0:
            assert not v.flagged


def _fixture_snapshots() -> list[Snapshot]:
    from fakeinvest.demo import demo_site_dirs
    from fakeinvest.snapshot import Page

    files = sorted((Path(__file__).parent / "pages").glob("*/*.html"))
    files += [f for d in demo_site_dirs().values() for f in sorted(d.glob("*.html"))]
    snaps = [Snapshot(url=f"https://site-{i}.example/", pages=(Page(None, p.read_text()),))
             for i, p in enumerate(files)]
    # multi-page sites, a URL-less page and the empty page
    snaps += [Snapshot(url=f"https://{name}/", pages=tuple(
        Page(f"https://{name}/{f.name}", f.read_text()) for f in sorted(d.glob("*.html"))))
        for name, d in demo_site_dirs().items()]
    return [*snaps, Snapshot.from_html(""), Snapshot.from_html("<p>24% daily</p>", url=None)]


def _same_verdicts(a: list, b: list) -> None:
    assert len(a) == len(b)
    for x, y in zip(a, b, strict=True):
        assert x.probability == pytest.approx(y.probability, abs=1e-12), x.url
        assert x.reasons == y.reasons, x.url
        assert (x.flagged, x.features.keys(), x.kit_fingerprint) == \
            (y.flagged, y.features.keys(), y.kit_fingerprint)


def test_model_rows_are_the_pipeline_transform_exactly() -> None:
    """Rows built from the verdicts' own features (one featurisation) are the matrix the
    scikit-learn feature union computes, entry for entry, in any batch."""
    from fakeinvest.features._extract import extract_features
    from fakeinvest.model._pipeline import features_step

    model = load_model()
    union = features_step(model.pipeline)
    snaps = _fixture_snapshots()
    features = [extract_features(s, model.registry) for s in snaps]
    fast = model._rows(snaps, features)
    slow = union.transform(snaps)
    assert fast.shape == slow.shape
    assert abs(fast - slow).max() == 0
    one = model._rows(snaps[3:4], features[3:4])
    assert abs(one - slow[3]).max() == 0


def test_batched_verdicts_are_the_single_verdicts() -> None:
    """A batch scores every snapshot as if alone (any batch size, any neighbours), and
    the scores are the scikit-learn pipeline's own decision values under the gate."""
    model = load_model()
    snaps = _fixture_snapshots()
    singles = [model.verdict(s) for s in snaps]
    rng = np.random.default_rng(0)
    order = rng.permutation(len(snaps))
    for size in (1, 7, len(snaps)):
        batched: dict[int, object] = {}
        for start in range(0, len(order), size):
            idx = order[start:start + size]
            for i, v in zip(idx, model.verdicts([snaps[i] for i in idx]), strict=True):
                batched[int(i)] = v
        _same_verdicts(singles, [batched[i] for i in range(len(snaps))])
    scores = model.decision_function(snaps)
    probs = model.probability_of(scores)
    assert np.allclose(probs, [v.probability for v in singles], atol=1e-12, rtol=0)
    assert model.verdicts([]) == []
    with pytest.raises(errors.BadInputError):
        model.verdicts(snaps[:2], urls=["https://a.example/"])


def test_batched_corpus_verdicts_are_the_single_verdicts() -> None:
    """A few hundred corpus pages, one at a time and in batches: the same verdicts."""
    import gzip

    from fakeinvest.snapshot import Page

    path = corpus_or_skip()
    pages = []
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if i % 17 == 0:
                rec = json.loads(line)
                pages.append((rec["html"], rec.get("url")))
            if len(pages) >= 300:
                break
    model = load_model()

    def snap(html: str, url: str | None) -> Snapshot:  # fresh pages: no shared caches
        return Snapshot(url=url, pages=(Page(url, html),))

    singles = [model.verdict(snap(h, u)) for h, u in pages]
    batched = []
    for start in range(0, len(pages), 64):
        batched += model.verdicts([snap(h, u) for h, u in pages[start:start + 64]])
    _same_verdicts(singles, batched)


def test_model_file_round_trips_with_its_vocabulary() -> None:
    """The model file stores the text vocabulary as an array and rebuilds it on load:
    the same vocabulary, the same matrix, the same scores, and the caller's pipeline is
    left as it was."""
    import io

    import joblib

    from fakeinvest.model._bundle import dump_bundle, load_bundle
    from fakeinvest.model._model import Model
    from fakeinvest.model._pipeline import features_step

    model = load_model()
    vocab = features_step(model.pipeline).transformer_list[1][1].steps[1][1].vocabulary_
    bundle = {"pipeline": model.pipeline, "calibration": model.calibration,
              "threshold": model.threshold, "version": model.version}
    data = dump_bundle(bundle)
    assert features_step(model.pipeline).transformer_list[1][1].steps[1][1].vocabulary_ \
        is vocab
    raw = joblib.load(io.BytesIO(data))
    assert raw["vocabularies"][0].shape == (len(vocab),)  # one array, not a dict
    back = load_bundle(data)
    assert "vocabularies" not in back
    again = features_step(back["pipeline"]).transformer_list[1][1].steps[1][1].vocabulary_
    assert again == {k: int(v) for k, v in vocab.items()}
    copy = Model(pipeline=back["pipeline"], calibration=model.calibration,
                 threshold=model.threshold, version=model.version, card={}, gate=model.gate)
    snaps = _fixture_snapshots()
    assert np.array_equal(copy.decision_function(snaps), model.decision_function(snaps))
    # an older file (a plain joblib bundle) still loads
    buf = io.BytesIO()
    joblib.dump(bundle, buf)
    assert load_bundle(buf.getvalue())["version"] == model.version


@pytest.mark.parametrize(("text", "term", "quote"), [
    ("Our PAYMENT Method: crypto only", "payment method", "Our PAYMENT Method: crypto only"),
    ("repayment method first" + " and so on" * 12 + ", then Payment - method", "payment method",
     "then Payment - method"),
    ("subscribe to paymentmethods", "payment method", None),  # not at a word's start/end
    ("İstanbul office. Daily Profit for all", "daily profit",  # lower() shifts offsets
     "İstanbul office. Daily Profit for all"),
])
def test_text_terms_are_quoted_where_they_stand(text: str, term: str,
                                                quote: str | None) -> None:
    from fakeinvest.model._model import _find_term

    snap = Snapshot.from_html(f"<html><body><p>{text}</p></body></html>",
                              url="https://a.example/")
    found, page = _find_term(snap, term)
    if quote is None:
        assert (found, page) == (term, None)
    else:
        assert quote in found and page == "https://a.example/"
        start = found.lower().find(term.split()[0])
        assert start >= 0


def test_fast_term_counts_are_scikit_learns() -> None:
    """The C-level term counting gives scikit-learn's count matrix entry for entry, on
    text built from the vocabulary itself, stop words, odd Unicode and punctuation."""
    import random

    from sklearn.feature_extraction.text import CountVectorizer

    from fakeinvest.model._pipeline import features_step, tfidf_counts

    vec = features_step(load_model().pipeline).transformer_list[1][1].steps[1][1]
    rng = random.Random(0)
    words = [w for term in rng.sample(sorted(vec.vocabulary_), 3000) for w in term.split()]
    words += ["the", "and", "trading", "İstanbul", "ß", "ﬁnance", "x", "_", "2%", "ÀÉ", "日息1%",
              "lãi", "suất", "\u0301", "don't", "a-b", "USDT", "TRC20"]
    docs = ["", "  ", "ATFX ATFX atfx"]
    for n in (5, 50, 500, 5000):
        docs.append("".join(rng.choice(words) + rng.choice([" ", ", ", ". ", "\n", "-", "/"])
                            for _ in range(n)))
    fast = tfidf_counts(vec, docs)
    slow = CountVectorizer.transform(vec, docs)
    assert fast.shape == slow.shape and fast.nnz == slow.nnz > 0
    assert abs(fast - slow).max() == 0
    assert (fast.indices == slow.indices).all() and (fast.indptr == slow.indptr).all()
    assert abs(vec._tfidf.transform(fast) - vec.transform(docs)).max() == 0
    other = CountVectorizer(analyzer="char").fit(["abc"])
    assert tfidf_counts(other, ["abc"]) is None  # another configuration: not handled
