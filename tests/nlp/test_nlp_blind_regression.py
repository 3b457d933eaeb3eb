"""The blind note sets, written by annotators who never saw the rules, as regression sets: what must never
come back. Their first figures (the honest ones) are recorded in their provenance files; the thresholds
here only stop the reader sliding back below what it reaches today."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from evaluate_extraction import run

HERE = Path(__file__).resolve().parent

# set -> (unsafe answers allowed today, decision agreement it must keep)
FLOORS = {
    "blind_dev.jsonl": (0, 0.93),
    "blind_v3.jsonl": (0, 0.86),
    # a-138 (a COPD exacerbation's dyspnoea, back to baseline two sentences later) is resolved since nlp 2026.11.15
    "blind_test.jsonl": (0, 0.93),
    # first run 71.0 % and 11 unsafe (BLIND_V4_PROVENANCE.md); after the fixes of its unsafe classes
    # (tests/nlp/test_nlp_unsafe_classes_v4.py) 74.0 % and none; after the meaning classes
    # (tests/nlp/test_nlp_meaning_v4.py: sizes, surgery, orders, preference, labs) 93.0 % and none
    "blind_v4.jsonl": (0, 0.96),
    # first run 73.6 % and 9 unsafe (BLIND_V5_PROVENANCE.md); after the fixes of its unsafe classes
    # (tests/nlp/test_nlp_unsafe_classes_v5.py: round check boxes, "negative unless checked" grids, one-line family
    # histories, negated or everyday explanations, hedged or weighed metastases, the RCR mammogram grade, a patient's
    # own words for a red flag) 79.3 % and none; with the meaning classes of issue 8 part 2 (on main) 85.7 % and none
    "blind_v5.jsonl": (0, 0.89),
    # first run 72.0 % and 10 unsafe, 74.0 % and 9 after the v5 fixes; after the fixes of its unsafe classes
    # (tests/nlp/test_nlp_unsafe_classes_v6.py: sign-headed two-box grids, answers in brackets before each item,
    # metabolic equivalents, a slash in a differential, causes told in a relative clause or dated from an infection,
    # a symptom explained earlier in its paragraph) 78.0 % and none
    "blind_v6.jsonl": (0, 0.88),
    # first run 72.0 % and 13 unsafe (BLIND_V7_PROVENANCE.md); after round 7 (grid rows read as item + filler +
    # answer, a relative told with a pronoun, benign causes and failed treatments, setting and stage values:
    # tests/nlp/test_nlp_grid_rows.py, test_nlp_unsafe_classes_v7.py, test_nlp_meaning_v7.py) 96.0 % and none
    "blind_v7.jsonl": (0, 0.95),
    # first run 68.0 % and 15 unsafe, 71.3 % and 11 after the v7 fixes, both unseen (BLIND_V8_PROVENANCE.md); after
    # round 8 (box rows answered by a word, bilingual yes/no, M1 safety nets, return precautions, studies changed by
    # radiology: test_nlp_grid_rows_v8.py, test_nlp_unsafe_classes_v8.py, test_nlp_meaning_v8.py) 86.7 % and one
    # unsafe answer left, s-019 (a BRCA carrier's "dx 2022" read as a treated cancer), fixed since nlp 2026.11.30.6
    # (tests/nlp/test_nlp_setting_years.py): 87.3 % and none
    "blind_v8.jsonl": (0, 0.89),
    # first run 77.3 % and 11 unsafe, unseen (BLIND_V9_PROVENANCE.md); after round 9 (return-precaution lists, family
    # rows, dictated negations, benign explanations, another cancer's follow-up, coverage: test_nlp_scopes_v9.py,
    # test_nlp_explained_v9.py, test_nlp_setting_v9.py, test_nlp_coverage_v9.py) 86.7 % and one unsafe answer left,
    # z-026 (knee pain written off by osteoarthritis), named here until fixed
    "blind_v9.jsonl": (0, 0.87),
    # measured twice unseen: 74.7 % and 15 unsafe before round 9, 76.7 % and 12 after it (BLIND_V10_PROVENANCE.md);
    # after round 10 (chronic baselines and uncertain value rules, red flags by whose/why/how they began, setting
    # during the first course of treatment, numbers and orders: test_nlp_chronic_baseline_v10.py,
    # test_nlp_red_flags_v10.py, test_nlp_setting_v10c.py, test_nlp_measures_v10.py) 94.0 % and none
    "blind_v10.jsonl": (0, 0.94),
    # measured twice unseen: 78.7 % and 9 unsafe before round 10, 78.0 % and 9 after it (BLIND_V11_PROVENANCE.md);
    # after a short round 11 on its unsafe answers only (test_nlp_unsafe_v11a.py, test_nlp_unsafe_v11b.py: contracted
    # negations, return lists, injuries and old studies' reasons to confirm, a relative called mum, a far negation)
    # 81.3 % and none; its other classes are not fixed yet; round 28a (thirteenth security pass F1: a liver test given
    # without its range is asked when it could be raised) 84.7 %: lc-037's "SGPT 31" (no range) is now asked, an
    # abstention, not an unsafe answer
    "blind_v11.jsonl": (0, 0.84),
    # first run unseen 77.3 % and 16 unsafe (BLIND_V13_PROVENANCE.md), unchanged by round 12; after a short round 13v
    # on its unsafe answers (test_nlp_unsafe_v13a.py, _v13b.py, _v13c.py) 82.7 % and 1 (oc-035: a triage protocol's
    # title read as the symptom, and a quotation not split from the sentence that explains it); round 23f's assessed
    # causes (a triage call's "consistent with her known biliary colic") fixed oc-035: 84.7 % and none
    "blind_v13.jsonl": (0, 0.84),
    # first run unseen 83.3 % and 7 unsafe (BLIND_V12_PROVENANCE.md); after a short round 12v on its unsafe answers
    # (test_nlp_unsafe_v12.py: denied warnings and limiting denials, a warned presentation since resolved, a symptom
    # dated to a procedure, distant disease worried about or not yet excluded) 84.7 % and none
    "blind_v12.jsonl": (0, 0.85),
    # first run unseen 78.0 % and 8 unsafe (BLIND_V14_PROVENANCE.md); after round 14v on its unsafe answers, wrong
    # settings and sizes (test_nlp_unsafe_v14a.py, _v14b.py, test_nlp_setting_v14c.py, test_nlp_size_v14d.py)
    # 83.3 % and none
    "blind_v14.jsonl": (0, 0.83),
    # measured twice unseen (BLIND_V15_PROVENANCE.md): 82.0 % and 1 unsafe before round 14 and the same after it;
    # its one unsafe answer (a cough that began with a cold, test_nlp_unsafe_v15.py) fixed: 82.7 % and none
    "blind_v15.jsonl": (0, 0.82),
    # first run unseen 83.3 % and 9 unsafe (BLIND_V16_PROVENANCE.md); after round 16 (test_nlp_r16a..h_*.py,
    # test_nlp_r16_return_precautions.py: benign causes told as the day's work or the household's cold, imaging-only
    # metastases uncertain, lay pain words, local recurrence in words, setting, orders in notes, headers, stage fields)
    # 94.7 % and none
    "blind_v16.jsonl": (0, 0.94),
    # first run unseen 83.3 % and 4 unsafe (BLIND_V17_PROVENANCE.md), written after round 16; after a short round 17v on
    # its unsafe answers (test_nlp_r17a_*.py, test_nlp_r17b_*.py: a recurrence at a distant site, a hospital course,
    # a staff clarification under a form row, a flare named in the assessment) 84.7 % and 1: sc-048, early satiety
    # counted as an abdominal symptom (red_flags.yaml: "or other abdominal symptom") where the gold marks the
    # abdominal pain denied; named here, the gold questioned in the provenance file
    "blind_v17.jsonl": (1, 0.85),
    # first run unseen 77.3 % and 10 unsafe (BLIND_V18_PROVENANCE.md), written after round 17v; after round 18
    # (test_nlp_r18{a..g}_*.py, test_nlp_r18_denied_list_weak_link.py) 98.0 % and none
    "blind_v18.jsonl": (0, 0.97),
    # first run unseen 84.0 % and 4 unsafe (BLIND_V19_PROVENANCE.md), written during round 18, measured after it;
    # after a short round 19v on its unsafe answers (test_nlp_r19a_*.py, _r19b_*.py, _r19c_*.py: trailing signs in a
    # review of systems, a cough put down to a viral cold, a Nottingham grade's components written as TNM) 86.0 %, none
    "blind_v19.jsonl": (0, 0.85),
    # first run unseen 78.0 % and 11 unsafe (BLIND_V20_PROVENANCE.md), written after round 19v; after round 20
    # (test_nlp_r20{a..f,p}_*.py: dated entries of copied-forward notes, mechanical and traumatic causes, graded
    # symptom rows, form questions answered yes, safety nets without a verb, plural abbreviations, settings, orders in
    # notes, the patient's own request, stage fields) 92.7 % and none
    "blind_v20.jsonl": (0, 0.93),
    # first run unseen 76.7 % and 7 unsafe (BLIND_V21_PROVENANCE.md), written after round 20; after round 21
    # (test_nlp_r21{a..e,n}_*.py: symptoms, stage fields and M/N safety, settings, orders in notes, the patient's
    # request; test_nlp_grade_answers_its_item.py) 88.0 % and none
    "blind_v21.jsonl": (0, 0.87),
    # first run unseen 73.3 % and 7 unsafe (BLIND_V22_PROVENANCE.md), written after round 21; after round 22
    # (test_nlp_r22{a..e,m,n,s}_*.py: symptoms, stage fields and M1 safety, settings on the surgical path, orders in
    # notes and the patient's request, a dictation's spoken forms, the eighth security pass's scope ends) 83.3 %, none
    "blind_v22.jsonl": (0, 0.83),
    # first run unseen 83.3 % and 6 unsafe (BLIND_V23_PROVENANCE.md), written after round 22; after round 23
    # (test_nlp_r23{a..f}_*.py, test_nlp_r23_*.py: symptoms told with their length, regions of the abdomen, form
    # fields and a relative's brackets; settings; stage fields; orders and requests; template leftovers; acute-care
    # causes) 91.3 % and none
    "blind_v23.jsonl": (0, 0.91),
    # first run unseen 78.0 % and 8 unsafe (BLIND_V24_PROVENANCE.md), written during round 24's start, measured at its
    # starting commit; after round 24 (test_nlp_r24_*.py: benign causes told as an activity, a death, constipation or a
    # diary; return advice as a heading; plain words for a deficit, breathlessness and pain sites; requests told as her
    # question; studies that fall due; alternative T categories) 84.0 % and none
    "blind_v24.jsonl": (0, 0.83),
    # first run unseen 65.3 % and 12 unsafe (BLIND_V25_PROVENANCE.md), written during round 24 and measured at 96cac28;
    # after the rest of round 24 (test_nlp_r24_*.py: notes in another language, differentials, no M1 from a node count,
    # a low suspicion or patients in general, safety-netting told as what to call about or report, red flags named in
    # another language left to confirm) 68.0 % and 2: fa-037 (a resolved pneumonitis's cough in brackets), fc-012 (a
    # caffeine-withdrawal headache "resolved w/ IVF"); after round 26 (test_nlp_r26_resolutions.py) 68.7 % and none
    "blind_v25.jsonl": (0, 0.68),
    # first run unseen 77.2 % and 12 unsafe (BLIND_V26_PROVENANCE.md), measured at 9631a90; after round 26
    # (test_nlp_r26_*.py: distant disease in a differential, to be excluded or in a licensed indication; a form
    # answer's comment; a ticked pain site; weight lost as fluid; an old stroke's deficit; a baseline symptom with its
    # illness elsewhere) 79.9 % and 2: ga-029 (a rib pain whose fall is told two sentences later), ga-048 (cramping
    # "consistent w/ capecitabine enteritis" in a later sentence), named
    "blind_v26.jsonl": (1, 0.79),  # ga-048 fixed in round 31 (ga-029 left)
    # first run unseen 74.7 % and 15 unsafe (BLIND_V27_PROVENANCE.md), measured at 70a7e4d; after round 27
    # (test_nlp_r27_*.py: scores of nought, safety-netting, panic, falls by their place, seasons, denied night
    # warnings, "until proven otherwise", a clinician's correction) 78.7 % and 8, named: ha-001 (metastases "w/
    # epidural cord compression until proven otherwise"), ha-022 (a resolving diverticulitis's pain), ha-023 (a hip's
    # pain the day after its hemiarthroplasty), hb-012 (tingling in a sudden panic), hb-018 (a taxane neuropathy "still
    # there"), hb-032 ("every headache makes me think"), hb-041 (a headache the ED called tension-type after ";"),
    # hc-020 (a father's bone pain quoted in the patient's words); ha-001 fixed in round 28 (a backward doubt past
    # slashed shorthand)
    "blind_v27.jsonl": (6, 0.78),  # ha-022 fixed in round 31b (a diverticulitis the assessment names)
    # first run unseen 75.3 % and 10 unsafe (BLIND_V28_PROVENANCE.md), measured at ffbea42; after round 28
    # (test_nlp_r28_*.py, test_nlp_r28a_*.py, test_nlp_r28b_*.py: a denial after a question, circled answers, PRO-CTCAE
    # and comma rows of scores, distant disease suspected after it, payer form titles, one cue phrase, one reading)
    # 78.0 %
    # and 3, named: ia-026 (a score of nought after a one-dot leader, "Shortness of breath . 0"), ia-032 (a COPD
    # patient's breathlessness ticked yes with "been like this for years" in the comment); ib-014 (a form's headache
    # ticked yes "-> see comment", the comment explaining it) fixed later in the round: 79.3 % and 2
    "blind_v28.jsonl": (2, 0.78),
    # first run unseen 78.7 % and 5 unsafe (BLIND_V29_PROVENANCE.md), measured after round 28 at bed3110; after its
    # classes (test_nlp_r28_v29_classes.py: a study clear for metastases, tingling down a leg and trouble passing urine,
    # a sign "same as documented", a relative she lifted) 78.7 % and 2, named: ja-041 (a patient's "because of the
    # headaches" whose migraine history is told lines before), jb-011 (a right-upper-quadrant tenderness on examination
    # whose gallstones are named in the assessment)
    "blind_v29.jsonl": (2, 0.78),
    # first run unseen 73.3 % and 9 unsafe (BLIND_V30_PROVENANCE.md), measured at 4675073; after round 29
    # (test_nlp_r29a_layout.py, test_nlp_r29b_reading.py, test_nlp_r29c_staging.py, test_nlp_r29_tellers.py: half Y/N
    # pairs, boxes leading their row, inline "No:" lists, OCR's split words and swapped digits, pedigree bullets, a
    # headache from lost sleep, an illness over at discharge, a probable metastasis, another organ's surveillance,
    # radiology sizes and axillae, the study considered) 88.0 % and none
    "blind_v30.jsonl": (0, 0.87),
    # first run unseen 78.0 % and 8 unsafe (BLIND_V31_PROVENANCE.md), written during round 29, measured after round
    # 29a-c at fcf0e67; after round 30 (test_nlp_r30a_forms.py, test_nlp_r30b_reading.py: a form's answers on the line
    # under its question, "SOB-free", a graded chemotherapy neuropathy, lifelong headaches in the patient's words, a
    # pain "when I cough") 80.0 % and 3, named: za-027 (a cramping "with the BMs, settles afterward"), zb-013 (a hip
    # pain "worse lying on that side" with its bursitis named and injected), zc-042 (a portal message whose subject
    # line names back pain, explained in its body)
    # round 31 (test_nlp_r31_*.py: pressure on a side, a cramp with the BMs, an injured back and "it is fine now")
    # 82.0 % and none
    "blind_v31.jsonl": (0, 0.81),
    # first run unseen 78.7 % and 11 unsafe (BLIND_V32_PROVENANCE.md), measured at e6d33c8; after round 31
    # (test_nlp_r31a_forms.py, test_nlp_r31b_reading.py, test_nlp_r31c_staging.py, test_nlp_r31_*.py: signs after a
    # symptom in columns and brackets, a heading about metastases, filled radio buttons and placeholders, a fall or an
    # acute abdomen as the cause, a negative axilla in words, surgery still to come, another organ's measure) 88.0 %
    # and none
    "blind_v32.jsonl": (0, 0.87),
    # first run unseen 78.0 % and 4 unsafe (BLIND_V33_PROVENANCE.md), written and measured after round 31 at dbc4b2d;
    # after its four unsafe answers were fixed as classes (test_nlp_r33_v33.py: "rule out" reaching a list's last
    # item, a study to tell a benign finding from metastasis, "stable on inhalers, no change", "New since last:")
    # 78.7 % and none
    "blind_v33.jsonl": (0, 0.78),
    # first run unseen 80.0 % and 5 unsafe (BLIND_V34_PROVENANCE.md, measured at 5ad1d4e); after round 34
    # (test_nlp_r34a_*.py: a warning word closing a denied list, a strain told with what she moved, a missed coffee,
    # dated past visits, a discharge diagnosis line; test_nlp_r34b_stage_values.py, test_nlp_r34c_setting.py) 86.0 %
    # and none
    "blind_v34.jsonl": (0, 0.86),
    # first run unseen 78.0 % of 150 and 7 unsafe (BLIND_V35_PROVENANCE.md, measured at fac483f; ae-045 stopped the
    # reader, fixed as a class: test_nlp_r35_back_reference_labs.py, test_nlp_fault_barrier.py): ad-025, ae-015, ae-023,
    # ae-026, af-015, af-021, af-050; after round 35b (test_nlp_r35b_m_and_n.py: a study's purpose over its whole list,
    # regional node abbreviations) 79.3 % and 5: ad-025, ae-023, ae-026, af-015, af-021; after round 35a
    # (test_nlp_r35a_symptoms.py) 82.7 % and none; after round 36r (a report's own title study is no order) 88.0 %
    "blind_v35.jsonl": (0, 0.88),
    # first run unseen 80.7 % and 7 unsafe (BLIND_V36_PROVENANCE.md, measured at b5d22fe): ag-030 (M1), ag-050, ai-013,
    # ai-017, ai-024, ai-032, ai-042 (red flags from set-aside mentions); after round 36 (test_nlp_r36a_classes.py,
    # test_nlp_r36b_*.py) 83.3 % and none
    "blind_v36.jsonl": (0, 0.83),
    # first run unseen 86.0 % and 10 unsafe (BLIND_V37_PROVENANCE.md, measured at b98242e): aj-003, aj-037, aj-050,
    # ak-003, ak-021, al-006, al-007, al-018, al-037, al-043; after round 37b (test_nlp_r37b_classes.py: a relative's
    # possessive story, another clinician's benign cause, noun forms of suspicion, an infection's cough improving)
    # 88.0 % and 5: aj-003, al-006, al-037 (checkbox answers, a questioned sign), aj-050, al-007 (labs); after rounds
    # 37a, 37l, 37p re-merged (test_nlp_r37a_classes.py, test_nlp_r37l_*.py, test_nlp_r37p_*.py) 90.7 % and none
    "blind_v37.jsonl": (0, 0.90),
    # first run unseen 79.3 % and 4 unsafe (BLIND_V38_PROVENANCE.md, measured at f45d3a9): am-020 (a new IIB cancer
    # read as a local recurrence), an-023, an-038, ao-003 (M1 without distant disease); after rounds 38a, 38o, 38l
    # (test_nlp_r38a_m1_and_setting.py, test_r38o_study_considered.py, test_nlp_r38l_*.py) 91.3 % and none
    "blind_v38.jsonl": (0, 0.91),
    # first run unseen 80.7 % and 11 unsafe (BLIND_V39_PROVENANCE.md, measured at 57926d8, not yet worked on): ap-006,
    # ap-032, ap-042, ar-001, ar-011, ar-014, ar-015, ar-016, ar-021, ar-027, ar-040; after rounds 39a, 39b, 39s, 39o
    # (test_r39a_neuro_set_aside.py, test_nlp_r39b_classes.py, test_r39s_*.py, test_r39o_study_and_receptors.py) 86.7 %
    # and none
    "blind_v39.jsonl": (0, 0.86),
    # first run unseen 84.0 % and 3 unsafe (BLIND_V40_PROVENANCE.md, measured at 840cb65): as-001, as-030, at-010; after
    # rounds 40a, 40s, 40v, 40o (test_nlp_r40a_copied_history.py, test_nlp_r40s_setting.py, test_r40v_values.py,
    # test_r40o_study_considered.py) 90.7 % and one: at-010 (a headache the note ties to sleeplessness and worry, left)
    "blind_v40.jsonl": (1, 0.90),
    # first run unseen 82.7 % and 5 unsafe (BLIND_V41_PROVENANCE.md, measured at d75636b): av-021, av-029, av-040,
    # aw-019, aw-044; after rounds 41a, 41x, 41o (test_nlp_r41a_safety.py, test_nlp_r41x_*.py, test_nlp_r41o_*.py)
    # 86.7 % and none
    "blind_v41.jsonl": (0, 0.86),
    # first run unseen 88.7 % and 2 unsafe (BLIND_V42_PROVENANCE.md, measured at debbae3): ay-022, ba-048; after rounds
    # 42a, 42m (test_nlp_r42a_explained_headache.py, test_nlp_r42m_red_flags_kept.py) 89.3 % and one: ba-048 (a
    # ticked back pain whose own comment says it resolved), then 43a (test_nlp_r43a_labelled_line.py) and the size
    # rounds 42z/43z: 90.7 % and none
    "blind_v42.jsonl": (0, 0.90),
    # first run unseen 82.0 % and 6 unsafe (BLIND_V43_PROVENANCE.md, measured at a580c24): bb-027, bb-036, bb-049,
    # bb-050, bc-010, bc-024; after rounds 43u, 43m, 43t, 43y, 43o, 43l (test_nlp_r43*_*.py) 90.0 % and none
    "blind_v43.jsonl": (0, 0.89),
    # first run unseen 87.3 % and 7 unsafe (BLIND_V44_PROVENANCE.md, measured at 7bd4bf5): be-003, be-028, bf-013,
    # bf-031, bf-033, bf-035, bf-043; after rounds 44g, 44m, 44u, 44z, 44o, 44x (test_nlp_r44*_*.py) 93.3 % and one,
    # disputed: bf-043 (a RUQ pain labelled "NEW:" that the assessment puts down to known gallstones; the guide keeps a
    # symptom with a warning qualifier, "new", even beside a benign cause, so the reader keeps the red flag)
    "blind_v44.jsonl": (1, 0.93),
    # first run unseen 78.7 % and 3 unsafe (BLIND_V45_PROVENANCE.md, measured at 180018f): bh-009, bh-034, bj-001;
    # after rounds 45s, 45d, 45t, 45o, 45z, 45w (test_nlp_r45*_*.py) 87.3 % and none
    "blind_v45.jsonl": (0, 0.87),
    # first run unseen 85.3 % and 3 unsafe (BLIND_V46_PROVENANCE.md, measured at 2903bdd): bk-037, bk-050, bl-027;
    # after rounds 46s, 46t, 46o, 46c, 46q (test_nlp_r46*_*.py, test_orders_r46q_*.py) 92.7 % and none
    "blind_v46.jsonl": (0, 0.92),
    # first run unseen 74.0 % and 26 unsafe (BLIND_V47_PROVENANCE.md, measured at d812c06): 22 red flags from set-aside
    # mentions (in hand bp mostly a question's symptoms read as stated although the answer denied them) and 4 missed;
    # after rounds 47s, 47a, 47b, 47e, 47m (test_nlp_r47*_*.py) 82.0 % and none
    "blind_v47.jsonl": (0, 0.82),
    # first run unseen 82.7 % and 8 unsafe (BLIND_V48_PROVENANCE.md, measured at 3ab837a): 6 red flags from set-aside
    # mentions and 2 missed; after rounds 48a, 48u, 48s, 48m, 48o (test_nlp_r48*_*.py) 93.3 % and none
    "blind_v48.jsonl": (0, 0.93),
    # measured unseen twice (BLIND_V49_PROVENANCE.md): 80.0 % and 12 unsafe at 3ab837a, 80.7 % and 11 after round 48
    # (not tuned on it); after rounds 49n and 49m (test_nlp_r49*_*.py) 88.7 % and none
    "blind_v49.jsonl": (0, 0.88),
    # first run unseen 80.0 % and 13 unsafe (BLIND_V50_PROVENANCE.md, measured at 29fc065; the same after rounds 49n
    # and 49m, which were not written for it): 12 red flags from set-aside mentions and 1 M1 without distant disease;
    # after rounds 50a, 50t, 50v, 50n, 50g, 50w (test_nlp_r50*_*.py) 89.3 % and none
    "blind_v50.jsonl": (0, 0.89),
    # first run unseen 66.0 % and 14 unsafe (BLIND_V51_PROVENANCE.md, measured at 001f46b after round 50): 10 red flags
    # from set-aside mentions, 2 missed, 2 new IIB-III cancers read as not applicable; after rounds 51h, 51p, 51s, 51c
    # and 52 (test_nlp_r51*_*.py, test_nlp_r52*_*.py) 81.3 % and none
    "blind_v51.jsonl": (0, 0.82),
    # first run unseen 78.0 % and 11 unsafe (BLIND_V52_PROVENANCE.md, measured at 0b70684, the session's start, before
    # any change made for it): 6 red flags from mentions another illness explains, 5 not applicable despite a red flag;
    # after rounds 52e, 52s, 52t and 51 (test_nlp_r52*_*.py) 88.0 % and none
    "blind_v52.jsonl": (0, 0.88),
    # first run unseen 82.0 % and 11 unsafe (BLIND_V53_PROVENANCE.md, measured at 2cad28c, after rounds 51 and 52,
    # before any change made for it): 8 red flags from set-aside mentions, 3 M1 without distant disease; after round
    # 53m (test_nlp_r53m_m1_weighed.py) 82.7 % and the 8 red flags (round 53e, which fixed 7 of them, broke thirteen
    # older safety tests - a headache after a head blow explained, a viral cough's duration - and was left out); after
    # round 54e (53e redone keeping those tests: test_nlp_r54e_events_and_courses.py) and 54l 87.3 % and 1 (cg-039)
    "blind_v53.jsonl": (1, 0.87),
    # first run unseen 75.3 % and 10 unsafe (BLIND_V54_PROVENANCE.md, measured at 877f321c, the session's start, before
    # any change made for it): 5 red flags from set-aside mentions, 5 not applicable despite a missed red flag; after
    # rounds 54r, 54x and 54k (test_nlp_r54{r,x,k}_*.py) 82.0 % and none
    "blind_v54.jsonl": (0, 0.82),
    # first run unseen 68.7 % and 5 unsafe (BLIND_V55_PROVENANCE.md, measured at 9bedf2ef, the integration of round 54,
    # before any change made for it): 3 red flags from set-aside mentions, 2 not applicable despite a missed red flag,
    # and the study considered in payer documents; after rounds 55n, 55m, 55u (test_nlp_r55*_*.py, test_nlp_55m_*.py)
    # 78.7 % and none
    "blind_v55.jsonl": (0, 0.78),
    # first run unseen 82.7 % and 10 unsafe (BLIND_V56_PROVENANCE.md, measured at 756983da, the session's start, before
    # any change made for it): 7 red flags from set-aside mentions, 3 not applicable despite a missed red flag; after
    # rounds 56q, 56s, 56d, 56n, 56t and 56u (test_nlp_r56*_*.py, test_nlp_56*_*.py) 93.3 % and none
    "blind_v56.jsonl": (0, 0.93),
    # first run unseen 77.3 % and 12 unsafe (BLIND_V57_PROVENANCE.md, measured at 150bcdaa, the session's start, before
    # any change made for it): 6 not applicable despite a missed red flag, 4 red flags from set-aside mentions, 2 M1
    # without distant disease; after rounds 57s, 57u, 57n, 57d and 57e (test_nlp_57*_*.py, test_nlp_r57u_*.py) 93.3 %
    # and none
    "blind_v57.jsonl": (0, 0.93),
}


@pytest.fixture(scope="module", params=sorted(FLOORS))
def measured(request: pytest.FixtureRequest) -> tuple[str, dict[str, Any]]:
    return request.param, run(HERE / request.param)


def test_no_more_unsafe_answers_than_today(measured: tuple[str, dict[str, Any]]) -> None:
    name, result = measured
    allowed, _ = FLOORS[name]
    assert len(result["unsafe"]) <= allowed, result["unsafe"]


def test_decision_agreement_does_not_slide_back(measured: tuple[str, dict[str, Any]]) -> None:
    name, result = measured
    _, floor = FLOORS[name]
    assert result["decision_agreement"] >= floor


def test_every_abstention_names_the_fact_to_confirm(measured: tuple[str, dict[str, Any]]) -> None:
    _, result = measured
    for abstention in result["abstentions"]:
        assert abstention["named"], abstention["id"]
