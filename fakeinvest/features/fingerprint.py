"""A DOM-structure fingerprint for spotting relaunched scam kits.

:func:`dom_fingerprint` is a 64-bit SimHash of the page's element *structure*: tag names
and class tokens, never text, ids, URLs or attribute values. Two copies of one kit with
different brands, texts, prices and domains get the same or a nearby fingerprint;
:func:`same_kit` compares two fingerprints with a threshold chosen on a labelled corpus
(see its docstring). The scripts' own traces are :mod:`fakeinvest.features.kit`.
"""

from __future__ import annotations

import hashlib
import re

import numpy as np
from selectolax.lexbor import LexborHTMLParser

from ..textextract import parse_html

__all__ = ["DEFAULT_MAX_DISTANCE", "dom_fingerprint", "fingerprint_distance", "same_kit"]

#: Default :func:`same_kit` threshold, in bits of 64 (see :func:`same_kit`).
DEFAULT_MAX_DISTANCE = 10

#: HTML longer than this is fingerprinted on its first MAX_FINGERPRINT_CHARS characters.
MAX_FINGERPRINT_CHARS = 2_000_000
#: Only the first MAX_FINGERPRINT_ELEMENTS rendered elements are used (bounds the cost).
MAX_FINGERPRINT_ELEMENTS = 8_000

# Rendered elements only: relaunches add and drop analytics, chat widgets, fonts and SEO
# tags all the time, and inline SVG icons are drawings, not page structure. An <svg> is
# kept but not entered; these are neither kept nor entered:
_SKIPPED = frozenset({"noscript", "script", "style", "template", "link", "meta", "base",
                      "title"})
_DIGITS = re.compile(r"\d+")

# (tag, raw class attribute) -> token hash; bounded, cleared when full.
_token_cache: dict[tuple[str, str | None], int] = {}
_CACHE_MAX = 1 << 16

# splitmix64 finaliser and odd multipliers: shingle/path hashes from token hashes.
_U64 = np.uint64
_MIX1, _MIX2 = _U64(0xBF58476D1CE4E5B9), _U64(0x94D049BB133111EB)
_S30, _S27, _S31 = _U64(30), _U64(27), _U64(31)
_K = tuple(
    _U64(k)
    for k in (
        0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9,
        0xD6E8FEB86659FD93, 0xFF51AFD7ED558CCD, 0xC4CEB9FE1A85EC53,
    )
)
_ROOT = _U64(0x2545F4914F6CDD1D)  # stands for "no parent"


def _mix(x: np.ndarray) -> np.ndarray:
    x = x ^ (x >> _S30)
    x = x * _MIX1
    x = x ^ (x >> _S27)
    x = x * _MIX2
    return x ^ (x >> _S31)


def _parse(html: str) -> LexborHTMLParser:
    return parse_html(html[:MAX_FINGERPRINT_CHARS])


def _token_hash(tag: str, cls: str | None) -> int:
    """BLAKE2b hash (as int64) of the token ``tag`` or ``tag.class1 class2``."""
    key = " ".join(sorted(set(_DIGITS.sub("", cls).split()))) if cls else ""
    token = f"{tag}.{key}" if key else tag
    digest = hashlib.blake2b(
        token.encode("utf-8", "surrogatepass"), digest_size=8, person=b"fi-domfp"
    ).digest()
    return int.from_bytes(digest, "little", signed=True)  # int64: fast into numpy


def _elements(html: str) -> tuple[list[int], list[int]]:
    """Token hash and parent index (-1: none) of each rendered element, in document order.

    A token is ``tag`` or ``tag.class1 class2`` (class tokens de-duplicated and sorted,
    digits removed).
    """
    tree = _parse(html)
    hashes: list[int] = []
    parents: list[int] = []
    cache = _token_cache
    root = tree.body if tree.body is not None else tree.root
    if root is None:
        return hashes, parents
    # Elements in document order, iterated in C; each one's parent is looked up by id, so
    # the walk is linear whatever the depth (a CSS descendant selector walks every
    # element's ancestors: quadratic on thousands of unclosed tags). Elements inside a
    # skipped one (a <noscript>, an <svg>'s drawing) are skipped with it.
    index: dict[int, int] = {}
    closed: set[int] = set()  # elements whose descendants are not fingerprinted
    top = root.mem_id
    nodes = root.traverse(include_text=False)
    if tree.body is not None:
        next(nodes, None)  # <body> itself is not fingerprinted
    for node in nodes:
        if len(hashes) >= MAX_FINGERPRINT_ELEMENTS:
            break
        if not node.is_element_node:  # comments
            continue
        parent = node.parent
        pid = parent.mem_id if parent is not None else top
        tag = node.tag or ""
        mid = node.mem_id
        if pid in closed or tag in _SKIPPED:
            closed.add(mid)
            continue
        key = (tag, node.attributes.get("class"))
        value = cache.get(key)
        if value is None:
            value = _token_hash(*key)
            if len(cache) >= _CACHE_MAX:
                cache.clear()
            cache[key] = value
        index[mid] = len(hashes)
        parents.append(index.get(pid, -1))
        hashes.append(value)
        if tag == "svg":  # kept, but its drawing is not page structure
            closed.add(mid)
    return hashes, parents


def _features(hashes: list[int], parents: list[int]) -> np.ndarray:
    """Sorted distinct feature hashes: 3-element shingles and 3-element ancestor paths."""
    n = len(hashes)
    h = np.array(hashes, dtype=np.int64).view(np.uint64)
    parent = np.array(parents, dtype=np.int64)
    seq = h if n >= 3 else np.append(h, [_ROOT] * (3 - n))
    m = len(seq) - 2  # number of shingles
    with_root = np.append(h, _ROOT)  # index -1 (no parent) -> _ROOT
    grand = parent[parent]
    grand[parent < 0] = -1
    out = np.empty(m + n, dtype=np.uint64)
    with np.errstate(over="ignore"):
        np.multiply(seq[:m], _K[0], out=out[:m])
        out[:m] += seq[1 : m + 1] * _K[1]
        out[:m] += seq[2 : m + 2] * _K[2]
        np.multiply(h, _K[3], out=out[m:])
        out[m:] += with_root[parent] * _K[4]
        out[m:] += with_root[grand] * _K[5]
        out = _mix(out)
    out.sort()
    return out[np.concatenate(([True], out[1:] != out[:-1]))]


def _simhash(features: np.ndarray) -> int:
    if len(features) == 0:
        return 0
    octets = features.astype("<u8").view(np.uint8).reshape(-1, 8)
    ones = np.unpackbits(octets, axis=1, bitorder="little").sum(axis=0)
    majority = ones * 2 > len(features)
    return int.from_bytes(np.packbits(majority, bitorder="little").tobytes(), "little")


def dom_fingerprint(html: str) -> int:
    """64-bit SimHash of a page's element structure (tags and classes, never text).

    Parameters
    ----------
    html : str
        Page HTML; any string (empty, a fragment, malformed) is accepted.

    Returns
    -------
    int
        Fingerprint in ``[0, 2**64)``; 0 when the page has no rendered element.
        Identical for any two pages whose rendered elements carry the same tags and
        class tokens in the same tree, whatever their texts, attribute values, URLs,
        ids, scripts, styles or inline SVG. Deterministic across runs, processes and
        machines (BLAKE2b token hashes and fixed 64-bit integer mixing; no ``hash()``).

    Notes
    -----
    The page is parsed with Lexbor (selectolax). Each rendered element of the body
    becomes a token ``tag.class1 class2``: class tokens sorted and de-duplicated, digits
    removed (``col-md-4``/``col-md-6`` and build-numbered classes agree), ids and other
    attributes dropped. ``script``, ``style``, ``noscript``, ``template``, ``link``,
    ``meta`` and SVG internals are skipped: relaunched kits add and remove analytics,
    chat widgets and icons freely. The feature *set* (repeats counted once, so pages
    with three or four plan cards agree) is the union of

    * shingles of 3 consecutive tokens in document order -- discriminative: they
      capture sibling order and the flow of the page; and
    * ancestor paths of 3 tokens (grand-parent > parent > element) -- robust: inserting
      or deleting one element changes only a few of them.

    Measured on the development corpus (5,336 pages; details in :func:`same_kit`),
    the union matched about as few unrelated pages as the shingles alone (213 against
    167 cross-site pairs within 10 bits, of 13.8 million) while tolerating edits better
    (3 deleted elements: 90 % of kit pages within 10 bits against 80 %); ancestor paths
    alone matched over 30,000 unrelated pairs (documentation pages built from the same
    few tags).

    Lexbor rather than a regex over start tags: a tag regex plus the Python needed to
    skip comments and ``<script>`` bodies (whose ``"<div>"`` strings would count as
    elements) and to track parents through implied and missing end tags measured about
    three times slower (1.4 ms against 0.5 ms for 20 KB) and is less faithful to the
    tree a browser builds. The cost is the parse (~0.13 ms per 20 KB) plus ~1.2 us of
    Python per element (~230 elements in a 20 KB page); shingle hashing and the SimHash
    are vectorised with numpy.

    Pages with very little structure (a handful of elements) get fingerprints that say
    little; compare such pages by content instead.
    """
    hashes, parents = _elements(html or "")
    if not hashes:
        return 0
    return _simhash(_features(hashes, parents))


def fingerprint_distance(a: int, b: int) -> int:
    """Hamming distance between two :func:`dom_fingerprint` values.

    Parameters
    ----------
    a, b : int
        64-bit fingerprints.

    Returns
    -------
    int
        Number of differing bits, 0 to 64.
    """
    return ((a ^ b) & 0xFFFF_FFFF_FFFF_FFFF).bit_count()


def same_kit(a: int, b: int, max_distance: int = DEFAULT_MAX_DISTANCE) -> bool:
    """Whether two pages' structure fingerprints say they come from one kit.

    Parameters
    ----------
    a, b : int
        :func:`dom_fingerprint` values.
    max_distance : int, default 10
        Largest Hamming distance still counted as the same kit.

    Returns
    -------
    bool

    Notes
    -----
    The default of 10 bits was chosen on the development corpus (5,336 labelled pages:
    708 scam pages from kit repositories and lander brands, 4,628 legitimate pages;
    pages grouped by kit repository or site):

    * Unrelated pages sit around 32 bits apart (1st percentile 22). Of 13.8 million
      pairs from different groups, 213 are within 10 bits (1.5e-5), and these are
      mostly real template matches: Gawker/Kinja sites (gawker, jezebel, deadspin,
      kotaku), IDG's computerworld/infoworld, one site filed under two source
      datasets, and 10 pairs of scam repositories running the same GoldCoders
      template. No scam page is within 12 bits of a legitimate page (3.3 million
      pairs; 19 within 14).
    * Copies with other texts, brands, prices, links and images are at distance 0.
      Simulated relaunch edits of the 708 scam pages stay within 10 bits in 97 % of
      cases for one inserted block, 94 % for two, 90 % for three deleted elements,
      97 % for two removed repeated items (plan cards), 81 % for three deletions plus
      an insertion plus a removed item, and 71 % when one class is renamed throughout.

    12 bits is the largest threshold with no scam/legitimate pair (recall for the edits
    above 99 / 98 / 95 / 99 / 89 / 82 %, 397 cross-group pairs); use it for recall, or
    6-8 bits when a false "same kit" claim is costly.
    """
    return fingerprint_distance(a, b) <= max_distance
