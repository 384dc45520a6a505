"""FetchConfig and LookupConfig validation; the environment is read by from_env only."""

from __future__ import annotations

import pytest

from fakeinvest import errors
from fakeinvest.config import FetchConfig, LookupConfig, brand_files_from_env, parse_resolve_env


def test_resolve_env_is_merged_by_from_env_only(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FAKEINVEST_RESOLVE", "atfx-vn.com:127.0.0.1, other.xyz:[::1]")
    monkeypatch.setenv("FAKEINVEST_CHROMIUM", "/opt/chromium/chrome")
    cfg = FetchConfig.from_env(resolve={"Extra.Example": "127.0.0.2"}, max_pages=3)
    assert cfg.resolve == {"atfx-vn.com": "127.0.0.1", "other.xyz": "::1",
                           "extra.example": "127.0.0.2"}
    assert cfg.browser == "/opt/chromium/chrome" and cfg.max_pages == 3
    plain = FetchConfig(resolve={"Extra.Example": "127.0.0.2"})
    assert plain.resolve == {"extra.example": "127.0.0.2"} and plain.browser is None
    assert plain.with_env().resolve == cfg.resolve


def test_lookup_config_from_env(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    env = {"FAKEINVEST_WHOIS_SERVER": "127.0.0.1:4343", "FAKEINVEST_RDAP_URL": "off",
           "FAKEINVEST_CACHE_DIR": "off"}
    cfg = LookupConfig.from_env(env)
    assert cfg.whois_address == ("127.0.0.1", 4343) and cfg.rdap_url == "off"
    assert cfg.cache_dir is None and not cfg.rdap_enabled
    assert LookupConfig.from_env({"XDG_CACHE_HOME": str(tmp_path)}).cache_dir == \
        tmp_path / "fakeinvest"
    pinned = LookupConfig.from_env({"FAKEINVEST_WHOIS_SERVER": "10.0.0.5:43"})
    assert not pinned.rdap_enabled  # a pinned WHOIS server keeps lookups in its network
    assert LookupConfig(rdap_url="http://127.0.0.1:1").rdap_url == "http://127.0.0.1:1/"
    assert LookupConfig().cache_dir is None and LookupConfig().namespace == ""
    assert LookupConfig(whois_server="h:1").namespace != LookupConfig().namespace


@pytest.mark.parametrize(("field", "value", "hint"), [
    ("whois_server", "localhost", r"127\.0\.0\.1:4343"),
    ("rdap_url", "rdap.example", "http"),
    ("timeout", 0, "positive"),
])
def test_lookup_config_explains_bad_values(field: str, value: object, hint: str) -> None:
    with pytest.raises(ValueError, match=hint):
        LookupConfig(**{field: value})


def test_brand_files_from_env(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    mine = tmp_path / "mine.csv"
    mine.write_text("brand\n")
    assert brand_files_from_env({"FAKEINVEST_BRANDS": str(mine)}) == [str(mine)]
    assert brand_files_from_env({}) == []
    with pytest.raises(errors.BadInputError, match="FAKEINVEST_BRANDS"):
        brand_files_from_env({"FAKEINVEST_BRANDS": str(tmp_path / "absent.csv")})


def test_resolve_rejects_non_ip() -> None:
    with pytest.raises(ValueError, match="not an IP address"):
        FetchConfig(resolve={"a.com": "localhost"})


def test_parse_resolve_env_explains_format() -> None:
    with pytest.raises(ValueError, match=r"example\.com:127\.0\.0\.1"):
        parse_resolve_env("justahost")


def test_allow_private_networks_are_validated() -> None:
    assert FetchConfig(allow_private=["127.0.0.0/8"]).allow_private == ("127.0.0.0/8",)
    with pytest.raises(ValueError, match="not a network"):
        FetchConfig(allow_private=["lan"])


@pytest.mark.parametrize("kwargs", [{"max_pages": 0}, {"site_deadline": 0},
                                    {"max_bytes": 10}, {"max_redirects": -1}])
def test_bad_limits_are_refused(kwargs: dict) -> None:
    with pytest.raises(ValueError):
        FetchConfig(**kwargs)
