"""The one exception hierarchy of fakeinvest.

Every error the library raises on purpose derives from :class:`FakeinvestError`.
Network failures are translated into :class:`FetchError` subclasses at one boundary
(:mod:`fakeinvest.fetch`); each carries a stable ``kind`` string that is also what a
:class:`~fakeinvest.verdict.Verdict` records in ``error`` when a site could not be analysed.

"Could not analyse" (an exception, or ``Verdict.error`` set) is never the same thing as
"analysed, no signal" (``Verdict.error is None`` and a low probability).
"""

from __future__ import annotations

__all__ = [
    "BadInputError",
    "BlockedAddressError",
    "ConnectError",
    "DNSError",
    "FakeinvestError",
    "FetchError",
    "HTTPStatusError",
    "ModelError",
    "NotHTMLError",
    "TLSError",
    "TimeoutError",
    "TooLargeError",
    "TooManyRedirectsError",
    "UntrustedModelError",
    "WhoisLookupError",
]


class FakeinvestError(Exception):
    """Base class of every error raised by fakeinvest."""


class BadInputError(FakeinvestError, ValueError):
    """The caller passed something that cannot be analysed (bad URL, unreadable file)."""


class FetchError(FakeinvestError):
    """A site could not be fetched.

    Attributes
    ----------
    kind : str
        Stable machine-readable error kind, one of ``dns``, ``connect``, ``timeout``,
        ``too_large``, ``too_many_redirects``, ``not_html``, ``blocked_private``,
        ``http_status``, ``tls``.
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


class TimeoutError(FetchError):
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


class WhoisLookupError(FakeinvestError):
    """A WHOIS lookup failed; the domain-age feature is then missing (NaN), not zero.

    Attributes
    ----------
    reason : str
        Short machine-readable reason: ``timeout``, ``connect``, ``no_match``,
        ``rate_limited``, ``unparsable``, ``no_server``, ``bad_domain``.
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
