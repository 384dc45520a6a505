"""Offline scoring throughput: featurise + score saved pages vs a bare HTML parse.

Usage::

    python benchmarks/score.py [--pages N]

Reads pages from ../shared/data/pages.jsonl.gz when present, else uses the bundled demo
sites. Prints pages/s for (1) a bare Lexbor parse with text extraction, (2) feature
extraction, (3) the full verdict (features + model + explanation), each the median of
three runs over the same pages in one process, and the ratios between them.
"""

from __future__ import annotations

import argparse
import gzip
import json
import statistics
import time
from pathlib import Path

from fakeinvest.features._extract import extract_features
from fakeinvest.model._model import load_model
from fakeinvest.snapshot import Page, Snapshot
from fakeinvest.textextract import extract_page_text

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "pages.jsonl.gz"


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


def timed(fn, items) -> float:
    runs = []
    for _ in range(3):
        t0 = time.perf_counter()
        for it in items:
            fn(it)
        runs.append(time.perf_counter() - t0)
    return statistics.median(runs)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--pages", type=int, default=300)
    args = ap.parse_args()
    html = load_pages(args.pages)
    model = load_model()
    model.verdict(Snapshot.from_html(html[0]))  # warm-up: lazy compilation, model load
    mb = sum(len(h.encode()) for h in html) / 1e6
    parse = timed(extract_page_text, html)
    # Fresh Page objects per run so no cached parse or features are reused.
    feats = timed(lambda h: extract_features(Snapshot(url=None, pages=(Page(None, h),))), html)
    full = timed(lambda h: model.verdict(Snapshot(url=None, pages=(Page(None, h),))), html)
    n = len(html)
    print(f"pages: {n} ({mb:.1f} MB), median of 3 runs, one core")
    print(f"bare parse + text       {n / parse:8.1f} pages/s")
    print(f"parse + features        {n / feats:8.1f} pages/s   "
          f"ratio to bare parse {feats / parse:.2f}")
    print(f"full verdict            {n / full:8.1f} pages/s   "
          f"ratio to bare parse {full / parse:.2f}")


if __name__ == "__main__":
    main()
