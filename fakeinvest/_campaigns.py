"""Campaigns: sites linked by what they share, as an investigator links them by hand.

Two sites are linked when they show the same wallet address, messenger contact
(Telegram, WhatsApp, Zalo, LINE, WeChat, Skype), phone number or e-mail address; when
they claim the same licence number from different registrable domains; or, when both are
flagged, when their landing pages' kit fingerprints are within a few bits. A campaign is
a connected component of two or more sites. Pure: a function of verdicts (objects or
the dicts of their JSON lines); nothing here touches the network.
"""

from __future__ import annotations

import itertools
import math
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from ._files import read_json_lines
from .errors import BadInputError
from .features.domain import registrable_domain
from .verdict import Verdict

__all__ = ["LINKING_TYPES", "Campaign", "Link", "campaigns", "campaigns_graphml",
           "format_campaigns", "read_verdict_lines"]

#: Indicator types that link two sites when both show the same value.
LINKING_TYPES = ("wallet", "telegram", "whatsapp", "zalo", "line", "wechat", "skype", "phone",
                 "email")
#: Kit fingerprints at most this many bits apart link two flagged sites.
DEFAULT_KIT_BITS = 3
# A licence number claimed: the longest run of digits (with letters around) in the claim.
_LICENCE_NUMBER = re.compile(r"[A-Z]{0,6}[ -]?\d{4,}[A-Z0-9/-]*", re.IGNORECASE)


@dataclass(frozen=True)
class Link:
    """Why two sites belong together.

    Attributes
    ----------
    a, b : str
        The two sites' URLs.
    type : str
        The indicator type (``wallet``, ``telegram`` ...), ``licence`` or ``kit``.
    value : str
        The shared value (for ``kit``, the two fingerprints and their distance).
    seen : tuple of dict
        Where it was seen on each site: ``{site, page_url, quote}``.
    """

    a: str
    b: str
    type: str
    value: str
    seen: tuple[dict[str, Any], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready."""
        return {"a": self.a, "b": self.b, "type": self.type, "value": self.value,
                "seen": [dict(s) for s in self.seen]}


@dataclass(frozen=True)
class Campaign:
    """Sites linked into one connected component.

    Attributes
    ----------
    id : str
        ``campaign-<n>``, numbered by size (largest first), then by first site.
    sites : list of str
        The sites' URLs, sorted.
    links : list of Link
        Every link between two of its sites.
    first_scan, last_scan : str or None
        Earliest and latest scan time (ISO 8601, UTC) among its sites.
    strongest : dict
        The site with the highest fraud probability: ``{url, probability, flagged}``.
    flagged : int
        How many of its sites are flagged.
    details : dict
        Per site URL: ``{probability, flagged}`` (the highest probability seen).
    """

    id: str
    sites: list[str]
    links: list[Link] = field(default_factory=list)
    first_scan: str | None = None
    last_scan: str | None = None
    strongest: dict[str, Any] = field(default_factory=dict)
    flagged: int = 0
    details: dict[str, dict[str, Any]] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready (``sites`` is the list of the sites' URLs)."""
        return {"id": self.id, "sites": list(self.sites),
                "links": [link.to_dict() for link in self.links],
                "first_scan": self.first_scan, "last_scan": self.last_scan,
                "strongest": dict(self.strongest), "flagged": self.flagged,
                "details": {u: dict(d) for u, d in self.details.items()}}


def read_verdict_lines(paths: Iterable[str | Path]) -> list[dict[str, Any]]:
    """The verdicts of JSON-lines files (``scan --output``/``--json``, part files).

    Parameters
    ----------
    paths : iterable of str or Path

    Returns
    -------
    list of dict
        One per line that holds a verdict (a torn last line is skipped).

    Raises
    ------
    fakeinvest.errors.BadInputError
        A file cannot be read.
    """
    out: list[dict[str, Any]] = []
    for path in paths:
        try:
            out += [item for item in read_json_lines(path) if isinstance(item.get("url"), str)]
        except OSError as exc:
            raise BadInputError(f"cannot read {path}: {exc.strerror or exc}") from exc
    return out


def _as_dict(v: Verdict | Mapping[str, Any]) -> Mapping[str, Any]:
    return v.to_dict() if isinstance(v, Verdict) else v


def _licence_number(value: str) -> str | None:
    m = max(_LICENCE_NUMBER.findall(value), key=len, default=None)
    return re.sub(r"[\s-]", "", m).upper() if m else None


def _kit_pairs(fps: list[tuple[int, int]], bits: int) -> list[tuple[int, int, int]]:
    """Index pairs ``(i, j, distance)`` that connect the fingerprints at most ``bits``
    apart: the sites of one fingerprint in a chain, and one pair per two distinct
    fingerprints within ``bits``.

    The 64 bits are cut into ``bits + 1`` bands: two fingerprints that differ in at most
    ``bits`` bits agree on a whole band (pigeonhole), so only distinct fingerprints sharing
    a band value are compared, not every pair of sites.
    """
    by_value: dict[int, list[int]] = {}
    for i, fp in fps:
        by_value.setdefault(fp, []).append(i)
    out = [(a, b, 0) for members in by_value.values()
           for a, b in itertools.pairwise(members)]
    bands = bits + 1
    width = -(-64 // bands)
    buckets: dict[tuple[int, int], list[int]] = {}
    for fp in by_value:
        for band in range(bands):
            buckets.setdefault((band, (fp >> (band * width)) & ((1 << width) - 1)),
                               []).append(fp)
    seen: set[tuple[int, int]] = set()
    for members in buckets.values():
        for x, fa in enumerate(members):
            for fb in members[x + 1:]:
                pair = (min(fa, fb), max(fa, fb))
                if pair not in seen and (d := (fa ^ fb).bit_count()) <= bits:
                    seen.add(pair)
                    out.append((by_value[pair[0]][0], by_value[pair[1]][0], d))
    return sorted(out)


def campaigns(verdicts: Iterable[Verdict | Mapping[str, Any]], *,
              kit_bits: int = DEFAULT_KIT_BITS) -> list[Campaign]:
    """Link sites into campaigns.

    Parameters
    ----------
    verdicts : iterable of Verdict or dict
        Verdicts, or the dicts of their JSON lines (:func:`read_verdict_lines`). A site
        scanned several times counts once (its indicators are merged).
    kit_bits : int
        Kit fingerprints at most this many bits apart link two flagged sites (negative:
        no kit links).

    Returns
    -------
    list of Campaign
        Components of at least two sites, largest first.
    """
    sites: dict[str, dict[str, Any]] = {}
    for raw in verdicts:
        d = _as_dict(raw)
        url = d.get("url")
        if not isinstance(url, str) or not url:
            continue
        site = sites.setdefault(url, {"indicators": [], "scans": [], "probability": math.nan,
                                      "flagged": False, "kit": None})
        site["indicators"] += [i for i in d.get("indicators") or [] if isinstance(i, dict)]
        if d.get("scanned_at"):
            site["scans"].append(str(d["scanned_at"]))
        p = d.get("probability")
        if isinstance(p, int | float) and not isinstance(p, bool) and math.isfinite(p) and (
                math.isnan(site["probability"]) or p > site["probability"]):
            site["probability"] = float(p)
        site["flagged"] = site["flagged"] or d.get("flagged") is True
        if isinstance(d.get("kit_fingerprint"), str):
            site["kit"] = d["kit_fingerprint"]
    urls = sorted(sites)
    index = {u: i for i, u in enumerate(urls)}
    parent = list(range(len(urls)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    # Shared values: (type, value) -> [(site, indicator)].
    shared: dict[tuple[str, str], list[tuple[str, dict[str, Any]]]] = {}
    for url in urls:
        for ind in sites[url]["indicators"]:
            kind, value = ind.get("type"), ind.get("value")
            if not isinstance(value, str) or not value:
                continue
            if kind in LINKING_TYPES:
                key = (kind, value.lower() if kind != "wallet" else value)
            elif kind == "licence" and (number := _licence_number(value)):
                key = ("licence", number)
            else:
                continue
            bucket = shared.setdefault(key, [])
            if not any(u == url for u, _i in bucket):
                bucket.append((url, ind))
    links: list[Link] = []
    for (kind, value), holders in sorted(shared.items()):
        if kind == "licence":  # only a number claimed by unrelated domains links
            domains = {registrable_domain(u) or urlsplit(u).hostname for u, _i in holders}
            if len(domains) < 2:
                continue
        for (ua, ia), (ub, ib) in itertools.pairwise(holders):  # a chain links them all
            links.append(Link(ua, ub, kind, value, tuple(
                {"site": u, "page_url": i.get("page_url"), "quote": i.get("quote")}
                for u, i in ((ua, ia), (ub, ib)))))
    if 0 <= kit_bits < 64:
        fps = [(index[u], int(sites[u]["kit"], 16)) for u in urls
               if sites[u]["flagged"] and sites[u]["kit"]]
        for i, j, dist in _kit_pairs(fps, kit_bits):
            a, b = urls[i], urls[j]
            links.append(Link(a, b, "kit", f"{sites[a]['kit']} ~ {sites[b]['kit']} "
                                           f"({dist} bits apart)",
                              ({"site": a, "page_url": a, "quote": sites[a]["kit"]},
                               {"site": b, "page_url": b, "quote": sites[b]["kit"]})))
    for link in links:
        ra, rb = find(index[link.a]), find(index[link.b])
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    groups: dict[int, list[str]] = {}
    for url in urls:
        groups.setdefault(find(index[url]), []).append(url)
    components = sorted((g for g in groups.values() if len(g) >= 2),
                        key=lambda g: (-len(g), g[0]))
    out = []
    for n, members in enumerate(components, 1):
        member_set = set(members)
        scans = sorted(s for u in members for s in sites[u]["scans"])
        best = max(members, key=lambda u: (-1.0 if math.isnan(sites[u]["probability"])
                                          else sites[u]["probability"]))
        out.append(Campaign(
            id=f"campaign-{n}", sites=members,
            links=[link for link in links if link.a in member_set],
            first_scan=scans[0] if scans else None, last_scan=scans[-1] if scans else None,
            strongest={"url": best, "probability": None if math.isnan(
                sites[best]["probability"]) else sites[best]["probability"],
                "flagged": sites[best]["flagged"]},
            flagged=sum(sites[u]["flagged"] for u in members),
            details={u: {"probability": None if math.isnan(sites[u]["probability"])
                         else sites[u]["probability"], "flagged": sites[u]["flagged"]}
                     for u in members}))
    return out


def format_campaigns(found: list[Campaign]) -> str:
    """A plain-text table: one block per campaign, its sites and what links them."""
    if not found:
        return "no campaign: no two sites share a wallet, contact, licence number or kit"
    lines = []
    for c in found:
        p = c.strongest.get("probability")
        lines.append(f"{c.id}: {len(c.sites)} sites, {c.flagged} flagged, strongest "
                     f"{c.strongest.get('url')} (P={'n/a' if p is None else f'{p:.3f}'}), "
                     f"scanned {c.first_scan or '?'} .. {c.last_scan or '?'}")
        for url in c.sites:
            lines.append(f"    {url}")
        for link in c.links:
            lines.append(f"    - {link.type} {link.value}: {link.a} <-> {link.b}")
    return "\n".join(lines)


def campaigns_graphml(found: list[Campaign]) -> bytes:
    """The campaigns as a GraphML document (sites as nodes, links as edges).

    Node attributes: ``campaign``, ``probability``, ``flagged``; edge attributes:
    ``type``, ``value``. Gephi, Cytoscape, yEd and networkx open it.
    """
    ns = "http://graphml.graphdrawing.org/xmlns"
    ET.register_namespace("", ns)
    root = ET.Element(f"{{{ns}}}graphml")
    for key_id, target, name, kind in (("campaign", "node", "campaign", "string"),
                                       ("probability", "node", "probability", "double"),
                                       ("flagged", "node", "flagged", "boolean"),
                                       ("type", "edge", "type", "string"),
                                       ("value", "edge", "value", "string")):
        ET.SubElement(root, f"{{{ns}}}key", {"id": key_id, "for": target, "attr.name": name,
                                             "attr.type": kind})
    graph = ET.SubElement(root, f"{{{ns}}}graph", {"id": "campaigns",
                                                   "edgedefault": "undirected"})
    for c in found:
        for url in c.sites:
            node = ET.SubElement(graph, f"{{{ns}}}node", {"id": url})
            ET.SubElement(node, f"{{{ns}}}data", {"key": "campaign"}).text = c.id
            info = c.details.get(url, {})
            if info.get("probability") is not None:
                ET.SubElement(node, f"{{{ns}}}data", {"key": "probability"}).text = \
                    repr(float(info["probability"]))
            ET.SubElement(node, f"{{{ns}}}data", {"key": "flagged"}).text = \
                "true" if info.get("flagged") else "false"
        for n, link in enumerate(c.links):
            edge = ET.SubElement(graph, f"{{{ns}}}edge", {"id": f"{c.id}-e{n}",
                                                          "source": link.a, "target": link.b})
            ET.SubElement(edge, f"{{{ns}}}data", {"key": "type"}).text = link.type
            ET.SubElement(edge, f"{{{ns}}}data", {"key": "value"}).text = link.value
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)
