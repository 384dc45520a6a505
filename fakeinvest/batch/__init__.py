"""Bulk work on many cores or a Dask cluster: scans and re-scores in resumable batches."""

from __future__ import annotations

from typing import TYPE_CHECKING

import lazy_loader

# Names are imported on first use: importing one stage never loads the others' heavy
# dependencies (scikit-learn, aiohttp, pandas).
__getattr__, __dir__, __all__ = lazy_loader.attach(
    __name__,
    submod_attrs={
        "_dask": ["JobSummary", "read_results", "rescore_snapshots", "scan_urls"],
    },
)

if TYPE_CHECKING:  # pragma: no cover
    from ._dask import JobSummary as JobSummary
    from ._dask import read_results as read_results
    from ._dask import rescore_snapshots as rescore_snapshots
    from ._dask import scan_urls as scan_urls
