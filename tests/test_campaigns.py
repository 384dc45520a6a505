"""Campaigns: sites linked by shared wallets, contacts, licence numbers and kits."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import fakeinvest
from fakeinvest._campaigns import campaigns, campaigns_graphml, read_verdict_lines
from fakeinvest.snapshot import Page, Snapshot

WALLET = "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t"


def _site(host: str, body: str, links: str = "", scam: bool = True) -> Snapshot:
    scheme = "<p>Lợi nhuận 2%/ngày, rút tiền sau khi nâng cấp VIP.</p>" if scam else ""
    html = (f"<html><head><title>{host}</title></head><body><p>{body}</p>{links}{scheme}"
            "</body></html>")
    return Snapshot(url=f"https://{host}/", pages=(Page(f"https://{host}/", html),))


def _verdicts() -> list[fakeinvest.Verdict]:
    sites = [
        _site("atfx-vn.com", f"Nạp USDT TRC20: {WALLET}"),
        _site("atfx-pro.net", f"Ví nạp tiền {WALLET}", '<a href="https://t.me/atfx_cs">cs</a>'),
        _site("atfxmarkets.vip", "Hỗ trợ", '<a href="https://t.me/ATFX_CS">hỗ trợ</a>'),
        _site("honest-bakery.com", "Fresh bread daily. Write to hello@honest-bakery.com",
              scam=False),
        _site("other-bakery.com", "Cakes. Write to shop@other-bakery.com", scam=False),
    ]
    return [fakeinvest.score_snapshot(s) for s in sites]


def test_sites_sharing_a_wallet_or_a_handle_form_one_campaign() -> None:
    found = campaigns(_verdicts(), kit_bits=-1)
    assert len(found) == 1
    (c,) = found
    assert c.sites == ["https://atfx-pro.net/", "https://atfx-vn.com/",
                       "https://atfxmarkets.vip/"]
    kinds = {(link.type, link.value) for link in c.links}
    assert ("wallet", WALLET) in kinds and ("telegram", "atfx_cs") in kinds
    wallet = next(link for link in c.links if link.type == "wallet")
    assert {s["site"] for s in wallet.seen} == {"https://atfx-pro.net/", "https://atfx-vn.com/"}
    assert all(WALLET in s["quote"] for s in wallet.seen)
    assert c.first_scan and c.last_scan and c.first_scan <= c.last_scan
    assert c.strongest["url"] in c.sites and c.flagged == 3
    assert json.loads(json.dumps(c.to_dict()))["sites"] == c.sites


def test_licence_numbers_link_only_unrelated_domains_and_kits_only_flagged_sites() -> None:
    lic = {"type": "licence", "value": "Licensed by the FCA (FRN 760555)", "page_url": None,
           "quote": "FRN 760555"}
    rows = [{"url": "https://a-broker.com/", "indicators": [lic], "flagged": True,
             "probability": 0.9, "kit_fingerprint": "00000000000000ff"},
            {"url": "https://a-broker.com/plans", "indicators": [lic], "flagged": True,
             "probability": 0.8, "kit_fingerprint": "ffff000000000000"},
            {"url": "https://b-scam.net/", "indicators": [], "flagged": True,
             "probability": 0.95, "kit_fingerprint": "00000000000000fe"},
            {"url": "https://honest.example/", "indicators": [], "flagged": False,
             "probability": 0.01, "kit_fingerprint": "00000000000000ff"}]
    # same registrable domain: the licence is no link; the kit links a-broker and b-scam
    (c,) = campaigns(rows)
    assert c.sites == ["https://a-broker.com/", "https://b-scam.net/"]
    assert [link.type for link in c.links] == ["kit"]
    assert campaigns(rows, kit_bits=-1) == []
    rows[1]["url"] = "https://c-clone.org/"
    (c,) = campaigns(rows, kit_bits=-1)
    assert [link.type for link in c.links] == ["licence"]


def test_graphml_opens_in_a_standard_graph_library(tmp_path: Path) -> None:
    nx = pytest.importorskip("networkx")
    found = campaigns(_verdicts(), kit_bits=-1)
    path = tmp_path / "c.graphml"
    path.write_bytes(campaigns_graphml(found))
    g = nx.read_graphml(path)
    assert set(g.nodes) == set(found[0].sites)
    assert nx.number_connected_components(g) == 1
    assert {d["type"] for _a, _b, d in g.edges(data=True)} == {"wallet", "telegram"}
    assert all(g.nodes[n]["campaign"] == "campaign-1" for n in g.nodes)


def test_cli_table_json_and_graph(tmp_path: Path) -> None:
    results = tmp_path / "r.jsonl"
    results.write_text("".join(json.dumps(v.to_dict()) + "\n" for v in _verdicts())
                       + '{"url": "torn', encoding="utf-8")
    assert len(read_verdict_lines([results])) == 5

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "fakeinvest.cli", "campaigns", *args],
                              capture_output=True, text=True, timeout=120)

    table = run(str(results))
    assert table.returncode == 0, table.stderr
    assert "campaign-1: 3 sites" in table.stdout and "wallet " + WALLET in table.stdout
    js = run(str(results), "--json", "--graph", str(tmp_path / "g.graphml"))
    assert js.returncode == 0, js.stderr
    data = json.loads(js.stdout)
    assert [len(c["sites"]) for c in data] == [3] and data[0]["links"]
    assert (tmp_path / "g.graphml").read_bytes().startswith(b"<?xml")
    bad = run(str(results), "--graph", str(tmp_path / "g.png"))
    assert bad.returncode == 2 and "GraphML" in bad.stderr
    missing = run(str(tmp_path / "missing.jsonl"))
    assert missing.returncode == 2 and "cannot read" in missing.stderr


def test_kit_pairs_connect_what_comparing_every_pair_connects() -> None:
    """Banded candidate pairs give the same components as an all-pairs comparison."""
    import random

    from fakeinvest._campaigns import _kit_pairs

    rng = random.Random(3)
    base = [rng.getrandbits(64) for _ in range(300)]
    fps = [(i, fp) for i, fp in enumerate(base)]
    for k in range(300, 700):  # copies, and neighbours 1-5 bits away
        fp = rng.choice(base)
        for _ in range(rng.randrange(0, 6)):
            fp ^= 1 << rng.randrange(64)
        fps.append((k, fp))

    def components(pairs) -> set[frozenset[int]]:
        parent = list(range(len(fps)))

        def find(i: int) -> int:
            while parent[i] != i:
                i = parent[i]
            return i

        for i, j, _d in pairs:
            parent[find(i)] = find(j)
        groups: dict[int, set[int]] = {}
        for i, _fp in fps:
            groups.setdefault(find(i), set()).add(i)
        return {frozenset(g) for g in groups.values()}

    brute = [(i, j, (a ^ b).bit_count()) for x, (i, a) in enumerate(fps)
             for j, b in fps[x + 1:] if (a ^ b).bit_count() <= 3]
    fast = _kit_pairs(fps, 3)
    assert all(d <= 3 and (dict(fps)[i] ^ dict(fps)[j]).bit_count() == d for i, j, d in fast)
    assert components(fast) == components(brute)
    assert len(fast) < len(brute)  # copies are chained, not paired with each other
