"""Which claims a relation speaks of.

A relation rule (rules/relations.toml) says which claim triggers it and which words must
stand around that claim; the functions here find the other operands: in the same sentence
first, then the neighbouring sentences of the paragraph, by kind and unit and by the words
around them (the measure, the named parties). Evidence that is too weak links nothing.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Any, Iterator

import regex

from factcheck.document import Document
from factcheck.model import Claim
from factcheck.rulebook import Composite, Relation, Rulebook, fold

WORD = regex.compile(r"[\p{L}][\p{L}\d’'\-]*|\d{4}")
NAME = regex.compile(r"(?<![\p{L}])(?-i:\p{Lu})[\p{L}\-]+")
STOPWORDS = frozenset(
    "a an the of to in on at by for from with and or but as is are was were be been being that this these those "
    "it its their his her our your my we they he she i you which who whom what when where while than then so such "
    "also not no all any each per about over under more less into onto upon up down out off will would could should "
    "can may might must has have had do does did there here".split()
)
CLAUSE_END = regex.compile(r"[,;:.()\[\]—–]|\s(?:in|this|last|next|on|during|since)\s(?=\d|\p{Lu}|this|last|next|year|month|week)")
ANAPHORS = frozenset({"event", "occasion", "it", "this", "that", "day", "anniversary"})
NUMERIC_KINDS = frozenset({"money", "percent", "distance", "quantity", "count", "ratio"})


@dataclass(slots=True)
class Link:
    """One relation instance: its type, the rule that found it and the claims in each role."""

    type: str
    rule: str
    trigger: Claim
    roles: dict[str, tuple[Claim, ...]]
    meta: dict[str, Any] = field(default_factory=dict)


def content_words(text: str) -> set[str]:
    return {fold(w).strip("’'") for w in WORD.findall(text)} - STOPWORDS


def names_in(text: str) -> set[str]:
    """Capitalised words (named parties), minus a capitalised first word that is a stop word."""
    return {n for n in NAME.findall(text) if n.lower() not in STOPWORDS}


def numeric(claim: Claim) -> bool:
    return claim.kind in NUMERIC_KINDS and isinstance(claim.value, (int, float))


def comparable(a: Claim, b: Claim) -> bool:
    """Same kind and unit, both numeric: figures that can be added or compared directly."""
    return a is not b and numeric(a) and numeric(b) and a.kind == b.kind and a.unit == b.unit


class Context:
    """A document's claims indexed by sentence, with the text around each claim."""

    def __init__(self, doc: Document, claims: list[Claim], book: Rulebook) -> None:
        self.doc, self.claims, self.book = doc, claims, book
        self.by_sentence: dict[int, list[Claim]] = {}
        for claim in claims:
            self.by_sentence.setdefault(claim.sentence_index, []).append(claim)
        self.starts = [c.start for c in claims]

    def in_sentence(self, index: int) -> list[Claim]:
        return self.by_sentence.get(index, [])

    def before(self, claim: Claim) -> str:
        sentence = self.doc.sentences[claim.sentence_index]
        return self.doc.scan_text[sentence.start:claim.start]

    def after(self, claim: Claim) -> str:
        sentence = self.doc.sentences[claim.sentence_index]
        return self.doc.scan_text[claim.end:sentence.end]

    def sentence_text(self, index: int) -> str:
        sentence = self.doc.sentences[index]
        return self.doc.scan_text[sentence.start:sentence.end]

    def next_claim(self, claim: Claim) -> Claim | None:
        at = bisect.bisect_right(self.starts, claim.start)
        if at < len(self.claims) and self.claims[at].sentence_index == claim.sentence_index:
            return self.claims[at]
        return None

    def neighbours(self, index: int, reach: int = 2) -> list[int]:
        """The sentence itself, then sentences of its paragraph by distance (later first)."""
        paragraph = self.doc.sentences[index].paragraph
        found = [index]
        for step in range(1, reach + 1):
            for other in (index + step, index - step):
                if 0 <= other < len(self.doc.sentences) and self.doc.sentences[other].paragraph == paragraph:
                    found.append(other)
        return found

    def words_before(self, claim: Claim, count: int = 6) -> set[str]:
        """The few words right before a claim, not reaching back past the previous figure."""
        before = self.before(claim)
        at = bisect.bisect_left(self.starts, claim.start) - 1
        if at >= 0 and self.claims[at].sentence_index == claim.sentence_index:
            before = self.doc.scan_text[self.claims[at].end:claim.start]
        return {fold(w) for w in WORD.findall(before)[-count:]}

    def measure_in(self, text: str) -> Composite | None:
        folded = " " + " ".join(fold(w) for w in WORD.findall(text)) + " "
        for composite in self.book.composites.values():
            if any(f" {word} " in folded for word in composite.words):
                return composite
        return None

    def find_measure(self, measure: Composite | None, parties: set[str], sentences: list[int],
                     like: Claim | None) -> tuple[Claim, ...] | None:
        """A figure of the measure in the first sentence that names one of the parties:
        stated directly ("trade of $112M"), or as the sum of its parts ("exported $9M ... imported $103M")."""
        if measure is None:
            return None
        for index in sentences:
            if parties and not parties & names_in(self.sentence_text(index)):
                continue
            found = self.measure_figures(measure, index, like)
            if found:
                return found
        return None

    def measure_figures(self, measure: Composite, index: int, like: Claim | None) -> tuple[Claim, ...] | None:
        candidates = [c for c in self.in_sentence(index) if numeric(c) and c.kind != "ratio"
                      and (like is None or comparable(c, like))]
        direct = [c for c in candidates if self.words_before(c) & set(measure.words)]
        if len(direct) == 1:
            return (direct[0],)
        parts = []
        for words in measure.parts:
            hits = [c for c in candidates if self.words_before(c) & set(words)]
            if len(hits) != 1:
                return None
            parts.append(hits[0])
        if len(parts) >= 2 and all(comparable(parts[0], p) for p in parts[1:]):
            return tuple(parts)
        return None


def find_links(doc: Document, claims: list[Claim], book: Rulebook) -> list[Link]:
    """Every relation instance the rules trigger, in text order of their triggers."""
    from factcheck.relations import linking

    ctx = Context(doc, claims, book)
    links: list[Link] = []
    for claim in claims:
        for relation in book.relations:
            for found in triggered(ctx, relation, claim):
                finder = linking.FINDERS.get(relation.finder or relation.type)
                if finder is not None:
                    links.extend(finder(ctx, relation, claim, found))
    for link in links:
        link.meta["document_date"] = doc.date.isoformat() if doc.date else None
        link.meta["document_year"] = doc.date.year if doc.date else None
    linking.cluster_anniversaries(links)
    return dedupe(links)


def triggered(ctx: Context, relation: Relation, claim: Claim) -> Iterator[dict[str, Any]]:
    """The matches that let this claim trigger the relation (empty when it does not)."""
    if relation.claim != "*" and claim.kind != relation.claim:
        return
    if relation.claim_text is not None and not relation.claim_text.search(claim.text):
        return
    if relation.only_unit and claim.unit != relation.only_unit:
        return
    if relation.only_suffix and not claim.text.lower().endswith(relation.only_suffix):
        return
    if relation.only_range and (claim.low is None or claim.high is None):
        return
    found: dict[str, Any] = {}
    if relation.before is not None:
        match = relation.before.search(ctx.before(claim))
        if match is None:
            return
        found["before"] = match
    if relation.after is not None:
        match = relation.after.match(ctx.after(claim))
        if match is None:
            return
        found["after"] = match
    if relation.between is not None:
        following = ctx.next_claim(claim)
        if following is None:
            return
        match = relation.between.fullmatch(ctx.doc.scan_text, claim.end, following.start)
        if match is None:
            return
        found["between"], found["next"] = match, following
    yield found


def dedupe(links: list[Link]) -> list[Link]:
    """One link per type and set of claims (two rules may find the same relation)."""
    seen: set[tuple[str, tuple[str, ...]]] = set()
    kept = []
    for link in links:
        key = (link.type, tuple(sorted(c.id for claims in link.roles.values() for c in claims)))
        if key not in seen:
            seen.add(key)
            kept.append(link)
    return kept


def clause_after(text: str) -> str:
    """The text up to the end of its clause."""
    match = CLAUSE_END.search(text)
    return text[: match.start()] if match else text
