"""``fakeinvest demo``: scan the shipped example sites, served on 127.0.0.1, end to end.

Starts a local HTTP server for the four example sites (a fake ATFX broker, a HYIP, a
regulated broker and a bakery) and a local WHOIS server, maps the sites' host names to
127.0.0.1, and runs the real pipeline: crawl, key-page discovery, WHOIS, features, model.
No packet leaves the machine.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from .api import scan_many
from .config import FetchConfig, LookupConfig
from .testing._servers import SiteServer, WhoisServer, demo_whois_records
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


def run_demo() -> list[Verdict]:
    """Serve the example sites locally and scan them with the real pipeline.

    Returns
    -------
    list of Verdict
        One per example site, in ``DEMO_SITES`` order.
    """
    with SiteServer(demo_site_dirs()) as sites, WhoisServer(demo_whois_records()) as whois:
        config = FetchConfig(resolve=dict.fromkeys(DEMO_SITES, "127.0.0.1"),
                             allow_private=["127.0.0.0/8"], site_deadline=20.0)
        # Every WHOIS query goes to the local server; no RDAP, no cache of the user's.
        lookup = LookupConfig(whois_server=whois.address, rdap_url="off", cache_dir=None)
        urls = [sites.url(host) for host in DEMO_SITES]
        return list(scan_many(urls, config=config, allow_private=["127.0.0.0/8"],
                              lookup=lookup))
