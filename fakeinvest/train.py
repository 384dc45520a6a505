"""Train, evaluate (grouped CV), calibrate and save the model.

Usage::

    python -m fakeinvest.train --data ../shared/data/pages.jsonl.gz --out models/

Input format: gzip-compressed (or plain) JSON lines, one page per line, with at least
``html`` (str), ``label`` (1 = fraudulent platform, 0 = legitimate) and ``group`` (pages of
one site or template kit share a group, so they never sit on both sides of a CV split);
``url`` (str or null) is optional.

Steps: grouped, stratified 5-fold cross-validation gives out-of-fold scores; Platt scaling
fitted on them calibrates probabilities; the decision threshold is the lowest probability
whose out-of-fold false-positive rate stays within ``--target-fpr``; the pipeline is then
refitted on all pages. Writes ``fakeinvest-model.joblib`` and ``model_card.json``.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import io
import json
import platform
import sys
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np

from .model import MODEL_CARD_NAME, MODEL_FILE_NAME
from .snapshot import Page, Snapshot

__all__ = ["evaluate_scores", "load_corpus", "main", "train"]

# Training snapshots get a fixed timestamp: the model must not depend on when it was built.
_EPOCH = datetime(2000, 1, 1, tzinfo=UTC)


def _open(path: Path) -> io.TextIOBase:
    if path.suffix == ".gz":
        return gzip.open(path, "rt", encoding="utf-8")  # type: ignore[return-value]
    return open(path, encoding="utf-8")


def iter_records(path: str | Path) -> Iterator[dict[str, Any]]:
    """Yield the JSON records of a corpus file, checking required fields.

    Parameters
    ----------
    path : str or Path

    Yields
    ------
    dict
    """
    path = Path(path)
    with _open(path) as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            rec = json.loads(line)
            missing = [k for k in ("html", "label", "group") if k not in rec]
            if missing:
                raise ValueError(f"{path}:{lineno}: record lacks {missing}")
            yield rec


def load_corpus(path: str | Path, limit: int | None = None
                ) -> tuple[list[Snapshot], np.ndarray, np.ndarray, list[dict[str, Any]]]:
    """Read a labelled corpus as single-page snapshots.

    Parameters
    ----------
    path : str or Path
    limit : int, optional
        Read at most this many records (smoke tests).

    Returns
    -------
    snapshots, labels, groups, metadata
        ``metadata`` keeps every field but ``html`` for reports.
    """
    snaps, labels, groups, meta = [], [], [], []
    for i, rec in enumerate(iter_records(path)):
        if limit is not None and i >= limit:
            break
        url = rec.get("url") or None
        snaps.append(Snapshot(url=url, pages=(Page(url=url, html=rec["html"]),),
                              fetched_at=_EPOCH))
        labels.append(int(rec["label"]))
        groups.append(str(rec["group"]))
        meta.append({k: v for k, v in rec.items() if k != "html"})
    return snaps, np.array(labels), np.array(groups), meta


def _platt(scores: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    from sklearn.linear_model import LogisticRegression

    lr = LogisticRegression(C=1e6, solver="lbfgs", max_iter=1000)
    lr.fit(scores.reshape(-1, 1), y)
    return float(lr.coef_[0, 0]), float(lr.intercept_[0])


def recall_at_fpr(y: np.ndarray, p: np.ndarray, fpr: float) -> tuple[float, float]:
    """Highest recall whose false-positive rate is at most ``fpr``, and its threshold.

    Parameters
    ----------
    y : array of int
    p : array of float
        Scores or probabilities (higher = more likely fraud).
    fpr : float

    Returns
    -------
    (recall, threshold)
    """
    from sklearn.metrics import roc_curve

    f, t, thr = roc_curve(y, p)
    ok = np.flatnonzero(f <= fpr)
    best = ok[np.argmax(t[ok])]
    return float(t[best]), float(min(thr[best], 1.0))


def evaluate_scores(y: np.ndarray, prob: np.ndarray, threshold: float) -> dict[str, Any]:
    """Metrics of out-of-fold probabilities.

    Parameters
    ----------
    y : array of int
    prob : array of float
    threshold : float

    Returns
    -------
    dict
    """
    from sklearn.metrics import average_precision_score, brier_score_loss, roc_auc_score

    flagged = prob >= threshold
    neg = y == 0
    return {
        "roc_auc": round(float(roc_auc_score(y, prob)), 4),
        "pr_auc": round(float(average_precision_score(y, prob)), 4),
        "recall_at_1pct_fpr": round(recall_at_fpr(y, prob, 0.01)[0], 4),
        "recall_at_0.1pct_fpr": round(recall_at_fpr(y, prob, 0.001)[0], 4),
        "brier": round(float(brier_score_loss(y, prob)), 4),
        "at_threshold": {
            "recall": round(float(flagged[y == 1].mean()), 4),
            "fpr": round(float(flagged[neg].mean()), 4),
        },
    }


def _make_reproducible(pipe: Any) -> None:
    """Drop fitted state that differs between identical runs, so model files are byte-equal.

    scikit-learn's vectorisers remember ``id()`` of their stop-word list (a memory address)
    only to skip a consistency check; without it the check simply runs again.
    """
    for _name, step in pipe.named_steps["features"].transformer_list:
        for _sub, est in getattr(step, "steps", []):
            if hasattr(est, "_stop_words_id"):
                del est._stop_words_id


def _sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def train(data: str | Path, out: str | Path, *, folds: int = 5, target_fpr: float = 0.01,
          limit: int | None = None, seed: int = 0, log: Any = print) -> dict[str, Any]:
    """Train the default pipeline on a corpus and write the model and its card.

    Parameters
    ----------
    data : str or Path
        Corpus file (format in the module docstring).
    out : str or Path
        Output directory.
    folds : int
        Grouped CV folds.
    target_fpr : float
        False-positive rate the decision threshold is chosen for.
    limit : int, optional
        Use only the first ``limit`` records (smoke runs).
    seed : int
        Seed of the fold assignment.
    log : callable
        Progress printer.

    Returns
    -------
    dict
        The model card.
    """
    import joblib
    import sklearn
    from sklearn.model_selection import StratifiedGroupKFold, cross_val_predict

    from .pipeline import build_pipeline

    data, out = Path(data), Path(out)
    t0 = time.perf_counter()
    snaps, y, groups, meta = load_corpus(data, limit)
    log(f"loaded {len(snaps)} pages ({int(y.sum())} scam, {len(set(groups.tolist()))} "
        f"groups) in {time.perf_counter() - t0:.1f} s")
    cv = StratifiedGroupKFold(n_splits=folds, shuffle=True, random_state=seed)
    t1 = time.perf_counter()
    oof = cross_val_predict(build_pipeline(), snaps, y, groups=groups, cv=cv,
                            method="decision_function")
    log(f"grouped {folds}-fold CV in {time.perf_counter() - t1:.1f} s")
    a, b = _platt(oof, y)
    prob = 1.0 / (1.0 + np.exp(-(a * oof + b)))
    _recall, threshold = recall_at_fpr(y, prob, target_fpr)
    metrics = evaluate_scores(y, prob, threshold)
    fin = np.array([bool(m.get("finance_related")) for m in meta])
    if fin.any():
        metrics["fpr_finance_related_legit"] = round(
            float((prob[(y == 0) & fin] >= threshold).mean()), 4)
    log(f"CV metrics: {json.dumps(metrics)}")

    pipe = build_pipeline()
    pipe.fit(snaps, y)
    _make_reproducible(pipe)
    data_hash = _sha256_file(data)
    version = f"fakeinvest-lr-{data_hash[:10]}"
    bundle = {"pipeline": pipe, "calibration": (a, b), "threshold": threshold,
              "version": version}
    out.mkdir(parents=True, exist_ok=True)
    model_path = out / MODEL_FILE_NAME
    joblib.dump(bundle, model_path, compress=3)
    card = {
        "model_version": version,
        "model_file": MODEL_FILE_NAME,
        "sha256": _sha256_file(model_path),
        "trained_at": datetime.now(UTC).replace(microsecond=0).isoformat(),
        "data": {"path": data.name, "sha256": data_hash, "pages": len(snaps),
                 "scam_pages": int(y.sum()), "groups": len(set(groups.tolist())),
                 "limit": limit},
        "pipeline": "engineered features (log1p, standardised) + TF-IDF word 1-2 grams -> "
                    "class-balanced logistic regression; Platt-scaled on out-of-fold scores",
        "cv": {"scheme": f"StratifiedGroupKFold(n_splits={folds}, shuffle=True, "
                         f"random_state={seed}) by group", **metrics},
        "threshold": round(threshold, 6),
        "target_fpr": target_fpr,
        "calibration": {"a": a, "b": b},
        "versions": {"python": platform.python_version(), "scikit-learn": sklearn.__version__,
                     "numpy": np.__version__, "joblib": joblib.__version__},
    }
    (out / MODEL_CARD_NAME).write_text(json.dumps(card, indent=2) + "\n", encoding="utf-8")
    log(f"wrote {model_path} and {out / MODEL_CARD_NAME} in {time.perf_counter() - t0:.1f} s")
    return card


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    ap = argparse.ArgumentParser(prog="python -m fakeinvest.train", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", required=True, help="labelled corpus (.jsonl or .jsonl.gz)")
    ap.add_argument("--out", default="models", help="output directory (default: models)")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--target-fpr", type=float, default=0.01)
    ap.add_argument("--limit", type=int, default=None, help="use only the first N records")
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args(argv)
    if not Path(args.data).is_file():
        print(f"error: no corpus at {args.data}", file=sys.stderr)
        return 2
    train(args.data, args.out, folds=args.folds, target_fpr=args.target_fpr,
          limit=args.limit, seed=args.seed)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
