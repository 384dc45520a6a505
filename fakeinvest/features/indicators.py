"""Indicators an investigator can act on: wallets, messenger contacts, phones, e-mails.

Every indicator carries the page it was seen on and the text around it. Wallet addresses
are accepted only when their checksum holds (Base58Check for Bitcoin P2PKH/P2SH, Litecoin,
Dogecoin and TRON, bech32/bech32m for segwit, EIP-55 for mixed-case Ethereum/BSC
addresses; an all-lower-case ``0x`` address has no checksum and counts only next to wallet
words), so a random hash or a CSS class is no wallet. Phone numbers are parsed and
normalised to E.164 by ``phonenumbers`` with the region the site's country-code domain or
language suggests. Work is bounded: a capped number of candidates per kind and page.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import base58
import bech32
import phonenumbers
from Crypto.Hash import keccak

from .domain import registrable_domain

if TYPE_CHECKING:
    from ..snapshot import Snapshot
    from ._extract import FeatureSet

__all__ = ["INDICATOR_TYPES", "Indicator", "page_indicators", "site_indicators", "wallet_network"]

#: The kinds of indicator, as written in ``Indicator.type``.
INDICATOR_TYPES = ("wallet", "telegram", "whatsapp", "zalo", "line", "wechat", "skype",
                   "phone", "email", "licence", "brand", "domain", "ip", "name_server")

#: Candidates examined per kind and page (bounds the work on hostile pages).
MAX_CANDIDATES = 200
#: Indicators kept per kind and page.
MAX_PER_KIND = 20
_CONTEXT = 60

_B58 = "1-9A-HJ-NP-Za-km-z"
_B58_CHARS = frozenset("123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz")
_ALNUM = frozenset("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
# Each pattern starts with a literal or a small character set (so that ``re`` skips to
# candidates fast); the boundaries around a match are checked apart. Link and label
# patterns run on the lower-cased text.
_BASE58_ADDRESS = re.compile(rf"[13LMDT][{_B58}]{{25,34}}")
_BECH32_ADDRESS = re.compile(r"(?:bc|ltc)1[02-9ac-hj-np-z]{11,71}")
_HEX_ADDRESS = re.compile(r"0x[0-9a-fA-F]{40}")
_WALLET_WORDS = re.compile(
    r"wallet|address|deposit|usdt|erc-?20|bep-?20|bsc|eth|trc-?20|ví|địa chỉ|钱包|地址|"
    r"кошел|адрес|carteira|billetera|กระเป๋า")
# Base58Check version bytes -> network (payload of 21 bytes: version + 20-byte hash).
_VERSIONS = {0x00: "btc", 0x05: "btc", 0x30: "ltc", 0x32: "ltc", 0x1E: "doge", 0x16: "doge",
             0x41: "tron"}

_HANDLE = r"[a-z][a-z0-9_]{4,31}"
_TELEGRAM_LINK = re.compile(
    rf"(?:t\.me|telegram\.me|telegram\.dog)/(?:s/)?(\+?{_HANDLE})|tg://resolve\?domain=({_HANDLE})")
_TELEGRAM_TEXT = re.compile(
    rf"(?:telegram|tele|tg)\s*(?:id|channel|group|support|admin|:|：|-)?\s*[:：]?\s*@({_HANDLE})")
_WHATSAPP_LINK = re.compile(
    r"(?:wa\.me/|whatsapp\.com/send/?\?phone=|whatsapp://send\?phone=)\+?(\d[\d-]{6,16})")
_ZALO_LINK = re.compile(r"zalo\.me/(\d{8,12}|[a-z0-9_.]{3,40})")
_LINE_LINK = re.compile(r"line\.me/(?:r/)?ti/p/(~?@?[a-z0-9._-]{3,40})")
_LINE_TEXT = re.compile(r"line\s*(?:id)?\s*[:：]\s*@?([a-z0-9._-]{4,20})")
_WECHAT_TEXT = re.compile(r"(?:wechat|微信)\s*(?:id|号)?\s*[:：]\s*([a-z][-_a-z0-9]{5,19})")
_SKYPE_LINK = re.compile(r"skype:([a-z][a-z0-9._,:-]{5,31}?)\?(?:chat|call|add)")
_EMAIL_DOMAIN = re.compile(r"@((?:[a-z0-9](?:[a-z0-9-]{0,62})?\.)+[a-z]{2,24})(?![\w-])")
_EMAIL_LOCAL = frozenset("abcdefghijklmnopqrstuvwxyz0123456789._%+-")
_NOT_EMAIL_TLD = frozenset({"png", "jpg", "jpeg", "gif", "webp", "svg", "css", "js", "ico"})
# Phone candidates: a + and digits, or digits after a word that announces a number.
_PHONE = re.compile(r"\+\d[\d ().-]{6,18}\d")
_PHONE_LABELLED = re.compile(
    r"(?:tel|phone|hotline|call|mobile|sđt|điện thoại|đt|liên hệ|โทร|电话|手机|whatsapp|zalo|"
    r"viber|телефон)[^\d+\n]{0,12}(\+?\d[\d ().-]{6,18}\d)")

# Country-code TLD or page language -> phonenumbers region.
_TLD_REGION = {"vn": "VN", "th": "TH", "la": "LA", "id": "ID", "ph": "PH", "my": "MY",
               "sg": "SG", "cn": "CN", "hk": "HK", "tw": "TW", "uk": "GB", "de": "DE",
               "fr": "FR", "es": "ES", "it": "IT", "pl": "PL", "ru": "RU", "tr": "TR",
               "br": "BR", "in": "IN", "ng": "NG", "za": "ZA", "au": "AU", "cz": "CZ"}
_LANG_REGION = {"vi": "VN", "th": "TH", "lo": "LA", "id": "ID", "zh": "CN", "de": "DE",
                "fr": "FR", "es": "ES", "it": "IT", "pl": "PL", "ru": "RU", "tr": "TR",
                "pt": "BR", "cs": "CZ", "ms": "MY"}


@dataclass(frozen=True)
class Indicator:
    """One indicator seen on a page.

    Attributes
    ----------
    type : str
        One of :data:`INDICATOR_TYPES`.
    value : str
        Normalised: a wallet address as written (checksum verified), a messenger handle
        without ``@`` (lower-cased for Telegram), a phone number in E.164, an e-mail in
        lower case.
    page_url : str or None
        Where it was seen.
    quote : str
        The text around it.
    network : str or None
        For wallets: ``btc``, ``ltc``, ``doge``, ``tron`` or ``eth`` (Ethereum, BSC and
        other EVM chains share the format).
    """

    type: str
    value: str
    page_url: str | None
    quote: str
    network: str | None = None

    def to_dict(self) -> dict[str, str | None]:
        """JSON-ready ``{type, value, page_url, quote[, network]}``."""
        out: dict[str, str | None] = {"type": self.type, "value": self.value,
                                      "page_url": self.page_url, "quote": self.quote}
        if self.network:
            out["network"] = self.network
        return out


def _quote(text: str, start: int, end: int) -> str:
    s, e = max(0, start - _CONTEXT), min(len(text), end + _CONTEXT)
    return (("…" if s else "") + " ".join(text[s:e].split()) + ("…" if e < len(text) else ""))


def _eip55_valid(address: str) -> bool:
    """Whether a mixed-case ``0x`` address carries a valid EIP-55 checksum."""
    body = address[2:]
    digest = keccak.new(digest_bits=256, data=body.lower().encode("ascii")).hexdigest()
    return all((ch.upper() if int(d, 16) >= 8 else ch.lower()) == ch
               for ch, d in zip(body, digest, strict=False) if ch.isalpha())


def wallet_network(address: str, context: str = "") -> str | None:
    """The network of a wallet address whose checksum holds, else None.

    Parameters
    ----------
    address : str
    context : str
        Text just before the address: an all-lower-case (or all-upper-case) ``0x``
        address has no checksum and is accepted only after a wallet word ("USDT",
        "ERC20", "wallet", "ví", "钱包" ...).

    Returns
    -------
    str or None
    """
    if address[:2] == "0x" and len(address) == 42:
        body = address[2:]
        if body.lower() == body or body.upper() == body:
            return "eth" if _WALLET_WORDS.search(context) else None
        return "eth" if _eip55_valid(address) else None
    low = address.lower()
    if low.startswith(("bc1", "ltc1")):
        hrp = low.split("1", 1)[0]
        if address != low and address != address.upper():
            return None  # bech32 is never mixed-case
        witver, prog = bech32.decode(hrp, low)
        return ("btc" if hrp == "bc" else "ltc") if prog is not None and witver is not None \
            else None
    try:
        raw = base58.b58decode_check(address)
    except ValueError:
        return None
    if len(raw) != 21:
        return None
    network = _VERSIONS.get(raw[0])
    if network == "tron" and not address.startswith("T"):
        return None
    return network


_SCRIPT_REGION = ((re.compile("[ơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹđ]"), "VN"),
                  (re.compile("[\u0e00-\u0e7f]"), "TH"), (re.compile("[\u0e80-\u0eff]"), "LA"))


def _region(page_url: str | None, lang: str | None, text: str = "") -> str | None:
    """The phone-number region: the page's language, else its country-code domain, else
    the script of its text (Vietnamese letters, Thai, Lao), else none (then only numbers
    written with their +country code are read)."""
    if lang and lang.split("-")[0].lower() in _LANG_REGION:
        return _LANG_REGION[lang.split("-")[0].lower()]
    if page_url:
        host = re.sub(r"^[a-z]+://", "", page_url.lower()).split("/", 1)[0].split(":")[0]
        tld = host.rsplit(".", 1)[-1]
        if tld in _TLD_REGION:
            return _TLD_REGION[tld]
    head = text[:5000].lower()
    for rx, region in _SCRIPT_REGION:
        if rx.search(head):
            return region
    return None


def _e164(number: str, region: str | None = None) -> str | None:
    """E.164 form of a valid number (a national one needs ``region``), else None."""
    if not number.startswith("+") and region is None:
        return None
    try:
        parsed = phonenumbers.parse(number, region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(parsed):
        return None
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


def page_indicators(text: str, links: Iterable[str], page_url: str | None,
                    lang: str | None = None) -> list[Indicator]:
    """The indicators of one page.

    Parameters
    ----------
    text : str
        The page's visible text.
    links : iterable of str
        The hrefs of its links (messenger links often have no visible text).
    page_url : str or None
    lang : str, optional
        The page's language (``vi``, ``th`` ...), for the phone-number region.

    Returns
    -------
    list of Indicator
        De-duplicated by ``(type, value)``, at most :data:`MAX_PER_KIND` of each type.
    """
    out: list[Indicator] = []
    seen: set[tuple[str, str]] = set()
    counts: dict[str, int] = {}

    def add(kind: str, value: str, quote: str, network: str | None = None) -> None:
        key = (kind, value)
        if key in seen or counts.get(kind, 0) >= MAX_PER_KIND:
            return
        seen.add(key)
        counts[kind] = counts.get(kind, 0) + 1
        out.append(Indicator(kind, value, page_url, quote, network))

    def scan(rx: re.Pattern[str], source: str,
             word: frozenset[str] | None = None) -> Iterable[re.Match[str]]:
        """The first MAX_CANDIDATES matches; with ``word``, only those that neither
        follow nor precede a character of it (token boundaries)."""
        n = 0
        for m in rx.finditer(source):
            if word is not None and ((m.start() > 0 and source[m.start() - 1] in word)
                                     or (m.end() < len(source) and source[m.end()] in word)):
                continue
            n += 1
            if n > MAX_CANDIDATES:
                return
            yield m

    low = text.lower()
    if len(low) != len(text):  # a few letters lengthen when lower-cased: keep offsets
        low = "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in text)
    for m in scan(_BASE58_ADDRESS, text, _B58_CHARS):
        network = wallet_network(m.group(0), low[max(0, m.start() - 40):m.start()])
        if network:
            add("wallet", m.group(0), _quote(text, m.start(), m.end()), network)
    for m in scan(_BECH32_ADDRESS, low, _ALNUM):
        address = text[m.start():m.end()]
        network = wallet_network(address)
        if network:
            add("wallet", address, _quote(text, m.start(), m.end()), network)
    for m in scan(_HEX_ADDRESS, text, _ALNUM):
        network = wallet_network(m.group(0), low[max(0, m.start() - 40):m.start()])
        if network:
            add("wallet", m.group(0), _quote(text, m.start(), m.end()), network)
    hrefs = "\n".join(h for _i, h in zip(range(2000), links, strict=False)).lower()
    for source, original in ((hrefs, hrefs), (low, text)):
        for m in scan(_TELEGRAM_LINK, source):
            handle = m.group(1) or m.group(2) or ""
            if handle not in ("share", "joinchat", "addstickers", "proxy"):
                add("telegram", handle, _quote(original, m.start(), m.end()))
        for m in scan(_WHATSAPP_LINK, source):
            number = _e164("+" + re.sub(r"\D", "", m.group(1)))
            if number:
                add("whatsapp", number, _quote(original, m.start(), m.end()))
        for m in scan(_ZALO_LINK, source):
            value = m.group(1)
            number = _e164(value, "VN") if value.isdigit() else None
            add("zalo", number or value, _quote(original, m.start(), m.end()))
        for m in scan(_LINE_LINK, source):
            add("line", m.group(1).lstrip("~@").rstrip("._-"),
                _quote(original, m.start(), m.end()))
        for m in scan(_SKYPE_LINK, source):
            add("skype", m.group(1), _quote(original, m.start(), m.end()))
        for m in scan(_EMAIL_DOMAIN, source):
            start = m.start()
            while start > 0 and m.start() - start < 64 and source[start - 1] in _EMAIL_LOCAL:
                start -= 1
            local = source[start:m.start()].strip(".")
            if local and m.group(1).rsplit(".", 1)[-1] not in _NOT_EMAIL_TLD:
                add("email", f"{local}@{m.group(1)}", _quote(original, start, m.end()))
    for m in scan(_TELEGRAM_TEXT, low):
        add("telegram", m.group(1), _quote(text, m.start(), m.end()))
    for m in scan(_LINE_TEXT, low, _ALNUM):
        add("line", m.group(1).rstrip("._-"), _quote(text, m.start(), m.end()))
    for m in scan(_WECHAT_TEXT, low):
        add("wechat", text[m.start(1):m.end(1)], _quote(text, m.start(), m.end()))
    region = _region(page_url, lang, text)
    for rx in (_PHONE, _PHONE_LABELLED):
        for m in scan(rx, low):
            number = _e164(m.group(m.lastindex or 0).strip(), region)
            if number:
                add("phone", number, _quote(text, m.start(), m.end()))
    return out


def site_indicators(snapshot: Snapshot, features: FeatureSet) -> list[Indicator]:
    """Every indicator of a site: each page's (:func:`page_indicators`), the licence
    numbers and brands it claims (from its features' evidence), and its registrable
    domain and name servers.

    Parameters
    ----------
    snapshot : Snapshot
    features : FeatureSet
        The snapshot's features (their evidence holds the licence and brand claims).

    Returns
    -------
    list of Indicator
        De-duplicated by ``(type, value)``, in page order.
    """
    out: list[Indicator] = []
    for page in snapshot.pages:
        content = page.content
        out += page_indicators(content.text, (link.href for link in content.links), page.url)
    for feature, kind in (("licence_claim", "licence"), ("brand_impersonation", "brand"),
                          ("brand_claim", "brand")):
        for ev in features.evidence.get(feature, [])[:MAX_PER_KIND]:
            value = " ".join(ev.quote.split())[:200]
            if kind == "brand":  # "claims ATFX (title: ...) on ...", "ATFX (title): ..."
                value = value.removeprefix("claims ").split(" (", 1)[0]
            out.append(Indicator(kind, value, ev.page_url, ev.context or ev.quote))
    facts = snapshot.domain
    domain = facts.domain or registrable_domain(snapshot.final_url or "")
    if domain:
        out.append(Indicator("domain", domain, snapshot.final_url, f"registrable domain of "
                             f"{snapshot.final_url}"))
    landing = snapshot.pages[0] if snapshot.pages else None
    if landing is not None and landing.address:
        out.append(Indicator("ip", landing.address, landing.url,
                             f"{landing.url} was served from {landing.address}"))
    for ns in facts.name_servers[:MAX_PER_KIND]:
        out.append(Indicator("name_server", ns.lower(), snapshot.final_url,
                             f"name server of {domain} ({facts.source})"))
    seen: set[tuple[str, str]] = set()
    unique = []
    for ind in out:
        if (ind.type, ind.value) not in seen:
            seen.add((ind.type, ind.value))
            unique.append(ind)
    return unique
