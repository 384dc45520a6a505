"""Domain registration facts: WHOIS formats of many registries, RDAP, failures, cache."""

from __future__ import annotations

import json
import math
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

import fakeinvest
from fakeinvest.config import LookupConfig
from fakeinvest.domains._cache import TTL_FAILURE, TTL_SUCCESS, DomainCache
from fakeinvest.domains._lookup import DomainInfo, domain_info, lookup_facts
from fakeinvest.domains._rdap import bootstrap, parse_rdap, rdap_base
from fakeinvest.domains._records import parse_date
from fakeinvest.domains._whois import parse_whois
from fakeinvest.snapshot import DomainFacts, Page, Snapshot
from fakeinvest.testing._servers import RdapServer, SiteServer, WhoisServer, rdap_record, slow_drip

RECORDS = Path(__file__).parent / "whois_records"


def whois_records() -> dict[str, str | tuple[str, ...]]:
    """The fixture files as WhoisServer records (``a.com.1.txt`` + ``a.com.2.txt`` = referral)."""
    out: dict[str, list[tuple[int, str]]] = {}
    for f in sorted(RECORDS.glob("*.txt")):
        name = f.name.removesuffix(".txt")
        order = 0
        if name.rsplit(".", 1)[-1].isdigit():
            name, n = name.rsplit(".", 1)
            order = int(n)
        out.setdefault(name, []).append((order, f.read_text(encoding="utf-8")))
    return {k: v[0][1] if len(v) == 1 else tuple(t for _, t in sorted(v))
            for k, v in out.items()}


drip = slow_drip("Domain Name: slow-drip.com\r\n")


@pytest.fixture()
def whois(monkeypatch: pytest.MonkeyPatch) -> Iterator[WhoisServer]:
    """The registry formats on a local WHOIS server; RDAP off."""
    records = {**whois_records(),
               "limited.org": "WHOIS LIMIT EXCEEDED - SEE WWW.PIR.ORG/WHOIS FOR DETAILS\r\n",
               "garbage.io": "\x00\x01%%%% ??? 12 13 14\r\n",
               "slow-drip.com": drip}
    with WhoisServer(records) as srv:
        monkeypatch.setenv("FAKEINVEST_WHOIS_SERVER", srv.address)
        monkeypatch.setenv("FAKEINVEST_RDAP_URL", "off")
        yield srv


# domain, created (UTC), expires (date), registrar part, privacy, name servers, a status
FORMATS = [
    ("goldyield-invest.com", datetime(2025, 3, 2, 16, 41, 9, tzinfo=UTC), "2026-03-02",
     "NameCheap", True, 2, "clientTransferProhibited"),
    ("greenfund-savings.org", datetime(2019, 9, 11, 14, 5, 52, tzinfo=UTC), "2027-09-11",
     "GoDaddy", False, 2, "clientDeleteProhibited"),
    ("dautu-sinhloi.vn", datetime(2025, 3, 12, tzinfo=UTC), "2026-03-12", "PA Viet Nam",
     False, 2, "clientTransferProhibited"),
    ("laokhoung-trade.la", datetime(2025, 6, 17, 3, 2, 41, tzinfo=UTC), "2026-06-17",
     "LANIC", False, 2, "serverTransferProhibited"),
    ("quantbot-ai.io", datetime(2025, 7, 28, 11, 58, 2, tzinfo=UTC), "2026-07-28", "NameSilo",
     True, 3, "clientTransferProhibited"),
    ("btc-doubler.xyz", datetime(2026, 10, 25, 8, 14, 2, tzinfo=UTC), "2027-10-25", "Gname",
     True, 2, "serverTransferProhibited"),
    ("yingli-touzi.cn", datetime(2026, 9, 14, 20, 31, 5, tzinfo=UTC), "2027-09-14", "阿里云",
     False, 2, "clientTransferProhibited"),
    ("harbour-wealth.co.uk", datetime(2025, 4, 18, tzinfo=UTC), "2026-04-18", "Tucows",
     False, 2, "Registered until expiry date."),
    ("kabu-mouke.jp", datetime(2025, 11, 20, tzinfo=UTC), "2026-11-30", None, True, 2,
     "Active"),
    ("dohod-plus.ru", datetime(2024, 5, 1, 10, 0, tzinfo=UTC), "2025-05-01", "REGRU-RU", True,
     2, "DELEGATED"),
    ("vip-signals.top", datetime(2026, 3, 1, 2, 11, 5, tzinfo=UTC), "2027-03-01", "Dynadot",
     True, 2, "clientTransferProhibited"),
    ("profit-club.vip", datetime(2026, 7, 14, 5, 0, tzinfo=UTC), "2027-07-14", "Gname", True,
     2, "ok"),
]


@pytest.mark.parametrize(("domain", "created", "expires", "registrar", "privacy", "n_ns",
                          "status"), FORMATS, ids=[f[0].split(".", 1)[1] for f in FORMATS])
def test_registry_formats(whois: WhoisServer, domain: str, created: datetime, expires: str,
                          registrar: str | None, privacy: bool, n_ns: int,
                          status: str) -> None:
    info = domain_info(f"https://www.{domain}/plans", cache=False)
    assert info.error is None, info
    assert info.domain == domain and info.source == "whois"
    assert info.created == created
    assert info.expires is not None and info.expires.date().isoformat() == expires
    if registrar is None:
        assert info.registrar is None
    else:
        assert info.registrar and registrar.lower() in info.registrar.lower()
    assert info.privacy is privacy
    assert len(info.name_servers) == n_ns and all(
        ns == ns.lower() and not ns.endswith(".") for ns in info.name_servers)
    assert status in info.status
    assert info.age_days > 0 and not math.isnan(info.registration_days)


def test_thin_com_follows_the_registrar_referral(whois: WhoisServer) -> None:
    info = domain_info("goldyield-invest.com", cache=False)
    assert whois.queries.count("goldyield-invest.com") == 2  # registry, then registrar
    assert info.updated == datetime(2025, 3, 4, 7, 12, 40, tzinfo=UTC)
    assert info.privacy is True  # only the registrar's answer shows the redaction
    assert round(info.registration_days) == 365


def test_dead_registrar_server_keeps_the_registry_answer(
        monkeypatch: pytest.MonkeyPatch) -> None:
    registry = (RECORDS / "goldyield-invest.com.1.txt").read_text(encoding="utf-8")
    with WhoisServer({"goldyield-invest.com": (registry, drip)}) as srv:
        monkeypatch.setenv("FAKEINVEST_WHOIS_SERVER", srv.address)
        t0 = time.monotonic()
        info = domain_info("goldyield-invest.com", timeout=1.0, cache=False)
    assert time.monotonic() - t0 < 2.0
    assert info.error is None and info.registrar == "NameCheap, Inc."
    assert info.privacy is False  # the registrar's redacted answer never came


def test_denic_has_no_creation_date(whois: WhoisServer) -> None:
    info = domain_info("anlage-profi.de", cache=False)
    assert info.error == "no_creation_date" and info.created is None
    assert math.isnan(info.age_days)
    assert info.updated == datetime(2025, 2, 11, 8, 31, 7, tzinfo=UTC)
    assert info.name_servers == ("ns1.first-ns.de", "robotns2.second-ns.de",
                                 "robotns3.second-ns.com")
    assert info.status == ("connect",)


def test_idn_is_looked_up_in_punycode(whois: WhoisServer) -> None:
    info = domain_info("http://shop.bücher-invest.com/", cache=False)
    assert info.domain == "xn--bcher-invest-dlb.com"
    assert info.created == datetime(2026, 1, 3, 10, 0, tzinfo=UTC)
    assert "xn--bcher-invest-dlb.com" in whois.queries


def test_unparsable_date_keeps_the_rest(whois: WhoisServer) -> None:
    info = domain_info("odd-dates.biz", cache=False)
    assert info.error == "unparsable_date" and math.isnan(info.age_days)
    assert info.registrar == "Odd Registrar, Inc."
    assert info.expires == datetime(2027, 1, 1, tzinfo=UTC)
    assert info.name_servers == ("ns1.odd-registrar.biz",)


@pytest.mark.parametrize(("domain", "reason"), [
    ("limited.org", "rate_limited"),
    ("never-registered.com", "no_match"),
    ("garbage.io", "unparsable"),
])
def test_failure_reasons(whois: WhoisServer, domain: str, reason: str) -> None:
    info = domain_info(domain, cache=False)
    assert info.error == reason and info.created is None and math.isnan(info.age_days)
    assert info.privacy is None
    json.dumps(info.to_dict())


def test_slow_drip_and_dead_server_respect_the_deadline(
        whois: WhoisServer, monkeypatch: pytest.MonkeyPatch) -> None:
    t0 = time.monotonic()
    assert domain_info("slow-drip.com", timeout=1.0, cache=False).error == "timeout"
    assert time.monotonic() - t0 < 2.0
    monkeypatch.setenv("FAKEINVEST_WHOIS_SERVER", "127.0.0.1:9")
    assert domain_info("example.com", timeout=2.0, cache=False).error == "connect"


def test_no_domain_for_ip_hosts() -> None:
    info = domain_info("http://192.0.2.7:8080/")
    assert info.error == "no_domain" and info.source == "none"


@pytest.mark.parametrize(("raw", "expected"), [
    ("2024-05-01T10:00:00Z", datetime(2024, 5, 1, 10, tzinfo=UTC)),
    ("2024-05-01T10:00:00.123+02:00", datetime(2024, 5, 1, 8, tzinfo=UTC)),
    ("14-Mar-2011", datetime(2011, 3, 14, tzinfo=UTC)),
    ("2024/05/01", datetime(2024, 5, 1, tzinfo=UTC)),
    ("2024.05.01", datetime(2024, 5, 1, tzinfo=UTC)),
    ("01.05.2024", datetime(2024, 5, 1, tzinfo=UTC)),
    ("05-11-2026", datetime(2026, 11, 5, tzinfo=UTC)),
    ("2024-05-01 12:00:00 (GMT+7)", datetime(2024, 5, 1, 5, tzinfo=UTC)),
    ("2024年05月01日", datetime(2024, 5, 1, tzinfo=UTC)),
    ("2025/12/01 01:05:03 (JST)", datetime(2025, 11, 30, 16, 5, 3, tzinfo=UTC)),
    ("20240501", datetime(2024, 5, 1, tzinfo=UTC)),
    ("March 14 2011", datetime(2011, 3, 14, tzinfo=UTC)),
    ("sometime in spring", None),
    ("2024-02-30", None),
    ("", None),
])
def test_parse_date(raw: str, expected: datetime | None) -> None:
    assert parse_date(raw) == expected


def test_chinese_and_japanese_field_names() -> None:
    cn = parse_whois("caifu.cn", "域名: caifu.cn\n注册商: 厦门易名科技股份有限公司\n"
                                 "注册时间: 2024年05月01日\n到期时间: 2025年05月01日\n"
                                 "域名服务器: dns1.ename.net\n")
    assert cn.created == datetime(2024, 5, 1, tzinfo=UTC) and cn.registrar
    assert cn.expires == datetime(2025, 5, 1, tzinfo=UTC) and cn.name_servers
    jp = parse_whois("mouke.co.jp", "a. [ドメイン名]                 MOUKE.CO.JP\n"
                                    "g. [組織名]                     株式会社モウケ\n"
                                    "p. [ネームサーバ]               ns1.mouke.co.jp\n"
                                    "[状態]                          Connected (2026/05/31)\n"
                                    "[登録年月日]                    2024/05/01\n"
                                    "[最終更新]                      2025/06/01 01:05:03 (JST)\n")
    assert jp.created == datetime(2024, 5, 1, tzinfo=UTC) and jp.error is None
    assert jp.name_servers == ("ns1.mouke.co.jp",)


def test_rate_limit_text_with_no_fields_is_not_no_match() -> None:
    facts = parse_whois("x.org", "%% Query rate limit exceeded. Try again later.\n")
    assert facts.error == "rate_limited"


# ---------------------------------------------------------------- RDAP


def slow_rdap(handler) -> None:
    handler.send_response(200)
    handler.send_header("Content-Type", "application/rdap+json")
    handler.send_header("Content-Length", "1000")
    handler.end_headers()
    for _ in range(20):
        try:
            handler.wfile.write(b" ")
            handler.wfile.flush()
        except OSError:
            return
        time.sleep(0.3)


def dripping_headers(handler) -> None:
    """Status line and headers one byte every 0.2 s: each byte restarts a socket timeout."""
    head = (b"HTTP/1.1 200 OK\r\nContent-Type: application/rdap+json\r\n"
            + b"".join(b"X-Pad-%d: %s\r\n" % (i, b"x" * 40) for i in range(40)) + b"\r\n")
    for i in range(len(head)):
        try:
            handler.wfile.write(head[i:i + 1])
            handler.wfile.flush()
        except OSError:
            return
        time.sleep(0.2)


def _deep_json(depth: int) -> bytes:
    return b'{"objectClassName":"domain","entities":' + b"[" * depth + b"]" * depth + b"}"


def _deep_entities(depth: int) -> bytes:
    inner = "{}"
    for _ in range(depth):
        inner = '{"objectClassName":"entity","roles":["registrar"],"entities":[' + inner + "]}"
    return ('{"objectClassName":"domain","ldhName":"deep-entities.com","entities":['
            + inner + "]}").encode()


@pytest.fixture()
def rdap(whois: WhoisServer, monkeypatch: pytest.MonkeyPatch) -> Iterator[RdapServer]:
    """A local RDAP server for the bootstrap TLDs, the WHOIS server as the fallback."""
    created = datetime(2025, 3, 2, 16, 41, 9, tzinfo=UTC)
    records = {
        "goldyield-invest.com": rdap_record(
            "goldyield-invest.com", created, "NameCheap, Inc.",
            expires=created + timedelta(days=365), updated=created + timedelta(days=2),
            status=("client transfer prohibited",), redacted=True),
        "greenfund-savings.org": rdap_record(
            "greenfund-savings.org", datetime(2019, 9, 11, 14, 5, 52, tzinfo=UTC),
            "GoDaddy.com, LLC"),
        "btc-doubler.xyz": 429,
        "vip-signals.top": (200, b"<html>Service temporarily unavailable</html>"),
        "slow.com": slow_rdap,
        "drip-headers.com": dripping_headers,
        "deep-json.com": (200, _deep_json(200_000)),
        "deep-entities.com": (200, _deep_entities(5_000)),
        "huge-answer.com": (200, b'{"objectClassName":"domain","x":"' + b"a" * 1_100_000
                            + b'"}'),
    }
    with RdapServer(records) as srv:
        monkeypatch.setenv("FAKEINVEST_RDAP_URL", srv.url)
        yield srv


def test_bundled_bootstrap_and_override(monkeypatch: pytest.MonkeyPatch) -> None:
    table = bootstrap()
    assert len(table) > 1000 and table["com"].startswith("https://rdap.verisign.com/")
    assert "vn" not in table
    monkeypatch.setenv("FAKEINVEST_RDAP_URL", "http://127.0.0.1:1")
    url = LookupConfig.from_env().rdap_url
    assert rdap_base("a.com", url) == "http://127.0.0.1:1/" and rdap_base("a.vn", url) is None
    monkeypatch.setenv("FAKEINVEST_RDAP_URL", "off")
    assert rdap_base("a.com", LookupConfig.from_env().rdap_url) is None
    monkeypatch.setenv("FAKEINVEST_RDAP_URL", "rdap.example")
    with pytest.raises(ValueError, match="http"):
        LookupConfig.from_env()


def test_rdap_first_where_the_bootstrap_has_the_tld(rdap: RdapServer,
                                                    whois: WhoisServer) -> None:
    info = domain_info("goldyield-invest.com", cache=False)
    assert info.source == "rdap" and info.error is None
    assert info.created == datetime(2025, 3, 2, 16, 41, 9, tzinfo=UTC)
    assert info.registrar == "NameCheap, Inc." and info.privacy is True
    assert info.status == ("client transfer prohibited",)
    assert info.name_servers == ("ns1.cloudns-example.net", "ns2.cloudns-example.net")
    assert round(info.registration_days) == 365
    org = domain_info("greenfund-savings.org", cache=False)
    assert org.source == "rdap" and org.privacy is False
    assert "goldyield-invest.com" not in whois.queries  # no WHOIS needed
    vn = domain_info("dautu-sinhloi.vn", cache=False)  # no RDAP server for .vn
    assert vn.source == "whois" and vn.error is None
    assert "dautu-sinhloi.vn" not in rdap.queries


def test_rdap_404_is_final(rdap: RdapServer, whois: WhoisServer) -> None:
    info = domain_info("never-registered.com", cache=False)
    assert info.error == "no_match" and info.source == "rdap"
    assert "never-registered.com" not in whois.queries


@pytest.mark.parametrize("domain", ["btc-doubler.xyz", "vip-signals.top"])
def test_rdap_failure_falls_back_to_whois(rdap: RdapServer, whois: WhoisServer,
                                          domain: str) -> None:
    info = domain_info(domain, cache=False)
    assert info.error is None and info.source == "whois"
    assert domain in rdap.queries and domain in whois.queries


def test_rdap_slow_drip_respects_the_total_deadline(rdap: RdapServer) -> None:
    t0 = time.monotonic()
    info = domain_info("slow.com", timeout=1.0, cache=False)
    assert info.error in ("timeout", "no_match")
    assert time.monotonic() - t0 < 1.8


def test_rdap_dripping_headers_end_at_the_total_deadline(rdap: RdapServer) -> None:
    """Headers dripped byte by byte restart a socket timeout on every byte; the lookup
    still ends at its total deadline, as a timeout."""
    t0 = time.monotonic()
    info = domain_info("drip-headers.com", timeout=2.0, cache=False)
    took = time.monotonic() - t0
    assert info.error == "timeout", info
    assert took < 3.0


@pytest.mark.parametrize("domain", ["deep-json.com", "deep-entities.com", "huge-answer.com"])
def test_hostile_rdap_answers_are_failures_not_exceptions(rdap: RdapServer,
                                                          domain: str) -> None:
    from fakeinvest.domains._rdap import lookup_rdap

    facts = lookup_rdap(domain, timeout=10.0, base=rdap.url)
    assert facts.created is None
    assert facts.error in {"unparsable", "no_creation_date", "too_large"}, facts
    if domain == "huge-answer.com":
        assert facts.error == "too_large"


def test_parse_rdap_without_registration_event() -> None:
    obj = rdap_record("x.xyz", None, "Registrar X")
    facts = parse_rdap("x.xyz", obj)
    assert facts.error == "no_creation_date" and facts.registrar == "Registrar X"
    assert parse_rdap("x.xyz", {"errorCode": 500}).error == "unparsable"


# ---------------------------------------------------------------- cache and de-duplication


def test_cache_serves_the_second_lookup(rdap: RdapServer, whois: WhoisServer) -> None:
    first = domain_info("goldyield-invest.com")
    again = domain_info("goldyield-invest.com")
    assert first.source == "rdap" and again.source == "cache:rdap"
    assert rdap.queries.count("goldyield-invest.com") == 1
    assert again.created == first.created and again.name_servers == first.name_servers
    assert again.privacy is True
    failed = domain_info("garbage.io")  # no RDAP for .io: WHOIS, and a failure
    assert domain_info("garbage.io").source == "cache:whois" and failed.error == "unparsable"
    assert whois.queries.count("garbage.io") == 1
    uncached = domain_info("goldyield-invest.com", cache=False)
    assert uncached.source == "rdap" and rdap.queries.count("goldyield-invest.com") == 2


def test_cache_ttl_and_location(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = DomainCache(tmp_path / "c.sqlite3")
    ok = DomainFacts(domain="a.com", created=datetime(2020, 1, 1, tzinfo=UTC), source="whois",
                     name_servers=("ns1.a.com",), privacy=False)
    bad = DomainFacts(domain="b.com", error="timeout", source="whois")
    now = 1_000_000.0
    assert store.put("a.com", ok, now=now) and store.put("b.com", bad, now=now)
    assert store.get("a.com", now=now + TTL_SUCCESS - 1) == ok
    assert store.get("a.com", now=now + TTL_SUCCESS + 1) is None
    assert store.get("b.com", now=now + TTL_FAILURE - 1) == bad
    assert store.get("b.com", now=now + TTL_FAILURE + 1) is None
    assert store.purge(now=now + TTL_FAILURE + 1) == 1 and len(store) == 1
    monkeypatch.setenv("FAKEINVEST_CACHE_DIR", "off")
    assert LookupConfig.from_env().cache_dir is None
    monkeypatch.delenv("FAKEINVEST_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert LookupConfig.from_env().cache_dir == tmp_path / "xdg" / "fakeinvest"


def test_cache_off_queries_again(whois: WhoisServer, monkeypatch: pytest.MonkeyPatch,
                                 tmp_path: Path) -> None:
    monkeypatch.setenv("FAKEINVEST_CACHE_DIR", "off")
    domain_info("dautu-sinhloi.vn")
    assert domain_info("dautu-sinhloi.vn").source == "whois"
    assert whois.queries.count("dautu-sinhloi.vn") == 2


def test_unwritable_cache_never_breaks_a_lookup(whois: WhoisServer,
                                                monkeypatch: pytest.MonkeyPatch,
                                                tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("FAKEINVEST_CACHE_DIR", str(blocker / "sub"))
    assert domain_info("dautu-sinhloi.vn").error is None


def test_concurrent_lookups_of_one_domain_query_once(rdap: RdapServer) -> None:
    def slow_answer(handler) -> None:
        time.sleep(0.3)
        body = json.dumps(rdap_record("busy.com", datetime(2024, 1, 1, tzinfo=UTC),
                                      "R")).encode()
        handler._send(200, body)

    rdap.records["busy.com"] = slow_answer
    results: list[DomainInfo] = []
    threads = [threading.Thread(target=lambda: results.append(
        domain_info("https://www.busy.com/", cache=False))) for _ in range(12)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(results) == 12 and all(r.error is None for r in results)
    assert rdap.queries.count("busy.com") == 1


def test_cache_is_shared_by_processes(tmp_path: Path) -> None:
    db = tmp_path / "shared.sqlite3"
    code = (
        "import sys; from fakeinvest.domains._cache import DomainCache;"
        "from fakeinvest.snapshot import DomainFacts;"
        "c = DomainCache(sys.argv[1]); w = sys.argv[2];"
        "[c.put(f'{w}-{i}.com', DomainFacts(domain=f'{w}-{i}.com', source='whois'))"
        " or sys.exit(1) for i in range(100)]")
    procs = [subprocess.Popen([sys.executable, "-c", code, str(db), f"w{n}"])
             for n in range(4)]
    assert [p.wait(timeout=60) for p in procs] == [0, 0, 0, 0]
    assert len(DomainCache(db)) == 400


def test_scan_many_looks_each_domain_up_once(site_server: SiteServer, demo_config,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    from fakeinvest.testing._servers import demo_whois_records

    monkeypatch.setenv("FAKEINVEST_CACHE_DIR", "off")  # the per-scan table alone
    with WhoisServer(demo_whois_records()) as srv:
        monkeypatch.setenv("FAKEINVEST_WHOIS_SERVER", srv.address)
        urls = [site_server.url("atfx-vn.com", p) for p in ("/", "/index.html", "/?a=1")]
        urls += [site_server.url("riverside-bakery.com", p) for p in ("/", "/?b=2")]
        verdicts = list(fakeinvest.scan_many(urls, config=demo_config, concurrency=5,
                                             allow_private=["127.0.0.0/8"]))
    assert all(v.error is None for v in verdicts)
    assert srv.queries.count("atfx-vn.com") == 2  # one lookup: registry + referral
    assert srv.queries.count("riverside-bakery.com") == 2
    assert verdicts[0].domain["registrar"].startswith("NICENIC")


def test_snapshot_keeps_every_field_through_warc(tmp_path: Path) -> None:
    from fakeinvest.warc import load_snapshot, save_snapshot

    facts = DomainFacts(domain="a.com", created=datetime(2026, 1, 1, tzinfo=UTC),
                        registrar="R", source="rdap",
                        expires=datetime(2027, 1, 1, tzinfo=UTC),
                        updated=datetime(2026, 1, 2, tzinfo=UTC), privacy=True,
                        name_servers=("ns1.a.com",), status=("active",))
    snap = Snapshot(url="http://a.com/", pages=(Page("http://a.com/", "<p>x</p>"),),
                    fetched_at=datetime(2026, 1, 31, tzinfo=UTC), domain=facts)
    back = load_snapshot(save_snapshot(snap, tmp_path))
    assert back.domain == facts and back.domain_age_days == 30.0
    old = DomainFacts.from_dict({"domain": "b.com", "created": None, "registrar": None,
                                 "error": "timeout", "source": "whois"})
    assert old.name_servers == () and old.privacy is None


def test_public_api() -> None:
    assert fakeinvest.domain_info is domain_info and fakeinvest.DomainInfo is DomainInfo
    info = DomainInfo.from_facts(
        DomainFacts(domain="a.com", created=datetime(2026, 1, 1, tzinfo=UTC), source="whois"),
        now=datetime(2026, 1, 11, tzinfo=UTC))
    assert info.age_days == 10.0 and info.to_dict()["age_days"] == 10.0
    assert lookup_facts("http://[::1]/").error == "no_domain"


@pytest.mark.parametrize("row", ['["a", "list"]', '"text"', "42", "null",
                                 '{"domain": 7}', '{"created": "not a date"}',
                                 '{"name_servers": "ns1.example"}'])
def test_a_cache_row_that_is_no_facts_object_is_a_miss(tmp_path: Path, row: str) -> None:
    import sqlite3

    from fakeinvest.domains._cache import DomainCache

    cache = DomainCache(tmp_path / "c.sqlite")
    assert cache.put("example.com", DomainFacts(domain="example.com", source="whois",
                                                error="no_match"))
    with sqlite3.connect(tmp_path / "c.sqlite") as db:
        db.execute("UPDATE domain_facts SET facts = ?", (row,))
    assert cache.get("example.com") is None
