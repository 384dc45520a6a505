"""Key-page discovery by link text and URL in several languages."""

from __future__ import annotations

import pytest

from fakeinvest.textextract import Link
from fakeinvest.web._discovery import classify_link, key_page_urls


@pytest.mark.parametrize(("text", "href", "role"), [
    ("Investment Plans", "/p", "plans"),
    ("Gói đầu tư", "/goi", "plans"),
    ("Rút tiền", "/x", "withdraw"),
    ("ถอนเงิน", "/x", "withdraw"),
    ("提现", "/x", "withdraw"),
    ("Nạp tiền", "/x", "deposit"),
    ("Câu hỏi thường gặp", "/x", "faq"),
    ("关于我们", "/x", "about"),
    ("Syarat dan Ketentuan", "/x", "terms"),
    ("Liên hệ", "/x", "contact"),
    ("Вывод средств", "/x", "withdraw"),
    ("Depósito", "/x", "deposit"),
    ("", "/withdraw.php", "withdraw"),
    ("", "/about-us/", "about"),
    ("Blog", "/blog", None),
    # Lao, Indonesian, Spanish, Portuguese, Thai link text
    ("ຖອນເງິນ", "/x", "withdraw"),
    ("ແຜນການລົງທຶນ", "/x", "plans"),
    ("ໃບອະນຸຍາດ", "/x", "licence"),
    ("Penarikan", "/x", "withdraw"),
    ("Preguntas frecuentes", "/x", "faq"),
    ("Sobre nós", "/x", "about"),
    ("ติดต่อเรา", "/x", "contact"),
    ("Regulation & Licence", "/x", "licence"),
    # URL slugs only (icons or images as link content)
    ("", "/rut-tien", "withdraw"),
    ("", "/nap-tien.html", "deposit"),
    ("", "/goi-dau-tu/", "plans"),
    ("", "/gioi-thieu", "about"),
    ("", "/lien-he", "contact"),
    ("", "/dieu-khoan-su-dung", "terms"),
    ("", "/user/tixian", "withdraw"),
    ("", "/chongzhi", "deposit"),
    ("", "/tentang-kami", "about"),
    ("", "/index.php?a=withdraw", "withdraw"),
    ("", "/?a=deposit", "deposit"),
    ("", "/?a=faq", "faq"),
    ("", "/?a=rules", "terms"),
    ("", "/?a=support", "contact"),
    ("", "/women-in-finance", None),
    ("", "/news/2025/market-update", None),
])
def test_classify_link(text: str, href: str, role: str | None) -> None:
    assert classify_link(Link(href, text), "http://s.example" + href) == role


def test_key_pages_same_site_one_per_role_in_priority_order() -> None:
    links = [Link("/about.html", "About"), Link("https://other.example/plans", "Plans"),
             Link("/plans.html", "Plans"), Link("/plans2.html", "More plans"),
             Link("mailto:x@y.z", "Contact"), Link("#faq", "FAQ"),
             Link("/withdraw.html", "Withdraw"), Link("http://www.s.example/faq", "FAQ")]
    got = key_page_urls("http://s.example/", links, limit=10)
    assert got == [("http://s.example/plans.html", "plans"),
                   ("http://s.example/withdraw.html", "withdraw"),
                   ("http://www.s.example/faq", "faq"),
                   ("http://s.example/about.html", "about")]
    assert len(key_page_urls("http://s.example/", links, limit=2)) == 2
    assert key_page_urls("http://s.example/", links, limit=0) == []
