"""HTTP client comparison for the crawler's job: aiohttp vs httpx (``AsyncClient``).

Usage::

    pip install -e ".[bench]"          # provides httpx
    python benchmarks/http_clients.py [--pages N] [--concurrency C] [--latency S] [--repeats R]

A local aiohttp.web server runs in its own process on 127.0.0.1 (an ephemeral port) so its
CPU is not charged to the clients. Every GET is answered after ``--latency`` seconds with a
~30 KB HTML page; ``/bomb`` answers with a ~2 MB gzip body that inflates to 2 GiB.
No other host is contacted, and both clients ignore proxy settings from the environment.

Two measurements, each in a fresh child process per client (so CPU time and peak memory
belong to that client alone, and only that client's library is imported):

1. Throughput: fetch N distinct pages with C concurrent workers, reading bodies fully
   (aiohttp ``ClientSession`` with ``TCPConnector(limit=C)``; httpx ``AsyncClient`` with
   ``Limits(max_connections=C)``). Repeated R times, the client order alternating per round.
   Reports the median wall seconds, median client CPU seconds (``time.process_time``),
   pages/s and the ratio of the median wall time to the latency-bound ideal N * latency / C.
   Client construction is not timed; connection set-up is.

2. Gzip bomb: stream ``/bomb`` and stop once 5,000,000 decoded bytes are buffered, as the
   crawler's size cap does. aiohttp reads ``resp.content.iter_chunked(65536)``; httpx is
   run twice: ``aiter_bytes()`` (its own decoder) and ``aiter_raw()`` inflated by hand with
   ``zlib.decompressobj(...).decompress(data, max_length)``. Reports the child's RSS before
   the request and its peak RSS (``ru_maxrss``), in MiB, and the seconds taken.
"""

from __future__ import annotations

import argparse
import contextlib
import multiprocessing as mp
import multiprocessing.connection as mpc
import resource
import socket
import statistics
import sys
import time
import zlib
from collections.abc import Coroutine, Iterator
from typing import Any

from fakeinvest.testing._servers import gzip_bomb

HOST = "127.0.0.1"
BODY_CAP = 5_000_000
READ_CHUNK = 65536
CHILD_TIMEOUT = 300.0
CLIENTS = ("aiohttp", "httpx")
# Bomb variant -> (short name, table label).
BOMB_VARIANTS = {
    "aiohttp": ("aiohttp", "aiohttp  content.iter_chunked(65536)"),
    "httpx-naive": ("httpx aiter_bytes", "httpx    aiter_bytes()"),
    "httpx-raw": ("httpx aiter_raw+zlib", "httpx    aiter_raw() + zlib max_length"),
}

Result = dict[str, float]


# ---------------------------------------------------------------------------- payloads


def html_page(target: int = 30_000) -> bytes:
    """A ~``target``-byte HTML page in the style of an investment-platform landing page."""
    head = (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        "<title>Prime Yield Capital - Guaranteed Daily Returns</title>"
        "<link rel=\"stylesheet\" href=\"/static/site.css\"></head><body>\n"
        "<header><nav><a href=\"/\">Home</a> <a href=\"/plans\">Plans</a> "
        "<a href=\"/about\">About</a> <a href=\"/faq\">FAQ</a> "
        "<a href=\"/login\">Login</a></nav></header>\n<main>\n"
    )
    tail = "</main>\n<footer>&copy; Prime Yield Capital Ltd.</footer>\n</body></html>\n"
    parts = [head]
    size = len(head) + len(tail)
    i = 0
    while size < target:
        rate = 1.5 + (i % 7) * 0.5
        block = (
            f"<section class=\"plan\" id=\"plan-{i}\"><h2>Plan {i}: {rate:.1f}% daily</h2>"
            f"<p>Deposit from ${50 * (i + 1)} and earn {rate:.1f}% every day for "
            f"{10 + i % 20} days. Principal returned at the end of the term. Instant "
            "withdrawals, 24/7 support, SSL secured, registered company.</p>"
            f"<ul><li>Minimum: ${50 * (i + 1)}</li><li>Referral bonus: {3 + i % 5}%</li>"
            "<li>Payment: BTC, ETH, USDT</li></ul>"
            f"<a class=\"btn\" href=\"/signup?plan={i}\">Invest now</a></section>\n"
        )
        parts.append(block)
        size += len(block)
        i += 1
    parts.append(tail)
    return "".join(parts).encode("utf-8")


# ---------------------------------------------------------------------------- server


def _serve(conn: mpc.Connection, latency: float) -> None:
    """Server process: send the bound port on ``conn``, serve until ``conn`` says stop."""
    import asyncio

    from aiohttp import web

    page = html_page()
    bomb = gzip_bomb()

    async def handle_page(request: web.Request) -> web.Response:
        await asyncio.sleep(latency)
        return web.Response(body=page, content_type="text/html", charset="utf-8")

    async def handle_bomb(request: web.Request) -> web.Response:
        await asyncio.sleep(latency)
        return web.Response(body=bomb, headers={"Content-Type": "text/html",
                                                "Content-Encoding": "gzip"})

    async def run() -> None:
        app = web.Application()
        app.router.add_get("/bomb", handle_bomb)
        app.router.add_get("/{tail:.*}", handle_page)
        runner = web.AppRunner(app, access_log=None, handle_signals=False)
        await runner.setup()
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((HOST, 0))
        site = web.SockSite(runner, sock, backlog=1024)
        await site.start()
        conn.send((sock.getsockname()[1], len(page), len(bomb)))
        await asyncio.get_running_loop().run_in_executor(None, conn.recv)
        await runner.cleanup()

    asyncio.run(run())


class Server:
    """The benchmark server in a child process; a context manager."""

    def __init__(self, ctx: Any, latency: float) -> None:
        self._ctx = ctx
        self._latency = latency
        self._conn: mpc.Connection | None = None
        self._proc: Any = None
        self.base = ""
        self.page_bytes = 0
        self.bomb_bytes = 0

    def __enter__(self) -> Server:
        parent, child = self._ctx.Pipe()
        self._proc = self._ctx.Process(target=_serve, args=(child, self._latency), daemon=True)
        self._proc.start()
        child.close()
        if not parent.poll(60):
            self._proc.terminate()
            raise RuntimeError("benchmark server did not start")
        port, self.page_bytes, self.bomb_bytes = parent.recv()
        self._conn = parent
        self.base = f"http://{HOST}:{port}"
        return self

    def __exit__(self, *exc: object) -> None:
        assert self._conn is not None
        with contextlib.suppress(OSError):
            self._conn.send("stop")
        self._proc.join(10)
        if self._proc.is_alive():
            self._proc.terminate()
            self._proc.join(5)
        self._conn.close()


# ---------------------------------------------------------------------------- child jobs


def _rss_mib() -> float:
    """Peak resident set size of this process so far, in MiB (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


async def _pages_aiohttp(base: str, n: int, c: int) -> Result:
    import asyncio

    import aiohttp

    connector = aiohttp.TCPConnector(limit=c)
    async with aiohttp.ClientSession(connector=connector, trust_env=False) as session:
        todo = iter(range(n))

        async def worker() -> int:
            got = 0
            for i in todo:
                async with session.get(f"{base}/page/{i}") as resp:
                    resp.raise_for_status()
                    got += len(await resp.read())
            return got

        w0, c0 = time.perf_counter(), time.process_time()
        sizes = await asyncio.gather(*(worker() for _ in range(c)))
        wall, cpu = time.perf_counter() - w0, time.process_time() - c0
    return {"wall": wall, "cpu": cpu, "bytes": float(sum(sizes)), "rss": _rss_mib()}


async def _pages_httpx(base: str, n: int, c: int) -> Result:
    import asyncio

    import httpx

    limits = httpx.Limits(max_connections=c)
    async with httpx.AsyncClient(limits=limits, timeout=60.0, trust_env=False) as client:
        todo = iter(range(n))

        async def worker() -> int:
            got = 0
            for i in todo:
                resp = await client.get(f"{base}/page/{i}")
                resp.raise_for_status()
                got += len(resp.content)
            return got

        w0, c0 = time.perf_counter(), time.process_time()
        sizes = await asyncio.gather(*(worker() for _ in range(c)))
        wall, cpu = time.perf_counter() - w0, time.process_time() - c0
    return {"wall": wall, "cpu": cpu, "bytes": float(sum(sizes)), "rss": _rss_mib()}


async def _bomb_aiohttp(url: str) -> Result:
    import aiohttp

    buf = bytearray()
    connector = aiohttp.TCPConnector(limit=1)
    async with aiohttp.ClientSession(connector=connector, trust_env=False) as session:
        before = _rss_mib()
        t0 = time.perf_counter()
        async with session.get(url) as resp:
            resp.raise_for_status()
            async for chunk in resp.content.iter_chunked(READ_CHUNK):
                buf += chunk[:BODY_CAP - len(buf)]
                if len(buf) >= BODY_CAP:
                    break
        seconds = time.perf_counter() - t0
    return {"seconds": seconds, "decoded": float(len(buf)), "before": before,
            "peak": _rss_mib()}


async def _bomb_httpx(url: str, raw: bool) -> Result:
    import httpx

    buf = bytearray()
    async with httpx.AsyncClient(timeout=60.0, trust_env=False) as client:
        before = _rss_mib()
        t0 = time.perf_counter()
        async with client.stream("GET", url) as resp:
            resp.raise_for_status()
            if raw:
                if resp.headers.get("Content-Encoding", "").lower() != "gzip":
                    raise RuntimeError("expected a gzip-encoded response")
                inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
                async for data in resp.aiter_raw():
                    while data and len(buf) < BODY_CAP:
                        buf += inflater.decompress(data, BODY_CAP - len(buf))
                        data = inflater.unconsumed_tail
                    if len(buf) >= BODY_CAP or inflater.eof:
                        break
            else:
                async for chunk in resp.aiter_bytes():
                    buf += chunk[:BODY_CAP - len(buf)]
                    if len(buf) >= BODY_CAP:
                        break
        seconds = time.perf_counter() - t0
    return {"seconds": seconds, "decoded": float(len(buf)), "before": before,
            "peak": _rss_mib()}


def _job(kind: str, name: str, args: tuple[Any, ...]) -> Coroutine[Any, Any, Result]:
    if kind == "pages":
        return (_pages_aiohttp if name == "aiohttp" else _pages_httpx)(*args)
    if name == "aiohttp":
        return _bomb_aiohttp(*args)
    return _bomb_httpx(*args, raw=name == "httpx-raw")


def _child(conn: mpc.Connection, kind: str, name: str, args: tuple[Any, ...]) -> None:
    import asyncio

    try:
        conn.send(("ok", asyncio.run(_job(kind, name, args))))
    except BaseException as exc:
        conn.send(("error", f"{type(exc).__name__}: {exc}"))
        raise
    finally:
        conn.close()


def run_in_child(ctx: Any, kind: str, name: str, *args: Any) -> Result:
    """Run one measurement in a fresh process; raise if it fails or times out."""
    parent, child = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child, args=(child, kind, name, args))
    proc.start()
    child.close()
    try:
        if not parent.poll(CHILD_TIMEOUT):
            raise RuntimeError(f"{kind}/{name}: no result within {CHILD_TIMEOUT:.0f} s")
        status, payload = parent.recv()
    except EOFError:
        raise RuntimeError(f"{kind}/{name}: child exited with code {proc.exitcode}") from None
    finally:
        proc.join(10)
        if proc.is_alive():
            proc.terminate()
            proc.join(5)
        parent.close()
    if status != "ok":
        raise RuntimeError(f"{kind}/{name}: {payload}")
    return payload


# ---------------------------------------------------------------------------- report


def _rounds(repeats: int) -> Iterator[tuple[str, ...]]:
    """Client order per round, alternating (A B, B A, A B, ...)."""
    for r in range(repeats):
        yield CLIENTS if r % 2 == 0 else CLIENTS[::-1]


def _versions() -> str:
    from importlib.metadata import PackageNotFoundError, version

    out = []
    for dist in CLIENTS:
        try:
            out.append(f"{dist} {version(dist)}")
        except PackageNotFoundError:
            out.append(f"{dist} (not installed)")
    return ", ".join(out)


def _ratio_phrase(what: str, a: str, va: float, b: str, vb: float, unit: str) -> str:
    lo, hi = (a, b) if va <= vb else (b, a)
    vlo, vhi = min(va, vb), max(va, vb)
    ratio = vhi / vlo if vlo > 0 else float("inf")
    return f"{lo} has {ratio:.2f}x lower {what} than {hi} ({vlo:.2f} vs {vhi:.2f} {unit})"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=int, default=500, help="pages per run (default 500)")
    ap.add_argument("--concurrency", type=int, default=50,
                    help="concurrent requests and connection limit (default 50)")
    ap.add_argument("--latency", type=float, default=0.1,
                    help="server delay per response in seconds (default 0.1)")
    ap.add_argument("--repeats", type=int, default=3,
                    help="throughput runs per client; the median is reported (default 3)")
    args = ap.parse_args()
    if min(args.pages, args.concurrency, args.repeats) < 1 or args.latency < 0:
        ap.error("--pages, --concurrency and --repeats must be >= 1, --latency >= 0")
    try:
        import httpx  # noqa: F401
    except ImportError:
        sys.exit('httpx is not installed: pip install -e ".[bench]"')

    ctx = mp.get_context("spawn")
    n, c, latency = args.pages, args.concurrency, args.latency
    ideal = n * latency / c
    runs: dict[str, list[Result]] = {name: [] for name in CLIENTS}
    bombs: dict[str, Result] = {}
    with Server(ctx, latency) as server:
        for order in _rounds(args.repeats):
            for name in order:
                res = run_in_child(ctx, "pages", name, server.base, n, c)
                if res["bytes"] != n * server.page_bytes:
                    raise RuntimeError(f"{name}: read {res['bytes']:.0f} bytes, expected "
                                       f"{n * server.page_bytes}")
                runs[name].append(res)
        for name in BOMB_VARIANTS:
            bombs[name] = run_in_child(ctx, "bomb", name, f"{server.base}/bomb")

    print(f"HTTP clients on {HOST}: {_versions()}; Python {sys.version.split()[0]}")
    print(f"server: separate process, {latency * 1000:.0f} ms latency, "
          f"{server.page_bytes / 1000:.1f} KB page; every run in a fresh client process")
    print()
    print(f"Throughput: {n} pages, concurrency {c}, median of {args.repeats} run(s); "
          f"latency-bound ideal {ideal:.2f} s")
    header = (f"{'client':<10}{'wall s':>9}{'CPU s':>9}{'pages/s':>10}{'x ideal':>9}"
              f"{'peak RSS MiB':>14}   wall s per run")
    print(header)
    print("-" * len(header))
    med: dict[str, tuple[float, float]] = {}
    for name in CLIENTS:
        walls = [r["wall"] for r in runs[name]]
        wall = statistics.median(walls)
        cpu = statistics.median(r["cpu"] for r in runs[name])
        rss = statistics.median(r["rss"] for r in runs[name])
        med[name] = (wall, cpu)
        x_ideal = f"{wall / ideal:9.2f}" if ideal > 0 else f"{'n/a':>9}"
        print(f"{name:<10}{wall:9.3f}{cpu:9.3f}{n / wall:10.1f}{x_ideal}{rss:14.1f}   "
              + " ".join(f"{w:.3f}" for w in walls))
    print()
    print(f"Gzip bomb: /bomb is {server.bomb_bytes / 1e6:.1f} MB gzip inflating to 2 GiB; "
          f"stop at {BODY_CAP:,} decoded bytes")
    header = (f"{'client / reading':<40}{'decoded bytes':>14}{'RSS before':>12}"
              f"{'peak RSS':>10}{'seconds':>9}")
    print(header + "   (RSS in MiB)")
    print("-" * len(header))
    for name in BOMB_VARIANTS:
        b = bombs[name]
        print(f"{BOMB_VARIANTS[name][1]:<40}{b['decoded']:>14,.0f}{b['before']:12.1f}"
              f"{b['peak']:10.1f}{b['seconds']:9.3f}")
    print()
    (wa, ca), (wh, ch) = med["aiohttp"], med["httpx"]
    peaks = ", ".join(f"{short} {bombs[k]['peak']:.0f}" for k, (short, _) in BOMB_VARIANTS.items())
    print("Conclusion: "
          + _ratio_phrase("median wall time", "aiohttp", wa, "httpx", wh, "s") + "; "
          + _ratio_phrase("median CPU", "aiohttp", ca, "httpx", ch, "s")
          + f"; bomb peak RSS MiB: {peaks}.")

if __name__ == "__main__":
    main()
