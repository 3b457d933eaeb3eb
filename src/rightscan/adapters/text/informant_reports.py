"""Round 50a: a relative who reports about the patient, or tells what she saw, is an informant, not the subject.

"Daughter: mom has had a cough for 3 weeks." "Husband reports a witnessed convulsion last night." "My wife has been
having headaches every morning." ConText's relative cues (a FAMILY category) gave the symptom to the daughter, the
husband, the wife; round 10b's informants (red_flag_readings.informant_family: "per daughter", "daughter calling for
mum", "the daughter says mum has ...") do not cover a relative's label before what she says, a witness's verb, or a
relative named in the first person. A clinician reads each as the patient's symptom, told by someone else.

A symptom whose every relative cue is read here as an informant or as a name of the patient loses the relative's
effect; when the subject cannot be told, it is left to confirm (uncertain), never dropped. A cue is read so when it is

- a label (a relation at the start of its line or sentence, then a colon or a dash: "Daughter:", "Son -") whose words
  name the patient: "pt", "the patient" (``patient_pointers``), a pronoun the relative cannot be ("Husband: she ...";
  one the relative can be, "Daughter: she has ...", is unsure), or a relation by which that relative names the patient
  ("Daughter: mom ...", "Son: his mother ...", ``nested_may_be_patient``), which is then the patient too;
- followed by a witness's verb (``witness_verbs``: "saw", "witnessed", "found", "noticed"), or by a telling verb
  (``telling_verbs``) and what was told without a person ("Husband reports new back pain"); a word of the relative's
  own (``informant_own_marks``: "too", "himself", "his own") in the clause, or a pronoun the relative can be right after
  the verb ("Sister noticed she ..."), leaves it unsure;
- the writer's own relative, named in the first person with a verb of now ("my wife has been having headaches", "my
  mom keeps coughing"): the writer may be the patient or her informant, so it is unsure, unless the writer said she
  writes for the patient named so (round 18c: "this is her son. My mother has ...": the patient's).

Anything else keeps the relative's: "Daughter has had a cough for 3 weeks" (the daughter's), "Husband: had a seizure in
2019" (a label over his own history), "Mother: bone mets" (a family history row), a family-history section.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence

from spacy.tokens import Doc, Span

from rightscan.adapters.text.components import doc_text
from rightscan.adapters.text.pass_words import CLAUSE_BREAKS, norm, starts_with
from rightscan.adapters.text.reported_readings import may_be_patient
from rightscan.adapters.text.rule_pass import ANY_FAMILY, ANY_SYMPTOM, NoteMentions

PATIENT, UNSURE = "patient", "unsure"
_LEAD = re.compile(r"^[\s\-*•>\d.)]*(?:(?:per|as per|collateral from|hx from|her|his|the|pt's|patient's)\s+)*$", re.I)
_MARKS = frozenset({":", "-", "–", "—"})
_POSSESSIVES = frozenset({"her", "his", "my", "the", "their"})
# round 54r (v54 cj-021): a label's words quoted as the relative said them ('Son: "Dad's been coughing for 6 weeks"')
_QUOTES = frozenset({'"', "“", "”", "'", "‘", "’"})
# round 52s (v52 cc-030): the pronoun that makes the witness the patient's ("her partner woke to find her shaking", "his
# wife found him confused") names the same person again after the witness's verb: the patient, not the witness (who
# would be "herself", "himself")
_SAME_PERSON = {"her": frozenset({"her"}), "his": frozenset({"him", "his"})}


def _of_symptoms(d: Mapping[str, object]) -> bool:
    """A symptom, or a note of one sent to confirmation (round 50w: "her son found her confused", note.cns_symptom)."""
    if d["family"] in ANY_SYMPTOM:
        return True
    findings = d.get("findings") or ()
    return any(getattr(f, "field", None) == "symptoms" for f in findings)  # type: ignore[attr-defined]


class InformantReports:
    """Reads a relative's label, witness's verb or first-person name as an informant's (module doc)."""

    def __init__(
        self, words: Mapping[str, Sequence[str]], patient_named: Callable[[Doc, list[int]], set[int]] | None = None
    ) -> None:
        # round 18c's reading (scopes._patient_named): in a message a relative writes for the patient ("this is her
        # son."), the writer's "my mother" is the patient; then a writer's relative is hers, not unsure
        self._patient_named = patient_named
        self.female = norm(words.get("informant_female_relations", ()))
        self.male = norm(words.get("informant_male_relations", ()))
        self.witness = norm(words.get("witness_verbs", ()))
        self.telling = norm(words.get("telling_verbs", ()))
        self.pointers = norm(words.get("patient_pointers", ()))
        self.own = norm(words.get("informant_own_marks", ()))
        self.now = norm(words.get("informant_now_verbs", ()))
        self.first = norm(words.get("speaker_first_person", ()))
        self.names = may_be_patient(words)
        self._longest = max((len(w.split()) for w in (*self.witness, *self.telling, *self.now)), default=1)

    def apply(self, note: NoteMentions) -> None:
        if not self.witness or not self.female:
            return
        by_target = note.cues_by_target("family")
        if not by_target:
            return
        for _, span, d, e in note.mentions(ANY_FAMILY, having={"family"}, without={"negated", "hypothetical"}):
            if not _of_symptoms(d) or note.in_family_section(span):
                continue
            cues = by_target.get((span.start, span.end))
            if not cues:
                continue
            reads = [self._read(note.doc, s, t, span) for s, t in cues]
            if all(reads):
                e.discard("family")
                if UNSURE in reads:
                    e.add("uncertain")

    # ------------------------------------------------------------------ one relative cue
    def _relation(self, doc: Doc, s: int, t: int) -> int | None:
        """The token of the cue that names the relative (the cue may hold a possessive or a verb: "his mother has")."""
        known = self.female | self.male | {w for names in self.names.values() for w in names} | set(self.names)
        return next((j for j in range(t - 1, s - 1, -1) if doc[j].lower_ in known), None)

    def _gender_words(self, relation: str) -> frozenset[str]:
        """The pronouns the relative may be named by."""
        if relation in self.female:
            return frozenset({"she", "her", "herself", "she's"})
        if relation in self.male:
            return frozenset({"he", "his", "him", "himself", "he's"})
        return frozenset({"she", "her", "herself", "she's", "he", "his", "him", "himself", "he's"})

    def _read(self, doc: Doc, s: int, t: int, symptom: Span) -> str | None:
        r = self._relation(doc, s, t)
        if r is None:
            return None
        relation, s, t = doc[r].lower_, r, r + 1
        text = doc_text(doc)
        if self._named_by_label(doc, s, relation, text):
            return PATIENT
        if t < len(doc) and doc[t].text in _MARKS and self._opens(doc, s, text):
            return self._label(doc, t + 1, relation)
        if s > 0 and doc[s - 1].lower_ in self.first:  # "my wife has been ..."
            if starts_with(doc, t, self.now, self._longest) is None:
                return None
            return PATIENT if self._patient_named is not None and s in self._patient_named(doc, [s]) else UNSURE
        own = self._gender_words(relation)
        verb_end = starts_with(doc, t, self.witness, self._longest)
        told = verb_end is None and (verb_end := starts_with(doc, t, self.telling, self._longest)) is not None
        if verb_end is None or verb_end >= len(doc):
            return None
        after = doc[verb_end].lower_
        if told and (after in self.pointers or after in self.first or after in _POSSESSIVES or after in self.names
                     or after in self.female or after in self.male or after in own):  # fmt: skip
            return None  # a person named after the telling verb: read by reported_readings
        clause = [tok.lower_ for tok in doc[verb_end : max(symptom.end, verb_end) + 3] if tok.text not in CLAUSE_BREAKS]
        joined = f" {' '.join(clause)} "  # round 52s: the relative's own words of two ("her own", "his own") too
        if any(f" {w} " in joined for w in self.own):
            return UNSURE
        if after in own and after not in _SAME_PERSON.get(doc[s - 1].lower_ if s > 0 else "", ()):
            return UNSURE
        return PATIENT

    def _opens(self, doc: Doc, s: int, text: str) -> bool:
        """Whether the relative cue at token ``s`` opens its line or sentence (a label)."""
        start = doc[s].idx
        line_start = text.rfind("\n", 0, start) + 1
        before = text[line_start:start]
        cut = max(before.rfind(". "), before.rfind("; "))
        return _LEAD.match(before[cut + 1 :] if cut >= 0 else before) is not None

    def _label(self, doc: Doc, j: int, relation: str) -> str | None:
        """What a relative's label says of whom its words are: the first word after the mark (module doc)."""
        while j < len(doc) and doc[j].text in _QUOTES:  # round 54r: the words quoted ('Son: "Dad's been coughing')
            j += 1
        if j >= len(doc):
            return None
        word = doc[j].lower_
        after = doc[j + 1].lower_ if j + 1 < len(doc) else ""
        if word in self.pointers - {"her"} or (word == "the" and after in self.pointers):
            return PATIENT
        if word in _POSSESSIVES and after in self.names.get(relation, frozenset()):
            return PATIENT  # "Son: his mother has ..."
        if word in self.names.get(relation, frozenset()):
            return PATIENT  # "Daughter: mom has ..."
        if word in {"she", "he", "she's", "he's"}:
            return UNSURE if word in self._gender_words(relation) else PATIENT
        return None

    def _named_by_label(self, doc: Doc, s: int, relation: str, text: str) -> bool:
        """Whether the relation at ``s`` is how a label's relative, right before it, names the patient ("Daughter:
        mom", "Son called: his mother", "Daughter - my mom")."""
        j = s - 1
        while j >= 0 and (doc[j].lower_ in _POSSESSIVES or doc[j].text in _QUOTES):  # round 54r: 'Son: "Dad ...'
            j -= 1
        if j < 1 or doc[j].text not in _MARKS:
            return False
        k = j - 1
        while k >= 0 and doc[k].is_alpha and doc[k].lower_ not in self.names and k > j - 4:
            k -= 1  # a caller's verb between ("Son called:")
        if k < 0:
            return False
        teller = doc[k].lower_
        return relation in self.names.get(teller, frozenset()) and self._opens(doc, k, text)
