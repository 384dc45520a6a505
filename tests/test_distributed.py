"""Bulk scans and re-scoring on a Dask LocalCluster, against sites served on 127.0.0.1.

The reference single-process runs score under one BLAS thread, as Dask's workers do: the
model's score is a long dot product whose last bit depends on how many threads OpenBLAS
splits it over (see docs/distributed.md).
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("distributed", reason='needs the dask extra: pip install -e ".[dask]"')

import psutil
from threadpoolctl import threadpool_limits

from fakeinvest import errors
from fakeinvest.api import scan_many, score_snapshot
from fakeinvest.batch import _dask as fd
from fakeinvest.demo import DEMO_SITES, demo_site_dirs
from fakeinvest.snapshot import Page, Snapshot
from fakeinvest.testing._servers import SiteServer, WhoisServer
from fakeinvest.warc import load_snapshot, save_snapshot

from .conftest import LOOPBACK

CLI = "import sys; from fakeinvest.cli import main; raise SystemExit(main(sys.argv[1:]))"


def _comparable(d: dict[str, Any]) -> dict[str, Any]:
    """A verdict dict without its timing (how long, and when: two scans of one site)."""
    return {k: v for k, v in d.items() if k not in ("elapsed", "scanned_at")}


def _same_moment(d: dict[str, Any]) -> dict[str, Any]:
    """A live verdict dict without the domain's age, which runs on between two scans."""
    features = {k: v for k, v in d["features"].items() if k != "domain_age_days"}
    reasons = [r for r in d["reasons"] if r["feature"] != "domain_age_days"]
    return {**d, "features": features, "reasons": reasons}


def _by_url(rows: Iterator[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for row in rows:
        assert row["url"] not in out, f"{row['url']} written twice"
        out[row["url"]] = _comparable(row)
    return out


@contextlib.contextmanager
def _local_cluster(n_workers: int, env: dict[str, str]) -> Iterator[Any]:
    """A loopback LocalCluster whose workers start with ``env`` in their environment."""
    with pytest.MonkeyPatch.context() as mp:
        for name, value in env.items():
            mp.setenv(name, value)
        with fd.connect("local", n_workers) as client:
            yield client


@pytest.fixture(scope="module")
def client(whois_server: WhoisServer,
           tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """Two workers that query the local WHOIS server, with a domain cache of their own."""
    spawn_env = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "PYTHONHASHSEED")
    before = {name: os.environ.get(name) for name in spawn_env}
    with _local_cluster(2, {"FAKEINVEST_WHOIS_SERVER": whois_server.address,
                            "FAKEINVEST_CACHE_DIR": str(tmp_path_factory.mktemp("cache"))}) as c:
        yield c
    # What the nannies set in this process to start their workers is undone.
    assert {name: os.environ.get(name) for name in spawn_env} == before


def _snapshot_store(directory: Path, n: int) -> Path:
    """``n`` one-page snapshots built from the demo sites' pages, each copy a little
    different."""
    directory.mkdir(parents=True, exist_ok=True)
    pages = [f for d in demo_site_dirs().values() for f in sorted(d.glob("*.html"))]
    for i in range(n):
        page = pages[i % len(pages)]
        url = f"http://copy{i}.{page.parent.name}/{page.name}"
        html = page.read_text(encoding="utf-8").replace("</body>", f"<p>#{i}</p></body>")
        save_snapshot(Snapshot(url=url, pages=(Page(url, html),),
                               fetched_at=datetime(2026, 1, 2, tzinfo=UTC)), directory)
    return directory


def test_cluster_scan_equals_single_process_scan(client: Any, site_server: SiteServer,
                                                 whois_server: WhoisServer, demo_config,
                                                 tmp_path: Path) -> None:
    # The workers inherited the environment the cluster was started with.
    assert set(client.run(os.environ.get, "FAKEINVEST_WHOIS_SERVER").values()) == \
        {whois_server.address}
    urls = [site_server.url(h) for h in DEMO_SITES] + [
        site_server.url("127.0.0.1", "/missing"), site_server.url("127.0.0.1", "/binary"),
        "ftp://nope.example/"]
    summary = fd.scan_urls(urls + urls[:2], tmp_path / "out", client=client, batch_size=3,
                           config=demo_config)
    assert (summary.parts, summary.skipped_parts, summary.items, summary.failures) == \
        (3, 0, 7, 3)
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "_SUCCESS", "_manifest.json", "part-00000.jsonl", "part-00001.jsonl",
        "part-00002.jsonl"]

    with threadpool_limits(1):  # WHOIS goes to the same local server (module fixture)
        reference = {v.url: v for v in scan_many(urls, config=demo_config)}
    got = {u: _same_moment(d) for u, d in _by_url(fd.read_results(tmp_path / "out")).items()}
    assert got == {u: _same_moment(_comparable(v.to_dict())) for u, v in reference.items()}
    assert got[site_server.url("atfx-vn.com")]["domain"]["created"]  # WHOIS from a worker
    for part in sorted((tmp_path / "out").glob("part-*.jsonl")):
        for line in part.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)  # written as `scan --output FILE` writes its lines
            assert line == json.dumps(row, ensure_ascii=False)
            assert list(row) == list(reference[row["url"]].to_dict())


def test_local_cluster_listens_on_loopback_only(client: Any) -> None:
    pids = [os.getpid(), *client.run(os.getpid).values()]
    listening = [c.laddr.ip for pid in pids
                 for c in psutil.Process(pid).net_connections(kind="inet")
                 if c.status == psutil.CONN_LISTEN]
    assert listening and set(listening) == {"127.0.0.1"}
    assert client.scheduler.address.startswith("tcp://127.0.0.1:")


def test_resume_skips_complete_parts_and_ignores_torn_temp_files(client: Any,
                                                                 tmp_path: Path) -> None:
    store = _snapshot_store(tmp_path / "snaps", 6)
    out = tmp_path / "out"
    first = fd.rescore_snapshots([store], out, client=client, batch_size=2)
    assert (first.parts, first.items) == (3, 6)
    kept = out / "part-00000.jsonl"
    kept.write_text('{"url": "kept as it was", "error": null}\n', encoding="utf-8")
    redo = out / "part-00001.jsonl"
    expected = redo.read_text(encoding="utf-8")
    redo.unlink()
    torn = out / ".part-00001.jsonl.x1y2z3.tmp"
    torn.write_text('{"url": "torn', encoding="utf-8")
    (out / "_SUCCESS").unlink()

    again = fd.rescore_snapshots([store], out, client=client, batch_size=2)
    assert (again.parts, again.skipped_parts, again.items, again.failures) == (3, 2, 2, 0)
    assert kept.read_text(encoding="utf-8") == '{"url": "kept as it was", "error": null}\n'
    assert redo.read_text(encoding="utf-8") == expected
    assert not torn.exists() and (out / "_SUCCESS").exists()
    with pytest.raises(errors.BadInputError, match="another job"):
        fd.rescore_snapshots([store], out, client=client, batch_size=3)


def test_cluster_rescore_equals_score_snapshot(client: Any, site_server: SiteServer,
                                               demo_config, tmp_path: Path) -> None:
    store = tmp_path / "evidence"
    with threadpool_limits(1):
        live = {v.url: v for v in scan_many([site_server.url(h) for h in DEMO_SITES],
                                            whois=False, config=demo_config,
                                            snapshot_dir=store)}
    _snapshot_store(store, 5)
    (store / "broken.warc.gz").write_bytes(b"not a WARC file")
    assert (store / "index.jsonl").exists()  # ignored: every *.warc.gz is re-scored

    summary = fd.rescore_snapshots([store], tmp_path / "out", client=client, batch_size=4)
    assert (summary.parts, summary.items, summary.failures) == (3, 10, 1)
    got = _by_url(fd.read_results(tmp_path / "out"))
    with threadpool_limits(1):
        reference = {}
        for path in fd.snapshot_files([store]):
            if not path.endswith("broken.warc.gz"):
                snap = load_snapshot(path)
                reference[snap.url] = _comparable(score_snapshot(snap, url=snap.url).to_dict())
    broken = got.pop(str(store / "broken.warc.gz"))
    assert broken["error"].startswith("bad_input:")
    assert got == reference
    for url, verdict in live.items():  # and the live scan's verdicts, scored anew
        assert got[url] == _comparable(verdict.to_dict())


def test_killed_worker_loses_no_result(client: Any, tmp_path: Path) -> None:
    """SIGKILL a worker in the middle of a batch: its batch is redone elsewhere and every
    site is written exactly once (the nanny then starts a fresh worker)."""
    from fakeinvest.config import FetchConfig

    hosts = [f"slow{i:02d}.test" for i in range(16)]
    config = FetchConfig(resolve=dict.fromkeys(hosts, "127.0.0.1"), allow_private=LOOPBACK,
                         max_pages=2, site_deadline=15.0)
    out = tmp_path / "out"
    with _SlowSites(demo_site_dirs(), default_host="riverside-bakery.com") as slow:
        urls = [slow.url(h) for h in hosts]
        result: dict[str, Any] = {}
        job = threading.Thread(target=lambda: result.update(summary=fd.scan_urls(
            urls, out, client=client, batch_size=2, whois=False, config=config,
            concurrency=2)))
        job.start()
        victim = _busy_worker_pid(client, out)
        os.kill(victim, signal.SIGKILL)
        job.join(timeout=60)
        assert not job.is_alive()
        fetches = Counter(host for host, _path in slow.requests)
    with contextlib.suppress(psutil.NoSuchProcess):  # gone, or dead and not yet reaped
        assert psutil.Process(victim).status() == psutil.STATUS_ZOMBIE
    assert max(fetches.values()) > config.max_pages  # the lost batch was crawled again
    summary = result["summary"]
    assert (summary.parts, summary.skipped_parts, summary.items, summary.failures) == \
        (8, 0, 16, 0)
    rows = list(fd.read_results(out))
    assert sorted(r["url"] for r in rows) == sorted(urls)  # each exactly once
    assert not list(out.glob(".*.tmp"))


class _SlowSites(SiteServer):
    """The demo sites, every answer 0.4 s late: a batch of two sites takes about a second."""

    def _handler(self) -> Any:
        base = super()._handler()

        class Slow(base):  # type: ignore[misc, valid-type]
            def do_GET(self) -> None:
                time.sleep(0.4)
                super().do_GET()

        return Slow


def _busy_worker_pid(client: Any, out: Path) -> int:
    """The pid of a worker in the middle of a batch, once the first part is written (so
    the workers are past their start-up)."""
    pids = client.run(os.getpid)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        busy = [w for w, keys in client.processing().items() if keys]
        if busy and list(out.glob("part-*.jsonl")):
            time.sleep(0.3)
            return int(pids[busy[0]])
        time.sleep(0.05)
    raise AssertionError("no worker got to work")


def test_cli_scan_dask_local_end_to_end(site_server: SiteServer, tmp_path: Path) -> None:
    from fakeinvest.cli import main

    listing = tmp_path / "urls.txt"
    urls = [site_server.url(h) for h in DEMO_SITES]
    listing.write_text("# demo sites\n" + "\n".join(urls) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    env = {**os.environ, "FAKEINVEST_RESOLVE": ",".join(f"{h}:127.0.0.1" for h in DEMO_SITES)}
    proc = subprocess.run(
        [sys.executable, "-c", CLI, "scan", "--input", str(listing), "--output", str(out),
         "--dask", "local", "--workers", "1", "--batch-size", "2", "--no-whois",
         "--allow-network", "127.0.0.0/8", "--snapshots", str(tmp_path / "warc")],
        env=env, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert "4 scanned in 2 parts, 0 of 2 parts skipped" in proc.stderr
    rows = _by_url(fd.read_results(out))
    assert sorted(rows) == sorted(urls)
    assert all(r["error"] is None for r in rows.values())
    # The snapshots the worker saved re-score, here and without Dask, to the same verdicts.
    with threadpool_limits(1):
        assert main(["rescore", "--snapshots", str(tmp_path / "warc"), "--output",
                     str(tmp_path / "rescored")]) == 0
    assert _by_url(fd.read_results(tmp_path / "rescored")) == rows


def test_cli_usage_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from fakeinvest.cli import main

    assert main(["scan", "http://a.example", "--dask", "local"]) == 2
    assert "--dask needs --output DIR" in capsys.readouterr().err
    assert main(["scan", "http://a.example", "--batch-size", "5"]) == 2
    assert "need --dask" in capsys.readouterr().err
    assert main(["rescore", "--snapshots", str(tmp_path / "absent"), "--output",
                 str(tmp_path / "out")]) == 2
    assert "no snapshot file or directory" in capsys.readouterr().err


def test_missing_dask_says_how_to_install(tmp_path: Path) -> None:
    code = ("import sys; sys.modules['distributed'] = None\n"
            "import fakeinvest, fakeinvest.batch._dask\n"
            "assert not [m for m in ('dask', 'distributed') if sys.modules.get(m)]\n" + CLI)
    (tmp_path / "s").mkdir()
    proc = subprocess.run(
        [sys.executable, "-c", code, "rescore", "--snapshots", str(tmp_path / "s"),
         "--output", str(tmp_path / "out"), "--dask", "local"],
        capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2, proc.stderr
    assert 'pip install "fakeinvest[dask]"' in proc.stderr
    with pytest.raises(ImportError):  # also an ImportError, like the notebook extra's
        raise errors.MissingDependencyError("distributed", "dask")


def test_unreachable_scheduler_is_a_clear_error() -> None:
    import dask

    with dask.config.set({"distributed.comm.timeouts.connect": "1s"}), \
            pytest.raises(errors.BadInputError, match="cannot connect to the Dask scheduler"), \
            fd.connect("tcp://127.0.0.1:9"):
        pass
