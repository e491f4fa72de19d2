#!/usr/bin/env python3
"""Score the extractor on the Recognizers-Text English conformance corpus.

Each corpus file is annotated only for its own upstream model, so each file is scored
only on the claim kinds it covers (FILE_KINDS). A span matches on exact offsets;
"relaxed" recall accepts any overlap. number.jsonl marks every numeral, including those
inside money or dates, so it is scored on recall only. See benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import re
import sys
import time
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

FILE_KINDS: dict[str, tuple[str, ...]] = {
    "money": ("money",),
    "percent": ("percent",),
    "dimension": ("distance", "quantity"),
    "temperature": ("quantity",),
    "age": ("quantity",),
    "ordinal": ("ordinal",),
    "date": ("date",),
    "number": ("count",),
}
RECALL_ONLY = {"number"}
# file -> (metric of the file's total row, minimum), from the issue
TARGETS: dict[str, tuple[str, float]] = {
    "money": ("f1", 0.85),
    "percent": ("f1", 0.85),
    "dimension": ("f1", 0.85),
    "temperature": ("f1", 0.85),
    "date": ("f1", 0.75),
    "number": ("recall", 0.90),
    "ordinal": ("recall", 0.90),
}
SMOKE_CASES = 5

# upstream unit name -> pint unit expression; names not listed are not compared
UNIT_NAMES = {
    "Acre": "acre", "Barrel": "oil_barrel", "Bit": "bit", "Celsius": "degree_Celsius",
    "Centimeter per millisecond": "centimeter / millisecond", "Cubic foot": "foot ** 3",
    "Cup": "cup", "Day": "day", "Decimeter": "decimeter", "Dram": "dram",
    "Fahrenheit": "degree_Fahrenheit", "Foot": "foot", "Gallon": "gallon", "Gram": "gram",
    "Inch": "inch", "Kilogram": "kilogram", "Kilometer": "kilometer",
    "Kilometer per hour": "kilometer / hour", "Kilometer per millisecond": "kilometer / millisecond",
    "Megabit": "megabit", "Megabyte": "megabyte", "Meter": "meter",
    "Meter per millisecond": "meter / millisecond", "Metric ton": "metric_ton",
    "Microgram": "microgram", "Mile": "mile", "Mile per hour": "mile / hour",
    "Milliliter": "milliliter", "Millimeter": "millimeter", "Month": "month", "Ounce": "ounce",
    "Picometer": "picometer", "Pound": "pound", "Radian": "radian", "Square kilometer": "kilometer ** 2",
    "Square meter": "meter ** 2", "Tablespoon": "tablespoon", "Teaspoon": "teaspoon", "Ton": "ton",
    "Turn": "turn", "Week": "week", "Year": "year",
}
# money sub-units that upstream counts in their own unit ("50 cents" -> 50); we may give 0.5
SUBUNITS = {"Cent": 100, "Penny": 100, "Pence": 100, "Sen": 100}
# date specs annotated for single days only / for ranges only (DateTimeModel is complete)
DAY_SPECS = {"DateParser.json", "DateExtractor.json"}
RANGE_SPECS = {"DatePeriodParser.json", "DatePeriodExtractor.json"}
ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


class CorpusError(Exception):
    """The corpus is missing or malformed; the message is one line."""


@dataclass(frozen=True)
class Expected:
    text: str
    start: int
    end: int
    kind: str
    value: Any = None
    unit: str | None = None
    rt_type: str | None = None
    rt_unit: str | None = None


@dataclass(frozen=True)
class Found:
    """What the benchmark needs of one extracted claim."""

    text: str
    start: int
    end: int
    kind: str
    value: Any = None
    unit: str | None = None
    low: Any = None
    high: Any = None


@dataclass(frozen=True)
class Case:
    id: str
    source: str
    text: str
    date: dt.date | None
    expected: tuple[Expected, ...]


@dataclass
class CaseResult:
    """How one case's claims line up with its expected spans."""

    hits: list[tuple[Expected, Found]] = field(default_factory=list)
    misses: list[Expected] = field(default_factory=list)
    relaxed: list[Expected] = field(default_factory=list)
    contained: list[Expected] = field(default_factory=list)
    scored: list[Found] = field(default_factory=list)
    false_positives: list[Found] = field(default_factory=list)


@dataclass
class Tally:
    """Counts for one file and kind; the rates are None where their denominator is 0."""

    cases: int = 0
    expected: int = 0
    found: int = 0
    relaxed: int = 0
    contained: int = 0
    claims: int = 0
    true_claims: int = 0
    valued: int = 0
    value_ok: int = 0
    scores_precision: bool = True

    def add(self, other: Tally) -> None:
        for f in fields(self):
            if f.name not in ("cases", "scores_precision"):
                setattr(self, f.name, getattr(self, f.name) + getattr(other, f.name))

    @property
    def recall(self) -> float | None:
        return ratio(self.found, self.expected)

    @property
    def relaxed_recall(self) -> float | None:
        return ratio(self.relaxed, self.expected)

    @property
    def value_accuracy(self) -> float | None:
        return ratio(self.value_ok, self.valued)

    @property
    def precision(self) -> float | None:
        return ratio(self.true_claims, self.claims) if self.scores_precision else None

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if not self.scores_precision or r is None:
            return None
        if not p or not r:
            return 0.0
        return 2 * p * r / (p + r)


@dataclass
class FileResult:
    name: str
    tallies: dict[str, Tally]
    misses: list[str] = field(default_factory=list)
    false_positives: list[str] = field(default_factory=list)
    wrong_values: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    @property
    def total(self) -> Tally:
        return self.tallies["all"]

    def status(self) -> str | None:
        if self.name not in TARGETS:
            return None
        metric, minimum = TARGETS[self.name]
        value = getattr(self.total, metric)
        return "PASS" if value is not None and value >= minimum else "BELOW"


def ratio(part: int, whole: int) -> float | None:
    return part / whole if whole else None


# ---- reading the corpus -------------------------------------------------------------


def default_corpus() -> Path:
    return Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "recognizers-en"


def load_cases(path: Path, limit: int | None = None) -> list[Case]:
    if not path.is_file():
        raise CorpusError(f"corpus file not found: {path}")
    cases: list[Case] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if limit is not None and len(cases) >= limit:
            break
        if line.strip():
            try:
                cases.append(case_from(json.loads(line)))
            except (ValueError, KeyError, TypeError) as exc:
                raise CorpusError(f"{path}:{number}: not a corpus case ({exc})") from None
    return cases


def case_from(data: dict[str, Any]) -> Case:
    reference = data.get("reference_datetime")
    date = dt.datetime.fromisoformat(reference).date() if reference else None
    expected = tuple(
        Expected(e["text"], e["start"], e["end"], e["kind"], e.get("value"), e.get("unit"),
                 e.get("rt_type"), e.get("rt_unit"))
        for e in data["expected"]
    )
    return Case(data["id"], data.get("source", ""), data["text"], date, expected)


# ---- scoring ------------------------------------------------------------------------


def overlaps(a: Expected | Found, b: Expected | Found) -> bool:
    return a.start < b.end and b.start < a.end


def date_shape(found: Found) -> str:
    """'day', 'range' or 'unknown' (an unresolved date says nothing of its extent)."""
    if isinstance(found.value, str):
        return "day" if ISO_DAY.fullmatch(found.value) else "range"
    return "range" if found.low is not None or found.high is not None else "unknown"


def in_scope(case: Case, found: Found) -> bool:
    """Whether the case's annotation covers a claim like this one (for precision)."""
    if found.kind != "date":
        return True
    spec = case.source.split("#")[0].rsplit("/", 1)[-1]
    shape = date_shape(found)
    if spec in DAY_SPECS:
        return shape != "range"
    if spec in RANGE_SPECS:
        return shape != "day"
    return True


def match_case(case: Case, found: list[Found], kinds: tuple[str, ...]) -> CaseResult:
    """Exact-span matching of a case's expected spans against our claims of `kinds`."""
    ours = [f for f in found if f.kind in kinds]
    by_span = {(f.start, f.end): f for f in ours}
    expected_spans = {(e.start, e.end) for e in case.expected}
    result = CaseResult()
    for e in case.expected:
        hit = by_span.get((e.start, e.end))
        if hit is not None:
            result.hits.append((e, hit))
        else:
            result.misses.append(e)
    result.relaxed = [e for e in case.expected if any(overlaps(e, f) for f in ours)]
    result.scored = [f for f in ours if in_scope(case, f)]
    result.false_positives = [f for f in result.scored if (f.start, f.end) not in expected_spans]
    return result


def match_number_case(case: Case, found: list[Found]) -> CaseResult:
    """A numeral counts as found as a count claim of its exact span, or inside any claim."""
    result = match_case(case, found, ("count",))
    still_missing = []
    for e in result.misses:
        if any(f.start <= e.start and e.end <= f.end for f in found):
            result.contained.append(e)
        else:
            still_missing.append(e)
    result.misses = still_missing
    result.relaxed = [e for e in case.expected if any(overlaps(e, f) for f in found)]
    result.scored, result.false_positives = [], []
    return result


def close(expected: float, ours: Any) -> bool:
    if isinstance(ours, bool) or not isinstance(ours, int | float):
        return False
    return math.isclose(expected, ours, rel_tol=1e-6, abs_tol=1e-12)


def expected_unit(e: Expected) -> str | None:
    """The unit to compare with ours: an ISO code for money, else a pint name, else None."""
    if e.kind == "money":
        return e.unit
    if e.unit == "Degree":  # angle in dimension.jsonl, an unnamed scale in temperature.jsonl
        return "degree" if e.rt_type == "Angle" else None
    return UNIT_NAMES.get(e.unit or "")


def same_unit(expected: str, ours: str | None, kind: str) -> bool:
    if ours is None or expected == ours or kind == "money":
        return expected == ours
    from factcheck.extract.units import factor

    found = factor(ours, expected)
    return found is not None and math.isclose(found, 1.0, rel_tol=1e-9)


def value_agrees(e: Expected, f: Found) -> bool | None:
    """Whether our value (and unit) equals the expected one; None when nothing is expected."""
    if e.value is None:
        return None
    if e.kind == "date":
        return f.value == e.value
    scale = SUBUNITS.get(e.rt_unit or "", 1)
    if not (close(e.value, f.value) or close(e.value / scale, f.value)):
        return False
    unit = expected_unit(e)
    return True if unit is None else same_unit(unit, f.unit, e.kind)


def tally_case(result: CaseResult, kinds: tuple[str, ...], recall_only: bool) -> dict[str, Tally]:
    """Per-kind counts of one case: recall by expected kind, precision by claim kind."""
    tallies = {kind: Tally(scores_precision=not recall_only) for kind in kinds}
    hits = {id(e) for e, _ in result.hits}
    relaxed = {id(e) for e in result.relaxed}
    contained = {id(e) for e in result.contained}
    every = [e for e, _ in result.hits] + result.misses + result.contained
    for e in every:
        t = tallies.setdefault(e.kind, Tally(scores_precision=not recall_only))
        t.expected += 1
        t.found += id(e) in hits or id(e) in contained
        t.contained += id(e) in contained
        t.relaxed += id(e) in relaxed
    for e, f in result.hits:
        agrees = value_agrees(e, f)
        if agrees is not None:
            tallies[e.kind].valued += 1
            tallies[e.kind].value_ok += agrees
    wrong = {id(f) for f in result.false_positives}
    for f in result.scored:
        tallies[f.kind].claims += 1
        tallies[f.kind].true_claims += id(f) not in wrong
    return tallies


# ---- running ------------------------------------------------------------------------


def scan_case(case: Case, book: Any) -> list[Found]:
    from factcheck.pipeline import read_document, scan_document

    doc, _ = read_document(f"{case.id}.txt", case.text.encode("utf-8"), case.date)
    report = scan_document(doc, book)
    return [Found(c.text, c.start, c.end, c.kind, c.value, c.unit, c.low, c.high) for c in report.claims]


def run_file(name: str, cases: list[Case], book: Any) -> FileResult:
    from factcheck.errors import FactcheckError

    kinds = FILE_KINDS[name]
    tallies = {kind: Tally(scores_precision=name not in RECALL_ONLY) for kind in kinds}
    out = FileResult(name, tallies)
    for case in cases:
        try:
            found = scan_case(case, book)
        except FactcheckError as exc:
            out.errors.append(f"{case.id}: {exc}")
            found = []
        result = match_number_case(case, found) if name in RECALL_ONLY else match_case(case, found, kinds)
        for kind, t in tally_case(result, kinds, name in RECALL_ONLY).items():
            tallies.setdefault(kind, Tally(scores_precision=name not in RECALL_ONLY)).add(t)
        note_examples(out, case, result, found)
    for t in tallies.values():
        t.cases = len(cases)
    total = Tally(cases=len(cases), scores_precision=name not in RECALL_ONLY)
    for t in list(tallies.values()):
        total.add(t)
    tallies["all"] = total
    return out


def note_examples(out: FileResult, case: Case, result: CaseResult, found: list[Found]) -> None:
    for e in result.misses:
        near = [f for f in found if overlaps(e, f)]
        ours = ", ".join(f"{f.text!r} {f.kind}" for f in near) or "nothing"
        out.misses.append(f"{case.id}: {e.text!r} ({e.kind}) | ours: {ours} | {context(case.text, e)}")
    for f in result.false_positives:
        out.false_positives.append(f"{case.id}: {f.text!r} {f.kind} {f.value!r} {f.unit or ''} | {context(case.text, f)}")
    for e, f in result.hits:
        if value_agrees(e, f) is False:
            out.wrong_values.append(f"{case.id}: {e.text!r} expected {e.value!r} {e.unit or ''}, ours {f.value!r} {f.unit or ''}")


def context(text: str, span: Expected | Found, width: int = 50) -> str:
    left = max(0, span.start - width)
    right = min(len(text), span.end + width)
    clip = text[left:span.start] + "[" + text[span.start:span.end] + "]" + text[span.end:right]
    return " ".join(clip.split())


# ---- output -------------------------------------------------------------------------


def fmt(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def target_text(result: FileResult) -> str:
    status = result.status()
    if status is None:
        return ""
    metric, minimum = TARGETS[result.name]
    return f"{status} ({'F1' if metric == 'f1' else metric} >= {minimum:.2f})"


HEADER = (f"{'file':<12}{'kind':<10}{'cases':>6}{'expected':>9}{'found':>7}{'recall':>8}{'relaxed':>9}"
          f"{'value acc':>10}{'precision':>10}{'F1':>7}  target")


def table_lines(results: list[FileResult]) -> list[str]:
    lines = [HEADER, "-" * len(HEADER)]
    for result in results:
        rows = [(kind, t) for kind, t in result.tallies.items() if kind != "all"]
        if len(rows) > 1:
            rows.append(("all", result.total))
        for kind, t in rows:
            target = target_text(result) if kind == rows[-1][0] else ""
            lines.append(f"{result.name:<12}{kind:<10}{t.cases:>6}{t.expected:>9}{t.found:>7}{fmt(t.recall):>8}"
                         f"{fmt(t.relaxed_recall):>9}{fmt(t.value_accuracy):>10}{fmt(t.precision):>10}"
                         f"{fmt(t.f1):>7}  {target}".rstrip())
    return lines


def notes_lines(results: list[FileResult]) -> list[str]:
    lines = []
    for result in results:
        t = result.total
        if result.name in RECALL_ONLY:
            lines.append(f"{result.name}: found {t.found} of {t.expected} = {t.found - t.contained} as an exact "
                         f"count claim + {t.contained} inside a larger claim (recall only)")
        if result.errors:
            lines.append(f"{result.name}: {len(result.errors)} case(s) raised an error, first: {result.errors[0]}")
    return lines


def show_lines(results: list[FileResult], limit: int) -> list[str]:
    lines: list[str] = []
    if limit <= 0:
        return lines
    for result in results:
        for title, items in (("misses", result.misses), ("false positives", result.false_positives),
                             ("wrong values", result.wrong_values)):
            if items:
                lines.append(f"== {result.name}: {title} ({len(items)}, first {min(limit, len(items))})")
                lines.extend(f"  {item}" for item in items[:limit])
    return lines


def as_json(results: list[FileResult], corpus: Path, smoke: bool, limit: int) -> dict[str, Any]:
    rows = []
    for result in results:
        for kind, t in result.tallies.items():
            row = {"file": result.name, "kind": kind, "cases": t.cases, "expected": t.expected,
                   "found": t.found, "recall": t.recall, "relaxed_recall": t.relaxed_recall,
                   "value_accuracy": t.value_accuracy, "precision": t.precision, "f1": t.f1}
            if result.name in RECALL_ONLY:
                row |= {"found_exact": t.found - t.contained, "found_contained": t.contained}
            if kind == "all":
                metric, minimum = TARGETS.get(result.name, (None, None))
                row |= {"target": {"metric": metric, "min": minimum} if metric else None, "status": result.status()}
            rows.append(row)
    data: dict[str, Any] = {"corpus": str(corpus), "smoke": smoke, "rows": rows}
    if limit:
        data["examples"] = {r.name: {"misses": r.misses[:limit], "false_positives": r.false_positives[:limit],
                                     "wrong_values": r.wrong_values[:limit]} for r in results}
    return data


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=default_corpus(), help="the recognizers-en directory")
    parser.add_argument("--only", action="append", choices=sorted(FILE_KINDS), help="score only this file (repeatable)")
    parser.add_argument("--show", type=int, default=0, metavar="N", help="list the first N misses, false positives "
                        "and wrong values per file")
    parser.add_argument("--json", action="store_true", help="print machine-readable results")
    parser.add_argument("--smoke", action="store_true", help=f"only the first {SMOKE_CASES} cases of each file")
    parser.add_argument("--check", action="store_true", help="exit 1 when a target is missed")
    return parser.parse_args(argv)


def run(args: argparse.Namespace) -> list[FileResult]:
    from factcheck.extract.rulebook import load_rulebook

    if not args.corpus.is_dir():
        raise CorpusError(f"corpus directory not found: {args.corpus} (pass --corpus DIR)")
    names = args.only or list(FILE_KINDS)
    loaded = {name: load_cases(args.corpus / f"{name}.jsonl", SMOKE_CASES if args.smoke else None) for name in names}
    book = load_rulebook()
    return [run_file(name, cases, book) for name, cases in loaded.items()]


def main(argv: list[str] | None = None) -> int:
    from factcheck.errors import FactcheckError

    args = parse_args(argv)
    began = time.perf_counter()
    try:
        results = run(args)
    except (CorpusError, FactcheckError) as exc:
        print(f"conformance: error: {exc}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(as_json(results, args.corpus, args.smoke, args.show), indent=2))
    else:
        print("\n".join(table_lines(results) + notes_lines(results) + show_lines(results, args.show)))
        print(f"scored {sum(r.total.cases for r in results)} cases in {time.perf_counter() - began:.1f} s")
    missed = any(r.status() == "BELOW" for r in results)
    return 1 if args.check and missed else 0


if __name__ == "__main__":
    sys.exit(main())
