"""Snapshot features: values, evidence traceability, the scikit-learn transformer contract."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.base import clone

from fakeinvest.features._extract import (
    ALL_FEATURES,
    FEATURE_DESCRIPTIONS,
    MODEL_FEATURES,
    extract_features,
)
from fakeinvest.model._pipeline import SnapshotFeaturizer
from fakeinvest.snapshot import Page, Snapshot

from .strategies import html_like

PLANS = """<html><head><title>ATFX Global Markets - VIP plans</title></head><body>
<h1>Gói đầu tư</h1><p>VIP1: 1,5%/ngày. VIP3: lên đến 24% mỗi ngày.</p>
<p>Referral Bonus (7% for 1st level)(3% for 2nd level)</p><footer>© 2025 ATFX</footer>
</body></html>"""
WITHDRAW = """<html><body><h1>Rút tiền</h1>
<p>Phải nộp thuế thu nhập 10% trước khi rút. Deposit USDT (TRC20) only.</p></body></html>"""


def site(url: str | None = "http://atfx-vn.com/") -> Snapshot:
    return Snapshot(url=url, pages=(Page("http://atfx-vn.com/plans", PLANS, role="plans"),
                                    Page("http://atfx-vn.com/withdraw", WITHDRAW,
                                         role="withdraw")))


def test_every_feature_is_documented() -> None:
    assert set(ALL_FEATURES) == set(FEATURE_DESCRIPTIONS)
    assert set(MODEL_FEATURES) <= set(ALL_FEATURES)


def test_site_values_take_the_strongest_page() -> None:
    fs = extract_features(site())
    assert fs.values["return_max_daily_pct"] == 24.0
    assert fs.values["referral_levels"] >= 1
    assert fs.values["withdrawal_obstruction"] >= 1
    assert fs.values["crypto_only"] == 1.0
    assert fs.values["brand_impersonation"] == 1.0
    assert fs.values["brand_lookalike_domain"] == 1.0


def test_evidence_is_traceable_to_page_and_offsets() -> None:
    snap = site()
    fs = extract_features(snap)
    pages = {p.url: p for p in snap.pages}
    for feature in ("return_max_daily_pct", "withdrawal_obstruction", "referral_levels"):
        ev = fs.evidence[feature][0]
        text = pages[ev.page_url].content.text
        assert ev.start is not None and text[ev.start:ev.end] == ev.quote
    assert fs.evidence["withdrawal_obstruction"][0].page_url.endswith("/withdraw")
    assert "atfx.com" in fs.evidence["brand_impersonation"][0].quote


def test_official_domain_is_not_impersonation() -> None:
    fs = extract_features(Snapshot(url="https://www.atfx.com/en/",
                                   pages=(Page("https://www.atfx.com/en/", PLANS),)))
    assert fs.values["brand_impersonation"] == 0.0
    assert fs.values["brand_lookalike_domain"] == 0.0


def test_unknown_url_gives_nan_context() -> None:
    fs = extract_features(site(url=None).__class__(url=None, pages=(Page(None, PLANS),)))
    assert math.isnan(fs.values["brand_impersonation"])
    assert math.isnan(fs.values["url_hyphens"])
    assert math.isnan(fs.values["domain_age_days"])


def test_transformer_contract() -> None:
    f = SnapshotFeaturizer(features=["return_max_daily_pct", "crypto_only"])
    g = clone(f)
    assert g.get_params() == f.get_params()
    X = g.fit_transform([site(), Snapshot.from_html("<p>hello</p>")])
    assert X.shape == (2, 2)
    assert list(g.get_feature_names_out()) == ["return_max_daily_pct", "crypto_only"]
    np.testing.assert_array_equal(X[1], [0.0, 0.0])


def test_transformer_refuses_unknown_features_and_unfitted_use() -> None:
    from sklearn.exceptions import NotFittedError

    with pytest.raises(ValueError, match="unknown features"):
        SnapshotFeaturizer(features=["nope"]).fit([])
    with pytest.raises(NotFittedError):
        SnapshotFeaturizer().transform([site()])


@pytest.mark.parametrize("html", ["", "<html>", "<" * 10000, "<div>" * 5000 + "5% daily",
                                  "\x00\x01binary", "<p>" + "1%/ngày " * 2000 + "</p>"])
def test_odd_pages_do_not_crash(html: str) -> None:
    fs = extract_features(Snapshot.from_html(html))
    assert set(fs.values) == set(ALL_FEATURES)


LICENCE = """<html><head><title>ATFX | Regulated broker</title></head><body>
<p>ATFX is authorised and regulated by the Financial Conduct Authority (FCA), FRN 999001.</p>
</body></html>"""


def _one_page(url: str, html: str) -> Snapshot:
    return Snapshot(url=url, pages=(Page(url, html),))


def test_licence_claim_while_posing_as_a_brand_is_licence_impersonation() -> None:
    fs = extract_features(_one_page("https://atfx-vn.com/", LICENCE))
    assert fs.values["licence_impersonation"] == 1.0
    ev = fs.evidence["licence_impersonation"][0]
    assert ev.page_url == "https://atfx-vn.com/" and ev.start is not None
    assert "posing as ATFX" in ev.context and "«" in ev.context
    # On the brand's own domain the same page is an ordinary licence claim.
    own = extract_features(_one_page("https://www.atfx.com/", LICENCE))
    assert own.values["licence_impersonation"] == 0.0 and own.values["licence_claim"] >= 1


def test_a_brands_licence_number_off_domain_is_licence_impersonation(tmp_path) -> None:
    from fakeinvest.features.brands import BrandRegistry

    extra = tmp_path / "brands.csv"
    extra.write_text("brand,aliases,kind,official_domains,lookalike_domains,licences\n"
                     "Harbour Broker,Harbour Broker,broker,harbour-broker.com,,"
                     "FRN 999001|CySEC 999/01\n", encoding="utf-8")
    registry = BrandRegistry.load(extra)
    # No brand named at all: only the number gives the borrowed licence away.
    page = "<p>Licensed and regulated, FRN 999001. Earn 2% daily.</p>"
    fs = extract_features(_one_page("https://quick-profit.net/", page), registry)
    assert fs.values["licence_impersonation"] == 1.0
    assert fs.evidence["licence_impersonation"][0].quote == "FRN 999001"
    assert "Harbour Broker" in fs.evidence["licence_impersonation"][0].context
    own = extract_features(_one_page("https://harbour-broker.com/", page), registry)
    assert own.values["licence_impersonation"] == 0.0


@pytest.mark.parametrize(("url", "title", "brand"), [
    ("https://laoairlines-invest.com/", "Lao Airlines - Chương trình đầu tư", "Lao Airlines"),
    ("https://laotel-vip.net/", "Lao Telecom VIP", "Lao Telecom"),
    ("https://laotiantimes-news.top/", "Laotian Times", "The Laotian Times"),
    ("https://vietcombank-invest.vip/", "Vietcombank Đầu Tư", "Vietcombank"),
])
def test_brands_impersonated_in_laos_and_vietnam(url: str, title: str, brand: str) -> None:
    html = f"<html><head><title>{title}</title></head><body><p>Lãi 2%/ngày</p></body></html>"
    fs = extract_features(_one_page(url, html))
    assert fs.values["brand_impersonation"] == 1.0, fs.evidence
    assert brand in fs.evidence["brand_impersonation"][0].quote


def test_brand_without_a_known_domain_is_mentioned_not_impersonated() -> None:
    html = "<html><head><title>Laopatthana - Tin tức</title></head><body>x</body></html>"
    fs = extract_features(_one_page("https://laopatthana-news.net/", html))
    assert fs.values["brand_claim"] == 1.0
    assert fs.values["brand_impersonation"] == 0.0


def test_users_extend_the_registry_with_their_own_file(tmp_path) -> None:
    from fakeinvest import errors
    from fakeinvest.features.brands import BrandRegistry

    extra = tmp_path / "mine.csv"
    extra.write_text("brand,aliases,kind,official_domains,lookalike_domains\n"
                     "Mekong Trust Bank,Mekong Trust|MTB Bank,bank,mekongtrust.com,\n",
                     encoding="utf-8")
    html = "<html><head><title>Mekong Trust - VIP</title></head><body>x</body></html>"
    snap = _one_page("https://mekongtrust-vip.net/", html)
    assert extract_features(snap).values["brand_impersonation"] == 0.0
    mine = BrandRegistry.load(extra)
    assert extract_features(snap, mine).values["brand_impersonation"] == 1.0
    # a model scores with the brands recorded in it or added to it, never the environment
    from fakeinvest.model import load_model

    model = load_model()
    assert model.extra_brands == ()
    assert model.verdict(snap).features["brand_impersonation"] == 0.0
    extended = load_model(brands=[extra])
    assert extended.verdict(snap).features["brand_impersonation"] == 1.0
    assert load_model().extra_brands == ()  # the shipped model is untouched
    with pytest.raises(errors.BadInputError):
        load_model(brands=[tmp_path / "absent.csv"])


@settings(max_examples=150, deadline=5000)
@given(st.lists(html_like, min_size=1, max_size=3),
       st.sampled_from([None, "http://atfx-vn.com/", "https://xn--80ak6aa92e.com/a?b=1"]))
def test_any_pages_featurise_with_traceable_evidence(pages: list[str], url: str | None) -> None:
    snap = Snapshot(url=url, pages=tuple(Page(url, h) for h in pages))
    fs = extract_features(snap)
    assert set(fs.values) == set(ALL_FEATURES)
    texts = [p.content.text for p in snap.pages]
    for evs in fs.evidence.values():
        for ev in evs:
            if ev.start is not None:
                assert any(t[ev.start:ev.end] == ev.quote for t in texts)


HSCRIPT = """<html><head><title>{brand} - Investment</title></head><body>
<div class="menu"><a href="?a=home">Home</a><a href="?a=signup">Sign up</a>
<a href="?a=deposit">Deposit</a><a href="?a=withdraw">Withdraw</a></div>
<form method="post" name="mainform"><input type="hidden" name="a" value="do_login">
<input type="text" name="username" class="inpts"><input type="submit" class="sbmt"></form>
<div class="plans"><p>{rate}% daily for 30 days</p></div></body></html>"""


def test_kit_markers_and_fingerprint_link_relaunched_copies() -> None:
    from fakeinvest.features.fingerprint import same_kit

    a = extract_features(_one_page("https://goldyield.biz/", HSCRIPT.format(brand="Gold",
                                                                          rate=2)))
    b = extract_features(_one_page("https://silver-profit.top/", HSCRIPT.format(
        brand="Silver Profit Ltd", rate=3.5)))
    assert a.values["kit_markers"] >= 2
    names = {e.quote.split(":", 1)[0] for e in a.evidence["kit_markers"]}
    assert "hscript_route" in names
    assert a.fingerprint is not None and same_kit(a.fingerprint, b.fingerprint)
    legit = extract_features(_one_page("https://riverside-bakery.com/", "<html><body>"
                                       "<header><nav><ul><li>Menu</li></ul></nav></header>"
                                       "<main><article><h1>Bread</h1></article></main>"
                                       "</body></html>"))
    assert legit.values["kit_markers"] == 0.0
    assert not same_kit(a.fingerprint, legit.fingerprint)


def test_fingerprint_is_optional_and_changes_nothing_else() -> None:
    from fakeinvest.features.fingerprint import dom_fingerprint

    snap = _one_page("https://goldyield.biz/", HSCRIPT.format(brand="Gold", rate=2))
    with_fp = extract_features(snap)
    without = extract_features(snap, fingerprint=False)
    assert with_fp.fingerprint == dom_fingerprint(snap.pages[0].html) != 0
    assert without.fingerprint is None
    assert without.values.keys() == with_fp.values.keys()
    assert all(without.values[k] == with_fp.values[k] or
               (math.isnan(without.values[k]) and math.isnan(with_fp.values[k]))
               for k in with_fp.values)
    assert without.evidence == with_fp.evidence


def test_parked_page_and_free_hosting() -> None:
    parked = extract_features(_one_page("https://atfx-global.net/",
                                        "<p>This domain is for sale! Buy this domain.</p>"))
    assert parked.values["parked_page"] == 1.0
    ev = parked.evidence["parked_page"][0]
    assert ev.quote.lower().startswith("this domain is for sale")
    hosted = extract_features(_one_page("https://atfx-invest.github.io/", "<p>x</p>"))
    assert hosted.values["free_hosting"] == 1.0
    assert "github.io" in hosted.evidence["free_hosting"][0].quote
    assert extract_features(_one_page("https://www.atfx.com/", "<p>x</p>")).values[
        "free_hosting"] == 0.0
    assert math.isnan(extract_features(Snapshot(url=None, pages=(Page(None, "<p>x</p>"),)))
                      .values["free_hosting"])


def test_the_catalogue_names_every_feature_once() -> None:
    from fakeinvest.features import CATALOGUE, Feature
    from fakeinvest.features._extract import ALL_FEATURES, MODEL_FEATURES, SCHEME_FEATURES
    from fakeinvest.features.lexicon import SIGNALS

    names = [f.name for f in CATALOGUE]
    assert len(names) == len(set(names)) == len(ALL_FEATURES)
    assert set(SIGNALS) <= set(names)
    assert {f.group for f in CATALOGUE} == {"scheme", "support", "impersonation", "context"}
    assert MODEL_FEATURES[: len(SCHEME_FEATURES)] == SCHEME_FEATURES
    assert all(isinstance(f, Feature) and f.description for f in CATALOGUE)
