"""Issue 8, orders: the classes behind the misses of the tenth blind list (orders_v10, PROVENANCE.md),
checked on other spellings than the list's own lines.

Booking desks and order entry outside the large US centres: the two phases of a with-and-without study
written as two words ("plain + contrast"), dictation software's slips, priority or triage labels and local
codes before the study, a procedure or an add-on named as optional, tracer codes beside the PET code. Each
class is checked the way a clinician would: the study the order means, or no study where the order does not
say which (never a neighbour, and never the without-only study for a with-and-without order)."""

from __future__ import annotations

from pathlib import Path

import pytest

from order_helpers import case as _case
from order_helpers import study as _study
from rightscan.adapters.kbfiles import KnowledgeError
from rightscan.adapters.knowledge_files import load_knowledge
from rightscan.domain.orders import interpret
from test_orders import _copy_with

KB = load_knowledge()


# ------------------------------------------------------------------ with and without, written as two halves
@_case(
    [
        ("CT thorax/abdo/pelvis plain & contrast", "ct_cap_wwo"),
        ("MRI head - plain and contrast study", "mri_head_wwo"),
        ("MR lumbar spine non-contrast + contrast", "mri_spine_wwo"),
        ("CT CAP unenhanced and contrast", "ct_cap_wwo"),
        ("MRI liver plain then gadolinium", "mri_abdomen_wwo"),
        ("MRI brain P+C", "mri_head_wwo"),  # Indian requisition shorthand
        ("CT chest abdomen pelvis w/o contrast + contrast", "ct_cap_wwo"),
        ("MRI T/L spine pre & post contrast", "mri_spine_wwo"),  # "&" is "and"
        # controls: one half alone keeps its own meaning
        ("plain CT thorax abdomen pelvis", "ct_cap_wo"),
        ("MRI brain plain", "mri_head_wo"),
        ("CT chest contrast", "ct_chest_contrast"),
        ("CT abdomen pelvis with contrast", "ct_abdomen_pelvis_contrast"),
        ("CT chest w/o IV contrast", "ct_chest_wo"),
        # a lone contrast noun beside a "without" that is not joined to it: the order does not say which
        ("CT chest plain, contrast", None),
        ("CT abdomen pelvis non contrast - contrast", None),
    ]
)
def test_the_two_halves_of_a_with_and_without_order_are_read_together(text: str, pid: str | None) -> None:
    assert _study(text) == pid


@pytest.mark.parametrize(
    "text",
    ["CT C/A/P plain + contrast", "MRI brain plain and contrast", "CT TAP noncon & contrast", "MRI spine plain+gad"],
)
def test_a_with_and_without_order_is_never_read_as_without_only(text: str) -> None:
    reading = interpret(KB, text)
    assert reading.attributes["contrast"] == "without_and_with"
    assert reading.study is None or not reading.study.id.endswith("_wo")


# ------------------------------------------------------------------ dictation software
@_case(
    [
        ("sea tee abdomen and pelvis with contrast", "ct_abdomen_pelvis_contrast"),  # letters spoken
        ("em are eye head with and without contrast", "mri_head_wwo"),
        ("pee ee tee see tee whole body vertex to toes", "pet_ct_whole_body"),
        ("ex ray chest PA and lateral", "xray_chest"),
        ("C.T. head", "ct_head"),  # letters with full stops
        ("M.R.I. lumbar spine w/o", "mri_spine_wo"),
        ("MRI brain with out contrast", "mri_head_wo"),  # "without" heard as two words
        ("CT chest with contrasts", "ct_chest_contrast"),
        ("CT abdomen pelvis with contract", "ct_abdomen_pelvis_contrast"),
        ("bone scams whole body", "bone_scan"),
        ("NM bone scam", "bone_scan"),
        ("screening mammo gram by lateral", "mammo_screening"),
        ("ultra sound of the left axilla", "us_axilla"),
        ("see tee tee ay pee with eye vee contrast", "ct_cap_contrast"),  # letters of a region and a route too
        ("mammo dee ex are tee", "mammo_diagnostic"),
        ("MRI head with and without contrast comma query metastases period", "mri_head_wwo"),  # spoken punctuation
        ("bilateral breast ultra sound", "us_breast"),
        # controls: the words alone still say no more than they say
        ("see tee", None),  # a modality without a region
        ("em are eye", None),
        ("see the breast clinic", None),  # "see" is not a letter here
        ("CT brain", "ct_head"),
    ]
)
def test_dictated_orders_are_read_as_heard(text: str, pid: str | None) -> None:
    assert _study(text) == pid


def test_a_dictation_reading_is_reported_as_a_correction() -> None:
    reading = interpret(KB, "em are eye brain without contracts")
    assert ("em are eye", "mri") in reading.corrections
    assert ("contracts", "contrast") in reading.corrections
    assert reading.study is not None and reading.study.id == "mri_head_wo"


def test_single_letters_are_not_read_as_spoken_letters() -> None:
    # "c t l" is the cervical, thoracic and lumbar spine, not "CT" followed by "l"
    reading = interpret(KB, "c t l spine MRI w/wo")
    assert reading.study is not None and reading.study.id == "mri_spine_wwo"


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("  t: [tee, tea, tango]\n", "  t: [tee, tea, tango, chest]\n"),  # a letter name that is a study word
        ("  x: [ex]\n", "  x: [ex, see]\n"),  # one name for two letters
        ("  scam: scan\n", "  scan: scam\n"),  # a sound-alike that is itself a form, for no vocabulary word
    ],
    ids=["letter name is a word", "name of two letters", "sound-alike is a form"],
)
def test_the_dictation_tables_are_validated_at_load(tmp_path: Path, old: str, new: str) -> None:
    with pytest.raises(KnowledgeError) as info:
        load_knowledge(_copy_with(tmp_path, "order_vocabulary.yaml", old, new))
    assert "order_vocabulary.yaml" in str(info.value)


# ------------------------------------------------------------------ labels before the study, catalogue words
@_case(
    [
        ("Cat 2 - CT abdomen/pelvis w contrast - ?liver lesions", "ct_abdomen_pelvis_contrast"),  # triage label
        ("category 3: screening mammogram bilateral", "mammo_screening"),
        ("P3 - MRI head w/o gad", "mri_head_wo"),
        ("Priority 1 - CT brain", "ct_head"),
        ("cat scan of the head", "ct_head"),  # "cat" is still the CT of "CAT scan"
        ("Cat 1", None),  # a label alone names no study
        ("MMG screening bilat", "mammo_screening"),  # the mammography abbreviation
        ("MMG", None),  # screening or diagnostic not stated
        ("ultrasound upper abdo", "us_abdomen"),
        ("MR T-L spine without and with contrast", "mri_spine_wwo"),
        ("MRI C/T spine w/o", "mri_spine_wo"),
    ]
)
def test_labels_and_catalogue_words_around_the_study(text: str, pid: str | None) -> None:
    assert _study(text) == pid


# ------------------------------------------------------------------ a modality the patient cannot have
@_case(
    [
        ("CT brain with contrast - patient cannot have MRI, pacemaker", "ct_head"),
        ("CT head; unable to tolerate MRI (claustrophobia)", "ct_head"),
        ("contrast mammogram rt - pt can't have MRI", "mammo_contrast"),
        ("bone scan - cannot have PET", "bone_scan"),
        # controls: the modality ordered is read; a contrast the patient cannot have is a question, not "with"
        ("MRI brain w/wo - can't have CT", "mri_head_wwo"),
        ("CT chest - patient cannot have contrast", None),
        ("CT chest and MRI brain", None),  # two studies named side by side
        ("scans for staging - pt cannot have MRI", None),  # "pt" is the patient here, not a PET
    ]
)
def test_a_modality_the_patient_cannot_have_is_not_the_study(text: str, pid: str | None) -> None:
    assert _study(text) == pid


# ------------------------------------------------------------------ an optional next step is not the study
@_case(
    [
        ("US right axilla - ?nodes, core biopsy if suspicious", "us_axilla"),
        ("breast US L - FNA if indicated", "us_breast"),
        ("diagnostic mammo R, US if needed", "mammo_diagnostic"),
        ("NM whole body bone scan +/- SPECT", "bone_scan"),  # "+/-" before a technique: an add-on
        ("US axilla left ± FNA", "us_axilla"),
        ("MRI brain +/- gadolinium", "mri_head_wwo"),  # "+/-" before a contrast word: with and without
        # controls: named without the condition, the procedure is the study (outside the catalogue)
        ("US guided FNA left axilla", None),
        ("bone scan with SPECT/CT", None),
        ("US breast biopsy", None),
        # in the study part itself the procedure or the second study is the order, not an add-on
        ("US left breast core biopsy if needed", None),
        ("CT chest abdomen pelvis or bone scan if needed", None),
        # a part of the study itself named as optional: which study is unclear
        ("diagnostic mammogram left, tomosynthesis if needed", None),
        ("screening mammo 3D if required", None),
        # a contrast given only if needed states no timing: the order asks
        ("CT abdomen and pelvis, IV contrast if needed", None),
        ("CT chest w contrast prn", None),
    ]
)
def test_an_optional_next_step_is_not_the_study(text: str, pid: str | None) -> None:
    assert _study(text) == pid


def test_a_contrast_if_needed_is_a_question_with_both_choices() -> None:
    reading = interpret(KB, "CT chest with contrast if required")
    assert reading.status == "ambiguous"
    assert {c.id for c in reading.choices} >= {"ct_chest_contrast", "ct_chest_wo"}


# ------------------------------------------------------------------ a PET code and its tracer's code
@_case(
    [
        ("78816 + A9591", "fes_pet"),  # whole-body PET code with the fluoroestradiol supply code
        ("A9591, 78815", "fes_pet"),
        # controls: codes of two different studies name no one study
        ("78815 + 78306", None),
        ("77049 + A9591", None),
        ("78815", "pet_ct"),  # the PET code alone keeps its sourced FDG default
    ]
)
def test_a_tracer_code_names_the_tracer_of_the_pet_code_beside_it(text: str, pid: str | None) -> None:
    assert _study(text) == pid


# ------------------------------------------------------------------ phases and spellings of the contrast timing
@_case(
    [
        ("MR head pre-contrast only", "mri_head_wo"),  # the series before the injection
        ("MRI L-spine post gad", "mri_spine_wwo"),  # an MRI with contrast is the without-and-with study
        ("MRI brain pre & post gadolinium", "mri_head_wwo"),
        ("CT thorax arterial phase", "ct_chest_contrast"),
        ("CT chest no dye", "ct_chest_wo"),
        ("CT chest abdomen pelvis non IV contrast", "ct_cap_wo"),
        ("CT head with-out contrast", "ct_head"),
        ("MRI head with-out contrast", "mri_head_wo"),
        ("MRI whole-spine w/o", "mri_spine_wo"),
        ("MRI wholespine w/wo", "mri_spine_wwo"),
        ("CT thorax w.o. contrast", "ct_chest_wo"),  # letters with full stops end no sentence
        ("CT CAP uncontrasted", "ct_cap_wo"),
        # an unenhanced series and a contrast noun with only a slash between: both phases, or "w/o contrast"?
        ("MRI head plain/contrast", None),
        # a contrast "if needed" next to a stated timing leaves the timing open
        ("MRI brain plain, gadolinium if needed", None),
        ("CT chest non-contrast, contrast if required", None),
        # contrast said to be unnecessary or ruled out: a question, never "with"
        ("CT chest - contrast not required", None),
    ]
)
def test_contrast_phases_and_spellings(text: str, pid: str | None) -> None:
    assert _study(text) == pid


# ------------------------------------------------------------------ what the order is for, written before the study
@_case(
    [
        ("Short of breath, ?pleural fluid - chest x-ray", "xray_chest"),  # unknown words before the study
        ("Known ILC R breast; staging: CT chest/abdo/pelvis c+", "ct_cap_contrast"),
        ("Dr Okafor request - NM bone scan", "bone_scan"),
        ("Aching ribs ?secondaries: bone scan", "bone_scan"),
        ("Right breast lump: ultrasound", "us_breast"),  # the study names no region: the site is where
        ("Post NACT response: MRI both breasts with gad", "mri_breast_wwo"),
        ("Ref no. 55 - MRI brain w/wo", "mri_head_wwo"),
        ("need CT head noncon stat pt drowsy", "ct_head"),  # "pt" after the study is the patient
        # controls: a leading segment that contradicts the study, or names a site it does not image, asks
        ("Eyesight worse, eGFR 19: MRI brain", None),  # kidney function: contrast in question
        ("Painful left knee: CT chest w contrast", None),  # a site the chest CT does not image
        ("Left breast lump: US right breast", None),  # the other side
        ("Pain: US", None),  # no site, no region
    ]
)
def test_what_the_order_is_for_may_come_before_the_study(text: str, pid: str | None) -> None:
    assert _study(text) == pid


# ------------------------------------------------------------------ a local code before the name, no separator
@_case(
    [
        ("XRB-07 XR CHEST PA AND LATERAL", "xray_chest"),
        ("[MRS-0031] MRI L-SPINE W/O", "mri_spine_wo"),
        ("CTHDNC CT HEAD WITHOUT CONTRAST", "ct_head"),  # a mnemonic no word or typo fix reads
        ("NMWBB NM BONE SCAN WHOLE BODY", "bone_scan"),
        ("RAD_9912 US AXILLA LEFT", "us_axilla"),
        # controls: a code whose groups state something is not set aside, nor a code with no study after it
        ("GA-68 PET", None),  # the tracer stays read: not the FDG PET
        ("FES-PET", "fes_pet"),
        ("MR-BR-010 MRI BRAIN W/WO", None),  # "MR-BR" names a breast MRI, the name a brain MRI: ask
        ("NMB-07 SCAN", None),
        ("CECT CHEST", "ct_chest_contrast"),  # an abbreviation, not a code
    ]
)
def test_a_local_code_before_the_name_is_set_aside(text: str, pid: str | None) -> None:
    assert _study(text) == pid


# ------------------------------------------------------------------ a contrast question answered on the order form
# round 21o: a question answered "no" on the form is the study without contrast (domain/order_form.py); a checkbox,
# whose ticked box is not read, still asks
@_case(
    [
        ("MRI head (Gadolinium: No)", "mri_head_wo"),
        ("CT abdomen/pelvis - IV contrast? N", "ct_abdomen_pelvis_wo"),
        ("CT thorax, contrast Y/N: no", "ct_chest_wo"),
        ("CT chest contrast: none", "ct_chest_wo"),
        # round 31o: the ticked box is read (domain/tick_marks.py, as the note reader does): "no" is the study without
        ("CT CAP contrast [ ] yes [x] no", "ct_cap_wo"),
        ("CT CAP contrast [x] yes [x] no", None),  # both ticked: the choice is unknown
    ]
)
def test_a_contrast_answered_no_is_never_read_as_with(text: str, pid: str | None) -> None:
    assert _study(text) == pid, interpret(KB, text)


@_case(
    [
        ("CT chest (IV contrast: yes)", "ct_chest_contrast"),  # a "yes" keeps the contrast
        ("CT chest w/o contrast, no allergies", None),  # a "no" right after the contrast word asks
        ("CT chest without contrast - prior reaction", "ct_chest_wo"),  # the timing stated, no answer slot
    ]
)
def test_answers_after_a_contrast_word(text: str, pid: str | None) -> None:
    assert _study(text) == pid
