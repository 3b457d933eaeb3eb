"""`rightscan extract` and `rightscan evaluate --note`, end to end through the installed command."""

from __future__ import annotations

import json
from pathlib import Path

from nlp_helpers import ROOT, cli, python

NOTE = "58F 1.8 cm G2 IDC L breast, ER+/PR+/HER2−, no palpable axillary LAD, LFTs/ALP WNL — PET/CT for staging?\n"


def _note(tmp_path: Path, text: str = NOTE) -> str:
    path = tmp_path / "note.txt"
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_extract_prints_the_four_blocks_as_json(tmp_path: Path) -> None:
    r = cli("extract", _note(tmp_path))
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert set(out) == {"facts", "evidence", "conflicts", "unparsed", "assumptions", "to_confirm"}
    assert out["facts"]["tumor"]["size_cm"] == 1.8 and out["facts"]["tumor"]["n"] == "N0"
    assert r.stderr == ""


def test_extract_text_format_and_stdin(tmp_path: Path) -> None:
    r = cli("extract", "-", "--format", "text", stdin="Denies bone pain. HER2 pending.\n")
    assert r.returncode == 0, r.stderr
    assert "(none)" in r.stdout and "negated" in r.stdout and "HER2 result pending" in r.stdout


def test_extract_check_rules() -> None:
    r = cli("extract", "--check-rules")
    assert r.returncode == 0 and "valid" in r.stdout and "nlp-context@" in r.stdout


def test_extract_refuses_broken_rules_without_a_traceback(tmp_path: Path) -> None:
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "manifest.yaml").write_text("schema: rightscan.nlp-manifest/1\nversion: x\nfiles: {}\n")
    r = cli("extract", "--check-rules", "--rules", str(rules))
    assert r.returncode == 1 and "extraction rules invalid" in r.stderr and "Traceback" not in r.stderr


def test_extract_unreadable_or_binary_input(tmp_path: Path) -> None:
    r = cli("extract", str(tmp_path / "missing.txt"))
    assert r.returncode == 2 and "Traceback" not in r.stderr
    binary = tmp_path / "b.txt"
    binary.write_bytes(b"\xff\xfe\x00IDC")
    r = cli("extract", str(binary))
    assert r.returncode == 2 and "not UTF-8" in r.stderr


def test_evaluate_note_gives_the_decision_and_the_extracted_block(tmp_path: Path) -> None:
    r = cli("evaluate", "--note", _note(tmp_path), "--format", "json")
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert out["systemic_imaging"] == "not_recommended"
    assert out["order"]["category"] == "Usually Not Appropriate"
    assert set(out["extracted"]) == {"facts", "evidence", "conflicts", "unparsed", "assumptions", "to_confirm"}


def test_evaluate_note_text_format_and_order_override(tmp_path: Path) -> None:
    r = cli("evaluate", "--note", _note(tmp_path), "--order", "bone scan")
    assert r.returncode == 0, r.stderr
    assert "Bone Scan Whole Body" in r.stdout and "Extracted facts" in r.stdout


def test_evaluate_note_with_contradictory_facts_reports_the_conflict_and_abstains(tmp_path: Path) -> None:
    # Issue 8 changed this: a contradiction no longer fails the whole note (it used to exit 2).
    r = cli("evaluate", "--note", _note(tmp_path, "60F IDC cT1c, 3.5 cm mass, cN0. CT CAP?"), "--format", "json")
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert "t" not in out["extracted"]["facts"]["tumor"] and "size_cm" not in out["extracted"]["facts"]["tumor"]
    conflict = next(c for c in out["extracted"]["conflicts"] if "tumor.t" in c["field"])
    assert "tumor.size_cm" in conflict["field"]
    assert out["systemic_imaging"] == "undetermined"
    assert any(item.startswith(("tumor.t", "tumor.size_cm")) for item in out["insufficient_data"])


def test_evaluate_note_json_lines_echoes_ids_and_keeps_going() -> None:
    lines = [
        json.dumps({"id": "a1", "note": NOTE}),
        "not json",
        json.dumps({"id": 7, "note": "60F IDC cT1c, 3.5 cm. CT CAP?"}),
        json.dumps(
            # issue 8: "MRI spine" alone does not say whether contrast is given; the order states it
            {"id": "b2", "note": "Surveillance, s/p lumpectomy 2019. New back pain x 6 weeks.", "order": "MR spine wwo"}
        ),
        json.dumps({"id": "c3", "note": 5}),
    ]
    r = cli("evaluate", "--note", "-", "--format", "json", stdin="\n".join(lines) + "\n")
    assert r.returncode == 2  # some lines were invalid
    out = [json.loads(x) for x in r.stdout.splitlines()]
    assert [o.get("id") for o in out] == ["a1", None, 7, "b2", "c3"]
    assert out[0]["systemic_imaging"] == "not_recommended" and "extracted" in out[0]
    assert out[1]["line"] == 2 and "invalid JSON" in out[1]["error"]
    # a contradiction is reported and abstained on, not an invalid line (changed by issue 8)
    assert out[2]["systemic_imaging"] == "undetermined" and out[2]["extracted"]["conflicts"]
    assert out[3]["systemic_imaging"] == "targeted" and out[3]["order"]["procedure"].startswith("MRI Spine")
    assert out[4]["field"] == "note"
    assert "2 of 5 line(s) invalid" in r.stderr and "Traceback" not in r.stderr


def test_evaluate_needs_a_path_or_a_note_but_not_both(tmp_path: Path) -> None:
    r = cli("evaluate")
    assert r.returncode == 2 and "--note" in r.stderr
    r = cli("evaluate", str(ROOT / "examples" / "reference_patient.json"), "--note", _note(tmp_path))
    assert r.returncode == 2 and "not both" in r.stderr


def test_structured_evaluation_never_imports_spacy() -> None:
    example = ROOT / "examples" / "reference_patient.json"
    code = (
        "import sys, json\n"
        "import rightscan.interfaces.cli as cli\n"
        "from rightscan.api import evaluate\n"
        f"evaluate(json.load(open({str(example)!r})))\n"
        f"sys.argv = ['rightscan', 'evaluate', {str(example)!r}, '--format', 'json']\n"
        "try:\n    cli.main()\nexcept SystemExit as exc:\n    assert exc.code in (0, None)\n"
        "import rightscan.adapters.text\n"
        "loaded = ('spacy', 'medspacy', 'rightscan.adapters.text.pipeline')\n"
        "print(*(name in sys.modules for name in loaded), file=sys.stderr)\n"
    )
    r = python(code)
    assert r.returncode == 0, r.stderr
    assert r.stderr.split() == ["False", "False", "False"]
    assert json.loads(r.stdout)["systemic_imaging"] == "not_recommended"


def test_the_extract_command_is_registered_with_help() -> None:
    r = cli("--help")
    assert "extract" in r.stdout and "evaluate" in r.stdout
    r = cli("evaluate", "--help")
    assert "--note" in r.stdout
