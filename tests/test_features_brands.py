"""Brand registry: mentions, claims, look-alike host names, user extensions."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fakeinvest.features.brands import Brand, BrandRegistry, default_registry

from .strategies import text_chunks


def test_shipped_registry_knows_atfx() -> None:
    reg = default_registry()
    atfx = next(b for b in reg.brands if b.name.startswith("ATFX"))
    assert "atfx.com" in atfx.official_domains
    assert "atfxai.com" in atfx.lookalike_domains
    assert atfx.owns("atfx.com") and atfx.owns("www.atfx.com")
    assert not atfx.owns("atfx-vn.com")


def test_claim_in_title_and_copyright() -> None:
    reg = default_registry()
    claims = reg.claims("ATFX Việt Nam | Đầu tư", "", "nội dung ... © 2025 ATFX. All rights")
    assert [c.brand.name for c in claims][:1] == ["ATFX (AT Global Markets)"]
    assert claims[0].where == "title"


def test_mention_in_body_is_not_a_claim() -> None:
    reg = default_registry()
    text = "Regulators warned that a fake platform used the ATFX name to lure investors."
    assert reg.mentions(text)
    assert reg.claims("Fraud warning issued", "", text) == []


def test_short_names_match_case_sensitively() -> None:
    reg = default_registry()
    assert not reg.mentions("the big dig was in the td of the game")
    assert any(b.name == "IG" for _s, _e, b in reg.mentions("Trade with IG today"))


def test_lookalike_hosts() -> None:
    reg = default_registry()
    for host in ("atfx-vn.com", "atfx.trade-pro.xyz", "atfxvn.net", "atfxai.com"):
        names = [c.brand.name for c in reg.host_lookalikes(f"https://{host}/")]
        assert any(n.startswith("ATFX") for n in names), host
    assert reg.host_lookalikes("https://www.atfx.com/en/") == [] or not any(
        c.brand.name.startswith("ATFX") for c in reg.host_lookalikes("https://www.atfx.com/"))
    assert reg.host_lookalikes("http://127.0.0.1:8000/") == []


def test_users_can_extend_the_registry(tmp_path: Path) -> None:
    extra = tmp_path / "brands.csv"
    extra.write_text(
        "brand,aliases,kind,official_domains,lookalike_domains\n"
        "Lao Airlines,Lao Airlines,airline,laoairlines.com,\n", encoding="utf-8")
    reg = BrandRegistry.load(extra)
    assert any(b.name == "Lao Airlines" for b in reg.brands)
    assert any(b.name.startswith("ATFX") for b in reg.brands)
    claims = reg.claims("Lao Airlines - Invest in our fleet, 2% daily", "", "")
    assert claims and claims[0].brand.official_domains == ("laoairlines.com",)


@settings(max_examples=300, deadline=2000)
@given(st.lists(text_chunks, max_size=30).map(" ".join))
def test_mentions_are_exact_whole_word_spans(text: str) -> None:
    reg = default_registry()
    last = 0
    for start, end, brand in reg.mentions(text):
        assert last <= start < end <= len(text)
        assert text[start:end].lower() in {a.lower() for a in brand.aliases}
        assert start == 0 or not (text[start - 1].isalnum() or text[start - 1] == "_")
        last = end


@pytest.mark.parametrize("host", ["www.essent-finance.nl", "deriv.com", "docs.deriv.com"])
def test_other_words_one_edit_from_a_brand_are_no_lookalikes(host: str) -> None:
    # "finance" is one letter from "binance", "deriv" (a broker of its own) from "derive".
    assert default_registry().host_lookalikes(f"https://{host}/") == []


@pytest.mark.parametrize("host", ["www.citizen.co.za", "cities.example.org", "gateway.example.com",
                                  "model.example.net"])
def test_short_brand_names_inside_ordinary_words_are_no_lookalikes(host: str) -> None:
    # "citizen" starts with Citi, "gateway" with Gate, "model" with Mode.
    assert default_registry().host_lookalikes(f"https://{host}/") == []


@pytest.mark.parametrize("host", ["citi24.com", "citipro.net", "hsbc-vn.com", "hsbcvip.top"])
def test_short_brand_names_with_scam_endings_are_lookalikes(host: str) -> None:
    assert default_registry().host_lookalikes(f"https://{host}/")


@pytest.mark.parametrize("host", ["binnance.io", "b1nance-pro.com", "binace.top",
                                  "bianance.net", "atfx-vn.com"])
def test_typosquats_are_lookalikes(host: str) -> None:
    assert default_registry().host_lookalikes(f"https://{host}/")


def test_a_brand_inside_a_headline_is_no_claim() -> None:
    reg = default_registry()
    headline = ("Energy XXI Bermuda Breaks Above 200-Day Moving Average - Bullish for EXXI - "
                "Forbes")
    assert "Bullish" not in {c.brand.name for c in reg.claims(headline, "", "")}
    for title in ("ATFX Global | Trading", "Withdrawal Center | ATFX-Pro"):
        assert any(c.brand.name.startswith("ATFX") for c in reg.claims(title, "", ""))


def test_a_brand_owns_the_registrable_domain_of_its_official_subdomain() -> None:
    reg = default_registry()
    # Yahoo Finance lives on finance.yahoo.com: Yahoo's other hosts are Yahoo's own.
    assert not [c for c in reg.host_lookalikes("http://au.health.yahoo.com/x.html")
                if c.brand.name == "Yahoo Finance"]
    # ... but a brand on a free host owns only its own subdomain, never the host.
    brand = Brand("Acme Invest", ("Acme Invest",), "broker", ("acme-invest.github.io",))
    assert brand.owns("acme-invest.github.io") and not brand.owns("github.io")
    assert Brand("Yahoo Finance", ("Yahoo Finance",), "news",
                 ("finance.yahoo.com",)).owns("yahoo.com")


def test_a_country_qualifier_is_no_alias() -> None:
    claims = default_registry().claims("", "", "Copyright © 2006 Yahoo! Australia & NZ Pty Ltd")
    assert "ABC (Australia)" not in {c.brand.name for c in claims}


def test_lookalike_index_finds_what_a_scan_over_the_registry_finds() -> None:
    """The host index gives, brand for brand and in order, what comparing every host
    token with every brand token gives, on hosts made by every typosquatting edit of
    every brand token and on ordinary host names."""
    import random

    from fakeinvest.features.brands import _HOMOGLYPHS, _imitates, default_registry
    from fakeinvest.features.domain import split_domain

    reg = default_registry()

    def brute(url: str) -> list[str]:
        parts = split_domain(url)
        if parts.is_ip or not parts.registered:
            return []
        tokens = [t for t in re.split(r"[.\-]", parts.host) if t]
        return [b.name for b in reg.brands if not b.owns(parts.registered) and (
            parts.registered in b.lookalike_domains
            or any(_imitates(t, bt) for bt in b.domain_tokens for t in tokens))]

    rng = random.Random(0)
    glyphs = [tuple(p) for p in _HOMOGLYPHS]
    hosts = ["example.com", "citizen-bank.com", "model-gateway.net", "finance.yahoo.com",
             "essent-finance.nl", "deriv.com", "my.shop.co.uk", "xn--80ak6aa92e.com"]
    for b in reg.brands:
        for bt in b.domain_tokens:
            i = rng.randrange(len(bt))
            a, c = rng.choice(glyphs)
            edits = {bt, bt + "vn", bt + "pro", bt + "24", bt + "zzzz", bt[:i] + bt[i + 1:],
                     bt[:i] + bt[i] + bt[i:], bt[:i] + rng.choice("aeiou") + bt[i:],
                     bt.replace(a, c, 1), bt[:i] + bt[i + 1:i + 2] + bt[i] + bt[i + 2:]}
            hosts += [f"{e}.com" for e in edits] + [f"www.{e}-markets.io" for e in edits]
        hosts += list(b.lookalike_domains) + [f"https://{d}/" for d in b.official_domains]
    assert len(hosts) > 3000
    found = 0
    for host in hosts[:8] + rng.sample(hosts[8:], 1500):
        expected = brute(host)
        assert [c.brand.name for c in reg.host_lookalikes(host)] == expected, host
        found += bool(expected)
    assert found > 500  # the edits do make look-alikes
