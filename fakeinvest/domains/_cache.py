"""A persistent on-disk cache of domain lookups (SQLite, safe across threads and processes).

Location: ``LookupConfig.cache_dir`` (from the environment: ``$FAKEINVEST_CACHE_DIR`` if
set, else ``$XDG_CACHE_HOME/fakeinvest``, else ``~/.cache/fakeinvest``; ``off`` disables
it); the file is ``domains.sqlite3`` there.

Entries live :data:`TTL_SUCCESS` seconds (7 days) when a creation date was read,
:data:`TTL_NO_MATCH` (1 day) for an unregistered domain and :data:`TTL_FAILURE` (1 hour)
for every other failure (timeouts, rate limits, unreadable records), so a transient
failure is retried soon while a bulk scan still never asks twice within the hour.

Concurrency: the database runs in WAL mode (readers never block the writer), every
connection waits up to ``busy_timeout`` for a lock, and each write is one short
transaction (an upsert), so many threads and processes can share one file. Each thread
uses its own connection. Any cache error (read-only directory, corrupt file, disk full)
is swallowed: the cache is an optimisation, never a reason for a lookup to fail.
"""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from pathlib import Path

from ..snapshot import DomainFacts

__all__ = ["TTL_FAILURE", "TTL_NO_MATCH", "TTL_SUCCESS", "DomainCache", "default_cache"]

TTL_SUCCESS = 7 * 86400.0
TTL_NO_MATCH = 86400.0
TTL_FAILURE = 3600.0
BUSY_TIMEOUT_MS = 10_000
_SCHEMA = """
CREATE TABLE IF NOT EXISTS domain_facts (
    key TEXT PRIMARY KEY,
    facts TEXT NOT NULL,
    stored REAL NOT NULL,
    expires REAL NOT NULL
)
"""


def ttl_for(facts: DomainFacts) -> float:
    """Seconds an entry for ``facts`` stays fresh."""
    if facts.error is None:
        return TTL_SUCCESS
    if facts.error == "no_match":
        return TTL_NO_MATCH
    return TTL_FAILURE


def _initialise(conn: sqlite3.Connection) -> None:
    """Switch to WAL and create the table. Several processes opening a new file at once
    can get "database is locked" here without SQLite's busy handler ever waiting (a
    journal-mode change takes its lock without it), so retry for up to ``busy_timeout``."""
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    delay = 0.01
    while True:
        try:
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute(_SCHEMA)
            return
        except sqlite3.OperationalError:
            if time.monotonic() + delay > deadline:
                raise
            time.sleep(delay)
            delay = min(delay * 2, 0.2)


class DomainCache:
    """Lookup results keyed by domain, in one SQLite file.

    Parameters
    ----------
    path : str or Path
        The database file (created with its directory on first use).
    """

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._local = threading.local()
        self._ready = False
        self._lock = threading.Lock()

    def _conn(self) -> sqlite3.Connection:
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_MS / 1000,
                                   isolation_level=None, check_same_thread=True)
            conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
            with self._lock:
                if not self._ready:
                    _initialise(conn)
                    self._ready = True
            conn.execute("PRAGMA synchronous=NORMAL")
            self._local.conn = conn
        return conn

    def get(self, key: str, now: float | None = None) -> DomainFacts | None:
        """The fresh entry for ``key``, or None (missing, expired or unreadable).

        Parameters
        ----------
        key : str
        now : float, optional
            Unix time to judge freshness at (default: now).

        Returns
        -------
        DomainFacts or None
        """
        now = time.time() if now is None else now
        try:
            row = self._conn().execute(
                "SELECT facts, expires FROM domain_facts WHERE key = ?", (key,)).fetchone()
        except (sqlite3.Error, OSError):
            return None
        if row is None or row[1] <= now:
            return None
        try:
            return DomainFacts.from_dict(json.loads(row[0]))
        except (ValueError, TypeError):
            return None

    def put(self, key: str, facts: DomainFacts, now: float | None = None) -> bool:
        """Store ``facts`` under ``key`` with the TTL its outcome deserves.

        Parameters
        ----------
        key : str
        facts : DomainFacts
        now : float, optional

        Returns
        -------
        bool
            False when the cache could not be written (the lookup result is still valid).
        """
        now = time.time() if now is None else now
        try:
            self._conn().execute(
                "INSERT INTO domain_facts (key, facts, stored, expires) VALUES (?, ?, ?, ?) "
                "ON CONFLICT(key) DO UPDATE SET facts = excluded.facts, "
                "stored = excluded.stored, expires = excluded.expires",
                (key, json.dumps(facts.to_dict()), now, now + ttl_for(facts)))
        except (sqlite3.Error, OSError):
            return False
        return True

    def purge(self, now: float | None = None) -> int:
        """Delete expired entries; returns how many went."""
        now = time.time() if now is None else now
        try:
            cur = self._conn().execute("DELETE FROM domain_facts WHERE expires <= ?", (now,))
        except (sqlite3.Error, OSError):
            return 0
        return cur.rowcount

    def __len__(self) -> int:
        try:
            return int(self._conn().execute("SELECT COUNT(*) FROM domain_facts").fetchone()[0])
        except (sqlite3.Error, OSError):
            return 0


_CACHES: dict[Path, DomainCache] = {}
_CACHES_LOCK = threading.Lock()


def default_cache(directory: Path | None) -> DomainCache | None:
    """The cache shared by all lookups in ``directory`` (``LookupConfig.cache_dir``).

    Parameters
    ----------
    directory : Path or None
        None: no cache.

    Returns
    -------
    DomainCache or None
    """
    if directory is None:
        return None
    path = Path(directory) / "domains.sqlite3"
    with _CACHES_LOCK:
        cache = _CACHES.get(path)
        if cache is None:
            cache = _CACHES[path] = DomainCache(path)
    return cache
