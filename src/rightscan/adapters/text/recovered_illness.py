"""Round 49n (v49 bt-022): the symptoms of an intercurrent illness told as fully recovered from are past.

"COVID in August -> ~3 wks of cough and getting winded walking the dog; completely back to normal by October." The
illness's explaining cue reached the cough beside it, and no resolution cue reached back as far as the breathlessness
(ConText's resolutions look back a few words: "back to baseline", "completely resolved"), so a breathlessness the note
gives as over was raised. A clinician reads the sentence as one story: an illness, the symptoms it gave, and a full
recovery; none of them is the patient's now.

Here, in a sentence that names an acute illness (the illness words of ``illness_list_causes``, context.yaml
``red_flag_readings``: a cold, the flu, COVID, pneumonia, bronchitis ...) and later says the patient fully recovered
(``full_recovery_cues``: "completely back to normal", "fully recovered", "made a full recovery"), each symptom told
between the two is historical. A symptom that carries a warning of its own ("worsening", "at rest", "new") is left to
confirm (uncertain): whether a warned symptom settling is over is for a clinician. Never a symptom told before the
illness or after the recovery ("the cold settled; now a new cough for 3 weeks" keeps the new one), nor one already
set aside (denied, a relative's, asked ...), nor across a sentence.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from rightscan.adapters.text.components import doc_text
from rightscan.adapters.text.illness_over import IllnessOver
from rightscan.adapters.text.pass_words import phrase_pattern
from rightscan.adapters.text.rule_pass import ANY_SYMPTOM, NoteMentions
from rightscan.adapters.text.treated_illness import TreatedIllness

_SET_ASIDE = frozenset({"negated", "historical", "hypothetical", "family", "question", "uncertain"})


class RecoveredIllness:
    """Reads the symptoms an illness gave, told fully recovered from, as past (module doc)."""

    def __init__(self, words: Mapping[str, Sequence[str]]) -> None:
        illnesses: list[str] = []
        for row in words.get("illness_list_causes", ()):
            illnesses += row.partition(":")[2].split(",")
        self._illness = phrase_pattern(illnesses)
        self._recovered = phrase_pattern(words.get("full_recovery_cues", ()))
        self._over = IllnessOver(words)  # round 50a: an illness told as over, after a symptom of its own
        self._treated = TreatedIllness(words)  # round 51p: an illness diagnosed, treated and told settled

    def apply(self, note: NoteMentions) -> None:
        self._over.apply(note)  # round 50a (illness_over.py): before the symptoms told with the illness are read
        if self._illness is None or self._recovered is None:
            return
        text = doc_text(note.doc)
        for _, span, _d, e in note.mentions(ANY_SYMPTOM, without=_SET_ASIDE):
            sent = note.sents.of(span.start)
            start, end = sent.start_char, sent.end_char
            if self._illness.search(text, start, span.start_char) is None:
                continue
            if self._recovered.search(text, span.end_char, end) is None:
                continue
            e.add("uncertain" if "warning" in e else "historical")
        self._treated.apply(note)  # round 51p (treated_illness.py): 'Dx: AECOPD ... at d/c back to her usual'
