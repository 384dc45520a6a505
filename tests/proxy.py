"""A minimal forward HTTP proxy on 127.0.0.1 for the crawler's proxy tests.

It understands absolute-form requests (``GET http://host:port/path HTTP/1.1``), records each
target URL, and relays the request to ``127.0.0.1:<port>`` with the original ``Host``
header; it never connects anywhere but loopback, whatever the target host is.
"""

from __future__ import annotations

import asyncio
import threading
from types import TracebackType
from urllib.parse import urlsplit

__all__ = ["LoopbackProxy"]


class LoopbackProxy:
    """Forward proxy relaying every request to the loopback port named in its URL.

    Attributes
    ----------
    targets : list of str
        Absolute URLs requested through the proxy, in order.
    """

    def __init__(self) -> None:
        self.targets: list[str] = []
        self.port = 0
        self._loop: asyncio.AbstractEventLoop | None = None
        self._ready = threading.Event()
        self._thread: threading.Thread | None = None

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

    def _run(self) -> None:
        loop = asyncio.new_event_loop()
        self._loop = loop

        async def start() -> None:
            server = await asyncio.start_server(self._handle, "127.0.0.1", 0)
            self.port = server.sockets[0].getsockname()[1]
            self._ready.set()

        loop.run_until_complete(start())
        loop.run_forever()

    def __enter__(self) -> LoopbackProxy:
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()
        self._ready.wait(10)
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        if self._loop is not None:
            self._loop.call_soon_threadsafe(self._loop.stop)
