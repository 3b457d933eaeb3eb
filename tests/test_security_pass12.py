"""Twelfth security pass (docs/security.md): what it found, each as a test in other wordings than its reproductions.

F1: the negations of other languages ("sin", "sans", "kein", "nao", "nega") reach only red flags named in those
languages, never an English complaint after a name or an English word that looks like one. F2: a short text or a
line in another language is recognised (every red flag left to confirm); words English shares with those languages
and "HER2" count for neither. F3: a procedure code under CPT's (or LOINC's) HL7 OID is read as under its URL, so a
code beside words naming another study asks, in a draft order and in a ServiceRequest given as the order's text.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from order_helpers import KB
from rightscan.adapters.fhir.draft_orders import read_draft_orders
from rightscan.adapters.text import extract
from rightscan.domain.orders import for_patient

HEADER = "58F, L breast IDC 1.2 cm, cT1c cN0, ER+ PR+ HER2-, new diagnosis.\n"
RED_FLAGS = {"bone_pain", "back_pain", "headache", "cough", "dyspnea", "weight_loss", "neurologic_deficit"}


def _read(note: str) -> tuple[set[str], set[str]]:
    out = extract(HEADER + note)
    stated = set(out.facts.get("symptoms") or ())
    asked = {v for c in out.to_confirm if c["field"] == "symptoms" for v in c.get("values") or ()}
    return stated, asked


# ------------------------------------------------------------------ F1
@pytest.mark.parametrize(
    ("note", "flag"),
    [
        ("Seen with Dr. Sin today: new severe bone pain in the left femur for 4 weeks, worse at night.", "bone_pain"),
        ("Sem (son) interprets. Daily headaches for 2 weeks with morning vomiting.", "headache"),
        ("Nao reports a dry cough for 6 weeks that is getting worse.", "cough"),
        ("Letter from Dr Kein: progressive low back pain, wakes her at night.", "back_pain"),
        ("CT chest sans contrast booked; persistent cough for 2 months.", "cough"),
        ("Nega says she has lost 6 kg over 3 months without trying.", "weight_loss"),
    ],
)
def test_a_name_or_an_english_word_never_denies_an_english_red_flag(note: str, flag: str) -> None:
    stated, asked = _read(note)
    assert flag in stated | asked


@pytest.mark.parametrize("note", ["Paciente sin dolor óseo.", "Patientin hat keine Knochenschmerzen.",
                                  "Sans toux sèche."])  # fmt: skip
def test_a_denial_in_its_own_language_still_denies_its_own_words(note: str) -> None:
    stated, _ = _read(note)
    assert not stated & RED_FLAGS


# ------------------------------------------------------------------ F2
@pytest.mark.parametrize(
    "line",
    [
        "Dolor de espalda desde hace un mes, peor por la noche.",
        "Elle se plaint de douleurs dans le dos depuis 4 semaines, pire la nuit.",
        "Dolore alla schiena da 4 settimane, peggiore di notte.",
        "Rückenschmerzen seit 4 Wochen, schlimmer nachts, mit Taubheit im Bein.",
        "Dor nas costas há 4 semanas, pior à noite.",
    ],
)
def test_one_line_in_another_language_leaves_the_red_flags_to_confirm(line: str) -> None:
    stated, asked = _read(line)
    assert {"back_pain", "bone_pain"} & (stated | asked)


def test_a_whole_portuguese_note_is_not_taken_for_english() -> None:
    note = ("A paciente, 61 anos, tem dor no ombro direito há 5 semanas, pior à noite. No exame, dor à palpação. "
            "As queixas começaram em abril, a doente está preocupada.")  # fmt: skip
    stated, asked = _read(note)
    assert "bone_pain" in stated | asked


@pytest.mark.parametrize(
    "note",
    [
        "Seen in clinic with Dr de la Cruz. No bone pain, no headache, no cough. Plan: surgery.",
        "ER+ HER2- HER2 IHC 1+. No bone pain.",
    ],
)
def test_an_english_note_with_a_name_or_receptors_stays_english(note: str) -> None:
    stated, asked = _read(note)
    assert not (stated | asked) & RED_FLAGS


# ------------------------------------------------------------------ F3
OIDS = ["urn:oid:2.16.840.1.113883.6.12", "http://www.ama-assn.org/go/cpt"]


def _draft(code: dict[str, Any]) -> dict[str, Any]:
    resource = {"resourceType": "ServiceRequest", "id": "d1", "status": "draft", "intent": "order",
                "subject": {"reference": "Patient/p1"}, "code": code}  # fmt: skip
    return {"resourceType": "Bundle", "entry": [{"resource": resource}]}


@pytest.mark.parametrize("system", OIDS)
@pytest.mark.parametrize(("cpt", "words"), [("78815", "Mammogram diagnostic bilateral"), ("70450", "CT thorax")])
def test_a_cpt_code_under_either_system_beside_other_words_asks(system: str, cpt: str, words: str) -> None:
    [draft] = read_draft_orders(_draft({"coding": [{"system": system, "code": cpt}], "text": words}), kb=KB)
    assert draft.order_text is not None
    assert for_patient(KB, draft.order_text).status == "ambiguous"
    sr = json.dumps({"resourceType": "ServiceRequest", "code": {"coding": [{"system": system, "code": cpt}],
                                                                "text": words}})  # fmt: skip
    assert for_patient(KB, sr).status == "ambiguous"


@pytest.mark.parametrize("system", OIDS)
def test_a_cpt_code_under_either_system_alone_resolves_to_its_study(system: str) -> None:
    [draft] = read_draft_orders(_draft({"coding": [{"system": system, "code": "78815"}]}), kb=KB)
    reading = for_patient(KB, draft.order_text or "")
    assert reading.status == "resolved" and reading.study is not None and reading.study.id == "pet_ct"


# ------------------------------------------------------------------ F6
def test_the_cut_list_pass_builds_its_maps_once_whatever_the_number_of_lines(monkeypatch: pytest.MonkeyPatch) -> None:
    # counted, not timed: the pass used to rebuild the cue map once per denied mention (quadratic in the note)
    from rightscan.adapters.text import denial_ends
    from rightscan.adapters.text.rule_pass import NoteMentions

    calls: list[str] = []
    real = NoteMentions.cues_by_target

    def counting(self: NoteMentions, effect: str) -> Any:
        calls.append(effect)
        return real(self, effect)

    monkeypatch.setattr(NoteMentions, "cues_by_target", counting)
    counts = []
    for n in (5, 40):
        calls.clear()
        original = denial_ends.negation_across_cut_list
        seen: list[int] = []

        def wrapped(note: NoteMentions, _orig: Any = original, seen: list[int] = seen) -> None:
            before = len(calls)
            _orig(note)
            seen.append(len(calls) - before)

        monkeypatch.setattr(denial_ends, "negation_across_cut_list", wrapped)
        extract(HEADER + "Denies headache, cough,\nnew bone pain R hip at night,\n" * n)
        monkeypatch.setattr(denial_ends, "negation_across_cut_list", original)
        counts.append(sum(seen))
    assert counts[0] == counts[1] <= 2


# ------------------------------------------------------------------ F4
@pytest.mark.parametrize(
    "note",
    [
        "FHx: aunt colon ca; new severe L femur pain x 4 weeks, wakes her at night.",
        "Family history: mother breast ca at 52; progressive low back pain for a month.",
        "FH - father prostate ca; reports daily headaches with vomiting for 2 weeks.",
    ],
)
def test_a_clause_after_a_semicolon_that_names_no_relative_is_asked(note: str) -> None:
    stated, asked = _read(note)
    assert (stated | asked) & {"bone_pain", "back_pain", "headache"}


@pytest.mark.parametrize(
    "note",
    ["FHx: mother breast ca; sister bone pain, severe.", "Family history: father lung ca; brother chronic back pain."],
)
def test_a_clause_that_names_its_relative_stays_the_relatives(note: str) -> None:
    stated, asked = _read(note)
    assert not (stated | asked) & RED_FLAGS


# ------------------------------------------------------------------ F5 (the tenth pass's lows)
@pytest.mark.parametrize(
    "note",
    [
        "If she develops headaches, MRI brain. Currently: new severe bone pain L femur for 3 weeks.",
        "Should she develop back pain, call us. Today: progressive low back pain, waking her at night.",
    ],
)
def test_a_label_of_what_she_has_now_is_not_the_conditional_before_it(note: str) -> None:
    stated, asked = _read(note)
    assert (stated | asked) & {"bone_pain", "back_pain"}


@pytest.mark.parametrize("row", ["Back pain: no -> yes, lumbar, 2 weeks", "Bone pain: [default: none] yes - R femur",
                                 "Headache: nil => yes, mornings"])  # fmt: skip
def test_an_answer_changed_from_no_to_yes_is_asked_never_denied(row: str) -> None:
    stated, asked = _read(row)
    assert (stated | asked) & {"bone_pain", "back_pain", "headache"}


def test_a_plain_no_answer_still_denies() -> None:
    stated, asked = _read("Bone pain: none\nHeadache: no")
    assert not (stated | asked) & RED_FLAGS
