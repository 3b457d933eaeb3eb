"""Dates and word alternatives as notes write them, shared by the readers of dated entries and dated visits."""

from __future__ import annotations

import re
from collections.abc import Sequence

# the months by their first three letters, in calendar order (one list for every reader of dates)
MONTH_ABBREVIATIONS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
# a date: month/day/year (or day/month/year), year-month-day, month/year, and the month written in words
DATE = (
    r"(?:\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})|\d{4}-\d{1,2}-\d{1,2}|\d{1,2}/\d{4}"
    rf"|{MONTH}[ \t]+\d{{1,2}},?[ \t]+\d{{4}}|\d{{1,2}}[ \t]+{MONTH},?[ \t]+\d{{4}}|{MONTH},?[ \t]+\d{{4}})"
)


def alternatives(words: Sequence[str]) -> str:
    """A regular expression matching any of ``words`` (spaces as any blanks), longest first."""
    return "|".join(re.escape(w).replace(r"\ ", r"[ \t]+") for w in sorted(words, key=len, reverse=True))


_MONTH_NUMBERS = {m: i + 1 for i, m in enumerate(MONTH_ABBREVIATIONS)}


def readings(date: str) -> tuple[tuple[int, int, int] | None, tuple[int, int, int] | None]:
    """The date as (year, month, day) read month-first and day-first (None where that reading is no date)."""
    s = date.lower()
    words = re.findall(r"[a-z]+", s)
    nums = [int(n) for n in re.findall(r"\d+", s)]
    if words:
        month = _MONTH_NUMBERS.get(words[0][:3])
        if month is None:
            return None, None
        year = nums[-1]
        day = nums[0] if len(nums) == 2 else 0
        return (year, month, day), (year, month, day)
    if len(nums) == 1:  # a year alone (a dated list's line)
        return ((nums[0], 0, 0),) * 2  # type: ignore[return-value]
    if len(nums) == 2:  # month/year
        return ((nums[1], nums[0], 0) if 1 <= nums[0] <= 12 else None,) * 2  # type: ignore[return-value]
    a, b, c = nums
    if a > 31:  # year-month-day
        one = (a, b, c) if 1 <= b <= 12 and 1 <= c <= 31 else None
        return one, one
    year = c + 2000 if c < 100 else c
    mdy = (year, a, b) if 1 <= a <= 12 and 1 <= b <= 31 else None
    dmy = (year, b, a) if 1 <= b <= 12 and 1 <= a <= 31 else None
    return mdy, dmy
