"""Tests for :mod:`fakeinvest.features.returns`."""

from __future__ import annotations

import dataclasses
import math
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fakeinvest.features.returns import PERIODS, ReturnClaim, find_return_claims

from .golden_returns import KNOWN_MISSES, MORE_GOLDEN, Row

ENGLISH: list[Row] = [
    ("24% daily", 24.0, "day"),
    ("2.5% Daily", 2.5, "day"),
    ("daily 3%", 3.0, "day"),
    ("1.5% per hour", 36.0, "hour"),
    ("1.5%/hour for 24 hours", 36.0, "hour"),
    ("hourly 0.5%", 12.0, "hour"),
    ("45% monthly", 1.5, "month"),
    ("10% weekly", 1.4286, "week"),
    ("7% per annum", 0.0192, "year"),
    ("annual return of 7%", 0.0192, "year"),
    ("APY 4.5%", 0.0123, "year"),
    ("4.50% AER", 0.0123, "year"),
    ("12% p.a.", 0.0329, "year"),
    ("ROI 3% Daily", 3.0, "day"),
    ("300% after 10 days", 30.0, "term"),
    ("ROI 150% in 7 days", 21.4286, "term"),
    ("200% after 20 days", 10.0, "term"),
    ("120% after 1 day", 120.0, "term"),
    ("up to 24% daily", 24.0, "day"),
    ("1.5% - 2.5% daily", 2.5, "day"),
    ("1.5-2.5% daily", 2.5, "day"),
    ("from 2% to 5% per day", 5.0, "day"),
    ("0,8% daily", 0.8, "day"),
    ("2% a day", 2.0, "day"),
    ("2% each 24 hours", 2.0, "day"),
    ("Daily ROI: 2.5%", 2.5, "day"),
    ("Daily returns from 1.5% to 2.5%", 2.5, "day"),
    ("Monthly interest rate up to 10%", 0.3333, "month"),
    ("Our APR is 7%", 0.0192, "year"),
    ("interest of 4% per year", 0.011, "year"),
    ("0.3% every hour", 7.2, "hour"),
    ("5% /week", 0.7143, "week"),
    ("30%/mo", 1.0, "month"),
    ("2 % daily", 2.0, "day"),
    ("2 percent daily", 2.0, "day"),
    ("Earn 2% of your deposit daily", 2.0, "day"),
    ("1.2% hourly for 100 hours", 28.8, "hour"),
    ("after 10 days: 300%", 30.0, "term"),
    ("1,000% after 30 days", 33.3333, "term"),
    ("4% per month for 12 months", 0.1333, "month"),
    ("150% ROI after 7 days", 21.4286, "term"),
    ("3% per working day", 3.0, "day"),
    ("8% yearly", 0.0219, "year"),
    ("0.25%/h", 6.0, "hour"),
    ("1.5 – 2.5% daily", 2.5, "day"),
    ("2% ~ 3% daily", 3.0, "day"),
]

ENGLISH_NEGATIVE: list[Row] = [
    ("50% of users", None, None),
    ("we charge a 2% fee", None, None),
    ("72% of retail investor accounts lose money when trading CFDs", None, None),
    # nutrition labels
    ("Calories from Fat 140 % Daily Value Total Fat 16g 24%", None, None),
    ("Vitamin C 90% daily intake", None, None),
    ("up 3% on the day", None, None),
    ("The S&P rose 2% on the day", None, None),
    ("past performance is not indicative of future results", None, None),
    ("version 1.2.5", None, None),
    ("Released 2024-05-01", None, None),
    ("Referral Bonus 5%", None, None),
    ("1st level 10%", None, None),
    ("100% secure", None, None),
    ("24/7 support", None, None),
    ("Referral commission 5% daily", None, None),
    ("Level 1: 5% daily", None, None),
    ("Withdrawal fee: 0.5% per day", None, None),
    ("5% bonus daily", None, None),
    ("20% off monthly plans", None, None),
    ("We have 99.9% uptime every month", None, None),
    ("Within 24 hours 100% payout", None, None),
    ("0% daily", None, None),
    ("200000% daily", None, None),
    ("½% daily", None, None),
    ("Deposit 5% commission for 30 days", None, None),
    ("Daily news: 72% of traders lose money", None, None),
    ("BTC up 12% in 24 hours", None, None),
    ("BTC: -3% in 24h", None, None),
    ("Save 20% for 3 months", None, None),
    ("Inflation was 3% in 2023", None, None),
]

VIETNAMESE: list[Row] = [
    ("0,8 - 1%/ngày", 1.0, "day"),
    ("20 - 24%/tháng", 0.8, "month"),
    ("lãi 1,2% mỗi ngày", 1.2, "day"),
    ("lợi nhuận 5% một tuần", 0.7143, "week"),
    ("lãi suất 0,5%/ngày", 0.5, "day"),
    ("lợi nhuận hàng ngày 3%", 3.0, "day"),
    ("hàng tháng 10%", 0.3333, "month"),
    ("150% sau 7 ngày", 21.4286, "term"),
    ("từ 1% đến 2% mỗi ngày", 2.0, "day"),
    ("lãi 1% ngày", 1.0, "day"),
    ("8% mỗi năm", 0.0219, "year"),
    ("0,1% mỗi giờ", 2.4, "hour"),
    ("2% hàng tuần", 0.2857, "week"),
    ("200% trong 10 ngày", 20.0, "term"),
    ("giảm 50% ngày 20/11", None, None),
    ("Giá tăng 10% trong 7 ngày", None, None),
    ("hoa hồng giới thiệu 5%", None, None),
]

THAI: list[Row] = [
    ("10% – 15% ต่อสัปดาห์", 2.1429, "week"),
    ("40% ต่อเดือน", 1.3333, "month"),
    ("2% ต่อวัน", 2.0, "day"),
    ("3% รายวัน", 3.0, "day"),
    ("8% ต่อปี", 0.0219, "year"),
    ("0.5% ต่อชั่วโมง", 12.0, "hour"),
    ("กำไร 5% ต่อวัน", 5.0, "day"),
    ("วันละ 2%", 2.0, "day"),
    ("ผลตอบแทน 150% ภายใน 7 วัน", 21.4286, "term"),
    ("2% ถึง 5% ต่อวัน", 5.0, "day"),
    ("รายเดือน 20%", 0.6667, "month"),
    ("ผลตอบแทนรายวัน 1.5%", 1.5, "day"),
    ("ค่าธรรมเนียม 2%", None, None),
    ("ค่าคอมมิชชั่นแนะนำเพื่อน 10%", None, None),
]

CHINESE: list[Row] = [
    ("日息1%", 1.0, "day"),
    ("日收益2%", 2.0, "day"),
    ("月收益30%", 1.0, "month"),
    ("年化收益8%", 0.0219, "year"),
    ("年化8%", 0.0219, "year"),
    ("每天1.5%", 1.5, "day"),
    ("每日2%", 2.0, "day"),
    ("每小时0.5%", 12.0, "hour"),
    ("周收益10%", 1.4286, "week"),
    ("每小時0.5%", 12.0, "hour"),
    ("週收益10%", 1.4286, "week"),
    ("日收益1%-3%", 3.0, "day"),
    ("收益1.5%/天", 1.5, "day"),
    ("每月10%", 0.3333, "month"),
    ("年化收益率12%", 0.0329, "year"),
    ("日利率0.5%", 0.5, "day"),
    ("150% 7天后", 21.4286, "term"),
    ("7天后收益150%", 21.4286, "term"),
    ("日回報3%", 3.0, "day"),
    ("每週5%", 0.7143, "week"),
    ("2024年10月1日 5%", None, None),
    ("手续费2%", None, None),
    ("推荐佣金10%", None, None),
]

INDONESIAN: list[Row] = [
    ("2% per hari", 2.0, "day"),
    ("10% per minggu", 1.4286, "week"),
    ("30% per bulan", 1.0, "month"),
    ("8% per tahun", 0.0219, "year"),
    ("keuntungan harian 3%", 3.0, "day"),
    ("2% per hari selama 30 hari", 2.0, "day"),
    ("150% setelah 7 hari", 21.4286, "term"),
    ("bunga 10% per bulan", 0.3333, "month"),
    ("profit harian 2%", 2.0, "day"),
    ("2% setiap hari", 2.0, "day"),
    ("0,5% per jam", 12.0, "hour"),
    ("keuntungan 4% mingguan", 0.5714, "week"),
    ("komisi referensi 5%", None, None),
    ("biaya 2%", None, None),
]

SPANISH: list[Row] = [
    ("2% diario", 2.0, "day"),
    ("2% al día", 2.0, "day"),
    ("5% semanal", 0.7143, "week"),
    ("20% mensual", 0.6667, "month"),
    ("8% anual", 0.0219, "year"),
    ("rendimiento diario del 2%", 2.0, "day"),
    ("de 1% a 3% diario", 3.0, "day"),
    ("1,5% diarios", 1.5, "day"),
    ("12% TAE", 0.0329, "year"),
    ("150% en 7 días", 21.4286, "term"),
    ("300% después de 10 días", 30.0, "term"),
    ("0,2% por hora", 4.8, "hour"),
    ("3% de ganancia diaria", 3.0, "day"),
    ("comisión de 5%", None, None),
    ("bono de bienvenida 10%", None, None),
]

PORTUGUESE: list[Row] = [
    ("2% ao dia", 2.0, "day"),
    ("2% por dia", 2.0, "day"),
    ("30% ao mês", 1.0, "month"),
    ("10% ao ano", 0.0274, "year"),
    ("5% de lucro ao dia", 5.0, "day"),
    ("rentabilidade mensal de 10%", 0.3333, "month"),
    ("0,5 a 1% ao dia", 1.0, "day"),
    ("2% a.m.", 0.0667, "month"),
    ("12% a.a.", 0.0329, "year"),
    ("200% após 20 dias", 10.0, "term"),
    ("2% diário durante 30 dias", 2.0, "day"),
    ("rendimento de 1,5% diária", 1.5, "day"),
    ("taxa de 3%", None, None),
    ("bônus de indicação 10%", None, None),
]

RUSSIAN: list[Row] = [
    ("2% в день", 2.0, "day"),
    ("2% ежедневно", 2.0, "day"),
    ("10% в неделю", 1.4286, "week"),
    ("30% в месяц", 1.0, "month"),
    ("12% годовых", 0.0329, "year"),
    ("1% в час", 24.0, "hour"),
    ("от 2% до 5% в день", 5.0, "day"),
    ("доходность 2% в сутки", 2.0, "day"),
    ("150% через 7 дней", 21.4286, "term"),
    ("ежедневная доходность 3%", 3.0, "day"),
    ("120% за 1 день", 120.0, "term"),
    ("2% в день на 30 дней", 2.0, "day"),
    ("реферальный бонус 5%", None, None),
    ("комиссия 1%", None, None),
]

_BASE_GOLDEN: dict[str, list[Row]] = {
    "en": ENGLISH + ENGLISH_NEGATIVE,
    "vi": VIETNAMESE,
    "th": THAI,
    "zh": CHINESE,
    "id": INDONESIAN,
    "es": SPANISH,
    "pt": PORTUGUESE,
    "ru": RUSSIAN,
}
GOLDEN: dict[str, list[Row]] = {
    lang: _BASE_GOLDEN.get(lang, []) + MORE_GOLDEN.get(lang, [])
    for lang in {**_BASE_GOLDEN, **MORE_GOLDEN}
}
ALL_GOLDEN: list[Row] = [row for rows in GOLDEN.values() for row in rows]
GOLDEN_ROWS = [
    pytest.param(phrase, daily, period, id=f"{lang}-{i}")
    for lang, rows in GOLDEN.items()
    for i, (phrase, daily, period) in enumerate(rows)
    if phrase not in KNOWN_MISSES
]


def _check_consistent(text: str, claims: list[ReturnClaim]) -> None:
    prev_end = 0
    for c in claims:
        assert isinstance(c, ReturnClaim)
        assert 0 <= prev_end <= c.start < c.end <= len(text)
        assert text[c.start : c.end] == c.quote
        assert c.period in PERIODS
        assert 0 < c.rate_low <= c.rate_high <= 100_000
        assert math.isfinite(c.daily_rate) and c.daily_rate > 0
        if c.period == "term":
            assert c.term_days is not None and c.term_days > 0
            assert c.daily_rate == pytest.approx(c.rate_high / c.term_days)
        prev_end = c.end


def _row_is_right(phrase: str, daily: float | None, period: str | None) -> bool:
    """A row is right when no claim is found for None, else exactly the expected one."""
    claims = find_return_claims(phrase)
    if daily is None:
        return not claims
    if len(claims) != 1:
        return False
    (claim,) = claims
    return abs(round(claim.daily_rate, 4) - daily) <= 1e-4 and (
        period is None or claim.period == period
    )


def test_golden_table_is_large() -> None:
    assert len(ALL_GOLDEN) >= 400
    big = [lang for lang, rows in GOLDEN.items() if len(rows) >= 20]
    assert len(big) >= 6, {lang: len(rows) for lang, rows in GOLDEN.items()}
    for lang, rows in GOLDEN.items():
        assert rows, lang
    phrases = [phrase for phrase, _, _ in ALL_GOLDEN]
    assert len(set(phrases)) == len(phrases), "duplicate golden phrases"
    assert set(phrases) >= KNOWN_MISSES, KNOWN_MISSES - set(phrases)
    assert len(KNOWN_MISSES) <= 0.02 * len(ALL_GOLDEN)


def test_golden_rows_are_well_formed() -> None:
    for phrase, daily, period in ALL_GOLDEN:
        assert (daily is None) == (period is None), phrase
        assert period is None or period in PERIODS, phrase
        assert daily is None or daily > 0, phrase


def test_golden_accuracy_at_least_98_percent() -> None:
    misses = []
    for phrase, daily, period in ALL_GOLDEN:
        if not _row_is_right(phrase, daily, period):
            got = [(c.quote, round(c.daily_rate, 4), c.period) for c in find_return_claims(phrase)]
            misses.append(f"{phrase!r}: expected {daily} {period}, got {got}")
    accuracy = 1.0 - len(misses) / len(ALL_GOLDEN)
    print(f"golden accuracy {accuracy:.4f} ({len(ALL_GOLDEN) - len(misses)}/{len(ALL_GOLDEN)})")
    assert accuracy >= 0.98, f"accuracy {accuracy:.4f}, misses:\n" + "\n".join(misses)


@pytest.mark.parametrize(("phrase", "daily", "period"), GOLDEN_ROWS)
def test_golden(phrase: str, daily: float | None, period: str | None) -> None:
    claims = find_return_claims(phrase)
    _check_consistent(phrase, claims)
    if daily is None:
        assert claims == []
        return
    assert len(claims) == 1, claims
    (claim,) = claims
    assert round(claim.daily_rate, 4) == pytest.approx(daily, abs=1e-4)
    if period is not None:
        assert claim.period == period


@pytest.mark.parametrize(
    ("phrase", "low", "high"),
    [
        ("0,8 - 1%/ngày", 0.8, 1.0),
        ("1.5% - 2.5% daily", 1.5, 2.5),
        ("1.5-2.5% daily", 1.5, 2.5),
        ("from 2% to 5% per day", 2.0, 5.0),
        ("10% – 15% ต่อสัปดาห์", 10.0, 15.0),
        ("20 - 24%/tháng", 20.0, 24.0),
        ("от 2% до 5% в день", 2.0, 5.0),
        ("de 1% a 3% diario", 1.0, 3.0),
        ("日收益1%-3%", 1.0, 3.0),
        ("2% ถึง 5% ต่อวัน", 2.0, 5.0),
        ("1.5 — 2% daily", 1.5, 2.0),
        ("up to 24% daily", 24.0, 24.0),
        ("24% daily", 24.0, 24.0),
    ],
)
def test_ranges(phrase: str, low: float, high: float) -> None:
    (claim,) = find_return_claims(phrase)
    assert claim.rate_low == pytest.approx(low)
    assert claim.rate_high == pytest.approx(high)


def test_reversed_range_keeps_upper_number() -> None:
    (claim,) = find_return_claims("Since 2019-10% daily")
    assert claim.rate_low == claim.rate_high == 10.0
    assert claim.quote == "10% daily"


@pytest.mark.parametrize(
    ("phrase", "term_days"),
    [
        ("1.5%/hour for 24 hours", 1.0),
        ("2.5% daily for 30 days", 30.0),
        ("300% after 10 days", 10.0),
        ("ROI 150% in 7 days", 7.0),
        ("4% monthly for 1 year", 365.0),
        ("10% weekly for 2 weeks", 14.0),
        ("5% per month for a month", 30.0),
        ("150% 7天后", 7.0),
        ("150% через 7 дней", 7.0),
        ("150% ภายใน 7 วัน", 7.0),
        ("24% daily", None),
    ],
)
def test_term_days(phrase: str, term_days: float | None) -> None:
    (claim,) = find_return_claims(phrase)
    if term_days is None:
        assert claim.term_days is None
    else:
        assert claim.term_days == pytest.approx(term_days)


def test_period_decides_daily_rate_when_term_given() -> None:
    (claim,) = find_return_claims("1.5%/hour for 24 hours")
    assert claim == ReturnClaim(
        start=0,
        end=22,
        quote="1.5%/hour for 24 hours",
        rate_low=1.5,
        rate_high=1.5,
        period="hour",
        term_days=1.0,
        daily_rate=36.0,
    )


def test_offsets_embedded_in_sentence() -> None:
    text = "Join today and earn 2.5% daily for 30 days with our premium plan!"
    (claim,) = find_return_claims(text)
    assert claim.quote == "2.5% daily for 30 days"
    assert claim.start == text.index("2.5%")
    assert text[claim.start : claim.end] == claim.quote


def test_prefix_quote_starts_at_period_word() -> None:
    text = "Our fund offers an annual return of 7% to every investor."
    (claim,) = find_return_claims(text)
    assert claim.quote == "annual return of 7%"
    assert text[claim.start : claim.end] == claim.quote


def test_multiple_claims_in_order() -> None:
    text = (
        "STARTER: 1.5% daily for 20 days. PREMIUM: 300% after 10 days. "
        "VIP: ROI 150% in 7 days. Referral Bonus 5%. 72% of retail investor accounts "
        "lose money. Hourly 0.5%!"
    )
    claims = find_return_claims(text)
    _check_consistent(text, claims)
    assert [c.quote for c in claims] == [
        "1.5% daily for 20 days",
        "300% after 10 days",
        "150% in 7 days",
        "Hourly 0.5%",
    ]
    assert [c.period for c in claims] == ["day", "term", "term", "hour"]
    assert [round(c.daily_rate, 4) for c in claims] == [1.5, 30.0, 21.4286, 12.0]


def test_multiple_claims_mixed_languages() -> None:
    text = "Lãi 1,2% mỗi ngày | 日收益2% | 40% ต่อเดือน | 12% годовых | 2% ao dia | 8% per tahun"
    claims = find_return_claims(text)
    _check_consistent(text, claims)
    assert [c.period for c in claims] == ["day", "day", "month", "year", "day", "year"]


def test_adjacent_claims_do_not_share_period_words() -> None:
    claims = find_return_claims("1.5% daily 2% weekly")
    assert [(c.quote, c.period) for c in claims] == [("1.5% daily", "day"), ("2% weekly", "week")]
    # "daily" belongs to the first claim, so the second percentage has no period.
    claims = find_return_claims("1.5% daily 2%")
    assert [c.quote for c in claims] == ["1.5% daily"]


def test_decomposed_and_fullwidth_text_keeps_original_offsets() -> None:
    nfd = unicodedata.normalize("NFD", "Lãi suất 1,2% mỗi ngày và lợi nhuận 5% một tuần")
    claims = find_return_claims(nfd)
    _check_consistent(nfd, claims)
    assert [c.period for c in claims] == ["day", "week"]
    wide = "ＲＯＩ ２.５％ ｄａｉｌｙ"
    (claim,) = find_return_claims(wide)
    assert claim.quote == "２.５％ ｄａｉｌｙ"
    assert claim.daily_rate == 2.5


def test_thai_sara_am_is_handled() -> None:
    # "กำไร" contains U+0E33, which NFKC decomposes; offsets must still be exact.
    text = "กำไร 5% ต่อวัน และ ค่าธรรมเนียม 1% ต่อวัน"
    claims = find_return_claims(text)
    _check_consistent(text, claims)
    assert [c.quote for c in claims] == ["5% ต่อวัน"]


def test_claim_is_frozen() -> None:
    (claim,) = find_return_claims("24% daily")
    with pytest.raises(dataclasses.FrozenInstanceError):
        claim.rate_high = 1.0  # type: ignore[misc]


@pytest.mark.parametrize(
    "text", ["", " ", "%", "%%%", "daily", "1", "-1%", "0,0%", "\x00", "\ud800"]
)
def test_degenerate_inputs(text: str) -> None:
    claims = find_return_claims(text)
    _check_consistent(text, claims)
    assert claims == []


@pytest.mark.parametrize(
    "text",
    [
        "1" * 200_000,
        "%" * 200_000,
        "1%" * 50_000,
        "1.1." * 50_000,
        "1 - " * 50_000 + "%",
        "daily " * 30_000,
        "\u0301" * 100_000,
        "ำ" * 100_000,
        "1 ำ%" * 30_000,
        "2% " + "of " * 50_000,
        ("from 1% to " * 20_000) + "2% daily",
    ],
)
def test_pathological_inputs_finish(text: str) -> None:
    # Inputs that make backtracking regexes explode: a regression hangs this test (and the
    # suite's time limit catches it); timings themselves live in benchmarks/.
    claims = find_return_claims(text)
    _check_consistent(text, claims)


_TOKEN_GROUPS = (
    (" ", "%", "％", "1", "2.5", "0,8", "10", "-", "–", " to ", "~", "/", ".", ",", "\n"),
    ("daily", "per day", "a day", "hourly", "for", " after ", " in ", "days", "hours", "24"),
    ("ngày", "/tháng", "mỗi", "ต่อวัน", "กำไร", "ำ", "日收益", "年化", "每天", "天后"),
    ("per hari", "ao dia", "diario", "в день", "годовых", "через", "дней", "of", "fee"),
    ("bonus", "referral", "level", "APY", "p.a.", "\u0301", "ａ", "½", "ROI"),
)
_TOKENS = st.sampled_from([token for group in _TOKEN_GROUPS for token in group])


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_never_raises_on_any_text(text: str) -> None:
    _check_consistent(text, find_return_claims(text))


@settings(max_examples=200, deadline=None)
@given(st.lists(_TOKENS, max_size=400).map("".join))
def test_never_raises_on_rate_like_text(text: str) -> None:
    _check_consistent(text, find_return_claims(text))


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="0123456789%.,- dailyperhourfo", min_size=1000, max_size=5000))
def test_never_raises_on_long_digit_percent_strings(text: str) -> None:
    _check_consistent(text, find_return_claims(text))


@settings(max_examples=100, deadline=None)
@given(
    st.text(max_size=50),
    st.sampled_from(["24% daily", "300% after 10 days", "日收益2%", "12% годовых"]),
    st.text(max_size=50),
)
def test_claim_found_with_surrounding_noise(before: str, phrase: str, after: str) -> None:
    text = f"{before}. {phrase} .{after}"
    claims = find_return_claims(text)
    _check_consistent(text, claims)
    assert any(c.quote == phrase for c in claims)


def test_prefix_window_bounds_prefix_patterns() -> None:
    # Prefixes are searched for only within _PREFIX_WINDOW characters before a number, so
    # no prefix pattern may be able to match a longer stretch of text.
    parser = pytest.importorskip("re._parser")
    from fakeinvest.features import returns

    pats = returns._patterns()
    for pattern in (pats.prefix, pats.term_prefix):
        _, longest = parser.parse(pattern.pattern, pattern.flags).getwidth()
        assert longest <= returns._PREFIX_WINDOW


@pytest.mark.parametrize(
    ("text", "quotes"),
    [
        ("Daily 1% | Daily 2% | Daily 3%", ["Daily 1%", "Daily 2%", "Daily 3%"]),
        ("x" * 500 + " daily 2%", ["daily 2%"]),
        ("daily " + "x" * 500 + " 2%", []),
        ("after 10 days: 300%. " * 3, ["after 10 days: 300%"] * 3),
    ],
)
def test_prefix_claims_found_anywhere(text: str, quotes: list[str]) -> None:
    claims = find_return_claims(text)
    _check_consistent(text, claims)
    assert [c.quote for c in claims] == quotes
