"""Render JavaScript platforms in headless Chromium, under the crawler's rules.

Many scam platforms are single-page apps: the HTML a plain fetch receives is an empty
mount point plus a script bundle, and every promise, VIP plan and withdrawal rule is
written into the page by JavaScript. :class:`Browser` drives Debian's ``chromium`` through
Playwright (no browser download) and returns the DOM the victim sees, with a screenshot.

The browser never touches the network itself. Every request it makes -- documents,
scripts, styles, images, XHR/fetch, iframes -- is intercepted and answered by the
:class:`~fakeinvest.web._crawler.Crawler` that fetched the landing page, so the SSRF guard (on
the resolved address), the ``resolve`` map, the proxy, the size caps and the site deadline
are the crawler's. Behind that, the browser is launched with a proxy that does not exist
(also for loopback), so a request that escaped interception could not connect anywhere.
Redirects are followed one hop at a time through the same guard. Websockets are refused,
service workers blocked; downloads, pop-up windows, permission prompts and dialogs are
denied. A request the guard refuses ends the site as ``blocked_private``: a page that
sends a browser to 10.x or 169.254.169.254 is not analysed further.

Renderer memory is bounded by V8's heap limit (:data:`JS_HEAP_MB`); a page that loops
forever or never finishes loading ends at the site deadline, and the browser context is
closed with it. One browser process serves a whole bulk scan, with at most
``FetchConfig.max_renders`` contexts at a time, and exits with the crawler.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import re
import shutil
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol
from urllib.parse import urljoin, urlsplit

from .. import errors
from ..snapshot import Page
from ._discovery import key_page_urls

if TYPE_CHECKING:
    from ..config import FetchConfig
    from ._crawler import RawResponse


class Fetcher(Protocol):
    """What the browser needs of a crawler (:class:`~fakeinvest.web.Crawler` is one)."""

    async def request(self, method: str, url: str, headers: dict[str, str] | None = None,
                      body: bytes | None = None, *, follow: bool = True,
                      max_bytes: int | None = None) -> RawResponse: ...

    async def check_address(self, target: str, url: str = "") -> None: ...

__all__ = ["JS_HEAP_MB", "SHELL_MAX_TEXT", "Browser", "find_browser", "looks_like_app_shell"]

#: A landing page with fewer visible characters than this, and a script, is an app shell.
SHELL_MAX_TEXT = 200
#: A rendered landing page with fewer visible characters than this is empty.
EMPTY_MAX_TEXT = 20
#: V8 heap limit of a renderer, in MiB: a page allocating without end crashes there.
JS_HEAP_MB = 512
#: Bytes the browser may download for one site, as a multiple of ``max_bytes``.
SITE_BUDGET_PAGES = 4
#: Seconds to let a rendered page's own requests settle before its DOM is taken.
SETTLE_SECONDS = 3.0
VIEWPORT = {"width": 1280, "height": 800}

_EXECUTABLES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
_REDIRECTS = (301, 302, 303, 307, 308)
_SCRIPT = re.compile(r"<script\b", re.IGNORECASE)
# Answer headers the browser must not see twice or that no longer hold after decoding.
_DROP = frozenset({"content-length", "content-encoding", "transfer-encoding", "connection",
                   "keep-alive", "set-cookie2"})
_ARGS = (
    "--disable-gpu",
    "--no-first-run",
    "--no-default-browser-check",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-domain-reliability",
    "--disable-sync",
    "--disable-default-apps",
    "--disable-extensions",
    "--disable-breakpad",
    "--no-pings",
    "--dns-prefetch-disable",
    "--mute-audio",
    "--deny-permission-prompts",
    "--disable-features=Translate,OptimizationHints,MediaRouter,DialMediaRouteProvider,"
    "AutofillServerCommunication,InterestFeedContentSuggestions",
    # Nothing the interception lets through can connect: a proxy that does not exist,
    # used for loopback too.
    "--proxy-server=http://127.0.0.1:9",
    "--proxy-bypass-list=<-loopback>",
    f"--js-flags=--max-old-space-size={JS_HEAP_MB}",
)


def looks_like_app_shell(page: Page) -> bool:
    """Whether a fetched page is a JavaScript app shell that only a browser can show.

    Parameters
    ----------
    page : Page

    Returns
    -------
    bool
        True when the page has fewer than :data:`SHELL_MAX_TEXT` visible characters and
        at least one ``<script>`` (a bundle, a framework runtime, inline code writing the
        page). A short page without scripts is what it is: nothing more would appear.
    """
    return len(page.content.text) < SHELL_MAX_TEXT and _SCRIPT.search(page.html) is not None


def find_browser(config: FetchConfig) -> str | None:
    """The Chromium executable to use: ``config.browser``, else the first on ``PATH``."""
    if config.browser:
        return config.browser if os.path.isfile(config.browser) else None
    for name in _EXECUTABLES:
        path = shutil.which(name)
        if path:
            return path
    return None


def _no_browser(why: str, url: str) -> errors.BrowserUnavailableError:
    return errors.BrowserUnavailableError(
        f"{why}; the landing page is a JavaScript app that only a browser can show. Install "
        "Chromium (Debian/Ubuntu: apt-get install chromium) and Playwright (pip install "
        "'fakeinvest[render]'), or name the executable with FAKEINVEST_CHROMIUM", url=url)


@dataclass
class _Site:
    """What one site's rendering has seen so far."""

    url: str
    budget: int
    spent: int = 0
    blocked: errors.BlockedAddressError | None = None
    refused: list[str] = field(default_factory=list)
    # main-frame navigations answered with a redirect: requested URL -> next URL
    redirects: dict[str, str] = field(default_factory=dict)
    # documents served to the main frame: URL -> (status, headers, body)
    documents: dict[str, tuple[int, tuple[tuple[str, str], ...], bytes]] = field(
        default_factory=dict)


class Browser:
    """One headless Chromium process whose every request goes through a crawler.

    Use it as an async context manager inside the crawler's own; it is started on first
    use (:meth:`render_site`), so a bulk scan of plain sites never launches it.

    Parameters
    ----------
    crawler : Fetcher
        Answers every request of the browser.
    config : FetchConfig
    """

    def __init__(self, crawler: Fetcher, config: FetchConfig) -> None:
        self._crawler = crawler
        self._config = config
        self._slots = asyncio.Semaphore(config.max_renders)
        self._lock = asyncio.Lock()
        self._playwright: Any = None
        self._browser: Any = None
        self._unavailable: str | None = None

    async def __aenter__(self) -> Browser:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    async def close(self) -> None:
        """Close the browser process (and Playwright's driver); idempotent."""
        browser, self._browser = self._browser, None
        playwright, self._playwright = self._playwright, None
        if browser is not None:
            with contextlib.suppress(Exception):
                await asyncio.wait_for(browser.close(), 10)
        if playwright is not None:
            with contextlib.suppress(Exception):
                await asyncio.wait_for(playwright.stop(), 10)

    async def _start(self, url: str) -> Any:
        async with self._lock:
            if self._browser is not None:
                return self._browser
            if self._unavailable:
                raise _no_browser(self._unavailable, url)
            try:
                from playwright.async_api import async_playwright  # noqa: PLC0415 - optional dependency (render extra)
            except ImportError:
                self._unavailable = "Playwright is not installed"
                raise _no_browser(self._unavailable, url) from None
            executable = find_browser(self._config)
            if executable is None:
                self._unavailable = ("no Chromium executable found" if not self._config.browser
                                     else f"browser {self._config.browser!r} does not exist")
                raise _no_browser(self._unavailable, url)
            args = list(_ARGS)
            if hasattr(os, "geteuid") and os.geteuid() == 0:
                args.append("--no-sandbox")  # Chromium's sandbox refuses to run as root
            playwright = await async_playwright().start()
            try:
                self._browser = await playwright.chromium.launch(
                    executable_path=executable, args=args, headless=True,
                    handle_sigint=False, handle_sigterm=False, handle_sighup=False,
                    timeout=30_000)
            except Exception as exc:
                with contextlib.suppress(Exception):
                    await playwright.stop()
                self._unavailable = f"{executable} did not start ({str(exc)[:200]})"
                raise _no_browser(self._unavailable, url) from exc
            self._playwright = playwright
            return self._browser

    async def render_site(self, landing: Page, deadline: float,
                          max_pages: int) -> tuple[Page, ...]:
        """Render the landing page and its key pages (client-side routes included).

        Parameters
        ----------
        landing : Page
            The landing page as fetched (its URL is rendered again, in the browser).
        deadline : float
            Event-loop time by which everything must be done.
        max_pages : int
            Landing page plus at most ``max_pages - 1`` key pages.

        Returns
        -------
        tuple of Page
            Rendered pages, landing page first; key pages that fail are skipped.

        Raises
        ------
        fakeinvest.errors.FetchError
            ``blocked_private`` when the page sent the browser to an address the guard
            refuses, ``timeout`` at the deadline, ``no_browser``, ``render`` when the
            browser could not show the page, ``empty_page`` when it shows nothing.
        """
        url = landing.url or ""
        browser = await self._start(url)
        site = _Site(url=url, budget=SITE_BUDGET_PAGES * self._config.max_bytes)
        async with self._slots:
            context = await browser.new_context(
                service_workers="block", accept_downloads=False, viewport=VIEWPORT,
                user_agent=self._config.user_agent, java_script_enabled=True,
                locale="en-US")
            try:
                async with asyncio.timeout_at(deadline):
                    return await self._render_in(context, site, landing, deadline, max_pages)
            except TimeoutError as exc:
                raise errors.FetchTimeoutError(
                    f"site not rendered within {self._config.site_deadline:g} s",
                    url=url) from exc
            finally:
                await self._close_context(context)

    async def _close_context(self, context: Any) -> None:
        try:
            await asyncio.wait_for(context.close(), 10)
        except Exception:
            # A renderer that will not die: take the whole browser down with it; the
            # next render starts a fresh one.
            async with self._lock:
                await self.close()

    async def _render_in(self, context: Any, site: _Site, landing: Page, deadline: float,
                         max_pages: int) -> tuple[Page, ...]:
        loop = asyncio.get_running_loop()

        async def on_route(route: Any) -> None:
            await self._answer(route, site, deadline)

        async def on_websocket(ws: Any) -> None:
            # Websockets are never connected; one aimed at an address the guard refuses
            # ends the site like any other such request.
            site.refused.append(ws.url)
            target = re.sub(r"^ws", "http", ws.url)
            try:
                await self._crawler.check_address(target, site.url)
            except errors.BlockedAddressError as exc:
                site.blocked = site.blocked or errors.BlockedAddressError(
                    f"the page opened a websocket to {ws.url}: {exc.args[0]}", url=site.url)
            except errors.FetchError:
                pass
            with contextlib.suppress(Exception):
                await ws.close(code=1008, reason="refused by fakeinvest")

        await context.route("**/*", on_route)
        with contextlib.suppress(AttributeError):  # Playwright < 1.48 has no websocket routes
            await context.route_web_socket(re.compile(r".*"), on_websocket)
        context.on("page", lambda p: asyncio.ensure_future(_close_popup(p)))
        first = await context.new_page()
        page = await self._render_page(first, landing.url or "", "landing", site, deadline)
        if len(page.content.text) < EMPTY_MAX_TEXT:
            raise errors.EmptyPageError(
                f"{page.url} shows {len(page.content.text)} characters of text even after "
                "rendering in Chromium; nothing to analyse", url=site.url)
        pages = [page]
        for target, role in key_page_urls(page.url or site.url, page.content.links,
                                          max_pages - 1, routes=True):
            if loop.time() >= deadline - 1:
                break
            tab = await context.new_page()
            try:
                pages.append(await self._render_page(tab, target, role, site, deadline))
            except errors.BlockedAddressError:
                raise
            except errors.FetchError:
                continue  # a key page that fails is skipped, as in a plain crawl
            finally:
                with contextlib.suppress(Exception):
                    await tab.close()
        return tuple(pages)

    async def _render_page(self, tab: Any, url: str, role: str, site: _Site,
                           deadline: float) -> Page:
        from playwright.async_api import Error as PlaywrightError  # noqa: PLC0415 - optional dependency (render extra)

        loop = asyncio.get_running_loop()
        tab.on("dialog", lambda d: asyncio.ensure_future(_dismiss(d)))
        target = url
        for _hop in range(self._config.max_redirects + 1):
            left_ms = max(1.0, (deadline - loop.time()) * 1000)
            try:
                await tab.goto(target, wait_until="load", timeout=left_ms)
            except PlaywrightError as exc:
                if site.blocked is not None:
                    raise site.blocked from None
                nxt = site.redirects.pop(target.split("#", 1)[0], None)
                if nxt is not None:
                    target = nxt
                    continue
                if "Timeout" in type(exc).__name__ or "Timeout" in str(exc)[:80]:
                    raise errors.FetchTimeoutError(f"{target} did not load before the deadline",
                                              url=site.url) from None
                raise errors.RenderError(f"{target}: {str(exc).splitlines()[0][:300]}",
                                         url=site.url) from None
            break
        else:
            raise errors.TooManyRedirectsError(
                f"more than {self._config.max_redirects} redirects starting at {url}",
                url=site.url)
        settle = min(SETTLE_SECONDS, max(0.0, deadline - loop.time() - 1))
        with contextlib.suppress(PlaywrightError):
            await tab.wait_for_load_state("networkidle", timeout=max(1.0, settle * 1000))
        if site.blocked is not None:
            raise site.blocked
        html = await _content(tab)
        if site.blocked is not None:
            raise site.blocked
        left_ms = max(1.0, (deadline - loop.time()) * 1000)
        try:
            png: bytes | None = await tab.screenshot(type="png", timeout=min(left_ms, 10_000))
        except PlaywrightError:
            png = None
        final = tab.url
        status, headers, raw = site.documents.get(final.split("#", 1)[0], (200, (), None))
        return Page(url=final, html=html, role=role, status=status, content_type="text/html",
                    raw=raw, headers=headers, rendered=True, screenshot=png)

    async def _answer(self, route: Any, site: _Site, deadline: float) -> None:
        """Answer one browser request through the crawler, or refuse it."""
        request = route.request
        url = request.url
        if urlsplit(url).scheme not in ("http", "https"):
            site.refused.append(url)
            await _abort(route, "blockedbyclient")
            return
        if site.blocked is not None or asyncio.get_running_loop().time() >= deadline:
            await _abort(route, "aborted")
            return
        try:
            main = request.is_navigation_request() and request.frame.parent_frame is None
        except Exception:  # a worker's request has no frame
            main = False
        left = site.budget - site.spent
        try:
            headers = await request.all_headers()
            answer = await self._crawler.request(
                request.method, url, headers, request.post_data_buffer, follow=not main,
                max_bytes=max(0, min(self._config.max_bytes, left)))
        except errors.BlockedAddressError as exc:
            site.blocked = site.blocked or errors.BlockedAddressError(
                f"the page sent the browser to {url}: {exc.args[0] if exc.args else exc}",
                url=site.url)
            await _abort(route, "blockedbyclient")
            return
        except errors.FetchError:
            await _abort(route, "failed")
            return
        except Exception:  # the route or the page went away meanwhile
            await _abort(route, "failed")
            return
        site.spent += len(answer.body)
        location = dict((k.lower(), v) for k, v in answer.headers).get("location")
        if main and answer.status in _REDIRECTS and location:
            # Followed by a new navigation, so the next hop passes this handler too.
            site.redirects[url.split("#", 1)[0]] = urljoin(url, location)
            await _abort(route, "aborted")
            return
        if main:
            site.documents[answer.url.split("#", 1)[0]] = (answer.status, answer.headers,
                                                           answer.body)
        send = [(k, v) for k, v in answer.headers if k.lower() not in _DROP]
        with contextlib.suppress(Exception):
            await route.fulfill(status=answer.status, headers=dict(send), body=answer.body)


async def _content(tab: Any) -> str:
    """The page's DOM; once more after a navigation the page's own script started."""
    from playwright.async_api import Error as PlaywrightError  # noqa: PLC0415 - optional dependency (render extra)

    try:
        return await tab.content()
    except PlaywrightError:
        with contextlib.suppress(PlaywrightError):
            await tab.wait_for_load_state("load", timeout=2000)
        return await tab.content()


async def _abort(route: Any, reason: str) -> None:
    with contextlib.suppress(Exception):
        await route.abort(reason)


async def _dismiss(dialog: Any) -> None:
    with contextlib.suppress(Exception):
        await dialog.dismiss()


async def _close_popup(page: Any) -> None:
    """Close every window a page opens (the scan's own tabs have no opener)."""
    with contextlib.suppress(Exception):
        if await page.opener() is not None:
            await page.close()
