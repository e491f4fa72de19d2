"""Run the rulebook over a document and keep the best non-overlapping matches as claims.

Speed comes from a prefilter: the anchor regexes (digits, number words, month names, currency
signs, ...) tell where the anchors are (each tried only where three passes over the text say it
may match; see `anchorstarts`), and a rule runs only on the stretches of a sentence around one of
its own anchors, and only where its gate (a few literal strings, one of which every match holds;
see `gates`) is in the stretch.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import Any

import regex

from factcheck.extract.context import settle_currency
from factcheck.document import Document, Sentence
from factcheck.extract.gates import admits_bounded, gate_text
from factcheck.model import Claim
from factcheck.extract.normalize import normalize
from factcheck.extract.normalized import NoValue, Normalized
from factcheck.extract.numbers import TooLarge
from factcheck.extract.rulebook import Rule, Rulebook
from factcheck.extract.saferegex import MatchBudget, OverBudget, seconds_for
from factcheck.extract.scanview import ScanView
from factcheck.extract.starts import matches as starts_matches

WINDOW_BEFORE = 120  # a match may start this far before the anchor that lets its rule run ...
WINDOW_AFTER = 120  # ... and end this far after it
NUMERIC_KINDS = {"money", "percent", "distance", "quantity", "count", "ratio"}
PREVIOUS_WORD = regex.compile(r"(\p{L}+)\s+$")


@dataclass(slots=True)
class Candidate:
    """A rule's match; without `found` a figure too large to read, which still takes its span."""

    start: int
    end: int
    rule: Rule
    found: Normalized | None
    problem: str = ""
    currency: str = ""  # the currency name of an ambiguous money figure, for a context word to settle

    def overlaps(self, other: Candidate) -> bool:
        return self.start < other.end and other.start < self.end


class UserBudgets:
    """The matching time each user rule and anchor may still spend on one document."""

    def __init__(self, doc: Document, view: ScanView, warnings: list[str]) -> None:
        self.doc, self.view, self.warnings = doc, view, warnings
        self.seconds = seconds_for(len(doc.text))
        self.budgets: dict[str, MatchBudget] = {}

    def finditer(self, owner: str, pattern: Any, start: int, end: int) -> list[Any]:
        """The matches of a user pattern in the view; none once its owner is out of time (warned once)."""
        budget = self.budgets.setdefault(owner, MatchBudget(self.seconds))
        if budget.spent:
            return []
        try:
            return budget.finditer(pattern, self.view.text, start, end)
        except OverBudget:
            line, _ = self.doc.line_col(self.view.start_in_document(start))
            self.warnings.append(f"{owner} timed out: it used its {self.seconds:.1f} s for this document at line {line}"
                                 " and is switched off for the rest of it")
            return []


def extract(doc: Document, book: Rulebook) -> tuple[list[Claim], list[str]]:
    """All claims of the document in text order, and warnings (e.g. a rule that timed out).

    Rules read the document's ScanView; spans map back to the document at the end.
    """
    warnings: list[str] = []
    view = ScanView.of(doc)
    budgets = UserBudgets(doc, view, warnings)
    chosen: list[tuple[Candidate, Sentence]] = []
    qualifier = book.qualifier_regex
    by_anchor = rules_by_anchor(book.rules)
    for sentence, hits in sentence_anchors(view, book, budgets):
        rules = [book.rules[i] for i in sorted({i for name in hits for i in by_anchor.get(name, ())})]
        before: Candidate | None = None  # the figure before in the sentence
        for candidate in select(unique(sentence_candidates(sentence, hits, rules, view, book, doc, budgets))):
            if candidate.found is None:
                warnings.append(too_large(doc, view, candidate))
                continue
            attach_qualifier(candidate, view, sentence, book, qualifier, before)
            before = candidate
            chosen.append((candidate, sentence))
    settle_currencies(chosen, view, book)
    sentences: dict[int, str] = {}  # one string per sentence, shared by its claims
    return [to_claim(doc, view, i, c, s, sentences) for i, (c, s) in enumerate(chosen, start=1)], warnings


def settle_currencies(chosen: list[tuple[Candidate, Sentence]], view: ScanView, book: Rulebook) -> None:
    """Ambiguous currency names settled by the words and figures around them (see `context`)."""
    figures: dict[int, list[tuple[int, int, str]]] = {}
    for candidate, sentence in chosen:
        if candidate.found.kind == "money" and candidate.found.unit and "ambiguous" not in candidate.found.extra:
            figures.setdefault(sentence.index, []).append((candidate.start, candidate.end, candidate.found.unit))
    for candidate, sentence in chosen:
        if candidate.currency:
            settle_currency(candidate.found, candidate.currency, candidate.start, candidate.end, sentence, view, book,
                            figures)


def rules_by_anchor(rules: list[Rule]) -> dict[str, list[int]]:
    """For each anchor, the positions of the rules that run around it: a sentence reaches only the rules
    of the anchors it holds."""
    found: dict[str, list[int]] = {}
    for position, rule in enumerate(rules):
        for name in rule.anchors:
            found.setdefault(name, []).append(position)
    return found


def sentence_candidates(sentence: Sentence, hits: dict[str, list[tuple[int, int]]], rules: list[Rule], view: ScanView,
                        book: Rulebook, doc: Document, budgets: UserBudgets) -> list[Candidate]:
    """Every match of the rules (those with an anchor in the sentence, in the rule book's order) on the
    stretches around their anchors in one sentence; a rule is not run on a stretch where none of its
    starts is (see `starts`) or where its gate says it cannot hold a match."""
    candidates = []
    stretches: dict[tuple[str, ...], list[tuple[int, int]]] = {}
    read: dict[tuple[int, int], str] = {}  # a stretch as gates and finders read it
    opened: dict[tuple[str, int, int], list[int]] = {}  # rules of one opening share its positions
    for rule in rules:
        if rule.anchors not in stretches:
            stretches[rule.anchors] = windows([s for a in rule.anchors for s in hits.get(a, ())], sentence)
        for start, end in stretches[rule.anchors]:
            starts = None
            if rule.gate is not None or rule.starts is not None:
                if (start, end) not in read:
                    read[(start, end)] = gate_text(view.text[start:end])
                low = read[(start, end)]
                if rule.starts is not None:
                    key = (rule.starts.source, start, end)
                    if key not in opened:
                        opened[key] = rule.starts.positions(low, start)
                    starts = opened[key]
                    if not starts:
                        continue
                if not admits_bounded(rule.gate, low):
                    continue
            candidates.extend(run_rule(rule, view, start, end, book, doc, budgets, starts))
    return candidates


def sentence_anchors(view: ScanView, book: Rulebook,
                     budgets: UserBudgets) -> list[tuple[Sentence, dict[str, list[tuple[int, int]]]]]:
    """Each sentence that holds an anchor, with where each of its anchors occurs."""
    starts = [s.start for s in view.sentences]
    found: dict[int, dict[str, list[tuple[int, int]]]] = {}
    lowered = view.text.lower()
    lowered = lowered if len(lowered) == len(view.text) else None  # a few letters lower-case to two
    passes = book.anchor_starts if lowered is not None else None
    positions = passes.positions(lowered) if passes is not None else {}
    for name, pattern in book.anchor_regexes.items():
        if pattern.bounded:
            matches = budgets.finditer(f"anchor '{name}'", pattern.full, 0, len(view.text))
        elif passes is not None and name in passes.names:
            matches = starts_matches(pattern.fast, positions.get(name, []), lowered, len(lowered))
        else:
            matches = pattern.finditer(view.text, lowered)
        for match in matches:
            index = bisect.bisect_right(starts, match.start()) - 1
            if index >= 0 and match.start() < view.sentences[index].end:
                found.setdefault(index, {}).setdefault(name, []).append(match.span())
    return [(view.sentences[i], found[i]) for i in sorted(found)]


def windows(spans: list[tuple[int, int]], sentence: Sentence) -> list[tuple[int, int]]:
    """Stretches of the sentence around the anchors, merged where they meet: a rule reads only these."""
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        low, high = max(sentence.start, start - WINDOW_BEFORE), min(sentence.end, end + WINDOW_AFTER)
        if merged and low <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], high)
        else:
            merged.append([low, high])
    return [(low, high) for low, high in merged]


def run_rule(rule: Rule, view: ScanView, start: int, end: int, book: Rulebook, doc: Document,
             budgets: UserBudgets, starts: list[int] | None = None) -> list[Candidate]:
    """The rule's candidates in the stretch; tried only at `starts` when they are known (see `starts`)."""
    if rule.bounded:
        matches = budgets.finditer(f"rule {rule.id}", rule.compiled, start, end)
    elif starts is not None:
        matches = starts_matches(rule.compiled, starts, view.text, end)
    else:
        matches = rule.compiled.finditer(view.text, start, end)
    found = []
    for match in matches:
        candidate = to_candidate(rule, match, book, doc)
        if candidate is not None:
            found.append(candidate)
    return found


def unique(candidates: list[Candidate]) -> list[Candidate]:
    """Overlapping windows may find a match twice."""
    seen: set[tuple[int, int, str]] = set()
    kept = []
    for candidate in candidates:
        key = (candidate.start, candidate.end, candidate.rule.id)
        if key not in seen:
            seen.add(key)
            kept.append(candidate)
    return kept


def to_candidate(rule: Rule, match: Any, book: Rulebook, doc: Document) -> Candidate | None:
    start, end = match.span()
    if start >= end:
        return None
    groups = {k: v for k, v in match.groupdict().items() if v is not None}
    try:
        found = normalize(rule, groups, book, doc.date)
    except NoValue:
        return None
    except TooLarge as exc:
        return Candidate(start, end, rule, None, str(exc))
    candidate = Candidate(start, end, rule, found)
    if found.kind == "money" and "ambiguous" in found.extra and groups.get("currency"):
        candidate.currency = groups["currency"]
    return candidate


def too_large(doc: Document, view: ScanView, candidate: Candidate) -> str:
    start, end = view.to_document(candidate.start, candidate.end)
    line, column = doc.line_col(start)
    text = doc.text[start:end]
    shown = text if len(text) <= 40 else text[:20] + "…" + text[-12:]
    return f"line {line}, column {column}: the figure {shown!r} {candidate.problem}; it is not read"


def select(candidates: list[Candidate]) -> list[Candidate]:
    """Higher priority first, then longest, then earlier rule; drop what overlaps a better one."""
    ranked = sorted(candidates, key=lambda c: (-c.rule.priority, -(c.end - c.start), c.rule.order, c.start))
    kept: list[Candidate] = []
    for candidate in ranked:
        if not any(candidate.overlaps(k) for k in kept):
            kept.append(candidate)
    return sorted(kept, key=lambda c: c.start)


def attach_qualifier(candidate: Candidate, view: ScanView, sentence: Sentence, book: Rulebook, pattern: Any,
                     before: Candidate | None) -> None:
    """A hedge or bound right before a numeric figure ("about", "more than", "up to"); `before` is the figure
    before it in the sentence."""
    if pattern is None or candidate.found.qualifier or candidate.found.kind not in NUMERIC_KINDS:
        return
    match = pattern.search(view.text, max(sentence.start, candidate.start - 40), candidate.start)
    if match and not particle_of_verb(view.text, match, book) and not joins_figures(view.text, match, book,
                                                                                     before, candidate):
        candidate.found.qualifier = book.lookup("qualifier", match.group("q"))


def joins_figures(text: str, match: Any, book: Rulebook, before: Candidate | None, candidate: Candidate) -> bool:
    """Whether the hedge stands right after a figure and, per the rule files' table `joins_figures`, joins it
    to the span of time that follows ("$4.8 billion over five years"): the span is then no bound."""
    spans = str((book.tables.get("joins_figures") or {}).get(match.group("q").lower(), "")).split()
    if before is None or before.found is None or candidate.found.unit not in spans:
        return False
    return (before.found.kind in NUMERIC_KINDS and before.found.unit not in spans
            and not text[before.end:match.start()].strip())


def particle_of_verb(text: str, match: Any, book: Rulebook) -> bool:
    """Whether the hedge begins with the particle of the verb before it ("edged up to 5.1%"), per
    the rule files' table `verb_particle`."""
    verbs = book.tables.get("verb_particle")
    before = PREVIOUS_WORD.search(text, max(0, match.start() - 30), match.start())
    if not verbs or before is None:
        return False
    particle = verbs.get(before.group(1).lower())
    return isinstance(particle, str) and match.group("q").lower().startswith(particle + " ")


def to_claim(doc: Document, view: ScanView, number: int, candidate: Candidate, sentence: Sentence,
             sentences: dict[int, str]) -> Claim:
    found = candidate.found
    start, end = view.to_document(candidate.start, candidate.end)
    line, column = doc.line_col(start)
    if sentence.index not in sentences:
        sentences[sentence.index] = " ".join(view.text[sentence.start:sentence.end].split())
    return Claim(
        id=f"c{number}", kind=found.kind, text=doc.text[start:end],
        start=start, end=end, line=line, column=column,
        sentence=sentences[sentence.index], sentence_index=sentence.index,
        value=found.value, unit=found.unit, low=found.low, high=found.high,
        qualifier=found.qualifier, rule=candidate.rule.id, extra=dict(sorted(found.extra.items())),
    )
