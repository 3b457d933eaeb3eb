"""The clinical setting a patient's record supports: a pure rule over what the record states.

The ACR variants of topic 310 differ by setting (newly diagnosed, surveillance, suspected local or
distant recurrence), and a wrong setting picks the wrong variant. So the setting is inferred only when
the record leaves no doubt; otherwise it is left open, the reason is given, and the decision answers
"insufficient data" instead of guessing:

1. metastatic (secondary) cancer on record -> left open (whatever its status: it is not staging of a
   new primary, nor plain follow-up);
2. a recurrence of breast cancer on record that does not say whether it is local or distant -> left
   open (the ACR rates those two separately);
3. a current (active) primary breast cancer, invasive or in situ, and
   a. also a breast cancer of the past -> left open (a new primary or a recurrence cannot be told apart);
   b. whether the breast was operated on is not known -> left open;
   c. completed breast cancer surgery on record -> left open (post-operative staging or follow-up);
   d. otherwise -> ``new_diagnosis`` (an untreated cancer being worked up);
4. only a breast cancer of the past (a personal-history record, or a primary in remission or
   resolved), that is a treated cancer:
   a. with a new finding suggesting distant spread (a red-flag symptom or sign on record) ->
      ``suspected_distant_recurrence``;
   b. with a new finding in the treated breast, chest wall, skin or regional nodes ->
      ``suspected_local_recurrence``;
   c. otherwise -> ``surveillance`` (follow-up with nothing new);
5. no breast cancer on record -> no answer (nothing to say about the setting).

The settings are those the ACR variants apply to (``applies_when.setting`` in the topic's knowledge
file). The rule reads record evidence already sorted by an adapter (which codes mean what is the adapter's
business); it never reads free text. The reader of clinical notes (``rightscan.adapters.text.assemble``)
sorts a note's words into the same evidence for a treated cancer and calls this rule for it, so a coded
record and a note with the same findings get the same setting; how a note shows an untreated cancer being
worked up (a biopsy, a referral, a plan) is the reader's own, richer rule.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Basis(StrEnum):
    """The recorded evidence an inference is about (the entries to cite for it)."""

    METASTATIC = "metastatic"
    RECURRENCE = "recurrence"
    ACTIVE_PRIMARY = "active_primary"
    PAST_CANCER = "past_cancer"


@dataclass(frozen=True, slots=True)
class RecordEvidence:
    """What a patient's record states that bears on the setting."""

    metastatic: bool = False  # secondary (metastatic) cancer recorded, even suspected or resolved
    recurrence: bool = False  # a breast cancer recurrence or relapse recorded, site not stated
    active_primary: bool = False  # a current primary breast cancer (invasive or in situ)
    past_cancer: bool = False  # a breast cancer of the past: personal history, in remission, resolved
    breast_surgery: bool | None = None  # completed breast cancer surgery recorded; None = not known
    distant_finding: bool = False  # a new finding suggesting distant spread (a red-flag symptom or sign)
    local_finding: bool = False  # a new finding in the treated breast, chest wall, skin or regional nodes


@dataclass(frozen=True, slots=True)
class SettingInference:
    """``setting`` is None when the record leaves it open; ``reason`` says why, or what it rests on."""

    setting: str | None
    basis: Basis
    reason: str


UNKNOWN_SURGERY = "prior breast surgery unknown"
TREATED_DISTANT = "treated breast cancer and a new finding suggesting distant spread"
TREATED_LOCAL = "treated breast cancer and a new finding in the breast, chest wall, skin or regional nodes"
TREATED_FOLLOWED = "treated breast cancer followed up, no new suspicious finding"


def treated_cancer_setting(*, distant_finding: bool, local_finding: bool) -> SettingInference:
    """The setting of a treated breast cancer (rule 4): a distant finding outranks a local one, since the
    distant question also covers the local one's staging."""
    if distant_finding:
        return SettingInference("suspected_distant_recurrence", Basis.PAST_CANCER, TREATED_DISTANT)
    if local_finding:
        return SettingInference("suspected_local_recurrence", Basis.PAST_CANCER, TREATED_LOCAL)
    return SettingInference("surveillance", Basis.PAST_CANCER, TREATED_FOLLOWED)


def infer_setting(record: RecordEvidence) -> SettingInference | None:
    """The setting the record supports (rule in the module docstring); None when no breast cancer is
    on record at all."""
    if record.metastatic:
        return SettingInference(None, Basis.METASTATIC, "secondary (metastatic) cancer recorded")
    if record.recurrence:
        return SettingInference(None, Basis.RECURRENCE, "recurrence recorded without saying local or distant")
    if record.active_primary:
        if record.past_cancer:
            return SettingInference(None, Basis.PAST_CANCER, "history of breast cancer and an active primary")
        if record.breast_surgery is None:
            return SettingInference(None, Basis.ACTIVE_PRIMARY, UNKNOWN_SURGERY)
        if record.breast_surgery:
            return SettingInference(None, Basis.ACTIVE_PRIMARY, "breast surgery recorded")
        return SettingInference("new_diagnosis", Basis.ACTIVE_PRIMARY, "active primary, no surgery or history")
    if record.past_cancer:
        return treated_cancer_setting(distant_finding=record.distant_finding, local_finding=record.local_finding)
    return None
