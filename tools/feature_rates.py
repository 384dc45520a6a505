"""Write docs/features.md: every feature's definition and how often it fires, by label.

Usage::

    python tools/feature_rates.py [--data ../shared/data/pages.jsonl.gz] [--out docs/features.md]
                                  [--jobs 2]

Each corpus record becomes a one-page snapshot (with its URL when the record has one) and
is featurised exactly as a scan would. A feature *fires* on a page when its value is above
zero; NaN (unknown, e.g. no URL or no WHOIS) is counted separately as "known". The table
shows the share of scam pages, legitimate pages and finance-related legitimate pages on
which each feature fires.
"""

from __future__ import annotations

import argparse
import math
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "pages.jsonl.gz"
DEFAULT_OUT = ROOT / "docs" / "features.md"


def _featurise(rec: dict[str, Any]) -> tuple[int, bool, dict[str, float]]:
    from fakeinvest.features._extract import extract_features
    from fakeinvest.snapshot import Page, Snapshot

    url = rec.get("url")
    snap = Snapshot(url=url, pages=(Page(url, rec["html"]),))
    fs = extract_features(snap)
    return int(rec["label"]), bool(rec.get("finance_related")), fs.values


def _rate(values: list[float]) -> tuple[float, float]:
    """(share firing among all, share with a known value)."""
    if not values:
        return math.nan, math.nan
    known = [v for v in values if not math.isnan(v)]
    fired = sum(1 for v in known if v > 0)
    return fired / len(values), len(known) / len(values)


def render(rows: list[tuple[int, bool, dict[str, float]]], data: Path) -> str:
    """The Markdown page."""
    from fakeinvest.features._extract import (
        CONTEXT_FEATURES,
        FEATURE_DESCRIPTIONS,
        IMPERSONATION_FEATURES,
        MODEL_FEATURES,
        SCHEME_FEATURES,
    )

    groups = {
        "scam": [v for label, _f, v in rows if label == 1],
        "legit": [v for label, _f, v in rows if label == 0],
        "legit, finance": [v for label, fin, v in rows if label == 0 and fin],
    }
    sizes = {k: len(v) for k, v in groups.items()}
    out = [
        "# Features",
        "",
        "Every feature is computed per page from the visible text (or the HTML, for kit",
        "markers), and per site as the strongest page; every non-zero value comes with",
        "evidence: the quote, the page URL and character offsets into the page's visible",
        "text (`Evidence.start`/`end`), or the value it was derived from (host name, WHOIS",
        "record). *Scheme* features carry learned weights kept >= 0 and are the evidence a",
        "flag needs; *topic* features carry learned weights inside the bounded topic block;",
        "*impersonation* features add one fixed log-likelihood ratio (model card); *context*",
        "features are shown as facts on every verdict but carry no weight (see",
        "`fakeinvest.features.CATALOGUE` and `fakeinvest/model/_evidence_gate.py`).",
        "",
        "## How often each feature fires",
        "",
        f"On `{data.name}`: {sizes['scam']} scam pages, {sizes['legit']} legitimate pages, "
        f"of which {sizes['legit, finance']} finance-related. A feature fires when its value",
        "is above zero; *known* is the share of pages where it could be computed at all",
        "(URL features need a URL, domain age needs WHOIS, which the corpus does not have).",
        "Regenerate with `python tools/feature_rates.py`.",
        "",
        "| feature | kind | scam | legit | legit, finance | known (scam / legit) |",
        "|---|---|---:|---:|---:|---:|",
    ]
    for name in (*MODEL_FEATURES, *CONTEXT_FEATURES):
        kind = ("scheme" if name in SCHEME_FEATURES else "topic" if name in MODEL_FEATURES
                else "impersonation" if name in IMPERSONATION_FEATURES else "context")
        cells = []
        known = []
        for key in ("scam", "legit", "legit, finance"):
            fired, k = _rate([v[name] for v in groups[key]])
            cells.append("–" if math.isnan(fired) else f"{100 * fired:.1f} %")
            if key != "legit, finance":
                known.append("–" if math.isnan(k) else f"{100 * k:.0f} %")
        out.append(f"| `{name}` | {kind} | {' | '.join(cells)} | {' / '.join(known)} |")
    out += ["", "## Definitions", "", "| feature | definition |", "|---|---|"]
    for name in (*MODEL_FEATURES, *CONTEXT_FEATURES):
        out.append(f"| `{name}` | {FEATURE_DESCRIPTIONS[name]} |")
    out.append("")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--jobs", type=int, default=2)
    args = ap.parse_args(argv)
    if not args.data.is_file():
        print(f"no corpus at {args.data}; pass --data PATH", file=sys.stderr)
        return 2
    from fakeinvest.training import iter_records

    records = list(iter_records(args.data))
    with ProcessPoolExecutor(args.jobs) as pool:
        rows = list(pool.map(_featurise, records, chunksize=32))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(render(rows, args.data), encoding="utf-8")
    print(f"wrote {args.out} ({len(rows)} pages)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
