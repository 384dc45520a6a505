"""Visible text extraction."""

from __future__ import annotations

from hypothesis import given, settings

from fakeinvest.textextract import MAX_TEXT_CHARS, extract_page_text

from .strategies import html_like


def test_visible_text_title_links() -> None:
    html = """<html><head><title> Gold  Plans </title>
    <meta property="og:site_name" content="GoldFX"><style>.x{}</style></head>
    <body><script>var rate = "99% daily";</script><p>Earn <b>2%</b>
    daily</p><a href="/plans" title="t">Plans</a><a href="/x"><img alt=""></a>
    <noscript>enable js</noscript></body></html>"""
    pt = extract_page_text(html)
    assert pt.title == "Gold Plans"
    assert pt.site_name == "GoldFX"
    assert "Earn 2% daily" in pt.text
    assert "99%" not in pt.text and "enable js" not in pt.text
    assert [link.href for link in pt.links] == ["/plans", "/x"]


def test_fragment_and_deep_nesting() -> None:
    assert "5% daily" in extract_page_text("<div>" * 5000 + "5% daily").text
    assert extract_page_text("").text == ""


@settings(max_examples=300, deadline=2000)
@given(html_like)
def test_any_html_gives_clean_text(html: str) -> None:
    pt = extract_page_text(html)
    assert pt.text == pt.text.strip() and "  " not in pt.text
    assert len(pt.text) <= MAX_TEXT_CHARS
    assert all(isinstance(link.href, str) and link.href for link in pt.links)
