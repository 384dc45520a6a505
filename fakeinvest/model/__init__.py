"""The model: scikit-learn estimators and pipeline, the evidence gate, scoring and
explanations. Pure: a verdict is a function of the snapshot and the model bundle.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import lazy_loader

# Names are imported on first use: importing one stage never loads the others' heavy
# dependencies (scikit-learn, aiohttp, pandas).
__getattr__, __dir__, __all__ = lazy_loader.attach(
    __name__,
    submod_attrs={
        "_evidence_gate": ["EvidenceGate"],
        "_explain": ["Explanation"],
        "_model": ["Model", "load_model"],
        "_pipeline": ["SchemeLogisticRegression", "SnapshotText", "build_pipeline"],
    },
)

if TYPE_CHECKING:  # pragma: no cover
    from ._evidence_gate import EvidenceGate as EvidenceGate
    from ._explain import Explanation as Explanation
    from ._model import Model as Model
    from ._model import load_model as load_model
    from ._pipeline import SchemeLogisticRegression as SchemeLogisticRegression
    from ._pipeline import SnapshotText as SnapshotText
    from ._pipeline import build_pipeline as build_pipeline
