"""Round 50t: a pain question answered yes, its site told on the next line ("Are you having any new pain?  ● Yes  ○ No"
over 'If yes, where? "my lower back and now my right ribs too"').

A questionnaire asks about pain without a site and asks the site below, under a Yes; the patient's answer names the
site in her own words. Read as written, neither line holds a symptom's phrase (v50 bx-034: her back and rib pain were
missed). Here, where a line asking about pain (``pain_question_words``) is answered yes (a yes word after its
question mark or colon, no no word: the circled/radio pass has already kept only the chosen answer), the next line's
site prompt (``site_prompts``: "If yes, where?", "Location:", "Which part?") is rewritten as the field "pain:" and the
answer's opening quote and possessive ("my", "her") are blanked, so that the answer reads as the pain field the
targets know ("pain: lower back", targets.yaml round 44b). A question answered no, or a prompt under another
question, is left as written. Same length, same offsets.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class PainWhere:
    question: re.Pattern[str]
    prompt: re.Pattern[str]
    yes: re.Pattern[str]
    no: re.Pattern[str]


def _alternatives(words: Any) -> str:
    return "|".join(re.escape(" ".join(str(w).split())).replace(r"\ ", r"[ \t]+") for w in
                    sorted(words, key=len, reverse=True))  # fmt: skip


def compile_pain_where(spec: Mapping[str, Any]) -> PainWhere | None:
    pains, prompts = spec.get("pain_question_words", ()), spec.get("site_prompts", ())
    if not pains or not prompts:
        return None
    return PainWhere(
        re.compile(rf"\b(?:{_alternatives(pains)})\b[^\n?:]*[?:]", re.IGNORECASE),
        re.compile(
            r"^[ \t]*(?:[-*•]|\d+[.)])?[ \t]*(?P<prompt>(?:if[ \t]+(?:yes|so)[ \t]*,?[ \t]*)?"
            rf"(?:{_alternatives(prompts)})"
            r"[ \t]*[?:]+)[ \t]*(?P<quote>[\"“”']?)[ \t]*(?P<poss>(?:my|her|his)[ \t]+)?",
            re.IGNORECASE,
        ),
        re.compile(rf"(?<![\w/])(?:{_alternatives(spec['yes'])})(?![\w/])", re.IGNORECASE),
        re.compile(rf"(?<![\w/])(?:{_alternatives(spec['no'])})(?![\w/])", re.IGNORECASE),
    )


def pain_sites(pw: PainWhere | None, text: str) -> str:
    """``text`` with each site prompt under a pain question answered yes read as the field "pain:" (same length)."""
    if pw is None or ("?" not in text and ":" not in text):
        return text
    chars: list[str] | None = None
    lines = text.split("\n")
    start_next = 0
    for k, line in enumerate(lines[:-1]):
        start_next += len(line) + 1
        q = pw.question.search(line)
        if q is None:
            continue
        answer = line[q.end() :]
        if not pw.yes.search(answer) or pw.no.search(answer):
            continue
        m = pw.prompt.match(lines[k + 1])
        if m is None or len(m.group("prompt")) < 5:
            continue
        chars = chars if chars is not None else list(text)
        s, e = m.span("prompt")
        chars[start_next + s : start_next + e] = list("pain:".ljust(e - s))
        for group in ("quote", "poss"):
            if m.group(group):
                s, e = m.span(group)
                chars[start_next + s : start_next + e] = [" "] * (e - s)
    return text if chars is None else "".join(chars)
