"""Round 47s: an examination finding told after a list of denied symptoms is not denied with them.

A note often runs the history's denials and the examiner's findings into one sentence: "No bowel or bladder symptoms,
decreased rectal tone on DRE", "Denies back pain, absent anal tone on exam", "Denies abdominal pain, liver edge
palpable 3 cm below the costal margin". ConText's denial (and the list sharing after it, joined_findings.py) reaches
every item after the comma, so a sign of cord compression or an enlarged liver was read as denied: a missed red flag.

A patient denies her history; what an examination finds is not hers to deny. A denied symptom mention whose item
(from the comma before it to the next comma or the end of its clause) names what only an examination finds
(``exam_item_vocabulary`` in context.yaml, or a strength grade below 5/5) is read again:

- after a subjective denial ("denies", "reports no"), a finding written as a sign ("decreased", "absent", "palpable",
  "tenderness", a grade) is stated, and any other examination item is left to confirm;
- after "no", "without" or "negative for", which an examiner also writes ("no hepatomegaly or spinal tenderness on
  exam"), a sign named by what is missing or reduced, or abnormal by its name ("decreased rectal tone", "4/5
  strength", "sustained clonus") is left to confirm:
  "no X, decreased Y" reads both ways;
- after a subjective denial, a reduction with a strength or sensation word and a place ("Denies weakness, decreased
  grip strength on the left") is left to confirm.

An item joined by "or", "nor" or "and" stays in the denied list ("Denies numbness or decreased sensation on the
left"), and so does one the denial cue names directly ("no decreased rectal tone"). Nothing crosses a line break.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from rightscan.adapters.text.components import doc_text
from rightscan.adapters.text.pass_words import norm
from rightscan.adapters.text.rule_pass import SYMPTOM, NoteMentions

_GRADE = re.compile(r"(?<![\d/.])[0-4](?:\s*[+-])?\s*/\s*5\b")  # a strength grade below normal (4/5, 4-/5, 3+/5)
_ITEM_START = re.compile(r"[,;]")  # the comma before the item (a semicolon ends the sentence's denial already)
_ITEM_END = re.compile(r"[,;.!?:\n]|\s-\s|\bbut\b")
_WORD = re.compile(r"[a-z][a-z/'-]*")


class ExamItems:
    """Lifts or doubts a denial that reached an examination finding told after the denied list."""

    def __init__(self, words: Mapping[str, Sequence[str]]) -> None:
        self.subjective = norm(words.get("exam_item_subjective_cues", ()))
        self.vocabulary = norm(words.get("exam_item_vocabulary", ()))
        self.signs = norm(words.get("exam_item_signs", ()))
        self.reductions = norm(words.get("exam_item_abnormal", ()))
        self.weak = norm(words.get("exam_item_weak_words", ()))
        self.places = norm(words.get("exam_item_places", ()))
        self.joins = norm(words.get("exam_item_list_joins", ()))

    def apply(self, note: NoteMentions) -> None:
        if not self.vocabulary:
            return
        doc = note.doc
        text = doc_text(doc)
        denials = sorted(
            (doc[s].idx, doc[e - 1].idx + len(doc[e - 1]))
            for s, e in note.cues("negated")
            if e > s
        )
        if not denials:
            return
        for _, span, _, e in note.mentions(SYMPTOM, having={"negated"}):
            start = doc[span.start].idx
            end = doc[span.end - 1].idx + len(doc[span.end - 1])
            sentence = note.sents.of(span.start)
            first = doc[sentence.start].idx
            cues = [c for c in denials if first <= c[0] and c[1] <= start]
            if not cues:
                continue  # denied from elsewhere than a cue before it in its sentence
            cue_start, cue_end = cues[-1]
            lead_from = max((m.end() for m in _ITEM_START.finditer(text, cue_end, start)), default=None)
            if lead_from is None or "\n" in text[cue_end:start]:
                continue  # the cue names the finding directly ("no decreased rectal tone"), or a line ended the list
            lead = text[lead_from:start].lower()
            lead_words = _WORD.findall(lead)
            if lead_words and lead_words[0] in self.joins:
                continue  # ", or decreased sensation": an item of the denied list
            if any(c[0] >= lead_from for c in cues):
                continue  # a denial of the item's own ("..., no decreased tone")
            stop = _ITEM_END.search(text, end)
            item = (lead + text[start : stop.start() if stop else len(text)]).lower()
            self._read(text[cue_start:cue_end].lower(), item, e)

    def _read(self, cue: str, item: str, e: set[str]) -> None:
        words = _WORD.findall(item)
        padded = " " + " ".join(words) + " "
        grade = _GRADE.search(item) is not None
        examined = grade or any(f" {v} " in padded for v in self.vocabulary)
        subjective = " ".join(cue.split()) in self.subjective
        reduced = grade or any(w in self.reductions for w in words)
        placed_weakness = any(w in self.weak for w in words) and any(w in self.places for w in words)
        if examined and subjective:
            e.discard("negated")
            if not (grade or any(w in self.signs for w in words)):
                e.add("uncertain")
        elif reduced and (examined or (subjective and placed_weakness)):
            e.discard("negated")
            e.add("uncertain")
