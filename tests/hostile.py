"""A hostile web server on 127.0.0.1: one misbehaving site per host name.

Each site is what scam hosting does to crawlers: compression bombs, endless bodies, slow
drips, endless redirects, redirects into the internal network, binary or empty answers,
lying charsets, absurd nesting, server errors, flaky and hanging servers. The server is a
plain asyncio stream server (real sockets, raw HTTP/1.1) in a daemon thread, so it can
stream gigabytes without holding them and drip one byte per second.
"""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import Awaitable, Callable

from fakeinvest.testing import StreamServer
from fakeinvest.testing._servers import gzip_bomb

__all__ = ["EXPECTED", "HostileServer"]

SCAM_TEXT = ("Lợi nhuận 2%/ngày, rút tiền ngay. Hoa hồng giới thiệu 10% cấp 1. "
             "Nạp USDT TRC20 để bắt đầu đầu tư.")

#: Host name -> the error kind a scan must report (None: analysed, a verdict is due).
EXPECTED: dict[str, str | None] = {
    "gzip-bomb.test": "too_large",
    "huge-body.test": "too_large",
    "slow-drip.test": "timeout",
    "hang.test": "timeout",
    "endless-redirect.test": "too_many_redirects",
    "redirect-private.test": "blocked_private",
    "redirect-metadata.test": "blocked_private",
    "redirect-mapped-v6.test": "blocked_private",
    "redirect-decimal-ip.test": "blocked_private",
    "binary.test": "not_html",
    "binary-as-html.test": "not_html",
    "empty.test": "not_html",
    "server-error.test": "http_status",
    "drops-connection.test": "connect",
    "deep-nesting.test": None,
    "lying-charset.test": None,
    "flaky.test": None,
}


Writer = asyncio.StreamWriter
Handler = Callable[[str, Writer], Awaitable[None]]


async def _head(w: Writer, status: int, headers: dict[str, str]) -> None:
    reason = {200: "OK", 302: "Found", 500: "Internal Server Error",
              503: "Service Unavailable"}.get(status, "Status")
    lines = [f"HTTP/1.1 {status} {reason}"] + [f"{k}: {v}" for k, v in headers.items()]
    w.write(("\r\n".join(lines) + "\r\n\r\n").encode("latin-1"))
    await w.drain()


async def _send(w: Writer, status: int, body: bytes, ctype: str = "text/html; charset=utf-8",
                **extra: str) -> None:
    await _head(w, status, {"Content-Type": ctype, "Content-Length": str(len(body)),
                            "Connection": "close", **extra})
    w.write(body)
    await w.drain()


class HostileServer(StreamServer):
    """Serve the hostile sites of :data:`EXPECTED` on 127.0.0.1 (any port).

    Attributes
    ----------
    hits : collections.Counter
        Requests received per host name.
    """

    def __init__(self) -> None:
        super().__init__()
        self.hits: Counter[str] = Counter()
        self._bomb = gzip_bomb()

    def url(self, host: str, path: str = "/") -> str:
        """``http://<host>:<port><path>``."""
        return f"http://{host}:{self.port}{path}"

    # -- the sites -------------------------------------------------------------------
    async def _site(self, host: str, path: str, w: Writer) -> None:
        page = f"<html><head><title>Đầu tư</title></head><body><p>{SCAM_TEXT}</p></body></html>"
        if host == "gzip-bomb.test":
            await _head(w, 200, {"Content-Type": "text/html", "Content-Encoding": "gzip",
                                 "Content-Length": str(len(self._bomb)),
                                 "Connection": "close"})
            view = memoryview(self._bomb)
            for i in range(0, len(view), 65536):
                w.write(view[i:i + 65536])
                await w.drain()
        elif host == "huge-body.test":
            mib = b"<p>" + b"x" * ((1 << 20) - 7) + b"</p>\n"
            await _head(w, 200, {"Content-Type": "text/html",
                                 "Content-Length": str(50 * len(mib)), "Connection": "close"})
            for _ in range(50):
                w.write(mib)
                await w.drain()
        elif host == "slow-drip.test":
            await _head(w, 200, {"Content-Type": "text/html", "Content-Length": "100000",
                                 "Connection": "close"})
            for _ in range(120):
                w.write(b"<")
                await w.drain()
                await asyncio.sleep(1.0)
        elif host == "hang.test":
            await asyncio.sleep(120)
        elif host == "endless-redirect.test":
            n = int(path.rsplit("/", 1)[-1]) if path.startswith("/hop/") else 0
            await _send(w, 302, b"", Location=f"/hop/{n + 1}")
        elif host.startswith("redirect-"):
            target = {"redirect-private.test": "http://10.255.255.1/admin",
                      "redirect-metadata.test": "http://169.254.169.254/latest/meta-data/",
                      "redirect-mapped-v6.test": "http://[::ffff:10.0.0.1]/",
                      "redirect-decimal-ip.test": "http://167772161/"}[host]
            await _send(w, 302, b"", Location=target)
        elif host == "binary.test":
            await _send(w, 200, bytes(range(256)) * 256, "application/octet-stream")
        elif host == "binary-as-html.test":
            await _send(w, 200, bytes(range(256)) * 256, "text/html")
        elif host == "empty.test":
            await _send(w, 200, b"")
        elif host == "server-error.test":
            await _send(w, 500, b"<html><body>Internal error</body></html>")
        elif host == "drops-connection.test":
            w.write(b"HTTP/1.1 200 OK\r\nContent-Ty")  # and hang up mid-header
            await w.drain()
        elif host == "deep-nesting.test":
            body = ("<html><body>" + "<div>" * 5000 + f"<p>{SCAM_TEXT}</p>" + "</div>" * 5000
                    + "</body></html>")
            await _send(w, 200, body.encode())
        elif host == "lying-charset.test":
            # The header claims Latin-1; the bytes (and the meta tag) are UTF-8.
            body = ("<html><head><meta charset='utf-8'></head>"
                    f"<body><p>{SCAM_TEXT}</p></body></html>").encode()
            await _send(w, 200, body, "text/html; charset=iso-8859-1")
        elif host == "flaky.test":
            if self.hits[f"{host}{path}"] == 1:
                await _send(w, 503, b"busy", "text/plain", **{"Retry-After": "0"})
            else:
                await _send(w, 200, page.encode())
        else:
            await _send(w, 404, b"<html><body>unknown site</body></html>")

    async def _handle(self, reader: asyncio.StreamReader, w: Writer) -> None:
        try:
            head = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), 10)
            lines = head.decode("latin-1").split("\r\n")
            path = lines[0].split(" ")[1] if len(lines[0].split(" ")) > 1 else "/"
            host = ""
            for line in lines[1:]:
                if line.lower().startswith("host:"):
                    host = line.split(":", 1)[1].strip().rsplit(":", 1)[0].lower()
            self.hits[host] += 1
            self.hits[f"{host}{path}"] += 1
            await self._site(host, path, w)
        except (ConnectionError, asyncio.IncompleteReadError, asyncio.LimitOverrunError,
                TimeoutError, asyncio.CancelledError):
            pass
        finally:
            w.close()
