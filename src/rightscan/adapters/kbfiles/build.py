"""Validated knowledge files -> the domain's ``Knowledge``: cross-references checked, indexes built.

Every broken reference (a procedure a variant rates but the catalogue lacks, a red-flag rule naming an
unknown finding, a guidance item on an unknown feature, ...) stops the build with ``KnowledgeError``
naming the file and the entry. The shapes of the files are ``kbfiles.schemas``.
"""

from __future__ import annotations

from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any, TypedDict

from rightscan.adapters import knowledge_words as words
from rightscan.adapters.kbfiles import KnowledgeError, read_validated
from rightscan.adapters.kbfiles.schemas import (
    AcrTopicFile,
    GuidanceFile,
    ManifestFile,
    OrderEquivalencesFile,
    OrderVocabularyFile,
    PamaFile,
    ProceduresFile,
    RedFlagsFile,
    StagingFile,
    StudyAttributesEntry,
)
from rightscan.domain.guidance import FEATURES, GuidanceIndex, check_conditions
from rightscan.domain.knowledge import (
    EarlyPathway,
    EquivalenceRule,
    FactWords,
    FaxMarks,
    GuidanceItem,
    Knowledge,
    LabThresholds,
    ListedSource,
    OrderVocabulary,
    Pama,
    Procedure,
    RadiationBand,
    Rating,
    RatingBand,
    RedFlagRule,
    StagingTables,
    StudyAttributes,
    TermMeaning,
    Variant,
)
from rightscan.domain.orders import normalise, tokenize


def _locoregional_due(guidance: GuidanceFile, procedures: dict[str, Any], name: str) -> tuple[tuple[str, ...], str]:
    due = guidance.locoregional_due
    if due is None:
        return (), ""
    unknown = [pid for pid in due.studies if pid not in procedures]
    if unknown:
        raise KnowledgeError(f"{name}: locoregional_due.studies: unknown procedure id(s) {unknown}")
    if due.source not in guidance.sources:
        raise KnowledgeError(f"{name}: locoregional_due.source: unknown source key {due.source!r}")
    return tuple(due.studies), due.reason


def build_knowledge(base: Traversable | Path) -> Knowledge:
    """Read, validate and cross-check the knowledge files of ``base`` (its ``manifest.yaml``)."""
    manifest: ManifestFile = read_validated(base / "manifest.yaml", ManifestFile)
    files = manifest.files
    topic: AcrTopicFile = read_validated(base / files["acr_topic"], AcrTopicFile)
    catalogue: ProceduresFile = read_validated(base / files["procedures"], ProceduresFile)
    staging: StagingFile = read_validated(base / files["staging"], StagingFile)
    flags: RedFlagsFile = read_validated(base / files["red_flags"], RedFlagsFile)
    guidance: GuidanceFile = read_validated(base / files["guidance"], GuidanceFile)
    if "pama" not in files:
        raise KnowledgeError("manifest.yaml: files.pama is missing")
    pama: PamaFile = read_validated(base / files["pama"], PamaFile)
    for needed in ("order_vocabulary", "order_equivalences"):
        if needed not in files:
            raise KnowledgeError(f"manifest.yaml: files.{needed} is missing")
    vocab_file: OrderVocabularyFile = read_validated(base / files["order_vocabulary"], OrderVocabularyFile)
    equivalences_file: OrderEquivalencesFile = read_validated(base / files["order_equivalences"], OrderEquivalencesFile)

    ep = topic.early_pathway
    if not set(ep.anatomic) <= set(staging.stage_classes["early"]):
        raise KnowledgeError(f"{files['acr_topic']}: early_pathway.anatomic must be early stage groups (I-IIA)")
    if not set(ep.disagreement_anatomic) <= set(staging.stage_classes["late"]):
        raise KnowledgeError(f"{files['acr_topic']}: early_pathway.disagreement_anatomic must be late stage groups")
    vocabulary = _build_vocabulary(vocab_file, files["order_vocabulary"])
    procedures, lookup, code_index = _build_procedures(catalogue, topic, files["procedures"], vocabulary)
    variants = _build_variants(topic, procedures, files["acr_topic"])
    tables = _build_staging(staging)
    red_flags = _build_red_flags(flags, procedures, files["red_flags"])
    guidance_parts = _build_guidance(guidance, procedures, files["guidance"])
    return Knowledge(
        version=f"{manifest.version}+{topic.version}+{staging.version}",
        topic_id=topic.id,
        topic_title=topic.title,
        topic_version=topic.version,
        topic_source=str(topic.source.get("document", topic.title)),
        procedures=procedures,
        lookup=lookup,
        variants=variants,
        staging=tables,
        **red_flags,
        **guidance_parts,
        background_msv_per_year=topic.background_msv_per_year,
        rating_scale=tuple(RatingBand(b.from_, b.to, b.category) for b in topic.rating_scale),
        rrl_scale=tuple(RadiationBand(b.symbol, b.level, b.adult_dose_msv) for b in topic.rrl_scale),
        sources=tuple(
            ListedSource(e.anchor, e.title, e.used_for, topic.url if e.url_of == "acr_topic" else None)
            for e in manifest.sources
        ),
        words=words.topic_words(topic.url, topic.citations, topic.wording, topic.purposes),
        early_pathway=EarlyPathway(
            t=frozenset(topic.early_pathway.t),
            n=frozenset(topic.early_pathway.n),
            m=frozenset(topic.early_pathway.m),
            anatomic=frozenset(topic.early_pathway.anatomic),
            disagreement_anatomic=frozenset(topic.early_pathway.disagreement_anatomic),
            after_surgery_late_t=frozenset(topic.early_pathway.after_surgery_late.t),
            after_surgery_late_n=frozenset(topic.early_pathway.after_surgery_late.n),
            source=topic.early_pathway.source,
        ),
        pama=Pama(
            version=pama.version,
            rating_system=pama.rating_system,
            extensions=dict(pama.extensions),
            auc_url=pama.auc_url,
            category_to_rating=dict(pama.category_to_rating),
            no_criteria=pama.no_criteria,
            override_reason_system=pama.override_reason_system,
            override_reasons=tuple((r["code"], r["display"]) for r in pama.override_reasons),
        ),
        vocabulary=vocabulary,
        code_index=code_index,
        equivalences=_build_equivalences(equivalences_file, procedures, variants, files["order_equivalences"]),
    )


def _build_vocabulary(v: OrderVocabularyFile, fname: str) -> OrderVocabulary:
    for rid, region in v.regions.items():
        for parent in region.part_of:
            if parent not in v.regions:
                raise KnowledgeError(f"{fname}: regions.{rid}: part_of names unknown region {parent!r}")
        for around in region.within if isinstance(region.within, list) else ():
            if around not in v.regions:
                raise KnowledgeError(f"{fname}: regions.{rid}: within names unknown region {around!r}")
    ancestors: dict[str, frozenset[str]] = {}
    for rid in v.regions:
        seen: set[str] = set()
        todo = list(v.regions[rid].part_of)
        while todo:
            parent = todo.pop()
            if parent == rid:
                raise KnowledgeError(f"{fname}: regions.{rid}: part_of is circular")
            if parent not in seen:
                seen.add(parent)
                todo.extend(v.regions[parent].part_of)
        ancestors[rid] = frozenset(seen)
    phrases: dict[tuple[str, ...], TermMeaning] = {}
    for n, term in enumerate(v.terms):
        for region in term.regions:
            if region not in v.regions:
                raise KnowledgeError(f"{fname}: terms.{n}: unknown region {region!r}")
        # same attribute names; lists become sets
        stated = term.model_dump(exclude={"forms"})
        if term.protocol is not None and not any(term.protocol in rule.all_of for rule in v.protocols):
            raise KnowledgeError(f"{fname}: terms.{n}: protocol {term.protocol!r} is named by no protocols rule")
        meaning = TermMeaning(**{k: frozenset(v) if isinstance(v, list) else v for k, v in stated.items()})
        for form in term.forms:
            tokens = tokenize(form)
            if not tokens:
                raise KnowledgeError(f"{fname}: terms.{n}: form {form!r} has no words")
            if phrases.get(tokens, meaning) != meaning:
                raise KnowledgeError(f"{fname}: terms.{n}: form {form!r} is given two meanings")
            phrases[tokens] = meaning
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for tokens in phrases:
        by_first.setdefault(tokens[0], []).append(tokens)
    words = frozenset(t for tokens in phrases for t in tokens)
    letter_names, sound_alikes = _dictation(v, phrases, words, fname)
    return OrderVocabulary(
        version=v.version,
        phrases=phrases,
        by_first={k: tuple(sorted(vs, key=len, reverse=True)) for k, vs in by_first.items()},
        words=words,
        fuzzy_targets=tuple(sorted(w for w in words if w.isalpha() and len(w) >= 3)),
        # a study noun whose plural the vocabulary reads as the same word ("scan" / "scans"): a multi-word form may
        # end in that plural ("bone scans"); a region's plural is left out (a form's region may differ from it)
        plural_same=frozenset(
            t[0]
            for t, m in phrases.items()
            if len(t) == 1 and len(t[0]) >= 3 and t[0].isalpha() and not m.regions and phrases.get((t[0] + "s",)) == m
        ),
        split_words=frozenset(t[0] for t, m in phrases.items() if len(t) == 1 and t[0].isalpha() and not m.noise),
        region_ancestors=ancestors,
        protocols=tuple((frozenset(rule.all_of), rule.contrast) for rule in v.protocols),
        site_within={
            rid: frozenset(v.regions) if r.within == "any" else frozenset(r.within)
            for rid, r in v.regions.items()
            if r.within
        },
        letter_names=letter_names,
        sound_alikes=sound_alikes,
        digit_names=_digit_names(v, letter_names, fname),
        abbreviations=_abbreviations(v, phrases, words, fname),
        answers={kind: frozenset(words) for kind, words in v.answers.items()},
        negators=frozenset(" ".join(tokenize(word)) for word in v.negators),
        other_catalogues=tuple(v.other_catalogues),
        places=tuple(v.places),
        units=tuple(v.units),
        changes=tuple(v.changes),
        replacing=tuple(v.replacing),
        fax_marks=FaxMarks(*(tuple(getattr(v.fax_marks, k)) for k in ("stamps", "pages", "banners", "numbers"))),
        view_regions=_view_regions(v, phrases, fname),
        staging_items=_staging_items(v, fname),
        hl7_order_controls=_order_controls(v, fname),
    )


def _order_controls(v: OrderVocabularyFile, fname: str) -> dict[str, str]:
    """Round 56o: each HL7 order control code under one status only."""
    out: dict[str, str] = {}
    for status, codes in v.hl7_order_controls.items():
        for code in codes:
            if out.setdefault(code, status) != status:
                raise KnowledgeError(f"{fname}: hl7_order_controls.{status}: {code!r} is also {out[code]!r}")
    return out


def _staging_items(
    v: OrderVocabularyFile, fname: str
) -> tuple[tuple[tuple[tuple[str, ...], ...], frozenset[str], str, str], ...]:
    """Round 54o: each staging item's words as tokens, its regions the vocabulary's."""
    out = []
    for n, entry in enumerate(v.staging_items):
        for region in entry.regions:
            if region not in v.regions:
                raise KnowledgeError(f"{fname}: staging_items.{n}: unknown region {region!r}")
        if entry.source not in v.sources:
            raise KnowledgeError(f"{fname}: staging_items.{n}: unknown source {entry.source!r}")
        words = tuple(tokenize(w) for w in entry.words)
        out.append((words, frozenset(entry.regions), entry.modality, entry.assumed))
    return tuple(out)


def _view_regions(
    v: OrderVocabularyFile, phrases: dict[tuple[str, ...], TermMeaning], fname: str
) -> tuple[tuple[str, frozenset[str], frozenset[str]], ...]:
    """Round 33o: each view is a vocabulary form read as a view, and its regions are the vocabulary's."""
    out = []
    for n, entry in enumerate(v.view_regions):
        meaning = phrases.get((entry.view,))
        if meaning is None or not meaning.technique:
            raise KnowledgeError(f"{fname}: view_regions.{n}: {entry.view!r} is no view form of the vocabulary")
        for region in entry.regions:
            if region not in v.regions:
                raise KnowledgeError(f"{fname}: view_regions.{n}: unknown region {region!r}")
        out.append((entry.view, frozenset(entry.modality), frozenset(entry.regions)))
    return tuple(out)


def _dictation(
    v: OrderVocabularyFile, phrases: dict[tuple[str, ...], TermMeaning], words: frozenset[str], fname: str
) -> tuple[dict[str, str], dict[tuple[str, ...], tuple[str, ...]]]:
    """The dictation tables, checked: a spoken letter name states nothing in the vocabulary (at most a filler
    word such as the Portuguese "em"), and a sound-alike is no vocabulary form and stands for words the
    vocabulary reads."""
    letter_names: dict[str, str] = {}
    filler = TermMeaning(noise=True)
    for letter, names in v.letter_names.items():
        for name in names:
            stated = phrases.get((name,), filler) != filler
            if stated or letter_names.setdefault(name, letter) != letter:
                raise KnowledgeError(f"{fname}: letter_names.{letter}: {name!r} is a word or another's")
    sound_alikes: dict[tuple[str, ...], tuple[str, ...]] = {}
    for heard, meant in v.sound_alikes.items():
        said, read = tokenize(heard), tokenize(meant)
        if not said or said in phrases or not read or not set(read) <= words:
            raise KnowledgeError(f"{fname}: sound_alikes.{heard}: must be no vocabulary form, for vocabulary words")
        sound_alikes[said] = read
    return letter_names, sound_alikes


def _digit_names(v: OrderVocabularyFile, letter_names: dict[str, str], fname: str) -> dict[str, str]:
    """Round 42r: the spoken names of the digits, checked: one digit each, and no letter's name."""
    digits: dict[str, str] = {}
    for digit, names in v.digit_names.items():
        for name in names:
            if name in letter_names or digits.setdefault(name, digit) != digit:
                raise KnowledgeError(f"{fname}: digit_names.{digit}: {name!r} is a letter's or another digit's")
    return digits


def _abbreviations(
    v: OrderVocabularyFile, phrases: dict[tuple[str, ...], TermMeaning], words: frozenset[str], fname: str
) -> dict[tuple[str, ...], tuple[str, ...]]:
    """Round 37o: the shortened words of fixed-width systems, checked: an abbreviation is no vocabulary form, it
    stands for vocabulary words as many as its own, and each of its words is the word it stands for or that word
    shortened - the same first letter, then some of the word's letters in their order ("spn": spine, "proto":
    protocol), never a letter the word has not."""
    out: dict[tuple[str, ...], tuple[str, ...]] = {}
    for short, meant in v.abbreviations.items():
        said, read = tokenize(short), tokenize(meant)
        fits = bool(said) and len(said) == len(read) and said not in phrases and set(read) <= words
        if not (fits and all(_shortens(a, b) for a, b in zip(said, read, strict=True)) and said != read):
            raise KnowledgeError(
                f"{fname}: abbreviations.{short}: must be no vocabulary form, shortening vocabulary words"
            )
        out[said] = read
    return out


def _shortens(short: str, word: str) -> bool:
    """Whether ``short`` is ``word`` or ``word`` cut short or without some letters: same first letter, in order."""
    if short == word:
        return True
    if len(short) < 2 or len(short) >= len(word) or short[0] != word[0]:
        return False
    rest = iter(word[1:])
    return all(letter in rest for letter in short[1:])


def _study_attributes(a: StudyAttributesEntry, vocab: OrderVocabulary, where: str) -> StudyAttributes:
    for region in (*a.regions, *(a.parts if isinstance(a.parts, list) else [])):
        if region not in vocab.region_ancestors:
            raise KnowledgeError(f"{where}: unknown region {region!r}")

    def opt(values: list[str] | None) -> frozenset[str] | None:
        return None if values is None else frozenset(values)

    return StudyAttributes(
        modality=frozenset(a.modality),
        primary_modality=a.modality[0],
        regions=frozenset(a.regions),
        parts=a.parts if isinstance(a.parts, bool) else frozenset(a.parts),
        contrast=opt(a.contrast),  # type: ignore[arg-type]
        intent=opt(a.intent),  # type: ignore[arg-type]
        extent=opt(a.extent),  # type: ignore[arg-type]
        pharmaceutical=opt(a.pharmaceutical),
        requires=frozenset(a.technique.requires),
        allows=frozenset(a.technique.allows),
        assume=dict(a.assume),
        patient_assume=dict(a.patient_assume),
    )


def _build_equivalences(
    e: OrderEquivalencesFile, procedures: dict[str, Procedure], variants: tuple[Variant[Rating], ...], fname: str
) -> dict[str, EquivalenceRule]:
    rated = {r.procedure_id for v in variants for r in v.ratings}
    out: dict[str, EquivalenceRule] = {}
    for rule in e.rules:
        for pid in (*rule.studies, rule.equivalent):
            if pid not in procedures:
                raise KnowledgeError(f"{fname}: rule {rule.id}: unknown procedure id {pid!r}")
        if rule.equivalent not in rated:
            raise KnowledgeError(f"{fname}: rule {rule.id}: {rule.equivalent} is not rated by any variant")
        built = EquivalenceRule(rule.id, tuple(rule.studies), rule.equivalent, rule.kind, rule.reasoning, rule.source)
        for pid in rule.studies:
            if pid in out:
                raise KnowledgeError(f"{fname}: {pid} has two equivalence rules")
            out[pid] = built
    return out


def _build_procedures(
    catalogue: ProceduresFile, topic: AcrTopicFile, fname: str, vocabulary: OrderVocabulary
) -> tuple[dict[str, Procedure], dict[str, str], dict[frozenset[str], str]]:
    # radiation level of a topic procedure is the same in every variant: take it from the ratings
    radiation: dict[str, tuple[str, str]] = {}
    for variant in topic.variants:
        for r in variant.procedures:
            seen = radiation.setdefault(r.procedure.lower(), (r.rrl, r.adult_dose_msv))
            if seen != (r.rrl, r.adult_dose_msv):
                raise KnowledgeError(f"{fname}: {r.procedure}: radiation level differs between variants")
    procedures: dict[str, Procedure] = {}
    lookup: dict[str, str] = {}
    code_index: dict[frozenset[str], str] = {}
    for p in catalogue.procedures:
        if p.id in procedures:
            raise KnowledgeError(f"{fname}: duplicate procedure id {p.id}")
        rrl, dose = radiation.get(p.name.lower(), (p.rrl, p.adult_dose_msv))
        if p.in_topic and p.name.lower() not in radiation:
            raise KnowledgeError(f"{fname}: {p.id}: marked in_topic but no variant rates {p.name!r}")
        codes = [c.code for c in p.cpt] + [c.code for c in p.hcpcs] + [c.code for c in p.loinc]
        for code in codes:
            key = frozenset(code.split("+"))
            if code_index.get(key, p.id) != p.id:
                raise KnowledgeError(f"{fname}: code {code} names both {code_index[key]} and {p.id}")
            code_index[key] = p.id
        procedures[p.id] = Procedure(
            id=p.id,
            name=p.name,
            purpose=p.purpose,
            in_topic=p.in_topic,
            synonyms=tuple(p.synonyms),
            cpt=tuple(c.code for c in p.cpt),
            unverified_cpt=tuple(c.code for c in p.cpt if not c.verified),
            rrl=rrl,
            adult_dose_msv=dose,
            suggest_cpt=p.suggest_cpt,
            loinc=tuple(c.code for c in p.loinc),
            hcpcs=tuple(c.code for c in p.hcpcs),
            rrl_source=p.rrl_source,
            attributes=_study_attributes(p.attributes, vocabulary, f"{fname}: {p.id}.attributes"),
            patient_name=p.patient.name if p.patient else None,
            patient_what=p.patient.what if p.patient else "",
        )
        for text in (p.name, *p.synonyms, *codes):
            key = normalise(text)
            if lookup.get(key, p.id) != p.id:
                raise KnowledgeError(f"{fname}: {text!r} names both {lookup[key]} and {p.id}")
            lookup[key] = p.id
    return procedures, lookup, code_index


OUTPUT_RATING_COLUMNS = {"category", "median_rating", "soe", "rrl", "adult_dose_msv"}  # of a rating, in the output


def _build_variants(topic: AcrTopicFile, procedures: dict[str, Procedure], fname: str) -> tuple[Variant[Rating], ...]:
    by_name = {p.name.lower(): p.id for p in procedures.values()}
    levels = {band.symbol: band.level for band in topic.rrl_scale}
    band_of = {n: band for band in topic.rating_scale for n in range(band.from_, band.to + 1)}
    variants = []
    for v in topic.variants:
        ratings = []
        for r in v.procedures:
            band = band_of[r.median_rating]
            if r.category != band.category and not r.category.startswith(f"{band.category} ("):
                raise KnowledgeError(
                    f"{fname}: variant {v.number}: {r.procedure}: category {r.category!r} does not match median "
                    f"rating {r.median_rating} (rating_scale: {band.from_}-{band.to} is {band.category})"
                )
            pid = by_name.get(r.procedure.lower())
            if pid is None:
                raise KnowledgeError(f"{fname}: variant {v.number}: {r.procedure!r} is not in the procedure catalogue")
            name = procedures[pid].name
            # the output entry: the ACR columns in the file's order, under the catalogue's spelling
            as_dict = {"procedure": name, **r.model_dump(include=OUTPUT_RATING_COLUMNS)}
            fields = r.model_dump(exclude={"procedure"})
            ratings.append(Rating(procedure_id=pid, procedure=name, rrl_level=levels[r.rrl], as_dict=as_dict, **fields))
        if len({r.procedure_id for r in ratings}) != len(ratings):
            raise KnowledgeError(f"{fname}: variant {v.number}: a procedure is rated twice")
        problem = check_conditions(v.applies_when)
        if problem:
            raise KnowledgeError(f"{fname}: variant {v.number}: applies_when: {problem}")
        rated = [(r, r.as_dict) for r in ratings]
        variants.append(Variant.of(v.number, v.title, v.purpose, v.applies_when, topic.title, rated))
    return tuple(variants)


def _build_staging(s: StagingFile) -> StagingTables:
    def cells(rows: list[Any]) -> dict[tuple[str, str], Any]:
        out: dict[tuple[str, str], Any] = {}
        for row in rows:
            value = getattr(row, "stage", None) or getattr(row, "group", None) or getattr(row, "reason", None)
            for t in row.t:
                for n in row.n:
                    if (t, n) in out:
                        raise KnowledgeError(f"ajcc: {t} {n} appears in two rows of one table")
                    out[(t, n)] = value
        return out

    columns = [(h, e, p) for h in (True, False) for e in (True, False) for p in (True, False)]
    prognostic: dict[tuple[str, str, int, bool, bool, bool], str] = {}
    for table, groups in s.prognostic.items():
        for group, grades in groups.items():
            for grade_label, stages in grades.items():
                for (h, e, p), stage in zip(columns, stages, strict=True):
                    prognostic[(table, group, int(grade_label[1]), h, e, p)] = stage
    anatomic, groups = cells(s.anatomic), cells(s.prognostic_groups)
    if set(anatomic) - {("Tis", "N0")} != set(groups):  # Tis N0 is stage 0 in every table
        raise KnowledgeError("ajcc: the anatomic table and the prognostic row groups must cover the same T/N cells")
    return StagingTables(
        **s.model_dump(include={"version", "edition", "t_family", "n_family", "n_in_words", "pn_aliases"}),
        **{f"{axis}_categories": tuple(getattr(s, f"{axis}_categories")) for axis in "tnm"},
        citations=words.staging_citations(s.citations),
        size_to_t=tuple((b.t, b.up_to_mm) for b in s.size_to_t),
        size_min_cm_exclusive=s.size_limits_cm["greater_than"],
        size_max_cm=s.size_limits_cm["at_most"],
        anatomic=anatomic,
        not_stageable=cells(s.not_stageable),
        prognostic_group=groups,
        prognostic=prognostic,
        early=frozenset(s.stage_classes["early"]),
        late=frozenset(s.stage_classes["late"]),
    )


LAB_FINDINGS = ("alp_raised", "liver_tests_abnormal")


class _RedFlagKnowledge(TypedDict):
    """What the red flags file gives the knowledge (``Knowledge``'s fields of the same names)."""

    symptoms: dict[str, str]
    lab_names: dict[str, str]
    tumor_marker_names: dict[str, str]
    thresholds: LabThresholds
    red_flag_rules: tuple[RedFlagRule, ...]
    red_flag_rating_context: str


def _build_red_flags(f: RedFlagsFile, procedures: dict[str, Procedure], fname: str) -> _RedFlagKnowledge:
    known = set(f.symptoms) | set(LAB_FINDINGS)
    rules = []
    for r in f.rules:
        for code in [*r.all, *r.unless]:
            if code not in known:
                raise KnowledgeError(f"{fname}: rule {r.id}: unknown finding code {code!r}")
        for pid in r.suggested:
            if pid not in procedures:
                raise KnowledgeError(f"{fname}: rule {r.id}: unknown procedure id {pid!r}")
        if r.source not in f.sources:
            raise KnowledgeError(f"{fname}: rule {r.id}: unknown source {r.source!r}")
        rules.append(
            RedFlagRule(
                id=r.id,
                finding=r.finding,
                all=frozenset(r.all),
                unless=frozenset(r.unless),
                site=r.site,
                urgent=r.urgent,
                suggested=tuple(r.suggested),
                why=r.why,
                source=f.sources[r.source],
                as_dict={
                    "finding": r.finding,
                    "rule": r.id,
                    "site": r.site,
                    "urgent": r.urgent,
                    "suggested": [procedures[pid].name for pid in r.suggested],
                    "suggested_ids": list(r.suggested),
                    "why": r.why,
                    "source": f.sources[r.source],
                },
            )
        )
    for lab in ("alkaline_phosphatase", "ast", "alt", "bilirubin"):
        if lab not in f.labs:
            raise KnowledgeError(f"{fname}: labs must define {lab}")
    return _RedFlagKnowledge(
        symptoms=dict(f.symptoms),
        lab_names=dict(f.labs),
        tumor_marker_names=dict(f.tumor_markers),
        thresholds=LabThresholds(**f.lab_thresholds),
        red_flag_rules=tuple(rules),
        red_flag_rating_context=f.rating_context,
    )


class _GuidanceKnowledge(TypedDict):
    """What the guidance file gives the knowledge (``Knowledge``'s fields of the same names)."""

    guidance: tuple[GuidanceItem, ...]
    guidance_index: GuidanceIndex
    fact_words: dict[str, FactWords]
    locoregional_due: tuple[tuple[str, ...], str]


def _build_guidance(g: GuidanceFile, procedures: dict[str, Procedure], fname: str) -> _GuidanceKnowledge:
    items = []
    seen: set[str] = set()
    for item in g.items:
        if item.id in seen:
            raise KnowledgeError(f"{fname}: duplicate item id {item.id}")
        seen.add(item.id)
        conditions = []
        for part, block in (("when", item.when), ("unless", item.unless)):
            built = []
            for feature, values in block.items():
                allowed = FEATURES.get(feature)
                if allowed is None:
                    raise KnowledgeError(f"{fname}: {item.id}.{part}: unknown feature {feature!r}")
                allowed_values = set(procedures) if allowed == "procedure_id" else set(allowed)
                bad = [v for v in values if v not in allowed_values]
                if bad:
                    raise KnowledgeError(f"{fname}: {item.id}.{part}.{feature}: unknown value(s) {bad}")
                built.append((feature, frozenset(values)))
            conditions.append(tuple(built))
        missing = [s for s in item.source if s not in g.sources]
        if missing:
            raise KnowledgeError(f"{fname}: {item.id}: unknown source(s) {missing}")
        items.append(
            GuidanceItem(
                id=item.id,
                kind=item.kind,
                when=conditions[0],
                unless=conditions[1],
                as_dict={"id": item.id, "text": item.text, "source": [g.sources[s] for s in item.source]},
            )
        )
    found = tuple(items)
    return _GuidanceKnowledge(
        guidance=found,
        guidance_index=GuidanceIndex(found),
        fact_words={k: FactWords(v.label, v.matters, v.obtained_from) for k, v in g.facts.items()},
        locoregional_due=_locoregional_due(g, procedures, fname),
    )
