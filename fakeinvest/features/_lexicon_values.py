"""Value cleanup of lexicon hits: the canonical value of a matched phrase (a regulator's
acronym, a crypto network, a referral depth) shown with the evidence."""

from __future__ import annotations

import re
from functools import cache
from typing import NamedTuple

from ._lexicon_patterns import _REG_ACR, _sp

# ---------------------------------------------------------------------------------------
# Values.
# ---------------------------------------------------------------------------------------

_REG_CANON: tuple[tuple[str, str], ...] = (
    (r"financial conduct authority|金融行[为為]监管局|金融行為監管局", "FCA"),
    (r"cyprus securities|塞浦路斯[证證]券", "CySEC"),
    (r"australian securities|澳大利[亚亞][证證]券|澳洲證券", "ASIC"),
    (r"securities (?:and|&) exchange commission|美[国國][证證]券交易", "SEC"),
    (r"national futures association|全[国國]期[货貨]|[国國]家期[货貨]", "NFA"),
    (r"commodity futures trading", "CFTC"),
    (r"financial sector conduct", "FSCA"),
    (r"vanuatu financial", "VFSC"),
    (r"financial crimes enforcement", "FinCEN"),
    (r"monetary authority of singapore", "MAS"),
    (r"securities and futures commission|香港[证證]监会|香港證監會", "SFC"),
    (r"financial industry regulatory", "FINRA"),
    (r"otoritas jasa keuangan", "OJK"),
    (r"financial services authority", "FSA"),
    (r"financial services commission", "FSC"),
    (r"[uủ]y ban chứng khoán|uỷ ban chứng khoán", "SSC"),
    (r"ngân hàng nhà nước", "SBV"),
    (r"bank of lao", "BOL"),
    (r"lao securities", "LSCO"),
    (r"ก\.ล\.ต\.", "SEC Thailand"),
    (r"[证證]监会|證監會", "CSRC"),
)
_CANON_ACR = {
    "CYSEC": "CySEC",
    "FINCEN": "FinCEN",
    "BAFIN": "BaFin",
    "BAPPEBTI": "Bappebti",
    "SVGFSA": "SVG FSA",
    "BVIFSC": "BVI FSC",
}
_CRYPTO_CANON: tuple[tuple[str, str], ...] = (
    (r"bitcoin cash", "BCH"),
    (r"bitcoin|btc|比特|บิ[ตท]คอยน์|ບິດຄອຍ|биткоин", "BTC"),
    (r"usdt|tether|泰[达達]", "USDT"),
    (r"usdc", "USDC"),
    (r"busd", "BUSD"),
    (r"ethereum|\beth\b|以太坊", "ETH"),
    (r"litecoin|\bltc\b", "LTC"),
    (r"dogecoin|\bdoge\b", "DOGE"),
    (r"\btron\b|\btrx\b", "TRX"),
    (r"\bbnb\b|binance pay", "BNB"),
    (r"\bxrp\b|ripple", "XRP"),
    (r"solana", "SOL"),
    (r"perfect[-\s]?money", "PerfectMoney"),
    (r"payeer", "Payeer"),
    (r"adv\s?cash", "AdvCash"),
    (r"\btrc[-\s]?20\b", "TRC20"),
    (r"\berc[-\s]?20\b", "ERC20"),
    (r"\bbep[-\s]?20\b", "BEP20"),
)
_MESSENGER_CANON: tuple[tuple[str, str], ...] = (
    (r"t\.me|telegram|\btg\b|飞机|飛機|电报|電報|เทเลแกรม|ເທເລແກຣມ|телеграм", "telegram"),
    (r"wa\.me|whats\s?app|\bwa\b|วอทส์แอป|ວັອດແອັບ|ວອດແອັບ|ватсап|вотсап", "whatsapp"),
    (r"wechat|weixin|微信|vx|v信|威信|薇信", "wechat"),
    (r"zalo", "zalo"),
    (r"viber", "viber"),
    (r"skype", "skype"),
    (r"kakao", "kakaotalk"),
    (r"\bsignal\b", "signal"),
    (r"\bline\b|ไลน์|ລາຍ", "line"),
)
_WORD_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5,
    "sixth": 6, "seventh": 7, "ba": 3, "năm": 5,
    "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10,
}


class _ValuePatterns(NamedTuple):
    reg_canon: tuple[tuple[re.Pattern[str], str], ...]
    reg_acr: re.Pattern[str]
    lic_no: re.Pattern[str]
    address: tuple[tuple[re.Pattern[str], str], ...]
    crypto: tuple[tuple[re.Pattern[str], str], ...]
    messenger: tuple[tuple[re.Pattern[str], str], ...]
    ref_count: re.Pattern[str]
    ref_index: re.Pattern[str]


@cache
def _value_patterns() -> _ValuePatterns:
    """Compiled helpers for value extraction (cached)."""

    def table(pairs: tuple[tuple[str, str], ...]) -> tuple[tuple[re.Pattern[str], str], ...]:
        return tuple((re.compile(_sp(p), re.IGNORECASE), v) for p, v in pairs)

    return _ValuePatterns(
        reg_canon=table(_REG_CANON),
        reg_acr=re.compile(_REG_ACR),
        lic_no=re.compile(
            r"(?<![A-Za-z0-9/\-])(?=[A-Za-z]{0,4}[-/]?\d)[A-Za-z]{0,4}[-/]?\d[A-Za-z0-9/\-]{1,18}"
            r"(?<![/\-])"
        ),
        address=(
            (re.compile(r"bc1\w{25,87}|[13]\w{25,34}"), "BTC"),
            (re.compile(r"0x[0-9a-fA-F]{40}"), "ETH"),
            (re.compile(r"T\w{33}"), "TRON"),
        ),
        crypto=table(_CRYPTO_CANON),
        messenger=table(_MESSENGER_CANON),
        ref_count=re.compile(
            r"(?<![\w])(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|ba|năm)"
            r"[-\s]{0,2}(?:levels?|tiers?|lines?|generations?|cấp|tầng|niveles|n[ií]veis|уровн)"
            r"|([一二三四五六七八九十]|\d{1,2})[级級代层層]|up\s{1,3}to\s{1,3}(\d{1,2})",
            re.IGNORECASE,
        ),
        ref_index=re.compile(
            r"\b(1st|2nd|3rd|[4-9]th|10th|first|second|third|fourth|fifth|sixth|seventh)\b|"
            r"(?:level|tier|line|gen|ชั้นที่|ຊັ້ນທີ)\s{0,2}([1-9])|\b(?-i:F)([1-9])",
            re.IGNORECASE,
        ),
    )


def _value(signal: str, quote: str) -> str | None:
    """Normalised detail for a hit (see :class:`SignalMatch`), or None."""
    if signal == "licence_claim":
        return _licence_value(quote)
    if signal == "crypto_payment":
        return _crypto_value(quote)
    if signal == "messenger_contact":
        for rx, name in _value_patterns().messenger:
            if rx.search(quote):
                return name
        return None
    if signal == "referral_levels":
        return _referral_value(quote)
    return None


def _licence_value(quote: str) -> str | None:
    """``"<regulator> <licence number>"`` (either part may be missing), or None."""
    vp = _value_patterns()
    best: tuple[int, int, str] | None = None
    for rx, canon in vp.reg_canon:
        m = rx.search(quote)
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), m.end(), canon)
    m = vp.reg_acr.search(quote)
    if m and (best is None or m.start() < best[0]):
        acr = m.group()
        best = (m.start(), m.end(), _CANON_ACR.get(acr.upper(), acr))
    regulator, reg_end = (best[2], best[1]) if best is not None else (None, 0)
    n = vp.lic_no.search(quote, reg_end) or (vp.lic_no.search(quote) if reg_end else None)
    parts = [x for x in (regulator, n.group() if n else None) if x]
    return " ".join(parts) if parts else None


_NETWORKS = ("TRC20", "ERC20", "BEP20")


def _crypto_value(quote: str) -> str | None:
    """Coin and/or network (``"USDT-TRC20"``, ``"BTC"``), or the chain of an address."""
    vp = _value_patterns()
    for rx, name in vp.address:
        if rx.fullmatch(quote):
            return name
    found: list[str] = []
    for rx, name in vp.crypto:
        if name not in found and rx.search(quote):
            found.append(name)
    coins = [f for f in found if f not in _NETWORKS]
    nets = [f for f in found if f in _NETWORKS]
    if coins and nets:
        return f"{coins[0]}-{nets[0]}"
    return (coins or nets or [None])[0]


def _referral_value(quote: str) -> str | None:
    """Number of referral levels, or the level number mentioned, as a digit string."""
    vp = _value_patterns()
    token = None
    m = vp.ref_count.search(quote)
    if m:
        token = m.group(1) or m.group(2) or m.group(3)
    else:
        m = vp.ref_index.search(quote)
        if m:
            token = m.group(1) or m.group(2) or m.group(3)
    if token is None:
        return None
    token = token.lower()
    digits = re.match(r"\d{1,2}", token)
    if digits:
        return str(int(digits.group()))
    number = _WORD_NUMBERS.get(token)
    return str(number) if number is not None else None


