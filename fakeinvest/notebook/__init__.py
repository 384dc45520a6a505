"""Jupyter: verdict cards, data frames and plots (matplotlib and pandas are optional)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import lazy_loader

# Names are imported on first use: importing one stage never loads the others' heavy
# dependencies (scikit-learn, aiohttp, pandas).
__getattr__, __dir__, __all__ = lazy_loader.attach(
    __name__,
    submod_attrs={
        "_cards": ["Verdicts", "verdict_html", "verdicts_html"],
        "_frames": ["reasons_to_dataframe", "verdicts_to_dataframe"],
        "_plots": ["plot_calibration", "plot_contributions", "plot_roc_pr"],
    },
)

if TYPE_CHECKING:  # pragma: no cover
    from ._cards import Verdicts as Verdicts
    from ._cards import verdict_html as verdict_html
    from ._cards import verdicts_html as verdicts_html
    from ._frames import reasons_to_dataframe as reasons_to_dataframe
    from ._frames import verdicts_to_dataframe as verdicts_to_dataframe
    from ._plots import plot_calibration as plot_calibration
    from ._plots import plot_contributions as plot_contributions
    from ._plots import plot_roc_pr as plot_roc_pr
