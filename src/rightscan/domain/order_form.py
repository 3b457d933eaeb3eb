"""An order form's questions answered inline (round 21o): "<attribute>? <answer>" and "<attribute>: <answer>".

EHR order composers, prior-authorisation portals and utilisation-review worksheets write the questions of an
orderable with their answers into the order's name: "Mammogram, diagnostic -- Tomosynthesis? N", "CT C/A/P -- IV
contrast? Y -- Oral contrast? N", "Breast MRI -- Contrast? N", "CT thorax, contrast Y/N: no". An answer "no" (the
vocabulary's ``answers``, or "not" / "no" with a word after it: "not requested") says the attribute the question
names is not part of the study; "yes" says it is. The question is read with the order vocabulary:

- a question about IV contrast (a contrast noun, a contrast timing: "Contrast?", "IV contrast?", "Gadolinium:")
  answered yes is the study with contrast, answered no the study without (an oral contrast is no IV contrast: its
  question, either answer, states nothing);
- a question about a technique or a part of the study ("Tomosynthesis? N", "3D? Y") answered yes names it,
  answered no leaves it out;
- a question answered "N/A" states nothing, and a question about something else than the study answered by a status
  ("MRI safety screen: done") is that thing's (round 31o);
- any other question ("Sedation? N", "Pregnant? N", "Contrast allergy? N") answered no states nothing; answered
  yes, its words are read as written ("Pregnant? Y" still puts contrast in question).

Study words written before the question in its segment ("CT chest contrast: none") stay the study's. Round 47q: a
label of words that state nothing may stand before the answer ("OK to protocol as w/ and w/o gad? Reply: yes",
"Contrast? Radiologist: no"): who answers, not what; the answer is read as if it stood alone. A question
with any other answer ("Laterality: R", "Reason: palpable lump", "Complete/Limited: Limited") is left as written,
and so is a checkbox here (round 31o: ``order_choices`` has already written a ticked box as its answer, "contrast [ ]
yes [x] no" as "contrast: no"). Pure; the meanings come from the vocabulary, read by the
caller's ``read`` (``order_text``), so that this module imports no reader of its own.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from rightscan.domain.knowledge import OrderVocabulary, TermMeaning

Items = list[tuple[str, TermMeaning | None]]

# the question mark or colon of a form's question is followed by a space ("Contrast? N"); "?lung mets" is a query
# where a form's questions meet: a spaced dash, brackets, ",", ";", "|", a line break, a sentence's end
_PART = re.compile(r"(\s[-\u2013\u2014]+\s|[()\[\]{};,|\n]|\.\s+)")
_OFFERED = re.compile(r"\(\s*(y\s*/\s*n|yes\s*/\s*no)\s*\)", re.IGNORECASE)  # "(Y/N)": not a bracket of its own
_CHOICES = r"(?:(?:y\s*/\s*n|yes\s*/\s*no)\s*)"  # the answers offered: "Y/N", "yes/no"
# round 47q: a question and whatever answers it ("OK to protocol as w/ and w/o gad? Reply: yes"), and a reply's label
_ASKED = re.compile(r"^(?P<q>[^?]*[A-Za-z][^?]*?)\?\s+(?P<rest>\S.*?)\s*[.!]?\s*$", re.DOTALL)
_LABEL = re.compile(r"^(?P<label>[A-Za-z]+(?:\s+[A-Za-z]+)?)\s*:\s+(?P<rest>\S.*)$", re.DOTALL)
_SIGNS = frozenset({"/", "-", "+", "&", "and", "or", ",", ":"})
# round 47q: who answers may be written before the answer ("... w/ and w/o gad? Reply: yes", "Radiologist: no"): a label
_QUESTION = re.compile(
    rf"^(?P<q>[^?:]*[A-Za-z][^?:]*?)\s*{_CHOICES}?[?:](?=\s)\s*(?:{_CHOICES}[?:]?\s*)?"
    r"(?:(?P<label>[A-Za-z]+(?:\s+[A-Za-z]+)?)\s*:\s+)?"
    r"(?P<a>n/a|[A-Za-z]+(?:\s*[/&]\s*[A-Za-z]+)*(?:\s+[A-Za-z]+(?:\s*[/&]\s*[A-Za-z]+)*){0,2})\s*[.!]?\s*$",
    re.IGNORECASE,
)


def _answer(vocab: OrderVocabulary, words: str) -> str | None:
    """'yes', 'no', 'not_applicable' or None (the answer is a value, not a yes or a no)."""
    said = words.lower().split()
    if " ".join(said) in vocab.answers.get("not_applicable", frozenset()):
        return "not_applicable"
    if len(said) == 1:
        for kind in ("yes", "no"):
            if said[0] in vocab.answers.get(kind, frozenset()):
                return kind
        return None
    return "no" if said[0] in ("no", "not") else None  # "not requested", "not needed", "no thanks"


def _asks_about(m: TermMeaning | None) -> bool:
    """Whether a word belongs to the question, not to the study named before it in the segment."""
    return m is None or not (m.regions or (m.modality and not m.technique))


def _contrast(items: Items) -> bool:
    meanings = [m for _, m in items if m is not None]
    iv = any(m.contrast_word or m.contrast for m in meanings)
    return iv and not any(m.indication or m.contrast_question for m in meanings)


def _rewrite(vocab: OrderVocabulary, read: Callable[[str], Items], part: str) -> str:
    if (offer := _offer(vocab, read, part)) is not None:
        return offer
    match = _QUESTION.match(part)
    if match is None or (match.group("label") and not _says_nothing(read(match.group("label")))):
        return part  # a label before the answer that says something ("Laterality: Left: yes") is no reply's label
    items = read(match.group("q"))
    split = len(items)
    while split > 0 and _asks_about(items[split - 1][1]):
        split -= 1
    study, question = " ".join(word for word, _ in items[:split]), items[split:]
    if not question:
        return part
    kind = _answer(vocab, match.group("a"))
    answer = read(match.group("a"))
    if study and _result_line(question, answer):
        return f" {study} done "  # round 31 (O2): "PET/CT result: negative", "Bone scan 2/11: no osseous mets"
    if kind == "no" and len(match.group("a").split()) > 1 and any(_names_part(m) for w, m in answer if w != "no"):
        return part  # round 31o: "Comment: no tomo", "Comment: no gadolinium" negate a part; they answer no question
    if kind == "not_applicable" or (kind is None and _status_only(answer)):
        # round 31o: "Laterality: N/A", "Oral contrast? N/A" state nothing; "MRI safety screen: done" is the screen's
        # status, not the study's
        return f" {study} "
    if kind is None:
        asked = _contrast(question) and not any(m is not None and (m.contrast or m.with_marker) for _, m in question)
        if asked and answer and all(m is not None and m.enteric for _, m in answer):
            said = f"{match.group('a')} contrast"  # round 31 (O1): "Contrast: oral" is the enteric contrast only
        elif asked and _timing_only(answer):
            # round 31o: "Contrast: Without", "Contrast: Without and with" (a field's value, or the option chosen on the
            # form): the timing of the contrast the question names, not a bare "contrast" and then a "without"
            said = f"{match.group('a')} contrast"
        elif _contrast(question) and not asked and _timing_only(answer):
            # round 47q: a question that offers a timing answered with another ("MRI brain - w/wo? Reply: w/o only"):
            # the answer's timing, never the two read together as both phases
            said = match.group("a")
        elif not asked or _states_contrast(answer):
            return part  # "Laterality: R", "Contrast: IV": read as written
        else:
            said = "contrast as indicated"  # "Contrast? TBD", "Contrast: routine": whether it is given is the question
    elif _contrast(question) and any(m is not None and m.contrast for _, m in question):
        # the question states a timing itself ("Non-contrast? Y", "Contrast enhanced? N"): a yes is that timing, a
        # no leaves which one to ask
        said = " ".join(word for word, _ in question) if kind == "yes" else "contrast as indicated"
    elif _contrast(question):
        said = "with contrast" if kind == "yes" else "without contrast"
    elif kind == "yes":
        said = " ".join(word for word, _ in question)
    elif any(m is not None and m.status == "proposed" for _, m in question):
        said = "cancelled"  # round 31o: "Continue? No", "Proceed? N": the order is not going on
    else:
        said = ""  # a technique left out, a sign or a risk denied: nothing the study is
    return f" {study} {said} ".replace("  ", " ") if study or said else " "


def _offer(vocab: OrderVocabulary, read: Callable[[str], Items], part: str) -> str | None:
    """Round 47q: a question that offers a contrast timing in words of its own ("OK to protocol as w/ and w/o gad?"),
    with its answer after it (a reply's label set aside: "Reply: yes"). The timing offered is no statement: a yes makes
    it the study's, an answer that states a timing is that timing ("Reply: w/o only"), any other answer leaves the
    contrast to ask ("Reply: no", "Dr Lee: no"). None when the part is no such question (a study's own "w/wo ? mets",
    "Contrast? N": the form's questions above)."""
    found = _ASKED.match(part)
    if found is None:
        return None
    items = read(found.group("q"))
    split = len(items)
    while split > 0 and _asks_about(items[split - 1][1]):
        split -= 1
    study, question = " ".join(word for word, _ in items[:split]), items[split:]
    offered = any(m is not None and m.contrast for _, m in question)
    if not offered or all(word in _SIGNS or (m is not None and _states_contrast([(word, m)])) for word, m in question):
        return None
    rest = found.group("rest")
    label = _LABEL.match(rest)
    if label is not None and _says_nothing(read(label.group("label"))):
        rest = label.group("rest")
    answer = read(rest)
    words = rest.split()
    if any(m is not None and (m.contrast or m.with_marker) for _, m in answer):
        said = rest  # the answer's own timing
    elif words and _answer(vocab, words[0].strip(".,!")) == "yes":
        said = " ".join([*(word for word, _ in question), *words[1:]])
    else:
        said = f"contrast as indicated {rest}"
    return f" {study} {said} "


def _says_nothing(items: Items) -> bool:
    """Whether a label before an answer is only words that state nothing ("Reply", "Radiologist", "Answer"): who
    answers, not what (round 47q, a protocoling question and its reply)."""
    return bool(items) and all(m is not None and m.noise and not (m.status or _names_part(m)) for _, m in items)


def _names_part(m: TermMeaning | None) -> bool:
    return m is not None and bool(m.technique or m.modality or m.regions or m.contrast or m.contrast_word)


def _result_line(question: Items, answer: Items) -> bool:
    """Whether a question after a study is the study's result (round 31, fifteenth security pass O2): a status of a
    study done ("PET/CT result: negative", "PET/CT reported: ...", "showed:"), or only a date answered by a result
    word ("Bone scan 2/11: no osseous mets", "CT CAP (1/11): NAD"). The study was done; it is no order to rate."""
    if _status_only(question):
        return True
    dated = all(m is None and (word.isdigit() or word == "/") for word, m in question)
    return dated and any(m is not None and m.status == "done" for _, m in answer)


def _status_only(items: Items) -> bool:
    """Whether an answer is a status and nothing else ("done", "completed")."""
    return bool(items) and all(m is not None and m.status in ("done",) for _, m in items)


def _timing_only(items: Items) -> bool:
    """Whether an answer is a contrast timing and nothing else ("Without", "with and without", "w/o")."""
    said = [m for _, m in items]
    timing = any(m is not None and (m.contrast or m.with_marker) for m in said)
    return timing and all(m is not None and (m.contrast or m.with_marker or m.noise) for m in said)


def _states_contrast(items: Items) -> bool:
    said = [m for _, m in items if m is not None]
    return any(m.contrast or m.contrast_word or m.contrast_route or m.contrast_question for m in said)


def answer_questions(vocab: OrderVocabulary, text: str, read: Callable[[str], Items]) -> str:
    """The text with each question answered yes or no written as what the answer states (see the docstring)."""
    if "?" not in text and ":" not in text:
        return text
    parts = _PART.split(_OFFERED.sub(r" \1 ", text))
    return "".join(part if n % 2 else _rewrite(vocab, read, part) for n, part in enumerate(parts))
