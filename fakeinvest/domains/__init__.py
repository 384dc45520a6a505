"""Domain intelligence: registrable domains, RDAP and WHOIS lookups, their on-disk cache.

Touches the network (RDAP over HTTPS, WHOIS over TCP 43); everything it returns is frozen
into the snapshot (:class:`~fakeinvest.snapshot.DomainFacts`) before scoring.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import lazy_loader

# Names are imported on first use: importing one stage never loads the others' heavy
# dependencies (scikit-learn, aiohttp, pandas).
__getattr__, __dir__, __all__ = lazy_loader.attach(
    __name__,
    submod_attrs={
        "_cache": ["DomainCache", "default_cache"],
        "_lookup": [
            "DomainInfo", "RunLookups", "domain_info", "lookup_facts", "registrable_domain",
        ],
        "_rdap": ["lookup_rdap", "parse_rdap"],
        "_whois": ["lookup_domain", "parse_whois"],
    },
)

if TYPE_CHECKING:  # pragma: no cover
    from ._cache import DomainCache as DomainCache
    from ._cache import default_cache as default_cache
    from ._lookup import DomainInfo as DomainInfo
    from ._lookup import RunLookups as RunLookups
    from ._lookup import domain_info as domain_info
    from ._lookup import lookup_facts as lookup_facts
    from ._lookup import registrable_domain as registrable_domain
    from ._rdap import lookup_rdap as lookup_rdap
    from ._rdap import parse_rdap as parse_rdap
    from ._whois import lookup_domain as lookup_domain
    from ._whois import parse_whois as parse_whois
