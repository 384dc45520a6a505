"""Fuzzing the whole offline path: parse, every extractor, scoring, explanation, WARC.

Hypothesis builds adversarial pages from the tag soup of ``tests/strategies.py`` and
the hostile fragments below (repeated triggers, mark runs, quote floods, attribute
floods, deep nesting), and the generators of :mod:`fakeinvest.testing._documents` are
run at full size. Every page must give a verdict (or a documented error), its evidence
must be traceable to the page text, its saved snapshot must re-score to the same
verdict, and the bounds that keep the work per page linear must hold (nesting and
attributes capped before the parser). The cost per byte of each generator, against
ordinary pages, is printed by ``benchmarks/hostile.py``; tests never assert times.
"""

from __future__ import annotations

import contextlib
import math
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fakeinvest import errors
from fakeinvest.features._extract import extract_features
from fakeinvest.model import load_model
from fakeinvest.snapshot import Page, Snapshot
from fakeinvest.testing._documents import GENERATORS, hostile_page
from fakeinvest.textextract import _TRIGGER, MAX_ATTRIBUTES, MAX_DEPTH, parse_html
from fakeinvest.warc import load_snapshot, save_snapshot

from .strategies import tag_soup

_FRAGMENTS = st.sampled_from([
    "?ref=" * 200, "\u0301" * 500, '"' * 300, "scam. " * 50, "1% " * 300, "9" * 2000,
    "<b>" * 300, "<div>" * 600, "<td>" * 300, "lãi suất 1%/ngày " * 40, "@" * 500,
    "<div " + " ".join(f"a{i}=1" for i in range(1500)) + ">", "\ud800", "\x00" * 100,
    "T" + "9" * 33, "bc1" + "q" * 39, "0x" + "f" * 40, "t.me/" + "a" * 300,
    "Withdraw after upgrading VIP " * 30, "<!--" * 100, "<script>" * 50,
])


@st.composite
def adversarial_page(draw: st.DrawFn) -> str:
    parts = [draw(tag_soup())]
    for _ in range(draw(st.integers(0, 4))):
        parts.insert(draw(st.integers(0, len(parts))), draw(_FRAGMENTS))
    return "".join(parts)


def _depth_and_attributes(html: str) -> tuple[int, int]:
    """The deepest element and the most attributes on one element, of the parsed page."""
    tree = parse_html(html)
    deepest = most = 0
    stack = [(tree.root, 1)] if tree.root is not None else []
    while stack:
        node, depth = stack.pop()
        if node is None:
            continue
        stack.append((node.next, depth))
        if node.is_element_node:
            deepest = max(deepest, depth)
            most = max(most, len(node.attributes))
            stack.append((node.child, depth + 1))
    return deepest, most


def _check_offline_path(html: str, tmp_path: Path) -> None:
    model = load_model()
    url = "https://fuzz.example/"
    snap = Snapshot(url=url, pages=(Page(url, html),))
    verdict = model.verdict(snap)
    assert verdict.error is None
    assert math.isfinite(verdict.probability) and 0.0 <= verdict.probability <= 1.0
    text = snap.pages[0].content.text
    fs = extract_features(snap, model.registry)
    for items in fs.evidence.values():  # every quote is where it says it is
        for ev in items:
            if ev.start is not None and ev.end is not None and ev.page_url == url:
                assert text[ev.start:ev.end] == ev.quote
    e = model.explain(snap)
    assert e.base + e.contributions.sum() + e.impersonation == pytest.approx(e.score)
    path = save_snapshot(snap, tmp_path)
    again = load_snapshot(path)
    assert model.verdict(again).to_dict() == verdict.to_dict()
    path.unlink()
    deepest, most = _depth_and_attributes(html)
    # Deeper than the rewrite's trigger never reaches the parser (it is cut to MAX_DEPTH).
    assert deepest <= max(MAX_DEPTH, _TRIGGER) + 3  # the document, html and body
    assert most <= MAX_ATTRIBUTES + 1


@settings(max_examples=60, deadline=None, suppress_health_check=[
    HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture])
@given(html=adversarial_page())
def test_adversarial_pages_give_verdicts_with_traceable_evidence(html: str,
                                                                 tmp_path: Path) -> None:
    _check_offline_path(html, tmp_path)


@pytest.mark.parametrize("name", sorted(GENERATORS))
def test_every_hostile_document_gives_a_verdict(name: str, tmp_path: Path) -> None:
    _check_offline_path(hostile_page(name), tmp_path)


@pytest.mark.parametrize("html", ["", "\x00", "<", "\ud800\udfff", "<html>" * 3])
def test_degenerate_pages(html: str, tmp_path: Path) -> None:
    _check_offline_path(html, tmp_path)


@settings(max_examples=40, deadline=None)
@given(data=st.binary(max_size=4000))
def test_random_bytes_are_a_documented_error_or_a_snapshot(data: bytes,
                                                           tmp_path_factory) -> None:
    """A WARC file of arbitrary bytes is refused with BadInputError, never a traceback."""
    path = tmp_path_factory.mktemp("warc") / "x.warc.gz"
    path.write_bytes(data)
    with contextlib.suppress(errors.BadInputError):
        assert isinstance(load_snapshot(path), Snapshot)
