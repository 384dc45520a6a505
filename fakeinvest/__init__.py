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

from typing import TYPE_CHECKING

import lazy_loader

from ._version import __version__

# Names are imported on first use (lazy_loader, as in every subpackage): `import
# fakeinvest` loads neither scikit-learn, the HTTP client nor the model.
__getattr__, __dir__, _names = lazy_loader.attach(
    __name__,
    submodules=["errors"],
    submod_attrs={
        "_campaigns": ["campaigns"],
        "api": ["scan", "scan_many", "score_html", "score_many", "score_snapshot"],
        "config": ["FetchConfig", "LookupConfig"],
        "domains": ["DomainInfo", "domain_info"],
        "model": ["load_model"],
        "notebook": ["Verdicts", "verdicts_to_dataframe"],
        "snapshot": ["Snapshot"],
        "verdict": ["Reason", "Verdict"],
        "warc": ["load_snapshot", "save_snapshot"],
    },
)
__all__ = [*_names, "__version__"]

if TYPE_CHECKING:  # pragma: no cover
    from . import errors as errors
    from ._campaigns import campaigns as campaigns
    from .api import scan as scan
    from .api import scan_many as scan_many
    from .api import score_html as score_html
    from .api import score_many as score_many
    from .api import score_snapshot as score_snapshot
    from .config import FetchConfig as FetchConfig
    from .config import LookupConfig as LookupConfig
    from .domains import DomainInfo as DomainInfo
    from .domains import domain_info as domain_info
    from .model import load_model as load_model
    from .notebook import Verdicts as Verdicts
    from .notebook import verdicts_to_dataframe as verdicts_to_dataframe
    from .snapshot import Snapshot as Snapshot
    from .verdict import Reason as Reason
    from .verdict import Verdict as Verdict
    from .warc import load_snapshot as load_snapshot
    from .warc import save_snapshot as save_snapshot
