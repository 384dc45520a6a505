"""Import an optional dependency, or fail saying which extra installs it."""

from __future__ import annotations

import importlib
from types import ModuleType

from .errors import MissingDependencyError

__all__ = ["require"]


def require(module: str, extra: str) -> ModuleType:
    """Import ``module``; raise :class:`~fakeinvest.errors.MissingDependencyError` if absent.

    Parameters
    ----------
    module : str
        Module to import (``pandas``, ``matplotlib.pyplot``, ``dask.bag`` ...).
    extra : str
        The extra of fakeinvest that installs it (``notebook``, ``dask``, ``render``).

    Returns
    -------
    module
    """
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise MissingDependencyError(module.split(".")[0], extra) from exc
