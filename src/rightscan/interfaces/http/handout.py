"""The patient handout: the decision retold in plain language for shared decision-making.

Only what the decision contains is told: the stage, the verdict, the studies it names, the red flags
it found and the next steps it triggered. The wording is RightScan's own, for patients; the clinical
content comes from the decision (which comes from the knowledge base).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from rightscan.application import HandoutStage, Knowledge, handout_stage
from rightscan.interfaces.http.present import dose_text, rrl_level

# Procedure id -> (plain name, what it is). Studies without an entry fall back to the catalogue name.

# Symptom code -> what the patient would notice (the safety net: when to call).
PLAIN_SYMPTOM: dict[str, str] = {
    "bone_pain": "pain in a bone that is new, does not go away, or keeps you awake",
    "back_pain": "new back pain that does not go away",
    "neurologic_deficit": "weakness or numbness in an arm or leg, trouble seeing or speaking, "
    "or trouble controlling your bladder or bowels",
    "headache": "a new headache that does not go away or keeps getting worse",
    "seizure": "a fit (seizure)",
    "cough": "a cough that does not go away",
    "dyspnea": "getting out of breath more easily than before",
    "abdominal_pain": "new pain or swelling in your tummy",
    "jaundice": "yellow skin or yellow whites of the eyes",
    "hepatomegaly": "a lump or swelling in your tummy, especially under the right ribs",
    "pathologic_fracture": "a broken bone after little or no injury",
    "weight_loss": "losing weight without trying",
}
URGENT_SYMPTOMS = ("neurologic_deficit", "seizure")

# Red-flag finding -> how the patient would recognise it in the handout.
PLAIN_FINDING: dict[str, str] = {
    "alkaline_phosphatase": "a raised alkaline phosphatase in your blood test (it can come from bone or liver)",
    "liver_tests": "liver blood tests outside the normal range",
}

# Next-step id (guidance.yaml) -> what it means for the patient. Only steps the decision triggered appear.
PLAIN_NEXT: dict[str, str] = {
    "complete_locoregional": "Imaging of both breasts and of the armpit (mammogram and ultrasound, and a needle "
    "test of any lymph node that looks unusual), if it has not been done yet. This shows the size and "
    "spread of the cancer in the breast and helps plan the operation.",
    "systemic_staging_now": "Scans to check the rest of the body before treatment starts.",
    "targeted_imaging": "The scan aimed at the part of the body that your symptoms or test results point to. "
    "Your team will look at the result with you and then review the plan.",
    "tumour_board": "Your case is discussed at a team meeting of breast cancer specialists (surgeon, "
    "oncologist, radiologist, pathologist), who plan your treatment together.",
    "reassess_after_surgery": "After the operation, the tissue that was removed is examined. If it shows "
    "the cancer is more advanced than thought, the team will look again at whether scans are needed.",
    "post_op_staging": "Because the operation showed more cancer than expected, scans of the body are "
    "planned before further treatment.",
    "fractionate_alp": "A repeat blood test to find out whether the slightly raised alkaline phosphatase "
    "comes from bone or liver. A scan is needed only if it keeps rising or you have symptoms.",
    "obtain_missing": "A few more results are needed before deciding about scans (see above).",
}

# Nodal category (family, clinical or pathological) -> what it means for the lymph nodes, for patients.
PLAIN_NODES: dict[str, str] = {
    "N0": "No lymph nodes under the arm were found to contain cancer.",
    "N1mi": "Only tiny deposits of cancer cells (micrometastases) were found in lymph nodes under the arm.",
    "N1": "Cancer has also reached a few lymph nodes under the arm on the same side.",
    "N2": "Cancer has reached several lymph nodes under the arm, nodes that are stuck together, or nodes "
    "behind the breastbone.",
    "N3": "Cancer has reached lymph nodes above or below the collarbone, or nodes both under the arm and "
    "behind the breastbone.",
}
NODES_UNKNOWN = "Whether the lymph nodes under the arm contain cancer is not known yet."


def nodal_sentence(kb: Knowledge, stage: dict[str, Any]) -> str:
    """What the decision's N category (pathological when given, else clinical) says about the nodes; the
    category's family comes from the AJCC knowledge file (pN aliases, then N families)."""
    path = stage.get("pathological") or {}
    n = path.get("n") or stage.get("n")
    if not n:
        return NODES_UNKNOWN
    code = n[1:] if n[0] in "cp" else n  # "cN2a" -> "N2a"
    tables = kb.staging
    family = tables.n_family.get(tables.pn_aliases.get(code, code))
    return PLAIN_NODES.get(family or "", NODES_UNKNOWN)


# Field named in an 'insufficient data' entry -> what is missing, in plain words.
PLAIN_MISSING: dict[str, str] = {
    "setting": "the reason for the check (new diagnosis or follow-up)",
    "tumor.n": "whether the lymph nodes under the arm are affected",
    "tumor.t": "the size of the tumour",
    "tumor.size_cm": "the size of the tumour",
    "tumor.t / tumor.size_cm": "the size of the tumour",
    "tumor.grade": "the grade and the hormone receptor and HER2 results of the tumour",
    "tumor.er": "the hormone receptor and HER2 results of the tumour",
    "tumor.grade / tumor.er / tumor.pr / tumor.her2": "the grade and the hormone receptor and HER2 results",
    "tumor.er / tumor.pr / tumor.her2": "the hormone receptor and HER2 results of the tumour",
    "tumor.her2": "the result of a second HER2 test (ISH), because the first one was borderline",
    "prior_surgery": "the kind of breast operation you had before",
    "labs": "some blood test results",
    "labs.ast / labs.alt": "liver blood tests",
    "stage": "enough detail to work out the stage",
    "pathology": "the results of the tissue removed at the operation",
}


def duration_text(msv: float, background_per_year: float) -> str:
    """How long natural background radiation takes to give this dose, in friendly units."""
    years = msv / background_per_year
    days = years * 365
    if days < 1:
        return "less than a day"
    if days < 45:
        n = round(days)
        return f"{n} day{'s' if n != 1 else ''}"
    if years < 2:
        n = max(2, round(years * 12))
        return f"{n} months"
    return f"{round(years)} years"


def background_comparison(dose: str | None, background_per_year: float) -> str:
    """'10-30' -> 'about 3 to 10 years of natural background radiation'."""
    if dose is None:
        return "not given by the ACR (a plain X-ray of one bone is a small dose)"
    if dose == "0":
        return "no radiation at all"
    if dose.startswith("<"):
        return f"less than about {duration_text(float(dose[1:]), background_per_year)}"
    low, _, high = dose.partition("-")
    if not high:
        return f"about {duration_text(float(low), background_per_year)}"
    lo, hi = duration_text(float(low), background_per_year), duration_text(float(high), background_per_year)
    lo_n, lo_unit = lo.split(" ", 1)
    hi_n, hi_unit = hi.split(" ", 1)
    if lo_unit.rstrip("s") == hi_unit.rstrip("s"):
        return f"about {lo_n} to {hi_n} {hi_unit}"
    return f"about {lo} to {hi}"


@dataclass
class StudyRow:
    name: str
    what: str
    dose: str
    comparison: str
    level: int | None
    role: str  # "considered" | "better now" | "for your symptoms"


@dataclass
class Handout:
    headline: str
    verdict_paragraphs: list[str]
    stage_paragraphs: list[str]
    studies: list[StudyRow]
    background_msv: float
    next_steps: list[str]
    your_findings: list[str]
    call_if: list[str]
    call_now: list[str]
    questions: list[str]
    missing: list[str] = field(default_factory=list)
    preference: str | None = None


def _plain_study(kb: Knowledge, pid: str | None, name: str) -> tuple[str, str]:
    """A study's plain name and description from the catalogue (procedures.yaml ``patient``), else its name."""
    p = kb.procedures.get(pid or "")
    return (p.patient_name, p.patient_what) if p is not None and p.patient_name else (name, "")


def _study(kb: Knowledge, pid: str | None, name: str, rrl: str | None, dose: str | None, role: str) -> StudyRow:
    plain, what = _plain_study(kb, pid, name)
    return StudyRow(
        plain,
        what,
        dose_text(dose) if dose is not None else "not rated",
        background_comparison(dose, kb.background_msv_per_year),
        rrl_level(rrl),
        role,
    )


def _stage_paragraphs(kb: Knowledge, stage: dict[str, Any], reading: HandoutStage) -> list[str]:
    anat, prog, main, stage_class = reading.anatomic, reading.prognostic, reading.main, reading.stage_class
    if main is None:
        return ["The stage of the cancer cannot be worked out yet from the information available."]
    out = []
    if main == "0":
        out.append(
            "Your result is stage 0: the abnormal cells are still inside the milk ducts of the breast "
            "(non-invasive). They have not grown into the surrounding tissue."
        )
    elif stage_class == "early":
        out.append(f"Your cancer is stage {main}, an early stage. {nodal_sentence(kb, stage)}")
    elif stage_class == "late":
        out.append(
            f"Your cancer is stage {main}: the tumour is larger, or it has reached more lymph nodes, than in the "
            f"early stages. {nodal_sentence(kb, stage)}"
        )
    elif main == "IV":
        out.append("Your cancer is stage IV: it has spread to other parts of the body.")
    if anat and prog and anat != prog:
        out.append(
            f"Doctors use two ways of staging breast cancer. One looks at the size of the tumour and the "
            f"lymph nodes (stage {anat}); the other also takes into account how the cells look under the "
            f"microscope and whether they respond to hormones or HER2 (stage {prog})."
        )
    return out


def _verdict_paragraphs(
    kb: Knowledge, d: dict[str, Any], facts: dict[str, Any], reading: HandoutStage
) -> tuple[str, list[str]]:
    verdict = d["systemic_imaging"]
    stage = d["stage"]
    if verdict == "not_recommended":
        return (
            "A scan of the whole body is not advised for you now",
            [
                "Whole-body scans (such as a PET/CT, a CT of the chest, tummy and pelvis, or a bone scan) look for "
                "cancer that has spread away from the breast. For a cancer found at this early stage, in someone "
                "without symptoms that suggest spread, they find it in fewer than 1 in 20 people.",
                "They often show small spots that turn out to be harmless. Each one can lead to more scans or a "
                "biopsy, can delay your treatment, and can cause a lot of worry.",
                "Finding spread earlier in this way has not been shown to help people live longer, and your "
                "treatment would be planned the same way without the scan.",
                "What is useful now is imaging of the breast and the armpit, which helps plan your operation.",
            ],
        )
    if verdict == "recommended":
        if reading.upstaged:
            first = (
                "The tissue removed at your operation showed that the cancer is more advanced than it first "
                "seemed. Scans of the rest of the body are now advised before further treatment."
            )
        else:
            first = (
                "At this stage, scans of the body are advised before treatment starts, to check whether the "
                "cancer has spread beyond the breast and the nearby lymph nodes."
            )
        return (
            "Scans to check the rest of the body are advised",
            [
                first,
                "Usually this is a PET/CT scan, or a CT of the chest, tummy and pelvis together with a bone scan. "
                "Your team will tell you which one they will use.",
            ],
        )
    if verdict == "individualize":
        return (
            "Whether a whole-body scan is useful is a decision for your team and you",
            [
                "The two ways of staging give different answers for your cancer: one points to an early stage, "
                "the other to a more advanced one. Your care team will discuss it at their meeting and talk it "
                "through with you.",
            ],
        )
    if verdict == "targeted":
        paragraphs = []
        both = d.get("systemic_staging") == "recommended"
        if both:
            paragraphs.append(
                "At this stage, scans of the body are advised before treatment starts, to check whether the "
                "cancer has spread beyond the breast and the nearby lymph nodes."
            )
        for f in d["red_flags"]:
            what = PLAIN_SYMPTOM.get(f["finding"]) or PLAIN_FINDING.get(f["finding"]) or f["finding"].replace("_", " ")
            ids = f.get("suggested_ids") or []
            first = _plain_study(kb, ids[0], f["suggested"][0])[0] if ids else f["suggested"][0]
            text = f"Because of {what}, a {first.lower()} is advised to find the cause."
            if f.get("urgent"):
                text += " This is urgent: it should be done straight away."
            paragraphs.append(text)
        if both:
            paragraphs.append(
                "The scan for your symptom is done as well as the body scans, not instead of them. Often the cause "
                "of a symptom turns out not to be cancer."
            )
            return "Scans of the body are advised, and a scan aimed at your symptom", paragraphs
        paragraphs.append(
            "A scan aimed at the part of the body that the symptom points to is better than a scan of the whole "
            "body. Often the cause turns out not to be cancer."
        )
        return "A scan aimed at one part of the body is advised", paragraphs
    if verdict == "not_applicable":
        if stage.get("t") == "cTis":
            return (
                "Scans of the whole body are not needed",
                [
                    "Non-invasive cells inside the milk ducts (stage 0) do not spread to other parts of the body, "
                    "so scans of the rest of the body cannot help."
                ],
            )
        if stage.get("m") == "cM1":
            return (
                "Your team will choose scans to plan and follow your treatment",
                ["The cancer is already known to have spread, so the usual staging scans do not apply."],
            )
        return (
            "Your follow-up checks",
            [
                "This check was done for your follow-up after treatment. Your team will explain which checks "
                "are planned and why."
            ],
        )
    return (
        "We cannot say yet whether a scan is useful",
        ["Some information is still missing. Once it is known, the team will look at the question again."],
    )


def _missing(d: dict[str, Any]) -> list[str]:
    out: list[str] = []
    for entry in d.get("missing") or []:
        key = entry["field"]
        if key == "tumor.m":  # staged cM0 by rule; nothing for the patient to provide
            continue
        text = PLAIN_MISSING.get(key) or PLAIN_MISSING.get(key.split(".", 1)[0]) or "some other results"
        if text not in out:
            out.append(text)
    return out


def build(kb: Knowledge, d: dict[str, Any], facts: dict[str, Any]) -> Handout:
    reading = handout_stage(kb, d)
    headline, verdict_paragraphs = _verdict_paragraphs(kb, d, facts, reading)
    studies: list[StudyRow] = []
    seen: set[str] = set()
    order = d.get("order")
    if order:
        studies.append(
            _study(kb, order["procedure_id"], order["procedure"], order["rrl"], order["adult_dose_msv"], "considered")
        )
        seen.add(order["procedure_id"])
        for alt in order["alternatives"][:3]:
            if alt["procedure_id"] not in seen:
                role = "for your symptoms" if d["red_flags"] else "better now"
                studies.append(
                    _study(kb, alt["procedure_id"], alt["procedure"], alt["rrl"], alt["adult_dose_msv"], role)
                )
                seen.add(alt["procedure_id"])
    for f in d["red_flags"]:
        for pid in f.get("suggested_ids", [])[:1]:
            if pid not in seen:
                p = kb.procedures[pid]
                studies.append(_study(kb, pid, p.name, p.rrl, p.adult_dose_msv, "for your symptoms"))
                seen.add(pid)
    next_ids = [s["id"] for s in d["next_steps"]]
    next_steps = [PLAIN_NEXT[i] for i in next_ids if i in PLAIN_NEXT]
    symptoms = facts.get("symptoms") or []
    your_findings = [PLAIN_SYMPTOM[s] for s in symptoms if s in PLAIN_SYMPTOM]
    call_now = [PLAIN_SYMPTOM[s] for s in URGENT_SYMPTOMS if s in kb.symptoms]
    call_if = [PLAIN_SYMPTOM[s] for s in kb.symptoms if s in PLAIN_SYMPTOM and s not in URGENT_SYMPTOMS]
    questions = [
        "What would a scan show, and what could it miss?",
        "Would the result change my treatment?",
        "What happens if a scan finds something unclear?",
        "Which symptoms should make me call you, and whom do I call?",
    ]
    preference = None
    if facts.get("patient_preference") == "requests_imaging":
        preference = (
            "You told your team that you would like a scan. That is a fair question to ask. Talk with them about "
            "what a scan could and could not show for you, and about the chance that it finds something harmless "
            "that then needs more tests."
        )
    return Handout(
        headline=headline,
        verdict_paragraphs=verdict_paragraphs,
        stage_paragraphs=_stage_paragraphs(kb, d["stage"], reading),
        studies=studies,
        background_msv=kb.background_msv_per_year,
        next_steps=next_steps,
        your_findings=your_findings,
        call_if=call_if,
        call_now=call_now,
        questions=questions,
        missing=_missing(d),
        preference=preference,
    )
