"""Training: corpus reading, grouped cross-validation, metrics, model checks, the quality
gate and the model card; ``fakeinvest train`` is :func:`main`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import lazy_loader

# Names are imported on first use: importing one stage never loads the others' heavy
# dependencies (scikit-learn, aiohttp, pandas).
__getattr__, __dir__, __all__ = lazy_loader.attach(
    __name__,
    submod_attrs={
        "_card": ["render_model_card"],
        "_checks": ["robustness_checks"],
        "_cli": ["main", "run_training"],
        "_corpus": ["iter_records", "load_corpus", "record_snapshot", "snapshot_records"],
        "_crossval": ["OutOfFold", "cross_validate", "site_snapshots"],
        "_quality_gate": ["GateResult", "check_gate", "load_gate", "make_gate"],
        "_metrics": ["calibration_table", "recall_at_fpr"],
        "_train": ["cross_validated_probabilities", "train"],
    },
)

if TYPE_CHECKING:  # pragma: no cover
    from ._card import render_model_card as render_model_card
    from ._checks import robustness_checks as robustness_checks
    from ._cli import main as main
    from ._cli import run_training as run_training
    from ._corpus import iter_records as iter_records
    from ._corpus import load_corpus as load_corpus
    from ._corpus import record_snapshot as record_snapshot
    from ._corpus import snapshot_records as snapshot_records
    from ._crossval import OutOfFold as OutOfFold
    from ._crossval import cross_validate as cross_validate
    from ._crossval import site_snapshots as site_snapshots
    from ._metrics import calibration_table as calibration_table
    from ._metrics import recall_at_fpr as recall_at_fpr
    from ._quality_gate import GateResult as GateResult
    from ._quality_gate import check_gate as check_gate
    from ._quality_gate import load_gate as load_gate
    from ._quality_gate import make_gate as make_gate
    from ._train import cross_validated_probabilities as cross_validated_probabilities
    from ._train import train as train
