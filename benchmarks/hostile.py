"""Cost per byte of hostile pages against ordinary ones, for the whole offline verdict.

Usage::

    python benchmarks/hostile.py [--scale 1.0] [--pages 40] [--repeats 3]

Ordinary pages: corpus pages of 80-400 KB from ../shared/data/pages.jsonl.gz (the bundled
demo pages when the corpus is absent). Hostile pages: every generator of
:mod:`fakeinvest.testing._documents` (deep and unclosed nesting, mark runs, trigger
floods, attribute floods ...), at ``--scale`` and at twice that size. For each, the
verdict (parse, every extractor, model, explanation) is timed in this warm process
(median of ``--repeats``), and the cost per byte is printed as a multiple of the
ordinary pages' median; the "x2 size" column is the ratio of the per-byte costs at twice
the size (about 1.0 when the cost is linear). The worst multiple closes the table.
"""

from __future__ import annotations

import argparse
import gzip
import json
import statistics
import time
from pathlib import Path

from fakeinvest.model import load_model
from fakeinvest.snapshot import Page, Snapshot
from fakeinvest.testing._documents import GENERATORS, hostile_page

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "pages.jsonl.gz"
URL = "https://bench.example/"


def ordinary_pages(n: int) -> list[str]:
    out: list[str] = []
    if CORPUS.is_file():
        with gzip.open(CORPUS, "rt", encoding="utf-8") as fh:
            for i, line in enumerate(fh):
                if i % 7 == 0:
                    html = json.loads(line)["html"]
                    if 80_000 <= len(html.encode()) <= 400_000:
                        out.append(html)
                if len(out) >= n:
                    break
        return out
    from fakeinvest.demo import demo_site_dirs

    files = [f for d in demo_site_dirs().values() for f in sorted(d.glob("*.html"))]
    return [f.read_text(encoding="utf-8") for f in files][:n]


def per_byte(model, html: str, repeats: int) -> float:
    """Median seconds per byte of a verdict on a fresh page (no cached parse)."""
    runs = []
    for _ in range(repeats):
        snap = Snapshot(url=URL, pages=(Page(URL, html),))
        t0 = time.perf_counter()
        model.verdict(snap)
        runs.append(time.perf_counter() - t0)
    return statistics.median(runs) / max(1, len(html.encode()))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--scale", type=float, default=1.0)
    ap.add_argument("--pages", type=int, default=40)
    ap.add_argument("--repeats", type=int, default=3)
    args = ap.parse_args()
    model = load_model()
    pages = ordinary_pages(args.pages)
    for html in pages:  # warm-up: compiled patterns, the suffix list
        model.verdict(Snapshot(url=URL, pages=(Page(URL, html),)))
    base = statistics.median(per_byte(model, h, 1) for h in pages)
    print(f"ordinary pages: {len(pages)}, median {base * 1e9:.0f} ns per byte; hostile "
          f"pages at scale {args.scale:g}, median of {args.repeats}")
    print(f"{'generator':<20} {'KB':>7} {'x ordinary':>11} {'x2 size':>8}")
    worst = ("", 0.0)
    for name in sorted(GENERATORS):
        html = hostile_page(name, args.scale)
        cost = per_byte(model, html, args.repeats)
        twice = per_byte(model, hostile_page(name, 2 * args.scale), args.repeats)
        ratio = cost / base
        worst = max(worst, (name, ratio), key=lambda w: w[1])
        print(f"{name:<20} {len(html.encode()) / 1e3:7.0f} {ratio:11.1f} {twice / cost:8.2f}")
    print(f"worst: {worst[0]} at {worst[1]:.1f}x the cost per byte of ordinary pages")


if __name__ == "__main__":
    main()
