"""Issue 8, orders: the classes behind the fifth blind list's misses (PROVENANCE.md, orders_v5.jsonl).

Checked as classes, not as the list's strings: typos of study words, an indication run on after the study
(with or without a separator), an EHR orderable code before the name, abbreviations kept as vocabulary
data, an alternative set aside ("instead of MRI"), pregnancy, and a protocol that implies the contrast
timing (shown as an assumption). Properties run over every name of the development list that resolves
to its gold study: the class may keep the study or make the order ask, never give another study.
"""

from __future__ import annotations

import json
import random
from collections import Counter
from pathlib import Path

import pytest
import yaml

from order_helpers import study as _study
from rightscan.adapters.knowledge_files import KNOWLEDGE_DIR, load_knowledge
from rightscan.domain.order_text import parse_order_text
from rightscan.domain.order_tokens import tokenize
from rightscan.domain.orders import interpret

ROOT = Path(__file__).resolve().parent.parent
KB = load_knowledge()
DEV = [json.loads(line) for line in (ROOT / "tests/fixtures/orders/orders_dev.jsonl").read_text().splitlines() if line]
RESOLVED = [item for item in DEV if item["gold"] != "none" and interpret(KB, item["text"]).study is not None]
RESOLVED = [item for item in RESOLVED if interpret(KB, item["text"]).study.id == item["gold"]]  # type: ignore[union-attr]
NAMES = [item for item in RESOLVED if not item["text"].strip().isdigit()]  # a bare code is not a name


# ------------------------------------------------------------------ an indication run on after the study
# each starts with a clinical word and holds words outside the vocabulary, and no study word
RUN_ON = [
    "lesion heterogeneity assessment",
    "mets workup pending tumour board",
    "lump noticed whilst showering",
    "pain worse overnight despite analgesia",
]


def test_the_run_on_reasons_hold_no_study_word() -> None:
    for reason in RUN_ON:
        parse = parse_order_text(KB.vocabulary, f"XR {reason}")
        assert parse.indication_word and not parse.unread, reason  # clinical, and its unknown words ignored
        assert parse.modality == {"XR"} and not parse.regions, reason  # nothing added to the study
        assert not (parse.contrast_marks or parse.contrast_question or parse.laterality or parse.technique), reason
        assert not (parse.pharmaceutical or parse.intent or parse.extent), reason


@pytest.mark.parametrize("shape", ["{study} {reason}", "{study} f/u {reason}", "{study} follow up {reason}"])
def test_a_reason_run_on_after_the_study_keeps_the_study(shape: str) -> None:
    changed = []
    for i, item in enumerate(NAMES):
        text = shape.format(study=item["text"], reason=RUN_ON[i % len(RUN_ON)])
        got = _study(text)
        if got != item["gold"] and got is not None:
            changed.append((text, got))
    assert not changed, changed[:10]


def test_most_names_still_resolve_with_a_run_on_reason() -> None:
    kept = sum(_study(f"{item['text']} {RUN_ON[i % len(RUN_ON)]}") == item["gold"] for i, item in enumerate(NAMES))
    assert kept / len(NAMES) >= 0.95


def test_a_run_on_indication_is_read_as_written() -> None:
    # no typo fix after the clinical word: "night" is not "right", the side stays the one ordered
    reading = interpret(KB, "US breast left lump night pain")
    assert reading.study is not None and reading.study.id == "us_breast"
    assert reading.attributes["laterality"] == "left" and reading.corrections == ()


def test_a_clinical_word_before_the_study_hides_no_unknown_word() -> None:
    # only what runs on after the study is its indication; an unknown word in the study still asks
    assert _study("CT chest w contrast known mets zorbium") == "ct_chest_contrast"
    reading = interpret(KB, "known mets CT chest w contrast zorbium")
    assert reading.status == "ambiguous" and reading.unread == ("zorbium",)


def test_a_site_after_follow_up_is_what_the_order_is_for() -> None:
    assert _study("CT chest with contrast f/u liver lesion") == "ct_chest_contrast"
    assert _study("f/u CT chest with contrast") == "ct_chest_contrast"  # before the study it names nothing


# ------------------------------------------------------------------ an orderable code before the name
CODES = ["CTCAPC", "MRBRWO", "IMG2460", "NMBONE7", "XQZT"]


def test_an_orderable_code_before_the_name_is_not_read_as_words() -> None:
    changed = []
    for i, item in enumerate(NAMES):
        got = _study(f"{CODES[i % len(CODES)]} - {item['text']}")
        if got != item["gold"]:
            changed.append((item["text"], got))
    assert len(changed) <= len(NAMES) * 0.02, changed[:10]
    assert all(got is None for _, got in changed), changed[:10]


@pytest.mark.parametrize(
    ("text", "pid"),
    [
        ("MAMO - screening bilateral", "mammo_screening"),  # a typo of a study word is read, not dropped
        ("CT - chest abdomen pelvis with contrast", "ct_cap_contrast"),  # a study word is read
    ],
)
def test_a_study_word_before_the_dash_is_never_taken_for_a_code(text: str, pid: str) -> None:
    assert _study(text) == pid


def test_a_code_alone_names_nothing() -> None:
    assert _study("ZQXW - for staging") is None


# ------------------------------------------------------------------ typos never turn one study into another
def _typos(word: str) -> list[str]:
    """One edit inside the word: two neighbouring letters swapped, or one letter dropped."""
    mid = range(1, len(word) - 2)
    return [word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in mid] + [word[:i] + word[i + 1 :] for i in mid]


def test_a_typo_in_a_study_word_keeps_the_study_or_asks() -> None:
    changed, kept, tried = [], 0, 0
    for item in NAMES:
        words = [w for w in tokenize(item["text"]) if w.isalpha() and len(w) >= 5 and w in KB.vocabulary.words]
        for word in words[:2]:
            for typo in _typos(word)[:3]:
                text = item["text"].lower().replace(word, typo, 1)
                got = _study(text)
                tried += 1
                kept += got == item["gold"]
                if got not in (item["gold"], None):
                    changed.append((text, item["gold"], got))
    assert tried >= 500
    assert not changed, changed[:10]
    assert kept / tried >= 0.8


def test_a_random_one_edit_typo_keeps_the_study_or_asks() -> None:
    # substitutions, insertions and deletions anywhere in words of four letters or more (seeded); shorter
    # words are mostly abbreviations whose one-edit neighbours are other words ("and"/"an": see below)
    rng = random.Random(20261130)
    letters = "abcdefghijklmnopqrstuvwxyz"
    changed, tried = [], 0
    for item in NAMES:
        words = [w for w in tokenize(item["text"]) if w.isalpha() and len(w) >= 4 and w in KB.vocabulary.words]
        for word in words[:3]:
            for _ in range(3):
                i, c = rng.randrange(len(word)), rng.choice(letters)
                typo = rng.choice([word[:i] + c + word[i + 1 :], word[:i] + c + word[i:], word[:i] + word[i + 1 :]])
                if typo == word:
                    continue
                got = _study(item["text"].lower().replace(word, typo, 1))
                tried += 1
                if got not in (item["gold"], None):
                    changed.append((typo, item["text"], got))
    assert tried >= 1000
    assert not changed, changed[:10]


def test_a_typo_as_close_to_two_words_is_fixed_only_when_they_mean_the_same() -> None:
    # "abdomne" is one edit from "abdomen" and from "abdome" (Portuguese): both the abdomen
    reading = interpret(KB, "CT abdomne pelvis with contrast")
    assert reading.study is not None and reading.study.id == "ct_abdomen_pelvis_contrast"
    assert reading.corrections and reading.corrections[0][0] == "abdomne"  # the fix is reported


@pytest.mark.parametrize(
    ("text", "pid"),
    [
        ("CT haed", "ct_head"),  # two letters swapped ("head"), not one changed ("hand")
        ("MRI lumbar spin w/wo", "mri_spine_wwo"),  # a letter dropped ("spine"), not changed ("sein", French)
        ("ct catp with iv contrast", None),  # "ctap" (abdomen, pelvis) or "cap" (chest too): never either
        ("CT achest abdomen pelvis wo contrast", None),  # "chest" or "aches": a fix must not drop the chest
        ("MR T-spine seine w/wo", "mri_spine_wwo"),  # "spine" or "sein" (breast): the text names the spine
    ],
)
def test_a_typo_between_words_of_two_studies_is_never_fixed(text: str, pid: str | None) -> None:
    assert _study(text) == pid


@pytest.mark.parametrize(
    "text",
    ["MRI L-spine w an w/o", "MR brain w add wo contrast", "on-contrast breast MRI", "MRI spine we contrast",
     "now-contrast CT chest", "CT abdomen pelvis to contrast"],
)  # fmt: skip
def test_a_typo_that_is_itself_a_word_never_picks_the_contrast(text: str) -> None:
    # "an"/"add" for "and", "on"/"now" for "non", "we"/"to" for "wo": no fix can see them (each is a word),
    # so the contrast is asked, never read
    reading = interpret(KB, text)
    assert reading.status == "ambiguous"
    assert {"conflict", "contrast"} & set(reading.missing)


def test_w_before_a_word_that_states_something_is_still_read() -> None:
    assert _study("MRI brain w and wo") == "mri_head_wwo"
    assert _study("MRI brain w/ and w/o contrast") == "mri_head_wwo"
    assert _study("MRI liver w/wo - lesion on contrast CT") == "mri_abdomen_wwo"  # "on" points at the CT


# ------------------------------------------------------------------ abbreviations as vocabulary data
@pytest.mark.parametrize(
    ("text", "pid"),
    [
        ("WBBS", "bone_scan"),
        ("whole-body bone scan Tc-99m HDP", "bone_scan"),
        ("CT TAP portal venous phase", "ct_cap_contrast"),
        ("CT abdomen pelvis PV phase", "ct_abdomen_pelvis_contrast"),
        ("CT chest NC", "ct_chest_wo"),
        ("please book CT CAP with contrast, rising CEA", "ct_cap_contrast"),
        ("repeat CT CAP w contrast after 3 cycles", "ct_cap_contrast"),
        ("restaging PET-CT post neoadjuvant", "pet_ct"),
        ("CT chest -C", "ct_chest_wo"),
        ("US hepatobiliary", "us_abdomen"),
        ("Symptomatic breast clinic mammogram", "mammo_diagnostic"),
        ("MRI brain plain", "mri_head_wo"),
        ("plain CT chest", "ct_chest_wo"),
        ("plain film chest", "xray_chest"),
        ("CT chest/abdo/pelvis C-/C+", "ct_cap_wwo"),
        ("CT thorax NC+C", None),  # no chest study without-and-with in the catalogue: asks, never a neighbour
        ("MRI spine no gad", "mri_spine_wo"),
        ("MRI brain pre/post gad", "mri_head_wwo"),
        ("PET/CT vertex-toe", "pet_ct_whole_body"),
        ("FDG PET head-to-toe", "pet_ct_whole_body"),
        ("PET/CT vertex to feet", "pet_ct_whole_body"),
        ("PET-MR", "pet_mri"),
        ("18F-FES PET", "fes_pet"),
        ("BreastScreen mammogram", "mammo_screening"),
        ("BreastScreen Victoria mammogram", "mammo_screening"),
        ("NHSBSP mammo bilateral", "mammo_screening"),
        ("NHS breast screening mammogram", "mammo_screening"),
        ("OBSP 3D mammogram", "dbt_screening"),
        ("US br left", "us_breast"),
        ("PET/CT stage IV breast ca", "pet_ct"),  # "IV" in a stage is not the contrast route
        ("US axilla ipsilateral", "us_axilla"),
    ],
)
def test_abbreviations_are_read_as_the_study_they_name(text: str, pid: str | None) -> None:
    assert _study(text) == pid


def test_a_screening_programme_name_never_makes_a_diagnostic_order_screening() -> None:
    reading = interpret(KB, "BreastScreen recall - diagnostic mammogram left")
    assert reading.study is None  # screening and diagnostic both stated: the order asks


# ------------------------------------------------------------------ an alternative set aside
@pytest.mark.parametrize(
    ("text", "pid"),
    [
        ("CT CAP with contrast instead of PET/CT", "ct_cap_contrast"),
        ("bone scan rather than PET", "bone_scan"),
        ("MRI brain w/wo in lieu of CT", "mri_head_wwo"),
        ("contrast-enhanced mammogram in place of breast MRI", "mammo_contrast"),
        ("bone scan instead of PET/CT", "bone_scan"),  # the CT of the PET/CT is the alternative's too
        ("MRI brain w/o instead of CT w contrast", "mri_head_wo"),  # so is the alternative's contrast
    ],
)
def test_the_modality_set_aside_is_not_the_study(text: str, pid: str) -> None:
    assert _study(text) == pid


def test_words_before_the_alternative_still_count() -> None:
    assert _study("MRI brain, poss with contrast") == _study("MRI brain with contrast")  # as before
    assert _study("CT chest instead of MRI") is None  # the CT's contrast is still unstated


def test_a_new_or_investigational_tracer_is_never_the_fdg_pet() -> None:
    for text in ("PET/CT mets novel tracer", "PET-CT restaging, investigational tracer", "PET/MR non-FDG"):
        assert _study(text) is None, text


# ------------------------------------------------------------------ pregnancy: the patient, and a contrast question
def test_pregnancy_is_never_read_as_pet_and_never_lets_contrast_be_assumed() -> None:
    assert _study("MRI brain w/o, pt pregnant") == "mri_head_wo"
    for text in ("MRI brain, pt pregnant", "breast MRI - patient pregnant"):
        reading = interpret(KB, text)
        assert reading.status == "ambiguous" and "contrast" in reading.missing, text
        assert all("PT" not in (c.attributes.modality if c.attributes else ()) for c in reading.choices), text


# ------------------------------------------------------------------ a protocol that implies the contrast timing
def test_a_brain_metastases_mri_protocol_is_the_contrast_study_shown_as_an_assumption() -> None:
    for text in ("MRI brain mets protocol", "MRI head - SRS planning", "MR brain metastases protocol"):
        reading = interpret(KB, text)
        assert reading.study is not None and reading.study.id == "mri_head_wwo", text
        assert any("protocol" in a for a in reading.assumed), text
        assert reading.as_dict()["assumed"] == list(reading.assumed)  # in the answer, never silent


@pytest.mark.parametrize(
    ("text", "pid", "shown"),
    [
        ("MRI brain w/o mets protocol", "mri_head_wo", False),  # stated contrast wins over the default
        ("CT head mets protocol", "ct_head", False),  # the protocol is an MRI protocol
        ("MRI brain mets protocol, eGFR 22", None, False),  # contrast in question: the order asks
        ("MRI brain SRS planning - contrast allergy", None, False),
        ("MRI spine mets protocol", None, False),  # the default is for the brain only
    ],
)
def test_the_protocol_default_stays_in_its_bounds(text: str, pid: str | None, shown: bool) -> None:
    reading = interpret(KB, text)
    assert _study(text) == pid
    assert any("protocol" in a for a in reading.assumed) is shown


# ------------------------------------------------------------------ the breast named with a PET of the body
@pytest.mark.parametrize(
    ("text", "pid"),
    [("PET/CT left breast", "pet_ct"), ("PET-MRI breast - restaging", "pet_mri"), ("FES PET breast", "fes_pet")],
)
def test_the_breast_named_with_a_body_pet_is_the_cancers_site_shown_as_such(text: str, pid: str) -> None:
    reading = interpret(KB, text)
    assert reading.study is not None and reading.study.id == pid
    assert any(a.startswith("breast:") for a in reading.assumed)


@pytest.mark.parametrize(
    "text", ["PEM breast", "positron emission mammography", "molecular breast imaging Tc-99m sestamibi", "BSGI left"]
)
def test_dedicated_breast_pet_or_gamma_imaging_is_never_a_staging_pet(text: str) -> None:
    assert _study(text) is None


def test_a_breast_mri_is_never_offered_as_a_pet() -> None:
    reading = interpret(KB, "breast MRI - patient pregnant")
    assert all(c.attributes is not None and "PT" not in c.attributes.modality for c in reading.choices)


def test_a_multiphase_cap_ct_stated_without_and_with_is_that_study() -> None:
    assert _study("CT chest abdomen pelvis w/wo - triple phase liver") == "ct_cap_wwo"
    assert _study("CT CAP multiphase") is None  # the contrast timing is not stated
    assert _study("CT CAP with contrast, liver protocol") is None  # a multiphase study is not the single phase


def test_every_order_word_lives_once_in_the_vocabulary() -> None:
    # a form written twice could drift into two meanings; the loader only refuses that once it happens
    terms = yaml.safe_load((KNOWLEDGE_DIR / "order_vocabulary.yaml").read_text(encoding="utf-8"))["terms"]
    seen = Counter(tokenize(form) for term in terms for form in term["forms"])
    assert [" ".join(form) for form, n in seen.items() if n > 1] == []


# ------------------------------------------------------------------ a hybrid is one study, not two side by side
@pytest.mark.parametrize(
    ("text", "pid"),
    [
        ("PET/MRI breast", "pet_mri"),
        ("PET+CT whole body", "pet_ct_whole_body"),
        ("PET with concurrently acquired CT; skull base to mid-thigh", "pet_ct"),
        ("breast MRI and PET", None),  # two studies: never the PET/MRI
        ("MRI and PET", None),
        ("CT chest, PET", None),
        ("bone scan and PET", None),
    ],
)
def test_a_hybrid_is_read_only_when_named_as_one_study(text: str, pid: str | None) -> None:
    assert _study(text) == pid
