"""Cases in the formats partner agencies import: STIX 2.1, MISP events, CSV.

Each format is produced with its ecosystem's own library: ``stix2`` builds the STIX
bundle (the site as ``infrastructure``, one ``indicator`` with a STIX pattern per
indicator, ``indicates`` relationships, and the verdict as a ``note`` with the
probability and the reasons), ``pymisp`` the MISP event (attributes and objects, written
as JSON offline); CSV comes from the standard library, one row per site or one per
indicator. Pure functions of verdicts (objects or the dicts of their JSON lines).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from typing import Any

from ._optional import require
from ._version import __version__
from .errors import BadInputError
from .verdict import Verdict

__all__ = ["EXPORT_FORMATS", "export", "to_csv_indicators", "to_csv_sites", "to_misp",
           "to_stix"]

EXPORT_FORMATS = ("stix", "misp", "csv", "csv-indicators")

_MESSENGERS = ("telegram", "whatsapp", "zalo", "line", "wechat", "skype")


def _rows(verdicts: Iterable[Verdict | Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    return [v.to_dict() if isinstance(v, Verdict) else v for v in verdicts]


def _quote_stix(value: str) -> str:
    return value.replace("\\", "\\\\").replace("'", "\\'")


def _pattern(ind: Mapping[str, Any]) -> str | None:
    kind, value = ind.get("type"), _quote_stix(str(ind.get("value", "")))
    if kind == "wallet":
        return f"[x-crypto-wallet:address = '{value}']"
    if kind in _MESSENGERS:
        return (f"[user-account:account_login = '{value}' AND "
                f"user-account:account_type = '{kind}']")
    if kind == "phone":
        return f"[x-phone-number:value = '{value}']"
    if kind == "email":
        return f"[email-addr:value = '{value}']"
    if kind in ("domain", "name_server"):
        return f"[domain-name:value = '{value}']"
    if kind == "ip":
        return f"[ipv4-addr:value = '{value}']" if ":" not in value \
            else f"[ipv6-addr:value = '{value}']"
    return None


def _when(row: Mapping[str, Any]) -> datetime:
    raw = row.get("scanned_at")
    try:
        return datetime.fromisoformat(raw) if isinstance(raw, str) else datetime.now(UTC)
    except ValueError:
        return datetime.now(UTC)


def _summary(row: Mapping[str, Any]) -> str:
    p = row.get("probability")
    reasons = "; ".join(f"{r.get('feature')} {r.get('contribution', 0):+.2f}: "
                        f"{str(r.get('evidence', ''))[:200]} ({r.get('page_url')})"
                        for r in (row.get("reasons") or [])[:8]
                        if isinstance(r, Mapping) and r.get("contribution"))
    verdict = "FRAUD" if row.get("flagged") else "not flagged"
    prob = "n/a" if p is None else f"{float(p):.3f}"
    return (f"fakeinvest {__version__}, model {row.get('model_version')}: {verdict}, "
            f"P(fraud) = {prob} (threshold {row.get('threshold')}). Reasons: {reasons}")


def to_stix(verdicts: Iterable[Verdict | Mapping[str, Any]]) -> Any:
    """A STIX 2.1 bundle of the analysed sites.

    Parameters
    ----------
    verdicts : iterable of Verdict or dict

    Returns
    -------
    stix2.Bundle
        Per site an ``infrastructure`` (its URL), an ``indicator`` per indicator with a
        STIX pattern (wallets as ``x-crypto-wallet``, phone numbers as
        ``x-phone-number``, messenger contacts as ``user-account`` with their
        ``account_type``), ``indicates`` relationships, and a ``note`` with the
        probability and reasons.

    Raises
    ------
    fakeinvest.errors.MissingDependencyError
        ``stix2`` is not installed (``pip install "fakeinvest[cases]"``).
    """
    stix2 = require("stix2", "cases")
    objects: list[Any] = []
    identity = stix2.Identity(name="fakeinvest", identity_class="system",
                              description=f"fakeinvest {__version__}")
    objects.append(identity)
    for row in _rows(verdicts):
        if row.get("error"):
            continue
        when = _when(row)
        url = str(row.get("url"))
        infra = stix2.Infrastructure(
            name=url, infrastructure_types=["phishing"], created_by_ref=identity,
            description=f"Investment platform site {url}, scanned {when.isoformat()}",
            first_seen=when, created=when, modified=when)
        objects.append(infra)
        for ind in row.get("indicators") or []:
            pattern = _pattern(ind)
            if pattern is None:
                continue
            indicator = stix2.Indicator(
                name=f"{ind.get('type')} {ind.get('value')}", pattern=pattern,
                pattern_type="stix", valid_from=when, created_by_ref=identity,
                indicator_types=["malicious-activity"] if row.get("flagged") else ["unknown"],
                description=f"seen on {ind.get('page_url') or url}: {ind.get('quote')}")
            objects += [indicator, stix2.Relationship(indicator, "indicates", infra,
                                                      created_by_ref=identity)]
        objects.append(stix2.Note(
            abstract=f"fakeinvest verdict: {'FRAUD' if row.get('flagged') else 'not flagged'}",
            content=_summary(row), object_refs=[infra], created_by_ref=identity))
    return stix2.Bundle(objects=objects, allow_custom=True)


_MISP_TYPES = {"email": "email", "domain": "domain", "name_server": "hostname",
               "phone": "phone-number", "ip": "ip-dst"}


def to_misp(verdicts: Iterable[Verdict | Mapping[str, Any]]) -> Any:
    """A MISP event of the analysed sites (offline: no MISP server is contacted).

    Parameters
    ----------
    verdicts : iterable of Verdict or dict

    Returns
    -------
    pymisp.MISPEvent
        Per site a ``url`` attribute with the verdict as its comment, an attribute per
        indicator (``btc`` for Bitcoin wallets, ``text`` with a ``wallet:``/messenger
        prefix for the others, ``phone-number``, ``email``, ``domain``), and an
        ``annotation`` object holding the verdict and its reasons.

    Raises
    ------
    fakeinvest.errors.MissingDependencyError
        ``pymisp`` is not installed (``pip install "fakeinvest[cases]"``).
    """
    pymisp = require("pymisp", "cases")
    rows = _rows(verdicts)
    event = pymisp.MISPEvent()
    event.info = f"fakeinvest: {len(rows)} investment platform site(s)"
    event.distribution = 0
    event.threat_level_id = 2
    event.analysis = 1
    event.add_tag("fakeinvest")
    for row in rows:
        if row.get("error"):
            continue
        url = str(row.get("url"))
        event.add_attribute("url", url, comment=_summary(row)[:1000], to_ids=False)
        for ind in row.get("indicators") or []:
            kind, value = ind.get("type"), str(ind.get("value", ""))
            comment = f"seen on {ind.get('page_url') or url}: {str(ind.get('quote'))[:300]}"
            if kind == "wallet" and ind.get("network") == "btc":
                event.add_attribute("btc", value, comment=comment, to_ids=True)
            elif kind in _MISP_TYPES:
                event.add_attribute(_MISP_TYPES[kind], value, comment=comment,
                                    to_ids=kind != "name_server")
            else:
                prefix = f"{kind} ({ind['network']})" if ind.get("network") else kind
                event.add_attribute("text", f"{prefix}: {value}", comment=comment,
                                    to_ids=False)
        note = pymisp.MISPObject("annotation", standalone=False)
        note.add_attribute("text", value=_summary(row))
        note.add_attribute("type", value="Analysis")
        note.comment = url
        event.add_object(note)
    return event


_SITE_COLUMNS = ("url", "flagged", "probability", "threshold", "error_kind", "scanned_at",
                 "model_version", "kit_fingerprint", "registrable_domain", "registered",
                 "top_reasons", "indicators")
_INDICATOR_COLUMNS = ("site", "type", "value", "network", "page_url", "quote", "flagged",
                      "probability")


def to_csv_sites(verdicts: Iterable[Verdict | Mapping[str, Any]]) -> str:
    """One CSV row per site: verdict, domain facts, top reasons, indicator count."""
    buf = io.StringIO()
    w = csv.DictWriter(buf, _SITE_COLUMNS)
    w.writeheader()
    for row in _rows(verdicts):
        domain = row.get("domain") or {}
        w.writerow({
            "url": row.get("url"), "flagged": row.get("flagged"),
            "probability": row.get("probability"), "threshold": row.get("threshold"),
            "error_kind": row.get("error_kind"), "scanned_at": row.get("scanned_at"),
            "model_version": row.get("model_version"),
            "kit_fingerprint": row.get("kit_fingerprint"),
            "registrable_domain": domain.get("domain"), "registered": domain.get("created"),
            "top_reasons": "; ".join(r.get("feature", "") for r in row.get("reasons") or []
                                     if isinstance(r, Mapping)
                                     and (r.get("contribution") or 0) > 0)[:500],
            "indicators": len(row.get("indicators") or []),
        })
    return buf.getvalue()


def to_csv_indicators(verdicts: Iterable[Verdict | Mapping[str, Any]]) -> str:
    """One CSV row per indicator, with its site and where it was seen."""
    buf = io.StringIO()
    w = csv.DictWriter(buf, _INDICATOR_COLUMNS)
    w.writeheader()
    for row in _rows(verdicts):
        for ind in row.get("indicators") or []:
            w.writerow({"site": row.get("url"), "type": ind.get("type"),
                        "value": ind.get("value"), "network": ind.get("network"),
                        "page_url": ind.get("page_url"), "quote": ind.get("quote"),
                        "flagged": row.get("flagged"), "probability": row.get("probability")})
    return buf.getvalue()


def export(verdicts: Iterable[Verdict | Mapping[str, Any]], fmt: str) -> str:
    """The verdicts in one of :data:`EXPORT_FORMATS`, as the text of a file.

    Raises
    ------
    fakeinvest.errors.BadInputError
        An unknown format.
    """
    if fmt == "stix":
        return to_stix(verdicts).serialize(pretty=True)
    if fmt == "misp":  # MISP's import format: {"Event": {...}}
        return json.dumps({"Event": json.loads(to_misp(verdicts).to_json())}, indent=1,
                          ensure_ascii=False)
    if fmt == "csv":
        return to_csv_sites(verdicts)
    if fmt == "csv-indicators":
        return to_csv_indicators(verdicts)
    raise BadInputError(f"unknown format {fmt!r}; choose from {', '.join(EXPORT_FORMATS)}")
