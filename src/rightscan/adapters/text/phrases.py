"""The rule files' small languages: phrase choices ("(a|b c)? d") and named regex fragments ("{ER}")."""

from __future__ import annotations

import itertools
import re
from collections.abc import Mapping

from rightscan.adapters.text.rule_files import RulesError

MAX_EXPANSIONS = 2000  # per phrase; a phrase that expands further is a mistake in the file

# ------------------------------------------------------------------ phrase syntax
_TOKEN = re.compile(r"\s+|\((?:[^()\\]|\\.)*\)\??|(?:[^\s()\\]|\\.)+")


def expand_phrase(phrase: str) -> list[str]:
    """'(a|b c)? d' -> ['a d', 'b c d', 'd']. Choices in parentheses, '?' after a word or a choice
    makes it optional, a bare '?' is the question mark, backslash escapes a parenthesis."""
    slots: list[list[str]] = []
    pos = 0
    while pos < len(phrase):
        m = _TOKEN.match(phrase, pos)
        if m is None:
            raise ValueError(f"cannot read the phrase near {phrase[pos : pos + 15]!r} (unbalanced parenthesis?)")
        pos = m.end()
        tok = m.group(0)
        if tok.isspace():
            continue
        optional = False
        if tok.startswith("("):
            if tok.endswith("?"):
                optional, tok = True, tok[:-1]
            choices = [_unescape(c).strip() for c in re.split(r"(?<!\\)\|", tok[1:-1])]
            if any(not c for c in choices):
                raise ValueError(f"empty choice in {tok!r}")
        else:
            if len(tok) > 1 and tok.endswith("?") and not tok.endswith("\\?"):
                optional, tok = True, tok[:-1]
            choices = [_unescape(tok)]
        slots.append([*choices, ""] if optional else choices)
    total = 1
    for s in slots:
        total *= len(s)
    if total > MAX_EXPANSIONS:
        raise ValueError(f"expands to {total} phrases (more than {MAX_EXPANSIONS})")
    out = []
    for combo in itertools.product(*slots):
        text = " ".join(part for part in combo if part).strip()
        if text:
            out.append(text.lower())
    if not out:
        raise ValueError("expands to nothing")
    return list(dict.fromkeys(out))


def _unescape(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text)


# ------------------------------------------------------------------ regex fragments
_FRAGMENT_REF = re.compile(r"\{([A-Z][A-Z0-9_]*)\}")


def substitute(pattern: str, fragments: Mapping[str, str], where: str, depth: int = 0) -> str:
    if depth > 8:
        raise RulesError(f"{where}: fragments refer to each other in a loop")

    def repl(m: re.Match[str]) -> str:
        name = m.group(1)
        if name not in fragments:
            raise RulesError(f"{where}: unknown fragment {{{name}}}")
        return substitute(fragments[name], fragments, f"{where} > {name}", depth + 1)

    return _FRAGMENT_REF.sub(repl, pattern)


def word_patterns(words: list[str]) -> tuple[re.Pattern[str], ...]:
    """Each word, lower-cased, not inside a longer word: no letter or digit right before or after it. The word comes
    first and the check before it follows it (a look-behind over the letter before and the word itself), so that
    ``re`` looks for the word as a literal instead of trying the look-behind at every character: the same matches."""
    return tuple(_word_pattern(re.escape(w.strip().lower())) for w in words)


def _word_pattern(word: str) -> re.Pattern[str]:
    if not word:
        return re.compile(r"(?<![a-z0-9])(?![a-z0-9])")
    return re.compile(word + r"(?<![a-z0-9]" + word + r")(?![a-z0-9])")
