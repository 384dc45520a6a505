"""The crawler against real HTTP servers on 127.0.0.1: key pages, limits, error kinds."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta

import pytest

from fakeinvest import errors
from fakeinvest.snapshot import decode_html
from fakeinvest.testing._servers import SiteServer
from fakeinvest.web._crawler import crawl_site, numeric_host, validate_url

from .proxy import LoopbackProxy


def test_crawls_landing_and_key_pages(site_server: SiteServer, demo_config) -> None:
    pages, started = crawl_site(site_server.url("coinyield-capital.biz"), demo_config)
    roles = {p.role for p in pages}
    assert pages[0].role == "landing"
    assert {"plans", "withdraw", "deposit", "faq", "about", "terms", "contact"} <= roles
    assert len(pages) <= demo_config.max_pages
    assert all(p.url and "coinyield-capital.biz" in p.url for p in pages)
    assert started.tzinfo is not None


def test_key_pages_found_by_vietnamese_link_text(site_server: SiteServer, demo_config) -> None:
    pages, _ = crawl_site(site_server.url("atfx-vn.com"), demo_config)
    roles = {p.role for p in pages}
    assert {"plans", "withdraw", "deposit"} <= roles


def test_max_pages_is_respected(site_server: SiteServer, demo_config) -> None:
    cfg = dataclasses.replace(demo_config, max_pages=3)
    pages, _ = crawl_site(site_server.url("coinyield-capital.biz"), cfg)
    assert len(pages) == 3
    # Role priority: plans and withdraw pages come before the rest.
    assert [p.role for p in pages[1:]] == ["plans", "withdraw"]


@pytest.mark.parametrize(
    ("path", "kind"),
    [
        ("/binary", "not_html"),
        ("/png", "not_html"),
        ("/empty", "not_html"),
        ("/missing", "http_status"),
        ("/error", "http_status"),
        ("/loop-a", "too_many_redirects"),
        ("/big", "too_large"),
        ("/bomb", "too_large"),
        ("/to-private", "blocked_private"),
    ],
)
def test_bad_sites_fail_with_their_kind(site_server: SiteServer, demo_config, path: str,
                                        kind: str) -> None:
    with pytest.raises(errors.FetchError) as info:
        crawl_site(site_server.url("127.0.0.1", path), demo_config)
    assert info.value.kind == kind
    assert str(info.value).startswith(kind + ":")


def test_ssrf_guard_refuses_loopback_by_default(site_server: SiteServer) -> None:
    from fakeinvest.config import FetchConfig

    with pytest.raises(errors.BlockedAddressError, match="allow_private"):
        crawl_site(site_server.url("127.0.0.1"), FetchConfig())


def test_ssrf_guard_applies_to_mapped_host_names(site_server: SiteServer) -> None:
    from fakeinvest.config import FetchConfig

    cfg = FetchConfig(resolve={"atfx-vn.com": "127.0.0.1"})
    with pytest.raises(errors.BlockedAddressError):
        crawl_site(site_server.url("atfx-vn.com"), cfg)


def test_connection_refused_is_connect_error(demo_config) -> None:
    import socket

    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()  # nothing listens there now
    with pytest.raises(errors.ConnectError):
        crawl_site(f"http://127.0.0.1:{port}/", demo_config)


def test_dns_failure_translates_to_dns_kind() -> None:
    # No name lookup in tests (it would leave loopback): translate the client's own error.
    import socket

    import aiohttp
    from aiohttp.client_reqrep import ConnectionKey

    from fakeinvest.web._crawler import _translate

    key = ConnectionKey("scam.example", 80, False, True, None, None, None)
    exc = aiohttp.ClientConnectorDNSError(key, socket.gaierror(-2, "Name or service not known"))
    err = _translate(exc, "http://scam.example/")
    assert err.kind == "dns"
    assert isinstance(err, errors.DNSError)


def test_slow_site_hits_the_deadline(demo_config) -> None:
    import socket
    import threading
    import time

    srv = socket.socket()
    srv.bind(("127.0.0.1", 0))
    srv.listen(1)
    port = srv.getsockname()[1]

    def drip() -> None:
        conn, _ = srv.accept()
        conn.recv(1024)
        conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 100\r\n\r\n")
        for _ in range(20):
            try:
                conn.sendall(b"<")
            except OSError:
                break
            time.sleep(0.5)
        conn.close()

    threading.Thread(target=drip, daemon=True).start()
    cfg = dataclasses.replace(demo_config, site_deadline=1.5, read_timeout=5.0)
    t0 = time.monotonic()
    with pytest.raises(errors.FetchTimeoutError):
        crawl_site(f"http://127.0.0.1:{port}/", cfg)
    assert time.monotonic() - t0 < 1.5 + 1.0
    srv.close()


def test_declared_charset_is_used(site_server: SiteServer, demo_config) -> None:
    pages, _ = crawl_site(site_server.url("127.0.0.1", "/cp1251"), demo_config)
    assert "Доходность 2% в день" in pages[0].content.text


def test_decode_html_survives_a_lying_header() -> None:
    body = "<html><head><meta charset='utf-8'></head><body>Lợi nhuận 1%/ngày</body></html>"
    # Header claims ASCII; the bytes are UTF-8 and the meta tag says so.
    assert "Lợi nhuận" in decode_html(body.encode("utf-8"), "text/html; charset=ascii")


@pytest.mark.parametrize("bad", ["", "ftp://example.com/", "http://", "javascript:alert(1)",
                                 "http://[::1", "http://a..b/", "http://x.example:99999/",
                                 "http://" + "a" * 64 + ".example/",
                                 "http://" + ("a" * 60 + ".") * 5 + "example/"])
def test_validate_url_rejects_non_http(bad: str) -> None:
    with pytest.raises(errors.BadInputError):
        validate_url(bad)


def test_validate_url_adds_scheme() -> None:
    assert validate_url("example.com") == "http://example.com"


# -- retries -----------------------------------------------------------------------------

def _hostile_config(demo_config, *hosts: str, **changes):
    return dataclasses.replace(
        demo_config, resolve={**demo_config.resolve, **dict.fromkeys(hosts, "127.0.0.1")},
        **changes)


def test_transient_status_is_retried_then_succeeds(hostile, demo_config) -> None:
    cfg = _hostile_config(demo_config, "flaky.test")
    before = hostile.hits["flaky.test/?retry-test"]
    pages, _ = crawl_site(hostile.url("flaky.test", "/?retry-test"), cfg)
    assert "2%/ngày" in pages[0].content.text
    assert hostile.hits["flaky.test/?retry-test"] - before == 2


@pytest.mark.parametrize("retries", [0, 1, 3])
def test_retries_are_counted(hostile, demo_config, retries: int) -> None:
    cfg = _hostile_config(demo_config, "server-error.test", retries=retries)
    path = f"/?retries={retries}"
    with pytest.raises(errors.HTTPStatusError) as info:
        crawl_site(hostile.url("server-error.test", path), cfg)
    assert info.value.status == 500 and info.value.transient
    assert hostile.hits[f"server-error.test{path}"] == 1 + retries


def test_permanent_failures_are_not_retried(site_server: SiteServer, demo_config) -> None:
    before = sum(1 for _, p in site_server.requests if p == "/missing")
    with pytest.raises(errors.HTTPStatusError):
        crawl_site(site_server.url("127.0.0.1", "/missing"), demo_config)
    assert sum(1 for _, p in site_server.requests if p == "/missing") - before == 1


def test_no_retry_starts_past_the_deadline(hostile, demo_config) -> None:
    import time

    cfg = _hostile_config(demo_config, "server-error.test", retries=5, backoff=2.0,
                          site_deadline=1.0)
    t0 = time.monotonic()
    with pytest.raises(errors.HTTPStatusError):  # the real cause, not a timeout
        crawl_site(hostile.url("server-error.test", "/?deadline"), cfg)
    assert time.monotonic() - t0 < 1.0


def test_retry_after_header_is_parsed() -> None:
    from email.utils import format_datetime

    from fakeinvest.web._crawler import _retry_after

    assert _retry_after("7") == 7.0
    assert _retry_after(None) == 0.0 and _retry_after("soon") == 0.0
    later = format_datetime(datetime.now(UTC) + timedelta(seconds=30), usegmt=True)
    assert 25 <= _retry_after(later) <= 31


# -- SSRF guard: address spellings and proxies --------------------------------------------

@pytest.mark.parametrize(("host", "address"), [
    ("167772161", "10.0.0.1"), ("0x0a000001", "10.0.0.1"), ("012.0.0.1", "10.0.0.1"),
    ("10.1", "10.0.0.1"), ("2130706433", "127.0.0.1"), ("example.com", None),
    ("1.2.3.4.5", None), ("deadbeef", None),
])
def test_numeric_host_spellings_are_decoded(host: str, address: str | None) -> None:
    assert numeric_host(host) == address


@pytest.mark.parametrize("host", ["redirect-private.test", "redirect-metadata.test",
                                  "redirect-mapped-v6.test", "redirect-decimal-ip.test"])
def test_redirects_into_the_lan_are_refused(hostile, demo_config, host: str) -> None:
    cfg = _hostile_config(demo_config, host)
    with pytest.raises(errors.BlockedAddressError, match="allow_private"):
        crawl_site(hostile.url(host), cfg)


def test_decimal_loopback_is_refused_by_default(site_server: SiteServer) -> None:
    from fakeinvest.config import FetchConfig

    with pytest.raises(errors.BlockedAddressError):
        crawl_site(f"http://2130706433:{site_server.port}/", FetchConfig())


def test_localhost_name_is_refused_by_default(site_server: SiteServer) -> None:
    from fakeinvest.config import FetchConfig

    for name in ("localhost", "admin.localhost"):  # RFC 6761: loopback, never DNS
        with pytest.raises(errors.BlockedAddressError):
            crawl_site(f"http://{name}:{site_server.port}/", FetchConfig())


def test_crawl_through_a_proxy(site_server: SiteServer, demo_config) -> None:
    cfg = None
    with LoopbackProxy() as proxy:
        cfg = dataclasses.replace(demo_config, proxy=proxy.url)
        pages, _ = crawl_site(site_server.url("coinyield-capital.biz"), cfg)
        assert len(pages) > 3
        assert all(t.startswith("http://coinyield-capital.biz:") for t in proxy.targets)
        assert len(proxy.targets) == len(pages)


def test_proxy_does_not_bypass_the_guard(site_server: SiteServer, hostile) -> None:
    from fakeinvest.config import FetchConfig

    with LoopbackProxy() as proxy:
        # The proxy (on loopback) is trusted; the target resolving to loopback is not.
        cfg = FetchConfig(proxy=proxy.url, resolve={"atfx-vn.com": "127.0.0.1"})
        with pytest.raises(errors.BlockedAddressError):
            crawl_site(site_server.url("atfx-vn.com"), cfg)
        # A redirect into the LAN is refused before the proxy is asked for it.
        cfg = FetchConfig(proxy=proxy.url, allow_private=["127.0.0.0/8"],
                          resolve={"redirect-private.test": "127.0.0.1"})
        with pytest.raises(errors.BlockedAddressError):
            crawl_site(hostile.url("redirect-private.test"), cfg)
        assert proxy.targets == [hostile.url("redirect-private.test")]


def test_connection_limits_are_configurable(demo_config) -> None:
    import asyncio

    from fakeinvest.web._crawler import Crawler

    cfg = dataclasses.replace(demo_config, max_connections=7, max_connections_per_host=2)

    async def limits() -> tuple[int, int]:
        async with Crawler(cfg) as crawler:
            conn = crawler._session.connector
            return conn.limit, conn.limit_per_host

    assert asyncio.run(limits()) == (7, 2)
