"""Phrase-lexicon signals of investment fraud in visible page text.

:func:`find_signals` scans plain text (the visible text of a web page) for wording typical
of fraudulent investment platforms -- HYIPs, fake forex/crypto brokers, "pig-butchering"
sites -- and for wording typical of regulated firms (risk warnings). Each hit is a
:class:`SignalMatch` naming one of :data:`SIGNALS`, with its character offsets in the input
and the matched phrase; :func:`signal_counts` turns hits into per-signal counts.

This module is the matching engine and its filters; the patterns themselves, their
vocabulary, negation words and vetoes are data in :mod:`fakeinvest.features._lexicon_patterns`
and the value cleanup of a hit is :mod:`fakeinvest.features._lexicon_values`.

Languages: English, Vietnamese, Thai, Chinese (simplified and traditional), Lao and
Indonesian for the core scam signals (withdrawal obstruction, referral levels, guarantees);
the scheme signals (those five, urgency and social proof) also in German, Russian, Polish,
Italian, Spanish, Portuguese, French, Turkish, Czech, Dutch, Danish and Arabic, for the
phrases the affiliate landers and HYIP kits in those languages use ("garantierter Gewinn",
"реферальная программа 3 уровня", "tylko dziś", "retrait minimum", "ربح مضمون", ...).

``trading_robot`` is the affiliate "auto-trading robot" lander (Bitcoin Era/Code,
Immediate ..., fake celebrity news): a claim that software, an AI, a robot or an algorithm
trades for you ("the software trades for you", "automatischer Handel", "торговый бот",
"trading automático", "交易机器人", ...) counts only together with one of the landers'
promises within ``_ROBOT_WINDOW`` characters (a few paragraphs): money per period
("earn $1,000 a day", "13.000 € pro Tag", "75 000 ₽ в день"), a 85-99 % "accuracy", the
250 minimum deposit, "no experience needed", "just 20 minutes a day", the "wealth
loophole", millionaires overnight. Both parts are reported (``value`` ``"automation"`` or
``"promise"``); the words "trading bot" alone (trading-bot software docs, exchange APIs),
prices ("the Pro plan costs $129 per month") and limits do not fire. Covered in English,
German, Russian, Polish, Italian, Spanish, Portuguese, French, Turkish, Czech, Dutch,
Vietnamese, Thai, Chinese, Indonesian and Arabic.

Precision notes
---------------
* Guarantee, withdrawal-obstruction, instant-withdrawal, fiat-payment and trading-robot
  hits are dropped when a negation or a scam-warning cue ("no", "not", "never", "không",
  "不", "tidak", "ไม่", "nicht", "не", "nie", "non", "pas", "ne", "geen", "لا",
  "anyone", "scammers", ...) occurs in the few words before the hit in the same clause:
  "there is no risk-free investment", "we do not charge withdrawal fees", "if anyone asks
  you to pay a fee to release a withdrawal", "Es gibt keine garantierten Gewinne" do not
  fire; Turkish negation after the phrase ("kâr garantisi yoktur") cancels it too.
* Guarantee and obstruction hits that the rest of the clause calls a scam ("guaranteed
  returns are a red flag") are dropped, as are obstruction hits with a negation inside
  ("cannot be withdrawn within 28 days") and fee hits followed by a zero or "free"
  amount ("Withdrawal fee: 0", "phí rút tiền: miễn phí").
* Honest documentation shares words with the scam phrases; the cues of ``_VETO``
  (searched in the same sentence, before and after a hit) cancel those hits: a referral
  "address", "parameter" or "contract" (staking protocols' referral programs), "as long
  as the pool has enough liquidity" after "withdraw at any time" (lending protocols),
  on-chain / internal-transfer wording before "即时到账" (exchange API docs), the type
  column of an API field table before "Minimum withdrawal amount", an error code before
  "account blocked", a condition after a guarantee ("... as long as they perform their
  duties"). Statistics labels ("Total deposits", "Last withdrawal") do not fire when they
  are described ("Total Deposits: the total amount deposited in the vault", "the
  proportion of total deposits"); Chinese totals ("累计收益", "已支付") only with an
  amount after them; "account frozen" only with money in the same or next sentence.

* Scheme wording a page only *reports* is dropped (:func:`reported_spans`): the sentence
  around a warning word ("scam", "fraud", "lừa đảo", "mạo danh", ...; a denial such as
  "we are not a scam" does not count), quotations on a page with two warning words, and
  all of a page with four or more (a bank's scam-warning article).
* Vietnamese negation looks nine syllables back ("không ai có thể cam kết lợi nhuận cố
  định"), other languages five words.
* Ordinary terms of honest firms are not scheme signals: a minimum withdrawal amount, a
  "limited-time offer", a "testimonials" heading.

Implementation notes
--------------------
* Only the standard library :mod:`re` is used, and nothing is compiled at import time
  (:func:`_engine` is built on first use and cached).
* Every repetition is bounded (``\\s{1,3}``, ``\\w{0,4}``, sentence-bounded gaps of at most
  60 characters), and each gap together with the word after it is an atomic group, so a
  chain of gaps costs the sum, not the product, of their lengths. Adversarial input cannot
  cause catastrophic backtracking; the cost is linear in the text length.
* CPython's ``re`` tries every alternative of an alternation at every position, which is
  far too slow for a lexicon of a thousand alternatives over a 1 MB page. So the literal
  prefixes each pattern can start with ("withdraw", "paid", "ถอน", "提现", ...) are derived
  once from the parsed pattern (``re._parser``; the module falls back to plain scanning
  if that private API ever changes), one trie-shaped regex finds every position where such
  a trigger starts, and only the patterns registered for that trigger are tried there,
  anchored. Each top-level alternative of a pattern is registered on its own, so a
  frequent trigger (a digit, "no") only brings in the alternatives that can start with
  it; patterns avoid starting with short common words (a literal ``[ ]`` after the first
  word makes the whole phrase the trigger). Typical page text runs at about 0.15 s per MB.
* Patterns without case-sensitive parts are lower-cased and matched against a lower-cased
  copy of the text without ``re.IGNORECASE`` (much faster in ``re``); the few patterns with
  ``(?-i:...)`` parts (regulator acronyms, "Visa", "LINE") run with ``re.IGNORECASE``.
* Matching runs on a lightly normalised copy of the text: full-width ASCII (``％``, ``：``,
  full-width digits) and Thai/Lao/other native digits are folded to ASCII, exotic spaces to
  a space, curly apostrophes and dashes to ASCII, decomposed diacritics are composed (NFC;
  e.g. Vietnamese typed with combining marks), zero-width characters are dropped and the
  decomposed Thai/Lao vowel *sara am* is recomposed. Offsets are mapped back to the input
  (:mod:`fakeinvest.features.normalize`), so ``text[m.start:m.end] == m.quote`` always
  holds.
"""
from __future__ import annotations

import bisect
import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import NamedTuple

from ._lexicon_patterns import (
    _CJK_FEE_NEG,
    _CJK_NEG,
    _FEE_NEG,
    _LATIN_NEG,
    _ROBOT_CLAIM,
    _ROBOT_PROMISE,
    _ROBOT_WINDOW,
    _TH_FEE_NEG,
    _TH_NEG,
    _VETO,
    _WARNING_WINDOW,
    _WARNING_WORDS,
    _atomic_gaps,
    _raw_patterns,
    _sp,
    _top_level_split,
)
from ._lexicon_values import _value
from .normalize import OffsetMap, normalise

__all__ = ["SIGNALS", "SignalMatch", "find_signals", "reported_spans", "signal_counts"]

#: Names of all signals reported by :func:`find_signals`, in reporting order.
SIGNALS: tuple[str, ...] = (
    "withdrawal_obstruction",
    "instant_withdrawal",
    "referral_levels",
    "guarantee",
    "urgency",
    "social_proof",
    "trading_robot",
    "crypto_payment",
    "fiat_payment",
    "messenger_contact",
    "licence_claim",
    "risk_warning",
)


@dataclass(frozen=True)
class SignalMatch:
    """One occurrence of a signal phrase in a text.

    Attributes
    ----------
    signal : str
        One of :data:`SIGNALS`.
    start : int
        Character offset of the first matched character in the input text.
    end : int
        Offset one past the last matched character; ``text[start:end] == quote``.
    quote : str
        The matched phrase (the distinctive words, not the whole sentence).
    value : str or None
        Optional normalised detail: for ``licence_claim`` the regulator and, when present,
        the licence number (``"FCA 760555"``); for ``crypto_payment`` the coin or network
        (``"BTC"``, ``"USDT-TRC20"``); for ``messenger_contact`` the messenger name
        (``"telegram"``); for ``referral_levels`` the number of levels, or the level number
        mentioned (``"3"``); for ``trading_robot`` the part, ``"automation"`` (the claim
        that software trades for you) or ``"promise"`` (the money or lander promise next to
        it). ``None`` when nothing could be extracted.
    """

    signal: str
    start: int
    end: int
    quote: str
    value: str | None = None


# ---------------------------------------------------------------------------------------
# Matching engine: trigger scan + anchored matches.
# ---------------------------------------------------------------------------------------
#
# Scanning a long text with one big alternation per signal is slow in CPython's ``re``
# (every alternative is tried at every position). Instead, the literal text each
# alternative can start with (its "triggers", e.g. "withdraw", "paid", "ถอน", "提现") is
# derived once from the parsed pattern; one scan with a trie-shaped regex finds every
# position where some trigger starts, and only the alternatives registered for that
# trigger are tried there, anchored (``pattern.match(text, pos)``).

_TRIGGER_MAX = 8  # characters of literal prefix kept as a trigger
_TRIGGER_BUDGET = 600  # give up (scan the whole text) beyond this many triggers


class _Entry:
    """One pattern of one signal.

    Patterns without case-sensitive parts (``(?-i:...)``) are lower-cased and matched
    against a lower-cased copy of the text without ``re.IGNORECASE``: ``re`` can then
    reject alternatives by their first literal character, which makes the lazy gaps much
    cheaper. Case-sensitive patterns are matched against the text with ``re.IGNORECASE``.
    """

    __slots__ = ("_compiled", "cased", "pattern", "signal", "triggers")

    def __init__(self, signal: str, pattern: str) -> None:
        self.signal = signal
        self.cased = "(?-i:" in pattern
        self.pattern = pattern if self.cased else _lower_pattern(pattern)
        self.triggers = _triggers(self.pattern)
        self._compiled: re.Pattern[str] | None = None

    def compile(self) -> re.Pattern[str]:
        """The pattern compiled on its own (used by tests and the fallback path; cached)."""
        if self._compiled is None:
            self._compiled = re.compile(self.pattern, re.IGNORECASE if self.cased else 0)
        return self._compiled


def _lower_pattern(pattern: str) -> str:
    """Lower-case the literal characters of `pattern`, leaving escapes (``\\S``) alone."""

    def lower(m: re.Match[str]) -> str:
        atom = m.group(0)
        low = atom.lower()
        return atom if atom.startswith("\\") or len(low) != 1 else low

    return re.sub(r"\\.|.", lower, pattern, flags=re.DOTALL)


#: An anchored plan for one trigger: (regex on the lower-cased text, its signals,
#: regex on the original-case text, its signals). See :meth:`_Engine.plan`.
_Plan = tuple["re.Pattern[str] | None", tuple[str, ...], "re.Pattern[str] | None", tuple[str, ...]]


def _lookaheads(by_signal: dict[str, list[str]], flags: int) -> re.Pattern[str] | None:
    """``(?=(A)|)(?=(B)|)...``: one always-successful match reports every signal."""
    if not by_signal:
        return None
    body = "".join(
        "(?=(" + "|".join(f"(?:{p})" for p in pats) + ")|)" for pats in by_signal.values()
    )
    return re.compile(body, flags)


class _Engine:
    """All entries, the trigger scanners and the per-trigger anchored regexes."""

    def __init__(self, entries: list[_Entry], scanned: list[tuple[str, re.Pattern[str]]]) -> None:
        self.entries = entries
        self.scanned = scanned
        self.untriggered = [e for e in entries if e.triggers is None]
        direct: dict[str, set[int]] = {}
        for i, e in enumerate(entries):
            for t in e.triggers or ():
                direct.setdefault(t, set()).add(i)
        # A scan reports the longest trigger at a position; every shorter trigger that is
        # a prefix of it starts there too.
        self.by_trigger: dict[str, tuple[int, ...]] = {}
        for t in direct:
            ids: set[int] = set()
            for k in range(1, len(t) + 1):
                ids |= direct.get(t[:k], set())
            self.by_trigger[t] = tuple(sorted(ids))
        self.plans: dict[str, _Plan] = {}
        self._by_ids: dict[tuple[int, ...], _Plan] = {}
        # Triggers starting with an ASCII letter/digit belong to patterns that start with a
        # word boundary: look for them only after a non-alphanumeric character. The other
        # triggers get one scanner per script (a smaller trie is tried at each candidate).
        # Every scanner starts with a character set, so ``re`` skips quickly to candidates.
        word = [t for t in direct if t[0].isascii() and t[0].isalnum()]
        by_script: dict[str, list[str]] = {}
        for t in direct:
            if not (t[0].isascii() and t[0].isalnum()):
                by_script.setdefault(_script(t[0]), []).append(t)
        self.word_trie = re.compile(_trie(word)) if word else None
        self.word_scanner = re.compile("[^a-z0-9](" + _trie(word) + ")") if word else None
        self.other_scanners = [re.compile(_trie(ts)) for _, ts in sorted(by_script.items())]

    def plan(self, trigger: str) -> _Plan:
        """The anchored regexes to try where `trigger` starts (compiled on first use).

        All signals registered for the trigger are tried by one ``match`` call per text
        variant: each signal's alternation sits in its own optional look-ahead with a
        capturing group, so the call always succeeds and group *i* tells whether signal
        *i* matched, and where that match ends.
        """
        found = self.plans.get(trigger)
        if found is None:
            ids = self.by_trigger[trigger]
            found = self._by_ids.get(ids)
            if found is None:
                plain: dict[str, list[str]] = {}
                cased: dict[str, list[str]] = {}
                for i in ids:
                    e = self.entries[i]
                    (cased if e.cased else plain).setdefault(e.signal, []).append(e.pattern)
                found = (
                    _lookaheads(plain, 0),
                    tuple(plain),
                    _lookaheads(cased, re.IGNORECASE),
                    tuple(cased),
                )
                self._by_ids[ids] = found
            self.plans[trigger] = found
        return found


def _script(ch: str) -> str:
    """Coarse script of a character, to split the trigger scanners."""
    cp = ord(ch)
    if 0x0E00 <= cp <= 0x0E7F:
        return "thai"
    if 0x0E80 <= cp <= 0x0EFF:
        return "lao"
    if cp >= 0x2E80:
        return "cjk"
    return "other"


def _trie(words: list[str]) -> str:
    """A regex matching any of `words`, shaped as a trie (longest match preferred)."""
    root: dict[str, dict] = {}
    for w in words:
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, dict]) -> str:
        alts = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = "(?:" + "|".join(alts) + ")"
        return body + "?" if "" in node else body

    return emit(root)


def _triggers(pattern: str) -> frozenset[str] | None:
    """Lower-cased literal prefixes that every match of `pattern` starts with.

    Returns None when no such finite set could be derived (the pattern is then matched
    by scanning the whole text).
    """
    try:
        from re import _constants as sre_c  # noqa: PLC0415 - private re modules, absent on other Pythons
        from re import _parser as sre_parse  # noqa: PLC0415 - private re modules, absent on other Pythons

        parsed = sre_parse.parse(pattern, re.IGNORECASE)
    except Exception:  # pragma: no cover - private API changed; degrade gracefully
        return None
    out: set[str] = set()
    stop = object()
    zero_width = {sre_c.AT, sre_c.ASSERT, sre_c.ASSERT_NOT}
    repeats = {sre_c.MAX_REPEAT, sre_c.MIN_REPEAT, getattr(sre_c, "POSSESSIVE_REPEAT", None)}

    def chars_of(items: list) -> list[str] | None:
        chars: list[str] = []
        for op, av in items:
            if op is sre_c.LITERAL:
                chars.append(chr(av))
            elif op is sre_c.RANGE and av[1] - av[0] <= 40:
                chars.extend(chr(c) for c in range(av[0], av[1] + 1))
            elif op is sre_c.CATEGORY and av in (sre_c.CATEGORY_DIGIT, sre_c.CATEGORY_UNI_DIGIT):
                chars.extend("0123456789")
            else:
                return None
        return chars if len(chars) <= 64 else None

    def expand(items: list, prefix: str) -> bool:
        if len(out) > _TRIGGER_BUDGET:
            return False
        if len(prefix) >= _TRIGGER_MAX or not items:
            out.add(prefix[:_TRIGGER_MAX])
            return True
        op, av = items[0]
        rest = items[1:]
        if op is stop:
            out.add(prefix)
            return True
        if op in zero_width:
            return expand(rest, prefix)
        if op is sre_c.LITERAL:
            ch = chr(av).lower()
            return expand(rest, prefix + (ch if len(ch) == 1 else chr(av)))
        if op is sre_c.SUBPATTERN:
            return expand(list(av[-1].data) + rest, prefix)
        if op is getattr(sre_c, "ATOMIC_GROUP", None):
            return expand(list(av.data) + rest, prefix)
        if op is sre_c.BRANCH:
            return all(expand(list(alt.data) + rest, prefix) for alt in av[1])
        if op is sre_c.IN:
            chars = chars_of(av)
            if chars is None:
                out.add(prefix)
                return True
            return all(expand(rest, prefix + ch.lower()) for ch in dict.fromkeys(chars))
        if op in repeats:
            if prefix:  # a repeat ends the literal prefix
                out.add(prefix)
                return True
            lo, _hi, sub = av
            if lo == 0 and not expand(rest, prefix):
                return False
            return expand([*sub.data, (stop, None)], prefix)
        out.add(prefix)  # anything else ends the literal prefix
        return True

    if not expand(list(parsed.data), "") or "" in out or len(out) > _TRIGGER_BUDGET:
        return None
    return frozenset(out)


def _scan_patterns() -> list[tuple[str, str]]:
    """Case-sensitive patterns matched by a plain scan of the whole text.

    They start with a literal or a small character set (the word boundary is checked by
    a look-behind after it), so ``re`` finds candidates quickly on its own; their
    single-character triggers ("1", "T") would otherwise fire on most numbers and words.
    """
    b58 = "[1-9A-HJ-NP-Za-km-z]"
    return [
        ("crypto_payment", r"bc1(?<![0-9A-Za-z_]bc1)[ac-hj-np-z02-9]{25,87}\b"),  # bech32
        (
            "crypto_payment",  # base58 BTC (P2PKH / P2SH), mixed case
            rf"[13](?<![0-9A-Za-z_].)(?={b58}{{0,34}}[a-km-z])(?={b58}{{0,34}}[A-HJ-NP-Z])"
            rf"{b58}{{25,34}}\b",
        ),
        ("crypto_payment", r"0x(?<![0-9A-Za-z_]0x)[0-9a-fA-F]{40}\b"),  # Ethereum
        ("crypto_payment", rf"T(?<![0-9A-Za-z_].){b58}{{33}}\b"),  # TRON
    ]


@cache
def _engine() -> _Engine:
    """Build the matching engine (cached; runs on first use)."""
    # Each top-level alternative becomes an entry of its own, with its own triggers, so the
    # regex tried where a trigger starts holds only the alternatives that can start there
    # (order, and so the leftmost-first choice within a signal, is unchanged).
    entries = [
        _Entry(signal, branch)
        for signal, alternatives in _raw_patterns().items()
        for alternative in alternatives
        for branch in _top_level_split(_atomic_gaps(_sp(alternative)))
    ]
    scanned = [(signal, re.compile(p)) for signal, p in _scan_patterns()]
    return _Engine(entries, scanned)


#: Trigger positions examined per text (each runs an anchored match). Ordinary pages have
#: hundreds (the most seen in the corpus: about 3,000); a page repeating a trigger word a
#: hundred thousand times is an attack on the matcher, and its work is bounded here.
MAX_TRIGGERS = 10_000


def _raw_hits(norm: str, low: str) -> list[tuple[int, int, str]]:
    """All anchored hits ``(start, end, signal)``; `low` is ``norm`` lower-cased. At most
    :data:`MAX_TRIGGERS` trigger positions are examined, the first ones in each scanner."""
    eng = _engine()
    hits: list[tuple[int, int, str]] = []
    plans = eng.plans
    plan_for = eng.plan

    def run(pos: int, trigger: str) -> None:
        rx_low, sig_low, rx_cased, sig_cased = plans.get(trigger) or plan_for(trigger)
        for rx, text, signals in ((rx_low, low, sig_low), (rx_cased, norm, sig_cased)):
            if rx is None:
                continue
            m = rx.match(text, pos)
            if m is None or m.lastindex is None:  # no signal matched here
                continue
            for i, signal in enumerate(signals, 1):
                end = m.end(i)
                if end > pos:
                    hits.append((pos, end, signal))

    if eng.word_scanner is not None and eng.word_trie is not None:
        first = eng.word_trie.match(low)
        if first is not None:
            run(0, first.group())
        search = eng.word_scanner.search
        m = search(low)
        budget = MAX_TRIGGERS
        while m is not None and budget > 0:
            pos = m.start(1)
            run(pos, m.group(1))
            budget -= 1
            m = search(low, pos)
    for scanner in eng.other_scanners:
        search = scanner.search
        m = search(low)
        budget = MAX_TRIGGERS
        while m is not None and budget > 0:
            pos = m.start()
            run(pos, m.group())
            budget -= 1
            m = search(low, pos + 1)
    for signal, rx in eng.scanned:
        hits.extend((m.start(), m.end(), signal) for m in rx.finditer(norm))
    for e in eng.untriggered:  # pragma: no cover - only if trigger derivation failed
        for m in e.compile().finditer(norm if e.cased else low):
            if m.end() > m.start():
                hits.append((m.start(), m.end(), e.signal))
    return hits


# ---------------------------------------------------------------------------------------
# Negation and "free"/zero suffix handling.
# ---------------------------------------------------------------------------------------

#: Signals whose hits are cancelled by a preceding negation.
_NEGATABLE = frozenset(
    {"guarantee", "withdrawal_obstruction", "instant_withdrawal", "fiat_payment",
     _ROBOT_CLAIM, _ROBOT_PROMISE}
)
#: Signals whose hits are dropped when the rest of the clause calls them a scam.
_WARNABLE = frozenset({"guarantee", "withdrawal_obstruction", _ROBOT_CLAIM, _ROBOT_PROMISE})
_NEG_WORDS = 5
_NEG_SYLLABLES = 9
_VI_LETTER = re.compile("[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệịỉĩọỏốồổỗộớờởỡợụủũứừửữựỵỷỹ]", re.I)


_VETO_WINDOW = 160


class _Aux(NamedTuple):
    neg_any: re.Pattern[str]
    inner_neg: re.Pattern[str]
    warning_word: re.Pattern[str]
    sentence_end: re.Pattern[str]
    cut: re.Pattern[str]
    latin_neg: re.Pattern[str]
    fee_neg: re.Pattern[str]
    cjk_neg: re.Pattern[str]
    cjk_fee_neg: re.Pattern[str]
    th_neg: re.Pattern[str]
    th_fee_neg: re.Pattern[str]
    free_suffix: re.Pattern[str]
    clause_start: re.Pattern[str]
    neg_after: re.Pattern[str]
    veto: dict[str, tuple[re.Pattern[str] | None, re.Pattern[str] | None]]


@cache
def _aux() -> _Aux:
    """Negation and zero-amount patterns (compiled on first use)."""

    def alt(words: tuple[str, ...]) -> str:
        return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))

    every = _LATIN_NEG + _FEE_NEG + _CJK_NEG + _CJK_FEE_NEG + _TH_NEG + _TH_FEE_NEG
    return _Aux(
        neg_any=re.compile(_trie(sorted({w.lower() for w in every}))),
        inner_neg=re.compile(
            r"(?<!\w)(?:not|never|no|cannot|can't|won't|don't|doesn't|without|không|chưa|tidak|"
            r"tak|bukan|belum|nunca|não|нет|не|nicht|kein|keine|nie|non|pas|ne|değil|niet|geen|"
            r"ikke|لا)(?!\w)|不|没|沒|無需|无需|ไม่|ບໍ່"
        ),
        warning_word=re.compile(_trie(sorted(_WARNING_WORDS))),
        sentence_end=re.compile(r"[.!?;。！？\n]"),
        cut=re.compile(rf"(?s:.{{0,{_NEG_WINDOW}}})[.,;:!?()\[\]|•·。，；：！？、\n]"),
        latin_neg=re.compile(rf"(?<!\w)(?:{alt(_LATIN_NEG)})(?!\w)", re.IGNORECASE),
        fee_neg=re.compile(rf"(?<!\w)(?:{alt(_LATIN_NEG + _FEE_NEG)})(?!\w)", re.IGNORECASE),
        cjk_neg=re.compile(rf"(?:{alt(_CJK_NEG)})\S{{0,3}}$"),
        cjk_fee_neg=re.compile(rf"(?:{alt(_CJK_NEG + _CJK_FEE_NEG)})\S{{0,3}}$"),
        th_neg=re.compile(rf"(?:{alt(_TH_NEG)})\S{{0,6}}\s{{0,2}}$"),
        th_fee_neg=re.compile(rf"(?:{alt(_TH_NEG + _TH_FEE_NEG)})\S{{0,6}}\s{{0,2}}$"),
        free_suffix=re.compile(
            r"\s{0,3}(?:[:：=]\s{0,3})?(?:(?:is|are|will be|là|adalah)\s{1,3})?(?:\$\s?0(?![\d.,])|"
            r"0(?:[.,]0{1,2})?\s{0,2}(?:%|usd|usdt|\$|đ|vnd|vnđ|rp|baht|บาท|₭|kip|元)?(?![\d.,])|"
            r"none\b|nil\b|free\b|waived\b|miễn phí|gratis|ฟรี|ຟຣີ|免费|免費|无|無|không|"
            r"tidak ada|rp\s?0\b)",
            re.IGNORECASE,
        ),
        clause_start=re.compile(r"(?s:.*)[.!?;。！？\n]"),
        # Turkish negates after the phrase: "kâr garantisi yoktur", "garanti değildir"
        neg_after=re.compile(
            r"\s{0,3}(?:yok|yoktur|değil|değildir|vermez|vermiyor|verilmez|sunmaz|sunmuyoruz|"
            r"edilmez|edilemez)(?!\w)"
        ),
        veto={
            signal: tuple(None if p is None else re.compile(_sp(p)) for p in pair)
            for signal, pair in _VETO.items()
        },
    )


_NEG_WINDOW = 60
#: How far back in its sentence a denial frame ("this does not mean that ...") reaches.
_DENIAL_WINDOW = 240
#: Frames that deny the whole rest of their sentence: "this does not mean that property is
#: an investment with big profits and no risk" is no promise of "no risk".
_DENIAL = re.compile(
    r"(?<!\w)(?:does ?n[o']t mean|do ?n[o']t mean|"
    r"there is no such thing as|there's no such thing as|no such thing as|myth that|"
    r"tidak berarti|bukan berarti|tidak ada yang namanya|không có nghĩa|"
    r"no significa|no quiere decir|não significa|não quer dizer|не значит|не означает|"
    r"hei(?:ß|ss)t nicht|bedeutet nicht|ne signifie pas|ne veut pas dire|non significa|"
    r"nie oznacza|nie znaczy|neznamená|betekent niet|betyder ikke)(?!\w)|"
    r"并不意味|並不意味|不代表|不等于|不等於|ไม่ได้หมายความ|ບໍ່ໄດ້ໝາຍຄວາມ"
)
_SENTENCE_END = re.compile(r"[.!?;。！？\n](?=\s|$)|[。！？\n]")


def _denied(low: str, start: int) -> bool:
    """Whether a denial frame opens the sentence part before `start`."""
    lo = max(0, start - _DENIAL_WINDOW)
    head = low[lo:start]
    cut = 0
    for end in _SENTENCE_END.finditer(head):
        cut = end.end()
    return _DENIAL.search(head, cut) is not None


def _negated(norm: str, low: str, start: int, signal: str) -> bool:
    """Whether a negation occurs in the few words before `start` in the same clause,
    or a denial frame ("does not mean that") opens its sentence."""
    if _denied(low, start):
        return True
    aux = _aux()
    lo = max(0, start - _NEG_WINDOW)
    if aux.neg_any.search(low, lo, start) is None:  # fast path: no negation word nearby
        return False
    prefix = norm[lo:start]
    cut = aux.cut.match(prefix)  # greedy: up to the last clause boundary
    if cut is not None:
        prefix = prefix[cut.end() :]
    if not prefix:
        return False
    fee = signal == "withdrawal_obstruction"
    # Vietnamese writes one word per syllable: "không ai có thể cam kết" is five words.
    n = _NEG_SYLLABLES if _VI_LETTER.search(prefix) else _NEG_WORDS
    words = " ".join(prefix.split()[-n:])
    if (aux.fee_neg if fee else aux.latin_neg).search(words):
        return True
    if (aux.cjk_fee_neg if fee else aux.cjk_neg).search(prefix.rstrip()):
        return True
    return bool((aux.th_fee_neg if fee else aux.th_neg).search(prefix))


# ---------------------------------------------------------------------------------------
# Text normalisation with offset mapping.
# ---------------------------------------------------------------------------------------


@cache
def _translation() -> tuple[str, str]:
    """One-to-one character folds ``(from, to)`` (offsets are unchanged; built once)."""
    table = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}  # full-width ASCII
    for cp in (0x00A0, 0x1680, 0x202F, 0x205F, 0x3000, *range(0x2000, 0x200B)):
        table[cp] = 0x20
    for cp in (0x2018, 0x2019, 0x201B, 0x2032):
        table[cp] = 0x27
    for cp in (*range(0x2010, 0x2016), 0x2212):
        table[cp] = 0x2D
    for cp in (0x1C, 0x1D, 0x1E, 0x1F, 0x85, 0x2028, 0x2029):  # other line separators
        table[cp] = 0x0A
    table[0x0130] = 0x49  # "İ" lower-cases to two characters; fold it to "I"
    for zero in (0x0660, 0x06F0, 0x0966, 0x0E50, 0x0ED0, 0x1040, 0x17E0):  # native digits
        for k in range(10):
            table[zero + k] = 0x30 + k
    return "".join(map(chr, table)), "".join(map(chr, table.values()))


_ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
#: Combining diacritical marks composed with their base character (NFC).
_MARKS = "".join(map(chr, range(0x0300, 0x0370)))
#: Decomposed Thai/Lao sara am, recomposed.
_RECOMPOSE = {"\u0e4d\u0e32": "\u0e33", "\u0ecd\u0eb2": "\u0eb3"}


def _normalise(text: str) -> tuple[str, OffsetMap | None]:
    """Return a normalised copy of `text` and an offset map (None if offsets agree)."""
    return normalise(
        text,
        "NFC",
        translate=_translation(),
        marks=_MARKS,
        remove=_ZERO_WIDTH,
        recompose=_RECOMPOSE,
    )


# ---------------------------------------------------------------------------------------
# Public API.
# ---------------------------------------------------------------------------------------

def _warning_after(low: str, end: int) -> bool:
    """Whether the rest of the clause after `end` calls it a scam (not "not a scam")."""
    aux = _aux()
    m = aux.warning_word.search(low, end, end + _WARNING_WINDOW)
    if m is None or aux.sentence_end.search(low, end, m.start()) is not None:
        return False
    w = m.start()
    # a word boundary before Latin/Cyrillic words ("scam", not "...scam"); Chinese and Thai
    # have no spaces ("以保证收益为诱饵")
    if w > 0 and low[w - 1].isalnum() and _script(low[w]) not in ("cjk", "thai", "lao"):
        return False
    return not low[max(0, w - 6) : w].rstrip().endswith(("not", "not a"))


def _vetoed(low: str, start: int, end: int, signal: str) -> bool:
    """Whether honest-context cues around a hit cancel it (see ``_VETO``)."""
    aux = _aux()
    before, after = aux.veto[signal]
    if before is not None:
        head = low[max(0, start - _VETO_WINDOW) : start]
        cut = aux.clause_start.match(head)  # greedy: up to the last sentence end
        if cut is not None:
            head = head[cut.end() :]
        if head and before.search(head):
            return True
    if after is not None:
        tail = low[end : end + _VETO_WINDOW]
        stop = aux.sentence_end.search(tail)
        if stop is not None:
            tail = tail[: stop.start()]
        if tail and after.search(tail):
            return True
    return False


def _keep(norm: str, low: str, start: int, end: int, signal: str) -> bool:
    """Post-filter a raw hit.

    Drops hits negated by the words before them, guarantee/obstruction hits that the rest
    of the clause calls a scam ("guaranteed returns are a red flag"), obstruction hits with
    a negation inside ("cannot be withdrawn within 28 days") and fee hits followed by a
    zero or "free" amount.
    """
    if signal in _VETO and _vetoed(low, start, end, signal):
        return False
    if signal not in _NEGATABLE:
        return True
    if _negated(norm, low, start, signal) or _aux().neg_after.match(low, end):
        return False
    if signal in _WARNABLE:
        aux = _aux()
        if _warning_after(low, end):
            return False
        if signal == "withdrawal_obstruction" and (
            aux.inner_neg.search(low, start, end) or aux.free_suffix.match(norm, end)
        ):
            return False
    return True


#: The leading digits of an amount whose match started after a thousands separator.
_THOUSANDS_BEFORE = re.compile(r"(?<![\d.,'])\d{1,3}[.,' ]$")
#: Value of a ``trading_robot`` hit per part.
_ROBOT_KIND = {_ROBOT_CLAIM: "automation", _ROBOT_PROMISE: "promise"}


def _pair_robot(parts: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """``trading_robot`` hits: automation claims and promises that have one of the other
    kind within ``_ROBOT_WINDOW`` characters, without overlaps, as
    ``(start, end, "automation" | "promise")``. Sorting makes it O(n log n)."""
    spans = {
        kind: sorted((s, e) for s, e, k in parts if k == kind) for kind in _ROBOT_KIND
    }
    claims, promises = spans[_ROBOT_CLAIM], spans[_ROBOT_PROMISE]
    if not claims or not promises:
        return []

    def near(mine: list[tuple[int, int]], other: list[tuple[int, int]]) -> list[tuple[int, int]]:
        starts = [s for s, _ in other]
        max_end: list[int] = []  # max_end[i]: the furthest end among other[: i + 1]
        for _, e in other:
            max_end.append(max(e, max_end[-1]) if max_end else e)
        kept = []
        for s, e in mine:
            i = bisect_left(starts, s)
            after = i < len(other) and other[i][0] - e <= _ROBOT_WINDOW
            before = i > 0 and s - max_end[i - 1] <= _ROBOT_WINDOW
            if after or before:
                kept.append((s, e))
        return kept

    found = [(s, e, _ROBOT_KIND[_ROBOT_CLAIM]) for s, e in near(claims, promises)]
    found += [(s, e, _ROBOT_KIND[_ROBOT_PROMISE]) for s, e in near(promises, claims)]
    found.sort(key=lambda h: (h[0], -h[1]))
    out: list[tuple[int, int, str]] = []
    for s, e, kind in found:
        if out and s < out[-1][1]:  # hits of one signal never overlap
            continue
        out.append((s, e, kind))
    return out


def _prepared(text: str) -> tuple[str, OffsetMap | None, str]:
    """The normalised text, its offset map and its lower-cased copy (same length)."""
    norm, omap = _normalise(text)
    low = norm.lower()
    if len(low) != len(norm):  # pragma: no cover - _normalise folds the only such char
        low = "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in norm)
    return norm, omap, low


@lru_cache(maxsize=4)
def _analysed(text: str) -> tuple[str, OffsetMap | None, str, _Spans]:
    """:func:`_prepared` and the reported spans of a text. Both :func:`find_signals` and
    :func:`reported_spans` need them for the same page text, one after the other: the
    last few texts are kept (the values are never modified)."""
    norm, omap, low = _prepared(text)
    return norm, omap, low, _Spans(_reported(norm, low))


def find_signals(text: str) -> list[SignalMatch]:
    """Find all fraud-signal phrases in `text`.

    Parameters
    ----------
    text : str
        Plain visible text of a web page (any length; whitespace may or may not be
        collapsed). Any string is accepted.

    Returns
    -------
    list of SignalMatch
        All hits, sorted by ``start`` (then ``end`` and signal name). Hits of the same
        signal never overlap; hits of different signals may. For every hit,
        ``text[m.start:m.end] == m.quote``.

    Examples
    --------
    >>> [m.signal for m in find_signals("Guaranteed 24% daily returns! Pay via USDT TRC20.")]
    ['guarantee', 'crypto_payment']
    >>> find_signals("Regulated by the FCA (FRN 760555)")[0].value
    'FCA 760555'
    """
    if not isinstance(text, str) or not text:
        return []
    norm, omap, low, reported = _analysed(text)
    hits = sorted(_raw_hits(norm, low), key=lambda h: (h[2], h[0], -h[1]))
    out: list[SignalMatch] = []
    robot_parts: list[tuple[int, int, str]] = []
    last_signal, last_end = "", -1
    for ns, ne, signal in hits:
        if signal != last_signal:
            last_signal, last_end = signal, -1
        if ns < last_end:  # same-signal hits never overlap: keep the leftmost-longest
            continue
        # Trim whitespace the optional tails may have swallowed.
        while ns < ne and norm[ns].isspace():
            ns += 1
        while ne > ns and norm[ne - 1].isspace():
            ne -= 1
        if ne <= ns or not _keep(norm, low, ns, ne, signal):
            continue
        if signal in _REPORTABLE and reported.covers(ns, ne):
            continue
        last_end = ne
        if signal in _ROBOT_KIND:
            if signal == _ROBOT_PROMISE:  # "1.000 €" is matched from its second digit group
                back = _THOUSANDS_BEFORE.search(norm, max(0, ns - 4), ns)
                ns = back.start() if back is not None else ns
            robot_parts.append((ns, ne, signal))
            continue
        start, end = (ns, ne) if omap is None else omap.span(ns, ne)
        if end <= start:
            continue
        quote = text[start:end]
        out.append(SignalMatch(signal, start, end, quote, _value(signal, norm[ns:ne])))
    for ns, ne, kind in _pair_robot(robot_parts):
        start, end = (ns, ne) if omap is None else omap.span(ns, ne)
        if end > start:
            out.append(SignalMatch("trading_robot", start, end, text[start:end], kind))
    out.sort(key=lambda s: (s.start, s.end, SIGNALS.index(s.signal)))
    return out


#: Scheme signals that a page may merely report: a bank's or a regulator's warning quotes
#: the very wording of the scheme it warns about.
_REPORTABLE = frozenset({"withdrawal_obstruction", "instant_withdrawal", "referral_levels",
                         "guarantee", "urgency", "social_proof", _ROBOT_CLAIM, _ROBOT_PROMISE})
_REPORT_REACH = 200  # characters a warning reaches either way within its sentence
_MAX_QUOTE = 400  # longer "quotations" are unbalanced quote marks, not quotes
_WARNING_PAGE = 2  # warning words after which quotations count as reported wording
#: Warning words that make the whole page an article about scams (4+ words: 91 of 4,784
#: legitimate corpus pages, 4 of 786 scam pages).
_WARNING_ARTICLE = 4
_QUOTES = {'"': '"', "\u201c": "\u201d", "\u00ab": "\u00bb", "\u201e": "\u201c",
           "\u300c": "\u300d", "\u300e": "\u300f"}
_QUOTE_CHAR = re.compile("[" + re.escape("".join(set(_QUOTES) | set(_QUOTES.values()))) + "]")
_SENTENCE_BREAK = re.compile(r"[.!?。！？\n]")


class _Spans:
    """Sorted, merged intervals with an O(log n) containment test."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        merged: list[list[int]] = []
        for s, e in sorted(spans):
            if merged and s <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], e)
            else:
                merged.append([s, e])
        self.starts = [m[0] for m in merged]
        self.ends = [m[1] for m in merged]

    def covers(self, start: int, end: int) -> bool:

        i = bisect.bisect_right(self.starts, start) - 1
        return i >= 0 and end <= self.ends[i]


def _reported(norm: str, low: str) -> list[tuple[int, int]]:
    """Spans of normalised text where scheme wording is reported, not offered.

    * The sentence around a warning word ("scam", "fraud", "red flag", "lừa đảo", "mạo
      danh", ...), at most :data:`_REPORT_REACH` characters either way; a denial ("we are
      not a scam") is no warning.
    * On a page with at least :data:`_WARNING_PAGE` warning words, every quotation (up to
      :data:`_MAX_QUOTE` characters): 'Typical excuses include: "Pay a fee to release your
      withdrawal"'.
    * A page with at least :data:`_WARNING_ARTICLE` warning words is an article about
      scams (a bank's or a regulator's warning): all of it.

    One pass over the warning words (it stops at the article threshold), one over the
    quote marks: linear in the text.
    """
    spans: list[tuple[int, int]] = []
    warnings = 0
    aux = _aux()
    for m in aux.warning_word.finditer(low):
        if aux.inner_neg.search(low, max(0, m.start() - 12), m.start()):
            continue  # "we are not a scam", "không phải lừa đảo": a denial, not a warning
        warnings += 1
        if warnings >= _WARNING_ARTICLE:  # an article about scams: all of it, at once
            return [(0, len(norm))]
        lo = max(0, m.start() - _REPORT_REACH)
        before = [b.end() for b in _SENTENCE_BREAK.finditer(norm, lo, m.start())]
        after = _SENTENCE_BREAK.search(norm, m.end(), m.end() + _REPORT_REACH)
        spans.append((before[-1] if before else lo,
                      after.start() if after else min(len(norm), m.end() + _REPORT_REACH)))
    if warnings >= _WARNING_PAGE:
        opened: tuple[int, str] | None = None
        for q in _QUOTE_CHAR.finditer(norm):
            ch, pos = q.group(), q.start()
            if opened is not None and (ch == opened[1] and pos - opened[0] <= _MAX_QUOTE):
                spans.append((opened[0], pos + 1))
                opened = None
            elif ch in _QUOTES:
                opened = (pos, _QUOTES[ch])
    return spans


def reported_spans(text: str) -> list[tuple[int, int]]:
    """Where a text reports scheme wording rather than offering it (scam warnings).

    Parameters
    ----------
    text : str

    Returns
    -------
    list of (start, end)
        Sorted, disjoint character offsets into ``text``: sentences that call something
        a scam or a fraud; on pages that do so twice, the quotations; on pages that do so
        four times or more, everything. :func:`find_signals` drops the scheme hits inside
        them; other extractors (promised returns) may too.
    """
    if not isinstance(text, str) or not text:
        return []
    _norm, omap, _low, merged = _analysed(text)
    spans = list(zip(merged.starts, merged.ends, strict=True))
    return spans if omap is None else [omap.span(s, e) for s, e in spans]


def signal_counts(matches: list[SignalMatch]) -> dict[str, int]:
    """Count hits per signal.

    Parameters
    ----------
    matches : list of SignalMatch
        Output of :func:`find_signals`.

    Returns
    -------
    dict of str to int
        One entry for every name in :data:`SIGNALS` (0 when absent), in :data:`SIGNALS`
        order. Unknown signal names, if any, are counted too.
    """
    counts = dict.fromkeys(SIGNALS, 0)
    for m in matches:
        counts[m.signal] = counts.get(m.signal, 0) + 1
    return counts
