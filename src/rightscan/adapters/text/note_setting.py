"""The setting of a note by clinical meaning, when its words do not name it (``infer_setting``).

Reads the clue families of ``targets.yaml`` (treatment given, a new local or distant finding, a pending
biopsy, a work-up ...) and the candidates of the settled fields; returns each inferred setting, or a
setting deliberately left open, as an assumption with its evidence. The rule for a treated cancer is the
domain's (``rightscan.domain.setting``), the same as for a coded record.
"""

from __future__ import annotations

import re
from typing import Any

from rightscan.adapters.text import plan_order, setting_markers
from rightscan.adapters.text.candidates import ACCEPTED, Candidate, status_of, where
from rightscan.adapters.text.model import Mention
from rightscan.adapters.text.risk_reduction import risk_reducing
from rightscan.adapters.text.rules import Rules
from rightscan.adapters.text.setting_concern import kept_routine, metastasis_sought
from rightscan.adapters.text.setting_course import first_course, presented_before_course, told_after
from rightscan.adapters.text.setting_cycle import cycle_setting
from rightscan.adapters.text.setting_episode import Episode, at_diagnosis, own_clause
from rightscan.adapters.text.setting_markers import ALP_BENIGN as _ALP_BENIGN
from rightscan.adapters.text.setting_markers import NOT_SAID as _NOT_SAID
from rightscan.adapters.text.setting_markers import above_uln, body_scans, lab_rising, marker_scanned, mild_alp_only
from rightscan.adapters.text.sides import BREAST_WORDS, other_breast, sides_of
from rightscan.domain.setting import treated_cancer_setting

CLUES = ("treatment", "new_local", "new_distant", "distant_finding", "pending", "followup", "other_cancer",
         "perioperative", "workup", "cancer_named", "preop_systemic", "known_metastatic", "de_novo")  # fmt: skip
RECURRENCE = ("suspected_local_recurrence", "suspected_distant_recurrence")
# targets.yaml and values.yaml: treatment still to come after the operation
_TO_COME = frozenset({"clue.adjuvant_next", "clue.adjuvant_next_words", "clue.first_treatment_underway"})
_ELAPSED = "clue.time_elapsed"  # values.yaml: years (or six months or more) elapsed, in figures or words
_ADJUVANT_NAMED = "clue.adjuvant_named"  # targets.yaml: "adjuvant chemo" named without saying it was given
_SURVEILLANCE_WORD = "setting.surveillance"  # targets.yaml: "surveillance", "survivorship", "NED"
_COMPLAINT = "clue.presenting_complaint"  # values.yaml: "CC: ...", "Presenting complaint: ..."
# round 20e (values.yaml): a same-day or acute visit, an admission's principal diagnosis other than the cancer
_COMPLAINTS = frozenset({_COMPLAINT, "clue.presenting_problem_other"})
# round 43t (values.yaml): the study asked to rule out an acute problem of another cause ("r/o ICH", "r/o PNA")
_ACUTE_OTHER = "clue.acute_other_ruled_out"
_INJURY = "clue.injury"  # values.yaml (round 10c): an injury told as the reason ("fell", "struck her head", "MVC")
_SPECIMEN_LABEL = "clue.specimen_label"  # values.yaml: "Procedure: L total mastectomy", "Specimen: left WLE"
_YEAR = re.compile(r"\b(?:19[5-9]\d|20[0-4]\d)\b")
_POST_NEOADJUVANT = "clue.post_neoadjuvant"  # values.yaml (round 9c): ypT/ypN, "post-neoadjuvant", RCB
_ANY_YEAR = Episode(())  # every year written counts as an earlier time
_NEW_WORDS = frozenset({"setting.new_diagnosis", "setting.new_cancer"})  # "newly diagnosed", "new L breast cancer"
_HISTORY_ONLY = "clue.cancer_history"  # targets.yaml: a breast cancer of the past named without its treatment
_HOW_FOUND = "setting.screen_detected"  # targets.yaml: how the cancer was found
_STARTED_DATED = "clue.systemic_started_dated"  # values.yaml (round 14v-c): "Commenced letrozole + ribociclib 04/2025"
_LOCAL_BENIGN = "clue.local_benign_result"  # values.yaml (round 16c): a local finding's biopsy read benign
_SUSPICIOUS_STUDY = "clue.suspicious_breast_imaging"  # values.yaml (round 16c): BI-RADS 4-5, M4-5, U4-5
# round 18d: recurrence named as the question the note asks ("?recurrence", "recurrence vs mastitis"), with no site
_RECURRENCE_ASKED = "setting.recurrence_without_site"  # targets.yaml
_ASKING = frozenset({"question", "uncertain"})
# round 18d: values.yaml, a node told by its size or feel: in a sentence of an earlier date it is the treated cancer's
# own story (as a suspicious study of an earlier year is)
_NODE_DESCRIBED = "clue.regional_node_described"
_SCAR_PLACE = "clue.scar_place_change"  # a change beside the scar: after the operation by its words, whatever the date
# round 42s: a breast lump told with its duration, in a sentence of an earlier year, is how the treated cancer presented
_DATED_OUT = frozenset({_SUSPICIOUS_STUDY, _NODE_DESCRIBED, "clue.breast_lump_duration"})
# round 20e (values.yaml): a skin-flap nodule, a skin change beside the scar: as a scar change, after an earlier time
_TOLD_BY_PLACE = frozenset({_NODE_DESCRIBED, _SCAR_PLACE, "clue.skin_flap_nodule", "clue.scar_skin_change"})
_YEAR_COMPARED = "clue.year_compared"  # values.yaml (round 20e): "not present 2024", the compared study's year
_IMPLANT_LYMPHOMA = "clue.implant_lymphoma"  # values.yaml (round 20e): BIA-ALCL named
_PERSONAL_CANCER = "clue.personal_cancer_history"  # values.yaml (round 20e): the patient's own history of cancer asked
_INFLAMED_SKIN = frozenset({"inflammatory.extent", "inflammatory.presentation"})  # values.yaml: the breast's skin
_ALP_WORDS = "note.alp_raised"  # targets.yaml: alkaline phosphatase called raised in words
# round 43t: a metastasis, a recurrence or a progression named in any form, as a fact or a doubt
_CANCER_SPREAD = re.compile(
    r"\b(?:mets?|metast\w*|recurren\w*|relapse\w*|progressi\w*|spread|malignan\w*|deposits?|lesions?|stage\s+IV)\b",
    re.IGNORECASE,
)
_PROOF = ("tumor.histology", "tumor.er", "tumor.pr", "tumor.her2", "tumor.grade", "pathology.t", "pathology.n")


def infer_setting(
    rules: Rules, mentions: list[Mention], facts: dict[str, Any], cands: list[Candidate], gated: list[Mention]
) -> list[dict[str, Any]]:
    """The setting by clinical meaning, when the note's words do not settle it.

    - treated breast cancer (completed breast surgery, treatment given, a cancer of an earlier year)
      with a new finding suggesting distant spread (a red-flag symptom, a new lung or bone lesion, a
      suspected metastasis, rising liver tests) -> suspected distant recurrence; with a new finding in
      the breast, chest wall, skin or regional nodes -> suspected local recurrence; otherwise surveillance;
    - an untreated cancer proven by tissue (a histological type, receptors or grade) and described as
      being worked up (a biopsy, a referral, a surgical or neoadjuvant plan) -> new diagnosis (a note
      that does not say whether the cancer was treated keeps no setting);
    - just operated with adjuvant treatment to come (post-operative course, final pathology, "before
      chemo") and no earlier treatment -> new diagnosis;
    - a stated setting stands, except a new diagnosis inferred from "staging" while the biopsy is
      pending (nothing is proven yet) and a stated surveillance with a new suspicious finding.

    Each inferred setting is returned as an assumption with its evidence (the caller may override it);
    a note that says too little keeps no setting, and the decision then asks for it."""
    by: dict[str, list[Mention]] = {f: [] for f in CLUES}
    for m in mentions:
        if m.family in by and status_of(rules, m)[0] == ACCEPTED:
            by[m.family].append(m)
    # a label naming the operation ("Procedure: L total mastectomy") says the note follows it only in a report of its
    # specimen (a pathological category given); in a pre-operative note it is the plan
    if not any(c.field.startswith("pathology.") and c.used for c in cands):
        by["perioperative"] = [m for m in by["perioperative"] if m.rule != _SPECIMEN_LABEL]
    other = {m.sentence for m in by["other_cancer"]}
    elapsed = {m.sentence for m in by["followup"] if m.rule == _ELAPSED}

    episode = Episode(m.sentence for m in mentions)

    def dated(sentence: str) -> bool:  # a year, or years elapsed ("ten years after", "2-year follow-up")
        return _ANY_YEAR.earlier(sentence) or sentence in elapsed

    def before_episode(sentence: str) -> bool:  # as dated, but a full date of the note's latest year is current
        return episode.earlier(sentence) or sentence in elapsed

    biopsied = {m.sentence for m in by["workup"]}
    # "adjuvant chemo + trastuzumab anticipated": treatment still to come, not treatment given
    to_come = [m for m in by["perioperative"] if m.rule in _TO_COME]
    planned = {m.sentence for m in to_come}
    treatment = [
        m
        for m in by["treatment"]
        if m.sentence not in other
        and m.sentence not in planned
        and _given(m, dated)
        and not plan_order.step_to_come(m, mentions)  # round 14v-a: "Surgery after chemo." is the plan's order
        and not risk_reducing(m.sentence)  # round 29c: tamoxifen after an excised LCIS lowers a risk, treats no cancer
    ]
    history_only = [m for m in treatment if m.rule == _HISTORY_ONLY]
    treatment = [m for m in treatment if m.rule != _HISTORY_ONLY]
    earlier = [  # a cancer of the past ("hx of IDC", "ILC dx 2018"); a synoptic "Procedure:" line is not one
        c.mention
        for c in cands
        if c.field == "tumor.histology"
        and c.used
        and ("historical" in c.mention.effects or ("past" in c.mention.effects and before_episode(c.mention.sentence)))
        # a type named with the biopsy that proved it ("Dx: R breast IDC, bx 2026-10-30") dates the diagnosis, not
        # an earlier treated cancer
        and ("historical" in c.mention.effects or c.mention.sentence not in biopsied)
        # round 16d: the core that proved the cancer now operated, named as "previous" in its specimen's report
        # ("Previous core: H26-01287 (invasive carcinoma NST, grade 3)"), with no earlier date: the same cancer's
        # diagnosis, not an earlier treated one
        and not (c.mention.sentence in biopsied and not dated(c.mention.sentence))
    ]
    # an explicit new breast cancer ("new triple-negative inflammatory breast cancer") wins over a type read as history
    # only by its section (a discharge summary's hospital course): no earlier cancer without an earlier date (round 9c)
    if _explicit_new(rules, mentions, before_episode):
        earlier = [m for m in earlier if before_episode(m.sentence)]
        # round 10c: treatment named without an earlier date in a note that calls the cancer new ("New L breast
        # carcinoma ... letrozole started 11/15 ... reassess breast mass on letrozole") is the new cancer's own
        treatment = [m for m in treatment if before_episode(m.sentence)]
    surgery = [c.mention for c in cands if c.field == "prior_surgery" and c.used]
    # surgery of earlier years ("s/p lumpectomy 2019", "4 y s/p mastectomy") is a treated cancer in follow-up;
    # surgery alone may be days old (a post-operative note), which says nothing of the setting yet
    old_surgery = [m for m in surgery if dated(m.sentence)]
    long_ago = treatment + earlier + old_surgery
    if long_ago or surgery:  # "PMH breast ca" is a treated cancer when the note names its treatment somewhere
        long_ago += history_only
    symptoms = [c.mention for c in cands if c.field == "symptoms" and c.used]
    # a metastasis the note proves (a biopsy of a liver or bone lesion) after a treated cancer is the distant
    # recurrence being investigated (at diagnosis, "de novo stage IV", it changes nothing here)
    metastatic = [c.mention for c in cands if c.field == "tumor.m" and c.used and c.value == "M1"]
    # a liver or bone test above its upper limit of normal, given with its value ("ALT 68 (range 7-35)"): a new
    # finding that may be distant spread after a treated cancer, as the words "LFTs elevated" are (targets.yaml)
    raised = [c.mention for c in cands if c.used and c.field.startswith("labs.") and above_uln(c.value)]
    # round 28b: an imaging finding at a distant site (targets.yaml note.distant_site_finding) is such a finding too
    distant = by["new_distant"] + by["distant_finding"] + symptoms
    distant += [m for m in gated if "uncertain" in m.effects] + metastatic + raised
    # round 21c: a metastasis the study looks for is the concern only where no local finding is the study's reason
    # (a local recurrence is restaged "to exclude distant disease"): added once the local findings are known
    sought = metastasis_sought(mentions, cands)
    # a finding told as the cancer at diagnosis or before its operation ("Pre-operative: R breast mass, cT2 N1
    # (FNA-proven node)") is the presentation of the cancer being treated, not a new finding (round 9c)
    presentation = at_diagnosis(mentions)
    distant = [m for m in distant if m.sentence not in presentation]
    # the only new finding a mildly raised alkaline phosphatase, liver tests normal (red_flags.yaml: at most
    # alp_mild_max_x_uln, "no systemic imaging by default; fractionate"): whether distant spread is suspected, or a
    # benign cause (bone turnover, vitamin D) is, is not said; the setting waits, naming the test; round 21e: the words
    # that call that alkaline phosphatase raised ("elevated alk phos", targets.yaml note.alp_raised) name the same
    # finding while a body scan is considered (a bone scan "to rule out" bone spread); with none considered ("no imaging
    # for now"), the words keep the note's finding as they did before; round 21c: a metastasis the study looks for
    # (``sought``) is a concern the note names, no mild finding alone
    alp_worded = bool(body_scans(cands)) and all(m in raised or m.rule == _ALP_WORDS for m in distant)
    mild_only = bool(raised) and (len(distant) == len(raised) or alp_worded) and not sought and mild_alp_only(cands)
    mild_only = mild_only and not lab_rising(mentions)  # round 38l: a test higher than before is rising
    # round 45t (v45 bi-026, bj-013): mild tests put down to another cause, kept routine below (setting_markers)
    explained = setting_markers.explained_labs(mentions, cands, distant, raised) if not sought else []
    # thirteenth security pass (F3): the words of a pathology count ("Final path: one positive node out of three") are
    # the operation's finding, not a new node
    counted = [(c.mention.start, c.mention.end) for c in cands if c.field == "pathology.n"]
    nodes = [
        c.mention for c in cands if c.field == "tumor.n" and c.used and c.value != "N0" and c.mention.family == "node"
    ]
    nodes = [m for m in nodes if not any(s < m.end and m.start < e for s, e in counted)]
    # words the note reads as a negative axilla ("no palpable axillary nodes") are no new finding
    negative = [(c.mention.start, c.mention.end) for c in cands if c.field == "tumor.n" and c.value == "N0"]
    found = [m for m in by["new_local"] if not any(s < m.end and m.start < e for s, e in negative)]
    found = _not_resolved_benign(found, mentions)  # round 16c: a finding its biopsy read benign is no new finding
    # round 16c: a suspicious study of an earlier year is the one that found the treated cancer, not a new finding
    # round 20e: a sentence whose every year is that of the study the finding is compared with ("BI-RADS 4; not present
    # 2024") does not date the finding
    compared: dict[str, int] = {}
    for m in mentions:
        if m.rule == _YEAR_COMPARED:
            compared[m.sentence] = compared.get(m.sentence, 0) + 1
    found = [
        m
        for m in found
        if m.rule not in _DATED_OUT
        or not before_episode(own_clause(m))  # round 38l: a full stop the splitter kept closes the year's sentence
        or len(_YEAR.findall(m.sentence)) <= compared.get(m.sentence, 0)
    ]
    # round 18d: a node or a scar change told by its size, feel or place is a new finding only after a cancer treated
    # at an earlier time; with an operation of the current episode alone it may be what the operation found
    # ("Procedure: Lt MRM ... Findings: multiple level I/II axillary LN, largest 1.5 cm")
    if not (treatment or earlier or any(before_episode(m.sentence) for m in old_surgery)):
        found = [m for m in found if m.rule not in _TOLD_BY_PLACE]
    # round 45t (v45 bj-048): the treated breast's skin inflamed, undated and unexplained, is a new local finding
    if treatment or earlier or any(before_episode(m.sentence) for m in old_surgery):
        found += [m for m in mentions if m.rule in _INFLAMED_SKIN and not dated(m.sentence)
                  and not m.effects & (_NOT_SAID | {"explained"})]  # fmt: skip
    local = [m for m in found + nodes if m.sentence not in presentation]  # regional nodes in words: a new finding
    # round 43l: every treatment and operation the note names, read or set aside (an operation the settled field left
    # out, one still planned), as long as it is the patient's: each must be dated for a finding to be dated before them
    course = long_ago + surgery + by["treatment"]
    course += [c.mention for c in cands if c.field == "prior_surgery" and not c.mention.effects & {"negated", "family"}]
    # round 43l (v43 bd-002, bd-012, bd-042): in a dated history, a local finding dated before every treatment and
    # operation the note tells, all dated ("2/2025 ... cN1 (L axillary node FNA +)" then "9/16/2025 L mastectomy"), is
    # how the cancer being treated presented, not a new finding after its treatment
    # (setting_course.presented_before_course)
    presented = presented_before_course(local, course, mentions, sides_of)
    local = [m for m in local if m not in presented]
    if not local:
        distant += [m for m in sought if m.sentence not in presentation]
    proven = sorted({c.field for c in cands if c.used and c.field in _PROOF})  # fields are settled later
    staged = [c.mention for c in cands if c.used and c.field in ("tumor.t", "tumor.n", "order")]
    workup = by["workup"] + staged  # clinical categories or a study asked for: a cancer being staged
    stated = facts.get("setting")
    said_found = [c.mention for c in cands if c.field == "setting" and c.used]
    if (
        stated == "new_diagnosis"
        and surgery
        and not long_ago
        and said_found
        and all(m.rule == _HOW_FOUND for m in said_found)
    ):
        # "screen-detected" says how an operated cancer was found, not that it is still to be treated
        facts.pop("setting")
        stated = None
    # round 20e: surveillance is the follow-up of a treated breast cancer; in a note that names none, neither the
    # breast nor its cancer ("survivorship f/u" to come, in a call on a bone scan), or whose only breast cancer is a
    # new one proven by its biopsy (another cancer's surveillance CT before a new breast cancer), the word sets no
    # setting: it is read from the rest of the note, or left open. A form whose boxes name the operation may not be
    # read: a note naming the breast keeps the word
    unfollowed = [m for m in said_found if m.family == "setting"] if stated == "surveillance" else []
    current_biopsied = any(
        c.field == "tumor.histology" and c.used and not c.mention.effects & {"past", "historical"}
        and c.mention.sentence in {m.sentence for m in by["workup"]} for c in cands
    )  # fmt: skip
    # the breast unnamed and the follow-up one still to come ("Reminded of survivorship f/u 01/2026"); a visit called
    # one ("Survivorship visit, NED.") is the follow-up itself
    breastless = not any(BREAST_WORDS.search(m.sentence) for m in mentions) and all(
        m.effects & {"proposed", "hypothetical"} for m in unfollowed
    )
    # a patient who denies any cancer of her own ("Personal hx of cancer: [x] no"): the word names high-risk screening
    no_cancer = any(m.rule == _PERSONAL_CANCER and "negated" in m.effects for m in mentions)
    if (
        unfollowed
        and (current_biopsied or breastless or no_cancer)
        and not (long_ago or surgery or history_only or by["cancer_named"] or by["known_metastatic"])
    ):
        facts.pop("setting")
        stated = None
    else:
        unfollowed = []
    inferred: tuple[str, str, list[Mention]] | None = None
    # metastases the note calls known ("known metastatic ER+ ILC on fulvestrant"): new lesions are progression and
    # the question is restaging, not one of the staging settings; a recurrence named only in the history stays history
    said = [c.mention for c in cands if c.field == "setting" and c.used]
    routine = kept_routine(said + by["followup"])  # round 45t: the visit named routine follow-up
    if by["known_metastatic"] and all(m.effects & {"past", "historical"} for m in said):
        facts.pop("setting", None)
        why = "metastatic disease already known: a restaging question, not one of the staging settings"
        return left_open(why, by["known_metastatic"])
    if stated is None and (cycle := cycle_setting(mentions, metastatic, local + distant, raised)):
        return left_open(*cycle)  # round 39s: a note written on a treatment cycle (setting_cycle)
    if stated in RECURRENCE:
        return []
    # round 10c: written during the first course of treatment (operated within months of the note's latest date):
    # none of the staging settings, whatever follows the operation (setting_course)
    by_staging = stated is None or all(m.family == "setting_staging" or m.rule == _HOW_FOUND for m in said)
    if (course := first_course(surgery, long_ago, mentions, by_staging)) is not None:
        facts.pop("setting", None)
        return left_open(*course)
    current = [c.mention for c in cands if c.field == "tumor.histology" and c.used
               and not c.mention.effects & {"past", "historical"}]  # fmt: skip
    worked_up = {m.sentence for m in by["workup"]}
    # the treated cancer, not a new one: its type named in a follow-up sentence ("2-year follow-up after mastectomy for
    # IDC"), or dated no later than its treatment ("Diagnosis (2019): IDC" with "WLE 06/2019")
    latest = max((int(y) for m in treatment + surgery for y in _YEAR.findall(m.sentence)), default=0)
    followed = {m.sentence for m in by["followup"]}
    treated_type = {m.sentence for m in current if m.sentence in followed or _dated_by(m.sentence, latest)}
    # round 18d: a type given with its pathological category ("Dx: Ca Lt breast, IDC, pT1c pN0") was read from the
    # operation's specimen: the operated cancer, not a new one being worked up, when that cancer was treated at an
    # earlier time ("Lt BCS + SLNB Jan 2019"; a note dating nothing may be written during the first course)
    specimen = {c.mention.sentence for c in cands if c.used and c.field.startswith("pathology.")}
    if not any(dated(m.sentence) for m in long_ago):
        specimen = set()
    new_primary = [
        m for m in current
        if m.sentence in worked_up and m.sentence not in {t.sentence for t in long_ago} | treated_type | specimen
    ]  # fmt: skip
    # round 43l (v43 bd-002): the cancer proven before every dated treatment and operation of the note is the one they
    # treat ("2/2025 L breast mass ... Core: IDC" then "9/16/2025 L mastectomy"), not a new one after them
    new_primary = [m for m in new_primary if m not in presented_before_course(new_primary, course, mentions, sides_of)]
    # an operation still to come in the same sentence makes "after neoadjuvant therapy" the plan's order of steps
    # ("mastectomy after neoadjuvant therapy"), not treatment under way
    planned_surgery = {c.mention.sentence for c in cands if c.field == "prior_surgery" and not c.used
                       and not c.mention.effects & {"negated", "past", "historical"}}  # fmt: skip
    # a specimen staged after neoadjuvant treatment, or a review in its middle, dated in the current episode (round 9c),
    # in a note that names no follow-up visit
    current_neo = [m for m in by["preop_systemic"] if m.rule == _POST_NEOADJUVANT and not by["followup"]
                   and not before_episode(m.sentence)]  # fmt: skip
    underway = [  # "s/p neoadjuvant 2017": treated; round 20e: a full date of the note's latest year is current
        m  # ("MED ONC PROGRESS NOTE - neoadjuvant ddAC, C3D1   11/12/2025")
        for m in by["preop_systemic"]
        if (not before_episode(m.sentence) or m in current_neo) and m.sentence not in planned_surgery
    ]
    # "staging" said of the diagnosis ("Staging at dx: CT CAP negative") while neoadjuvant treatment is under way
    # names no current setting either
    staging_only = (
        stated == "new_diagnosis" and said and all(m.family == "setting_staging" or m.rule == _HOW_FOUND for m in said)
    )
    # round 10c: with no treated cancer of before, a lump or node told before the operation in the note's story ("Hx:
    # presented with L subareolar lump; pre-op US ..., 1 suspicious node (FNA +). Underwent L total mastectomy") is the
    # cancer as it presented, not a new finding after it (setting_course.told_before)
    found_after = distant + local if long_ago else told_after(distant + local, surgery)
    # round 29c: the new cancer's side told with how it was found only ("Now: R breast screen-detected mass. Core: ILC")
    new_found = current + [m for m in said_found if m.rule == _HOW_FOUND] if current else current
    if staging_only and surgery and not to_come and not found_after and not other_breast(long_ago, new_found):
        # "staging" asked for or done after the breast operation ("Staging CT requested given pN2a", "Staging after
        # surgery: CT CAP negative", "to decide on systemic staging and adjuvant therapy"): post-operative staging is
        # none of the guide's settings (new diagnosis means not yet treated), so the setting waits for the clinician.
        # With adjuvant treatment said to come next ("staging before adjuvant chemo") the cancer is still in its first
        # treatment: the rule below reads a new diagnosis, as the earlier sets' annotators did
        facts.pop("setting", None)
        return left_open("staging named after the breast operation: post-operative staging is not one of the "
                         "staging settings", surgery[:1] + said[:2])  # fmt: skip
    # a specimen staged after neoadjuvant treatment (ypT, ypN): treatment given in the current episode (no earlier date)
    # is that neoadjuvant treatment, not an earlier cancer's (round 9c)
    if any(m in current_neo for m in underway) and not (distant or local):
        long_ago = [m for m in long_ago if before_episode(m.sentence)]
    # round 14v-c: a metastatic cancer (M1 read) with no earlier treated cancer, whose systemic treatment was started on
    # a date ("de novo stage IV ... Commenced letrozole + ribociclib 04/2025"), however long ago: under treatment, so a
    # restaging question, not an untreated new diagnosis
    started = [m for m in by["preop_systemic"] if m.rule == _STARTED_DATED]
    if (stated is None or staging_only) and metastatic and started and not long_ago:
        facts.pop("setting", None)
        return left_open("metastatic disease under systemic treatment started earlier: a restaging question, not one "
                         "of the staging settings", started[:1] + metastatic[:1])  # fmt: skip
    # round 21e: a cancer metastatic at diagnosis ("de novo stage IV", values.yaml clue.de_novo_metastatic) with
    # treatment the note says was given ("On palbociclib + letrozole x 6 cycles") and no operation or cancer of an
    # earlier time:
    # metastases under treatment, a restaging question, not a recurrence after a treated cancer
    de_novo = [m for m in by["de_novo"] if not m.effects & _NOT_SAID]
    if (stated is None or staging_only) and metastatic and de_novo and treatment and not (earlier or old_surgery):
        facts.pop("setting", None)
        return left_open("a cancer metastatic at diagnosis, under treatment: a restaging question, not one of the "
                         "staging settings", de_novo[:1] + treatment[:1])  # fmt: skip
    if (stated is None or staging_only) and underway and not long_ago:
        facts.pop("setting", None)
        return left_open("treatment before or instead of an operation (neoadjuvant, primary endocrine) under way or "
                         "completed: staging belonged to the diagnosis", underway)  # fmt: skip
    if stated is None and surgery and by["perioperative"] and by["pending"] and not facts.get("pathology"):
        why = "just operated, final pathology pending: whether post-operative staging is needed waits for it"
        return left_open(why, surgery + by["pending"])
    if surgery and by["perioperative"] and long_ago and not (distant or local):
        return []  # just operated and an earlier cancer too: which one the note is about is not said
    if surgery and by["perioperative"] and not long_ago and not to_come:
        # a final pathology report or a post-operative course says the operation was done, not that treatment follows:
        # post-operative staging or follow-up is not said
        if stated is None:
            return left_open("just operated; the note does not say whether treatment follows", surgery)
        if stated == "surveillance" and all(m.rule == _SURVEILLANCE_WORD for m in said):
            # "Surveillance imaging: mammogram 6 months post-RT" in a post-operative visit names the follow-up to come
            facts.pop("setting")
            return left_open("just operated: 'surveillance' names the follow-up still to come, not the current "
                             "setting", surgery + said[:1])  # fmt: skip
        return []
    if surgery and by["perioperative"] and not long_ago:
        inferred = ("new_diagnosis", "operated, adjuvant treatment still to come: the cancer is still being treated "
                    "for the first time", surgery + by["perioperative"])  # fmt: skip
    elif long_ago and (current or not distant) and (other_side := other_breast(long_ago + surgery, new_found + local)):
        # a new cancer proven in the other breast is a new primary to stage, even with a finding that may be distant
        # (a raised ALP): that finding is part of its staging
        # the earlier cancer was in one breast, the new proven cancer or finding is in the other: a new primary
        if current:
            inferred = ("new_diagnosis", "a new cancer in the other breast, proven by tissue, after an earlier treated "
                        "one in the opposite breast", other_side)  # fmt: skip
        else:
            facts.pop("setting", None)
            return left_open("a new finding in the other breast than the treated cancer: a new primary or not is "
                              "not proven yet", other_side)  # fmt: skip
    elif long_ago and new_primary and stated is None and not (distant or local):
        inferred = ("new_diagnosis", "a new cancer proven by tissue and being worked up, after an earlier treated "
                    "one", new_primary)  # fmt: skip
    elif (
        (long_ago or surgery) and mild_only and not local and stated is None and kept_routine(by["followup"])
        and (benign := [m for m in mentions if m.rule == _ALP_BENIGN and not m.effects & _NOT_SAID])
    ):  # fmt: skip
        # round 38l: routine follow-up named, the mild ALP put down to a benign cause ("likely vit D deficiency")
        inferred = ("surveillance", "treated breast cancer in routine follow-up; the mildly raised alkaline "
                    "phosphatase is put down to a benign cause", raised + benign)  # fmt: skip
    elif (long_ago or surgery) and explained and not local and stated in (None, "surveillance") and routine:
        inferred = ("surveillance", "treated breast cancer in routine follow-up; the mildly raised liver or bone tests "
                    "are put down to a cause other than the cancer", raised + explained)  # fmt: skip
    elif (long_ago or surgery) and mild_only and not local and stated is None:
        return left_open("after a treated cancer, the only new finding is a mildly raised alkaline phosphatase with "
                         "normal liver tests: whether distant spread is suspected is not said", raised)  # fmt: skip
    elif (
        (long_ago or surgery) and mild_only and not local and stated == "surveillance"
        and kept_routine(said + by["followup"])
    ):  # fmt: skip
        # round 21c: the note itself keeps the follow-up routine ("isolated mild ALP rise ... most likely bone turnover;
        # low suspicion for recurrence; continue routine surveillance"): with no other finding and no concern named (a
        # metastasis sought would be one), its word stands
        return []
    elif (
        long_ago
        and not (distant or local)
        and stated in (None, "surveillance")
        and (marker := marker_scanned(rules, cands))
    ):
        # round 21e: a tumour marker above its upper limit (more than marginally), the only new finding, while a body
        # scan is considered: routine follow-up or a suspected distant recurrence, the note does not say which
        facts.pop("setting", None)
        return left_open("after a treated cancer, the only new finding is a raised tumour marker, with a scan "
                         "considered: whether distant spread is suspected is not said", marker)  # fmt: skip
    elif long_ago and stated is None and not local and (acute := _acute_other(rules, mentions, distant, symptoms)):
        # round 43t (v43 bc-021, bc-032): a treated cancer, a red-flag symptom the only new finding, and the study asked
        # to rule out an acute problem of another cause ("fall w/ head strike on warfarin, headache: r/o ICH"; "new
        # productive cough + fever: r/o PNA"), no metastasis or recurrence named: the work-up is for that problem, not
        # a suspected recurrence, nor routine follow-up. The symptom itself is kept
        return left_open("a treated cancer worked up for an acute problem of another cause, with no metastasis or "
                         "recurrence named: neither a suspected recurrence nor routine follow-up", acute)  # fmt: skip
    elif long_ago and not (distant or local) and stated is None and _complaint_only(rules, mentions, by["followup"]):
        return left_open("a treated cancer seen for a new complaint that is no red flag: whether this is routine "
                         "follow-up or a suspected recurrence is not said", long_ago[:2])  # fmt: skip
    elif long_ago or (surgery and (distant or local)):
        treated = long_ago or surgery  # the domain's rule for a treated cancer, the same as for a coded record
        if not (distant or local) and stated != "new_diagnosis":
            # round 22c: not where the note itself calls the cancer a new one ("new primary R breast cancer, not a
            # recurrence"): the recurrence asked was answered
            # round 18d: a recurrence the note asks about ("?recurrence", "recurrence vs mastitis") while it considers a
            # study of the breast or axilla (procedures.yaml purpose: locoregional) is a suspected local recurrence
            local = _local_question(rules, mentions, cands, dated)
        # round 20e: a reconstruction worked up for an implant-associated lymphoma (BIA-ALCL), with no distant finding
        # and no recurrence named as present: neither routine follow-up nor, said, a suspected recurrence
        lymphoma = [m for m in mentions if m.rule == _IMPLANT_LYMPHOMA and not m.effects & (_NOT_SAID | {"past"})]
        if lymphoma and not distant and stated is None:
            return left_open("a finding of the reconstructed breast worked up for an implant-associated lymphoma, not "
                             "for a recurrence", lymphoma[:1] + local[:1])  # fmt: skip
        found = treated_cancer_setting(distant_finding=bool(distant), local_finding=bool(local))
        if found.setting != "surveillance" or stated is None:
            seen = distant if distant else local if local else by["followup"]
            inferred = (str(found.setting), found.reason, treated + seen)
    elif surgery:
        return []  # operated, nothing said of what comes next: the setting stays open
    elif stated == "new_diagnosis" and by["pending"] and not proven:
        facts.pop("setting")
        return [{"field": "setting", "value": None, "reason": "the biopsy is pending: no proven cancer yet, setting "
                 "left open", "evidence": [where(m) for m in by["pending"]]}]  # fmt: skip
    elif stated is None and not proven and by["cancer_named"] and all(dated(m.sentence) for m in by["cancer_named"]):
        # "breast cancer, diagnosed about 2 years ago per pt": a cancer of the past, treatment not said
        return left_open(
            "a breast cancer diagnosed years ago, but whether it was treated is not said", by["cancer_named"]
        )
    elif (
        stated is None
        and not proven
        and by["cancer_named"]
        and (by["workup"] or by["perioperative"] or by["pending"])  # round 56t: a core booked is pending, no workup
        and (not by["pending"] or all("uncertain" in m.effects for m in by["cancer_named"]))
    ):
        if all("uncertain" in m.effects for m in by["cancer_named"]):
            # round 14v-b: a cancer named only as suspected ("a mass highly suspicious for breast cancer, biopsy
            # tomorrow"): no proven cancer yet, so no new diagnosis; the setting waits, naming the words
            return left_open("a breast cancer suspected, not proven by biopsy", by["cancer_named"])
        inferred = ("new_diagnosis", "a breast cancer named as the patient's, with treatment still to come",
                    by["cancer_named"][:1] + (by["workup"] + by["perioperative"])[:2])  # fmt: skip
    elif stated is None and proven and workup and not to_come and any(f.startswith("pathology.") for f in proven):
        # a pathological category (pT, pN) is read from the operation's specimen: the cancer was operated even where
        # the operation's words were not read, and nothing says treatment follows
        return left_open("a pathological stage is given, so the cancer was operated; the note does not say whether "
                         "treatment follows", workup[:2])  # fmt: skip
    elif stated is None and proven and workup:  # a pending biopsy elsewhere does not unprove the cancer
        inferred = ("new_diagnosis", f"a cancer proven by tissue ({', '.join(proven)}), being worked up, with no "
                    "treatment described", workup[:3])  # fmt: skip
    if inferred is None and unfollowed:
        return left_open("'surveillance' named, but the note names no treated breast cancer of the patient", unfollowed)
    if inferred is None and stated is None and history_only and not long_ago:
        return left_open("a breast cancer of the past, but whether it was treated is not said", history_only)
    if inferred is None or inferred[0] == stated:
        return []
    value, reason, evidence = inferred
    facts["setting"] = value
    return [{"field": "setting", "value": value, "reason": reason + "; inferred, not stated: override if wrong",
             "evidence": [where(m) for m in evidence]}]  # fmt: skip


def _explicit_new(rules: Rules, mentions: list[Mention], dated: Any) -> bool:
    """The note calls the cancer new in words ("newly diagnosed", "new R breast IDC"), not as history, negated or of an
    earlier date."""
    return any(
        m.rule in _NEW_WORDS
        and status_of(rules, m)[0] == ACCEPTED
        and not m.effects & {"past", "historical", "negated"}
        and not dated(m.sentence)
        for m in mentions
    )


def _not_resolved_benign(found: list[Mention], mentions: list[Mention]) -> list[Mention]:
    """The local findings left once those a benign result resolves are dropped (round 16c): a benign biopsy or study
    result (targets: clue.local_benign_result, read unless denied, hypothetical or a relative's) resolves a finding
    told in its own sentence or the sentence before it. The result itself is no finding."""
    results = [m for m in found if m.rule == _LOCAL_BENIGN]
    sentences = list(dict.fromkeys(m.sentence for m in sorted(mentions, key=lambda m: m.start)))
    place = {s: i for i, s in enumerate(sentences)}
    resolved = {place[r.sentence] for r in results} | {place[r.sentence] - 1 for r in results}
    return [m for m in found if m.rule != _LOCAL_BENIGN and place.get(m.sentence) not in resolved]


def _local_question(rules: Rules, mentions: list[Mention], cands: list[Candidate], dated: Any) -> list[Mention]:
    """The recurrence asked about (a question or a doubt, not denied, feared or of the past, in an undated sentence) and
    the breast or axilla study considered with it (procedures.yaml ``purpose: locoregional``), when the note names both
    and considers no other study; empty otherwise (round 18d)."""
    from rightscan.adapters.knowledge_files import load_knowledge

    asked = [
        m
        for m in mentions
        if m.rule == _RECURRENCE_ASKED
        and status_of(rules, m)[0] == ACCEPTED
        and m.effects & _ASKING
        and not m.effects & (_NOT_SAID | {"past"})
        and not dated(m.sentence)
    ]
    if not asked:
        return []
    procedures = load_knowledge().procedures
    studies = [c for c in cands if c.field == "order" and not c.mention.effects & (_NOT_SAID | {"past"})]
    purposes = {getattr(procedures.get(c.value), "purpose", None) for c in studies}
    if purposes != {"locoregional"}:
        return []
    return asked[:1] + [c.mention for c in studies][:1]


def _given(m: Mention, dated: Any) -> bool:
    """A treatment clue that says the treatment was given: "adjuvant chemo" named alone may be the plan ("refer for
    adjuvant endocrine therapy afterwards"), so it counts only in the past or in a dated sentence."""
    return m.rule != _ADJUVANT_NAMED or bool(m.effects & {"past", "historical"}) or bool(dated(m.sentence))


def _dated_by(sentence: str, latest: int) -> bool:
    """The sentence names years, none later than ``latest`` (the latest year of the treatment the note describes)."""
    years = [int(y) for y in _YEAR.findall(sentence)]
    return bool(years) and latest > 0 and max(years) <= latest


def _acute_other(
    rules: Rules, mentions: list[Mention], distant: list[Mention], symptoms: list[Mention]
) -> list[Mention]:
    """Round 43t: the note's only distant findings are red-flag symptoms, it asks to rule out an acute problem of
    another cause (values.yaml clue.acute_other_ruled_out) and names no metastasis or recurrence anywhere (a doubt
    included: "stroke vs brain mets"). Returns the clue and the symptoms, or nothing."""
    if not distant or any(m not in symptoms for m in distant):
        return []
    ruled = [m for m in mentions if m.rule == _ACUTE_OTHER and status_of(rules, m)[0] == ACCEPTED
             and not m.effects & _NOT_SAID]  # fmt: skip
    if not ruled or any(_CANCER_SPREAD.search(m.sentence) for m in mentions):
        return []
    return ruled[:1] + distant[:1]


def _complaint_only(rules: Rules, mentions: list[Mention], followup: list[Mention]) -> bool:
    """The note is opened for a new complaint ("CC: ...") and names no follow-up visit."""
    complaint = any(m.rule in _COMPLAINTS and status_of(rules, m)[0] == ACCEPTED for m in mentions)
    # an injury is the reason only in a note that counts no years since the treatment (a routine visit "four years
    # from surgery" may tell of a fall in passing)
    complaint = complaint or (
        any(m.rule == _INJURY and not m.effects & _NOT_SAID for m in mentions)
        and not any(m.rule == _ELAPSED for m in mentions)
    )
    return complaint and not [m for m in followup if m.rule != _ELAPSED]


def left_open(reason: str, evidence: list[Mention]) -> list[dict[str, Any]]:
    """The setting deliberately not inferred, with why: the decision then asks for it."""
    return [{"field": "setting", "value": None, "reason": reason + "; setting left open",
             "evidence": [where(m) for m in evidence]}]  # fmt: skip
