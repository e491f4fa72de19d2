"""Run every rule's and frame's examples and counter-examples through the whole pipeline.

An example text marks its expected span with «»; without marks the whole text is the span.
An example passes when a claim with exactly that span comes from that rule with every
expected field; a counter-example passes when that rule yields no claim (inside the marks,
if any).
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from typing import Any

from factcheck.document import load_text
from factcheck.extract.extractor import extract
from factcheck.model import SEVERITY_OF, SEVERITY_RANK, Claim
from factcheck.checker import check_all
from factcheck.relations.arithmetic.common import CheckOptions
from factcheck.relations.matcher import find_links
from factcheck.relations.frames import Frame
from factcheck.extract.rulebook import Example, Rule, Rulebook

OPEN, CLOSE = "«", "»"


@dataclass(frozen=True, slots=True)
class Failure:
    rule: str
    source: str
    line: int
    text: str
    problem: str

    def __str__(self) -> str:
        return f"{self.source}:{self.line}: {self.rule}: {self.text!r}: {self.problem}"


def unmark(text: str) -> tuple[str, int, int]:
    """The text without «», and the marked span (the whole text when unmarked)."""
    if OPEN in text and CLOSE in text:
        start = text.index(OPEN)
        end = text.index(CLOSE) - 1
        return text.replace(OPEN, "", 1).replace(CLOSE, "", 1), start, end
    return text, 0, len(text)


Case = tuple[Rule | Frame, Example, str, bool]  # the rule or frame, the example, one of its texts, a counter-example?


def cases(book: Rulebook) -> list[Case]:
    """Every example text of the rule book, in the order of its rules and frames."""
    found: list[Case] = []
    for owner in (*book.rules, *book.frames):
        for counter, examples in ((False, owner.examples), (True, owner.counter_examples)):
            found.extend((owner, example, text, counter) for example in examples for text in example.texts)
    return found


def run_case(book: Rulebook, case: Case) -> list[Failure]:
    owner, example, text, counter = case
    if isinstance(owner, Frame):
        return check_frame(book, owner, example, text, counter)
    return check_counter(book, owner, example, text) if counter else check_example(book, owner, example, text)


def run_examples(book: Rulebook) -> tuple[int, list[Failure]]:
    """How many example texts ran, and the failures."""
    every = cases(book)
    return len(every), [failure for case in every for failure in run_case(book, case)]


def check_frame(book: Rulebook, frame: Frame, example: Example, text: str, counter: bool) -> list[Failure]:
    """A frame example must yield a check from that frame with the stated verdict, and a consistent
    one no alarm of the frame's type (from any frame); a counter-example no check of the frame's type at all."""
    doc_date = dt.date.fromisoformat(example.date) if example.date else None
    doc = load_text("example", text, date=doc_date)
    claims, warnings = extract(doc, book)
    links = find_links(doc, claims, book, warnings)
    checks = check_all(links, [], CheckOptions())  # as `scan_document` checks them
    found = [(c.verdict, c.explanation) for c in checks if c.type == frame.type]
    mine = {link.trigger.start for link in links if link.rule == frame.id}
    want = example.expected.get("verdict")
    if counter and found:
        return [Failure(frame.id, frame.source, example.line, text, f"must not check {frame.type}, but found {found}")]
    if counter:
        return []
    if not mine:
        return [Failure(frame.id, frame.source, example.line, text, f"the frame does not match; checks: {found or 'none'}")]
    if not any(c.verdict == want and c.start in mine for c in checks):
        return [Failure(frame.id, frame.source, example.line, text, f"expected a {want} {frame.type} check, found {found or 'none'}")]
    if want == "consistent" and any(SEVERITY_RANK[SEVERITY_OF[verdict]] >= SEVERITY_RANK["warning"] for verdict, _ in found):
        return [Failure(frame.id, frame.source, example.line, text, f"a consistent text, yet an alarm: {found}")]
    return []


def claims_of(book: Rulebook, text: str, date: str | None) -> list[Claim]:
    doc_date = dt.date.fromisoformat(date) if date else None
    claims, _ = extract(load_text("example", text, date=doc_date), book)
    return claims


def check_example(book: Rulebook, rule: Rule, example: Example, marked: str) -> list[Failure]:
    text, start, end = unmark(marked)
    claims = claims_of(book, text, example.date)
    fail = lambda problem: [Failure(rule.id, rule.source, example.line, marked, problem)]  # noqa: E731
    hit = next((c for c in claims if (c.start, c.end) == (start, end)), None)
    if hit is None:
        return fail(f"no claim spans {text[start:end]!r}; found {describe(claims)}")
    if hit.rule != rule.id:
        return fail(f"claim {hit.text!r} came from rule {hit.rule}")
    expected = {"kind": rule.constants.get("kind", rule.kind), **example.expected}
    for key, want in expected.items():
        got = hit.extra.get("per") if key == "per" else getattr(hit, key)
        if not same(got, want):
            return fail(f"{key} is {got!r}, expected {want!r}")
    return []


def check_counter(book: Rulebook, rule: Rule, example: Example, marked: str) -> list[Failure]:
    text, start, end = unmark(marked)
    bad = [c for c in claims_of(book, text, example.date) if c.rule == rule.id and c.start < end and start < c.end]
    if bad:
        return [Failure(rule.id, rule.source, example.line, marked, f"must not match, but found {describe(bad)}")]
    return []


def same(got: Any, want: Any) -> bool:
    if isinstance(got, (int, float)) and isinstance(want, (int, float)) and not isinstance(want, bool):
        return math.isclose(got, want, rel_tol=1e-9, abs_tol=1e-12)
    return got == want


def describe(claims: list[Claim]) -> str:
    if not claims:
        return "nothing"
    return ", ".join(f"{c.text!r}={c.value!r} ({c.rule})" for c in claims)
