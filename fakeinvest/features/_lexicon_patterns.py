"""The pattern data of :mod:`fakeinvest.features.lexicon`: per-signal regular expressions
in every language covered, the vocabulary they are built from, the negation and warning
words, and the vetoes that cancel a hit in honest documentation. The matching engine
and the filters live in :mod:`fakeinvest.features.lexicon`; edit patterns here, with a
test from both sides (an honest sentence that must not fire, a scheme one that must).
"""

from __future__ import annotations

import re

# ---------------------------------------------------------------------------------------
# Pattern building blocks.
# ---------------------------------------------------------------------------------------

_SP = r"\s{1,3}"


def _sp(pattern: str) -> str:
    """Replace each literal space of `pattern` by a bounded whitespace run.

    ``" "`` becomes ``\\s{1,3}`` and ``" ?"`` becomes ``\\s{0,3}``. Spaces inside character
    classes are kept, so ``[ ]`` stands for exactly one literal space.
    """
    out = []
    in_class = False
    i = 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            out.append(pattern[i : i + 2])
            i += 2
            continue
        if in_class:
            in_class = ch != "]" or pattern[i - 1] == "["
        elif ch == "[":
            in_class = True
            if pattern[i + 1 : i + 2] == "^":
                out.append("[^")
                i += 2
                continue
        elif ch == " ":
            if pattern[i + 1 : i + 2] == "?":  # optional space
                out.append(r"\s{0,3}")
                i += 2
            else:
                out.append(_SP)
                i += 1
            continue
        out.append(ch)
        i += 1
    return "".join(out)


def _g(n: int) -> str:
    """A lazy gap of at most `n` characters inside one sentence (Latin text).

    The gap and everything up to the next gap (or the end of the pattern) become one
    atomic group (see :func:`_atomic_gaps`), so only the first occurrence of the word
    after the gap is tried. This keeps chains of gaps linear instead of multiplicative.
    """
    return f"\x00g{n}\x01"


def _c(n: int) -> str:
    """Like :func:`_g`, for CJK/Thai/Lao text (sentence punctuation differs)."""
    return f"\x00c{n}\x01"


_GAP_CLASS = {"g": r"[^.!?;。！？\n]", "c": r"[^。！？!?\n]"}
_GAP_MARK = "\x00([gc])(\\d+)\x01"


def _top_level_bar(pattern: str) -> bool:
    """Whether `pattern` has a ``|`` outside all groups and character classes."""
    return len(_top_level_split(pattern)) > 1


def _top_level_split(pattern: str) -> list[str]:
    """The alternatives of `pattern` at its top level (``|`` outside groups and classes)."""
    parts: list[str] = []
    depth = 0
    in_class = False
    last = 0
    i = 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
            if pattern[i + 1 : i + 2] == "^":
                i += 1
            if pattern[i + 1 : i + 2] == "]":
                i += 1
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            parts.append(pattern[last:i])
            last = i + 1
        i += 1
    parts.append(pattern[last:])
    return parts


def _atomic_gaps(pattern: str) -> str:
    """Expand gap markers: ``A <gap> B <gap> C`` -> ``A(?>gap B)(?>gap C)``."""
    parts = re.split(_GAP_MARK, pattern)
    if len(parts) == 1:
        return pattern
    if _top_level_bar(pattern):
        raise ValueError(f"pattern with gaps must not have a top-level '|': {pattern!r}")
    out = [parts[0]]
    for i in range(1, len(parts), 3):
        kind, n, tail = parts[i], parts[i + 1], parts[i + 2]
        out.append(f"(?>{_GAP_CLASS[kind]}{{0,{n}}}?{tail})")
    return "".join(out)


_NUM = r"\d{1,3}(?:[.,]\d{1,2})?"
_PCT = _NUM + r"\s{0,2}%"
# An upper bound of at least 7 days in "7-15 working days" / "10 days".
_LONG_DAYS = r"(?:\d{1,2}\s{0,2}(?:-|to|~|đến|sampai|hingga)\s{0,2})?(?:[7-9]|[1-9]\d)"

# --- withdrawal vocabulary ---------------------------------------------------------------
_EN_WD = r"(?:withdraw(?:al|als|ing|n|s)?|cash(?:ing)?[-\s]?outs?|payouts?)"
_EN_FEE = (
    r"(?:tax(?:es)?|fees?|charges?|commission|deposit|margin|premium|penalty|levy|"
    r"insurance|bond)"
)
_EN_UNLOCK = (
    r"(?:withdraw(?:al|als|ing|n|s)?|cash(?:ing)?[-\s]?out|unlock(?:ing)?|unfreez(?:e|ing)|"
    r"releas(?:e|ing)|reactivat(?:e|ing)|process(?:ed|ing)?|receiv(?:e|ing) (?:your|the) funds)"
)
_EN_PAY = r"(?:pay|paying|paid|deposit|depositing|top[-\s]?up|transfer|settle|clear)"
_VI_WD = r"(?:rút tiền|rút vốn|rút|rut tien|giải ngân)"
_VI_FEE = (
    r"(?:phí|lệ phí|thuế|tiền thuế|tiền phí|tiền cọc|cọc|ký quỹ|tiền ký quỹ|tiền bảo đảm|"
    r"tiền bảo hiểm|phi|thue)"
)
_VI_PAY = r"(?:nộp|đóng|trả|thanh toán|nạp|chuyển|nop|dong)"
_TH_WD = r"(?:ถอนเงิน|ถอน)"
_LO_WD = r"(?:ຖອນເງິນ|ຖອນ)"
_ZH_WD = r"(?:提现|提現|出金|提款|取款|提币|提幣|取现|取現)"
_ZH_FEE = (
    r"(?:税费|稅費|个人所得税|個人所得稅|所得税|所得稅|税金|稅金|手续费|手續費|服务费|服務費|"
    r"保证金|保證金|押金|解冻金|解凍金|验证金|驗證金|费用|費用|税|稅|费|費)"
)
_ZH_PAY = r"(?:缴纳|繳納|支付|交纳|交納|补缴|補繳|补交|補交|先交|充值|缴|繳|交|付)"
_ID_WD = r"(?:penarikan|menarik(?: dana)?|tarik(?: dana)?|withdraw|wd|pencairan|mencairkan)"

# --- regulators -----------------------------------------------------------------------
_REG_ACRONYMS = (
    "CySEC|CYSEC|FSCA|VFSC|FinCEN|FINCEN|FINRA|FINMA|BaFin|BAFIN|Bappebti|BAPPEBTI|"
    "FCA|ASIC|SEC|NFA|CFTC|FSA|MAS|SFC|FSC|IFSC|CIMA|DFSA|FSRA|CMA|JFSA|AMF|CONSOB|CNMV|"
    "CBI|MFSA|OJK|SCA|FMA|LFSA|CSSF|KNF|MISA|FSCM|SEBI|FINTRAC|IIROC|CIRO|ESMA|OSC|"
    "SVGFSA|BVIFSC|LSCO|SSC|UBCKNN"
)
_REG_ACR = rf"(?<![A-Za-z0-9])(?-i:{_REG_ACRONYMS})(?![A-Za-z0-9])"
_REG_LONG = (
    r"(?:financial conduct authority|cyprus securities and exchange commission|"
    r"australian securities (?:and|&) investments? commission|"
    r"(?:u\.?s\.? )?securities (?:and|&) exchange commission|national futures association|"
    r"commodity futures trading commission|financial sector conduct authority|"
    r"vanuatu financial services commission|financial services authority|"
    r"financial services commission|financial crimes enforcement network|"
    r"monetary authority of singapore|securities and futures commission|"
    r"financial industry regulatory authority|otoritas jasa keuangan|"
    r"ủy ban chứng khoán nhà nước|uỷ ban chứng khoán nhà nước|ngân hàng nhà nước|"
    r"bank of lao pdr|lao securities commission)"
)
_REG_ZH = (
    r"(?:英国金融行为监管局|英國金融行為監管局|金融行为监管局|金融行為監管局|"
    r"澳大利亚证券投资委员会|澳大利亞證券投資委員會|澳洲證券投資委員會|"
    r"美国证券交易委员会|美國證券交易委員會|塞浦路斯证券交易委员会|塞浦路斯證券交易委員會|"
    r"美国全国期货协会|美國全國期貨協會|美国国家期货协会|美國國家期貨協會|"
    r"香港证监会|香港證監會|证监会|證監會|สำนักงาน ก\.ล\.ต\.|ก\.ล\.ต\.)"
)
_REG_COUNTRY = (
    r"(?:UK|U\.K\.|British|US|U\.S\.|American|Australian|Cyprus|Cypriot|South African|"
    r"Seychelles|Vanuatu|Mauritius|Hong Kong|Singapore|Japanese|German|Swiss|Dubai|Labuan|"
    r"BVI|SVG|St\.? Vincent)"
)
_REG = rf"(?:{_REG_LONG}|{_REG_ZH}|(?:{_REG_COUNTRY}\s{{1,2}})?{_REG_ACR})"
_LIC_NO = (
    r"(?=[A-Za-z]{0,4}[-/]?\d)[A-Za-z0-9][A-Za-z0-9/\-]{1,19}"
)
_LIC_LABEL = r"(?:FRN|AFSL|CRN|licen[cs]e|registration|reg\.?|ID|no\.?|number|#|MSB|CN)"
_LIC_TAIL = (
    rf"(?:\s{{0,2}}[(\[,]?\s{{0,2}}(?:{_LIC_LABEL}\s{{0,2}}){{1,3}}[:.#]?\s{{0,2}}"
    rf"{_LIC_NO}\)?)?"
)

# --- misc vocabulary ---------------------------------------------------------------------
_EN_PROFIT = (
    r"(?:profits?|returns?|income|earnings|interest|roi|payouts?|gains?|dividends?|yields?|"
    r"results)"
)
_ORD = r"(?:1st|2nd|3rd|[4-9]th|10th|first|second|third|fourth|fifth|sixth|seventh)"
_MESSENGERS = (
    r"(?:telegram|whatsapp|whats app|wechat|weixin|zalo|viber|skype|kakao\s?talk|signal|"
    r"(?-i:LINE|Line))"
)


# Statistics-widget labels ("Total deposits", "Last withdrawal") that are not one: a field
# described in documentation ("Total Deposits: the total amount deposited in the vault",
# "the proportion of total deposits", "are there recent deposits of at least 32 ETH?").
_FIELD_BEFORE = "".join(
    f"(?<!{w}[ ])"  # fixed width: "[ ]" is a single space (see _sp)
    for w in ("of", "the", "check", "there", "query", "get", "fetch", "list", "returns",
              "after[ ]a", "upon[ ]a", "string", "number", "integer", "decimal", "[|]")
)
#: The type column of an API field table, right before a field's description.
_API_TYPE = r"(?:\b(?:string|integer|int|number|decimal|float|double|bool(?:ean)?)\b|\|)"
_FIELD_AFTER = (
    r"(?!\s{0,3}[:\-]?\s{0,3}(?:the|a|an|is|are|was|were|refers?|represents?|shows?|returns?|"
    r"of at least|on (?:the )?explorer|in (?:a|the)|field|records?|history|address(?:es)?|"
    r"endpoint|api|pool|count|limit|cap)\b)"
)


# --- trading_robot: automated-trading claims and the lander's promises -------------------
#: Internal parts of ``trading_robot`` (see :func:`_pair_robot`); never reported as such.
_ROBOT_CLAIM = "trading_robot:automation"
_ROBOT_PROMISE = "trading_robot:promise"
#: A claim and a promise count only when at most this many characters lie between them.
_ROBOT_WINDOW = 3000

# An amount of money worth a lander's headline: a currency and at least three digits
# ("$1,000", "€ 13.000", "10 000 ₽", "R40,000", "1.000$", "5K €").
# (written as a first digit and the rest, so that "R" + digit is a trigger, not "R" alone)
_BIG_TAIL = (
    r"(?:\d{0,2}(?:[.,' ]\d{3}){1,3}(?:[.,]\d{1,2})?|\d{2,6}(?:[.,]\d{1,2})?|"
    r"\d{0,2}(?:[.,]\d{1,2})?\s{0,2}(?:k|тыс\.?|tys\.?|mil|bin|nghìn|triệu|ngàn|万|萬|千))"
)
_BIG = rf"(?:\d{_BIG_TAIL})"
_CUR_SYM = r"(?:[$€£₹₽₺¥]|r\$|us\$)"
_CUR_WORD = r"(?:usd|eur|gbp|chf|aud|cad|pln|rm|r|rs|rs\.|rp|rp\.|aed|sar)"
_CUR_POST = (
    r"(?:[$€£₹₽₺¥]|usd|eur|euro|euros|gbp|chf|pln|zł|zl|złotych|dollars?|dolarów|dólares|"
    r"dolares|dollari|reais|rubles?|рублей|руб\.?|tl|lira|kč|czk|korun|rand|dirham|dh|درهم|"
    r"دولار|ريال|đ|vnd|vnđ|baht|บาท|元|美元|rupiah)"
)
# Amounts written number first start with two digits, so that single digits (list items,
# days of the month) are not candidate positions of these patterns.
_AMOUNT = (
    rf"(?:{_CUR_SYM}\s{{0,2}}{_BIG}|{_CUR_WORD}\d{_BIG_TAIL}|{_CUR_WORD}[ ]\d{_BIG_TAIL}|"
    rf"[0-9][0-9](?>\d?(?:[.,' ]\d{{3}}){{1,3}}(?:[.,]\d{{1,2}})?|\d{{1,5}}(?:[.,]\d{{1,2}})?|"
    rf"(?:[.,]\d{{1,2}})?\s{{0,2}}(?:k|тыс\.?|tys\.?|mil|bin|nghìn|triệu|ngàn|万|萬|千))"
    rf"\s{{0,2}}{_CUR_POST})"
)
# After a gap (not at the start of a pattern, where it would make too many triggers) an
# amount may also start with one digit and a thousands separator ("1.000 €").
_AMOUNT_MID = (
    rf"(?:{_CUR_SYM}\s{{0,2}}{_BIG}|{_CUR_WORD}[ ]?{_BIG}|{_BIG}\s{{0,2}}{_CUR_POST})"
)
# "... a day", "pro Tag", "в день", "dziennie", "al giorno", "al día", "por dia", "par jour",
# "günde", "denně", "per dag", "mỗi ngày", "ต่อวัน", "每天", "per hari", "يوميا", or a short
# deadline ("in 24 hours", "in 60 minutes").
_N_UNITS = (
    r"\d{1,3}\s{0,2}(?:h|hours?|minutes?|mins?|days?|stunden|minuten|tagen|часов|часа|минут|"
    r"дней|дня|godzin|minut|dni|ore|minuti|giorni|horas|minutos|días|dias|heures|jours|saat|"
    r"dakika|gün|hodin|dní|uur|dagen|giờ|phút|ngày|jam|menit|hari)"
)
_PERIOD = (
    r"(?:\b(?:(?:a|per|every|each|in|within|in just|in only|in the next|in exactly|exactly) "
    rf"(?:single )?(?:day|week|month|hour|{_N_UNITS})\b|daily\b|weekly\b|monthly\b|"
    rf"(?:pro|am|jeden|jede|im|in|innerhalb(?: von)?|in den nächsten|in nur|genau) "
    rf"(?:tag|woche|monat|stunde|{_N_UNITS})\b|täglich|wöchentlich|monatlich|"
    rf"(?:в|за|каждый|каждую|каждые) (?:день|сутки|неделю|месяц|час|{_N_UNITS})|ежедневно|"
    rf"ежемесячно|в месяц|"
    rf"dziennie|tygodniowo|miesięcznie|na dzień|każdego dnia|w miesiąc|na miesiąc|"
    rf"w ciągu {_N_UNITS}|"
    rf"al giorno|ogni giorno|al mese|a settimana|alla settimana|giornalier\w{{1,2}}|"
    rf"al d[ií]a|por d[ií]a|diari[oa]s?|cada d[ií]a|al mes|por mes|a la semana|por semana|"
    rf"por dia|ao dia|todos os dias|por m[eê]s|ao m[eê]s|"
    rf"par jour|chaque jour|par semaine|par mois|quotidien\w{{0,3}}|"
    rf"(?:en|em|in|за|w) {_N_UNITS}|"
    rf"günde|günlük|her gün|haftada|haftalık|ayda|aylık|her ay|"
    rf"denně|za den|každý den|týdně|měsíčně|za měsíc|za {_N_UNITS}|"
    rf"per dag|elke dag|dagelijks|per maand|per week|"
    rf"mỗi ngày|một ngày|mỗi tháng|mỗi tuần|trong {_N_UNITS}|"
    rf"per hari|sehari|setiap hari|per bulan|sebulan|per minggu|dalam {_N_UNITS})|"
    rf"/ ?ngày|/ ?tháng|ต่อวัน|ต่อเดือน|ต่อสัปดาห์|ทุกวัน|每天|每日|一天|每月|每周|每週|"
    rf"يوميا|يومياً|في اليوم|كل يوم|شهريا|شهرياً|في الشهر|أسبوعيا)"
)


_MINUTES_A_DAY = (
    r"(?:\d{1,2} )?minutes? (?:of (?:\W?work\W? )?)?(?:a|per|each|every) day\b|minuten "
    r"(?:„?arbeit\W{0,2} )?(?:pro|am|täglich|jeden) (?:tag)?|minut dziennie\b|"
    r"минут в день\b|minuti al giorno\b|minutos (?:al d[ií]a|por dia)\b|minutes par jour\b"
)
# "no prior trading or investing experience" (not "no coding experience": no-code tools)
_EXP_WORDS = (
    r"(?:(?:prior|previous|trading|investment|investing|financial|market|special|"
    r"cryptocurrency|crypto|technology|bitcoin)(?: or| and|,)? ){0,4}"
)


def _robot_patterns() -> dict[str, list[str]]:
    """Patterns of the two parts of ``trading_robot`` (automation claims, promises)."""
    g = _g
    # Nouns only: a "program", "system" or "platform" that trades for you is also a robot,
    # but those words are too frequent to start a pattern with (each occurrence is a
    # candidate position for every language's pattern).
    bot = r"(?:software|robot|bot|algorithm|app|ai|artificial intelligence|auto[-\s]?trader)"
    claim = [
        # --- English ---------------------------------------------------------------------
        r"\b(?:auto[-\s]?trad(?:ing|er)|automated trading|automatic trading|fully automated|"
        r"100% automated|robo[-\s]?trad(?:ing|er)|ai[-\s](?:powered )?trading|trading "
        r"(?:robot|bot|algorithm|software|app)s?|crypto (?:robot|bot)s?|bitcoin (?:robot|bot)s?)\b|"
        # "tens of thousands a day on autopilot" (not a diet on autopilot)
        "(?:" + "|".join(
            f"(?<={w}[ ]{on}[ ])"
            for w in ("day", "daily", "money", "income", "profits", "earnings", "trading", "was",
                      "dagen")
            for on in ("on", "på", "auf", "im")
        ) + r")auto[-\s]?pilot\b",
        rf"\b{bot}\b{g(40)}\b(?:trades?|invests?|buys and sells|opens and closes|executes|"
        rf"places)\b{g(30)}\b(?:for you|on your behalf|automatically|in your name|"
        r"for (?:its|our) (?:users|members|clients))\b",
        r"\b(?:trades?|trading|investments?) (?:are |is )?(?:placed |executed |opened |closed |"
        r"done )?(?:automatically|for you|on your behalf)\b",
        r"\b(?:trading|hard work) for you\b",
        rf"\b(?:software|algorithm|robot|bot|ai)\b{g(30)}\b(?:analy[sz]es|scans?|monitors?) "
        r"(?:the )?(?:crypto(?:currency)? |financial |forex |stock |bitcoin )?markets?\b",
        # --- German ----------------------------------------------------------------------
        r"\b(?:handels|trading|krypto|bitcoin|forex)[-\s]?(?:roboter|bot|software|"
        r"algorithmus)\w{0,2}\b|\bauto[-\s]?trading\b|\bvollautomatisch\w{0,3}\b|"
        r"\bautomatisch\w{0,2} (?:handel|trading|modus)\b|\bhandelt automatisch\b|"
        r"\b(?:trades|handelsgeschäfte|geschäfte) (?:werden )?automatisch\b",
        rf"\b(?:roboter|software|algorithmus|plattform)\b{g(40)}\b(?:handelt|"
        rf"tradet|investiert|eröffnet|schließt)\b{g(30)}\b(?:für sie|für dich|automatisch|"
        r"in ihrem namen|in deinem namen)\b",
        rf"\b(?:algorithmus|roboter)\b{g(30)}\b(?:analysiert|"
        r"überwacht|scannt) (?:den|die) (?:markt|märkte)\b",
        # --- Russian ---------------------------------------------------------------------
        r"\b(?:торгов\w{0,3}|трейдинг\w{0,3}|крипто\w{0,3}|интеллектуальн\w{0,3}|"
        r"инвестиционн\w{0,3}) (?:робот|бот|алгоритм)\w{0,3}|\bавтоторгов\w{0,4}|"
        r"\bавтоматическ\w{0,3} (?:торгов\w{0,3}|трейдинг\w{0,2}|режим\w{0,2})|"
        r"\b(?:торгует|торгуют) автоматически|\bсделки (?:совершаются|открываются) "
        r"автоматически",
        rf"\b(?:робот|бот|программа|алгоритм|искусственный интеллект|платформа|система|"
        rf"приложение)\w{{0,2}}\b{g(40)}\b(?:торгует|торгуют|совершает|совершают|открывает|"
        rf"инвестирует|зарабатывает|анализиру(?:ет|ют))\w{{0,3}}\b{g(30)}\b(?:за вас|вместо вас|"
        r"автоматически|от вашего имени|рынок)",
        # --- Polish ----------------------------------------------------------------------
        r"\b(?:robot|bot|oprogramowanie|algorytm)\w{0,3} (?:handlow|tradingow|inwestycyjn|"
        r"do handlu)\w{0,3}|\bautomatyczn\w{0,3} (?:handel|handlu|trading\w{0,2}|tryb\w{0,2})\b|"
        r"\bhandluje automatycznie\b|\bauto[-\s]?trading\b|\bpełni (?:zautomatyzowan\w{1,3}|"
        r"automatyczn\w{1,3})\b|\bautomatyczn\w{1,3} oprogramowani\w{1,3}\b|\boprogramowanie "
        r"(?:wykonuje|robi) (?:wszystk\w{1,3} )?(?:akcje|transakcje|pracę) za (?:użytkownika|"
        r"ciebie|was)\b",
        rf"\b(?:robot|bot|oprogramowanie|algorytm|aplikacja|platforma|"
        rf"sztuczna inteligencja)\w{{0,3}}\b{g(40)}\b(?:handluje|handlują|inwestuje|zawiera|"
        rf"otwiera|dokonuje)\b{g(30)}\b(?:za ciebie|za was|automatycznie|w twoim imieniu)",
        # --- Italian / Spanish / Portuguese / French -------------------------------------
        r"\b(?:trading|commercio) (?:automatico|automatizzato)\b|\b(?:robot|bot|software) di "
        r"trading\b|\bfa[ ]trading (?:per te|automaticamente)\b|\b(?:farà|fa|"
        r"fanno)[ ]tutto il lavoro "
        r"(?:al posto tuo|per te)\b|\b(?:farà|fa|fanno)[ ]anche tutto il lavoro (?:al posto tuo|"
        r"per te)\b",
        rf"\b(?:software|algoritmo|robot|programma)\b{g(40)}\b(?:analizza|traccia|monitora|"
        rf"scansiona)\b{g(30)}\b(?:mercato|mercati)\b",
        rf"\b(?:robot|bot|software|algoritmo|programma|applicazione|piattaforma|sistema|"
        rf"intelligenza artificiale)\b{g(40)}\b(?:fa trading|negozia|investe|opera|esegue|"
        rf"apre)\b{g(30)}\b(?:per te|per voi|automaticamente|al posto tuo|a tuo nome)\b",
        r"\b(?:trading|comercio|negociaci[oó]n|negocia[cç][aã]o) autom[aá]tic[oa]\b|"
        r"\b(?:robot|robô|bot|software) de (?:trading|negociaci[oó]n|negocia[cç][aã]o|"
        r"investimento|inversi[oó]n)\b|\b(?:plataforma|algoritmo) autom[aá]tic[oa] de trading\b",
        rf"\b(?:robot|robô|bot|software|algoritmo|programa|aplicaci[oó]n|aplicativo|"
        rf"plataforma|sistema|intelig[eê]ncia artificial)\b{g(40)}\b(?:opera|negocia|invierte|"
        rf"investe|hace trading|faz trading|realiza|ejecuta|executa|abre|trabaja|trabajar[ií]a|"
        rf"trabalha)\b{g(30)}\b(?:por ti|por usted|por voc[eê]|para voc[eê]|autom[aá]ticamente|"
        r"de forma autom[aá]tica|en tu nombre|en su nombre|em seu nome)",
        r"\btrading (?:automatique|automatisé)\b|\b(?:robot|bot|logiciel) de trading\b",
        rf"\b(?:robot|bot|logiciel|algorithme|plateforme|système|"
        rf"intelligence artificielle)\b{g(40)}\b(?:trade|négocie|investit|effectue|exécute|"
        rf"ouvre|travaille)\b{g(30)}\b(?:pour vous|pour toi|automatiquement|à votre place|"
        r"en votre nom)\b",
        # --- Turkish / Czech / Dutch -----------------------------------------------------
        r"\botomatik (?:ticaret|alım satım|işlem|trading)\w{0,4}|\b(?:ticaret|trading|alım "
        r"satım) (?:robotu|botu|yazılımı)\b|\botomatik olarak (?:kazanç|kâr|kar|gelir|para|"
        r"işlem)\w{0,4}|\botomatikleştir\w{0,6}",
        rf"\b(?:robot|bot|yazılım|algoritma|uygulama|sistem|yapay zeka)\w{{0,4}}"
        rf"\b{g(40)}\b(?:sizin için|sizin adınıza|sizin yerinize|otomatik olarak)\b",
        r"\bautomatick\w{0,3} (?:obchodování|obchod\w{0,3}|režim\w{0,2})\b|\bobchodní "
        r"(?:robot|bot|software)\w{0,2}\b|\bobchoduje automaticky\b",
        rf"\b(?:robot|bot|software|algoritmus|aplikace|platforma|systém)\w{{0,3}}"
        rf"\b{g(40)}\b(?:obchoduje|investuje|provádí|otevírá)\b{g(30)}\b(?:za vás|za tebe|"
        r"automaticky|vaším jménem)\b",
        r"\bautomatisch(?:e)? (?:handel|handelen|trading|modus)\b|\bhandels(?:robot|bot|"
        r"software)\b|\btrading ?(?:robot|software)\b",
        rf"\b(?:robot|bot|software|algoritme|programma|systeem)\b{g(40)}"
        rf"\b(?:handelt|belegt|investeert|opent)\b{g(30)}\b(?:voor u|voor jou|automatisch|"
        r"namens u|namens jou)\b",
        # --- Vietnamese / Indonesian -----------------------------------------------------
        r"\b(?:giao dịch|đầu tư) tự động\b|\btự động giao dịch\b|\b(?:robot|bot) (?:giao dịch|"
        r"trade|trading)\b",
        rf"\b(?:robot|bot|phần mềm|thuật toán|trí tuệ nhân tạo|ứng dụng|hệ thống)\b{g(40)}"
        rf"\b(?:giao dịch|đầu tư)\b{g(20)}\b(?:thay bạn|cho bạn|giúp bạn|tự động)\b",
        r"\b(?:robot|bot) (?:trading|forex|saham|kripto)\b|\btrading otomatis\b|"
        r"\bauto[-\s]?trade\b",
        rf"\b(?:robot|bot|software|perangkat lunak|algoritma|aplikasi|sistem|kecerdasan "
        rf"buatan)\b{g(40)}\b(?:trading|berdagang|berinvestasi|bertransaksi|membuka posisi)"
        rf"\b{g(30)}\b(?:untuk anda|untukmu|secara otomatis|otomatis)\b",
        # --- Thai / Chinese / Arabic -----------------------------------------------------
        r"(?:เทรด|ซื้อขาย)(?:ให้|แทน)(?:คุณ|ท่าน)|(?:เทรด|ซื้อขาย|ลงทุน)อัตโนมัติ|"
        r"(?:โรบอท|บอท|หุ่นยนต์)(?:เทรด|ซื้อขาย)",
        r"(?:自动|自動)(?:交易|炒币|炒幣|量化|跟单|跟單|套利|下单|下單)|量化(?:交易)?(?:机器人|機器人)|"
        r"交易(?:机器人|機器人)|(?:AI|人工智能|机器人|機器人|软件|軟體|算法|系统|系統)\S{0,6}"
        r"(?:帮你|幫你|替你|为你|為你)(?:交易|赚钱|賺錢|炒币|炒幣|下单|下單)",
        r"(?:التداول|تداول) (?:الآلي|التلقائي|آلي|تلقائي)|(?:روبوت|بوت) (?:التداول|تداول)|"
        r"(?:يتداول|يستثمر|يقوم بالتداول) (?:نيابة عنك|بدلا منك|بدلاً منك|تلقائيا|تلقائياً|آليا)",
    ]
    promise = [
        # Money per period, in any of the languages above ("earn $1,000 a day").
        rf"{_AMOUNT}{g(25)}{_PERIOD}(?!\s{{0,3}}(?:withdrawal |deposit |trading )?(?:limits?|caps?|"
        r"fees?|quotas?)\b)",
        rf"\b(?:every day|each day|täglich|jeden tag|ежедневно|каждый день|codziennie|"
        rf"ogni giorno|todos los d[ií]as|cada d[ií]a|todos os dias|chaque jour|günde|her[ ]gün|"
        rf"denně|"
        rf"elke dag|mỗi ngày|setiap hari)\b{g(30)}{_AMOUNT_MID}",
        r"(?:每天|每日|日赚|日賺|日入|月入|月赚|月賺|วันละ)\s{0,2}(?:[$€£¥]|usdt)?\s{0,2}\d",
        # Claimed accuracy / win rate ("99.4% accuracy").
        # (a model's "72% accuracy" in ML docs is no lander's "99.4% accuracy")
        r"\b(?:8[5-9]|9\d)(?:[.,]\d{1,2})?\s{0,2}% (?:accura(?:cy|te)|win(?:ning)? rate|"
        r"success rate|"
        r"hit rate|of (?:all )?trades|treffsicherheit|genauigkeit|gewinnrate|trefferquote|"
        r"точност\w{0,2}|успешн\w{0,3} сдел\w{0,3}|skuteczno\w{1,3}|dokładno\w{1,3}|"
        r"precisione|di precisione|precisi[oó]n|de precisi[oó]n|precis[aã]o|de acerto|"
        r"de r[eé]ussite|de précision|isabet\w{0,4}|doğruluk\w{0,4}|přesnost\w{0,2}|"
        r"nauwkeurigheid|độ chính xác|akurasi)",
        r"\b(?:accuracy|win[ ]rate|winning[ ]rate|success rate|treffsicherheit|genauigkeit|"
        r"точность|"
        r"skuteczność|dokładność|precisione|precisi[oó]n|precis[aã]o|taxa de acerto|"
        r"précision|taux de réussite|isabet oranı|doğruluk|přesnost|nauwkeurigheid|"
        r"độ chính xác|akurasi)(?: rate| level| oranı)?(?: of| von| de| di| od| van)?"
        r"(?: up to| over| more than| bis zu| über| до| do| fino al| hasta| at[eé]| jusqu'à)? "
        r"(?:8[5-9]|9\d)(?:[.,]\d{1,2})?\s{0,2}%",
        r"(?:胜率|勝率|准确率|準確率|正确率|正確率)\s{0,2}(?:高达|高達|达到|達到)?\s{0,2}(?:8[5-9]|9\d)"
        r"(?:\.\d{1,2})?\s{0,2}%",
        # The affiliate landers' minimum deposit of 250.
        rf"\b(?:minimum|min\.?|mindest\w{{0,12}}|минимальн\w{{0,3}}|minimaln\w{{1,3}}|minim[oa]|"
        rf"m[ií]nim[oa]|minimální|minimale)\b{g(30)}(?:[$€£]|usd|eur)?\s{{0,2}}250(?![\d.,]\d)\b",
        rf"\b(?:initial|starting) (?:deposit|investment|capital)\b{g(20)}(?:[$€£]|usd|"
        rf"eur)?\s{{0,2}}"
        rf"250(?![\d.,]\d)\b",
        r"\b250\s{0,2}(?:[$€£]|usd|eur|euro|dollars?)(?![\w])(?:\s{1,3}(?:deposit|einzahlung|"
        r"erst-einzahlung|депозит|depozyt\w{0,2}|deposito|depósito|dépôt|yatırım|vklad))?|"
        r"(?<![\w.,])[$€£]\s{0,2}250\b(?![.,]\d)",
        # No experience needed.
        rf"\b(?:no|zero|without(?: any)?) {_EXP_WORDS}(?:experience|knowledge|expertise)"
        r"(?: (?:is |are )?(?:needed|required|necessary))?\b",
        rf"\bdon't (?:need|have to have) (?:any )?{_EXP_WORDS}"
        r"(?:experience|knowledge|expertise)\b",
        r"\b(?:keine|ohne) (?:vorherige |vorkenntnisse|erfahrung|vorerfahrung|kenntnisse)\w{0,3}"
        r"(?: (?:erforderlich|nötig|notwendig))?\b|\bohne vorkenntnisse\b",
        r"\bбез (?:опыта|знаний|специальных знаний|вложений опыта)\b|\bопыт не (?:нужен|"
        r"требуется)\b",
        r"\bbez (?:doświadczenia|wiedzy|znajomości)\b|\bdoświadczenie nie jest (?:wymagane|"
        r"potrzebne)\b|\bnie[ ](?:potrzebujesz|musisz mieć) (?:żadnego )?doświadczenia\b",
        r"\bsenza (?:alcuna )?(?:esperienza|competenze)\b|\bnessuna esperienza\b|"
        r"\bsin (?:ninguna |ning[uú]n tipo de )?(?:experiencia|conocimientos)\b|"
        r"\bno se necesita (?:experiencia|conocimientos?)\b|\bsem (?:nenhuma )?(?:experiência|"
        r"conhecimento)\b|\bn[aã]o (?:precisa|é necess[aá]ri[oa]) (?:de )?(?:experiência|"
        r"conhecimento)\b|\bsans (?:aucune )?(?:expérience|connaissances?)\b|\baucune "
        r"expérience\b",
        r"\b(?:deneyim|tecrübe|bilgi|aktif katılım)\w{0,3} (?:olmadan|gerekmez|gerektirmez|"
        r"gerekmiyor)\b|\bbez (?:zkušeností|předchozích zkušeností|znalostí)\b|\bgeen "
        r"(?:ervaring|voorkennis)\b|\bzonder (?:ervaring|voorkennis)\b",
        r"\bkhông (?:cần|có) (?:kinh nghiệm|kiến thức)\b|\btanpa (?:pengalaman|keahlian)\b|"
        r"\btidak perlu (?:pengalaman|keahlian)\b",
        r"ไม่ต้องมี(?:ประสบการณ์|ความรู้)|(?:无需|無需|不需要|零)(?:任何)?(?:经验|經驗|基础|基礎|专业知识|專業知識)|"
        r"(?:بدون|دون|لا تحتاج(?: إلى)?) (?:أي )?(?:خبرة|خبره|معرفة)",
        # A few minutes a day.
        # (digits first in one branch: numbers are frequent, one branch is tried per number)
        rf"\b\d{{1,2}} (?:{_MINUTES_A_DAY})|\b(?:just|only|"
        rf"few) (?:\d{{1,2}} )?(?:{_MINUTES_A_DAY})|"
        r"\b(?:paar|wenigen?) minuten (?:„?arbeit\W{0,2} )?(?:pro|am|täglich|jeden) (?:tag)?|"
        r"\b(?:kilka|parę) minut dziennie\b|\bpochi minuti al giorno\b|\b(?:unos|pocos) minutos "
        r"al d[ií]a\b|\b(?:alguns|poucos) minutos por dia\b|\bquelques minutes par jour\b|"
        r"\bнесколько минут в день\b|\bgünde (?:sadece )?(?:birkaç|\d{1,2}) dakika\b|"
        r"วันละ\s{0,2}\d{1,2}\s{0,2}นาที|每天(?:只需|仅需|僅需)?\s{0,2}\d{1,2}\s{0,2}分[钟鐘]",
        # The celebrity's "wealth loophole", millionaires overnight.
        r"\b(?:wealth|money|profit) loophole\b|\b(?:revealed|reveals|announced|discovered|"
        r"exposed) (?:a|the|this|his|her|their) (?:\w{2,12} )?loophole\b|"
        r"\bsmuthul\b|\bschlupfloch\b|\bлазейк\w{0,2}\b|\bluk\w{0,2} (?:prawn\w{0,3}|"
        r"finansow\w{0,3})\b|"
        r"\bscappatoia\b|\bresquicio\b|\bbrecha\b|\bfaille\b",
        r"\bbecom(?:e|ing) (?:a )?millionaires?\b|\bmillionaires? (?:within|in|by|overnight)\b|"
        r"\binto (?:a )?millionaires?\b|\bmillionär\w{0,2} (?:werden|zu werden)\b|"
        r"\bмиллионер\w{0,2}\b|\bmilioner\w{0,2}\b|\bmilionari\w{0,2}\b|\bmillonari[oa]s?\b|"
        r"\bmilion[aá]ri[oa]s?\b|\bmillionnaires?\b|\bmilyoner\b|\bmiliony\b",
        r"\bearn(?:ing)? (?:money|profits?|income) (?:automatically|on autopilot|while you sleep|"
        r"passively)\b|"
        r"\b(?:dinero|ganar) mientras duermes\b|\bgeld im schlaf\b|\b(?:zarabiać|zarabiaj) "
        r"(?:nawet )?(?:gdy|kiedy) śpisz\b|\bmentre dormi\b|\benquanto (?:você )?dorme\b|"
        r"\bpendant que vous dormez\b|\bпока (?:вы )?спите\b|\bwhile you sleep\b",
        r"\b(?:quit|quitting) (?:my|his|her|their|your) (?:day )?job\b",
        r"\b(?:thousands|tens of thousands|hundreds of thousands|millions) of \w{2,12} (?:a|per|"
        r"every) (?:day|week|month)\b",
    ]
    return {_ROBOT_CLAIM: claim, _ROBOT_PROMISE: promise}


def _more_languages() -> dict[str, list[str]]:
    """Scheme wording in German, Russian, Polish, Italian, Spanish, Portuguese, French,
    Turkish, Czech, Dutch, Danish and Arabic (added to :func:`_raw_patterns`)."""
    g = _g
    lvl = (
        r"(?:ebene|stufe|уровень|poziom|livello|nivel|n[ií]vel|niveau|seviye|úroveň|"
        r"المستوى|مستوى)"
    )
    p: dict[str, list[str]] = {}
    p["withdrawal_obstruction"] = [
        # German
        rf"\b(?:steuer|gebühr|kaution|provision|sicherheitsleistung)\w{{0,3}}\b{g(40)}"
        rf"\b(?:vor|bevor|um)\b{g(30)}\b(?:auszahl|abheb|freischalt|freigeb|entsperr)\w{{0,6}}",
        r"\bkonto (?:wurde |ist )?(?:vorübergehend )?(?:gesperrt|eingefroren)\b"
        r"(?=[^\n]{0,160}?(?:auszahl|abheb|zahl|gebühr|steuer|kaution|geldwäsche|freischalt))",
        # Polish
        r"\bminimaln\w{1,3} (?:kwot\w{1,2} )?wypłat\w{0,2}\b|\bwypłat\w{0,2} minimaln\w{1,3}\b",
        rf"\b(?:zapłać|zapłacić|wpłać|wpłacić|uiścić|opłacić)\b{g(30)}\b(?:podat\w{{1,3}}|"
        rf"opłat\w{{1,2}}|prowizj\w{{1,2}}|depozyt\w{{0,2}}|kaucj\w{{1,2}})\b{g(30)}\b(?:przed|aby|"
        rf"żeby|w celu)\b{g(20)}\b(?:wypłat|odblok|odmroż)\w{{0,6}}",
        r"\bkonto (?:zostało |jest )?(?:zablokowane|zamrożone)\b"
        r"(?=[^\n]{0,160}?(?:wypłat|wpłat|opłat|podat|prowizj|kaucj|odblok|pranie))",
        # Italian
        r"\bprelievo minimo\b|\bminimo (?:di |per il )?prelievo\b|\bimporto minimo (?:di |per "
        r"il )?prelievo\b",
        rf"\b(?:pagare|versare|pagate|versate|paga|versa)\b{g(30)}\b(?:tass\w|commission\w|"
        rf"deposito|cauzione|impost\w)\b{g(30)}\b(?:prima di|per|al fine di)\b{g(15)}"
        rf"\b(?:prelevare|prelievo|sbloccare|ritirare)\b",
        r"\bconto (?:è stato |è |viene )?(?:bloccato|congelato|sospeso)\b"
        r"(?=[^\n]{0,160}?(?:preliev|ritir|pagar|versar|tass|commission|cauzion|riciclaggio))",
        # Spanish / Portuguese
        r"\bcomisi[oó]n (?:de|por) retiro\b|\btarifa de retiro\b|\bimpuesto (?:de|sobre el) "
        r"retiro\b|\bretiro m[ií]nimo\b",
        r"\btaxa de (?:retirada|levantamento)\b|\bsaques? (?:a partir de|m[ií]nimo de)\b",
        # French
        r"\bretrait minimum\b|\bminimum (?:de |pour le )?retrait\b|\bmontant minimum (?:de |du |"
        r"pour (?:le |un )?)?retrait\b|\bfrais de retrait\b",
        rf"\b(?:payer|verser|régler|payez|versez|réglez)\b{g(30)}\b(?:taxes?|frais|commissions?|"
        rf"cautions?|dépôts?|impôts?)\b{g(30)}\b(?:avant de|pour|afin de)\b{g(15)}"
        rf"\b(?:retirer|retrait|débloquer)\b",
        r"\bcompte (?:a été |est )?(?:bloqué|gelé|suspendu)\b"
        r"(?=[^\n]{0,160}?(?:retrait|retirer|payer|verser|frais|taxe|caution|blanchiment))",
        # Turkish
        r"\bminimum (?:para )?çek(?:im|me)\w{0,4}|\bçekim (?:için )?minimum\b|\bçekim ücreti\b",
        rf"\b(?:para[ ]çek\w{{0,6}}|çekim\w{{0,4}})\b{g(30)}\b(?:vergi|komisyon|ücret|teminat|"
        rf"depozito)\w{{0,4}} (?:ödemeniz|ödenmesi|yatırmanız) gerek\w{{0,6}}",
        r"\bhesab\w{0,4} (?:dondurul|bloke edil|askıya alın)\w{0,6}"
        r"(?=[^\n]{0,160}?(?:çek|ödem|vergi|komisyon|teminat|kara para))",
        # Czech
        r"\bminimální (?:částka )?(?:výběr\w{0,2}|výplat\w{0,2})\b|\bpoplatek za výběr\b",
        rf"\b(?:zaplatit|zaplaťte|uhradit|uhraďte)\b{g(30)}\b(?:daň|poplat\w{{1,3}}|provizi|"
        rf"zálohu|kauci)\b{g(30)}\b(?:před|abyste|pro)\b{g(20)}\b(?:výběr|vybrat|odblok|"
        rf"uvolnění)\w{{0,4}}",
        # Dutch / Danish
        r"\bminimale (?:opname|uitbetaling)\b|\bminimum(?:bedrag)? (?:opname|uitbetaling)\b|"
        r"\bminimum (?:udbetaling|hævning)\b|\bmindste udbetaling\b",
        # Arabic
        r"(?:الحد الأدنى|الحد الادنى|أقل مبلغ|اقل مبلغ) (?:لل|ل)?سحب|رسوم (?:ال)?سحب|"
        r"(?:تجميد|حظر|تعليق) (?:ال)?حساب(?=[^\n]{0,160}?(?:سحب|دفع|رسوم|ضريبة|غسيل))",
        r"(?:دفع|ادفع|سداد|تسديد) (?:ال)?(?:ضريبة|رسوم|عمولة|تأمين)\S{0,3}\s[^\n.؟!]{0,30}?"
        r"(?:قبل|لكي|حتى|من أجل) (?:ال)?سحب",
    ]
    p["instant_withdrawal"] = [
        r"\b(?:sofortige|schnelle|blitzschnelle) (?:auszahlung|abhebung)\w{0,3}\b|"
        r"\b(?:auszahlung|abhebung)\w{0,3} (?:sofort|in sekunden|in minuten)\b|"
        r"\bjederzeit (?:wieder )?auszahl\w{0,3}\b",
        r"\b(?:natychmiastow\w{1,3}|szybk\w{1,3}) wypłat\w{0,2}\b|\bwypłat\w{0,2} "
        r"(?:natychmiast|w kilka minut)\b",
        r"\bprelievi? (?:istantane\w|immediat\w|veloc\w)\b|\bpreleva in qualsiasi momento\b",
        r"\bretrait(?:s)? (?:instantanés?|immédiats?|rapides?)\b|\bretirez (?:à tout moment|"
        r"quand vous voulez)\b",
        r"\b(?:anında|hızlı) (?:para )?çekim\w{0,4}\b",
        r"\b(?:okamžit\w{1,2}|rychl\w{1,2}) výběr\w{0,2}\b",
        r"\b(?:directe|snelle) (?:opname|uitbetaling)\w{0,2}\b",
        r"سحب (?:فوري|سريع|الأرباح فورا|فورًا|فوراً)|سحب\S{0,3} (?:ارباح\S{0,2}|أرباح\S{0,2}) "
        r"بشكل (?:يومي|فوري)",
        r"\bмгновенн\w{0,3} выплат\w{0,3}|\bбыстр\w{0,3} (?:вывод|выплат)\w{0,3}|"
        r"\bвывод\w{0,3} (?:средств )?(?:доступ\w{0,3} )?с первого дня\b",
    ]
    p["referral_levels"] = [
        rf"\b{lvl}\s{{0,2}}[1-9]\s{{0,3}}(?:[:\-=(]\s{{0,3}})?{_PCT}",
        # German
        # "3-stufiges Partnerprogramm", "3х уровневой рефсистеме", "3 livelli di referral", ...
        r"\b\d{1,2}\s{0,2}-?\s{0,2}(?:(?:stufig\w{0,3}|ebenen|level|stufen)\w{0,2} (?:empfehlungs|"
        r"partner|affiliate|provisions|bonus|referral)\w{0,10}|(?:х|ти|и)?\s{0,2}уровнев\w{0,3} "
        r"(?:реф\w{0,10}|партн[её]рск\w{0,3}|систем\w{0,2}|маркетинг\w{0,2})|poziomow\w{1,3}\b|"
        r"livelli (?:di )?(?:referral|affiliazione|commission\w)\b|niveaux (?:de )?(?:parrainage|"
        r"commissions?)\b|seviye\w{0,4} (?:referans|ortaklık)\w{0,4}|úrovn\w{1,2} (?:provizí|"
        r"doporučení)\b)",
        r"\bempfehlungs(?:bonus|provision|prämie)\w{0,3}\b|\bwerbeprämie\b",
        # Russian
        r"\bрефсистем\w{0,2}|\bреферальн\w{0,3} (?:систем|"
        r"структур|сет)\w{0,2}|\bмногоуровнев\w{0,3} (?:систем|маркетинг|партн[её]рск)\w{0,5}|"
        r"\b(?:бонус|процент|вознаграждение)\w{0,3} за (?:приглашен\w{0,4}|привлечен\w{0,4}|"
        r"каждого (?:приглашенного|партн[её]ра|друга))|\bреферальн\w{0,3} программ\w{0,2} "
        r"(?:на |в )?\d{1,2}",
        # Polish
        r"\bprogram\w{0,2} (?:poleceń|partnersk\w{1,3}|referencyjn\w{1,3})\b|\bprowizj\w{1,2} "
        r"(?:za polecenie|od poleconych)\b|\bbonus za polecenie\b",
        # Italian / Spanish / Portuguese / French
        r"\bbonus (?:di |per )?(?:referral|presentazione|invito)\b|\bcommission\w (?:di |sui |"
        r"per )(?:referral|presentazione|affiliazione)\b|\bprogramma (?:di )?(?:referral|"
        r"affiliazione)\b",
        r"\bprograma de (?:referidos|afiliados)\b|\bganancias por referidos\b|"
        r"\bcomisi[oó]n(?:es)? (?:de|por) (?:afiliados|invitados)\b",
        r"\bganhe (?:r\$ ?)?\d{1,5}(?:[.,]\d{2})? por (?:cada )?(?:indica[cç][aã]o|amigo "
        r"indicado|indicado)\b|\blink[ ]de indica[cç][aã]o\b|\bprograma de (?:indica[cç][aã]o|"
        r"afiliados)\b|\blucro com \d{1,3} indica[cç][õo]es\b",
        r"\bprogramme de parrainage\b|\b(?:bonus|commissions?|prime) de parrainage\b",
        # Turkish / Czech / Dutch / Danish
        r"\breferans (?:bonusu|komisyonu|programı|kazancı)\b|\bdavet (?:bonusu|komisyonu)\b",
        r"\b(?:provize|bonus) za doporučení\b|\bdoporučovací program\b",
        r"\breferral ?(?:commissie|programma)\b|\bdoorverwijzingsbonus\b|"
        r"\bhenvisningsbonus\b|\bhenvisningsprogram\w{0,3}\b",
        # Arabic / Chinese
        r"(?:مكافأة|مكافآت|عمولة|عمولات|أرباح|ارباح) (?:ال)?(?:إحالة|احالة|إحالات|احالات|دعوة|"
        r"الدعوة)|برنامج (?:ال)?(?:إحالة|احالة|إحالات|الإحالة|الاحالة)",
        r"(?:推荐|推薦|邀请|邀請)(?:返利|收益|提成)|推[荐薦](?:级别|級別|等级|等級)",
    ]
    p["guarantee"] = [
        # German
        rf"\bgarantiert\w{{0,2}}\b{g(25)}\b(?:gewinn|rendite|einkommen|ertr[aä]g|zinsen|profit|"
        rf"auszahlung|einnahme)\w{{0,3}}",
        r"\b(?:gewinn|rendite|einkommen|ertrag|profit)\w{0,3} (?:ist |sind |wird |werden )?"
        r"(?:100 ?% )?garantiert\b|\b(?:gewinn|rendite|profit)\w{0,3} zu garantieren\b|"
        r"\bnull risiko\b|\brisikolos\w{0,2}\b|"
        r"\brisikofrei\w{0,2}\b(?! (?:zins|rate|satz|anlage|verzinsung))",
        # Russian
        rf"\bгарантир\w{{0,8}}\b{g(30)}\b(?:заработ|вложени|рост|увеличени)\w{{0,6}}",
        r"\b(?:доход|прибыл|доходност|выплат)\w{0,4} (?:гарантирован\w{0,3}|гарантируется)|"
        r"\bгаранти(?:я|и|ю|ей) (?:стабильн\w{0,3} |высок\w{0,3} )?(?:дохода|прибыли|заработка|"
        r"доходности)|\b100 ?% гаранти\w{0,3}",
        # Polish
        r"\bgwarantowan\w{1,3} (?:zysk|dochód|dochod|zwrot|profit|zarob|stop)\w{0,4}|"
        r"\b(?:zysk|dochód|zwrot|zarobek|zarobki)\w{0,3} (?:jest |są )?gwarantowan\w{1,3}|"
        r"\bzerowe ryzyko\b",
        rf"\bgwarantuj\w{{1,4}}\b{g(30)}\b(?:zysk|dochód|dochod|zwrot|zarob)\w{{0,4}}",
        # Italian
        r"\b(?:guadagn|profitt|rendiment|ritorn|reddit|interess)\w{0,3} garantit\w{1,2}\b|"
        r"\bgarantit\w{1,2} (?:guadagn|profitt|rendiment|reddit)\w{0,3}\b|"
        r"\bgarantir(?:e|à|emo|ti)? (?:i )?(?:tuoi |vostri )?(?:profitti|guadagni|rendimenti)\b|"
        r"\brischio zero\b",
        # Spanish / Portuguese
        r"\b(?:ganancias?|rendimientos?|beneficios?|retornos?|rentabilidad) \w{3,12} "
        r"garantizad[oa]s?\b|\bgarant[ií]a de (?:ganar|ganancias|beneficios|rendimiento)\b|"
        r"\b(?:ganancias|beneficios) asegurad[oa]s\b|\bretornos? garantidos?\b|"
        r"\b(?:lucros?|ganhos?|rendimentos?) (?:certos?|assegurados?)\b",
        # French
        r"\b(?:gains?|profits?|rendements?|revenus?|bénéfices?|intérêts?) garantis?\b|"
        r"\brisque z[ée]ro\b",
        rf"\bgaranti(?:t|ssons|r|e)\b{g(25)}\b(?:gains?|profits?|rendements?|revenus?|"
        rf"bénéfices?)\b",
        # Turkish
        r"\bgaranti(?:li)? (?:kazanç|kâr|kar|getiri|gelir|kazanc)\w{0,4}|\b(?:kazanç|kâr|getiri|"
        r"gelir)\w{0,4} garanti\w{0,4}|\brisksiz\b(?! (?:faiz|oran))|\bsıfır risk\w{0,2}\b",
        # Czech
        r"\b(?:zaručen|garantovan)\w{1,3} (?:zisk|výnos|příjem|zhodnocení)\w{0,3}|"
        r"\b(?:zisk|výnos|příjem)\w{0,3} (?:je |jsou )?(?:zaručen|garantován)\w{0,3}|"
        r"\bnulové riziko\b",
        # Dutch / Danish
        r"\bgegarandeerd\w{0,2} (?:winst|rendement|inkomen|opbrengst)\b|\b(?:winst|rendement) "
        r"(?:is )?gegarandeerd\b|"
        r"\bgaranteret (?:fortjeneste|afkast|indkomst|overskud|gevinst)\b|\b(?:fortjeneste|afkast|"
        r"indkomst) (?:er )?garanteret\b",
        # Arabic
        r"(?:ربح|الربح|أرباح|ارباح|الأرباح|الارباح|عائد|عوائد|دخل) (?:مضمون|مضمونة|مضمونه|"
        r"مضمونا|مضموناً)|مضمون(?:ة)? (?:الربح|الأرباح|الارباح|العائد)|ضمان (?:الربح|الأرباح|"
        r"الارباح|العائد|رأس المال)|(?:بدون|دون) (?:أي )?مخاطر(?:ة)?|خالي(?:ة)? من المخاطر|"
        r"(?:آمن|امن|آمنة|امنة) 100 ?%|100 ?% (?:آمن|امن|مضمون)",
        # Chinese
        r"稳定收益有保障|收益稳定有保障|(?:保[证證]|承诺|承諾)(?:高额|高額)?(?:回[报報]|收益)|"
        r"[稳穩]定(?:的)?高(?:收益|收入|回[报報])|(?:资本|資本|本金)(?:保护|保護)",
    ]
    p["urgency"] = [
        # German
        r"\bnur[ ]noch \d{1,4} (?:freie )?(?:plätze|kopien|exemplare|tickets)\b|"
        r"\b(?:begrenzte|limitierte) (?:plätze|teilnehmerzahl)\b|\bbeeilen sie sich\b|"
        r"\bbeeil dich\b|\bjetzt oder nie\b|\bangebot (?:endet|läuft ab) (?:heute|bald|in)\b|"
        r"\bregistrierung (?:wird )?(?:bald )?geschlossen\b",
        # Russian
        r"\bограниченн\w{0,3} (?:количеств\w{0,2}|числ\w{0,2}) (?:мест|участников|копий)\b|"
        r"\bосталось (?:всего |только )?\d{1,4} (?:мест|мест[ао]|копий)\b|"
        r"\b(?:количество|число) мест ограничено\b|\bосталось (?:мест|копий)\s{0,3}:?\s{0,3}\d"
        r"{1,4}|\bмест\w{0,2} ограничен\w{0,3}\b|\bтолько сегодня\b|\bспешите\b|\bуспей\b|"
        r"\bуспевайте\b|\bпоследн\w{0,3} (?:места|мест)\b|\bпредложение (?:действует|ограничено)\b|"
        r"\bдоступна ограниченному числу\b",
        # Polish
        r"\btylko (?:dziś|dzisiaj)\b|\b(?:pośpiesz|pospiesz) się\b|\bostatnia szansa\b|"
        r"\bograniczon\w{1,3} "
        r"(?:liczb\w{1,2} miejsc|czas\w{0,2}|ofert\w{1,2})\b|\btylko \d{1,4} (?:kopii|miejsc|"
        r"egzemplarzy)\b|\bpozostał\w{0,2}\s{0,3}:?\s{0,3}\d{1,4} (?:kopii|miejsc)\b|"
        r"\bnie[ ]przegap\w{0,3}\b|\brejestracja (?:będzie )?zamknięta\b",
        # Italian
        r"\b(?:solo|ancora) \d{1,4} posti\b|\bposti limitati\b|\bofferta limitata\b|"
        r"\bsolo oggi\b|\bsbrigati\b|\baffrettati\b|\bultima "
        r"(?:occasione|possibilità)\b|\bnon[ ]perdere (?:la tua|questa|l'occasione)\b|\brimast\w "
        r"(?:solo )?(?:pochi|\d{1,4}) posti\b",
        # Spanish / Portuguese
        r"\bplazas limitadas\b|\bcupos limitados\b|\bsolo hoy\b|"
        r"\bcerraremos el registro\b|\boferta (?:termina|v[aá]lida hasta)\b|\bquedan (?:solo )?"
        r"\d{1,4} (?:plazas|cupos|lugares)\b|\bno pierdas (?:esta|tu|la) oportunidad\b|"
        r"\bprisa\s{0,2}!",
        r"\bs[oó][ ]hoje\b|\bapenas hoje\b|\bvagas (?:restantes|"
        r"esgotando)\b|\bcorra\s{0,2}!",
        # French
        r"\bplaces limitées\b|"
        r"\baujourd'hui seulement\b|\bseulement aujourd'hui\b|\bdépêchez-vous\b|\bdernière "
        r"chance\b|\bne[ ]manquez pas (?:cette|votre|l'occasion)\b|\bne[ ]reste (?:que|plus que) "
        r"\d{1,4} places\b",
        # Turkish / Czech / Dutch / Danish
        r"\bsınırlı (?:sayıda|süre|kontenjan|teklif)\w{0,3}\b|\bson[ ](?:şans|fırsat)\b|\bsadece "
        r"bugün\b|\bacele edin\b|\bkaçırmayın\b|\bkontenjan sınırlı\b|\bsadece \d{1,4} (?:kişi|"
        r"yer|kontenjan)\b",
        r"\bomezen\w{1,3} (?:počet míst|nabídka|čas\w{0,2})\b|\b(?:pouze|jen)[ ]dnes\b|\bposlední "
        r"šance\b|\bpospěšte si\b|\bzbývá (?:jen |pouze )?\d{1,4} míst\b",
        r"\bbeperkt (?:aantal plaatsen|aanbod)\b|\bbeperkte tijd\b|\balleen vandaag\b|\blaatste "
        r"kans\b|\bwees er snel bij\b|\bbegrænset (?:antal|tid|tilbud)\b|\bkun[ ]i[ ]dag\b|"
        r"\bsidste chance\b|\bskynd dig\b",
        # Arabic
        r"(?:العدد|عدد الأماكن|الأماكن|المقاعد) محدود(?:ة)?|لفترة محدودة|عرض محدود|وقت محدود|"
        r"الفرصة الأخيرة|آخر فرصة|لا تفوت الفرصة|(?:اليوم فقط|فقط اليوم)",
        r"[时時]间有限|名额有限|名額有限",
    ]
    p["social_proof"] = [
        # German
        r"\b(?:gesamt|insgesamt) (?:ausgezahlt|auszahlungen|einzahlungen|investiert)\b|"
        r"\bausgezahlt insgesamt\b|\blive[-\s](?:auszahlung|auszahlungen|einzahlungen|gewinne)\b|"
        r"\bzufriedene (?:kunden|mitglieder|investoren|anleger|trader)\b|\bgewinne aller nutzer\b|"
        r"\bgerade (?:gewonnen|verdient|ausgezahlt)\b|\bkundenstimmen\b|\bwas[ ]unsere (?:kunden|"
        r"mitglieder|nutzer|investoren) sagen\b",
        # Russian
        r"\bотзывы (?:участников|пользователей|наших клиентов|инвесторов)\b|\bуже вывели\b|"
        r"\b(?:только что|недавно) (?:вывел|заработал|получил)\w{0,2}\b|\bдовольн\w{0,2} "
        r"(?:клиент|инвестор|пользовател)\w{0,3}|\bистори\w{1,2} успеха\b|\bвыплачено (?:более|"
        r"свыше)\b|\bвсего (?:инвесторов|пользователей|участников|депозитов)\b|"
        r"\bпроверено (?:тысячами|сотнями|миллионами) (?:участников|пользователей|инвесторов|"
        r"клиентов|людей)\b|\bтоп участников\b",
        # Polish
        r"\b(?:łącznie|razem) wypłacono\b|\bwypłacono już\b|\bopinie (?:naszych )?(?:klientów|"
        r"użytkowników|inwestorów)\b|\bwłaśnie zarobił\w{0,2}\b|\bzadowolonych (?:klientów|"
        r"inwestorów|użytkowników)\b|\bświadectw\w{0,2} (?:naszych )?użytkowników\b",
        # Italian / Spanish / Portuguese / French
        r"\btotale (?:pagato|prelievi|depositi|investito)\b|\btestimonianze\b|"
        r"\b(?:investitori|clienti) soddisfatti\b|\bappena (?:guadagnato|prelevato|ritirato)\b",
        r"\bacaba de (?:ganar|retirar|invertir|depositar)\b|\bclientes satisfechos\b|\btotal "
        r"(?:retirado|invertido|depositado)\b|\b(?:lo[ ]que[ ]dicen|"
        r"qué[ ]dicen) nuestros (?:clientes|usuarios|"
        r"inversores)\b",
        r"\bacabou de (?:ganhar|sacar|investir|depositar)\b|\bclientes satisfeitos\b|\btotal "
        r"(?:sacado|investido|depositado)\b",
        r"\btotal (?:payé|versé|retiré|investi)\b|\btémoignages\b|\b(?:clients|investisseurs) "
        r"satisfaits\b|\bvient de (?:gagner|retirer|investir)\b",
        # Turkish / Czech / Dutch / Danish
        r"\btoplam (?:ödeme|ödenen|çekim|yatırılan|yatırımcı)\w{0,3}\b|\bmemnun (?:müşteri|"
        r"yatırımcı|kullanıcı)\w{0,4}\b|\b(?:müşteri|kullanıcı|yatırımcı) yorumları\b|"
        r"\bbaşarı hikaye\w{0,4}\b",
        r"\bcelkem (?:vyplaceno|vybráno|investováno)\b|\bspokojen\w{1,2} (?:klient|investor|"
        r"zákazník)\w{0,3}\b|\bprávě (?:vydělal|vybral)\w{0,2}\b",
        r"\btevreden (?:klanten|beleggers)\b|\bgetuigenissen\b|\btilfredse (?:kunder|"
        r"investorer)\b",
        # Arabic
        r"(?:إجمالي|اجمالي|مجموع) (?:المدفوعات|السحوبات|الإيداعات|الايداعات|المستثمرين|الأعضاء|"
        r"الارباح|الأرباح)|(?:آراء|اراء|تجارب|شهادات) (?:العملاء|المستثمرين|عملائنا)|"
        r"(?:عملاء|مستثمرين) (?:سعداء|راضين)",
    ]
    return p


def _raw_patterns() -> dict[str, list[str]]:
    """Return the regex alternatives of every signal (uncompiled)."""
    g, c = _g, _c
    p: dict[str, list[str]] = {}

    p["withdrawal_obstruction"] = [
        # --- English ---------------------------------------------------------------------
        rf"\b{_EN_PAY}\b{g(40)}\b{_EN_FEE}\b{g(50)}\b(?:before|to|in order to|prior to|so that|"
        rf"so you can|then|first)\b{g(25)}\b{_EN_UNLOCK}\b",
        rf"\b{_EN_FEE}\b{g(30)}\b(?:must|needs? to|has to|have to|is required to|are required to|"
        rf"should|shall) be (?:paid|settled|deposited|cleared|transferred)\b{g(40)}\b(?:before|"
        rf"to|in order to|prior to|so that|for)\b{g(30)}\b{_EN_UNLOCK}\b",
        rf"\b(?:to|before(?: you can| we can)?)[ ]{_EN_WD}\b{g(30)}\b(?:must|need to|needs to|"
        rf"have to|has to|are required to|is required to|will need to|should) (?:first )?(?:pay|"
        rf"deposit|top[-\s]?up|upgrade|transfer|settle)\b",
        rf"\b(?:pay|paying|paid|settle|settling) (?:the |a |an |your )?(?:{_NUM}\s{{0,2}}% )?"
        rf"{_EN_WD} (?:fee|tax|charge|commission)(?:es|s)?\b",
        rf"\b{_EN_WD} (?:fee|tax|charge)(?:es|s)? (?:of \S{{1,12}} )?(?:must|needs? to|has to|"
        rf"is required|are required|should) (?:be )?(?:paid|settled|deposited)\b",
        rf"\b{_EN_WD}s? (?:is |are |will be )?(?:subject to|charged|liable to) (?:an? |the )?"
        rf"(?:{_NUM}\s{{0,2}}% )?(?:tax|fee|charge|commission|levy)(?:es|s)?\b",
        rf"\b{_EN_WD}\b{g(40)}\b{_LONG_DAYS} (?:working |business |banking )?days\b",
        rf"\b{_EN_WD}\b{g(60)}\b(?:system|server|platform|network|bank(?:ing)? system) "
        r"(?:upgrade|upgrading|maintenance|audit)\b",
        rf"\b(?:system|server|platform|network) (?:upgrade|upgrading|maintenance)\b{g(40)}"
        rf"\b{_EN_WD}\b",
        rf"\b{_EN_WD}s? (?:is |are |has been |have been )?(?:on hold|blocked|frozen|suspended|"
        r"locked) until\b",
        rf"\bupgrad(?:e|ing)\b{g(30)}\b(?:level|vip|tier|account|membership|rank|package)\b{g(25)}"
        r"\b(?:to|before|in order to|then|so that you can|so you can)\b"
        rf"{g(10)}\b(?:withdraw|cash[-\s]?out|unlock)",
        rf"\b(?:vip|level|tier|membership|referr\w{{0,6}}|referred users|deposits?)\b{g(30)}"
        rf"\b(?:required|needed|necessary) (?:to|for|before) (?:make a |request a )?{_EN_WD}\b",
        rf"\bmust (?:have|make|maintain) (?:an? )?(?:active |new |additional )?(?:deposit|"
        rf"investment|plan)s? (?:to|before) {_EN_WD}\b",
        rf"\b{_EN_WD} (?:function )?(?:will be |is )?(?:only )?available (?:only )?after (?:a |an "
        r"|your )?(?:deposit|upgrade|payment)\b",
        r"\b(?:your|user|member|client)(?:'s)? (?:\w{2,12} )?(?:account|funds|wallet|balance|"
        r"assets) (?:has been|have been|is|are|was|were|will be|got|remains?)(?: temporarily| "
        r"permanently)? (?:frozen|suspended|blocked|restricted)\b"
        # ... with money in the same or the next sentence: a login lock-out or an API error
        # message ("account status is blocked") is not an obstruction
        r"(?=[^\n]{0,160}?(?:withdraw|deposit|pay|fee|tax|unfreez|unlock|launder|verif|releas|"
        r"funds|money|balance))",
        rf"\b(?:suspected|suspicion of|suspicious) (?:of )?(?:money laundering|illegal funds|"
        rf"illegal activity|fraud)\b{g(60)}\b(?:deposit|pay|fee|unfreez|unlock|frozen|freeze)",
        rf"\b(?:pay|deposit|transfer)\b{g(40)}\bto (?:unfreeze|unlock|reactivate|release|"
        r"restore)\b",
        r"\b(?:unfreez(?:e|ing)|unlock(?:ing)?) (?:fee|deposit|tax|charge|payment)s?\b",
        # --- Vietnamese ------------------------------------------------------------------
        rf"\b{_VI_PAY}(?: thêm)? {_VI_FEE}\b{g(40)}(?:{_VI_WD}|mở kh(?:óa|oá)|giải phóng|"
        r"gỡ phong tỏa|giải băng)",
        rf"\b(?:phí|thuế|phi|thue) {_VI_WD}\b",
        rf"\b{_VI_WD}\b{g(30)}\b(?:phải|cần|bắt buộc)(?: phải)? {_VI_PAY}\b",
        rf"\bnâng (?:cấp|hạng|level)\b{g(30)}\b(?:mới|thì mới|để|mới được|mới có thể|rồi mới) "
        rf"(?:được |có thể )?{_VI_WD}",
        r"\b(?:đợi|chờ) (?:hệ thống|ngân hàng|bộ phận tài chính) (?:xử lý|duyệt|nâng cấp|"
        r"bảo trì|kiểm tra|xác minh)",
        rf"\bhệ thống (?:đang )?(?:nâng cấp|bảo trì)\b{g(40)}\b{_VI_WD}\b",
        rf"\b{_VI_WD}\b{g(40)}\bhệ thống (?:đang )?(?:nâng cấp|bảo trì)\b",
        rf"\b{_VI_WD}\b{g(40)}\b{_LONG_DAYS} ngày\b(?: làm việc)?",
        r"\btài khoản(?: của (?:bạn|quý khách|anh|chị))?(?: đã| đang)? bị (?:đóng băng|"
        r"kh(?:óa|oá)|phong tỏa|tạm kh(?:óa|oá)|treo)\b|\b(?:đóng băng|phong tỏa) tài khoản\b|"
        r"\bnghi (?:ngờ|vấn) rửa tiền\b|\btai khoan bi (?:dong bang|khoa)\b",
        # --- Thai -----------------------------------------------------------------------
        rf"(?:ชำระ|จ่าย|โอน|เสีย|วาง)(?:เงิน)?(?:ค่า)?(?:ภาษี|ธรรมเนียม|มัดจำ|เงินประกัน|ประกัน|"
        rf"ปลดล็อก|เงินค้ำประกัน){c(25)}(?:ก่อน|จึงจะ|ถึงจะ|เพื่อ|แล้วจึง|จึง|ถึง){c(10)}"
        rf"(?:{_TH_WD}|ปลดล็อก|ปลดอายัด)",
        rf"(?:ค่าธรรมเนียม|ภาษี)(?:ใน)?(?:การ)?{_TH_WD}",
        rf"{_TH_WD}{c(15)}(?:ต้อง|จะต้อง){c(6)}(?:ชำระ|จ่าย|เสีย|โอน)",
        rf"อั[ปพ]เกรด{c(20)}(?:ก่อน|จึงจะ|ถึงจะ|เพื่อ|จึง|ถึง){c(8)}{_TH_WD}",
        r"บัญชี(?:ของคุณ|ของท่าน)?(?:ได้)?(?:ถูก|โดน)(?:ระงับ|อายัด|แช่แข็ง|ล็อ[กค]|บล็อ[กค])",
        rf"ฟอกเงิน{c(30)}(?:มัดจำ|อายัด|ระงับ|ชำระ|ค่าประกัน)",
        rf"ระบบ(?:กำลัง)?(?:อั[ปพ]เกรด|ปรับปรุง|บำรุงรักษา){c(30)}{_TH_WD}",
        rf"{_TH_WD}{c(30)}{_LONG_DAYS}\s{{0,2}}วัน",
        # --- Lao ------------------------------------------------------------------------
        rf"(?:ຈ່າຍ|ຊຳລະ|ໂອນ|ເສຍ)(?:ເງິນ)?(?:ຄ່າ)?(?:ພາສີ|ທຳນຽມ|ເງິນມັດຈຳ|ມັດຈຳ|ເງິນຄ້ຳປະກັນ|"
        rf"ຄ້ຳປະກັນ){c(25)}(?:ກ່ອນ|ຈຶ່ງ|ຈິ່ງ|ເພື່ອ|ຖຶງ){c(10)}{_LO_WD}",
        rf"(?:ຄ່າທຳນຽມ|ພາສີ)(?:ໃນ)?(?:ການ)?{_LO_WD}",
        rf"{_LO_WD}{c(15)}(?:ຕ້ອງ|ຈະຕ້ອງ){c(6)}(?:ຈ່າຍ|ຊຳລະ|ເສຍ|ໂອນ)",
        rf"{_LO_WD}ຂັ້ນຕ່ຳ|ຂັ້ນຕ່ຳ(?:ໃນ)?(?:ການ)?{_LO_WD}",
        r"ບັນຊີ[^\n]{0,8}?ຖືກ(?:ອາຍັດ|ລະງັບ|ແຊ່ແຂງ|ລັອກ|ບລັອກ|ໂຈະ)",
        rf"(?:ອັບເກຣດ|ອັບເກດ|ຍົກລະດັບ){c(20)}(?:ກ່ອນ|ຈຶ່ງ|ຈິ່ງ|ເພື່ອ){c(8)}{_LO_WD}",
        # --- Chinese --------------------------------------------------------------------
        rf"{_ZH_WD}{c(10)}(?:需要|需|须|須|必须|必須|要|得)(?:先)?{c(6)}{_ZH_PAY}{c(6)}{_ZH_FEE}",
        rf"{_ZH_PAY}{c(8)}{_ZH_FEE}{c(10)}(?:才能|才可以|才可|方可|方能|[后後](?:才能|方可|才可))"
        rf"{c(4)}(?:{_ZH_WD}|解冻|解凍)",
        rf"涉嫌洗[钱錢]{c(20)}(?:冻结|凍結|保证金|保證金|解冻|解凍|缴纳|繳納)",
        r"(?:账户|賬戶|帐户|帳戶|账号|賬號|帳號|资金|資金)(?:已经|已經|已)?被?(?:冻结|凍結)",
        rf"升[级級]{c(10)}(?:VIP|等[级級]|会员|會員|级别|級別){c(10)}(?:才能|才可|方可|后|後|才)"
        rf"{c(4)}{_ZH_WD}",
        rf"{_ZH_WD}{c(10)}(?:需|须|須|需要|必须|必須)升[级級]",
        rf"(?:银行|銀行)?(?:系统|系統)(?:升级|升級|维护|維護){c(15)}(?:等待|需要|需|延迟|延遲)"
        rf"{c(6)}{_LONG_DAYS}\s{{0,2}}(?:个|個)?(?:工作日|天)",
        rf"{_ZH_WD}{c(15)}(?:系统|系統)(?:升级|升級|维护|維護)",
        rf"(?:系统|系統)(?:升级|升級|维护|維護){c(15)}{_ZH_WD}",
        rf"{_ZH_WD}{c(15)}{_LONG_DAYS}\s{{0,2}}(?:个|個)?工作日",
        # --- Indonesian -----------------------------------------------------------------
        r"\bbiaya (?:penarikan|withdraw|wd|tarik(?: dana)?|pencairan)\b",
        r"\b(?:penarikan|withdraw|wd|pencairan)(?: dana)? (?:akan )?(?:dikenakan|dikenai|kena) "
        r"(?:biaya|pajak|potongan|komisi)\b",
        rf"\b(?:pajak|biaya|deposit|jaminan|dana jaminan|uang jaminan|denda)\b{g(30)}\b(?:harus|"
        rf"wajib|perlu) (?:di)?(?:bayar|lunasi|setor|transfer)(?:kan)?\b{g(30)}\b(?:sebelum|"
        rf"untuk|agar|baru bisa|supaya)\b{g(20)}\b(?:{_ID_WD}|membuka|buka blokir)\b",
        rf"\b(?:bayar|membayar|setor|menyetor|transfer)\b{g(20)}\b(?:pajak|biaya|deposit|"
        rf"jaminan|uang jaminan)\b{g(30)}\b(?:sebelum|untuk|agar|baru bisa|supaya)\b{g(20)}"
        rf"\b(?:{_ID_WD}|membuka|buka blokir)\b",
        r"\bakun(?: anda| kamu| member)?(?: telah| sedang| akan)? (?:dibekukan|diblokir|"
        r"ditangguhkan|dikunci)\b|\bpembekuan (?:akun|dana|saldo)\b|\b(?:dana|saldo)(?: anda)?"
        r"(?: telah)? (?:dibekukan|diblokir)\b",
        rf"\bpencucian uang\b{g(40)}\b(?:deposit|bayar|jaminan|dibekukan|pembekuan)",
        rf"\b(?:upgrade|naik(?:kan)?|tingkatkan)\b{g(20)}\b(?:level|vip|akun|keanggotaan)\b{g(20)}"
        rf"\b(?:untuk|agar|baru bisa|sebelum|supaya)\b{g(10)}\b{_ID_WD}\b",
        rf"\b{_ID_WD}\b{g(40)}\b{_LONG_DAYS} hari(?: kerja)?\b",
        rf"\bsistem (?:sedang )?(?:upgrade|pemeliharaan|maintenance|perbaikan)\b{g(40)}"
        rf"\b{_ID_WD}\b",
        # --- Spanish / Portuguese / Russian ---------------------------------------------
        rf"\b(?:pagar|pague|abonar|depositar|deposite)\b{g(30)}\b(?:impuestos?|comisi[oó]n|tarifa|"
        rf"dep[oó]sito|taxa|cau[cç][aã]o)\b{g(30)}\b(?:antes de|para)\b{g(15)}\b(?:retirar|"
        r"retiro|sacar|saque|desbloquear|liberar)\b",
        r"\b(?:retiro|saque) m[ií]nimo\b|\bm[ií]nimo (?:de|para) (?:retiro|saque)\b",
        r"\bcuenta (?:ha sido |est[aá] )?(?:congelada|bloqueada|suspendida)\b|"
        r"\bconta (?:foi |est[aá] )?(?:congelada|bloqueada|suspensa)\b",
        r"\btaxa de saque\b",
        rf"\b(?:оплатить|оплатите|заплатить|заплатите|внести|внесите|уплатить)\b{g(30)}"
        rf"\b(?:налог|комисси|депозит|страховк|залог)\w{{0,4}}{g(30)}\b(?:до|для|перед|чтобы)\b"
        rf"{g(15)}\bвывод",
        r"\b(?:сч[её]т|аккаунт|кабинет)\w{0,2} (?:был |временно )?(?:заморожен|заблокирован)"
        r"\w{0,2}(?=[^\n]{0,160}?(?:вывод|выплат|средств|оплат|налог|комисси|депозит|залог|"
        r"размороз|разблокир|отмыв|верификац))",
        # --- withdrawal only after an upgrade (the ATFX ring's "rút tiền sau khi nâng cấp VIP")
        rf"\b{_EN_WD}\b(?!\s(?:fees?|charges?|limits?|rates?|costs?)\b){g(30)}\b(?:only )?"
        r"(?:after|once|until)(?: you)? upgrad(?:e|ing)\b",
        rf"\bupgrad(?:e|ing)\b{g(30)}\b(?:plan|paid plan|premium)\b{g(15)}\b(?:to|before|in order "
        r"to)\b (?:\w{1,12} )?(?:withdraw|cash[-\s]?out)",
        rf"\b{_VI_WD}\b{g(30)}\bsau khi (?:nâng (?:cấp|hạng|level)|lên (?:cấp|hạng|vip|level))",
        rf"{_TH_WD}{c(20)}(?:หลังจาก|หลัง)(?:การ|ที่)?(?:อั[ปพ]เกรด|เลื่อนระดับ)",
        rf"{_LO_WD}{c(20)}(?:ຫຼັງຈາກ|ຫລັງຈາກ)(?:ການ)?(?:ອັບເກຣດ|ອັບເກດ|ຍົກລະດັບ)",
        rf"\b{_ID_WD}\b{g(30)}\bsetelah (?:upgrade|naik (?:level|vip)|meningkatkan)\b",
        rf"\b(?:actualiza|actualice|mejora|mejore|sube|suba|atualize|atualiza|faça upgrade|haz "
        rf"upgrade)\b{g(30)}\b(?:plan|plano|nivel|n[ií]vel|vip|cuenta|conta|membres[ií]a)\b{g(30)}"
        rf"\b(?:para|antes de)\b{g(10)}\b(?:retirar|sacar|saque|retiro)",
        rf"\bpara (?:sacar|retirar)\b{g(40)}\b(?:faça upgrade|haz upgrade|atualize|actualice|"
        r"actualiza|mejore|suba)\b",
        rf"\b(?:retirar|sacar|retiros?|saques?)\b{g(30)}\b(?:despu[eé]s de|tras|ap[oó]s|depois de)"
        rf"\b{g(10)}\b(?:actualizar|mejorar|atualizar|subir de nivel|upgrade)\b",
        rf"\b(?:чтобы|для) (?:вывести|вывода|снять)\b{g(40)}\b(?:повыс|перейд|обнов|апгрейд|"
        r"купит)\w{0,6}\b[^.!?\n]{0,25}?(?:уров|vip|тариф|статус|пакет)",
        rf"\bвывод\w{{0,3}}\b{g(30)}\bпосле (?:повышения|апгрейда|покупки) (?:уровня|статуса|"
        r"тарифа|vip|пакета)",
        rf"\b(?:auszahl\w{{0,4}}|abheb\w{{0,4}}|abzuheben)\b{g(40)}\b(?:upgraden|upgrade|"
        r"aufsteigen|höhere[n]? (?:stufe|level))\b",
    ]

    p["instant_withdrawal"] = [
        r"\b(?:instant|immediate|fast|quick|rapid|lightning) (?:withdrawals?|payouts?|"
        r"cash[-\s]?outs?)\b|\binstant payments?\b|\binstantly withdraw\b",
        r"\bwithdraw(?:al|als|s)? (?:are |is )?(?:processed |paid |sent )?(?:instantly|"
        r"immediately|instant)\b",
        r"\bwithdraw(?:al|als|s)?(?: your (?:funds|money|profits?))? (?:at )?any ?time\b",
        r"\bwithdraw(?:al|als|s)? (?:24/7|24 ?hours a day)\b",
        r"\bpaid (?:out )?instantly\b|\binstant(?:ly)? paid\b",
        r"\bwithdraw(?:al|als|s)?(?: are| is)? (?:processed |credited |paid )?(?:in|within) "
        r"(?:(?:\d{1,2}|a few|few) )?(?:seconds?|minutes?|mins?)\b",
        r"\brút (?:tiền |vốn )?(?:nhanh|tức thì|ngay lập tức|ngay|siêu tốc|24/7|bất cứ lúc nào)\b",
        r"\brut tien (?:nhanh|ngay)\b",
        r"秒到[账賬帳]|即[时時](?:提现|提現|到[账賬帳]|出金)|[实實][时時]到[账賬帳]|快速(?:提现|提現|出金)|"
        r"随时(?:提现|出金)|隨時(?:提現|出金)|极速(?:提现|出金)|極速(?:提現|出金)|秒提|闪电提现|閃電提現",
        r"ถอน(?:เงิน)?(?:ได้)?\s{0,2}(?:ทันที|ไว|เร็ว|ตลอด\s{0,2}24|ตลอดเวลา|อัตโนมัติ|"
        r"ภายใน\s{0,2}\d"
        r"{1,2}\s{0,2}นาที)",
        r"ຖອນ(?:ເງິນ)?(?:ໄດ້)?\s{0,2}(?:ທັນທີ|ໄວ|ຕະຫຼອດ\s{0,2}24|ຕະຫລອດເວລາ)",
        r"\b(?:penarikan|withdraw|wd|tarik dana) (?:instan|cepat|kilat|langsung|otomatis)\b|"
        r"\btarik dana kapan saja\b|\bwd (?:berapapun|kapan saja)\b",
        r"\bretiros? (?:instant[aá]neos?|inmediatos?|al instante)\b|\bsaques? (?:instant[aâ]neos?|"
        r"imediatos?|na hora)\b",
        r"\b(?:мгновенн|моментальн)\w{0,4} вывод\w{0,3}|\bвывод\w{0,3} (?:мгновенно|моментально)",
    ]

    p["referral_levels"] = [
        rf"\b{_PCT}(?: for| on| from| at| of| in)?(?: the| your| each)? {_ORD} (?:level|line|tier|"
        r"generation|gen)s?\b",
        rf"\b{_ORD} (?:level|line|tier|generation|gen)s?(?: referrals?| partners?| commissions?|"
        rf" bonus)?\s{{0,3}}[:\-=(]?\s{{0,3}}{_PCT}",
        rf"\b(?:level|tier|line|gen)\s{{0,2}}[1-9]\s{{0,3}}(?:[:\-=(]\s{{0,3}})?{_PCT}",
        r"\b(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|multi)[-\s]{1,2}"
        r"(?:level|tier|line|generation)s?(?: deep)? (?:referral|affiliate|partner|commission|"
        r"bonus|reward|program|programme|marketing|mlm|compensation plan|matrix)",
        rf"\b(?:referral|referal|ref|affiliate|partner|team) (?:bonus|commission|reward|earning|"
        rf"income|program|programme)s?\b{g(40)}\bup to \d{{1,2}} (?:levels|tiers|lines|"
        r"generations)\b",
        r"\bup to \d{1,2} (?:levels|tiers|generations|lines) (?:deep|of (?:referrals?|downlines?|"
        r"commissions?|partners?|bonus(?:es)?))\b",
        rf"\b(?:commissions?|bonus(?:es)?|rewards?|earn)\b{g(20)}\b(?:on|from) (?:\d{{1,2}}|all) "
        r"(?:levels|tiers|generations)\b",
        r"\b(?:referral|referal|refferal|invitation|invite) (?:bonus|commission|reward|earnings|"
        r"income)(?:es|s)?\b",
        r"\b(?:unilevel|binary|matrix) (?:plan|bonus|commission)\b",
        r"\b(?:your )?upline\b|\bdownlines?\b|\breferral program(?:me)?\b|"
        rf"\b(?:affiliate|referral|sponsor) bonus\b|\b{_PCT} (?:affiliate|referral) "
        r"(?:bonus|commission)\b",
        # Vietnamese
        r"\bhoa hồng (?:giới thiệu|người giới thiệu|tuyến dưới|đa cấp|\d{1,2} cấp|cấp \d)\b|"
        r"\bthưởng (?:giới thiệu|hoa hồng giới thiệu|tuyến dưới)\b|\bhoa hong gioi thieu\b",
        rf"\b(?-i:F)[1-9]\s{{0,2}}[:\-=(]?\s{{0,2}}{_PCT}",
        r"\bgiới thiệu \d{1,2} (?:cấp|tầng)\b|\b(?:\d{1,2}|ba|năm) (?:cấp|tầng) (?:hoa hồng|"
        r"giới thiệu)\b",
        # Chinese
        rf"(?:[一二三四五六七八九十]|\d{{1,2}})\s{{0,2}}[级級代层層](?:推荐|推薦|邀请|邀請|好友|下线|"
        rf"下線|会员|會員)?(?:奖励|獎勵|佣金|返佣|返利|提成|收益)?\s{{0,2}}[:：]?\s{{0,2}}{_PCT}",
        r"推荐奖[励金]|推薦獎[勵金]|邀请奖励|邀請獎勵|推广佣金|推廣佣金|推荐佣金|推薦佣金|"
        r"(?:推荐|推薦|邀请|邀請|下[线線]|团队|團隊)返佣|返佣\s{0,2}[:：]?\s{0,2}\d{1,2}(?:\.\d)?\s{0,2}%|"
        r"下线返利|下線返利|团队奖励|團隊獎勵|(?:[一二三四五六七八九十]|\d{1,2})[级級](?:分销|分銷|"
        r"返佣|代理)|多[级級](?:分销|分銷|返佣)",
        # Thai
        r"ค่าแนะนำ|ค่าคอม(?:มิชชั่น|มิชชัน)?(?:จาก)?(?:การ)?แนะนำ|โบนัส(?:การ)?แนะนำ|"
        r"ค่านายหน้า(?:การ)?แนะนำ|แนะนำเพื่อน",
        rf"ชั้นที่\s{{0,2}}[1-9]\s{{0,3}}[:\-]?\s{{0,3}}{_PCT}",
        # Lao
        r"ຄ່າແນະນຳ|ຄ່ານາຍໜ້າ(?:ການ)?ແນະນຳ|ໂບນັດ(?:ການ)?ແນະນຳ|ຄອມມິດຊັ່ນ(?:ການ)?ແນະນຳ|"
        r"ແນະນຳ(?:ໝູ່|ຫມູ່|ເພື່ອນ)",
        rf"ຊັ້ນທີ\s{{0,2}}[1-9]\s{{0,3}}[:\-]?\s{{0,3}}{_PCT}",
        # Indonesian
        r"\bkomisi (?:referral|referal|rujukan|afiliasi|sponsor|jaringan)\b|\bbonus (?:referral|"
        r"referal|sponsor|rujukan|ajak teman)\b(?: level\s{0,2}[1-9]\b)?|"
        r"\breferral level\s{0,2}[1-9]\b",
        # Spanish / Portuguese / Russian
        r"\bbono (?:de|por) referid[oa]s?\b|\bcomisi[oó]n(?:es)? (?:de|por) referid[oa]s?\b|"
        r"\b\d{1,2} niveles (?:de )?(?:referidos|afiliados|profundidad)\b",
        r"\bb[oô]nus (?:de|por) indica[cç][aã]o\b|\bcomiss[aã]o (?:de|por) indica[cç][aã]o\b|"
        r"\b\d{1,2} n[ií]veis (?:de )?(?:indica[cç][aã]o|indicados|afiliados|profundidade)\b",
        r"\bреферальн\w{0,3} (?:бонус|вознагражден|программ|комисси|отчислен)\w{0,4}|"
        r"\b\d{1,2}-?уровнев\w{0,3} (?:реферальн|партн[её]рск)\w{0,4}",
    ]

    p["guarantee"] = [
        rf"\bguarantee[ds]?\b{g(50)}\b{_EN_PROFIT}\b",
        rf"\b{_EN_PROFIT}(?: are| is| will be)?(?: fully| 100%)? (?:guaranteed|insured|assured)\b",
        r"\b100% (?:safe|secure|guaranteed|risk[-\s]?free|protected|profitable|insured)\b|"
        r"\b(?:fully|totally|completely|absolutely) (?:guaranteed|risk[-\s]?free|insured)\b",
        # not the textbook's "default-risk free", "the risk-free return / security / yield"
        r"(?<!default-)(?<!default[ ])\brisk[-\s]?free\b(?! (?:rate|demo|trial|interest|asset|"
        r"bond|return|yield|securit|savings|government|treasur|t-bill))",
        r"\b(?:no|zero|nil) risks?\b(?![-\s]?free)(?! of (?:data|injury|damage|fire|infection))"
        r"(?! (?:adjustment|premium|weight))",
        r"\bwithout (?:any )?risks?\b(?! (?:to|of|for|that)\b)",
        r"\bno (?:capital )?loss(?:es)?\b(?! of\b)(?! u?int\d)|\bzero loss(?:es)?\b|"
        r"\b(?:never|can(?:not|'t)) lose (?:money|your (?:money|capital|investment|deposit))\b",
        r"\b(?:capital|principal) (?:is )?(?:100% )?(?:protected|guaranteed|secured|insured)\b",
        r"\b(?:capital|principal|deposit) (?:return(?:ed)?|back|refund(?:ed)?)s?\s{0,2}[:(]?"
        r"\s{0,2}(?:yes|included)\b\)?",
        r"\b(?:sure|assured) (?:profits?|returns?|income)\b",
        # Vietnamese
        rf"\bcam kết\b{g(15)}\b(?:lợi nhuận|lãi|hoàn vốn|hoàn tiền|thu nhập|sinh lời)\b",
        rf"\bcam kết (?:lãi )?{_PCT}",
        rf"\bđảm bảo\b{g(15)}\b(?:lợi nhuận|lãi|hoàn vốn|thu nhập|sinh lời|an toàn vốn|"
        r"an toàn 100%)",
        r"\bđảm bảo 100%",
        r"\bkhông (?:có )?(?:bất kỳ )?rủi ro\b|\bkhông (?:bao giờ )?(?:thua )?lỗ\b|"
        r"\bbảo toàn (?:vốn|100%)|\b(?:lợi nhuận|lãi) (?:chắc chắn|cố định|đảm bảo)\b|"
        r"\bchắc chắn (?:có )?(?:lãi|lời|lợi nhuận)\b|\b100% an toàn\b|\ban[ ]toàn 100%|"
        r"\bkhong rui ro\b|\bcam ket loi nhuan\b",
        # Chinese
        r"保本保息|保本|保息|稳赚不赔|穩賺不賠|稳赚|穩賺|零风险|零風險|无风险(?!利率)|無風險(?!利率)|"
        r"没有风险|沒有風險|保[证證](?:收益|盈利|回[报報]|获利|獲利|赚钱|賺錢)|包[赚賺]|只[赚賺]不[赔賠]|"
        r"[资資]金[绝絕][对對]安全|保底收益|收益有保障",
        # Thai
        rf"รับประกัน{c(10)}(?:กำไร|ผลตอบแทน|รายได้|เงินต้น|ไม่ขาดทุน)",
        rf"(?:กำไร|ผลตอบแทน|รายได้){c(6)}(?:แน่นอน|รับประกัน)",
        r"การันตี|ไม่มีความเสี่ยง|ไร้ความเสี่ยง|ปลอดความเสี่ยง|ไม่ขาดทุน|ปลอดภัย\s{0,2}100\s{0,2}%|"
        r"100\s{0,2}%\s{0,2}ปลอดภัย",
        # Lao
        rf"ຮັບປະກັນ{c(12)}(?:ກຳໄລ|ຜົນຕອບແທນ|ລາຍໄດ້|ເງິນຕົ້ນ|ທຶນ)",
        rf"(?:ກຳໄລ|ຜົນຕອບແທນ|ລາຍໄດ້){c(8)}(?:ແນ່ນອນ|ຮັບປະກັນ)",
        r"ບໍ່ມີຄວາມສ່ຽງ|ບໍ່ຂາດທຶນ|ປອດໄພ\s{0,2}100\s{0,2}%|ການັນຕີ",
        # Indonesian
        rf"\bdijamin\b{g(12)}(?:\b(?:untung|profit|aman|cuan|balik modal|menguntungkan|pasti)\b|"
        r"\b100\s{0,2}%)",
        r"\b(?:untung|profit|keuntungan|imbal hasil|return|modal) (?:pasti|dijamin|"
        r"terjamin)\b|\b(?:tanpa|bebas|nol|zero) risiko\b|\btidak ada risiko\b|\btidak (?:akan )?"
        r"rugi\b|\bpasti (?:untung|profit|cuan)\b|\b(?:garansi|jaminan) (?:profit|untung|"
        r"keuntungan|modal kembali|balik modal)\b|\banti rugi\b|\b100% aman\b",
        # Spanish / Portuguese / Russian
        r"\b(?:ganancias?|rendimientos?|beneficios?|retornos?|rentabilidad|ingresos?|intereses?|"
        r"lucros?|ganhos?|rendimentos?) garantid[oa]s?\b|\b(?:ganancias?|rendimientos?|beneficios?|"
        r"retornos?|rentabilidad|ingresos?|intereses?) garantizad[oa]s?\b|"
        r"\bgaranti(?:zamos|mos) (?:\w{1,12} ){0,2}?(?:ganancias|rendimientos|beneficios|lucros?|"
        r"retornos?)\b|\bsin riesgos?\b(?! para)|\blibre de riesgos?\b|\briesgo cero\b|"
        r"\bsem riscos?\b(?! para)|"
        r"\brisco zero\b|\blivre de riscos?\b",
        rf"\bгарантир\w{{0,8}}\b{g(15)}\b(?:доход|прибыл|доходност)\w{{0,4}}",
        r"\bбез (?:всякого )?риск\w{0,2}\b(?! (?:для|потери))|\bнулев\w{0,3} риск\w{0,2}",
    ]

    p["urgency"] = [
        r"\blimited (?:slots?|spots?|places?|seats?)\b",
        r"\bonly (?:\d{1,4}|a few|few) (?:slots?|spots?|places?|seats?|positions?|vacancies|"
        r"packages?|plans?|memberships?|units?|tickets?)(?: (?:left|remaining|available))?\b",
        r"\b\d{1,4} (?:slots?|spots?|places?|seats?|positions?) (?:left|remaining)\b",
        # not "when an Offer expires" (a ledger object)
        r"(?<!an[ ])(?<!the[ ])\b(?:offer|promotion|promo|bonus|registration) (?:ends|expires|"
        r"closes|valid until)\b",
        # imperatives only: not "empowered to act quickly", "you need to hurry up"
        r"(?<!to[ ])(?<!can[ ])(?<!will[ ])(?<!must[ ])(?<!could[ ])(?<!would[ ])"
        r"(?<!should[ ])(?<!may[ ])(?<!might[ ])(?<!we[ ])(?<!they[ ])\bact (?:now|fast|"
        r"quickly|today)\b|(?<!to[ ])\bhurry up\b|"
        r"(?<!\ba\s)\bhurry(?=\s{0,2}[!,])|"
        r"\bhurry (?:and )?(?:invest|join|register|sign up|deposit)\b|"
        r"\blast chance to (?:invest|join|buy|get|register|claim|deposit)\b|"
        r"\bwhile (?:stocks?|supplies|slots) last\b|\bbefore it'?s too late\b|"
        r"\b(?:spots|slots|places) are (?:filling|running out)\b|"
        r"\bfirst \d{1,4} (?:investors|members|users|people|clients)\b|\btoday only\b|"
        r"\bonly today\b",
        r"\b(?:don't|do not) miss (?:out )?(?:on )?(?:this|the|your|our) (?:\w{1,12} ){0,2}?"
        r"(?:opportunity|chance|offer|bonus|deal|promotion|profits?)\b",
        r"\b(?:ends|expires|closes|closing|left|remaining)(?: in)?\s{0,2}:?\s{0,2}\d{1,2}\s{0,2}:"
        r"\s{0,2}\d{2}\s{0,2}:\s{0,2}\d{2}\b",
        r"\b\d{1,2}\s{0,2}(?:days?|d)\s{0,3}:?\s{0,3}\d{1,2}\s{0,2}(?:hours?|hrs?|h)\s{0,3}:?"
        r"\s{0,3}\d{1,2}\s{0,2}(?:minutes?|mins?|m)\b",
        r"\b\d{1,2}\s{0,2}h\s{1,3}\d{1,2}\s{0,2}m\s{1,3}\d{1,2}\s{0,2}s\b",
        # Vietnamese
        r"\bchỉ còn(?: lại)? (?:\d{1,4}|vài|ít|một|hai|ba)\b|\bnhanh tay\b|\b(?:số lượng|thời gian|"
        r"ưu đãi|suất) có hạn\b|\bcơ hội cuối\b|\bđừng bỏ lỡ (?:cơ hội|ưu đãi|lợi nhuận)\b|"
        r"\bkết thúc sau\b|"
        r"\bduy nhất hôm nay\b|\bhạn chót\b",
        # Chinese
        r"限[时時]|名[额額]有限|[仅僅只]剩(?:最后)?\s{0,2}\d{1,4}|最后机会|最後機會|"
        r"(?:不要|别|別|莫)[错錯]过(?:这次|這次|本次|此次|这个|這個)?(?:机会|機會|良机|良機|优惠|優惠|福利|"
        r"赚钱|賺錢|财富|財富)|"
        r"[错錯]过不再|机不可失|機不可失|先到先得|立即抢购|立即搶購|手慢无|手慢無|限量",
        # Thai
        r"เวลาจำกัด|จำนวนจำกัด|จำกัดเวลา|จำกัดจำนวน|เหลือ(?:อีก)?เพียง|โอกาสสุดท้าย|อย่าพลาดโอกาส|"
        r"รีบ(?:สมัคร|ลงทุน|เลย|ด่วน)|หมดเขต|ด่วน(?:ที่สุด)?!",
        # Lao
        r"ຈຳກັດ(?:ເວລາ|ຈຳນວນ)|ເວລາຈຳກັດ|ໂອກາດສຸດທ້າຍ|ຢ່າພາດໂອກາດ|ເຫຼືອພຽງ|ດ່ວນ",
        # Indonesian
        r"\b(?:waktu|kuota|slot|tempat|penawaran|promo|jumlah|kursi|stok) terbatas\b|"
        r"\bsegera daftar\b|\bjangan (?:sampai )?lewatkan (?:kesempatan|peluang|promo|bonus|"
        r"keuntungan)\b|\bkesempatan terakhir\b|"
        r"\bhanya (?:tersisa|tinggal) \d{1,4}\b|\bburuan\b|\bpromo berakhir\b",
        # Spanish / Portuguese / Russian
        r"\búltimas (?:plazas|vagas)\b|\b(?:por )?tiempo limitado\b|\boferta limitada\b|"
        r"\bno (?:te )?pierdas (?:esta |la )?(?:oportunidad|oferta)\b|\bdate prisa\b|"
        r"\bsolo quedan \d{1,4}\b|\btempo limitado\b|"
        r"\bvagas limitadas\b|\bnão perca (?:esta |essa |a )?(?:oportunidade|chance|oferta)\b|"
        r"\brestam apenas \d{1,4}\b",
        r"\bограниченн\w{0,3} (?:время|предложение)\b|\bуспейте\b|"
        r"\bосталось (?:всего|только) \d{1,4}\b|\bне упустите (?:свой |этот |эту )?(?:шанс|"
        r"возможност\w{0,2})\b|\bпоследний шанс\b",
    ]

    p["social_proof"] = [
        rf"{_FIELD_BEFORE}\btotal (?:paid(?: out)?|payouts?|withdrawals?|withdrawn|deposits?|"
        rf"deposited|invested|members|investors|users|accounts)\b{_FIELD_AFTER}",
        r"\bour (?:investors|members|clients|users) (?:have )?(?:earned|made|received|"
        r"withdrawn)\b|\b(?:investors|members) (?:have )?(?:earned|received|withdrawn)\b",
        r"\blive (?:payouts?|withdrawals?|deposits?|transactions|statistics|stats)\b",
        rf"{_FIELD_BEFORE}\b(?:recent|latest|last) (?:\d{{1,2}} )?(?:deposits?|withdrawals?|"
        rf"payouts?)\b{_FIELD_AFTER}",
        r"\b(?:members|users|investors|visitors) online\b|\bonline (?:members|users|investors)\b",
        r"\bsuccessful (?:investors|traders|members|withdrawals)\b",
        r"\b(?:happy|satisfied) (?:investors|members)\b",
        r"\b(?:days|running days) online\b|\bjust (?:withdrew|withdrawn|deposited|invested|"
        r"earned|received|made)\b(?=\s{1,3}(?:\$|usd|usdt|€|£)?\s{0,2}\d)|"
        r"\bwhat our (?:investors|members) say\b",
        r"\btrusted by (?:over |more than )?[\d,.]{1,12}\+?(?: million| thousand)? (?:investors|"
        r"traders|clients|users|members)\b",
        # Vietnamese
        r"\bnhà đầu tư thành công\b|\btổng (?:cộng )?(?:số tiền )?(?:đã )?(?:rút|thanh toán|"
        r"chi trả|trả|nạp|đầu tư)\b|\b(?:thành viên|người dùng) (?:đang )?trực tuyến\b|"
        r"\bđang trực tuyến\b|\bvừa (?:rút|nạp)\b|\bcảm nhận (?:của )?(?:khách hàng|nhà đầu tư)\b|"
        r"\blời chứng thực\b",
        # Chinese
        # Totals only with an amount right after them: in exchange and broker API docs
        # "已支付" is an order status and "累计收益" / "总提现" are field names.
        r"(?:已支付|累[计計](?:支付|提现|提現|出金|用户|用戶|会员|會員|收益)|[总總](?:提现|提現|支付|出金)|"
        r"成功(?:提现|提現|出金))(?=\s{0,2}[:：]?\s{0,2}(?:[$¥￥€]|usdt|usd|rmb)?\s{0,2}\d)|"
        r"在[线線]人[数數]|[刚剛][刚剛](?:提现|提現|充值|出金)|用[户戶]评价|"
        r"用戶評價|[会會][员員]人[数數]",
        # Thai
        r"ยอด(?:ถอน|จ่าย)(?:รวม|ทั้งหมด)|จ่ายไปแล้ว|ถอนไปแล้ว|สมาชิกออนไลน์|ผู้ใช้ออนไลน์|"
        r"รีวิวจากลูกค้า|ถอนสำเร็จ|เพิ่งถอน|นักลงทุนที่ประสบความสำเร็จ",
        # Lao
        r"ຖອນສຳເລັດ|ຈ່າຍແລ້ວ|ສະມາຊິກອອນລາຍ|ຍອດຖອນ",
        # Indonesian
        rf"{_FIELD_BEFORE}\btotal (?:penarikan|pembayaran|dibayar|investor|member|deposit)\b"
        rf"{_FIELD_AFTER}|\binvestor sukses\b|"
        r"\bmember online\b|\btestimoni\b|\bbaru saja (?:menarik|withdraw|wd|deposit)\b|"
        r"\bbukti (?:penarikan|pembayaran|wd|transfer)\b",
        # Spanish / Portuguese / Russian
        r"\btotal pagado\b|\binversores satisfechos\b|\btestimonios\b|\btotal pago\b|"
        r"\bdepoimentos\b|\binvestidores satisfeitos\b|\bвсего выплачено\b|"
        r"\bвыплачено(?=\s{0,3}[:：]?\s{0,3}(?:[$€₽]\s{0,2})?\d)|"
        r"\bотзывы (?:инвесторов|клиентов)\b",
    ]

    p.update(_robot_patterns())

    p["crypto_payment"] = [
        r"\b(?:usdt|tether)\s{0,2}[-(/\[]?\s{0,2}(?:trc|erc|bep)[-\s]?20\b\)?",
        r"\b(?:trc|erc|bep)[-\s]?20\b",
        r"\b(?:bitcoin cash|bitcoin|btc|usdt|usdc|busd|tether|ethereum|eth|litecoin|ltc|dogecoin|"
        r"doge|tron|trx|bnb|xrp|ripple|solana|binance pay|perfect[-\s]?money|payeer|advcash|"
        r"adv cash)\b",
        r"\bcrypto(?:currency|currencies)? (?:wallets?|deposits?|payments?|address(?:es)?|only)\b|"
        r"\bcryptocurrenc(?:y|ies)\b",
        r"\btiền (?:điện tử|mã h(?:óa|oá)|ảo|số)\b|\bví (?:usdt|btc|điện tử|crypto)\b",
        r"比特[币幣]|泰[达達][币幣]|以太坊|虚拟[币货]|虛擬[幣貨]|[数數]字[货貨][币幣]|加密[货貨][币幣]|"
        r"บิ[ตท]คอยน์|คริปโต(?:เคอร์เรนซี)?|เหรียญดิจิทัล|ບິດຄອຍ|ຄຣິບໂຕ|ຄິບໂຕ",
        r"\b(?:mata uang |aset )?kripto\b|\bбиткоин\w{0,3}|\bкриптовалют\w{0,3}|"
        r"\bcriptomonedas?\b|\bcriptomoedas?\b",
    ]

    p["fiat_payment"] = [
        r"\b(?:bank|wire|telegraphic|interbank|local bank|online bank(?:ing)?) transfers?\b",
        r"\b(?:credit|debit|bank|visa|master) cards?\b",
        r"\b(?-i:Visa|VISA)\b(?! (?:application|requirements?|policy|holders?|free|waiver|"
        r"exemption|on arrival|extension|processing|interview|fees?|ban|status|program)\b)",
        r"\b(?:mastercard|maestro|american express|paypal|skrill|neteller|sepa|interac|"
        r"apple pay|google pay|sofortüberweisung|giropay|webmoney|qiwi|yoomoney|alipay|"
        r"wechat pay|unionpay|"
        r"momo|zalopay|vnpay|promptpay|truemoney|gopay|shopeepay|linkaja|qris|boleto)\b",
        r"\b(?:swift|ach|sepa) (?:transfer|payment|wire|deposit)s?\b|\b(?-i:IBAN)\b",
        r"\b(?:deposit|pay|payment|fund|top[-\s]?up|withdraw)\w{0,4} (?:via|by|with|through|using|"
        r"from|to) (?:your |a |our |any )?(?:local |online |internet )?(?:bank|banking|card)\b",
        r"\bchuyển khoản(?: ngân hàng)?\b|\bthẻ (?:ngân hàng|tín dụng|ghi nợ|atm|visa)\b|"
        r"\b(?:nạp|rút) tiền (?:qua|bằng) (?:ngân hàng|thẻ)\b|\binternet banking\b",
        r"[银銀]行卡|[银銀]行[转轉][账賬帳]|[电電][汇匯]|支付[宝寶]|微信支付|[网網][银銀]|信用卡|"
        r"借[记記]卡|[银銀][联聯]|[对對]公[账賬帳]户",
        r"(?:โอน|ฝาก|ชำระ)(?:เงิน)?(?:ผ่าน)?(?:บัญชี)?ธนาคาร|บัตรเครดิต|บัตรเดบิต|พร้อมเพย์|"
        r"ทรูมันนี่",
        r"(?:ໂອນ|ຝາກ|ຊຳລະ)(?:ເງິນ)?(?:ຜ່ານ)?(?:ບັນຊີ)?ທະນາຄານ|ບັດເຄຣດິດ|\bBCEL\s?One\b",
        r"\btransfer (?:bank|antar\s?bank)\b|\bkartu (?:kredit|debit|atm)\b|\bbank lokal\b|"
        r"\bvirtual account\b",
        r"\btransferencia bancaria\b|\btarjeta de (?:cr[eé]dito|d[eé]bito)\b|"
        r"\btransfer[eê]ncia banc[aá]ria\b|\bcart[aã]o de (?:cr[eé]dito|d[eé]bito)\b|"
        r"\b(?-i:PIX|Pix)\b",
        r"\bбанковск\w{0,4} (?:карт\w{0,3}|перевод\w{0,3})|\bкредитн\w{0,3} карт\w{0,3}",
    ]

    p["messenger_contact"] = [
        r"\b(?:https?://)?(?:www\.)?(?:t|telegram)\.(?:me|dog)/(?:joinchat/)?\+?[A-Za-z0-9_]{3,64}",
        r"\b(?:https?://)?wa\.me/\+?\d{6,15}",
        r"\b(?:https?://)?chat\.whatsapp\.com/(?:invite/)?[A-Za-z0-9]{6,40}",
        r"\b(?:https?://)?api\.whatsapp\.com/send\?phone=\+?\d{6,15}",
        r"\b(?:https?://)?(?:line\.me|lin\.ee)/[A-Za-z0-9_/~@.\-]{2,64}",
        r"\b(?:https?://)?zalo\.me/\d{6,15}",
        r"\b(?:telegram|whatsapp|whats app|wechat|weixin|zalo|viber|kakao\s?talk|tg)(?: id| number|"
        r" no\.?| account| channel| group| username)?\s{0,2}[:：]\s{0,2}[@+]?[A-Za-z0-9_.\-]{3,40}",
        r"\b(?:skype|(?-i:LINE|Line))(?: id)?\s{0,2}[:：]\s{0,2}(?:[@+][A-Za-z0-9_.\-]{3,40}|"
        r"(?=[A-Za-z0-9_.\-]{0,39}[0-9_])[A-Za-z0-9_.\-]{3,40})",
        r"\b(?:telegram|whatsapp|tg)\s{0,2}@[A-Za-z0-9_]{3,32}",
        r"\b(?:zalo|whatsapp|viber)\s{0,2}[:：]?\s{0,2}\+?\d[\d.\- ]{6,16}\d\b",
        rf"\b(?:contact|message|chat with|reach|text|add|join|follow|dm|talk to|write to)"
        rf"(?: us| me|"
        rf" our(?: (?:manager|support|team|agent|mentor|advisor|analyst|group|channel|"
        rf"official))?)?(?: directly| now)?(?: via| on| through| at| in| using)? {_MESSENGERS}\b",
        r"\b(?:liên hệ|nhắn tin|kết bạn|thêm|inbox|ib)(?: với chúng tôi| với| cho)?(?: qua| trên|"
        r" bằng)? (?:zalo|telegram|whatsapp|viber|wechat)\b",
        r"(?:加|添加)(?:我|客服|导师|導師|老师|老師)?(?:的)?(?:微信|VX|V信|威信|薇信|飞机|飛機|电报|電報|"
        r"TG|Telegram|WhatsApp|LINE)|(?:微信号|微信號|微信|VX|薇信|飞机号|飛機號|纸飞机|紙飛機|电报|電報)"
        r"\s{0,2}[：:]\s{0,2}[A-Za-z0-9_@\-]{3,40}|纸飞机|紙飛機|(?:电报|電報|飞机|飛機|TG|微信)群",
        r"(?:แอด|ทัก|ติดต่อ|เพิ่มเพื่อน)(?:ทาง|ผ่าน|มาที่|ได้ที่)?\s{0,2}(?:ไลน์|(?-i:LINE|Line)|"
        r"เทเลแกรม|Telegram|WhatsApp|วอทส์แอป)|ไลน์\s{0,2}(?:ไอดี|ID)?\s{0,2}[:：]\s{0,2}@?"
        r"[A-Za-z0-9_.\-]{3,30}|ไอดีไลน์",
        r"(?:ຕິດຕໍ່|ແອດ|ເພີ່ມ|ທັກ)(?:ຫາ)?(?:ທາງ|ຜ່ານ)?\s{0,2}(?:WhatsApp|ວັອດແອັບ|ວອດແອັບ|Telegram|"
        r"ເທເລແກຣມ|(?-i:LINE|Line)|ລາຍ|WeChat)",
        r"\b(?:hubungi|kontak|chat|gabung(?: ke)?|join)(?: kami| admin| cs| mentor)?"
        r"(?: via| melalui|"
        r" lewat| di)? (?:telegram|whatsapp|wa|wechat|line)\b",
        r"\b(?:contáctanos|contacte|escríbenos|fale conosco|entre em contato|chame|contato)(?: por|"
        r" pelo| via| no| en)? (?:telegram|whatsapp|wechat)\b",
        r"\b(?:пишите|напишите|свяжитесь|связь)(?: с нами)?(?: в| через| по)? (?:telegram|whatsapp|"
        r"телеграм\w{0,3}|ватсап\w{0,3}|вотсап\w{0,3})",
    ]

    p["licence_claim"] = [
        rf"\b(?:regulated|licen[cs]ed|authori[sz]ed|registered|supervised|overseen|approved|"
        rf"certified|monitored)(?: and (?:regulated|licen[cs]ed|authori[sz]ed|supervised|"
        rf"registered))?(?: by| with| under)(?: the)? {_REG}{_LIC_TAIL}",
        rf"\bunder (?:the )?(?:supervision|regulation|licen[cs]e|oversight) of (?:the )?{_REG}"
        rf"{_LIC_TAIL}",
        rf"\b(?:regulation|regulator|regulated|licen[cs]e|licensing authority)\s{{0,2}}[:：]"
        rf"\s{{0,2}}(?:the )?{_REG}{_LIC_TAIL}",
        rf"{_REG_ACR}[-\s]{{1,2}}(?:regulated|licen[cs]ed|registered|authori[sz]ed|approved|"
        rf"supervised)\b",
        rf"{_REG_ACR}\s{{1,2}}(?:{_LIC_LABEL}\s{{0,2}}){{1,3}}[:.#]?\s{{0,2}}{_LIC_NO}",
        r"(?<![A-Za-z0-9])(?-i:FinCEN|FINCEN)[-\s]{1,2}(?:registered )?(?-i:MSB)\b|"
        r"\b(?-i:MSB) (?:licen[cs]e|registration|registered)\b",
        rf"\b(?:licen[cs]e|regulatory registration) (?:no\.?|number|#)\s{{0,2}}[:.]?"
        rf"\s{{0,2}}{_LIC_NO}",
        # Vietnamese
        rf"\bđược cấp phép(?: (?:bởi|của|từ)(?: cơ quan)? {_REG})?|\bchịu sự (?:quản lý|giám sát|"
        rf"điều chỉnh) (?:của|bởi) {_REG}|\bgiấy phép (?:số|hoạt động số)\s{{0,2}}[:.]?"
        rf"\s{{0,2}}{_LIC_NO}",
        # Chinese
        rf"(?:受到?|由)\s{{0,2}}{_REG}\s{{0,2}}(?:的)?(?:监管|監管|授权|授權|认证|認證|许可|許可)|"
        rf"(?:持有|拥有|擁有|获得|獲得)\s{{0,2}}{_REG}\s{{0,2}}(?:的)?(?:牌照|执照|執照|许可证|許可證|"
        rf"监管牌照|監管牌照)|(?:监管|監管)(?:编号|編號|号码|號碼|牌照号|牌照號)\s{{0,2}}[：:]?\s{{0,2}}"
        rf"[A-Za-z0-9/\-]{{3,20}}",
        # Indonesian
        rf"\b(?:terdaftar dan diawasi|diawasi|terdaftar|berizin|diatur|teregulasi)(?: resmi)?"
        rf"(?: oleh| di| dari)? {_REG}",
        # Thai / Lao
        rf"(?:ได้รับอนุญาตจาก|ภายใต้การกำกับ(?:ดูแล)?(?:ของ)?|กำกับดูแลโดย|จดทะเบียนกับ)\s{{0,2}}"
        rf"{_REG}|ได้รับใบอนุญาต|ใบอนุญาตเลขที่|ໄດ້ຮັບອະນຸຍາດ|ໃບອະນຸຍາດເລກທີ",
        # Spanish / Portuguese / Russian
        rf"\b(?:regulad[oa]|autorizad[oa]|licenciad[oa]|supervisad[oa]|regulamentad[oa]) "
        rf"(?:por|pel[oa]) (?:la |el |a |o )?{_REG}{_LIC_TAIL}",
        rf"\b(?:регулируется|лицензирован\w{{0,3}}|лицензия)\b{g(20)}{_REG}",
    ]

    p["risk_warning"] = [
        r"\bCFDs? (?:are|is a) complex instruments?\b",
        rf"\b{_PCT} of retail (?:investor |client |CFD )?accounts lose money\b",
        r"\bpast performance (?:is not|isn't|does not|doesn't|is no) (?:an? )?(?:reliable |"
        r"necessarily |explicit )?(?:indicat(?:or|ive|ion)|guarantee|guide)",
        r"\b(?:your[ ])?capital (?:is )?at risk\b",
        r"\byou[ ](?:may|could|can|might) lose (?:more than you (?:invest|deposit)|"
        r"all (?:of )?your "
        r"(?:investment|capital|money|funds)|some or all of your (?:initial )?(?:investment|"
        r"capital))",
        rf"\b(?:investing|trading|investments?)\b{g(20)}\b(?:involves|carries|entails) (?:a )?"
        r"(?:high |significant |substantial )?(?:level of )?(?:degree of )?risks?\b",
        r"\bhigh level of risk\b|\bnot suitable for all investors\b",
        # The rest of the ESMA/FCA-mandated CFD warning, and the usual "afford to lose".
        r"\bwhether you understand how (?:CFDs|spread bets|\w{2,20}) work\b",
        r"\bwhether you can afford to take the high risk of losing your money\b",
        r"\b(?:only|never) invest (?:money |more than )?(?:that )?you (?:can|could) "
        r"(?:afford|bear) to lose\b",
        r"\b(?:Ihr )?Kapital ist (?:gefährdet|einem Risiko ausgesetzt)\b|"
        r"\b(?:CFDs?|Differenzkontrakte)"
        r" sind komplexe Instrumente\b",
        r"\brủi ro cao\b|\bcó thể mất (?:toàn bộ|một phần|hết)\b|\bđầu tư (?:có|luôn có|tiềm ẩn) "
        r"rủi ro\b|\bhiệu suất (?:trong )?quá khứ\b",
        r"投[资資]有[风風][险險]|入市需[谨謹]慎|投[资資]需[谨謹]慎|[过過]往[业業][绩績]不代表|"
        r"可能[损損]失全部|高[风風][险險]",
        r"การลงทุนมีความเสี่ยง|ผู้ลงทุนควรศึกษาข้อมูล|มีความเสี่ยงสูง|ການລົງທຶນມີຄວາມສ່ຽງ|"
        r"ມີຄວາມສ່ຽງສູງ",
        r"\binvestasi (?:mengandung|memiliki) risiko\b|\brisiko tinggi\b|"
        r"\bkinerja masa lalu tidak\b",
        r"\bcapital (?:está )?en riesgo\b|\blos CFD son instrumentos complejos\b|"
        r"\brendimientos pasados no\b|\bcapital em risco\b|\bCFDs são instrumentos complexos\b|"
        r"\brentabilidade passada não\b",
        r"\bвысок\w{0,3} (?:уровень )?риск\w{0,3}|\bпрошл\w{0,4} доходност\w{0,3} не\b|"
        r"\bвы можете потерять\b",
    ]
    for signal, alternatives in _more_languages().items():
        p[signal].extend(alternatives)
    return p


_LATIN_NEG = (
    "no", "not", "never", "nor", "neither", "without", "cannot", "can't", "won't", "don't",
    "doesn't", "isn't", "aren't", "wasn't", "didn't", "nothing", "none", "không", "chẳng",
    "chưa", "tidak", "tak", "bukan", "belum", "jangan", "nunca", "nem", "não", "nao", "jamás",
    "нет", "не", "никогда", "ни", "kein", "keine", "keinen", "keinerlei", "nicht", "nie",
    "żadnego", "żadnych", "non", "nessun", "nessuna", "ningún", "ninguna", "nenhum",
    "nenhuma", "pas", "ne", "aucun", "aucune", "jamais", "hiçbir", "değil", "asla", "není",
    "nejsou", "žádný", "žádné", "niet", "geen", "nooit", "ikke", "ingen", "aldrig", "لا", "ليس",
    "ليست", "لن", "غير",
    # warnings about scams ("if anyone asks you to pay a fee to release a withdrawal")
    "anyone", "someone", "scammer", "scammers", "fraudster", "fraudsters", "criminals",
    "beware",
)
#: Extra words that cancel a withdrawal-fee hit ("free withdrawal fee"? "miễn phí rút tiền").
_FEE_NEG = (
    "free", "zero", "miễn", "gratis", "bebas", "tanpa", "nol", "sin", "sem", "isento", "без",
    "ohne", "kostenlos", "gebührenfrei", "bez", "darmowe", "senza", "gratuito", "gratuita",
    "sans", "gratuit", "gratuits", "ücretsiz", "zdarma", "zonder", "uden", "بدون", "مجاني",
)
_CJK_NEG = (
    "不", "没有", "沒有", "没", "沒", "无需", "無需", "无法", "無法", "并非", "並非", "未", "非",
)
_CJK_FEE_NEG = ("无", "無", "免")
_TH_NEG = ("ไม่", "ບໍ່")
_TH_FEE_NEG = ("ฟรี", "ຟຣີ", "ยกเว้น")


#: Words that, later in the same clause, mark a guarantee/obstruction phrase as a warning
#: ("guaranteed-return offers are scams").
_WARNING_WORDS = (
    "scam", "fraud", "red flag", "warning sign", "ponzi", "lừa đảo", "mạo danh", "giả mạo",
    "诈骗", "骗局", "詐騙", "騙局", "诱饵", "誘餌", "非法", "penipuan", "bodong", "มิจฉาชีพ",
    "หลอกลวง", "мошенни",
    "betrug", "betrüg", "abzocke", "oszust", "truffa", "estafa", "fraude", "golpe", "arnaque",
    "escroquerie", "dolandırıc", "podvod", "oplichting", "svindel", "احتيال", "نصب",
)
_WARNING_WINDOW = 48


#: Honest-context cues that cancel a hit: per signal, a regex searched in the same sentence
#: before the hit (up to :data:`_VETO_WINDOW` characters; anchor with ``$`` for words right
#: before it) and one searched in the same sentence after it (``^`` for words right after
#: it). They carry the wording of protocol / API documentation and textbooks that share
#: words with the scam phrases ("Total Deposits: the total amount deposited in the vault",
#: "the referral address passed to submit()", "withdraw at any time as long as the pool
#: has enough liquidity"). Matched against the lower-cased text.
_VETO: dict[str, tuple[str | None, str | None]] = {
    "withdrawal_obstruction": (
        # error tables of broker APIs ("30082 INVALID_ARGUMENT account status is blocked"),
        # field tables of exchange APIs ("withdrawMin | string | Minimum withdrawal amount")
        rf"(?:invalid_argument|failed_precondition|permission_denied|error code|"
        rf"код ошибки|错误码|錯誤碼|account status is \w{{1,12}}|{_API_TYPE})\s{{0,3}}$|"
        # an honest firm's warning listing what it will never ask for, commas and all:
        # "we will never ask you to make a deposit, pay a tax or an 'unlocking fee' before ..."
        r"\b(?:never|not|n't) (?:ask|request|require|demand|charge)\w{0,2}\b|"
        r"\bkhông bao giờ (?:yêu cầu|đòi)|\btidak (?:pernah|akan) (?:meminta|menagih)|"
        r"(?:绝不会|絕不會|不会|不會|从不|從不)(?:要求|向您收取)|(?:จะ)?ไม่(?:เคย)?(?:ขอ|เรียกเก็บ)|"
        r"\bникогда не (?:просим|попросим|требуем|потребуем)|\b(?:niemals|nie) (?:verlangen|"
        r"auffordern|fordern)|\bnunca (?:le |te |lhe )?(?:pediremos|solicitaremos|exigiremos)|"
        r"\bne vous (?:demanderons|demandons) jamais",
        None,
    ),
    "instant_withdrawal": (
        rf"\b(?:vaults?|pools?|protocols?|smart contracts?|lenders?|suppliers?|depositors?|"
        rf"liquidity providers?|lps|on-?chain|confirmations?|internal transfers?)\b|"
        rf"\ban\s{{1,3}}$|\b(?:service|serve|handle|support)s?\s{{1,3}}$|{_API_TYPE}\s{{0,3}}$|"
        # exchange API docs: "适用于...站内转账, 无需链上确认, 即时到账"
        rf"链上|鏈上|站内|站內|内部转账|內部轉帳|适用于|適用於|确认数|確認數|接口|参数|參數|字段",
        r"\b(?:liquidity|utili[sz]ation|collateral|as long as|provided (?:that|there|the)|"
        r"subject to|unless|if (?:there|the|enough|sufficient)|depending on|cool-?down|"
        r"unbonding|withdrawal queue|borrow(?:ed|ers?|ing)?|redeem)\b|^\s{1,3}requests?\b|"
        # fee tables: "Instant Cashout to Bank: a fee will apply", "instant transfer 1.5% fee"
        r"^[^.\n]{0,40}?(?:\b(?:a|the) (?:\d+(?:[.,]\d+)?\s?% )?fee\b|\bfees? (?:will |may )?"
        r"apply\b|\d(?:[.,]\d+)?\s?% (?:fee|charge)\b)",
    ),
    "referral_levels": (
        r"\b(?:(?:referral|referrer|wallet|contract) address|address (?:for|of) (?:the )?"
        r"referral|parameter|param|argument|smart contracts?|on-?chain|validators?|node operators?|"
        r"endpoints?|api|sdk|rebates?|fee discounts?|trading fees|integrators?|front-?ends?|"
        r"discontinued|deprecated)\b|_referral|"
        r"接口|参数|參數|字段|地址|合约|合約|经纪商|經紀商|请求|請求",
        r"^\s{0,3}address|\b(?:(?:referral|referrer|wallet|contract) address|parameter|param|"
        r"argument|smart contracts?|on-?chain|validators?|node operators?|endpoints?|api|sdk|"
        r"rebates?|"
        r"fee discounts?|trading fees|integrators?|front-?ends?|(?:has|was|have been|were) "
        r"(?:ended|discontinued|paused|deprecated)|discontinued|deprecated)\b|"
        r"接口|参数|參數|字段|地址|合约|合約|经纪商|經紀商",
    ),
}
_VETO["guarantee"] = (
    None,
    # "validators are guaranteed a slow, steady income as long as they perform their duties"
    r"\b(?:as long as|so long as|provided (?:that|they|you)|only if|solange|sofern|пока|"
    r"при условии|pod warunkiem|o ile|purché|a condizione che|siempre que|siempre y cuando|"
    r"desde que|contanto que|tant que|à condition que|sürece|pokud|zolang|så længe)\b",
)
# A price, fee or limit is no promise: "the Pro plan costs $129 per month", "the daily
# withdrawal limit is $1,000,000 per day" (trading-bot vendors, exchange API docs).
_VETO[_ROBOT_PROMISE] = (
    r"\b(?:pric\w{0,4}|costs?|plans?|subscriptions?|billed|fees?|pay|limits?|caps?|maximum|"
    r"max|tariff|preis\w{0,2}|kosten|gebühr\w{0,2}|цена|стоимост\w{1,2}|лимит\w{0,2}|"
    r"precio|preço|prix|tarif|koszt|cena|costo|limite)\b[^\n]{0,20}$",
    r"^[^\n]{0,25}\b(?:subscriptions?|plans?|billed|abonnement|abo|limits?|caps?|fees?)\b",
)
