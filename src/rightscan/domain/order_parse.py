"""What an order's text states, as the segment reader of ``order_text`` fills it in: modality, regions, contrast
marks and the doubts about them, side, intent, technique, extent, tracer, status, and what later segments say.

Split from order_text.py (round 20o), which was at the 600-line limit; pure.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class _Parse:
    modality: set[str] = field(default_factory=set)
    ruled_out: set[str] = field(default_factory=set)  # round 54p: modalities named as ruled out ("MRI contraindicated")
    implied_modality: set[str] = field(default_factory=set)  # inferred from views, not named ("AP pelvis": XR)
    hybrid: set[str] = field(default_factory=set)  # modalities named together as one study ("PET/MR")
    regions: set[str] = field(default_factory=set)
    contrast_marks: set[str] = field(default_factory=set)
    contrast_word: bool = False
    laterality: set[str] = field(default_factory=set)
    intent: set[str] = field(default_factory=set)
    technique: set[str] = field(default_factory=set)
    negated_technique: set[str] = field(default_factory=set)  # "no tomo": a technique said not to be done (round 31o)
    tracer_steps: set[str] = field(default_factory=set)  # techniques of "injection": the study's own in NM or PET
    extent: set[str] = field(default_factory=set)
    pharmaceutical: set[str] = field(default_factory=set)
    status: list[str] = field(default_factory=list)
    unread: list[str] = field(default_factory=list)
    corrections: list[tuple[str, str]] = field(default_factory=list)
    # contrast marks with the number of region words read before each: "CT chest w/ and abd/pelvis w/o"
    # gives contrast per region, which no catalogue study is
    contrast_at: list[tuple[str, int]] = field(default_factory=list)
    regions_seen: int = 0
    projection: bool = False  # a projection or view count outside the reason clause ("AP", "2 views")
    views: list[str] = field(default_factory=list)  # round 33o: the projection words of the study's own words
    mammographic_view: bool = False  # a view of a mammogram outside the reason clause ("CC/MLO", "spot compression")
    indication_word: bool = False  # a clinical word (pain, mass, nodule ...) was read
    contrast_question: bool = False  # whether contrast may be given is in question: do not assume it
    contrast_doubt: bool = False  # ... by a word that is not itself a protocol word (eGFR, an allergy)
    contrast_unclear: bool = False  # "w an wo": "w" then one filler word then a contrast statement
    optional_part: bool = False  # a part of the study named as optional ("tomo if needed"): which study is unclear
    optional_contrast: bool = False  # "contrast if needed": a contrast stated elsewhere is then unclear
    bare_contrast: bool = False  # a contrast noun on its own ("CT chest contrast"), the object of no timing word
    either_contrast: bool = False  # two timings offered as alternatives ("w/wo or w/o per radiologist")
    refused_contrast: bool = False  # the patient declines a contrast agent ("pt declines gadolinium")
    contrast_named: bool = False  # round 53o: a contrast noun or agent named anywhere, an indication's too
    enteric: bool = False  # an oral or rectal contrast is named ("oral only", "PO dye"), round 31
    iv_route: bool = False  # an IV route is named ("IV", "intravenous", "oral and IV")
    plus_minus: bool = False  # a "+/-" was read as the contrast timing ("MRI brain +/- gad")
    contrast_open: bool = (
        False  # the contrast is left to the radiologist ("per radiologist", "contrast TBD"; round 27o)
    )
    protocols: set[str] = field(default_factory=set)
    yearly: bool = False  # round 42r: "yearly", "every year": screening, where nothing else says what it is for
    purpose: bool = False  # round 42r: a reason, a clinical or a history word read: the yearly study is no screening
    cancers: set[str] = field(default_factory=set)  # round 36o: the cancers named as what the study is for
    staged: tuple[str, ...] = ()  # round 54o: why a staging item's region names its study (order_context.staging_item)
    by_protocol: tuple[str, ...] = ()  # protocol words that gave the contrast timing (shown as an assumption)
    # what segments after the study part state (the matcher checks them against the study part)
    later_contrast: set[str] = field(default_factory=set)  # contrast stated after the study part
    study_contrast: str | None = None  # contrast the study part itself states
    indication_regions: set[str] = field(default_factory=set)  # sites named in the indication
    indication_laterality: set[str] = field(default_factory=set)
    indication: list[str] = field(default_factory=list)  # the indication's text (never logged)
    study_text: str = ""  # the study part and the segments that continue it

    def mixed_contrast(self) -> bool:
        if self.contrast_unclear or self.either_contrast:
            return True
        if self.refused_contrast and _timing(self.contrast_marks) not in (None, "without"):
            return True  # "CT CAP w contrast - contrast declined": with contrast, or the contrast left out?
        if self.optional_contrast and self.contrast_marks:
            return True  # "plain, contrast if needed": without, or with and without?
        if self.bare_contrast and _timing(self.contrast_marks) == "without":
            return True  # "plain CT, contrast": a contrast noun on its own and a "without" not joined to it
        segments: dict[int, set[str]] = {}
        for mark, seen in self.contrast_at:
            segments.setdefault(seen, set()).add(mark)
        return len(segments) > 1 and len({frozenset(v) for v in segments.values()}) > 1

    def leave_contrast_open(self) -> None:
        """A "+/-" beside a contrast left to the radiologist ("MRI brain +/- contrast per radiologist", "+/- gad at
        radiologist's discretion") is with or without contrast, as the radiologist decides, not the two phases of one
        study (round 27o; source radiologist_protocol): no timing is read from it and none may be assumed."""
        if not (self.plus_minus and self.contrast_open):
            return
        both = "without_and_with"
        self.contrast_marks.discard(both)
        self.later_contrast.discard(both)
        self.contrast_at = [(mark, seen) for mark, seen in self.contrast_at if mark != both]
        self.study_contrast = None if self.study_contrast == both else self.study_contrast
        self.contrast_word = False  # the agent after the "+/-" ("+/- gad per rads") is its object, no "with" of its own
        self.contrast_question = self.contrast_doubt = True

    def contrast(self) -> str | None:
        return _timing(self.contrast_marks) or ("with" if self.contrast_word else None)

    def other_cancer(self, modality: set[str] | frozenset[str]) -> bool:
        """Whether a PET (``modality``: the order's, or its code's study's) is named for another cancer than the
        topic's and for no breast cancer ("PET/CT for NSCLC", "78815 lymphoma, Deauville"): no breast staging study,
        whose catalogue entry this would read (round 36o; vocabulary ``cancer``, source other_cancers)."""
        return "PT" in modality and "other" in self.cancers and "breast" not in self.cancers

    def conflicts(self) -> tuple[str, ...]:
        """Axes on which a later segment contradicts the study part ("CT chest w - with and without")."""
        out = []
        later = _timing(self.later_contrast)
        if self.study_contrast and later and later != self.study_contrast:
            out.append("contrast")
        if self.technique & self.negated_technique:
            out.append("technique")  # "3D: Yes - Comment: 2D only, no tomosynthesis" (round 31o)
        if self.other_cancer(self.modality):
            out.append("purpose")  # "PET/CT lymphoma restaging": another cancer's PET, no breast staging study (36o)
        sides = {"left", "right"}
        if (self.laterality & sides) and (self.indication_laterality & sides) - self.laterality:
            out.append("laterality")
        return tuple(out)


def _timing(marks: set[str]) -> str | None:
    if "without_and_with" in marks or {"with", "without"} <= marks:
        return "without_and_with"
    return next(iter(marks)) if marks else None
