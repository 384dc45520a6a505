"""The crawler against real HTTP servers on 127.0.0.1: key pages, limits, error kinds."""

from __future__ import annotations

import dataclasses

import pytest

from fakeinvest import errors
from fakeinvest.fetch import crawl_site, decode_html, validate_url
from fakeinvest.localservers import SiteServer


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

    from fakeinvest.fetch import _translate

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
    with pytest.raises(errors.TimeoutError):
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


@pytest.mark.parametrize("bad", ["", "ftp://example.com/", "http://", "javascript:alert(1)"])
def test_validate_url_rejects_non_http(bad: str) -> None:
    with pytest.raises(errors.BadInputError):
        validate_url(bad)


def test_validate_url_adds_scheme() -> None:
    assert validate_url("example.com") == "http://example.com"
