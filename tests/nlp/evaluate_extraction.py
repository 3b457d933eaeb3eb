"""Evaluate free-text extraction on the hand-written development set (tests/nlp/devset.jsonl).

Prints, per field, precision / recall / F1 of the extracted facts against the gold facts; the
number of red-flag symptoms extracted from mentions the gold marks as negated, historical,
hypothetical, family or explained; and decision agreement: ``systemic_imaging`` and the order's
ACR category from ``rightscan.api.evaluate(extracted)`` against ``evaluate(gold)``.

Counting: a field is a true positive when the extracted value equals the gold value, a false
positive when a value is extracted that the gold does not have (or a different one), and a false
negative when the gold value is not extracted (a wrong value is both a false positive and a
false negative). Symptoms, labs and tumour markers count one item per code. Orders are compared
as catalogue procedures (synonyms and CPT codes resolve to the same study).

Safety figures, reported apart from agreement (issue 8):

- unsafe answers: "not recommended" or "not applicable" where the gold facts give a red flag or a
  new stage IIB-III or inflammatory cancer; a red flag raised from a mention the gold lists as
  suppressed (negated, hypothetical, historical, family, explained); M1 extracted without M1 in the gold;
- abstentions: the extracted decision is ``undetermined`` where the gold decision is not, with the
  facts it names (the undetermined answer always says which fact to confirm);
- stage-field accuracy: over every note and every stage field (size, T, N, M, ER, PR, HER2, grade),
  the share where the extracted value equals the gold value (both absent counts as equal), and the same
  over the (note, field) pairs where either side has a value;
- the same figures per genre (``genre``, or ``kind`` in the older sets).

The extracted decision is the one ``rightscan evaluate --note`` gives: the core on the extracted
facts, made undetermined when a fact the note leaves uncertain would change it (``confirm.apply``).
Gold orders may be study ids of the annotation guide (``bone_scan``) or names; a gold study the
catalogue does not hold is left out of the gold decision and the order category is not compared.

Usage: python tests/nlp/evaluate_extraction.py [--devset PATH] [--errors] [--json]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
DEVSET = HERE / "devset.jsonl"
HELDOUT = HERE / "heldout.jsonl"  # written after the rules were frozen; see docs/extraction.md
HELDOUT2 = HERE / "heldout2.jsonl"  # written after the fixes the first held-out set led to
BLIND_DEV = HERE / "blind_dev.jsonl"  # written by someone who never saw the rules (see its provenance)
SCALARS = (
    "age", "sex", "setting", "prior_surgery", "tumor.histology", "tumor.size_cm", "tumor.t", "tumor.n", "tumor.m",
    "tumor.grade", "tumor.er", "tumor.pr", "tumor.her2", "tumor.inflammatory", "pathology.t", "pathology.n",
    "patient_preference", "order",
)  # fmt: skip
STAGE_FIELDS = ("tumor.size_cm", "tumor.t", "tumor.n", "tumor.m", "tumor.er", "tumor.pr", "tumor.her2", "tumor.grade")
TARGETS = {"stage_field_f1": 0.97, "red_flags_from_suppressed": 0, "decision_agreement": 0.95, "unsafe": 0,
           "abstention": 0.10, "stage_field_accuracy": 0.98}  # fmt: skip
HIGH_STAGES = {"IIB", "IIIA", "IIIB", "IIIC"}


def load(path: Path = DEVSET) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _get(facts: dict[str, Any], name: str) -> Any:
    head, _, tail = name.partition(".")
    value = facts.get(head)
    if tail:
        return value.get(tail) if isinstance(value, dict) else None
    return value


def _normalise(kb: Any, name: str, value: Any) -> Any:
    if value is None:
        return None
    if name == "order":
        from rightscan.domain.orders import UnknownOrder, resolve

        if value in kb.procedures:  # a study id of the annotation guide
            return value
        try:
            return resolve(kb, value).id
        except UnknownOrder:
            return f"unknown:{value}"
    if name in ("pathology.t", "pathology.n"):
        low = str(value).lower()
        for suffix in ("(sn)", "(m)", "(f)"):
            low = low.removesuffix(suffix)
        return low
    if name in ("tumor.t", "tumor.n"):
        return str(value).removeprefix("c")
    if name == "tumor.size_cm":
        return round(float(value), 2)
    return value


def _items(kb: Any, facts: dict[str, Any]) -> dict[str, set[Any]]:
    """Every field as a set of comparable items (scalars: one item; lists and maps: one per code)."""
    out: dict[str, set[Any]] = {}
    for name in SCALARS:
        v = _normalise(kb, name, _get(facts, name))
        out[name] = {v} if v is not None else set()
    out["symptoms"] = set(facts.get("symptoms") or [])
    out["labs"] = {(k, float(v["value"]), float(v["uln"])) for k, v in (facts.get("labs") or {}).items()}
    out["tumor_markers"] = {
        (k, float(v["value"]), float(v["uln"])) for k, v in (facts.get("tumor_markers") or {}).items()
    }
    return out


def _gold_facts(kb: Any, gold: dict[str, Any]) -> tuple[dict[str, Any], bool]:
    """The gold as a core input (a study id becomes its catalogue name) and whether its order is rated."""
    from rightscan.domain.orders import UnknownOrder, resolve

    facts = dict(gold)
    order = facts.get("order")
    if order is None:
        return facts, True
    if order == "none":
        facts.pop("order")
        return facts, True
    if order in kb.procedures:
        facts["order"] = kb.procedures[order].name
        return facts, True
    try:
        resolve(kb, order)
    except UnknownOrder:
        facts.pop("order")
        return facts, False
    return facts, True


def _outcome(decision: dict[str, Any], with_order: bool) -> tuple[str, str | None]:
    return decision["systemic_imaging"], ((decision["order"] or {}).get("category") if with_order else None)


def _named(decision: dict[str, Any]) -> list[str]:
    return [str(item).split(":", 1)[0] for item in decision.get("insufficient_data", [])]


def _unsafe(note: dict[str, Any], gold_d: dict[str, Any], got_d: dict[str, Any] | None, got: dict[str, Any],
            suppressed: set[str]) -> list[str]:  # fmt: skip
    reasons = []
    gold = note["gold"]
    if got_d is not None and got_d["systemic_imaging"] in ("not_recommended", "not_applicable"):
        stage = gold_d.get("stage") or {}
        high = gold.get("setting") == "new_diagnosis" and (
            stage.get("anatomic") in HIGH_STAGES or (gold.get("tumor") or {}).get("inflammatory") is True
        )
        if gold_d.get("red_flags"):
            reasons.append(f"{got_d['systemic_imaging']} despite a red flag")
        elif high:
            reasons.append(f"{got_d['systemic_imaging']} for a new stage {stage.get('anatomic')} / inflammatory cancer")
    gold_symptoms = set(gold.get("symptoms") or [])
    for code in sorted(set(got.get("symptoms") or []) & suppressed - gold_symptoms):
        reasons.append(f"red flag {code} from a suppressed mention")
    if (got.get("tumor") or {}).get("m") == "M1" and (gold.get("tumor") or {}).get("m") != "M1":
        reasons.append("M1 without distant disease in the gold")
    return reasons


def _with_gold_setting(ext: Any, gold: dict[str, Any]) -> Any:
    import dataclasses

    facts = {k: v for k, v in ext.facts.items() if k != "setting"}
    if "setting" in gold:
        facts["setting"] = gold["setting"]
    confirm = [c for c in ext.to_confirm if c["field"] != "setting"]
    return dataclasses.replace(ext, facts=facts, to_confirm=confirm)


def run(path: Path = DEVSET, guide_v1: bool = False) -> dict[str, Any]:
    """``guide_v1``: the set was labelled under annotation guide v1, where the setting was labelled only
    when the note named it (devset, heldout, heldout2). Guide v2 reads the setting by clinical meaning,
    so for these sets the setting is not scored and the extracted decision is taken with the gold's
    setting (or none), so that the other fields are still checked against their decisions."""
    from rightscan.adapters.knowledge_files import load_knowledge
    from rightscan.adapters.text import confirm, extract_many
    from rightscan.api import InputError, evaluate

    kb = load_knowledge()
    # a gold the decision core itself rejects (a note's "cT3" beside a 46 mm size, copied into the gold as both) has
    # no decision to agree with: such notes are set aside, named in the report, and counted in no figure
    notes, gold_rejected = [], []
    for note in load(path):
        try:
            evaluate(_gold_facts(kb, note["gold"])[0])
        except InputError as exc:
            gold_rejected.append({"id": note["id"], "reason": str(exc)})
        else:
            notes.append(note)
    counts: dict[str, Counter[str]] = {}
    red_flags_from_suppressed = 0
    symptom_fp = 0
    agree = verdict_agree = 0
    disagreements: list[dict[str, Any]] = []
    errors: list[dict[str, Any]] = []
    unsafe: list[dict[str, Any]] = []
    abstentions: list[dict[str, Any]] = []
    stage_ok = stage_all = stated_ok = stated_all = 0
    genres: dict[str, Counter[str]] = {}
    expected_conflicts = found_conflicts = expected_unparsed = found_unparsed = 0
    for note, ext in zip(notes, extract_many(n["note"] for n in notes), strict=True):
        if guide_v1:
            ext = _with_gold_setting(ext, note["gold"])
        genre = genres.setdefault(note.get("genre") or note.get("kind") or "-", Counter())
        genre["notes"] += 1
        gold_items, got_items = _items(kb, note["gold"]), _items(kb, ext.facts)
        note_errors = {}
        for name in gold_items:
            c = counts.setdefault(name, Counter())
            g, x = gold_items[name], got_items[name]
            c["tp"] += len(g & x)
            c["fp"] += len(x - g)
            c["fn"] += len(g - x)
            if g != x:
                note_errors[name] = {"gold": sorted(map(str, g)), "extracted": sorted(map(str, x))}
        for name in STAGE_FIELDS:
            same = gold_items[name] == got_items[name]
            stage_all += 1
            stage_ok += same
            genre["stage_fields"] += 1
            genre["stage_ok"] += same
            if gold_items[name] or got_items[name]:
                stated_all += 1
                stated_ok += same
        suppressed = set(note.get("suppressed_symptoms", []))
        wrongly = got_items["symptoms"] - gold_items["symptoms"]
        red_flags_from_suppressed += len(wrongly & suppressed)
        symptom_fp += len(wrongly)
        conflict_fields = {c["field"] for c in ext.conflicts}
        for f in note.get("expect_conflicts", note.get("conflicts", [])):
            expected_conflicts += 1
            found_conflicts += f in conflict_fields
        unparsed_fields = {u["field"] for u in ext.unparsed}
        for f in note.get("expect_unparsed", []):
            expected_unparsed += 1
            found_unparsed += f in unparsed_fields
        gold_facts, rated = _gold_facts(kb, note["gold"])
        gold_d = evaluate(gold_facts)
        gold_decision = _outcome(gold_d, rated)
        got_d: dict[str, Any] | None
        try:
            got_d = confirm.apply(evaluate(ext.facts), ext, evaluate)
            got_decision: tuple[str, str | None] | str = _outcome(got_d, rated)
        except InputError as exc:
            got_d, got_decision = None, f"error: {exc}"
        if isinstance(got_decision, tuple) and got_decision[0] == gold_decision[0]:
            verdict_agree += 1
        if got_decision == gold_decision:
            agree += 1
            genre["agree"] += 1
        else:
            disagreements.append({"id": note["id"], "gold": gold_decision, "extracted": got_decision})
            if got_d is not None and got_d["systemic_imaging"] == "undetermined" and gold_decision[0] != "undetermined":
                abstentions.append({"id": note["id"], "gold": gold_decision, "named": _named(got_d)})
                genre["abstain"] += 1
        reasons = _unsafe(note, gold_d, got_d, ext.facts, suppressed)
        if reasons:
            unsafe.append({"id": note["id"], "reasons": reasons})
            genre["unsafe"] += 1
        if note_errors:
            errors.append({"id": note["id"], "fields": note_errors})
    fields = {}
    for name, c in counts.items():
        p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 1.0
        r = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 1.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        fields[name] = {"tp": c["tp"], "fp": c["fp"], "fn": c["fn"], "precision": p, "recall": r, "f1": f1}
    stage = Counter()
    for name in STAGE_FIELDS:
        stage.update(counts[name])
    sp = stage["tp"] / (stage["tp"] + stage["fp"]) if stage["tp"] + stage["fp"] else 1.0
    sr = stage["tp"] / (stage["tp"] + stage["fn"]) if stage["tp"] + stage["fn"] else 1.0
    return {
        "set": path.name,
        "notes": len(notes),
        "fields": fields,
        "stage_fields_micro": {"precision": sp, "recall": sr, "f1": 2 * sp * sr / (sp + sr) if sp + sr else 0.0},
        "stage_field_min_f1": min(fields[n]["f1"] for n in STAGE_FIELDS),
        "stage_field_accuracy": stage_ok / stage_all if stage_all else 1.0,
        "stage_field_accuracy_stated": stated_ok / stated_all if stated_all else 1.0,
        "red_flags_from_suppressed": red_flags_from_suppressed,
        "symptom_false_positives": symptom_fp,
        "decision_agreement": agree / len(notes),
        "verdict_agreement": verdict_agree / len(notes),
        "decision_disagreements": disagreements,
        "unsafe": unsafe,
        "abstentions": abstentions,
        "abstention_rate": len(abstentions) / len(notes),
        "per_genre": {k: dict(v) for k, v in sorted(genres.items())},
        "expected_conflicts_found": [found_conflicts, expected_conflicts],
        "expected_unparsed_found": [found_unparsed, expected_unparsed],
        "errors": errors,
        "gold_rejected": gold_rejected,
    }


def report(result: dict[str, Any], show_errors: bool = False) -> str:
    header = f"{result['set']}: {result['notes']} notes"
    lines = [header, "", f"{'field':<22}{'P':>7}{'R':>7}{'F1':>7}   tp  fp  fn"]
    for name, m in result["fields"].items():
        mark = " *" if name in STAGE_FIELDS else ""
        scores = f"{m['precision']:7.3f}{m['recall']:7.3f}{m['f1']:7.3f}"
        lines.append(f"{name + mark:<22}{scores} {m['tp']:4d}{m['fp']:4d}{m['fn']:4d}")
    s = result["stage_fields_micro"]
    lines += [
        "",
        f"* stage-determining fields: micro P {s['precision']:.3f} R {s['recall']:.3f} F1 {s['f1']:.3f}; "
        f"lowest field F1 {result['stage_field_min_f1']:.3f} (target >= {TARGETS['stage_field_f1']})",
        f"red flags raised from negated/historical/hypothetical/family/explained mentions: "
        f"{result['red_flags_from_suppressed']} (target {TARGETS['red_flags_from_suppressed']}); "
        f"all symptom false positives: {result['symptom_false_positives']}",
        f"decision agreement (systemic_imaging and order category): {result['decision_agreement']:.1%} "
        f"(target >= {TARGETS['decision_agreement']:.0%}); systemic_imaging alone: {result['verdict_agreement']:.1%}",
        "expected conflicts reported: {}/{}; expected unparsed notes reported: {}/{}".format(
            *result["expected_conflicts_found"], *result["expected_unparsed_found"]
        ),
        f"unsafe answers: {len(result['unsafe'])} (target {TARGETS['unsafe']})",
        f"abstentions (undetermined where the gold decides): {len(result['abstentions'])} = "
        f"{result['abstention_rate']:.1%} (target <= {TARGETS['abstention']:.0%})",
        f"stage-field accuracy: {result['stage_field_accuracy']:.1%} of (note, field) pairs "
        f"(target >= {TARGETS['stage_field_accuracy']:.0%}); {result['stage_field_accuracy_stated']:.1%} "
        "where either side has a value",
        "",
        f"{'genre':<14}{'notes':>6}{'agree':>8}{'unsafe':>8}{'abstain':>9}{'stage acc':>11}",
    ]
    for genre, g in result["per_genre"].items():
        acc = g.get("stage_ok", 0) / g["stage_fields"] if g.get("stage_fields") else 1.0
        lines.append(
            f"{genre:<14}{g['notes']:>6}{g.get('agree', 0) / g['notes']:>8.1%}{g.get('unsafe', 0):>8}"
            f"{g.get('abstain', 0):>9}{acc:>11.1%}"
        )
    if result["gold_rejected"]:
        lines += ["", "Set aside (the gold itself is rejected by the decision core; in no figure):"]
        lines += [f"  {g['id']}: {g['reason']}" for g in result["gold_rejected"]]
    lines += ["", "Unsafe answers:"] + [f"  {u['id']}: {'; '.join(u['reasons'])}" for u in result["unsafe"]]
    lines += ["", "Abstentions (facts named):"]
    lines += [f"  {a['id']}: gold {a['gold']}; names {', '.join(a['named'])}" for a in result["abstentions"]]
    if show_errors:
        lines += ["", "Decision disagreements:"]
        lines += [f"  {d['id']}: gold {d['gold']} extracted {d['extracted']}" for d in result["decision_disagreements"]]
        lines += ["", "Field errors:"]
        for e in result["errors"]:
            for name, diff in e["fields"].items():
                lines.append(f"  {e['id']} {name}: gold {diff['gold']} extracted {diff['extracted']}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--devset", type=Path, default=DEVSET)
    ap.add_argument("--errors", action="store_true", help="list every field error and decision disagreement")
    ap.add_argument("--json", action="store_true", help="print the full result as JSON")
    ap.add_argument("--guide-v1", action="store_true", help="set labelled under guide v1: setting taken from gold "
                    "(the default for devset, heldout and heldout2)")  # fmt: skip
    args = ap.parse_args(argv)
    v1 = args.guide_v1 or args.devset.resolve() in {DEVSET.resolve(), HELDOUT.resolve(), HELDOUT2.resolve()}
    result = run(args.devset, guide_v1=v1)
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        print(report(result, args.errors))
    met = (
        result["stage_field_min_f1"] >= TARGETS["stage_field_f1"]
        and result["red_flags_from_suppressed"] <= TARGETS["red_flags_from_suppressed"]
        and result["decision_agreement"] >= TARGETS["decision_agreement"]
    )
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
