"""Tests for :mod:`fakeinvest.features.hosting` (free hosting hosts, parked pages)."""

from __future__ import annotations

import doctest
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fakeinvest.features import hosting
from fakeinvest.features.hosting import (
    FREE_HOSTING_SUFFIXES,
    PARKED_MARKERS,
    find_parked_markers,
    free_hosting,
)

# --------------------------------------------------------------------------- free hosting


@pytest.mark.parametrize(
    ("host", "suffix"),
    [
        ("invest-pro.000webhostapp.com", "000webhostapp.com"),
        ("btc-double.netlify.app", "netlify.app"),
        ("elon-giveaway.vercel.app", "vercel.app"),
        ("my-yield.pages.dev", "pages.dev"),
        ("trade-bot.web.app", "web.app"),
        ("quantum-ai.firebaseapp.com", "firebaseapp.com"),
        ("scam-invest.github.io", "github.io"),
        ("a.b.c.github.io", "github.io"),
        ("abc-def-ghi.trycloudflare.com", "trycloudflare.com"),
        ("1a2b-3c4d.ngrok-free.app", "ngrok-free.app"),
        ("fxbroker.azurewebsites.net", "azurewebsites.net"),
        ("capital.wixsite.com", "wixsite.com"),
        ("crypto.blogspot.com", "blogspot.com"),
        ("x.up.railway.app", "up.railway.app"),
        ("bafy123.ipfs.dweb.link", "ipfs.dweb.link"),
        ("phish.web.core.windows.net", "web.core.windows.net"),
    ],
)
def test_free_hosting_subdomains(host: str, suffix: str) -> None:
    assert free_hosting(host) == suffix


@pytest.mark.parametrize(
    "host",
    [
        "github.io",  # the provider's own site, not a user's: documented as no match
        "netlify.app",
        "notgithub.io",  # label boundary
        "github.io.example.com",  # suffix elsewhere in the name
        "notgithub.io.example.com",
        "railway.app",  # only *.up.railway.app is listed
        "example.com",
        "www.harbour-bank.co.uk",
        "localhost",
        "",
        ".",
        "..github.io",
        "x..github.io",
        "[::1]",
        "2001:db8::1",
        "192.168.0.1",
    ],
)
def test_not_free_hosting(host: str) -> None:
    assert free_hosting(host) is None


@pytest.mark.parametrize(
    "host", ["Scam-Invest.GitHub.IO", "scam-invest.github.io.", " scam-invest.github.io ",
             "SCAM.GITHUB.IO.", "scam-invest.github.io:443"],
)
def test_case_trailing_dot_and_port_are_tolerated(host: str) -> None:
    assert free_hosting(host) == "github.io"


def test_every_suffix_matches_its_subdomains_only() -> None:
    for suffix in FREE_HOSTING_SUFFIXES:
        assert suffix == suffix.lower().strip(".") and "." in suffix and " " not in suffix
        assert free_hosting(f"user-site.{suffix}") == suffix
        assert free_hosting(f"a.b.{suffix}.") == suffix
        assert free_hosting(suffix) is None
        assert free_hosting(f"x{suffix}") is None
        assert free_hosting(f"{suffix}.evil.test") is None


def test_required_suffixes_are_listed() -> None:
    required = {
        "000webhostapp.com", "weebly.com", "wixsite.com", "blogspot.com", "github.io",
        "netlify.app", "vercel.app", "pages.dev", "web.app", "firebaseapp.com",
        "herokuapp.com", "glitch.me", "wordpress.com", "site123.me", "tilda.ws",
        "webflow.io", "carrd.co", "godaddysites.com", "square.site", "mystrikingly.com",
        "infinityfreeapp.com", "epizy.com", "rf.gd", "ngrok-free.app", "ngrok.io",
        "trycloudflare.com", "azurewebsites.net", "onrender.com", "replit.app",
        "framer.website",
    }
    assert required <= FREE_HOSTING_SUFFIXES


@settings(max_examples=300, deadline=500)
@given(st.text(max_size=80))
def test_free_hosting_never_raises(host: str) -> None:
    result = free_hosting(host)
    assert result is None or result in FREE_HOSTING_SUFFIXES


# --------------------------------------------------------------------------- parked pages

PARKED_TEXTS = [
    ("example-invest.com This domain is for sale! Make an offer today.",
     "This domain is for sale"),
    ("The domain example-invest.com may be for sale. Click here to inquire.",
     "The domain example-invest.com may be for sale"),
    ("Get this domain. Buy this domain name now.", "Buy this domain name"),
    ("This web page is parked FREE, courtesy of GoDaddy.com.",
     "parked FREE, courtesy of GoDaddy.com"),
    ("Welcome. This domain is parked.", "This domain is parked"),
    ("This domain was recently registered at Namecheap. Please check back later!",
     "This domain was recently registered at Namecheap"),
    ("Privacy Policy | Sedoparking.com", "Sedoparking"),
    ("Powered by HugeDomains.com", "HugeDomains.com"),
    ("Buy now with Dan.com, secure transfer", "Dan.com"),
    ("Listed with Afternic", "Afternic"),
    ("Related searches. Bodis", "Bodis"),
    ("Copyright ParkingCrew", "ParkingCrew"),
    ("Tên miền này đang được rao bán. Liên hệ ngay", "Tên miền này đang được rao bán"),
    ("此域名出售，请联系我们", "此域名出售"),
    ("该域名正在出售！", "该域名正在出售"),
    ("¡Este dominio está en venta! Contáctenos", "Este dominio está en venta"),
    ("Este domínio está à venda. Faça uma oferta", "Este domínio está à venda"),
    ("Этот домен продаётся. Напишите нам", "Этот домен продаётся"),
    ("ДОМЕН ПРОДАЕТСЯ", "ДОМЕН ПРОДАЕТСЯ"),
    ("Ce nom de domaine est à vendre.", "Ce nom de domaine est à vendre"),
    ("Diese Domain steht zum Verkauf.", "Diese Domain steht zum Verkauf"),
    ("Questo dominio è in vendita!", "Questo dominio è in vendita"),
    ("Bu alan adı satılıktır.", "Bu alan adı satılıktır"),
    ("Domain ini dijual, hubungi kami", "Domain ini dijual"),
]


@pytest.mark.parametrize(("text", "quote"), PARKED_TEXTS)
def test_parked_phrases_with_exact_offsets(text: str, quote: str) -> None:
    found = find_parked_markers(text)
    assert len(found) == 1
    start, end, got = found[0]
    assert got == quote
    assert (start, end) == (text.index(quote), text.index(quote) + len(quote))


@pytest.mark.parametrize(("text", "quote"), [PARKED_TEXTS[12], PARKED_TEXTS[16]])
def test_decomposed_accents_match(text: str, quote: str) -> None:
    nfd = unicodedata.normalize("NFD", text)
    found = find_parked_markers(nfd)
    assert [q for _, _, q in found] == [unicodedata.normalize("NFD", quote)]
    assert all(nfd[s:e] == q for s, e, q in found)


def test_offsets_survive_characters_whose_lower_case_is_longer() -> None:
    text = "İİ İstanbul — this domain is for sale — İ"
    found = find_parked_markers(text)
    assert [(s, e) for s, e, _ in found] == [(text.index("this"), text.index(" —", 15))]
    assert all(text[s:e] == q for s, e, q in found)


def test_several_phrases_in_order_without_overlap() -> None:
    text = ("BUY THIS DOMAIN. The domain owner listed it with Afternic and Sedo Domain "
            "Parking. This domain is for sale.")
    quotes = [q for _, _, q in find_parked_markers(text)]
    assert quotes == ["BUY THIS DOMAIN", "Afternic", "Sedo Domain Parking",
                      "This domain is for sale"]


@pytest.mark.parametrize(
    "text",
    [
        "Domain-driven design separates the domain model from infrastructure.",
        "The Domain Name System maps names to addresses; this domain is yours.",
        "Works in the public domain may be freely used.",
        "Parking in Sedona, Arizona is free on Sundays.",
        "Jordan.com and dan.company are unrelated; bodiscus is a word-like token.",
        "Il dominio della finanza è in crescita.",
        "Harbour Savings Bank plc. Open an account in minutes.",
        "",
    ],
)
def test_ordinary_texts_are_not_parked(text: str) -> None:
    assert find_parked_markers(text) == []


def test_parked_markers_are_lower_case_sources() -> None:
    assert PARKED_MARKERS and all(p == p.lower() for p in PARKED_MARKERS)


def test_docstring_examples() -> None:
    assert doctest.testmod(hosting).failed == 0


TEXT_BITS = st.sampled_from([
    "domain", "Domain", "DOMAIN", " is for sale", " may be ", "this ", "buy ", "parked",
    "sedo", "dan.com", "afternic", "bodis", "parkingcrew", "tên miền này", "miền",
    "mie\u0302\u0300n", "域名", "出售", "dominio", "domínio", "está", " à venda", "домен",
    "продаётся", "alan adı", "İ", "\ud800", "\x00", " ", "\n",
])


@settings(max_examples=300, deadline=500)
@given(st.one_of(st.text(max_size=400),
                 st.lists(st.one_of(TEXT_BITS, st.text(max_size=8)), max_size=60).map("".join)))
def test_find_parked_markers_never_raises(text: str) -> None:
    found = find_parked_markers(text)
    last = -1
    for start, end, quote in found:
        assert last <= start < end <= len(text)
        assert text[start:end] == quote
        last = end
