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
from fakeinvest.features.lexicon import (
    SIGNALS,
    SignalMatch,
    find_signals,
    reported_spans,
    signal_counts,
)

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
    ("withdrawal_obstruction", "ต้องชำระภาษีก่อนถอนเงิน"),
    ("withdrawal_obstruction", "ค่าธรรมเนียมการถอน 10%"),
    ("withdrawal_obstruction", "บัญชีของคุณถูกระงับ กรุณาติดต่อฝ่ายบริการ"),
    ("withdrawal_obstruction", "出金需缴纳税费"),
    ("withdrawal_obstruction", "涉嫌洗钱需缴纳保证金解冻"),
    ("withdrawal_obstruction", "银行系统升级需等待7-15个工作日"),
    ("withdrawal_obstruction", "升级VIP等级才能提现"),
    ("withdrawal_obstruction", "提現需繳納手續費"),
    ("withdrawal_obstruction", "您的账户已被冻结"),
    ("withdrawal_obstruction", "ຕ້ອງຈ່າຍພາສີກ່ອນຖອນເງິນ"),
    ("withdrawal_obstruction", "ຄ່າທຳນຽມການຖອນເງິນ 10%"),
    ("withdrawal_obstruction", "ບັນຊີຂອງທ່ານຖືກອາຍັດ"),
    ("withdrawal_obstruction", "ຖອນເງິນຂັ້ນຕ່ຳ 100 ໂດລາ"),
    ("withdrawal_obstruction", "Biaya penarikan 10% dari saldo."),
    ("withdrawal_obstruction", "Pajak harus dibayar sebelum penarikan dapat diproses."),
    ("withdrawal_obstruction", "Akun Anda dibekukan karena aktivitas mencurigakan."),
    ("withdrawal_obstruction", "Debe pagar un impuesto del 10% antes de retirar sus fondos."),
    ("withdrawal_obstruction", "Saque mínimo de R$ 50"),
    ("withdrawal_obstruction", "Необходимо оплатить налог 13% до вывода средств"),
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
    ("social_proof", "Nhà đầu tư thành công"),
    ("social_proof", "已支付 1,000,000 USDT"),
    ("social_proof", "Total penarikan hari ini"),
    ("urgency", "Jangan lewatkan kesempatan emas ini, kuota terbatas!"),
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
    # Ordinary terms of honest brokers and exchanges, not obstruction or pressure.
    "Namun jangan lewatkan potensi pasar dari properti yang akan dibangun.",
    "Đừng bỏ lỡ bản tin thị trường hằng tuần của chúng tôi.",
    "Não perca nosso webinar sobre renda fixa.",
    "Minimum withdrawal: $100",
    "Số tiền rút tối thiểu là 50 USDT.",
    "ถอนขั้นต่ำ 500 บาท",
    "最低提现100 USDT",
    "Minimal penarikan Rp 100.000",
    "Минимальная сумма вывода 50 USDT",
    "Limited time offer!",
    "Testimonials",
    "Mindestauszahlung: 50 €",
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
        # a denial frame covers its whole sentence
        ("this does not mean that property is an investment with big profits and no risk",
         "guarantee"),
        ("ini tidak berarti bahwa investasi properti adalah investasi dengan keuntungan "
         "besar dan tanpa risiko", "guarantee"),
        ("Das heißt nicht, dass Immobilien eine Anlage mit hohem Gewinn und ohne Risiko sind",
         "guarantee"),
        # a fee table, not withdrawal bait
        ("Account Fees Card Buy A fee will apply Instant Cashout to Bank A fee will apply",
         "instant_withdrawal"),
        ("Instant transfer to your debit card: 1.5% fee", "instant_withdrawal"),
        # an exchange's fee tiers are no obstruction
        ("Withdrawal fees are lower after you upgrade to Pro.", "withdrawal_obstruction"),
    ],
)
def test_negated_does_not_fire(text: str, signal: str) -> None:
    assert not _hits(text, signal)


def test_act_quickly_is_urgency_only_as_an_imperative() -> None:
    assert not _hits("so that response teams can act quickly", "urgency")
    assert not _hits("we act fast when a client calls", "urgency")
    assert _hits("Act now! Only 5 slots left.", "urgency")


def test_denial_frame_stays_in_its_sentence() -> None:
    assert _hits("That does not mean much. Guaranteed profit every day, no risk!", "guarantee")
    assert _hits("Instant withdrawal, no fees!", "instant_withdrawal")


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
    assert _hits("PAY THE WITHDRAWAL FEE FIRST", "withdrawal_obstruction")
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
    text = ("Pay the verification deposit to unlock your funds. Withdrawals are subject to a "
            "10% tax.")
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


# ---------------------------------------------------------------------------------------
# Honest documentation that shares words with scam wording (defects seen on honest
# exchange / broker API docs, staking and lending protocol docs, a finance textbook).
# Each case: (signal, honest sentence that must not fire, scam sentence that must fire).
# ---------------------------------------------------------------------------------------

HONEST_VS_SCAM: list[tuple[str, str, str]] = [
    # social_proof on a Chinese exchange API page: field names and order statuses
    (
        "social_proof",
        "返回字段 totalIncome 表示累计收益，单位 USDT；订单状态 2 表示已支付，3 表示已取消。",
        "平台累计提现 8,600,000 USDT，已支付 1,250,000 USDT 给会员。",
    ),
    (
        "social_proof",
        "Total Deposits: the total amount of tokens deposited in the vault by all users.",
        "Total Deposits: $4,518,230 Total Withdrawals: $3,907,115",
    ),
    (
        "social_proof",
        "Are there recent deposits of at least 32 ETH? Check the contract on an explorer.",
        "Recent deposits: mike_77 $500, anna.k $1,200",
    ),
    (
        "social_proof",
        "After a successful withdrawal, the vault updates its total share value.",
        "Live statistics: successful withdrawals today 1,284",
    ),
    # referral_levels on a staking protocol's docs (and an exchange's broker API)
    (
        "referral_levels",
        "Pass an optional referral address to submit(); the referral program shares part of "
        "the protocol fee with integrators.",
        "Join our referral program and earn 7% from every deposit of your partners.",
    ),
    (
        "referral_levels",
        "The referral rewards were paid to node operators until the program was discontinued.",
        "Referral rewards: 5% on the 1st level, 2% on the 2nd level.",
    ),
    (
        "referral_levels",
        "经纪商返佣接口：查询子账户的返佣记录，参数 startTime 为毫秒时间戳。",
        "一级返佣 10%，二级返佣 5%，三级返佣 2%。",
    ),
    # instant_withdrawal on a lending protocol's docs (and an exchange's internal transfers)
    (
        "instant_withdrawal",
        "Suppliers can withdraw at any time as long as the market has enough unborrowed "
        "liquidity.",
        "Withdraw anytime - no lock, no questions asked!",
    ),
    (
        "instant_withdrawal",
        "Withdrawals are processed instantly when the reserve holds enough idle liquidity.",
        "Withdrawals are processed instantly, 24/7.",
    ),
    (
        "instant_withdrawal",
        "站内转账适用于双方均为本平台用户，无需链上确认，即时到账。",
        "秒到账，即时提现，随时出金。",
    ),
    # withdrawal_obstruction in broker / exchange API tables
    (
        "withdrawal_obstruction",
        "30082 INVALID_ARGUMENT account status is blocked Аккаунт заблокирован 30083",
        "Ваш счёт заблокирован. Для разблокировки оплатите налог 13% до вывода средств.",
    ),
    (
        "withdrawal_obstruction",
        "withdrawMin string Minimum withdrawal amount of the coin on this chain",
        "Minimum withdrawal: $100. Withdrawals are processed within 7-15 working days.",
    ),
    # guarantee / urgency in protocol docs and a finance textbook
    (
        "guarantee",
        "Validators are guaranteed a slow, steady income as long as they perform their duties.",
        "Our members are guaranteed a steady income of 3% every day.",
    ),
    (
        "guarantee",
        "T-bills are default-risk free, and the risk-free return serves as the benchmark.",
        "A 100% risk-free investment with daily payouts.",
    ),
    (
        "guarantee",
        "投资者应警惕以保证收益、高额回报为诱饵的非法荐股活动。",
        "本平台保证收益，稳赚不赔。",
    ),
    (
        "urgency",
        "Minting is enabled only for a limited time period after launch; an Offer expires "
        "when its expiration time has passed.",
        "Offer expires in 02:15:33 - only 5 slots left!",
    ),
]


@pytest.mark.parametrize(("signal", "honest", "scam"), HONEST_VS_SCAM)
def test_honest_docs_do_not_fire(signal: str, honest: str, scam: str) -> None:
    assert not _hits(honest, signal), (honest, _hits(honest, signal))
    assert _hits(scam, signal), scam


# ---------------------------------------------------------------------------------------
# trading_robot: an automation claim and a lander promise, a few paragraphs apart at most.
# ---------------------------------------------------------------------------------------

ROBOT_SCAM: list[str] = [
    "Our AI trading bot trades for you around the clock. Minimum deposit is just $250.",
    "No trading experience needed: the algorithm does the trading for you.",
    "Spend just 20 minutes a day and let the auto-trading software work.",
    "The celebrity revealed the wealth loophole: a crypto robot that trades automatically.",
    "Yazılım sizin için otomatik olarak işlem yapar ve günde 1.000 € kazandırır.",
    "Obchodní robot obchoduje automaticky a vydělá až 25 000 Kč denně.",
    "De handelsrobot handelt automatisch voor u en verdient 800 € per dag.",
    "Robot giao dịch tự động, lợi nhuận 2.000.000 đ mỗi ngày, không cần kinh nghiệm.",
    "บอทเทรดอัตโนมัติ ไม่ต้องมีประสบการณ์ ทำเงินได้ทุกวัน",
    "交易机器人自动交易，无需任何经验，每天 500 美元。",
    "Robot trading bekerja secara otomatis untuk Anda, tanpa pengalaman, Rp 1.500.000 per hari.",
    "روبوت التداول يتداول نيابة عنك بدون خبرة ويحقق 1000 دولار يوميا",
]
ROBOT_HONEST: list[str] = [
    "Freqtrade is a free crypto trading bot. It trades automatically according to your "
    "strategy; start in dry-run mode and never risk money you cannot afford to lose.",
    "Build your own trading bot without coding: automated trading at your fingertips.",
    "The model reached 72% accuracy when the trading bot was backtested on 2021 data.",
    "Our trading bot places orders for you. The Pro plan costs $129 per month.",
    "Trading bots can place orders automatically. The withdrawal limit is $1,000,000 per day.",
    "An industrial robot crushed a worker; the company earns $2,000 per day in fines.",
]


@pytest.mark.parametrize("text", ROBOT_SCAM)
def test_trading_robot_fires(text: str) -> None:
    matches = find_signals(text)
    _assert_consistent(text, matches)
    robot = [m for m in matches if m.signal == "trading_robot"]
    assert {m.value for m in robot} == {"automation", "promise"}, (text, robot)


@pytest.mark.parametrize("text", ROBOT_HONEST)
def test_trading_robot_honest(text: str) -> None:
    assert not _hits(text, "trading_robot"), text


def test_trading_robot_needs_both_parts_nearby() -> None:
    claim = "The software trades for you automatically."
    promise = "Members earn $1,000 a day."
    assert not _hits(claim, "trading_robot")
    assert not _hits(promise, "trading_robot")
    assert len(_hits(f"{claim} {promise}", "trading_robot")) == 2
    far = f"{claim} " + "Some unrelated filler text about the weather. " * 80 + promise
    assert not _hits(far, "trading_robot")


def test_trading_robot_scam_warning_does_not_fire() -> None:
    text = ("Scammers claim the software trades for you and that members earn $1,000 a day; "
            "such robot offers are a scam.")
    assert not _hits(text, "trading_robot")


# ---------------------------------------------------------------------------------------
# Scheme wording in more languages, and negation in those languages.
# ---------------------------------------------------------------------------------------

MULTILINGUAL: list[tuple[str, str]] = [
    # withdrawal only after an upgrade, in the languages of the victims
    ("withdrawal_obstruction", "You can withdraw after upgrading VIP."),
    ("withdrawal_obstruction", "Rút tiền sau khi nâng cấp VIP."),
    ("withdrawal_obstruction", "ถอนเงินได้หลังจากอัปเกรด VIP"),
    ("withdrawal_obstruction", "Penarikan dana bisa dilakukan setelah upgrade VIP."),
    ("withdrawal_obstruction", "Actualiza a un plan pago para retirar tus ganancias."),
    ("withdrawal_obstruction", "Para sacar o dinheiro, faça upgrade para o plano VIP."),
    ("withdrawal_obstruction", "Чтобы вывести средства, повысьте уровень до VIP."),
    ("withdrawal_obstruction", "Um auszahlen zu können, müssen Sie auf VIP upgraden."),
    ("withdrawal_obstruction", "Withdrawals are not available on your current plan. Upgrade to "
                               "a paid plan to withdraw your profits."),
    ("social_proof", "Проверено тысячами участников!"),
    ("instant_withdrawal", "Вывод доступен с первого дня"),
    ("urgency", "Осталось 50 мест!"),
    ("guarantee", "Garantierter Gewinn von 2 % pro Tag"),
    ("guarantee", "Гарантированный доход каждый день"),
    ("guarantee", "Gwarantowany zysk już od pierwszego dnia"),
    ("guarantee", "Ganancias garantizadas para todos los miembros"),
    ("guarantee", "Lucro garantido todos os meses"),
    ("guarantee", "Garanti kazanç ile yatırım yapın"),
    ("guarantee", "Zaručený zisk bez starostí"),
    ("guarantee", "Guadagni garantiti ogni settimana"),
    ("guarantee", "Des gains garantis chaque jour"),
    ("guarantee", "Gegarandeerde winst voor iedere belegger"),
    ("guarantee", "ربح مضمون كل يوم"),
    ("guarantee", "稳定的高收益，资本保护"),
    ("referral_levels", "Реферальная программа 3 уровня: 7%, 3%, 1%"),
    ("referral_levels", "3-stufiges Partnerprogramm mit Provisionen"),
    ("referral_levels", "Program partnerski: poziom 1 - 5%, poziom 2 - 2%"),
    ("referral_levels", "Programme de parrainage sur 3 niveaux de commissions"),
    ("referral_levels", "Referans bonusu her yeni üye için"),
    ("referral_levels", "Ganhe R$ 100 por cada amigo indicado"),
    ("referral_levels", "مكافأة الإحالة لكل صديق"),
    ("urgency", "Ограниченное количество мест!"),
    ("urgency", "Tylko dziś: rejestracja będzie zamknięta"),
    ("urgency", "Nur noch 7 freie Plätze"),
    ("urgency", "Sono rimasti solo pochi posti"),
    ("urgency", "Il ne reste plus que 12 places"),
    ("urgency", "Sınırlı sayıda kontenjan, acele edin"),
    ("urgency", "العدد محدود، سارع بالتسجيل"),
    ("withdrawal_obstruction", "Minimalna kwota wypłaty to 100 zł"),
    ("withdrawal_obstruction", "Prelievo minimo 20 €"),
    ("withdrawal_obstruction", "Retrait minimum de 50 €"),
    ("withdrawal_obstruction", "Vous devez payer une taxe de 10 % avant de retirer vos gains."),
    ("withdrawal_obstruction", "Minimum para çekim tutarı 100 TL"),
    ("withdrawal_obstruction", "الحد الأدنى للسحب 50 دولار"),
    ("social_proof", "Insgesamt ausgezahlt: 1.245.000 €"),
    ("social_proof", "Отзывы наших клиентов"),
    ("social_proof", "Łącznie wypłacono 2 mln zł"),
    ("social_proof", "Témoignages de nos investisseurs"),
    ("social_proof", "Toplam ödeme: 500.000 TL"),
    ("instant_withdrawal", "Sofortige Auszahlung auf Ihr Konto"),
    ("instant_withdrawal", "Natychmiastowe wypłaty 24/7"),
]


@pytest.mark.parametrize(("signal", "text"), MULTILINGUAL)
def test_multilingual_positive(signal: str, text: str) -> None:
    matches = find_signals(text)
    _assert_consistent(text, matches)
    assert [m for m in matches if m.signal == signal], (signal, text, matches)


@pytest.mark.parametrize(
    ("text", "signal"),
    [
        ("Es gibt keine garantierten Gewinne.", "guarantee"),
        ("Мы не гарантируем доход.", "guarantee"),
        ("Nie ma gwarantowanego zysku.", "guarantee"),
        ("Non ci sono guadagni garantiti.", "guarantee"),
        ("Il n'y a pas de gains garantis.", "guarantee"),
        ("Kâr garantisi yoktur.", "guarantee"),
        ("Nenabízíme žádný zaručený zisk.", "guarantee"),
        ("Er is geen gegarandeerde winst.", "guarantee"),
        ("لا يوجد ربح مضمون", "guarantee"),
        ("Es gibt keine Mindestauszahlung.", "withdrawal_obstruction"),
        ("Il n'y a pas de retrait minimum.", "withdrawal_obstruction"),
    ],
)
def test_multilingual_negated(text: str, signal: str) -> None:
    assert not _hits(text, signal), (text, _hits(text, signal))


# ---------------------------------------------------------------------------------------
# Reported wording: warnings quote the scheme they warn about.
# ---------------------------------------------------------------------------------------

REPORTED = [
    # A sentence that calls it a scam.
    ("guarantee", "Be careful: guaranteed 2% daily profit offers are a classic investment scam."),
    # Quotations on a page that warns (two warning words).
    ("withdrawal_obstruction", 'Fraudsters use fake platforms. Typical excuses include: "Pay a '
                               'fee to release your withdrawal". Report any fraud to us.'),
    ("referral_levels", 'Cảnh giác với lừa đảo. Đối tượng hứa: "Giới thiệu bạn bè nhận hoa hồng '
                        'F1 10%, F2 5%, F3 3%." Hãy báo ngay nếu gặp lừa đảo.'),
    # An impersonation warning on a Vietnamese broker's own page.
    ("guarantee", "Xuất hiện các nhóm Zalo mạo danh công ty, mời khách hàng đầu tư với lợi nhuận "
                  "cố định theo ngày."),
]


@pytest.mark.parametrize(("signal", "text"), REPORTED)
def test_reported_scheme_wording_does_not_fire(signal: str, text: str) -> None:
    assert not _hits(text, signal)
    spans = reported_spans(text)
    assert spans and all(0 <= s < e <= len(text) for s, e in spans)


def test_offered_scheme_wording_still_fires() -> None:
    # A denial is no warning, and one warning word does not turn quotes into reports.
    assert _hits("Guaranteed profit, 100% not a scam!", "guarantee")
    assert _hits('Beware of scammers using our name. "Guaranteed 2% daily profit" on every '
                 "plan.", "guarantee")
    assert _hits('Our members say: "I received my withdrawal in 5 minutes." Guaranteed 2% '
                 "daily profit.", "guarantee")


def test_a_scam_article_reports_everything() -> None:
    text = ("How the scam works. Fraudsters promise guaranteed profit. The fraud then asks "
            "for a fee. Report every scam. ") * 3
    assert reported_spans(text) == [(0, len(text))]
    assert not [m for m in find_signals(text) if m.signal == "guarantee"]


def test_reported_spans_are_linear_on_hostile_input() -> None:
    text = ('scam "' * 50_000) + ("x " * 50_000)
    spans = reported_spans(text)
    assert spans == [(0, len(text))]
    quotes = 'fraud scam ' + ('"a" ' * 100_000)
    spans = reported_spans(quotes)  # every quotation, disjoint and in order
    assert len(spans) > 99_000 and all(a[1] < b[0] for a, b in pairwise(spans))


def test_vietnamese_negation_counts_syllables() -> None:
    assert not _hits("Không ai có thể cam kết lợi nhuận cố định khi đầu tư chứng khoán.",
                     "guarantee")
    assert _hits("Cam kết lợi nhuận cố định mỗi ngày cho mọi nhà đầu tư.", "guarantee")
