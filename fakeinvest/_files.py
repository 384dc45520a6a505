"""Reading the files a scan writes: JSON lines (tolerating a torn last line) and digests."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

__all__ = ["file_sha256", "read_json_lines"]


def read_json_lines(path: str | Path) -> Iterator[dict[str, Any]]:
    """The JSON objects of a JSON-lines file, in order; blank lines, lines that are not an
    object and a line torn by an interrupted write are skipped.

    Raises
    ------
    OSError
        The file cannot be opened.
    """
    with open(path, encoding="utf-8", errors="replace") as fh:
        for line in fh:
            if not line.strip():
                continue
            try:
                item = json.loads(line)
            except ValueError:
                continue
            if isinstance(item, dict):
                yield item


def file_sha256(path: str | Path) -> str:
    """SHA-256 of a file, read in 1 MB blocks."""
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()
