"""Lists under a heading that says what to report should it happen: every item is hypothetical.

An after-visit summary, a discharge letter or a nurse's instructions list what the patient is to call about
("CALL US AT 555-0100 IF YOU HAVE:", "Go to the emergency department right away for:", "When to seek care",
"Return to clinic sooner if any of the following occur -"), one item a line, bulleted, numbered, boxed or plain.
ConText's cue ends at the heading's line break, and an item's own warning words ("new", "gets worse", "that will
not go away") say nothing of whether the patient has it: every item of the list is hypothetical.

A heading is a line that holds

- one of the ``layout`` phrases ``hypothetical_headings`` ("symptoms to report", "return precautions"), or
- a word that sends the patient to care (``hypothetical_heading_actions``: call, phone, return, seek, go ...) and
  after it, anywhere on the line, a condition (``hypothetical_heading_conditions``: if, should, in case ...) that
  is not a scheduling one (``not_hypothetical_conditions``: "sooner if needed"), or the condition first ("If you
  notice any of these, phone us:"), or
- such an action with the heading ending on a word that leads to the list (``hypothetical_heading_ends``: "Go to
  the emergency department right away for:"), or
- an opener before such an action (``hypothetical_heading_openers``: "When to seek care", "Reasons to call"), or
- a word for warning signs (``hypothetical_heading_signs``) together with such an action ("Warning signs - call
  your nurse:"): "Warning signs:" alone may head the ones a clinician found, and is left to the words.

What the heading covers:

- after a colon (or a spaced dash) on its own line: the rest of that sentence ("Return if: new bone pain,
  headache, cough.");
- after a colon ending the line, or a heading without a colon whose next line starts a marked list: the lines
  below, from the first (one blank line may stand between) up to a blank line or the next heading; when the
  items are marked (a bullet, a number, a letter, a box, a table bar) the first line without a mark that is not
  an indented continuation ends the list too; when they are not marked, a line that starts with the patient
  (``patient_leads``: "She reports ...", "Today ...") ends it, as it is no item.

A questionnaire is not such a list: a heading that asks (``questionnaire_headings``: "check all that apply") heads
none (its ticks are her answers). Under a heading of what to report, a ticked box may be hers or one the nurse
ticked to watch for: its line is uncertain (confirmed), never raised nor dropped.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

Mark = tuple[int, int, str]
EFFECT = "hypothetical"
TICKED = "ticked_to_report"  # round 51h: a ticked line of such a list (discharge_advice.py reads it)
LIST_MAX_LINES = 25  # how many lines a heading reaches at most

# what starts an item of a list: a bullet, a number or letter, a box, a table bar
LIST_MARK = re.compile(
    r"[ \t]*(?:[-*•·▪◦‣–—>~+]|o(?=[ \t])|\d{1,2}[.)]|[A-Za-z][.)](?=[ \t])|\([A-Za-z0-9]{1,2}\)"
    r"|\[[^\]\n]{0,3}\]|\([ \t]*[xX✓✔]?[ \t]*\)|[☐☑☒■□✓✔]|[|│║])"
)
_WORDED = re.compile(r"[A-Za-z]{2}")
_DASH = re.compile(r"[ \t][-–—]+[ \t]")
_SENTENCE_END = re.compile(r"[.!?](?=\s|$)")
# a heading without a colon that may still open a list below it: no end punctuation, a dash or an ellipsis, or a
# full stop after a word that points to the list ("... any of the following.")
_OPEN_END = re.compile(r"(?:[^.!?;,:]|[-–—]|\.\.\.|…|(?:following|these|below|symptoms|signs|problems)[.])[ \t]*$",
                       re.IGNORECASE)  # fmt: skip


def _words(phrases: Sequence[str]) -> str:
    """An alternation of phrases, each word separated by blanks."""
    return "|".join(r"[ \t]+".join(re.escape(w) for w in p.split()) for p in sorted(phrases, key=len, reverse=True))


@dataclass(frozen=True, slots=True)
class Headings:
    heading: re.Pattern[str]  # a heading of a hypothetical list, found anywhere in a line
    # a heading phrase or an action (every heading holds one): only the lines holding one are searched for a heading
    trigger: re.Pattern[str]
    not_heading: re.Pattern[str]  # a grid's heading that says what an unticked box means (not a list to report)
    patient: re.Pattern[str]  # a line that starts with the patient ("She reports ...")
    # a questionnaire's heading ("Tell us if you have any of these (check all that apply):"): its ticks are answers
    questionnaire: re.Pattern[str] | None = None


def compile_headings(spec: Mapping[str, Sequence[str]], not_heading: re.Pattern[str]) -> Headings | None:
    """The heading reader for the ``layout`` words of ``context.yaml``, or None when it names no heading."""
    alternatives = []
    if spec.get("hypothetical_headings"):
        # round 38o: a phrase denied ("Stage IIA alone would not call for systemic imaging, but ...: bone scan
        # ordered") says what is not needed, not what to report: no heading
        alternatives.append(rf"(?<!not )(?<!n't )(?:{_words(spec['hypothetical_headings'])})")
    actions = _words(spec.get("hypothetical_heading_actions", ()))
    conditions = _words(spec.get("hypothetical_heading_conditions", ()))
    not_conditions = _words(spec.get("not_hypothetical_conditions", ()))
    signs = _words(spec.get("hypothetical_heading_signs", ()))
    # after the condition, not a scheduling one ("sooner if needed")
    unless = rf"(?![ \t]+(?:{not_conditions})(?![A-Za-z]))" if not_conditions else ""
    if actions and conditions:
        alternatives.append(
            rf"(?:{actions})(?![A-Za-z])[^\n]{{0,80}}?(?<![A-Za-z])(?:{conditions})(?![A-Za-z]){unless}"
        )
        # the condition first ("If you develop any of the following, call 911 or go to the ED:")
        alternatives.append(rf"(?:{conditions})(?![A-Za-z])[^\n]{{0,80}}?(?<![A-Za-z])(?:{actions})")
    ends = _words(spec.get("hypothetical_heading_ends", ()))
    if actions and ends:  # "Go to the emergency department right away for:"
        alternatives.append(rf"(?:{actions})(?![A-Za-z])[^\n:]{{0,80}}?(?<![A-Za-z])(?:{ends})(?=[ \t]*(?:[:\-–—]|$))")
    openers = _words(spec.get("hypothetical_heading_openers", ()))
    if actions and openers:  # "When to seek care", "Reasons to call"
        alternatives.append(rf"(?:{openers})[ \t]+(?:{actions})")
    if actions and signs:
        alternatives.append(rf"(?:{signs})(?![A-Za-z])[^\n]{{0,40}}?(?<![A-Za-z])(?:{actions})")
        alternatives.append(rf"(?:{actions})(?![A-Za-z])[^\n]{{0,40}}?(?<![A-Za-z])(?:{signs})")
    if not alternatives:
        return None
    leads = _words(spec.get("patient_leads", ())) or "(?!)"
    asks = _words(spec.get("questionnaire_headings", ()))
    words = [*spec.get("hypothetical_headings", ()), *spec.get("hypothetical_heading_actions", ())]
    return Headings(
        trigger=re.compile(rf"(?<![a-z])(?:{_words([w.lower() for w in words])})(?![a-z])"),  # on lower case: faster
        heading=re.compile(rf"(?<![A-Za-z])(?:{'|'.join(alternatives)})(?![A-Za-z])", re.IGNORECASE),
        not_heading=not_heading,
        patient=re.compile(rf"[ \t]*(?:{leads})(?![A-Za-z])", re.IGNORECASE),
        questionnaire=re.compile(rf"(?<![A-Za-z])(?:{asks})(?![A-Za-z])", re.IGNORECASE) if asks else None,
    )


def line_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each line of ``text``, its line break left out."""
    out, pos = [], 0
    for line in text.splitlines(keepends=True):
        out.append((pos, pos + len(line.rstrip("\r\n"))))
        pos += len(line)
    return out


def hypothetical_lists(h: Headings, text: str, ticked: Sequence[int] = ()) -> list[Mark]:
    """(start, end, "hypothetical") for what each hypothetical heading of ``text`` covers (the module's text). A line
    holding a ticked box (``ticked``: where each starts) gets "uncertain" instead: ticked as the patient's, or as one
    to watch for, cannot be told."""
    out: list[Mark] = []
    lower = text.lower()
    hits = [m.start() for m in h.trigger.finditer(lower)]
    if not hits:
        return out
    lines = line_spans(text)
    starts = [s for s, _ in lines]
    if len(lower) == len(text):
        candidates = {bisect.bisect_right(starts, at) - 1 for at in hits}
    else:  # a letter whose lower case is longer ("İ"): the hits' offsets are not the note's, search every line
        candidates = set(range(len(lines)))
    k = 0
    while k < len(lines):
        start, end = lines[k]
        found = h.heading.search(text, start, end) if k in candidates else None
        if found is None or h.not_heading.search(text, start, end):
            k += 1
            continue
        if h.questionnaire is not None and h.questionnaire.search(text, start, end):
            k += 1  # "... (check all that apply):": what is ticked below is answered, not to report
            continue
        colon = text.find(":", found.end(), end)
        if colon >= 0 and _SENTENCE_END.search(text, found.end(), colon):
            colon = -1  # round 26: another sentence's label ("Should she develop X, scan. Currently: bone pain ...")
        if colon < 0:  # "Call us if you have - new bone pain, headaches": a spaced dash opens the list too
            dash = _DASH.search(text, found.end(), end)
            colon = dash.end() - 1 if dash is not None and text[dash.end() : end].strip() else -1
        rest = text[colon + 1 : end].strip() if colon >= 0 else ""
        if colon >= 0 and rest:  # "Return if: new bone pain, headache." - the rest of its sentence
            out.append((colon + 1, _inline_end(h, text, colon + 1, end), EFFECT))
            if not _marked_next(text, lines, k):
                k += 1
                continue
        elif colon < 0 and not (_OPEN_END.search(text, start, end) and _marked_next(text, lines, k)):
            k += 1  # a sentence that merely holds the words: ConText's own cue reads it
            continue
        covered, k = _list_below(h, text, lines, k)
        # a ticked box under it: ticked as hers, or as one to watch for? confirmed, never raised nor dropped; round 51h:
        # marked too (TICKED), so that a discharge's precautions ticked by its clinician are read as advice there
        for a, b, e in covered:
            tick = bisect.bisect_left(ticked, a) != bisect.bisect_left(ticked, b)
            out += [(a, b, "uncertain"), (a, b, TICKED)] if tick else [(a, b, e)]
    return out


def _inline_end(h: Headings, text: str, begin: int, end: int) -> int:
    """Where an inline list after a heading's colon ends: its sentence's end, or the patient named again."""
    stop = end
    m = _SENTENCE_END.search(text, begin, end)
    if m is not None:
        stop = m.start()
    for word in re.finditer(r"(?<![A-Za-z])[A-Za-z]", text[begin:stop]):
        if h.patient.match(text, begin + word.start()):
            return begin + word.start()
    return stop


def _marked_next(text: str, lines: list[tuple[int, int]], k: int) -> bool:
    """Does the first line with words after line ``k`` (one blank line may stand between) start with a list mark?"""
    for j in range(k + 1, min(k + 3, len(lines))):
        s, e = lines[j]
        if text[s:e].strip():
            m = LIST_MARK.match(text, s, e)
            return m is not None and bool(_WORDED.search(text, m.end(), e))
    return False


def _is_heading(text: str, s: int, e: int) -> bool:
    line = text[s:e].strip()
    return line.endswith(":") or (line.isupper() and bool(_WORDED.search(line)))


def _list_below(h: Headings, text: str, lines: list[tuple[int, int]], k: int) -> tuple[list[Mark], int]:
    """The item lines below heading line ``k``, and the index of the first line after them."""
    out: list[Mark] = []
    marked: bool | None = None
    j = k + 1
    blank_allowed = True
    while j < len(lines) and j <= k + LIST_MAX_LINES:
        s, e = lines[j]
        body = text[s:e]
        if not body.strip():
            if out or not blank_allowed:
                break
            blank_allowed = False  # one blank line between the heading and its first item
            j += 1
            continue
        lead = LIST_MARK.match(text, s, e)
        if marked is None:
            marked = lead is not None
        if marked:
            if lead is None and not (body[:1] in " \t" and out):
                break  # the first line without a mark that does not go on with the item above ends the list
            if lead is None and _is_heading(text, s, e):
                break
        elif _is_heading(text, s, e) or h.patient.match(text, s, e):
            break  # a heading, or the patient named again ("She reports ..."): no item
        out.append((s, e, EFFECT))
        j += 1
    return out, max(j, k + 1)
