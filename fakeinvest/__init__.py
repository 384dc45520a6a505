"""fakeinvest: find fraudulent investment platforms on the web, with evidence.

Quick start::

    import fakeinvest
    v = fakeinvest.scan("https://example-broker.com")
    print(v.probability, v.flagged)
    for r in v.reasons:
        print(r.feature, r.contribution, r.evidence, r.page_url)

Nothing heavy happens at import time: scikit-learn, the HTTP client and the model are
imported and loaded on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ._version import __version__

__all__ = [
    "DomainInfo",
    "FetchConfig",
    "Reason",
    "Snapshot",
    "Verdict",
    "Verdicts",
    "__version__",
    "domain_info",
    "errors",
    "load_model",
    "load_snapshot",
    "save_snapshot",
    "scan",
    "scan_many",
    "score_html",
    "score_snapshot",
    "verdicts_to_dataframe",
]

_LAZY = {
    "scan": ("fakeinvest.api", "scan"),
    "domain_info": ("fakeinvest.domains", "domain_info"),
    "DomainInfo": ("fakeinvest.domains", "DomainInfo"),
    "scan_many": ("fakeinvest.api", "scan_many"),
    "score_html": ("fakeinvest.api", "score_html"),
    "score_snapshot": ("fakeinvest.api", "score_snapshot"),
    "Verdict": ("fakeinvest.verdict", "Verdict"),
    "Reason": ("fakeinvest.verdict", "Reason"),
    "Verdicts": ("fakeinvest.notebook", "Verdicts"),
    "verdicts_to_dataframe": ("fakeinvest.notebook", "to_dataframe"),
    "Snapshot": ("fakeinvest.snapshot", "Snapshot"),
    "FetchConfig": ("fakeinvest.config", "FetchConfig"),
    "load_model": ("fakeinvest.model", "load_model"),
    "load_snapshot": ("fakeinvest.warc", "load_snapshot"),
    "save_snapshot": ("fakeinvest.warc", "save_snapshot"),
    "errors": ("fakeinvest.errors", None),
}

if TYPE_CHECKING:  # pragma: no cover
    from . import errors
    from .api import scan, scan_many, score_html, score_snapshot
    from .config import FetchConfig
    from .domains import DomainInfo, domain_info
    from .model import load_model
    from .notebook import Verdicts
    from .notebook import to_dataframe as verdicts_to_dataframe
    from .snapshot import Snapshot
    from .verdict import Reason, Verdict
    from .warc import load_snapshot, save_snapshot


def __getattr__(name: str) -> Any:
    try:
        module_name, attr = _LAZY[name]
    except KeyError:
        raise AttributeError(f"module 'fakeinvest' has no attribute {name!r}") from None
    import importlib

    module = importlib.import_module(module_name)
    value = module if attr is None else getattr(module, attr)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
