"""Round 20p: who asks for the scan: the patient herself, not the one who writes for her or a man named beside her.

A message written for the patient by someone else: its "I" and "you" are the writer's.

A relative writes from the patient's portal account, or a clinician writes on her behalf ("From: Ken Moritz (proxy for
Ellen Moritz)", "hi, I'm writing for my mom", "I am writing on behalf of my patient"). A request in the writer's own
voice ("Could you order a chest x-ray?", "I would like a PET scan for her") is the writer's, not the patient's own
(annotation guide 2, patient_preference: the patient herself asks for a scan). A request told of her in the third
person ("she wants one too", "Mum asked for a PET scan") stays hers. The words that say a proxy writes are values.yaml's
``clue.proxy_writer``; the writer's voice is a sentence with a first- or second-person word. A pure function over the
candidates already read.

"He asks for a 3D mammogram" (values.yaml ``preference.he_asked``) is the patient's own request only in a man's note;
in a woman's, or when the note's sex is not read, the man is someone else (a husband, a doctor) and it is set aside.

Round 57n (v57 blind): a clinician's request is not hers either: one opening its sentence with no one named as asking,
the study specified as an order is (its contrast, its protocol, a clinical purpose), and, in a clinician's letter or
referral, one in the writer's first person (``set_aside_clinician_requests``).
"""

from __future__ import annotations

import re

from rightscan.adapters.text.candidates import ACCEPTED, Candidate, status_of
from rightscan.adapters.text.foreign_pronouns import _sex
from rightscan.adapters.text.model import Mention
from rightscan.adapters.text.rules import Rules

PROXY_WRITER = "clue.proxy_writer"  # values.yaml (round 20p)
HE_ASKED = "preference.he_asked"  # values.yaml (round 20p): the request of a man named by his pronoun
# round 57n: values.yaml, his request told after an aside ("He is anxious and asked me directly for a PET scan")
HE_RULES = frozenset({HE_ASKED, "preference.he_asked_joined"})
CLINICIAN_REQUEST = "clue.clinician_study_request"  # values.yaml (round 57n): "Requesting CT A/P with IV contrast"
CLINICIAN_WRITER = "clue.clinician_writer"  # values.yaml (round 57n): "Thank you for seeing her", "My exam:"
_FIRST_PERSON = re.compile(r"\b(?:I|me|my)\b|\bI['’]", re.IGNORECASE)
_OWN_QUESTION = "preference.would_it_be_possible"  # values.yaml (round 57n): her polite question, no "I" needed
# her words quoted or told as hers in the clinician's sentence ("She said: I want a scan")
_HERS_TOLD = re.compile(
    r"[\"“”]|\b(?:she|he|pt|patient)\s+(?:says|said|states|stated|asks|asked|told|tells|wrote|writes|put\s+it)\b",
    re.IGNORECASE,
)
_WRITERS_VOICE = re.compile(r"\b(?:I|I'm|I'd|I've|I'll|me|my|myself|we|us|our|you|your)\b|\bI['’]", re.IGNORECASE)
_REASON = "the request is in the voice of someone writing for the patient, not her own"
_NOT_HIM = "a man asks, and the patient is not read as a man"
_CLINICIANS = (
    "the study is requested as a clinician orders it (its contrast, protocol or clinical purpose), not by the patient"
)
_WRITER_CLINICIAN = "the request is in the voice of the clinician who writes the note, not the patient's own"


def set_aside_proxy_requests(rules: Rules, cands: list[Candidate], mentions: list[Mention]) -> None:
    """In a note written by a proxy, the preference read from a sentence in the writer's voice is set aside."""
    if not any(m.rule == PROXY_WRITER and status_of(rules, m)[0] == ACCEPTED for m in mentions):
        return
    for c in cands:
        if c.field == "patient_preference" and c.used and _WRITERS_VOICE.search(c.mention.sentence):
            c.used, c.reason = False, _REASON


def set_aside_other_askers(rules: Rules, cands: list[Candidate], mentions: list[Mention]) -> None:
    """The request read from someone else than the patient is set aside: a proxy writer's, a man's in a note whose
    patient is not read as a man."""
    set_aside_proxy_requests(rules, cands, mentions)
    set_aside_clinician_requests(rules, cands, mentions)  # round 57n
    his = [c for c in cands if c.field == "patient_preference" and c.used and c.mention.rule in HE_RULES]
    if his and _sex(rules, mentions) != "male":
        for c in his:
            c.used, c.reason = False, _NOT_HIM


def set_aside_clinician_requests(rules: Rules, cands: list[Candidate], mentions: list[Mention]) -> None:
    """Round 57n (v57 blind): a request that is the clinician's, not the patient's (annotation guide 2,
    patient_preference), is set aside: one with no one named as asking whose study is specified as an order is
    (``clue.clinician_study_request``: "Requesting CT abdomen & pelvis with IV contrast", "-> requesting FES PET/CT to
    clarify"), and, in a clinician's letter or referral (``clue.clinician_writer``), one in the first person ("I'd like
    a L axillary ultrasound") or her polite question form, unless her words are quoted or told as hers."""
    accepted = [
        m for m in mentions if m.rule in (CLINICIAN_REQUEST, CLINICIAN_WRITER) and status_of(rules, m)[0] == ACCEPTED
    ]
    if not accepted:
        return
    spans = [(m.start, m.end) for m in accepted if m.rule == CLINICIAN_REQUEST]
    letter = any(m.rule == CLINICIAN_WRITER for m in accepted)
    for c in cands:
        if c.field != "patient_preference" or not c.used:
            continue
        m = c.mention
        if any(s <= m.start < e for s, e in spans):
            c.used, c.reason = False, _CLINICIANS
        elif (
            letter
            and (m.rule == _OWN_QUESTION or _FIRST_PERSON.search(_matched(m)))
            and not _HERS_TOLD.search(m.sentence)
        ):
            c.used, c.reason = False, _WRITER_CLINICIAN


def _matched(m: Mention) -> str:
    """The words the mention matched, cut from its sentence (the whole sentence when its offset is not known)."""
    if m.sentence_start < 0:
        return m.sentence
    return m.sentence[m.start - m.sentence_start : m.end - m.sentence_start]
