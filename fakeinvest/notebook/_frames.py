"""Verdicts as :class:`pandas.DataFrame` tables, for analysis in notebooks.

pandas is an optional dependency: ``pip install "fakeinvest[notebook]"``.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from .._optional import require as _require

if TYPE_CHECKING:
    import pandas as pd

    from ..verdict import Verdict

from ..features._extract import ALL_FEATURES

__all__ = ["SITE_COLUMNS", "reasons_to_dataframe", "verdicts_to_dataframe"]

#: The columns of :func:`verdicts_to_dataframe` before the feature columns.
SITE_COLUMNS: tuple[str, ...] = (
    "url", "probability", "flagged", "threshold", "error", "error_kind", "model_version",
    "kit_fingerprint", "n_pages", "top_reasons",
)
#: Reasons towards fraud named in the ``top_reasons`` column.
TOP_REASONS = 5

def require(module: str) -> Any:
    """Import pandas or matplotlib (the ``notebook`` extra), or say how to install it."""
    return _require(module, "notebook")


def _float(x: float | None) -> float:
    return math.nan if x is None else float(x)


def verdicts_to_dataframe(verdicts: Iterable[Verdict]) -> pd.DataFrame:
    """One row per site: the verdict, then one column per feature.

    Parameters
    ----------
    verdicts : iterable of Verdict
        Any iterable, including the generator :func:`fakeinvest.scan_many` returns
        (it is consumed).

    Returns
    -------
    pandas.DataFrame
        Columns ``url``, ``probability``, ``flagged``, ``threshold``, ``error``,
        ``error_kind``, ``model_version``, ``kit_fingerprint``, ``n_pages``,
        ``top_reasons`` (the strongest reasons towards fraud, joined by ``"; "``), then
        every feature of :data:`fakeinvest.features._extract.ALL_FEATURES` in that order (NaN when
        unknown, e.g. for a site that could not be analysed).

    Raises
    ------
    ImportError
        pandas is not installed.
    """
    pd = require("pandas")

    rows = []
    for v in verdicts:
        row: dict[str, Any] = {
            "url": v.url,
            "probability": _float(v.probability),
            "flagged": bool(v.flagged),
            "threshold": _float(v.threshold),
            "error": v.error,
            "error_kind": v.error_kind,
            "model_version": v.model_version,
            "kit_fingerprint": v.kit_fingerprint,
            "n_pages": len(v.pages),
            "top_reasons": "; ".join(
                [r.feature for r in v.reasons if r.contribution > 0][:TOP_REASONS]),
        }
        for name in ALL_FEATURES:
            row[name] = _float(v.features.get(name))
        rows.append(row)
    frame = pd.DataFrame(rows, columns=[*SITE_COLUMNS, *ALL_FEATURES])
    return frame.astype({"probability": float, "flagged": bool, "threshold": float,
                         "n_pages": int, **dict.fromkeys(ALL_FEATURES, float)})


def reasons_to_dataframe(verdicts: Iterable[Verdict]) -> pd.DataFrame:
    """One row per reason of every verdict, strongest first within a site.

    Parameters
    ----------
    verdicts : iterable of Verdict

    Returns
    -------
    pandas.DataFrame
        Columns ``url``, ``rank``, ``feature``, ``contribution`` (0 for context facts),
        ``value``, ``evidence`` and ``page_url``.

    Raises
    ------
    ImportError
        pandas is not installed.
    """
    pd = require("pandas")
    columns = ["url", "rank", "feature", "contribution", "value", "evidence", "page_url"]
    rows = [(v.url, i, r.feature, float(r.contribution), _float(r.value), r.evidence,
             r.page_url)
            for v in verdicts for i, r in enumerate(v.reasons)]
    return pd.DataFrame(rows, columns=columns)
