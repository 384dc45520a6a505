"""Tests for fakeinvest.features.lexicon (phrase-lexicon fraud signals)."""

from __future__ import annotations

import subprocess
import sys
import unicodedata
from itertools import pairwise

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fakeinvest.features import lexicon
from fakeinvest.features.lexicon import SIGNALS, SignalMatch, find_signals, signal_counts

SCAM_SIGNALS = ("withdrawal_obstruction", "guarantee", "referral_levels", "urgency")


def _hits(text: str, signal: str) -> list[SignalMatch]:
    return [m for m in find_signals(text) if m.signal == signal]


def _assert_consistent(text: str, matches: list[SignalMatch]) -> None:
    assert matches == sorted(matches, key=lambda m: (m.start, m.end))
    for m in matches:
        assert m.signal in SIGNALS
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start : m.end] == m.quote
        assert m.quote == m.quote.strip()
        assert m.value is None or isinstance(m.value, str)


# ---------------------------------------------------------------------------------------
# Positive cases: (signal, text). Real scam wording and its close variants.
# ---------------------------------------------------------------------------------------

POSITIVE: list[tuple[str, str]] = [
    # --- withdrawal_obstruction ---------------------------------------------------------
    ("withdrawal_obstruction", "A 10% tax must be paid before your withdrawal can be processed"),
    ("withdrawal_obstruction", "Withdrawals are subject to a 10% tax"),
    ("withdrawal_obstruction", "Each withdrawal is charged a 5% fee"),
    ("withdrawal_obstruction", "Penarikan dikenakan pajak 10%"),
    ("withdrawal_obstruction", "Please pay the verification deposit to unlock your funds."),
    ("withdrawal_obstruction", "Minimum withdrawal: $100"),
    (
        "withdrawal_obstruction",
        "All withdrawals are processed within 7-15 working days due to a system upgrade.",
    ),
    ("withdrawal_obstruction", "You need to upgrade your account level to withdraw."),
    (
        "withdrawal_obstruction",
        "Your account has been frozen for suspected money laundering; pay a security deposit "
        "to unfreeze it.",
    ),
    ("withdrawal_obstruction", "To withdraw, you must first pay a 20% profit tax."),
    ("withdrawal_obstruction", "Your withdrawal is on hold until you pay the clearance fee."),
    ("withdrawal_obstruction", "You must pay the withdrawal fee of 15% first."),
    ("withdrawal_obstruction", "VIP level 3 is required to withdraw profits."),
    ("withdrawal_obstruction", "A minimum of 3 active referrals is required to withdraw funds."),
    ("withdrawal_obstruction", "You must have an active deposit to withdraw."),
    ("withdrawal_obstruction", "Withdrawal function will be available after a deposit."),
    ("withdrawal_obstruction", "Quý khách vui lòng nộp phí rút tiền 15%."),
    ("withdrawal_obstruction", "Khách hàng phải đóng thuế thu nhập mới rút được tiền."),
    ("withdrawal_obstruction", "Tài khoản phải nâng cấp cấp độ mới rút được."),
    ("withdrawal_obstruction", "Lệnh rút của bạn đang đợi hệ thống xử lý."),
    ("withdrawal_obstruction", "Tài khoản bị đóng băng do vi phạm quy định."),
    ("withdrawal_obstruction", "Số tiền rút tối thiểu là 50 USDT."),
    ("withdrawal_obstruction", "ต้องชำระภาษีก่อนถอนเงิน"),
    ("withdrawal_obstruction", "ค่าธรรมเนียมการถอน 10%"),
    ("withdrawal_obstruction", "บัญชีของคุณถูกระงับ กรุณาติดต่อฝ่ายบริการ"),
    ("withdrawal_obstruction", "ถอนขั้นต่ำ 500 บาท"),
    ("withdrawal_obstruction", "出金需缴纳税费"),
    ("withdrawal_obstruction", "涉嫌洗钱需缴纳保证金解冻"),
    ("withdrawal_obstruction", "银行系统升级需等待7-15个工作日"),
    ("withdrawal_obstruction", "升级VIP等级才能提现"),
    ("withdrawal_obstruction", "提現需繳納手續費"),
    ("withdrawal_obstruction", "您的账户已被冻结"),
    ("withdrawal_obstruction", "最低提现100 USDT"),
    ("withdrawal_obstruction", "ຕ້ອງຈ່າຍພາສີກ່ອນຖອນເງິນ"),
    ("withdrawal_obstruction", "ຄ່າທຳນຽມການຖອນເງິນ 10%"),
    ("withdrawal_obstruction", "ບັນຊີຂອງທ່ານຖືກອາຍັດ"),
    ("withdrawal_obstruction", "ຖອນເງິນຂັ້ນຕ່ຳ 100 ໂດລາ"),
    ("withdrawal_obstruction", "Biaya penarikan 10% dari saldo."),
    ("withdrawal_obstruction", "Pajak harus dibayar sebelum penarikan dapat diproses."),
    ("withdrawal_obstruction", "Minimal penarikan Rp 100.000"),
    ("withdrawal_obstruction", "Akun Anda dibekukan karena aktivitas mencurigakan."),
    ("withdrawal_obstruction", "Debe pagar un impuesto del 10% antes de retirar sus fondos."),
    ("withdrawal_obstruction", "Saque mínimo de R$ 50"),
    ("withdrawal_obstruction", "Необходимо оплатить налог 13% до вывода средств"),
    ("withdrawal_obstruction", "Минимальная сумма вывода 50 USDT"),
    # --- instant_withdrawal -------------------------------------------------------------
    ("instant_withdrawal", "Instant withdrawal available 24/7"),
    ("instant_withdrawal", "Instant payouts straight to your wallet"),
    ("instant_withdrawal", "Withdraw anytime, no questions asked"),
    ("instant_withdrawal", "Withdrawals are processed instantly."),
    ("instant_withdrawal", "Rút tiền nhanh chỉ trong 5 phút"),
    ("instant_withdrawal", "Rút tiền tức thì 24/7"),
    ("instant_withdrawal", "秒到账，即时提现"),
    ("instant_withdrawal", "即時提現"),
    ("instant_withdrawal", "ถอนเงินได้ทันที"),
    ("instant_withdrawal", "Penarikan instan ke rekening Anda"),
    ("instant_withdrawal", "Saque instantâneo via PIX"),
    ("instant_withdrawal", "Мгновенный вывод средств"),
    # --- referral_levels ----------------------------------------------------------------
    ("referral_levels", "Referral Bonus (1.5% for 1st level)(1% for 2nd level)"),
    ("referral_levels", "1st level 10%, 2nd level 5%"),
    ("referral_levels", "Join our 3-level referral program today"),
    ("referral_levels", "Earn commissions up to 5 levels deep"),
    ("referral_levels", "Level 1: 5%, Level 2: 3%"),
    ("referral_levels", "Nhận hoa hồng giới thiệu F1 10%"),
    ("referral_levels", "Thưởng giới thiệu cho mỗi thành viên mới"),
    ("referral_levels", "一级推荐奖励10%"),
    ("referral_levels", "推荐奖励"),
    ("referral_levels", "三级分销模式"),
    ("referral_levels", "รับค่าแนะนำ 5%"),
    ("referral_levels", "ຮັບຄ່າແນະນຳ 10%"),
    ("referral_levels", "Komisi referral hingga 3 level"),
    ("referral_levels", "bonus referral level 1"),
    ("referral_levels", "Bono por referidos del 5%"),
    ("referral_levels", "Реферальная программа: 3 уровня"),
    ("referral_levels", "Your Upline: john_doe"),
    ("referral_levels", "5% affiliate bonus on every deposit"),
    # --- guarantee ----------------------------------------------------------------------
    ("guarantee", "guaranteed 24% daily returns"),
    ("guarantee", "Guaranteed profit every single day"),
    ("guarantee", "A 100% risk-free investment"),
    ("guarantee", "No risk, high returns"),
    ("guarantee", "Your capital is protected at all times"),
    ("guarantee", "ROI 3% Daily Capital Return (YES)"),
    ("guarantee", "We guarantee a profit of 30% per month"),
    ("guarantee", "cam kết lợi nhuận 30%/tháng"),
    ("guarantee", "Đầu tư không rủi ro"),
    ("guarantee", "การันตีผลตอบแทน 10% ต่อเดือน"),
    ("guarantee", "ไม่มีความเสี่ยง"),
    ("guarantee", "保本保息"),
    ("guarantee", "稳赚不赔"),
    ("guarantee", "零风险投资"),
    ("guarantee", "ຮັບປະກັນກຳໄລ 100%"),
    ("guarantee", "Investasi dijamin untung"),
    ("guarantee", "Trading tanpa risiko"),
    ("guarantee", "Rentabilidad garantizada"),
    ("guarantee", "Lucro garantido todos os dias"),
    ("guarantee", "Гарантированный доход 5% в день"),
    ("guarantee", "Инвестиции без риска"),
    # --- urgency ------------------------------------------------------------------------
    ("urgency", "Limited time offer!"),
    ("urgency", "Only 3 slots left"),
    ("urgency", "Offer ends tonight"),
    ("urgency", "Act now before it's too late"),
    ("urgency", "Hurry up! Prices rise tomorrow"),
    ("urgency", "Don't miss this opportunity"),
    ("urgency", "Bonus ends in 02:15:33"),
    ("urgency", "Chỉ còn 5 suất VIP, nhanh tay đăng ký"),
    ("urgency", "限时优惠，名额有限"),
    ("urgency", "Kuota terbatas, segera daftar"),
    ("urgency", "Últimas vagas disponíveis"),
    ("urgency", "เหลือเพียง 5 ที่เท่านั้น"),
    ("urgency", "Успейте инвестировать"),
    # --- social_proof -------------------------------------------------------------------
    ("social_proof", "Total paid out: $1,245,991"),
    ("social_proof", "Total withdrawals: $500,000"),
    ("social_proof", "Our investors earned $2M last month"),
    ("social_proof", "Live payouts"),
    ("social_proof", "Recent deposits"),
    ("social_proof", "1,234 members online"),
    ("social_proof", "Meet our successful investors"),
    ("social_proof", "Testimonials"),
    ("social_proof", "Nhà đầu tư thành công"),
    ("social_proof", "已支付 1,000,000 USDT"),
    ("social_proof", "Total penarikan hari ini"),
    ("trading_robot", "The software trades for you and members earn $1,000 a day."),
    ("trading_robot", "Our trading robot works automatically with 99.4% accuracy - no experience "
                      "needed."),
    ("trading_robot", "Die Software handelt automatisch für Sie und verdient bis zu 1.000 € pro "
                      "Tag."),
    ("trading_robot", "Программа торгует автоматически и приносит до 50 000 рублей в день."),
    ("trading_robot", "Il software fa trading automaticamente e guadagni 800 € al giorno."),
    ("trading_robot", "El robot opera automáticamente por usted y gana 1.000 € al día."),
    ("trading_robot", "O robô negocia automaticamente para você e ganha R$ 2.000 por dia."),
    ("trading_robot", "Le logiciel trade automatiquement pour vous et rapporte 1 000 € par jour."),
    ("trading_robot", "Oprogramowanie handluje automatycznie i zarabia 1000 zł dziennie."),
    # --- crypto_payment -----------------------------------------------------------------
    ("crypto_payment", "Deposit with Bitcoin"),
    ("crypto_payment", "Pay with BTC"),
    ("crypto_payment", "USDT only (TRC20)"),
    ("crypto_payment", "Network: USDT-TRC20"),
    ("crypto_payment", "ERC20 network only"),
    ("crypto_payment", "Ethereum accepted"),
    ("crypto_payment", "Perfect Money and Payeer accepted"),
    ("crypto_payment", "Chỉ nhận USDT"),
    ("crypto_payment", "比特币充值"),
    ("crypto_payment", "รับฝากด้วยบิตคอยน์"),
    ("crypto_payment", "Send to bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq"),
    ("crypto_payment", "Wallet 0xde0B295669a9FD93d5F28D9Ec85E40f4cb697BAe"),
    # --- fiat_payment -------------------------------------------------------------------
    ("fiat_payment", "Deposit via bank transfer"),
    ("fiat_payment", "Pay by Visa or Mastercard"),
    ("fiat_payment", "We accept PayPal"),
    ("fiat_payment", "SEPA transfer within Europe"),
    ("fiat_payment", "Fund your account with a credit card"),
    ("fiat_payment", "Nạp tiền bằng chuyển khoản ngân hàng"),
    ("fiat_payment", "支持银行卡充值"),
    ("fiat_payment", "Transfer bank lokal tersedia"),
    ("fiat_payment", "โอนผ่านธนาคาร"),
    # --- messenger_contact --------------------------------------------------------------
    ("messenger_contact", "Join us: t.me/profitclub"),
    ("messenger_contact", "Chat: https://wa.me/447700900123"),
    ("messenger_contact", "Telegram: @atfx_support"),
    ("messenger_contact", "WhatsApp: +44 7700 900123"),
    ("messenger_contact", "Vui lòng liên hệ qua Zalo"),
    ("messenger_contact", "Contact us on WhatsApp for details"),
    ("messenger_contact", "加微信 abc123"),
    ("messenger_contact", "แอดไลน์ @profit"),
    ("messenger_contact", "ຕິດຕໍ່ທາງ WhatsApp"),
    ("messenger_contact", "Hubungi kami via WhatsApp"),
    ("messenger_contact", "https://chat.whatsapp.com/AbCdEf123456"),
    # --- licence_claim ------------------------------------------------------------------
    ("licence_claim", "regulated by the FCA (FRN 760555)"),
    ("licence_claim", "licensed by CySEC (licence no. 285/15)"),
    ("licence_claim", "ASIC AFSL 418036"),
    ("licence_claim", "The platform is SEC registered"),
    ("licence_claim", "NFA ID 0123456"),
    ("licence_claim", "Regulated by FSCA"),
    ("licence_claim", "VFSC licensed broker"),
    ("licence_claim", "FinCEN MSB registered"),
    ("licence_claim", "Được cấp phép bởi FCA"),
    ("licence_claim", "受 FCA 监管"),
    ("licence_claim", "Diawasi OJK"),
    ("licence_claim", "Regulado por la CNMV"),
    # --- risk_warning -------------------------------------------------------------------
    (
        "risk_warning",
        "CFDs are complex instruments and come with a high risk of losing money rapidly.",
    ),
    (
        "risk_warning",
        "72% of retail investor accounts lose money when trading CFDs with this provider.",
    ),
    ("risk_warning", "Past performance is not a reliable indicator of future results."),
    ("risk_warning", "Capital at risk."),
    ("risk_warning", "You may lose more than you invest."),
    ("risk_warning", "Investing involves risk."),
    ("risk_warning", "Ihr Kapital ist gefährdet."),
    ("risk_warning", "Đầu tư có rủi ro cao"),
    ("risk_warning", "投资有风险，入市需谨慎"),
    ("risk_warning", "การลงทุนมีความเสี่ยง"),
    ("risk_warning", "Investasi mengandung risiko"),
]


@pytest.mark.parametrize(("signal", "text"), POSITIVE)
def test_positive(signal: str, text: str) -> None:
    matches = find_signals(text)
    _assert_consistent(text, matches)
    hits = [m for m in matches if m.signal == signal]
    assert hits, f"{signal} did not fire on {text!r}: {matches}"
    for m in hits:
        assert text[m.start : m.end] == m.quote


def test_positive_case_counts() -> None:
    counts = {s: sum(1 for sig, _ in POSITIVE if sig == s) for s in SIGNALS}
    assert all(n >= 8 for n in counts.values()), counts
    assert len(POSITIVE) >= 100


# ---------------------------------------------------------------------------------------
# Negative cases: legitimate broker, news and documentation sentences.
# ---------------------------------------------------------------------------------------

NEGATIVE: list[str] = [
    "freqtrade is a free and open source crypto trading bot written in Python.",
    "Use the API to build your own trading bot; rate limits apply to order endpoints.",
    "Withdrawals are not subject to any fee",
    "Penarikan tidak dikenakan biaya",
    "We do not charge withdrawal fees.",
    "Withdrawals are free and usually processed within 1-3 business days.",
    "There is no guarantee that you will make a profit.",
    "Returns are not guaranteed and you may lose money.",
    "There is no risk-free investment.",
    "Past performance does not guarantee future results.",
    "Past performance is not a reliable indicator of future results.",
    "CFDs are complex instruments and come with a high risk of losing money rapidly.",
    "The central bank raised interest rates by 0.25 percentage points on Wednesday.",
    "Our support team is available 24/7 to help with account questions.",
    "Please allow up to 3 business days for your withdrawal to be processed.",
    "Withdrawal requests are reviewed for compliance with anti-money laundering rules.",
    "The Financial Conduct Authority fined the bank £10 million last year.",
    "Leveraged products are not suitable for all investors.",
    "XYZ Markets Limited is a company registered in Cyprus.",
    "Level 2 market data shows the depth of the order book.",
    "Inflation rose 3% in the first quarter, the statistics office said.",
    "Trading involves significant risk; never invest money you cannot afford to lose.",
    "We never ask clients to pay taxes or fees before processing a withdrawal.",
    "If anyone asks you to pay money in order to release a withdrawal, contact us.",
    "Negative balance protection means you cannot lose more than your deposit.",
    "No minimum withdrawal amount applies to bank transfers.",
    "The company reported higher quarterly income and raised its dividend.",
    "Withdrawal fee: 0",
    "Chúng tôi không thu phí rút tiền.",
    "Miễn phí rút tiền cho mọi giao dịch.",
    "Đầu tư luôn có rủi ro, lợi nhuận không được đảm bảo.",
    "Chúng tôi không cam kết lợi nhuận.",
    "Ngân hàng Nhà nước vừa điều chỉnh lãi suất điều hành.",
    "不保证收益，投资需谨慎。",
    "投资有风险，入市需谨慎。",
    "出金免手续费，通常1个工作日到账。",
    "保证金交易风险较高。",
    "Investasi mengandung risiko, keuntungan tidak dijamin.",
    "Tidak ada biaya penarikan.",
    "Bank Indonesia mempertahankan suku bunga acuan.",
    "การลงทุนมีความเสี่ยง ผู้ลงทุนควรศึกษาข้อมูลก่อนตัดสินใจลงทุน",
    "ไม่มีค่าธรรมเนียมการถอน",
    "Bitcoin fell 5% on Tuesday amid market turmoil.",
    "The referee showed a yellow card in the first half.",
    "Rentabilidades pasadas no garantizan rentabilidades futuras.",
    "Guaranteed-return investment offers are scams.",
    "RPL cannot be withdrawn within 28 days of staking.",
    "Since the job had to be done in a hurry, the paragraphs were drafted overnight.",
    "The proposal cooldown time setting uses the format 1h30m45s.",
    "The government reorganised local councils into a two-tier structure.",
    "Os resultados passados não são garantia de resultados futuros.",
]


@pytest.mark.parametrize("text", NEGATIVE)
def test_negative(text: str) -> None:
    matches = find_signals(text)
    _assert_consistent(text, matches)
    fired = [m for m in matches if m.signal in SCAM_SIGNALS]
    assert not fired, f"scam signal fired on legitimate text {text!r}: {fired}"


def test_negative_case_count() -> None:
    assert len(NEGATIVE) >= 30


# ---------------------------------------------------------------------------------------
# Negation details.
# ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "signal"),
    [
        ("guaranteed returns", "guarantee"),
        ("we offer guaranteed returns", "guarantee"),
        ("保本", "guarantee"),
        ("biaya penarikan", "withdrawal_obstruction"),
        ("phí rút tiền 5%", "withdrawal_obstruction"),
    ],
)
def test_unnegated_fires(text: str, signal: str) -> None:
    assert _hits(text, signal)


@pytest.mark.parametrize(
    ("text", "signal"),
    [
        ("guaranteed returns are a red flag", "guarantee"),
        (
            "if anyone asks you to pay a tax before you withdraw, report them",
            "withdrawal_obstruction",
        ),
        ("there are no guaranteed returns", "guarantee"),
        ("we cannot offer guaranteed returns", "guarantee"),
        ("不保本", "guarantee"),
        ("tidak ada biaya penarikan", "withdrawal_obstruction"),
        ("phí rút tiền: miễn phí", "withdrawal_obstruction"),
        ("we do not accept bank transfers", "fiat_payment"),
    ],
)
def test_negated_does_not_fire(text: str, signal: str) -> None:
    assert not _hits(text, signal)


def test_negation_stays_in_clause() -> None:
    # A "no" in the previous sentence does not cancel a later guarantee.
    assert _hits("No KYC needed. Guaranteed profit every day.", "guarantee")
    # "not a scam" later in the clause does not cancel it either.
    assert _hits("Guaranteed profit, we are not a scam", "guarantee")


# ---------------------------------------------------------------------------------------
# Values.
# ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "regulator", "number"),
    [
        ("regulated by the FCA (FRN 760555)", "FCA", "760555"),
        ("Licensed by the FCA (FRN 760555) & ASIC", "FCA", "760555"),
        ("licensed by CySEC (licence no. 285/15)", "CySEC", "285/15"),
        ("ASIC AFSL 418036", "ASIC", "418036"),
        ("NFA ID 0123456", "NFA", "0123456"),
        (
            "authorised and regulated by the Financial Conduct Authority (FRN 812345)",
            "FCA",
            "812345",
        ),
        ("Regulated by FSCA", "FSCA", None),
        ("受 FCA 监管", "FCA", None),
    ],
)
def test_licence_value(text: str, regulator: str, number: str | None) -> None:
    hits = _hits(text, "licence_claim")
    assert hits
    value = hits[0].value
    assert value is not None
    assert regulator in value
    if number is not None:
        assert number in value


@pytest.mark.parametrize(
    ("text", "quote", "value"),
    [
        ("Send BTC to {} now", "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq", "BTC"),
        ("address: {}.", "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa", "BTC"),
        ("{}", "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy", "BTC"),
        ("ETH: {}", "0xde0B295669a9FD93d5F28D9Ec85E40f4cb697BAe", "ETH"),
        ("Ví TRC20: {}", "TLa2f6VPqDgRE67v1736s7bJ8Ray5wYjU7", "TRON"),
    ],
)
def test_crypto_addresses(text: str, quote: str, value: str) -> None:
    text = text.format(quote)
    hits = [m for m in _hits(text, "crypto_payment") if m.quote == quote]
    assert hits, find_signals(text)
    assert hits[0].value == value
    assert text[hits[0].start : hits[0].end] == quote


@pytest.mark.parametrize(
    "text",
    [
        "Order 12345678901234567890123456789 shipped",  # long number, no letters
        "0x123 is a short hex literal",
        "TOTALLYUPPERCASEWORDSTHATARELONGER",
        "abc1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa",  # glued to a word
    ],
)
def test_not_crypto_address(text: str) -> None:
    assert not _hits(text, "crypto_payment")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("USDT (TRC20) only", "USDT-TRC20"),
        ("USDT-ERC20", "USDT-ERC20"),
        ("Bitcoin", "BTC"),
        ("Perfect Money", "PerfectMoney"),
    ],
)
def test_crypto_value(text: str, value: str) -> None:
    assert _hits(text, "crypto_payment")[0].value == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Telegram: @atfx_support", "telegram"),
        ("t.me/profitclub", "telegram"),
        ("wa.me/447700900123", "whatsapp"),
        ("liên hệ qua Zalo", "zalo"),
        ("加微信 abc123", "wechat"),
    ],
)
def test_messenger_value(text: str, value: str) -> None:
    assert _hits(text, "messenger_contact")[0].value == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Join our 3-level referral program", "3"),
        ("Earn commissions up to 5 levels deep", "5"),
        ("Referral Bonus (1.5% for 1st level)", "1"),
        ("hoa hồng giới thiệu F2 5%", "2"),
        ("三级分销", "3"),
    ],
)
def test_referral_value(text: str, value: str) -> None:
    values = [m.value for m in _hits(text, "referral_levels")]
    assert value in values, values


# ---------------------------------------------------------------------------------------
# API behaviour.
# ---------------------------------------------------------------------------------------


def test_signal_counts_has_every_key() -> None:
    text = "Guaranteed profit! Guaranteed returns. Pay with USDT TRC20."
    counts = signal_counts(find_signals(text))
    assert list(counts) == list(SIGNALS)
    assert counts["guarantee"] == 2
    assert counts["crypto_payment"] == 1
    assert counts["risk_warning"] == 0
    assert signal_counts([]) == dict.fromkeys(SIGNALS, 0)


def test_sorted_and_frozen() -> None:
    text = "Only 2 slots left! Guaranteed 3% daily returns, instant withdrawal, t.me/x_club"
    matches = find_signals(text)
    assert [m.start for m in matches] == sorted(m.start for m in matches)
    assert {m.signal for m in matches} >= {"urgency", "guarantee", "instant_withdrawal"}
    with pytest.raises(AttributeError):
        matches[0].start = 5  # type: ignore[misc]


def test_empty_and_whitespace() -> None:
    assert find_signals("") == []
    assert find_signals("   \n\t ") == []


def test_case_insensitive() -> None:
    assert _hits("GUARANTEED PROFIT", "guarantee")
    assert _hits("MINIMUM WITHDRAWAL $10", "withdrawal_obstruction")
    assert _hits("CAM KẾT LỢI NHUẬN", "guarantee")


def test_decomposed_vietnamese_offsets() -> None:
    text = unicodedata.normalize("NFD", "Khách hàng phải nộp phí rút tiền trước.")
    hits = _hits(text, "withdrawal_obstruction")
    assert hits
    _assert_consistent(text, find_signals(text))
    assert unicodedata.normalize("NFC", hits[0].quote).startswith("nộp phí")


def test_zero_width_and_full_width() -> None:
    text = "ค่าธรรมเนียม\u200bการถอน และ 限时优惠 １００％ risk\u00adfree"
    matches = find_signals(text)
    _assert_consistent(text, matches)
    assert any(m.signal == "withdrawal_obstruction" for m in matches)
    assert any(m.signal == "urgency" for m in matches)


def test_decomposed_sara_am() -> None:
    text = "ຄ່າທ\u0ecd\u0eb2ນຽມການຖອນເງິນ"  # Lao "fee" typed with a decomposed sara am
    hits = _hits(text, "withdrawal_obstruction")
    assert hits
    assert hits[0].quote == text


def test_same_signal_hits_do_not_overlap() -> None:
    text = "Pay the verification deposit to unlock your funds. Minimum withdrawal $50."
    hits = _hits(text, "withdrawal_obstruction")
    assert len(hits) == 2
    assert hits[0].end <= hits[1].start


# ---------------------------------------------------------------------------------------
# Engine invariants (white box): every regex match starts at a trigger position.
# ---------------------------------------------------------------------------------------


def test_every_pattern_has_triggers() -> None:
    engine = lexicon._engine()
    assert engine.untriggered == []
    for entry in engine.entries:
        assert entry.compile().groups == 0, entry.pattern


def test_triggers_cover_all_matches() -> None:
    engine = lexicon._engine()
    texts = [t for _, t in POSITIVE] + NEGATIVE
    for raw in texts:
        norm, _ = lexicon._normalise(raw)
        low = norm.lower()
        for entry in engine.entries:
            for m in entry.compile().finditer(norm if entry.cased else low):
                if m.end() == m.start():
                    continue
                pos = m.start()
                ok = [t for t in entry.triggers or () if low.startswith(t, pos)]
                assert ok, (entry.pattern, raw)
                if ok[0][0].isascii() and ok[0][0].isalnum() and pos > 0:
                    prev = low[pos - 1]
                    assert not (prev.isascii() and prev.isalnum()), (entry.pattern, raw)


# ---------------------------------------------------------------------------------------
# Robustness.
# ---------------------------------------------------------------------------------------

_FRAGMENTS = [
    "withdraw", "withdrawal fee", "pay", "tax", " before ", "to unlock", "guaranteed", "no ",
    "profit", "1st level", "10%", "%", "level 2", "USDT", "TRC20", "bc1q", "0x", "T", "1",
    "rút tiền", "phí", "không", "nộp", "提现", "需缴纳", "保本", "不", "ถอน", "ค่าธรรมเนียม",
    "ไม่", "ຖອນເງິນ", "ພາສີ", "biaya penarikan", "tidak", "\u0301", "\u200b", "\u0e4d\u0e32",
    "ＦＣＡ", "İ", "\n", ".", " ", "regulated by the FCA", "(FRN 760555)", "t.me/", "@",
]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.one_of(st.sampled_from(_FRAGMENTS), st.text(max_size=12)),
        max_size=40,
    ).map("".join)
)
def test_property_never_raises_offsets_consistent(text: str) -> None:
    matches = find_signals(text)
    _assert_consistent(text, matches)
    counts = signal_counts(matches)
    assert sum(counts.values()) == len(matches)
    for signal in SIGNALS:
        same = [m for m in matches if m.signal == signal]
        assert all(a.end <= b.start for a, b in pairwise(same))


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_property_arbitrary_text(text: str) -> None:
    _assert_consistent(text, find_signals(text))


@pytest.mark.parametrize(
    "text",
    [
        "withdraw " * 100_000,
        "% " * 300_000,
        "withdraw" * 125_000,
        "pay tax " * 125_000,
        "1% for 1st level " * 55_000,
        "1" * 1_000_000,
        "提现需" * 300_000,
        "e\u0301\u200b" * 300_000,
        ("Guaranteed profit! Minimum withdrawal $10. Only 3 slots left. " * 16_000),
    ],
    ids=lambda t: repr(t[:12]),
)
def test_large_adversarial_input_finishes(text: str) -> None:
    matches = find_signals(text)
    for m in matches[:1000]:
        assert text[m.start : m.end] == m.quote


def test_import_compiles_nothing() -> None:
    code = (
        "import fakeinvest.features.lexicon as L;"
        "assert L._engine.cache_info().currsize == 0;"
        "assert L._aux.cache_info().currsize == 0"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
