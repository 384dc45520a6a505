"""FetchConfig validation and the FAKEINVEST_RESOLVE override."""

from __future__ import annotations

import pytest

from fakeinvest.config import FetchConfig, parse_resolve_env


def test_resolve_env_is_merged(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FAKEINVEST_RESOLVE", "atfx-vn.com:127.0.0.1, other.xyz:[::1]")
    cfg = FetchConfig(resolve={"Extra.Example": "127.0.0.2"})
    assert cfg.resolve == {"atfx-vn.com": "127.0.0.1", "other.xyz": "::1",
                           "extra.example": "127.0.0.2"}


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
