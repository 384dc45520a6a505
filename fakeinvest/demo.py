"""``fakeinvest demo``: scan the shipped example sites, served on 127.0.0.1, end to end.

Starts a local HTTP server for the four example sites (a fake ATFX broker, a HYIP, a
regulated broker and a bakery) and a local WHOIS server, maps the sites' host names to
127.0.0.1, and runs the real pipeline: crawl, key-page discovery, WHOIS, features, model.
No packet leaves the machine.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

from .config import FetchConfig
from .localservers import SiteServer, WhoisServer, demo_whois_records
from .verdict import Verdict

__all__ = ["DEMO_SITES", "demo_site_dirs", "run_demo"]

DEMO_SITES = (
    "atfx-vn.com",
    "coinyield-capital.biz",
    "harbourline-markets.co.uk",
    "riverside-bakery.com",
)


def demo_site_dirs() -> dict[str, Path]:
    """Host name to directory of each shipped example site."""
    base = Path(str(resources.files("fakeinvest.demo_sites")))
    return {host: base / host for host in DEMO_SITES}


@contextlib.contextmanager
def _env(name: str, value: str) -> Iterator[None]:
    old = os.environ.get(name)
    os.environ[name] = value
    try:
        yield
    finally:
        if old is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = old


def run_demo() -> list[Verdict]:
    """Serve the example sites locally and scan them with the real pipeline.

    Returns
    -------
    list of Verdict
        One per example site, in ``DEMO_SITES`` order.
    """
    from .api import scan_many

    with SiteServer(demo_site_dirs()) as sites, WhoisServer(demo_whois_records()) as whois, \
            _env("FAKEINVEST_WHOIS_SERVER", whois.address):
        config = FetchConfig(resolve=dict.fromkeys(DEMO_SITES, "127.0.0.1"),
                             allow_private=["127.0.0.0/8"], site_deadline=20.0)
        urls = [sites.url(host) for host in DEMO_SITES]
        return list(scan_many(urls, config=config, allow_private=["127.0.0.0/8"]))
