"""Round 51p: a symptom of an illness the note diagnosed, treated and tells settled is that illness's, not current.

A hospital stay or a treatment visit tells a presentation, its diagnosis, its treatment and how it ended: "Dx: AECOPD.
Course: 3 d of worsening breathlessness ... Tx: prednisone, azithromycin, nebs. At d/c back to her usual" (v51 bz-009);
"admitted w/ volume overload (8 lb up, orthopnea). Diuresed 5.1 L ... sleeping flat at d/c" (bz-038); "aspiration
pneumonia ... Coughing less, afebrile" (bz-044); "AF w/ RVR - palpitations and breathlessness on arrival ... Symptoms
gone" (bz-048); "dry cough and dyspnea on minimal exertion ... grade 2-3 ICI pneumonitis ... Methylpred with rapid
improvement, walking the halls without getting winded" (ca-034). ConText's explaining cues reach only the words beside
them, and "worsening" is a warning, so each presentation was raised as a red flag. A clinician reads the shape: the
admitting problem has its own diagnosis and treatment, and the symptom is over or settling at the end. "Worsening"
there describes the illness that brought her in, not a warning about the cancer.

Here a cough or breathlessness mention (the codes of ``treated_illnesses``, context.yaml ``red_flag_readings``) that
stands (not denied, hypothetical, a relative's, past, asked or unsure; one already explained only if a warning kept it)
is read as that illness's when

- the note names, anywhere and not doubted or denied around it (``NamedCauses.affirmed``: "no PE", "r/o pneumonia",
  "pneumonia vs lymphangitis" name nothing), an illness that gives the symptom: the rows of ``treated_illnesses``,
  ``illness_list_causes`` and ``named_causes`` for its code;
- and the note tells, after the mention, that the symptom settled:
  - a settled state (``treated_settled``, ``full_recovery_cues``: "back to her usual", "symptoms gone", "sleeping flat
    at d/c") or the same symptom told over ("no longer short of breath"; never a denial, which may deny a change: "w/o
    any change in the cough"): the symptom is past (``historical``), whatever warning its presentation carried;
  - for a mention without a warning only, its getting better: an improvement right after a mention of the same symptom
    (``treated_improving``: "coughing less", "cough much reduced") or the course of the treatment
    (``treated_course_words``: "with rapid improvement", "responding to steroids"): explained.

A cough told months after radiation with no cause the note settles, breathlessness worse despite treatment of a
pneumonia with no settled state after it, a symptom named only in return instructions (hypothetical), keep their
reading. Plain pass over one note's mentions (``rule_pass.NoteMentions``); every word is data.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from rightscan.adapters.text.components import doc_text
from rightscan.adapters.text.named_causes import NamedCauses
from rightscan.adapters.text.pass_words import norm, phrase_pattern
from rightscan.adapters.text.rule_pass import ANY_SYMPTOM, NoteMentions

_SET_ASIDE = frozenset({"negated", "hypothetical", "family", "historical", "question", "uncertain"})
# the same symptom told over later in the note ("no longer short of breath"); never a denial, which may deny a change
# ("w/o any change in the cough", v47 bo-007) rather than the symptom
_OVER = frozenset({"historical"})
_NOT_THE_PATIENTS_NOW = frozenset({"hypothetical", "family", "question"})
_IMPROVING_REACH = 40  # characters after a mention in which its own improvement is told ("Coughing less")
_IMPROVING_WORDS = 4  # and its first words ("Cough is much less")
_CLAUSE_END = re.compile(r"[.;\n]")


def _rows(rows: Sequence[str]) -> dict[str, list[str]]:
    """``"code, code: word, word"`` rows -> code -> its words."""
    out: dict[str, list[str]] = {}
    for row in rows:
        codes, _, listed = row.partition(":")
        for code in codes.split(","):
            out.setdefault(code.strip(), []).extend(w.strip() for w in listed.split(","))
    return out


class TreatedIllness:
    """Reads a cough or breathlessness of a diagnosed, treated and settled illness as that illness's (module doc)."""

    def __init__(self, words: Mapping[str, Sequence[str]]) -> None:
        own = _rows(words.get("treated_illnesses", ()))
        given = [_rows(words.get(key, ())) for key in ("illness_list_causes", "named_causes")]
        self.causes: dict[str, re.Pattern[str]] = {}
        for code, ws in own.items():
            found = phrase_pattern([*ws, *(w for rows in given for w in rows.get(code, ()))])
            if found is not None:
                self.causes[code] = found
        self.settled = phrase_pattern([*words.get("treated_settled", ()), *words.get("full_recovery_cues", ())])
        self.improving = phrase_pattern(words.get("treated_improving", ()))
        self.course = phrase_pattern(words.get("treated_course_words", ()))
        # round 53e: a bare pain word opening a clause, then its improvement ("..., on cipro/flagyl, pain much better")
        self.pain_codes = frozenset(words.get("treated_pain_codes", ()))
        pains = phrase_pattern(words.get("treated_pain_words", ()))
        self.pain_improving = None
        if pains is not None and self.improving is not None:
            self.pain_improving = re.compile(
                rf"(?:^|[,;:.(\n])\s*{pains.pattern}\s+(?:(?:is|now|has|already|getting)\s+)*{self.improving.pattern}",
                re.IGNORECASE,
            )
        # the words after an illness's name that tell its own course here, not a past or doubted illness
        self.course_words = norm(["treated", "resolved", "resolving"])
        self.named = NamedCauses(words)  # its test of a cause told not doubted nor denied

    def apply(self, note: NoteMentions) -> None:
        if not self.causes:
            return
        text = doc_text(note.doc)
        named: dict[str, bool] = {}
        for _, span, d, e in note.mentions(ANY_SYMPTOM, without=_SET_ASIDE):
            if "explained" in e and "warning" not in e:
                continue  # already not counted
            codes = [c for c in _codes(d) if c in self.causes]
            if not codes:
                continue
            for code in codes:
                if code not in named:
                    named[code] = self._named(text, code)
            codes = [c for c in codes if named[c]]
            if not codes:
                continue
            if self._settled(note, text, span.end_char, codes):
                e.add("historical")
            elif "warning" not in e and self._improving(note, text, span.start_char, codes):
                e.add("explained")

    def _named(self, text: str, code: str) -> bool:
        """Whether the note names, not doubted nor denied, an illness that gives ``code``."""
        found = self.causes[code]
        return any(self.named.affirmed(text, m, 0, course=self.course_words) for m in found.finditer(text))

    def _settled(self, note: NoteMentions, text: str, after: int, codes: Sequence[str]) -> bool:
        """A settled state told after character ``after``, or a mention of the same symptom there told over."""
        if self.settled is not None and self.settled.search(text, after) is not None:
            return True
        for _, span, d, e in note.mentions(ANY_SYMPTOM, having=frozenset(), without=_NOT_THE_PATIENTS_NOW):
            if span.start_char >= after and e & _OVER and set(codes) & _codes(d):
                return True
        return False

    def _improving(self, note: NoteMentions, text: str, at: int, codes: Sequence[str]) -> bool:
        """The treatment's course told after character ``at`` ("with rapid improvement"), or an improvement right after
        a mention of the same symptom from there on ("coughing less")."""
        if self.course is not None and self.course.search(text, at) is not None:
            return True
        if self.improving is None:
            return False
        if self.pain_improving is not None and self.pain_codes & set(codes) and self.pain_improving.search(text, at):
            return True  # round 53e: "..., pain much better"
        for _, span, d, _e in note.mentions(ANY_SYMPTOM, without=_NOT_THE_PATIENTS_NOW):
            if span.start_char < at or not set(codes) & _codes(d):
                continue
            tail = _CLAUSE_END.split(text[span.end_char : span.end_char + _IMPROVING_REACH], maxsplit=1)[0]
            if self.improving.search(" ".join(tail.split()[:_IMPROVING_WORDS])) is not None:
                return True
        return False


def _codes(d: Mapping[str, object]) -> set[str]:
    findings = d["findings"]
    return {*(f.value for f in findings if f.field == "symptoms"), str(d["rule"])}  # type: ignore[attr-defined]
