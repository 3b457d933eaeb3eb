"""Round 45o (v45 blind): a study written with its result is a study done, not the study considered.

A history or an interval line reports a study by its name, its date and a colon, or by what it showed ("Dx mammo L
4/8: increased density ..., ? post-tx change vs recurrence", "XR R femur 3/20/25: 2.2 cm lytic lesion, ? impending
fracture", "CT A/P 10/28 (colon f/u) showed new sclerotic foci", "CT head without contrast in the ED showed vasogenic
edema"). The question mark there doubts the finding, not the study: read as a study asked about, the study done was
taken for a second study considered, and the one the plan proposes was lost to a conflict (annotation guide 2, order:
a study already done is not the order). ``reported_with_result`` says so only for a study mention that no plan word
marks as proposed and whose own words run straight into the date-and-colon or the result verb; a study to come ("PET
to see whether it shows ...") keeps its reading. Only ever sets a study mention aside from the order.
"""

from __future__ import annotations

import re

from rightscan.adapters.text.model import Mention

REPORTED_DONE = "a study written with its result: done, not considered now"

# the side, then the date and a colon or a result verb, right after the study's name ("L 4/8:", "3/20/25:",
# "10/28 (colon f/u) showed")
_DATED_RESULT = re.compile(
    r"^[ \t]*(?:\(?(?:l|r|lt|rt|left|right|bilat|bilateral|b/l)\)?[ \t]+)?(?:on[ \t]+|dated[ \t]+|of[ \t]+)?"
    r"\d{1,2}/\d{1,2}(?:/\d{2,4})?[ \t]*(?:\([^()\n]{0,30}\)[ \t]*)?"
    # round 55n (v55 cn-009): or the report's words quoted after the date ('CXR 11/28 "subtle nodular opacity?"')
    r"(?::|-[ \t]|[\"\u201c][a-z?]|(?:showed|shows|revealed|reveals|demonstrated|demonstrates)(?![a-z]))",
    re.IGNORECASE,
)
# a result verb within the study's own clause ("without contrast in the ED showed"), with no word of a study to come
_RESULT_VERB = re.compile(r"^([^.;:!?\n]{0,40}?)(?<![a-z])(?:showed|revealed|demonstrated)(?![a-z])", re.IGNORECASE)
_TO_COME = re.compile(
    r"(?<![a-z])(?:if|whether|will|would|to|should|may|might|can|could|shall|planned|plan|ordered|pending|scheduled"
    r"|booked|requested|needed|needs?|await\w*|due)(?![a-z])",
    re.IGNORECASE,
)
# round 46o (v46 bl-025, bm-026): a study's name, its contrast words and the place or date it was done in brackets, then
# a colon and a finding the writer doubts ("CT head w/o (ED 11/5): ?subtle L frontal hypodensity", "CT head: ?L frontal
# hypodensity w/ edema"): a report, its question mark on the finding, not on the study. A question about the study
# itself after the colon ("CT head: ?needed", "MRI: ?worth doing") is no finding and keeps its reading.
_DOUBTED_FINDING = re.compile(
    r"^[ \t]*(?:(?:w/o|w/|wo|w|with|without|non-?con\w*|contrast|iv|and|&|\+|-)[ \t]+){0,4}"
    r"(?:\([^()\n]{1,30}\)[ \t]*)?:[ \t]*\?[ \t]?(?!(?:needed|need|indicated|necessary|required|worth"
    r"|appropriate|useful|helpful|ok|okay|now|today|tonight|tomorrow|tmrw|first|instead|or|if|whether|should|too|also)(?![a-z]))[a-z]",
    re.IGNORECASE,
)

# round 55n (v55 cn-048): a study's name and contrast words, then a colon and a finding it did not show ("ED CT head
# w/o: no hemorrhage, ?subtle edema", "CXR: no effusion"): a report. Never "no" before the study's own preparation or
# need ("CT head: no contrast", "MRI: no need", "CT: no prior auth needed")
_DENIED_FINDING = re.compile(
    r"^(?:[ \t]*(?:w/o|w/|wo|w|with|without|non-?con\w*|contrast|iv|and|&|\+|-)(?![a-z/])){0,4}"
    r"[ \t]*(?:\([^()\n]{1,30}\)[ \t]*)?:[ \t]*no[ \t]+(?!(?:contrast|iv|gad\w*|need|needed|further|indication|prep\w*"
    r"|prior|auth\w*|pa|order|longer|show|sedation|oral)(?![a-z]))[a-z]",
    re.IGNORECASE,
)

# round 48o (v48 br-044): a study's name, then when it was done in words and a colon, then a finding ("Mammo this month:
# new 9 mm group of fine pleomorphic calcs ..., BI-RADS 4B"): a report; the time words ("this month") read as a plan's
# on their own, and left the mammogram done as a second, ambiguous study beside the MRI the plan asks for. Never a
# question or a word of a study to come in the first words after the colon ("Mammo this month: due", "CT this week:
# ?needed", "MRI this week: to be booked")
_TIMED_RESULT = re.compile(
    r"^[ \t]*(?:\(?(?:l|r|lt|rt|left|right|bilat|bilateral|b/l)\)?[ \t]+)?"
    r"(?:(?:earlier[ \t]+)?this[ \t]+(?:month|week|morning)|last[ \t]+(?:month|week)|yesterday|earlier[ \t]+today)"
    r"[ \t]*:[ \t]*(?![?\s])([^.;\n]*)",
    re.IGNORECASE,
)

# round 56u (v56 cq-018): a study's name and contrast words, then a bracket that dates it (and may say who ordered it),
# then a colon and a finding ("CT chest w/ contrast (11/20, ordered by PCP): 9 mm spiculated RLL nodule", "MRI brain
# (3/2, outside): two enhancing foci"): a report, whatever plan word the bracket holds ("ordered by PCP" tells who asked
# for it, not that it is to come). Never when the bracket or the first words after the colon tell a study to come
# ("CT chest (12/4, scheduled): to assess", "MRI (1/9): pending")
_BRACKET_DATED_RESULT = re.compile(
    r"^(?:[ \t]*(?:w/o|w/|wo|w|with|without|non-?con\w*|contrast|iv|and|&|\+|-)(?![a-z/])){0,4}"
    r"[ \t]*\((?=[^()\n]{0,40}?\d{1,2}/\d{1,2})([^()\n]{1,40})\)[ \t]*:[ \t]*(?![?\s])([^.;\n]*)",
    re.IGNORECASE,
)
_BRACKET_TO_COME = re.compile(
    r"(?<![a-z])(?:will|to be|planned|pending|scheduled|booked|requested|await\w*|due|upcoming|next)(?![a-z])",
    re.IGNORECASE,
)


def reported_with_result(m: Mention) -> bool:
    """Whether a study mention is a study done, written with its date and result or with what it showed."""
    if m.sentence_start < 0 or "declined" in m.effects:
        return False
    after = m.sentence[m.end - m.sentence_start :]
    timed = _TIMED_RESULT.match(after)
    if timed is not None and not _TO_COME.search(" ".join(timed.group(1).split()[:3])):
        return True  # round 48o: "Mammo this month: new 9 mm group of calcs"
    dated = _BRACKET_DATED_RESULT.match(after)
    if (
        dated is not None
        and not _BRACKET_TO_COME.search(dated.group(1))
        and not _TO_COME.search(" ".join(dated.group(2).split()[:3]))
    ):
        return True  # round 56u: "CT chest w/ contrast (11/20, ordered by PCP): 9 mm spiculated RLL nodule"
    return "proposed" not in m.effects and result_after(after)


def result_after(after: str) -> bool:
    """Whether the words right after a study's name are its date and result or what it showed (round 55n: also read
    for the study a payer's document names first, order_lines.payer_title)."""
    if _DATED_RESULT.match(after) or _DOUBTED_FINDING.match(after) or _DENIED_FINDING.match(after):  # round 46o, 55n
        return True
    verb = _RESULT_VERB.match(after)
    return verb is not None and not _TO_COME.search(verb.group(1))
