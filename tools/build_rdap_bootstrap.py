"""Build fakeinvest/data/rdap_dns.json, the offline RDAP bootstrap, from IANA's dns.json.

IANA publishes the RDAP bootstrap registry for domain names (RFC 9224) at
https://data.iana.org/rdap/dns.json. This script reads that file (a URL or a local path),
keeps its ``services`` array and writes it with its provenance::

    python tools/build_rdap_bootstrap.py https://data.iana.org/rdap/dns.json
    python tools/build_rdap_bootstrap.py /path/to/dns.json --source "IANA dns.json, 2026-11-01"

The input may also be a bare ``services`` array (the form some packages ship, e.g. the
npm package rdap-client's ``dist/rdap-servers.json``); say where it came from with
``--source``.
"""

from __future__ import annotations

import argparse
import json
import sys
import urllib.request
from pathlib import Path
from typing import Any

OUT = Path(__file__).resolve().parents[1] / "fakeinvest" / "data" / "rdap_dns.json"


def load(src: str) -> Any:
    """Read JSON from a URL (http/https) or a file path."""
    if src.startswith(("http://", "https://")):
        with urllib.request.urlopen(src, timeout=30) as resp:
            return json.load(resp)
    return json.loads(Path(src).read_text(encoding="utf-8"))


def validate(services: Any) -> list[list[list[str]]]:
    """Check the RFC 9224 shape: a list of ``[[tld, ...], [base_url, ...]]`` entries."""
    if not isinstance(services, list) or not services:
        raise ValueError("no services array")
    out: list[list[list[str]]] = []
    for entry in services:
        if not (isinstance(entry, list) and len(entry) == 2
                and all(isinstance(x, list) for x in entry)):
            raise ValueError(f"bad service entry: {entry!r}")
        tlds = [str(t).lower() for t in entry[0]]
        urls = [str(u) if str(u).endswith("/") else f"{u}/" for u in entry[1]]
        if not tlds or not urls or not all(u.startswith(("http://", "https://")) for u in urls):
            raise ValueError(f"bad service entry: {entry!r}")
        out.append([sorted(tlds), urls])
    return sorted(out)


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("input", help="IANA dns.json URL or path (or a bare services array)")
    ap.add_argument("--source", help="provenance to record (default: the input)")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    data = load(args.input)
    if isinstance(data, dict):
        services = data.get("services")
        version = str(data.get("version", "1.0"))
        publication = data.get("publication")
    else:
        services, version, publication = data, "1.0", None
    services = validate(services)
    doc: dict[str, Any] = {"version": version, "source": args.source or args.input}
    if publication:
        doc["publication"] = publication
    doc["services"] = services
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(doc, ensure_ascii=False, separators=(",", ":")) + "\n",
                        encoding="utf-8")
    n_tlds = sum(len(s[0]) for s in services)
    print(f"wrote {args.out}: {len(services)} services, {n_tlds} TLDs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
