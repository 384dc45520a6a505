"""Options and runner of ``fakeinvest train`` / ``python -m fakeinvest.training``.

Kept apart from :mod:`fakeinvest.training._train` so that building the command-line parser does not
import NumPy and scikit-learn.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..config import brand_files_from_env
from ..errors import BadInputError, QualityGateError
from ._train import shipped_gate_path, train

__all__ = ["add_train_arguments", "main", "run_training"]


def _stderr(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def add_train_arguments(ap: argparse.ArgumentParser) -> None:
    """Add the training options to a parser (shared by ``fakeinvest train``).

    Parameters
    ----------
    ap : argparse.ArgumentParser
    """
    ap.add_argument("--data", required=True, action="append", metavar="PATH",
                    help="labelled corpus (.jsonl or .jsonl.gz; format: models/README.md); "
                         "repeat to train on several files together")
    ap.add_argument("--lists", default=None, metavar="DIR",
                    help="folder with investment_scam_domains.csv.gz and legit_domains.csv.gz "
                         "to estimate the weight of brand impersonation from (default: the "
                         "weight measured for the shipped model)")
    ap.add_argument("--out", default="models", help="output directory (default: models)")
    ap.add_argument("--gate", default=None, metavar="PATH",
                    help="quality gate file (default: the gate.json shipped with the model)")
    ap.add_argument("--allow-regression", action="store_true",
                    help="write the model even when it fails the quality gate")
    ap.add_argument("--folds", type=int, default=5, help="grouped CV folds (default 5)")
    ap.add_argument("--target-fpr", type=float, default=0.01,
                    help="false-positive rate the threshold is set for (default 0.01)")
    ap.add_argument("--limit", type=int, default=None, help="use only the first N records")
    ap.add_argument("--seed", type=int, default=0, help="seed of the fold assignment")
    ap.add_argument("--candidates", default="lr", metavar="LIST",
                    help="model families compared by grouped CV, the best is written: lr "
                         "(logistic regression), hgb (gradient boosting); default lr")
    ap.add_argument("--brands", action="append", default=[], metavar="CSV",
                    help="brand-registry file extending the shipped one (repeatable; also "
                         "FAKEINVEST_BRANDS); recorded in the model")
    ap.add_argument("--no-checks", action="store_true",
                    help="skip leave-one-family-out and the artefact-robustness checks "
                         "(faster; the model card then lacks those sections)")


def run_training(args: argparse.Namespace) -> int:
    """Run a training from parsed arguments (:func:`add_train_arguments`).

    Parameters
    ----------
    args : argparse.Namespace

    Returns
    -------
    int
        Exit status: 0 written, 2 usage error, 3 failed the quality gate (nothing written).
    """
    missing = [d for d in args.data if not Path(d).is_file()]
    if missing:
        _stderr(f"error: no corpus at {', '.join(missing)}")
        return 2
    if args.lists and not Path(args.lists).is_dir():
        _stderr(f"error: no domain-list folder at {args.lists}")
        return 2
    gate: Path | None = Path(args.gate) if args.gate else shipped_gate_path()
    if not args.gate and not gate.is_file():
        _stderr(f"note: no quality gate at {gate}; the metrics are not checked")
        gate = None
    try:
        brands = [*brand_files_from_env(), *args.brands]
        train(args.data, args.out, folds=args.folds, target_fpr=args.target_fpr,
              lists=args.lists, brands=brands,
              limit=args.limit, seed=args.seed, gate=gate,
              allow_regression=args.allow_regression, checks=not args.no_checks,
              candidates=[c.strip() for c in args.candidates.split(",") if c.strip()])
    except QualityGateError as exc:
        _stderr(f"error: {exc}")
        return 3
    except BadInputError as exc:
        _stderr(f"error: {exc}")
        return 2
    return 0


def main(argv: list[str] | None = None) -> int:
    """``python -m fakeinvest.training``: the same as ``fakeinvest train``."""
    ap = argparse.ArgumentParser(prog="python -m fakeinvest.training",
                                 description="Train the fraud model on a labelled corpus.")
    add_train_arguments(ap)
    return run_training(ap.parse_args(argv))
