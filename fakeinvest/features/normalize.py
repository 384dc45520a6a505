"""Normalise text for matching while keeping track of where each character came from.

The feature extractors run their regexes on a normalised copy of the page text (Unicode
normal form, full-width characters folded, zero-width characters dropped, ...) but must
report offsets in the *original* text, so that ``text[start:end]`` is exactly the phrase
that was found. :func:`normalise` returns the normalised copy together with an
:class:`OffsetMap` that turns offsets in the copy back into offsets in the original.

Two modes are supported, chosen by the `marks` argument of :func:`normalise`:

* **Full** (``marks=None``): every character cluster -- one character followed by the
  combining marks (canonical combining class not 0) that attach to it -- is put in the
  requested Unicode normal form. Used by :mod:`fakeinvest.features.returns` (NFKC).
* **Light** (``marks`` given): only runs of the given combining marks, of characters to
  remove and of sequences to recompose are rewritten, each together with the character
  before it; the rest of the text is left alone. Used by
  :mod:`fakeinvest.features.lexicon` (NFC plus a translation table).

In both modes an optional one-to-one translation table is applied first (it never changes
offsets). Pure-ASCII text is returned unchanged without any further work, and text that
needs no change is returned with no offset map at all (``None``), so the common case costs
one or two linear scans in C.

Nothing is computed at import time: the regexes each parameter combination needs are
built on first use and cached.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Iterable, Mapping
from functools import lru_cache
from typing import Literal, NamedTuple

__all__ = ["Form", "OffsetMap", "normalise"]

#: A Unicode normal form name accepted by :func:`unicodedata.normalize`.
Form = Literal["NFC", "NFD", "NFKC", "NFKD"]

_FORMS: tuple[str, ...] = ("NFC", "NFD", "NFKC", "NFKD")

#: Longest run of marks rewritten as one piece in light mode (longer runs are split).
_MAX_RUN = 64
#: Longest run of translatable characters handled by one regex match.
_MAX_FOLD_RUN = 256

_NON_ASCII = re.compile(r"[^\x00-\x7f]+")


class OffsetMap:
    """Map offsets in a normalised copy of a text back to the original text.

    The copy is the original with some pieces replaced. Each replaced piece is recorded
    as ``(norm_start, norm_end, orig_start, orig_end)``: ``copy[norm_start:norm_end]``
    replaced ``original[orig_start:orig_end]``. Between pieces the two texts agree
    character for character, so offsets there differ by a constant. An offset inside a
    replaced piece maps to the start of the original piece (for the start of a span) or
    to its end (for the end of a span), so a span never cuts an original character
    sequence in half.

    Parameters
    ----------
    pieces : iterable of tuple of (int, int, int, int)
        The replaced pieces, ``(norm_start, norm_end, orig_start, orig_end)``, in
        increasing order of both offsets, not overlapping. ``norm_end`` may equal
        ``norm_start`` (characters deleted); ``orig_end`` must be greater than
        ``orig_start``.

    Attributes
    ----------
    pieces : tuple of tuple of (int, int, int, int)
        The replaced pieces, as given.

    Examples
    --------
    >>> omap = OffsetMap([(2, 3, 2, 4)])  # "abe\u0301c" normalised to "ab\u00e9c"
    >>> omap.start(2), omap.end(3), omap.span(3, 4)
    (2, 4, (4, 5))
    """

    __slots__ = ("_starts", "pieces")

    def __init__(self, pieces: Iterable[tuple[int, int, int, int]]) -> None:
        self.pieces: tuple[tuple[int, int, int, int], ...] = tuple(pieces)
        self._starts = [piece[0] for piece in self.pieces]

    def __repr__(self) -> str:
        return f"OffsetMap({list(self.pieces)!r})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, OffsetMap):
            return NotImplemented
        return self.pieces == other.pieces

    def __hash__(self) -> int:
        return hash(self.pieces)

    def _locate(self, pos: int) -> int:
        """Original offset of `pos`, or ``-1 - i`` if `pos` lies inside replaced piece i."""
        i = bisect.bisect_right(self._starts, pos) - 1
        if i < 0:
            return pos
        _ns, ne, _os, oe = self.pieces[i]
        if pos < ne:
            return -1 - i
        return pos - ne + oe

    def start(self, pos: int) -> int:
        """Original offset for a span starting at offset `pos` of the normalised copy.

        Parameters
        ----------
        pos : int
            Offset in the normalised copy, ``0 <= pos <= len(copy)``.

        Returns
        -------
        int
            Offset in the original text. Inside a replaced piece, the start of the
            original piece; right after deleted characters, the offset after them.
        """
        r = self._locate(pos)
        return self.pieces[-1 - r][2] if r < 0 else r

    def end(self, pos: int) -> int:
        """Original offset for a span ending (exclusively) at offset `pos` of the copy.

        Parameters
        ----------
        pos : int
            End offset in the normalised copy, ``0 <= pos <= len(copy)``.

        Returns
        -------
        int
            End offset in the original text. If the last character of the span lies in
            a replaced piece, the end of the original piece.
        """
        if pos <= 0:
            return 0
        r = self._locate(pos - 1)
        return self.pieces[-1 - r][3] if r < 0 else r + 1

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original span for the span ``copy[start:end]`` of the normalised copy.

        Parameters
        ----------
        start, end : int
            Span in the normalised copy, ``0 <= start <= end <= len(copy)``.

        Returns
        -------
        tuple of (int, int)
            ``(self.start(start), self.end(end))``; an empty span maps to an empty span
            at ``self.start(start)``. The result always satisfies
            ``0 <= orig_start <= orig_end <= len(original)``.

        Raises
        ------
        ValueError
            If ``end < start``.
        """
        if end < start:
            raise ValueError(f"end ({end}) < start ({start})")
        ostart = self.start(start)
        return (ostart, ostart) if end == start else (ostart, self.end(end))


class _Helpers(NamedTuple):
    """Compiled, cached helpers for one combination of :func:`normalise` arguments."""

    table: dict[int, int] | None
    foldable: re.Pattern[str] | None
    special: re.Pattern[str] | None
    remove: str
    recompose: tuple[tuple[str, str], ...]


def _char_class(chars: Iterable[str]) -> str:
    return "".join(re.escape(ch) for ch in sorted(set(chars)))


@lru_cache(maxsize=32)
def _helpers(
    translate: frozenset[tuple[int, int]] | None,
    marks: str | None,
    remove: str,
    recompose: tuple[tuple[str, str], ...],
) -> _Helpers:
    table = None
    foldable = None
    if translate:
        table = dict(translate)
        for key, value in table.items():
            if not (isinstance(key, int) and isinstance(value, int)):
                raise TypeError("translate must map code points (int) to code points (int)")
        chars = _char_class(chr(cp) for cp in table)
        foldable = re.compile(f"[{chars}]{{1,{_MAX_FOLD_RUN}}}")
    special = None
    if marks is not None:
        first = set(marks) | set(remove) | {key[0] for key, _ in recompose}
        rest = first | {ch for key, _ in recompose for ch in key[1:]}
        if first:
            special = re.compile(
                f"[{_char_class(first)}][{_char_class(rest)}]{{0,{_MAX_RUN - 1}}}"
            )
    return _Helpers(table, foldable, special, remove, recompose)


class _Builder:
    """Assemble the normalised copy and its offset map from replaced pieces."""

    __slots__ = ("last", "npos", "out", "pieces", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self.out: list[str] = []
        self.pieces: list[tuple[int, int, int, int]] = []
        self.last = 0  # offset up to which `out` covers `text`
        self.npos = 0  # length of `out` joined

    def replace(self, a: int, b: int, repl: str) -> None:
        """Replace ``text[a:b]`` (with ``a >= self.last``) by `repl`."""
        self.out.append(self.text[self.last : a])
        self.npos += a - self.last
        self.pieces.append((self.npos, self.npos + len(repl), a, b))
        self.out.append(repl)
        self.npos += len(repl)
        self.last = b

    def result(self) -> tuple[str, OffsetMap | None]:
        if not self.pieces:
            return self.text, None
        self.out.append(self.text[self.last :])
        return "".join(self.out), OffsetMap(self.pieces)


def _normalise_full(text: str, form: Form) -> tuple[str, OffsetMap | None]:
    """Full mode: put every cluster containing non-ASCII characters in `form`."""
    if unicodedata.is_normalized(form, text):
        return text, None
    build = _Builder(text)
    for m in _NON_ASCII.finditer(text):
        a, b = m.span()
        if a > build.last:
            a -= 1  # a combining mark may attach to the ASCII character before the run
        if unicodedata.is_normalized(form, text[a:b]):
            continue
        seg_start = a
        for i in range(a + 1, b + 1):
            if i < b and unicodedata.combining(text[i]):
                continue
            seg = text[seg_start:i]
            repl = unicodedata.normalize(form, seg)
            if repl != seg:
                build.replace(seg_start, i, repl)
            seg_start = i
    return build.result()


def _fold_run(seg: str, form: Form, helpers: _Helpers) -> str:
    """Light mode: remove, recompose, then normalise one short run."""
    for ch in helpers.remove:
        seg = seg.replace(ch, "")
    for old, new in helpers.recompose:
        seg = seg.replace(old, new)
    return unicodedata.normalize(form, seg)


def _normalise_light(
    text: str, form: Form, special: re.Pattern[str], helpers: _Helpers
) -> tuple[str, OffsetMap | None]:
    """Light mode: rewrite only runs matched by `special`, with the character before."""
    build = _Builder(text)
    for m in special.finditer(text):
        a, b = m.span()
        if a > build.last:
            a -= 1  # include the base character the marks attach to
        seg = text[a:b]
        repl = _fold_run(seg, form, helpers)
        if repl != seg:
            build.replace(a, b, repl)
    return build.result()


def normalise(
    text: str,
    form: Form = "NFKC",
    *,
    translate: Mapping[int, int] | None = None,
    marks: str | None = None,
    remove: str = "",
    recompose: Mapping[str, str] | None = None,
) -> tuple[str, OffsetMap | None]:
    """Return a normalised copy of `text` and a map of its offsets back to `text`.

    Steps, in order:

    1. If `text` is pure ASCII, it is returned as is with no map (nothing else is done,
       even if `translate` has ASCII keys).
    2. `translate` is applied; it maps characters one to one, so offsets do not change.
    3. Full mode (``marks=None``): every character cluster (a character followed by its
       combining marks, i.e. characters with a non-zero canonical combining class) that
       is not already in normal form `form` is replaced by its normal form. A copy already
       in normal form is returned with no map.

       Light mode (`marks` given): each run of characters from `marks`, `remove` and the
       first characters of the `recompose` keys (the run may continue through the other
       characters of those keys; at most 64 characters), together with the character
       just before it unless that character was itself just rewritten, has the `remove`
       characters deleted, the `recompose` replacements applied in order and is then
       put in normal form `form`. Only runs that change become replaced pieces.

    Parameters
    ----------
    text : str
        Any text.
    form : {"NFKC", "NFC", "NFD", "NFKD"}, default "NFKC"
        Unicode normal form applied to each cluster (full mode) or run (light mode).
    translate : mapping of int to int, optional
        One-to-one character folds as for :meth:`str.translate`, applied first, e.g.
        full-width digits to ASCII digits. Values must be single code points.
    marks : str, optional
        Light mode: the combining characters whose runs (with their base character) are
        normalised. ``None`` (the default) selects full mode; ``""`` selects light mode
        with only `remove` and `recompose`.
    remove : str, default ""
        Light mode: characters deleted (e.g. zero-width spaces, soft hyphens).
    recompose : mapping of str to str, optional
        Light mode: character sequences replaced before normalising, e.g.
        ``{"\\u0e4d\\u0e32": "\\u0e33"}`` (a decomposed Thai *sara am*).

    Returns
    -------
    normalised : str
        The normalised copy.
    offsets : OffsetMap or None
        Map from offsets in `normalised` back to `text`; ``None`` when the offsets of
        both texts agree (then ``len(normalised) == len(text)``).

    Raises
    ------
    ValueError
        If `form` is not a normal form name, or `remove` or `recompose` are given in
        full mode.
    TypeError
        If `translate` does not map ints to ints.

    Examples
    --------
    >>> norm, omap = normalise("Lai 2\\uff05 ng\\u00e0y", translate={0xFF05: 0x25}, marks="")
    >>> norm, omap
    ('Lai 2% ngày', None)
    >>> norm, omap = normalise("ro\\u0301i 5\\uff05")
    >>> norm
    'rói 5%'
    >>> omap.span(0, 3), omap.span(4, 6)
    ((0, 4), (5, 7))
    """
    if form not in _FORMS:
        raise ValueError(f"unknown normal form {form!r}; expected one of {_FORMS}")
    if marks is None and (remove or recompose):
        raise ValueError("remove and recompose need light mode (marks not None)")
    if text.isascii():
        return text, None
    helpers = _helpers(
        frozenset(translate.items()) if translate else None,
        marks,
        remove,
        tuple(recompose.items()) if recompose else (),
    )
    if helpers.foldable is not None:
        table = helpers.table
        text_t = helpers.foldable.sub(lambda m: m.group().translate(table), text)
    else:
        text_t = text
    if marks is None:
        return _normalise_full(text_t, form)
    if helpers.special is None:
        return text_t, None
    return _normalise_light(text_t, form, helpers.special, helpers)
