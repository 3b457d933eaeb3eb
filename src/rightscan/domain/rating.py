"""Order rating: how the applicable variants rate the proposed study, what to order instead, and the
studies the red flags call for. Pure; everything but the order's own text is a function of the
scenario and is memoised on the knowledge object."""

from __future__ import annotations

from dataclasses import dataclass

from rightscan.domain import orders
from rightscan.domain.answer import (
    Alternative,
    Equivalence,
    OrderAssessment,
    OrderRating,
    Step,
    TargetedRating,
    TargetedStudy,
    VariantRating,
    single_rating,
    variant_rating,
)
from rightscan.domain.knowledge import EquivalenceRule, Knowledge, Procedure, Rating, RedFlagRule, Variant
from rightscan.domain.model import CATEGORY_UA, CATEGORY_UNA, NOT_APPLICABLE, UNDETERMINED
from rightscan.domain.variants import VariantSelection


# ---------------------------------------------------------------------------------- red flags
def targeted_imaging(
    kb: Knowledge, flags: tuple[RedFlagRule, ...], selection: VariantSelection
) -> tuple[tuple[TargetedStudy, ...], tuple[Step, ...]]:
    """The study each red flag calls for, with how the applicable variants rate it and, when a variant
    rates it below Usually Appropriate, why that rating does not answer the symptomatic question; and
    the explanation steps. Memoised per (red-flag rules, variant selection): shared, read-only."""

    def build() -> tuple[tuple[TargetedStudy, ...], tuple[Step, ...]]:
        steps: list[Step] = []
        chosen = selection.all()
        out: list[TargetedStudy] = []
        for f in flags:
            finding = f.finding.replace("_", " ")
            for pid in f.suggested:
                proc = kb.procedures[pid]
                ratings = []
                notes = []
                for v in chosen:
                    r = v.by_procedure.get(pid)
                    if r is None:
                        continue
                    context = None
                    if r.category != CATEGORY_UA:
                        context = kb.red_flag_rating_context.format(
                            variant=v.number,
                            procedure=proc.name,
                            category=r.category,
                            median=r.median_rating,
                            finding=finding,
                        )
                        notes.append(context)
                    ratings.append(TargetedRating(v.number, r.category, r.median_rating, context))
                entry = TargetedStudy(
                    finding=f.finding,
                    rule=f.id,
                    procedure=proc.name,
                    procedure_id=pid,
                    urgent=f.urgent,
                    acr_ratings=tuple(ratings),
                    rating_context="; ".join(notes) or None,
                )
                out.append(entry)
                if entry.rating_context:
                    steps.append(Step.of(entry.rating_context, f"ACR {kb.topic_version}; {f.source}"))
        return tuple(out), tuple(steps)

    key = ("targeted", tuple([f.id for f in flags]), selection.key)
    result: tuple[tuple[TargetedStudy, ...], tuple[Step, ...]] = kb.remember(key, build)
    return result


def _red_flag_context(rating: OrderRating, targeted: tuple[TargetedStudy, ...]) -> str | None:
    """A study RightScan suggests for a red flag never carries a bare low rating: the context why."""
    rated = {r.variant for r in rating.ratings}
    contexts: list[str] = []
    for x in targeted:
        if x.procedure_id != rating.procedure_id:
            continue
        for r in x.acr_ratings:
            if r.context and r.variant in rated and r.context not in contexts:
                contexts.append(r.context)
    return "; ".join(contexts) or None


# ---------------------------------------------------------------------------------- the order
@dataclass(frozen=True, slots=True)
class OrderScenario:
    """What an order is rated against: the study, its purpose as given, and the decided scenario."""

    proc: Procedure
    purpose_given: str | None
    setting: str | None
    selection: VariantSelection
    flags: tuple[RedFlagRule, ...]
    verdict: str

    @property
    def purpose(self) -> str:
        """The question the study answers: as given with the order, else the procedure's own."""
        return self.purpose_given or self.proc.purpose

    @property
    def variants(self) -> tuple[Variant[Rating], ...]:
        """The applicable variants that ask the study's question."""
        return self.selection.of(self.purpose)

    @property
    def key(self) -> tuple[object, ...]:
        """The memo key: everything the rating depends on (the flags by rule id)."""
        flag_ids = tuple([f.id for f in self.flags])
        return ("order", self.proc.id, self.purpose_given, self.setting, self.verdict, self.selection.key, flag_ids)


def assess_order(
    kb: Knowledge, requested: str, scenario: OrderScenario, targeted: tuple[TargetedStudy, ...]
) -> tuple[OrderAssessment, Step]:
    """Rate the order and read its text; the explanation step for it."""
    rating, note, context = rated_order(kb, scenario, targeted)
    return read_order(kb, requested, rating, note, context)


def rated_order(
    kb: Knowledge, scenario: OrderScenario, targeted: tuple[TargetedStudy, ...]
) -> tuple[OrderRating, str | None, str | None]:
    """The study's rating in the scenario, its note, and the red-flag context (no order text)."""
    rating: OrderRating = kb.remember(scenario.key, lambda: rate_order(kb, scenario))
    note, context = rating.note, None
    if targeted:
        context = _red_flag_context(rating, targeted)
        if context:
            note = "; ".join(x for x in (note, context) if x)
    return rating, note, context


def read_order(
    kb: Knowledge, requested: str, rating: OrderRating, note: str | None, context: str | None
) -> tuple[OrderAssessment, Step]:
    """The order's text read, with its rating (from ``rated_order``); the explanation step for it."""
    reading = orders.for_patient(kb, requested)
    read = ""
    if reading.corrections:
        read += "; read " + ", ".join(f"'{typed}' as '{word}'" for typed, word in reading.corrections)
    if reading.assumed:
        read += "; not stated, taken as routine: " + "; ".join(reading.assumed)
    if reading.indication:  # the order's reason is not a fact of the input: a symptom it names must be one
        read += "; the words after the study were read as its indication, not as facts: state any symptom they name"
    step = Step.of(f"Order '{requested}' -> {rating.step.text}{read}", rating.step.source)
    return OrderAssessment(requested, rating, reading, note, context), step


def rate_order(kb: Knowledge, scenario: OrderScenario) -> OrderRating:
    """The rating of one study in one scenario (no order text): shared between decisions."""
    proc, purpose_given, setting = scenario.proc, scenario.purpose_given, scenario.setting
    flags, verdict = scenario.flags, scenario.verdict
    purpose, variants = scenario.purpose, scenario.variants
    ratings: list[VariantRating] = []
    indicated_by = tuple([f.finding for f in flags if proc.id in f.suggested])
    # a study RightScan suggests for a red flag answers the symptom, not the variant's staging question:
    # no equivalence is drawn for it
    rule = None if indicated_by else kb.equivalences.get(proc.id)
    for v in variants:
        r = v.by_procedure.get(proc.id)
        equivalent = v.by_procedure.get(rule.equivalent) if rule else None
        if r is None and rule and equivalent:
            ratings.append(_equivalence_rating(v.number, rule, equivalent))
        else:
            ratings.append(variant_rating(v.number, r))
    single = ratings[0] if len(ratings) == 1 else None
    equivalence = single.equivalence if single else None
    if equivalence:
        assert single is not None
        alternatives = _equivalence_alternatives(kb, scenario, equivalence, single)
    else:
        alternatives = _alternatives(kb, scenario, proc, single, indicated_by)
    notes = []
    if not variants:
        if verdict == UNDETERMINED or setting is None:
            notes.append("no ACR variant can be chosen until the missing facts are known")
        elif verdict == NOT_APPLICABLE and setting == "new_diagnosis":
            notes.append("no ACR variant of this topic applies (see considerations)")
        elif not (flags and purpose == kb.topic.purposes.red_flags):
            notes.append(f"no ACR variant of this topic applies to a {purpose} study in this situation")
    elif single and single.category is None:
        notes.append(single.note or "")
    elif not single:
        notes.append("rated under each applicable variant: the stage groups disagree, decide at tumour board")
    if flags and purpose == kb.topic.purposes.red_flags:
        notes.append(
            f"indicated as targeted imaging for red flag(s): {', '.join(indicated_by)}"
            if indicated_by
            else "does not target the red flag(s); see the suggested studies"
        )
    note = "; ".join(notes) or None
    step = proc.name
    if proc.cpt:
        step += f" (CPT {', '.join(proc.cpt)})"
    step += f"; purpose {purpose} ({'given' if purpose_given else 'from the procedure'})"
    if single and single.category:
        step += (
            f"; ACR variant {single.variant} rates it {single.category} "
            f"(median {single.median_rating}/9, evidence {single.soe})"
        )
    elif note:
        step += f"; {note}"
    if proc.rrl:
        step += f"; radiation {proc.rrl} ({proc.adult_dose_msv} mSv)"
    source = f"ACR {kb.topic_version}" + (f", variant {single.variant}" if single and single.variant else "")
    if equivalence:
        source += f"; RightScan equivalence {equivalence.rule}: {equivalence.source}"
    return OrderRating(
        procedure=proc.name,
        procedure_id=proc.id,
        cpt=proc.cpt,
        purpose=purpose,
        purpose_source="order" if purpose_given else "procedure",
        **single_rating(single),
        rrl=proc.rrl,
        adult_dose_msv=proc.adult_dose_msv,
        ratings=tuple(ratings),
        indicated_by_red_flags=indicated_by,
        alternatives=tuple(alternatives),
        equivalence=equivalence,
        note=note,
        step=Step.of(step, source),
    )


_EQUIVALENCE_LABEL = "RightScan equivalence, not an ACR rating"
_EQUIVALENCE_LINK = {
    "part_of": "part of",
    "same_study": "the same examination as",
    "meant": "the wrong study here; what is meant is",
}


def _equivalence_rating(variant: int, rule: EquivalenceRule, eq: Rating) -> VariantRating:
    """A study the variant does not list, read through an equivalence rule (never shown as ACR's own)."""
    note = (
        f"not rated by ACR for variant {variant}; {_EQUIVALENCE_LABEL}: {_EQUIVALENCE_LINK[rule.kind]} "
        f"{eq.procedure}, which variant {variant} rates {eq.category} ({eq.median_rating}/9)"
    )
    equivalence = Equivalence.through(_EQUIVALENCE_LABEL, rule, variant, eq)
    return VariantRating(variant, None, None, None, note=note, equivalence=equivalence)


def _equivalence_alternatives(
    kb: Knowledge, scenario: OrderScenario, equivalence: Equivalence, single: VariantRating
) -> list[Alternative]:
    """Alternatives for the equivalent study; for a wrong study, the study meant comes first."""
    target = kb.procedures[equivalence.procedure_id]
    as_rated = VariantRating(single.variant, equivalence.category, equivalence.median_rating, single.soe)
    found = _alternatives(kb, scenario, target, as_rated, ())
    if equivalence.kind == "meant":
        meant = _catalogue_alternative(target, "the study meant for this situation", equivalence)
        found = [meant, *(a for a in found if a.procedure_id != target.id)]
    return found


def _catalogue_alternative(
    p: Procedure, reason: str, rated: Equivalence | None = None, *, for_red_flag: bool = False
) -> Alternative:
    """A catalogue study as an alternative, with the rating an equivalence gives it (else none shown)."""
    return Alternative(
        procedure=p.name,
        procedure_id=p.id,
        category=rated.category if rated else None,
        variant=rated.variant if rated else None,
        median_rating=rated.median_rating if rated else None,
        rrl=p.rrl,
        adult_dose_msv=p.adult_dose_msv,
        reason=reason,
        for_red_flag=for_red_flag,
    )


def _alternatives(
    kb: Knowledge, scenario: OrderScenario, proc: Procedure, single: VariantRating | None, indicated_by: tuple[str, ...]
) -> list[Alternative]:
    """Studies to order instead of ``proc`` (the ordered study, or the one an equivalence reads it as), for
    the scenario's question."""
    purpose, variants, selection, flags = scenario.purpose, scenario.variants, scenario.selection, scenario.flags
    if flags and purpose == kb.topic.purposes.red_flags and not indicated_by:
        seen: list[Alternative] = []
        for f in flags:
            for pid in f.suggested:
                if pid != proc.id and all(a.procedure_id != pid for a in seen):
                    why = f"targeted study for {f.finding}"
                    seen.append(_catalogue_alternative(kb.procedures[pid], why, for_red_flag=True))
        return seen
    if indicated_by or single is None or single.category == CATEGORY_UA:
        return []
    variant = next(v for v in variants if v.number == single.variant)
    first = kb.topic.purposes
    pool = [(variant, "usually appropriate for the same question")]
    if purpose != first.due_first:
        pool += [(v, first.due_first_reason) for v in selection.of(first.due_first)]
    due_ids, due_reason = kb.locoregional_due
    for v, reason in pool:
        better = sorted(
            (r for r in v.ratings if r.category == CATEGORY_UA and r.procedure_id != proc.id),
            key=lambda r: (-r.median_rating, r.rrl_level),
        )
        if better:
            chosen = [(r, reason) for r in better]
            if v.purpose == first.due_first and purpose != first.due_first:
                # studies the locoregional consideration names as due (axillary US), with their own rating
                chosen += [
                    (r, due_reason)
                    for pid in due_ids
                    for r in v.ratings
                    if r.procedure_id == pid
                    and r.procedure_id != proc.id
                    and r.category != CATEGORY_UNA
                    and all(c.procedure_id != pid for c, _ in chosen)
                ]
            return [Alternative.rated(r, v.number, why) for r, why in chosen]
    return []
