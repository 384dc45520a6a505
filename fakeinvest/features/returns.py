"""Find stated or promised rates of return ("2.5% daily", "300% after 10 days") in page text.

Fraudulent investment platforms (HYIPs, fake brokers, "pig-butchering" sites) nearly always
advertise a return rate tied to a short period. :func:`find_return_claims` finds such
claims in plain visible text, in English, Vietnamese (with or without diacritics), Thai,
Lao, Chinese (simplified and traditional), Indonesian, Spanish, Portuguese and Russian, and
normalises each to a simple (not compounded) percentage per day.

A percentage counts as a claim only when it is tied to a rate period ("per day",
"ต่อเดือน", "日收益", "годовых", "APY", ...) or to a stated duration ("after 10 days").
Percentages of users, fees, commissions, discounts, bonuses, referral levels and reported
price moves ("BTC up 12% in 24 hours", "Giá vàng tăng 2% mỗi ngày") are not reported.

Implementation notes
--------------------
* Only the standard library :mod:`re` is used. Every repeat between tokens is bounded and
  every suffix/prefix test is an anchored match at a known position, so the running time is
  linear in the length of the text; no pattern can backtrack catastrophically. Period words
  written before a number are looked for only in a bounded window before the percentages
  that need them, so that stretch of text is scanned at most once.
* Patterns are compiled on first use (:func:`_patterns` is cached).
* Accented Latin letters in the vocabulary also match their bare letter ("ngày" matches
  "ngay", "mês" matches "mes"), because such pages are often typed without diacritics; a
  letter inside a character class (``ng[à]y``) is kept exact.
* Matching runs on an NFKC-normalised copy of the text (full-width digits and ``％``,
  decomposed Vietnamese diacritics, non-breaking spaces, Thai ``ำ``), mapped back to offsets
  in the original text (:mod:`fakeinvest.features.normalize`), so
  ``text[claim.start:claim.end] == claim.quote`` always holds.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from typing import NamedTuple

from .normalize import OffsetMap, accent_tolerant, normalise

__all__ = ["PERIODS", "ReturnClaim", "find_return_claims"]

#: The allowed values of :attr:`ReturnClaim.period`.
PERIODS: tuple[str, ...] = ("hour", "day", "week", "month", "year", "term")

#: Multiplier turning a per-period percentage into a per-day percentage.
_PER_DAY: dict[str, float] = {
    "hour": 24.0,
    "day": 1.0,
    "week": 1.0 / 7.0,
    "month": 1.0 / 30.0,
    "year": 1.0 / 365.0,
}

#: Length of one unit of duration, in days.
_UNIT_DAYS: dict[str, float] = {
    "hour": 1.0 / 24.0,
    "day": 1.0,
    "week": 7.0,
    "month": 30.0,
    "year": 365.0,
}

_MAX_RATE = 100_000.0
_MAX_TERM_DAYS = 36_500.0
#: How far before a number a referral/fee word may disqualify it.
_REFERRAL_WINDOW = 40
#: Upper bound on the length of a period or duration phrase written before a number
#: ("Daily ROI: up to ", "after 10 days: "); the prefix patterns cannot match more.
_PREFIX_WINDOW = 192


@dataclass(frozen=True)
class ReturnClaim:
    """One stated rate of return found in a text.

    Attributes
    ----------
    start : int
        Character offset of the claim in the input text.
    end : int
        End offset (exclusive); ``text[start:end] == quote``.
    quote : str
        The matched text, e.g. ``"2.5% daily for 30 days"``.
    rate_low : float
        Stated percentage, lower bound of a range (``"0,8 - 1%"`` gives 0.8); equal to
        `rate_high` when no range is stated.
    rate_high : float
        Stated percentage, upper bound of a range (1.0 in the example above).
    period : str
        One of ``"hour"``, ``"day"``, ``"week"``, ``"month"``, ``"year"`` or ``"term"``
        (a total return over a stated duration, e.g. ``"300% after 10 days"``).
    term_days : float or None
        The duration in days when one is stated (``"for 30 days"`` gives 30.0,
        ``"for 24 hours"`` gives 1.0), else None.
    daily_rate : float
        `rate_high` normalised to a simple percentage per day: hour x24, day x1, week /7,
        month /30, year /365, term / `term_days`.
    """

    start: int
    end: int
    quote: str
    rate_low: float
    rate_high: float
    period: str
    term_days: float | None
    daily_rate: float


# ---------------------------------------------------------------------------------------
# Vocabulary. Each table maps a period to (latin-script alternatives, other alternatives).
# Latin-script alternatives (English, Vietnamese, Indonesian, Spanish, Portuguese, Russian)
# get a "not followed by a letter" guard; Thai, Lao and Chinese ones do not (no word spaces).
# Alternatives are regex fragments; longer alternatives come first where they overlap.
# ---------------------------------------------------------------------------------------

_Vocab = dict[str, tuple[tuple[str, ...], tuple[str, ...]]]

_NOT_LETTER_AFTER = r"(?![^\W\d_])"
_NOT_LETTER_BEFORE = r"(?<![^\W\d_])"
# "ทุกวันจันทร์" / "ທຸກວັນຈັນ" is "every Monday", "ทุกวันที่ 5" "every 5th": not a daily rate.
_TH_NOT_WEEKDAY = r"(?!จันทร์|อังคาร|พุธ|พฤหัส|ศุกร์|เสาร์|อาทิตย์|ที่|หยุด)"
_LO_NOT_WEEKDAY = r"(?!ຈັນ|ອັງຄານ|ພຸດ|ພະຫັດ|ສຸກ|ເສົາ|ອາທິດ|ທີ|ພັກ)"

# Suffix periods: the words right after a percentage ("2% daily", "1%/ngày", "8% годовых").
_SUFFIX_PERIODS: _Vocab = {
    "hour": (
        (
            r"hourly",
            r"(?:an|a|per|each|every|/)\s?(?:hours?|hrs?)",
            r"/\s?h",
            r"(?:/|mỗi|một|1|hàng|trên)\s?giờ",
            r"(?:per|/|setiap|tiap|se)\s?jam",
            r"(?:por|a\scada|cada|a\sla|à|/)\s?hora",
            r"(?:в|за|/)\s?час",
            r"кажд(?:ый|ого)\sчас",
            r"ежечасно",
        ),
        (
            r"(?:/|ต่อ|ราย|ทุก)\s?ชั่วโมง",
            r"(?:/|ຕໍ່|ລາຍ|ທຸກ)\s?ຊົ່ວໂມງ",
            r"(?:/|每|一)\s?(?:个|個)?小[时時]",
        ),
    ),
    "day": (
        (
            r"daily(?!\s(?:values?|intake|allowance|requirements?|doses?)\b)",
            r"(?:an|a|per|each|every|/)\s?(?:(?:working|business|trading|calendar)\s)?days?",
            r"(?:a|per|each|every|/)\s?24\s?(?:hours|hour|hrs|hr|h)",
            r"/\s?d",
            r"per\sdiem",
            r"(?:/|mỗi|một|1|hàng|hằng|mọi|trên|trong|theo)\s?ngày(?!\s{0,2}[0-9])",
            # Bare "ngày" only with its diacritics: a bare "ngay" means "at once".
            r"ng[à]y(?!\s{0,2}[0-9])",
            r"(?:per|/|setiap|tiap)\s?hari",
            r"harian",
            r"sehari",
            r"diariamente",
            r"di[aá]ri[oa]s?",
            r"(?:al|por|a\scada|cada|ao|todo|/)\s?d[ií]a",
            r"todos\sos\sdias",
            r"(?:в|за|/)\s?(?:день|сутки)",
            r"(?:каждый\sдень|каждые\sсутки)",
            r"ежедневн(?:о|ая|ый|ой|ые|ых)?",
            r"посуточно",
        ),
        (
            r"(?:/|ต่อ|ราย)\s?วัน",
            r"ทุก\s?วัน" + _TH_NOT_WEEKDAY,
            r"(?:/|ຕໍ່|ລາຍ)\s?(?:ມື້|ວັນ)",
            r"ທຸກ\s?(?:ມື້|ວັນ)" + _LO_NOT_WEEKDAY,
            r"(?:/|每|一)\s?(?:天|日)",
        ),
    ),
    "week": (
        (
            r"weekly",
            r"(?:a|per|each|every|/)\s?(?:weeks?|wk)",
            r"(?:/|mỗi|một|1|hàng|hằng|trên)\s?tuần",
            r"(?:per|/|setiap|tiap|se)\s?minggu",
            r"mingguan",
            r"semana(?:l|is|les)(?:mente)?",
            r"(?:a\sla|por|a\scada|cada|na|/)\s?semana",
            r"(?:в|за|/|каждую)\s?неделю",
            r"еженедельн(?:о|ая|ый|ой|ые|ых)?",
        ),
        (
            r"(?:/|ต่อ|ราย|ทุก)\s?(?:สัปดาห์|อาทิตย์)",
            r"(?:/|ຕໍ່|ລາຍ|ທຸກ)\s?ອາທິດ",
            r"(?:/|每|一)\s?(?:周|週|星期)",
        ),
    ),
    "month": (
        (
            r"monthly",
            r"(?:a|per|each|every|/)\s?(?:months?|mo|mth)",
            r"p\.\s?m\.",
            r"(?:/|mỗi|một|1|hàng|hằng|trên)\s?tháng",
            r"(?:per|/|setiap|tiap|se)\s?bulan",
            r"bulanan",
            r"mensual(?:es|mente)?",
            r"mensa(?:l|is)(?:mente)?",
            r"(?:al|ao|por|a\scada|cada|/)\s?m[eê]s",
            r"a\.\s?m\.",
            r"(?:в|за|/|каждый)\s?месяц",
            r"ежемесячн(?:о|ая|ый|ой|ые|ых)?",
        ),
        (
            r"(?:/|ต่อ|ราย|ทุก)\s?เดือน",
            r"(?:/|ຕໍ່|ລາຍ|ທຸກ)\s?ເດືອນ",
            r"(?:/|每|一)\s?(?:个|個)?月",
        ),
    ),
    "year": (
        (
            r"yearly",
            r"annually",
            r"annuali[sz]ed",
            r"annual",
            r"(?:a|per|each|every|/)\s?(?:years?|yr|annum)",
            r"p\.\s?a\.?",
            r"pa",
            r"apy",
            r"apr",
            r"aer",
            r"(?:/|mỗi|một|1|hàng|hằng|trên)\s?năm",
            r"(?:per|/|setiap|tiap|se)\s?tahun",
            r"tahunan",
            r"anual(?:es|mente)?",
            r"anuais",
            r"(?:al|ao|por|a\scada|cada|/)\s?(?:año|ano)",
            r"a\.\s?a\.",
            r"tae",
            r"годовых",
            r"(?:в|за|/|каждый)\s?год",
            r"ежегодн(?:о|ая|ый|ой|ые|ых)?",
        ),
        (
            r"(?:/|ต่อ|ราย|ทุก)\s?ปี",
            r"(?:/|ຕໍ່|ລາຍ|ທຸກ)\s?ປີ",
            r"(?:/|每|一)\s?年",
            r"年化",
        ),
    ),
}

# Prefix periods: period words before the number ("daily 3%", "日息1%", "APY 4.5%").
_PREFIX_PERIODS: _Vocab = {
    "hour": (
        (
            r"hourly",
            r"(?:per|an|each|every)\shour",
            r"(?:mỗi|hàng)\sgiờ",
            r"(?:per|setiap)\sjam",
            r"(?:por|cada)\shora",
            r"ежечасн(?:о|ая|ый|ой)",
            r"(?:в|каждый)\sчас",
        ),
        (
            r"ชั่วโมงละ",
            r"(?:ราย|ต่อ|ทุก)ชั่วโมง",
            r"ຊົ່ວໂມງລະ",
            r"(?:ລາຍ|ຕໍ່|ທຸກ)ຊົ່ວໂມງ",
            r"每(?:个|個)?小[时時]",
            r"小[时時](?:收益|利率|回[报報])",
            r"[时時]息",
        ),
    ),
    "day": (
        (
            r"daily(?!\s(?:values?|intake|allowance|requirements?|doses?)\b)",
            r"(?:per|a|each|every)\sday",
            r"(?:hàng|hằng|mỗi|một)\sngày",
            r"lãi(?:\ssuất)?\sngày",
            r"harian",
            r"(?:per|setiap|tiap)\shari",
            r"sehari",
            r"diari[oa]",
            r"diariamente",
            r"di[aá]ri[oa]",
            r"(?:al|por|ao)\sd[ií]a",
            r"ежедневн(?:о|ая|ый|ой|ую)?",
            r"(?:в|каждый)\sдень|(?:в|каждые)\sсутки",
        ),
        (
            r"วันละ",
            r"(?:ราย|ต่อ)วัน",
            r"ทุกวัน" + _TH_NOT_WEEKDAY,
            r"(?:ມື້|ວັນ)ລະ",
            r"(?:ລາຍ|ຕໍ່)(?:ມື້|ວັນ)",
            r"ທຸກ(?:ມື້|ວັນ)" + _LO_NOT_WEEKDAY,
            r"日(?:息|收益率?|利率|利息|化|回[报報]|[报報]酬率?|返|利)",
            r"每(?:天|日)",
            r"天天",
        ),
    ),
    "week": (
        (
            r"weekly",
            r"(?:per|a|each|every)\sweek",
            r"(?:hàng|hằng|mỗi|một)\stuần",
            r"lãi(?:\ssuất)?\stuần",
            r"mingguan",
            r"(?:per|setiap)\sminggu",
            r"semanal",
            r"(?:por|a\sla|na)\ssemana",
            r"еженедельн(?:о|ая|ый|ой|ую)?",
            r"(?:в|каждую)\sнеделю",
        ),
        (
            r"(?:สัปดาห์|อาทิตย์)ละ",
            r"(?:ราย|ต่อ|ทุก)(?:สัปดาห์|อาทิตย์)",
            r"ອາທິດລະ",
            r"(?:ລາຍ|ຕໍ່|ທຸກ)ອາທິດ",
            r"[周週](?:收益率?|利率|息|化|回[报報]|[报報]酬率?)",
            r"每(?:周|週|星期)",
        ),
    ),
    "month": (
        (
            r"monthly",
            r"(?:per|a|each|every)\smonth",
            r"(?:hàng|hằng|mỗi|một)\stháng",
            r"lãi(?:\ssuất)?\stháng",
            r"bulanan",
            r"(?:per|setiap)\sbulan",
            r"mensual",
            r"mensal",
            r"(?:al|ao|por)\sm[eê]s",
            r"ежемесячн(?:о|ая|ый|ой|ую)?",
            r"(?:в|каждый)\sмесяц",
        ),
        (
            r"เดือนละ",
            r"(?:ราย|ต่อ|ทุก)เดือน",
            r"ເດືອນລະ",
            r"(?:ລາຍ|ຕໍ່|ທຸກ)ເດືອນ",
            r"月(?:收益率?|利率|息|化|回[报報]|[报報]酬率?|利)",
            r"每(?:个|個)?月",
        ),
    ),
    "year": (
        (
            r"yearly",
            r"annually",
            r"annuali[sz]ed",
            r"annual",
            r"(?:per|a|each|every)\syear",
            r"per\sannum",
            r"p\.a\.",
            r"apy",
            r"apr",
            r"aer",
            r"(?:hàng|hằng|mỗi|một)\snăm",
            r"lãi(?:\ssuất)?\snăm",
            r"tahunan",
            r"(?:per|setiap)\stahun",
            r"anual",
            r"tae",
            r"(?:al|ao|por)\s(?:año|ano)",
            r"годов(?:ая|ой|ых|ую)",
            r"ежегодн(?:о|ая|ый|ой|ую)?",
            r"(?:в|каждый)\sгод",
        ),
        (
            r"ปีละ",
            r"(?:ราย|ต่อ|ทุก)ปี",
            r"ປີລະ",
            r"(?:ລາຍ|ຕໍ່|ທຸກ)ປີ",
            r"年化",
            r"年(?:收益率?|利率|息|回[报報]|[报報]酬率?|利)",
            r"每年",
        ),
    ),
}

# Units of a stated duration ("for 30 days", "после 10 дней", "7天后").
_UNITS: _Vocab = {
    "hour": (
        (r"hours?", r"hrs?", r"h", r"giờ", r"jam", r"horas?", r"час(?:а|ов)?"),
        (r"ชั่วโมง", r"ຊົ່ວໂມງ", r"(?:个|個)?小[时時]"),
    ),
    "day": (
        (r"days?", r"d", r"ngày", r"hari", r"d[ií]as?", r"дн(?:я|ей)", r"день", r"сут(?:ки|ок)"),
        (r"วัน", r"ມື້", r"ວັນ", r"天", r"日"),
    ),
    "week": (
        (r"weeks?", r"wks?", r"tuần", r"minggu", r"semanas?", r"недел(?:ю|и|ь)"),
        (r"สัปดาห์", r"อาทิตย์", r"ອາທິດ", r"(?:个|個)?(?:周|週|星期)"),
    ),
    "month": (
        (r"months?", r"mos?", r"tháng", r"bulan", r"meses", r"mes", r"m[eê]s", r"месяц(?:а|ев)?"),
        (r"เดือน", r"ເດືອນ", r"(?:个|個)月"),
    ),
    "year": (
        (r"years?", r"yrs?", r"năm", r"tahun", r"años?", r"anos?", r"год(?:а)?", r"лет"),
        (r"ปี", r"ປີ", r"年"),
    ),
}

# Filler words between a percentage and its period ("2% profit daily", "2% de lucro ao dia").
_FILL_AFTER_LATIN: tuple[str, ...] = (
    r"(?:net\s)?(?:profits?|returns?|roi|interest|yield|income|earnings?|gains?|payouts?)",
    r"(?:rewards?|revenue|total|in\stotal|fixed|guaranteed|stable|net|compounded|simple)",
    r"of\s(?:your\s|the\s|our\s|an?\s)?(?:initial\s)?"
    r"(?:deposits?|investments?|principal|capital|stake|invested\samount|amount(?:\sinvested)?)",
    r"lãi(?:\ssuất)?",
    r"lợi\snhuận",
    r"lời",
    r"keuntungan",
    r"bunga",
    r"imbal\shasil",
    r"hasil",
    r"(?:de\s)?(?:ganancias?|rendimientos?|rendimentos?|rentabilidad|rentabilidade|lucros?)",
    r"(?:de\s)?retornos?",
    r"(?:de\s)?(?:intereses|inter[eé]s|juros|beneficios?|ganhos?)",
    r"(?:del|do|da|de)\s(?:capital|dep[oó]sito|inversi[oó]n|investimento)",
    r"прибыли|прибыль|доход(?:а|ности|ность)?|профита",
    r"от\s(?:депозита|вклада|суммы|инвестиций)",
)
_FILL_AFTER_OTHER: tuple[str, ...] = (
    r"ผลตอบแทน",
    r"กำไร",
    r"ดอกเบี้ย",
    r"ຜົນຕອບແທນ",
    r"ກຳໄລ",
    r"ດອກເບ[້ີ]{1,2}ຍ",
    r"的?(?:收益率?|利息|回[报報]率?|[报報]酬率?|利润|利潤)",
)

# Filler words between a prefix period and the number ("Daily ROI: up to 3%").
_FILL_BEFORE_LATIN: tuple[str, ...] = (
    r"returns?|roi|profits?|interest(?:\srates?)?|yields?|income|earnings?|gains?|rates?",
    r"percentage|payouts?|rewards?|of|up\sto|upto|is|are|at|about|around|approx(?:imately)?",
    r"only|just|fixed|guaranteed|stable|min(?:imum)?|max(?:imum)?|from|to|starting\sat|the",
    r"net|average|avg|target|expected|estimated|an?|percent",
    r"lãi(?:\ssuất)?|lợi\snhuận|lời|lên\s(?:đến|tới)|đến|tới|từ|là|chỉ|khoảng|ổn\sđịnh",
    r"cố\sđịnh|đạt|tối\sđa|tối\sthiểu|chỉ\stừ",
    r"keuntungan|profit|bunga|imbal\shasil|hasil|hingga|sampai|sebesar|mencapai|sekitar",
    r"tetap|adalah|dari|mulai|hingga",
    r"rendimientos?|rentabilidad|rentabilidade|ganancias?|lucros?|retornos?|inter[eé]s",
    r"juros|beneficios?|del|de|do|da|hasta|at[eé]|un|uma|um|es|é|desde|aproximadamente",
    r"fij[oa]|fix[oa]|garantizad[oa]|garantid[oa]|estimad[oa]",
    r"доходность|доход|прибыль|процент|ставка|до|от|составляет|около|стабильно",
    r"фиксированн(?:ая|ый)|гарантированн(?:ая|ый)",
)
_FILL_BEFORE_OTHER: tuple[str, ...] = (
    r"ผลตอบแทน|กำไร|ดอกเบี้ย|สูงสุด|สูงถึง|ถึง|ได้|รับ|อยู่ที่|ประมาณ|คงที่|เริ่มต้น|ที่",
    r"ຜົນຕອບແທນ|ກຳໄລ|ດອກເບ[້ີ]{1,2}ຍ|ສູງສຸດ|ສູງເຖິງ|ເຖິງ|ໄດ້|ຮັບ|ປະມານ|ຄົງທີ່|ເລີ່ມຕົ້ນ|ທີ່",
    r"[总總]?收益率?|利率|[总總]?回[报報]率?|[报報]酬率?|利息|分[红紅]|返利|派息",
    r"高[达達]|可[达達]|[达達]到?|约|約|为|為|最高|最低|至少|(?:可以?)?[获獲]得|稳定|穩定|固定|保底|是|率",
)

# Prepositions introducing a duration after the rate ("in 7 days", "через 10 дней").
_TERM_PREP_LATIN: tuple[str, ...] = (
    r"for\sa\speriod\sof|for",
    r"after|in|within|over|during",
    r"sau\skhi|sau|trong\svòng|trong",
    r"setelah|sesudah|dalam\swaktu|dalam|selama",
    r"despu[eé]s\sde|tras|al\scabo\sde|a\slos|a\slas|durante|en|por",
    r"ap[oó]s|depois\sde|no\sprazo\sde|ao\sfim\sde|aos|em",
    r"через|в\sтечение|на\sсрок|за|на",
)
_TERM_PREP_OTHER: tuple[str, ...] = (
    r"ภายใน|หลังจาก|หลัง|เป็นเวลา|ระยะเวลา|นาน|ใน",
    r"ພາຍໃນ|ຫ[ຼລ]ັງຈາກ|ຫ[ຼລ]ັງ|ເປັນເວລາ|ໄລຍະເວລາ|ໃນ",
)
# A duration before the rate ("after 10 days: 300%"). Only "after"-like words, so that
# "within 24 hours 100% ..." is not read as a return.
_TERM_PREFIX_PREP_LATIN: tuple[str, ...] = (
    r"after|sau|через|setelah|sesudah|despu[eé]s\sde|tras|ap[oó]s|depois\sde",
)
_TERM_PREFIX_PREP_OTHER: tuple[str, ...] = (r"หลังจาก|หลัง|ຫ[ຼລ]ັງຈາກ|ຫ[ຼລ]ັງ",)
_ZH_TERM_LEAD = r"周期|週期|期限|持续|持續|为期|為期|投资期|投資期|共|在"
_ZH_TERM_TAIL = r"之后|之後|后|後|内|內"
# A plan duration stated before the rate ("周期：7天，总收益：140%").
_ZH_TERM_PREFIX_LEAD = r"周期|週期|期限|为期|為期|投资期|投資期"
# Number words accepted as a duration count ("for a month").
_ONE = r"an?|one|một|un|una|um|uma|satu|один|одну"

# Words that make a percentage something other than a return when right after it.
_EXCLUDE_AFTER_LATIN: tuple[str, ...] = (
    r"fees?|commissions?|comisi[oó]n|comiss[aã]o|discounts?|descuento|desconto|diskon",
    r"bonus(?:es)?|bono|b[oô]nus|off|cash\s?back|rebates?|referrals?|tax|taxa|tarifa",
    r"biaya|komisi|phí|hoa\shồng|giảm(?:\sgiá)?|thưởng|secure|security|safe|safety",
    r"legit|reliable|protected|insured|anonymous|transparent|uptime",
    r"скидк[аиу]?|бонус(?:а|ов|ы)?|комисси(?:я|и|ю)",
    r"of(?!\s{1,3}(?:your|the|our|an?|initial|invested|deposits?|investments?|principal"
    r"|capital|amount|stake)" + _NOT_LETTER_AFTER + r")",
    r"от(?!\s(?:депозита|вклада|суммы|инвестиций))",
)
_EXCLUDE_AFTER_OTHER: tuple[str, ...] = (
    r"ค่าธรรมเนียม|ค่าคอม|โบนัส|ส่วนลด|ຄ່າທຳ|ຄ່ານາຍ|ໂບນັດ|ສ່ວນຫ[ຼລ]ຸດ|ປອດໄພ",
    r"手续费|手續費|佣金|返佣|折扣|优惠|優惠|奖金|獎金|安全|保本",
)

# Referral/fee context shortly before a number.
_REFERRAL_LATIN: tuple[str, ...] = (
    r"referr?als?|refer|ref|affiliates?|commissions?|partners?|partnership|upline|downline",
    r"sponsor|invite|invitation|bonus(?:es)?|fees?|charges?|tax|spread|discount|cashback",
    r"save|sale|coupon|promo(?:tion)?|vouchers?|descuentos?|descontos?|diskon|potongan",
    r"rebates?|hoa\shồng|giới\sthiệu|thưởng|phí|giảm\sgiá|ưu\sđãi|khuyến\smãi",
    r"comisi[oó]n|comiss[aã]o|referid[oa]s?",
    r"indica[cç][aã]o|afiliad[oa]s?|bono|b[oô]nus|tarifa|taxa",
    r"реферал\w{0,6}|партн[её]р\w{0,6}|комисси\w{0,3}|бонус\w{0,3}|рекомендац\w{0,3}",
    r"скидк\w{0,3}|промокод\w{0,3}|кэшб[эе]к\w{0,3}",
    r"referensi|rujukan|komisi|afiliasi|biaya",
    r"(?:[0-9]{1,2}(?:st|nd|rd|th)?|first|second|third)\s{0,2}(?:levels?|tiers?|lines?|lvl)",
    r"(?:levels?|tiers?|lines?|lvl|cấp|tầng|tuyến|nivel|n[ií]vel|уровень|уровня|tingkat)"
    r"\s{0,2}[0-9]{1,2}",
    r"[0-9]\s{0,2}(?:-?(?:й|го|ый))?\s{0,2}уров(?:ень|ня|не)",
)
_REFERRAL_OTHER: tuple[str, ...] = (
    r"แนะนำ|ค่าคอม|ค่าธรรมเนียม|โบนัส|ส่วนลด|คืนเงิน(?!ต้น)|ชั้นที่",
    r"ແນະນຳ|ຄ່ານາຍ|ຄ່າທຳນຽມ|ໂບນັດ|ສ່ວນຫ[ຼລ]ຸດ|ຊັ້ນທີ",
    r"推荐|推薦|佣金|返佣|邀请|邀請|代理|手续费|手續費|折扣|优惠|優惠",
    r"奖金|獎金|[一二三]级|[一二三]級",
)

# Market-movement words right before a number ("BTC up 12% in 24 hours"): such a
# percentage over a duration reports a past price change, not a promised return.
_MOVE_LATIN: tuple[str, ...] = (
    r"up|down|rose|risen|rise|rises|fell|fallen|falls|gained|gains|lost|dropped|drops|jumped",
    r"grew|grown",
    r"surged|soared|climbed|plunged|tumbled|increased|decreased|declined|rallied|drawdowns?",
    r"tăng|giảm|вырос(?:ла|ло|ли)?|упал(?:а|о|и)?|подорожал\w{0,2}|подешевел\w{0,2}",
    r"naik|turun|subi[oó]|cay[oó]|subiu|caiu|baj[oó]",
)
_MOVE_OTHER: tuple[str, ...] = (r"上涨|下跌|涨|跌|漲|เพิ่มขึ้น|ลดลง|ເພີ່ມຂຶ້ນ|ຫ[ຼລ]ຸດລົງ",)
# Past-tense moves ("вырос на 12% за сутки", "rose 2% a day"): a report, whatever the period.
_MOVE_PAST_LATIN: tuple[str, ...] = (
    r"rose|risen|fell|fallen|dropped|jumped|surged|soared|climbed|plunged|tumbled|rallied",
    r"grew|grown",
    r"вырос(?:ла|ло|ли)?|упал(?:а|о|и)?|подорожал\w{0,2}|подешевел\w{0,2}",
    r"subi[oó]|cay[oó]|subiu|caiu|baj[oó]",
)
_MOVE_PAST_OTHER: tuple[str, ...] = (r"上涨了|下跌了|上漲了|漲了|涨了|跌了",)
# Price words: "Giá vàng tăng 2% mỗi ngày" reports a price move even with a rate period.
_PRICE_LATIN: tuple[str, ...] = (
    r"prices?|giá|harga|precios?|pre[cç]os?|цен[аы]|курс|index|indeks|índice|индекс",
)
_PRICE_OTHER: tuple[str, ...] = (r"ราคา|ລາຄາ|价格|價格|股价|股價|币价|幣價|指数|指數",)

# Numbers and percentages.
_NUM = r"(?<![0-9])(?<![0-9][.,/⁄])[0-9]{1,6}(?:[.,][0-9]{1,4})?"
# The same number, written to start with a digit so that a search can skip straight to the
# digits of the text (the guards look back from after the first digit).
_NUM_FIRST = r"[0-9](?<![0-9][0-9])(?<![0-9][.,/⁄][0-9])[0-9]{0,5}(?:[.,][0-9]{1,4})?"
_TERM_NUM = r"(?<![0-9])[0-9]{1,5}(?:[.,][0-9]{1,2})?"
_PCT_SIGN = (
    r"(?:\s?[%％]"
    r"|\s?(?:percent|per\s?cent|pct|процент(?:ов|а)?|persen|por\s?(?:cien?to|cento)|phần\s?trăm)"
    + _NOT_LETTER_AFTER
    + r"|\s?(?:เปอร์เซ็นต์|ເປີເຊັນ))"
)
_RANGE_SEP = (
    r"(?:\s{0,3}[-–—−~至到]\s{0,3}"
    r"|\s{1,3}(?:to|a|al|at[eé]|hasta|đến|tới|до|hingga|sampai|s/d)\s{1,3}"
    r"|\s{0,3}(?:ถึง|ເຖິງ)\s{0,3})"
)
_SEP_BEFORE = r"[\s:：,，=\-–—(（]{0,3}"


def _alt(latin: tuple[str, ...] = (), other: tuple[str, ...] = (), *, guard: bool = True) -> str:
    """Join regex alternatives; latin-script ones get word guards when `guard` is true."""
    parts = []
    if latin:
        body = "|".join(latin)
        parts.append(
            f"{_NOT_LETTER_BEFORE}(?:{body}){_NOT_LETTER_AFTER}" if guard else f"(?:{body})"
        )
    parts.extend(other)
    return "(?:" + "|".join(parts) + ")"


def _grouped(vocab: _Vocab, prefix: str, *, guard_before: bool) -> str:
    """One alternative per period, each in a named group ``<prefix><period>``."""
    groups = []
    for period, (latin, other) in vocab.items():
        parts = []
        if latin:
            before = _NOT_LETTER_BEFORE if guard_before else ""
            parts.append(f"{before}(?:{'|'.join(latin)}){_NOT_LETTER_AFTER}")
        parts.extend(other)
        groups.append(f"(?P<{prefix}{period}>{'|'.join(parts)})")
    return "(?:" + "|".join(groups) + ")"


def _units() -> str:
    parts = []
    for latin, other in _UNITS.values():
        parts.append(f"(?:{'|'.join(latin)}){_NOT_LETTER_AFTER}")
        parts.extend(other)
    return "(?:" + "|".join(parts) + ")"


def _zh_units() -> str:
    """Chinese duration units only (they may follow a number without a preposition)."""
    thai_lao = re.compile(r"[\u0e00-\u0eff]")
    zh = [o for _, other in _UNITS.values() for o in other if not thai_lao.search(o)]
    return "(?:" + "|".join(zh) + ")"


class _Patterns(NamedTuple):
    pct: re.Pattern[str]
    exclude: re.Pattern[str]
    fill: re.Pattern[str]
    period: re.Pattern[str]
    term: re.Pattern[str]
    prefix: re.Pattern[str]
    term_prefix: re.Pattern[str]
    unit_class: re.Pattern[str]
    referral: re.Pattern[str]
    cut: re.Pattern[str]
    move: re.Pattern[str]
    move_past: re.Pattern[str]
    price: re.Pattern[str]


def _compile(pattern: str) -> re.Pattern[str]:
    # Patterns are matched against NFKC text, so normalise them the same way (Thai "ำ").
    return re.compile(accent_tolerant(unicodedata.normalize("NFKC", pattern)), re.IGNORECASE)


@cache
def _patterns() -> _Patterns:
    """Compile all patterns (once, on first use)."""
    units = _units()
    zh_units = _zh_units()
    # A range ("0,8 - 1%") or a single percentage; <lo> is the only number of the latter.
    pct = (
        rf"(?P<lo>{_NUM_FIRST})"
        rf"(?:(?:{_PCT_SIGN})?{_RANGE_SEP}(?P<hi>{_NUM}){_PCT_SIGN}|{_PCT_SIGN})"
    )
    exclude = r"\s{0,3}(?:(?:de|do|da|del|dari|của)\s{1,2})?" + _alt(
        _EXCLUDE_AFTER_LATIN, _EXCLUDE_AFTER_OTHER
    )
    fill = r"\s{0,3}(?:" + _alt(_FILL_AFTER_LATIN, _FILL_AFTER_OTHER) + r"\s{0,3}){0,2}"
    period = (
        r"\s{0,3}[(\[（]?\s{0,2}"
        + _grouped(_SUFFIX_PERIODS, "s_", guard_before=False)
        + r"[)\]）]?"
    )
    count = rf"(?:{_TERM_NUM}|{_ONE})"
    lead = r"(?:(?:the|next|first|just|only|chỉ)\s{1,2}){0,2}"
    term = (
        r"[\s,;(（，\-–—]{0,4}(?:"
        + _alt(_TERM_PREP_LATIN, guard=True)
        + rf"\s{{1,3}}{lead}(?P<tn>{count})\s{{0,2}}(?P<tu>{units})"
        + "|"
        + _alt((), _TERM_PREP_OTHER)
        + rf"\s{{0,3}}(?P<tn2>{_TERM_NUM})\s{{0,2}}(?P<tu2>{units})"
        + rf"|(?:{_ZH_TERM_LEAD})\s{{0,2}}(?P<zn>{_TERM_NUM})\s{{0,2}}(?P<zu>{zh_units})"
        + rf"(?:{_ZH_TERM_TAIL})?"
        + rf"|(?P<zn2>{_TERM_NUM})\s{{0,2}}(?P<zu2>{zh_units})(?:{_ZH_TERM_TAIL})"
        + ")"
    )
    fill_before = _alt(_FILL_BEFORE_LATIN, _FILL_BEFORE_OTHER)
    tail = (
        rf"(?:{_SEP_BEFORE}{fill_before}){{0,4}}{_SEP_BEFORE}"
        r"(?:(?:from|từ|от|de|desde|dari)\s{1,3}|从|從)?(?=[0-9])"
    )
    # Every prefix starts with a letter at the start of a word, or with a Thai, Lao or
    # Chinese character (or, for durations, a digit). Testing that first lets the scan
    # reject most positions at once.
    word_start = r"(?<![^\W\d_])(?=[^\W\d_])"
    no_space_script = r"\u0e00-\u0eff\u3400-\u9fff\uf900-\ufaff"
    prefix = (
        rf"(?:{word_start}|(?=[{no_space_script}]))"
        + _grouped(_PREFIX_PERIODS, "p_", guard_before=True)
        + tail
    )
    term_prefix = (
        rf"(?:{word_start}|(?=[0-9{no_space_script}]))"
        "(?:"
        + _alt(_TERM_PREFIX_PREP_LATIN, _TERM_PREFIX_PREP_OTHER)
        + rf"\s{{0,3}}(?P<pn>{_TERM_NUM})\s{{0,2}}(?P<pu>{units})"
        + rf"|(?P<pzn>{_TERM_NUM})\s{{0,2}}(?P<pzu>{zh_units})"
        + r"(?:之后|之後|后|後|(?=[总總]?收益|回[报報]))"
        + rf"|(?:{_ZH_TERM_PREFIX_LEAD})[:：\s]{{0,2}}"
        + rf"(?P<pln>{_TERM_NUM})\s{{0,2}}(?P<plu>{zh_units})"
        + ")"
        + tail
    )
    unit_class = (
        "(?:"
        + "|".join(f"(?P<u_{p}>{'|'.join(latin + other)})" for p, (latin, other) in _UNITS.items())
        + ")"
    )
    referral = _alt(_REFERRAL_LATIN, _REFERRAL_OTHER)
    cut = r"[.!?;,。！？，；\n|•·]"
    move_by = r"\s{0,2}(?:(?:by|на|em|en|un|sebesar)\s{1,2})?"
    move = "(?:" + _alt(_MOVE_LATIN, _MOVE_OTHER) + move_by + r"|(?<![0-9])[+\-−]\s?)\Z"
    move_past = "(?:" + _alt(_MOVE_PAST_LATIN, _MOVE_PAST_OTHER) + move_by + r")\Z"
    return _Patterns(
        pct=_compile(pct),
        exclude=_compile(exclude),
        fill=_compile(fill),
        period=_compile(period),
        term=_compile(term),
        prefix=_compile(prefix),
        term_prefix=_compile(term_prefix),
        unit_class=_compile(unit_class),
        referral=_compile(referral),
        cut=_compile(cut),
        move=_compile(move),
        move_past=_compile(move_past),
        price=_compile(_alt(_PRICE_LATIN, _PRICE_OTHER)),
    )


def _normalise(text: str) -> tuple[str, OffsetMap | None]:
    """Return an NFKC copy of `text` and an offset map (None when the copy is identical)."""
    return normalise(text, "NFKC")


# ---------------------------------------------------------------------------------------
# Claim extraction.
# ---------------------------------------------------------------------------------------


def _to_float(s: str) -> float:
    """Parse "1.5", "1,5", "0,8" or "1,000" (thousands) into a float."""
    if "," in s:
        whole, _, frac = s.partition(",")
        if len(frac) == 3 and whole.lstrip("0"):
            return float(whole + frac)
        return float(whole + "." + frac)
    return float(s)


def _group_period(m: re.Match[str], prefix: str) -> str | None:
    for period in _PER_DAY:
        if m.group(prefix + period) is not None:
            return period
    return None


def _duration_days(pats: _Patterns, count: str, unit: str) -> float | None:
    """Convert a duration (count and unit text) into days; None if unusable."""
    um = pats.unit_class.fullmatch(unit)
    if um is None:
        return None
    kind = _group_period(um, "u_")
    if kind is None:
        return None
    n = 1.0 if not count[:1].isdigit() else _to_float(count)
    days = n * _UNIT_DAYS[kind]
    if not 0.0 < days <= _MAX_TERM_DAYS:
        return None
    return days


def _term_of(pats: _Patterns, m: re.Match[str], pairs: tuple[tuple[str, str], ...]) -> float | None:
    for num_group, unit_group in pairs:
        count = m.group(num_group)
        if count is not None:
            return _duration_days(pats, count, m.group(unit_group))
    return None


_SUFFIX_TERM_GROUPS = (("tn", "tu"), ("tn2", "tu2"), ("zn", "zu"), ("zn2", "zu2"))
_PREFIX_TERM_GROUPS = (("pn", "pu"), ("pzn", "pzu"), ("pln", "plu"))


class _PrefixScanner:
    """Find the match of a prefix pattern that ends where a given number starts.

    Prefix phrases ("daily 3%", "after 10 days 300%") are needed only before the few
    percentages that have no period after them, so the text is scanned lazily: from at
    most :data:`_PREFIX_WINDOW` characters before each such number, never twice over the
    same stretch. Positions must be asked for in increasing order.
    """

    __slots__ = ("_by_end", "_norm", "_pattern", "_scanned")

    def __init__(self, pattern: re.Pattern[str], norm: str) -> None:
        self._pattern = pattern
        self._norm = norm
        self._scanned = 0
        self._by_end: dict[int, re.Match[str]] = {}

    def ending_at(self, pos: int) -> re.Match[str] | None:
        """Return the match ending at `pos` (where a number starts), if any."""
        if pos > self._scanned:
            start = max(self._scanned, pos - _PREFIX_WINDOW)
            # One character past `pos` so that the closing "a digit follows" test sees it.
            for m in self._pattern.finditer(self._norm, start, pos + 1):
                self._by_end[m.end()] = m
            self._scanned = pos
        return self._by_end.get(pos)


#: Percentages examined per text: the work per page is bounded (the corpus page with the
#: most has 123; a page of a hundred thousand "1%" is an attack on the extractor).
MAX_PERCENTAGES = 1000


def _claims(text: str) -> list[ReturnClaim]:
    pats = _patterns()
    norm, omap = _normalise(text)
    prefixes = _PrefixScanner(pats.prefix, norm)
    term_prefixes = _PrefixScanner(pats.term_prefix, norm)

    claims: list[ReturnClaim] = []
    floor = 0  # nothing before this offset may belong to the next claim
    for n, pm in enumerate(pats.pct.finditer(norm)):
        if n >= MAX_PERCENTAGES:
            break
        if pm.start() < floor:
            continue
        num_start, pct_end = pm.start(), pm.end()
        if pm.group("hi") is None:
            lo = hi = _to_float(pm.group("lo"))
        else:
            lo, hi = _to_float(pm.group("lo")), _to_float(pm.group("hi"))
            if lo <= 0.0 or lo > hi:  # not really a range ("2019-10%"): keep the upper number
                lo = hi
                num_start = pm.start("hi")
        prev_floor = floor
        floor = pct_end
        if not 0.0 < hi <= _MAX_RATE:
            continue
        if pats.exclude.match(norm, pct_end):
            continue

        start, end = num_start, pct_end
        term_days: float | None = None
        after = pats.fill.match(norm, pct_end)
        after_pos = after.end() if after else pct_end
        sm = pats.period.match(norm, after_pos)
        period: str | None = None
        if sm is not None:
            period = _group_period(sm, "s_")
            end = sm.end()
        else:
            pre = prefixes.ending_at(num_start)
            if pre is not None and pre.start() >= prev_floor:
                period = _group_period(pre, "p_")
                start = pre.start()
        tm = pats.term.match(norm, end if sm is not None else after_pos)
        if tm is not None:
            term_days = _term_of(pats, tm, _SUFFIX_TERM_GROUPS)
            if term_days is not None:
                end = tm.end()
        if period is None and term_days is None:
            tp = term_prefixes.ending_at(num_start)
            if tp is not None and tp.start() >= prev_floor:
                term_days = _term_of(pats, tp, _PREFIX_TERM_GROUPS)
                if term_days is not None:
                    start = tp.start()
        if period is None:
            if term_days is None:
                continue
            period = "term"
            daily = hi / term_days
        else:
            daily = hi * _PER_DAY[period]
        if _in_clause_before(pats, pats.referral, norm, start, prev_floor):
            continue
        if _is_market_move(pats, norm, start, prev_floor, period):
            continue

        floor = max(floor, end)
        ostart, oend = (start, end) if omap is None else omap.span(start, end)
        claims.append(
            ReturnClaim(
                start=ostart,
                end=oend,
                quote=text[ostart:oend],
                rate_low=lo,
                rate_high=hi,
                period=period,
                term_days=term_days,
                daily_rate=daily,
            )
        )
    return claims


def _in_clause_before(
    pats: _Patterns, pattern: re.Pattern[str], norm: str, start: int, lower: int
) -> bool:
    """True when `pattern` occurs in the same clause shortly before `start`.

    Used with referral/fee/bonus words and with price words.
    """
    lo = max(lower, start - _REFERRAL_WINDOW)
    window = norm[lo:start]
    cuts = list(pats.cut.finditer(window))
    if cuts:
        window = window[cuts[-1].end() :]
    return pattern.search(window) is not None


def _is_market_move(pats: _Patterns, norm: str, start: int, lower: int, period: str) -> bool:
    """True when the claim at `start` reads as a reported price move, not a promised return.

    A movement word right before the number ("up 12% in 24 hours") rules out a term; with a
    rate period only a past-tense movement ("вырос на 12% за сутки") or a movement of a
    price ("Giá vàng tăng 2% mỗi ngày") does.
    """
    lo = max(lower, start - 20)
    if pats.move_past.search(norm, lo, start):
        return True
    if pats.move.search(norm, lo, start) is None:
        return False
    return period == "term" or _in_clause_before(pats, pats.price, norm, start, lower)


def find_return_claims(text: str) -> list[ReturnClaim]:
    """Find every stated or promised rate of return in `text`.

    Parameters
    ----------
    text : str
        Plain visible page text (already extracted from HTML). Any string is accepted.

    Returns
    -------
    list of ReturnClaim
        Non-overlapping claims in order of position. Offsets refer to `text` itself, so
        ``text[c.start:c.end] == c.quote`` for every claim ``c``.

    Notes
    -----
    A percentage is a claim only when tied to a period ("24% daily", "1%/ngày",
    "ต่อเดือน", "日收益2%", "12% годовых", "APY 4.5%") or to a stated duration
    ("300% after 10 days", "ROI 150% in 7 days"). Rates of 0 or above 100000 percent,
    fees, commissions, discounts, bonuses, referral levels, reported price moves ("BTC up
    12% in 24 hours") and "50% of users" are ignored.

    Examples
    --------
    >>> [c.quote for c in find_return_claims("Earn 2.5% daily for 30 days!")]
    ['2.5% daily for 30 days']
    >>> find_return_claims("300% after 10 days")[0].daily_rate
    30.0
    >>> find_return_claims("72% of retail investor accounts lose money")
    []
    """
    if not isinstance(text, str) or not text:
        return []
    return _claims(text)
