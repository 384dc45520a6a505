"""Verdicts as DataFrames, and labelled training records from saved scans."""

from __future__ import annotations

import builtins
import gzip
import json
import math
from pathlib import Path
from typing import Any

import pytest

import fakeinvest
from fakeinvest import errors
from fakeinvest.demo import DEMO_SITES
from fakeinvest.features._extract import ALL_FEATURES
from fakeinvest.notebook._frames import SITE_COLUMNS, reasons_to_dataframe, verdicts_to_dataframe
from fakeinvest.testing._servers import SiteServer, WhoisServer
from fakeinvest.training._corpus import iter_records, sample_corpus, snapshot_records, write_jsonl
from fakeinvest.verdict import Verdict

from .conftest import LOOPBACK

pd = pytest.importorskip("pandas")

SCAM_HTML = ("<html><body><p>VIP plan: 3% daily for 30 days, guaranteed profit. Withdrawal "
             "fee 20% to unlock your funds.</p></body></html>")
LABELS = {"atfx-vn.com": 1, "coinyield-capital.biz": 1, "harbourline-markets.co.uk": 0,
          "riverside-bakery.com": 0}


def test_to_dataframe_columns_and_values() -> None:
    scam = fakeinvest.score_html(SCAM_HTML, url="http://vip.example/")
    failed = Verdict.failed("http://down.example/", errors.DNSError("no such host"), "m1")
    df = fakeinvest.verdicts_to_dataframe(v for v in (scam, failed))  # a generator is fine
    assert list(df.columns) == [*SITE_COLUMNS, *ALL_FEATURES]
    assert len(df) == 2
    first, second = df.iloc[0], df.iloc[1]
    assert first.url == "http://vip.example/" and bool(first.flagged)
    assert first.probability == pytest.approx(scam.probability)
    assert first.n_pages == 1 and first.kit_fingerprint == scam.kit_fingerprint
    assert first.top_reasons.split("; ")[0] == scam.reasons[0].feature
    assert first.return_max_daily_pct == pytest.approx(3.0)
    assert second.error_kind == "dns" and not second.flagged
    assert math.isnan(second.probability) and math.isnan(second.threshold)
    assert df.loc[1, list(ALL_FEATURES)].isna().all()
    assert df[list(ALL_FEATURES)].dtypes.map(lambda t: t.kind == "f").all()


def test_empty_and_reasons_frames() -> None:
    assert list(verdicts_to_dataframe([]).columns) == [*SITE_COLUMNS, *ALL_FEATURES]
    scam = fakeinvest.score_html(SCAM_HTML, url="http://vip.example/")
    rf = reasons_to_dataframe([scam])
    assert len(rf) == len(scam.reasons)
    assert rf.iloc[0].feature == scam.reasons[0].feature and rf.iloc[0]["rank"] == 0
    assert fakeinvest.Verdicts([scam]).to_dataframe().url.tolist() == ["http://vip.example/"]


def test_missing_pandas_says_how_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    real_import = builtins.__import__

    def fake_import(name: str, *args: Any, **kwargs: Any) -> Any:
        if name == "pandas" or name.startswith("pandas."):
            raise ImportError("No module named 'pandas'")
        return real_import(name, *args, **kwargs)

    monkeypatch.delitem(__import__("sys").modules, "pandas")
    monkeypatch.setattr(builtins, "__import__", fake_import)
    with pytest.raises(ImportError, match=r'pip install "fakeinvest\[notebook\]"'):
        verdicts_to_dataframe([])


def test_snapshot_records_round_trip_to_training_format(
        site_server: SiteServer, whois_env: WhoisServer, demo_config, tmp_path: Path) -> None:
    urls = [site_server.url(h) for h in DEMO_SITES]
    verdicts = fakeinvest.Verdicts(fakeinvest.scan_many(
        urls, config=demo_config, allow_private=LOOPBACK, snapshot_dir=tmp_path / "snaps"))
    assert [v.flagged for v in verdicts] == [True, True, False, False]
    labels = {**LABELS}
    del labels["riverside-bakery.com"]  # unlabelled sites are skipped
    out = tmp_path / "labelled.jsonl.gz"
    n = write_jsonl(snapshot_records(tmp_path / "snaps", labels), out)
    records = list(iter_records(out))
    assert n == len(records) > 3
    assert {r["group"] for r in records} == set(labels)
    for r in records:
        assert r["label"] == labels[r["group"]] and r["html"] and r["url"].startswith("http")
    with gzip.open(out, "rt", encoding="utf-8") as fh:
        assert json.loads(fh.readline())["page_type"] == "landing"


def test_sample_corpus_is_stratified_and_reproducible(tmp_path: Path) -> None:
    path = tmp_path / "corpus.jsonl"
    recs = [{"html": f"<p>page {i}</p>", "label": int(i % 4 == 0), "group": f"g{i}",
             "family": "x"} for i in range(200)]
    write_jsonl(recs, path)
    snaps, y, meta = sample_corpus(path, n=40, seed=3)
    assert len(snaps) == len(y) == len(meta) == 40
    assert int(y.sum()) == 10  # the corpus's 25 % prevalence is kept
    assert "html" not in meta[0] and meta[0]["family"] == "x"
    again = sample_corpus(path, n=40, seed=3)[2]
    assert [m["group"] for m in meta] == [m["group"] for m in again]
    _s, yb, _m = sample_corpus(path, n=40, seed=3, balanced=True)
    assert int(yb.sum()) == 20 and len(yb) == 40
