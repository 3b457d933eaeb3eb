"""What an order says around its study (round 33o), read by ``order_text``.

- A study ordered before or after a procedure that is no study ("Axillary US prior to sentinel node biopsy", "CXR after
  port placement", "diagnostic mammogram, post-biopsy clip check", "brain MRI before CT simulation"): once the study is
  named, a timing word (the vocabulary's ``timing``: "prior to", "before", "after", "post", "following") followed in its
  clause by a ``procedure`` (a biopsy, a placement, a localisation, a sentinel node mapping, a radiotherapy simulation)
  makes the rest of the clause that procedure - the study's context, none of its words read but a side, which is the
  procedure's site (an opposite side still makes the order ask). A procedure written before
  any timing word is the order itself ("US-guided core biopsy", "CT simulation", "wire localisation prior to
  lumpectomy") and stays what it was: no catalogue study. A study named after the timing word with no procedure ("bone
  scan prior to PET/CT") is read as ever.
- A view's abbreviation that names regions with a modality that takes no views (the vocabulary's ``view_regions``: "CT
  AP" is the CT of the abdomen and pelvis): read so only where the order names that modality alone and no region, and
  the view is the only one in the study's words; "AP pelvis", "XR AP", "CT chest AP" keep it a view.
- Round 35o: a later segment that says a study of another region is done (``done_elsewhere``, moved here from
  order_text), and a heading before the study that ends with a word naming the study after it as an earlier one
  ("Comparison: MRI brain 5/5", the vocabulary's ``earlier``): that study is done, no study ordered.
- Round 48q: a place after "at" where a referral asks the study to be done ("at Lakeside Imaging", "at your facility"):
  its name and its ``facility`` word are not read.
- Round 54o: an order set's staging item that names a region and no modality ("BREAST CA STAGING PROTOCOL - BONE"): the
  region's staging study's modality (the vocabulary's ``staging_items``: the skeleton's is the bone scan), shown as
  assumed; never in a note's prose, and never beside a technique, a view, a tracer or another region.

Pure; the words are ``knowledge/order_vocabulary.yaml``'s.
"""

from __future__ import annotations

from rightscan.domain.knowledge import OrderVocabulary, TermMeaning
from rightscan.domain.order_parse import _Parse
from rightscan.domain.orders_items import CLAUSE_ENDS


def procedure_after(items: list[tuple[str, TermMeaning | None]], k: int) -> bool:
    """Whether a procedure that is no study follows item ``k`` (a timing word) in its clause."""
    for word, meaning in items[k + 1 :]:
        if word in CLAUSE_ENDS:
            return False
        if meaning is not None and meaning.procedure:
            return True
    return False


def context_side(parse: _Parse, meaning: TermMeaning | None, indication: bool) -> None:
    """A word of the procedure's clause: not read, but for its side, which is the procedure's site (an indication's
    side), so that a side opposite the study's still makes the order ask ("mammogram right, post-biopsy clip check
    left")."""
    if meaning is not None and meaning.laterality:
        (parse.laterality if indication else parse.indication_laterality).add(meaning.laterality)


def view_regions(vocab: OrderVocabulary, parse: _Parse) -> None:
    """Read a view's abbreviation as the regions it names with the order's modality ("CT AP"), where it can mean only
    those: the modality named (not implied by a view) is that one alone, no region is named, and the view is the only
    view in the study's own words. Reported as a correction of the view to the regions."""
    if parse.regions or len(set(parse.views)) != 1 or not parse.modality:
        return
    view = parse.views[0]
    for form, modality, regions in vocab.view_regions:
        if view == form and parse.modality <= modality:
            parse.regions |= regions
            parse.regions_seen += 1
            parse.corrections.append((view, " and ".join(sorted(regions))))
            return


def done_elsewhere(vocab: OrderVocabulary, seg: _Parse, parse: _Parse) -> bool:
    """Whether a later segment says a study of another region is done ("CT abdomen/pelvis w contrast only (chest done
    11/20)", round 31o): a region the study part does not image, with a done status and no modality. That earlier
    study's region is neither the study's field nor its indication's site, and its status is not the order's."""
    if not (parse.regions and seg.regions) or seg.modality or "done" not in seg.status:
        return False
    ancestors = vocab.region_ancestors

    def related(a: str, b: str) -> bool:
        return a == b or b in ancestors.get(a, ()) or a in ancestors.get(b, ())

    return not any(related(a, b) for a in seg.regions for b in parse.regions)


def earlier_heading(vocab: OrderVocabulary, items: list[tuple[str, TermMeaning | None]]) -> bool:
    """Whether a heading before the study ends with a word that names the study after it as an earlier one
    ("Comparison: MRI brain 5/5", "Compare with - CT CAP 03/12"; round 35o): that study is done, no study ordered."""
    said = [m for word, m in items if word not in CLAUSE_ENDS and m is not None and not m.priority]
    return bool(said) and said[-1].earlier


_PLACE_WORDS = (
    5  # the most words a place's name and its noun take after "at" ("at the Lakeside women's imaging centre")
)


def places(items: list[tuple[str, TermMeaning | None]]) -> frozenset[int]:
    """Round 48q: the items of a place where the study is to be done, after "at" ("at Lakeside Imaging", "at the
    university hospital", "at your facility"): "at", then up to a few words the vocabulary does not know (the place's
    name) or filler, up to a ``facility`` word. A referral letter names where, not which study: none of them is read."""
    out: set[int] = set()
    for k, (word, _) in enumerate(items):
        if word != "at":
            continue
        for j in range(k + 1, min(k + 1 + _PLACE_WORDS, len(items))):
            said, meaning = items[j]
            if meaning is not None and meaning.facility:
                out.update(range(k, j + 1))
                break
            if said in CLAUSE_ENDS or not (meaning is None or (meaning.noise and not meaning.status)):
                break
    return frozenset(out)


def staging_item(vocab: OrderVocabulary, tokens: tuple[str, ...], parse: _Parse) -> None:
    """Round 54o: the modality of the staging study of the regions a staging set's item names with no modality."""
    if vocab.prose or parse.modality or parse.implied_modality or parse.technique or parse.projection:
        return
    for words, regions, modality, assumed in vocab.staging_items:
        said = any(tokens[i : i + len(w)] == w for w in words for i in range(len(tokens)))
        if said and parse.regions == regions and not parse.pharmaceutical and not parse.mammographic_view:
            parse.implied_modality.add(modality)
            parse.staged = (assumed,)
            return
