"""Shared fixtures: real servers on 127.0.0.1 (HTTP sites, WHOIS) and the corpus location."""

from __future__ import annotations

import gzip
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from fakeinvest.demo import DEMO_SITES, demo_site_dirs
from fakeinvest.testing._servers import CannedResponse, SiteServer, WhoisServer, demo_whois_records

from .hostile import HostileServer

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
PAGES = DATA / "pages.jsonl.gz"
LOOPBACK = ["127.0.0.0/8"]


def _gzip_bomb(size: int) -> bytes:
    return gzip.compress(b"<html><body>" + b"A" * size, compresslevel=9)


def hostile_responses() -> dict[str, CannedResponse]:
    """Canned answers for the bad-input tests, any host."""
    html = {"Content-Type": "text/html; charset=utf-8"}
    return {
        "/binary": CannedResponse(200, bytes(range(256)) * 64,
                                  {"Content-Type": "application/octet-stream"}),
        "/png": CannedResponse(200, b"\x89PNG\r\n\x1a\n" + b"\x00" * 512,
                               {"Content-Type": "image/png"}),
        "/empty": CannedResponse(200, b"", html),
        "/missing": CannedResponse(404, b"<html><body>gone</body></html>", html),
        "/error": CannedResponse(500, b"<html><body>oops</body></html>", html),
        "/loop-a": CannedResponse(302, b"", {"Location": "/loop-b"}),
        "/loop-b": CannedResponse(302, b"", {"Location": "/loop-a"}),
        "/big": CannedResponse(200, b"<html><body>" + b"x" * 6_000_000 + b"</body></html>",
                               html),
        "/bomb": CannedResponse(200, _gzip_bomb(64_000_000),
                                {**html, "Content-Encoding": "gzip"}),
        "/to-private": CannedResponse(302, b"", {"Location": "http://10.255.255.1/"}),
        "/cp1251": CannedResponse(
            200,
            "<html><body><p>Доходность 2% в день, вывод средств за 24 часа.</p>"
            "</body></html>".encode("cp1251"),
            {"Content-Type": "text/html; charset=windows-1251"}),
    }


@pytest.fixture(scope="session")
def site_server() -> Iterator[SiteServer]:
    """The demo sites plus hostile canned paths, on 127.0.0.1."""
    with SiteServer(demo_site_dirs(), canned=hostile_responses(),
                    default_host="riverside-bakery.com") as srv:
        yield srv


@pytest.fixture(scope="session")
def hostile() -> Iterator[HostileServer]:
    """Misbehaving sites (bombs, drips, redirects into the LAN ...), one per host name."""
    with HostileServer() as srv:
        yield srv


@pytest.fixture(scope="session")
def whois_server() -> Iterator[WhoisServer]:
    """A WHOIS server with the demo domains' records."""
    with WhoisServer(demo_whois_records()) as srv:
        yield srv


@pytest.fixture()
def whois_env(whois_server: WhoisServer, monkeypatch: pytest.MonkeyPatch) -> WhoisServer:
    """Route every WHOIS query of the library to the local server."""
    monkeypatch.setenv("FAKEINVEST_WHOIS_SERVER", whois_server.address)
    return whois_server


@pytest.fixture()
def demo_config():
    """Crawl config mapping the demo host names to loopback, loopback-only guard."""
    from fakeinvest.config import FetchConfig

    return FetchConfig(resolve=dict.fromkeys(DEMO_SITES, "127.0.0.1"), allow_private=LOOPBACK,
                       site_deadline=15.0, max_bytes=5_000_000, backoff=0.05)


@pytest.fixture(autouse=True)
def _no_foreign_whois(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests never query real WHOIS servers: default to an unroutable local port."""
    if "FAKEINVEST_WHOIS_SERVER" not in os.environ:
        monkeypatch.setenv("FAKEINVEST_WHOIS_SERVER", "127.0.0.1:9")


@pytest.fixture(autouse=True)
def _private_domain_cache(monkeypatch: pytest.MonkeyPatch,
                          tmp_path_factory: pytest.TempPathFactory) -> None:
    """Each test gets an empty domain-lookup cache of its own, never the user's."""
    monkeypatch.setenv("FAKEINVEST_CACHE_DIR", str(tmp_path_factory.mktemp("domaincache")))


def corpus_or_skip() -> Path:
    """The training corpus path, or skip the test with the reason."""
    if not PAGES.is_file():
        pytest.skip(f"corpus not available at {PAGES} (needs ../shared/data beside the repo)")
    return PAGES
