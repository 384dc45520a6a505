"""What registration records say, whichever protocol brought them: dates and privacy."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

__all__ = ["PRIVACY", "parse_date"]

_MONTHS = {m: i for i, m in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1)}
_NAMED_TZ = {"utc": 0, "gmt": 0, "z": 0, "ut": 0, "jst": 9 * 60, "kst": 9 * 60, "msk": 3 * 60,
             "cet": 60, "cest": 120, "ict": 7 * 60, "sgt": 8 * 60, "hkt": 8 * 60}
_TIME = r"(?:[T\s]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?)?"
_YMD = re.compile(r"(\d{4})\s*[-./]\s*(\d{1,2})\s*[-./]\s*(\d{1,2})\.?" + _TIME)
_DMY = re.compile(r"(\d{1,2})\s*[-./]\s*(\d{1,2})\s*[-./]\s*(\d{4})" + _TIME)
_D_MON_Y = re.compile(r"(\d{1,2})[-\s./]*([a-z]{3})[a-z]*\.?[-\s./,]*(\d{4})" + _TIME,
                      re.IGNORECASE)
_MON_D_Y = re.compile(r"([a-z]{3})[a-z]*\.?\s+(\d{1,2}),?\s+(?:(\d{1,2}):(\d{2}):(\d{2})\s+)?"
                      r"(?:[a-z]{3,4}\s+)?(\d{4})", re.IGNORECASE)
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})(?:\D|$)")
_TZ_GMT = re.compile(r"\(?\s*(?:GMT|UTC)\s*([+-])(\d{1,2})(?::?(\d{2}))?\s*\)?\s*$",
                     re.IGNORECASE)
_TZ_BARE = re.compile(r"(\d:\d\d(?::\d\d(?:[.,]\d+)?)?)\s*([+-])(\d{2}):?(\d{2})\s*$")
_TZ_NAME = re.compile(r"\(?\s*([A-Za-z]{1,4})\s*\)?\s*$")


def parse_date(raw: str) -> datetime | None:
    """Parse a WHOIS date in any of the common registry formats, tolerantly.

    Handles ISO 8601 (``2024-05-01T10:00:00Z``, ``+07:00`` offsets, fractions),
    ``2024/05/01``, ``2024.05.01``, ``01.05.2024`` and ``05-11-2026`` (day first unless
    impossible), ``14-Mar-2011``, ``March 14 2011``, ``20240501``, Chinese/Japanese
    ``2024年05月01日``, and a trailing zone such as ``(GMT+7)``, ``+0700``, ``UTC`` or
    ``(JST)``. A date without a zone is taken as UTC.

    Parameters
    ----------
    raw : str
        The value as written in the record.

    Returns
    -------
    datetime or None
        Timezone-aware UTC, or None when no date can be read.
    """
    text = raw.strip()
    if not text or len(text) > 120:
        return None
    text = re.sub(r"(\d+)\s*年\s*(\d+)\s*月\s*(\d+)\s*日", r"\1-\2-\3", text)
    text = text.replace("时", ":").replace("分", ":").replace("秒", "")
    offset = 0
    tail = text
    if (m := _TZ_GMT.search(text)) is not None:
        offset = (1 if m[1] == "+" else -1) * (int(m[2]) * 60 + int(m[3] or 0))
        tail = text[:m.start()]
    elif (m := _TZ_BARE.search(text)) is not None:
        offset = (1 if m[2] == "+" else -1) * (int(m[3]) * 60 + int(m[4]))
        tail = text[:m.start()] + m[1]
    elif (m := _TZ_NAME.search(text)) is not None and m[1].lower() in _NAMED_TZ:
        offset = _NAMED_TZ[m[1].lower()]
        tail = text[:m.start()]
    parts: tuple[int, int, int, int, int, int] | None = None
    if (m := _YMD.search(tail)) is not None:
        parts = (int(m[1]), int(m[2]), int(m[3]), int(m[4] or 0), int(m[5] or 0), int(m[6] or 0))
    elif (m := _DMY.search(tail)) is not None:
        a, b = int(m[1]), int(m[2])
        day, month = (b, a) if b > 12 >= a else (a, b)
        parts = (int(m[3]), month, day, int(m[4] or 0), int(m[5] or 0), int(m[6] or 0))
    elif (m := _D_MON_Y.search(tail)) is not None and m[2].lower() in _MONTHS:
        parts = (int(m[3]), _MONTHS[m[2].lower()], int(m[1]), int(m[4] or 0),
                 int(m[5] or 0), int(m[6] or 0))
    elif (m := _MON_D_Y.search(tail)) is not None and m[1].lower() in _MONTHS:
        parts = (int(m[6]), _MONTHS[m[1].lower()], int(m[2]), int(m[3] or 0),
                 int(m[4] or 0), int(m[5] or 0))
    elif (m := _COMPACT.search(tail)) is not None:
        parts = (int(m[1]), int(m[2]), int(m[3]), 0, 0, 0)
    if parts is None or not 1900 <= parts[0] <= 2200:
        return None
    try:
        local = datetime(*parts, tzinfo=UTC)
    except ValueError:
        return None
    return local - timedelta(minutes=offset)


PRIVACY = re.compile(
    r"redact|privacy|withheld|whois\s*guard|proxy|gdpr|masked|not disclosed|"
    r"data protected|private person|private registration|identity protect|"
    r"domain protection|non-public data|statutory masking", re.IGNORECASE)
