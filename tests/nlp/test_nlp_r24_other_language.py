"""Round 24 (v25 blind): a note written in another language than English leaves every red flag to confirm, so that an
early cancer is never "not recommended" on symptoms the reader could not read (a French note's "toux sèche
persistante depuis 3 semaines"). English notes with a few foreign words are read as before.
"""

from __future__ import annotations

import pytest

from rightscan.adapters.knowledge_files import load_knowledge
from rightscan.adapters.text import extract
from rightscan.application.notes import evaluate_note

FRENCH = ("Consultation d'oncologie, 1re visite. Mme R., 61 ans, adressée pour un carcinome du sein gauche. Biopsie: "
          "carcinome infiltrant de type non spécifique, grade 2, RE 90 %, RP 40 %, HER2 score 1+. Échographie: lésion "
          "de 15 mm, creux axillaire normal. Stade clinique: cT1c N0. Interrogatoire: douleurs lombaires nocturnes "
          "depuis un mois, pas de toux, pas de dyspnée. Conduite: chirurgie conservatrice prévue.")  # fmt: skip
SPANISH = ("Paciente mujer de 49 años con carcinoma de mama derecha recién diagnosticado, cT2 cN0, RE 80 %, RP 20 %, "
           "HER2 negativo. Refiere cefalea matutina desde hace dos semanas con vómitos. Sin dolor óseo. Plan: RM "
           "cerebral y estudio de extensión con la paciente.")  # fmt: skip


@pytest.mark.parametrize("note", [FRENCH, SPANISH])
def test_a_note_in_another_language_leaves_its_red_flags_to_confirm(note: str) -> None:
    result = extract(note)
    asked = {v for c in result.to_confirm if c["field"] == "symptoms" for v in (c.get("values") or [])}
    assert {"bone_pain", "back_pain", "headache", "cough"} <= asked | set(result.facts.get("symptoms", []))


def test_an_english_note_with_foreign_terms_is_read_as_english() -> None:
    note = ("61F, L breast IDC 1.5 cm, cN0, ER+ HER2-. Via interpreter (Spanish): she reports 'dolor de espalda' - low "
            "back pain for a month, worse at night. No cough, no headache.")  # fmt: skip
    result = extract(note)
    assert "back_pain" in result.facts.get("symptoms", [])
    assert not any("not written in English" in (c.get("reason") or "") for c in result.to_confirm)


def test_an_early_cancer_in_another_language_is_never_not_recommended_for_staging() -> None:
    decision = evaluate_note(load_knowledge(), extract(FRENCH), "PET/CT skull base to mid-thigh")
    assert decision["systemic_imaging"] == "undetermined"


@pytest.mark.parametrize(
    ("sentence", "code"),
    [("Pt has Kopfschmerzen every morning for 2 weeks, with vomiting.", "headache"),
     ("Refiere dolor óseo en la cadera derecha desde hace un mes.", "bone_pain"),
     ("Translator's note: 'toux sèche persistante' for 4 weeks.", "cough")],
)  # fmt: skip
def test_a_red_flag_in_another_language_inside_an_english_note_is_asked(sentence: str, code: str) -> None:
    result = extract("58F, L breast IDC 1.2 cm, cN0, ER+ HER2-, new diagnosis.\n" + sentence)
    asked = {v for c in result.to_confirm if c["field"] == "symptoms" for v in (c.get("values") or [])}
    assert code in asked
    assert code not in result.facts.get("symptoms", [])  # never stated from words the reader does not read


def test_a_red_flag_denied_in_its_own_language_is_not_asked() -> None:
    result = extract("58F, L breast IDC 1.2 cm, cN0, ER+ HER2-, new diagnosis.\nSin dolor óseo. Kein Husten.")
    asked = {v for c in result.to_confirm if c["field"] == "symptoms" for v in (c.get("values") or [])}
    assert not asked & {"bone_pain", "cough"}
