"""Rich HTML rendering of verdicts for Jupyter (and any HTML viewer).

``Verdict._repr_html_`` calls :func:`verdict_html`, so a verdict that ends a notebook cell
shows as a card: the URL, a probability bar, the flag, the threshold, the strongest reasons
with their contributions and evidence quotes (the matched words highlighted, each quote
linked to the page it came from), the context facts, the model version and the kit
fingerprint. :class:`Verdicts` is a list of verdicts that renders as a table, one row per
site, and converts to a :class:`pandas.DataFrame`.

The HTML is self-contained: inline CSS, no JavaScript, no external resources. Every piece
of text is escaped, since quotes and URLs come from hostile pages, and only ``http(s)`` URLs
become links.
"""

from __future__ import annotations

import base64
import html
import math
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, SupportsIndex, overload
from urllib.parse import urlsplit

from ..verdict import Reason, Verdict

if TYPE_CHECKING:
    import pandas as pd

from ._frames import verdicts_to_dataframe

__all__ = ["Verdicts", "highlight", "reason_html", "verdict_html", "verdicts_html"]

#: Positive reasons shown on a card by default.
TOP_REASONS = 8
#: Negative reasons (evidence against fraud) shown on a card by default.
TOP_COUNTER = 3

_FRAUD = "#c62828"
_OK = "#2e7d32"
_UNKNOWN = "#6d6d6d"
_CARD = ("font-family:system-ui,-apple-system,'Segoe UI',sans-serif;font-size:13px;"
         "line-height:1.4;border:1px solid #ccc;border-radius:6px;padding:10px 12px;"
         "margin:4px 0;max-width:980px;background:#fff;color:#222")
_TABLE = "border-collapse:collapse;font-size:12px;margin:4px 0"
_CELL = "border-top:1px solid #ddd;padding:3px 6px;text-align:left;vertical-align:top"
_MARK = re.compile(r"«([^«»]*)»")


def _e(text: object) -> str:
    """Escape any value for HTML text and attribute values."""
    return html.escape(str(text), quote=True)


def _safe_href(url: str | None) -> str | None:
    """``url`` when it is an http(s) URL with a host, else None (no ``javascript:`` links)."""
    if not url:
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return url


def _link(url: str | None, text: str | None = None) -> str:
    """An escaped link to ``url`` (or plain escaped text when it is not http(s))."""
    if not url:
        return ""
    label = _e(text if text is not None else url)
    href = _safe_href(url)
    if href is None:
        return label
    return (f'<a href="{_e(href)}" target="_blank" rel="noopener noreferrer nofollow">'
            f"{label}</a>")


def highlight(evidence: str) -> str:
    """Escape an evidence quote and highlight its «matched» parts with ``<mark>``.

    Parameters
    ----------
    evidence : str
        Quote as found on a verdict's reason; the words that fired the feature are
        enclosed in ``«`` and ``»``.

    Returns
    -------
    str
        HTML.
    """
    out: list[str] = []
    pos = 0
    for m in _MARK.finditer(evidence):
        out.append(_e(evidence[pos:m.start()]))
        out.append(f"«<mark>{_e(m.group(1))}</mark>»")
        pos = m.end()
    out.append(_e(evidence[pos:]))
    return "".join(out)


def _is_nan(x: float | None) -> bool:
    return x is None or (isinstance(x, float) and math.isnan(x))


def _flag(v: Verdict) -> tuple[str, str]:
    """Label and colour of a verdict's flag."""
    if v.error:
        return f"could not analyse ({v.error_kind})", _UNKNOWN
    if _is_nan(v.probability):
        return "no score", _UNKNOWN
    return ("FRAUD", _FRAUD) if v.flagged else ("ok", _OK)


def _bar(probability: float, threshold: float, colour: str, width: int = 220) -> str:
    """A horizontal probability bar with a tick at the threshold."""
    if _is_nan(probability):
        return (f'<span style="display:inline-block;width:{width}px;height:10px;'
                'background:repeating-linear-gradient(45deg,#eee,#eee 4px,#ddd 4px,#ddd 8px);'
                'border:1px solid #bbb;vertical-align:middle"></span>')
    p = min(max(float(probability), 0.0), 1.0)
    tick = ""
    if not _is_nan(threshold):
        t = min(max(float(threshold), 0.0), 1.0)
        tick = (f'<span style="position:absolute;left:{t * 100:.2f}%;top:-2px;bottom:-2px;'
                'width:2px;background:#222" title="threshold"></span>')
    return (f'<span style="position:relative;display:inline-block;width:{width}px;height:10px;'
            f'background:#eee;border:1px solid #bbb;vertical-align:middle">'
            f'<span style="position:absolute;left:0;top:0;bottom:0;width:{p * 100:.2f}%;'
            f'background:{colour}"></span>{tick}</span>')


def _number(x: float | None, fmt: str = ".3f") -> str:
    return "n/a" if _is_nan(x) else format(float(x), fmt)  # type: ignore[arg-type]


def reason_html(reason: Reason) -> str:
    """One reason as a table row: feature, contribution, highlighted evidence, page link.

    Parameters
    ----------
    reason : Reason

    Returns
    -------
    str
        An HTML ``<tr>`` element.
    """
    c = reason.contribution
    colour = _FRAUD if c > 0 else _OK if c < 0 else _UNKNOWN
    contribution = f"{c:+.2f}" if c else "context"
    value = "" if _is_nan(reason.value) else f" = {reason.value:g}"
    page = _link(reason.page_url) if reason.page_url else ""
    return (f'<tr><td style="{_CELL};white-space:nowrap"><code>{_e(reason.feature)}</code>'
            f'{_e(value)}</td>'
            f'<td style="{_CELL};color:{colour};text-align:right;white-space:nowrap">'
            f"{_e(contribution)}</td>"
            f'<td style="{_CELL}">{highlight(reason.evidence)}'
            f'<div style="font-size:11px;color:#555">{page}</div></td></tr>')


def _reason_table(title: str, reasons: list[Reason]) -> str:
    if not reasons:
        return ""
    rows = "".join(reason_html(r) for r in reasons)
    return (f'<div style="margin-top:8px;font-weight:600">{_e(title)}</div>'
            f'<table style="{_TABLE}"><thead><tr>'
            f'<th style="{_CELL}">feature</th><th style="{_CELL}">contribution</th>'
            f'<th style="{_CELL}">evidence (page)</th></tr></thead><tbody>{rows}'
            "</tbody></table>")


def verdict_html(verdict: Verdict, top: int = TOP_REASONS, counter: int = TOP_COUNTER) -> str:
    """Render one verdict as a self-contained HTML card.

    Parameters
    ----------
    verdict : Verdict
    top : int
        Number of reasons pushing towards fraud to show.
    counter : int
        Number of reasons pushing away from fraud to show.

    Returns
    -------
    str
        HTML (inline CSS, no scripts, no external resources; all text escaped).
    """
    v = verdict
    label, colour = _flag(v)
    head = (f'<div style="font-size:14px;font-weight:600;word-break:break-all">'
            f"{_link(v.url) or '(no URL)'}</div>")
    prob = "" if _is_nan(v.probability) else f"P(fraud) = {v.probability:.3f}"
    status = (f'<div style="margin-top:4px">{_bar(v.probability, v.threshold, colour)} '
              f'<span style="margin-left:6px">{_e(prob)}</span> '
              f'<span style="margin-left:6px;padding:1px 6px;border-radius:3px;color:#fff;'
              f'background:{colour};font-weight:600">{_e(label)}</span> '
              f'<span style="margin-left:6px;color:#555">threshold {_number(v.threshold)}'
              "</span></div>")
    error = (f'<div style="margin-top:6px;color:{_UNKNOWN}">error: <code>{_e(v.error)}</code></div>'
             if v.error else "")
    positive = [r for r in v.reasons if r.contribution > 0][:top]
    context = [r for r in v.reasons if r.contribution == 0]
    negative = sorted((r for r in v.reasons if r.contribution < 0),
                      key=lambda r: r.contribution)[:counter]
    meta = [f"model <code>{_e(v.model_version or 'n/a')}</code>",
            f"kit fingerprint <code>{_e(v.kit_fingerprint or 'n/a')}</code>",
            f"{len(v.pages)} page{'s' if len(v.pages) != 1 else ''}"]
    if v.rendered:
        meta.append(f"rendered in Chromium ({len(v.rendered)})")
    if not _is_nan(v.elapsed):
        meta.append(f"{v.elapsed:.1f} s")
    footer = (f'<div style="margin-top:8px;font-size:11px;color:#555">{" · ".join(meta)}'
              "</div>")
    return (f'<div class="fakeinvest-verdict" style="{_CARD}">{head}{status}{error}'
            f"{_reason_table('Reasons towards fraud', positive)}"
            f"{_reason_table('Context facts (not weighed by the model)', context)}"
            f"{_reason_table('Reasons against fraud', negative)}{_screenshot(v)}{footer}</div>")


def _screenshot(v: Verdict) -> str:
    """The landing page's screenshot (the first rendered page that has one), inline."""
    for url in v.rendered:
        png = v.screenshots.get(url)
        if png:
            data = base64.b64encode(png).decode("ascii")
            return (f'<div style="margin-top:8px"><div style="font-weight:600">What the '
                    f"victim saw</div><div style=\"font-size:11px;color:#555\">rendered in "
                    f"Chromium: {_link(url)}</div>"
                    f'<img src="data:image/png;base64,{data}" alt="screenshot of {_e(url)}" '
                    'style="max-width:100%;border:1px solid #ccc;margin-top:4px"></div>')
    return ""


def verdicts_html(verdicts: Iterable[Verdict], top: int = 3) -> str:
    """Render verdicts as an HTML table, one row per site.

    Parameters
    ----------
    verdicts : iterable of Verdict
    top : int
        Number of top reasons (towards fraud) named per row.

    Returns
    -------
    str
        HTML (inline CSS, no scripts, no external resources; all text escaped).
    """
    rows = []
    for v in verdicts:
        label, colour = _flag(v)
        prob = "" if _is_nan(v.probability) else f"{v.probability:.3f}"
        reasons = ", ".join(r.feature for r in v.reasons if r.contribution > 0)
        names = [r.feature for r in v.reasons if r.contribution > 0][:top]
        rows.append(
            f'<tr><td style="{_CELL};word-break:break-all">{_link(v.url)}</td>'
            f'<td style="{_CELL};white-space:nowrap">{_bar(v.probability, v.threshold, colour, 80)}'
            f" {_e(prob)}</td>"
            f'<td style="{_CELL};color:{colour};font-weight:600">{_e(label)}</td>'
            f'<td style="{_CELL}" title="{_e(reasons)}">'
            f"{', '.join(f'<code>{_e(n)}</code>' for n in names)}</td>"
            f'<td style="{_CELL}"><code>{_e(v.kit_fingerprint or "")}</code></td></tr>')
    header = "".join(f'<th style="{_CELL}">{h}</th>'
                     for h in ("url", "P(fraud)", "flag", "top reasons", "kit"))
    return (f'<table class="fakeinvest-verdicts" style="{_TABLE};{_CARD}">'
            f"<thead><tr>{header}</tr></thead><tbody>{''.join(rows)}</tbody></table>")


class Verdicts(list[Verdict]):
    """A list of verdicts that renders as a table in Jupyter.

    Build it from any iterable, e.g. the generator :func:`fakeinvest.scan_many` returns:
    ``Verdicts(fakeinvest.scan_many(urls))``. Indexing with a slice gives a ``Verdicts``.
    """

    def __init__(self, verdicts: Iterable[Verdict] = ()) -> None:
        super().__init__(verdicts)

    @overload
    def __getitem__(self, index: SupportsIndex) -> Verdict: ...

    @overload
    def __getitem__(self, index: slice) -> Verdicts: ...

    def __getitem__(self, index: SupportsIndex | slice) -> Verdict | Verdicts:
        if isinstance(index, slice):
            return Verdicts(super().__getitem__(index))
        return super().__getitem__(index)

    @property
    def flagged(self) -> Verdicts:
        """The verdicts whose site was flagged."""
        return Verdicts(v for v in self if v.flagged)

    @property
    def failed(self) -> Verdicts:
        """The verdicts of sites that could not be analysed."""
        return Verdicts(v for v in self if v.error)

    def to_dataframe(self) -> pd.DataFrame:
        """One row per site (see :func:`fakeinvest.verdicts_to_dataframe`).

        Returns
        -------
        pandas.DataFrame
        """

        return verdicts_to_dataframe(self)

    def _repr_html_(self) -> str:
        return verdicts_html(self)

    def __repr__(self) -> str:
        return f"Verdicts({super().__repr__()})"

    def _repr_pretty_(self, p: Any, cycle: bool) -> None:
        p.text("Verdicts([...])" if cycle else "\n".join(str(v) for v in self)
               or "Verdicts([])")
