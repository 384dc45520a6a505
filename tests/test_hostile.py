"""The crawler against hostile sites, in one bulk scan, as a user would run it.

The scan runs the real CLI in a child process (so its peak RSS can be measured on its own)
against :class:`tests.hostile.HostileServer` and the normal demo sites, all on 127.0.0.1.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from fakeinvest.demo import DEMO_SITES
from fakeinvest.testing._servers import SiteServer

from .hostile import EXPECTED, HostileServer

DEADLINE = 4.0
RSS_LIMIT_MB = 300

# Runs the CLI, then reports this process's own peak RSS on stderr. VmHWM is the peak of this
# program's address space; ru_maxrss is not used because Linux carries the parent's peak
# over into a child across fork and exec, so it would report the test runner's size.
_RUN_CLI = (
    "import resource, sys\n"
    "from fakeinvest.cli import main\n"
    "rc = main(sys.argv[1:])\n"
    "try:\n"
    "    status = open('/proc/self/status').read()\n"
    "    kb = int(status.split('VmHWM:')[1].split()[0])\n"
    "except (OSError, IndexError):\n"
    "    kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
    "sys.stderr.write(f'\\nmaxrss_kb={kb}\\n')\n"
    "raise SystemExit(rc)\n"
)


@pytest.fixture(scope="module")
def bulk_result(hostile: HostileServer, site_server: SiteServer,
                tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    tmp = tmp_path_factory.mktemp("hostile")
    urls = {hostile.url(h): kind for h, kind in EXPECTED.items()}
    urls[hostile.url("endless-redirect.test", "/hop/0")] = urls.pop(
        hostile.url("endless-redirect.test"))
    urls.update({site_server.url(h): None for h in DEMO_SITES})
    listing = tmp / "urls.txt"
    listing.write_text("\n".join(urls) + "\n", encoding="utf-8")
    out = tmp / "results.jsonl"
    hosts = [*EXPECTED, *DEMO_SITES]
    env = {**os.environ,
           "FAKEINVEST_RESOLVE": ",".join(f"{h}:127.0.0.1" for h in hosts)}
    before = Counter(hostile.hits)
    t0 = time.monotonic()
    proc = subprocess.run(
        [sys.executable, "-c", _RUN_CLI, "scan", "--input", str(listing), "--output", str(out),
         "--allow-network", "127.0.0.0/8", "--no-whois", "--deadline", str(DEADLINE),
         "--snapshots", str(tmp / "warc")],
        env=env, capture_output=True, text=True, timeout=300)
    wall = time.monotonic() - t0
    hits = Counter(hostile.hits)
    hits.subtract(before)  # requests of this bulk run only
    rows = {}
    for line in out.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        rows[row["url"]] = row
    rss_kb = int(proc.stderr.rsplit("maxrss_kb=", 1)[1].split()[0])
    return {"proc": proc, "rows": rows, "expected": urls, "wall": wall, "rss_mb": rss_kb / 1024,
            "warc": tmp / "warc", "hits": hits}


def test_every_site_gets_a_verdict_or_the_right_error(bulk_result: dict) -> None:
    rows, expected = bulk_result["rows"], bulk_result["expected"]
    assert sorted(rows) == sorted(expected), bulk_result["proc"].stderr
    wrong = {}
    for url, kind in expected.items():
        row = rows[url]
        got = row["error"].split(":", 1)[0] if row["error"] else None
        if got != kind:
            wrong[url] = (kind, row["error"])
        if kind is None:
            assert row["probability"] is not None
    assert not wrong, wrong
    assert bulk_result["proc"].returncode == 1  # some sites could not be analysed


def test_peak_memory_stays_bounded(bulk_result: dict) -> None:
    # 2 GiB gzip bomb and 50 MB body included: the decoded-size cap holds memory down.
    assert bulk_result["rss_mb"] < RSS_LIMIT_MB, bulk_result["rss_mb"]


def test_no_site_overruns_its_deadline(bulk_result: dict) -> None:
    slow = {u: r["elapsed"] for u, r in bulk_result["rows"].items()
            if r["elapsed"] is None or r["elapsed"] > DEADLINE + 1.0}
    assert not slow, slow
    # The slow ones run side by side: the whole job is not the sum of their deadlines.
    assert bulk_result["wall"] < 3 * DEADLINE + 30


def test_text_survives_a_lying_charset_and_deep_nesting(bulk_result: dict,
                                                        hostile: HostileServer) -> None:
    for host in ("lying-charset.test", "deep-nesting.test", "flaky.test"):
        row = bulk_result["rows"][hostile.url(host)]
        assert row["features"]["return_max_daily_pct"] == pytest.approx(2.0), host
    quotes = " ".join(r["evidence"] for r in
                      bulk_result["rows"][hostile.url("lying-charset.test")]["reasons"])
    assert "ngày" in quotes  # decoded as UTF-8 despite the Latin-1 header


def test_transient_errors_are_retried_and_permanent_ones_are_not(bulk_result: dict) -> None:
    hits = bulk_result["hits"]
    assert hits["flaky.test/"] == 2  # a 503, then the page
    assert hits["server-error.test/"] == 3  # 1 try + 2 retries, then http_status
    # 3 attempts; aiohttp may itself re-send an idempotent request once at once when the
    # server hangs up (RFC 9112, section 9.3.1), so a dropped connection is seen 3-6 times.
    assert 3 <= hits["drops-connection.test/"] <= 6
    assert hits["binary.test/"] == 1
    assert hits["redirect-private.test/"] == 1


def test_snapshots_saved_only_for_analysed_sites(bulk_result: dict) -> None:
    analysed = {urlsplit(u).hostname for u, k in bulk_result["expected"].items() if k is None}
    warcs = {p.name.rsplit("-", 2)[0] for p in Path(bulk_result["warc"]).glob("*.warc.gz")}
    assert warcs == analysed
