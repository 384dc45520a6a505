"""Offline scoring speed: ``score_html`` and ``score_many`` against a bare HTML parse.

Usage::

    python benchmarks/score.py [--pages 400] [--rounds 3] [--batch-size 64]

Reads every fifth page of ../shared/data/pages.jsonl.gz when present (else the bundled
demo sites, repeated). Each path runs in a process of its own, warmed up on the same
pages first (the model loaded, the lexicon's patterns compiled), then timed over all
pages; the processes are interleaved ``--rounds`` times (parse, score_html, score_many,
parse, ...) and the medians are printed:

* a bare Lexbor parse with text extraction (``selectolax``, what any tool must do);
* ``score_html`` one page at a time (features, model, explanation, verdict);
* ``score_many`` in batches of ``--batch-size``;

with the ratios to the bare parse, pages per second per core, and the peak RSS of each
process. Then, in fresh processes, the time from ``import fakeinvest`` to the first
verdict (median of ``--rounds``), split into ``import fakeinvest`` (lazy: almost nothing),
importing scikit-learn with the model code, loading the model file, and the first score
(which compiles the lexicon's patterns it meets); and the size of the model file.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "pages.jsonl.gz"
PATHS = ("parse", "score_html", "score_many")


def load_pages(n: int) -> list[str]:
    if CORPUS.is_file():
        out = []
        with gzip.open(CORPUS, "rt", encoding="utf-8") as fh:
            for i, line in enumerate(fh):
                if i % 5 == 0:
                    out.append(json.loads(line)["html"])
                if len(out) >= n:
                    break
        return out
    from fakeinvest.demo import demo_site_dirs

    files = [f for d in demo_site_dirs().values() for f in sorted(d.glob("*.html"))]
    return [files[i % len(files)].read_text(encoding="utf-8") for i in range(n)]


def worker(path: str, n: int, batch_size: int) -> None:
    """One warm process: time one path over the pages; print seconds and peak RSS."""
    html = load_pages(n)
    if path == "parse":
        from selectolax.lexbor import LexborHTMLParser

        def run() -> None:
            for h in html:
                tree = LexborHTMLParser(h)
                body = tree.body
                if body is not None:
                    body.text(separator=" ", strip=True)
    elif path == "score_html":
        import fakeinvest

        def run() -> None:
            for h in html:
                fakeinvest.score_html(h)
    else:
        import fakeinvest

        def run() -> None:
            for _v in fakeinvest.score_many(html, batch_size=batch_size):
                pass
    run()  # warm-up: imports, model, compiled patterns
    t0 = time.perf_counter()
    run()
    seconds = time.perf_counter() - t0
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"seconds": seconds, "rss_mb": rss}))


def first_verdict() -> None:
    """A fresh process: import, model load and first score, timed apart."""
    t0 = time.perf_counter()
    import fakeinvest

    t1 = time.perf_counter()
    from fakeinvest.model import _model  # scikit-learn, SciPy and the model code

    t2 = time.perf_counter()
    _model.load_model()
    t3 = time.perf_counter()
    fakeinvest.score_html("<html><title>Plans</title><p>Earn 2% daily, withdraw any time.</p>")
    t4 = time.perf_counter()
    print(json.dumps({"import": t1 - t0, "libraries": t2 - t1, "load": t3 - t2,
                      "first": t4 - t3}))


def _child(*args: str) -> dict[str, float]:
    env = {**os.environ, "OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1"}
    out = subprocess.run([sys.executable, __file__, *args], capture_output=True, text=True,
                         env=env, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--pages", type=int, default=400)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--batch-size", type=int, default=64)
    ap.add_argument("--worker", choices=PATHS, help=argparse.SUPPRESS)
    ap.add_argument("--first-verdict", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.worker:
        worker(args.worker, args.pages, args.batch_size)
        return
    if args.first_verdict:
        first_verdict()
        return
    html = load_pages(args.pages)
    mb = sum(len(h.encode()) for h in html) / 1e6
    runs: dict[str, list[dict[str, float]]] = {p: [] for p in PATHS}
    for _ in range(args.rounds):
        for p in PATHS:
            runs[p].append(_child("--worker", p, "--pages", str(args.pages),
                                  "--batch-size", str(args.batch_size)))
    n = len(html)
    med = {p: statistics.median(r["seconds"] for r in runs[p]) for p in PATHS}
    rss = {p: max(r["rss_mb"] for r in runs[p]) for p in PATHS}
    ratios = {p: statistics.median(runs[p][i]["seconds"] / runs["parse"][i]["seconds"]
                                   for i in range(args.rounds)) for p in PATHS}
    print(f"pages: {n} ({mb:.1f} MB), {args.rounds} interleaved rounds, each path in its "
          "own warm process, one core each; medians")
    labels = {"parse": "bare Lexbor parse + text", "score_html": "score_html, one by one",
              "score_many": f"score_many, batch {args.batch_size}"}
    for p in PATHS:
        print(f"{labels[p]:<28} {n / med[p]:8.1f} pages/s   ratio to bare parse "
              f"{ratios[p]:6.2f}   peak RSS {rss[p]:6.0f} MB")
    gain = statistics.median(runs["score_html"][i]["seconds"] / runs["score_many"][i]["seconds"]
                             for i in range(args.rounds))
    print(f"score_html / score_many      {gain:.2f}")
    starts = [_child("--first-verdict") for _ in range(args.rounds)]
    parts = {k: statistics.median(s[k] for s in starts)
             for k in ("import", "libraries", "load", "first")}
    from fakeinvest.model._model import shipped_model_paths

    size = shipped_model_paths()[0].stat().st_size / 1e6
    print(f"import to first verdict      {sum(parts.values()):.2f} s  (import fakeinvest "
          f"{parts['import']:.2f} s, scikit-learn and the model code "
          f"{parts['libraries']:.2f} s, model file load {parts['load']:.2f} s, first score "
          f"{parts['first']:.2f} s; model file {size:.1f} MB)")


if __name__ == "__main__":
    main()
