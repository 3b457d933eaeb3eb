"""Round 48u: a bare "nothing changed" word explains a symptom only with a long span or a named cause.

The plain status cues ("unchanged", "stable", "no change", "same as before": ``carried_explanation.status_words`` of
context.yaml, EXPLAINED in context_rules.json) say that a symptom has not changed, not why it is there. The annotation
guide counts a symptom present, new or persistent and not explained by a benign cause; "unchanged for years" with the
cause named ("knee pain from known osteoarthritis, unchanged for years") is explained, "unchanged" alone may be
unchanged since last week's new weakness (chronic_baseline.py holds the same principle). A symptom whose only
explaining cues, in its sentence and in a sentence after it that points back, are such bare status words is read by
the time the words around it give it (``red_flag_readings.status_*`` in context.yaml):

- a long span ("for years", "x 5 yrs", "long-standing", "chronic", "lifelong", "same as past year", "since 2019" more
  than a year before the note's latest year) keeps it explained, as does a status word that itself tells the
  patient's usual ("at baseline", "no different from usual");
- a recent onset told for it ("x 3 weeks", "for 10 days", "since onset", "since it began", "since last Tuesday",
  "started 2 weeks ago", "since March", a date within the year, "new"): the status word is no explanation, the
  symptom counts as it would without it (and no chronic baseline explains it with an illness named elsewhere);
- neither (or both): the status word leaves the symptom uncertain, sent to confirmation, never dropped.

A named benign cause ("from known OA", an illness of chronic_baseline, a cause of named_causes) is another
explaining cue or pass and keeps its reading; a status word that speaks of a study or a value ("hip pain, bone scan
no change from 2023") is already not the symptom's (explanations.py). The segment read for the span is the
symptom's sentence on its line, from the last ";" or ":" (or the symptom before it) to the next symptom, widened to
the status cue itself. Every word is data; the regular expressions only join them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from typing import Any

from rightscan.adapters.text.components import doc_text
from rightscan.adapters.text.pass_words import norm
from rightscan.adapters.text.rule_pass import ANY_SYMPTOM, NoteMentions

_SKIP = frozenset({"negated", "hypothetical", "family", "historical", "warning"})
_YEAR = r"(?:19|20)\d\d"
# blanks and words are matched possessively: a run of thousands of blanks costs one pass, never a split of it
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?"
    r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_AGE_AFTER = re.compile(r"[ \t-]*+(?:old\b|of[ \t]++age\b)", re.IGNORECASE)
# a number in digits ("3wks", "3 wks", "3-week") or in words, a blank or a hyphen after the words ("an" + "d" is not
# "and")
_NUMBER = (
    r"(?:\d{1,3}(?:\.\d)?[ \t]*+-?[ \t]*+"
    r"|(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|few|several|couple(?:[ \t]++of)?)(?:[ \t]++|-))"
)
_SMALL = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
          "nine": 9, "ten": 10, "few": 3, "several": 4, "couple": 2, "couple of": 2}  # fmt: skip
_SHORTHAND = re.compile(r"(?<![\w/])(\d{1,2})/(7|52|12)(?![\w/])")  # "6/52" weeks, "2/7" days, "3/12" months
_SINCE_DATE = re.compile(
    rf"\bsince[ \t]++(?:(?:early|mid|late|the[ \t]++end[ \t]++of|end[ \t]++of)[ \t]++)?"
    rf"(?:(?P<m>{_MONTH})(?:[ \t]++\d{{1,2}}(?:st|nd|rd|th)?)?,?(?:[ \t]++(?P<y1>{_YEAR}))?"
    rf"|(?P<mm>\d{{1,2}})/(?:\d{{1,2}}(?:/(?P<y2>{_YEAR}|\d\d))?|(?P<y4>{_YEAR}))|(?P<y3>{_YEAR}))(?![\w/])",
    re.IGNORECASE,
)
_ANY_YEAR = re.compile(rf"(?<!\d){_YEAR}(?!\d)")


def _alts(words: Iterable[str]) -> str:
    listed = sorted({w for w in words if w}, key=len, reverse=True)
    return "|".join(r"[ \t]++".join(re.escape(p) for p in w.split()) for w in listed)


def _phrases(words: Iterable[str]) -> re.Pattern[str] | None:
    alts = _alts(words)
    return re.compile(rf"(?<![\w-])(?:{alts})(?![\w-])", re.IGNORECASE) if alts else None


class StatusOnset:
    """``red_flag_readings.status_*`` of context.yaml with the status words of ``carried_explanation``, compiled once
    per rule set."""

    def __init__(self, words: Mapping[str, Sequence[str]], status_words: Iterable[str]) -> None:
        self._usual = norm(words.get("status_usual_words", ()))
        self.bare = norm(status_words) - self._usual
        self._long = _phrases(words.get("status_long_words", ()))
        self.value_codes = norm(words.get("status_value_codes", ()))
        leads = _alts(norm(words.get("status_year_leads", ())))
        # "since her 2015 surgery", "unchanged from 2019": a year a few words after a lead dates the start too
        self._lead_year = (
            re.compile(
                rf"(?<![\w-])(?:{leads})(?:[ \t]++[\w'-]++){{0,3}}?[ \t]++(?P<y3>{_YEAR})(?![\w/])", re.IGNORECASE
            )
            if leads
            else None
        )
        self._recent = _phrases(words.get("status_recent_words", ()))
        self._onset = _phrases(words.get("status_onset_verbs", ()))
        # integration 48: an activity told as the cause ("since helping her son move a couch", "after gardening all
        # weekend", "from known OA"): a cause lead, then a gerund that is not an onset's ("since noticing") or "known"
        cause_leads = _alts(norm(words.get("status_cause_leads", ())))
        not_causes = _alts(norm(words.get("status_cause_not_gerunds", ())))
        self._activity = (
            re.compile(
                rf"(?<![\w-])(?:{cause_leads})\s+(?:(?:her|his|my|the)\s+)?(?:known\b|(?!(?:{not_causes})\b)[a-z]{{3,}}ing\b)",
                re.IGNORECASE,
            )
            if cause_leads and not_causes
            else None
        )
        denials = _alts(norm(words.get("status_recent_denials", ())))
        self._denied = (
            re.compile(rf"(?<![\w-])(?:{denials})[ \t]++(?:\w++[ \t]++)?$", re.IGNORECASE) if denials else None
        )
        not_before = _alts(norm(words.get("status_span_not_before", ())))
        day_units, month_units = _alts(words.get("status_recent_units", ())), _alts(words.get("status_month_units", ()))
        self._max_months = max((int(w) for w in words.get("status_recent_max_months", ()) if w.isdigit()), default=0)
        self._length = (
            re.compile(
                rf"(?<![\w-])(?:(?P<not>{not_before})[ \t]++)?(?:(?:the|past|last|about|approx|~)[ \t]++)*(?:x|×)?"
                rf"(?P<n>{_NUMBER})(?:(?P<d>{day_units})|(?P<mo>{month_units}))\.?(?![\w])"
                r"(?P<ago>[ \t]++ago\b)?",
                re.IGNORECASE,
            )
            if day_units and month_units
            else None
        )

    # --- the words of one segment

    def reading(self, text: str, lo: int, hi: int, now_year: int) -> str:
        """``long``, ``recent`` or ``bare``: what the words from ``lo`` to ``hi`` tell of the symptom's time."""
        seg = text[lo:hi]
        long = self._long_span(seg, now_year)
        recent = self._recent_onset(seg, now_year)
        if long and not recent:
            return "long"
        if recent and not long:
            return "recent"
        return "bare"

    def _long_span(self, seg: str, now_year: int) -> bool:
        if self._long is not None:
            for m in self._long.finditer(seg):
                if not _AGE_AFTER.match(seg, m.end()):
                    return True
        return any(self._since_age(m, now_year) == "long" for m in self._since(seg))

    def _recent_onset(self, seg: str, now_year: int) -> bool:
        if self._recent is not None:
            for m in self._recent.finditer(seg):
                if self._denied is None or not self._denied.search(seg, 0, m.start()):
                    return True
        if any(self._since_age(m, now_year) == "recent" for m in self._since(seg)):
            return True
        onset = self._onset is not None and self._onset.search(seg) is not None
        for m in _SHORTHAND.finditer(seg):
            if m.group(2) != "12" or int(m.group(1)) <= self._max_months:
                return True
        if self._length is None:
            return False
        for m in self._length.finditer(seg):
            if m.group("not") or (m.group("ago") and not onset):
                continue  # "recheck in 2 weeks"; "seen 3 weeks ago" (a visit, not the onset)
            if m.group("d") or self._months(m.group("n")):
                return True
        return False

    def _months(self, n: str) -> bool:
        words = " ".join(n.lower().replace("-", " ").split())
        value = _SMALL.get(words) if words in _SMALL else float(words) if words[0].isdigit() else 0
        return bool(value) and value <= self._max_months

    def _since(self, text: str) -> list[re.Match[str]]:
        return [*_SINCE_DATE.finditer(text), *(self._lead_year.finditer(text) if self._lead_year else ())]

    @staticmethod
    def _since_age(m: re.Match[str], now_year: int) -> str | None:
        """How long ago a "since <date>" began: ``recent`` (a month without a year, or the note's year), ``long``
        (two years or more before it), else None."""
        g = m.groupdict()
        year = g.get("y1") or g.get("y2") or g.get("y3") or g.get("y4")
        if year is None:
            return "recent" if g.get("m") or g.get("mm") else None
        y = int(year) + (2000 if len(year) == 2 else 0)
        if g.get("mm") and not 1 <= int(g["mm"]) <= 12:
            return None
        if now_year - y >= 2:
            return "long"
        return "recent" if y >= now_year else None

    # --- the pass

    def judge(self, note: NoteMentions, families: frozenset[str]) -> set[int]:
        """Read every symptom mention explained only by bare status cues (module docstring); return the indices of
        those a recent onset keeps counting (no chronic baseline may explain them with an illness named elsewhere)."""
        recent: set[int] = set()
        doc = note.doc
        mods = [(m, note.categories.get(m.category)) for m in doc._.context_graph.modifiers]
        explaining = [m for m, effect in mods if effect == "explained"]
        if not explaining:
            return recent
        text = doc_text(doc)
        negated_end = {m.modifier_span[1] for m, effect in mods if effect == "negated"}
        edges: dict[tuple[int, int], list[Any]] = {}
        for target, mod in doc._.context_graph.edges:
            if note.categories.get(mod.category) == "explained":
                edges.setdefault((target.start, target.end), []).append(mod)
        symptom_spans = sorted((sp.start, sp.end) for sp, d in zip(note.spans, note.described, strict=True)
                               if d["family"] in ANY_SYMPTOM)  # fmt: skip
        now_year = self.now_year(text)
        for i, span, d, e in note.mentions(families, having={"explained"}, without=_SKIP):
            if any(f.field == "symptoms" and f.value in self.value_codes for f in d["findings"]):
                continue
            lo, hi, clause_end = self._segment(text, doc, note, span, symptom_spans)
            cues = {m.modifier_span: m for m in edges.get((span.start, span.end), ())}
            # the cues told after it in its clause, past a symptom coordinated with it ("numbness and foot drop for 8
            # days, unchanged")
            for m in explaining:
                s, t = m.modifier_span
                if span.end <= s and doc[s].idx < clause_end and s not in negated_end and s - 1 not in negated_end:
                    cues[(s, t)] = m
            if not cues or not all(self._is_bare(text, doc, m) for m in cues.values()):
                continue
            hi = max([hi, *(doc[t - 1].idx + len(doc[t - 1]) for _s, t in cues)])
            lo = min([lo, *(doc[s].idx for s, _t in cues)])
            verdict = self.reading(text, lo, hi, now_year)
            if verdict == "long" or (self._activity is not None and self._activity.search(text, lo, hi)):
                continue  # a long span, or an activity told as the cause (integration 48): explained as it was
            e.discard("explained")
            if verdict == "recent":
                recent.add(i)
            else:
                e.add("uncertain")
        return recent

    def carried(self, note: NoteMentions, i: int, next_sentence: Any) -> str:
        """What a next sentence that points back with only bare status cues ("Back pain x 3 wks. It is unchanged.")
        does to mention ``i``: ``explained`` (a long span), else nothing (a recent onset: counts) or ``uncertain``."""
        doc, span = note.doc, note.spans[i]
        if any(f.field == "symptoms" and f.value in self.value_codes for f in note.described[i]["findings"]):
            return "explained"
        text = doc_text(doc)
        symptom_spans = sorted((sp.start, sp.end) for sp, d in zip(note.spans, note.described, strict=True)
                               if d["family"] in ANY_SYMPTOM)  # fmt: skip
        lo, _hi, _end = self._segment(text, doc, note, span, symptom_spans)
        verdict = self.reading(text, lo, next_sentence.end_char, self.now_year(text))
        return {"long": "explained", "recent": ""}.get(verdict, "uncertain")

    def is_bare_cue(self, note: NoteMentions, mod: Any) -> bool:
        return self._is_bare(doc_text(note.doc), note.doc, mod)

    def _is_bare(self, text: str, doc: Any, mod: Any) -> bool:
        s, t = mod.modifier_span
        said = " ".join(text[doc[s].idx : doc[t - 1].idx + len(doc[t - 1])].lower().split())
        return said in self.bare

    @staticmethod
    def _segment(
        text: str, doc: Any, note: NoteMentions, span: Any, symptoms: Sequence[tuple[int, int]]
    ) -> tuple[int, int, int]:
        """The symptom's part of its sentence on its line: from the last ";" or ":" before it (or the symptom before
        it) to the next symptom, and where its clause ends (the next ";", the end of the sentence or line); character
        offsets."""
        sent = note.sents.of(span.start)
        line_start = text.rfind("\n", 0, span.start_char) + 1
        nl = text.find("\n", span.end_char)
        lo = max(sent.start_char, line_start)
        hi = min(sent.end_char, len(text) if nl < 0 else nl)
        mark = max(text.rfind(";", lo, span.start_char), text.rfind(":", lo, span.start_char))
        lo = max(lo, mark + 1)
        semi = text.find(";", span.end_char, hi)
        hi = clause_end = hi if semi < 0 else semi
        for s, t in symptoms:
            if t <= span.start and doc[t - 1].idx + len(doc[t - 1]) > lo:
                lo = doc[t - 1].idx + len(doc[t - 1])
            elif s >= span.end and doc[s].idx < hi:
                hi = doc[s].idx
                break
        return lo, hi, clause_end

    def now_year(self, text: str) -> int:
        """The year the note is read in: its latest year (one named in it, not after next year, nor one a "since"
        dates), and never before this calendar year (a note seldom names its own year: "since 2015" in a note that names
        only 2015 is not this year's)."""
        this = date.today().year
        since = [(m.start(), m.end()) for m in self._since(text)]
        years = [int(m.group()) for m in _ANY_YEAR.finditer(text)
                 if int(m.group()) <= this + 1 and not any(a <= m.start() < b for a, b in since)]  # fmt: skip
        return max([this, *years])
