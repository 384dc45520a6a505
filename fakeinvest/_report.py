"""A case report: one self-contained HTML file an officer can attach to a case file.

It holds the scan's provenance (when, with which fakeinvest and model, the WARC files and
their digests), the campaigns linking the sites, and per site the verdict card (reasons
with their quotes and pages), the indicators and, where the site was rendered, the
screenshot of what the victim saw (read from the WARC snapshot). Everything is inline
(CSS and images as data URIs), no script, every text escaped: quotes come from hostile
pages. Pure: a function of verdicts and, optionally, the snapshot directory.
"""

from __future__ import annotations

import dataclasses
import html
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ._campaigns import campaigns
from ._files import file_sha256, read_json_lines
from ._version import __version__
from .errors import BadInputError
from .notebook._cards import verdict_html
from .verdict import Verdict
from .warc import INDEX_NAME, load_snapshot

__all__ = ["case_report"]

_STYLE = ("body{font-family:system-ui,sans-serif;margin:24px;color:#222;max-width:1100px}"
          "table{border-collapse:collapse;font-size:12px;margin:6px 0}"
          "td,th{border:1px solid #ccc;padding:3px 6px;text-align:left;vertical-align:top;"
          "word-break:break-all}h1{font-size:20px}h2{font-size:16px;margin-top:28px}"
          ".site{margin:18px 0;padding-top:8px;border-top:2px solid #ddd}")


def _e(text: object) -> str:
    return html.escape("" if text is None else str(text), quote=True)


def _index(snapshots: Path | None) -> dict[str, dict[str, Any]]:
    """The latest index entry of each scanned URL in a snapshot directory."""
    out: dict[str, dict[str, Any]] = {}
    if snapshots is None:
        return out
    index = snapshots / INDEX_NAME
    if not index.is_file():
        raise BadInputError(f"{snapshots} has no {INDEX_NAME}: give the --snapshots directory "
                            "a scan wrote")
    for entry in read_json_lines(index):
        if isinstance(entry.get("url"), str):
            out[entry["url"]] = entry
    return out


def _table(headers: Iterable[str], rows: Iterable[Iterable[object]]) -> str:
    head = "".join(f"<th>{_e(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{_e(c)}</td>" for c in row) + "</tr>"
                   for row in rows)
    return f"<table><tr>{head}</tr>{body}</table>"


def case_report(verdicts: Iterable[Verdict | Mapping[str, Any]], *,
                snapshots: str | Path | None = None, title: str = "Case report") -> str:
    """The case report of some verdicts, as one HTML document.

    Parameters
    ----------
    verdicts : iterable of Verdict or dict
        Verdicts or the dicts of their JSON lines.
    snapshots : str or Path, optional
        The snapshot directory of the scan (``scan --snapshots``): the report then names
        each site's WARC file with its SHA-256 and page digests, and shows the screenshots
        of rendered sites. Snapshots are verified as they are read.
    title : str

    Returns
    -------
    str

    Raises
    ------
    fakeinvest.errors.BadInputError
        ``snapshots`` is no snapshot directory.
    fakeinvest.errors.SnapshotIntegrityError
        A snapshot the report would cite was altered.
    """
    items = [v if isinstance(v, Verdict) else Verdict.from_dict(v) for v in verdicts]
    folder = Path(snapshots) if snapshots is not None else None
    index = _index(folder)
    found = campaigns(items)
    by_site = {u: c.id for c in found for u in c.sites}
    generated = datetime.now(UTC).replace(microsecond=0).isoformat()
    models = sorted({v.model_version for v in items if v.model_version})
    flagged = sum(v.flagged for v in items)
    failed = sum(v.error is not None for v in items)
    parts = [f"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
             f"<title>{_e(title)}</title><style>{_STYLE}</style></head><body>",
             f"<h1>{_e(title)}</h1>",
             _table(("generated", "tool", "model", "sites", "flagged", "could not analyse"),
                    [(generated, f"fakeinvest {__version__}", ", ".join(models) or "n/a",
                      len(items), flagged, failed)]),
             "<h2>Campaigns</h2>"]
    if found:
        for c in found:
            parts.append(f"<p><b>{_e(c.id)}</b>: {len(c.sites)} sites, {c.flagged} flagged, "
                         f"scanned {_e(c.first_scan)} to {_e(c.last_scan)}</p>")
            parts.append(_table(("link", "shared value", "site", "site"),
                                [(link.type, link.value, link.a, link.b) for link in c.links]))
    else:
        parts.append("<p>No two sites share a wallet, contact, licence number or kit.</p>")
    parts.append("<h2>Sites</h2>")
    for v in items:
        shown = v
        entry = index.get(v.url)
        provenance = [("scanned", v.scanned_at or "n/a"),
                      ("campaign", by_site.get(v.url, "none"))]
        if entry is not None and folder is not None:
            path = folder / str(entry.get("file"))
            if path.is_file():
                snap = load_snapshot(path)  # verified: digests, records, index
                shown = dataclasses.replace(v, screenshots={
                    p.url: p.screenshot for p in snap.pages if p.url and p.screenshot})
                provenance.append(("WARC file", f"{path.name} (SHA-256 {file_sha256(path)})"))
                for page in entry.get("pages") or []:
                    provenance.append((f"page {page.get('role')}",
                                       f"{page.get('url')} (payload {page.get('digest')})"))
        parts.append(f'<div class="site">{verdict_html(shown)}')
        parts.append(_table(("provenance", ""), provenance))
        if v.indicators:
            parts.append(_table(("indicator", "value", "page", "quote"),
                                [(f"{i.get('type')}" + (f" ({i['network']})" if i.get("network")
                                                         else ""), i.get("value"),
                                  i.get("page_url"), i.get("quote")) for i in v.indicators]))
        parts.append("</div>")
    parts.append("</body></html>")
    return "".join(parts)
