"""The case report: one self-contained HTML file, checked in real headless Chromium."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import fakeinvest
from fakeinvest._report import case_report
from fakeinvest.snapshot import Page, Snapshot
from fakeinvest.warc import append_index, index_entry, save_snapshot

WALLET = "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t"
PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00"
       b"\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8"
       b"N\x00\x00\x00\x00IEND\xaeB`\x82")


def _case(tmp_path: Path) -> tuple[Path, Path]:
    """Two linked scam sites (one rendered, with a screenshot) and a hostile quote."""
    snaps = tmp_path / "evidence"
    snaps.mkdir()
    lines = []
    for host, rendered in (("atfx-vn.com", True), ("atfx-pro.net", False)):
        url = f"https://{host}/"
        html = (f"<html><head><title>ATFX</title></head><body><p>Nạp USDT TRC20 vào ví "
                f"{WALLET}, lợi nhuận 2%/ngày, rút tiền sau khi nâng cấp VIP.</p>"
                "<p>&lt;script&gt;alert('x')&lt;/script&gt; <img src=x onerror=alert(1)></p>"
                "</body></html>")
        page = Page(url, html, rendered=rendered, screenshot=PNG if rendered else None)
        snap = Snapshot(url=url, pages=(page,))
        v = fakeinvest.score_snapshot(snap)
        path = save_snapshot(snap, snaps)
        append_index(snaps, index_entry(snap, path, v))
        lines.append(json.dumps(v.to_dict()))
    results = tmp_path / "results.jsonl"
    results.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return results, snaps


def test_report_is_self_contained_and_escaped(tmp_path: Path) -> None:
    from fakeinvest._campaigns import read_verdict_lines

    results, snaps = _case(tmp_path)
    doc = case_report(read_verdict_lines([results]), snapshots=snaps)
    assert "<script" not in doc.lower()  # the page's script text is escaped ...
    assert "&lt;script&gt;alert(" in doc  # ... and shown
    assert "http://" not in doc.split("<body>")[0] and "<link" not in doc
    assert "data:image/png;base64," in doc  # the screenshot, inline
    assert "SHA-256" in doc and "campaign-1" in doc and WALLET in doc


def test_report_shows_what_an_officer_needs_in_a_real_browser(tmp_path: Path) -> None:
    pytest.importorskip("playwright")
    from playwright.sync_api import sync_playwright

    from fakeinvest.config import FetchConfig
    from fakeinvest.web._browser import find_browser

    chromium = find_browser(FetchConfig())
    if chromium is None:
        pytest.skip("no Chromium executable (apt-get install chromium)")
    results, snaps = _case(tmp_path)
    out = tmp_path / "case.html"
    res = subprocess.run([sys.executable, "-m", "fakeinvest.cli", "report", str(results),
                          "--snapshots", str(snaps), "-o", str(out)], capture_output=True,
                         text=True, timeout=120)
    assert res.returncode == 0, res.stderr
    requests: list[str] = []
    dialogs: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(chromium),
                                    args=["--no-sandbox", "--disable-gpu"])
        try:
            page = browser.new_page()
            page.on("request", lambda r: requests.append(r.url))
            page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
            page.goto(out.as_uri())
            text = page.inner_text("body")
            images = page.eval_on_selector_all(
                "img", "els => els.map(e => [e.src.slice(0, 22), e.naturalWidth])")
        finally:
            browser.close()
    assert [u for u in requests if not u.startswith(("file:", "data:"))] == []
    assert dialogs == []  # no script ran, the hostile markup is text
    assert "https://atfx-vn.com/" in text and "https://atfx-pro.net/" in text
    assert "FRAUD" in text and "campaign-1" in text and WALLET in text
    assert "SHA-256" in text and "fakeinvest" in text
    assert "<script>alert('x')</script>" in text  # shown as text
    assert ["data:image/png;base64,", 1] in images  # the screenshot decodes
