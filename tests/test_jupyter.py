"""HTML rendering of verdicts: evidence quotes, page links, escaping of hostile content."""

from __future__ import annotations

import html
import re
import subprocess
import sys
from html.parser import HTMLParser

import fakeinvest
from fakeinvest import errors
from fakeinvest.notebook._cards import Verdicts, highlight, verdict_html
from fakeinvest.verdict import Reason, Verdict

SCAM_URL = "http://vip-profit.example/plans"
SCAM_HTML = (
    "<html><head><title>VIP Profit</title></head><body>"
    "<p>VIP plan: 3% daily for 30 days, guaranteed profit with no risk.</p>"
    "<p>Referral bonus 7% for 1st level, 3% for 2nd level.</p>"
    "<p>Withdrawal fee 20% to unlock your funds. Contact Telegram @vip_support.</p>"
    "</body></html>")


class _Collector(HTMLParser):
    """Tags, attributes and text of an HTML fragment."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.hrefs: list[str] = []
        self.marks: list[str] = []
        self.text: list[str] = []
        self._in_mark = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        if tag == "a":
            self.hrefs.append(dict(attrs).get("href") or "")
        self._in_mark = tag == "mark"

    def handle_endtag(self, tag: str) -> None:
        if tag == "mark":
            self._in_mark = False

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        if self._in_mark:
            self.marks.append(data)


def _parse(fragment: str) -> _Collector:
    c = _Collector()
    c.feed(fragment)
    c.close()
    return c


def test_flagged_verdict_card_quotes_evidence_and_links_pages() -> None:
    v = fakeinvest.score_html(SCAM_HTML, url=SCAM_URL)
    assert v.flagged
    card = v._repr_html_()
    top = [r for r in v.reasons if r.contribution > 0][:8]
    assert top
    for r in top:
        assert r.evidence and highlight(r.evidence) in card, r.feature
        assert f"<code>{html.escape(r.feature)}</code>" in card
        assert f"{r.contribution:+.2f}" in card
    parsed = _parse(card)
    assert SCAM_URL in parsed.hrefs  # every quote links to the page it came from
    assert {r.page_url for r in top} <= set(parsed.hrefs)
    assert any("3% daily for 30 days" in m for m in parsed.marks)
    text = "".join(parsed.text)
    for expected in ("FRAUD", f"P(fraud) = {v.probability:.3f}", f"threshold {v.threshold:.3f}",
                     v.model_version, v.kit_fingerprint):
        assert expected and expected in text, expected
    # Self-contained: no scripts, no external resources.
    assert not {"script", "img", "link", "iframe", "style"} & set(parsed.tags)
    assert "src=" not in card and "url(" not in card


def test_context_facts_are_shown() -> None:
    v = Verdict(url="http://x.example/", probability=0.2, flagged=False, threshold=0.5,
                reasons=[Reason("risk_warning", 0.0, "CFDs are complex", "http://x.example/", 3)],
                model_version="m1")
    card = verdict_html(v)
    assert "Context facts" in card and "CFDs are complex" in card and ">ok<" in card


def test_hostile_content_is_escaped() -> None:
    evil = '"><script>alert(1)</script><img src=x onerror=alert(2)>'
    v = Verdict(
        url="javascript:alert(3)//" + evil, probability=0.9, flagged=True, threshold=0.5,
        reasons=[Reason("guarantee", 1.5, f"…says «guaranteed {evil}» and {evil}…",
                        "http://bad.example/p?q=" + evil, 1.0),
                 Reason("text:<b>", 0.5, evil, "javascript:alert(4)", None)],
        model_version=evil, kit_fingerprint=evil)
    card = v._repr_html_()
    parsed = _parse(card)
    assert "script" not in parsed.tags and "img" not in parsed.tags and "b" not in parsed.tags
    assert not re.search(r"<img|<script|<b>", card)
    # Only http(s) URLs become links; a javascript: URL stays text.
    assert all(h.startswith("http://") for h in parsed.hrefs)
    assert "http://bad.example/p?q=" + evil in parsed.hrefs  # attribute escaped, round-trips
    assert any(f"guaranteed {evil}" == m for m in parsed.marks)
    table = Verdicts([v])._repr_html_()
    assert not re.search(r"<img|<script|<b>", table)


def test_error_verdict_renders_the_error_kind() -> None:
    v = Verdict.failed("http://down.example/",
                       errors.FetchTimeoutError("site not fetched within 30 s"), "m1")
    card = v._repr_html_()
    assert "could not analyse (timeout)" in card
    assert "timeout: site not fetched within 30 s" in card
    assert "FRAUD" not in card
    row = Verdicts([v])._repr_html_()
    assert "could not analyse (timeout)" in row


def test_verdicts_list_table_and_slicing() -> None:
    scam = fakeinvest.score_html(SCAM_HTML, url=SCAM_URL)
    ok = fakeinvest.score_html("<html><body><p>Fresh bread daily.</p></body></html>",
                               url="http://bakery.example/")
    vs = Verdicts(iter([scam, ok]))
    assert isinstance(vs, list) and len(vs) == 2
    assert isinstance(vs[:1], Verdicts) and vs[0] is scam
    assert vs.flagged == [scam] and vs.failed == []
    table = vs._repr_html_()
    assert table.count("<tr>") == 3  # header + one row per site
    assert SCAM_URL in table and "http://bakery.example/" in table
    assert fakeinvest.Verdicts is Verdicts


def test_verdict_equality_and_dict_unchanged_by_rendering() -> None:
    a = fakeinvest.score_html(SCAM_HTML, url=SCAM_URL)
    b = fakeinvest.score_html(SCAM_HTML, url=SCAM_URL)
    before = a.to_dict()
    a._repr_html_()
    assert a == b and a.to_dict() == before


def test_rendering_imports_no_pandas() -> None:
    code = ("import sys, fakeinvest; from fakeinvest.verdict import Verdict; "
            "from fakeinvest.errors import DNSError; "
            "Verdict.failed('http://x/', DNSError('no'), 'm')._repr_html_(); "
            "fakeinvest.Verdicts([])._repr_html_(); "
            "print([m for m in ('pandas', 'matplotlib') if m in sys.modules])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.strip()
    assert out == "[]"


def test_a_rendered_verdict_shows_its_screenshot_inline() -> None:
    import base64

    png = b"\x89PNG\r\n\x1a\n" + b"\x00" * 40
    url = "http://atfx-pro.example/"
    v = Verdict(url=url, probability=0.99, flagged=True, threshold=0.5, rendered=[url],
                screenshots={url: png})
    card = verdict_html(v)
    (src,) = re.findall(r'<img src="([^"]+)"', card)
    assert src == "data:image/png;base64," + base64.b64encode(png).decode("ascii")
    assert "What the victim saw" in card and "rendered in Chromium" in card
    # an unrendered verdict has no image
    assert "<img" not in verdict_html(Verdict(url=url, probability=0.1, flagged=False))
