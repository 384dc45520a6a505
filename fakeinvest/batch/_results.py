"""Verdicts as JSON lines: the one format of result files (``fakeinvest scan --output
FILE`` appends to one file, batch jobs write atomic part files), read back and resumed
the same way."""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from .._files import read_json_lines
from ..verdict import Verdict

__all__ = ["TMP_SUFFIX", "count_results", "done_urls", "read_lines", "verdict_line",
           "write_atomic"]

#: Suffix of the temporary file :func:`write_atomic` renames into place.
TMP_SUFFIX = ".tmp"


def verdict_line(verdict: Verdict) -> str:
    """One verdict as one JSON line (no newline): ``json.dumps(verdict.to_dict())``."""
    return json.dumps(verdict.to_dict(), ensure_ascii=False)


def read_lines(path: str | Path) -> Iterator[dict[str, Any]]:
    """The verdict dicts of a results file, in order."""
    return read_json_lines(path)


def count_results(path: str | Path) -> tuple[int, int]:
    """``(verdicts, verdicts that could not be analysed)`` in a results file."""
    rows = list(read_lines(path))
    return len(rows), sum(r.get("error") is not None for r in rows)


def done_urls(path: str | Path) -> set[str]:
    """URLs already in an appended results file; a torn last line (a crash mid-write)
    is cut off, so that site is scanned again."""
    path = Path(path)
    if not path.exists():
        return set()
    data = path.read_bytes()
    if data and not data.endswith(b"\n"):
        keep = data.rfind(b"\n") + 1
        with open(path, "r+b") as fh:
            fh.truncate(keep)
        data = data[:keep]
    done = set()
    for line in data.decode("utf-8", errors="replace").splitlines():
        try:
            done.add(json.loads(line)["url"])
        except (ValueError, KeyError, TypeError):
            continue
    return done


def _fsync_dir(directory: Path) -> None:
    with contextlib.suppress(OSError):  # not every file system can sync a directory
        fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def write_atomic(path: Path, lines: Iterable[str]) -> None:
    """Write ``lines`` to ``path`` so that ``path`` is either absent or complete."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=TMP_SUFFIX, dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            for line in lines:
                fh.write(line + "\n")
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    _fsync_dir(path.parent)


