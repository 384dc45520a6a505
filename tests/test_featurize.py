"""Snapshot features: values, evidence traceability, the scikit-learn transformer contract."""

from __future__ import annotations

import math

import numpy as np
import pytest
from sklearn.base import clone

from fakeinvest.featurize import (
    ALL_FEATURES,
    FEATURE_DESCRIPTIONS,
    MODEL_FEATURES,
    SnapshotFeaturizer,
    extract_features,
)
from fakeinvest.snapshot import Page, Snapshot

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
