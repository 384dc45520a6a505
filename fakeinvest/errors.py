"""The one exception hierarchy of fakeinvest.

Every error the library raises on purpose derives from :class:`FakeinvestError`::

    FakeinvestError
    ├── BadInputError (also ValueError)       bad URL, unreadable file, bad argument
    │   └── SnapshotIntegrityError            a saved snapshot was cut short or altered
    ├── MissingDependencyError (ImportError)  an optional extra is not installed
    ├── FetchError                            a site could not be fetched  -> Verdict.error
    │   ├── DNSError                          kind "dns"
    │   ├── ConnectError                      kind "connect"
    │   ├── FetchTimeoutError                 kind "timeout"
    │   ├── TooLargeError                     kind "too_large"
    │   ├── TooManyRedirectsError             kind "too_many_redirects"
    │   ├── NotHTMLError                      kind "not_html"
    │   ├── BlockedAddressError               kind "blocked_private"
    │   ├── HTTPStatusError                   kind "http_status"
    │   ├── TLSError                          kind "tls"
    │   └── RenderError                       kind "render"
    │       ├── BrowserUnavailableError       kind "no_browser"
    │       └── EmptyPageError                kind "empty_page"
    ├── WhoisLookupError                      a domain lookup failed (``reason``)
    ├── ModelError                            model file missing, corrupt, incompatible
    │   └── UntrustedModelError               refused to unpickle an unverified file
    └── QualityGateError                      a retrained model fell below the gate

    ModelVersionWarning (UserWarning)         model written by another scikit-learn

Network failures are translated into :class:`FetchError` subclasses at one boundary
(:mod:`fakeinvest.web`); each carries a stable ``kind`` that a
:class:`~fakeinvest.verdict.Verdict` records in ``error_kind`` (and, with the message, in
``error``) when a site could not be analysed. No class here shadows a builtin name.

"Could not analyse" (an exception, or ``Verdict.error`` set) is never the same thing as
"analysed, no signal" (``Verdict.error is None`` and a low probability).
"""

from __future__ import annotations

__all__ = [
    "WHOIS_REASONS",
    "BadInputError",
    "BlockedAddressError",
    "BrowserUnavailableError",
    "ConnectError",
    "DNSError",
    "EmptyPageError",
    "FakeinvestError",
    "FetchError",
    "FetchTimeoutError",
    "HTTPStatusError",
    "MissingDependencyError",
    "ModelError",
    "ModelVersionWarning",
    "NotHTMLError",
    "QualityGateError",
    "RenderError",
    "SnapshotIntegrityError",
    "TLSError",
    "TooLargeError",
    "TooManyRedirectsError",
    "UntrustedModelError",
    "WhoisLookupError",
]

#: Every ``reason`` a WHOIS/RDAP lookup failure can carry (``DomainInfo.error``).
WHOIS_REASONS = ("timeout", "connect", "no_server", "bad_domain", "no_domain", "no_match",
                 "rate_limited", "http_status", "too_large", "unparsable", "unparsable_date",
                 "no_creation_date")


class FakeinvestError(Exception):
    """Base class of every error raised by fakeinvest."""


class BadInputError(FakeinvestError, ValueError):
    """The caller passed something that cannot be analysed (bad URL, unreadable file)."""


class SnapshotIntegrityError(BadInputError):
    """A WARC snapshot is not the evidence that was saved: a record's digest does not
    match its content, records the snapshot declares are missing (a file cut short), or
    the digests of its directory's ``index.jsonl`` disagree. It is refused rather than
    re-scored, since a verdict on altered evidence would be silently wrong."""


class MissingDependencyError(FakeinvestError, ImportError):
    """An optional dependency is needed for this and is not installed.

    Attributes
    ----------
    package : str
        The missing top-level package (``pandas``, ``distributed``, ``playwright``).
    extra : str
        The extra of fakeinvest that installs it (``notebook``, ``dask``, ``render``); the
        message ends with the ``pip install`` command.
    """

    def __init__(self, package: str, extra: str) -> None:
        super().__init__(f"{package} is needed for this; install it with "
                         f"`pip install \"fakeinvest[{extra}]\"`")
        self.package = package
        self.extra = extra


class FetchError(FakeinvestError):
    """A site could not be fetched.

    Attributes
    ----------
    kind : str
        Stable machine-readable error kind, one of ``dns``, ``connect``, ``timeout``,
        ``too_large``, ``too_many_redirects``, ``not_html``, ``blocked_private``,
        ``http_status``, ``tls``; for JavaScript apps also ``render``, ``no_browser``,
        ``empty_page``.
    url : str
        The URL that failed.
    transient : bool
        True when retrying later may succeed (dropped connection, HTTP 429/503 ...);
        the crawler retries those, with backoff, before giving up.
    retry_after : float
        Seconds the server asked to wait (``Retry-After``), 0 when it did not say.
    """

    kind = "fetch"
    transient: bool = False
    retry_after: float = 0.0

    def __init__(self, message: str, *, url: str = "") -> None:
        super().__init__(message)
        self.url = url

    def __str__(self) -> str:
        return f"{self.kind}: {self.args[0]}" if self.args else self.kind


class DNSError(FetchError):
    """The host name does not resolve."""

    kind = "dns"


class ConnectError(FetchError):
    """The TCP connection was refused or reset."""

    kind = "connect"


class FetchTimeoutError(FetchError):
    """The site did not answer within the configured deadline."""

    kind = "timeout"


class TooLargeError(FetchError):
    """The (decoded) response body exceeded the configured size cap."""

    kind = "too_large"


class TooManyRedirectsError(FetchError):
    """The site redirected more often than allowed (or in a loop)."""

    kind = "too_many_redirects"


class NotHTMLError(FetchError):
    """The landing page is not an HTML document (binary, image, JSON, empty)."""

    kind = "not_html"


class BlockedAddressError(FetchError):
    """The URL resolves to an address the SSRF guard does not allow."""

    kind = "blocked_private"


class HTTPStatusError(FetchError):
    """The landing page answered with an HTTP error status.

    Attributes
    ----------
    status : int
        The HTTP status code.
    """

    kind = "http_status"

    def __init__(self, message: str, *, url: str = "", status: int = 0) -> None:
        super().__init__(message, url=url)
        self.status = status


class TLSError(FetchError):
    """The TLS handshake or certificate check failed."""

    kind = "tls"


class RenderError(FetchError):
    """The page needed a browser and the browser could not show it (it crashed or the
    page never finished loading). Its kinds: ``render``, ``no_browser``, ``empty_page``."""

    kind = "render"


class BrowserUnavailableError(RenderError):
    """The landing page is a JavaScript app and no browser is available to render it.

    Install Chromium (Debian/Ubuntu: ``apt-get install chromium``) and Playwright
    (``pip install 'fakeinvest[render]'``), or name the executable with
    ``FAKEINVEST_CHROMIUM`` / ``FetchConfig(browser=...)``.
    """

    kind = "no_browser"


class EmptyPageError(RenderError):
    """The landing page shows (almost) no text: a JavaScript app scanned with rendering
    off, or a page still empty after rendering. Nothing on it can be analysed."""

    kind = "empty_page"


class WhoisLookupError(FakeinvestError):
    """A WHOIS lookup failed; the domain-age feature is then missing (NaN), not zero.

    Attributes
    ----------
    reason : str
        Short machine-readable reason, one of :data:`WHOIS_REASONS`:

        - ``timeout``: the total deadline passed (dead-slow or dripping server);
        - ``connect``: the server refused or dropped the connection;
        - ``no_server``: no WHOIS/RDAP server is known for the TLD;
        - ``bad_domain``: not a valid (IDNA-encodable) domain name;
        - ``no_domain``: the host is an IP address or has no registrable domain;
        - ``no_match``: the registry says the domain is not registered (RDAP 404);
        - ``rate_limited``: the server refused to answer now (RDAP 429, WHOIS quota text);
        - ``http_status``: an RDAP server answered with another HTTP error;
        - ``too_large``: the answer exceeded the size cap (256 KB WHOIS, 1 MB RDAP);
        - ``unparsable``: the answer holds nothing recognisable (garbage, HTML, bad JSON);
        - ``unparsable_date``: the record has a creation date that cannot be read
          (the other fields are kept);
        - ``no_creation_date``: the record has no creation date at all (e.g. DENIC).
    """

    def __init__(self, message: str, *, reason: str) -> None:
        super().__init__(message)
        self.reason = reason


class ModelError(FakeinvestError):
    """The model file is missing, corrupt or incompatible."""


class UntrustedModelError(ModelError):
    """Refused to load a model file that is not the verified shipped model.

    Loading a joblib/pickle file can execute arbitrary code. Pass ``trusted=True``
    only for files you produced yourself.
    """


class ModelVersionWarning(UserWarning):
    """The model was trained with another scikit-learn minor version than the one installed.

    Pickled scikit-learn estimators are only guaranteed to behave identically under the
    version that wrote them; scores may shift slightly. Retrain with ``fakeinvest train``.
    A different *major* version is refused with :class:`ModelError` instead.
    """


class QualityGateError(FakeinvestError):
    """A retrained model fell below the quality gate, so its files were not written.

    Attributes
    ----------
    result : fakeinvest.training._quality_gate.GateResult
        Every check of the gate, the failed ones with their gated and new values.
    """

    def __init__(self, message: str, *, result: object) -> None:
        super().__init__(message)
        self.result = result
