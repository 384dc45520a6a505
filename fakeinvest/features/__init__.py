"""Feature extractors: pure functions of page text."""
