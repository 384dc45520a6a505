"""Tests for :mod:`fakeinvest.features.normalize`."""

from __future__ import annotations

import subprocess
import sys
import unicodedata
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fakeinvest.features.normalize import OffsetMap, normalise

Normaliser = Callable[[str], tuple[str, OffsetMap | None]]

# Configurations like those of the extractors (light: a subset of lexicon's fold table).
FULL_WIDTH = "".join(chr(cp) for cp in range(0xFF01, 0xFF5F))
TRANSLATE = (
    FULL_WIDTH + "\u00a0" + "๐๑๒๓๔๕๖๗๘๙",
    "".join(chr(ord(ch) - 0xFEE0) for ch in FULL_WIDTH) + " " + "0123456789",
)
ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
MARKS = "".join(map(chr, range(0x0300, 0x0370)))
RECOMPOSE = {"\u0e4d\u0e32": "\u0e33", "\u0ecd\u0eb2": "\u0eb3"}


def light(text: str) -> tuple[str, OffsetMap | None]:
    return normalise(
        text, "NFC", translate=TRANSLATE, marks=MARKS, remove=ZERO_WIDTH, recompose=RECOMPOSE
    )


def full(text: str) -> tuple[str, OffsetMap | None]:
    return normalise(text, "NFKC")


def back(text: str, omap: OffsetMap | None, start: int, end: int) -> str:
    """The original text behind ``normalised[start:end]``."""
    if omap is None:
        return text[start:end]
    ostart, oend = omap.span(start, end)
    return text[ostart:oend]


def assert_round_trip(text: str, norm: str, omap: OffsetMap | None, func: Normaliser) -> None:
    """Every span of `norm` maps back to original text that normalises to a superset."""
    for start in range(len(norm) + 1):
        for end in range(start + 1, len(norm) + 1):
            orig = back(text, omap, start, end)
            assert norm[start:end] in func(orig)[0], (start, end, orig)


# ---------------------------------------------------------------------------------------
# Fast paths.
# ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("func", [full, light])
@pytest.mark.parametrize("text", ["", "abc", "Guaranteed 2% daily!\n", "\x00\x7f"])
def test_ascii_is_returned_unchanged(func: Normaliser, text: str) -> None:
    norm, omap = func(text)
    assert norm is text
    assert omap is None


def test_ascii_fast_path_skips_translation() -> None:
    # Documented: pure-ASCII text is returned as is even if `translate` covers ASCII.
    assert normalise("a\x1c", "NFC", translate=("\x1c", "\n"), marks="") == ("a\x1c", None)
    assert normalise("é\x1c", "NFC", translate=("\x1c", "\n"), marks="") == ("é\n", None)


def test_already_normalised_text_has_no_map() -> None:
    text = "Lãi suất 1,2% mỗi ngày กำไร 日收益"
    norm, omap = light(text)
    assert (norm, omap) == (text, None)
    text = "Lãi suất 1,2% mỗi ngày 日收益"
    norm, omap = full(text)
    assert norm is text
    assert omap is None


def test_one_to_one_translation_needs_no_map() -> None:
    text = "ＲＯＩ ２.５％\u00a0ｄａｉｌｙ ๕"
    norm, omap = light(text)
    assert norm == "ROI 2.5% daily 5"
    assert omap is None


# ---------------------------------------------------------------------------------------
# Round trips.
# ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("func", [full, light])
def test_decomposed_vietnamese(func: Normaliser) -> None:
    composed = "Lãi suất 1,2% mỗi ngày, nộp phí rút tiền"
    text = unicodedata.normalize("NFD", composed)
    assert len(text) > len(composed)
    norm, omap = func(text)
    assert norm == composed
    assert omap is not None
    start = norm.index("mỗi ngày")
    quote = back(text, omap, start, start + len("mỗi ngày"))
    assert quote == unicodedata.normalize("NFD", "mỗi ngày")
    # A span ending on a composed letter takes all of its combining marks.
    end = norm.index("ỗ") + 1
    assert back(text, omap, 0, end).endswith("o\u0302\u0303")
    assert_round_trip(text, norm, omap, func)


def test_full_width_digits_and_percent() -> None:
    text = "ＲＯＩ ２.５％ ｄａｉｌｙ"
    norm, omap = full(text)
    assert norm == "ROI 2.5% daily"
    assert omap is not None  # NFKC replaces each full-width character (same length)
    start = norm.index("2.5%")
    assert back(text, omap, start, start + 4) == "２.５％"
    assert omap.span(start, start + 4) == (4, 8)
    assert_round_trip(text, norm, omap, full)


def test_thai_sara_am_nfkc_expands() -> None:
    text = "กำไร 5%"  # U+0E33 decomposes to two characters under NFKC
    norm, omap = full(text)
    assert norm == "ก\u0e4d\u0e32ไร 5%"
    assert omap is not None
    assert omap.pieces == ((1, 3, 1, 2),)
    # Either half of the decomposed vowel maps to the whole original character.
    assert omap.span(1, 2) == (1, 2)
    assert omap.span(2, 3) == (1, 2)
    assert back(text, omap, norm.index("5"), len(norm)) == "5%"
    assert_round_trip(text, norm, omap, full)


def test_thai_and_lao_sara_am_recomposed_in_light_mode() -> None:
    text = "ค่าธรรมเนียม ท\u0e4d\u0e32 ຄ່າທ\u0ecd\u0eb2ນຽມ"
    norm, omap = light(text)
    assert norm == "ค่าธรรมเนียม ทำ ຄ່າທຳນຽມ"
    assert omap is not None
    start = norm.index("ทำ")
    assert back(text, omap, start, start + 2) == "ท\u0e4d\u0e32"
    start = norm.index("ຄ່າທຳນຽມ")
    assert back(text, omap, start, len(norm)) == "ຄ່າທ\u0ecd\u0eb2ນຽມ"
    # Precomposed sara am is left alone in light mode.
    assert light("กำไร") == ("กำไร", None)


def test_zero_width_characters_are_removed() -> None:
    text = "\u200bfee\u200b\u200dwith\u00addraw ไม่\ufeff"
    norm, omap = light(text)
    assert norm == "feewithdraw ไม่"
    assert omap is not None
    # Leading deleted characters: a span starting at 0 begins after them; deleted
    # characters after the last character of a span are part of the span.
    assert omap.span(0, 3) == (1, 6)
    assert back(text, omap, 0, 3) == "fee\u200b\u200d"
    assert back(text, omap, 0, 2) == "fe"
    # A span ending on a character followed by deleted ones takes them along.
    assert back(text, omap, 0, len("feewith")) == "fee\u200b\u200dwith\u00ad"
    start = norm.index("withdraw")
    assert back(text, omap, start, start + 8) == "with\u00addraw"
    assert_round_trip(text, norm, omap, light)


def test_long_runs_of_marks_are_split() -> None:
    text = "a" + "\u200b" * 200 + "b"
    norm, omap = light(text)
    assert norm == "ab"
    assert omap is not None
    assert back(text, omap, 1, 2) == "b"
    # A run is at most 64 characters: the base takes the first 64 zero-width spaces.
    assert back(text, omap, 0, 1) == "a" + "\u200b" * 64
    assert back(text, omap, 0, 2) == text


def test_full_mode_does_not_take_remove_or_recompose() -> None:
    with pytest.raises(ValueError, match="light mode"):
        normalise("x", remove="\u200b")
    with pytest.raises(ValueError, match="light mode"):
        normalise("x", recompose=RECOMPOSE)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"form": "NFX"}, "normal form"),
        ({"translate": ("ab", "a"), "marks": ""}, "equal length"),
        ({"recompose": {"": "x"}, "marks": ""}, "empty"),
    ],
)
@pytest.mark.parametrize("text", ["ascii", "é"])
def test_bad_arguments(kwargs: dict, message: str, text: str) -> None:
    with pytest.raises(ValueError, match=message):
        normalise(text, **kwargs)


# ---------------------------------------------------------------------------------------
# OffsetMap.
# ---------------------------------------------------------------------------------------


def test_offset_map_basics() -> None:
    # "abe\u0301c" -> "abéc": one replaced piece, norm [2, 3) <- orig [2, 4).
    omap = OffsetMap([(2, 3, 2, 4)])
    assert [omap.start(p) for p in range(5)] == [0, 1, 2, 4, 5]
    assert [omap.end(p) for p in range(5)] == [0, 1, 2, 4, 5]
    assert omap.span(2, 3) == (2, 4)
    assert omap.span(3, 3) == (4, 4)
    assert omap == OffsetMap(((2, 3, 2, 4),))
    assert "OffsetMap" in repr(omap)
    with pytest.raises(ValueError):
        omap.span(3, 2)


def test_offset_map_deleted_piece() -> None:
    omap = OffsetMap([(1, 1, 1, 3)])  # "a\u200b\u200bb" -> "ab"
    assert omap.start(1) == 3
    assert omap.end(1) == 1
    assert omap.span(1, 1) == (3, 3)
    assert omap.span(0, 2) == (0, 4)


# ---------------------------------------------------------------------------------------
# Properties.
# ---------------------------------------------------------------------------------------

_FRAGMENTS = [
    "e\u0301", "\u0301", "\u0323\u0302", "\u200b", "\u00ad", "\ufeff", "\u0e4d", "\u0e32",
    "\u0e33", "\u0ecd\u0eb2", "\uff05", "\uff12", "\u0e51", "\u00a0", "\u1100\u1161", "ﬁ",
    "\u0958", "\u0130", "\x1c", "ệ", "a", "1", "%", " ", "กำไร", "ngày",
]
_TEXT = st.one_of(
    st.text(max_size=40),
    st.lists(st.one_of(st.sampled_from(_FRAGMENTS), st.text(max_size=8)), max_size=30).map(
        "".join
    ),
)


@pytest.mark.parametrize("func", [full, light])
@settings(max_examples=300, deadline=None)
@given(text=_TEXT, data=st.data())
def test_property_spans_map_inside_original(
    func: Normaliser, text: str, data: st.DataObject) -> None:
    norm, omap = func(text)
    if omap is None:
        assert len(norm) == len(text)
        return
    n = len(norm)
    pairs = [(s, e) for s in range(n + 1) for e in range(s, n + 1)]
    if len(pairs) > 400:
        pairs = data.draw(st.lists(st.sampled_from(pairs), min_size=50, max_size=200))
    for s, e in pairs:
        ostart, oend = omap.span(s, e)
        assert 0 <= ostart <= oend <= len(text), (s, e, ostart, oend)
        if s < e:
            assert (omap.start(s), omap.end(e)) == (ostart, oend)
            assert ostart < oend
    # Mapping is monotonic: later characters never map to earlier original offsets.
    starts = [omap.start(p) for p in range(n + 1)]
    ends = [omap.end(p) for p in range(n + 1)]
    assert starts == sorted(starts)
    assert ends == sorted(ends)
    assert omap.start(n) == len(text)


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_property_full_mode_is_nfkc_equivalent(text: str) -> None:
    norm, omap = full(text)
    if omap is None:
        assert norm == text
    assert unicodedata.normalize("NFKC", norm) == unicodedata.normalize("NFKC", text)


# ---------------------------------------------------------------------------------------
# Import cost.
# ---------------------------------------------------------------------------------------


def test_import_compiles_nothing() -> None:
    code = (
        "import fakeinvest.features.normalize as N;"
        "assert N._helpers.cache_info().currsize == 0;"
        "assert N._non_ascii.cache_info().currsize == 0"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_accent_tolerant_patterns_match_text_without_diacritics() -> None:
    import re

    from fakeinvest.features.normalize import accent_tolerant

    rx = re.compile(accent_tolerant(r"lãi suất \d+%/ngày"), re.IGNORECASE)
    for text in ("lãi suất 1%/ngày", "lai suat 1%/ngay", "LÃI SUẤT 2%/NGÀY"):
        assert rx.fullmatch(text), text
    assert not rx.fullmatch("lai suat 1%/tuan")
    assert accent_tolerant("[àé]x\\é") == "[àé]x\\é"  # classes and escapes stay as written
    assert accent_tolerant("đ") == "[đd]"
