"""Local servers for tests, benchmarks and the demo: static sites, WHOIS, RDAP, and the
hostile answers (compression bombs, slow drips) the crawler is tested against; and
:class:`StreamServer`, the asyncio base of raw-socket servers (a proxy, misbehaving HTTP).

Not runtime code: nothing in the scanning path imports this package.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import lazy_loader

# Names are imported on first use: importing one stage never loads the others' heavy
# dependencies (scikit-learn, aiohttp, pandas).
__getattr__, __dir__, __all__ = lazy_loader.attach(
    __name__,
    submod_attrs={
        "_stream": ["StreamServer"],
        "_servers": [
            "CannedResponse", "RdapServer", "SiteServer", "WhoisServer", "demo_whois_records",
            "gzip_bomb", "rdap_record", "slow_drip",
        ],
    },
)

if TYPE_CHECKING:  # pragma: no cover
    from ._servers import CannedResponse as CannedResponse
    from ._servers import RdapServer as RdapServer
    from ._servers import SiteServer as SiteServer
    from ._servers import WhoisServer as WhoisServer
    from ._servers import demo_whois_records as demo_whois_records
    from ._servers import gzip_bomb as gzip_bomb
    from ._servers import rdap_record as rdap_record
    from ._servers import slow_drip as slow_drip
    from ._stream import StreamServer as StreamServer
