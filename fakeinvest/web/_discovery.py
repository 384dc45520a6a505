"""Find a site's key pages (plans, about, FAQ, deposit, withdraw, terms, contact, licence).

Links are classified by their visible text and then by their URL path and query (slugs such
as ``/rut-tien``, ``/tixian``, ``index.php?a=withdraw``), with keyword lists in English,
Vietnamese, Thai, Chinese, Lao, Indonesian, Spanish, Portuguese and Russian.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from urllib.parse import urldefrag, urljoin, urlsplit

from ..textextract import Link

__all__ = ["KEY_ROLES", "classify_link", "key_page_urls"]

# Order = priority when fewer pages than roles may be fetched.
KEY_ROLES: dict[str, tuple[str, ...]] = {
    "plans": (
        "plans", "plan", "invest", "investment", "packages", "pricing", "tariffs", "rates",
        "gói đầu tư", "đầu tư", "gói", "แผนการลงทุน", "ลงทุน", "แพ็กเกจ", "投资", "理财", "方案",
        "套餐", "投資", "ແຜນການລົງທຶນ", "ລົງທຶນ", "paket", "investasi", "planes", "inversión",
        "inversion", "planos", "investimento", "тарифы", "инвест", "планы",
        # URL slugs: unaccented Vietnamese, pinyin
        "goi dau tu", "dau tu", "touzi", "licai",
    ),
    "withdraw": (
        "withdraw", "withdrawal", "payout", "cash out", "rút tiền", "ถอนเงิน", "ถอน", "提现", "出金",
        "提款", "提現", "ຖອນເງິນ", "penarikan", "tarik dana", "retiro", "retirar", "saque", "sacar",
        "вывод", "rut tien", "tixian", "chujin", "tikuan",
    ),
    "deposit": (
        "deposit", "make deposit", "fund", "funding", "top up", "nạp tiền", "ฝากเงิน", "充值",
        "入金",
        "存款", "ຝາກເງິນ", "setor", "deposit dana", "depósito", "deposito", "пополн", "депозит",
        "nap tien", "chongzhi", "rujin", "setoran",
    ),
    "faq": (
        "faq", "faqs", "help", "questions", "câu hỏi", "hỏi đáp", "คำถาม", "常见问题", "常見問題",
        "帮助", "ຄຳຖາມ", "bantuan", "pertanyaan", "preguntas", "ayuda", "perguntas", "ajuda",
        "вопрос", "помощь", "cau hoi", "hoi dap", "changjianwenti", "bangzhu",
    ),
    "about": (
        "about", "about us", "company", "who we are", "về chúng tôi", "giới thiệu", "เกี่ยวกับเรา",
        "关于我们", "關於我們", "关于", "ກ່ຽວກັບພວກເຮົາ", "ກ່ຽວກັບ", "tentang kami", "tentang",
        "sobre nosotros", "quiénes somos", "sobre nós", "sobre", "о нас", "о компании",
        "gioi thieu", "ve chung toi", "guanyu",
    ),
    "terms": (
        "terms", "rules", "agreement", "conditions", "legal", "điều khoản", "quy định",
        "ข้อกำหนด", "เงื่อนไข", "条款", "條款", "规则", "ເງື່ອນໄຂ", "syarat", "ketentuan", "términos",
        "condiciones", "termos", "regras", "условия", "правила", "соглашение",
        "dieu khoan", "quy dinh", "tiaokuan", "guize",
    ),
    "contact": (
        "contact", "contact us", "support", "liên hệ", "hỗ trợ", "ติดต่อ", "联系", "聯繫", "客服",
        "ຕິດຕໍ່", "kontak", "hubungi", "contacto", "contato", "контакты", "поддержка",
        "lien he", "ho tro", "lianxi", "kefu",
    ),
    "licence": (
        "license", "licence", "regulation", "regulated", "certificate", "giấy phép",
        "ใบอนุญาต", "牌照", "监管", "監管", "ໃບອະນຸຍາດ", "lisensi", "izin", "licencia",
        "regulación", "licença", "лицензия", "регулирование", "giay phep", "paizhao",
        "jianguan",
    ),
}


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    out = {}
    for role, words in KEY_ROLES.items():
        ascii_words = [re.escape(w) for w in words if w.isascii()]
        other = [re.escape(w) for w in words if not w.isascii()]
        parts = []
        if ascii_words:
            parts.append(r"(?<![a-z])(?:" + "|".join(ascii_words) + r")")
        if other:
            parts.append("(?:" + "|".join(other) + ")")
        out[role] = re.compile("|".join(parts), re.IGNORECASE)
    return out


def classify_link(link: Link, url: str) -> str | None:
    """Return the key-page role of a link, or None.

    Parameters
    ----------
    link : Link
        The anchor (its text is checked first).
    url : str
        The absolute URL the link points to (its path is checked second).

    Returns
    -------
    str or None
        A key of ``KEY_ROLES``.
    """
    pats = _patterns()
    text = link.text.lower()
    for role, rx in pats.items():
        if text and rx.search(text):
            return role
    # Path, query and route: HYIP scripts route pages as ``index.php?a=withdraw``,
    # single-page apps as ``#/pages/withdraw``.
    parts = urlsplit(url)
    path = re.sub(r"[-_/.=&+!]+", " ", f"{parts.path} {parts.query} {parts.fragment}".lower())
    for role, rx in pats.items():
        if rx.search(path):
            return role
    return None


def _same_site(a: str, b: str) -> bool:
    ha, hb = (urlsplit(a).hostname or ""), (urlsplit(b).hostname or "")
    strip = lambda h: h[4:] if h.startswith("www.") else h  # noqa: E731
    return strip(ha) == strip(hb)


#: Fragments that are client-side routes of a single-page app: ``#/pages/plans``, ``#!/faq``.
_ROUTE_FRAGMENT = re.compile(r"^!?/")


def key_page_urls(base_url: str, links: Sequence[Link], limit: int,
                  routes: bool = False) -> list[tuple[str, str]]:
    """Choose up to ``limit`` key pages of the same site, one per role, by role priority.

    Parameters
    ----------
    base_url : str
        Final URL of the landing page.
    links : sequence of Link
        Links found on the landing page.
    limit : int
        Maximum number of pages to return.
    routes : bool
        Also keep client-side routes (``#/pages/plans``, ``#!/withdraw``) as pages of
        their own: they are, once a browser runs the app's router.

    Returns
    -------
    list of (url, role)
    """
    if limit <= 0:
        return []
    base_clean, base_fragment = urldefrag(base_url)
    base_page = base_url if routes and _ROUTE_FRAGMENT.match(base_fragment) else base_clean
    found: dict[str, str] = {}
    for link in links:
        href = link.href
        if href.startswith(("mailto:", "tel:", "javascript:", "data:")):
            continue
        absolute, fragment = urldefrag(urljoin(base_url, href))
        if routes and _ROUTE_FRAGMENT.match(fragment):
            absolute = f"{absolute}#{fragment}"
        elif href.startswith("#"):
            continue
        if urlsplit(absolute).scheme not in ("http", "https"):
            continue
        if absolute in (base_clean, base_page) or not _same_site(absolute, base_url):
            continue
        role = classify_link(link, absolute)
        if role is not None and role not in found and absolute not in found.values():
            found[role] = absolute
    ordered = [(found[r], r) for r in KEY_ROLES if r in found]
    return ordered[:limit]
