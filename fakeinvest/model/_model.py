"""Load the trained model safely and turn a snapshot into a verdict with reasons.

The default model ships inside the package (``fakeinvest.models``, built from the
repository's ``models/`` folder). Model files are joblib pickles, and unpickling can run
code, so :func:`load_model` verifies the SHA-256 recorded in the shipped model card before
loading, and refuses any other file unless the caller passes ``trusted=True``.
"""

from __future__ import annotations

import copy
import dataclasses
import hashlib
import json
import logging
import math
import re
import threading
import warnings
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
import sklearn

from ..errors import BadInputError, ModelError, ModelVersionWarning, UntrustedModelError
from ..features._extract import (
    CONTEXT_FEATURES,
    IMPERSONATION_FEATURES,
    SCHEME_FEATURES,
    FeatureSet,
    extract_features,
)
from ..features.brands import BrandRegistry, registry_with
from ..features.indicators import site_indicators
from ..snapshot import Snapshot
from ..verdict import Reason, Verdict
from ._bundle import load_bundle
from ._evidence_gate import EvidenceGate, bound, split_scores
from ._explain import Explanation, explain_linear_rows, explain_trees, supports
from ._pipeline import (
    classifier_step,
    dense_step,
    features_step,
    snapshot_transformers,
    union_transform,
)

_log = logging.getLogger("fakeinvest.model")

__all__ = ["MODEL_CARD_NAME", "MODEL_FILE_NAME", "Model", "check_sklearn_version", "load_model",
           "shipped_model_paths"]

MODEL_FILE_NAME = "fakeinvest-model.joblib"
MODEL_CARD_NAME = "model_card.json"
TOP_TEXT_TERMS = 5
YOUNG_DOMAIN_DAYS = 180
MIN_CONTRIBUTION = 0.005  # smaller pushes on the log-odds are not worth a reader's time

_lock = threading.Lock()
_default: Model | None = None


def shipped_model_paths() -> tuple[Path, Path]:
    """Paths of the shipped model file and its card.

    Returns
    -------
    (Path, Path)
    """
    base = resources.files("fakeinvest.models")
    return Path(str(base / MODEL_FILE_NAME)), Path(str(base / MODEL_CARD_NAME))


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass
class Model:
    """A trained, calibrated fraud model.

    Attributes
    ----------
    pipeline : sklearn.pipeline.Pipeline
        Snapshots to log-odds (see :mod:`fakeinvest.model._pipeline`).
    calibration : tuple of float
        Platt scaling ``(a, b)``: probability = 1 / (1 + exp(-(a * score + b))).
    threshold : float
        Probability at or above which a site is flagged.
    version : str
        Model identifier reported on verdicts.
    card : dict
        The model card (data hash, library versions, CV metrics).
    gate : EvidenceGate or None
        The evidence gate (:mod:`fakeinvest.model._evidence_gate`): scores are
        ``scheme + impersonation + bound(base + topic, cap)``, so a flag needs evidence of
        the scheme. None scores with the raw pipeline.
    """

    pipeline: Any
    calibration: tuple[float, float]
    threshold: float
    version: str
    card: dict[str, Any]
    gate: EvidenceGate | None = None
    _names: list[str] | None = field(default=None, repr=False)
    _base: np.ndarray | None = field(default=None, repr=False)

    def _feature_names(self) -> list[str]:
        if self._names is None:
            self._names = list(features_step(self.pipeline).get_feature_names_out())
        return self._names

    def _rows(self, snapshots: Sequence[Snapshot],
              features: Sequence[FeatureSet] | None = None) -> Any:
        """The model's input rows (CSR when the text branch is sparse), one per snapshot;
        with ``features`` the engineered columns are read from them, not re-extracted."""
        return union_transform(features_step(self.pipeline), snapshots, features)

    def _baseline(self) -> np.ndarray:
        if self._base is None:
            x = self._rows([Snapshot.from_html("")])
            self._base = np.asarray(x.toarray() if hasattr(x, "toarray") else x,
                                    dtype=float)[0]
        return self._base

    def explain(self, snapshot: Snapshot) -> Explanation:
        """The score of a snapshot split into a base score and per-column contributions.

        Linear models: contributions are measured from an empty page (an absent signal
        contributes exactly 0); boosted trees: decision paths (see
        :mod:`fakeinvest.model._explain`).
        Under the evidence gate the topic columns are scaled so that their sum is capped
        (:mod:`fakeinvest.model._evidence_gate`) and ``impersonation`` holds the fixed
        impersonation term. Either way ``base + contributions.sum() + impersonation`` is
        the model's (gated) score.
        """
        fs = extract_features(snapshot, self.registry, fingerprint=False)
        return self._explanations([snapshot], [fs])[0]

    def _explanations(self, snapshots: Sequence[Snapshot],
                      features: Sequence[FeatureSet]) -> list[Explanation]:
        """Explanations of a batch: one transform of all rows, then each row's
        contributions from its sparse entries, gated."""
        X = self._rows(snapshots, features)
        clf = classifier_step(self.pipeline)
        if hasattr(clf, "coef_"):
            raws = explain_linear_rows(clf, X, self._baseline())
        elif supports(clf):
            dense = np.asarray(X.toarray() if hasattr(X, "toarray") else X, dtype=float)
            raws = [explain_trees(clf, self._dense(row)) for row in dense]
        else:
            raise ModelError(f"cannot explain a {type(clf).__name__}: fakeinvest explains "
                             "linear models and HistGradientBoostingClassifier")
        if self.gate is None:
            return raws
        return [self._gated(r, impersonated(fs)) for r, fs in zip(raws, features, strict=True)]

    def _gated(self, raw: Explanation, impersonating: bool) -> Explanation:
        """Apply the evidence gate to an explanation.

        The gated score of the empty page is ``bound(base, cap)``, which becomes the base;
        the topic columns are scaled by one factor in [0, 1] so that base and topic add up
        to ``bound(base + topic, cap)`` (:func:`fakeinvest.model._evidence_gate.bound`, a smooth
        minimum); scheme columns are untouched.
        """
        gate = self.gate
        assert gate is not None
        k = gate.scheme_columns
        contrib = raw.contributions  # scaled in place: the raw explanation is not kept
        scheme = float(contrib[:k].sum())
        rest = raw.score - scheme
        topic = rest - raw.base
        base = bound(raw.base, gate.cap())
        capped = bound(rest, gate.cap())
        if topic != 0.0:
            contrib[k:] *= (capped - base) / topic
        imp = gate.impersonation_weight if impersonating else 0.0
        return Explanation(scheme + capped + imp, base, contrib, imp)

    def _dense(self, x: np.ndarray) -> np.ndarray:
        dense = dense_step(self.pipeline)
        return np.asarray(dense.transform(x.reshape(1, -1)) if dense is not None else x,
                          dtype=float).ravel()

    def baseline_score(self) -> float:
        """Log-odds of the reference page; a verdict's score = this + its contributions."""
        return self.explain(Snapshot.from_html("")).base

    def decision_function(self, snapshots: list[Snapshot]) -> np.ndarray:
        """Uncalibrated (evidence-gated) log-odds for each snapshot."""
        if self.gate is None:
            return np.asarray(self.pipeline.decision_function(snapshots), dtype=float)
        scheme, rest, imp = self.score_blocks(snapshots)
        return self.gate.apply(scheme, rest, imp)

    def score_blocks(self, snapshots: list[Snapshot]
                     ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The raw score of each snapshot split for the evidence gate.

        Returns
        -------
        scheme, rest : ndarray of float
            The scheme block's contribution and the rest (base + topic) of the raw score.
        impersonated : ndarray of bool
            Whether the site impersonates a registry brand.
        """
        snapshots = list(snapshots)
        features = [extract_features(s, self.registry, fingerprint=False) for s in snapshots]
        X = self._rows(snapshots, features)
        k = self.gate.scheme_columns if self.gate is not None else len(SCHEME_FEATURES)
        scheme, rest = split_scores(classifier_step(self.pipeline), X, self._baseline(), k,
                                    dense=self._dense)
        imp = np.array([impersonated(fs) for fs in features], dtype=bool)
        return scheme, rest, imp

    @property
    def extra_brands(self) -> tuple[str, ...]:
        """CSV texts of the brand-registry files recorded in the model at training time."""
        first = snapshot_transformers(self.pipeline)[0]
        return tuple(getattr(first, "extra_brands", ()))

    @property
    def registry(self) -> BrandRegistry:
        """The brand registry this model scores with: the shipped one plus the files
        recorded at training time (or added with :meth:`with_brands`)."""
        return registry_with(self.extra_brands)

    def with_brands(self, *paths: str | Path) -> Model:
        """A copy of the model that also knows the brands of these registry files.

        Impersonation of those brands then counts as scheme evidence, with the model's
        fixed impersonation weight; nothing is retrained.

        Parameters
        ----------
        *paths : str or Path
            CSV files with the columns of the shipped ``brands.csv``.

        Returns
        -------
        Model
        """
        try:
            texts = tuple(Path(p).read_text(encoding="utf-8") for p in paths)
        except OSError as exc:
            raise BadInputError(f"cannot read the brand registry file: {exc}") from exc
        pipeline = copy.deepcopy(self.pipeline)
        extra = self.extra_brands + texts
        for step in snapshot_transformers(pipeline):
            if hasattr(step, "extra_brands"):
                step.set_params(extra_brands=extra)
        return dataclasses.replace(self, pipeline=pipeline)

    def probability_of(self, scores: np.ndarray) -> np.ndarray:
        """Calibrated probabilities from raw scores."""
        a, b = self.calibration
        return 1.0 / (1.0 + np.exp(-(a * np.asarray(scores, dtype=float) + b)))

    def predict_proba(self, snapshots: list[Snapshot]) -> np.ndarray:
        """Calibrated P(fraud) for each snapshot."""
        return self.probability_of(self.decision_function(snapshots))

    def verdict(self, snapshot: Snapshot, url: str | None = None) -> Verdict:
        """Score one snapshot and explain the score.

        Parameters
        ----------
        snapshot : Snapshot
        url : str, optional
            The URL to report (defaults to the snapshot's URL).

        Returns
        -------
        Verdict
        """
        return self.verdicts([snapshot], [url])[0]

    def verdicts(self, snapshots: Sequence[Snapshot],
                 urls: Sequence[str | None] | None = None) -> list[Verdict]:
        """Score and explain a batch of snapshots at once.

        Each snapshot's features are extracted once; the text vectoriser and the
        classifier see the whole batch; only the reasons a verdict shows are quoted from
        the pages. Every verdict is the one :meth:`verdict` gives for its snapshot alone.

        Parameters
        ----------
        snapshots : sequence of Snapshot
        urls : sequence of str or None, optional
            The URL to report for each snapshot (defaults to the snapshots' URLs).

        Returns
        -------
        list of Verdict
        """
        snapshots = list(snapshots)
        urls = list(urls) if urls is not None else [None] * len(snapshots)
        if len(urls) != len(snapshots):
            raise BadInputError(f"{len(urls)} URLs for {len(snapshots)} snapshots")
        if not snapshots:
            return []
        registry = self.registry
        features = [extract_features(s, registry) for s in snapshots]
        explanations = self._explanations(snapshots, features)
        probs = self.probability_of(np.array([e.score for e in explanations]))
        return [self._verdict(snap, url, fs, e, float(p)) for snap, url, fs, e, p
                in zip(snapshots, urls, features, explanations, probs, strict=True)]

    def _verdict(self, snapshot: Snapshot, url: str | None, fs: FeatureSet,
                 explanation: Explanation, prob: float) -> Verdict:
        reasons = self._reasons(snapshot, fs, explanation.contributions,
                                explanation.impersonation)
        return Verdict(
            url=url or snapshot.url or "",
            probability=prob,
            flagged=prob >= self.threshold,
            reasons=reasons,
            features={k: float(v) for k, v in fs.values.items()},
            model_version=self.version,
            threshold=self.threshold,
            pages=[p.url for p in snapshot.pages if p.url],
            domain=snapshot.domain.to_dict() if snapshot.domain.source != "none" else {},
            kit_fingerprint=(f"{fs.fingerprint:016x}" if fs.fingerprint is not None else None),
            rendered=[p.url for p in snapshot.pages if p.rendered and p.url],
            screenshots={p.url: p.screenshot for p in snapshot.pages
                         if p.url and p.screenshot is not None},
            indicators=[i.to_dict() for i in site_indicators(snapshot, fs)],
            scanned_at=snapshot.fetched_at.isoformat(),
            final_url=snapshot.pages[0].url if snapshot.pages else None,
            address=snapshot.pages[0].address if snapshot.pages else None,
        )

    def _reasons(self, snapshot: Snapshot, fs: FeatureSet, contributions: np.ndarray,
                 impersonation: float = 0.0) -> list[Reason]:
        names = self._feature_names()
        k = self.gate.scheme_columns if self.gate is not None else len(SCHEME_FEATURES)
        scheme_names = {n.removeprefix("engineered__") for n in names[:k]}
        shown_cols = np.flatnonzero(np.abs(contributions) >= MIN_CONTRIBUTION)
        contrib = dict(zip(shown_cols.tolist(), contributions[shown_cols].tolist(),
                           strict=True))
        engineered: list[Reason] = []
        terms: list[tuple[str, float]] = []
        for i, c in contrib.items():
            name = names[i]
            if name.startswith("engineered__"):
                feat = name.removeprefix("engineered__")
                value = fs.values.get(feat, math.nan)
                ev = fs.evidence.get(feat, [])
                quote = (ev[0].context or ev[0].quote) if ev else f"{feat} = {value:g}"
                engineered.append(Reason(feat, c, quote, ev[0].page_url if ev else None, value,
                                         "scheme" if feat in scheme_names else "topic"))
            elif name.startswith("text__"):
                terms.append((name.removeprefix("text__"), c))
        # Only the strongest text terms are shown, so only they are quoted from the pages.
        terms.sort(key=lambda t: -t[1])
        shown = [t for t in terms if t[1] > 0][:TOP_TEXT_TERMS]
        shown += sorted((t for t in terms if t[1] < 0), key=lambda t: t[1])[:TOP_TEXT_TERMS]
        lowered: dict[int, tuple[str, str]] = {}
        text = [Reason(f"text:{term}", c, *_find_term(snapshot, term, lowered), None, "topic")
                for term, c in shown]
        scored = engineered + text + _impersonation_reasons(fs, impersonation)
        top_pos = sorted((r for r in scored if r.contribution > 0), key=lambda r: -r.contribution)
        top_neg = sorted((r for r in scored if r.contribution < 0), key=lambda r: r.contribution)
        context = _context_reasons(fs, scored_impersonation=impersonation > 0)
        return top_pos + context + top_neg


def impersonated(fs: FeatureSet) -> bool:
    """Whether a site impersonates a registry brand (claim, look-alike host or licence)."""
    return any(fs.values.get(f) == 1.0 for f in IMPERSONATION_FEATURES)


def _impersonation_reasons(fs: FeatureSet, weight: float) -> list[Reason]:
    """The scored impersonation term, shown on its first piece of evidence."""
    if weight == 0.0:
        return []
    for feat in IMPERSONATION_FEATURES:
        if fs.values.get(feat) == 1.0:
            ev = fs.evidence.get(feat, [])
            quote = (ev[0].context or ev[0].quote) if ev else feat
            return [Reason(feat, weight, quote, ev[0].page_url if ev else None, 1.0, "scheme")]
    return []


def _context_reasons(fs: FeatureSet, scored_impersonation: bool = False) -> list[Reason]:
    """Facts the model does not weigh but an analyst should see (contribution 0)."""
    out = []
    shown = False
    for feat in (*IMPERSONATION_FEATURES, "parked_page", "free_hosting", "copied_site"):
        if fs.values.get(feat) == 1.0:
            if scored_impersonation and feat in IMPERSONATION_FEATURES and not shown:
                shown = True  # its first quote is the scored reason
                continue
            for ev in fs.evidence.get(feat, [])[:2]:
                out.append(Reason(feat, 0.0, ev.context or ev.quote, ev.page_url, 1.0))
    age = fs.values.get("domain_age_days", math.nan)
    if not math.isnan(age) and age < YOUNG_DOMAIN_DAYS:
        ev = fs.evidence.get("domain_age_days", [])
        out.append(Reason("domain_age_days", 0.0, ev[0].quote if ev else f"{age:.0f} days",
                          ev[0].page_url if ev else None, age))
    for feat in ("licence_claim", "risk_warning"):
        for ev in fs.evidence.get(feat, [])[:1]:
            out.append(Reason(feat, 0.0, ev.quote, ev.page_url, fs.values.get(feat)))
    for feat in ("url_risky_tld", "url_punycode", "url_ip_host"):
        if fs.values.get(feat) == 1.0 and feat in CONTEXT_FEATURES:
            ev = fs.evidence.get(feat, [])
            out.append(Reason(feat, 0.0, ev[0].quote if ev else feat,
                              ev[0].page_url if ev else None, 1.0))
    return out


@lru_cache(maxsize=8192)
def _term_patterns(term: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A term's pattern for lower-cased text (starting with its first word, which lets
    ``re`` scan for that literal fast; the word boundary before it is checked apart) and
    a case-insensitive one with the boundary, for texts that lower-casing would shift."""
    words = [re.escape(w) for w in term.split()]
    body = r"\W{1,5}".join(words) + r"(?!\w)"
    return re.compile(body), re.compile(r"(?<!\w)" + body, re.IGNORECASE)


_WORD_CHAR = re.compile(r"\w")


def _search_term(rx: re.Pattern[str], text: str) -> re.Match[str] | None:
    """The first match of ``rx`` that starts a word."""
    pos = 0
    while (m := rx.search(text, pos)) is not None:
        if m.start() == 0 or not _WORD_CHAR.match(text, m.start() - 1):
            return m
        pos = m.start() + 1
    return None


def _find_term(snapshot: Snapshot, term: str,
               lowered: dict[int, tuple[str, str]] | None = None) -> tuple[str, str | None]:
    """Quote the first occurrence of a TF-IDF term in the site's pages.

    The vectoriser lower-cases the text, so the term is looked for in the lower-cased
    title and text (``lowered`` caches them per page across the terms of one verdict).
    Where lower-casing changes a text's length (a few non-ASCII letters), its offsets
    would not map back, and that text is searched case-insensitively instead.
    """
    rx_low, rx_any = _term_patterns(term)
    lowered = {} if lowered is None else lowered
    for i, page in enumerate(snapshot.pages):
        title, text = page.content.title, page.content.text
        low = lowered.get(i)
        if low is None:
            low = lowered[i] = (title.lower(), text.lower())
        for original, lower in zip((title, text), low, strict=True):
            m = (_search_term(rx_low, lower) if len(lower) == len(original)
                 else rx_any.search(original))
            if m:
                s, e = max(0, m.start() - 60), min(len(original), m.end() + 60)
                prefix = "…" if s > 0 else ""
                suffix = "…" if e < len(original) else ""
                return prefix + original[s:e].strip() + suffix, page.url
    return term, None


def _read_card(card_path: Path) -> dict[str, Any]:
    try:
        return json.loads(card_path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise ModelError(
            f"model card {card_path} is missing; reinstall fakeinvest or train a model with "
            "`fakeinvest train`") from exc
    except (OSError, ValueError) as exc:
        raise ModelError(f"model card {card_path} is unreadable: {exc}") from exc


def _major_minor(version: str) -> tuple[int, int] | None:
    m = re.match(r"\s*(\d+)\.(\d+)", version)
    return (int(m.group(1)), int(m.group(2))) if m else None


def check_sklearn_version(trained_with: str, installed: str,
                          model_path: str | Path = "the model") -> None:
    """Refuse or warn when a model was written by another scikit-learn version.

    Parameters
    ----------
    trained_with : str
        scikit-learn version recorded in the model card.
    installed : str
        The running scikit-learn version.
    model_path : str or Path
        Named in the messages.

    Warns
    -----
    fakeinvest.errors.ModelVersionWarning
        Same major version, another minor version: scores may differ slightly.

    Raises
    ------
    fakeinvest.errors.ModelError
        Another major version: the pickled estimators cannot be trusted to load or behave.
    """
    old, new = _major_minor(trained_with), _major_minor(installed)
    if old is None or new is None or old == new:
        return
    fix = (f"retrain it with `fakeinvest train` under scikit-learn {installed}, or install "
           f"scikit-learn=={trained_with}")
    if old[0] != new[0]:
        raise ModelError(
            f"{model_path} was trained with scikit-learn {trained_with} but {installed} is "
            f"installed; a model cannot be used across major versions: {fix}")
    warnings.warn(
        f"{model_path} was trained with scikit-learn {trained_with}, running {installed}; "
        f"scores may differ slightly - {fix}",
        ModelVersionWarning, stacklevel=4)


def load_model(path: str | Path | None = None, *, trusted: bool = False,
               brands: Sequence[str | Path] = ()) -> Model:
    """Load a model; the shipped default when ``path`` is None (cached after first use).

    Parameters
    ----------
    path : str or Path, optional
        A model file written by ``fakeinvest train``. Its ``model_card.json``
        must sit beside it.
    trusted : bool
        Required for any file other than the verified shipped model: loading a pickle can
        run arbitrary code, so only trust files you produced yourself.
    brands : sequence of str or Path
        Brand-registry CSV files to score with besides those recorded in the model
        (see :meth:`Model.with_brands`).

    Returns
    -------
    Model

    Raises
    ------
    fakeinvest.errors.UntrustedModelError
        ``path`` is not the shipped model and ``trusted`` is False.
    fakeinvest.errors.ModelError
        The file is missing, corrupt, does not match its recorded SHA-256, or was trained
        with another major version of scikit-learn.

    Warns
    -----
    fakeinvest.errors.ModelVersionWarning
        The model was trained with another minor version of scikit-learn.
    """
    if brands:
        return load_model(path, trusted=trusted).with_brands(*brands)
    global _default
    if path is None:
        with _lock:
            if _default is None:
                model_path, card_path = shipped_model_paths()
                _default = _load(model_path, card_path, verify=True)
            return _default
    model_path = Path(path)
    card_path = model_path.with_name(MODEL_CARD_NAME)
    try:
        data = model_path.read_bytes()
    except OSError as exc:
        raise ModelError(f"cannot read model file {model_path}: {exc}") from exc
    if not trusted:
        _shipped_model, shipped_card = shipped_model_paths()
        expected = _read_card(shipped_card).get("sha256")
        if _sha256(data) != expected:
            raise UntrustedModelError(
                f"refusing to load {model_path}: it is not the shipped model and loading a "
                "model file can execute code. If you trained it yourself, call "
                "load_model(path, trusted=True).")
    return _load(model_path, card_path, verify=not trusted, data=data)


def _load(model_path: Path, card_path: Path, verify: bool, data: bytes | None = None) -> Model:
    card = _read_card(card_path)
    if data is None:
        try:
            data = model_path.read_bytes()
        except OSError as exc:
            raise ModelError(
                f"model file {model_path} is missing ({exc}); reinstall fakeinvest or train "
                "one with `fakeinvest train`") from exc
    digest = _sha256(data)
    if verify and digest != card.get("sha256"):
        raise ModelError(
            f"{model_path} does not match the SHA-256 in {card_path.name} "
            f"({digest[:12]}… != {str(card.get('sha256'))[:12]}…); the file was modified or "
            "corrupted - reinstall fakeinvest")

    trained_with = (card.get("versions") or {}).get("scikit-learn")
    if trained_with:
        check_sklearn_version(str(trained_with), sklearn.__version__, model_path)
    try:
        bundle = load_bundle(data)
    except Exception as exc:
        raise ModelError(f"cannot load {model_path}: {type(exc).__name__}: {exc}") from exc
    _log.info("loaded model %s from %s", bundle.get("version"), model_path)
    try:
        return Model(
            pipeline=bundle["pipeline"],
            calibration=tuple(bundle["calibration"]),  # type: ignore[arg-type]
            threshold=float(bundle["threshold"]),
            version=str(bundle["version"]),
            card=card,
            gate=EvidenceGate(**bundle["gate"]) if bundle.get("gate") else None,
        )
    except (KeyError, TypeError) as exc:
        raise ModelError(f"{model_path} is not a fakeinvest model bundle") from exc
