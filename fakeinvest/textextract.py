"""HTML to visible text, title and links (Lexbor parser via selectolax)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from selectolax.lexbor import LexborHTMLParser

__all__ = ["MAX_ATTRIBUTES", "MAX_DEPTH", "Link", "PageText", "cap_attributes", "cap_nesting",
           "extract_page_text", "parse_html"]

#: Elements nested deeper than this are dropped before parsing (their text is kept).
#: Real pages stay far below it (lxml gives up at 255); an HTML5 parser's work grows with
#: the square of the depth, so 20,000 nested <div>s cost seconds.
MAX_DEPTH = 512
# A page is rewritten only when a cheap count (tags opened minus tags closed, per chunk,
# counted in C by str.count) says it may nest deeper than _TRIGGER; a parse at that depth
# still costs only milliseconds.
_TRIGGER = 2048
_CHUNK = 32768
#: Attributes kept per element: the parser's work grows with the square of an element's
#: attribute count (20,000 attributes on one <div> cost a second). Pages with that many
#: "=" at all are rare (a few in a hundred), and are searched for such an element.
MAX_ATTRIBUTES = 1024
_MANY_ATTRIBUTES = re.compile(r"<[A-Za-z](?:[^<>=]{0,4000}=){" + str(MAX_ATTRIBUTES) + "}")
_OPEN_TAG = re.compile(r"<[A-Za-z][^<>]*")
# A tag ends at ">" before the next "<" (so every candidate scans at most to the next "<":
# linear); a comment's end is found with str.find, once.
_TAG = re.compile(r"<(/?)([A-Za-z][^\s/<>]{0,40})[^<>]{0,4000}>|<!--")
_RAW_TEXT = frozenset({"script", "style", "textarea", "title", "xmp", "noembed",
                       "noframes", "iframe", "plaintext", "template"})
_VOID_TAGS = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link",
                        "meta", "param", "source", "track", "wbr"})

# Elements whose text a visitor never reads.
_INVISIBLE = ("script", "style", "noscript", "template", "svg", "iframe", "object")
MAX_TEXT_CHARS = 200_000


@dataclass(frozen=True)
class Link:
    """A hyperlink: raw ``href`` and its visible text (or ``title``/``aria-label``)."""

    href: str
    text: str


@dataclass(frozen=True)
class PageText:
    """The human-visible content of a page.

    Attributes
    ----------
    title : str
        ``<title>`` text (may be empty: many kit pages are fragments).
    text : str
        Visible text with whitespace collapsed to single spaces, capped at
        ``MAX_TEXT_CHARS`` characters. Evidence offsets refer to this string.
    links : tuple of Link
        Anchors in document order.
    site_name : str
        ``og:site_name`` / ``application-name`` meta content, if any.
    """

    title: str
    text: str
    links: tuple[Link, ...]
    site_name: str = ""


def _may_nest_deeper(html: str, depth: int) -> bool:
    """Cheap test that ``html`` cannot nest deeper than ``depth``: False when, after
    every chunk, the tags opened minus those closed (and self-closed, and comments or
    declarations) stay below it. Void elements count as opened, so the test errs on the
    side of a rewrite, which only costs time."""
    if html.count("<") < depth:
        return False
    level = 0
    for i in range(0, len(html), _CHUNK):
        chunk = html[i:i + _CHUNK]
        level += (chunk.count("<") - 2 * chunk.count("</") - chunk.count("/>")
                  - chunk.count("<!"))
        level = max(level, 0)
        if level >= depth:
            return True
    return False


def cap_nesting(html: str, max_depth: int = MAX_DEPTH) -> str:
    """``html`` with the elements nested deeper than ``max_depth`` removed (their text
    and the shallower markup are kept).

    One linear pass over the tags with a stack of open elements, run when a cheap count
    cannot exclude nesting deeper than ``max(max_depth, 2048)``; other pages come back
    as they are (at depths up to that a parse costs milliseconds).

    Parameters
    ----------
    html : str
    max_depth : int

    Returns
    -------
    str
    """
    if not _may_nest_deeper(html, max(max_depth, _TRIGGER)):
        return html
    return _capped(html, max_depth)


@lru_cache(maxsize=4)
def _capped(html: str, max_depth: int) -> str:
    """The rewrite of :func:`cap_nesting` (kept for the few pages that need it: the text
    extractor and the DOM fingerprint parse the same page one after the other)."""
    out: list[str] = []
    stack: list[str] = []
    last = 0
    skip_until: str | None = None
    pos = 0
    while (m := _TAG.search(html, pos)) is not None:
        pos = m.end()
        if m.group(0) == "<!--":
            end = html.find("-->", pos)
            if end < 0:
                break  # an unclosed comment runs to the end of the document
            pos = end + 3
            continue
        closing, name = m.group(1), (m.group(2) or "").lower()
        if skip_until is not None:  # inside <script>, <style> ...: text, not tags
            if closing and name == skip_until:
                skip_until = None
                if stack and stack[-1] == name:
                    stack.pop()
            continue
        if closing:
            if name in stack[-64:]:
                while stack and stack.pop() != name:
                    pass
                continue
            out.append(html[last:m.start()])  # a stray closer (of a dropped opener)
            last = m.end()
            continue
        if name in _VOID_TAGS or m.group(0).endswith("/>"):
            continue
        if name in _RAW_TEXT:
            skip_until = name
        if len(stack) >= max_depth:
            out.append(html[last:m.start()])  # too deep: drop the tag, keep its text
            last = m.end()
            skip_until = None
            continue
        stack.append(name)
    out.append(html[last:])
    return "".join(out)


def cap_attributes(html: str, max_attributes: int = MAX_ATTRIBUTES) -> str:
    """``html`` with every element's attributes after the first ``max_attributes``
    dropped (in the rare pages that have such an element; others come back as they are).

    Parameters
    ----------
    html : str
    max_attributes : int

    Returns
    -------
    str
    """
    if html.count("=") < max_attributes or not _MANY_ATTRIBUTES.search(html):
        return html

    def shorten(m: re.Match[str]) -> str:
        tag = m.group(0)
        if tag.count("=") <= max_attributes:
            return tag
        pos = -1
        for _ in range(max_attributes + 1):
            pos = tag.find("=", pos + 1)
        cut = max(tag.rfind(" ", 0, pos), tag.rfind("\n", 0, pos))
        return tag[:cut] if cut > 0 else tag[:pos]

    return _OPEN_TAG.sub(shorten, html)


def parse_html(html: str) -> LexborHTMLParser:
    """Parse HTML with Lexbor, bounded: nesting capped (:func:`cap_nesting`), attributes
    per element capped (:func:`cap_attributes`), and lone surrogates (which cannot be
    encoded for the parser) replaced.

    Parameters
    ----------
    html : str

    Returns
    -------
    selectolax.lexbor.LexborHTMLParser
    """
    html = cap_attributes(cap_nesting(html or ""))
    try:
        return LexborHTMLParser(html)
    except UnicodeError:
        return LexborHTMLParser(html.encode("utf-8", "replace").decode("utf-8"))


def _clean(s: str | None) -> str:
    return " ".join(s.split()) if s else ""


def extract_page_text(html: str) -> PageText:
    """Parse HTML and return its visible text, title, links and site name.

    Parameters
    ----------
    html : str
        Decoded HTML (any size; malformed markup is tolerated).

    Returns
    -------
    PageText
    """

    tree = parse_html(html)
    title_node = tree.css_first("title")
    title = _clean(title_node.text()) if title_node is not None else ""
    site_name = ""
    for sel in ('meta[property="og:site_name"]', 'meta[name="application-name"]'):
        node = tree.css_first(sel)
        if node is not None:
            site_name = _clean(node.attributes.get("content"))
            if site_name:
                break
    links = []
    for a in tree.css("a[href]"):
        href = (a.attributes.get("href") or "").strip()
        if not href:
            continue
        label = _clean(a.text(separator=" "))
        if not label:
            label = _clean(a.attributes.get("title") or a.attributes.get("aria-label"))
        links.append(Link(href=href, text=label[:200]))
    tree.strip_tags(list(_INVISIBLE))
    root = tree.body or tree.root
    text = _clean(root.text(separator=" ")) if root is not None else ""
    return PageText(
        title=title,
        text=text[:MAX_TEXT_CHARS],
        links=tuple(links),
        site_name=site_name,
    )
