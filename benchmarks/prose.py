#!/usr/bin/env python3
"""Score the extractor on annotated prose passages (tests/data/prose*.toml).

Each passage lists every claim a careful fact-checker wants from it (`claims`: text, kind,
value, unit, low/high, qualifier) and figures that must not be claimed (`not_claims`:
numbers inside names). Per kind: recall on exact spans, relaxed recall (a claim of the same
kind overlaps the span: our spans may hold the counted noun or a preposition), value recall
(an overlapping claim of ours has every annotated field right, whatever its span), value accuracy
of the exact spans found (kind, value, unit and range all right; units compared through pint),
precision of our claims (a claim that overlaps no
expected claim counts against it; a claim over a `not_claims` span is listed apart).

    python benchmarks/prose.py [FILE ...] [--show N]
"""

from __future__ import annotations

import argparse
import datetime as dt
import math
import sys
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parents[1] / "tests" / "data"
COMPARED = ("kind", "value", "unit", "low", "high")


class DataError(Exception):
    """A passage file is missing or malformed; the message is one line."""


@dataclass(frozen=True)
class Span:
    text: str
    start: int
    end: int
    fields: tuple[tuple[str, Any], ...] = ()

    def get(self, name: str) -> Any:
        return dict(self.fields).get(name)

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end


@dataclass
class Tally:
    expected: int = 0
    found: int = 0
    relaxed: int = 0
    value_found: int = 0
    value_ok: int = 0
    claims: int = 0
    true_claims: int = 0

    def add(self, other: Tally) -> None:
        for name in vars(self):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def rates(self) -> tuple[float | None, ...]:
        """Recall, relaxed recall, value recall, value accuracy, precision and F1 (None where a denominator is 0).

        Precision counts overlaps, so F1 pairs it with the relaxed recall."""
        recall = self.found / self.expected if self.expected else None
        relaxed = self.relaxed / self.expected if self.expected else None
        value_recall = self.value_found / self.expected if self.expected else None
        accuracy = self.value_ok / self.found if self.found else None
        precision = self.true_claims / self.claims if self.claims else None
        f1 = 2 * precision * relaxed / (precision + relaxed) if precision and relaxed else None
        return recall, relaxed, value_recall, accuracy, precision, f1


@dataclass
class Outcome:
    tallies: dict[str, Tally] = field(default_factory=dict)
    misses: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)
    unexpected: list[str] = field(default_factory=list)
    named: list[str] = field(default_factory=list)

    def tally(self, kind: str) -> Tally:
        return self.tallies.setdefault(kind, Tally())


def locate(text: str, wanted: list[dict[str, Any]], where: str) -> list[Span]:
    """The annotated spans, found in text order (a repeated figure takes its next occurrence)."""
    spans, cursor = [], 0
    for item in wanted:
        start = text.find(item["text"], cursor)
        if start < 0:
            start = text.find(item["text"])
        if start < 0:
            raise DataError(f"{where}: {item['text']!r} does not occur in the passage")
        cursor = start + len(item["text"])
        fields = tuple((name, item.get(name)) for name in COMPARED)
        spans.append(Span(item["text"], start, cursor, fields))
    return spans


def same(expected: Any, ours: Any) -> bool:
    if isinstance(expected, int | float) and isinstance(ours, int | float):
        return math.isclose(expected, ours, rel_tol=1e-6)
    return expected == ours


def same_unit(expected: Any, ours: Any) -> bool:
    """Units agree when pint converts one into the other by 1 ("square_kilometer" is "kilometer ** 2")."""
    if expected == ours or expected is None or ours is None:
        return expected == ours
    from factcheck.extract.units import factor

    for prefix, power in (("square_", 2), ("cubic_", 3)):
        if expected.startswith(prefix):
            expected = f"{expected[len(prefix):]} ** {power}"
    found = factor(ours, expected)
    return found is not None and math.isclose(found, 1.0)


def agrees(expected: Span, ours: Span) -> bool:
    """Every field the annotation gives agrees; a range's value may be null or its midpoint (the contract allows both)."""
    ranged = expected.get("low") is not None and expected.get("value") is None
    compare = {"unit": same_unit}
    return all(compare.get(name, same)(expected.get(name), ours.get(name)) for name in COMPARED
               if expected.get(name) is not None or name == "kind" or (name == "value" and not ranged))


def score_passage(expected: list[Span], avoided: list[Span], found: list[Span], pid: str, out: Outcome) -> None:
    by_span = {(f.start, f.end): f for f in found}
    for e in expected:
        tally = out.tally(e.get("kind"))
        tally.expected += 1
        ours = by_span.get((e.start, e.end))
        tally.relaxed += any(f.overlaps(e) and f.get("kind") == e.get("kind") for f in found)
        tally.value_found += any(f.overlaps(e) and agrees(e, f) for f in found)
        if ours is None:
            near = [f"{f.text!r} {f.get('kind')}" for f in found if f.overlaps(e)]
            out.misses.append(f"{pid}: {e.text!r} {e.get('kind')} | ours: {', '.join(near) or 'nothing'}")
            continue
        tally.found += 1
        if agrees(e, ours):
            tally.value_ok += 1
        else:
            out.wrong.append(f"{pid}: {e.text!r} expected {describe(e)}, ours {describe(ours)}")
    for f in found:
        tally = out.tally(f.get("kind"))
        tally.claims += 1
        if any(f.overlaps(e) for e in expected):
            tally.true_claims += 1
        elif any(f.overlaps(a) for a in avoided):
            out.named.append(f"{pid}: {f.text!r} {describe(f)}")
        else:
            out.unexpected.append(f"{pid}: {f.text!r} {describe(f)}")


def describe(span: Span) -> str:
    return " ".join(f"{name}={span.get(name)!r}" for name in COMPARED if span.get(name) is not None)


def scan(passage: dict[str, Any], book: Any) -> list[Span]:
    from factcheck.document import load_text
    from factcheck.extract.extractor import extract

    date = dt.date.fromisoformat(passage["date"]) if passage.get("date") else None
    claims, _ = extract(load_text(passage["id"], passage["text"], date=date), book)
    return [Span(c.text, c.start, c.end, tuple((n, getattr(c, n)) for n in COMPARED)) for c in claims]


def load(path: Path) -> list[dict[str, Any]]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))["passages"]
    except (OSError, tomllib.TOMLDecodeError, KeyError) as exc:
        raise DataError(f"{path}: cannot read passages: {exc}") from None


def score_file(path: Path, book: Any) -> Outcome:
    out = Outcome()
    for passage in load(path):
        where = f"{path.name} {passage['id']}"
        expected = locate(passage["text"], passage.get("claims", []), where)
        avoided = locate(passage["text"], passage.get("not_claims", []), where)
        score_passage(expected, avoided, scan(passage, book), passage["id"], out)
    return out


def fmt(rate: float | None) -> str:
    return "-" if rate is None else f"{rate:.3f}"


def table(name: str, out: Outcome) -> list[str]:
    total = Tally()
    lines = []
    for kind in sorted(out.tallies):
        tally = out.tallies[kind]
        total.add(tally)
        lines.append(row(name, kind, tally))
    lines.append(row(name, "all", total))
    return lines


def row(name: str, kind: str, tally: Tally) -> str:
    rates = " ".join(f"{fmt(r):>9}" for r in tally.rates())
    return f"{name:24} {kind:9} {tally.expected:>8} {tally.found:>6} {tally.claims:>6} {rates}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path, default=sorted(DATA.glob("prose*.toml")))
    parser.add_argument("--show", type=int, default=0, metavar="N", help="list the first N misses, wrong "
                        "values, unexpected claims and claimed names per file")
    args = parser.parse_args(argv)
    from factcheck.extract.rulebook import load_rulebook

    book = load_rulebook()
    print(f"{'file':24} {'kind':9} {'expected':>8} {'found':>6} {'claims':>6} {'recall':>9} {'relaxed':>9} {'value rec':>9} {'value acc':>9} "
          f"{'precision':>9} {'F1':>9}")
    try:
        outcomes = [(path.name, score_file(path, book)) for path in args.files]
    except DataError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    for name, out in outcomes:
        print("\n".join(table(name, out)))
    for name, out in outcomes if args.show else ():
        for label, items in (("misses", out.misses), ("wrong values", out.wrong),
                             ("unexpected claims", out.unexpected), ("claimed names", out.named)):
            print(f"== {name}: {label} ({len(items)})")
            print("\n".join(f"  {item}" for item in items[:args.show]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
