"""Issue 8, orders: a study name followed by what it is for ("CT head - new confusion").

An independent check of the indication classes, written as properties over the development list: every
order name that resolves today keeps its study when a clinical reason is appended in any of the shapes
clinicians write; a reason that questions contrast never changes the study (it may only make the order
ask); a segment that contradicts the study (another contrast timing, a site the study does not image,
the other side) never yields another study than the gold. The clinical reasons are checked to contain no
study word of the vocabulary, so the property is about the separators and the reading, not about words.
Then the paths that share the resolver: the web page's hint and the CDS Hooks draft order, and the rule
that the indication text is reported in the reading but never in an error message or a log line.
"""

from __future__ import annotations

import copy
import json
import logging
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from order_helpers import study as _study
from rightscan.adapters.fhir import read_draft_orders
from rightscan.adapters.knowledge_files import load_knowledge
from rightscan.domain.order_text import parse_order_text
from rightscan.domain.orders import UnknownOrder, for_patient, interpret, resolve
from rightscan.interfaces.http.app import create_app
from rightscan.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
KB = load_knowledge()
DEV = [json.loads(line) for line in (ROOT / "tests/fixtures/orders/orders_dev.jsonl").read_text().splitlines() if line]
RESOLVED = [item for item in DEV if item["gold"] != "none" and interpret(KB, item["text"]).study is not None]
RESOLVED = [item for item in RESOLVED if interpret(KB, item["text"]).study.id == item["gold"]]  # type: ignore[union-attr]

# reasons as clinicians write them, with no word that states a study attribute
REASONS = [
    "new confusion",
    "rising LFTs",
    "deranged LFTs, known metastatic disease",
    "persistent headache and vomiting",
    "weight loss, night sweats",
    "raised CEA and CA 15-3",
    "ER+ HER2- grade 3 cancer",
    "suspected progression after neoadjuvant chemo",
    "jaundice",
    "worsening cough and SOB",
    "newly diagnosed invasive lobular carcinoma",
    "staging, patient anxious",
]
SHAPES = [
    "{study} - {reason}",
    "{study} STAT - {reason}",
    "{study} ({reason})",
    "{study}, {reason}",
    "{study} for {reason}",
    "{study} r/o {reason}",
    "{study} - ? {reason}",
    "{study} \u2013 {reason}",
    "{study}; {reason}",
    "{study} [{reason}]",
    "{study} urgent: {reason}",
    "{study}. {reason}",
]
# reasons that ask whether contrast may be given: never a contrast statement
CONTRAST_QUESTIONS = ["eGFR 22", "CKD stage 4", "contrast allergy", "allergic to iodine", "on dialysis"]


def _cases(n_per_item: int) -> list[tuple[str, str]]:
    """Each resolvable name with ``n_per_item`` (reason, shape) pairs, cycling so all pairs are used."""
    out = []
    pairs = [(r, s) for s in SHAPES for r in REASONS]
    for i, item in enumerate(RESOLVED):
        for k in range(n_per_item):
            reason, shape = pairs[(i * n_per_item + k) % len(pairs)]
            out.append((shape.format(study=item["text"], reason=reason), item["gold"]))
    return out


def test_the_reasons_hold_no_study_word() -> None:
    # the property below is about indications: a reason naming a modality, region, contrast, side,
    # technique, tracer or intent would test something else
    for reason in REASONS:
        parse = parse_order_text(KB.vocabulary, f"x - {reason}")
        assert not (parse.modality or parse.indication_regions or parse.contrast_marks or parse.contrast_question)
        assert not (parse.laterality or parse.indication_laterality or parse.technique or parse.pharmaceutical)
        assert not (parse.intent or parse.extent), reason


def test_the_development_list_has_enough_resolvable_names() -> None:
    assert len(RESOLVED) >= 300


@pytest.mark.parametrize("chunk", range(4))
def test_an_appended_reason_keeps_the_study(chunk: int) -> None:
    cases = _cases(4)[chunk::4]
    wrong = [(text, gold, _study(text)) for text, gold in cases if _study(text) != gold]
    assert not wrong, wrong[:10]


def test_an_indication_is_reported_as_the_orders_reason() -> None:
    reading = interpret(KB, "bone scan STAT - hip pain, hx breast cancer")
    assert reading.study is not None and reading.study.id == "bone_scan"
    assert "hip pain" in reading.indication
    assert reading.unread == ()  # the reason's words are not "words not understood"
    assert interpret(KB, "bone scan").indication == ""


@pytest.mark.parametrize("question", CONTRAST_QUESTIONS)
def test_a_reason_that_questions_contrast_never_changes_the_study(question: str) -> None:
    changed = []
    for item in RESOLVED:
        got = _study(f"{item['text']} - {question}")
        if got not in (item["gold"], None):
            changed.append((item["text"], got))
    assert not changed, changed[:10]


@pytest.mark.parametrize(
    ("text", "choices"),
    [
        # the study part leaves contrast to a routine default; kidney function puts it in question
        ("CT chest abdomen pelvis - eGFR 22", {"ct_cap_contrast", "ct_cap_wo"}),
        ("breast MRI (CKD stage 4)", {"mri_breast_wwo", "mri_breast_wo"}),
        ("MRI liver, contrast allergy", {"mri_abdomen_wwo"}),
    ],
)
def test_a_default_contrast_is_not_assumed_when_the_reason_questions_it(text: str, choices: set[str]) -> None:
    reading = interpret(KB, text)
    assert reading.status != "resolved"
    assert choices <= {c.id for c in reading.choices}


@pytest.mark.parametrize(
    ("text", "pid"),
    [
        ("CT chest w/o contrast - eGFR 22", "ct_chest_wo"),  # the order states it: the reason explains it
        ("MRI brain - no IV contrast, eGFR 22", "mri_head_wo"),  # "no IV contrast" is a statement
        ("CT abdomen pelvis - non-contrast, contrast allergy", "ct_abdomen_pelvis_wo"),
        ("MRI abdomen w/wo - CKD stage 2", "mri_abdomen_wwo"),
    ],
)
def test_a_stated_contrast_is_kept_whatever_the_reason_says_of_kidneys(text: str, pid: str) -> None:
    assert _study(text) == pid


def _other_timings(pid: str) -> list[str]:
    attrs = KB.procedures[pid].attributes
    accepted = attrs.contrast if attrs is not None and attrs.contrast is not None else frozenset()
    phrase = {
        "with": "with IV contrast",
        "without": "without contrast",
        "without_and_with": "with and without contrast",
    }
    return [p for timing, p in phrase.items() if accepted and timing not in accepted]


def test_a_segment_with_another_contrast_timing_never_yields_another_study() -> None:
    checked, other = 0, []
    for item in RESOLVED:
        if parse_order_text(KB.vocabulary, item["text"]).study_contrast is None:
            continue  # the name states no contrast: a later statement adds to it, it does not contradict it
        for phrase in _other_timings(item["gold"]):
            for shape in ("{study} - {phrase}", "{study} ({phrase}, new confusion)"):
                text = shape.format(study=item["text"], phrase=phrase)
                got = _study(text)
                checked += 1
                if got not in (item["gold"], None):
                    other.append((text, item["gold"], got))
    assert checked >= 150
    assert not other, other[:10]


@pytest.mark.parametrize(
    "text",
    [
        "CT chest w - with and without contrast",  # a contradiction, not an addition
        "CT chest w/wo - no IV contrast",
        "MRI brain w/wo - eGFR 22, no gad",
        "breast MRI w/wo - implant rupture",  # an implant-integrity study is the non-contrast one
        "CT chest w contrast, abdominal pain",  # a site the chest CT does not image
        "CT head - lung nodule",
        "US left breast - right breast lump",  # the other side
    ],
)
def test_a_contradicting_segment_makes_the_order_ask(text: str) -> None:
    reading = interpret(KB, text)
    assert reading.status != "resolved"
    assert "conflict" in reading.missing or reading.status == "unknown"


SITES = {
    "head": "headache in the head",
    "pelvis": "pelvic pain",
    "femur": "thigh pain",
    "chest": "chest pain",
}


def test_a_site_outside_the_study_never_yields_another_study() -> None:
    ancestors = KB.vocabulary.region_ancestors
    checked, other = 0, []
    for item in RESOLVED:
        attrs = KB.procedures[item["gold"]].attributes
        if attrs is None or not attrs.regions:
            continue
        for region, reason in SITES.items():
            related = any(region == r or r in ancestors[region] or region in ancestors[r] for r in attrs.regions)
            text = f"{item['text']} - {reason}"
            got = _study(text)
            checked += 1
            if got not in (item["gold"], None) or (not related and got is not None):
                other.append((text, item["gold"], got))
    assert checked >= 500
    assert not other, other[:10]


@pytest.mark.parametrize(
    ("text", "pid"),
    [
        ("bone scan - hip pain with h/o breast cancer", "bone_scan"),  # the hip is in the skeleton
        ("CT chest w contrast - lung nodule", "ct_chest_contrast"),
        ("US liver - deranged LFTs", "us_abdomen"),
        ("MRI liver (liver lesion protocol)", "mri_abdomen_wwo"),
        ("XR femur - thigh pain", "xray_bone"),
        ("bilat breast MRI w/wo - left breast cancer", "mri_breast_wwo"),
        ("MRI C-spine w/wo - neck pain, hx breast ca", "mri_spine_wwo"),  # the cervical spine is in the neck
        ("US axilla left - ?nodal disease", "us_axilla"),  # lymph nodes lie in every region
        ("US left breast - left axillary lump", "us_breast"),  # a breast ultrasound includes the axilla
        # the breast, where the patient's cancer is, may be named in the indication of any study
        ("MRI brain w/wo - headache, IDC left breast", "mri_head_wwo"),
        ("CT chest, abdomen & pelvis (with IV contrast) - new diagnosis IDC left breast, cT3N1", "ct_cap_contrast"),
    ],
)
def test_a_site_within_the_study_is_the_indication(text: str, pid: str) -> None:
    assert _study(text) == pid


@pytest.mark.parametrize(
    ("text", "pid"),
    [
        # what follows "on", "prior", "equivocal", "from" in an indication is an earlier study
        ("CT chest/abdo/pelvis with contrast - restaging, new liver lesions on US", "ct_cap_contrast"),
        ("MRI liver w/wo - indeterminate lesion on CT", "mri_abdomen_wwo"),
        ("PET/CT - equivocal bone scan", "pet_ct"),
        ("tomo dx bilat - recall from screening", "dbt_diagnostic"),
        ("US breast left - abnormal mammogram", "us_breast"),
    ],
)
def test_an_earlier_study_named_in_the_indication_is_not_the_order(text: str, pid: str) -> None:
    assert _study(text) == pid


def test_an_earlier_study_never_lends_its_attributes_to_the_order() -> None:
    # the study part says no contrast; "prior CT with contrast" is the earlier study: the order keeps its own
    assert _study("CT chest w/o - compare with prior CT with contrast") == "ct_chest_wo"
    # without a study part that names one, an earlier study's words do not make one
    assert _study("CT - lesion seen on prior CT chest with contrast") is None


# ------------------------------------------------------------------ names in other hands
@pytest.mark.parametrize(
    ("text", "pid"),
    [
        ("isotope bone scan", "bone_scan"),
        ("radionuclide bone scan", "bone_scan"),
        ("PET/MR", "pet_mri"),
        ("PET-MR", "pet_mri"),
        ("PET/CT head to toe", "pet_ct_whole_body"),
        ("FDG PET vertex to toes", "pet_ct_whole_body"),
        ("18F-fluoroestradiol PET/CT", "fes_pet"),
        ("F-18 FES PET", "fes_pet"),
        ("MRI brain with Gd", "mri_head_wwo"),
        ("MRI brain gadobutrol", "mri_head_wwo"),
        ("MRI liver with Eovist", "mri_abdomen_wwo"),  # a gadoxetate liver MRI is the dynamic w/wo study
        ("MRI liver Primovist", "mri_abdomen_wwo"),
        ("CT chest with IV Omnipaque", "ct_chest_contrast"),
        ("MRI breast implant integrity", "mri_breast_wo"),
        ("silicone implant MRI", "mri_breast_wo"),
        ("abbreviated non-contrast breast MRI", "mri_breast_wo"),
        ("abbreviated breast MRI DWI", "mri_breast_wo"),
        ("dx tomo", "dbt_diagnostic"),
        ("USS abdomen", "us_abdomen"),
        ("CT A/P - stone protocol", "ct_abdomen_pelvis_wo"),
        ("symptomatic mammogram", "mammo_diagnostic"),  # signs or symptoms make a mammogram diagnostic
        ("asymptomatic screening mammogram", "mammo_screening"),  # not a typo of "symptomatic"
        ("CT chest +C", "ct_chest_contrast"),
    ],
)
def test_names_written_in_other_hands(text: str, pid: str) -> None:
    assert _study(text) == pid


@pytest.mark.parametrize(
    "text",
    [
        "CT chest with Omnipaque",  # iohexol is also an oral agent: IV contrast is not stated
        "CT abdomen pelvis iohexol",
        "abbreviated breast MRI",  # contrast-enhanced or diffusion-only
        "breast MRI DWI",
        "PET/CT (Pylarify)",  # another tracer named in the brackets: not the FDG-PET the name alone means
    ],
)
def test_an_agent_or_protocol_that_leaves_the_study_open_asks(text: str) -> None:
    reading = interpret(KB, text)
    assert reading.status != "resolved"
    assert reading.status == "unknown" or "contrast" in reading.missing


def test_plain_breast_mri_read_alone_asks_and_for_a_patient_is_the_contrast_study_shown() -> None:
    # read alone (catalogue search, an order-names list) the name does not say the contrast: both studies offered
    alone = interpret(KB, "breast MRI bilat")
    assert alone.status == "ambiguous" and {c.id for c in alone.choices} == {"mri_breast_wwo", "mri_breast_wo"}
    # for a patient with breast cancer (a decision) the sourced default (procedures.yaml), shown, never silent
    reading = for_patient(KB, "breast MRI bilat")
    assert reading.study is not None and reading.study.id == "mri_breast_wwo"
    assert any("breast cancer" in a for a in reading.assumed)


# ------------------------------------------------------------------ one resolver, no echo
SECRET = "Zebulon Quixote"  # stands for a name or a phrase from the chart


def test_the_indication_is_never_echoed_in_an_error() -> None:
    with pytest.raises(UnknownOrder) as refused:
        resolve(KB, f"CT chest - {SECRET} eGFR 22")  # contrast in question: the order asks
    assert "zebulon" not in str(refused.value).lower() and "quixote" not in str(refused.value).lower()
    assert refused.value.ambiguous and refused.value.suggestions


@pytest.fixture(scope="module")
def app_client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    tmp = tmp_path_factory.mktemp("orders-indication")
    with TestClient(create_app(Settings(database_url=f"sqlite:///{tmp / 'log.db'}"))) as client:
        yield client


def test_the_web_hint_reads_an_order_with_its_reason_as_the_evaluator_does(app_client: TestClient) -> None:
    r = app_client.get("/procedures/hint", params={"order": "CT head - new confusion"})
    assert r.status_code == 200 and "Read as" in r.text and "CT Head" in r.text
    r = app_client.get("/procedures/hint", params={"order": "CT chest w - with and without contrast"})
    assert "Read as" not in r.text


def _cds_request(order_text: str) -> dict[str, Any]:
    data = json.loads((ROOT / "tests/fixtures/fhir/reference_patient.json").read_text())
    context = copy.deepcopy(data["context"])
    for entry in context["draftOrders"]["entry"]:
        if entry["resource"]["id"] == "pet-1":
            entry["resource"]["code"] = {"text": order_text}
    return {"hook": "order-select", "hookInstance": str(uuid.uuid4()), "context": context,
            "prefetch": copy.deepcopy(data["prefetch"])}  # fmt: skip


def test_a_cds_draft_order_with_a_reason_is_rated_as_its_study(
    app_client: TestClient, caplog: pytest.LogCaptureFixture
) -> None:
    request = _cds_request(f"bone scan STAT - hip pain, {SECRET}")
    drafts = read_draft_orders(request["context"]["draftOrders"], kb=KB)
    [draft] = [d for d in drafts if d.id and d.id.endswith("/pet-1")]
    assert draft.order_text is not None and _study(draft.order_text) == "bone_scan"
    with caplog.at_level(logging.DEBUG):
        r = app_client.post("/cds-services/rightscan-imaging", json=request)
    assert r.status_code == 200, r.text
    cards = r.json()["cards"]
    assert cards and "does not say which study" not in json.dumps(cards)
    assert "Bone Scan" in json.dumps(cards)
    logged = " ".join(rec.getMessage() for rec in caplog.records).lower()
    assert "zebulon" not in logged and "quixote" not in logged


def test_a_cds_order_indication_is_read_like_the_orders_reason(app_client: TestClient) -> None:
    # safety: the reference patient (stage IA) with a plain bone scan gets "Usually Not Appropriate";
    # bone pain written after the study is a red flag and must not be dropped with the indication
    plain = app_client.post("/cds-services/rightscan-imaging", json=_cds_request("bone scan")).json()
    assert "Usually Not Appropriate" in json.dumps(plain["cards"])
    body = app_client.post(
        "/cds-services/rightscan-imaging", json=_cds_request("bone scan STAT - new hip pain, worse at night")
    ).json()
    assert "Usually Not Appropriate" not in json.dumps(body["cards"])
    assert "bone pain" in json.dumps(body["cards"]).lower()


def test_a_cds_draft_order_whose_reason_contradicts_it_gets_the_choices(app_client: TestClient) -> None:
    r = app_client.post("/cds-services/rightscan-imaging", json=_cds_request("CT chest w - with and without contrast"))
    assert r.status_code == 200, r.text
    [card] = r.json()["cards"]
    assert card["indicator"] == "info" and "does not say which study" in json.dumps(card)


def test_the_evaluator_says_an_order_indication_was_not_read_as_facts() -> None:
    from rightscan.api import evaluate

    patient = json.loads((ROOT / "examples/reference_patient.json").read_text())
    decision = evaluate({**patient, "order": f"bone scan - hip pain, {SECRET}"})
    assert decision["order"]["procedure_id"] == "bone_scan"
    steps = " ".join(s["step"] for s in decision["explanation"])
    assert "read as its indication, not as facts" in steps
    assert "zebulon" not in steps.lower().replace(decision["order"]["requested"].lower(), "")
