"""Crawl throughput: fakeinvest's crawler against Scrapy, on the same local web of sites.

A server process on 127.0.0.1 serves ``--sites`` sites (one host name each, default 1,000),
each a landing page linking to four key pages (plans, about, FAQ, withdraw), every answer
delayed by ``--latency`` seconds (default 0.1). Each crawler fetches every landing page,
picks the key pages from its links with the same rules
(:func:`fakeinvest.web.key_page_urls`)
and fetches them: ``5 x sites`` pages in all, with at most ``--concurrency`` requests in
flight (default 64) and 4 per host.

The latency-bound ideal at that concurrency is ``pages x latency / concurrency`` seconds;
the script prints pages/s, the ratio to that ideal and to Scrapy, as medians of
``--repeats`` runs (each crawler in its own fresh process, runs interleaved).

Run::

    pip install -e ".[bench]"        # Scrapy is a benchmark-only extra
    python benchmarks/crawl.py [--sites 1000] [--latency 0.1] [--concurrency 64]

Only 127.0.0.1 is ever contacted: both crawlers map the site names to loopback themselves
(no DNS), and the SSRF guard of fakeinvest allows 127.0.0.0/8 only.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import multiprocessing as mp
import os
import statistics
import subprocess
import sys
import time

KEY_PATHS = ("plans", "about", "faq", "withdraw")
FILLER = " ".join(["Our platform offers professional asset management."] * 60)


def site_names(n: int) -> list[str]:
    """Host names of the benchmark sites."""
    return [f"site{i:05d}-invest.test" for i in range(n)]


# -- the server (own process) ------------------------------------------------------------

def _serve(port_out: mp.SimpleQueue, latency: float) -> None:
    from aiohttp import web

    links = "".join(f'<li><a href="/{p}">{p.title()}</a></li>' for p in KEY_PATHS)

    async def page(request: web.Request) -> web.Response:
        await asyncio.sleep(latency)
        host = request.host.split(":")[0]
        path = request.path.strip("/") or "home"
        body = (f"<html><head><title>{host} {path}</title></head><body>"
                f"<nav><ul>{links}</ul></nav><h1>{path}</h1><p>{FILLER}</p></body></html>")
        return web.Response(text=body, content_type="text/html")

    async def main() -> None:
        app = web.Application()
        app.router.add_get("/{tail:.*}", page)
        runner = web.AppRunner(app, access_log=None)
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0, backlog=2048)
        await site.start()
        port_out.put(runner.addresses[0][1])
        await asyncio.Event().wait()

    asyncio.run(main())


# -- fakeinvest (child process) ----------------------------------------------------------

def run_fakeinvest(port: int, sites: int, concurrency: int) -> dict[str, float]:
    """Crawl every site with fakeinvest's crawler; return pages, seconds, CPU seconds."""
    from fakeinvest.config import FetchConfig
    from fakeinvest.web._crawler import Crawler

    names = site_names(sites)
    cfg = FetchConfig(resolve=dict.fromkeys(names, "127.0.0.1"), allow_private=["127.0.0.0/8"],
                      max_pages=1 + len(KEY_PATHS), max_connections=concurrency,
                      max_connections_per_host=4, site_deadline=120)

    async def crawl() -> int:
        slots = asyncio.Semaphore(concurrency)
        async with Crawler(cfg) as crawler:

            async def one(name: str) -> int:
                async with slots:
                    return len(await crawler.fetch_site(f"http://{name}:{port}/"))

            return sum(await asyncio.gather(*(one(n) for n in names)))

    cpu0, t0 = time.process_time(), time.perf_counter()
    pages = asyncio.run(crawl())
    return {"pages": pages, "seconds": time.perf_counter() - t0,
            "cpu": time.process_time() - cpu0}


# -- Scrapy (child process) --------------------------------------------------------------

def run_scrapy(port: int, sites: int, concurrency: int) -> dict[str, float]:
    """The same crawl with Scrapy (Twisted HTTP/1.1 client, default middlewares)."""
    import scrapy
    from scrapy.crawler import CrawlerProcess
    from twisted.internet import defer
    from twisted.internet.error import DNSLookupError
    from twisted.internet.interfaces import IResolverSimple
    from zope.interface import implementer

    from fakeinvest.textextract import Link
    from fakeinvest.web._discovery import key_page_urls

    names = set(site_names(sites))
    counter = {"pages": 0}

    @implementer(IResolverSimple)
    class LoopbackResolver:
        """Benchmark site names resolve to 127.0.0.1; anything else fails (no DNS)."""

        def __init__(self, reactor: object) -> None:
            self.reactor = reactor

        @classmethod
        def from_crawler(cls, crawler: object, reactor: object) -> LoopbackResolver:
            return cls(reactor)

        def install_on_reactor(self) -> None:
            self.reactor.installResolver(self)  # type: ignore[attr-defined]

        def getHostByName(self, name: str, timeout: object = ()) -> defer.Deferred:
            if name in names or name == "127.0.0.1":
                return defer.succeed("127.0.0.1")
            return defer.fail(DNSLookupError(name))

    globals()["LoopbackResolver"] = LoopbackResolver

    class Sites(scrapy.Spider):
        name = "sites"

        async def start(self):  # type: ignore[override]
            for host in sorted(names):
                yield scrapy.Request(f"http://{host}:{port}/", callback=self.landing)

        def landing(self, response: scrapy.http.Response):  # type: ignore[no-untyped-def]
            counter["pages"] += 1
            links = [Link(href=a.attrib.get("href", ""),
                          text=" ".join(a.css("::text").getall()))
                     for a in response.css("a")]
            for url, _role in key_page_urls(response.url, links, len(KEY_PATHS)):
                yield scrapy.Request(url, callback=self.key_page)

        def key_page(self, response: scrapy.http.Response) -> None:
            counter["pages"] += 1

    process = CrawlerProcess(settings={
        "CONCURRENT_REQUESTS": concurrency,
        "CONCURRENT_REQUESTS_PER_DOMAIN": 4,
        "DOWNLOAD_DELAY": 0,
        "ROBOTSTXT_OBEY": False,
        "COOKIES_ENABLED": False,
        "TELNETCONSOLE_ENABLED": False,
        "LOG_LEVEL": "ERROR",
        "DNS_RESOLVER": f"{__name__}.LoopbackResolver",
        "TWISTED_DNS_RESOLVER": f"{__name__}.LoopbackResolver",
        "DOWNLOAD_TIMEOUT": 120,
    })
    process.crawl(Sites)
    cpu0, t0 = time.process_time(), time.perf_counter()
    process.start()
    return {"pages": counter["pages"], "seconds": time.perf_counter() - t0,
            "cpu": time.process_time() - cpu0}


def _child(kind: str, port: int, sites: int, concurrency: int) -> dict[str, float]:
    """Run one crawler in a fresh interpreter; returns its JSON result."""
    out = subprocess.run(
        [sys.executable, os.path.abspath(__file__), "--child", kind, "--port", str(port),
         "--sites", str(sites), "--concurrency", str(concurrency)],
        capture_output=True, text=True, timeout=1800, check=False)
    if out.returncode != 0:
        raise RuntimeError(f"{kind} crawl failed:\n{out.stderr[-3000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sites", type=int, default=1000)
    ap.add_argument("--latency", type=float, default=0.1)
    ap.add_argument("--concurrency", type=int, default=64)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--no-scrapy", action="store_true", help="skip the Scrapy comparison")
    ap.add_argument("--child", choices=["fakeinvest", "scrapy"], help=argparse.SUPPRESS)
    ap.add_argument("--port", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)

    if args.child:
        run = run_fakeinvest if args.child == "fakeinvest" else run_scrapy
        print(json.dumps(run(args.port, args.sites, args.concurrency)))
        return 0

    ctx = mp.get_context("spawn")
    port_q: mp.SimpleQueue = ctx.SimpleQueue()
    server = ctx.Process(target=_serve, args=(port_q, args.latency), daemon=True)
    server.start()
    port = port_q.get()
    kinds = ["fakeinvest"] + ([] if args.no_scrapy else ["scrapy"])
    results: dict[str, list[dict[str, float]]] = {k: [] for k in kinds}
    try:
        for _ in range(args.repeats):
            for kind in kinds:
                results[kind].append(_child(kind, port, args.sites, args.concurrency))
    finally:
        server.terminate()

    pages = args.sites * (1 + len(KEY_PATHS))
    ideal = pages * args.latency / args.concurrency
    print(f"{args.sites} sites x {1 + len(KEY_PATHS)} pages = {pages} pages, "
          f"latency {args.latency * 1000:.0f} ms, concurrency {args.concurrency}: "
          f"ideal {ideal:.2f} s ({pages / ideal:.0f} pages/s); medians of {args.repeats}")
    print(f"{'crawler':<12} {'pages':>6} {'wall s':>8} {'CPU s':>7} {'pages/s':>8} "
          f"{'of ideal':>9}")
    medians = {}
    for kind, runs in results.items():
        wall = statistics.median(r["seconds"] for r in runs)
        cpu = statistics.median(r["cpu"] for r in runs)
        got = min(int(r["pages"]) for r in runs)
        medians[kind] = wall
        print(f"{kind:<12} {got:>6} {wall:>8.2f} {cpu:>7.2f} {pages / wall:>8.0f} "
              f"{ideal / wall:>8.0%}")
        if got != pages:
            print(f"  warning: {kind} fetched {got} of {pages} pages")
    if "scrapy" in medians:
        print(f"fakeinvest / Scrapy throughput: {medians['scrapy'] / medians['fakeinvest']:.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
