"""Round 48a: a speaker's line right under a question is the question's answer, not a form's label and its value.

A transcript writes who speaks before what is said: "Nurse: Any headaches?" then "Patient: no". The layout reads a
"<label>: no" line as a form's item answered no, and "<label>: yes" as one answered yes; here the label is only the
speaker, so the layout negated or stated "Patient" and blanked the answer, and the question above lost it (round 47a
left such a question to confirm). A line that opens with a role of ``answer_speakers`` (context.yaml; with a time
before it, "[09:06] Patient:", or a bracket after it, "A (husband):"), when the line before it that holds words ends
with a question mark, is held out of the layout's reading: the layout sees blanks there, and the line is given back
as written afterwards, for the readers of answers (``unstated_mentions``) to read. Same offsets throughout. An answer
with boxes, signs, cells or a field of its own ("Pt: bone pain [x] N") is left to the layout, which reads them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# a transcript's time, the speaker's role (perhaps a name or a number after it) and a bracket, then the colon
_TIME = r"[ \t]*(?:\[[\d:.apmAPM \t]{3,12}\][ \t]*)?"
_AFTER = r"(?:[ \t]+[A-Za-z0-9.'-]{1,20})?(?:[ \t]*\([^)\n]{1,30}\))?[ \t]*:"
# what may close a question's line after its mark: quotes, brackets, blanks
_ASKED = re.compile(r"\?[\"'”’)\] \t]*$")
# an answer the layout must still read: boxes, signs, cells or a field of its own ("Pt: bone pain [x] N", "A: ER: neg")
_LAID_OUT = re.compile(r"[\[\]|:☐☑☒■□✓✔✗✘]")


class SpeakerAnswers:
    """The answer lines to hold out of the layout, found with the roles of ``answer_speakers``."""

    def __init__(self, speakers: Iterable[str]) -> None:
        roles = sorted({" ".join(w.split()) for w in speakers if w.strip()}, key=len, reverse=True)
        alts = "|".join(r"[ \t]+".join(re.escape(p) for p in r.split()) for r in roles)
        self._lead = re.compile(f"{_TIME}(?:{alts}){_AFTER}", re.IGNORECASE) if alts else None

    def held(self, text: str) -> list[tuple[int, int]]:
        """(start, end) of each answer line under a question, without its line break."""
        if self._lead is None or "?" not in text or ":" not in text:
            return []
        spans: list[tuple[int, int]] = []
        asked = False
        start = 0
        for line in text.split("\n"):
            end = start + len(line)
            lead = self._lead.match(line) if asked else None
            if lead is not None and not _LAID_OUT.search(line, lead.end()):
                spans.append((start, end))
            if line.strip():
                asked = _ASKED.search(line) is not None
            start = end + 1
        return spans


def blank(text: str, spans: list[tuple[int, int]]) -> str:
    """The text with the held lines blanked (same length)."""
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


def restore(plain: str, original: str, spans: list[tuple[int, int]]) -> str:
    """The layout's text with the held lines given back as written."""
    chars = list(plain)
    for start, end in spans:
        chars[start:end] = original[start:end]
    return "".join(chars)
