"""Feature-extraction throughput on one core, against a bare parse with the same parser.

Usage::

    python benchmarks/features.py [--pages 1000] [--repeats 3]

Reads every n-th page of ../shared/data/pages.jsonl.gz (the bundled demo sites when the
corpus is absent) and times, over the same pages in one process, the median of
``--repeats`` runs of:

* ``bare parse``: ``LexborHTMLParser(html)`` (selectolax), the parser fakeinvest uses;
* ``parse + text``: :func:`fakeinvest.textextract.extract_page_text` (title, visible
  text, links), which every feature starts from;
* each feature stage alone, on already extracted text (returns, lexicon, brands, kit);
* ``features (model input)``: :func:`fakeinvest.features._extract.extract_features` on a fresh
  one-page snapshot (parse, text and every feature with its evidence, nothing cached), as
  training and the model's transformer run it;
* ``+ DOM fingerprint``: the same plus the landing page's DOM fingerprint, as a verdict
  runs it (a second parse and a walk over every element).

* ``(bs4 html.parser parse)``: for reference, a bare BeautifulSoup parse (every tenth
  page of the sample).

It prints pages/s and each time per page as a ratio to the bare Lexbor parse.
"""

from __future__ import annotations

import argparse
import gzip
import json
import statistics
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "pages.jsonl.gz"


def load_pages(n: int) -> list[str]:
    """Up to ``n`` pages spread over the corpus (or the demo sites)."""
    if CORPUS.is_file():
        with gzip.open(CORPUS, "rt", encoding="utf-8") as fh:
            rows = [json.loads(line)["html"] for line in fh]
        step = max(1, len(rows) // n)
        return rows[::step][:n]
    from fakeinvest.demo import demo_site_dirs

    files = [f for d in demo_site_dirs().values() for f in sorted(d.glob("*.html"))]
    return [files[i % len(files)].read_text(encoding="utf-8") for i in range(n)]


def timed(fn: Callable[[Any], object], items: Sequence[Any], repeats: int) -> float:
    """Median seconds of ``repeats`` passes of ``fn`` over ``items``."""
    runs = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        for it in items:
            fn(it)
        runs.append(time.perf_counter() - t0)
    return statistics.median(runs)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pages", type=int, default=1000)
    ap.add_argument("--repeats", type=int, default=3)
    args = ap.parse_args(argv)

    from selectolax.lexbor import LexborHTMLParser

    from fakeinvest.features._extract import extract_features
    from fakeinvest.features.brands import default_registry
    from fakeinvest.features.lexicon import find_signals
    from fakeinvest.features.returns import find_return_claims
    from fakeinvest.snapshot import Page, Snapshot
    from fakeinvest.textextract import extract_page_text

    html = load_pages(args.pages)
    texts = [extract_page_text(h) for h in html]
    registry = default_registry()
    extract_features(Snapshot(url=None, pages=(Page(None, html[0]),)))  # compile patterns
    stages: list[tuple[str, Callable[[Any], object], Sequence[Any]]] = [
        ("bare parse (Lexbor)", LexborHTMLParser, html),
        ("parse + text", extract_page_text, html),
        ("  returns", lambda t: find_return_claims(t.text), texts),
        ("  lexicon signals", lambda t: find_signals(t.text), texts),
        ("  brand mentions+claims",
         lambda t: (registry.mentions(t.text), registry.claims(t.title, t.site_name, t.text)),
         texts),
    ]
    try:
        from fakeinvest.features.fingerprint import dom_fingerprint
        from fakeinvest.features.kit import find_kit_markers
    except ImportError:
        pass
    else:
        stages += [("  kit markers", find_kit_markers, html),
                    ("  DOM fingerprint", dom_fingerprint, html)]
    stages += [
        ("features (model input)",
         lambda h: extract_features(Snapshot(url=None, pages=(Page(None, h),)),
                                    fingerprint=False), html),
        ("  + DOM fingerprint",
         lambda h: extract_features(Snapshot(url=None, pages=(Page(None, h),))), html),
    ]
    mb = sum(len(h.encode()) for h in html) / 1e6
    chars = sum(len(t.text) for t in texts) / len(texts)
    print(f"{len(html)} pages ({mb:.1f} MB HTML, {chars:.0f} visible characters a page); "
          f"median of {args.repeats} runs, one core")
    from bs4 import BeautifulSoup

    # Reference: the parser most scrapers use, on a subset (it is ~70x slower than Lexbor).
    stages.append(("(bs4 html.parser parse)", lambda h: BeautifulSoup(h, "html.parser"),
                   html[: max(1, len(html) // 10)]))
    print(f"{'stage':<26} {'pages/s':>9} {'ms/page':>8} {'x bare parse':>13}")
    base = None
    for name, fn, items in stages:
        per_page = timed(fn, items, args.repeats) / len(items)
        base = base or per_page
        print(f"{name:<26} {1 / per_page:>9.0f} {1000 * per_page:>8.3f} "
              f"{per_page / base:>13.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
