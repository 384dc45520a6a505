"""Hypothesis strategies shared by the property tests: tag soup and scam-flavoured text."""

from __future__ import annotations

from hypothesis import strategies as st

_PHRASES = (
    "24% daily", "1,5%/ngày", "日息1%", "Rút tiền", "withdrawal fee 10%", "USDT TRC20",
    "Telegram @vip_support", "ATFX", "Lao Airlines", "guaranteed profit", "FCA FRN 760555",
    "Referral 5% 1st level", "ถอนเงิน", "ປະກັນກຳໄລ", "ROI 150% after 7 days", "\u200b", "\x00",
    "&nbsp;", "&#x20AC;", "&amp", "\ufeff", "\u0301", "ｆｕｌｌ", "%%%", "0x" + "a" * 40,
)
_TAGS = ("div", "p", "a", "span", "script", "style", "title", "table", "td", "tr", "li",
         "noscript", "template", "svg", "iframe", "meta", "br", "img", "b", "html", "body",
         "head", "form", "input", "select", "option", "textarea", "xmp", "plaintext")
_ATTRS = st.sampled_from(['', ' href="/plans"', ' href="javascript:x"', ' class="a b"',
                          ' content="GoldFX" property="og:site_name"', " href", ' x="<>"',
                          ' href="?a=withdraw"', ' style="display:none"', " title='t'"])

text_chunks = st.one_of(st.text(max_size=40), st.sampled_from(_PHRASES))


@st.composite
def tag_soup(draw: st.DrawFn) -> str:
    """Malformed, deeply nested, mis-closed HTML with scam-like text in it."""
    parts: list[str] = []
    for _ in range(draw(st.integers(0, 60))):
        kind = draw(st.integers(0, 6))
        tag = draw(st.sampled_from(_TAGS))
        if kind == 0:
            parts.append(f"<{tag}{draw(_ATTRS)}>")
        elif kind == 1:
            parts.append(f"</{tag}>")
        elif kind == 2:
            parts.append("<div>" * draw(st.integers(0, 300)))
        elif kind == 3:
            parts.append(draw(st.sampled_from(["<!--", "-->", "<![CDATA[", "]]>", "<!DOCTYPE",
                                               "<?xml ?>", "<", ">", "</", "&"])))
        else:
            parts.append(draw(text_chunks))
    return "".join(parts)


html_like = st.one_of(st.text(max_size=300), tag_soup())
