"""Bulk domain lookups: RDAP and WHOIS against local servers, cold and warm cache.

``--domains`` registrable domains (default 1,000) across ten TLDs — four with an RDAP
server in IANA's bootstrap (.com .org .xyz .top) and six without (.vn .io .la .jp .ru .cn)
— are looked up through :func:`fakeinvest.domains._lookup.lookup_facts` by ``--workers``
threads (default 32). Every domain appears three times in the input (bare, as a ``www.``
URL, as a URL with a path), shuffled, so the in-flight de-duplication is exercised. A
local WHOIS server and a local RDAP server answer, each answer delayed by ``--latency``
seconds (default 0.02).

For each strategy (``rdap-first``: the library's default order; ``whois-only``:
``FAKEINVEST_RDAP_URL=off``) the script runs a cold pass (empty cache) and a warm pass,
and prints the time, the queries each server received, the largest number of lookups of
one domain, and the share of domains whose creation date was read.

Run::

    python benchmarks/domain_lookups.py [--domains 1000] [--workers 32] [--latency 0.02] [--json]

Only 127.0.0.1 is contacted: ``FAKEINVEST_WHOIS_SERVER`` and ``FAKEINVEST_RDAP_URL`` point
at the local servers and the cache lives in a temporary directory.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import tempfile
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from typing import Any

from fakeinvest.testing._servers import RdapServer, WhoisServer, rdap_record

RDAP_TLDS = ("com", "org", "xyz", "top")
WHOIS_TLDS = ("vn", "io", "la", "jp", "ru", "cn")
TLDS = RDAP_TLDS + WHOIS_TLDS


def domains(n: int) -> list[str]:
    """``n`` distinct registrable domains over the benchmark TLDs."""
    return [f"invest-{i:05d}.{TLDS[i % len(TLDS)]}" for i in range(n)]


def whois_text(domain: str, created: datetime) -> str:
    """A registry answer in the TLD's own layout."""
    tld = domain.rsplit(".", 1)[1]
    expires = created + timedelta(days=365)
    if tld == "jp":
        return (f"Domain Information:\n[Domain Name]       {domain.upper()}\n"
                f"[Name Server]       ns1.{domain}\n[Created on]        {created:%Y/%m/%d}\n"
                f"[Expires on]        {expires:%Y/%m/%d}\n[Status]            Active\n")
    if tld == "ru":
        return (f"domain:        {domain.upper()}\nnserver:       ns1.{domain}.\n"
                f"state:         REGISTERED, DELEGATED\nperson:        Private Person\n"
                f"registrar:     REGRU-RU\ncreated:       {created:%Y-%m-%dT%H:%M:%SZ}\n"
                f"paid-till:     {expires:%Y-%m-%dT%H:%M:%SZ}\nsource:        TCI\n")
    if tld == "cn":
        return (f"Domain Name: {domain}\nDomain Status: ok\nSponsoring Registrar: 阿里云\n"
                f"Name Server: dns1.{domain}\nRegistration Time: {created:%Y-%m-%d %H:%M:%S}\n"
                f"Expiration Time: {expires:%Y-%m-%d %H:%M:%S}\n")
    if tld == "vn":
        return (f"Domain Name: {domain}\nRegistrar: PA Viet Nam\n"
                f"Creation Date: {created:%d-%m-%Y}\nExpiration Date: {expires:%d-%m-%Y}\n"
                f"Name Server: ns1.{domain}\n")
    return (f"Domain Name: {domain.upper()}\nUpdated Date: {created:%Y-%m-%dT%H:%M:%SZ}\n"
            f"Creation Date: {created:%Y-%m-%dT%H:%M:%SZ}\n"
            f"Registry Expiry Date: {expires:%Y-%m-%dT%H:%M:%SZ}\n"
            f"Registrar: Example Registrar, Inc.\nRegistrant Organization: REDACTED FOR PRIVACY\n"
            f"Domain Status: clientTransferProhibited https://icann.org/epp#clientTransferProhibited\n"
            f"Name Server: NS1.{domain.upper()}\n")


def delayed_whois(text: str, latency: float) -> Any:
    def answer(conn: Any) -> None:
        time.sleep(latency)
        conn.sendall(text.encode("utf-8"))
    return answer


def delayed_rdap(obj: dict[str, Any], latency: float) -> Any:
    body = json.dumps(obj).encode("utf-8")

    def answer(handler: Any) -> None:
        time.sleep(latency)
        handler._send(200, body)
    return answer


def run(n: int, workers: int, latency: float, strategy: str) -> list[dict[str, Any]]:
    """Cold and warm pass of one strategy; one result dict per pass."""
    from fakeinvest.domains import _lookup as domaininfo

    names = domains(n)
    created = datetime(2026, 1, 1, tzinfo=UTC)
    whois_records = {d: delayed_whois(whois_text(d, created + timedelta(hours=i)), latency)
                     for i, d in enumerate(names)}
    rdap_records = {d: delayed_rdap(rdap_record(d, created + timedelta(hours=i),
                                                "Example Registrar, Inc.", redacted=True),
                                    latency)
                    for i, d in enumerate(names) if d.rsplit(".", 1)[1] in RDAP_TLDS}
    inputs = names + [f"www.{d}" for d in names] + [f"https://{d}/plans" for d in names]
    random.Random(7).shuffle(inputs)
    rows = []
    with WhoisServer(whois_records) as ws, RdapServer(rdap_records) as rs, \
            tempfile.TemporaryDirectory() as cache:
        os.environ["FAKEINVEST_WHOIS_SERVER"] = ws.address
        os.environ["FAKEINVEST_RDAP_URL"] = rs.url if strategy == "rdap-first" else "off"
        os.environ["FAKEINVEST_CACHE_DIR"] = cache
        # Pay the one-off costs (imports, suffix list, bootstrap, cache file) untimed.
        domaininfo.lookup_facts("warm-up.invalid-tld-x", timeout=1.0)
        domaininfo.registrable_domain("www.example.com")
        __import__("whois.whois")
        __import__("fakeinvest.domains._rdap", fromlist=["bootstrap"]).bootstrap()
        for phase in ("cold", "warm"):
            w0, r0 = len(ws.queries), len(rs.queries)
            t0 = time.perf_counter()
            with ThreadPoolExecutor(workers) as pool:
                got = list(pool.map(lambda u: domaininfo.lookup_facts(u, timeout=10.0), inputs))
            elapsed = time.perf_counter() - t0
            wq, rq = ws.queries[w0:], rs.queries[r0:]
            per_domain = Counter(q for q in wq + rq if "." in q)
            ok = sum(1 for f in got if f.error is None and f.created is not None)
            rows.append({
                "strategy": strategy, "pass": phase, "seconds": round(elapsed, 3),
                "lookups": len(inputs), "domains": n, "whois_queries": len(wq),
                "iana_queries": sum(1 for q in wq if "." not in q), "rdap_queries": len(rq),
                "max_queries_per_domain": max(per_domain.values(), default=0),
                "domains_queried": len(per_domain), "created_read": ok / len(got),
                "sources": dict(Counter(f.source for f in got)),
            })
    return rows


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--domains", type=int, default=1000)
    ap.add_argument("--workers", type=int, default=32)
    ap.add_argument("--latency", type=float, default=0.02)
    ap.add_argument("--strategy", choices=("both", "rdap-first", "whois-only"), default="both")
    ap.add_argument("--json", action="store_true", help="also print all rows as one JSON line")
    args = ap.parse_args(argv)
    strategies = ("rdap-first", "whois-only") if args.strategy == "both" else (args.strategy,)
    rows = [row for s in strategies for row in run(args.domains, args.workers, args.latency, s)]
    print(f"{args.domains} domains x 3 spellings, {args.workers} threads, "
          f"{args.latency * 1000:.0f} ms per answer")
    print(f"{'strategy':<11} {'pass':<5} {'seconds':>8} {'lookups/s':>10} {'whois q':>8} "
          f"{'iana q':>7} {'rdap q':>7} {'max/dom':>8} {'created':>8}")
    for r in rows:
        print(f"{r['strategy']:<11} {r['pass']:<5} {r['seconds']:>8.3f} "
              f"{r['lookups'] / r['seconds']:>10.0f} {r['whois_queries']:>8} "
              f"{r['iana_queries']:>7} {r['rdap_queries']:>7} "
              f"{r['max_queries_per_domain']:>8} {r['created_read']:>8.1%}")
    if args.json:
        print(json.dumps(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
