"""Verdict and Reason: JSON form, failed verdicts, error kinds."""

from __future__ import annotations

import json
import math

from fakeinvest import errors
from fakeinvest.verdict import Reason, Verdict


def test_failed_verdict_is_not_a_clean_bill() -> None:
    v = Verdict.failed("http://x.example/",
                       errors.FetchTimeoutError("site not fetched within 30 s"), "m1")
    assert v.error_kind == "timeout"
    assert math.isnan(v.probability) and v.flagged is False
    d = json.loads(json.dumps(v.to_dict()))
    assert d["probability"] is None and d["error"].startswith("timeout")
    assert "could not analyse" in str(v)


def test_to_dict_is_json_and_nan_free() -> None:
    v = Verdict(url="u", probability=0.9, flagged=True, threshold=0.5,
                reasons=[Reason("guarantee", 1.23456789, "«guaranteed profit»", "u/p", 2.0,
                                "scheme")],
                features={"domain_age_days": math.nan, "guarantee": 2.0}, model_version="m")
    text = json.dumps(v.to_dict(), allow_nan=False)
    d = json.loads(text)
    assert d["features"]["domain_age_days"] is None
    assert d["reasons"][0] == {"feature": "guarantee", "contribution": 1.234568,
                               "evidence": "«guaranteed profit»", "page_url": "u/p",
                               "value": 2.0, "kind": "scheme"}
    assert v.error_kind is None
    assert "FLAGGED" in str(v)
