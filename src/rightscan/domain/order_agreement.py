"""Whether the words written with an order agree with a catalogued study (split from ``orders``): the contrast,
intent, tracer and side a code's study has, and the sites an indication names lying in the regions the study
images. Pure."""

from __future__ import annotations

from rightscan.domain.knowledge import OrderVocabulary, Procedure, StudyAttributes
from rightscan.domain.order_parse import _Parse


def contradicts(vocab: OrderVocabulary, study: Procedure, parse: _Parse) -> bool:
    """Whether the words with a code contradict the study it names (contrast, intent, side, site)."""
    attrs = study.attributes
    conflicts = parse.conflicts()
    if conflicts == ("contrast",) and attrs is not None and attrs.contrast is not None:
        timings = {parse.study_contrast, *parse.later_contrast} - {None}
        conflicts = () if timings <= attrs.contrast else conflicts  # both timings are the code's study (round 20o)
    if conflicts or attrs is None:
        return bool(conflicts)
    stated = parse.contrast()
    if stated is not None and attrs.contrast is not None and stated not in attrs.contrast:
        return True
    # one intent stated that the code's study does not have: "77066 + G0279 screening" (round 18o)
    if len(parse.intent) == 1 and attrs.intent is not None and not parse.intent <= attrs.intent:
        return True
    if parse.pharmaceutical and attrs.pharmaceutical is not None and not parse.pharmaceutical <= attrs.pharmaceutical:
        return True  # "78815 + A9580", "78815 PSMA": another tracer than the code's study's (round 21o)
    return not within(vocab, attrs, parse) or parse.other_cancer(attrs.modality)  # "78815 - lymphoma" (36o)


def within(vocab: OrderVocabulary, attrs: StudyAttributes, parse: _Parse) -> bool:
    """Whether every site the indication names lies in (or around) a region the study images."""
    if not parse.indication_regions or not attrs.regions:
        return True  # no site named, or a study without a region (PET/CT, PET/MRI: the body)
    ancestors = vocab.region_ancestors
    imaged = attrs.regions | parse.regions  # the study's regions and the part the order names

    def lies_in(site: str, region: str) -> bool:
        related = site == region or region in ancestors.get(site, ()) or site in ancestors.get(region, ())
        return related or region in vocab.site_within.get(site, ())

    return all(any(lies_in(site, r) for r in imaged) for site in parse.indication_regions)
