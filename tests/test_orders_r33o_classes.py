"""Order-name classes found by the v31 blind order list (look-alike procedures that are no study, orders typed on
phones, paper requisitions after fax and OCR), in our own words, never the list's lines.

1. OCR confusions inside words written in capitals: a zero for O, a lower-case l or a one for I ("C0NTRAST", "MRl",
   "B1LATERAL"), read where the word is otherwise capitals and the word read is a vocabulary word; a word of one capital
   ("T0", the "0" of "W/0") only inside a vocabulary form. A number is never read as letters (T10, L1, a code, a date,
   a TNM category), and a contrast timing that cannot be read is never dropped so that the contrast reads as "with".
2. A word broken across a line with a hyphen ("PEL-" over "VIS"), joined when the joined word is a vocabulary form.
3. A fax's stamps, page markers, banners and numbers, on a field of their own, are no words of the order.
4. A study ordered before or after a procedure that is no study: the study is the order, the procedure its context; a
   procedure ordered as such stays no study, and a side of the procedure opposite the study's still asks.
5. Requisition check boxes: an exam not ticked on a form whose other boxes are ticked is not ordered; a contrast field
   with both "without" and "with" ticked is the without-and-with study.
6. "CT AP" is the CT of the abdomen and pelvis; with a radiograph, or beside a region, AP stays a view.
Each class with the wordings that must still resolve or still ask.
"""

from __future__ import annotations

import time

from order_helpers import case, study
from rightscan.adapters.knowledge_files import load_knowledge
from rightscan.domain.orders import interpret

KB = load_knowledge()


# ------------------------------------------------------------------ 1. OCR confusions in capitals
@case(
    [
        ("MAMM0GRAM DlAGN0STlC RlGHT", "mammo_diagnostic"),
        ("CT HEAD WlTH0UT C0NTRAST", "ct_head"),
        ("MRl LUMBAR SPlNE W/0 C0NTRAST", "mri_spine_wo"),
        ("US LEFT AXlLLA", "us_axilla"),
        ("NM B0NE SCAN", "bone_scan"),
        ("CT CHEST/ABD0MEN/PELVlS WlTH C0NTRAST", "ct_cap_contrast"),
        ("MRI BRAIN W/0 GAD0LlNlUM", "mri_head_wo"),
        ("US B1LATERAL BREASTS", "us_breast"),
        ("CT CHEST N0 CONTRAST", "ct_chest_wo"),  # "N0" inside the form "no contrast"
        # controls: numbers stay numbers, and the study they sit beside reads as before
        ("MRI THORACIC SPINE W/O T10 LESION", "mri_spine_wo"),
        ("Tc-99m MDP BONE SCAN", "bone_scan"),
        ("2D/3D MAMMO SCREENING BILATERAL", "dbt_screening"),
        ("71250", "ct_chest_wo"),
        ("MRI L1 FRACTURE", None),
        # a contrast timing that cannot be read asks; it is never dropped to leave "contrast" read as "with"
        ("MRI BRAIN W0 CONTRAST", None),
        ("mri brain w/0 contrast", None),
        ("ct chest n0 contrast", None),
    ]
)
def test_ocr_confusions_in_capitals_are_read(text: str, pid: str | None) -> None:
    assert study(text) == pid, interpret(KB, text)


def test_an_ocr_reading_is_reported_as_a_correction() -> None:
    reading = interpret(KB, "MRl BRAlN WlTH0UT C0NTRAST")
    assert reading.study is not None and reading.study.id == "mri_head_wo"
    assert {("mrl", "mri"), ("braln", "brain"), ("wlth0ut", "without"), ("c0ntrast", "contrast")} <= set(
        reading.corrections
    )


def test_a_number_is_never_read_as_letters() -> None:
    for text in ("PET/CT T0 N1", "MRI C1-C2 W/O", "XR L1 2 VIEWS", "BONE SCAN 01 DEC 2026", "MRI T1 T2 SEQUENCES"):
        reading = interpret(KB, text)
        assert not any(typed[:1].isalpha() and any(c in typed for c in "01") for typed, _ in reading.corrections), (
            text,
            reading.corrections,
        )


def test_an_ocr_without_never_resolves_to_the_contrast_study() -> None:
    """On main these resolved to the contrast study: the digit made the word unreadable, and it was dropped."""
    for text, contrast_study in (
        ("CT CHEST W1TH0UT CONTRAST", "ct_chest_contrast"),
        ("MRI BRAIN WITH0UT CONTRAST", "mri_head_wwo"),
        ("CT CHEST W/0 CONTRAST", "ct_chest_contrast"),
        ("MRI BRAIN W0 CONTRAST", "mri_head_wwo"),
        ("mri brain w0 gad", "mri_head_wwo"),
    ):
        assert study(text) != contrast_study, interpret(KB, text)


# ------------------------------------------------------------------ 2. a word broken across a line
@case(
    [
        ("MAMMO-\nGRAPHY SCREENING BILATERAL", "mammo_screening"),
        ("CT ABDOMEN/PEL-\nVIS WITH CONTRAST", "ct_abdomen_pelvis_contrast"),
        ("BREAST ULTRA-\r\nSOUND LEFT", "us_breast"),
        ("BONE SCINTI-\nGRAPHY WHOLE BODY", "bone_scan"),
        ("MRI BREAST BILAT-  \n  ERAL W/WO", "mri_breast_wwo"),
        ("CT CHEST W/O C0N-\nTRAST", "ct_chest_wo"),  # joined, then read with its OCR confusion
        # controls: a procedure broken across a line is still the procedure; pieces that join into no vocabulary
        # word stay apart and unread
        ("US RIGHT BREAST BIOP-\nSY", None),
        ("CT CHEST WITH CON-\nFUSION", None),
    ]
)
def test_a_word_broken_across_a_line_is_joined(text: str, pid: str | None) -> None:
    assert study(text) == pid, interpret(KB, text)


# ------------------------------------------------------------------ 3. a fax's stamps, page markers, banners
@case(
    [
        ("MRI BREAST BILATERAL W/WO CONTRAST\nFAXED 11/30/2026 09:15", "mri_breast_wwo"),
        ("Page 1 of 2   CT HEAD WITHOUT CONTRAST", "ct_head"),
        ("*** CONFIDENTIAL ***\nUS RIGHT AXILLA", "us_axilla"),
        ("SCREENING MAMMOGRAM BILATERAL   FAX: (555) 010-2345", "mammo_screening"),
        ("Rec'd 30-Nov-2026 | Bone scan whole body | Pg 1/1", "bone_scan"),
        ("CT CHEST W/O CONTRAST ** STRICTLY CONFIDENTIAL **", "ct_chest_wo"),
        ("MRI BRAIN W/WO   PRINTED ON 12/01/2026 10:32 AM   PAGE 3 OF 4", "mri_head_wwo"),
        # controls: the same words in the order's own words are read as ever (and ask); a stamp without its date, a
        # page word without its number, a status between asterisks are no fax marks
        ("PET/CT received 11/30 from outside hospital", None),
        ("CT CAP W CONTRAST   RECEIVED", None),
        ("MRI BRAIN W/WO   PAGE", None),
        ("CT HEAD W/O CONTRAST   ** DONE 11/30 **", None),
    ]
)
def test_a_fax_marks_are_no_words_of_the_order(text: str, pid: str | None) -> None:
    assert study(text) == pid, interpret(KB, text)


# ------------------------------------------------------------------ 4. a study before or after a procedure
@case(
    [
        ("Left breast ultrasound before core biopsy", "us_breast"),
        ("Chest radiograph after port insertion, check tip", "xray_chest"),
        ("Mammogram diagnostic right, post clip placement", "mammo_diagnostic"),
        ("MRI brain without contrast before CT sim", "mri_head_wo"),
        ("CT abdomen pelvis w contrast following CT-guided liver biopsy", "ct_abdomen_pelvis_contrast"),
        ("US left axilla prior to lymphoscintigraphy", "us_axilla"),
        ("After port placement, CXR", "xray_chest"),
        ("US left breast prior to possible biopsy", "us_breast"),  # a hypothetical procedure: context all the same
        # controls: the procedure is the order; a study named after the timing word is a second study; the
        # procedure's side opposite the study's; a study cancelled
        ("US guided core biopsy right breast prior to surgery", None),
        ("MRI-guided breast biopsy after contrast MRI", None),
        ("CT sim for radiotherapy planning, left breast", None),
        ("Wire localisation left breast under mammography, before lumpectomy", None),
        ("Stereotactic biopsy left breast after diagnostic mammogram", None),
        ("Bone scan prior to PET/CT", None),
        ("Diagnostic mammogram right, post-biopsy clip check left", None),
        ("Chest x-ray after port placement - cancelled", None),
        ("Diagnostic mammogram left, no clip placement after biopsy", None),  # a procedure negated, then named
    ]
)
def test_a_study_before_or_after_a_procedure_is_the_order(text: str, pid: str | None) -> None:
    assert study(text) == pid, interpret(KB, text)


def test_a_procedure_ordered_as_such_is_no_study() -> None:
    for text in ("CT simulation", "CT SIMULATION - RADIATION ONCOLOGY", "Sentinel node mapping left breast"):
        assert interpret(KB, text).status == "unknown", text


# ------------------------------------------------------------------ 5. requisition check boxes
@case(
    [
        ("[x] NM   Study: WHOLE BODY BONE SCAN   [ ] GATED BLOOD POOL", "bone_scan"),
        ("[X] US  Site: LEFT AXILLA   [ ] ECHOCARDIOGRAM", "us_axilla"),
        ("[X] CT CHEST W/O  [ ] ECHO [ ] MUGA", "ct_chest_wo"),
        ("[x] MRI  Site: BREAST BILATERAL  IV contrast: [x] without [x] with", "mri_breast_wwo"),
        ("[X] MRI  Region: BRAIN  Gadolinium: [X] WITHOUT [X] WITH", "mri_head_wwo"),
        ("CT chest/abd/pelvis   Contrast: [x] W/O  [x] W", "ct_cap_wwo"),
        # controls: nothing ticked, radio buttons, a "none" ticked with an IV contrast, boxes with no field, a field's
        # boxes left blank, the other exam ticked
        ("[ ] MUGA  [ ] BONE SCAN", None),
        ("MRI brain  Contrast: (•) Without (•) With", None),
        ("CT CAP  Contrast: [x] None [x] IV", None),
        ("CT A/P  [x] without contrast  [x] with IV contrast", None),
        ("[X] BONE SCAN  Extent: [ ] WHOLE BODY [ ] LIMITED", None),
        ("[ ] BONE SCAN  [X] GATED BLOOD POOL", None),
    ]
)
def test_requisition_check_boxes(text: str, pid: str | None) -> None:
    assert study(text) == pid, interpret(KB, text)


# ------------------------------------------------------------------ 6. "CT AP"
@case(
    [
        ("CT AP with IV contrast", "ct_abdomen_pelvis_contrast"),
        ("ct ap w/o", "ct_abdomen_pelvis_wo"),
        ("CT AP without contrast, r/o abscess", "ct_abdomen_pelvis_wo"),
        ("CT AP c+", "ct_abdomen_pelvis_contrast"),
        # controls: AP with a radiograph, or beside a region, or with PET or MRI, stays a view
        ("XR AP pelvis", "xray_bone"),
        ("AP and lateral chest", "xray_chest"),
        ("portable AP chest", "xray_chest"),
        ("CT chest AP w contrast", "ct_chest_contrast"),
        ("PET/CT AP", "pet_ct"),
        ("MRI AP w/o", None),
        ("CT chest - AP window node, w contrast", "ct_chest_contrast"),
    ]
)
def test_ct_ap_is_the_abdomen_and_pelvis(text: str, pid: str | None) -> None:
    assert study(text) == pid, interpret(KB, text)


def test_ct_ap_is_reported_as_read() -> None:
    reading = interpret(KB, "CT AP w contrast")
    assert ("ap", "abdomen and pelvis") in reading.corrections


# ------------------------------------------------------------------ the pre-reading stays linear
def test_a_requisitions_marks_and_confusions_are_read_in_linear_time() -> None:
    texts = [
        "W/0 " * 500,
        "T0 " * 700,
        "*" * 2000 + " CONFIDENTIAL",
        "RECEIVED " + "12/01/2026 " * 150,
        "A" * 1999 + "0",
        "C0N-\n" * 400,
        "PAGE 1 OF 2   " * 140,
    ]
    for text in texts:
        started = time.thread_time()
        interpret(KB, text)
        assert time.thread_time() - started < 2.0, text[:40]
