"""The web stage: fetch a site within hard limits (the crawler, its SSRF guard, key-page
discovery) and render JavaScript apps in headless Chromium through the same crawler.

The only package, with :mod:`fakeinvest.domains`, that touches the network.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import lazy_loader

# Names are imported on first use: importing one stage never loads the others' heavy
# dependencies (scikit-learn, aiohttp, pandas).
__getattr__, __dir__, __all__ = lazy_loader.attach(
    __name__,
    submod_attrs={
        "_browser": ["Browser", "find_browser", "looks_like_app_shell"],
        "_crawler": ["Crawler", "RawResponse", "crawl_site", "fetch_site", "validate_url"],
        "_discovery": ["KEY_ROLES", "classify_link", "key_page_urls"],
        "_netguard": ["AddressPolicy"],
    },
)

if TYPE_CHECKING:  # pragma: no cover
    from ._browser import Browser as Browser
    from ._browser import find_browser as find_browser
    from ._browser import looks_like_app_shell as looks_like_app_shell
    from ._crawler import Crawler as Crawler
    from ._crawler import RawResponse as RawResponse
    from ._crawler import crawl_site as crawl_site
    from ._crawler import fetch_site as fetch_site
    from ._crawler import validate_url as validate_url
    from ._discovery import KEY_ROLES as KEY_ROLES
    from ._discovery import classify_link as classify_link
    from ._discovery import key_page_urls as key_page_urls
    from ._netguard import AddressPolicy as AddressPolicy
