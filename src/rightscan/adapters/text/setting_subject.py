"""Setting words whose subject is not this breast cancer (round 9c), set aside before the setting is settled.

"Surveillance", "survivorship", "NED" or "recurrence" set the breast cancer's setting only when they are said of
it. They are not when:

- their sentence names another cancer and no breast cancer ("PET/CTs for the melanoma, all NED", "Hodgkin lymphoma
  2003, in remission, followed by survivorship clinic");
- another illness or another team is the subject of the follow-up ("the CT from heme surveillance", "lymphoma
  surveillance per their schedule": values.yaml ``clue.other_illness_followup``);
- the word names material handed out ("(x) Survivorship packet given": values.yaml ``clue.survivorship_material``).

Likewise an excision whose site is not the breast ("PSH: WLE back 2012", "wide local excision of L calf melanoma":
values.yaml ``clue.other_site_excision``) is no breast operation: it is not the prior surgery of the breast cancer.

Each such candidate is kept as evidence with its reason and takes no part in settling the field; the setting is then
read from the other words or inferred by clinical meaning (``note_setting``). Only words of the setting family are set
aside: an explicit "newly diagnosed" stands.
"""

from __future__ import annotations

from itertools import pairwise

from rightscan.adapters.text.candidates import ACCEPTED, Candidate, status_of
from rightscan.adapters.text.model import Mention
from rightscan.adapters.text.rules import Rules

# values.yaml (round 9c): the follow-up of another illness or team; survivorship material handed out
OTHER_FOLLOWUP = "clue.other_illness_followup"
MATERIAL = "clue.survivorship_material"
OTHER_SITE = "clue.other_site_excision"
TO_DECIDE = "clue.followup_to_decide"  # values.yaml (round 10c): "before deciding on surveillance plan"
# values.yaml (round 57n): a breast operation for another purpose ("mastectomy for chest masculinization")
NONCANCER_SURGERY = "clue.noncancer_breast_surgery"
_BREAST_FAMILIES = frozenset({"histology", "cancer_named"})  # a breast cancer named in the sentence
_SETTING_FAMILIES = frozenset({"setting"})  # surveillance and recurrence words (targets.yaml)
_OTHER_CANCER = "other_cancer"
_SURVEILLANCE = "setting.surveillance"  # targets.yaml: "surveillance", "survivorship", "NED"


def _carried_other(mentions: list[Mention], breast: set[str]) -> set[str]:
    """Round 51s (v51 ca-014, ca-035): the sentences naming no breast cancer whose subject is another cancer, carried
    from the sentence just before ("PMH: stage IIIB sigmoid adenocarcinoma 2019 - sigmoidectomy then CAPOX. NED on
    surveillance, last CT A/P clear.") or named in their own words even as denied ("No melanoma recurrence; last
    surveillance CT 2024."): their follow-up words are that cancer's, not the breast cancer's. A relative's or a feared
    cancer carries nothing; a sentence naming a breast cancer keeps its words."""
    other = [m for m in mentions if m.family == _OTHER_CANCER and not m.effects & {"family", "hypothetical"}]
    named = {m.sentence for m in other}
    starts = sorted({(m.sentence_start, m.sentence) for m in mentions if m.sentence_start >= 0})
    own = {s for s in named if s not in breast}
    # one sentence on, no further: "Colon ca 2010. Seen for her routine visit. NED." says nothing of whose NED it is
    after = {s for (_, b), (_, s) in pairwise(starts) if b in own and s not in breast}
    return own | after


def _overlaps(a: Mention, b: Mention) -> bool:
    return a.start < b.end and b.start < a.end


def set_aside_other_subjects(rules: Rules, mentions: list[Mention], cands: list[Candidate]) -> None:
    """Mark unused, with a reason, each used setting candidate whose words are said of another cancer or illness,
    or name survivorship material handed out, and each prior operation that excised another site."""
    accepted = [m for m in mentions if status_of(rules, m)[0] == ACCEPTED]
    other = {m.sentence for m in accepted if m.family == _OTHER_CANCER}
    breast = {m.sentence for m in mentions if m.family in _BREAST_FAMILIES} | {
        m.sentence for m in mentions if "breast" in m.sentence.lower()
    }
    followups = [m for m in accepted if m.rule == OTHER_FOLLOWUP]
    material = [m for m in accepted if m.rule == MATERIAL]
    to_decide = [m for m in accepted if m.rule == TO_DECIDE]
    sites = [m for m in accepted if m.rule == OTHER_SITE]
    purposes = [m for m in accepted if m.rule == NONCANCER_SURGERY]  # round 57n
    carried = _carried_other(mentions, breast)
    for c in cands:
        if c.field == "prior_surgery" and c.used and any(_overlaps(c.mention, s) for s in sites):
            c.used, c.reason = False, "the excision of another site than the breast"
            continue
        if c.field == "prior_surgery" and c.used and any(_overlaps(c.mention, s) for s in purposes):
            c.used, c.reason = False, "a breast operation for another purpose than a breast cancer (round 57n)"
            continue
        if c.field != "setting" or not c.used or c.mention.family not in _SETTING_FAMILIES:
            continue
        m = c.mention
        if m.sentence in other and m.sentence not in breast:
            c.used, c.reason = False, "said of another cancer named in its sentence, not of the breast cancer"
        elif m.rule == _SURVEILLANCE and m.sentence in carried:
            c.used, c.reason = False, "said of another cancer named in or just before its sentence, not of the breast"
        elif any(_overlaps(m, f) for f in followups):
            c.used, c.reason = False, "the follow-up of another illness or team, not of the breast cancer"
        elif any(_overlaps(m, f) for f in material):
            c.used, c.reason = False, "survivorship material handed out, not the current setting"
        elif any(_overlaps(m, f) for f in to_decide):
            c.used, c.reason = False, "the follow-up plan still to be decided, not the current setting"
