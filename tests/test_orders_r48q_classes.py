"""Order-name classes of the v45 blind order list (round 48q), in other wordings than the list's, with their controls.

1. An order that expired, lapsed or was never scheduled is no study ordered now, like a cancelled one; an earlier order
   of the same study that expired is why it is ordered again.
2. A change of study only under a condition ("switch to X if ...") is none: the order asks, never the conditional study.
3. An order set with each study's status: the one study still pending, scheduled or ordered is the order; two pending,
   or all done, declined or cancelled, stay unresolved. A status written after the study ("- resulted 3/2", "- PENDING")
   and a status heading ("completed: A, B") are that study's.
4. A replacement: the study changed to (of several change words, the last that names one), after "Replaces order #N
   (old):", after a cancelled one "ordered instead"; an order's own number is no billing code.
5. An order on hold that waits for something (an authorisation, an appeal, the patient's discharge) is still pursued;
   on hold and waiting for nothing it still asks, as before.
6. A side letter and the first letter of "f/u" make no study's form ("R f/u" is no "RF"), and a study named as where a
   reason's finding was seen ("for equivocal T8 on bone scan") is the earlier study, not a second one.
7. A referral letter that names one study for an outside facility names that study: the greeting, the request ("we
   would be grateful if you could perform"), the facility after "at" with its name, and why it is done there are not
   read. Two studies named still ask.
8. A patient's message about her one scheduled or proposed scan names it ("is my ... still on?", "do I really need
   ...?", "they called to schedule ..."); a scan she already had is done, and alone it is none.
"""

from __future__ import annotations

from order_helpers import KB, case, study
from rightscan.domain.orders import interpret


@case(
    [
        ("Order expired - MRI brain w/wo, never booked", None),
        ("CT chest w contrast (order lapsed 2/2024)", None),
        ("US L axilla ordered 6/2023, was never scheduled", None),
        ("Bone scan - order has expired", None),
        ("Reorder CT CAP w contrast - prior order expired", "ct_cap_contrast"),  # the earlier order's expiry
        ("Renewed order: MRI breast bilat w/wo (original order lapsed)", "mri_breast_wwo"),
        ("Bone scan", "bone_scan"),  # control
    ]
)
def test_an_expired_order_is_not_ordered_now(text: str, pid: str | None) -> None:
    assert study(text) == pid, interpret(KB, text)


def test_an_expired_order_is_offered_with_its_status() -> None:
    reading = interpret(KB, "Bone scan ordered 1/2024 - expired, never scheduled")
    assert reading.status == "ambiguous" and reading.order_status == "declined"
    assert [p.id for p in reading.choices] == ["bone_scan"]


@case(
    [
        ("CT CAP w contrast on hold; change to CT CAP w/o contrast if eGFR < 30", None),
        ("Hold MRI brain w/wo until eGFR back; switch to MRI brain w/o if eGFR low", None),
        ("PET/CT pending; convert to CT CAP w contrast unless auth approved", None),
        ("CT CAP w contrast; switch to CT CAP w/o contrast", "ct_cap_wo"),  # a change with no condition: as before
        ("Switched from MRI brain w/wo to CT head w/o", "ct_head"),
        ("changed PET/CT to CT CAP w contrast", "ct_cap_contrast"),
    ]
)
def test_a_conditional_switch_asks(text: str, pid: str | None) -> None:
    assert study(text) == pid, interpret(KB, text)


@case(
    [
        ("Workup set: bone scan - completed 5/1; CT CAP w contrast - completed 5/2; PET/CT - PENDING", "pet_ct"),
        ("Order set: MRI brain w/wo (pt declined), bone scan (scheduled 6/3)", "bone_scan"),
        ("Pending: diagnostic mammo L; done: US L breast, US L axilla", "mammo_diagnostic"),
        ("Completed: CT CAP w contrast, bone scan; pending: MRI brain w/wo", "mri_head_wwo"),
        ("Staging set: CT CAP w contrast - PENDING; bone scan - PENDING", None),  # two pending
        ("Staging set: CT CAP w contrast - resulted 5/2; bone scan - resulted 5/4", None),  # all done
        ("Order set: bone scan (cancelled), CT CAP w contrast (declined)", None),
        ("Order set: bone scan (cancelled)", None),  # a cancelled study alone
        ("Order set: CT CAP w contrast", "ct_cap_contrast"),  # control
        ("CT CAP w contrast", "ct_cap_contrast"),
    ]
)
def test_an_order_set_names_the_one_study_still_pending(text: str, pid: str | None) -> None:
    assert study(text) == pid, interpret(KB, text)


@case(
    [
        ("Protocol change by rads: CT A/P w contrast changed to MRI abdomen w/wo", "mri_abdomen_wwo"),
        ("Replaces order #40417 (bone scan): PET/CT skull base to mid-thigh", "pet_ct"),
        ("MRI brain cancelled (pacemaker); CT head w/o ordered instead", "ct_head"),
        ("Bone scan ordered, then cancelled - PET/CT ordered instead", "pet_ct"),
        ("CT chest w contrast ordered, then cancelled", None),  # the cancelled study alone
        ("Screening mammo converted to diagnostic bilat by rads", "mammo_diagnostic"),
        ("Screening mammo converted to diagnostic", "mammo_diagnostic"),
        ("Diagnostic mammo converted to screening", "mammo_screening"),
        ("Order #55102 CT CAP w contrast", "ct_cap_contrast"),  # an order's number is no code
        ("CPT 77067", "mammo_screening"),  # a code is still a code
    ]
)
def test_a_replacement_names_the_final_study(text: str, pid: str | None) -> None:
    assert study(text) == pid, interpret(KB, text)


@case(
    [
        ("Bone scan on hold pending prior auth", "bone_scan"),
        ("Prior auth denied for MRI brain w/wo - appeal filed", "mri_head_wwo"),
        ("Hold PET/CT - pt admitted, rebook after discharge", "pet_ct"),
        ("CT CAP w contrast - on hold, awaiting insurance approval", "ct_cap_contrast"),
        ("bone scan on hold", None),  # on hold, waiting for nothing: as before
        ("CT chest w contrast - on hold per onc", None),
        ("Prior auth denied for PET/CT", None),  # denied with no appeal
        ("CT CAP w/ - hold metformin 48h", "ct_cap_contrast"),  # a preparation held: as before
        ("CT CAP w contrast - contrast held, AKI", None),  # contrast in question: asks
    ]
)
def test_an_order_on_hold_waiting_for_something_is_still_pursued(text: str, pid: str | None) -> None:
    assert study(text) == pid, interpret(KB, text)


@case(
    [
        ("dx mammo L f/u", "mammo_diagnostic"),
        ("diag mammo R f/u asymmetry", "mammo_diagnostic"),
        ("US R breast f/u", "us_breast"),
        ("C T C A P", "ct_cap_contrast"),  # letters spelled one by one: as before
        ("MRI L-spine w/wo for indeterminate L3 lesion on bone scan", "mri_spine_wwo"),
        ("MRI brain w/wo for lesion seen on CT head", "mri_head_wwo"),
        ("MRI brain for lesion seen on CT w contrast", None),  # the contrast is the CT's: the MRI's asks
        ("Bone scan equivocal at T8 - f/u MRI or CT", None),  # two studies still offered
    ]
)
def test_a_side_letter_and_an_earlier_study_in_the_reason(text: str, pid: str | None) -> None:
    assert study(text) == pid, interpret(KB, text)


@case(
    [
        (
            "Dear colleague, we would be grateful if you could perform a CT chest w contrast at Riverside Hospital",
            "ct_chest_contrast",
        ),
        (
            "Referral letter: please arrange MRI brain w/wo at St Mary's Imaging Centre; not available locally",
            "mri_head_wwo",
        ),
        ("Outside referral: PET/CT skull base to mid-thigh at the cancer centre, closer to home", "pet_ct"),
        ("Referral: kindly perform US L axilla at your institution", "us_axilla"),
        ("MRI brain w/wo at Lakeside Imaging Center", "mri_head_wwo"),
        ("Referral: please perform CT CAP w contrast or PET/CT at your facility", None),  # two studies: asks
        ("Letter: please arrange imaging at the university hospital", None),  # no study named
        ("Referral: please perform MRI breast at Lakeside Imaging", None),  # the contrast is still unstated
        ("MRI T-spine w/wo - lesion at T8", "mri_spine_wwo"),  # "at" a level is no place: as before
    ]
)
def test_a_referral_letter_names_the_study_for_the_outside_facility(text: str, pid: str | None) -> None:
    assert study(text) == pid, interpret(KB, text)


@case(
    [
        ("Portal msg: 'is my mammogram still on for Tuesday? can I wear deodorant?'", None),  # no intent: asks
        ("Portal msg: 'is my PET scan still on for Friday?'", "pet_ct"),
        ("Pt portal: 'they called to schedule my CT chest with contrast - is that necessary?'", "ct_chest_contrast"),
        ("Portal: 'Do I really need the bone scan? I feel fine.'", "bone_scan"),
        (
            "Pt messaged: 'I just had the mammogram on Monday, do I still need the breast MRI with contrast?'",
            "mri_breast_wwo",
        ),
        (
            "Pt asks via MyChart whether she can have the breast MRI with contrast instead of the ultrasound",
            "mri_breast_wwo",
        ),
        ("Portal: 'I already had my bone scan last week, when will I get the results?'", None),  # had: done
        ("Pt messaged: 'I had the MRI brain w/wo on Monday - is it normal?'", None),
        ("Portal: 'do I still need the bone scan and the CT?'", None),  # two studies: asks
        ("pt had CT CAP last week, NED", None),  # a study dated last week is an earlier one
    ]
)
def test_a_patient_message_about_her_one_scan_names_it(text: str, pid: str | None) -> None:
    assert study(text) == pid, interpret(KB, text)
