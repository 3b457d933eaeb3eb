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
