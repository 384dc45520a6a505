"""Rendered scanning: JavaScript apps in real headless Chromium, served on 127.0.0.1.

The browser tests need Debian's ``chromium`` and Playwright (``make test`` installs both
where it can); without them they skip with the reason. Every request of the browser goes
through the crawler, so the pages below may only name 127.0.0.1, the host names of the
``resolve`` map, or the addresses the guard must refuse -- never a name that would need
DNS.
"""

from __future__ import annotations

import asyncio
import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from fakeinvest import errors
from fakeinvest.api import scan, scan_many, score_snapshot, snapshot_site
from fakeinvest.config import FetchConfig
from fakeinvest.snapshot import Page
from fakeinvest.testing._servers import CannedResponse, SiteServer
from fakeinvest.warc import load_snapshot, save_snapshot
from fakeinvest.web._browser import find_browser, looks_like_app_shell

APPS = Path(__file__).parent / "apps"
LOOPBACK = ["127.0.0.1/32"]

SHELL = ("<!DOCTYPE html><html><head><title>{title}</title></head><body><div id=\"app\">"
         "</div><script>{script}</script></body></html>")

#: Hostile single-page apps: host name -> inline script.
HOSTILE = {
    "redirect.test": "location.href = 'http://10.1.2.3/';",
    "metadata.test": "fetch('http://169.254.169.254/latest/meta-data/').then(r => r.text())"
                     ".then(t => document.body.append(t));"
                     "document.getElementById('app').textContent = 'loading your dashboard';",
    "loopback.test": "var i = document.createElement('img'); i.src = 'http://127.0.0.2:1/x.png';"
                     "document.body.appendChild(i);",
    "socket.test": "new WebSocket('ws://10.9.9.9:8080/prices');"
                   "document.getElementById('app').textContent = 'live prices';",
    "loop.test": "while (true) {}",
    "hog.test": "var a = []; while (true) { a.push(new Array(1e6).fill(Math.random())); }",
    "popup.test": "alert('Deposit now!'); confirm('Sure?'); window.open('/other');"
                  "document.getElementById('app').textContent = "
                  "'Daily profit 5% guaranteed. Withdraw after upgrading VIP.';",
    "empty.test": "console.log('nothing to show');",
    "iframe.test": "var f = document.createElement('iframe'); f.src = 'http://10.2.3.4/admin';"
                   "document.body.appendChild(f);"
                   "document.getElementById('app').textContent = 'partner widget';",
    "worker.test": "var ok = 'serviceWorker' in navigator;"
                   "(ok ? navigator.serviceWorker.register('/sw.js') : Promise.reject('none'))"
                   ".then(() => 'registered', () => 'refused').then(r => {"
                   "document.getElementById('app').textContent = 'Service worker ' + r +"
                   "'. Daily profit 5% guaranteed. Withdraw after upgrading VIP.'; });",
    "download.test": "document.getElementById('app').textContent = 'Download our app. Daily "
                     "profit 5% guaranteed. Withdraw after upgrading VIP.';"
                     "setTimeout(() => { location.href = '/app-release.zip'; }, 100);",
}


def _browser_or_skip() -> None:
    try:
        import playwright  # noqa: F401
    except ImportError:
        pytest.skip("Playwright is not installed (pip install 'fakeinvest[render]')")
    if find_browser(FetchConfig()) is None:
        pytest.skip("no Chromium executable (apt-get install chromium)")


@pytest.fixture(scope="module")
def apps(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SiteServer]:
    root = tmp_path_factory.mktemp("hostile-apps")
    sites = {"atfx-pro.com": APPS / "atfx-vue", "atfxmarkets.net": APPS / "atfx-hash",
             "atfx-vn.com": APPS / "atfx-vi"}
    for host, script in HOSTILE.items():
        (root / host).mkdir()
        (root / host / "index.html").write_text(SHELL.format(title=host, script=script))
        (root / host / "other.html").write_text("<html><body>popup</body></html>")
        (root / host / "sw.js").write_text("self.addEventListener('fetch', () => {});")
        (root / host / "app-release.zip").write_bytes(b"PK\x05\x06" + b"\x00" * 18)
        sites[host] = root / host
    # The apps share one "framework runtime", served at the same path on every host.
    runtime = CannedResponse(200, (APPS / "chunk-vendors.5d1f0a.js").read_bytes(),
                             {"Content-Type": "application/javascript"})
    with SiteServer(sites, canned={"/js/chunk-vendors.5d1f0a.js": runtime},
                    app_routes=True) as srv:
        yield srv


def _config(srv: SiteServer, **kw: object) -> FetchConfig:
    resolve = dict.fromkeys(srv.sites, "127.0.0.1")
    return FetchConfig(resolve=resolve, allow_private=LOOPBACK, backoff=0.05,
                       **{"site_deadline": 25.0, **kw})  # type: ignore[arg-type]


def _browsers() -> int:
    """Chromium processes of this test run (Playwright's temporary profiles)."""
    n = 0
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            cmd = Path(f"/proc/{pid}/cmdline").read_bytes()
        except OSError:
            continue
        if b"playwright_chromiumdev_profile" in cmd:
            n += 1
    return n


# --- without a browser ---------------------------------------------------------------


@pytest.mark.parametrize(("html", "shell"), [
    ('<div id="app"></div><script src="/js/app.js"></script>', True),
    ("<uni-app></uni-app><script>var x=1</script>", True),
    ("<html><body><p>" + "Licensed broker. " * 30 + "</p><script></script></body></html>",
     False),
    ("<html><body>Domain for sale</body></html>", False),  # short, but nothing to run
])
def test_app_shells_are_recognised(html: str, shell: bool) -> None:
    assert looks_like_app_shell(Page(url="http://x.test/", html=html)) is shell


def test_a_shell_with_rendering_off_is_not_analysed(apps: SiteServer) -> None:
    with pytest.raises(errors.EmptyPageError) as info:
        snapshot_site(apps.url("atfx-pro.com"), whois=False,
                      config=_config(apps, render="never"))
    assert info.value.kind == "empty_page" and "--render auto" in str(info.value)


def test_no_browser_says_so_and_how_to_fix_it(apps: SiteServer) -> None:
    (v,) = scan_many([apps.url("atfx-pro.com")], whois=False,
                     config=_config(apps, browser="/nonexistent/chromium"))
    assert v.error_kind == "no_browser" and not v.flagged
    assert "apt-get install chromium" in (v.error or "")


def test_render_mode_is_validated() -> None:
    with pytest.raises(ValueError, match="render must be one of"):
        FetchConfig(render="sometimes")


# --- in Chromium ---------------------------------------------------------------------


def test_a_vue_style_shell_is_rendered_and_flagged(apps: SiteServer) -> None:
    _browser_or_skip()
    v = scan(apps.url("atfx-pro.com"), whois=False, config=_config(apps))
    assert v.error is None and v.flagged, v
    assert v.rendered and v.rendered[0] == apps.url("atfx-pro.com")
    landing_png = v.screenshots[v.rendered[0]]
    assert landing_png.startswith(b"\x89PNG\r\n\x1a\n") and len(landing_png) > 2000
    scheme = {r.feature for r in v.reasons if r.kind == "scheme"}
    assert {"withdrawal_obstruction", "referral_levels"} <= scheme
    assert v.to_dict()["rendered"] == v.rendered
    assert v.to_dict()["screenshots"][v.rendered[0]].startswith("sha1:")


def test_client_side_routes_are_key_pages(apps: SiteServer) -> None:
    _browser_or_skip()
    snap = snapshot_site(apps.url("atfxmarkets.net"), whois=False, config=_config(apps))
    roles = {p.role: p for p in snap.pages}
    assert {"landing", "plans", "withdraw"} <= set(roles)
    assert roles["withdraw"].url.endswith("#/pages/withdraw")
    assert "personal income tax" in roles["withdraw"].content.text
    assert "Welcome" not in roles["withdraw"].content.text  # the route's own view
    v = score_snapshot(snap)
    quotes = [r for r in v.reasons if r.feature == "withdrawal_obstruction"]
    assert v.flagged and quotes and quotes[0].page_url == roles["withdraw"].url


def test_a_vietnamese_atfx_style_app_is_flagged(apps: SiteServer) -> None:
    _browser_or_skip()
    v = scan(apps.url("atfx-vn.com"), whois=False, config=_config(apps))
    assert v.flagged, v
    evidence = " ".join(r.evidence for r in v.reasons if r.kind == "scheme")
    assert "nâng cấp" in evidence or "24%" in evidence


def test_the_rendered_snapshot_rescores_to_the_live_verdict(apps: SiteServer,
                                                           tmp_path: Path) -> None:
    _browser_or_skip()
    from warcio.archiveiterator import ArchiveIterator

    snap = snapshot_site(apps.url("atfxmarkets.net"), whois=False, config=_config(apps))
    live = score_snapshot(snap)
    path = save_snapshot(snap, tmp_path)
    with open(path, "rb") as fh:
        types = [r.rec_type for r in ArchiveIterator(fh)]
    assert types.count("conversion") == len(snap.pages) == types.count("resource")
    again = load_snapshot(path)
    assert again == snap
    assert [p.screenshot for p in again.pages] == [p.screenshot for p in snap.pages]
    assert [p.raw for p in again.pages] == [p.raw for p in snap.pages]
    assert score_snapshot(again) == live
    assert again.pages[0].raw is not None and b'<div id="root">' in again.pages[0].raw


@pytest.mark.parametrize("host", ["redirect.test", "metadata.test", "loopback.test",
                                  "socket.test", "iframe.test"])
def test_a_page_sending_the_browser_inside_ends_blocked(apps: SiteServer, host: str) -> None:
    _browser_or_skip()
    before = len(apps.requests)
    (v,) = scan_many([apps.url(host)], whois=False, config=_config(apps))
    assert v.error_kind == "blocked_private", v
    assert not v.flagged
    # nothing but the site itself was asked for anything
    assert {h for h, _p in apps.requests[before:]} <= {host}


@pytest.mark.parametrize("host", ["loop.test", "hog.test"])
def test_runaway_scripts_end_at_the_deadline(apps: SiteServer, host: str) -> None:
    _browser_or_skip()
    baseline = _browsers()
    t0 = time.monotonic()
    (v,) = scan_many([apps.url(host)], whois=False, config=_config(apps, site_deadline=8.0))
    took = time.monotonic() - t0
    assert v.error_kind in ("timeout", "render"), v
    assert took < 8.0 + 20.0  # the deadline plus browser start and teardown
    for _ in range(50):  # the browser is gone once the scan is over
        if _browsers() <= baseline:
            break
        time.sleep(0.1)
    assert _browsers() <= baseline


def test_dialogs_and_popups_are_denied(apps: SiteServer) -> None:
    _browser_or_skip()
    v = scan(apps.url("popup.test"), whois=False, config=_config(apps))
    assert v.error is None and v.flagged, v
    assert v.rendered == [apps.url("popup.test")]


def test_service_workers_and_downloads_are_refused(apps: SiteServer) -> None:
    _browser_or_skip()
    before = len(apps.requests)
    worker = scan(apps.url("worker.test"), whois=False, config=_config(apps))
    assert worker.error is None and worker.flagged
    snap = snapshot_site(apps.url("worker.test"), whois=False, config=_config(apps))
    assert "Service worker refused" in snap.pages[0].content.text
    assert ("worker.test", "/sw.js") not in apps.requests[before:]
    download = scan(apps.url("download.test"), whois=False, config=_config(apps))
    assert download.error is None and download.flagged, download


def test_a_page_empty_after_rendering_is_not_analysed(apps: SiteServer) -> None:
    _browser_or_skip()
    (v,) = scan_many([apps.url("empty.test")], whois=False, config=_config(apps))
    assert v.error_kind == "empty_page" and v.flagged is False


def test_a_bulk_scan_shares_one_browser(apps: SiteServer) -> None:
    _browser_or_skip()
    urls = [apps.url(h) for h in ("atfx-pro.com", "atfxmarkets.net", "atfx-vn.com")]
    verdicts = list(scan_many(urls, whois=False, config=_config(apps, max_renders=1),
                              concurrency=3))
    assert [v.flagged for v in verdicts] == [True, True, True]
    assert all(v.rendered for v in verdicts)


def test_plain_sites_never_start_a_browser(site_server: SiteServer, demo_config) -> None:
    baseline = _browsers()
    v = scan(site_server.url("harbourline-markets.co.uk"), whois=False, config=demo_config)
    assert v.error is None and not v.rendered
    assert _browsers() <= baseline


def test_browser_is_closed_with_the_crawler(apps: SiteServer) -> None:
    _browser_or_skip()
    from fakeinvest.web._crawler import Crawler

    async def run() -> int:
        async with Crawler(_config(apps)) as crawler:
            await crawler.fetch_site(apps.url("atfx-vn.com"))
            return _browsers()

    inside = asyncio.run(run())
    assert inside >= 1
    assert _browsers() == 0 or _browsers() < inside
