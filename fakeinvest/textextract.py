"""HTML to visible text, title and links (Lexbor parser via selectolax)."""

from __future__ import annotations

from dataclasses import dataclass

from selectolax.lexbor import LexborHTMLParser

__all__ = ["Link", "PageText", "extract_page_text"]

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

    tree = LexborHTMLParser(html or "")
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
