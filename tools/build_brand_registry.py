"""Build fakeinvest/data/brands.csv from the corpus's official-brand-domain list.

Usage::

    python tools/build_brand_registry.py [../shared/data/lists/official_brand_domains.csv]

The output holds one row per brand: display name, search aliases, kind, official domains
and look-alike domains seen during curation. Only names and domains are kept.

``tools/brands_supplement.csv`` (ours) adds the brands impersonated in Laos and Vietnam that
the corpus list lacks. A brand with no verified domain is kept with an empty domain list:
its name is still found in pages, but no impersonation is claimed for it.
"""

from __future__ import annotations

import csv
import re
import sys
from collections import OrderedDict
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "lists"
DEFAULT_SRC = SRC / "official_brand_domains.csv"
OUT = Path(__file__).resolve().parents[1] / "fakeinvest" / "data" / "brands.csv"
SUPPLEMENT = Path(__file__).resolve().parent / "brands_supplement.csv"


# Names that are ordinary words or country codes: searching for them in page text would
# find the word, not the brand ("True", "Wise", "FCA (UK)" -> "UK").
NOT_ALIASES = frozenset(
    "UK US FR NL HK JP ZA NZ EU True Stake Wise Ally Gate Apex Stuff du EE e& Aster Nado "
    "SWISS BT Octa Futu ccxt".split()
    # Countries that qualify a name ("ABC (Australia)", "The Star (Malaysia)"): a page that
    # names the country does not claim the brand.
    + "Australia Malaysia Singapore India Indonesia Vietnam Thailand Laos Philippines "
      "Cambodia Myanmar China Japan Korea Canada Germany France Europe Global "
      "International".split()
)


def aliases_of(brand: str) -> list[str]:
    """Split 'ATFX (AT Global Markets)' / 'Deriv / Binary.com' into search aliases."""
    parts = re.split(r"\s*[()/]\s*", brand)
    out = []
    for p in parts:
        p = p.strip(" ,")
        if len(p) >= 2 and p not in out and p not in NOT_ALIASES:
            out.append(p)
    return out


def main(argv: list[str]) -> int:
    src = Path(argv[1]) if len(argv) > 1 else DEFAULT_SRC
    brands: OrderedDict[str, dict] = OrderedDict()
    for path in (src, SUPPLEMENT):
        with open(path, newline="", encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                name = row["brand"].strip()
                b = brands.setdefault(name, {"kind": "", "official": [], "lookalike": [],
                                             "aliases": aliases_of(name), "keep": False})
                extra = [a.strip() for a in (row.get("aliases") or "").split("|") if a.strip()]
                b["aliases"] += [a for a in extra if a not in b["aliases"]]
                b["keep"] = b["keep"] or path == SUPPLEMENT  # curated: kept even domainless
                dom = row["domain"].strip().lower()
                if row["kind"] == "lookalike":
                    b["lookalike"].append(dom)
                else:
                    b["kind"] = b["kind"] or row["kind"]
                    if dom:
                        b["official"].append(dom)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with open(OUT, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["brand", "aliases", "kind", "official_domains", "lookalike_domains"])
        for name, b in brands.items():
            if not b["official"] and not b["keep"]:
                continue
            if not b["aliases"]:
                continue
            w.writerow([name, "|".join(b["aliases"]), b["kind"], "|".join(b["official"]),
                        "|".join(b["lookalike"])])
    print(f"wrote {OUT} ({sum(1 for b in brands.values() if b['official'])} brands)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
