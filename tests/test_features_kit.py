"""Tests for :mod:`fakeinvest.features.kit` (scam-kit markers and DOM fingerprint).

All HTML here is written for these tests, modelled on the public patterns of H-Script
HYIP sites, website copiers and ordinary legitimate pages.
"""

from __future__ import annotations

import doctest
import os
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fakeinvest.features import kit
from fakeinvest.features.fingerprint import (
    DEFAULT_MAX_DISTANCE,
    dom_fingerprint,
    fingerprint_distance,
    same_kit,
)
from fakeinvest.features.kit import (
    KIT_MARKER_NAMES,
    MAX_QUOTES_PER_MARKER,
    KitMarker,
    copy_source,
    find_kit_markers,
)

# ----------------------------------------------------------------------------- fixtures

PLAN = (
    '<div class="plan"><div class="plan-head"><h3>{name}</h3></div>'
    '<ul class="plan-body"><li class="rate">{rate}% daily</li><li>for {days} days</li>'
    '<li>min ${low}</li></ul><a class="btn btn-invest" href="?a=deposit">Invest</a></div>'
)


def kit_page(brand: str, plans: list[tuple[str, str, int, int]], extra_head: str = "",
             motto: str = "Your money works while you sleep") -> str:
    """An H-Script style HYIP page: same structure, any brand/texts/prices."""
    cards = "\n".join(
        PLAN.format(name=n, rate=r, days=d, low=lo) for n, r, d, lo in plans
    )
    return f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{brand} | {motto}</title>
<link rel="stylesheet" href="styles/style.css">{extra_head}</head>
<body>
<div class="topbar"><div class="container"><span class="clock">Server time: 12:00</span>
<a class="toplink" href="?a=login">Login</a> <a class="toplink" href="?a=signup">Sign up</a>
</div></div>
<div class="header"><div class="container"><div class="logo"><a href="?a=home">
<img src="images/logo.png" alt="{brand}"></a></div>
<ul class="menu"><li><a href="?a=home">Home</a></li><li><a href="?a=cust&page=about">About
</a></li><li><a href="?a=faq">FAQ</a></li><li><a href="?a=rules">Rules</a></li>
<li><a href="?a=news">News</a></li><li><a href="?a=support">Support</a></li></ul></div></div>
<div class="banner"><div class="container"><h1>{brand}</h1><p class="lead">{motto}</p>
<a class="btn btn-main" href="?a=signup">Open account</a></div></div>
<div class="plans"><div class="container"><h2>Investment plans</h2>
<div class="plan-row">{cards}</div></div></div>
<div class="stats"><div class="container"><div class="stat"><b>1,204</b> investors</div>
<div class="stat"><b>$88,900</b> paid out</div><div class="stat"><b>312</b> days online</div>
</div></div>
<div class="login-box"><form method=post name=mainform>
<input type=hidden name=a value=do_login><input type=hidden name=follow value="">
<table cellspacing=0 cellpadding=2 class="form">
<tr><td>Username:</td><td><input type=text name=username value="" class=inpts size=30></td></tr>
<tr><td>Password:</td><td><input type=password name=password value="" class=inpts></td></tr>
<tr><td><img src="?a=show_validation_image&rand=4821"></td>
<td><input type=submit value="Login" class=sbmt></td></tr></table></form></div>
<div class="footer"><div class="container"><p>&copy; 2024 {brand}. All rights reserved.</p>
<p class="small">Investing involves risk.</p></div></div>
</body></html>"""


KIT_A = kit_page(
    "Bitvault Capital",
    [("Starter", "1.5", 30, 10), ("Silver", "2.4", 45, 500), ("Gold", "3.8", 60, 5000)],
)
# The same kit relaunched: new brand, texts and prices, a fourth plan, an analytics tag.
KIT_B = kit_page(
    "Nordic Yield Partners",
    [("Basic", "0.9", 20, 50), ("Advanced", "1.75", 40, 1000), ("Pro", "4.2", 90, 10000),
     ("VIP", "6", 120, 50000)],
    extra_head='<script async src="https://www.googletagmanager.com/gtag/js?id=G-1"></script>',
    motto="Grow your crypto with zero risk",
)

# The relaunched copy edited a little: a promo block added, one statistic dropped.
KIT_C = KIT_B.replace(
    '<div class="plans">',
    '<div class="promo"><a href="?a=signup"><img src="images/bonus.gif" alt=""></a>'
    '<span class="promo-text">+10% bonus</span></div>\n<div class="plans">',
).replace('<div class="stat"><b>312</b> days online</div>\n', "")

BANK_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Harbour Savings Bank - Personal banking</title>
<link rel="stylesheet" href="/assets/site.css"><script src="/assets/site.js"></script></head>
<body class="page-home">
<header class="site-header"><nav class="nav-main" aria-label="Main">
<a class="brand" href="/"><img src="/img/logo.svg" alt="Harbour Savings Bank"></a>
<ul class="nav-list"><li class="nav-item"><a href="/accounts/">Accounts</a></li>
<li class="nav-item"><a href="/mortgages/">Mortgages</a></li>
<li class="nav-item"><a href="/savings/">Savings</a></li>
<li class="nav-item"><a href="/help/">Help</a></li></ul>
<a class="btn btn-outline" href="/online-banking/login">Log in</a></nav></header>
<main id="content">
<section class="hero"><h1>Banking that's simple</h1>
<p>Open a current account in minutes. Our fixed-rate saver pays 3.10% AER.</p>
<a class="btn btn-primary" href="/accounts/open?ref=homepage-hero&amp;utm_source=home">
Open an account</a>
</section>
<section class="cards"><article class="card"><h2>Mortgages</h2><p>Compare our rates.</p>
<a href="/mortgages/rates">See rates</a></article>
<article class="card"><h2>Savings</h2><p>Easy access and fixed-term accounts.</p></article>
<article class="card"><h2>Security</h2><p>We will never ask for your PIN.</p>
<a href="https://community.example-bank.test/forums?a=userposts&amp;u=12">Ask the community</a>
</article></section>
</main>
<footer class="site-footer"><p>Harbour Savings Bank plc is authorised by the Prudential
Regulation Authority. Registered in England, company number 01234567.</p>
<ul class="social"><li><a href="https://www.facebook.com/harbourbank?ref=footer">Facebook</a></li>
<li><a href="https://t.me/harbourbank">Telegram</a></li></ul>
<script src="https://embed.tawk.to/5f0000/default"></script></footer>
</body></html>"""

NEWS_PAGE = """<!doctype html>
<html><head><meta charset="utf-8"><title>Regulators warn of fake crypto platforms</title>
<meta name="generator" content="WordPress 6.4">
<link rel="stylesheet" href="/wp-content/themes/daily/style.css"></head>
<body class="single single-post">
<div id="page" class="site"><header id="masthead" class="site-header"><div class="site-branding">
<p class="site-title"><a href="/" rel="home">The Daily Ledger</a></p></div>
<nav id="site-navigation" class="main-navigation"><ul id="primary-menu" class="menu">
<li class="menu-item"><a href="/markets/">Markets</a></li>
<li class="menu-item"><a href="/tech/">Tech</a></li>
</ul></nav></header>
<div id="content" class="site-content"><main id="main" class="site-main">
<article class="post type-post"><header class="entry-header"><h1 class="entry-title">Regulators
warn of fake crypto platforms</h1><div class="entry-meta"><span class="posted-on">May 2, 2024</span>
</div></header><div class="entry-content">
<p>Sites promising 3% a day, with "plans" and referral bonuses, are Ponzi schemes,
the regulator said. Many run on the same HYIP script, it added.</p>
<p>Victims were asked to sign up, deposit and wait for withdrawals that never came.</p>
<blockquote><p>If it sounds too good to be true, it is.</p></blockquote>
<figure class="wp-block-image"><img src="/wp-content/uploads/2024/05/warning.jpg" alt="">
<figcaption>A scam site's deposit page.</figcaption></figure>
<p>Read the <a href="https://regulator.example.test/warnings?ref=ledger">warning list</a>.</p>
</div></article></main></div>
<footer id="colophon" class="site-footer"><div class="site-info">Proudly powered by WordPress.
<span class="mh-script">Theme by Example</span></div></footer></div>
</body></html>"""

LEGIT_PAGES = {"bank": BANK_PAGE, "news": NEWS_PAGE}

# One positive example per marker name, in a minimal document.
POSITIVES: dict[str, str] = {
    "hscript_route": '<a href="index.php?a=deposit">Make a deposit</a>',
    "hscript_captcha": '<img src="?a=show_validation_image&amp;rand=0.123" alt="">',
    "hscript_form": '<input type="submit" value="Register" class="sbmt">',
    "hscript_credit": "<p>Script powered by GoldCoders.com</p>",
    "referral_link": "<p>Your referral link: <b>https://yield-club.test/?ref=USERNAME</b></p>",
    "httrack_mirror": (
        "<!-- Mirrored from broker-origin.test/en/ by HTTrack Website Copier/3.x "
        "[XR&CO'2014], Tue, 02 Jan 2024 10:00:00 GMT -->"
    ),
    "httrack_added": (
        '<!-- Added by HTTrack --><meta http-equiv="content-type" '
        'content="text/html;charset=UTF-8" /><!-- /Added by HTTrack -->'
    ),
    "saved_from_url": "<!-- saved from url=(0027)https://trade-origin.test/ -->",
    "singlefile_copy": (
        "<!--\n Page saved with SingleFile \n url: https://trade-origin.test/login \n"
        " saved date: Mon Jan 01 2024 10:00:00 GMT+0000\n-->"
    ),
    "saved_page_assets": '<link rel="stylesheet" href="./Trade Platform_files/main.css">',
    "hyip_template_path": '<link rel="stylesheet" href="templates/hyip_blue/css/style.css">',
    "hyip_monitor_badge": (
        '<a href="https://www.hyipexplorer.com/details/yield-club">'
        '<img src="/images/listed.gif" alt="monitor"></a>'
    ),
    "hyip_vendor_link": '<p>Design: <a href="https://hyipdesigns.test/">HYIP designs</a></p>',
    "ecurrency_payment_form": (
        '<form action="https://perfectmoney.com/api/step1.asp" method="POST">'
        '<input type="hidden" name="PAYEE_ACCOUNT" value="U1234567"></form>'
    ),
}


def doc(fragment: str) -> str:
    return f"<html><head><title>x</title></head><body>\n{fragment}\n</body></html>"


def names(html: str) -> set[str]:
    return {m.name for m in find_kit_markers(html)}


def assert_offsets(html: str, markers: list[KitMarker]) -> None:
    for m in markers:
        assert 0 <= m.start < m.end <= len(html)
        assert html[m.start : m.end] == m.quote


# ------------------------------------------------------------------------------ markers


def test_every_marker_name_has_a_positive_example() -> None:
    assert set(POSITIVES) == set(KIT_MARKER_NAMES)
    assert len(set(KIT_MARKER_NAMES)) == len(KIT_MARKER_NAMES)


@pytest.mark.parametrize("name", KIT_MARKER_NAMES)
def test_marker_fires_on_positive_example(name: str) -> None:
    fragment = POSITIVES[name]
    html = fragment + "\n<html><body><p>Welcome</p></body></html>" \
        if fragment.startswith("<!--") else doc(fragment)
    markers = find_kit_markers(html)
    assert name in {m.name for m in markers}
    assert_offsets(html, markers)


@pytest.mark.parametrize("page", sorted(LEGIT_PAGES))
def test_no_marker_on_legitimate_pages(page: str) -> None:
    assert find_kit_markers(LEGIT_PAGES[page]) == []


def test_kit_page_markers_and_exact_offsets() -> None:
    markers = find_kit_markers(KIT_A)
    assert_offsets(KIT_A, markers)
    found = {m.name for m in markers}
    assert {"hscript_route", "hscript_captcha", "hscript_form"} <= found
    routes = [m.quote for m in markers if m.name == "hscript_route"]
    assert routes[:3] == ["?a=login", "?a=signup", "?a=home"]
    assert len(routes) == MAX_QUOTES_PER_MARKER  # many more routes on the page
    first = KIT_A.index('"?a=login"') + 1
    login = next(m for m in markers if m.quote == "?a=login")
    assert (login.start, login.end) == (first, first + len("?a=login"))
    forms = {m.quote for m in markers if m.name == "hscript_form"}
    assert {"name=mainform", "name=a value=do_login", "class=inpts", "class=sbmt"} <= forms
    assert [m.start for m in markers] == sorted(m.start for m in markers)


def test_at_most_five_quotes_per_name() -> None:
    html = doc("".join(f'<a href="?a=faq">q{i}</a><a href="/?a=news">n{i}</a>' for i in range(50)))
    markers = find_kit_markers(html)
    assert [m.name for m in markers] == ["hscript_route"] * MAX_QUOTES_PER_MARKER


@pytest.mark.parametrize(
    ("html", "quote"),
    [
        ('<a href="https://yield-club.test/?a=signup">', "https://yield-club.test/?a=signup"),
        ("<a href='/invest/index.php?a=withdraw'>", "/invest/index.php?a=withdraw"),
        ('<a href="?a=cust&amp;page=about_us">', "?a=cust&amp;page=about_us"),
        ("<input onclick=\"document.location='?a=deposit'\">", "?a=deposit"),
        ("<a href=?a=edit_account>", "?a=edit_account"),
    ],
)
def test_route_forms(html: str, quote: str) -> None:
    markers = find_kit_markers(doc(html))
    assert [(m.name, m.quote) for m in markers] == [("hscript_route", quote)]


@pytest.mark.parametrize(
    "html",
    [
        '<a href="https://forum.example.test/eve/forums?a=userposts&u=1">',  # forum software
        '<a href="/article.asp?a=95404">',  # not an H-Script route name
        '<a href="https://portal.example.test/?a=nopw">',
        '<a href="/search?q=x&a=login">',  # &a= is another parameter
        '<a href="https://www.facebook.com/page?ref=bookmarks">',  # tracking
        '<a href="https://wordpress.com/?ref=footer">',
        '<a href="https://games.example.test/?ref=PPP&amp;utm_medium=news-site-referral">',
        "<a [href]=\"'/logout' + (next ? '?ref=' + next : '')\">",  # URL built in a script
        '<link rel=File-List href="report_files/filelist.xml">',  # Microsoft Word export
        '<img src="report_files/image001.png">',
        '<script src="https://cdn.example.test/sdk_files/init.js"></script>',  # not relative
        '<span class="mh-script">theme</span>',
        '<input name="PAYEE_ACCOUNTS" value="x">',
        '<p>The regulator lists HYIP schemes.</p>',  # a word, not a URL
        "<p>hyip managers beware</p><a href='https://news.example.test/?q=hyip'>",
    ],
)
def test_lookalikes_are_not_markers(html: str) -> None:
    assert find_kit_markers(doc(html)) == []


@pytest.mark.parametrize(
    "html",
    [
        '<input value="/?ref=" readonly>',
        '<input value="https://yield-club.test/?ref={$user.username}" readonly>',
        "<td>?ref=`$userinfo.username`</td>",
        '<p>Share your referral link https://yield-club.test/?ref=johndoe with friends</p>',
        '<input readonly value="&lt;a href=&quot;/?ref=&quot;&gt;">',
    ],
)
def test_referral_links(html: str) -> None:
    html = doc(html)
    markers = find_kit_markers(html)
    assert [m.name for m in markers] == ["referral_link"]
    assert "?ref=" in markers[0].quote
    assert_offsets(html, markers)


def test_copy_markers_and_sources() -> None:
    html = (
        POSITIVES["saved_from_url"] + "\n<html>" + POSITIVES["httrack_mirror"]
        + "<head>" + POSITIVES["httrack_added"] + "</head><body>"
        + POSITIVES["saved_page_assets"] + "</body></html>"
    )
    markers = find_kit_markers(html)
    assert_offsets(html, markers)
    by_name = {m.name: m for m in markers}
    assert set(by_name) == {
        "saved_from_url", "httrack_mirror", "httrack_added", "saved_page_assets"
    }
    mirror = by_name["httrack_mirror"]
    assert mirror.quote.startswith("Mirrored from broker-origin.test/en/ by HTTrack")
    assert copy_source(mirror) == "broker-origin.test/en/"
    assert copy_source(by_name["saved_from_url"]) == "https://trade-origin.test/"
    assert by_name["saved_page_assets"].quote == "./Trade Platform_files/main.css"
    assert copy_source(by_name["saved_page_assets"]) is None
    assert [m.quote for m in markers if m.name == "httrack_added"] == [
        "<!-- Added by HTTrack -->", "<!-- /Added by HTTrack -->"]
    single = find_kit_markers(POSITIVES["singlefile_copy"] + "<html></html>")
    assert copy_source(single[0]) == "https://trade-origin.test/login"


def test_copier_comment_far_down_the_page_is_ignored() -> None:
    html = "<html><body>" + "<p>filler</p>" * 1000 + POSITIVES["saved_from_url"] + "</body>"
    assert find_kit_markers(html) == []


def test_hyip_urls_are_classified() -> None:
    html = doc(
        '<a href="https://allhyipmonitors.com/?a=details&lid=1"><img src="x.gif"></a>'
        '<img src="//www.hyip-monitor.test/banner.png">'
        '<meta name="author" content="http://www.uniquehyips.test/">'
        '<p>Listed on all major HYIP monitors!</p>'
        '<script src="../templates/hyip_gold/js/app.js"></script>'
        "<p>Built with HYIP Manager Pro</p>"
    )
    markers = find_kit_markers(html)
    assert_offsets(html, markers)
    got = [(m.name, m.quote) for m in markers]
    assert got == [
        ("hyip_monitor_badge", "https://allhyipmonitors.com/?a=details&lid=1"),
        ("hyip_monitor_badge", "//www.hyip-monitor.test/banner.png"),
        ("hyip_vendor_link", "http://www.uniquehyips.test/"),
        ("hyip_monitor_badge", "Listed on all major HYIP monitors"),
        ("hyip_template_path", "../templates/hyip_gold/js/app.js"),
        ("hscript_credit", "HYIP Manager Pro"),
    ]


def test_payment_forms() -> None:
    html = doc(
        '<form action="https://payeer.com/merchant/" method="post">'
        '<input type="hidden" name="m_shop" value="1"></form>'
        '<form action="https://wallet.advcash.com/sci/" method="post">'
        '<input type="hidden" name="ac_account_email" value="a@b.test">'
        '<input type="hidden" name="ac_sci_name" value="x"></form>'
        '<input type="hidden" name="PAYEE_ACCOUNT" value="U1">'
    )
    quotes = [m.quote for m in find_kit_markers(html) if m.name == "ecurrency_payment_form"]
    assert quotes == ["payeer.com/merchant", "wallet.advcash.com/sci", "ac_account_email",
                      "ac_sci_name", "PAYEE_ACCOUNT"]


def test_goldcoders_credit_quote() -> None:
    html = doc("<center>Wrong license. Please contact <a href=\"http://www.goldcoders.com\">"
               "www.goldcoders.com</a></center><p>Powered by  GoldCoders</p>")
    markers = find_kit_markers(html)
    assert_offsets(html, markers)
    assert [(m.name, m.quote) for m in markers] == [
        ("hscript_credit", "goldcoders.com"),
        ("hscript_credit", "goldcoders.com"),
        ("hscript_credit", "Powered by  GoldCoders"),
    ]


def test_non_ascii_and_dotted_capital_i_keep_offsets() -> None:
    html = doc("İİİ Ünïcödé 😀 <a href='?a=signup'>Kayıt</a> <a href='https://hyipbox.test/x'>")
    markers = find_kit_markers(html)
    assert_offsets(html, markers)
    assert [m.name for m in markers] == ["hscript_route", "hyip_monitor_badge"]


def test_empty_and_trivial_inputs() -> None:
    for html in ("", " ", "?a=", "?ref=", "hyip", "<!--", "_files/", "\x00" * 10):
        assert_offsets(html, find_kit_markers(html))


def test_docstring_examples() -> None:
    assert doctest.testmod(kit).failed == 0


# -------------------------------------------------------------------------- fingerprint


def test_kit_copies_are_the_same_kit() -> None:
    a, b = dom_fingerprint(KIT_A), dom_fingerprint(KIT_B)
    assert fingerprint_distance(a, b) == 0  # texts, prices, 4th plan card, analytics
    assert same_kit(a, b)
    c = dom_fingerprint(KIT_C)
    assert KIT_C != KIT_B and 0 < fingerprint_distance(a, c) <= DEFAULT_MAX_DISTANCE
    assert same_kit(a, c)


def test_text_attributes_and_scripts_do_not_change_the_fingerprint() -> None:
    retexted = (KIT_A.replace("Bitvault Capital", "Aurora Stake Fund")
                .replace("daily", "per day").replace("Invest", "Buy now")
                .replace("images/logo.png", "https://cdn.test/aurora.svg")
                .replace("<head>", '<head><script>var x = "<div class=fake>";</script>')
                .replace("<body>", '<body><noscript><img src="/pixel"></noscript>'))
    assert retexted != KIT_A
    assert dom_fingerprint(retexted) == dom_fingerprint(KIT_A)
    icon_a = KIT_A.replace("<h2>", "<h2><svg><path d='M0'/></svg>")
    icon_b = KIT_A.replace("<h2>", "<h2><svg><g><path d='M1'/><circle r='1'/></g></svg>")
    assert dom_fingerprint(icon_a) == dom_fingerprint(icon_b)  # SVG internals ignored


@pytest.mark.parametrize("page", sorted(LEGIT_PAGES))
def test_legitimate_page_is_not_the_kit(page: str) -> None:
    legit = dom_fingerprint(LEGIT_PAGES[page])
    for kit_html in (KIT_A, KIT_B, KIT_C):
        assert fingerprint_distance(legit, dom_fingerprint(kit_html)) > 16
        assert not same_kit(legit, dom_fingerprint(kit_html))


def test_unrelated_legitimate_pages_differ() -> None:
    assert not same_kit(dom_fingerprint(BANK_PAGE), dom_fingerprint(NEWS_PAGE))


def test_fingerprint_range_and_trivial_pages() -> None:
    for html in (KIT_A, BANK_PAGE, "<p>x", "<frameset><frame src=a></frameset>"):
        fp = dom_fingerprint(html)
        assert isinstance(fp, int) and 0 <= fp < 2**64
    assert dom_fingerprint("") == 0
    assert dom_fingerprint("just text, no elements") == 0


def test_fingerprint_is_deterministic_across_processes() -> None:
    code = (
        "import sys; from fakeinvest.features.fingerprint import dom_fingerprint; "
        "print(dom_fingerprint(sys.stdin.read()))"
    )
    expected = dom_fingerprint(KIT_A)
    for seed in ("0", "12345"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        out = subprocess.run([sys.executable, "-c", code], input=KIT_A, env=env,
                             capture_output=True, text=True, check=True, timeout=120)
        assert int(out.stdout) == expected


def test_fingerprint_distance_and_threshold() -> None:
    assert fingerprint_distance(0, 0) == 0
    assert fingerprint_distance(0, 2**64 - 1) == 64
    assert fingerprint_distance(0b1011, 0b0001) == 2
    assert DEFAULT_MAX_DISTANCE == 10
    a = 0
    b = (1 << DEFAULT_MAX_DISTANCE) - 1  # exactly DEFAULT_MAX_DISTANCE bits apart
    assert same_kit(a, b) and not same_kit(a, b << 1 | 1)
    assert not same_kit(a, b, max_distance=DEFAULT_MAX_DISTANCE - 1)


# ----------------------------------------------------------------------------- property

HTML_BITS = st.sampled_from([
    "<a href=\"", "?a=", "signup", "cust&page=", "show_validation_image", "?ref=", "\"", "'",
    "<!--", "-->", "Mirrored from ", " by HTTrack Website Copier/3.x", "Added by HTTrack",
    "saved from url=(0010)", "Page saved with SingleFile", " url: ", "_files/", "./x",
    "hyip", "HYIP", "goldcoders", "h-script", "class=", "sbmt", "inpts", "mainform",
    "name=a value=do_", "PAYEE_ACCOUNT", "payeer.com/merchant", "<div class=\"a b1\">",
    "</div>", "<p>", "<svg><path/>", "<script>", "</script>", "<table><tr><td>", "İ",
    "\ud800", "\x00", " ", "\n", "index.php", "/", "https://", "//", "www.", "src=",
    "href=", "=", "<", ">", "&amp;", "listed on ", " monitors", "<frameset>", "<template>",
])
HTML_ISH = st.lists(st.one_of(HTML_BITS, st.text(max_size=12)), max_size=80).map("".join)


@settings(max_examples=300, deadline=500)
@given(st.one_of(st.text(max_size=400), HTML_ISH))
def test_find_kit_markers_never_raises(html: str) -> None:
    markers = find_kit_markers(html)
    assert_offsets(html, markers)
    counts: dict[str, int] = {}
    for m in markers:
        assert m.name in KIT_MARKER_NAMES
        counts[m.name] = counts.get(m.name, 0) + 1
    assert max(counts.values(), default=0) <= MAX_QUOTES_PER_MARKER


@settings(max_examples=200, deadline=500)
@given(st.one_of(st.text(max_size=400), HTML_ISH))
def test_dom_fingerprint_never_raises(html: str) -> None:
    fp = dom_fingerprint(html)
    assert 0 <= fp < 2**64
    assert dom_fingerprint(html) == fp
