"""Unsafe classes found on the fifth blind set (first run: 9 unsafe answers, 19 red flags from mentions that do
not count, 3 false M1), each tested as a class of clinical meaning in wording of our own. Every class has a
control next to it that must still raise the finding (a ticked box, a symptom with a warning qualifier, a proven
metastasis), so that no test passes by reading nothing; check-box layouts and lists are property tests."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nlp_helpers import decide_note as _decide
from nlp_helpers import symptom_codes as _codes
from nlp_helpers import tumor
from rightscan.adapters.text import extract

PROPERTY = settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
HEADER = "61F, R breast IDC 1.4 cm, grade 2, ER+ PR+ HER2-, cN0."
TREATED = "68F, L breast IDC 2017, s/p lumpectomy + RT, on letrozole until 2022. Routine follow-up."
# a symptom as a template writes it -> its code
ITEMS = {"bone pain": "bone_pain", "back pain": "back_pain", "new headache": "headache", "cough": "cough",
         "SOB": "dyspnea", "abd pain": "abdominal_pain", "jaundice": "jaundice", "wt loss": "weight_loss",
         "focal weakness": "neurologic_deficit"}  # fmt: skip
OTHERS = ["fevers", "night sweats", "rash", "sore throat", "nausea", "vision change"]


def _m(text: str) -> str | None:
    return tumor(text).get("m")


# ------------------------------------------------------------------ round check boxes: "( ) item", "(x) item"
@PROPERTY
@given(ticked=st.dictionaries(st.sampled_from(sorted(ITEMS)), st.booleans(), min_size=2, max_size=6),
       mark=st.sampled_from(["(x)", "(X)", "( x )", "(✓)"]), blank=st.sampled_from(["( )", "(  )"]),
       heading=st.sampled_from(["Review of systems:", "ROS", "Symptoms today"]))  # fmt: skip
def test_round_check_boxes_raise_only_the_ticked_items(ticked: dict[str, bool], mark: str, blank: str,
                                                       heading: str) -> None:  # fmt: skip
    row = "  ".join(f"{mark if on else blank} {name}" for name, on in ticked.items())
    note = f"{TREATED}\n\n{heading}\n Systems:   {blank} fevers  {row}  {blank} rash\n"
    # the control is in the same row: each ticked item is raised
    assert _codes(note) == {ITEMS[name] for name, on in ticked.items() if on}


@PROPERTY
@given(answers=st.dictionaries(st.sampled_from(sorted(ITEMS)), st.booleans(), min_size=2, max_size=6),
       yes=st.sampled_from(["yes", "Yes", "Y"]), no=st.sampled_from(["no", "No", "N"]))  # fmt: skip
def test_a_round_box_yes_no_grid_reads_each_row(answers: dict[str, bool], yes: str, no: str) -> None:
    def boxes(on: bool) -> str:
        return f"({'x' if on else ' '}) {yes}  ({' ' if on else 'x'}) {no}"

    rows = "\n".join(f" {name:<18}{boxes(on)}" for name, on in answers.items())
    note = f"{HEADER}\n\nSymptom review (patient-reported):\n{rows}\n"
    assert _codes(note) == {ITEMS[name] for name, on in answers.items() if on}


# (ticked, unticked) marks of the box styles templates use besides "[x]" / "[ ]"
STYLES = [("_X_", "___"), ("_x_", "____"), ("[✔]", "[—]"), ("[x]", "[-]"), ("(X)", "( )")]


@PROPERTY
@given(ticked=st.dictionaries(st.sampled_from(sorted(ITEMS)), st.booleans(), min_size=2, max_size=6),
       style=st.sampled_from(STYLES))  # fmt: skip
def test_every_box_style_raises_only_the_ticked_items(ticked: dict[str, bool], style: tuple[str, str]) -> None:
    on, off = style
    row = "   ".join(f"{on if yes else off} {name}" for name, yes in ticked.items())
    note = f"{TREATED}\n\nROS:\n {off} fevers   {row}   {off} rash\n"
    assert _codes(note) == {ITEMS[name] for name, yes in ticked.items() if yes}


@PROPERTY
@given(answers=st.dictionaries(st.sampled_from(sorted(ITEMS)), st.booleans(), min_size=2, max_size=6),
       brackets=st.sampled_from(["[]", "()"]), no=st.sampled_from(["N", "No", "n"]))  # fmt: skip
def test_an_answer_in_brackets_after_the_item_is_read(answers: dict[str, bool], brackets: str, no: str) -> None:
    def answer(yes: bool) -> str:
        return f"{brackets[0]}{'Y' if yes else no}{brackets[1]}"

    note = f"{TREATED}\nSymptoms: " + "  ".join(f"{name} {answer(yes)}" for name, yes in answers.items()) + "\n"
    assert _codes(note) == {ITEMS[name] for name, yes in answers.items() if yes}


def test_an_underscore_blank_for_a_left_out_name_is_not_a_box() -> None:
    # "Ms. ___" is a name left out: what follows is still read (here, a present red flag)
    note = "Ms. ___ is a 70-year-old woman, L IDC 2016, s/p mastectomy, with new back pain at night."
    assert "back_pain" in _codes(note)
    assert "bone_pain" not in _codes(f"{TREATED}\nBone pain: N/A\n")


def test_a_round_box_in_prose_is_not_a_box() -> None:
    # "(x)" is a tick only as a box; a bracketed aside or an empty "()" changes nothing
    assert "back_pain" in _codes(f"{TREATED} She has new back pain () at night for 3 weeks.")


# ------------------------------------------------------------------ "all negative unless checked"
@PROPERTY
@given(items=st.lists(st.sampled_from(sorted(ITEMS)), min_size=2, max_size=5, unique=True),
       others=st.lists(st.sampled_from(OTHERS), min_size=1, max_size=3, unique=True),
       heading=st.sampled_from(["Review of Systems (all negative unless checked)", "ROS - negative unless marked:",
                                "Systems review, unchecked = negative",
                                "ROS: all negative except as checked"]))  # fmt: skip
def test_items_of_a_grid_negative_unless_checked_are_negative_in_any_marking(items: list[str], others: list[str],
                                                                              heading: str) -> None:  # fmt: skip
    # items written without a box, or with marks the layout does not know ("_", "o"), are negative by the heading
    lines = "\n".join(f" {group}:   _ {a}   o {b}" for group, a, b in zip(["Const", "Neuro", "Resp", "GI", "MSK"],
                                                                         items, [*others, *items][: len(items)],
                                                                         strict=False))  # fmt: skip
    note = f"{TREATED}\n\n{heading}\n{lines}\n MSK:   [x] knee stiffness\n\nExam: unremarkable.\n"
    assert not _codes(note)


def test_a_ticked_item_under_a_negative_unless_checked_heading_is_raised() -> None:
    grid = "Review of Systems (all negative unless checked)\n Constitutional:  _ fevers  _ wt loss\n"
    assert _codes(f"{TREATED}\n\n{grid} MSK:  [x] bone pain - new, R hip, at night  _ back pain\n") == {"bone_pain"}
    assert _codes(f"{TREATED}\n\n{grid} MSK:  Bone pain (x)   back pain ( )\n") == {"bone_pain"}
    # an item in a marking the layout does not know, before the ticked box on the same line, is still negative
    assert _codes(f"{TREATED}\n\n{grid} MSK:  _ back pain  (x) bone pain - new, at night\n") == {"bone_pain"}


def test_the_negative_heading_reaches_only_to_the_blank_line() -> None:
    note = (f"{TREATED}\n\nROS (negative unless checked)\n Resp:  _ cough  _ SOB\n\n"
            "HPI addendum: she called back today reporting new back pain at night for 2 weeks.\n")  # fmt: skip
    assert _codes(note) == {"back_pain"}


# ------------------------------------------------------------------ a family history written across one line
RELATIVES = ["mother", "father", "sister", "brother", "aunt", "daughter"]
ILLNESSES = ["lung ca (had bad cough, smoker)", "myeloma with terrible bone pain", "brain tumour, headaches",
             "colon ca, lost weight"]  # fmt: skip
IN_RELATIVE = {"lung ca (had bad cough, smoker)": "cough", "myeloma with terrible bone pain": "bone_pain",
               "brain tumour, headaches": "headache", "colon ca, lost weight": "weight_loss"}  # fmt: skip


@PROPERTY
@given(first=st.sampled_from(RELATIVES), second=st.sampled_from(RELATIVES), illness=st.sampled_from(ILLNESSES),
       dash=st.sampled_from([" - ", " – ", ": "]),
       title=st.sampled_from(["FHx:", "FH:", "Family history:"]))  # fmt: skip
def test_a_relatives_symptom_in_a_one_line_family_history_is_not_hers(first: str, second: str, illness: str,
                                                                     dash: str, title: str) -> None:  # fmt: skip
    note = f"{HEADER} PMHx: hypothyroidism. {title} {first}{dash}breast ca age 50; {second}{dash}{illness}."
    assert IN_RELATIVE[illness] not in _codes(note)
    # control: the patient's own symptom in the next sentence is hers
    assert "back_pain" in _codes(f"{note} She reports new back pain at night for 3 weeks.")


# ------------------------------------------------------------------ a negated explanation explains nothing
@PROPERTY
@given(cause=st.sampled_from(["URI", "reflux", "asthma", "bronchitis", "a cold", "pneumonia"]),
       negation=st.sampled_from(["no", "denies"]), weeks=st.integers(min_value=3, max_value=12))  # fmt: skip
def test_a_negated_cause_does_not_explain_the_symptom(cause: str, negation: str, weeks: int) -> None:
    note = f"{TREATED} Dry cough x {weeks} wks, {negation} {cause}. Surveillance CXR: new RLL nodule."
    assert "cough" in _codes(note)
    # control: the cause stated explains it
    assert "cough" not in _codes(f"{TREATED} Dry cough x {weeks} wks from {cause}, settling.")


# ------------------------------------------------------------------ benign causes told in her own way
@PROPERTY
@given(pronoun=st.sampled_from(["she", "he"]), act=st.sampled_from(["lifted", "carried", "moved", "twisted"]),
       thing=st.sampled_from(["heavy boxes", "a sofa", "her grandson", "garden pots"]))  # fmt: skip
def test_back_pain_after_a_physical_strain_told_with_its_subject_is_explained(pronoun: str, act: str,
                                                                              thing: str) -> None:  # fmt: skip
    note = f"{TREATED} Lower back ache for 5 days, started the morning after {pronoun} {act} {thing}, easing."
    assert "back_pain" not in _codes(note)
    # control: a warning qualifier keeps it whatever the cause
    assert "back_pain" in _codes(note.replace("easing", "waking her at night"))


@PROPERTY
@given(how=st.sampled_from(["she joined a slimming club", "she has been on a diet since June",
                            "she started semaglutide", "she has been dieting with her sister"]),
       kg=st.integers(min_value=2, max_value=9))  # fmt: skip
def test_weight_lost_on_purpose_is_explained(how: str, kg: int) -> None:
    note = f"{TREATED} She has lost about {kg} kg since the spring, which pleases her - {how}."
    assert "weight_loss" not in _codes(note)
    # control: weight lost without trying counts
    assert "weight_loss" in _codes(f"{TREATED} She has lost {kg} kg since the spring without trying.")


@PROPERTY
@given(change=st.sampled_from(["a new job", "a new role at work", "a new baby at home", "new glasses"]))
def test_new_describing_a_change_in_her_life_is_no_warning(change: str) -> None:
    note = f"{HEADER} Headaches - tension type, since she started {change}; better on weekends, no neuro sx."
    assert "headache" not in _codes(note)
    # control: "new" said of the headache itself is a warning that a named cause does not explain away
    assert "headache" in _codes(f"{HEADER} New headaches, daily, tension type per PCP; since {change}.")


def test_numbness_at_night_from_a_known_nerve_entrapment_is_explained() -> None:
    note = f"{HEADER} Tingling/numbness L thumb and index finger at night x 4 yrs - NCS c/w carpal tunnel syndrome."
    assert "neurologic_deficit" not in _codes(note)
    # controls: a new numbness of a leg is a deficit; pain at night stays a warning whatever it is blamed on
    assert "neurologic_deficit" in _codes(f"{HEADER} New numbness of the right leg at night, 2 weeks.")
    assert "back_pain" in _codes(f"{TREATED} Back pain at night for 3 weeks, blamed on disc disease.")


# ------------------------------------------------------------------ M1 only from proven or stated distant disease
HEDGED = ["likely metastasis", "probably metastatic disease", "less likely metastatic disease",
          "metastasis unlikely", "indeterminate for metastasis", "which may represent a metastasis",
          "metastatic disease not ruled out", "metastatic disease not confirmed", "favour metastasis",
          "metastasis not yet proven"]  # fmt: skip
WEIGHED = ["cyst vs metastasis", "haemangioma versus metastasis", "bone island vs. metastasis"]
SITES = ["liver lesion", "lung nodule", "sclerotic focus in the iliac bone", "adrenal nodule"]


@PROPERTY
@given(site=st.sampled_from(SITES), hedge=st.sampled_from(HEDGED), size=st.sampled_from(["8 mm", "1.2 cm"]))
def test_a_hedged_distant_lesion_is_never_m1_and_is_named_when_it_matters(site: str, hedge: str, size: str) -> None:
    note = f"{HEADER} Staging CT: {size} {site}, {hedge}. Plan: MRI to characterise."
    assert _m(note) != "M1"
    out = _decide(note)
    # whether M1 would change the answer is for the core to say; when it does, tumor.m is named to confirm
    if out["systemic_imaging"] == "undetermined":
        assert any(item.startswith("tumor.m") for item in out["insufficient_data"])
    assert out["systemic_imaging"] != "not_applicable"


@PROPERTY
@given(site=st.sampled_from(SITES), weighed=st.sampled_from(WEIGHED))
def test_a_distant_lesion_weighed_against_benign_causes_is_not_m1(site: str, weighed: str) -> None:
    assert _m(f"{HEADER} CT: {site} - {weighed}; recommend MRI.") != "M1"
    assert _m(f"{HEADER} DDx for the {site}: granuloma, {weighed.split()[-1]}.") != "M1"


def test_excluded_distant_disease_is_not_m1() -> None:
    assert _m(f"{HEADER} Bone metastases were excluded on PET/CT.") != "M1"
    assert _m(f"{HEADER} Metastatic disease has been excluded.") != "M1"


def test_proven_or_stated_distant_disease_is_still_m1() -> None:
    assert _m(f"{HEADER} CT-guided biopsy of the liver lesion confirmed metastatic breast carcinoma.") == "M1"
    assert _m(f"{HEADER} Bone metastases on CT and bone scan.") == "M1"
    assert _m("57F, L breast IDC 3 cm, ER+ HER2-, cT2 N1 M1 (bone), stage IV.") == "M1"


def test_a_mammograms_five_point_grade_is_not_the_m_category() -> None:
    for wording in ["Her last mammogram was reported as normal (M1).",
                    "Screening mammography 2025: M1, routine recall.", "Mammo (RCR): M1."]:  # fmt: skip
        assert _m(f"{TREATED} {wording}") is None, wording
    # control: the M category of a staging line is still read
    assert _m(f"{HEADER} cT1c cN0 M1 (biopsy-proven liver metastasis).") == "M1"
    assert _m(f"{HEADER} Stage: cT1c cN0 cM0.") == "M0"


# ------------------------------------------------------------------ a red flag in the patient's own words
@PROPERTY
@given(where=st.sampled_from(["lower", "upper", "mid", ""]), verb=st.sampled_from(["has been hurting", "is killing",
                                                                                    "keeps aching"]),
       since=st.sampled_from(["for about a month", "since the summer"]))  # fmt: skip
def test_her_own_words_for_back_pain_are_read(where: str, verb: str, since: str) -> None:
    words = f"my {where} back {verb}".replace("  ", " ")
    note = f"Hi, it's Ann. My cancer is small (9 mm IDC). But {words} {since} and it wakes me at night."
    assert "back_pain" in _codes(note)
    # control: the same words explained by a strain she names stay explained
    strained = f"Hi. {words.capitalize()} {since}, since I helped my son move a couch. Getting better with heat."
    assert "back_pain" not in _codes(strained)


def test_her_own_words_for_a_visual_disturbance_are_read() -> None:
    note = "Hi nurse. Twice this week the vision in my right eye went blurry for a few minutes. Had chemo last year."
    assert "neurologic_deficit" in _codes(note)
    # control: the same words as something to watch for are not hers
    watch = "Hi nurse. Had chemo last year. Should I call if the vision in my right eye went blurry?"
    assert "neurologic_deficit" not in _codes(watch)


# ------------------------------------------------------------------ a list answered after it, or under a heading
LISTED = {"bone pain": "bone_pain", "persistent headache": "headache", "breathlessness": "dyspnea",
          "a cough": "cough", "weight loss": "weight_loss", "back pain": "back_pain"}  # fmt: skip


@PROPERTY
@given(items=st.lists(st.sampled_from(sorted(LISTED)), min_size=2, max_size=5, unique=True),
       answer=st.sampled_from(["- she has none of these.", "- none of the above.", ": all negative.",
                               "; she denies all of them.", "- all absent."]))  # fmt: skip
def test_a_list_answered_as_a_whole_after_it_is_negated(items: list[str], answer: str) -> None:
    note = f"{TREATED} Red flags reviewed: {', '.join(items[:-1])} and {items[-1]} {answer}"
    assert not _codes(note) & set(LISTED.values())
    # control: an answer that is not a denial leaves a present symptom standing
    present = f"{TREATED} She reports new bone pain in the R hip at night - none of the above explains it."
    assert "bone_pain" in _codes(present)


@PROPERTY
@given(
    items=st.lists(st.sampled_from(sorted(LISTED)), min_size=2, max_size=4, unique=True),
    heading=st.sampled_from(["Absent:", "Not present:", "ROS negative incl", "ROS 10-pt negative, specifically"]),
)
def test_a_negative_heading_or_an_abbreviated_including_negates_the_list(items: list[str], heading: str) -> None:
    note = f"{TREATED}\n{heading} {', '.join(items)}.\n"
    assert not _codes(note) & set(LISTED.values())
    assert "bone_pain" in _codes(f"{TREATED}\nPresent: new bone pain, R hip, at night.\n")


def test_the_dry_cough_of_an_ace_inhibitor_is_explained() -> None:
    assert "cough" not in _codes(f"{HEADER} Dry cough since starting lisinopril - ACE inhibitor cough, stopping it.")
    assert "cough" in _codes(f"{TREATED} New cough for 6 weeks, worse at night, on lisinopril for years.")


# ------------------------------------------------------------------ a metastasis with a regional place is not M1
REGIONAL = ["Axillary node metastasis on FNA.", "Sentinel node metastasis, 4 mm.", "SLN: metastasis, 3 mm, no ENE.",
            "Metastasis in 1 of 2 sentinel nodes.", "Metastases to 3 axillary lymph nodes.",
            "Nodal metastasis: present.", "Ipsilateral axillary mets.", "Skin metastasis on the chest wall.",
            "Internal mammary node mets."]  # fmt: skip


@PROPERTY
@given(finding=st.sampled_from(REGIONAL), age=st.integers(min_value=35, max_value=85))
def test_a_regional_node_or_skin_metastasis_is_never_m1(finding: str, age: int) -> None:
    assert _m(f"{age}F, L breast IDC 2.5 cm, ER+ HER2-. {finding}") != "M1"
    # control: the same words with a distant place, or a contralateral axilla (AJCC 8: distant), are M1
    assert _m(f"{age}F, L breast IDC 2.5 cm, ER+ HER2-. {finding} Liver metastases on CT.") == "M1"
    assert _m(f"{age}F, L breast IDC 2.5 cm, ER+ HER2-. Contralateral axillary node metastasis on FNA.") == "M1"


def test_a_radiologists_leaning_is_not_proof() -> None:
    assert _m(f"{HEADER} PET: FDG-avid rib lesion, favour metastasis. Biopsy planned.") != "M1"
    assert _m(f"{HEADER} Rib lesion biopsy: metastatic breast carcinoma.") == "M1"


OWN_WORDS = {"my hip hurts all the time now, even at night": "bone_pain",
             "my head has been pounding every morning for 3 weeks": "headache",
             "her back has been really sore for weeks and it's getting worse": "back_pain",
             "she has new pain in her thoracic spine, point tender": "back_pain"}  # fmt: skip


@PROPERTY
@given(words=st.sampled_from(sorted(OWN_WORDS)), opening=st.sampled_from(["Hi, it's Jo.", "Pt called:", "Update -"]))
def test_a_red_flag_in_everyday_words_is_read(words: str, opening: str) -> None:
    assert OWN_WORDS[words] in _codes(f"{TREATED} {opening} {words}.")
    # control: the same words as a question about the future are not a symptom she has
    assert OWN_WORDS[words] not in _codes(f"{TREATED} {opening} If {words}, should I call?")


# ------------------------------------------------------------------ a warning qualifier is never swallowed
@PROPERTY
@given(qualifier=st.sampled_from(["New", "Persistent"]), cause=st.sampled_from(["URI", "a cold", "reflux", "asthma"]))
def test_a_warning_qualifier_of_a_cough_outweighs_a_benign_cause(qualifier: str, cause: str) -> None:
    assert "cough" in _codes(f"{TREATED} {qualifier} cough for 6 weeks, ?{cause}. CXR: new RLL nodule.")
    # control: the same cough told as chronic and explained stays explained
    assert "cough" not in _codes(f"{TREATED} Chronic cough for years from {cause}, unchanged.")


def test_a_sudden_neurological_symptom_is_not_explained_by_a_chronic_condition() -> None:
    assert "neurologic_deficit" in _codes(
        f"{TREATED} Numbness of the left arm and face, sudden onset; carpal tunnel hx."
    )
    assert "headache" in _codes(f"{HEADER} Headache since she started a new job, with vomiting and blurred vision.")


# ------------------------------------------------------------------ safety-netting advice, however it is worded
ADVICE = ["She was told to look out for", "She knows to let us know about", "Red flag symptoms explained:",
          "Reviewed symptoms of metastatic disease to report:", "Safety-netting:",
          "She will keep an eye out for"]  # fmt: skip


@PROPERTY
@given(opening=st.sampled_from(ADVICE),
       items=st.lists(st.sampled_from(sorted(LISTED)), min_size=2, max_size=4, unique=True))  # fmt: skip
def test_safety_netting_advice_names_no_symptom_she_has(opening: str, items: list[str]) -> None:
    note = f"{TREATED} Well today. {opening} {', '.join(items[:-1])} or {items[-1]}."
    assert not _codes(note) & set(LISTED.values())
    # control: a symptom she has now, followed by the same advice, is still hers
    present = f"{TREATED} She has new bone pain in the R hip at night. {opening} {', '.join(items)}."
    assert "bone_pain" in _codes(present)


# ------------------------------------------------------------------ a column of ticked boxes under a denial
@PROPERTY
@given(ticked=st.lists(st.sampled_from(sorted(ITEMS)), min_size=1, max_size=5, unique=True),
       heading=st.sampled_from(["Patient denies the following:", "Pt denies:", "Pertinent negatives:",
                                "Negative for the following:"]),
       style=st.sampled_from(["[x]", "(x)", "- [X]", "☒"]))  # fmt: skip
def test_ticked_boxes_under_a_denial_heading_are_denied(ticked: list[str], heading: str, style: str) -> None:
    rows = "\n".join(f"  {style} {name}" for name in ticked)
    note = f"{TREATED}\n{heading}\n{rows}\n\nExam unremarkable.\n"
    assert not _codes(note) & {ITEMS[name] for name in ticked}
    # control: the same column under a positive heading raises every ticked item
    assert _codes(note.replace(heading, "Positive for:")) == {ITEMS[name] for name in ticked}


def test_when_she_started_is_a_time_not_a_cause() -> None:
    assert "back_pain" in _codes(f"{TREATED} Back pain when she started walking to work, 3 weeks, aching.")
    assert "back_pain" not in _codes(f"{TREATED} Back pain since Saturday when she helped move a couch, easing.")


# ------------------------------------------------------------------ answers written as signs after the item
@PROPERTY
@given(answers=st.dictionaries(st.sampled_from(sorted(ITEMS)), st.booleans(), min_size=2, max_size=6),
       form=st.sampled_from(["column", "colon", "signs"]))  # fmt: skip
def test_an_answer_sign_after_the_item_answers_that_item_alone(answers: dict[str, bool], form: str) -> None:
    if form == "column":
        body = "Symptom             Present\n" + "\n".join(f"{n:<20}{'+' if y else '-'}" for n, y in answers.items())
    elif form == "colon":
        body = "   ".join(f"{n}: {'+' if y else '-'}" for n, y in answers.items())
    else:
        body = "ROS: " + ", ".join(f"{n} {'(+)' if y else '(-)'}" for n, y in answers.items())
    assert _codes(f"{TREATED}\n{body}\n") == {ITEMS[n] for n, y in answers.items() if y}


def test_a_pain_score_of_zero_is_no_pain() -> None:
    assert "bone_pain" not in _codes(f"{TREATED}\nBone pain: 0/10\n")
    assert "bone_pain" in _codes(f"{TREATED}\nBone pain: 6/10, R hip, new, worse at night\n")


# ------------------------------------------------------------------ a resolution, said or denied
RESOLVED = {"cleared after antibiotics": True, "went away after physio": True, "has subsided": True,
            "has not cleared": False, "never went away": False, "has not subsided": False}  # fmt: skip


@PROPERTY
@given(symptom=st.sampled_from(["Cough", "Back pain", "Headache"]), said=st.sampled_from(sorted(RESOLVED)))
def test_a_symptom_resolved_is_historical_and_one_whose_resolution_is_denied_stays(symptom: str, said: str) -> None:
    code = {"Cough": "cough", "Back pain": "back_pain", "Headache": "headache"}[symptom]
    got = _codes(f"{TREATED} {symptom} for 6 weeks in the spring, {said}.")
    assert (code not in got) == RESOLVED[said]


def test_a_symptom_she_no_longer_has_is_not_hers() -> None:
    assert "bone_pain" not in _codes(f"{TREATED} She no longer has any bone pain since stopping letrozole.")
    assert "bone_pain" in _codes(f"{TREATED} She no longer takes letrozole; new bone pain in the R hip at night.")


# ------------------------------------------------------------------ a bare mark under a Yes or a No column
@PROPERTY
@given(answers=st.dictionaries(st.sampled_from(sorted(ITEMS)), st.booleans(), min_size=2, max_size=6),
       mark=st.sampled_from(["X", "x", "✓"]), titles=st.sampled_from([("Yes", "No"), ("Y", "N")]))  # fmt: skip
def test_a_bare_mark_is_answered_by_its_column(answers: dict[str, bool], mark: str, titles: tuple[str, str]) -> None:
    yes, no = titles
    header = f"{'Symptom':<22}{yes:<8}{no}"
    rows = "\n".join(f"{name:<22}{mark if on else ' ' * (8 + len(no) // 2) + mark}" for name, on in answers.items())
    assert _codes(f"{TREATED}\n{header}\n{rows}\n") == {ITEMS[name] for name, on in answers.items() if on}


def test_a_mark_midway_between_the_columns_abstains_and_names_the_symptom() -> None:
    # "Yes" centred at 16.5, "No" at 23: a mark at 20 is 3.5 from one and 3 from the other
    note = f"{HEADER}\nSymptom        Yes    No\n{'Bone pain':<20}X\n"
    out = _decide(note)
    assert out["systemic_imaging"] == "undetermined"
    assert any(item.startswith("symptoms:") for item in out["insufficient_data"])


@PROPERTY
@given(other=st.sampled_from(["CKD stage 4", "stage IV endometriosis", "stage 4 pressure ulcer (sacrum)",
                              "stage 4 chronic kidney disease", "COPD, stage IV"]))  # fmt: skip
def test_the_stage_of_another_disease_is_not_m1(other: str) -> None:
    assert _m(f"{HEADER} PMH: {other}, hypertension.") != "M1"
    # control: the breast cancer's own stage IV is M1
    assert _m(f"{HEADER} PMH: {other}. Breast cancer stage IV (bone).") == "M1"


@PROPERTY
@given(other=st.sampled_from(["Hx colon ca with liver mets 2015, resected, NED.",
                              "Her thyroid cancer had lung metastases in 2010, treated with RAI.",
                              "Goal of treatment: prevent distant metastases."]))  # fmt: skip
def test_another_cancers_metastases_or_an_aim_are_not_m1(other: str) -> None:
    assert _m(f"{HEADER} {other}") != "M1"
    # control: the breast cancer's metastasis named beside another cancer is still M1
    assert _m("58F with L breast IDC 2.5 cm with bone metastases; hx of thyroid cancer 2001.") == "M1"


@PROPERTY
@given(item=st.sampled_from(sorted(ITEMS)), answer=st.sampled_from([": ?", ": unsure", " - not sure", ": unknown"]))
def test_an_answer_that_does_not_know_names_the_symptom_to_confirm(item: str, answer: str) -> None:
    note = f"{HEADER}\n{item}{answer}\n"
    out = _decide(note)
    assert ITEMS[item] not in extract(note).facts.get("symptoms", [])
    assert out["systemic_imaging"] == "undetermined"
    assert any(entry.startswith("symptoms:") for entry in out["insufficient_data"])
    # control: the same row answered yes raises it
    assert ITEMS[item] in _codes(f"{HEADER}\n{item}: yes\n")


def test_a_no_answer_followed_by_a_comment_is_still_no() -> None:
    assert "bone_pain" not in _codes(f"{TREATED}\nBone pain: N - only the old fracture site aches in the cold\n")
    assert "bone_pain" in _codes(f"{TREATED}\nBone pain: Y - R hip, new, at night\n")
