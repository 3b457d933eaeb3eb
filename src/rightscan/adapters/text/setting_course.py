"""The cancer's first course of treatment in the note's own time (round 10c), for the setting.

The annotation guide's settings are a cancer not yet treated (new diagnosis), a treated cancer in routine follow-up
(surveillance) and a treated cancer with a new finding (suspected recurrence). A note written while the first course
is going on - days or weeks after the operation, with the chemotherapy or the radiotherapy that follows it still to
come or under way - is none of them: the cancer is being treated. ``note_setting`` leaves the setting open for such a
note (the decision then names the setting to confirm) instead of reading a follow-up, a recurrence (the lump and the
node the cancer presented with, told in its history) or a new diagnosis into it.

What the dates a note writes say:

- ``dated_lately``: the operations (or treatment) dated before the note's latest time and within ``RECENT_MONTHS`` of
  it ("L WLE + SLNB 04/02/2025" in a consult of 03/03/2025; "post L WLE 16/12/2024" in a review of 28/02/2025). An
  operation dated last, with nothing written after it ("Date of surgery: 2025-04-08" in a pre-operative note), may be
  booked: it is not one. Neither is an operation beside a bare year ("lumpectomy 2019").
- ``after_note_date``: an operation dated after the note's own date ("list 24/03/2025" in a pre-admission note of
  10/03/2025) is booked, not done.

A note writes its day-month-year dates one way round (03/11 is March or November): a number above 12 in any of them
tells which; otherwise both readings are kept, and a question is answered only when both agree.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from rightscan.adapters.text.firstchars import guarded
from rightscan.adapters.text.model import Mention
from rightscan.adapters.text.note_dates import MONTH_ABBREVIATIONS
from rightscan.adapters.text.setting_episode import own_clause

RECENT_MONTHS = 6  # an operation at most this many months before the note's latest time is the current course
NOTE_DATE = "clue.note_date"  # values.yaml (round 10c): the note's own date, a label opening its line
ELAPSED = "clue.time_elapsed"  # values.yaml: years (or six months and more) elapsed: no first course
_MONTHS = MONTH_ABBREVIATIONS
_MONTH_WORD = r"(?P<mw>jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DATE = re.compile(
    r"(?<![\d/.-])(?P<a>\d{1,2})[/.-](?P<b>\d{1,2})[/.-](?P<y>(?:19|20)\d{2})(?![\d/])"
    r"|(?<![\d/.-])(?P<m>\d{1,2})/(?P<y2>(?:19|20)\d{2})(?![\d/])"
    r"|(?<![\d-])(?P<y3>(?:19|20)\d{2})-(?P<m3>\d{1,2})-(?P<d3>\d{1,2})(?!\d)"
    rf"|\b{_MONTH_WORD}\s+(?:\d{{1,2}}(?:st|nd|rd|th)?,?\s+)?(?P<y4>(?:19|20)\d{{2}})\b",
    re.IGNORECASE,
)
_DATE = guarded(_DATE)  # tried only where its first characters stand (the same matches)
_YEAR = re.compile(r"(?<![\d/.-])(?:19[5-9]\d|20[0-4]\d)(?![\d/])")
_LABEL_DATE = re.compile(r"\b(?:date|DOS)\b[^:\n]{0,30}:\s*(?P<a>\d{1,2})[/.-](?P<b>\d{1,2})[/.-](?P<y>(?:19|20)\d{2})",
                         re.IGNORECASE)  # fmt: skip


def _day(year: int, month: int, day: int) -> int:
    return year * 372 + (month - 1) * 31 + (day - 1)


def _ways(a: int, b: int, day_first: bool | None) -> list[tuple[int, int]]:
    """(month, day) readings of "a/b/year"."""
    ways = [(b, a), (a, b)] if day_first is None else [(b, a)] if day_first else [(a, b)]
    return [(m, d) for m, d in ways if 1 <= m <= 12 and 1 <= d <= 31]


def _convention(sentences: Iterable[str]) -> bool | None:
    """Whether the note writes day first (True), month first (False), or leaves it open (None)."""
    for s in sentences:
        for found in _DATE.finditer(s):
            if found.group("y"):
                a, b = int(found.group("a")), int(found.group("b"))
                if a > 12 >= b:
                    return True
                if b > 12 >= a:
                    return False
    return None


def _readings(found: re.Match[str], day_first: bool | None) -> tuple[int, int] | None:
    """The earliest and latest day a date can be read as; None when it is no date."""
    spans: list[tuple[int, int]] = []
    if found.group("y"):
        year = int(found.group("y"))
        spans = [(_day(year, m, d),) * 2 for m, d in _ways(int(found.group("a")), int(found.group("b")), day_first)]
    elif found.group("y3"):
        year, month, day = int(found.group("y3")), int(found.group("m3")), int(found.group("d3"))
        spans = [(_day(year, month, day),) * 2] if 1 <= month <= 12 and 1 <= day <= 31 else []
    else:
        if found.group("y2"):
            year, month = int(found.group("y2")), int(found.group("m"))
        else:
            year, month = int(found.group("y4")), _MONTHS.index(found.group("mw").lower()[:3]) + 1
        spans = [(_day(year, month, 1), _day(year, month, 31))] if 1 <= month <= 12 else []
    if not spans:
        return None
    return min(lo for lo, _ in spans), max(hi for _, hi in spans)


def dates_in(text: str, day_first: bool | None = None) -> list[tuple[int, int]]:
    """Every date written with its month, as (earliest, latest) day readings."""
    return [r for found in _DATE.finditer(text) if (r := _readings(found, day_first)) is not None]


def _bare_years(text: str) -> list[int]:
    """The years written without their month ("lumpectomy 2019")."""
    spans = [found.span() for found in _DATE.finditer(text)]
    return [int(y.group()) for y in _YEAR.finditer(text) if not any(s <= y.start() < e for s, e in spans)]


def latest_day(sentences: Iterable[str], day_first: bool | None = None) -> int | None:
    """The note's latest time written: the earliest reading of its latest date (a bare year from its first day)."""
    found = set(sentences)
    lows = [lo for s in found for lo, _ in dates_in(s, day_first)]
    lows += [_day(y, 1, 1) for s in found for y in _bare_years(s)]
    return max(lows) if lows else None


def _frame(mentions: list[Mention]) -> tuple[bool | None, int | None]:
    """The note's date convention and latest time, read once from its sentences (each sentence once: a sentence holds
    many mentions)."""
    sentences = list(dict.fromkeys(m.sentence for m in mentions))
    day_first = _convention(sentences)
    return day_first, latest_day(sentences, day_first)


def dated_lately(
    told: list[Mention], mentions: list[Mention], frame: tuple[bool | None, int | None] | None = None
) -> list[Mention]:
    """The mentions dated, by every date of their sentence and no bare year, before the note's latest time and within
    ``RECENT_MONTHS`` of it (``frame``: ``_frame(mentions)`` when already read)."""
    day_first, latest = frame if frame is not None else _frame(mentions)
    if latest is None:
        return []
    found = []
    for m in told:
        dates = dates_in(m.sentence, day_first)
        if dates and not _bare_years(m.sentence) and all(0 < latest - hi <= RECENT_MONTHS * 31 for _, hi in dates):
            found.append(m)
    return found


def within_course(mentions: list[Mention], frame: tuple[bool | None, int | None]) -> bool:
    """Every date and bare year the note writes lies within ``RECENT_MONTHS`` before its latest time (a bare year read
    from its first day): the note tells no time before its current course."""
    day_first, latest = frame
    if latest is None:
        return False
    sentences = list(dict.fromkeys(m.sentence for m in mentions))
    lows = [lo for s in sentences for lo, _ in dates_in(s, day_first)]
    lows += [_day(y, 1, 1) for s in sentences for y in _bare_years(s)]
    return all(latest - lo <= RECENT_MONTHS * 31 for lo in lows)


def note_date(sentence: str) -> tuple[int, int, int] | None:
    """The note's own date in the sentence of its label ("Date: 10/03/2025"), its numbers as written."""
    found = _LABEL_DATE.search(sentence)
    return (int(found.group("a")), int(found.group("b")), int(found.group("y"))) if found else None


def after_note_date(sentence: str, written: tuple[int, int, int] | None) -> bool:
    """The sentence dates something after the note's own date: booked, not done."""
    if written is None:
        return False
    for found in _DATE.finditer(sentence):
        if not found.group("y"):
            continue
        mine = (int(found.group("a")), int(found.group("b")), int(found.group("y")))
        fixed = _convention([found.group(0), f"{written[0]}/{written[1]}/{written[2]}"])
        pairs = [
            (when, note)
            for way in ([True, False] if fixed is None else [fixed])
            if (when := _on(mine, day_first=way)) is not None and (note := _on(written, day_first=way)) is not None
        ]
        if pairs and all(when > note for when, note in pairs):
            return True
    return False


def _on(date: tuple[int, int, int], *, day_first: bool) -> int | None:
    ways = _ways(date[0], date[1], day_first)
    return _day(date[2], *ways[0]) if ways else None


def first_course(
    surgery: list[Mention], long_ago: list[Mention], mentions: list[Mention], stated_by_staging: bool
) -> tuple[str, list[Mention]] | None:
    """Why the setting stays open, with its evidence, when the note is written during the cancer's first course: an
    operation dated lately (``dated_lately``), nothing dated earlier (no treated cancer of before) and no years said
    to have elapsed. A setting the note states in words other than "staging" stands (``stated_by_staging``: none is
    stated, or only "staging")."""
    if not surgery:
        return None
    frame = _frame(mentions)
    lately = dated_lately(surgery, mentions, frame)
    # round 43l (v43 bd-002): a duration the plan names ("Continue pembro to complete 1 yr") is treatment to come, not
    # time elapsed
    if not lately or not stated_by_staging or any(m.rule == ELAPSED and "proposed" not in m.effects for m in mentions):
        return None
    course = dated_lately(long_ago, mentions, frame)
    # round 14v-c: treatment told without any date or year ("Completed adjuvant chemo (ddAC-T, last dose 11/02)") is
    # the same course when the note dates nothing before it: every date and year it writes lies within the course
    if within_course(mentions, frame):
        course += [m for m in long_ago if not dates_in(m.sentence, frame[0]) and not _bare_years(m.sentence)]
    if any(m not in course for m in long_ago):
        return None
    return ("operated within months of the note: the cancer is in its first course of treatment, neither untreated "
            "nor in follow-up", lately[:2])  # fmt: skip


def told_after(findings: list[Mention], operations: list[Mention]) -> list[Mention]:
    """The findings the note tells after the start of its first breast operation's sentence, or in that sentence: those
    told in sentences before it are the cancer's story up to the operation."""
    if not operations:
        return findings
    first = min(operations, key=lambda m: m.start)
    return [m for m in findings if m.start > first.start or m.sentence == first.sentence]


# round 43l: a timeline entry opens with its date ("2/2025 L breast mass, US 5.6 cm.", "- 1/2025 - R inflammatory ...")
_ENTRY_DATE = re.compile(r"^\W{0,4}(?:\d{1,2}[/.-](?:\d{1,2}[/.-])?(?:19|20)\d{2}|(?:19|20)\d{2}\b)")
_GAP = 5  # at most this many characters unread between two sentences: whitespace, no sentence (a date is longer)
_ENTRY_REACH = 3  # an entry's date dates at most this many sentences after its own


def _when(m: Mention, sentences: list[tuple[int, str]], day_first: bool | None) -> list[tuple[int, int]]:
    """The dates that date the mention: those of its own clause, else those of the timeline entry it continues (the
    nearest earlier sentence with a date, joined to it with no sentence unread between, whose text opens with its date:
    "2/2025 L breast mass, US 5.6 cm." dates "Core: IDC ... cN1 (L axillary node FNA +)."). Bare years count, read as
    their whole year. None when nothing dates it."""

    def of(text: str) -> list[tuple[int, int]]:
        return dates_in(text, day_first) + [(_day(y, 1, 1), _day(y, 12, 31)) for y in _bare_years(text)]

    own = of(own_clause(m))
    if own or m.sentence_start < 0:
        return own
    at = next((i for i, (s, text) in enumerate(sentences) if s == m.sentence_start and text == m.sentence), None)
    if at is None:
        return []
    end = m.sentence_start
    for start, text in reversed(sentences[max(0, at - _ENTRY_REACH) : at]):
        if start + len(text) > end or end - (start + len(text)) > _GAP:
            return []
        if found := of(text):
            return found if _ENTRY_DATE.match(text) else []
        end = start
    return []


_MASTECTOMY = "surgery.mastectomy"  # targets.yaml: done once on a breast, so named again undated it is the same one


def presented_before_course(
    findings: list[Mention], course: list[Mention], mentions: list[Mention], sides: Callable[[str], set[str]]
) -> list[Mention]:
    """Round 43l: the findings dated before every treatment and operation of the note (``course``: the treatment, the
    earlier cancer and the operations read), each of which is dated too: in a dated history ("2/2025 ... cN1 (node FNA
    +)", "3/2025 mammo BI-RADS 4C" then "9/16/2025 L mastectomy"), the finding that led to the diagnosis is how the
    cancer being treated presented, not a new finding after its treatment. Compared by month and year where both are
    written: the finding's latest reading must fall before the treatment's earliest (a bare year is its whole year,
    so "3/2025" against "lumpectomy 2025" is not known to be before). Nothing when a treatment is undated (an earlier
    course told without its date may precede the finding) or when the note names no treatment; a mastectomy named again
    without its date, of the side of a dated one ("referred after R mastectomy" with "6/10/2025 R total mastectomy"), is
    that one (``sides``: the sides a sentence names)."""
    if not findings or not course:
        return []
    day_first = _convention(dict.fromkeys(m.sentence for m in mentions))
    sentences = sorted({(m.sentence_start, m.sentence) for m in mentions if m.sentence_start >= 0})
    dated = [_when(m, sentences, day_first) for m in course]  # by position: a mention may hold unhashable values
    done = [sides(m.sentence) for m, dates in zip(course, dated, strict=True) if m.rule == _MASTECTOMY and dates]
    lows = []
    for m, dates in zip(course, dated, strict=True):
        if not dates and m.rule == _MASTECTOMY and (side := sides(m.sentence)) and any(side == d for d in done):
            continue
        if not dates:
            return []
        lows.append(min(lo for lo, _ in dates))
    if not lows:
        return []
    first = min(lows)
    before = []
    for m in findings:
        dates = _when(m, sentences, day_first)
        if dates and max(hi for _, hi in dates) < first:
            before.append(m)
    return before
