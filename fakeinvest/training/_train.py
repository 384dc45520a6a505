"""Train, evaluate (grouped CV), calibrate, gate and save the model.

Usage::

    fakeinvest train --data ../shared/data/pages.jsonl.gz --out models/
    python -m fakeinvest.training --data ../shared/data/pages.jsonl.gz --out models/  # same

Input format: gzip-compressed (or plain) JSON lines, one page per line, with at least
``html`` (str), ``label`` (1 = fraudulent platform, 0 = legitimate) and ``group`` (pages of
one site or template kit share a group, so they never sit on both sides of a CV split);
``url`` (str or null) is optional; ``family`` and ``lang`` (str) add per-family and
per-language rates to the metrics, ``finance_related`` (bool) the false-positive rate on
finance-related legitimate pages.

Steps: grouped, stratified 5-fold cross-validation gives out-of-fold scores; Platt scaling
fitted on them calibrates probabilities; the decision threshold is the lowest probability
whose out-of-fold false-positive rate stays within ``--target-fpr``; the metrics are
checked against the quality gate (``--gate``, default: the shipped ``gate.json``); the
pipeline is then refitted on all pages. Writes ``fakeinvest-model.joblib``,
``model_card.json``, ``metrics.json``, ``MODEL_CARD.md`` and ``gate.json`` (the limits a
later retrain must meet), all or none.

Exit status: 0 written; 2 usage error (no corpus, unreadable gate file); 3 the new model
failed the quality gate and nothing was written (``--allow-regression`` writes it anyway).
"""

from __future__ import annotations

import csv
import functools
import gzip
import hashlib
import json
import math
import os
import platform
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import Any

import joblib
import numpy as np
import sklearn
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, roc_auc_score
from threadpoolctl import threadpool_limits

from .._files import file_sha256
from .._version import __version__
from ..errors import BadInputError, QualityGateError
from ..features._extract import SCHEME_FEATURES
from ..features.brands import default_registry
from ..model._bundle import dump_bundle
from ..model._evidence_gate import EvidenceGate, choose_threshold_score
from ..model._model import MODEL_CARD_NAME, MODEL_FILE_NAME, Model
from ..model._pipeline import CANDIDATES, build_pipeline, features_step
from ..snapshot import Snapshot
from . import _checks as model_checks
from ._card import METRICS_FILE_NAME, MODEL_CARD_MD_NAME, render_model_card
from ._corpus import load_corpus
from ._crossval import OutOfFold, cross_validate
from ._metrics import evaluate_oof, recall_at_fpr
from ._quality_gate import GATE_FILE_NAME, GateResult, check_gate, load_gate, make_gate

__all__ = [
    "cross_validated_probabilities",
    "shipped_gate_path",
    "train",
]

def _platt(scores: np.ndarray, y: np.ndarray) -> tuple[float, float]:

    lr = LogisticRegression(C=1e6, solver="lbfgs", max_iter=1000)
    lr.fit(scores.reshape(-1, 1), y)
    return float(lr.coef_[0, 0]), float(lr.intercept_[0])


def _make_reproducible(pipe: Any) -> None:
    """Drop fitted state that differs between identical runs, so model files are byte-equal.

    scikit-learn's vectorisers remember ``id()`` of their stop-word list (a memory address)
    only to skip a consistency check; without it the check simply runs again.
    """
    for _name, step in features_step(pipe).transformer_list:
        for _sub, est in getattr(step, "steps", []):
            if hasattr(est, "_stop_words_id"):
                del est._stop_words_id


def shipped_gate_path() -> Path:
    """Path of the quality gate shipped beside the default model (may not exist)."""

    return Path(str(resources.files("fakeinvest.models") / GATE_FILE_NAME))


def _stderr(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def _gate_failure_message(result: GateResult, source: str, out: Path) -> str:
    lines = [f"quality gate {source} failed: the model was NOT written to {out}"]
    lines += [f"  {c.describe()}" for c in result.failures]
    lines += [f"  note: {n}" for n in result.notes]
    lines.append("re-run with --allow-regression to write it anyway")
    return "\n".join(lines)


def _write_all(files: Mapping[str, bytes], out: Path) -> None:
    """Write files into ``out`` all or none: staged in a temporary folder, then moved."""
    out.mkdir(parents=True, exist_ok=True)
    stage = Path(tempfile.mkdtemp(prefix=f".{out.name}-", dir=out.parent))
    try:
        for name, data in files.items():
            (stage / name).write_bytes(data)
        for name in files:
            os.replace(stage / name, out / name)
    finally:
        shutil.rmtree(stage, ignore_errors=True)


def _one_blas_thread(fn: Callable[..., Any]) -> Callable[..., Any]:
    """Run ``fn`` with one BLAS thread.

    The solvers' dot products (liblinear's trust-region Newton, lbfgs) then add up in one
    order on every machine, so a model file does not depend on the number of cores.
    """
    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:

        with threadpool_limits(limits=1, user_api="blas"):
            return fn(*args, **kwargs)

    return wrapper


#: Margins (log-odds the scheme evidence must carry at least) compared by grouped CV.
MARGINS = (0.25, 0.5, 1.0, 2.0)
#: Log-likelihood ratio of brand impersonation used when no domain lists are given:
#: log(10.11), a registry brand's name (or a typosquat of it) in the host name of 324 of
#: 6,567 investment-scam domains against 570 of 116,678 legitimate ones
#: (``fakeinvest train --lists``, 2026-12).
DEFAULT_IMPERSONATION_WEIGHT = 2.3135


@dataclass
class GatedScores:
    """Out-of-fold results of one pipeline under its chosen evidence gate."""

    oof: OutOfFold
    gate: EvidenceGate
    calibration: tuple[float, float]
    prob: np.ndarray
    site_prob: np.ndarray
    threshold: float
    margins: dict[str, Any]


def _site_rates(oof: OutOfFold, flagged: np.ndarray) -> dict[str, Any]:
    pos, neg = oof.site_y == 1, oof.site_y == 0
    fin = neg & oof.site_finance
    return {
        "site_recall": round(float(flagged[pos].mean()), 4) if pos.any() else None,
        "site_fpr_legit": round(float(flagged[neg].mean()), 4) if neg.any() else None,
        "site_fpr_finance_legit": round(float(flagged[fin].mean()), 4) if fin.any() else None,
        "sites": {"scam": int(pos.sum()), "legit": int(neg.sum()), "finance_legit": int(fin.sum())},
    }


def gate_scores(oof: OutOfFold, y: np.ndarray, *, target_fpr: float,
                impersonation_weight: float, scheme_columns: int,
                margins: Sequence[float] = MARGINS) -> GatedScores:
    """Choose the evidence gate's margin and threshold on out-of-fold scores, calibrate.

    Every margin of ``margins`` gets the lowest threshold whose page false-positive rate
    stays within ``target_fpr``; the margin with the highest site recall wins (then page
    recall, then the larger margin). Platt scaling is fitted on the gated scores.

    Parameters
    ----------
    oof : OutOfFold
    y : ndarray of int
    target_fpr : float
    impersonation_weight : float
    scheme_columns : int
    margins : sequence of float

    Returns
    -------
    GatedScores
    """
    table: dict[str, Any] = {}
    best: tuple[Any, ...] | None = None
    for m in margins:
        imp = impersonation_weight * oof.impersonated
        tau = choose_threshold_score(oof.scheme, oof.rest, imp, y, m, target_fpr)
        gate = EvidenceGate(tau, m, impersonation_weight, scheme_columns)
        z = gate.apply(oof.scheme, oof.rest, oof.impersonated)
        zs = gate.apply(oof.site_scheme, oof.site_rest, oof.site_impersonated)
        row = {"threshold_score": round(tau, 4),
               "page_recall": round(float((z[y == 1] >= tau).mean()), 4),
               "page_fpr": round(float((z[y == 0] >= tau).mean()), 4),
               **_site_rates(oof, zs >= tau)}
        row.pop("sites")
        table[f"{m:g}"] = row
        key = (row["site_recall"] or 0.0, row["page_recall"], m)
        if best is None or key > best[0]:
            best = (key, gate, z, zs)
    assert best is not None
    _key, gate, z, zs = best
    a, b = _platt(z, y)
    prob = 1.0 / (1.0 + np.exp(-(a * z + b)))
    site_prob = 1.0 / (1.0 + np.exp(-(a * zs + b)))
    threshold = float(1.0 / (1.0 + np.exp(-(a * gate.threshold_score + b))))
    return GatedScores(oof, gate, (a, b), prob, site_prob, threshold,
                       {"chosen": f"{gate.margin:g}", "results": table,
                        "rule": "highest site recall, then page recall, then larger margin"})


@_one_blas_thread
def cross_validated_probabilities(
        snapshots: Sequence[Snapshot], y: np.ndarray, groups: np.ndarray, *, folds: int = 5,
        seed: int = 0, build: Callable[[], Any] | None = None,
        meta: Sequence[Mapping[str, Any]] | None = None, target_fpr: float = 0.01,
        impersonation_weight: float = DEFAULT_IMPERSONATION_WEIGHT
) -> tuple[np.ndarray, tuple[float, float]]:
    """Out-of-fold fraud probabilities of a pipeline (the default one), by grouped CV.

    Each page is scored by a model that never saw its group (site or template kit), under
    the evidence gate chosen on the out-of-fold scores (:func:`gate_scores`), and
    Platt-calibrated on them, exactly as :func:`train` does.

    Parameters
    ----------
    snapshots : sequence of Snapshot
    y : ndarray of int
        Labels (1 = fraudulent platform).
    groups : ndarray of str
        Group of each snapshot.
    folds : int
        Number of folds of ``StratifiedGroupKFold``.
    seed : int
        Seed of the fold assignment.
    build : callable, optional
        Returns the unfitted pipeline; :func:`fakeinvest.model._pipeline.build_pipeline` by default.
    meta : sequence of mapping, optional
        Corpus fields of each page (``page_type``, ``finance_related``) for the sites.
    target_fpr : float
        False-positive rate the gate's threshold is chosen for.
    impersonation_weight : float
        Log-likelihood ratio of brand impersonation.

    Returns
    -------
    probabilities : ndarray of float
    calibration : (float, float)
        Platt coefficients ``(a, b)``: ``p = 1 / (1 + exp(-(a * score + b)))``.
    """

    meta = meta if meta is not None else [{}] * len(y)
    oof = cross_validate(snapshots, y, groups, meta, build=build or build_pipeline,
                         folds=folds, seed=seed)
    g = gate_scores(oof, y, target_fpr=target_fpr, impersonation_weight=impersonation_weight,
                    scheme_columns=len(SCHEME_FEATURES))
    return g.prob, g.calibration


def estimate_impersonation_weight(lists: str | Path) -> dict[str, Any]:
    """Log-likelihood ratio of a look-alike host, from the corpus's domain lists.

    The share of investment-scam domains (``investment_scam_domains.csv.gz``) whose host
    holds a registry brand's name the brand does not own, against the same share among
    legitimate domains (``legit_domains.csv.gz``), with add-one smoothing.

    Parameters
    ----------
    lists : str or Path
        The folder holding both files.

    Returns
    -------
    dict
        ``weight`` (natural log of the ratio) and the counts behind it.

    Raises
    ------
    fakeinvest.errors.BadInputError
        A list file is missing.
    """


    registry = default_registry()
    names = ("investment_scam_domains.csv.gz", "legit_domains.csv.gz")
    missing = [n for n in names if not (Path(lists) / n).is_file()]
    if missing:
        raise BadInputError(f"{lists} lacks {', '.join(missing)}: give the folder of the "
                            "corpus's domain lists (`--lists ../shared/data/lists`), or leave "
                            "--lists out to use the shipped impersonation weight")
    counts = {}
    for name in names:
        with gzip.open(Path(lists) / name, "rt", encoding="utf-8") as fh:
            domains = sorted({row["domain"].strip().lower() for row in csv.DictReader(fh)
                              if row.get("domain")})
        hits = sum(1 for d in domains if registry.host_lookalikes(f"http://{d}/"))
        counts[name] = (hits, len(domains))
    (hs, ns), (hl, nl) = counts.values()
    ratio = ((hs + 1) / (ns + 2)) / ((hl + 1) / (nl + 2))
    return {"weight": round(math.log(ratio), 4), "likelihood_ratio": round(ratio, 3),
            "scam_domains": {"lookalike": hs, "total": ns},
            "legit_domains": {"lookalike": hl, "total": nl}}


@_one_blas_thread
def train(data: str | Path | Sequence[str | Path], out: str | Path, *, folds: int = 5,
          target_fpr: float = 0.01, lists: str | Path | None = None,
          limit: int | None = None, seed: int = 0, gate: str | Path | Mapping[str, Any] |
          None = None, allow_regression: bool = False, checks: bool = True,
          candidates: Sequence[str] = ("lr",), brands: Sequence[str | Path] = (),
          log: Callable[[str], Any] = print,
          warn: Callable[[str], Any] = _stderr) -> dict[str, Any]:
    """Train the default pipeline on a corpus, check it against a gate and write it.

    Parameters
    ----------
    data : str, Path or sequence of them
        Corpus file(s) (format in the module docstring); several are concatenated.
    out : str or Path
        Output directory.
    folds : int
        Grouped CV folds.
    target_fpr : float
        False-positive rate the decision threshold is chosen for.
    lists : str or Path, optional
        Folder with ``investment_scam_domains.csv.gz`` and ``legit_domains.csv.gz``: the
        impersonation weight is estimated from them
        (:func:`estimate_impersonation_weight`); without it
        :data:`DEFAULT_IMPERSONATION_WEIGHT` is used.
    limit : int, optional
        Use only the first ``limit`` records (smoke runs).
    seed : int
        Seed of the fold assignment.
    gate : str, Path or mapping, optional
        Quality gate (a ``gate.json`` path or its contents); None checks nothing.
    allow_regression : bool
        Write the model even when it fails the gate (with a warning).
    candidates : sequence of str
        Model families to compare (keys of :data:`fakeinvest.model._pipeline.CANDIDATES`: ``lr``
        logistic regression, ``hgb`` gradient boosting); each is evaluated by the same
        grouped CV and the one with the highest recall at ``target_fpr`` (then PR-AUC)
        is trained on all pages and written.
    checks : bool
        Run the checks of :mod:`fakeinvest.training._checks` (leave-one-family-out, artefact
        robustness, finance-page scores, top weights) and record them in the metrics and
        the model card.
    brands : sequence of str or Path
        Brand-registry CSV files extending the shipped registry; their contents are
        recorded in the model, which scores with them wherever it is loaded.
    log : callable
        Progress printer.
    warn : callable
        Printer of gate warnings and notes.

    Returns
    -------
    dict
        The model card.

    Raises
    ------
    fakeinvest.errors.QualityGateError
        The cross-validated metrics fail the gate and ``allow_regression`` is False; no
        file was written.
    fakeinvest.errors.BadInputError
        ``gate`` names an unreadable or malformed gate file.
    """


    paths = [Path(data)] if isinstance(data, str | Path) else [Path(p) for p in data]
    out = Path(out)
    try:
        extra_brands = tuple(Path(b).read_text(encoding="utf-8") for b in brands)
    except OSError as exc:
        raise BadInputError(f"cannot read the brand registry file: {exc}") from exc
    gate_source = "(given as a mapping)"
    if isinstance(gate, str | Path):
        gate_source = str(gate)
        gate = load_gate(gate)
    t0 = time.perf_counter()
    snaps, y, groups, meta = load_corpus(paths, limit)
    hashes = [file_sha256(p) for p in paths]
    data_hash = hashes[0] if len(hashes) == 1 else hashlib.sha256(
        "".join(hashes).encode()).hexdigest()
    log(f"loaded {len(snaps)} pages ({int(y.sum())} scam, {len(set(groups.tolist()))} "
        f"groups) in {time.perf_counter() - t0:.1f} s")
    if lists is not None:
        impersonation = {"source": str(lists), **estimate_impersonation_weight(lists)}
    else:
        impersonation = {"source": "default", "weight": DEFAULT_IMPERSONATION_WEIGHT}
    log(f"impersonation weight: {json.dumps(impersonation)}")
    kind, gated, comparison = _compare_candidates(
        candidates, snaps, y, groups, meta, folds=folds, seed=seed, target_fpr=target_fpr,
        impersonation_weight=float(impersonation["weight"]), log=log,
        extra_brands=extra_brands)
    prob, (a, b), threshold = gated.prob, gated.calibration, gated.threshold
    full = evaluate_oof(y, prob, threshold, meta)
    site_flagged = gated.site_prob >= threshold
    full.update(_site_rates(gated.oof, site_flagged))
    full["languages"] = _language_summary(y, prob >= threshold, meta)
    full["evidence"] = _evidence_summary(gated, y)
    full["site_by_group"] = _site_table(gated, meta)
    metrics = {k: v for k, v in full.items()
               if k not in ("reliability", "by_family", "by_lang", "site_by_group", "sites",
                            "languages", "evidence")}
    log(f"CV metrics of {kind}: {json.dumps(metrics)}")

    gate_record: dict[str, Any] = {"checked": gate is not None}
    if gate is not None:
        result = check_gate(gate, metrics, data_sha256=data_hash, data_limit=limit)
        gate_record.update(passed=result.passed,
                           failed=[c.metric for c in result.failures],
                           allow_regression=allow_regression and not result.passed)
        if not result.passed and not allow_regression:
            raise QualityGateError(_gate_failure_message(result, gate_source, out),
                                   result=result)
        if result.passed:
            log(f"quality gate {gate_source} passed:\n{result.report(notes=False)}")
            for note in result.notes:
                warn(f"note: {note}")
        else:
            warn(f"warning: quality gate {gate_source} failed; writing the model anyway "
                 f"(--allow-regression):\n{result.report()}")

    t2 = time.perf_counter()
    build = functools.partial(CANDIDATES[kind], extra_brands=extra_brands)
    pipe = build()
    pipe.fit(snaps, y)
    log(f"refitted on all pages in {time.perf_counter() - t2:.1f} s")

    gated_model = Model(pipeline=pipe, calibration=(a, b), threshold=threshold,
                        version="candidate", card={}, gate=gated.gate)
    extra = _model_checks(pipe, gated_model.decision_function, build, snaps, y, groups, meta,
                          prob, (a, b), threshold, target_fpr, log) if checks else {}
    _make_reproducible(pipe)  # after the checks: scoring leaves run-specific state behind
    version = f"fakeinvest-{kind}-{data_hash[:10]}"
    bundle = {"pipeline": pipe, "calibration": (a, b), "threshold": threshold,
              "version": version, "gate": gated.gate.to_dict()}
    model_bytes = dump_bundle(bundle)
    scheme = f"StratifiedGroupKFold(n_splits={folds}, shuffle=True, random_state={seed}) " \
             "by group"
    data_info = {"path": ", ".join(p.name for p in paths), "sha256": data_hash,
                 "pages": len(snaps),
                 "scam_pages": int(y.sum()), "groups": len(set(groups.tolist())),
                 "limit": limit}
    card = {
        "model_version": version,
        "model_file": MODEL_FILE_NAME,
        "sha256": hashlib.sha256(model_bytes).hexdigest(),
        "trained_at": datetime.now(UTC).replace(microsecond=0).isoformat(),
        "data": data_info,
        "pipeline": PIPELINE_DESCRIPTIONS[kind],
        "candidates": comparison,
        "cv": {"scheme": scheme, **metrics},
        "threshold": round(threshold, 6),
        "target_fpr": target_fpr,
        "calibration": {"a": a, "b": b},
        "evidence_gate": {**gated.gate.to_dict(), "margins": gated.margins,
                          "impersonation": impersonation},
        "gate": gate_record,
        "metrics_file": METRICS_FILE_NAME,
        "versions": {"python": platform.python_version(), "scikit-learn": sklearn.__version__,
                     "numpy": np.__version__, "joblib": joblib.__version__,
                     "fakeinvest": __version__},
    }
    metrics_doc = {"model_version": version, "data": data_info, "scheme": scheme,
                   "folds": folds, "seed": seed, "target_fpr": target_fpr,
                   "threshold": round(threshold, 6), **full, **extra}
    next_gate = make_gate(card)
    files = {
        MODEL_FILE_NAME: model_bytes,
        MODEL_CARD_NAME: _json_bytes(card),
        METRICS_FILE_NAME: _json_bytes(metrics_doc),
        MODEL_CARD_MD_NAME: render_model_card(card, metrics_doc, next_gate).encode("utf-8"),
        GATE_FILE_NAME: _json_bytes(next_gate),
    }
    _write_all(files, out)
    log(f"wrote {', '.join(files)} to {out} in {time.perf_counter() - t0:.1f} s")
    return card


PIPELINE_DESCRIPTIONS = {
    "lr": "engineered features (log1p, standardised) + TF-IDF word 1-2 grams -> "
          "class-balanced logistic regression, scheme weights >= 0; evidence gate (topic "
          "block capped below the threshold, impersonation log-LR); Platt-scaled on "
          "out-of-fold gated scores",
    "hgb": "engineered features (log1p) + the 300 TF-IDF word 1-2 grams of highest "
           "chi-squared -> class-balanced HistGradientBoostingClassifier; Platt-scaled on "
           "out-of-fold scores",
}


def _compare_candidates(candidates: Sequence[str], snaps: list[Snapshot], y: np.ndarray,
                        groups: np.ndarray, meta: list[dict[str, Any]], *, folds: int,
                        seed: int, target_fpr: float, impersonation_weight: float,
                        log: Callable[[str], Any], extra_brands: tuple[str, ...] = ()
                        ) -> tuple[str, GatedScores, dict[str, Any]]:
    """Grouped CV of each candidate under the evidence gate; the best by site recall, then
    page recall at ``target_fpr``, then PR-AUC."""


    unknown = [c for c in candidates if c not in CANDIDATES]
    if unknown or not candidates:
        raise BadInputError(f"unknown model candidates {unknown or '(none)'}; choose from "
                            f"{', '.join(CANDIDATES)}")
    results: dict[str, GatedScores] = {}
    comparison: dict[str, Any] = {}
    for kind in dict.fromkeys(candidates):
        t = time.perf_counter()
        oof = cross_validate(snaps, y, groups, meta,
                             build=functools.partial(CANDIDATES[kind], extra_brands=extra_brands),
                             folds=folds, seed=seed)
        g = gate_scores(oof, y, target_fpr=target_fpr,
                        impersonation_weight=impersonation_weight,
                        scheme_columns=len(SCHEME_FEATURES))
        results[kind] = g
        flagged = g.prob >= g.threshold
        raw = oof.scheme + oof.rest
        comparison[kind] = {
            "roc_auc": round(float(roc_auc_score(y, g.prob)), 4),
            "pr_auc": round(float(average_precision_score(y, g.prob)), 4),
            "recall_at_target_fpr": round(float(flagged[y == 1].mean()), 4),
            "site_recall": _site_rates(oof, g.site_prob >= g.threshold)["site_recall"],
            "ungated_roc_auc": round(float(roc_auc_score(y, raw)), 4),
            "ungated_recall_at_target_fpr": round(recall_at_fpr(y, raw, target_fpr)[0], 4),
            "margin": g.gate.margin,
            "cv_seconds": round(time.perf_counter() - t, 1),
        }
        log(f"candidate {kind}: grouped {folds}-fold CV {json.dumps(comparison[kind])}; "
            f"margins {json.dumps(g.margins['results'])}")
    best = max(comparison, key=lambda k: (comparison[k]["site_recall"] or 0.0,
                                          comparison[k]["recall_at_target_fpr"],
                                          comparison[k]["pr_auc"]))
    comparison = {"chosen": best,
                  "rule": "highest site recall, then page recall at the target FPR, then "
                          "PR-AUC (all under the evidence gate)",
                  "results": comparison}
    return best, results[best], comparison


def _language_summary(y: np.ndarray, flagged: np.ndarray,
                      meta: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """Page recall in English, in other languages, and their ratio."""
    lang = np.array([str(m.get("lang") or "und") for m in meta])
    en = (y == 1) & (lang == "en")
    other = (y == 1) & (lang != "en") & (lang != "und")
    out: dict[str, Any] = {"english_scam_pages": int(en.sum()),
                           "other_scam_pages": int(other.sum())}
    r_en = float(flagged[en].mean()) if en.any() else None
    r_other = float(flagged[other].mean()) if other.any() else None
    out["recall_english"] = round(r_en, 4) if r_en is not None else None
    out["recall_other_languages"] = round(r_other, 4) if r_other is not None else None
    out["ratio"] = round(r_other / r_en, 4) if r_en and r_other is not None else None
    return out


def _evidence_summary(g: GatedScores, y: np.ndarray) -> dict[str, Any]:
    """How many flagged pages and sites carry scheme evidence (the gate makes it all)."""
    ev = g.oof.scheme + g.gate.impersonation(g.oof.impersonated)
    s_ev = g.oof.site_scheme + g.gate.impersonation(g.oof.site_impersonated)
    fl = g.prob >= g.threshold
    sfl = g.site_prob >= g.threshold
    return {"flagged_pages": int(fl.sum()),
            "flagged_pages_without_scheme_evidence": int((fl & (ev < g.gate.margin)).sum()),
            "flagged_sites": int(sfl.sum()),
            "flagged_sites_without_scheme_evidence": int((sfl & (s_ev < g.gate.margin)).sum()),
            "scam_pages_with_scheme_evidence": round(float((ev[y == 1] > 0).mean()), 4)}


def _site_table(g: GatedScores, meta: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """Per scam group: site probability and flag; per flagged honest site the same."""
    out: dict[str, Any] = {}
    for k, name in enumerate(g.oof.site_groups):
        flagged = bool(g.site_prob[k] >= g.threshold)
        if g.oof.site_y[k] == 1 or flagged:
            out[name] = {"label": int(g.oof.site_y[k]), "probability": round(
                float(g.site_prob[k]), 4), "flagged": flagged,
                "finance": bool(g.oof.site_finance[k])}
    return out


def _model_checks(pipe: Any, decision_function: Callable[[list[Snapshot]], np.ndarray],
                  build: Callable[[], Any], snaps: list[Snapshot], y: np.ndarray,
                  groups: np.ndarray,
                  meta: list[dict[str, Any]], prob: np.ndarray, calibration: tuple[float, float],
                  threshold: float, target_fpr: float, log: Callable[[str], Any]
                  ) -> dict[str, Any]:
    """The generalisation and artefact checks of :mod:`fakeinvest.training._checks`."""

    t = time.perf_counter()
    out: dict[str, Any] = {"top_features": model_checks.top_features(pipe)}
    fin = np.array([bool(m.get("finance_related")) for m in meta])
    if (fin & (y == 0)).any():
        out["finance_legit_scores"] = model_checks.score_distribution(
            prob[fin & (y == 0)], threshold)
    if any(m.get("family") for m in meta):
        out["leave_one_family_out"] = model_checks.leave_one_family_out(
            build, snaps, y, groups, [str(m.get("family") or "") for m in meta],
            target_fpr=target_fpr, log=log)
    out["robustness"] = model_checks.robustness_checks(
        decision_function, calibration, threshold, snaps, y, meta)
    log(f"model checks in {time.perf_counter() - t:.1f} s: robustness "
        + json.dumps({k: v.get("flips") for k, v in out["robustness"].items()}))
    return out


def _json_bytes(obj: Any) -> bytes:
    return (json.dumps(obj, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
