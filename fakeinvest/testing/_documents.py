"""Hostile documents: pages built to make an extractor slow or make it fail.

Each generator takes a size ``n`` (its unit: nesting levels, repetitions, marks) and
returns an HTML page whose cost per byte must stay within a small factor of ordinary
pages' (``tests/test_fuzz.py`` and ``benchmarks/hostile.py``). They are what an attacker
who knows the extractors would write: deep or unclosed nesting (quadratic walks over
ancestors), long runs of combining marks (unbounded grapheme clusters), a match prefix
repeated without end (scans that restart at every hit), thousands of quote marks,
warning words, numbers and percentages, attribute floods, enormous single tokens.
"""

from __future__ import annotations

from collections.abc import Callable

__all__ = ["GENERATORS", "hostile_page"]

_SCAM = "Daily profit 2% guaranteed. Withdraw after upgrading VIP. "


def _wrap(body: str, title: str = "Platform") -> str:
    return f"<!DOCTYPE html><html><head><title>{title}</title></head><body>{body}</body></html>"


def nested_tables(n: int) -> str:
    return _wrap("<table><tr><td>" * n + _SCAM + "</td></tr></table>" * n)


def nested_divs(n: int) -> str:
    return _wrap('<div class="c">' * n + _SCAM + "</div>" * n)


def unclosed_bold(n: int) -> str:
    return _wrap("<b>x " * n + _SCAM)


def unclosed_mixed(n: int) -> str:
    return _wrap("".join(f"<{t}>w " for t in ("b", "i", "span", "font", "em") * (n // 5))
                 + _SCAM)


def combining_marks(n: int) -> str:
    return _wrap("<p>a" + "\u0301\u0323" * (n // 2) + " 2% daily</p>")


def ref_links(n: int) -> str:
    return _wrap("?ref=" * n)


def ref_anchors(n: int) -> str:
    return _wrap("".join(f'<a href="/?ref={i}">join</a>' for i in range(n)))


def quote_marks(n: int) -> str:
    return _wrap("<p>" + "scam fraud " * 5 + '"' * n + "</p>")


def warning_words(n: int) -> str:
    return _wrap("<p>" + "scam. " * n + _SCAM + "</p>")


def percent_runs(n: int) -> str:
    return _wrap("<p>" + "1% " * n + "daily</p>")


def digit_runs(n: int) -> str:
    return _wrap("<p>" + "9" * n + "% per day</p>")


def number_ranges(n: int) -> str:
    return _wrap("<p>" + "1 - 2 - " * n + "% daily</p>")


def long_word(n: int) -> str:
    return _wrap("<p>" + "a" * n + "</p>")


def attribute_flood(n: int) -> str:
    return _wrap("<div " + " ".join(f'data-a{i}="v"' for i in range(n)) + ">x</div>")


def class_flood(n: int) -> str:
    return _wrap("".join(f'<div class="k{i % 97} c{i}">v</div>' for i in range(n)))


def many_brand_names(n: int) -> str:
    return _wrap("<p>" + "Binance ATFX eToro IG Markets " * n + "</p>",
                 title="Binance | ATFX | eToro")


def wallet_like(n: int) -> str:
    return _wrap("<p>" + " ".join("T" + "9" * 33 for _ in range(n)) + "</p>")


def messenger_handles(n: int) -> str:
    return _wrap("<p>" + "telegram @a " * n + "</p>")


def script_flood(n: int) -> str:
    return _wrap("<script>var a=1;</script>" * n + _SCAM)


def comment_flood(n: int) -> str:
    return _wrap("<!--" * n + _SCAM)


def whitespace_flood(n: int) -> str:
    return _wrap("<p>2%" + " \u00a0\u200b\t" * n + "daily</p>")


def vietnamese_flood(n: int) -> str:
    return _wrap("<p>" + "lãi suất 1%/ngày rút tiền nâng cấp VIP " * n + "</p>")


def deep_then_open_comments(n: int) -> str:
    return _wrap("<div>" * 3000 + "<!--" * n)


def deep_then_open_tags(n: int) -> str:
    return _wrap("<div>" * 3000 + "<a " * n + "x" * 5000)


#: name -> (generator, the size that makes a page of a few hundred KB)
GENERATORS: dict[str, tuple[Callable[[int], str], int]] = {
    "nested_tables": (nested_tables, 8_000),
    "nested_divs": (nested_divs, 20_000),
    "unclosed_bold": (unclosed_bold, 50_000),
    "unclosed_mixed": (unclosed_mixed, 50_000),
    "combining_marks": (combining_marks, 50_000),
    "ref_links": (ref_links, 100_000),
    "ref_anchors": (ref_anchors, 10_000),
    "quote_marks": (quote_marks, 200_000),
    "warning_words": (warning_words, 50_000),
    "percent_runs": (percent_runs, 100_000),
    "digit_runs": (digit_runs, 300_000),
    "number_ranges": (number_ranges, 50_000),
    "long_word": (long_word, 400_000),
    "attribute_flood": (attribute_flood, 20_000),
    "class_flood": (class_flood, 10_000),
    "many_brand_names": (many_brand_names, 10_000),
    "wallet_like": (wallet_like, 10_000),
    "messenger_handles": (messenger_handles, 30_000),
    "script_flood": (script_flood, 10_000),
    "comment_flood": (comment_flood, 50_000),
    "whitespace_flood": (whitespace_flood, 60_000),
    "vietnamese_flood": (vietnamese_flood, 8_000),
    "deep_then_open_comments": (deep_then_open_comments, 50_000),
    "deep_then_open_tags": (deep_then_open_tags, 100_000),
}


def hostile_page(name: str, scale: float = 1.0) -> str:
    """The page of generator ``name`` at ``scale`` times its default size."""
    fn, n = GENERATORS[name]
    return fn(max(1, int(n * scale)))
