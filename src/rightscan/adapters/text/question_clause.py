"""Fifteenth security pass F2: a row of boxed options answers its question's own clause, not the line above it.

The line above a row of options ("[x] No (0)   [ ] Yes (1)", ``options_below``) may state a complaint before it asks
something else: "Bone pain right hip 3 wks, constant. Anything else to report:", "Severe back pain since October -
is the pain controlled?". Its "No" answers the question only; the complaint told before it stands. So the answer
reaches back only to the clause's start: past the last sentence end, semicolon or dash set off by blanks. Within the
clause, items told before its last comma ("Headaches on waking for 3 weeks, asked about driving:") may be the
complaint or the question's own list ("Bone pain, headache or cough?"): a negative answer leaves them to confirm
(uncertain), never denied; its other answers reach them as before.
"""

from __future__ import annotations

import re

_CLAUSE_END = re.compile(r"[.!?;](?=[ \t])|[ \t][-–—][ \t]")
_LAST_COMMA = re.compile(r",(?=[ \t])")


def own_clause(text: str, begin: int, stop: int, said: str) -> list[tuple[int, int, str]]:
    """The marks of an answer ``said`` to the question spanning [begin, stop) (its asking mark last)."""
    ends = [m.end() for m in _CLAUSE_END.finditer(text, begin, stop - 1)]
    if ends:
        begin = ends[-1]
        while begin < stop and text[begin] in " \t":
            begin += 1
    if begin >= stop:
        return []
    commas = [m.end() for m in _LAST_COMMA.finditer(text, begin, stop - 1)]
    if said != "negated" or not commas:
        return [(begin, stop, said)]
    return [(begin, commas[-1], "uncertain"), (commas[-1], stop, said)]
