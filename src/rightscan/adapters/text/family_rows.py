"""Whose symptom: the rows of a family history are the relatives', and the lines after it may be the patient's.

A family history is written as rows, one relative each ("- Father, 68: being worked up for back pain and weight
loss", "Sister (52): cough", "| Mother | 70 | bone pain |"). ConText's relative cue reaches only as far as its
scope: a word on the row that names someone again ("by his own GP", a SUBJECT cue) or a table's cells end it, and
the relative's complaint was read as the patient's red flag. The section title "Family history:" gives its effect
to everything up to the next title, so the patient's own symptom written after the family history ("FHx: mother
breast ca at 50.\\nPt reports new back pain x 3 wks") was read as a relative's and dropped.

``family_rows`` (run first by ``Scopes.spread``):

- a relative's row: a line that starts with a relative (a FAMILY cue of context_rules.json, after a list mark, a
  table bar or up to two words such as "maternal" or "pt's"), followed by what the relative had (a colon, a dash, a
  comma, a bracket, a bar or an age). Every mention on the row, and on its indented continuation lines, is the
  relative's, when the row stands in a family history: in its section, under a heading naming one (``layout``
  ``family_headings``: "Family history (pedigree drawn):", "| Relative | Age | Problem |"), or next to another
  relative's row. A row led by a relative that names the patient or an informant (``family_row_not_relative``:
  "Daughter: says mum has had back pain for weeks") is not the relative's, nor surely the patient's: a symptom
  the relative's cue reaches there is uncertain (to confirm). Round 21a: the patient named only as the one who told
  it (``family_row_source``: "- Mother: ovarian ca, d. 55. Per pt 'she had a lot of pain in her stomach'") leaves
  the row the relative's;
- the end of a family history: a symptom given a relative's effect only by the family-history section, on a
  line that names no relative and goes on no relative's line, is not the relative's: the patient's when the
  line starts with her (``patient_leads``: "Pt reports ..."); otherwise whose it is cannot be told, and it is
  uncertain (to confirm), never dropped.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Mapping, Sequence
from typing import Any

from spacy.tokens import Doc

from rightscan.adapters.text.components import doc_text
from rightscan.adapters.text.hypothetical_lists import LIST_MARK
from rightscan.adapters.text.rule_pass import FAMILY_SECTION, NoteMentions, Sections

# before a relative leading a row: a list mark or a bar, then at most two words ("- Maternal aunt:", "Pt's sister")
_ROW_LEAD = re.compile(rf"(?:{LIST_MARK.pattern})?[ \t]*(?:[A-Za-z'’.-]+[ \t]+){{0,2}}")
# after it: what the relative had ("Father, 68:", "Sister (52):", "Mother - breast ca", "| Mother | 70 |")
_NEWLINE = re.compile("\n")
_ROW_OPENS = re.compile(r"[ \t]*(?:[,:(|=]|[-–—][ \t]|\d)")

_SENTENCE_ENDS = (".", "!", "?", ";")  # a line above ending so ends its sentence
# round 29b (v30 blind): a bullet item led by a relative is a relative's row even alone ("* Mother - L breast ca at
# 41. Recurred in the liver, became jaundiced"): the item is hers to its end, across its sentences
_BULLET = re.compile(r"[ \t]*[-*•·▪◦‣–—](?=[ \t])")
_CLAUSE_END = re.compile(r"[.!?;](?:\s|$)")


def _first_clause_end(text: str, a: int, b: int) -> int:
    """Where the first sentence or clause after character ``a`` ends on its line (``b`` when it runs to the end)."""
    m = _CLAUSE_END.search(text, a, b)
    return m.start() if m else b


def _phrases(words: Sequence[str]) -> re.Pattern[str]:
    ordered = sorted(words, key=len, reverse=True)
    alternation = "|".join(r"[ \t]+".join(re.escape(w) for w in p.split()) for p in ordered)
    return re.compile(rf"(?<![A-Za-z])(?:{alternation or '(?!)'})(?![A-Za-z])", re.IGNORECASE)


class FamilyRows:
    """The relative's rows and the end of a family history, built once per rule set."""

    def __init__(self, layout: Mapping[str, Sequence[str]]) -> None:
        self.headings = _phrases(layout.get("family_headings", ()))
        self.not_relative = _phrases(layout.get("family_row_not_relative", ()))
        self.source = _phrases(layout.get("family_row_source", ()))
        leads = _phrases(layout.get("patient_leads", ())).pattern
        self.patient = re.compile(rf"[ \t]*(?:{LIST_MARK.pattern})?[ \t]*{leads}", re.IGNORECASE)

    def apply(self, note: NoteMentions, policies: Mapping[str, Any]) -> None:
        """A relative's rows and the end of a family history (module docstring), for the families whose policy
        ignores a relative's mention."""
        doc, spans, described, effects, sections = note.doc, note.spans, note.described, note.effects, note.sections
        targets = [i for i, d in enumerate(described) if "family" in policies[d["family"]].ignore]
        if not targets:
            return
        cues = note.cues("family")
        in_section = any(s is not None and s[0] == FAMILY_SECTION for s in sections)
        if not cues and not in_section:
            return
        text = doc_text(doc)
        starts = [0] + [m.end() for m in _NEWLINE.finditer(text)]
        ends = [s - 1 for s in starts[1:]] + [len(text)]

        def line_of(char: int) -> int:
            return bisect.bisect_right(starts, char) - 1

        relative_lines = {line_of(doc[s].idx) for s, _ in cues}
        rows, spoken = self._rows(doc, text, cues, starts, ends, sections)
        for i in targets:
            span = spans[i]
            k = line_of(span.start_char)
            own = "warning" in effects[i] and _own_clause(doc, text, cues, span.start_char, span.end_char,
                                                           (starts[k], ends[k]))  # fmt: skip
            if any(a <= span.start_char and span.end_char <= b for a, b in rows):
                if own and "explained" in policies[described[i]["family"]].ignore:
                    effects[i].discard("family")  # round 26 (twelfth security pass, F4): "; new bone pain ..."
                    effects[i].add("uncertain")
                else:
                    effects[i].add("family")
                continue
            if "family" not in effects[i] or "explained" not in policies[described[i]["family"]].ignore:
                continue  # only symptoms: other facts keep their reading
            if k in spoken:  # "Daughter: says mum has had back pain": whose it is cannot be told
                effects[i].discard("family")
                effects[i].add("uncertain")
                continue
            where = sections[span.start]
            if where is None or where[0] != FAMILY_SECTION:
                continue
            if k in relative_lines or k == line_of(doc[where[1]].idx):
                if own:
                    effects[i].discard("family")  # round 26 (twelfth security pass, F4): "; new bone pain ..."
                    effects[i].add("uncertain")
                continue  # the relative's own line, or the title's
            if self.patient.match(text, starts[k], ends[k]):
                effects[i].discard("family")  # "Pt reports new back pain": the patient again
                continue
            above = k - 1
            line_above = text[starts[above] : ends[above]].strip() if above >= 0 else ""
            # round 24 (tenth security pass): a line above that ends its sentence ("FHx: sister ovarian ca.") goes on
            # no relative's sentence over the break
            goes_on = (line_above and not line_above.endswith(_SENTENCE_ENDS)
                       and LIST_MARK.match(text, starts[k], ends[k]) is None
                       and (above in relative_lines or text[starts[k] : starts[k] + 1] in " \t"))  # fmt: skip
            if goes_on:
                continue  # the relative's sentence going on over a line break
            effects[i].discard("family")
            effects[i].add("uncertain")  # whose it is cannot be told: confirmed, never raised nor dropped

    def _rows(
        self,
        doc: Doc,
        text: str,
        cues: list[tuple[int, int]],
        starts: list[int],
        ends: list[int],
        sections: Sections,
    ) -> tuple[list[tuple[int, int]], set[int]]:
        """(start, end) characters of each relative's row (with its continuation lines) in a family history, and
        the lines led by a relative that name the patient or an informant."""
        found: dict[int, tuple[int, int]] = {}  # line -> the row's text after its relative
        spoken: set[int] = set()
        for s, t in cues:
            a, b = doc[s].idx, doc[t - 1].idx + len(doc[t - 1])
            k = bisect.bisect_right(starts, a) - 1
            if k in found or not _ROW_LEAD.fullmatch(text, starts[k], a):
                continue
            if not (_ROW_OPENS.match(text, b, ends[k]) or text[b - 1] in ":-–—=|"):  # the cue may hold it: "Mother:"
                continue
            end = ends[k]
            named = self._patient_named_at(text, starts[k], ends[k])
            if named is not None:
                spoken.add(k)  # the patient or an informant on the row
                if named < _first_clause_end(text, b, ends[k]):
                    continue  # from its first clause on: not the relative's row ("Daughter: says mum has ...")
                end = named  # round 29b: the relative's up to the patient named again ("...; died 46 (pt was 14)")
            in_section = sections[s] is not None and sections[s][0] == FAMILY_SECTION  # type: ignore[index]
            found[k] = (b, end) if in_section else (-b - 1, end)  # negative: not yet placed
        rows: list[tuple[int, int]] = []
        for k, (b, e) in found.items():
            bullet = _BULLET.match(text, starts[k], ends[k]) is not None  # round 29b: "* Mother - ..." alone
            if b < 0 and not (bullet or k - 1 in found or k + 1 in found or self._headed(text, starts, ends, k, found)):
                continue
            b = b if b >= 0 else -b - 1
            j = k + 1  # indented continuation lines
            while (
                e == ends[k]  # round 29b: a row cut where the patient is named again has no continuation lines
                and j < len(starts)
                and text[starts[j] : starts[j] + 1] in " \t"
                and text[starts[j] : ends[j]].strip()
            ):
                if LIST_MARK.match(text, starts[j], ends[j]) and text[starts[j] : ends[j]].strip()[:1] in "-*•|":
                    break
                e = ends[j]
                j += 1
            rows.append((b, e))
        return rows, spoken

    def _patient_named_at(self, text: str, a: int, b: int) -> int | None:
        """Where the row between characters ``a`` and ``b`` first names the patient or an informant, other than the
        patient named only as the one who told it ("Per pt ...", ``family_row_source``; round 21a); None if nowhere."""
        told = [m.span() for m in self.source.finditer(text, a, b)]
        return next(
            (
                m.start()
                for m in self.not_relative.finditer(text, a, b)
                if not any(s <= m.start() and m.end() <= e for s, e in told)
            ),
            None,
        )

    def _headed(self, text: str, starts: list[int], ends: list[int], k: int, found: Mapping[int, Any]) -> bool:
        """Does a heading naming a family history stand above the run of rows holding line ``k`` (one blank line
        may stand between)?"""
        j = k - 1
        while j in found:
            j -= 1
        if j >= 0 and not text[starts[j] : ends[j]].strip():
            j -= 1
        return j >= 0 and bool(self.headings.search(text, starts[j], ends[j]))


def _own_clause(doc: Doc, text: str, cues: Sequence[tuple[int, int]], a: int, b: int, line: tuple[int, int]) -> bool:
    """Round 26: whether the mention at characters ``a``-``b`` stands in a clause of its own on a family line, after a
    semicolon, with no relative named in that clause ("FHx: sister ovarian ca; new severe R hip bone pain x 3 wks"):
    with a warning of its own, whose it is cannot be told (never "FHx: mother breast ca; sister bone pain", nor the
    relative's later story told without a warning: "- Father: male breast ca at 60; later back pain from spinal
    mets")."""
    start, end = line
    semi = text.rfind(";", start, a)
    if semi < 0:
        return False
    after = text.find(";", b, end)
    stop = end if after < 0 else after
    return not any(semi < doc[s].idx < stop for s, _ in cues)
