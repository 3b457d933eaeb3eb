"""Order-name classes found by the v30 blind order list (the order spoken, dictated and misheard: voice recognition,
telephone and verbal orders read back, booking lines), in our own words, never the list's lines.

1. Numbers and letters spelled out by speech: "three D" is 3D (tomosynthesis), "two D" 2D, letters written one by
   one ("C T", "M R I", "F E S", "P E T C T", "I V") are the abbreviation they spell, when the whole run of them
   spells vocabulary words; a run with a letter left over stays as written. Spoken punctuation ("slash") is the mark.
2. Two tracers joined by "or" ("FES or F D G pet") are a choice not made: the order asks.
3. Study and region names heard as near words ("pet seat", "of the chess", "ax ill a", "sin tig raphy"), listed in
   the vocabulary, never by a fuzzy matcher; the spelling alphabet of a read-back ("uniform sierra").
4. The read-back's words around the study ("reading back", "read back and verified", "okay so that's a", "go ahead
   with") state nothing.
Each class with the wordings that must still resolve or still ask.
"""

from __future__ import annotations

from order_helpers import case, study
from rightscan.adapters.knowledge_files import load_knowledge
from rightscan.domain.orders import interpret

KB = load_knowledge()


# ------------------------------------------------------------------ 1. numbers and letters spelled out
@case(
    [
        ("three D mammo screening both breasts", "dbt_screening"),
        ("diagnostic mammogram left with three D for a palpable mass", "dbt_diagnostic"),
        ("screening mammogram two D only bilateral", "mammo_screening"),
        ("C T head without contrast", "ct_head"),
        ("C T chest with I V contrast", "ct_chest_contrast"),
        ("C T A P with contrast", "ct_abdomen_pelvis_contrast"),
        ("M R I brain with and without gadolinium", "mri_head_wwo"),
        ("P E T C T skull base to mid thigh", "pet_ct"),
        ("F E S P E T", "fes_pet"),
        ("F E S pet scan, estrogen receptor positive", "fes_pet"),
        ("U S left axilla", "us_axilla"),
        ("C X R two views", "xray_chest"),
        ("PET slash CT for restaging", "pet_ct"),
        ("MRI lumbar spine w slash o contrast", "mri_spine_wo"),
        ("bone scan tech ninety nine MDP whole body", "bone_scan"),
        # spoken letter names keep working beside a letter written alone
        ("em are eye C spine without contrast", "mri_spine_wo"),
        ("see tee head", "ct_head"),
        # controls: a run of letters with one left over stays unread, and the order asks; letters that spell
        # nothing stay as written
        ("C T Q chest with contrast", None),
        ("M R head", None),
        ("C T", None),
        ("three D", None),
        ("E R positive, C T", None),
    ]
)
def test_numbers_and_letters_spelled_out_are_the_written_forms(text: str, pid: str | None) -> None:
    assert study(text) == pid, interpret(KB, text)


def test_letters_written_one_by_one_are_reported_as_a_correction() -> None:
    reading = interpret(KB, "C T C A P with contrast")
    assert reading.study is not None and reading.study.id == "ct_cap_contrast"
    assert ("c t c a p", "ct cap") in reading.corrections


# ------------------------------------------------------------------ 2. two tracers joined by "or"
@case(
    [
        ("F D G or F E S PET", None),
        ("PET with FES or FDG, whichever is available", None),
        ("fluoroestradiol or F D G P E T C T", None),
        ("FDG or FES PET/CT", None),
        # controls: one tracer named is that tracer's study
        ("F D G P E T C T", "pet_ct"),
        ("F E S P E T C T", "fes_pet"),
    ]
)
def test_two_tracers_joined_by_or_ask(text: str, pid: str | None) -> None:
    assert study(text) == pid, interpret(KB, text)


# ------------------------------------------------------------------ 3. recognition errors of study and region names
@case(
    [
        ("pet seat skull base to thigh", "pet_ct"),
        ("pets seat for restaging", "pet_ct"),
        ("CT of the chess without contrast", "ct_chest_wo"),
        ("x ray of the chess two views", "xray_chest"),
        ("ultrasound of the axe ill a right", "us_axilla"),
        ("whole body bone sin tig raphy", "bone_scan"),
        ("bone scinti graphy whole body", "bone_scan"),
        # the spelling alphabet of a read-back spells the study again
        ("US left breast targeted, uniform sierra", "us_breast"),
        ("DBT diagnostic right, delta bravo tango", "dbt_diagnostic"),
        ("CT chest without contrast, charlie tango", "ct_chest_wo"),
        # controls: a real word is never turned into a study; a name heard wrong alone still asks
        ("chess", None),
        ("cat scan of the chess", None),
        ("uniform sierra", None),
        ("the patient plays chess", None),
        ("delta", None),
    ]
)
def test_study_and_region_names_heard_as_near_words(text: str, pid: str | None) -> None:
    assert study(text) == pid, interpret(KB, text)


# ------------------------------------------------------------------ 4. read-back chatter
@case(
    [
        ("reading back MRI brain without contrast", "mri_head_wo"),
        ("read back and verified: CT abdomen and pelvis with contrast", "ct_abdomen_pelvis_contrast"),
        ("okay so that's a bone scan whole body", "bone_scan"),
        ("go ahead with the diagnostic mammogram on the right", "mammo_diagnostic"),
        ("read back and confirmed, ultrasound right breast", "us_breast"),
        ("CT chest without contrast, I repeat, without", "ct_chest_wo"),
        # controls: the chatter says nothing of the study, so what is missing still asks
        ("reading back CT chest", None),
        ("okay so that's a mammogram", None),
        ("go ahead with the MRI", None),
        ("read back and verified", None),
    ]
)
def test_read_back_chatter_states_nothing(text: str, pid: str | None) -> None:
    assert study(text) == pid, interpret(KB, text)


# ------------------------------------------------------------------ 5. the other abstentions: spoken history and extent
@case(
    [
        # an operation the patient is status post is her history, not a study done
        ("diagnostic mammogram right status post mastectomy left", "mammo_diagnostic"),
        ("US left breast s/p partial mastectomy", "us_breast"),
        ("MRI breasts with and without contrast status post chemotherapy", "mri_breast_wwo"),
        # a pregnancy or an enlarged node said without a comma
        ("CT head without contrast patient is pregnant", "ct_head"),
        ("MRI brain without gadolinium she's pregnant", "mri_head_wo"),
        ("ultrasound right axilla swollen lymph nodes", "us_axilla"),
        # a whole-body field of view said in words
        ("PET CT from the top of the head to the toes", "pet_ct_whole_body"),
        ("F D G PET C T skull to feet", "pet_ct_whole_body"),
        # patients' spoken names written down by staff
        ("magnet picture of her lower back no dye", "mri_spine_wo"),
        ("CT in the donut machine of the head", "ct_head"),
        ("contrast mammogram with the dye in the vein, left", "mammo_contrast"),
        ("the magnet pictures of her brain", None),
        # controls: a pregnancy with no contrast stated asks; a study the line says is done stays done
        ("CT abdomen pelvis she is pregnant", None),
        ("mammogram status post", None),
        ("bone scan s/p", None),
    ]
)
def test_spoken_history_and_extent(text: str, pid: str | None) -> None:
    assert study(text) == pid, interpret(KB, text)


def test_a_long_run_of_letters_is_read_in_linear_time() -> None:
    """Letters written one by one are read only up to a dozen at a time: a run of thousands (a pasted table, an
    attack) is left as written, never searched for a spelling (which recursed and grew with the run's length)."""
    import time

    started = time.process_time()
    for letters in ("c t " * 1500, "a b " * 1500, "q " * 3000):
        assert study("CT chest " + letters) is None
    assert time.process_time() - started < 2.0
