"""Example websites served locally by ``fakeinvest demo`` and the tests (fictional content)."""
