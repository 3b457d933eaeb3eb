"""The shape of ``knowledge/nlp/context.yaml`` (the ConText policy: families of effects, sections,
sentence breaks, layout, carried scopes, chronic baselines and red-flag readings), checked by pydantic
with unknown keys refused. Loaded through ``rule_files.read``; cross-checks live in ``rules``.
"""

from __future__ import annotations

import re
from typing import Literal

from pydantic import Field, model_validator

from rightscan.adapters.text.rule_base import Effect, Effects, Strict, Words, rule_file_header


class _FamilyPolicy(Strict):
    ignore: Effects
    to_unparsed: Effects
    require_one_of: Effects
    at_note_start: Effects
    alone_in_sentence: Effects
    report_title: Effects  # round 36r: a study named in a radiology report's title (report_titles.py)
    overridden_by: dict[Effect, list[Effect]] = Field(default_factory=dict)
    implied_by: dict[Effect, list[list[Effect]]] = Field(default_factory=dict)
    in_clause: Effects


class _SectionSpec(Strict):
    category: str = Field(pattern=r"^[a-z_]+$")
    implies: Effects
    scope: Literal["section", "sentence"] = "section"
    titles: list[str] = Field(min_length=1)
    spares: list[str] = Field(default_factory=list)  # families the heading's effects do not reach
    # round 21a: family -> the effects of a mention's own words before which the heading's effects give way
    gives_way: dict[str, list[Effect]] = Field(default_factory=dict)


class _Reports(Strict):
    """Round 36r (report_titles.py): what makes a note a radiology report: enough of its parts after its title (the
    headings of the section categories named, or a sign matched), one of them a result."""

    result_sections: Words
    part_sections: Words
    signs: Words  # regular expressions
    parts_at_least: int = Field(default=2, ge=1)

    @model_validator(mode="after")
    def _signs_compile(self) -> _Reports:
        for sign in self.signs:
            try:
                re.compile(sign)
            except re.error as exc:
                raise ValueError(f"reports.signs: {sign!r} is not a regular expression ({exc})") from exc
        return self


class _Sections(Strict):
    require_start_line: bool = True
    rules: list[_SectionSpec]


class _SentenceBreaks(Strict):
    after: Words
    except_after_words: Words
    overlong_tokens: int = Field(default=120, ge=8)
    overlong_split_after: Words
    # round 22s: where a denial's scope ends inside a sentence (components.SentenceBreaks)
    denial_ends_at: Words = Field(default_factory=list)
    denial_ends_after: Words = Field(default_factory=list)
    denial_ending_qualifiers: Words = Field(default_factory=list)
    denial_ends_except_after: Words = Field(default_factory=list)
    denial_list_describing_words: Words = Field(default_factory=list)


class _Coordination(Strict):
    families: Words
    connectors: Words
    proposing_connectors: Words
    share: Effects
    # round 18g: words that may stand between the connector and the next study ("+ L breast US", "and an isotope bone
    # scan"): its side, an article, a kind
    leading_words: Words = Field(default_factory=list)
    # lists only: a comma and an article ("no bone pain, shortness of breath, a cough or double vision") may carry a
    # denied list on or open a statement ("no fever, a cough for 3 days"): the denial reaches past it as doubt only
    weak_connectors: Words = Field(default_factory=list)
    # lists only: words that show the words between two findings are not other items of the list (a negation, a
    # course, a time); with the red-flag readings' negation_end_* words (a subject, a verb of having, a time word)
    stop_words: Words = Field(default_factory=list)


class _Layout(Strict):
    checked: list[str] = Field(default_factory=lambda: ["x"])
    unchecked: Words
    round_checked: Words
    underscore_checked: Words
    # round 37a (circled_answers.py): the marks that pick one option of a Y/N pair ("Y / [N]", "Y / N*", "Y / Ⓝ")
    chosen_brackets: Words
    chosen_around: Words
    chosen_beside: Words
    circled_letters: dict[str, str] = Field(default_factory=dict)
    radio_filled: Words = Field(default_factory=list)  # round 50t: "● Yes  ○ No" (circled_answers.py)
    radio_empty: Words = Field(default_factory=list)
    told_answer_verbs: Words = Field(default_factory=list)  # round 50t: "Y / N  (N circled)" (circled_answers.py)
    negative_unless_checked: Words
    yes: list[str] = Field(default_factory=lambda: ["y", "yes"])
    no: list[str] = Field(default_factory=lambda: ["n", "no"])
    column_yes_signs: Words
    column_no_signs: Words
    negative_signs: Words
    positive_signs: Words
    negative_headings: Words
    positive_headings: Words
    vertical_list_stops: Words = Field(default_factory=list)  # round 23: headed_lists.py
    # round 49n (denial_blocks.py): a heading's labels without a colon, a review's system labels
    denial_block_labels: Words = Field(default_factory=list)
    review_system_labels: Words = Field(default_factory=list)
    # round 29a (inline_headings.py): a one-line review's headings ("ROS -- Yes: cough | No: fever, bone pain")
    inline_negative_headings: Words = Field(default_factory=list)
    inline_positive_headings: Words = Field(default_factory=list)
    negative_answers: Words  # grid rows (grid_rows.py) and "Item: none"
    gate_fields: Words = Field(default_factory=list)  # round 50a (gate_answers.py): a row's fields after its gate
    unsure_answers: Words
    answer_arrows: Words  # round 13v-b: "Any numbness? -> no"
    leader_chars: Words
    hypothetical_headings: Words  # a heading over a list (form_rows.py)
    # round 9a: hypothetical list headings in other words (hypothetical_lists.py), family rows (family_rows.py),
    # negations misheard by speech recognition (dictation.py)
    hypothetical_heading_actions: Words
    hypothetical_heading_conditions: Words
    not_hypothetical_conditions: Words
    hypothetical_heading_ends: Words
    hypothetical_heading_openers: Words
    questionnaire_headings: Words
    hypothetical_heading_signs: Words
    patient_leads: Words
    family_headings: Words
    family_row_not_relative: Words
    misheard_negations: Words
    # round 10b (scale_rows.py): the answers of a symptom questionnaire's scale, absent and present
    scale_absent: Words
    scale_present: Words
    # round 13v-c (denial_layouts.py): a table's column of denials, and the "Resp: neg cough/SOB" shorthand
    negative_columns: Words
    shorthand_denials: Words
    # round 20c (graded_rows.py): the prefixes of a grade ("grade 0", "G0"), and the severity words absent and present
    grade_prefixes: Words
    grade_absent: Words
    grade_present: Words
    # seventh security pass: the words joining two items before one grade ("bone pain and cough 0/10")
    grade_item_joins: Words = Field(default_factory=list)
    # round 21a (family_rows.py): the patient named only as who told it on a relative's row ("Per pt ...")
    family_row_source: Words = Field(default_factory=list)
    # round 22n (trailing_signs.py): answer words written after an item as its sign ("cough -ve", "back pain ✗")
    trailing_no_words: Words = Field(default_factory=list)
    trailing_yes_words: Words = Field(default_factory=list)
    # round 22e (spoken.py): an unedited dictation's spoken forms, numbers, stages, punctuation and corrections
    spoken_forms: Words = Field(default_factory=list)
    spoken_units: Words = Field(default_factory=list)
    spoken_tens: Words = Field(default_factory=list)
    spoken_zero: Words = Field(default_factory=list)
    spoken_hundred: Words = Field(default_factory=list)
    spoken_point: Words = Field(default_factory=list)
    spoken_number_after: Words = Field(default_factory=list)
    spoken_number_before: Words = Field(default_factory=list)
    spoken_stage_prefixes: Words = Field(default_factory=list)
    spoken_stage_values: Words = Field(default_factory=list)
    spoken_commands: Words = Field(default_factory=list)
    spoken_command_not_after: Words = Field(default_factory=list)
    # round 51c: "colon" said as a heading's colon, never the bowel's ("history of colon cancer", "sigmoid colon")
    spoken_colon_not_after: Words = Field(default_factory=list)
    spoken_colon_not_before: Words = Field(default_factory=list)
    # round 45s: the spoken commands a written note never uses ("comma", "new paragraph"): one proves a dictation
    spoken_dictation_proof: Words = Field(default_factory=list)
    spoken_corrections: Words = Field(default_factory=list)
    spoken_correction_values: Words = Field(default_factory=list)
    # round 45d (spoken.py): a liver test's value and its reference range said as words after the test's name
    spoken_lab_names: Words = Field(default_factory=list)
    spoken_lab_ranges: Words = Field(default_factory=list)
    spoken_lab_limit_words: Words = Field(default_factory=list)  # round 56n: "normal less than one point two"
    # round 45d (spoken.py): the clinical T, N and M letters said apart before their values ("T three N one M X")
    spoken_clinical_letters: Words = Field(default_factory=list)
    # round 23e (blank_prompts.py): a template's unfilled field printed after an item ("Bone pain: [select]")
    template_blanks: Words = Field(default_factory=list)
    # round 50t (mark_legends.py): a legend's meanings of its glyphs ("✗ = absent"), and the crosses no legend reads
    legend_absent: Words = Field(default_factory=list)
    legend_present: Words = Field(default_factory=list)
    legend_unread_marks: Words = Field(default_factory=list)
    # round 50t (pain_where.py): a pain question answered yes, its site asked on the next line
    pain_question_words: Words = Field(default_factory=list)
    site_prompts: Words = Field(default_factory=list)


class _CarriedFamily(Strict):
    possessives: Words
    pronouns: Words
    # round 18c: the relations that name the patient in a relative's message, and the writer's relation -> the groups
    # of those by which the writer names the patient ("son: mother, father")
    patient_groups: Words = Field(default_factory=list)
    writer_names: Words = Field(default_factory=list)
    handled_verbs: Words = Field(default_factory=list)  # round 28: a relative as what she lifted or carried


class _CarriedExplanation(Strict):
    anaphors: Words
    contrasts: Words
    # round 9b (explanations.py): explaining words that speak of a study, a test or a value named between them and
    # the symptom ("back pain, bone scan no change"), the words that name one, and the mention families that do
    status_words: Words
    status_subjects: Words
    status_subject_families: Words
    item_joiners: Words  # round 9b: a cause joined to the symptom as a list item
    treated_resolutions: Words  # round 9b: "... which cleared with amoxicillin"
    resolution_lead_words: Words  # round 9b: "This has now fully resolved."
    firm_hedges: Words  # round 9b: "likely OA" still attributes
    doubt_modals: Words  # round 9b: "hip pain, could be bursitis"
    cause_leads: Words = Field(default_factory=list)  # round 18b: "rib pain after a coughing fit, now resolved"
    resolution_referents: Words = Field(default_factory=list)  # round 20a: "..., pain gone since."
    # round 35a (warning_after.py): a pain named again that carries a warning back only ("Today reports pain now
    # 'different from my usual back'"), and the families of a history sentence such a pointer passes over
    warning_pointers: Words = Field(default_factory=list)
    warning_pointer_passes: Words = Field(default_factory=list)
    # round 53e (warning_after.py): a pointer that names a kind of symptom ("pain", "the cough") and the codes it may
    # point back to ("code, code: pointer, pointer")
    pointer_codes: Words = Field(default_factory=list)


class _BaselineCondition(Strict):
    """Round 10a: a chronic illness and the symptoms its usual course gives (chronic_baseline.py)."""

    explains: list[str] = Field(min_length=1)  # symptom codes (domain vocabulary)
    words: list[str] = Field(min_length=1)  # its names and abbreviations, read as whole words, case-insensitive
    # its flare-ups settle back to the patient's baseline (heart failure, COPD): an admission's presenting symptom that
    # the note later says resolved to baseline is over, whatever warning the presentation carried
    exacerbations: bool = False
    note_wide: bool = False  # round 53e (known_pattern.py): told unchanged once, it explains its symptom note-wide


class _ChronicBaseline(Strict):
    stable_words: Words  # the symptom said unchanged from the patient's usual
    conditions: list[_BaselineCondition] = Field(default_factory=list)
    comment_leads: Words = Field(default_factory=list)  # round 16a: a form row's comment line ("comment: ...")
    comment_pointers: Words = Field(default_factory=list)  # round 28: "-> see comment" on the row
    # round 50n: words right after an illness's name that make it another disease ("Paget's disease of the nipple")
    other_disease_after: Words = Field(default_factory=list)
    note_wide_blockers: Words = Field(default_factory=list)  # round 53e: symptom codes whose mention keeps them all


class _RedFlagReadings(Strict):
    """Round 10b (red_flag_readings.py): whose a red flag is, why it came and how it began."""

    informant_leads: Words
    informant_possessives: Words
    caller_verbs: Words
    caller_about: Words
    relation_names: Words  # each: the words for one person, comma-separated
    attributions: Words
    malignant_causes: Words
    onset_warnings: Words
    mechanical_triggers: Words
    mechanical_trigger_heads: Words = Field(default_factory=list)  # round 35: an activity with what was moved
    # round 35b (joined_findings._purpose_list_from_cue): a purpose or a doubt reaching along its list
    purpose_list_families: Words = Field(default_factory=list)
    purpose_list_effects: Words = Field(default_factory=list)
    purpose_list_joiners: Words = Field(default_factory=list)
    purpose_list_leads: Words = Field(default_factory=list)
    purpose_list_stops: Words = Field(default_factory=list)
    purpose_list_qualifiers: Words = Field(default_factory=list)  # round 41a: "evaluate for ER+ metastatic disease"
    negated_activity_endings: Words
    dating_back: Words
    dating_back_named: Words = Field(default_factory=list)  # round 36b (named_event.py)
    named_event_warnings: Words = Field(default_factory=list)  # round 36b (named_event.py)
    named_event_heads: Words = Field(default_factory=list)  # round 36b (named_event.py)
    speaker_labels: Words = Field(default_factory=list)  # round 47m (speaker_lines.py)
    speaker_first_person: Words = Field(default_factory=list)  # round 47m
    speaker_third_person: Words = Field(default_factory=list)  # round 47m
    proxy_leads: Words = Field(default_factory=list)  # round 50v (proxy_writer.py)
    proxy_writer_selves: Words = Field(default_factory=list)
    proxy_helpers: Words = Field(default_factory=list)
    proxy_parents: Words = Field(default_factory=list)
    proxy_perceiving: Words = Field(default_factory=list)
    cause_fillers: Words
    denied_cause_takers: Words = Field(default_factory=list)  # round 54r: "not on an ACE inhibitor" (red_flag_readings)
    study_reasons: Words  # round 11a: the reason of a study done before
    telling_verbs: Words  # round 11a: a relative telling of the patient
    telling_fillers: Words
    teller_links: Words  # round 29: "the patient's daughter, who says ..."
    tellers: Words
    trigger_cuts: Words  # round 11a: an onset word after a mechanical trigger
    # round 12a (reported_readings.py): a denied report ("she has never reported bone pain") and a relative of a
    # relative ("her sister said her mother had bone pain")
    report_fillers: Words
    resolution_words: Words  # round 14v-a (resolved_afterwards.py)
    # round 20a (dated_entries.py): a note made of dated entries copied forward
    entry_labels: Words = Field(default_factory=list)
    entry_older_labels: Words = Field(default_factory=list)
    entry_current_marks: Words = Field(default_factory=list)
    entry_carry_on: Words = Field(default_factory=list)
    # round 34a (dated_visits.py): the reason of a dated past visit on an event or history line
    dated_visit_labels: Words = Field(default_factory=list)
    dated_visit_words: Words = Field(default_factory=list)
    dated_visit_reasons: Words = Field(default_factory=list)
    dated_visit_ongoing: Words = Field(default_factory=list)
    entry_list_marks: Words = Field(default_factory=list)  # round 34s1: "now:" closing a dated list
    entry_list_none: Words = Field(default_factory=list)  # round 34s1: "now: none"
    # round 40a (copied_blocks.py): a block copied from an earlier note or visit, its heading's words and its end
    copied_block_marks: Words = Field(default_factory=list)
    copied_block_sources: Words = Field(default_factory=list)
    copied_block_fillers: Words = Field(default_factory=list)
    copied_block_ends: Words = Field(default_factory=list)
    report_verbs: Words
    report_negations: Words
    report_auxiliaries: Words
    report_limits: Words
    report_continuations: Words
    nested_possessives: Words
    nested_subjects: Words
    patient_pointers: Words
    nested_may_be_patient: Words  # each: "tellers: the names they may give her"
    doubt_leads: Words  # round 12a: "not sure whether this back pain is serious"
    doubt_links: Words
    study_dates: Words  # round 12a: regular expressions of a date on one token
    event_symptoms: Words  # round 13v-b: red flags that are events (a fracture)
    event_times: Words  # round 13v-b: words that only time such an event
    mood_causes: Words  # round 13v-b: low mood and grief as a cause
    mood_explains: Words  # round 13v-b: the red flags they may explain
    assessment_heads: Words  # round 16b: the headings of a clinician's assessment (assessed_cause)
    assessed_causes: Words  # round 16b: "symptom: the acute benign illnesses that give it"
    acute_course_warnings: Words = Field(default_factory=list)  # round 31b: "symptom: warnings those illnesses give"
    told_assessment_heads: Words  # round 19b: a conclusion told without a colon ("Told likely viral URI")
    final_heads: Words = Field(default_factory=list)  # round 23f: an admission's diagnoses, read before the history
    discharge_titles: Words = Field(default_factory=list)  # round 51h: a discharge's title (discharge_advice.py)
    long_durations: Words  # round 19b: "unit: least number" of a duration that warns
    told_warning_words: Words  # round 19b: a cough's warning companions (blood, breathlessness)
    habit_causes: Words  # round 16b: a change of habits taken up on purpose (red_flag_readings.mood_cause)
    purpose_words: Words = Field(default_factory=list)  # round 22a: weight lost on purpose, told by an adverb
    habit_denials: Words = Field(default_factory=list)  # round 45w: a habit denied right before it is no cause
    denied_cause_joins: Words = Field(default_factory=list)  # round 22a: "no fall or injury" denies both
    # round 23a (lasting_history.py): a "history of" a complaint given a length after it ("h/o back pain x 6 wks")
    lasting_history_cues: Words = Field(default_factory=list)
    lasting_leads: Words = Field(default_factory=list)
    lasting_fillers: Words = Field(default_factory=list)
    lasting_units: Words = Field(default_factory=list)
    lasting_not_after: Words = Field(default_factory=list)
    lasting_past_words: Words = Field(default_factory=list)
    # round 13a (foreign_pronouns.py): a relative, then a pronoun of the relative's sex, not the patient's
    female_relatives: Words
    male_relatives: Words
    female_pronouns: Words
    male_pronouns: Words
    patient_words: Words
    # round 12v (denied_change.py): a denied warning, the change it denies, a denial that limits a symptom
    change_denials: Words
    change_words: Words
    change_subjects: Words
    limiting_tails: Words
    settling_symptoms: Words  # round 12v: a warned presentation since resolved
    presentation_over_times: Words = Field(default_factory=list)  # round 29b: "without dyspnea at discharge"
    procedure_leads: Words  # round 12v: a symptom dated to a procedure
    procedure_fillers: Words
    procedure_names: Words
    # round 14 (safe14): a negation's reach ended by a new present clause, a symptom asked and not answered, a title
    negation_end_joiners: Words
    negation_end_times: Words
    negation_end_fillers: Words
    negation_end_verbs: Words  # round 16 (lead): "denies fever and has a cough"
    negation_end_articles: Words  # "no fever, and a cough for 3 days": to confirm
    # sixteenth pass F2: "no fever, ongoing bone pain" (to confirm); "no fever, bone pain + R hip" (the sign says yes)
    negation_end_qualifiers: Words = Field(default_factory=list)
    negation_end_qualifier_words: Words = Field(default_factory=list)  # one number, as a word list
    negation_end_signs: Words = Field(default_factory=list)
    negation_end_sign_followers: Words = Field(default_factory=list)
    # round 42o: a dictated denial running on into the plan ("no nodules plan m r i of the brain")
    negation_end_plan_openers: Words = Field(default_factory=list)
    negation_end_plan_fillers: Words = Field(default_factory=list)
    verb_negations: Words  # round 15: a negated activity and the symptom given as its cause
    cause_connectives: Words
    exception_openers: Words = Field(default_factory=list)  # round 24: 'Except for X, ROS negative'
    # round 47s (exam_items.py): an examination finding told after a list of denied symptoms
    exam_item_subjective_cues: Words = Field(default_factory=list)
    exam_item_vocabulary: Words = Field(default_factory=list)
    exam_item_signs: Words = Field(default_factory=list)
    exam_item_abnormal: Words = Field(default_factory=list)
    exam_item_weak_words: Words = Field(default_factory=list)
    exam_item_places: Words = Field(default_factory=list)
    exam_item_list_joins: Words = Field(default_factory=list)
    # round 48s: a differential's items (differential_items.py), "no longer" before a symptom (resolved_before.py),
    # a list tied to an acute illness (illness_lists.py)
    differential_joins: Words = Field(default_factory=list)
    resolved_before_cues: Words = Field(default_factory=list)
    resolved_before_fillers: Words = Field(default_factory=list)
    resolved_before_turns: Words = Field(default_factory=list)  # "no longer SOB-free": the symptom is back
    contrast_resolution_joins: Words = Field(default_factory=list)  # integration 48 (contrast_resolutions.py)
    contrast_resolution_subjects: Words = Field(default_factory=list)
    contrast_resolution_referents: Words = Field(default_factory=list)
    contrast_resolution_pronouns: Words = Field(default_factory=list)
    illness_list_causes: Words = Field(default_factory=list)
    full_recovery_cues: Words = Field(default_factory=list)  # round 49n: recovered_illness.py
    illness_links: Words = Field(default_factory=list)  # round 50a: illness_over.py
    illness_past_dates: Words = Field(default_factory=list)  # round 50a: illness_over.py (regular expressions)
    # round 50a (informant_reports.py): a relative's label, a witness's verb, the writer's own relative
    informant_female_relations: Words = Field(default_factory=list)
    informant_male_relations: Words = Field(default_factory=list)
    witness_verbs: Words = Field(default_factory=list)
    informant_own_marks: Words = Field(default_factory=list)
    informant_now_verbs: Words = Field(default_factory=list)
    # round 47a (unstated_mentions.py): how the answer to a question about symptoms reads
    answer_affirmatives: Words = Field(default_factory=list)
    answer_denials: Words = Field(default_factory=list)
    answer_denial_fillers: Words = Field(default_factory=list)
    answer_speakers: Words = Field(default_factory=list)  # round 47b
    # round 24 (v25 blind, note_language.py): a note written in another language than English
    english_words: Words = Field(default_factory=list)
    other_language_words: Words = Field(default_factory=list)
    other_language_confirm: Words = Field(default_factory=list)
    other_language_min: Words = Field(default_factory=list)  # one number, as a word list (the section's type)
    other_language_line_min: Words = Field(default_factory=list)  # round 26: the same for one line
    correction_words: Words = Field(default_factory=list)  # round 27 (corrections.py): a clinician's correction
    correction_denials: Words = Field(default_factory=list)
    # round 36a (criteria_met.py): a criterion she is then said to meet, and the denials that undo that
    criterion_met_words: Words = Field(default_factory=list)
    criterion_met_denials: Words = Field(default_factory=list)
    asking_words: Words
    asking_stops: Words
    # round 52d (feared_mentions.py): a symptom named as what the patient fears or asks the meaning of
    feared_quantifiers: Words = Field(default_factory=list)
    feared_fillers: Words = Field(default_factory=list)
    feared_own: Words = Field(default_factory=list)
    feared_feelings: Words = Field(default_factory=list)
    feared_meanings: Words = Field(default_factory=list)
    feared_asking: Words = Field(default_factory=list)
    feared_generic: Words = Field(default_factory=list)  # round 55u: a symptom named as what it can mean for anyone
    feared_openers: Words = Field(default_factory=list)
    site_list_rules: Words = Field(default_factory=list)  # round 52d (list_heads.py): a list's later sites
    # round 37a: words of degree between a query mark and the sign it doubts ("sclerae ? faintly icteric")
    query_degree_words: Words = Field(default_factory=list)
    answered_words: Words
    title_nouns: Words
    # round 18a (relative_tail.py): a symptom told in a relative's story (a relative clause, the relative's disease,
    # the relative's death)
    story_families: Words
    story_relative_pronouns: Words
    story_ends: Words
    story_subjects: Words
    story_returns: Words
    story_comma_links: Words
    story_dash_links: Words = Field(default_factory=list)  # round 39b: "... died at 48 - had severe back pain"
    story_deaths: Words
    story_death_pronouns: Words
    story_death_leads: Words
    story_possessives: Words = Field(default_factory=list)  # round 37b: "Sister's cancer ... and she had ..."
    story_owner_leads: Words = Field(default_factory=list)
    # round 39b (named_again.py): a symptom named again only as another's cause or as the examination's sign of it
    cause_position_leads: Words = Field(default_factory=list)
    cause_position_fillers: Words = Field(default_factory=list)
    exam_sign_heads: Words = Field(default_factory=list)
    exam_sign_words: Words = Field(default_factory=list)
    exam_sign_codes: Words = Field(default_factory=list)
    # round 39b (treatment_weight.py): weight lost with the treatment's side effects told in its sentence
    treatment_weight_causes: Words = Field(default_factory=list)
    treatment_weight_denials: Words = Field(default_factory=list)
    treatment_weight_max_kg: Words = Field(default_factory=list)  # one number, as a word list
    # round 37b (course_explained.py): a persistence answered by the course told after the cause was found
    course_symptoms: Words = Field(default_factory=list)
    course_attributions: Words = Field(default_factory=list)
    course_resolving: Words = Field(default_factory=list)
    course_persistence: Words = Field(default_factory=list)
    explained_by_finding: Words = Field(default_factory=list)  # round 39a (course_explained.explained_later)
    # round 47e (named_causes.py): a symptom put down to a named benign cause told elsewhere in its paragraph
    named_causes: Words = Field(default_factory=list)
    named_chronic_causes: Words = Field(default_factory=list)
    named_cause_doubts: Words = Field(default_factory=list)
    named_cause_doubts_after: Words = Field(default_factory=list)
    named_cause_stable_words: Words = Field(default_factory=list)
    named_cause_unsure_codes: Words = Field(default_factory=list)  # review of round 47e
    # round 54e (named_causes.py): "code: event, event", a possible serious event that leaves its symptom to confirm
    named_event_causes: Words = Field(default_factory=list)
    # round 48u (status_onset.py): a bare status word ("unchanged", "stable") read by the span the symptom is told with
    status_usual_words: Words = Field(default_factory=list)
    status_long_words: Words = Field(default_factory=list)
    status_year_leads: Words = Field(default_factory=list)
    status_value_codes: Words = Field(default_factory=list)
    status_recent_words: Words = Field(default_factory=list)
    status_recent_denials: Words = Field(default_factory=list)
    status_onset_verbs: Words = Field(default_factory=list)
    status_span_not_before: Words = Field(default_factory=list)
    status_recent_units: Words = Field(default_factory=list)
    status_month_units: Words = Field(default_factory=list)
    status_recent_max_months: Words = Field(default_factory=list)  # one number, as a word list
    status_cause_leads: Words = Field(default_factory=list)  # integration 48: an activity told as the cause
    status_cause_not_gerunds: Words = Field(default_factory=list)
    named_cause_territories: Words = Field(default_factory=list)  # round 48s: a nerve's territory
    named_cause_far_places: Words = Field(default_factory=list)  # round 48s
    named_cause_assessment_titles: Words = Field(default_factory=list)  # round 51p: the note's own conclusion
    # round 51p (treated_illness.py): a symptom of an illness the note diagnosed, treated and tells settled
    treated_illnesses: Words = Field(default_factory=list)
    treated_settled: Words = Field(default_factory=list)
    treated_improving: Words = Field(default_factory=list)
    treated_course_words: Words = Field(default_factory=list)
    # round 53e (treated_illness.py): a pain named again on its own, opening a clause, and the codes it speaks for
    treated_pain_words: Words = Field(default_factory=list)
    treated_pain_codes: Words = Field(default_factory=list)
    # round 48m (recent_events.py): a seizure or a transient deficit of today or these days, recovered from, is no past
    recent_event_codes: Words = Field(default_factory=list)
    recent_event_times: Words = Field(default_factory=list)
    recent_event_ago_units: Words = Field(default_factory=list)
    recent_event_past_words: Words = Field(default_factory=list)


class _DoubtDescription(Strict):
    """Round 37 (doubt_description.py): a doubt reaches across a finding's describing words to the finding."""

    families: Words = Field(default_factory=list)
    joiners: Words = Field(default_factory=list)
    max_extra: int = Field(default=0, ge=0, le=12)


class _StudyChoice(Strict):
    """Round 48o (study_choice.py): the words that tell which of several studies a note considers now."""

    set_aside_after: Words = Field(default_factory=list)  # "rather than": the studies after it are set aside
    prefers: Words = Field(default_factory=list)  # "preferred (for stage III) over": a word of preference ...
    prefers_over: Words = Field(default_factory=list)  # ... then, a few words on, the word before the studies set aside
    payer_refusal: Words = Field(default_factory=list)  # "denied by insurance"
    judged_not_needed: Words = Field(default_factory=list)  # "not indicated", right after the study
    asked_about: Words = Field(default_factory=list)  # "asks if", "wonders whether"
    plan_headings: Words = Field(default_factory=list)  # "Staging:", a heading over the study to be done
    report_words: Words = Field(default_factory=list)  # "no", "negative": a result after it, the study was done
    alternative_words: Words = Field(default_factory=list)  # "vs", "or": an alternative offered after a study
    alternative_leading: Words = Field(default_factory=list)  # "urgent", "a": words before the alternative's modality
    bare_modalities: Words = Field(default_factory=list)  # "CT", "MRI": an alternative named by its modality alone
    payer_documents: Words = Field(default_factory=list)  # round 55n: "prior auth", "peer-to-peer": a payer's document


class ContextFile(rule_file_header("context")):
    categories: dict[str, Effect | None]
    terminating_types: dict[str, list[str]] = Field(default_factory=dict)
    families: dict[str, _FamilyPolicy]
    sentence_breaks: _SentenceBreaks = _SentenceBreaks()
    layout: _Layout = _Layout()
    not_shielding: Words
    coordination: _Coordination = _Coordination()
    lists: _Coordination = _Coordination()  # coordinated findings ("bone pain, headaches or SOB") share a scope
    sections: _Sections
    reports: _Reports = _Reports()  # round 36r
    doubt_description: _DoubtDescription = _DoubtDescription()  # round 37
    study_choice: _StudyChoice = _StudyChoice()  # round 48o
    carried_family: _CarriedFamily = _CarriedFamily()
    carried_explanation: _CarriedExplanation = _CarriedExplanation()
    chronic_baseline: _ChronicBaseline = _ChronicBaseline()  # round 10a (chronic_baseline.py)
    red_flag_readings: _RedFlagReadings = Field(default_factory=lambda: _RedFlagReadings())  # round 10b

    @model_validator(mode="after")
    def _known_categories(self) -> ContextFile:
        known = set(self.categories)
        for cat, others in self.terminating_types.items():
            for c in (cat, *others):
                if c not in known:
                    raise ValueError(f"terminating_types: unknown category {c!r}")
        sections = {s.category for s in self.sections.rules}
        for c in (*self.reports.result_sections, *self.reports.part_sections):
            if c not in sections:
                raise ValueError(f"reports: {c!r} is not a section category")
        return self
