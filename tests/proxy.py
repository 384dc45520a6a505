"""A minimal forward HTTP proxy on 127.0.0.1 for the crawler's proxy tests.

It understands absolute-form requests (``GET http://host:port/path HTTP/1.1``), records each
target URL, and relays the request to ``127.0.0.1:<port>`` with the original ``Host``
header; it never connects anywhere but loopback, whatever the target host is.
"""

from __future__ import annotations

import asyncio
from urllib.parse import urlsplit

from fakeinvest.testing import StreamServer

__all__ = ["LoopbackProxy"]


class LoopbackProxy(StreamServer):
    """Forward proxy relaying every request to the loopback port named in its URL.

    Attributes
    ----------
    targets : list of str
        Absolute URLs requested through the proxy, in order.
    """

    def __init__(self) -> None:
        super().__init__()
        self.targets: list[str] = []

    @property
    def url(self) -> str:
        """The proxy URL to configure (``http://127.0.0.1:<port>``)."""
        return f"http://127.0.0.1:{self.port}"

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            head = await reader.readuntil(b"\r\n\r\n")
            lines = head.decode("latin-1").split("\r\n")
            method, target, version = lines[0].split(" ")
            self.targets.append(target)
            parts = urlsplit(target)
            if parts.scheme != "http" or not parts.port:
                writer.write(b"HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n"
                             b"Connection: close\r\n\r\n")
                return
            upstream_r, upstream_w = await asyncio.open_connection("127.0.0.1", parts.port)
            kept = [ln for ln in lines[1:] if ln and not ln.lower().startswith(
                ("connection:", "proxy-connection:", "keep-alive:"))]
            path = parts.path or "/"
            if parts.query:
                path += "?" + parts.query
            request = [f"{method} {path} {version}", *kept, "Connection: close", "", ""]
            upstream_w.write("\r\n".join(request).encode("latin-1"))
            await upstream_w.drain()
            while data := await upstream_r.read(65536):
                writer.write(data)
                await writer.drain()
            upstream_w.close()
        except (ConnectionError, asyncio.IncompleteReadError, ValueError):
            pass
        finally:
            writer.close()
