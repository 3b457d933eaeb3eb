"""Stage values a note gives more than once: which one is the current tumour's.

Split from ``assemble`` (which settles every field): the value the note calls current, an earlier cancer's receptors
and stage values, a second primary's axilla, several foci of one cancer, and the pathology size after surgery. Each
function marks the candidates that give way (``used`` False with the reason) or returns what it infers.
"""

from __future__ import annotations

import re
from typing import Any

from rightscan.adapters.text.candidates import ACCEPTED, Candidate, status_of, where
from rightscan.adapters.text.model import Mention
from rightscan.adapters.text.note_setting import RECURRENCE
from rightscan.adapters.text.rules import Rules
from rightscan.adapters.text.sides import other_breast, sides_of
from rightscan.adapters.text.size_links import link_words, measured_on_a_study

ELAPSED = "clue.time_elapsed"  # values.yaml: years elapsed ("3 yrs now")
HOW_FOUND = "setting.screen_detected"  # targets.yaml: how the cancer was found, not that it is new

_NOT_NOW = frozenset({"negated", "historical", "past", "hypothetical", "family"})
_STAGE_FIELDS = ("tumor.size_cm", "tumor.t", "tumor.n", "tumor.m", "tumor.grade", "tumor.er", "tumor.pr", "tumor.her2")


def stated_current(rules: Rules, by_field: dict[str, list[Candidate]]) -> None:
    """A stage field the note gives twice, once in a sentence that calls its value the current one ("so current
    clinical stage is cT2 cN1 (not N0 as in the 08/02 note)"): that value stands, the older ones give way. Only when
    the sentences that say so give one value, none of them negated."""
    words = parameter_words(rules, "current_value_words")
    wrong = parameter_words(rules, "wrong_value_words")
    # round 23c: the pathological categories too ("Addendum: correction to the diagnosis line above -- ... pN0(i+)")
    for fieldname in (*_STAGE_FIELDS, "pathology.t", "pathology.n"):
        live = [c for c in by_field.get(fieldname, []) if c.used]
        if len({repr(c.value) for c in live}) < 2:
            continue
        live = _set_aside_errors(live, wrong)
        said = [c for c in live if "negated" not in c.mention.effects
                and any(p.search(c.mention.sentence.lower()) for p in words)]  # fmt: skip
        keep_the_said_value(live, said, "superseded by the value the note calls current")


def _set_aside_errors(live: list[Candidate], wrong: tuple[re.Pattern[str], ...]) -> list[Candidate]:
    """round 52t (v52 ce-025): a value quoted in a sentence that calls it an error ('the pre-board list gave size as
    "4 cm" - that was the distance from nipple copied into the wrong field; corrected here') is no value of the
    tumour: it gives way to the others, when the error words follow it, its sentence gives that one value of the
    field only and no other sentence gives it too. Otherwise nothing changes (a correction's own words before a
    value name the current value: "sorry typo - 2.1 cm on US, not 1.2")."""
    erred = []
    for c in live:
        sentence = c.mention.sentence
        # the error words after the value (a correction's own words before it name the current value: "sorry typo -
        # 2.1 cm on US, not 1.2")
        if not any(p.search(sentence.lower(), _after(c)) for p in wrong):
            continue
        if len({repr(o.value) for o in live if o.mention.sentence == sentence}) == 1:
            erred.append(c)
    values = {repr(c.value) for c in erred}
    others = [c for c in live if c not in erred]
    if not erred or not others or values & {repr(c.value) for c in others}:
        return live
    for c in erred:
        c.used, c.reason = False, "a value the note says was written in error"
    return others


def _after(c: Candidate) -> int:
    """Where in its sentence a candidate's value ends (0 when the sentence's offset is not known)."""
    m = c.mention
    at = m.end - m.sentence_start
    return at if m.sentence_start >= 0 and 0 <= at <= len(m.sentence) else 0


def revised_histology(rules: Rules, by_field: dict[str, list[Candidate]]) -> None:
    """round 44m (v44 be-025): the histology a pathology review revises ("Slides reviewed ... REVISED DIAGNOSIS: DCIS",
    "downstaged to DCIS on review") outranks the first report's ("Invasive ductal carcinoma, grade 1 ... with DCIS"),
    when the sentences that say so give one histology, none negated and none about a treatment's response. Otherwise
    nothing changes (invasive still wins over associated DCIS, two histologies still conflict)."""
    words = parameter_words(rules, "revised_histology_words")
    response = parameter_words(rules, "treatment_response_words")  # values.yaml
    live = [c for c in by_field.get("tumor.histology", []) if c.used]
    if len({repr(c.value) for c in live}) < 2:
        return
    said = []
    for c in live:
        sentence = c.mention.sentence.lower()
        if "negated" in c.mention.effects or not any(p.search(sentence) for p in words):
            continue
        if any(p.search(sentence) for p in response):
            return
        said.append(c)
    keep_the_said_value(live, said, "superseded by the histology a pathology review revises it to")


def denied_categories(by_field: dict[str, list[Candidate]]) -> None:
    """round 21b: a T, N or M category the note denies ("not T4d", a checklist's exclusion "Inflammatory breast ca
    (cT4d)" answered No) is no value of the tumour: it gives way to the category the note states, when those that are
    not denied agree on one value (when they disagree, or every one is denied, nothing changes)."""
    for fieldname in ("tumor.t", "tumor.n", "tumor.m"):
        live = [c for c in by_field.get(fieldname, []) if c.used]
        denied = [c for c in live if "negated" in c.mention.effects and c.mention.rule.startswith("tnm.")]
        said = {repr(c.value) for c in live if "negated" not in c.mention.effects}
        if not denied or len(said) != 1:
            continue
        for c in denied:
            if repr(c.value) not in said:
                c.used, c.reason = False, "a category the note denies"


_RECEPTORS = ("tumor.er", "tumor.pr", "tumor.her2")


def earlier_receptors(
    rules: Rules, facts: dict[str, Any], by_field: dict[str, list[Candidate]], mentions: list[Mention]
) -> None:
    """A suspected recurrence tested again ("hx IDC, ER+/PR+/HER2-, treated 2018 w/ lumpectomy ..." then the new
    biopsy's "ER 70%, PR 0%"): the receptors written with the earlier cancer's treatment give way to the current
    ones when these agree (receptors may change at recurrence; the current tumour's are staged). Round 40a (v40
    as-035): its grade too, and the earlier cancer is also told in a sentence dated years back ("Prior: 2015 R breast
    IDC, 1.8 cm, gr 2, ER 95% / PR 70% / HER2 1+" with its operation in the next sentence)."""
    if facts.get("setting") not in RECURRENCE:
        return
    treated = earlier_cancer_sentences(rules, by_field, mentions)
    for fieldname in (*_RECEPTORS, "tumor.grade"):
        live = [c for c in by_field.get(fieldname, []) if c.used]
        earlier = [c for c in live if c.mention.sentence in treated]
        current = {repr(c.value) for c in live if c.mention.sentence not in treated}
        if not earlier or len(current) != 1:
            continue
        for c in earlier:
            if repr(c.value) not in current:
                c.used, c.reason = False, "the earlier, treated cancer's result; the recurrence was tested again"


def earlier_cancer_sentences(rules: Rules, by_field: dict[str, list[Candidate]], mentions: list[Mention]) -> set[str]:
    """The sentences that tell of a breast cancer treated in the past: those of its treatment or completed operation,
    and those dated years back (every year in them at least two years before the latest the note names: "58 yo woman,
    R breast IDC dx 03/2018, stage IIA (T2 N0)" in a visit of 2024)."""
    treated = {m.sentence for m in mentions if m.family == "treatment" and status_of(rules, m)[0] == ACCEPTED}
    treated |= {c.mention.sentence for c in by_field.get("prior_surgery", []) if c.used}
    latest = _latest_year(mentions)
    return treated | {m.sentence for m in mentions if _years_before(m.sentence, latest)}


def is_second_primary(
    rules: Rules, mentions: list[Mention], by_field: dict[str, list[Candidate]], setting: str | None
) -> bool:
    """A new cancer named as new ("no treatment yet for the new cancer", "newly diagnosed") in a note whose operation is
    dated years back ("Right lumpectomy + SLNB, whole breast RT, tamoxifen x 5 years" under "2015:"): the operation was
    the earlier cancer's, so the axilla described in words is the new cancer's clinical N, not a pathology finding."""
    if setting != "new_diagnosis":
        return False
    if other_breast_operations(by_field):
        return True
    operations = [c.mention.sentence for c in by_field.get("prior_surgery", []) if c.used]
    elapsed = {m.sentence for m in mentions if m.rule == ELAPSED}
    dated = [s for s in operations if _YEAR.search(s) or s in elapsed]
    if named_new(rules, mentions) and operations and len(dated) == len(operations):
        return True
    # round 20f: or not named new, but every operation dated two years or more before the latest year the note names
    # ("Hx: L breast IDC 2009 - L mastectomy" then "R breast screening mammo 10/2025 -> core: IDC"): a cancer proven
    # and untreated now cannot be the one operated on years ago
    return bool(operations) and all(_years_before(s, _latest_year(mentions)) for s in operations)


def _latest_year(mentions: list[Mention]) -> int:
    return max((int(y) for m in mentions for y in _YEAR.findall(m.sentence)), default=0)


def _years_before(sentence: str, latest: int) -> bool:
    """The sentence is dated, every year in it at least two years before ``latest``."""
    years = [int(y) for y in _YEAR.findall(sentence)]
    return bool(years) and max(years) <= latest - 2


def earlier_operation_values(
    by_field: dict[str, list[Candidate]], mentions: list[Mention], second_primary: bool
) -> None:
    """round 20f: a second primary ("Hx: L breast IDC 1.2 cm, node neg, 2009 -> L lumpectomy, RT" then "new R breast
    ILC (second primary)"): a stage value written in the sentence of the earlier cancer's operation, dated years back,
    is the earlier cancer's (annotation guide 2: never an earlier cancer's value) and gives way even when the new
    tumour's own value is not given; the field is then left out rather than filled with the other cancer's."""
    if not second_primary:
        return
    latest = _latest_year(mentions)
    operations = {c.mention.sentence for c in by_field.get("prior_surgery", []) if c.used}
    other_side = other_breast_operations(by_field)
    earlier = {s for s in operations if _years_before(s, latest)} | other_side
    if not earlier:
        return
    # round 29c: in the other breast's operation the pathological categories are the earlier cancer's too ("L
    # mastectomy, 3.5 cm IDC, 2/15 nodes" before a new R breast cancer: its pN1a is not the new one's)
    for fieldname in (*_STAGE_VALUES, *(("pathology.t", "pathology.n") if other_side else ())):
        for c in by_field.get(fieldname, []):
            if c.used and c.mention.sentence in earlier:
                where_told = "in the other breast" if c.mention.sentence in other_side else "dated years back"
                why = f"the earlier, operated cancer's value (its operation's sentence, {where_told})"
                c.used, c.reason = False, why + ": not the new primary's"


def other_breast_operations(by_field: dict[str, list[Candidate]]) -> set[str]:
    """round 29c: the sentences of a completed breast operation on one side, when the cancer the note proves now (its
    type, or how it was found, "Now: R breast screen-detected 12 mm mass") lies in the other breast only ("PMH: L breast
    ca 2009 -- L mastectomy"): the operation was the earlier cancer's (sides.other_breast); empty otherwise."""
    operations = [c.mention for c in by_field.get("prior_surgery", []) if c.used]
    current = [c.mention for c in by_field.get("tumor.histology", [])
               if c.used and not c.mention.effects & {"past", "historical"}]  # fmt: skip
    if not operations or not current:
        return set()
    current += [c.mention for c in by_field.get("setting", []) if c.used and c.mention.rule == HOW_FOUND]
    if not other_breast(operations, current):
        return set()
    treated = {s for m in operations for s in sides_of(m.sentence)}
    return {m.sentence for m in operations if sides_of(m.sentence) == treated}


def named_new(rules: Rules, mentions: list[Mention]) -> bool:
    """The note calls a cancer new in words ("newly diagnosed", "new L breast cancer"), not only how it was found."""
    return any(
        m.family == "setting_new" and m.rule != HOW_FOUND and status_of(rules, m)[0] == ACCEPTED for m in mentions
    )


# round 16f: the histology too ("Background: L breast IDC 2014 - L WLE" then "Core R: invasive lobular carcinoma"): the
# new primary's type is the tumour's (annotation guide 2), the earlier cancer's gives way when the undated ones agree
_STAGE_VALUES = ("tumor.size_cm", "tumor.t", "tumor.n", "tumor.grade", *_RECEPTORS, "tumor.histology")
_YEAR = re.compile(r"\b(?:19[5-9]\d|20[0-4]\d)\b")


def earlier_primary(
    facts: dict[str, Any], by_field: dict[str, list[Candidate]], mentions: list[Mention], named_new: bool = False
) -> None:
    """A new primary after an earlier operated breast cancer ("2015: R breast IDC 2.2 cm, grade 2 ... lumpectomy" then
    "2025: new L breast 1.0 cm mass, core: IDC grade 1"): a stage value written in a line dated years before the
    latest the note names is the earlier cancer's, and gives way to the value given without that date when those
    agree. Only for a new diagnosis with a completed operation (the earlier cancer's); a recurrence has its own rule."""
    if facts.get("setting") != "new_diagnosis" or "prior_surgery" not in facts:
        return
    latest = max((int(y) for m in mentions for y in _YEAR.findall(m.sentence)), default=0)
    # round 20e: a new primary named as new ("now with a new L breast cancer") whose note dates nothing after the
    # earlier cancer ("remote R breast cancer (2014: IDC, ER-negative, HER2 3+; R mastectomy ...)"): the values written
    # with that dated operation are the earlier cancer's
    surgery = [c.mention.sentence for c in by_field.get("prior_surgery", []) if c.used] if named_new else []
    operated = {s for s in surgery if _YEAR.search(s)}

    def before(c: Candidate, ys: list[int]) -> bool:
        return bool(ys) and (max(ys) < latest or c.mention.sentence in operated)

    for fieldname in _STAGE_VALUES:
        live = [c for c in by_field.get(fieldname, []) if c.used]
        years = [[int(y) for y in _YEAR.findall(c.mention.sentence)] for c in live]
        earlier = [c for c, ys in zip(live, years, strict=True) if before(c, ys)]
        current = {repr(c.value) for c, ys in zip(live, years, strict=True) if not before(c, ys)}
        if not earlier or len(current) != 1:
            continue
        for c in earlier:
            if repr(c.value) not in current:
                c.used, c.reason = False, "the earlier, operated cancer's value: the new primary's is staged"


def earlier_cancer_size(rules: Rules, facts: dict[str, Any], by_field: dict[str, list[Candidate]]) -> None:
    """round 18f: a new diagnosis whose note also tells of an earlier, treated cancer with its size, in a sentence read
    as the past ("New L breast ca, core = IDC, US size 42mm ... Hx R breast ca 2009, 15mm, WLE+RT"): the earlier
    cancer's size gives way to the current tumour's when the sizes given without a past reading agree (annotation
    guide 2, tumor.size_cm: never an earlier cancer's size). The past size's sentence names a cancer and its treatment
    (values.yaml ``size_link_words``: earlier_cancer, earlier_treatment) and gives no current size itself; a past size
    of the same, untreated cancer ("dx 2/2025, IDC 2.1 cm, awaiting surgery") or an earlier study of the same mass is
    left as it is (two measurements of one tumour stay a conflict)."""
    if facts.get("setting") != "new_diagnosis":
        return
    cancer, treated = link_words(rules, "earlier_cancer"), link_words(rules, "earlier_treatment")
    live = [c for c in by_field.get("tumor.size_cm", []) if c.used]
    past = [c for c in live if c.mention.effects & {"past", "historical"}]
    now = [c for c in live if c not in past]
    earlier = [
        c
        for c in past
        if any(p.search(c.mention.sentence.lower()) for p in cancer)
        and any(p.search(c.mention.sentence.lower()) for p in treated)
        and not any(n.mention.sentence == c.mention.sentence for n in now)
    ]
    current = {repr(c.value) for c in now}
    if not earlier or len(current) != 1:
        return
    for c in earlier:
        if repr(c.value) not in current:
            c.used, c.reason = False, "an earlier, treated cancer's size (told as the past): the new tumour's is staged"


# values.yaml: the size of another focus of the same cancer, told after or before its noun (thirteenth pass F10:
# "a second 5.5 cm mass")
OTHER_FOCUS = frozenset({"size.other_focus", "size.other_focus_before"})


def several_foci(sizes: list[Candidate]) -> list[dict[str, Any]]:
    """Several foci of one cancer ("ILC 1.2 cm + 2nd focus 0.6 cm"): AJCC 8 stages multiple tumours by the largest
    (values.yaml, size.other_focus), so the largest size stands and the others give way, with no conflict; shown as
    an assumption. A focus's size alone is not the tumour's (the main tumour's size is then not given), and foci
    never settle a disagreement between two sizes of the main tumour (that stays a conflict)."""
    live = [c for c in sizes if c.used]
    foci = [c for c in live if c.mention.rule in OTHER_FOCUS]
    if not foci:
        return []
    best = min(c.rank for c in live)  # a size that already gives way (measured before the operation) is not a focus
    main = [c for c in live if c.rank == best and c not in foci]
    if not main or len({c.value for c in main}) > 1:
        why = ("the size of another focus only: the main tumour's size is not given" if not main
               else "the size of another focus: the main tumour's sizes disagree")  # fmt: skip
        for c in foci:
            c.used, c.reason = False, why
        return []
    group = main + foci
    largest = max(c.value for c in group)
    for c in group:
        if c.value < largest:
            c.used, c.reason = False, "a smaller focus: several tumours are staged by the largest (AJCC 8)"
    return [{"field": "tumor.size_cm", "value": largest, "reason": "several foci of the cancer: the largest is staged "
             "(AJCC 8, multiple tumours); inferred, not stated: override if wrong",
             "evidence": [where(c.mention) for c in group]}]  # fmt: skip


def pathology_size_after_surgery(
    rules: Rules, facts: dict[str, Any], sizes: list[Candidate], mentions: list[Mention], categories: list[Candidate]
) -> tuple[str, ...]:
    """After breast surgery for this cancer the final pathology size is the current one (annotation guide 2): a
    size given in a sentence about imaging or the time before the operation ("pre-op US 2.9 cm", "2.0 cm on US")
    gives way when the note also gives a size without such words. A single size, of any kind, stays. round 29c: a
    pathological T category of the current tumour ("FINAL PATHOLOGY: ILC, 5.6 cm ... pT3 pN2a") says it was resected
    as well as the operation's name does, when a form's box hides that name."""
    resected = any(
        f.field == "pathology.t" and f.kind == "fact" and not m.effects & _NOT_NOW for m in mentions for f in m.findings
    )
    if not ("prior_surgery" in facts or resected) or facts.get("setting") in (*RECURRENCE, "surveillance"):
        return ()
    live = [c for c in sizes if c.used]
    if len(live) < 2:
        return ()
    words = parameter_words(rules, "size_before_surgery_words")
    final = parameter_words(
        rules, "size_after_surgery_words"
    )  # "2.8 cm (larger than imaging)": the pathology size itself
    studied = {m.sentence for m in mentions if m.family == "procedure"}
    before = [
        c
        for c in live
        if (
            c.mention.sentence in studied
            or any(p.search(c.mention.sentence.lower()) for p in words)
            or measured_on_a_study(rules, c)  # round 40v: "Hx: ... US 3.9 cm, core IDC" (v40 au-033)
        )
        and not any(p.search(c.mention.sentence.lower()) for p in final)
    ]
    if before and len(before) < len(live):
        for c in before:
            c.strength = "derived"
        # the clinical T written with the size measured before the operation ("1.7 cm on US (cT1c)") is that size's:
        # when the core refuses it with the pathology size, it gives way (contradictions)
        pre_op = {c.mention.sentence for c in before}
        if any(c.used and c.mention.sentence in pre_op for c in categories):
            return ("tumor.t",)
    return ()


_WORDS_CACHE: dict[tuple[int, str], tuple[re.Pattern[str], ...]] = {}


def parameter_words(rules: Rules, parameter: str) -> tuple[re.Pattern[str], ...]:
    found = _WORDS_CACHE.get((id(rules), parameter))
    if found is None:
        from rightscan.adapters.text.phrases import word_patterns

        found = _WORDS_CACHE[(id(rules), parameter)] = word_patterns(list(rules.parameters.get(parameter, ())))
    return found


def keep_the_said_value(live: list[Candidate], said: list[Candidate], reason: str) -> None:
    """When the candidates the note says it means (``said``) agree on one value, every other live candidate of the
    field is set aside with ``reason``; when they disagree, or none is said, nothing changes (the conflict stands)."""
    values = {repr(c.value) for c in said}
    if len(values) != 1:
        return
    for c in live:
        if repr(c.value) not in values:
            c.used, c.reason = False, reason
