"""Issue 8, orders: LOINC codes read by their Playbook attributes, and order spellings by class.

Each class is checked the way a clinician would check it: the study the order means, or no study at all
where the order does not name one of the catalogue (choices or unknown, never a neighbour)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from order_helpers import study as _study
from rightscan.adapters.knowledge_files import KNOWLEDGE_DIR, KnowledgeError, load_knowledge
from rightscan.adapters.loinc_table import FILE_NAME, LoincTable, check_digit_ok, read_table
from rightscan.domain.orders import interpret

KB = load_knowledge()
TABLE = KNOWLEDGE_DIR / FILE_NAME


# ------------------------------------------------------------------ LOINC codes, read by their attributes
@pytest.mark.parametrize(
    ("code", "pid"),
    [
        ("72254-6", "ct_cap_contrast"),  # Chest and Abdomen and Pelvis CT W contrast IV
        ("72252-0", "ct_cap_wwo"),  # ... W and WO contrast IV
        ("72529-1", "us_axilla"),  # Axilla - left US
        ("72142-3", "dbt_screening"),  # Breast - bilateral FFD mammogram-tomosynthesis screening
        ("72139-9", "dbt_diagnostic"),  # ... diagnostic
        ("37052-8", "mammo_diagnostic"),  # Breast - bilateral Mammogram XCCL: a diagnostic-only view
        ("36134-5", "mri_abdomen_wwo"),  # Abdomen MRI W contrast IV
        ("24982-1", "mri_spine_wwo"),  # Spine Thoracic MRI W contrast IV
    ],
)
def test_a_loinc_code_the_catalogue_does_not_list_is_read_through_its_playbook_name(code: str, pid: str) -> None:
    assert frozenset((code,)) not in KB.code_index  # not a hand-written code -> study entry
    reading = interpret(KB, code)
    assert reading.status == "resolved" and reading.study is not None and reading.study.id == pid
    assert reading.via == "code"
    assert reading.attributes["modality"]  # the code's own attributes are shown


def test_every_loinc_code_the_catalogue_lists_agrees_with_its_playbook_reading() -> None:
    # two sources for one fact: the catalogue's verified codes and the LOINC names must name the same study
    table = KB.loinc_names
    checked = 0
    for proc in KB.procedures.values():
        for code in proc.loinc:
            name = table.name(code)
            if name is None:
                continue
            got = _study(name)
            assert got in (proc.id, None), f"{code} {name!r}: Playbook reading {got}, catalogue {proc.id}"
            checked += 1
    assert checked >= 40


@pytest.mark.parametrize(
    "code",
    [
        "24730-4",  # Brain Scan (nuclear medicine): not a brain MRI or CT
        "39820-6",  # Bone Scan W SM153 IV: a bone-seeking therapy, not the diagnostic bone scan
        "38268-9",  # Skeletal system DXA Bone density: not a staging study
        "36502-3",  # Sacroiliac Joint MRI WO contrast: not a spine MRI
        "37200-3",  # Chest X-ray W contrast PO: not the plain chest radiograph
        "24542-3",  # Anus US: never corrected into another abbreviation (ABUS)
        "44118-8",  # CT guidance for needle localization of breast
    ],
)
def test_a_loinc_code_outside_the_catalogue_is_never_resolved(code: str) -> None:
    assert KB.loinc_names.name(code) is not None
    assert interpret(KB, code).status != "resolved"


def test_a_loinc_code_that_leaves_the_contrast_open_offers_the_studies() -> None:
    reading = interpret(KB, "24627-2")  # Chest CT
    assert reading.status == "ambiguous"
    assert {"ct_chest_contrast", "ct_chest_wo"} <= {c.id for c in reading.choices}


def test_a_loinc_code_and_words_that_disagree_are_ambiguous() -> None:
    reading = interpret(KB, "72254-6 bone scan")
    assert reading.status == "ambiguous"
    assert {c.id for c in reading.choices} == {"ct_cap_contrast", "bone_scan"}


# ------------------------------------------------------------------ the LOINC table: provenance, validation, laziness
def test_the_loinc_table_carries_its_version_source_and_the_loinc_notice() -> None:
    header, names = read_table(TABLE, KnowledgeError)
    assert header["schema"] == "rightscan.order-loinc/1"
    assert header["version"] and header["loinc_version"] and header["source"]
    assert "loinc.org/license" in header["notice"] and "Regenstrief Institute" in header["notice"]
    assert int(header["rows"]) == len(names) > 4000
    assert TABLE.stat().st_size < 2_000_000
    notice = (Path(__file__).resolve().parents[1] / "NOTICE").read_text(encoding="utf-8")
    assert header["notice"] in notice


@pytest.mark.parametrize(("code", "ok"), [("72254-6", True), ("72254-5", False), ("36643-5", True), ("3664-5", False)])
def test_loinc_check_digits(code: str, ok: bool) -> None:
    assert check_digit_ok(code) is ok


def _broken_copy(tmp_path: Path, edit: tuple[str, str]) -> Path:
    target = tmp_path / "knowledge"
    shutil.copytree(KNOWLEDGE_DIR, target)
    path = target / FILE_NAME
    text = path.read_text(encoding="utf-8")
    assert edit[0] in text
    path.write_text(text.replace(edit[0], edit[1], 1), encoding="utf-8")
    return target


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (("72254-6,", "72254-5,"), "check digit"),
        (("# notice:", "# remark:"), "missing notice"),
        (("\n72254-6,", "\n72253-8,x\n72254-6,"), "listed twice"),
    ],
)
def test_a_broken_loinc_table_is_refused_naming_the_file_when_first_read(
    tmp_path: Path, edit: tuple[str, str], message: str
) -> None:
    directory = _broken_copy(tmp_path, edit)
    kb = load_knowledge(str(directory))  # start-up does not read the table
    assert interpret(kb, "CT chest with contrast").status == "resolved"
    with pytest.raises(KnowledgeError, match=f"{FILE_NAME}.*{message}"):
        interpret(kb, "72254-6")


def test_the_table_is_read_once_on_the_first_code(tmp_path: Path) -> None:
    table = LoincTable(tmp_path / "absent.csv", KnowledgeError)  # no I/O yet
    with pytest.raises(KnowledgeError, match=r"absent\.csv: cannot read"):
        table.name("72254-6")
    shutil.copy(TABLE, tmp_path / "absent.csv")
    assert table.name("72254-6") is not None and len(table) > 4000


# ------------------------------------------------------------------ spellings and abbreviations, by class
@pytest.mark.parametrize(
    ("text", "pid"),
    [
        # contrast shorthand
        ("CT C/A/P w/ contrast", "ct_cap_contrast"),
        ("CT CAP", "ct_cap_contrast"),
        ("CT C/A/P wo/w", "ct_cap_wwo"),
        ("CT chest abd pelvis W and WO", "ct_cap_wwo"),
        ("CT CAP +/-", "ct_cap_wwo"),
        ("CT A/P w/o", "ct_abdomen_pelvis_wo"),
        ("MRI brain wo/w", "mri_head_wwo"),
        # laterality markers do not change the study
        ("bilat breast MRI w/wo", "mri_breast_wwo"),
        ("B/L breast US", "us_breast"),
        ("US breast RT", "us_breast"),
        ("Axillary U/S LT", "us_axilla"),
        # nuclear medicine and PET
        ("NM WB bone", "bone_scan"),
        ("NM bone scan w Tc-99m medronate", "bone_scan"),
        ("PET-CT skull base to mid thigh", "pet_ct"),
        ("F-18 FDG PET/CT", "pet_ct"),
        ("FDG PET", "pet_ct"),
        ("whole-body FDG PET-CT incl. extremities", "pet_ct_whole_body"),
        # compact and transposed abbreviations
        ("CTH", "ct_head"),
        ("cthead wo", "ct_head"),
        ("CRX", "xray_chest"),
        ("PET/MIR", "pet_mri"),
        # Spanish and Portuguese word order and words (accents folded)
        ("PET/TC", "pet_ct"),
        ("TC tórax con contraste", "ct_chest_contrast"),
        ("TC de tórax sin contraste", "ct_chest_wo"),
        ("RM cerebro con y sin contraste", "mri_head_wwo"),
        ("ressonância magnética de crânio sem contraste", "mri_head_wo"),
        ("gammagrafía ósea", "bone_scan"),
        ("ecografía mamaria derecha", "us_breast"),
        ("mamografía bilateral de tamizaje", "mammo_screening"),
        # implants and diagnostic-only views
        ("MG Screen Implant", "mammo_screening"),
        ("MG spot compression views left", "mammo_diagnostic"),
    ],
)
def test_order_spellings_by_class_name_the_study_a_clinician_means(text: str, pid: str) -> None:
    assert _study(text) == pid


@pytest.mark.parametrize(
    ("text", "pid"),
    [("AP pelvis", "xray_bone"), ("chest PA and lateral", "xray_chest"), ("femur 2 views", "xray_bone"),
     ("AP chest portable", "xray_chest"), ("L-spine 2 views", "xray_bone")],
)  # fmt: skip
def test_a_projection_with_no_modality_named_is_a_radiograph(text: str, pid: str) -> None:
    assert _study(text) == pid


@pytest.mark.parametrize(
    ("text", "pid"),
    [
        ("NM bone views", "bone_scan"),
        ("US breast lateral left", "us_breast"),
        ("portable ultrasound abdomen", "us_abdomen"),
    ],
)
def test_a_projection_word_changes_nothing_where_a_modality_is_named(text: str, pid: str) -> None:
    assert _study(text) == pid


def test_a_projection_alone_does_not_pick_a_radiograph() -> None:
    assert interpret(KB, "lateral").status == "ambiguous"
    assert interpret(KB, "breast 2 views").status != "resolved"  # no radiograph of the breast but a mammogram


@pytest.mark.parametrize("text", ["DEXA", "DEXA scan", "bone density DEXA", "DXA hip and spine", "dexa bone"])
def test_dexa_is_never_read_as_a_bone_scan(text: str) -> None:
    reading = interpret(KB, text)
    assert reading.status != "resolved"
    assert reading.attributes["modality"] == ["DXA"]


@pytest.mark.parametrize(
    "text",
    [
        "Sm-153 bone scan",  # a therapy's scan
        "Anus US",  # a four-letter word is not corrected into another abbreviation
        "MRI SI joints",  # a pelvic joint, not the spine
        "Chest X-ray W contrast PO",
        "TAC chemo planning CT",  # TAC is also a chemotherapy regimen
    ],
)
def test_look_alike_orders_are_not_resolved_to_a_neighbour(text: str) -> None:
    assert interpret(KB, text).status != "resolved"


def test_simple_is_a_cysts_word_not_a_non_contrast_order() -> None:
    # Spanish "TC simple" is a non-contrast CT; "simple" alone never states the contrast
    assert _study("TC simple de torax") == "ct_chest_wo"
    assert _study("MRI breast for simple cyst") is None  # contrast unstated: read alone, the order asks


def test_a_typo_correction_is_reported() -> None:
    reading = interpret(KB, "CRX")
    assert reading.corrections == (("crx", "cxr"),)


# ------------------------------------------------------------------ the build script
def _build_script():  # type: ignore[no-untyped-def]
    import importlib.util
    import sys

    path = Path(__file__).resolve().parents[1] / "bench" / "build_loinc_playbook.py"
    spec = importlib.util.spec_from_file_location("build_loinc_playbook", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("build_loinc_playbook", module)
    spec.loader.exec_module(module)
    return module


def test_the_build_script_reads_the_official_playbook_csv_into_a_valid_table(tmp_path: Path) -> None:
    playbook = tmp_path / "LoincRsnaRadiologyPlaybook.csv"
    playbook.write_text(
        "LoincNumber,LongCommonName,PartNumber,PartTypeName,PartName,PartSequenceOrder,RID,PreferredName\n"
        '72254-6,CT Chest and Abdomen and Pelvis W contrast IV,LP1,Rad.Modality.Modality Type,CT,A,RID10321,CT\n'
        '72254-6,CT Chest and Abdomen and Pelvis W contrast IV,LP2,Rad.Anatomic Location.Region Imaged,Chest,A,,\n'
        '72529-1,US Axilla - left,LP3,Rad.Modality.Modality Type,US,A,RID10326,US\n',
        encoding="utf-8",
    )  # fmt: skip
    out = tmp_path / FILE_NAME
    build = _build_script()
    assert (
        build.main(["--playbook", str(playbook), "--source", "test", "--loinc-version", "2.80", "--out", str(out)]) == 0
    )
    header, names = read_table(out, KnowledgeError)
    assert names == {"72254-6": "CT Chest and Abdomen and Pelvis W contrast IV", "72529-1": "US Axilla - left"}
    assert header["loinc_version"] == "2.80" and "loinc.org/license" in header["notice"]
    table = LoincTable(out, KnowledgeError)
    assert table.name("72529-1") == "US Axilla - left"


def test_the_build_script_refuses_a_wrong_check_digit(tmp_path: Path) -> None:
    names = tmp_path / "names.txt"
    names.write_text("72254-5|Chest and Abdomen and Pelvis CT W contrast IV\n", encoding="utf-8")
    with pytest.raises(SystemExit, match="check digit"):
        _build_script().main(
            ["--names", str(names), "--source", "t", "--loinc-version", "x", "--out", str(tmp_path / "o.csv")]
        )


# ------------------------------------------------------------------ German, French and Italian order words
@pytest.mark.parametrize(
    ("text", "pid"),
    [
        ("CT Thorax Abdomen Becken mit Kontrastmittel", "ct_cap_contrast"),
        ("MRT Kopf nativ und mit KM", "mri_head_wwo"),
        ("Knochenszintigraphie Ganzkörper", "bone_scan"),
        ("Sonographie Achselhöhle links", "us_axilla"),
        ("TDM thoraco-abdomino-pelvienne avec injection", "ct_cap_contrast"),
        ("Échographie du sein droit", "us_breast"),
        ("Scintigraphie osseuse corps entier", "bone_scan"),
        ("IRM cérébrale sans et avec injection", "mri_head_wwo"),
        ("TC torace addome pelvi con mezzo di contrasto", "ct_cap_contrast"),
        ("Ecografia ascellare sinistra", "us_axilla"),
    ],
)
def test_continental_order_words_name_the_same_study(text: str, pid: str) -> None:
    assert _study(text) == pid


def test_a_bone_seeking_tracer_names_a_skeletal_scintigraphy() -> None:
    assert _study("Tc-99m medronate whole body") == "bone_scan"
    # a therapy agent that also seeks bone is not the diagnostic scan
    assert _study("samarium-153 lexidronam") is None


def test_a_german_or_french_word_alone_names_no_study() -> None:
    for text in ("MRT", "scanner", "Sonographie", "mit KM"):
        assert _study(text) is None
