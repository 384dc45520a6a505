"""The fakeinvest command line, run as a real subprocess."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from fakeinvest.testing._servers import SiteServer

HYIP_PAGE = """<html><head><title>Profit Hub</title></head><body>
<p>Plans: 4% daily for 25 days, 150% after 5 days. Referral commission 1st level 8%.</p>
<p>Withdrawal fee 20% must be paid to unlock your funds. Deposit USDT TRC20 only.</p>
</body></html>"""


def run(*args: str, env: dict[str, str] | None = None, cwd: str | None = None
        ) -> subprocess.CompletedProcess[str]:
    full_env = {**os.environ, **(env or {})}
    return subprocess.run([sys.executable, "-m", "fakeinvest.cli", *args], capture_output=True,
                          text=True, env=full_env, cwd=cwd, timeout=120)


def test_score_file_table_and_json(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(HYIP_PAGE, encoding="utf-8")
    table = run("score", str(page))
    assert table.returncode == 0, table.stderr
    assert "FRAUD" in table.stdout and "withdrawal_obstruction" in table.stdout
    assert "page.html" in table.stdout
    js = run("score", str(page), "--json", "--url", "https://profit-hub.example/")
    assert js.returncode == 0
    d = json.loads(js.stdout)
    assert d["flagged"] is True and d["url"] == "https://profit-hub.example/"


@pytest.mark.parametrize(("content", "message"), [
    (None, "cannot read"),
    (b"", "empty"),
    (b"\x00\x01\x02PK", "binary"),
])
def test_bad_files_give_one_line_and_exit_2(tmp_path: Path, content: bytes | None,
                                            message: str) -> None:
    path = tmp_path / "input.html"
    if content is not None:
        path.write_bytes(content)
    res = run("score", str(path))
    assert res.returncode == 2
    assert message in res.stderr
    assert "Traceback" not in res.stderr and len(res.stderr.strip().splitlines()) == 1


def test_usage_error_exits_2() -> None:
    assert run("scan").returncode == 2
    assert run("frobnicate").returncode == 2


def test_scan_unreachable_site_is_one_clear_line(site_server: SiteServer) -> None:
    res = run("scan", site_server.url("127.0.0.1", "/missing"), "--allow-private",
              "--no-whois")
    assert res.returncode == 1
    assert "http_status" in res.stdout and "Traceback" not in res.stdout + res.stderr


def test_scan_blocked_without_allow_private(site_server: SiteServer) -> None:
    res = run("scan", site_server.url("127.0.0.1"), "--no-whois", "--json")
    assert res.returncode == 1
    assert json.loads(res.stdout)["error"].startswith("blocked_private")


def test_scan_json_lines(site_server: SiteServer, monkeypatch: pytest.MonkeyPatch) -> None:
    urls = [site_server.url("coinyield-capital.biz"), site_server.url("riverside-bakery.com")]
    env = {"FAKEINVEST_RESOLVE": "coinyield-capital.biz:127.0.0.1,riverside-bakery.com:127.0.0.1"}
    res = run("scan", *urls, "--json", "--allow-private", "--no-whois", env=env)
    assert res.returncode == 0, res.stderr
    lines = [json.loads(line) for line in res.stdout.splitlines()]
    assert [d["url"] for d in lines] == urls
    assert [d["flagged"] for d in lines] == [True, False]


def test_demo_runs_and_flags_the_scams() -> None:
    res = run("demo")
    assert res.returncode == 0, res.stderr
    out = res.stdout
    for host in ("atfx-vn.com", "coinyield-capital.biz", "harbourline-markets.co.uk",
                 "riverside-bakery.com"):
        assert host in out
    flagged = out.rsplit("flagged:", 1)[1]
    assert "atfx-vn.com" in flagged and "coinyield-capital.biz" in flagged
    assert "harbourline" not in flagged and "bakery" not in flagged


def test_bulk_scan_is_incremental_and_resumable(site_server: SiteServer, tmp_path: Path) -> None:
    hosts = ["coinyield-capital.biz", "riverside-bakery.com"]
    env = {"FAKEINVEST_RESOLVE": ",".join(f"{h}:127.0.0.1" for h in hosts)}
    urls = [site_server.url(h) for h in hosts] + [site_server.url("127.0.0.1", "/missing")]
    listing = tmp_path / "urls.txt"
    listing.write_text("# candidates\n" + "\n".join(urls) + "\n\n", encoding="utf-8")
    out = tmp_path / "results.jsonl"
    first = run("scan", "--input", str(listing), "--output", str(out), "--allow-private",
                "--no-whois", env=env)
    assert first.returncode == 1  # one site could not be analysed
    rows = {json.loads(line)["url"]: json.loads(line)
            for line in out.read_text(encoding="utf-8").splitlines()}
    assert sorted(rows) == sorted(urls)  # written as each site finishes, in any order
    assert rows[urls[2]]["error"].startswith("http_status")
    assert "3 scanned, 0 skipped" in first.stderr
    # A crash mid-write leaves a torn line: it is cut off and that site is scanned again.
    with open(out, "a", encoding="utf-8") as fh:
        fh.write('{"url": "http://torn')
    before = len(site_server.requests)
    again = run("scan", "--input", str(listing), "--output", str(out), "--allow-private",
                "--no-whois", env=env)
    assert again.returncode == 0
    assert "0 scanned, 3 skipped" in again.stderr
    assert len(site_server.requests) == before  # nothing fetched twice
    assert len(out.read_text(encoding="utf-8").splitlines()) == 3


def test_bulk_scan_needs_urls(tmp_path: Path) -> None:
    empty = tmp_path / "none.txt"
    empty.write_text("# nothing\n", encoding="utf-8")
    res = run("scan", "--input", str(empty))
    assert res.returncode == 2 and "no URL" in res.stderr
    missing = run("scan", "--input", str(tmp_path / "absent.txt"))
    assert missing.returncode == 2 and "cannot read" in missing.stderr


@pytest.mark.parametrize(("case", "message"), [
    ("binary-input", "not a UTF-8 text file"),
    ("latin1-input", "not a UTF-8 text file"),
    ("output-in-missing-folder", "does not exist"),
    ("output-is-a-folder", "is a directory"),
    ("deadline-nan", "finite"),
    ("deadline-inf", "finite"),
    ("deadline-negative", "positive"),
])
def test_bad_bulk_arguments_are_one_line_and_exit_2(tmp_path: Path, case: str,
                                                    message: str) -> None:
    """Nothing is scanned (the URL would not even answer): each argument is refused
    first, in one line."""
    urls = tmp_path / "urls.txt"
    urls.write_text("http://127.0.0.1:9/\n", encoding="utf-8")
    args = ["scan", "--input", str(urls), "--no-whois", "--output", str(tmp_path / "r.jsonl")]
    if case == "binary-input":
        urls.write_bytes(bytes(range(256)))
    elif case == "latin1-input":
        urls.write_bytes("http://caf\xe9.example/\n".encode("latin-1"))
    elif case == "output-in-missing-folder":
        args[-1] = str(tmp_path / "missing" / "r.jsonl")
    elif case == "output-is-a-folder":
        args[-1] = str(tmp_path)
    else:
        args += ["--deadline", {"deadline-nan": "nan", "deadline-inf": "inf",
                                "deadline-negative": "-1"}[case]]
    res = run(*args)
    assert res.returncode == 2, res.stderr
    assert message in res.stderr
    assert "Traceback" not in res.stderr and len(res.stderr.strip().splitlines()) == 1


def test_verbosity_sends_diagnostics_to_stderr(site_server: SiteServer) -> None:
    url = site_server.url("coinyield-capital.biz")
    env = {"FAKEINVEST_RESOLVE": "coinyield-capital.biz:127.0.0.1"}
    base = ["scan", url, "--json", "--allow-private", "--no-whois"]
    quiet = run("-q", *base, env=env)
    normal = run(*base, env=env)
    verbose = run("-v", *base, env=env)
    debug = run("-vv", *base, env=env)
    for res in (quiet, normal, verbose, debug):
        assert res.returncode == 0, res.stderr
        assert json.loads(res.stdout)["flagged"] is True  # stdout holds the results only
    assert "fakeinvest: INFO" not in normal.stderr and not quiet.stderr.strip()
    assert f"fakeinvest: INFO fakeinvest: {url}: P=" in verbose.stderr
    assert "loaded model" in verbose.stderr
    assert "fakeinvest: DEBUG fakeinvest.web: fetched" in debug.stderr


def test_a_bad_url_argument_is_a_usage_error() -> None:
    res = run("scan", "ftp://example.com/x", "--no-whois")
    assert res.returncode == 2 and "only http and https" in res.stderr
    assert "Traceback" not in res.stderr and len(res.stderr.strip().splitlines()) == 1


def test_the_guard_says_how_to_let_it_through_on_the_cli(site_server: SiteServer) -> None:
    res = run("scan", site_server.url("127.0.0.1"), "--no-whois", "--json")
    error = json.loads(res.stdout)["error"]
    assert "--allow-private" in error and "--allow-network" in error


def test_a_closed_pipe_is_no_traceback(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(HYIP_PAGE, encoding="utf-8")
    cmd = f"{sys.executable} -m fakeinvest.cli score --json {page} | true"
    res = subprocess.run(["sh", "-c", cmd], capture_output=True, text=True, timeout=120)
    assert "Traceback" not in res.stderr and "BrokenPipe" not in res.stderr, res.stderr
