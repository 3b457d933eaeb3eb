"""An order entry screen's choices pasted as text (round 31o): radio buttons, check boxes, smart-phrase pick lists and
fields the system filled in by default.

- Radio buttons and check boxes ("Contrast: (•) Without ( ) Without and with ( ) With", "3D: [ ] Yes [x] No", "CT
  abd/pelv   [x] noncontrast   [ ] with IV contrast"): only the chosen option is a word of the order; the unchosen
  options are not. A box's option is the text after it, up to the next box, a wide gap (two spaces or more), a line
  break, "|" or ";". Boxes with only spaces between one option and the next box are one group; the words before the
  group's first box, when they end with ":" or "?", are its field ("Contrast:"), kept with the chosen option as a
  field of its own (between ";"), so that ``order_form`` reads "Contrast: Without" as it reads a typed answer. Tick
  marks: ``tick_marks``.
- When no option of a group is chosen, when two radio buttons of one group are, or when two ticked boxes say
  different things on one axis ("[x] noncontrast [x] with IV contrast"; each read as its field's answer, so that
  "Contrast: [x] None [x] IV" differs), the choice is unknown: the text comes back once per option (``alternatives``)
  and the resolver asks, offering the studies the options name; it never picks.
- Round 33o (a paper requisition): on a form whose other boxes are ticked, check boxes with no field, none of them
  ticked, each an exam of its own ("[x] NUC MED  Exam: BONE SCAN  [ ] MUGA") are exams not ordered: no words of the
  order. A field's boxes left blank stay a choice not made. On a contrast field, "without" and "with" both ticked
  ("Contrast: [x] W/O [x] W") are the two phases of one study: without and with contrast.
- Fields pasted on one line, a wide gap between them ("Body site: Axilla   Laterality: Right   Doppler: No"), are
  parted at each gap before a label (``fields_apart``), so that each is read as a question and its answer.
- An unfilled smart-phrase pick list ("Contrast: {with/without}", "{Left/Right/Bilateral:12345}") is a choice with
  none made.
- A field marked as the system's default ("Contrast: Without and with (default)", "Laterality: Left (defaulted)") was
  filled in, not written: ``defaulted`` finds it, and the resolver reads it only where nothing the orderer typed says
  otherwise (``orders``).

Pure. ``choices`` and ``defaulted`` work on the text alone, with callbacks; ``answer_choices``, ``unchosen`` and
``by_default_field`` read the options with the order vocabulary for ``orders``, which passes its own reader.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from rightscan.domain.knowledge import OrderVocabulary
from rightscan.domain.order_parse import _Parse
from rightscan.domain.order_text import parse_order_text
from rightscan.domain.tick_marks import BOX, radio, ticked

MAX_OPTIONS = 6  # options of one group read as alternatives
MAX_TEXT = 500  # characters of an order searched for boxes (the resolver reads codes from as many)

# where an option ends: a wide gap, a tab, a line break, "|", ";"
_OPTION_END = re.compile(r"[ \t]{2,}|[\t\n\r|;]")
# where a field's label starts: the text's start, a wide gap, a line break, "|", ";", a spaced dash, a sentence's end
_FIELD_START = re.compile(r"[ \t]{2,}|[\t\n\r|;(]|\s[-\u2013\u2014]+\s|\.\s+")
# an unfilled smart-phrase pick list: options joined by "/" or "|", perhaps with the list's id after a colon
_PICK_LIST = re.compile(r"\{(?P<options>[A-Za-z0-9 +\-]{1,30}(?:[/|][A-Za-z0-9 +\-]{1,30}){1,5})(?::\d{1,12})?\}")
# a wide gap before a field's label ("MAMMO DX UNILAT   Laterality: Left   Tomo: No"): where one field ends
_FIELD_GAP = re.compile(r"(?:[ \t]{2,}|\t)(?=[A-Za-z](?:[A-Za-z0-9/&'+-]| (?! )){0,30}[?:][ \t])")
# a value the system filled in: "Contrast: Without and with (default)", "Laterality: Left (defaulted)"
_DEFAULTED = re.compile(
    r"(?P<field>[A-Za-z][A-Za-z0-9 /]{0,30}:)[ \t]*(?P<value>[^:()\n|;]{1,60}?)[ \t]*"
    r"\((?:system[ \t]+)?(?:default|defaulted|auto[ -]?filled|pre[ -]?selected|preset)\)",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Choices:
    """The order's text with each group answered by its chosen option, or, when a group's choice is unknown, the text
    once per option of the first such group (``alternatives``)."""

    text: str
    alternatives: tuple[str, ...] = ()
    read: bool = False  # a group or a pick list was found


@dataclass(frozen=True, slots=True)
class _Group:
    start: int  # where the field (or the first box) starts
    end: int  # where the last option ends
    field: str  # "Contrast:" or ""
    options: tuple[str, ...]
    chosen: tuple[str, ...]
    radio: bool
    pick_list: bool = False


def _groups(text: str) -> list[_Group]:
    boxes = list(BOX.finditer(text))
    spans: list[tuple[re.Match[str], str, int]] = []  # box, its option, where the option ends
    for n, box in enumerate(boxes):
        stop = boxes[n + 1].start() if n + 1 < len(boxes) else len(text)
        lead = len(text[box.end() : stop]) - len(text[box.end() : stop].lstrip(" \t"))
        found = _OPTION_END.search(text, box.end() + lead, stop)
        end = found.start() if found else stop
        while end > box.end() and text[end - 1] in ") \t" and _unbalanced(text[box.end() : end]):
            end -= 1  # "(Contrast: [ ] Yes [x] No)": the bracket around the field closes after its last option
        spans.append((box, text[box.end() : end].strip(), end))
    out: list[_Group] = []
    run: list[tuple[re.Match[str], str, int]] = []
    for item in spans:
        if run and text[run[-1][2] : item[0].start()].strip():
            out.append(_group(text, run))
            run = []
        run.append(item)
    if run:
        out.append(_group(text, run))
    for pick in _PICK_LIST.finditer(text):
        options = tuple(o.strip() for o in re.split(r"[/|]", pick.group("options")) if o.strip())
        field, start = _field(text, pick.start())
        out.append(_Group(start, pick.end(), field, options, (), True, pick_list=True))
    return sorted(out, key=lambda g: g.start)


def _exams_not_ticked(group: _Group, exam: Callable[[str], bool]) -> bool:
    """Whether a group is check boxes with no field, none ticked, each option an exam of its own ("[ ] MUGA"): on a form
    whose other boxes are ticked, exams not ordered (round 33o). A field's boxes left blank stay a choice not made."""
    plain = not (group.field or group.radio or group.pick_list or group.chosen)
    return plain and all(option and exam(option) for option in group.options)


def _unbalanced(option: str) -> bool:
    return option.count(")") > option.count("(") or option.endswith((" ", "\t"))


def _field(text: str, at: int) -> tuple[str, int]:
    """The field label before ``at`` ("Contrast:", "3D:", "Continue?") and where it starts; ("", at) when none."""
    before = text[:at].rstrip()
    starts = [m.end() for m in _FIELD_START.finditer(before)]
    start = starts[-1] if starts else 0
    label = before[start:].strip()
    if label.endswith((":", "?")) and any(c.isalpha() for c in label) and len(label) <= 40:
        return label, start
    return "", at


def _group(text: str, run: list[tuple[re.Match[str], str, int]]) -> _Group:
    field, start = _field(text, run[0][0].start())
    options = tuple(option for _, option, _ in run)
    chosen = tuple(option for box, option, _ in run if ticked(box))
    return _Group(start, run[-1][2], field, options, chosen, all(radio(box) for box, _, _ in run))


def _written(group: _Group, value: str, answered: bool = False) -> str:
    if group.field:
        return f" ; {group.field} {value} ; "
    if answered:  # "contrast [ ] yes [x] no": the words before the boxes ask, as "contrast: no" would
        return f": {value} ; "
    return f" {value} "


def choices(
    text: str,
    differ: Callable[[str, Sequence[str]], bool],
    past: Callable[[str], bool],
    answer: Callable[[str], str | None] = lambda option: None,
    exam: Callable[[str], bool] = lambda option: False,
    phases: Callable[[str, Sequence[str]], bool] = lambda field, options: False,
) -> Choices:
    """The text with its choice groups answered (see the module's docstring). A list of check boxes with no field whose
    options say done or declined ("[x] CT CAP done 3/1  [ ] bone scan") is a to-do list, where a tick is a task done,
    not a choice: it is left as written (``order_lists.current_part`` reads it). ``answer`` says whether an option is
    a form's "yes" or "no": both ticked contradict each other, and boxes of answers with no field answer the words
    before them ("contrast [ ] yes [x] no"). Round 33o: ``exam`` says whether an option names a study of its own (an
    exam not ticked on a form whose other boxes are ticked is not ordered), ``phases`` whether options ticked together
    on a field are the two phases of one study ("Contrast: [x] W/O [x] W")."""
    if len(text) > MAX_TEXT or not (BOX.search(text) or "{" in text):
        return Choices(text)
    groups = _groups(text)
    if not groups:
        return Choices(text)
    filled = any(g.chosen for g in groups)  # a box of the form is ticked
    out, at = [], 0
    for group in groups:
        if group.start < at:
            continue  # overlapping finds: the first one stands
        if not (group.field or group.radio or group.pick_list) and any(past(o) for o in group.options):
            continue  # a to-do list
        if filled and _exams_not_ticked(group, exam):
            out.extend((text[at : group.start], "  "))  # "[x] NUC MED  Exam: BONE SCAN  [ ] MUGA": no MUGA (33o)
            at = group.end
            continue
        chosen = group.chosen
        answers = {answer(o) for o in group.options}
        both = len({answer(o) for o in chosen} - {None}) > 1  # "[x] Yes [x] No"
        two = len(chosen) == 2 and not group.radio and phases(group.field, chosen)  # "Contrast: [x] W/O [x] W" (33o)
        alike = not (group.radio or both or differ(group.field, chosen))
        known = two or len(chosen) == 1 or (len(chosen) > 1 and alike)
        answered = None not in answers
        if not known:
            options = (chosen if len(chosen) > 1 else group.options)[:MAX_OPTIONS]
            options = tuple(o for o in options if o) or ("",)
            head, tail = text[: group.start], text[group.end :]
            return Choices(text, tuple(f"{head}{_written(group, o, answered)}{tail}" for o in options), read=True)
        out.append(text[at : group.start])
        # items ticked together: one segment each; the two phases of one study, one statement
        out.append(_written(group, (" and " if two else " ; ").join(o for o in chosen if o), answered))
        at = group.end
    out.append(text[at:])
    return Choices("".join(out), read=True)


def fields_apart(text: str) -> str:
    """The text with each field of an order entry screen pasted on one line ("Ultrasound - Body site: Axilla
    Laterality: Right   Doppler: No") parted from the next at the wide gap before its label, as ";" parts them: each
    "Label: value" is then read as a form's question and its answer (``order_form``), not as one run of words."""
    return _FIELD_GAP.sub(" ; ", text) if len(text) <= MAX_TEXT else text


def defaulted(text: str) -> list[tuple[int, int, str]]:
    """The fields the system filled in by default: (start, end, "field value") of each, the marker left out."""
    if "(" not in text or len(text) > MAX_TEXT:
        return []
    found = []
    for match in _DEFAULTED.finditer(text):
        field, start = _field(text, match.start("field") + len(match.group("field")))
        if not field:
            continue
        found.append((start, match.end(), f"{field} {match.group('value').strip()}"))
    return found


# ------------------------------------------------------------------ read with the order vocabulary (``orders``)
def answer_choices(vocab: OrderVocabulary, text: str) -> Choices:
    """``choices`` with the order vocabulary: options ticked together differ when they state different things on one
    axis; an option is past when it says done or declined."""
    return choices(
        text,
        lambda field, options: _differ(vocab, field, options),
        lambda option: bool({"done", "declined", "held"} & set(parse_order_text(vocab, option).status)),
        lambda option: next((kind for kind, words in vocab.answers.items() if option.lower() in words), None),
        lambda option: bool(parse_order_text(vocab, option).modality),
        lambda field, options: _phases(vocab, field, options),
    )


def _phases(vocab: OrderVocabulary, field: str, options: Sequence[str]) -> bool:
    """Whether options ticked together on a contrast field ("Contrast:", "IV contrast:") say "without" and "with", one
    each: the two phases of one study, without and with contrast, as a CPT descriptor writes it (round 33o)."""
    if not field or not parse_order_text(vocab, field).contrast_word:
        return False
    return sorted(parse_order_text(vocab, option).contrast() or "" for option in options) == ["with", "without"]


def _differ(vocab: OrderVocabulary, field: str, options: Iterable[str]) -> bool:
    """Whether options ticked together state different things on one axis ("[x] noncontrast [x] with IV contrast"), each
    read as its field's answer (round 33o: "Contrast: [x] None [x] IV" is without and with IV contrast: they differ)."""
    said: dict[str, set[Any]] = {}
    for option in options:
        p = parse_order_text(vocab, f"{field} {option}" if field else option)
        stated = (("contrast", p.contrast()), ("intent", frozenset(p.intent)), ("side", frozenset(p.laterality)),
                  ("extent", frozenset(p.extent)), ("tracer", frozenset(p.pharmaceutical)))  # fmt: skip
        for axis, value in stated:
            if value:
                said.setdefault(axis, set()).add(value)
    return any(len(values) > 1 for values in said.values())


def _offered(readings: Sequence[Any], missing: str) -> Any:
    """The first reading made to ask, offering every study the readings name or offer."""
    named: dict[str, Any] = {}
    for r in readings:
        for p in (r.study, *r.choices):
            if p is not None and p.id not in named:
                named[p.id] = p
    status = "ambiguous" if named else "unknown"
    return dataclasses.replace(
        readings[0], status=status, study=None, choices=tuple(named.values())[:6], missing=(missing,)
    )


def asks(reading: Any) -> Any:
    """A reading made to ask which option of a choice is meant, offering what it names."""
    return _offered([reading], "choice")


def unchosen(readings: Sequence[Any]) -> Any:
    """The reading of an order whose choice on the form is not made, or made twice, from the readings of its options
    (round 31o): the order asks, offering the studies the options name; when every option names the same study, the
    choice does not change the study and that study is read."""
    studies = {r.study.id for r in readings if r.status == "resolved" and r.study is not None}
    if len(studies) == 1 and all(r.status == "resolved" for r in readings):
        note = "a choice left open on the order form names this study whichever option is taken"
        return dataclasses.replace(readings[0], assumed=(*readings[0].assumed, note))
    return _offered(readings, "choice")


def by_default_field(vocab: OrderVocabulary, text: str, read: Callable[[str], Any]) -> Any:
    """A field the system filled in by default (round 31o: "Contrast: Without and with (default)"), read against what
    the orderer typed: where the typed words state that attribute otherwise ("Comment: no gadolinium, pregnant",
    "Comment: please give IV contrast"), the order asks, offering what each says - the default is never the answer; a
    defaulted side the typed words contradict is dropped (a side never changes the study: "Radiographs L hip -
    Laterality: Right (defaulted)"). Else the field is read as written. Returns the reading that asks (``read`` of the
    two texts), or the text to read on, or None when no field is defaulted."""
    found = defaulted(text)
    if not found:
        return None
    sides = {"left", "right", "bilateral"}
    typed_only = text
    for start, end, _ in reversed(found):
        typed_only = f"{typed_only[:start]} ; {typed_only[end:]}"
    typed = parse_order_text(vocab, typed_only)  # what the orderer typed: the text without any defaulted field
    for start, end, field in reversed(found):  # from the end: the spans before stay where they are
        rest = f"{text[:start]} ; {text[end:]}"
        given = parse_order_text(vocab, f"order ; {field}")
        typed_sides = (typed.laterality | typed.indication_laterality) & sides
        if given.laterality & sides and typed_sides and not given.laterality & typed_sides:
            text = rest  # the typed side (or the complaint's) stands; the default's is no statement
            continue
        if _contradicted(given, typed):
            return _offered([read(rest), read(f"{text[:start]} ; {field} ; ")], "default")
        text = f"{text[:start]} ; {field} ; {text[end:]}"
    return text


def _contradicted(given: _Parse, typed: _Parse) -> bool:
    """Whether the typed words state an attribute the defaulted field states, otherwise."""
    timing = given.contrast()
    if timing is not None:
        # "please give IV contrast", "no gadolinium, pregnant" beside a defaulted timing: the typed words speak of
        # contrast and do not state that timing
        spoken = typed.contrast() is not None or typed.contrast_question or typed.contrast_doubt
        if spoken and typed.contrast() != timing:
            return True
    for axis in ("intent", "technique", "extent", "pharmaceutical"):
        mine, theirs = getattr(given, axis), getattr(typed, axis)
        if mine and theirs and mine != theirs:
            return True
    return False
