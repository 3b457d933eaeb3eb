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
"""

from __future__ import annotations

import re

from rightscan.adapters.text.candidates import ACCEPTED, Candidate, status_of
from rightscan.adapters.text.foreign_pronouns import _sex
from rightscan.adapters.text.model import Mention
from rightscan.adapters.text.rules import Rules

PROXY_WRITER = "clue.proxy_writer"  # values.yaml (round 20p)
HE_ASKED = "preference.he_asked"  # values.yaml (round 20p): the request of a man named by his pronoun
_WRITERS_VOICE = re.compile(r"\b(?:I|I'm|I'd|I've|I'll|me|my|myself|we|us|our|you|your)\b|\bI['’]", re.IGNORECASE)
_REASON = "the request is in the voice of someone writing for the patient, not her own"
_NOT_HIM = "a man asks, and the patient is not read as a man"


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
    his = [c for c in cands if c.field == "patient_preference" and c.used and c.mention.rule == HE_ASKED]
    if his and _sex(rules, mentions) != "male":
        for c in his:
            c.used, c.reason = False, _NOT_HIM
