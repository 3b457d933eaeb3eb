"""Findings joined into one list or one proposal: what one item's scope says of the others.

Split from scopes.py (round 18, lead). Studies joined by a connector share their coordination effects ("CT CAP
and bone scan?"); findings joined by list connectors share a negated, hypothetical or family scope, and a denial
reaches along a list past its own cue's reach (context.yaml ``lists``).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from rightscan.adapters.text.components import doc_text
from rightscan.adapters.text.negation_reach import SIGNED_YES_KEY
from rightscan.adapters.text.rule_pass import Described, Effects
from rightscan.adapters.text.rules import Rules
from rightscan.adapters.text.sentences import Sentences
from rightscan.adapters.text.study_words import qualifiers_end

LIST_ITEM_WORDS = 3  # the most words an item of a list may have between two findings
LIST_REACH_CHARS = 240  # how far a denial reaches along a list past its own scope


def _purpose_items(
    raw: str,
    joiners: frozenset[str],
    stops: frozenset[str],
    *,
    lead: bool = False,
    qualifiers: frozenset[str] = frozenset(),
) -> bool:
    """Are the words between a purpose cue and a finding only the other items of its list ("cord compression /
    epidural", "fracture, cord compression or")? At least one joiner; each item at most ``LIST_ITEM_WORDS`` plain
    words, none of them a stop word; no sentence end, line break or bracket. Round 41a: a receptor qualifier written
    with its sign ("to evaluate for ER+ metastatic disease", ``qualifiers``) is an item's word."""
    if len(raw) > LIST_REACH_CHARS or any(c in raw for c in "\n.;:()[]"):
        return False
    items: list[list[str]] = [[]]
    joined = False
    spaced = (w if w in stops else w.replace("/", " / ") for w in raw.replace(",", " , ").lower().split())
    for w in " ".join(spaced).split():
        if w in joiners:
            items.append([])
            joined = True
        elif (not w.replace("-", "").isalpha() and w not in qualifiers) or w in stops:
            return False
        else:
            items[-1].append(w)
    return (joined or lead) and all(len(item) <= LIST_ITEM_WORDS for item in items)


class JoinedFindings:
    def __init__(self, rules: Rules) -> None:
        self.rules = rules

    def share_in_lists(self, doc: Doc, described: Described, effects: Effects) -> None:
        """Findings joined by list connectors share a negated, hypothetical or family scope: in "call us if
        you develop bone pain, headaches or shortness of breath" every item is hypothetical, however long
        the list (a cue's own scope may stop before the last items).

        Round 18 (lead): two kinds of link go on with a list forwards only. Other items between two findings
        ("no bone pain, nausea, vomiting, diarrhoea or headaches": the cue's reach ends before the headaches) carry
        the earlier findings' scope on to the later ones; a comma and an article (``lists.weak_connectors``: "no
        bone pain, shortness of breath, a cough or double vision"), or other items joined by "and", may also open a
        statement ("no fever, a cough for 3 days"), so a denial reaches past them as doubt only (to confirm)."""
        idx, chains = self.chains(doc, described)
        for chain in chains:
            if len(chain) < 2:
                continue
            parts: list[tuple[str, list[int]]] = [("", [])]  # the chain cut where a link goes forwards only
            for i, link in chain:
                if link:
                    parts.append((link, []))
                parts[-1][1].append(i)
            for _link, part in parts:
                shared = set().union(*(effects[i] & self.rules.list_share for i in part))
                for i in part:
                    effects[i] |= shared
            for k, (link, part) in enumerate(parts[1:], start=1):
                before = set().union(*(effects[i] for _l, p in parts[:k] for i in p)) & self.rules.list_share
                for i in part:
                    if link == "far":
                        effects[i] |= before
                    elif "negated" in before and "negated" not in effects[i]:
                        effects[i].add("uncertain")
        self._denied_list_from_cue(doc, described, effects, idx)
        self._purpose_list_from_cue(doc, described, effects)

    def chains(self, doc: Doc, described: Described) -> tuple[list[int], list[list[tuple[int, str]]]]:
        """The list families' mentions in text order, and the lists they make: each item (mention, the link before
        it: "" for a list connector, "far" or "weak" past other items, ``_items_between``). Round 48s: also read by
        illness_lists.py."""
        text = doc_text(doc)
        idx = sorted((i for i, d in enumerate(described) if d["family"] in self.rules.list_families),
                     key=lambda i: described[i]["start"])  # fmt: skip
        chains: list[list[tuple[int, str]]] = []  # each item: (mention, the link before it: "", "far", "weak")
        signed = doc.user_data.get(SIGNED_YES_KEY, ())  # sixteenth pass F2: "no fever, bone pain + R hip"
        for i in idx:
            if described[i]["start"] in signed:
                chains += [[(i, "")], []]  # an item of its own: nothing shared with it, before or after
                continue
            if chains and chains[-1]:
                prev = chains[-1][-1][0]
                between = " ".join(text[described[prev]["end"] : described[i]["start"]].split()).lower()
                if between in self.rules.list_connectors:
                    chains[-1].append((i, ""))
                    continue
                if between in self.rules.list_weak_connectors:
                    chains[-1].append((i, "weak"))
                    continue
                link = self._items_between(between)
                if link:
                    chains[-1].append((i, link))
                    continue
            chains.append([(i, "")])
        return idx, chains

    def _denied_list_from_cue(self, doc: Doc, described: Described, effects: Effects, idx: list[int]) -> None:
        """A finding that a forward negation cue does not reach, with only other items of the list between them
        ("No fevers, chills, night sweats, nausea, vomiting, diarrhoea or headaches"): denied ("far") or, past "and"
        or an article, uncertain ("weak"); never across a line break."""
        cues = [
            m.modifier_span
            for m in doc._.context_graph.modifiers
            if self.rules.categories.get(m.category) == "negated" and str(m.direction).upper() == "FORWARD"
        ]
        if not cues:
            return
        text = doc_text(doc)
        ends = [doc[c[1] - 1].idx + len(doc[c[1] - 1]) for c in cues if c[1] <= len(doc) and c[1] > c[0]]  # char ends
        signed = doc.user_data.get(SIGNED_YES_KEY, ())
        for i in idx:
            if effects[i] & {"negated", "uncertain"} or described[i]["start"] in signed:
                continue
            start = described[i]["start"]
            before = [e for e in ends if e <= start]
            if not before:
                continue
            raw = text[max(before) : start]
            if "\n" in raw or len(raw) > LIST_REACH_CHARS:
                continue
            link = self._items_between(", " + " ".join(raw.split()).lower()) if raw.strip() else None
            if link == "far":
                effects[i].add("negated")
            elif link == "weak":
                effects[i].add("uncertain")

    def _purpose_list_from_cue(self, doc: Doc, described: Described, effects: Effects) -> None:
        """Round 35b (v35 ae-015): the aim of a study or a doubt covers every item of its list ("Eval cord compression /
        epidural mets", "r/o fracture, cord compression or osseous mets", "concern for cord compression / cauda equina
        / epidural metastases"): a distant-disease mention that a forward purpose or doubt cue does not reach, with only
        short items and list joiners between them (``red_flag_readings.purpose_list_*``), takes the cue's effect. Never
        across a sentence's end, a line break, a word that states ("known", "with") or more than one item's words."""
        words = self.rules.red_flag_readings
        families = frozenset(words.get("purpose_list_families", ()))
        wanted = frozenset(words.get("purpose_list_effects", ()))
        if not families or not wanted:
            return
        cues: list[tuple[int, str, bool]] = []  # (char end of the cue, its effect, a lead phrase)
        for m in doc._.context_graph.modifiers:
            effect = self.rules.categories.get(m.category)
            start, end = m.modifier_span
            if effect in wanted and str(m.direction).upper() == "FORWARD" and end > start:
                cues.append((doc[end - 1].idx + len(doc[end - 1]), effect, False))
        text = doc_text(doc)
        lower = text.lower()
        for lead in words.get("purpose_list_leads", ()):  # a purpose whose words another cue took ("to assess for")
            cues += [(m.end(), "purpose", True) for m in re.finditer(rf"\b{re.escape(lead)}\b", lower)]
        if not cues:
            return
        joiners = frozenset(words.get("purpose_list_joiners", ()))
        stops = self.rules.list_stop_words | frozenset(words.get("purpose_list_stops", ()))
        qualifiers = frozenset(words.get("purpose_list_qualifiers", ()))
        for i, d in enumerate(described):
            if d["family"] not in families or effects[i] & wanted:
                continue
            for end, effect, lead in cues:
                raw = text[end : d["start"]] if end <= d["start"] else None
                if raw is not None and _purpose_items(raw, joiners, stops, lead=lead, qualifiers=qualifiers):
                    effects[i].add(effect)

    def _items_between(self, between: str) -> str | None:
        """How the words between two findings link them when they are other items of the same list (", nausea,
        vomiting, diarrhoea or"): "far" (the list goes on), "weak" (with "and" or an article before the later
        finding: the list may go on or a statement begin), or None (not a list: a verb, a time, a number, a cue)."""
        if not between or (between[0] not in ",/" and not between.startswith(("or ", "nor "))):
            return None
        words = between.replace(",", " , ").split()  # "c/o" stays one word (not a plain item)
        joiners = {",", "/", "or", "nor", "and"}
        items: list[list[str]] = [[]]
        for w in words:
            if w in joiners:
                items.append([])
            elif not w.isalpha() or w in self.rules.list_stop_words:
                return None
            else:
                items[-1].append(w)
        if any(len(item) > LIST_ITEM_WORDS for item in items):
            return None
        last = items[-1]
        weak = "and" in words or (bool(last) and f", {last[-1]}" in self.rules.list_weak_connectors)
        return "weak" if weak else "far"

    def _connector(self, between: str) -> str | None:
        """The connector that joins two studies, when the words between them are one, followed only by words that
        lead the next study's name (round 18g: "+ L", "and an isotope"); None otherwise."""
        if between in self.rules.coordination_connectors:
            return between
        words = between.split()
        leading = self.rules.coordination_leading
        for i in range(len(words)):  # the first study's own trailing words ("Dx mammo bilat + ...")
            if i and words[i - 1] not in leading:
                break
            for k in range(len(words), i, -1):
                head = " ".join(words[i:k])
                if head in self.rules.coordination_connectors and all(w in leading for w in words[k:]):
                    return head
        return None

    def coordinate(
        self,
        doc: Doc,
        spans: list[Span],
        described: Described,
        effects: Effects,
        sents: Sentences,
    ) -> None:
        """Studies joined by a connector share the coordination effects ("CT CAP and bone scan?"); a
        comparison ("X vs Y") or a sentence made only of joined studies is a proposal."""
        text = doc_text(doc)
        share = self.rules.coordination_share
        idx = sorted(
            (i for i, d in enumerate(described) if d["family"] in self.rules.coordination_families),
            key=lambda i: described[i]["start"],
        )
        chains: list[list[int]] = []
        proposing: list[bool] = []
        for i in idx:
            if chains:
                prev = chains[-1][-1]
                # the first study's own contrast words are not between the two ("CT CAP with contrast AND bone scan")
                between = text[qualifiers_end(text, described[prev]["end"]) : described[i]["start"]].strip().lower()
                joined = self._connector(between)
                if joined is not None:
                    chains[-1].append(i)
                    proposing[-1] = proposing[-1] or joined in self.rules.coordination_proposing
                    continue
            chains.append([i])
            proposing.append(False)
        for chain, compares in zip(chains, proposing, strict=True):
            if len(chain) < 2:
                continue
            shared = set().union(*(effects[i] & share for i in chain))
            first, last = spans[chain[0]], spans[chain[-1]]
            sent = sents.of(first.start)
            alone = sent.start == sents.of(last.start).start and all(
                t.is_punct or t.is_space for t in (*doc[sent.start : first.start], *doc[last.end : sent.end])
            )
            if compares or alone:
                shared.add("proposed")
            for i in chain:
                effects[i] |= shared
