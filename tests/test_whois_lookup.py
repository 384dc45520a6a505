"""WHOIS lookups against a real RFC 3912 server on 127.0.0.1."""

from __future__ import annotations

import math
import time
from datetime import UTC, datetime

import pytest

from fakeinvest.config import LookupConfig
from fakeinvest.domains._whois import lookup_domain, parse_whois
from fakeinvest.snapshot import DomainFacts, Page, Snapshot
from fakeinvest.testing._servers import WhoisServer, slow_drip, verisign_record

VN_RECORD = """\
Domain Name: tradepro-vn.vn
Registrar: CONG TY TNHH PA VIET NAM
Registrant: Nguyen Van A
Creation Date: 05-11-2026
Expiration Date: 05-11-2027
Name Server: ns1.pavietnam.vn
"""

ORG_RECORD = """\
Domain Name: trusted-savings.org
Registry Domain ID: 5c2a9f0b3e1d4c7a8b6e2f1d0a9c8b7e-LROR
Registrar WHOIS Server: http://whois.publicdomainregistry.com
Updated Date: 2024-03-01T10:00:00Z
Creation Date: 2016-02-18T08:31:12Z
Registry Expiry Date: 2027-02-18T08:31:12Z
Registrar: PDR Ltd. d/b/a PublicDomainRegistry.com
Registrant Organization: REDACTED FOR PRIVACY
"""

RATE_LIMIT = "WHOIS LIMIT EXCEEDED - SEE WWW.PIR.ORG/WHOIS FOR DETAILS\r\n"
GARBAGE = "\x00\x01%%%% ??? 12 13 14\r\n"


def _lookup(url_or_domain: str, timeout: float = 10.0) -> DomainFacts:
    """WHOIS lookup against the server the test pinned in the environment."""
    return lookup_domain(url_or_domain, timeout=timeout,
                         server=LookupConfig.from_env().whois_address)


drip = slow_drip("Domain Name: slow.com\r\n")


@pytest.fixture()
def registry(monkeypatch: pytest.MonkeyPatch):
    created = datetime(2026, 11, 6, 9, 0, tzinfo=UTC)
    records = {
        "atfx-vn.com": verisign_record("atfx-vn.com", created, "NICENIC INTERNATIONAL GROUP",
                                       "whois.nicenic.net"),
        "tradepro-vn.vn": VN_RECORD,
        "trusted-savings.org": ORG_RECORD,
        "limited.org": RATE_LIMIT,
        "garbage.xyz": GARBAGE,
        "slow.com": drip,
    }
    with WhoisServer(records) as srv:
        monkeypatch.setenv("FAKEINVEST_WHOIS_SERVER", srv.address)
        yield srv


def test_thin_com_record_with_referral(registry: WhoisServer) -> None:
    facts = _lookup("https://www.atfx-vn.com/plans")
    assert facts.domain == "atfx-vn.com"
    assert facts.created == datetime(2026, 11, 6, 9, 0, tzinfo=UTC)
    assert facts.registrar and "NICENIC" in facts.registrar
    assert facts.error is None
    # The registry answer named a registrar server; the referral went to our server too.
    assert registry.queries.count("atfx-vn.com") == 2


def test_vn_and_org_formats(registry: WhoisServer) -> None:
    vn = _lookup("tradepro-vn.vn")
    assert vn.created is not None and vn.created.year == 2026
    org = _lookup("trusted-savings.org")
    assert org.created == datetime(2016, 2, 18, 8, 31, 12, tzinfo=UTC)


@pytest.mark.parametrize(("domain", "reason"), [
    ("limited.org", "rate_limited"),
    ("unknown-domain.com", "no_match"),
    ("garbage.xyz", "unparsable"),
])
def test_failures_have_distinct_reasons(registry: WhoisServer, domain: str, reason: str) -> None:
    facts = _lookup(domain)
    assert facts.created is None
    assert facts.error == reason


def test_total_deadline_beats_a_slow_drip(registry: WhoisServer) -> None:
    t0 = time.monotonic()
    facts = _lookup("slow.com", timeout=1.0)
    assert facts.error == "timeout"
    assert time.monotonic() - t0 < 2.0


def test_dead_server_is_a_connect_error() -> None:
    assert lookup_domain("example.com", timeout=2, server=("127.0.0.1", 9)).error == "connect"


def test_ip_hosts_are_not_looked_up() -> None:
    assert _lookup("http://127.0.0.1:8080/").error == "no_domain"


def test_pinned_server_must_be_host_port(monkeypatch: pytest.MonkeyPatch) -> None:
    from fakeinvest.config import LookupConfig

    monkeypatch.setenv("FAKEINVEST_WHOIS_SERVER", "localhost")
    with pytest.raises(ValueError, match=r"127\.0\.0\.1:4343"):
        LookupConfig.from_env()


def test_unparsable_date_keeps_what_can_be_read() -> None:
    text = "Domain Name: odd.com\nRegistrar: Odd Registrar\nCreation Date: sometime in spring\n"
    facts = parse_whois("odd.com", text)
    assert facts.created is None and facts.error == "unparsable_date"
    assert facts.registrar == "Odd Registrar"


def test_domain_age_is_measured_at_scan_time() -> None:
    facts = DomainFacts(domain="a.com", created=datetime(2026, 1, 1, tzinfo=UTC), source="whois")
    snap = Snapshot(url="http://a.com/", pages=(Page("http://a.com/", "<p>x</p>"),),
                    fetched_at=datetime(2026, 1, 31, tzinfo=UTC), domain=facts)
    assert snap.domain_age_days == 30.0
    assert math.isnan(Snapshot.from_html("<p>x</p>").domain_age_days)


LATIN1_RECORD = ("Domain Name: caf\xe9-invest.fr\r\nRegistrar: Soci\xe9t\xe9 G\xe9n\xe9rale "
                 "des Domaines\r\nCreation Date: 2026-10-01T00:00:00Z\r\n").encode("latin-1")


def _raw(data: bytes):
    def answer(conn) -> None:
        conn.sendall(data)
    return answer


@pytest.fixture()
def hostile_registry(monkeypatch: pytest.MonkeyPatch):
    """Answers no honest server gives: Latin-1 and binary bytes (also for the IANA
    referral query of the TLD) and an answer larger than the size cap."""
    binary = bytes(range(256)) * 8
    records = {
        "latin1.xyz": _raw(LATIN1_RECORD),
        "binary.top": _raw(binary),
        "xyz": _raw(b"refer: 127.0.0.1\r\nwhois: \xff\xfe\x00bad\r\n" + binary),
        "huge.info": _raw(b"Domain Name: huge.info\r\n" + b"% padding\r\n" * 40_000),
    }
    with WhoisServer(records) as srv:
        monkeypatch.setenv("FAKEINVEST_WHOIS_SERVER", srv.address)
        yield srv


def test_latin1_and_binary_answers_are_read_not_raised(hostile_registry: WhoisServer) -> None:
    latin1 = _lookup("latin1.xyz")
    assert latin1.created == datetime(2026, 10, 1, tzinfo=UTC), latin1
    binary = _lookup("binary.top")
    assert binary.created is None and binary.error == "unparsable"


def test_an_answer_over_the_size_cap_is_too_large_not_connect(
        hostile_registry: WhoisServer) -> None:
    facts = _lookup("huge.info")
    assert facts.error == "too_large"
