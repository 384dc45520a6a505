"""Cost of rendered scanning: a JavaScript app site against the same site served as HTML.

Serves, on 127.0.0.1, ``--sites`` pairs of sites with the same content: a *plain* site
(the landing page and three key pages as HTML) and an *app* site (an empty mount point
and a script bundle that writes the same text, on history routes, as Vue/React builds
do). Prints, as medians:

* seconds per site, plain and rendered, scanned one after another (warm browser), and
  their ratio;
* peak memory (PSS of this process plus every process it started: Playwright's driver,
  Chromium and its renderers) during each phase;
* rendered sites per minute in a bulk scan (``scan_many``, ``--concurrency`` sites in
  flight, ``--max-renders`` browser contexts).

Run::

    pip install -e ".[render]"     # Playwright; Chromium from the OS (apt-get install chromium)
    python benchmarks/render.py [--sites 12] [--concurrency 4] [--max-renders 2]

Only 127.0.0.1 is contacted: the site names are mapped to loopback by ``resolve`` and the
SSRF guard allows 127.0.0.1 only.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

TEXT = ("Earn up to 3% daily with our managed forex accounts. Our traders have ten years of "
        "experience in the currency markets and report to you every week. ") * 8
ROUTES = ("plans", "about", "withdraw")


def _write_sites(root: Path, n: int) -> dict[str, Path]:
    sites: dict[str, Path] = {}
    nav = "".join(f'<a href="/{r}">{r.title()}</a> ' for r in ROUTES)
    for i in range(n):
        plain, app = root / f"plain{i}", root / f"app{i}"
        plain.mkdir()
        app.mkdir()
        for page in ("index", *ROUTES):
            body = f"<h1>{page} {i}</h1><nav>{nav}</nav><p>{TEXT}</p>"
            (plain / f"{page}.html").write_text(
                f"<html><head><title>Site {i}</title></head><body>{body}</body></html>")
        (app / "index.html").write_text(
            f'<html><head><title>Site {i}</title></head><body><div id="app"></div>'
            '<script src="/bundle.js"></script></body></html>')
        (app / "bundle.js").write_text(
            "var page = location.pathname.replace(/\\//g, '') || 'index';"
            f"document.getElementById('app').innerHTML = '<h1>' + page + ' {i}</h1>"
            f"<nav>{nav}</nav><p>{TEXT}</p>';")
        sites[f"plain{i}.test"] = plain
        sites[f"app{i}.test"] = app
    return sites


def _tree_rss() -> int:
    """Proportional set size (PSS: shared pages split among their users, so Chromium's
    processes are not counted many times over) in bytes of this process and all its
    descendants."""
    parents: dict[int, int] = {}
    rss: dict[int, int] = {}
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            stat = Path(f"/proc/{name}/stat").read_text()
            rollup = Path(f"/proc/{name}/smaps_rollup").read_text()
        except OSError:
            continue
        parents[int(name)] = int(stat.rsplit(")", 1)[1].split()[1])
        for line in rollup.splitlines():
            if line.startswith("Pss:"):
                rss[int(name)] = int(line.split()[1]) * 1024
    me = os.getpid()
    total = 0
    for pid, kb in rss.items():
        p = pid
        while p > 1 and p != me:
            p = parents.get(p, 0)
        if p == me:
            total += kb
    return total


class _Peak:
    """Samples the process tree's PSS every 50 ms while active."""

    def __init__(self) -> None:
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, _tree_rss())
            time.sleep(0.05)

    def __enter__(self) -> _Peak:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sites", type=int, default=12)
    ap.add_argument("--concurrency", type=int, default=4)
    ap.add_argument("--max-renders", type=int, default=2)
    args = ap.parse_args(argv)

    from fakeinvest.api import scan_many
    from fakeinvest.config import FetchConfig
    from fakeinvest.testing._servers import SiteServer
    from fakeinvest.web._browser import find_browser

    if find_browser(FetchConfig()) is None:
        print("no Chromium executable: install it (apt-get install chromium)")
        return 1
    with tempfile.TemporaryDirectory() as tmp, \
            SiteServer(_write_sites(Path(tmp), args.sites), app_routes=True) as srv:
        config = FetchConfig(resolve=dict.fromkeys(srv.sites, "127.0.0.1"),
                             allow_private=["127.0.0.1/32"], site_deadline=60.0,
                             max_renders=args.max_renders)
        plain = [srv.url(f"plain{i}.test") for i in range(args.sites)]
        apps = [srv.url(f"app{i}.test") for i in range(args.sites)]

        def one_by_one(urls: list[str]) -> tuple[list[float], int, list[object]]:
            times: list[float] = []
            verdicts: list[object] = []
            with _Peak() as peak:
                # one scan_many call keeps one crawler (and one warm browser) for all sites
                it = scan_many(urls, whois=False, config=config, concurrency=1)
                t = time.perf_counter()
                for v in it:
                    now = time.perf_counter()
                    times.append(now - t)
                    t = now
                    verdicts.append(v)
            return times[1:] or times, peak.peak, verdicts  # the first site starts Chromium

        base = _tree_rss()
        t_plain, m_plain, v_plain = one_by_one(plain)
        t_app, m_app, v_app = one_by_one(apps)
        bad = [v for v in (*v_plain, *v_app) if getattr(v, "error", None)]
        rendered = sum(bool(getattr(v, "rendered", None)) for v in v_app)
        with _Peak() as peak:
            t0 = time.perf_counter()
            bulk = list(scan_many(apps, whois=False, config=config,
                                  concurrency=args.concurrency))
            took = time.perf_counter() - t0
        bulk_bad = sum(bool(v.error) for v in bulk)

    mib = 1 << 20
    med_plain, med_app = statistics.median(t_plain), statistics.median(t_app)
    print(f"sites: {args.sites} plain + {args.sites} app (4 pages each), "
          f"{os.cpu_count()} cores, Python {sys.version.split()[0]}")
    print(f"plain site      {med_plain:7.3f} s/site (median)   peak PSS {m_plain / mib:7.0f} MiB")
    print(f"rendered site   {med_app:7.3f} s/site (median)   peak PSS {m_app / mib:7.0f} MiB")
    print(f"rendered / plain time: {med_app / med_plain:.1f}x; "
          f"memory added by the browser: {(m_app - m_plain) / mib:.0f} MiB "
          f"(before the model was loaded: {base / mib:.0f} MiB)")
    print(f"bulk: {len(bulk)} rendered sites in {took:.1f} s = "
          f"{60 * len(bulk) / took:.1f} sites/min (concurrency {args.concurrency}, "
          f"{args.max_renders} browser contexts), peak PSS {peak.peak / mib:.0f} MiB")
    print(f"rendered verdicts: {rendered}/{len(v_app)}; errors: {len(bad)} + {bulk_bad} (bulk)")
    return 0 if not bad and not bulk_bad and rendered == len(v_app) else 1


if __name__ == "__main__":
    raise SystemExit(main())
