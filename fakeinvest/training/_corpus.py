"""Labelled data for research and training: sample a corpus, turn saved scans into records.

The record format is the one :mod:`fakeinvest.training._train` reads: JSON lines with at least
``html``, ``label`` (1 = fraudulent platform, 0 = legitimate) and ``group`` (pages of one
site share a group so they never sit on both sides of a cross-validation split), plus
``url`` and, here, ``page_type`` and ``source``.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import random
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import numpy as np

from ..features.domain import registrable_domain
from ..snapshot import Page, Snapshot
from ..warc import load_snapshot

__all__ = ["iter_records", "load_corpus", "record_snapshot", "sample_corpus",
           "snapshot_records", "write_jsonl"]

# Training snapshots get a fixed timestamp: the model must not depend on when it was built.
_EPOCH = datetime(2000, 1, 1, tzinfo=UTC)


def _open(path: Path) -> io.TextIOBase:
    """Open a corpus as text; gzip is recognised by its magic bytes, whatever the name."""
    with open(path, "rb") as fh:
        magic = fh.read(2)
    if magic == b"\x1f\x8b":
        return gzip.open(path, "rt", encoding="utf-8")  # type: ignore[return-value]
    return open(path, encoding="utf-8")


def iter_records(path: str | Path) -> Iterator[dict[str, Any]]:
    """Yield the JSON records of a corpus file, checking required fields.

    Parameters
    ----------
    path : str or Path

    Yields
    ------
    dict
    """
    path = Path(path)
    with _open(path) as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            rec = json.loads(line)
            missing = [k for k in ("html", "label", "group") if k not in rec]
            if missing:
                raise ValueError(f"{path}:{lineno}: record lacks {missing}")
            yield rec


def record_snapshot(rec: Mapping[str, Any]) -> Snapshot:
    """The single-page snapshot of a corpus record, as of a fixed instant (the model must
    not depend on when it was built or scored)."""
    url = rec.get("url") or None
    return Snapshot(url=url, pages=(Page(url=url, html=rec["html"]),), fetched_at=_EPOCH)


def load_corpus(path: str | Path | Sequence[str | Path], limit: int | None = None
                ) -> tuple[list[Snapshot], np.ndarray, np.ndarray, list[dict[str, Any]]]:
    """Read a labelled corpus (one file or several, concatenated) as single-page snapshots.

    Parameters
    ----------
    path : str, Path or sequence of them
    limit : int, optional
        Read at most this many records in all (smoke tests).

    Returns
    -------
    snapshots, labels, groups, metadata
        ``metadata`` keeps every field but ``html`` for reports.
    """
    snaps, labels, groups, meta = [], [], [], []
    paths = [path] if isinstance(path, str | Path) else list(path)
    records = (rec for p in paths for rec in iter_records(p))
    for i, rec in enumerate(records):
        if limit is not None and i >= limit:
            break
        snaps.append(record_snapshot(rec))
        labels.append(int(rec["label"]))
        groups.append(str(rec["group"]))
        meta.append({k: v for k, v in rec.items() if k != "html"})
    return snaps, np.array(labels), np.array(groups), meta


def sample_corpus(path: str | Path, n: int = 300, *, seed: int = 0, balanced: bool = False
                  ) -> tuple[list[Snapshot], np.ndarray, list[dict[str, Any]]]:
    """A random sample of a labelled corpus, stratified by label, read in one pass.

    Parameters
    ----------
    path : str or Path
        Corpus file (``.jsonl`` or ``.jsonl.gz``, the format of :mod:`fakeinvest.training._train`).
    n : int
        Sample size (fewer when the corpus is smaller).
    seed : int
        Random seed; the same seed and file give the same sample.
    balanced : bool
        ``False`` keeps the corpus's label proportions (so precision and calibration
        read as on the corpus); ``True`` draws the same number of pages per label.

    Returns
    -------
    snapshots, labels, metadata
        Single-page snapshots, an int array of labels and, per page, every record field
        but ``html`` (``family``, ``group``, ``page_type`` ...), in file order.
    """
    if n < 1:
        raise ValueError("n must be >= 1")
    rng = random.Random(seed)
    reservoirs: dict[int, list[tuple[int, dict[str, Any]]]] = {}
    seen: dict[int, int] = {}
    for i, rec in enumerate(iter_records(path)):
        label = int(rec["label"])
        k = seen[label] = seen.get(label, 0) + 1
        box = reservoirs.setdefault(label, [])
        if len(box) < n:
            box.append((i, rec))
        else:
            j = rng.randrange(k)
            if j < n:
                box[j] = (i, rec)
    total = sum(seen.values())
    labels = sorted(reservoirs)
    if balanced:
        quota = dict.fromkeys(labels, n // max(len(labels), 1))
    else:
        quota = {lab: round(n * seen[lab] / total) for lab in labels} if total else {}
    chosen: list[tuple[int, dict[str, Any]]] = []
    for lab in labels:
        box = reservoirs[lab]
        chosen += rng.sample(box, min(quota[lab], len(box)))
    chosen.sort(key=lambda t: t[0])
    snaps, ys, meta = [], [], []
    for _i, rec in chosen:
        snaps.append(record_snapshot(rec))
        ys.append(int(rec["label"]))
        meta.append({k: v for k, v in rec.items() if k != "html"})
    return snaps, np.array(ys, dtype=int), meta


def _host(url: str | None) -> str:
    try:
        return (urlsplit(url or "").hostname or "").lower()
    except ValueError:
        return ""


def _label_for(snapshot: Snapshot, labels: Mapping[str, int]) -> int | None:
    for key in (snapshot.url, snapshot.final_url, _host(snapshot.url),
                _host(snapshot.final_url)):
        if key and key in labels:
            return int(labels[key])
    return None


def snapshot_records(snapshot_dir: str | Path, labels: Mapping[str, int],
                     ) -> Iterator[dict[str, Any]]:
    """Training records from the WARC snapshots a scan saved (``snapshot_dir=``).

    Every page of a labelled site becomes one record; all pages of a site share its
    group (the registrable domain), so grouped cross-validation keeps them together.

    Parameters
    ----------
    snapshot_dir : str or Path
        A directory written by :func:`fakeinvest.scan_many` with ``snapshot_dir``.
    labels : mapping of str to int
        Label (1 = fraudulent platform, 0 = legitimate) by scanned URL or by host name.
        Sites without a label are skipped.

    Yields
    ------
    dict
        ``id``, ``url``, ``html``, ``label``, ``group``, ``page_type`` and ``source``
        (the snapshot file name).
    """

    for path in sorted(Path(snapshot_dir).glob("*.warc.gz")):
        snap = load_snapshot(path)
        label = _label_for(snap, labels)
        if label is None:
            continue
        host = _host(snap.final_url) or _host(snap.url)
        group = registrable_domain(host) or host or path.name
        for page in snap.pages:
            ident = hashlib.sha1(f"{path.name}\0{page.url}".encode()).hexdigest()[:16]
            yield {"id": ident, "url": page.url, "html": page.html, "label": label,
                   "group": group, "page_type": page.role, "source": path.name}


def write_jsonl(records: Iterable[Mapping[str, Any]], path: str | Path) -> int:
    """Write records as JSON lines (gzip-compressed when ``path`` ends in ``.gz``).

    Parameters
    ----------
    records : iterable of mapping
    path : str or Path

    Returns
    -------
    int
        The number of records written.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    count = 0
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "wt", encoding="utf-8") as fh:  # type: ignore[operator]
        for rec in records:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
            count += 1
    return count
