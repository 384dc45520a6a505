"""The model file: a joblib pickle of the bundle, with the text vocabularies as arrays.

A fitted :class:`~sklearn.feature_extraction.text.TfidfVectorizer` keeps its vocabulary
as a dict of tens of thousands of terms, each mapped to a NumPy integer. joblib unpickles
with Python's pure-Python unpickler, object by object, which made loading the shipped
model take seconds. The file stores each vocabulary as one array of terms in column
order instead (a single object to unpickle) and rebuilds the dict on load: the fitted
vectoriser is the same, and so is every score.
"""

from __future__ import annotations

import copy
import io
from typing import Any

import joblib
import numpy as np

from ._pipeline import features_step

__all__ = ["dump_bundle", "load_bundle"]

_VOCABULARIES = "vocabularies"


def _vectorisers(pipeline: Any) -> list[Any]:
    """The fitted steps with a ``vocabulary_``, in pipeline order."""
    return [est for _name, branch in features_step(pipeline).transformer_list
            for _sub, est in getattr(branch, "steps", []) if hasattr(est, "vocabulary_")]


def dump_bundle(bundle: dict[str, Any]) -> bytes:
    """Serialise a model bundle (``pipeline``, ``calibration``, ``threshold`` ...).

    Parameters
    ----------
    bundle : dict
        Must hold the fitted ``pipeline``; the caller's objects are not modified.

    Returns
    -------
    bytes
        The model file's content.
    """
    bundle = dict(bundle)
    pipeline = copy.deepcopy(bundle["pipeline"])
    terms = []
    for est in _vectorisers(pipeline):
        vocab = est.vocabulary_
        column = np.empty(len(vocab), dtype=object)
        for term, j in vocab.items():
            column[int(j)] = term
        terms.append(np.array(column.tolist(), dtype=str))
        est.vocabulary_ = None
    bundle["pipeline"] = pipeline
    bundle[_VOCABULARIES] = terms
    buf = io.BytesIO()
    joblib.dump(bundle, buf, compress=3)
    return buf.getvalue()


def load_bundle(data: bytes) -> dict[str, Any]:
    """Read what :func:`dump_bundle` wrote (or a plain joblib bundle of older files).

    Parameters
    ----------
    data : bytes

    Returns
    -------
    dict
        The bundle, its vectorisers' vocabularies restored.
    """
    bundle = joblib.load(io.BytesIO(data))
    terms = bundle.pop(_VOCABULARIES, None)
    if terms is not None:
        vectorisers = _vectorisers(bundle["pipeline"])
        if len(vectorisers) != len(terms) or any(v.vocabulary_ is not None
                                                 for v in vectorisers):
            raise ValueError("the model file's vocabularies do not match its pipeline")
        for est, column in zip(vectorisers, terms, strict=True):
            est.vocabulary_ = dict(zip(column.tolist(), range(len(column)), strict=True))
    return bundle
