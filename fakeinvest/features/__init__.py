"""Features: pure, linear-time functions of a page (text, HTML, URL) with evidence.

The catalogue (:data:`CATALOGUE`) names every feature once, with its group and meaning;
:func:`extract_features` computes them all for a snapshot. The extractors live in the
submodules: ``lexicon`` (scheme wording), ``returns`` (promised rates), ``brands``
(registry and impersonation), ``kit`` (scam-script traces), ``fingerprint`` (the DOM
structure of a kit), ``hosting``, ``domain`` (URL parts), ``normalize``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import lazy_loader

__getattr__, __dir__, __all__ = lazy_loader.attach(
    __name__,
    submodules=["brands", "domain", "fingerprint", "hosting", "kit", "lexicon", "normalize",
                "returns"],
    submod_attrs={
        "_extract": ["ALL_FEATURES", "CATALOGUE", "Evidence", "Feature", "FeatureSet",
                     "extract_features", "model_text"],
    },
)

if TYPE_CHECKING:  # pragma: no cover
    from ._extract import ALL_FEATURES as ALL_FEATURES
    from ._extract import CATALOGUE as CATALOGUE
    from ._extract import Evidence as Evidence
    from ._extract import Feature as Feature
    from ._extract import FeatureSet as FeatureSet
    from ._extract import extract_features as extract_features
    from ._extract import model_text as model_text
