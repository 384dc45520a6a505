"""URL and domain signals (offline tldextract)."""

from __future__ import annotations

import math

from hypothesis import given, settings
from hypothesis import strategies as st

from fakeinvest.features.domain import DOMAIN_FEATURES, domain_features, split_domain


def test_split_domain() -> None:
    p = split_domain("https://atfx.trade-pro.xyz:8443/plans")
    assert (p.host, p.registered, p.label, p.subdomain, p.suffix) == (
        "atfx.trade-pro.xyz", "trade-pro.xyz", "trade-pro", "atfx", "xyz")
    assert split_domain("harbourline-markets.co.uk").registered == "harbourline-markets.co.uk"
    assert split_domain("http://127.0.0.1:8000/").is_ip


def test_domain_features_values() -> None:
    f = domain_features("http://www.crypto-yield24.top/")
    assert f["url_hyphens"] == 1 and f["url_digits"] == 2
    assert f["url_risky_tld"] == 1 and f["url_subdomain_depth"] == 0
    assert f["url_finance_words"] >= 2
    assert domain_features("http://xn--80ak6aa92e.com/")["url_punycode"] == 1
    assert domain_features("http://10.0.0.1/")["url_ip_host"] == 1


def test_unknown_url_gives_nan() -> None:
    f = domain_features(None)
    assert set(f) == set(DOMAIN_FEATURES)
    assert all(math.isnan(v) for v in f.values())


@settings(max_examples=300, deadline=2000)
@given(st.one_of(st.text(max_size=80), st.from_regex(r"\Ahttps?://[a-z0-9.\-]{0,40}(:\d{1,5})?/?\Z")))
def test_any_url_or_host_is_handled(value: str) -> None:
    feats = domain_features(value)
    assert set(feats) == set(DOMAIN_FEATURES)
    assert all(isinstance(v, float) for v in feats.values())
    split_domain(value)
