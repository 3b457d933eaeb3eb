"""Round 14 (safe14): symptoms named without being stated: asked and not answered, or part of a title.

Two ways a note names a red-flag symptom without saying the patient has it. ConText reads both as plain statements,
which raised a red flag from words that say nothing of her (an unsafe answer). The safe reading is neither stated
nor denied: the symptom is left to confirm (``uncertain``), so the answer waits for it, unless another mention of the
note states it.

- **asked, not answered** (``asked``): a question whose words before the symptom only ask ("Any bone pain?",
  "Headaches?", "Has she had any back pain or headaches?") or a query mark right before it ("? bone pain"; round 37a:
  past a word or two of degree, ``query_degree_words``: "sclerae ? faintly icteric"). An answer on the question's line
  or on the line below ("Any bone pain? yes, L hip"; "Bone pain? no"; "Cough? [x] Y") is left to the readers of
  answers (layout, form rows, ConText): the question is answered. A question that is the writer's own about a symptom
  she states ("Headaches for 2 weeks - should I be worried?") is not asked of it: a word of ``asking_stops`` between
  the symptom and the question mark keeps the statement, as does a word before the symptom that is not an asking word
  ("My back pain is worse, what can I take?").
- **a title** (``titled``): a symptom inside a quoted name of a document, a protocol or an order set ('"Headache /
  neuro symptoms pathway" opened'; 'gave the "Bone pain after treatment" leaflet'), or named right before such a noun
  ("CT head (headache protocol)"). A quote without such a noun is someone's words ('she says "my hips ache"') and
  keeps its reading.

The words are data (context.yaml ``red_flag_readings``: asking_words, asking_stops, answered_words, title_nouns; the
answer words of ``layout``). Plain passes over the doc and the mentions' effect sets (changed in place).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from spacy.tokens import Doc, Span

from rightscan.adapters.text.components import doc_text
from rightscan.adapters.text.feared_mentions import FearedMentions
from rightscan.adapters.text.pass_words import norm
from rightscan.adapters.text.sentences import Sentences

Described = list[dict[str, Any]]
Effects = list[set[str]]

# effects that already keep a symptom from being stated: the passes leave such a mention as it is
SETTLED = frozenset(
    {"negated", "historical", "hypothetical", "family", "explained", "uncertain", "unread_mark", "purpose"}
)
QUERY_BEFORE = frozenset(" \t\n(:;,-–—")  # what may stand right before a query mark that opens a symptom
# what may stand between a question mark and its answer ('"Any bone pain?" - yes', "Cough? -> Y", "Q: ... A: yes")
# round 47m: the answer's speaker in brackets after the mark ("A (husband): no.", read by the layout as "A:(husband):")
_ANSWER_LEAD = re.compile(
    r"""["'”’)\]\s:=\-–—>→⇒]*(?:(?:a|ans|answer|response|reply)\s*(?:[:.\-–—]\s*(?:[(\[][^()\[\]\n]{1,40}[)\]]\s*"""
    r"""[:.\-–—]\s*)?|[(\[][^()\[\]\n]{1,40}[)\]]\s*[:.\-–—]\s*))?""",
    re.I,
)
_BRACKETED = re.compile(r"[(\[][^()\[\]\n]{1,40}[)\]]")
# quoted text: double quotes, curly quotes, or single quotes that open after a blank and close before one
_QUOTES = re.compile(r"\"([^\"\n]{2,160})\"|“([^”\n]{2,160})”|‘([^’\n]{2,160})’|(?<![\w'])'([^'\n]{2,160})'(?![\w'])")
# a blank the layout left where it read an answer ("Bone pain? yes" reads "Bone pain?    "): the question is answered
_BLANKED = re.compile(r"[^\w\n]*?(?:\b(?:a|ans|answer|response|reply)[ \t]*[:.\-–—])?[^\w\n]*?[ \t]{2}", re.I)
TITLE_NEAR = 3  # words between a closing or opening quote and the title noun that names the quote
TITLE_GAP = 3  # words between a symptom and a title noun right after it ("headache / neuro symptoms pathway")
_TITLE_GAP_MARKS = frozenset({"/", "-", "&", "+"})
QUERY_DEGREE_REACH = 2  # round 37a: words of degree between a query mark and the sign it opens ("? faintly icteric")
DOUBT_REACH = 8  # round 31b: words between a finding and the query mark that doubts it ("palpable ~2 FB below CM?")
# round 56q: what ends the words before a question in its sentence: a label, or a clause break - a spaced dash or a
# comma ("RN: thanks for your message - any headaches or vision changes?"; "Hi Mrs K, any back pain?")
QUESTION_OPENS = frozenset({":", ";", ",", "-", "–", "—"})
_CLAUSE_ENDS = frozenset({"?", ",", ";", ".", ":", "!"})
ANSWER_BLANK_LINES = 2  # round 54r: blank lines between a question and the answer that denies its symptoms by name
ITEM_WORDS = 3  # round 47b: the most words of another item of a question's list ("Q: Fever, night sweats, bone pain?")
# a transcript's time and speaker before an answer: "[09:06] Patient:", "Pt:", "A (husband):", "Ordering A1:"
_SPEAKER = re.compile(r"\s*(?:\[[\d:.apm\s]{3,12}\]\s*)?(?P<label>[A-Za-z][\w.' ]{0,30}?(?:\s*\([^)\n]{1,30}\))?)\s*:")
_WHO = re.compile(r"\s*\([^)\n]{1,30}\)\s*:")
_ANSWER_WORDS = re.compile(r"[a-z0-9][a-z0-9/']*")  # an answer's words (its punctuation and quotes left out)


def _the_patient(doc: Doc, i: int) -> bool:
    """Round 47a: "the" naming the patient in a question ("Does the patient have headache, seizure or ...?")."""
    return doc[i].lower_ == "the" and i + 1 < len(doc) and doc[i + 1].lower_ in {"patient", "pt"}


def _codes(d: Mapping[str, Any]) -> set[Any]:
    """The symptom codes a mention states or leaves to confirm (round 54r)."""
    if not str(d.get("family", "")).startswith("symptom"):
        return set()
    return {f.value for f in d.get("findings", ()) if f.field == "symptoms" and f.value} | set(
        d.get("confirm_values", ()) or ()
    )


class UnstatedMentions:
    """Symptoms asked and not answered, and symptoms inside titles: left to confirm."""

    def __init__(self, words: Mapping[str, Sequence[str]], layout: Mapping[str, Sequence[str]]) -> None:
        self.asking = norm(words.get("asking_words", ()))
        self.stops = norm(words.get("asking_stops", ()))
        self._feared = FearedMentions(words)  # round 52d: a symptom named as what she fears ("every headache ...")
        self.degree = norm(words.get("query_degree_words", ()))  # round 37a: "? faintly icteric"
        self.answers = norm(
            [
                *words.get("answered_words", ()),
                *layout.get("yes", ()),
                *layout.get("no", ()),
                *layout.get("negative_answers", ()),
                *layout.get("unsure_answers", ()),
            ]
        )
        self.denials = norm([*layout.get("no", ()), *layout.get("negative_answers", ())])
        # round 47a: how an answer to a question reads (a yes leaves it to the layout; a bare denial denies it)
        self.affirmative = norm([*layout.get("yes", ()), *words.get("answer_affirmatives", ())])
        self.bare_denials = self.denials | norm(words.get("answer_denials", ()))
        self.fillers = norm(words.get("answer_denial_fillers", ()))
        self.speakers = norm(words.get("answer_speakers", ()))
        titles = sorted(norm(words.get("title_nouns", ())), key=len, reverse=True)
        self.title_phrases = tuple(tuple(t.split()) for t in titles)
        self._title_words = re.compile(
            r"(?<![\w])(?:" + "|".join(r"\s+".join(map(re.escape, t.split())) for t in titles) + r")(?![\w])", re.I
        ) if titles else None  # fmt: skip

    def apply(self, doc: Doc, spans: Sequence[Span], described: Described, effects: Effects, sents: Sentences) -> None:
        self._feared.apply(doc, spans, described, effects, sents)  # round 52d (feared_mentions.py)
        todo = [i for i, d in enumerate(described) if d["family"].startswith("symptom") and not effects[i] & SETTLED]
        if not todo:
            return
        text = doc_text(doc)
        titled = self._titled_quotes(text) if any(q in text for q in "\"“‘'") else []
        starts = frozenset(
            sp.start for sp, d in zip(spans, described, strict=True) if d["family"].startswith("symptom")
        )
        for i in todo:
            span = spans[i]
            asked = self._asked(doc, text, span, sents, starts) if "?" in text else None
            if asked == "uncertain" and self._denied_by_name(spans, described, effects, i, text):
                asked = "negated"  # round 54r: "Any back pain?" / "Patient: No back pain."
            if asked == "negated":  # round 47a: "Q: Headaches or neuro symptoms?\nA: None."
                effects[i].add("negated")
            elif self._in_title(doc, span, titled) or asked or ("?" in text and self._doubted(doc, text, span, sents)):
                effects[i].add("uncertain")

    # ------------------------------------------------------------------ asked, not answered
    def _asked(self, doc: Doc, text: str, span: Span, sents: Sentences, symptoms: frozenset[int]) -> str | None:
        """A symptom only asked about: "uncertain" (no answer, or one that does not say yes or no plainly), "negated"
        (round 47a: a bare denial answers it), or None (not a question; or answered yes, or by a box or a sign that
        the layout reads)."""
        k = span.start - 1
        while k >= 0 and doc[k].is_space:
            k -= 1
        skipped = 0  # round 37a: a word or two of degree between the mark and the sign ("sclerae ? faintly icteric")
        while k >= 1 and skipped < QUERY_DEGREE_REACH and doc[k].lower_ in self.degree and doc[k].text != "?":
            k -= 1
            skipped += 1
            while k >= 0 and doc[k].is_space:
                k -= 1
        if k >= 0 and doc[k].text == "?":  # a query mark opening the symptom ("? bone pain", "Assessment: ?headache")
            at = doc[k].idx
            if at == 0 or text[at - 1] in QUERY_BEFORE:
                return "uncertain"
        sent = sents.of(span.start)
        mark = next((t for t in reversed(sent) if not t.is_space), None)
        if mark is None or mark.text != "?" or mark.i < span.end:
            return None
        start = sent.start
        for t in doc[sent.start : span.start]:  # the question starts after a label or a line break in its sentence
            if t.text in QUESTION_OPENS or "\n" in t.text:  # round 56q: or a clause break ("Thanks - any headaches?")
                start = t.i + 1
        first = min((k for k in symptoms if start <= k <= span.start), default=span.start)
        asks = all(
            t.is_space or t.is_digit or t.lower_ in self.asking or _the_patient(doc, t.i) for t in doc[start:first]
        )
        if not asks and not self._other_items(doc[start:first].text):  # the words before its first symptom only ask,
            return None  # or name other items of the question's list (round 47b: "Q: Fever, chills, back pain?")
        # the writer's own question about a symptom she states ("Headaches for 2 weeks - should I be worried?")
        if any(t.lower_ in self.stops for t in doc[start : mark.i]):
            return None
        return self._answer_reading(text, mark.idx + 1)

    def _denied_by_name(self, spans: Sequence[Span], described: Described, effects: Effects, i: int, text: str) -> bool:
        """Round 54r (v54 cj-006, cj-020): a question answered by a denial that names the same symptom again ("Any
        back pain, or numbness or weakness in the leg?" / "Patient: No back pain. No numbness or weakness."): the
        answer's own mention of it is negated, and the question is answered no. Only on the answer's line (the
        question's line after its mark, or the next line that holds words); an answer that names it without denying
        it, or names another symptom, leaves the question to confirm as before."""
        mark = text.find("?", spans[i].end_char)
        if mark < 0:
            return False
        nl = text.find("\n", mark + 1)
        lo, hi = mark + 1, len(text) if nl < 0 else nl
        for _ in range(ANSWER_BLANK_LINES + 1):  # the next line that holds words (a blank line or two between)
            if text[lo:hi].strip() or hi >= len(text):
                break
            nxt = text.find("\n", hi + 1)
            lo, hi = hi + 1, len(text) if nxt < 0 else nxt
        asked = _codes(described[i])
        if not asked:
            return False
        answered = [j for j, sp in enumerate(spans) if j != i and lo <= sp.start_char < hi and _codes(described[j])]
        return bool(answered) and all("negated" in effects[j] for j in answered) and asked <= set().union(
            *(_codes(described[j]) for j in answered)
        )

    def _answer_reading(self, text: str, after: int) -> str | None:
        """Round 47a (v47 bp): what the answer to a question ending at ``after`` says of the symptoms it asks about. A
        question never states a symptom by itself: only a yes, or a box or a sign the layout reads, leaves it to the
        readers of answers (None). A bare denial ("A: None.", "no / no", "denies all", "Nope") denies it ("negated");
        a denial with more after it ("No neuro sx whatsoever. Normal neuro exam", "No... well, maybe my hip"), an
        unsure answer, an answer in other words or none at all leave it to confirm ("uncertain"); a mention the answer
        makes of the same symptom is read on its own."""
        nl = text.find("\n", after)
        line = text[after : len(text) if nl < 0 else nl]
        if not line.strip() and not _BLANKED.match(line) and nl >= 0:
            nxt = text.find("\n", nl + 1)
            line = text[nl + 1 : len(text) if nxt < 0 else nxt]
        if _BLANKED.match(line):
            return None  # the layout read and blanked the answer there
        spoken = self._without_speaker(line)  # round 47b: "[09:06] Patient: no", "A (husband): ...", "Pt: None."
        if spoken is not line and not re.search(r"\w", spoken):
            return "uncertain"  # the layout read the speaker's answer as a label's ("Patient: no"): not this question's
        line = spoken
        lead = _ANSWER_LEAD.match(line)
        rest = line[lead.end() if lead else 0 :].strip().lstrip("\"'“”‘’ ")  # an answer quoted: 'A: "Nope."'
        if not rest:
            return "uncertain"
        if not rest[0].isalnum():
            # round 47m: an answer the layout blanked after a speaker's bracket ("A (husband): no") it read as that
            # label's, not the question's: which answer it was is lost here, so the question is left to confirm
            if lead and _BRACKETED.search(lead.group()):
                return "uncertain"
            return None  # a box or a sign answers it: read by the layout
        words = _ANSWER_WORDS.findall(rest.lower())
        first = " ".join(words[:3])
        if any(first == w or first.startswith(w + " ") for w in self.affirmative):
            return None
        denial = next((w for w in sorted(self.bare_denials, key=len, reverse=True)
                       if first == w or first.startswith(w + " ")), None)  # fmt: skip
        if denial is None:
            return "uncertain"
        # the answer's first sentence decides ("None. I run 5Ks."); an ellipsis goes on ("No... well, maybe my hip")
        first_sentence = re.split(r"(?<![.])[.!](?![.])\s", rest + " ", maxsplit=1)[0]
        tail = _ANSWER_WORDS.findall(first_sentence.lower())[len(denial.split()) :]
        return "negated" if all(w in self.bare_denials or w in self.fillers for w in tail) else "uncertain"

    def _other_items(self, words: str) -> bool:
        """Round 47b: the words before a question's first red flag are other items of its list ("Fever, chills,"
        "Any nausea / vomiting or"): short plain items, each closed by a joiner, none of them a word that states."""
        low = words.lower().replace("/", " , ")
        if not re.search(r"(?:,|\bor|\band)\s*$", low):
            return False
        items = [i.split() for i in re.split(r",|\bor\b|\band\b", low)]
        return all(
            len(i) <= ITEM_WORDS and all(w.isalpha() and w not in self.stops for w in i if w not in self.asking)
            for i in items
        )

    def _without_speaker(self, line: str) -> str:
        """Round 47b (v47 bp-008, bp-011, bp-027): the answer line of a transcript opens with a time and its speaker
        ("[09:06] Patient: no", "Pt: None.", "A (husband): ...", "Ordering A1: ..."): the answer starts after them.
        Only the roles of ``answer_speakers`` (context.yaml) are speakers, so "Yes: left hip" stays an answer."""
        m = _SPEAKER.match(line)
        if m is None or not self.speakers:
            return line
        label = " ".join(_ANSWER_WORDS.findall(m.group("label").lower()))
        if any(label == w or label.startswith(w + " ") for w in self.speakers):
            rest = line[m.end() :]
            who = _WHO.match(rest)  # the layout may have moved the colon: "A:(husband): ..."
            return rest[who.end() :] if who else rest
        return line

    def _doubted(self, doc: Doc, text: str, span: Span, sents: Sentences) -> bool:
        """Round 31b (v32 db-023): a finding the writer closes with a query mark ("O/E: tender RUQ, liver edge palpable
        ~2 fingerbreadths below costal margin?"), as "?hepatomegaly" opens one: a doubt, unless the mark is answered or
        the sentence is the writer's own question about a symptom she states ("Why do I have back pain?")."""
        sent = sents.of(span.start)
        k = next((j for j in range(span.end, min(sent.end, span.end + DOUBT_REACH)) if doc[j].text in _CLAUSE_ENDS), -1)
        if k < 0 or doc[k].text != "?":  # the mark closes the finding's own clause (its extent may come first)
            return False
        start = sent.start
        for t in doc[sent.start : span.start]:  # the finding's item starts after a label or a line break
            if t.text in (":", ";") or "\n" in t.text:
                start = t.i + 1
        # a question's words ("Does the bone pain mean the cancer is back?") or the writer's own (stops): not a doubt
        words = [t.lower_ for t in (*doc[start : span.start], *doc[span.end : k]) if t.is_alpha]
        if any(w in self.stops or w in self.asking for w in words):
            return False
        # a form's question opens its item with the symptom ("Losing weight without trying?    [x] Yes  [ ] No   about
        # 6 kg", its boxes read by the layout): a question (``_asked``), not a finding the writer doubts
        if not any(t.is_alpha for t in doc[start : span.start]):
            return False
        return not self._answered(text, doc[k].idx + 1)

    def _answered(self, text: str, after: int) -> bool:
        """Whether an answer follows the question mark ending at ``after``: on its line, or opening the next line."""
        nl = text.find("\n", after)
        rest = text[after : len(text) if nl < 0 else nl]
        if rest.strip() or _BLANKED.match(rest):
            return self._is_answer(rest)
        if nl < 0:
            return False
        nxt = text.find("\n", nl + 1)
        below = text[nl + 1 : len(text) if nxt < 0 else nxt]
        # a denial opening the line below ("Any bone pain?\nNo.") is read by no cue of the question's sentence: the
        # symptom is left to confirm rather than stated (never denied on a reading of the layout alone)
        return self._is_answer(below) and not self._denial_opens(below)

    def _denial_opens(self, line: str) -> bool:
        low = line.strip().lower()
        return any(low.startswith(w) and (len(low) == len(w) or not low[len(w)].isalnum()) for w in self.denials)

    def _is_answer(self, line: str) -> bool:
        if _BLANKED.match(line):
            return True
        lead = _ANSWER_LEAD.match(line)
        rest = line[lead.end() if lead else 0 :].lstrip()
        if not rest:
            return False
        if not rest[0].isalnum():  # a box, a sign, or what the layout left of a blanked answer: "? A: , right hip"
            return True
        low = rest.lower()
        return any(low.startswith(w) and (len(low) == len(w) or not low[len(w)].isalnum()) for w in self.answers if w)

    # ------------------------------------------------------------------ titles
    def _titled_quotes(self, text: str) -> list[tuple[int, int]]:
        """The character spans of the quoted phrases that are titles: a title noun inside, or near either quote."""
        if self._title_words is None:
            return []
        out = []
        for m in _QUOTES.finditer(text):
            inner = next(g for g in m.groups() if g is not None)
            before = text[max(0, m.start() - 40) : m.start()]
            after = text[m.end() : m.end() + 40]
            near_before = " ".join(re.findall(r"[\w/&-]+", before)[-TITLE_NEAR:])
            near_after = " ".join(re.findall(r"[\w/&-]+", after.split("\n")[0])[:TITLE_NEAR])
            if any(self._title_words.search(s) for s in (inner, near_before, near_after)):
                out.append((m.start(), m.end()))
        return out

    def _in_title(self, doc: Doc, span: Span, titled: list[tuple[int, int]]) -> bool:
        if any(s <= span.start_char and span.end_char <= e for s, e in titled):
            return True
        k = span.end
        for _gap in range(TITLE_GAP + 1):  # "headache protocol", "headache / neuro symptoms pathway"
            if k >= len(doc):
                return False
            if self._title_at(doc, k):
                return True
            if not (doc[k].is_alpha or doc[k].text in _TITLE_GAP_MARKS):
                return False
            k += 1
        return False

    def _title_at(self, doc: Doc, k: int) -> bool:
        for phrase in self.title_phrases:
            n = len(phrase)
            if k + n <= len(doc) and all(doc[k + m].lower_ == w for m, w in enumerate(phrase)):
                return True
        return False
