"""Round 28: one cue phrase, one reading.

Two ConText cues that match the same words (the same span) are pruned to one by medspaCy, and which one survives
depends on the order spaCy's matchers report them, which follows the cues' internal ids: adding or removing any
unrelated cue earlier in context_rules.json renumbers them and can silently swap the reading. Round 28 met it as
"Eval osseous mets." (v14, v16, v20 blind notes): "eval" was both a forward purpose cue ("eval mets") and, in
another cue's word list, a backward one ("mets eval"); adding seven unrelated cues flipped which one survived and the
metastases to be evaluated were read as proven (M1). So no phrase may be spelt by two cues with different readings
(category, direction, reach, allowed or excluded types); two cues that agree are harmless.
"""

from __future__ import annotations

from collections import defaultdict


def _phrase_readings() -> dict[str, set[tuple[object, ...]]]:
    from rightscan.adapters.text import _engine

    context = _engine().analyser.nlp.get_pipe("medspacy_context")
    readings: dict[str, set[tuple[object, ...]]] = defaultdict(set)
    for rule in context._ConText__matcher.rule_map.values():  # medspaCy keeps its matcher private
        if rule.pattern is None:  # a phrase cue (a literal, or a word-list pattern spelt out as its phrases)
            reading = (
                rule.category,
                rule.direction,
                rule.max_scope,
                tuple(sorted(rule.allowed_types or ())),
                tuple(sorted(rule.excluded_types or ())),
            )
            readings[rule.literal.lower()].add(reading)
    return readings


def test_the_rule_set_holds_thousands_of_phrase_cues() -> None:
    assert len(_phrase_readings()) > 5000  # the check below reads the real rule set, not an empty one


def test_no_phrase_is_spelt_by_two_cues_that_read_it_differently() -> None:
    clashes = {phrase: sorted(r, key=str) for phrase, r in _phrase_readings().items() if len(r) > 1}
    assert clashes == {}


def test_eval_reads_forward_whatever_the_rule_count() -> None:
    from nlp_helpers import tumor

    for line in ("Eval osseous mets.", "Eval brain mets.", "EVAL METS."):
        assert tumor("58F new dx L breast IDC 1.6 cm, cN0.\n" + line).get("m") != "M1", line
