"""The public API contract, end to end against the example sites on 127.0.0.1."""

from __future__ import annotations

import dataclasses
import json
import math
import subprocess
import sys

import pytest

import fakeinvest
from fakeinvest import errors
from fakeinvest.testing._servers import SiteServer, WhoisServer

SCAM_SITES = ("atfx-vn.com", "coinyield-capital.biz")
LEGIT_SITES = ("harbourline-markets.co.uk", "riverside-bakery.com")


def test_import_is_lazy() -> None:
    code = ("import sys, fakeinvest; "
            "bad = [m for m in ('sklearn', 'aiohttp', 'numpy', 'whois', 'selectolax') "
            "if m in sys.modules]; print(bad)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.strip()
    assert out == "[]"


def test_scan_many_flags_scams_and_clears_legit(site_server: SiteServer, whois_env: WhoisServer,
                                               demo_config) -> None:
    urls = [site_server.url(h) for h in SCAM_SITES + LEGIT_SITES]
    verdicts = list(fakeinvest.scan_many(urls, config=demo_config,
                                         allow_private=["127.0.0.0/8"]))
    assert [v.url for v in verdicts] == urls  # input order
    by_host = dict(zip(SCAM_SITES + LEGIT_SITES, verdicts, strict=True))
    for host in SCAM_SITES:
        v = by_host[host]
        assert v.error is None
        assert v.flagged, (host, v.probability)
        assert 0.0 <= v.probability <= 1.0
        top = [r for r in v.reasons if r.contribution > 0][:3]
        assert len(top) == 3
        for r in top:  # every top reason is traceable to a quote on a page
            assert r.evidence and r.page_url and host in r.page_url
    for host in LEGIT_SITES:
        v = by_host[host]
        assert v.error is None
        assert not v.flagged, (host, v.probability, [r.feature for r in v.reasons[:5]])
    atfx = by_host["atfx-vn.com"]
    assert atfx.features["brand_impersonation"] == 1.0
    assert atfx.features["brand_lookalike_domain"] == 1.0
    assert 20 <= atfx.features["domain_age_days"] <= 26
    assert atfx.features["return_max_daily_pct"] >= 24
    assert len(atfx.pages) >= 5
    bakery = by_host["riverside-bakery.com"]
    assert bakery.features["domain_age_days"] > 5000


def test_scan_single_site_and_to_dict(site_server: SiteServer, whois_env: WhoisServer,
                                      demo_config) -> None:
    v = fakeinvest.scan(site_server.url("coinyield-capital.biz"), config=demo_config,
                        allow_private=["127.0.0.0/8"])
    d = json.loads(json.dumps(v.to_dict()))
    assert d["url"] == v.url and d["flagged"] is True
    assert d["model_version"] == v.model_version != ""
    assert {"feature", "contribution", "evidence", "page_url"} <= set(d["reasons"][0])
    assert d["domain"]["created"] is not None


def test_scan_raises_a_kinded_error(site_server: SiteServer, demo_config) -> None:
    with pytest.raises(errors.FetchError) as info:
        fakeinvest.scan(site_server.url("127.0.0.1", "/missing"), config=demo_config,
                        whois=False)
    assert info.value.kind == "http_status"


def test_scan_refuses_private_addresses_by_default(site_server: SiteServer) -> None:
    with pytest.raises(errors.BlockedAddressError):
        fakeinvest.scan(site_server.url("127.0.0.1"), whois=False)


def test_scan_many_turns_failures_into_verdicts(site_server: SiteServer, demo_config) -> None:
    urls = [site_server.url("127.0.0.1", "/binary"), "ftp://nope.example/",
            site_server.url("riverside-bakery.com"), site_server.url("127.0.0.1", "/loop-a")]
    verdicts = list(fakeinvest.scan_many(urls, whois=False, config=demo_config,
                                         allow_private=["127.0.0.0/8"]))
    assert [v.error_kind for v in verdicts] == ["not_html", "bad_input", None,
                                                "too_many_redirects"]
    assert math.isnan(verdicts[0].probability) and not verdicts[0].flagged
    assert json.dumps(verdicts[0].to_dict())  # NaN serialised as null


def test_score_html_is_offline_and_explains() -> None:
    html = """<html><head><title>Golden Yield</title></head><body>
    <h2>Investment plans</h2><p>Starter: 3% daily for 30 days. VIP: 250% after 7 days.</p>
    <p>Referral bonus 10% for 1st level, 5% for 2nd level.</p>
    <p>A 15% tax must be paid before your withdrawal can be processed.</p>
    <p>Deposit with Bitcoin or USDT TRC20 only. Guaranteed profit, no risk.</p></body></html>"""
    v = fakeinvest.score_html(html)
    assert v.flagged and v.error is None
    assert v.features["return_max_daily_pct"] == pytest.approx(250 / 7, rel=1e-3)
    assert math.isnan(v.features["domain_age_days"])
    assert any(r.feature == "withdrawal_obstruction" and "tax" in r.evidence for r in v.reasons)


def test_score_html_plain_article_not_flagged() -> None:
    html = ("<html><head><title>Town council approves new library</title></head><body><p>"
            + "The council voted on Tuesday to fund a new public library near the river. " * 20
            + "</p></body></html>")
    v = fakeinvest.score_html(html, url="https://localnews.example.org/library")
    assert not v.flagged
    assert v.features["url_hyphens"] == 0


def test_score_html_rejects_bytes() -> None:
    with pytest.raises(errors.BadInputError, match="decode"):
        fakeinvest.score_html(b"<html></html>")  # type: ignore[arg-type]


def test_rescoring_the_same_snapshot_is_deterministic(site_server: SiteServer,
                                                     whois_env: WhoisServer,
                                                     demo_config) -> None:
    from fakeinvest.api import score_snapshot, snapshot_site

    snap = snapshot_site(site_server.url("atfx-vn.com"), config=demo_config,
                         allow_private=["127.0.0.0/8"])
    a, b = score_snapshot(snap), score_snapshot(snap)
    assert a.to_dict() == b.to_dict()


def test_scan_many_unordered_yields_fast_sites_before_slow_ones(
        site_server: SiteServer, hostile, demo_config) -> None:
    cfg = dataclasses.replace(demo_config, site_deadline=3.0,
                              resolve={**demo_config.resolve, "slow-drip.test": "127.0.0.1"})
    urls = [hostile.url("slow-drip.test"), site_server.url("riverside-bakery.com")]
    got = list(fakeinvest.scan_many(urls, whois=False, config=cfg, ordered=False))
    assert [v.url for v in got] == urls[::-1]  # the bakery did not wait for the drip
    assert got[1].error_kind == "timeout" and got[1].elapsed <= 3.0 + 1.0
    assert got[0].error is None and got[0].elapsed < 3.0


def test_scan_many_stops_crawling_when_closed_early(site_server: SiteServer, hostile,
                                                    demo_config) -> None:
    import time

    cfg = dataclasses.replace(demo_config, site_deadline=20.0,
                              resolve={**demo_config.resolve, "hang.test": "127.0.0.1"})
    urls = [site_server.url("riverside-bakery.com")] + [hostile.url("hang.test")] * 3
    gen = fakeinvest.scan_many(urls, whois=False, config=cfg, ordered=False)
    first = next(gen)
    t0 = time.monotonic()
    gen.close()  # the three hanging sites are cancelled, not waited for
    assert first.error is None
    assert time.monotonic() - t0 < 5.0


def test_scan_many_reads_urls_lazily(site_server: SiteServer, demo_config) -> None:
    pulled = []

    def urls():
        for i in range(50):
            pulled.append(i)
            yield site_server.url("riverside-bakery.com", f"/?n={i}")

    gen = fakeinvest.scan_many(urls(), whois=False, config=demo_config, concurrency=2)
    next(gen)
    gen.close()
    assert len(pulled) < 10  # a huge list is never read into memory up front


def test_score_many_gives_each_item_its_own_verdict() -> None:
    """Batched offline scoring: snapshots and HTML strings, lazily, in input order, each
    verdict the one score_snapshot / score_html gives for the item alone."""
    from fakeinvest.api import score_html, score_many, score_snapshot
    from fakeinvest.demo import demo_site_dirs
    from fakeinvest.snapshot import Page, Snapshot

    files = [f for d in demo_site_dirs().values() for f in sorted(d.glob("*.html"))]
    html = [f.read_text(encoding="utf-8") for f in files]
    snaps = [Snapshot(url=f"https://{f.parent.name}/{f.name}",
                      pages=(Page(f"https://{f.parent.name}/{f.name}", h),))
             for f, h in zip(files, html, strict=True)]
    items = [x for pair in zip(snaps, html, strict=True) for x in pair]
    expected = [score_snapshot(s) if isinstance(s, Snapshot) else score_html(s)
                for s in items]
    consumed = []

    def lazily():
        for item in items:
            consumed.append(item)
            yield item

    gen = score_many(lazily(), batch_size=3)
    first = next(gen)
    assert len(consumed) == 3  # one batch read, not the whole input
    got = [first, *gen]
    assert [v.url for v in got] == [v.url for v in expected]
    for a, b in zip(got, expected, strict=True):
        assert a.probability == pytest.approx(b.probability, abs=1e-12)
        assert a.reasons == b.reasons and a.flagged == b.flagged
    assert list(score_many([])) == []
    with pytest.raises(errors.BadInputError, match="batch_size"):
        list(score_many(html, batch_size=0))
    with pytest.raises(errors.BadInputError, match="Snapshot"):
        list(score_many([b"<html></html>"]))


def test_the_library_logs_through_logging_and_installs_no_handler(
        site_server: SiteServer, demo_config, caplog: pytest.LogCaptureFixture) -> None:
    import logging

    caplog.set_level(logging.DEBUG, logger="fakeinvest")
    verdicts = list(fakeinvest.scan_many([site_server.url("coinyield-capital.biz")],
                                         whois=False, config=demo_config))
    assert verdicts[0].flagged
    names = {r.name for r in caplog.records}
    assert {"fakeinvest", "fakeinvest.web"} <= names
    assert any("P=" in r.getMessage() for r in caplog.records)
    assert logging.getLogger("fakeinvest").handlers == []
