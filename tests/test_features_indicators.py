"""Indicators: checksum-valid wallets only, messenger contacts, E.164 phones, e-mails."""

from __future__ import annotations

import random

import pytest

from fakeinvest.features.indicators import page_indicators, wallet_network

# Published example addresses (BIP-13/173, EIP-55, the USDT-TRC20 contract) and coins.
VALID = {
    "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2": "btc",
    "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy": "btc",
    "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq": "btc",
    "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4": "btc",
    "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed": "eth",
    "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359": "eth",
    "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t": "tron",
    "LdP8Qox1VAhCzLJNqrr74YovaWYyNBUWvL": "ltc",
    "DH5yaieqoZN36fDVciNyRueRGvGLR3mr7L": "doge",
}


def _types(inds) -> set[tuple[str, str]]:
    return {(i.type, i.value) for i in inds}


@pytest.mark.parametrize(("address", "network"), sorted(VALID.items()))
def test_checksum_valid_wallets_are_found(address: str, network: str) -> None:
    assert wallet_network(address) == network
    (ind,) = [i for i in page_indicators(f"Deposit to {address} now.", [], "https://x.io/")
              if i.type == "wallet"]
    assert (ind.value, ind.network) == (address, network)
    assert address in ind.quote and ind.page_url == "https://x.io/"


@pytest.mark.parametrize("address", sorted(VALID))
def test_one_changed_character_breaks_the_checksum(address: str) -> None:
    i = len(address) - 3
    swapped = address[:i] + ("2" if address[i] != "2" else "3") + address[i + 1:]
    assert wallet_network(swapped) is None
    assert not [x for x in page_indicators(f"Send to {swapped}", [], None) if x.type == "wallet"]


def test_hashes_css_classes_and_random_tokens_are_no_wallets() -> None:
    rng = random.Random(7)
    b58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
    noise = [rng.choice("13T") + "".join(rng.choice(b58) for _ in range(33)) for _ in range(300)]
    noise += ["0x" + "".join(rng.choice("0123456789abcdef") for _ in range(40))
              for _ in range(100)]
    noise += ["bc1q" + "".join(rng.choice("qpzry9x8gf2tvdw0s3jn54khce6mua7l") for _ in range(38))
              for _ in range(100)]
    html_like = ("css-1a2b3c4d5e6f7g8h9i sha1 da39a3ee5e6b4b0d3255bfef95601890afd80709 "
                 "commit 0x" + "ab" * 20 + " " + " ".join(noise))
    assert not [i for i in page_indicators(html_like, [], None) if i.type == "wallet"]
    # a valid address glued inside a longer token is not that address
    assert not [i for i in page_indicators("x1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2", [], None)
                if i.type == "wallet"]


def test_an_unchecksummed_hex_address_needs_wallet_words() -> None:
    address = "0xdac17f958d2ee523a2206206994597c13d831ec7"
    assert wallet_network(address) is None
    assert wallet_network(address, "Nạp USDT ERC20 vào ví: ") == "eth"
    assert ("wallet", address) in _types(page_indicators(f"USDT (ERC20) wallet: {address}",
                                                         [], None))
    assert ("wallet", address) not in _types(page_indicators(f"tx hash {address}", [], None))


def test_messenger_contacts_from_links_and_text() -> None:
    text = ("Hỗ trợ 24/7 Telegram: @ATFX_Support247. WeChat: atfxCN88. LINE ID: atfx.th. "
            "Liên hệ Zalo hoặc hotline 0912 345 678.")
    links = ["https://t.me/atfxvn_cs", "tg://resolve?domain=atfx_vip", "https://t.me/share",
             "https://wa.me/84912345678", "https://api.whatsapp.com/send?phone=+66812345678",
             "https://zalo.me/0912345678", "https://line.me/R/ti/p/~atfx.line",
             "skype:atfx.support?chat", "mailto:Help@ATFX-vn.com"]
    got = _types(page_indicators(text, links, "https://atfx-pro.com/contact"))
    assert {("telegram", "atfxvn_cs"), ("telegram", "atfx_vip"),
            ("telegram", "atfx_support247"), ("wechat", "atfxCN88"), ("line", "atfx.th"),
            ("line", "atfx.line"), ("whatsapp", "+84912345678"), ("whatsapp", "+66812345678"),
            ("zalo", "+84912345678"), ("skype", "atfx.support"),
            ("email", "help@atfx-vn.com")} <= got
    assert ("telegram", "share") not in got
    # the national number, read with the region the Vietnamese text suggests
    assert ("phone", "+84912345678") in got


def test_phones_need_a_country_code_or_a_label_and_a_region() -> None:
    got = _types(page_indicators("Call us: +44 20 7946 0321. Order 1234567890 of 2026-12-07.",
                                 [], "https://broker.example/"))
    assert ("phone", "+442079460321") in got
    assert not [v for t, v in got if t == "phone" and v != "+442079460321"]
    assert ("phone", "+84912345678") in _types(
        page_indicators("Hotline: 0912 345 678", [], "https://atfx.vn/"))
    assert not [1 for t, _v in _types(page_indicators("Hotline: 0912 345 678", [],
                                                      "https://atfx.com/")) if t == "phone"]


def test_emails_are_not_image_names() -> None:
    got = _types(page_indicators("Logo logo@2x.png, write to Support@Example-Broker.co.uk.",
                                 [], None))
    assert ("email", "support@example-broker.co.uk") in got
    assert not [v for t, v in got if t == "email" and v.endswith(".png")]


def test_hostile_text_is_bounded() -> None:
    text = ("@" * 50_000 + " t.me/" + "a" * 100 + " " + "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t " * 5000
            + "+1 " * 20_000)
    inds = page_indicators(text, ["https://t.me/x" + str(i) + "abcd" for i in range(5000)], None)
    assert len(inds) <= 20 * 14
    assert ("wallet", "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t") in _types(inds)


def test_verdicts_carry_the_indicators_with_page_and_quote() -> None:
    import json

    import fakeinvest
    from fakeinvest.snapshot import Page, Snapshot

    url = "https://atfx-vn.com/deposit"
    html = ("<html><title>ATFX</title><body><p>Nạp USDT TRC20 vào ví "
            "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t, lợi nhuận 2%/ngày.</p>"
            '<a href="https://t.me/atfxvn_support">Telegram</a></body></html>')
    v = fakeinvest.score_snapshot(Snapshot(url="https://atfx-vn.com/", pages=(Page(url, html),)))
    line = json.loads(json.dumps(v.to_dict()))
    by_type = {i["type"]: i for i in line["indicators"]}
    assert by_type["wallet"]["value"] == "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t"
    assert by_type["wallet"]["network"] == "tron" and by_type["wallet"]["page_url"] == url
    assert "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t" in by_type["wallet"]["quote"]
    assert by_type["telegram"]["value"] == "atfxvn_support"
    assert by_type["domain"]["value"] == "atfx-vn.com"
