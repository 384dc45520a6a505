"""Grouped cross-validation at page and site level, with the evidence gate's blocks.

Users get one verdict per *site* from ``scan``: the landing page plus up to seven key pages,
features taken as the maximum over the pages and the texts joined. :func:`site_snapshots`
assembles the pages of each corpus group the same way (landing page first, then plans,
about, FAQ, deposit, withdraw, terms, contact, ... up to ``max_pages``), and
:func:`cross_validate` scores every page and every site with a model that never saw its
group, keeping the scheme block and the rest of each raw score apart
(:mod:`fakeinvest.model._evidence_gate`), so the gate's threshold and margin can be chosen on
out-of-fold scores without refitting.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from sklearn.model_selection import StratifiedGroupKFold

from ..model._model import Model
from ..snapshot import Snapshot

__all__ = ["PAGE_ORDER", "OutOfFold", "cross_validate", "site_snapshots"]

#: Order in which a site's pages are taken, like the crawler's landing page + key pages.
PAGE_ORDER = ("home", "plans", "about", "faq", "deposit", "withdraw", "terms", "contact",
              "affiliate", "account", "signup_login", "other")


@dataclass
class OutOfFold:
    """Out-of-fold blocks of every page and every site.

    Attributes
    ----------
    scheme, rest : ndarray of float
        Per page: scheme block and rest (base + topic) of the raw score.
    impersonated : ndarray of bool
        Per page.
    site_groups : list of str
    site_scheme, site_rest : ndarray of float
    site_impersonated : ndarray of bool
    site_y : ndarray of int
        Label of each site (its group's label).
    site_finance : ndarray of bool
        Whether any page of the site is finance-related.
    """

    scheme: np.ndarray
    rest: np.ndarray
    impersonated: np.ndarray
    site_groups: list[str]
    site_scheme: np.ndarray
    site_rest: np.ndarray
    site_impersonated: np.ndarray
    site_y: np.ndarray
    site_finance: np.ndarray


def site_snapshots(snapshots: Sequence[Snapshot], groups: np.ndarray,
                   meta: Sequence[Mapping[str, Any]], max_pages: int = 8
                   ) -> tuple[list[str], list[Snapshot], list[list[int]]]:
    """One multi-page snapshot per group, assembled as ``scan`` sees a site.

    Parameters
    ----------
    snapshots : sequence of Snapshot
        Single-page snapshots of the corpus.
    groups : ndarray of str
    meta : sequence of mapping
        Corpus fields of each page (``page_type``, ``id``).
    max_pages : int
        Pages per site, as ``FetchConfig.max_pages``.

    Returns
    -------
    groups, sites, members
        Sorted group names, their snapshots and the page indices each is made of.
    """
    rank = {t: i for i, t in enumerate(PAGE_ORDER)}
    by_group: dict[str, list[int]] = {}
    for i, g in enumerate(groups.tolist()):
        by_group.setdefault(str(g), []).append(i)
    names = sorted(by_group)
    members, sites = [], []
    for g in names:
        idx = sorted(by_group[g], key=lambda i: (rank.get(str(meta[i].get("page_type")),
                                                          len(rank)), str(meta[i].get("id", i))))
        idx = idx[:max_pages]
        members.append(idx)
        pages = tuple(p for i in idx for p in snapshots[i].pages)
        first = snapshots[idx[0]]
        sites.append(Snapshot(url=first.url, pages=pages, fetched_at=first.fetched_at))
    return names, sites, members


def cross_validate(snapshots: Sequence[Snapshot], y: np.ndarray, groups: np.ndarray,
                   meta: Sequence[Mapping[str, Any]], *, build: Callable[[], Any],
                   folds: int = 5, seed: int = 0, max_pages: int = 8) -> OutOfFold:
    """Grouped, stratified K-fold CV of a pipeline, scoring pages and sites out of fold.

    Parameters
    ----------
    snapshots : sequence of Snapshot
    y : ndarray of int
    groups : ndarray of str
    meta : sequence of mapping
        Corpus fields (``page_type``, ``id``, ``finance_related``).
    build : callable
        Returns the unfitted pipeline.
    folds, seed : int
        Of ``StratifiedGroupKFold(shuffle=True)``.
    max_pages : int
        Pages per assembled site.

    Returns
    -------
    OutOfFold
    """


    snapshots = list(snapshots)
    n = len(snapshots)
    site_names, sites, members = site_snapshots(snapshots, groups, meta, max_pages)
    site_index = {g: k for k, g in enumerate(site_names)}
    scheme, rest, imp = np.zeros(n), np.zeros(n), np.zeros(n, dtype=bool)
    s_scheme, s_rest = np.zeros(len(sites)), np.zeros(len(sites))
    s_imp = np.zeros(len(sites), dtype=bool)
    cv = StratifiedGroupKFold(n_splits=folds, shuffle=True, random_state=seed)
    for train_idx, test_idx in cv.split(np.zeros(n), y, groups):
        pipe = build()
        pipe.fit([snapshots[i] for i in train_idx], y[train_idx])
        model = Model(pipeline=pipe, calibration=(1.0, 0.0), threshold=0.5, version="cv",
                      card={})
        a, b, c = model.score_blocks([snapshots[i] for i in test_idx])
        scheme[test_idx], rest[test_idx], imp[test_idx] = a, b, c
        test_sites = sorted({site_index[str(g)] for g in groups[test_idx].tolist()})
        a, b, c = model.score_blocks([sites[k] for k in test_sites])
        s_scheme[test_sites], s_rest[test_sites], s_imp[test_sites] = a, b, c
    site_y = np.array([int(y[m[0]]) for m in members])
    site_fin = np.array([any(bool(meta[i].get("finance_related")) for i in m)
                         for m in members])
    return OutOfFold(scheme, rest, imp, site_names, s_scheme, s_rest, s_imp, site_y, site_fin)
