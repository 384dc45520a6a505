"""Small real servers on 127.0.0.1 for the demo and the tests: HTTP sites, WHOIS and RDAP.

:class:`SiteServer` serves several websites from one port, chosen by the ``Host`` header,
so a crawl of ``http://atfx-vn.com:<port>/`` (with ``resolve={"atfx-vn.com": "127.0.0.1"}``)
sees the realistic host name. :class:`WhoisServer` answers RFC 3912 queries from a table of
records; :class:`RdapServer` answers RDAP ``/domain/<name>`` queries (RFC 9083 JSON).
All bind to loopback only and run in a background thread.
"""

from __future__ import annotations

import http.server
import json
import mimetypes
import socketserver
import struct
import sys
import threading
import time
import zlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import TracebackType
from typing import Any, Self
from urllib.parse import unquote, urlsplit

__all__ = ["CannedResponse", "RdapServer", "SiteServer", "WhoisServer", "demo_whois_records",
           "gzip_bomb", "rdap_record", "slow_drip"]


@dataclass
class CannedResponse:
    """A fixed HTTP answer for one path (errors, redirects, odd bodies in tests).

    Attributes
    ----------
    status : int
    body : bytes
    headers : dict of str to str
    """

    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)


class _ThreadingHTTPServer(http.server.ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 128  # bulk clients connect many at once

    def handle_error(self, request: Any, client_address: Any) -> None:
        """Clients that hang up early (size caps, deadlines) are expected, not errors."""

        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


def gzip_bomb(inflated_mib: int = 2048, prefix: bytes = b"<html><body>") -> bytes:
    """A valid gzip stream of ``prefix`` + ``inflated_mib`` MiB of zero bytes.

    Built from one full-flushed deflate block repeated (each block is independent of the
    ones before it), so 2 GiB of content costs a 2 MB body and under a second to make.
    Used to check that size caps hold on *decoded* bytes.
    """
    chunk = b"\0" * (1 << 20)
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    head = c.compress(prefix) + c.compress(chunk) + c.flush(zlib.Z_FULL_FLUSH)
    block = c.compress(chunk) + c.flush(zlib.Z_FULL_FLUSH)
    tail = c.flush(zlib.Z_FINISH)
    crc = zlib.crc32(chunk, zlib.crc32(prefix))
    for _ in range(inflated_mib - 1):
        crc = zlib.crc32(chunk, crc)
    size = (len(prefix) + inflated_mib * len(chunk)) & 0xFFFFFFFF
    return (b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff" + head + block * (inflated_mib - 1)
            + tail + struct.pack("<II", crc & 0xFFFFFFFF, size))


def slow_drip(text: str, delay: float = 0.3) -> Callable[[Any], None]:
    """A :class:`WhoisServer` answer that sends ``text`` one character every ``delay`` s."""

    def answer(conn: Any) -> None:
        for ch in text:
            try:
                conn.sendall(ch.encode())
            except OSError:
                return
            time.sleep(delay)

    return answer


class _LoopbackServer:
    """Lifecycle shared by the servers below: one socketserver on 127.0.0.1, served from a
    daemon thread; ``start``/``stop`` and use as a context manager."""

    _server: socketserver.BaseServer | None = None

    @property
    def port(self) -> int:
        """The bound port."""
        assert self._server is not None, "server not started"
        return int(self._server.server_address[1])

    def start(self) -> Self:
        """Bind 127.0.0.1 on a free port and serve in a daemon thread."""
        self._server = self._make_server()
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def _make_server(self) -> socketserver.BaseServer:
        raise NotImplementedError

    def stop(self) -> None:
        """Stop serving and close the socket."""
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(self, et: type[BaseException] | None, ev: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.stop()


class SiteServer(_LoopbackServer):
    """Serve static sites on 127.0.0.1, one directory per host name.

    Parameters
    ----------
    sites : mapping of str to Path
        Host name to directory; ``/`` serves ``index.html``.
    canned : mapping of str to CannedResponse, optional
        Path (any host) to a fixed response, checked first.
    default_host : str, optional
        Site served when the ``Host`` header names no known site (e.g. ``127.0.0.1``).
    app_routes : bool
        Answer a missing path without a file extension with the site's ``index.html``,
        as the servers of single-page apps do for their history routes (``/plans``).
    """

    def __init__(self, sites: Mapping[str, Path],
                 canned: Mapping[str, CannedResponse] | None = None,
                 default_host: str | None = None, app_routes: bool = False) -> None:
        self.sites = {h.lower(): Path(p) for h, p in sites.items()}
        self.canned = dict(canned or {})
        self.default_host = default_host
        self.app_routes = app_routes
        self.requests: list[tuple[str, str]] = []

    def url(self, host: str, path: str = "/") -> str:
        """``http://<host>:<port><path>``."""
        return f"http://{host}:{self.port}{path}"

    def _handler(self) -> type[http.server.BaseHTTPRequestHandler]:
        server = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:
                pass

            def _send(self, status: int, body: bytes, headers: Mapping[str, str]) -> None:
                self.send_response(status)
                for k, v in headers.items():
                    self.send_header(k, v)
                if not any(k.lower() == "content-length" for k in headers):
                    self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if self.command != "HEAD":
                    self.wfile.write(body)

            def do_GET(self) -> None:
                host = (self.headers.get("Host") or "").split(":")[0].lower()
                path = unquote(urlsplit(self.path).path)
                server.requests.append((host, path))
                if path in server.canned:
                    c = server.canned[path]
                    self._send(c.status, c.body, c.headers)
                    return
                root = server.sites.get(host)
                if root is None and server.default_host:
                    root = server.sites.get(server.default_host)
                if root is None:
                    self._send(404, b"unknown site", {"Content-Type": "text/plain"})
                    return
                rel = path.lstrip("/") or "index.html"
                if rel.endswith("/"):
                    rel += "index.html"
                target = (root / rel).resolve()
                if server.app_routes and not target.is_file() and "." not in rel:
                    target = (root / "index.html").resolve()
                if root.resolve() not in target.parents or not target.is_file():
                    self._send(404, b"<html><body>Not found</body></html>",
                               {"Content-Type": "text/html; charset=utf-8"})
                    return
                ctype = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
                if ctype == "text/html":
                    ctype += "; charset=utf-8"
                self._send(200, target.read_bytes(), {"Content-Type": ctype})

            do_HEAD = do_GET

        return Handler

    def _make_server(self) -> socketserver.BaseServer:
        return _ThreadingHTTPServer(("127.0.0.1", 0), self._handler())


class WhoisServer(_LoopbackServer):
    """An RFC 3912 WHOIS server on 127.0.0.1 answering from a table of records.

    Parameters
    ----------
    records : mapping of str to str, tuple of str, or callable
        Query (lower-cased domain) to response text; to a tuple of texts served in turn
        (the registry's answer, then the registrar's for a referral); or to a callable
        taking the connected socket for custom behaviour (slow drip, garbage).
    no_match : str
        Answer for unknown domains; ``{domain}`` is replaced by the query.
    """

    def __init__(self, records: Mapping[str, str | tuple[str, ...] | Callable[[Any], None]],
                 no_match: str = 'No match for "{domain}".\r\n') -> None:
        self.records = {k.lower(): v for k, v in records.items()}
        self.no_match = no_match
        self.queries: list[str] = []
        self._lock = threading.Lock()

    @property
    def address(self) -> str:
        """``127.0.0.1:<port>``, the value for ``FAKEINVEST_WHOIS_SERVER``."""
        return f"127.0.0.1:{self.port}"

    def _make_server(self) -> socketserver.BaseServer:
        outer = self

        class Handler(socketserver.StreamRequestHandler):
            def handle(self) -> None:
                line = self.rfile.readline(1024).decode("utf-8", "replace").strip()
                query = line.split()[-1].lower() if line.split() else ""
                query = query.removesuffix("/e")  # JPRS: English output
                with outer._lock:
                    seen = outer.queries.count(query)
                    outer.queries.append(query)
                answer = outer.records.get(query)
                if isinstance(answer, tuple):
                    answer = answer[min(seen, len(answer) - 1)]
                if answer is None and query and "." not in query:
                    answer = iana_tld_record(query)  # IANA's answer naming the TLD server
                if callable(answer):
                    answer(self.connection)
                    return
                text = answer if answer is not None else outer.no_match.format(domain=query)
                self.wfile.write(text.encode("utf-8"))

        class Server(socketserver.ThreadingTCPServer):
            daemon_threads = True
            allow_reuse_address = True
            request_queue_size = 128  # bulk clients connect many at once

        return Server(("127.0.0.1", 0), Handler)


RdapAnswer = dict[str, Any] | int | tuple[int, bytes] | Callable[[Any], None]


class RdapServer(_LoopbackServer):
    """An RDAP server (RFC 9082/9083) on 127.0.0.1 answering ``GET /domain/<name>``.

    Any path prefix before ``domain/`` is accepted, so the server can stand in for every
    base URL of the bootstrap (``FAKEINVEST_RDAP_URL=<server.url>``).

    Parameters
    ----------
    records : mapping of str to answer
        Domain (lower case, ASCII) to a JSON domain object (served with status 200), an
        HTTP status code (404, 429, 503 ... with an RFC 9083 error body), a
        ``(status, raw body)`` pair, or a callable taking the request handler (slow
        drip, garbage).
    """

    def __init__(self, records: Mapping[str, RdapAnswer]) -> None:
        self.records = {k.lower(): v for k, v in records.items()}
        self.queries: list[str] = []
        self._lock = threading.Lock()

    @property
    def url(self) -> str:
        """``http://127.0.0.1:<port>/``, the value for ``FAKEINVEST_RDAP_URL``."""
        return f"http://127.0.0.1:{self.port}/"

    def _make_server(self) -> socketserver.BaseServer:

        outer = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:
                pass

            def _send(self, status: int, body: bytes) -> None:
                self.send_response(status)
                self.send_header("Content-Type", "application/rdap+json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def do_GET(self) -> None:
                path = unquote(urlsplit(self.path).path)
                _head, sep, name = path.rpartition("/domain/")
                if not sep or "/" in name:
                    self._send(400, b'{"errorCode":400,"title":"Bad request"}')
                    return
                name = name.lower()
                with outer._lock:
                    outer.queries.append(name)
                answer = outer.records.get(name, 404)
                if callable(answer):
                    answer(self)
                elif isinstance(answer, int):
                    title = {404: "Not Found", 429: "Too Many Requests"}.get(answer, "Error")
                    self._send(answer, json.dumps({"errorCode": answer,
                                                   "title": title}).encode())
                elif isinstance(answer, tuple):
                    self._send(answer[0], answer[1])
                else:
                    self._send(200, json.dumps(answer).encode("utf-8"))

        return _ThreadingHTTPServer(("127.0.0.1", 0), Handler)


def rdap_record(domain: str, created: datetime | None, registrar: str, *,
                expires: datetime | None = None, updated: datetime | None = None,
                name_servers: tuple[str, ...] = ("ns1.cloudns-example.net",
                                                 "ns2.cloudns-example.net"),
                status: tuple[str, ...] = ("client transfer prohibited",),
                redacted: bool = False) -> dict[str, Any]:
    """An RDAP domain object (RFC 9083) in the shape gTLD registries serve.

    Parameters
    ----------
    domain : str
    created : datetime or None
        The ``registration`` event (omitted when None).
    registrar : str
        ``fn`` of the entity with the ``registrar`` role.
    expires, updated : datetime, optional
        ``expiration`` and ``last changed`` events.
    name_servers : tuple of str
    status : tuple of str
    redacted : bool
        Add a registrant entity with the ICANN "REDACTED FOR PRIVACY" remark.

    Returns
    -------
    dict
    """
    events = []
    if created is not None:
        events.append({"eventAction": "registration", "eventDate": _fmt(created)})
    if expires is not None:
        events.append({"eventAction": "expiration", "eventDate": _fmt(expires)})
    if updated is not None:
        events.append({"eventAction": "last changed", "eventDate": _fmt(updated)})
    events.append({"eventAction": "last update of RDAP database",
                   "eventDate": _fmt(datetime.now(UTC))})
    entities: list[dict[str, Any]] = [{
        "objectClassName": "entity", "handle": "1068", "roles": ["registrar"],
        "publicIds": [{"type": "IANA Registrar ID", "identifier": "1068"}],
        "vcardArray": ["vcard", [["version", {}, "text", "4.0"],
                                 ["fn", {}, "text", registrar]]],
        "entities": [{"objectClassName": "entity", "roles": ["abuse"],
                      "vcardArray": ["vcard", [["version", {}, "text", "4.0"],
                                               ["fn", {}, "text", "Abuse Contact"],
                                               ["email", {}, "text", "abuse@example.net"]]]}],
    }]
    if redacted:
        entities.append({
            "objectClassName": "entity", "roles": ["registrant"],
            "vcardArray": ["vcard", [["version", {}, "text", "4.0"], ["fn", {}, "text", ""],
                                     ["adr", {"cc": "IS"}, "text",
                                      ["", "", "", "", "Capital Region", "", "IS"]]]],
            "remarks": [{"title": "REDACTED FOR PRIVACY", "type": "object redacted due to "
                         "authorization", "description": [
                             "Some of the data in this object has been removed."]}],
        })
    return {
        "objectClassName": "domain", "handle": f"{domain.upper()}-REG",
        "ldhName": domain.upper(), "status": list(status), "events": events,
        "entities": entities,
        "nameservers": [{"objectClassName": "nameserver", "ldhName": ns.upper()}
                        for ns in name_servers],
        "secureDNS": {"delegationSigned": False},
        "rdapConformance": ["rdap_level_0", "icann_rdap_technical_implementation_guide_1"],
        "notices": [{"title": "Terms of Use", "description": ["Service subject to terms."]}],
    }


def iana_tld_record(tld: str) -> str:
    """whois.iana.org's answer for a TLD, naming its registry WHOIS server."""
    return (
        "% IANA WHOIS server\r\n% for more information on IANA, visit http://www.iana.org\r\n\r\n"
        f"domain:       {tld.upper()}\r\n\r\norganisation: Registry of .{tld}\r\n"
        f"whois:        whois.nic.{tld}\r\n\r\nstatus:       ACTIVE\r\n"
    )


def _fmt(d: datetime) -> str:
    return d.strftime("%Y-%m-%dT%H:%M:%SZ")


def verisign_record(domain: str, created: datetime, registrar: str,
                    registrar_whois: str) -> str:
    """A thin-registry (.com/.net) answer in Verisign's format, with a registrar referral."""
    updated = created + timedelta(days=2)
    expires = created + timedelta(days=365)
    return (
        f"   Domain Name: {domain.upper()}\r\n"
        f"   Registry Domain ID: 2913847561_DOMAIN_COM-VRSN\r\n"
        f"   Registrar WHOIS Server: {registrar_whois}\r\n"
        f"   Registrar URL: http://www.{registrar_whois.removeprefix('whois.')}\r\n"
        f"   Updated Date: {_fmt(updated)}\r\n"
        f"   Creation Date: {_fmt(created)}\r\n"
        f"   Registry Expiry Date: {_fmt(expires)}\r\n"
        f"   Registrar: {registrar}\r\n"
        f"   Registrar IANA ID: 1068\r\n"
        f"   Domain Status: clientTransferProhibited "
        f"https://icann.org/epp#clientTransferProhibited\r\n"
        f"   Name Server: NS1.CLOUDNS-EXAMPLE.NET\r\n"
        f"   Name Server: NS2.CLOUDNS-EXAMPLE.NET\r\n"
        f"   DNSSEC: unsigned\r\n"
        f">>> Last update of whois database: {_fmt(datetime.now(UTC))} <<<\r\n"
    )


def demo_whois_records(now: datetime | None = None) -> dict[str, str]:
    """WHOIS answers for the demo sites, with creation dates relative to ``now``."""
    now = now or datetime.now(UTC)
    young = now - timedelta(days=23)
    hyip = now - timedelta(days=127)
    return {
        "atfx-vn.com": verisign_record("atfx-vn.com", young, "NICENIC INTERNATIONAL GROUP CO., "
                                       "LIMITED", "whois.nicenic.net"),
        "coinyield-capital.biz": (
            "Domain Name: coinyield-capital.biz\r\n"
            "Registry Domain ID: D3F7A91C2B8E4-BIZ\r\n"
            f"Updated Date: {_fmt(hyip)}\r\n"
            f"Creation Date: {_fmt(hyip)}\r\n"
            f"Registry Expiry Date: {_fmt(hyip + timedelta(days=365))}\r\n"
            "Registrar: Namecheap, Inc.\r\n"
            "Registrant Organization: Privacy service provided by Withheld for Privacy ehf\r\n"
            "Name Server: dns1.registrar-servers.com\r\n"
        ),
        "harbourline-markets.co.uk": (
            "\r\n    Domain name:\r\n        harbourline-markets.co.uk\r\n\r\n"
            "    Registrant:\r\n        Harbourline Markets Ltd\r\n\r\n"
            "    Registrar:\r\n"
            "        Markmonitor Inc. t/a MarkMonitor Inc. [Tag = MARKMONITOR]\r\n"
            "        URL: https://www.markmonitor.com\r\n\r\n"
            "    Relevant dates:\r\n        Registered on: 14-Mar-2011\r\n"
            "        Expiry date:  14-Mar-2031\r\n        Last updated:  02-Feb-2026\r\n\r\n"
            "    Registration status:\r\n        Registered until expiry date.\r\n"
        ),
        "riverside-bakery.com": verisign_record(
            "riverside-bakery.com", datetime(2009, 5, 4, 10, 12, 0, tzinfo=UTC),
            "Tucows Domains Inc.", "whois.tucows.com"),
    }
