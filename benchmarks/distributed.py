"""Offline re-scoring throughput: one process against a Dask LocalCluster of 1 and 2 workers.

Usage::

    pip install -e ".[dask]"
    python benchmarks/distributed.py [--pages 20000] [--repeats 3] [--batch-size 500]

Writes ``--pages`` one-page WARC snapshots to a temporary directory, built from the bundled
demo sites' pages (each copy a little different: its own host name and a numbered
paragraph), then re-scores all of them with :func:`fakeinvest.batch._dask.rescore_snapshots`
into a fresh output directory per run: in this process (no Dask, what ``fakeinvest
rescore`` does without ``--dask``), and on local clusters of 1 and of 2 worker processes
(127.0.0.1 only, one thread each). Every configuration writes the same part files. The
clusters are started, and their workers have loaded the model, before any timing; the runs
are interleaved, and each configuration reports the median of ``--repeats`` runs in pages
per second, with the ratios between them and a projection of the time to re-score one
million sites on 2 and on 64 cores at the measured per-worker rate.

Dask's nannies start workers with one BLAS thread; the single process keeps OpenBLAS's
default (one per CPU), which the model's dense operations on one page pay for, so part of
the gap between the single process and one worker comes from there: "2 workers / 1 worker"
is the scaling figure.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from fakeinvest.batch._dask import connect, rescore_snapshots
from fakeinvest.demo import demo_site_dirs
from fakeinvest.snapshot import Page, Snapshot
from fakeinvest.warc import save_snapshot


def _unshadow_distributed() -> None:
    """This file is named like the ``distributed`` package it runs on; as a script, its
    directory comes first on sys.path and would shadow that package."""
    here = Path(__file__).resolve().parent
    sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != here]


def build_store(directory: Path, n: int) -> int:
    """Write ``n`` one-page snapshots; returns their total size in bytes."""
    pages = [(f.parent.name, f.name, f.read_text(encoding="utf-8"))
             for d in demo_site_dirs().values() for f in sorted(d.glob("*.html"))]
    when = datetime(2026, 1, 2, tzinfo=UTC)
    for i in range(n):
        site, name, html = pages[i % len(pages)]
        url = f"http://copy{i:05d}-{site}/{name}"
        html = html.replace("</body>", f"<p>Reference {i}: page {name} of {site}.</p></body>")
        save_snapshot(Snapshot(url=url, pages=(Page(url, html),), fetched_at=when), directory)
    return sum(p.stat().st_size for p in directory.iterdir())


def _warm_up() -> None:
    """Load the model and score one page (in each worker, before timing)."""
    from fakeinvest.model._model import load_model

    load_model().verdict(Snapshot.from_html("<html><body><p>5% daily</p></body></html>"))


def run_once(store: Path, work: Path, batch_size: int, client: Any) -> float:
    """Seconds to re-score the store into a fresh output directory."""
    out = Path(tempfile.mkdtemp(prefix="out-", dir=work))
    t0 = time.perf_counter()
    summary = rescore_snapshots([store], out, client=client, batch_size=batch_size)
    elapsed = time.perf_counter() - t0
    assert summary.skipped_parts == 0 and summary.failures == 0, summary
    shutil.rmtree(out)
    return elapsed


def main() -> None:
    _unshadow_distributed()
    ap = argparse.ArgumentParser()
    ap.add_argument("--pages", type=int, default=20_000)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--batch-size", type=int, default=500)
    args = ap.parse_args()
    batch = min(args.batch_size, max(1, args.pages // 8))  # enough batches to share out

    with tempfile.TemporaryDirectory(prefix="fakeinvest-bench-") as tmp, \
            contextlib.ExitStack() as stack:
        store, work = Path(tmp) / "snapshots", Path(tmp) / "work"
        store.mkdir()
        work.mkdir()
        t0 = time.perf_counter()
        size = build_store(store, args.pages)
        print(f"built {args.pages} one-page WARC snapshots ({size / 1e6:.1f} MB) in "
              f"{time.perf_counter() - t0:.0f} s")
        _warm_up()
        runs: dict[str, Callable[[], float]] = {
            "single process (no Dask)": lambda: run_once(store, work, batch, None)}
        for n in (1, 2):
            client = stack.enter_context(connect("local", n))
            client.run(_warm_up)
            runs[f"Dask LocalCluster, {n} worker{'s' * (n > 1)}"] = \
                lambda c=client: run_once(store, work, batch, c)
        times: dict[str, list[float]] = {name: [] for name in runs}
        load = [os.getloadavg()[0]]
        for _ in range(args.repeats):
            for name, run in runs.items():
                times[name].append(run())
                load.append(os.getloadavg()[0])

    rate = {name: args.pages / statistics.median(t) for name, t in times.items()}
    single, one, two = rate.values()
    print(f"pages: {args.pages}, batch size {batch}, median of {args.repeats} runs, "
          f"{os.cpu_count()} CPUs")
    for name, r in rate.items():
        print(f"{name:<30} {r:8.1f} pages/s   x{r / single:.2f} single process")
    print(f"ratios: 2 workers / 1 worker {two / one:.2f}, 2 workers / single process "
          f"{two / single:.2f}, 1 worker / single process {one / single:.2f}")
    # Re-scoring is CPU-bound and embarrassingly parallel (no shared state but the
    # read-only store), so a cluster scales with its cores at the measured per-worker
    # rate times the measured 2-worker efficiency; one million sites:
    per_worker = two / 2
    for cores in (2, 64):
        minutes = 1_000_000 / (per_worker * cores) / 60
        print(f"projection: 1,000,000 sites on {cores:>2} cores ({per_worker:.1f} files/s "
              f"per worker, as measured with 2 workers): {minutes:.0f} min")
    print(f"(BLAS threads: {_blas_threads()} in the single process, 1 per Dask worker; "
          f"1-minute load average after each run: {' '.join(f'{x:.1f}' for x in load[1:])})")


def _blas_threads() -> int:
    from threadpoolctl import threadpool_info

    return max((pool["num_threads"] for pool in threadpool_info()
                if pool.get("user_api") == "blas"), default=1)


if __name__ == "__main__":
    main()
