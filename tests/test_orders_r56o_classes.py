"""Order-name classes of the v52 blind order list (round 56o), in other wordings than the list's, with their controls.

1. An HL7 v2 ORC segment's order control code (ORC-1, HL7 v2.5.1 Table 0119; the vocabulary's ``hl7_order_controls``)
   says what the message does to the order of the OBR segment after it: cancelled, discontinued or held, no study is
   asked for; a new or changed order, or one the filler could not cancel, stands. Of several orders, a cancelled one's
   study is left out and the one that stands is read; segments pasted onto one line are still segments.
2. An order voided, or entered in error or on the wrong patient, is no study asked for (like a cancelled one); the old
   order voided and a new one placed is the new study's order, and "void" inside another word or said of the patient
   (urinating) is no status.
3. A DICOM attribute keyword before a study description ("StudyDescription=", "RequestedProcedureDescription=") is a
   field label, no study word; the nuclear-medicine views "ANT/POST" are the bone scan's views. The words that change
   the study (contrast, region, side, tracer) are still read, and two studies stay two.
4. "mammogram" heard by speech recognition as a word and a surname ("mammo graham").
"""

from __future__ import annotations

from order_helpers import KB, case, study
from rightscan.domain.orders import interpret

MSH = "MSH|^~\\&|EPIC|HOSP|RIS|RAD|202612050900||ORM^O01|1|P|2.5.1"
CANCELLED_AP = "ORC|CA|11\rOBR|1|11||CT9^CT ABD PELVIS W CONTRAST^L"


@case(
    [
        ("ORC|OC|A7712|||| OBR|1|A7712||MR88^MRI BRAIN W WO CONTRAST^L", None),
        (f"{MSH}\rORC|DC|99120\rOBR|1|99120||US22^US BREAST RIGHT^L", None),
        ("ORC|CR|4410|||| OBR|1|4410||77067^SCREENING MAMMOGRAPHY BILAT^CPT4", None),
        ("ORC|OH|4410|||| OBR|1|4410||NM1^NM BONE SCAN WHOLE BODY^L", None),  # held: none to do now
        ("ORC|NW|6620|||| OBR|1|6620||MR5^MRI BREAST BILAT W WO CONTRAST^L", "mri_breast_wwo"),  # control: a new order
        ("ORC|XO|6620|||| OBR|1|6620||CT1^CT CHEST W CONTRAST^L", "ct_chest_contrast"),  # control: a changed order
        ("ORC|UD|7|||| OBR|1|7||PET1^PET/CT SKULL BASE TO MID THIGH FDG^L", "pet_ct"),  # control: unable to discontinue
        ("OBR|1|ORD8120||IMG77^MRI BRAIN W/WO CONTRAST^L", "mri_head_wwo"),  # control: an OBR with no ORC
        # the cancelled order's study left out, the new order's read
        (f"{CANCELLED_AP}\rORC|NW|12\rOBR|1|12||CT10^CT CHEST ABD PELVIS W CONTRAST^L", "ct_cap_contrast"),
        ("ORC|NW|11\rOBR|1|11||MG1^MAMMO DIAG LT^L\rORC|NW|12\rOBR|1|12||US1^US BREAST LT^L", None),  # control: two
        ("CT CAP w contrast", "ct_cap_contrast"),  # control
    ]
)
def test_an_hl7_order_control_code_that_cancels_asks_for_no_study(text: str, pid: str | None) -> None:
    assert study(text) == pid, interpret(KB, text)


def test_a_cancelled_hl7_order_is_declined_with_its_study_offered() -> None:
    reading = interpret(KB, "ORC|DC|88|||| OBR|1|88||IMG1^MRI BRAIN W WO^L")
    assert reading.order_status == "declined"
    assert [p.id for p in reading.choices] == ["mri_head_wwo"]


def test_the_order_control_codes_are_the_vocabularys() -> None:
    controls = KB.vocabulary.hl7_order_controls
    assert {controls[c] for c in ("CA", "OC", "CR", "DC", "OD", "DR")} == {"declined"}
    assert controls["NW"] == controls["XO"] == "proposed"
    assert "ZZ" not in controls


@case(
    [
        ("Voided - entered in error: CT chest abdomen pelvis w contrast", None),
        ("US breast left (order entered on the wrong patient)", None),
        ("MRI brain w/wo - ordered on wrong patient, voided", None),
        ("wrong pt - bone scan", None),
        ("Old order voided, new order: MRI breast bilateral w/wo", "mri_breast_wwo"),  # control: the new order
        ("previous order voided; please book PET/CT skull base to mid thigh", "pet_ct"),  # control: the new order
        ("avoid contrast CT chest", "ct_chest_wo"),  # control: "void" inside another word
        ("CT chest w contrast, avoid oral", "ct_chest_contrast"),  # control
        ("bone scan declined", None),  # control: declined stays not-an-order
        ("CT CAP w contrast", "ct_cap_contrast"),  # control
    ]
)
def test_a_voided_order_or_one_entered_in_error_is_no_study(text: str, pid: str | None) -> None:
    assert study(text) == pid, interpret(KB, text)


def test_a_voided_order_is_declined() -> None:
    assert interpret(KB, "VOIDED: US breast left").order_status == "declined"
    assert interpret(KB, "mammogram done 11/2").order_status == "done"  # control: a done study stays done


@case(
    [
        ("RequestedProcedureDescription=US BREAST LT", "us_breast"),
        ("StudyDescription: PET-CT FDG SKULL BASE TO MID THIGH", "pet_ct"),
        ("Study Description = MG SCREEN BILAT 3D", "dbt_screening"),
        ("StudyDescription=CT CHEST W CON", "ct_chest_contrast"),
        ("StudyDescription=NM WB BONE ANT POST", "bone_scan"),
        ("ScheduledProcedureStepDescription=MR BRAIN W WO", "mri_head_wwo"),
        ("StudyDescription=MR L-SPINE WO", "mri_spine_wo"),
        ("NM bone scan anterior and posterior views", "bone_scan"),
        ("StudyDescription=CT CHEST", None),  # control: the contrast is still read, and unstated asks
        ("StudyDescription=MR BREAST", None),  # control: the contrast unstated
        ("StudyDescription=MG DIAG LT / US LT BREAST", None),  # control: two studies
        ("StudyDescription=NM BONE 3 PHASE", None),  # control: the three-phase scan is no catalogue study
        ("StudyDescription=PT/CT NAF WB", None),  # control: the tracer is read (NaF PET is no catalogue study)
        ("StudyDescription=MR BRAIN W WO | pt declined", None),  # control: declined
        ("StudyDescription=NM BONE WB ANT/POST done 3/4", None),  # control: done
        ("NM bone scan ant", None),  # control: "ANT" alone is no pair of views
    ]
)
def test_a_dicom_attribute_label_and_the_bone_scans_views_are_no_study_words(text: str, pid: str | None) -> None:
    assert study(text) == pid, interpret(KB, text)


def test_a_dicom_study_description_keeps_its_side() -> None:
    assert interpret(KB, "StudyDescription=MR BREAST RT W WO").attributes["laterality"] == "right"
    assert interpret(KB, "MRI R breast").attributes["laterality"] == "right"  # control


@case(
    [
        ("mamma graham screening bilateral", "mammo_screening"),
        ("mama graham diagnostic left", "mammo_diagnostic"),
        ("mammo graham", None),  # control: a mammogram with no intent asks
        ("mammo graham screening and diagnostic", None),  # control: two intents
    ]
)
def test_mammogram_heard_as_mammo_graham(text: str, pid: str | None) -> None:
    assert study(text) == pid, interpret(KB, text)
