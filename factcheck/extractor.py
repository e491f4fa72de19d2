"""Run the rulebook over a document and keep the best non-overlapping matches as claims.

Speed comes from a prefilter: one pass of the combined anchor regex tells which anchors
(digits, number words, month names, currency signs, ...) each sentence holds, and a rule
runs only on sentences that hold one of its anchors.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import Any

import regex

from factcheck.document import Document, Sentence
from factcheck.model import Claim
from factcheck.normalize import NoValue, Normalized, normalize
from factcheck.rulebook import Rule, Rulebook, table_alternation

MATCH_TIMEOUT = 1.0  # seconds one rule may spend on one sentence
NUMERIC_KINDS = {"money", "percent", "distance", "quantity", "count", "ratio"}


@dataclass(slots=True)
class Candidate:
    start: int
    end: int
    rule: Rule
    found: Normalized

    def overlaps(self, other: Candidate) -> bool:
        return self.start < other.end and other.start < self.end


def extract(doc: Document, book: Rulebook) -> tuple[list[Claim], list[str]]:
    """All claims of the document in text order, and warnings (e.g. a rule that timed out)."""
    warnings: list[str] = []
    chosen: list[Candidate] = []
    qualifier = qualifier_regex(book)
    for sentence, anchors in sentence_anchors(doc, book):
        candidates = []
        for rule in book.rules:
            if anchors.intersection(rule.anchors):
                candidates.extend(run_rule(rule, doc, sentence, book, warnings))
        for candidate in select(candidates):
            attach_qualifier(candidate, doc, sentence, book, qualifier)
            chosen.append(candidate)
    return [to_claim(doc, i, c) for i, c in enumerate(chosen, start=1)], warnings


def sentence_anchors(doc: Document, book: Rulebook) -> list[tuple[Sentence, set[str]]]:
    """Each sentence that holds at least one anchor, with the names of the anchors it holds.

    Each anchor searches the text once, jumping to the next sentence after a hit.
    """
    starts = [s.start for s in doc.sentences]
    found: dict[int, set[str]] = {}
    for name, pattern in book.anchor_regexes.items():
        pos = 0
        while (match := pattern.search(doc.scan_text, pos)) is not None:
            index = bisect.bisect_right(starts, match.start()) - 1
            if index < 0:
                pos = starts[0] if starts else len(doc.scan_text)
                continue
            sentence = doc.sentences[index]
            if match.start() < sentence.end:
                found.setdefault(index, set()).add(name)
            pos = max(sentence.end, match.end()) if match.start() < sentence.end else match.end()
    return [(doc.sentences[i], found[i]) for i in sorted(found)]


def run_rule(rule: Rule, doc: Document, sentence: Sentence, book: Rulebook, warnings: list[str]) -> list[Candidate]:
    found = []
    try:
        for match in rule.compiled.finditer(doc.scan_text, sentence.start, sentence.end, timeout=MATCH_TIMEOUT):
            candidate = to_candidate(rule, match, book, doc)
            if candidate is not None:
                found.append(candidate)
    except TimeoutError:
        line, _ = doc.line_col(sentence.start)
        warnings.append(f"rule {rule.id} timed out on the sentence at line {line}; skipped there")
    return found


def to_candidate(rule: Rule, match: Any, book: Rulebook, doc: Document) -> Candidate | None:
    start, end = match.span()
    if start >= end:
        return None
    groups = {k: v for k, v in match.groupdict().items() if v is not None}
    try:
        found = normalize(rule, groups, book, doc.date)
    except NoValue:
        return None
    return Candidate(start, end, rule, found)


def select(candidates: list[Candidate]) -> list[Candidate]:
    """Higher priority first, then longest, then earlier rule; drop what overlaps a better one."""
    ranked = sorted(candidates, key=lambda c: (-c.rule.priority, -(c.end - c.start), c.rule.order, c.start))
    kept: list[Candidate] = []
    for candidate in ranked:
        if not any(candidate.overlaps(k) for k in kept):
            kept.append(candidate)
    return sorted(kept, key=lambda c: c.start)


def qualifier_regex(book: Rulebook) -> Any:
    table = book.tables.get("qualifier")
    if not table:
        return None
    return regex.compile(r"(?<![\w-])(?P<q>" + table_alternation(table) + r")\s+$", regex.IGNORECASE)


def attach_qualifier(candidate: Candidate, doc: Document, sentence: Sentence, book: Rulebook, pattern: Any) -> None:
    """A hedge or bound right before a numeric figure ("about", "more than", "up to")."""
    if pattern is None or candidate.found.qualifier or candidate.found.kind not in NUMERIC_KINDS:
        return
    match = pattern.search(doc.scan_text, max(sentence.start, candidate.start - 40), candidate.start)
    if match:
        candidate.found.qualifier = book.lookup("qualifier", match.group("q"))


def to_claim(doc: Document, number: int, candidate: Candidate) -> Claim:
    found = candidate.found
    line, column = doc.line_col(candidate.start)
    sentence = doc.sentence_at(candidate.start)
    return Claim(
        id=f"c{number}", kind=found.kind, text=doc.text[candidate.start:candidate.end],
        start=candidate.start, end=candidate.end, line=line, column=column,
        sentence=" ".join(doc.scan_text[sentence.start:sentence.end].split()), sentence_index=sentence.index,
        value=found.value, unit=found.unit, low=found.low, high=found.high,
        qualifier=found.qualifier, rule=candidate.rule.id, extra=dict(sorted(found.extra.items())),
    )
