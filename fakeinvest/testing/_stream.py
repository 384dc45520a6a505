"""An asyncio stream server on 127.0.0.1 running in a daemon thread (raw sockets, any protocol).

Subclasses implement :meth:`StreamServer._handle`; the server is a context manager, and
stopping it cancels the connections still being served (slow drips, hung answers).
"""

from __future__ import annotations

import asyncio
import threading
from types import TracebackType
from typing import Self

__all__ = ["StreamServer"]


class StreamServer:
    """Base class: bind 127.0.0.1 on a free port, serve each connection with ``_handle``."""

    def __init__(self) -> None:
        self.port = 0
        self._loop: asyncio.AbstractEventLoop | None = None
        self._server: asyncio.Server | None = None
        self._thread: threading.Thread | None = None
        self._ready = threading.Event()

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        raise NotImplementedError

    def _run(self) -> None:
        loop = asyncio.new_event_loop()
        self._loop = loop

        async def start() -> None:
            self._server = await asyncio.start_server(self._handle, "127.0.0.1", 0)
            self.port = self._server.sockets[0].getsockname()[1]
            self._ready.set()

        loop.run_until_complete(start())
        loop.run_forever()
        loop.close()

    def start(self) -> Self:
        """Start serving in a daemon thread; returns self once the port is bound."""
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()
        self._ready.wait(10)
        return self

    def stop(self) -> None:
        """Stop the server and cancel the connections it is still serving."""
        loop = self._loop
        if loop is None or self._server is None:
            return

        async def shutdown() -> None:
            assert self._server is not None
            self._server.close()
            tasks = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
            loop.stop()

        asyncio.run_coroutine_threadsafe(shutdown(), loop)
        if self._thread is not None:
            self._thread.join(10)

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.stop()
