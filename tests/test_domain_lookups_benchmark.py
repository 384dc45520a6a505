"""The bulk-lookup benchmark: every domain is queried once, the warm cache queries nothing."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[1] / "benchmarks" / "domain_lookups.py"


def test_each_domain_is_queried_once_and_the_warm_pass_queries_nothing(
        tmp_path: Path) -> None:
    out = subprocess.run([sys.executable, str(SCRIPT), "--domains", "50", "--latency", "0",
                          "--workers", "16", "--json"],
                         capture_output=True, text=True, timeout=300, cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    rows = json.loads(out.stdout.strip().splitlines()[-1])
    assert [(r["strategy"], r["pass"]) for r in rows] == [
        ("rdap-first", "cold"), ("rdap-first", "warm"),
        ("whois-only", "cold"), ("whois-only", "warm")]
    for cold, warm in (rows[:2], rows[2:]):
        assert cold["lookups"] == 150 and cold["domains_queried"] == 50
        assert cold["max_queries_per_domain"] == 1
        assert cold["created_read"] == 1.0 and warm["created_read"] == 1.0
        assert warm["whois_queries"] == warm["rdap_queries"] == warm["iana_queries"] == 0
        assert set(warm["sources"]) <= {"cache:rdap", "cache:whois"}
    assert rows[0]["rdap_queries"] == 20  # .com .org .xyz .top: 4 of the 10 TLDs
    assert rows[2]["rdap_queries"] == 0
