"""The shipped model judges the scheme, not the topic (hand-written pages in tests/pages).

Honest broker, exchange and bank pages (English and Vietnamese) stay below the threshold;
ATFX-style platform sites (Vietnamese, Thai, English) are flagged; every flagged verdict
carries scheme evidence; vocabulary alone never flags; impersonation never lowers a score.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from fakeinvest.api import score_snapshot
from fakeinvest.model._model import load_model
from fakeinvest.snapshot import Page, Snapshot
from fakeinvest.verdict import Verdict

PAGES = Path(__file__).parent / "pages"
HONEST = sorted((PAGES / "honest").glob("*.html"))
SCHEME = sorted((PAGES / "scheme").glob("*.html"))


def _site(files: list[Path], url: str) -> Snapshot:
    pages = tuple(Page(url=url + f.name, html=f.read_text(encoding="utf-8"),
                       role="landing" if i == 0 else "key") for i, f in enumerate(files))
    return Snapshot(url=url, pages=pages)


def _assert_scheme_evidence(v: Verdict) -> None:
    scheme = [r for r in v.reasons if r.kind == "scheme" and r.contribution > 0]
    assert scheme, [(r.feature, r.kind, r.contribution) for r in v.reasons]
    assert all(r.evidence for r in scheme)


def test_fixture_pages_exist() -> None:
    assert len(HONEST) >= 15 and len(SCHEME) >= 10


@pytest.mark.parametrize("name", [p.name for p in HONEST])
def test_honest_page_is_not_flagged(name: str) -> None:
    path = PAGES / "honest" / name
    v = score_snapshot(Snapshot.from_html(path.read_text(encoding="utf-8"),
                                          url="https://www.example-broker.com/"))
    assert not v.flagged, (v.probability, [(r.feature, r.contribution) for r in v.reasons[:6]])


@pytest.mark.parametrize("prefix", ["en_broker", "en_exchange", "en_bank", "vi_broker",
                                    "vi_bank"])
def test_honest_site_is_not_flagged(prefix: str) -> None:
    files = [p for p in HONEST if p.name.startswith(prefix)]
    v = score_snapshot(_site(files, "https://www.example-firm.com/"))
    assert not v.flagged, (v.probability, [(r.feature, r.contribution) for r in v.reasons[:6]])


@pytest.mark.parametrize("lang", ["vi", "th", "en"])
def test_atfx_style_site_is_flagged_with_scheme_evidence(lang: str) -> None:
    files = [p for p in SCHEME if p.name.startswith(lang + "_")]
    landing = [p for p in files if "landing" in p.name]
    v = score_snapshot(_site(landing + [p for p in files if p not in landing],
                             "https://atfx-global.vip/"))
    assert v.flagged, (v.probability, [(r.feature, r.contribution) for r in v.reasons[:6]])
    _assert_scheme_evidence(v)


@pytest.mark.parametrize("path", SCHEME, ids=lambda p: p.name)
def test_every_flagged_scheme_page_carries_scheme_evidence(path: Path) -> None:
    v = score_snapshot(Snapshot.from_html(path.read_text(encoding="utf-8")))
    if v.flagged:
        _assert_scheme_evidence(v)


def test_trading_vocabulary_alone_never_flags() -> None:
    """A page made of the model's strongest fraud-leaning words and no scheme signal."""
    model = load_model()
    names = model._feature_names()
    coef = model.pipeline.named_steps["clf"].coef_[0]
    terms = [names[i].removeprefix("text__") for i in coef.argsort()[::-1]
             if names[i].startswith("text__")][:300]
    html = "<html><head><title>Markets</title></head><body>" + "".join(
        f"<p>{t.capitalize()} {terms[(i + 7) % len(terms)]}.</p>" for i, t in enumerate(terms)
    ) + "</body></html>"
    v = score_snapshot(Snapshot.from_html(html))
    scheme = [r for r in v.reasons if r.kind == "scheme" and r.contribution > 0]
    if not scheme:
        assert not v.flagged
        assert v.probability < model.threshold


def test_impersonation_raises_the_score_never_lowers_it() -> None:
    html = (PAGES / "scheme" / "en_landing.html").read_text(encoding="utf-8")
    own_site = Snapshot.from_html(html, url="https://www.atfx.com/")
    off_site = Snapshot.from_html(html, url="https://atfx-global.vip/")
    scores = load_model().decision_function([own_site, off_site])
    assert scores[1] > scores[0]
    off = score_snapshot(off_site)
    imp = [r for r in off.reasons if r.feature in ("brand_impersonation", "brand_lookalike_domain",
                                                   "licence_impersonation")]
    assert imp and imp[0].contribution > 0 and imp[0].kind == "scheme"
    assert not any(r.feature in ("brand_claim", "brand_mentions") and r.contribution != 0
                   for r in off.reasons)
