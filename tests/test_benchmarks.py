"""The benchmark scripts still run (tiny sizes; figures are printed, never asserted)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[1] / "benchmarks"


def test_crawl_benchmark_runs_and_fetches_every_page() -> None:
    out = subprocess.run(
        [sys.executable, str(BENCH / "crawl.py"), "--sites", "12", "--latency", "0.01",
         "--concurrency", "8", "--repeats", "1", "--no-scrapy"],
        capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    row = next(ln for ln in out.stdout.splitlines() if ln.startswith("fakeinvest"))
    assert row.split()[1] == "60"  # 12 sites x 5 pages
    assert "warning" not in out.stdout


def test_distributed_benchmark_runs_all_three_configurations() -> None:
    pytest.importorskip("distributed", reason='needs the dask extra: pip install -e ".[dask]"')
    out = subprocess.run(
        [sys.executable, str(BENCH / "distributed.py"), "--pages", "24", "--repeats", "1"],
        capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    rows = [ln for ln in out.stdout.splitlines() if "pages/s" in ln]
    assert [r.split("  ")[0] for r in rows] == [
        "single process (no Dask)", "Dask LocalCluster, 1 worker", "Dask LocalCluster, 2 workers"]
    assert "2 workers / 1 worker" in out.stdout


def test_render_benchmark_runs_and_renders_every_app_site() -> None:
    pytest.importorskip("playwright", reason="needs Playwright: pip install -e '.[render]'")
    from fakeinvest.config import FetchConfig
    from fakeinvest.web._browser import find_browser

    if find_browser(FetchConfig()) is None:
        pytest.skip("no Chromium executable (apt-get install chromium)")
    out = subprocess.run(
        [sys.executable, str(BENCH / "render.py"), "--sites", "2", "--concurrency", "2"],
        capture_output=True, text=True, timeout=600)
    assert out.returncode == 0, out.stdout + out.stderr
    assert "rendered verdicts: 2/2; errors: 0 + 0 (bulk)" in out.stdout
    assert "rendered / plain time:" in out.stdout and "sites/min" in out.stdout


def test_score_benchmark_runs_every_path() -> None:
    out = subprocess.run(
        [sys.executable, str(BENCH / "score.py"), "--pages", "12", "--rounds", "1",
         "--batch-size", "5"], capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    for label in ("bare Lexbor parse", "score_html, one by one", "score_many, batch 5",
                  "import to first verdict"):
        assert label in out.stdout, out.stdout


def test_hostile_benchmark_runs_every_generator() -> None:
    from fakeinvest.testing._documents import GENERATORS

    out = subprocess.run(
        [sys.executable, str(BENCH / "hostile.py"), "--scale", "0.02", "--pages", "5",
         "--repeats", "1"], capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    for name in GENERATORS:
        assert name in out.stdout
    assert "worst:" in out.stdout
