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

Patterns get the matching counterpart: :func:`accent_tolerant` lets the accented Latin
letters of a regex also match their bare letters, for pages written without diacritics.

Nothing is computed at import time: the regexes each parameter combination needs are
built on first use and cached.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Iterable, Mapping
from functools import cache, lru_cache
from typing import Literal, NamedTuple

__all__ = ["Form", "OffsetMap", "accent_tolerant", "normalise"]

#: A Unicode normal form name accepted by :func:`unicodedata.normalize`.
Form = Literal["NFC", "NFD", "NFKC", "NFKD"]

_FORMS: tuple[str, ...] = ("NFC", "NFD", "NFKC", "NFKD")

#: Longest run of marks rewritten as one piece in light mode (longer runs are split).
_MAX_RUN = 64
#: Longest run of translatable characters handled by one regex match.
_MAX_FOLD_RUN = 256

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

    table: dict[int, int]
    foldable: re.Pattern[str] | None
    special: re.Pattern[str] | None
    remove: str
    recompose: tuple[tuple[str, str], ...]


def _char_class(chars: Iterable[str]) -> str:
    return "".join(re.escape(ch) for ch in sorted(set(chars)))


@cache
def _non_ascii() -> re.Pattern[str]:
    return re.compile(r"[^\x00-\x7f]+")


@lru_cache(maxsize=32)
def _helpers(
    translate: tuple[str, str] | None,
    marks: str | None,
    remove: str,
    recompose: tuple[tuple[str, str], ...],
) -> _Helpers:
    table: dict[int, int] = {}
    foldable = None
    if translate is not None and translate[0]:
        src, dst = translate
        table = str.maketrans(src, dst)
        foldable = re.compile(f"[{_char_class(src)}]{{1,{_MAX_FOLD_RUN}}}")
    special = None
    if marks is not None:
        first = set(marks) | set(remove) | {key[0] for key, _ in recompose}
        rest = first | {ch for key, _ in recompose for ch in key[1:]}
        if first:
            special = re.compile(
                f"[{_char_class(first)}][{_char_class(rest)}]{{0,{_MAX_RUN - 1}}}"
            )
    return _Helpers(table, foldable, special, remove, recompose)


def _assemble(
    text: str, out: list[str], pieces: list[tuple[int, int, int, int]], last: int
) -> tuple[str, OffsetMap | None]:
    """Finish a copy built as ``out + [text[last:]]``; no pieces means no change."""
    if not pieces:
        return text, None
    out.append(text[last:])
    return "".join(out), OffsetMap(pieces)


def _normalise_full(text: str, form: Form) -> tuple[str, OffsetMap | None]:
    """Full mode: put every cluster containing non-ASCII characters in `form`."""
    if unicodedata.is_normalized(form, text):
        return text, None
    is_normalized = unicodedata.is_normalized
    normalize = unicodedata.normalize
    combining = unicodedata.combining
    pieces: list[tuple[int, int, int, int]] = []
    out: list[str] = []
    last = 0  # offset up to which `out` covers `text`
    npos = 0  # total length of `out`
    for m in _non_ascii().finditer(text):
        a, b = m.span()
        if a > last:
            a -= 1  # a combining mark may attach to the ASCII character before the run
        if is_normalized(form, text[a:b]):
            continue
        seg_start = a
        for i in range(a + 1, b + 1):
            # A cluster is cut after _MAX_RUN characters, as in the light mode: ordering
            # thousands of stacked marks would cost the square of their number.
            if i < b and combining(text[i]) and i - seg_start < _MAX_RUN:
                continue
            seg = text[seg_start:i]
            repl = normalize(form, seg)
            if repl != seg:
                out.append(text[last:seg_start])
                npos += seg_start - last
                pieces.append((npos, npos + len(repl), seg_start, i))
                out.append(repl)
                npos += len(repl)
                last = i
            seg_start = i
    return _assemble(text, out, pieces, last)


def _normalise_light(
    text: str, form: Form, special: re.Pattern[str], helpers: _Helpers
) -> tuple[str, OffsetMap | None]:
    """Light mode: rewrite only the runs found by `special`, with their base character."""
    normalize = unicodedata.normalize
    remove = helpers.remove
    recompose = helpers.recompose
    pieces: list[tuple[int, int, int, int]] = []
    out: list[str] = []
    last = 0  # offset up to which `out` covers `text`
    npos = 0  # total length of `out`
    for m in special.finditer(text):
        a, b = m.span()
        if a > last:
            a -= 1  # include the base character the marks attach to
        seg = text[a:b]
        repl = seg
        for ch in remove:
            repl = repl.replace(ch, "")
        for old, new in recompose:
            repl = repl.replace(old, new)
        repl = normalize(form, repl)
        if repl == seg:
            continue
        out.append(text[last:a])
        npos += a - last
        pieces.append((npos, npos + len(repl), a, b))
        out.append(repl)
        npos += len(repl)
        last = b
    return _assemble(text, out, pieces, last)


def normalise(
    text: str,
    form: Form = "NFKC",
    *,
    translate: tuple[str, str] | None = None,
    marks: str | None = None,
    remove: str = "",
    recompose: Mapping[str, str] | None = None,
) -> tuple[str, OffsetMap | None]:
    """Return a normalised copy of `text` and a map of its offsets back to `text`.

    Steps, in order:

    1. Pure-ASCII `text` is returned as is, with no map (fast path; nothing else is
       done, even if `translate` would change ASCII characters).
    2. `translate` is applied. It maps characters one to one, so offsets do not change.
    3. Full mode (``marks=None``): every character cluster -- a character followed by
       its combining marks, i.e. characters with a non-zero canonical combining class --
       that is not in normal form `form` is replaced by its normal form. Text already in
       normal form costs one check.

       Light mode (`marks` given): a *run* is a sequence of at most 64 characters that
       starts with a character of `marks`, of `remove` or the first character of a
       `recompose` key, and continues with such characters or the other characters of
       the `recompose` keys. Each run, together with the character before it (unless the
       run starts right where the previously rewritten piece ends), has the `remove`
       characters deleted and the `recompose` replacements applied in order, and is then
       put in normal form `form`. Everything outside runs is left as is.

    Each cluster or run whose rewritten form differs becomes one replaced piece of the
    :class:`OffsetMap`.

    Parameters
    ----------
    text : str
        Any text.
    form : {"NFKC", "NFC", "NFD", "NFKD"}, default "NFKC"
        Unicode normal form applied to each cluster (full mode) or run (light mode).
    translate : tuple of (str, str), optional
        One-to-one character folds, applied first: two strings of equal length, the
        i-th character of the first is replaced by the i-th character of the second (as
        ``str.maketrans(src, dst)``). E.g. ``("\uff05\uff11", "%1")`` folds a full-width
        percent sign and digit one.
    marks : str, optional
        The combining characters whose runs, with their base character, are normalised;
        giving it selects light mode (``""`` for light mode with only `remove` and
        `recompose`). ``None`` (the default) selects full mode.
    remove : str, default ""
        Light mode only: characters to delete (zero-width space, soft hyphen, ...).
    recompose : mapping of str to str, optional
        Light mode only: character sequences to replace before normalising, e.g.
        ``{"\u0e4d\u0e32": "\u0e33"}`` (a decomposed Thai *sara am*). Keys must not be
        empty.

    Returns
    -------
    normalised : str
        The normalised copy.
    offsets : OffsetMap or None
        Map from offsets in `normalised` back to offsets in `text`; ``None`` when no
        piece was replaced, i.e. offsets in both texts agree.

    Raises
    ------
    ValueError
        If `form` is not a normal form name, `remove` or `recompose` are given in full
        mode, the two `translate` strings differ in length or a `recompose` key is empty.

    Examples
    --------
    >>> normalise("Lai 2\uff05 ng\u00e0y", "NFC", translate=("\uff05", "%"), marks="")
    ('Lai 2% ngày', None)
    >>> norm, omap = normalise("ro\u0301i 5\uff05")
    >>> norm
    'rói 5%'
    >>> omap.span(0, 3), omap.span(4, 6)
    ((0, 4), (5, 7))
    """
    if form not in _FORMS:
        raise ValueError(f"unknown normal form {form!r}; expected one of {_FORMS}")
    if marks is None and (remove or recompose):
        raise ValueError("remove and recompose need light mode (marks not None)")
    if translate is not None and len(translate[0]) != len(translate[1]):
        raise ValueError("translate must be two strings of equal length")
    if recompose and not all(recompose):
        raise ValueError("recompose keys must not be empty")
    if text.isascii():
        return text, None
    if marks is None and translate is None:
        return _normalise_full(text, form)
    helpers = _helpers(
        translate,
        marks,
        remove,
        tuple(recompose.items()) if recompose else (),
    )
    if helpers.foldable is not None:
        table = helpers.table
        text = helpers.foldable.sub(lambda m: m.group().translate(table), text)
    if marks is None:
        return _normalise_full(text, form)
    if helpers.special is None:
        return text, None
    return _normalise_light(text, form, helpers.special, helpers)


def _bare_letter(ch: str) -> str:
    """The unaccented ASCII letter under an accented Latin letter ("ệ" -> "e"), else `ch`."""
    if ch.isascii() or not unicodedata.name(ch, "").startswith("LATIN"):
        return ch
    if ch in "đĐ":
        return "d"
    base = unicodedata.normalize("NFD", ch)[0]
    return base if base.isascii() and base.isalpha() else ch


def accent_tolerant(pattern: str) -> str:
    """A regex pattern in which each accented Latin letter outside a character class also
    matches its bare letter (``ngày`` -> ``ng[àa]y``): pages written without their
    diacritics ("lai suat 1%/ngay") still match. The text side of matching is
    :func:`normalise`; this is its counterpart for patterns.

    Parameters
    ----------
    pattern : str

    Returns
    -------
    str
    """
    out: list[str] = []
    in_class = escaped = False
    for ch in pattern:
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        else:
            bare = _bare_letter(ch)
            if bare != ch:
                ch = f"[{ch}{bare}]"
        out.append(ch)
    return "".join(out)
