"""WARC evidence snapshots: a live verdict equals the offline re-score of its snapshot."""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import fakeinvest
from fakeinvest import errors
from fakeinvest.api import score_snapshot, snapshot_site
from fakeinvest.snapshot import Snapshot
from fakeinvest.testing._servers import SiteServer, WhoisServer
from fakeinvest.warc import load_snapshot, save_snapshot


@pytest.mark.parametrize("host", ["atfx-vn.com", "harbourline-markets.co.uk"])
def test_live_verdict_equals_rescored_snapshot(site_server: SiteServer, whois_env: WhoisServer,
                                               demo_config, tmp_path: Path, host: str) -> None:
    snap = snapshot_site(site_server.url(host), config=demo_config,
                         allow_private=["127.0.0.1/32"])
    live = score_snapshot(snap, url=snap.url)
    path = save_snapshot(snap, tmp_path)
    assert path.name.startswith(host) and path.suffixes[-2:] == [".warc", ".gz"]
    again = fakeinvest.load_snapshot(path)
    assert [p.url for p in again.pages] == [p.url for p in snap.pages]
    assert [p.html for p in again.pages] == [p.html for p in snap.pages]
    assert again.fetched_at == snap.fetched_at and again.domain == snap.domain
    assert [p.address for p in again.pages] == [p.address for p in snap.pages]
    assert snap.pages[0].address == "127.0.0.1"  # the resolved address, kept in the WARC
    assert score_snapshot(again, url=again.url).to_dict() == live.to_dict()
    line = live.to_dict()
    assert line["address"] == "127.0.0.1" and line["final_url"] == snap.pages[0].url
    assert {"type": "ip", "value": "127.0.0.1"}.items() <= next(
        i for i in line["indicators"] if i["type"] == "ip").items()


def test_records_are_standard_warc(site_server: SiteServer, demo_config, tmp_path: Path) -> None:
    from warcio.archiveiterator import ArchiveIterator

    snap = snapshot_site(site_server.url("coinyield-capital.biz"), config=demo_config,
                         allow_private=["127.0.0.0/8"], whois=False)
    path = save_snapshot(snap, tmp_path / "s.warc.gz")
    kinds = []
    with open(path, "rb") as fh:
        for rec in ArchiveIterator(fh):
            kinds.append(rec.rec_type)
            if rec.rec_type == "response":
                assert rec.rec_headers.get_header("WARC-Payload-Digest").startswith("sha1:")
                assert rec.rec_headers.get_header("WARC-Date")
    assert kinds[0] == "warcinfo" and kinds[-1] == "metadata"
    assert kinds.count("response") == kinds.count("request") == len(snap.pages)


def test_saved_html_page_round_trips(tmp_path: Path) -> None:
    snap = Snapshot.from_html("<p>Earn 3% daily. Lãi 1%/ngày.</p>")
    again = load_snapshot(save_snapshot(snap, tmp_path / "p.warc.gz"))
    assert again.pages[0].html == snap.pages[0].html and again.url is None


@pytest.mark.parametrize("content", [None, b"not a warc", gzip.compress(b"")])
def test_bad_snapshot_files(tmp_path: Path, content: bytes | None) -> None:
    path = tmp_path / "bad.warc.gz"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(errors.BadInputError):
        load_snapshot(path)


def test_cli_scan_snapshots_then_score_snapshot(site_server: SiteServer, tmp_path: Path) -> None:
    env = {**os.environ, "FAKEINVEST_RESOLVE": "atfx-vn.com:127.0.0.1"}
    cli = [sys.executable, "-m", "fakeinvest.cli"]
    url = site_server.url("atfx-vn.com")
    live = subprocess.run([*cli, "scan", url, "--json", "--allow-private", "--no-whois",
                           "--snapshots", str(tmp_path)], env=env, capture_output=True,
                          text=True, timeout=120)
    assert live.returncode == 0, live.stderr
    (saved,) = tmp_path.glob("*.warc.gz")
    offline = subprocess.run([*cli, "score", "--snapshot", str(saved), "--json"], env=env,
                             capture_output=True, text=True, timeout=120)
    assert offline.returncode == 0, offline.stderr
    a, b = json.loads(live.stdout), json.loads(offline.stdout)
    # Only the crawl timing differs: it is not part of the verdict.
    assert a.pop("elapsed") > 0 and b.pop("elapsed") is None
    assert a == b
    bad = subprocess.run([*cli, "score", "--snapshot", str(tmp_path / "none.warc.gz")],
                         capture_output=True, text=True, timeout=120)
    assert bad.returncode == 2 and "no snapshot file" in bad.stderr


def test_snapshot_directory_keeps_an_index(site_server: SiteServer, demo_config,
                                           tmp_path: Path) -> None:
    from warcio.archiveiterator import ArchiveIterator

    # Two URLs of one host, scanned in the same second: two files, not one overwritten.
    urls = [site_server.url("coinyield-capital.biz"),
            site_server.url("coinyield-capital.biz", "/plans.html")]
    verdicts = list(fakeinvest.scan_many(urls, whois=False, config=demo_config,
                                         snapshot_dir=tmp_path))
    lines = [json.loads(x) for x in (tmp_path / "index.jsonl").read_text().splitlines()]
    assert sorted(e["url"] for e in lines) == sorted(urls)
    assert len(list(tmp_path.glob("*.warc.gz"))) == 2
    for entry in lines:
        verdict = next(v for v in verdicts if v.url == entry["url"])
        assert entry["probability"] == pytest.approx(verdict.probability)
        assert entry["flagged"] == verdict.flagged
        digests = {}
        with open(tmp_path / entry["file"], "rb") as fh:
            for rec in ArchiveIterator(fh):
                if rec.rec_type == "response":
                    digests[rec.rec_headers.get_header("WARC-Target-URI")] = \
                        rec.rec_headers.get_header("WARC-Payload-Digest")
        # The index's digests are the WARC's own: the file can be checked against it.
        assert {p["url"]: p["digest"] for p in entry["pages"]} == digests


def _evidence(tmp_path: Path) -> tuple[Snapshot, Path]:
    """A three-page snapshot with WHOIS facts, saved into a directory with an index."""
    from datetime import UTC, datetime

    from fakeinvest.snapshot import DomainFacts, Page
    from fakeinvest.warc import append_index, index_entry

    pages = tuple(Page(f"https://atfx-vn.com/{name}", f"<html><body><p>{text}</p></body></html>",
                       role=role)
                  for name, text, role in (("", "ATFX Pro: 24% daily profit", "landing"),
                                           ("plans", "VIP 3: 24% daily for 30 days", "plans"),
                                           ("withdraw", "Upgrade to VIP to withdraw", "withdraw")))
    snap = Snapshot(url="https://atfx-vn.com/", pages=pages, domain=DomainFacts(
        domain="atfx-vn.com", created=datetime(2026, 11, 1, tzinfo=UTC), source="whois"))
    path = save_snapshot(snap, tmp_path)
    append_index(tmp_path, index_entry(snap, path))
    return snap, path


def test_a_snapshot_cut_short_is_refused_at_every_length(tmp_path: Path) -> None:
    """Cut anywhere (inside a record or between two, before the metadata record that
    ends it): refused, never a snapshot with fewer pages or without its WHOIS facts. Only
    a cut in the tail of the last gzip member, after every record is complete and has passed
    its digest, still gives the whole snapshot."""
    snap, path = _evidence(tmp_path)
    assert load_snapshot(path) == snap
    data = path.read_bytes()
    cut = tmp_path / "cut"
    cut.mkdir()
    for n in sorted({*range(0, len(data), max(1, len(data) // 60)), len(data) - 1}):
        target = cut / f"{n}.warc.gz"
        target.write_bytes(data[:n])
        try:
            again = load_snapshot(target)
        except errors.BadInputError:
            continue
        assert again == snap and n > len(data) - 32, n  # only the last member's tail
    # cut exactly before the metadata record: a clean gzip member boundary
    raw = gzip.decompress(data)
    head = raw[:raw.rindex(b"WARC/1.", 0, raw.rindex(b"WARC-Type: metadata"))]
    (cut / "nometa.warc").write_bytes(head)
    with pytest.raises(errors.SnapshotIntegrityError, match="metadata record"):
        load_snapshot(cut / "nometa.warc")


def test_an_altered_payload_fails_its_digest(tmp_path: Path) -> None:
    _snap, path = _evidence(tmp_path)
    raw = gzip.decompress(path.read_bytes())
    assert b"24% daily" in raw
    altered = tmp_path / "elsewhere"
    altered.mkdir()
    (altered / "a.warc").write_bytes(raw.replace(b"24% daily", b"24% month", 1))
    with pytest.raises(errors.SnapshotIntegrityError, match="digest"):
        load_snapshot(altered / "a.warc")
    (altered / "b.warc").write_bytes(raw)  # the same bytes unaltered load
    assert len(load_snapshot(altered / "b.warc").pages) == 3


def test_the_index_digests_are_checked(tmp_path: Path) -> None:
    """A snapshot rewritten with valid WARC digests still disagrees with its index."""
    import dataclasses

    snap, path = _evidence(tmp_path)
    other = dataclasses.replace(snap, pages=(dataclasses.replace(
        snap.pages[0], html=snap.pages[0].html.replace("daily", "yearly")),
        *snap.pages[1:]))
    save_snapshot(other, path)
    with pytest.raises(errors.SnapshotIntegrityError, match="index"):
        load_snapshot(path)


def test_a_host_name_too_long_for_a_file_name_still_saves(tmp_path: Path) -> None:
    """A 252-character host name (legal in DNS) would make a file name over 255 bytes."""
    from fakeinvest.snapshot import Page

    host = ".".join(["a" * 62] * 4)[:248] + ".com"
    assert len(host) == 252
    snap = Snapshot(url=f"https://{host}/", pages=(Page(f"https://{host}/", "<p>x</p>"),))
    path = save_snapshot(snap, tmp_path)
    assert len(path.name.encode()) <= 255
    assert load_snapshot(path) == snap
