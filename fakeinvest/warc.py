"""Evidence snapshots as WARC files (warcio): save what a scan saw, re-score it offline.

A snapshot file holds, per page, a ``request`` and a ``response`` record (the body exactly
as received, after content decoding; timestamps and payload digests by warcio); for a page
rendered in a browser also a ``conversion`` record (the rendered DOM, ``WARC-Refers-To``
the response) and a ``resource`` record ``urn:view:<URL>`` (the PNG screenshot); then one
``metadata`` record (JSON) with what the verdict needs besides the pages: the scanned URL,
the scan time, the page roles and the WHOIS facts. :func:`load_snapshot` rebuilds the same
:class:`~fakeinvest.snapshot.Snapshot`, so re-scoring gives exactly the live verdict.

A directory of snapshots written by a scan also keeps ``index.jsonl``: per file, the URL,
scan time, each page's URL, role, status and payload digest, and the verdict in brief.
"""

from __future__ import annotations

import dataclasses
import hashlib
import io
import json
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from ._files import read_json_lines
from ._version import __version__
from .errors import BadInputError, SnapshotIntegrityError
from .snapshot import DomainFacts, Page, Snapshot, decode_html, payload_digest

if TYPE_CHECKING:
    from .verdict import Verdict

__all__ = ["INDEX_NAME", "append_index", "index_entry", "load_snapshot", "payload_digest",
           "save_snapshot", "snapshot_filename"]

#: The index file a snapshot directory keeps: one JSON line per saved snapshot.
INDEX_NAME = "index.jsonl"

_META_URI = "urn:fakeinvest:snapshot"
# Screenshots are resource records named like Browsertrix names them: urn:view:<page URL>.
_VIEW = "urn:view:"
# Pages of unknown origin get a placeholder HTTP URI (warcio parses HTTP headers only for
# http(s) targets); ".invalid" can never resolve (RFC 6761) and maps back to url=None.
_NO_URL = "http://unknown-origin.invalid/page-"
_DROP_HEADERS = {"content-encoding", "transfer-encoding", "content-length"}


def _warc_date(dt: datetime) -> str:
    return dt.strftime("%Y-%m-%dT%H:%M:%SZ")


_MAX_HOST_IN_NAME = 120


def snapshot_filename(snapshot: Snapshot) -> str:
    """A file name for a snapshot: ``<host>-<UTC time>-<URL hash>.warc.gz``.

    The short hash of the scanned URL keeps two URLs of one host, scanned in the same
    second, from overwriting each other.
    """
    try:
        host = urlsplit(snapshot.url or "").hostname or "page"
    except ValueError:
        host = "page"
    # File names are limited to 255 bytes: a long host name is cut (the hash tells apart).
    host = host.replace(":", "_").replace("/", "_")[:_MAX_HOST_IN_NAME]
    tag = hashlib.sha1((snapshot.url or "").encode("utf-8")).hexdigest()[:8]
    return f"{host}-{snapshot.fetched_at.strftime('%Y%m%dT%H%M%SZ')}-{tag}.warc.gz"


def index_entry(snapshot: Snapshot, path: str | Path,
                verdict: Verdict | None = None) -> dict[str, Any]:
    """One line of a snapshot directory's ``index.jsonl``.

    Parameters
    ----------
    snapshot : Snapshot
    path : str or Path
        The WARC file the snapshot was saved to.
    verdict : Verdict, optional
        The verdict of the scan, summarised on the line.

    Returns
    -------
    dict
        ``file``, ``url``, ``fetched_at``, ``pages`` (URL, role, status, payload digest),
        and, with a verdict, ``probability``, ``flagged`` and ``model_version``.
    """
    entry: dict[str, Any] = {
        "file": Path(path).name,
        "url": snapshot.url,
        "fetched_at": snapshot.fetched_at.isoformat(),
        "pages": [{"url": p.url, "role": p.role, "status": p.status,
                   "digest": payload_digest(p.raw if p.raw is not None
                                            else p.html.encode("utf-8"))}
                  for p in snapshot.pages],
    }
    if verdict is not None:
        entry.update(verdict.to_dict_summary())
    return entry


def append_index(directory: str | Path, entry: dict[str, Any]) -> None:
    """Append one entry to ``<directory>/index.jsonl`` (one JSON object per line)."""
    with open(Path(directory) / INDEX_NAME, "a", encoding="utf-8") as fh:
        fh.write(json.dumps(entry, ensure_ascii=False) + "\n")


def save_snapshot(snapshot: Snapshot, path: str | Path) -> Path:
    """Write a snapshot as a gzip-compressed WARC file.

    Parameters
    ----------
    snapshot : Snapshot
    path : str or Path
        The file to write; when it is an existing directory, a file named by
        :func:`snapshot_filename` is created inside it.

    Returns
    -------
    Path
        The file written.
    """

    path = Path(path)
    if path.is_dir():
        path = path / snapshot_filename(snapshot)
    date = _warc_date(snapshot.fetched_at)
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        writer.write_record(writer.create_warcinfo_record(
            path.name, {"software": f"fakeinvest {__version__}",
                        "format": "WARC File Format 1.1"}))
        for i, page in enumerate(snapshot.pages):
            uri = page.url or f"{_NO_URL}{i}"
            parts = urlsplit(uri)
            target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
            request = writer.create_warc_record(
                uri, "request",
                http_headers=StatusAndHeaders(
                    f"GET {target} HTTP/1.1", [("Host", parts.netloc or "")],
                    is_http_request=True),
                warc_headers_dict={"WARC-Date": date})
            if page.raw is not None:
                body = page.raw
                headers = [(k, v) for k, v in page.headers if k.lower() not in _DROP_HEADERS]
            else:
                body = page.html.encode("utf-8")
                headers = [("Content-Type", f"{page.content_type}; charset=utf-8")]
            response = writer.create_warc_record(
                uri, "response", payload=io.BytesIO(body),
                http_headers=StatusAndHeaders(str(page.status), headers, protocol="HTTP/1.1"),
                warc_headers_dict={"WARC-Date": date, "WARC-Fakeinvest-Role": page.role,
                                   **({"WARC-IP-Address": page.address} if page.address
                                      else {})})
            response_id = response.rec_headers.get_header("WARC-Record-ID")
            request.rec_headers.add_header("WARC-Concurrent-To", response_id)
            writer.write_record(request)
            writer.write_record(response)
            if page.rendered:
                writer.write_record(writer.create_warc_record(
                    uri, "conversion", payload=io.BytesIO(page.html.encode("utf-8")),
                    warc_content_type="text/html; charset=utf-8",
                    warc_headers_dict={"WARC-Date": date, "WARC-Refers-To": response_id,
                                       "WARC-Fakeinvest-Role": page.role}))
            if page.screenshot is not None:
                writer.write_record(writer.create_warc_record(
                    _VIEW + uri, "resource", payload=io.BytesIO(page.screenshot),
                    warc_content_type="image/png",
                    warc_headers_dict={"WARC-Date": date, "WARC-Refers-To": response_id}))
        meta = {"url": snapshot.url, "fetched_at": snapshot.fetched_at.isoformat(),
                "domain": snapshot.domain.to_dict(), "fakeinvest": __version__,
                "records": _declared(snapshot)}
        writer.write_record(writer.create_warc_record(
            _META_URI, "metadata", payload=io.BytesIO(json.dumps(meta).encode("utf-8")),
            warc_content_type="application/json", warc_headers_dict={"WARC-Date": date}))
    return path


def _declared(snapshot: Snapshot) -> dict[str, int]:
    """The records a snapshot file holds besides the metadata (checked on load)."""
    return {"response": len(snapshot.pages),
            "conversion": sum(p.rendered for p in snapshot.pages),
            "resource": sum(p.screenshot is not None for p in snapshot.pages)}


def _check_index(path: Path, snapshot: Snapshot) -> None:
    """Compare the pages' digests with the directory's ``index.jsonl`` entry, if any."""
    index = path.parent / INDEX_NAME
    if not index.is_file():
        return
    entry = None
    try:
        for item in read_json_lines(index):  # a torn last line of a scan is skipped
            if item.get("file") == path.name:
                entry = item
    except OSError:
        return
    if entry is None:
        return
    listed = [p.get("digest") for p in entry.get("pages") or [] if isinstance(p, dict)]
    found = [payload_digest(p.raw if p.raw is not None else p.html.encode("utf-8"))
             for p in snapshot.pages]
    if listed != found:
        raise SnapshotIntegrityError(
            f"{path} does not match its entry in {index}: the page digests differ "
            f"({len(listed)} listed, {len(found)} in the file); the snapshot or the index "
            "was altered after the scan")


def load_snapshot(path: str | Path) -> Snapshot:
    """Read a snapshot written by :func:`save_snapshot` (no network).

    Parameters
    ----------
    path : str or Path

    Returns
    -------
    Snapshot

    Raises
    ------
    fakeinvest.errors.SnapshotIntegrityError
        The evidence is not what was saved: a record's WARC digest does not match its
        content, records the snapshot declares are missing (a file cut short), or the
        page digests differ from the directory's ``index.jsonl``.
    fakeinvest.errors.BadInputError
        The file is missing, not a WARC file, or holds no page.
    """


    pages: list[Page] = []
    by_id: dict[str, int] = {}
    meta: dict = {}
    counts = {"response": 0, "conversion": 0, "resource": 0}
    try:
        with open(path, "rb") as fh:
            # Digests are checked as each record is read to its end; a mismatch raises.
            for rec in ArchiveIterator(fh, check_digests="raise"):
                if rec.rec_type in counts:
                    counts[rec.rec_type] += 1
                refers = rec.rec_headers.get_header("WARC-Refers-To")
                if rec.rec_type == "conversion" and refers in by_id:
                    i = by_id[refers]
                    pages[i] = dataclasses.replace(
                        pages[i], html=rec.content_stream().read().decode("utf-8", "replace"),
                        rendered=True)
                elif rec.rec_type == "resource" and refers in by_id and \
                        rec.rec_headers.get_header("WARC-Target-URI", "").startswith(_VIEW):
                    i = by_id[refers]
                    pages[i] = dataclasses.replace(pages[i],
                                                   screenshot=rec.content_stream().read())
                if rec.rec_type == "response":
                    by_id[rec.rec_headers.get_header("WARC-Record-ID")] = len(pages)
                    raw = rec.content_stream().read()
                    ctype = rec.http_headers.get_header("Content-Type") or ""
                    uri = rec.rec_headers.get_header("WARC-Target-URI")
                    pages.append(Page(
                        url=None if uri.startswith(_NO_URL) else uri,
                        html=decode_html(raw, ctype),
                        role=rec.rec_headers.get_header("WARC-Fakeinvest-Role") or "landing",
                        status=int(rec.http_headers.get_statuscode() or 200),
                        content_type=ctype.split(";")[0].strip().lower() or "text/html",
                        raw=raw, headers=tuple(rec.http_headers.headers),
                        address=rec.rec_headers.get_header("WARC-IP-Address")))
                elif rec.rec_type == "metadata" and \
                        rec.rec_headers.get_header("WARC-Target-URI") == _META_URI:
                    meta = json.loads(rec.content_stream().read().decode("utf-8"))
                    if not isinstance(meta, dict):
                        raise ValueError("the metadata record is not a JSON object")
    except FileNotFoundError as exc:
        raise BadInputError(f"no snapshot file at {path}") from exc
    except ArchiveLoadFailed as exc:
        if "digest" in str(exc).lower():
            raise SnapshotIntegrityError(
                f"{path} failed its WARC digest check ({exc}): a record was altered after "
                "it was written") from exc
        raise BadInputError(f"{path} is not a readable WARC snapshot: {exc}") from exc
    except (ValueError, OSError, EOFError) as exc:
        raise BadInputError(f"{path} is not a readable WARC snapshot: {exc}") from exc
    except Exception as exc:  # warcio on a damaged file: AttributeError, TypeError ...
        raise BadInputError(f"{path} is not a readable WARC snapshot "
                            f"({type(exc).__name__}: {exc})") from exc
    if not pages:
        raise BadInputError(f"{path} holds no page (no WARC response record)")
    if not meta:
        raise SnapshotIntegrityError(
            f"{path} is incomplete: the metadata record that ends every snapshot is missing "
            "(the file was cut short, or was not written by fakeinvest)")
    declared = meta.get("records")
    if isinstance(declared, dict) and {k: declared.get(k) for k in counts} != counts:
        raise SnapshotIntegrityError(
            f"{path} is incomplete: it declares {declared} records but holds {counts}")
    try:
        domain = DomainFacts.from_dict(meta.get("domain") or {})
        fetched = meta.get("fetched_at")
        kwargs = {"fetched_at": datetime.fromisoformat(fetched)} if fetched else {}
    except (TypeError, ValueError) as exc:
        raise BadInputError(f"{path} has an unreadable metadata record: {exc}") from exc
    snapshot = Snapshot(url=meta.get("url", pages[0].url), pages=tuple(pages),
                        domain=domain, **kwargs)
    _check_index(Path(path), snapshot)
    return snapshot
