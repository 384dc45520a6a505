"""Sharing formats, each checked by its ecosystem's own tools: STIX 2.1, MISP, CSV."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

import fakeinvest
from fakeinvest._export import export, to_stix
from fakeinvest.snapshot import Page, Snapshot

HTML = ("<html><head><title>ATFX</title></head><body><p>Nạp USDT TRC20 vào ví "
        "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t hoặc BTC 1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2, "
        "lợi nhuận 2%/ngày, rút tiền sau khi nâng cấp VIP. Email: cs@atfx-vn.com, "
        "hotline +84 912 345 678.</p><a href='https://t.me/atfxvn_support'>Telegram</a>"
        "</body></html>")


def _verdicts() -> list[fakeinvest.Verdict]:
    url = "https://atfx-vn.com/"
    scam = fakeinvest.score_snapshot(Snapshot(url=url, pages=(Page(url, HTML),)))
    bakery = fakeinvest.score_snapshot(Snapshot(
        url="https://riverside-bakery.com/", pages=(Page(
            "https://riverside-bakery.com/", "<p>Bread. hello@riverside-bakery.com</p>"),)))
    failed = fakeinvest.Verdict.failed("https://down.example/", OSError("refused"))
    return [scam, bakery, failed]


def test_stix_bundle_passes_the_stix_validator() -> None:
    validator = pytest.importorskip("stix2validator")
    text = export(_verdicts(), "stix")
    result = validator.validate_string(text, validator.ValidationOptions(version="2.1"))
    assert result.is_valid, [str(e) for e in result.errors]
    objects = json.loads(text)["objects"]
    kinds = [o["type"] for o in objects]
    assert kinds.count("infrastructure") == 2  # the failed site is not in the bundle
    patterns = [o["pattern"] for o in objects if o["type"] == "indicator"]
    assert "[x-crypto-wallet:address = 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t']" in patterns
    assert any("account_login = 'atfxvn_support'" in p for p in patterns)
    assert "[email-addr:value = 'cs@atfx-vn.com']" in patterns
    assert {o["relationship_type"] for o in objects if o["type"] == "relationship"} == \
        {"indicates"}
    note = next(o for o in objects if o["type"] == "note" and "FRAUD" in o["abstract"])
    assert "P(fraud) = " in note["content"] and "return" in note["content"]
    assert to_stix([]).objects[0].type == "identity"


def test_misp_event_loads_in_pymisp_with_valid_types_and_categories() -> None:
    pymisp = pytest.importorskip("pymisp")
    text = export(_verdicts(), "misp")
    event = pymisp.MISPEvent()
    event.load(json.loads(text))
    types = json.loads((Path(pymisp.__file__).parent / "data" / "describeTypes.json")
                       .read_text())["result"]
    for attribute in event.attributes:
        assert attribute.type in types["types"]
        assert attribute.type in types["category_type_mappings"][attribute.category]
    values = {(a.type, a.value) for a in event.attributes}
    assert ("btc", "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2") in values
    assert ("url", "https://atfx-vn.com/") in values
    assert ("phone-number", "+84912345678") in values
    assert any(v == "wallet (tron): TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t" for _t, v in values)
    assert [o.name for o in event.objects] == ["annotation", "annotation"]


def test_csv_one_row_per_site_and_one_per_indicator() -> None:
    verdicts = _verdicts()
    sites = list(csv.DictReader(io.StringIO(export(verdicts, "csv"))))
    assert [r["url"] for r in sites] == [v.url for v in verdicts]
    assert sites[0]["flagged"] == "True" and sites[2]["error_kind"] == "internal"
    rows = list(csv.DictReader(io.StringIO(export(verdicts, "csv-indicators"))))
    assert len(rows) == sum(len(v.indicators) for v in verdicts)
    wallet = next(r for r in rows if r["type"] == "wallet" and r["network"] == "tron")
    assert wallet["site"] == "https://atfx-vn.com/" and "ví" in wallet["quote"]


def test_cli_export_writes_each_format(tmp_path: Path) -> None:
    results = tmp_path / "r.jsonl"
    results.write_text("".join(json.dumps(v.to_dict()) + "\n" for v in _verdicts()),
                       encoding="utf-8")
    for fmt in ("stix", "misp", "csv", "csv-indicators"):
        out = tmp_path / f"case.{fmt}"
        res = subprocess.run([sys.executable, "-m", "fakeinvest.cli", "export", str(results),
                              "--format", fmt, "-o", str(out)], capture_output=True,
                             text=True, timeout=120)
        assert res.returncode == 0, res.stderr
        assert out.stat().st_size > 100
    bad = subprocess.run([sys.executable, "-m", "fakeinvest.cli", "export", str(results),
                          "--format", "pdf", "-o", str(tmp_path / "x")], capture_output=True,
                         text=True, timeout=120)
    assert bad.returncode == 2
