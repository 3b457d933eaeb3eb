"""Which operations a note tells as already done (split from ``assemble``).

A surgery mention with no cue of its own is read as done only when the note says so another way: a date in its
sentence or a dated heading, a post-operative day, years elapsed beside it, a treatment already given in the same
sentence, an operative report, or the specimen's pathological categories.
"""

from __future__ import annotations

import re

from rightscan.adapters.text.candidates import ACCEPTED, status_of
from rightscan.adapters.text.firstchars import guarded
from rightscan.adapters.text.model import Mention
from rightscan.adapters.text.rules import Rules
from rightscan.adapters.text.stage_values import ELAPSED
from rightscan.adapters.text.ticked_rows import had_rows

SURGERY_FAMILIES = frozenset({"surgery", "surgery_done"})


# a year in a surgery's sentence ("lumpectomy 02/2021", "WLE and SNB March 2022"), a dated heading ("Procedures 11/24:
# mastectomy") or a post-operative day: the operation is dated, so done (a planned one carries a cue of its own:
# planned, scheduled, booked ...; a day and month alone may be a future date, "scheduled 12/10", and is not enough)
DATED = re.compile(
    # round 21b: the dated heading may name who and where before its colon ("Surgery 11/18 (Dr. K, St. Anne's): ...")
    r"\b(?:19[5-9]\d|20[0-4]\d)\b|(?<![\d/])(?:0?[1-9]|1[0-2])/(?:0?[1-9]|[12]\d|3[01])(?:/\d{2,4})?"
    r"(?:\s*\([^()\n]{1,60}\))?\s*:"
    r"|\bPOD\s*#?\d|\bpost-?op(?:erative)?\s+day\b"
    # round 29c: the operation's heading with its date or the time since in brackets ("Procedure (11/21): LEFT total
    # mastectomy", "Procedure (3 wk ago): [X] L total mastectomy"); never another heading ("MDT outcome (10/10/26):")
    r"|\b(?:procedure|surgery|operation|op)\s*\(\s*(?:(?:0?[1-9]|1[0-2])/(?:0?[1-9]|[12]\d|3[01])(?:/\d{2,4})?"
    r"|\d{1,2}\s*(?:d|days?|wks?|weeks?|mos?|months?)\s+ago)\s*\)\s*:",
    re.IGNORECASE,
)
DATED = guarded(DATED)  # tried only where its first characters stand (the same matches)


_POST_OP_DAY = re.compile(r"\bPOD\s*#?\d|\bpost-?op(?:erative)?\s+day\b", re.IGNORECASE)
_ADJUVANT_NAMED = "clue.adjuvant_named"  # targets.yaml: "adjuvant chemo" named, given or planned
_DAY_MONTH = re.compile(r"(?<![\d/])(?:0?[1-9]|1[0-2])/(?:0?[1-9]|[12]\d|3[01])\b")
_SPECIMEN_LABEL = "clue.specimen_label"  # values.yaml: "Procedure: L total mastectomy", "Specimen: left WLE"
_OPERATIVE_REPORT = "clue.operative_report"  # values.yaml (round 10c): "Post-operative diagnosis:", "Operative report"
_BESIDE = 30  # characters between an operation and the years elapsed said of it


def completed_surgery_sentences(rules: Rules, mentions: list[Mention]) -> set[str]:
    """Sentences that name breast-cancer treatment already given ("lumpectomy + SLNB, adjuvant TC x4, PMRT") or years
    elapsed ("after my lumpectomy (3 yrs now!)"): a surgery named with it was done too. In a note written on a
    post-operative day ("Discharged POD1") a sentence with a day and month is the admission's: an operation it names
    without a plan word was done ("Admitted 08/04 for bilateral mastectomy"); "a mastectomy may be needed" is not."""
    accepted = [m for m in mentions if status_of(rules, m)[0] == ACCEPTED]
    # a label naming the operation ("Procedure: L total mastectomy") says it was done only in a report of its specimen
    # (a pathological category is given); a pre-operative note's "Procedure:" line is the plan
    specimen = any(f.field.startswith("pathology.") for m in accepted for f in m.findings if f.field)
    if any(m.family == "perioperative" and _POST_OP_DAY.search(m.sentence) for m in accepted):
        done = {m.sentence for m in mentions if _DAY_MONTH.search(m.sentence)}
    else:
        done = set()
    if any(m.rule == _OPERATIVE_REPORT for m in accepted):  # round 10c: an operative report's operation was done
        done |= {m.sentence for m in mentions if m.family in SURGERY_FAMILIES}
    if specimen:
        done |= staged_operations(mentions)
    return done | {
        m.sentence
        for m in accepted
        if (m.family == "treatment" and (m.rule != _ADJUVANT_NAMED or m.effects & {"past", "historical"}))
        or (m.rule == _SPECIMEN_LABEL and specimen)
        # round 10c: an operation named with its specimen's pathological categories ("R mastectomy + ALND: pT2 pN2a")
        or any(f.field and f.field.startswith("pathology.") for f in m.findings)
    }


def years_beside(m: Mention, mentions: list[Mention]) -> bool:
    """Years elapsed written right beside the operation ("after my lumpectomy (3 yrs now!)", "ten years after her wide
    local excision"): it was done. Only close by: a long unpunctuated dictation may name a planned operation in the
    same sentence ("recurrence after 8 years ... regarding completion mastectomy")."""
    return any(
        e.rule == ELAPSED and e.sentence == m.sentence and min(abs(e.start - m.end), abs(m.start - e.end)) <= _BESIDE
        for e in mentions
    )


def staged_operations(mentions: list[Mention]) -> set[str]:
    """round 54k (v54 ck-027, ck-031): in a note that gives the specimen's pathological categories (pT / pN, ypT / ypN:
    only an operation yields them), the operation is the one the note names

    - ticked on a history row ("Surgery: [X] Lumpectomy [ ] Mastectomy" beside "Diagnosis: R IDC 2019 ... pT1b pN0"),
      where the tick alone had read it as chosen; or
    - in the first line of the note, the title of the specimen's report ("BREAST, LEFT - TOTAL MASTECTOMY AND SENTINEL
      LYMPH NODE BIOPSY" over its "pTNM: pT1mi pN0").

    The caller still reads only an operation with no cue of its own (a plan word, a doubt, a refusal keeps it to come)
    and never one dated after the note's own date. An operation dated by day and month only ("L lumpectomy + SLNB
    10/21" before "Final path: ... pT2 pN1a") is left as it was: a post-operative staging note read as operated loses
    its setting and its clinical N (first course; v52 cc-004 went undetermined), so that class waits for the setting."""
    rows = had_rows(mentions)
    done: set[str] = set()
    for m in mentions:
        if m.family not in SURGERY_FAMILIES:
            continue
        title = m.sentence_start == 0 and "\n" not in m.sentence.strip()
        if m.sentence in rows or title:
            done.add(m.sentence)
    return done
