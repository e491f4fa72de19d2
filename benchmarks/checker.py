"""Score the consistency checker on passage sets (tests/data/passages*.toml).

Two shapes of passage:

* one relation per passage (`type`, `expect`): was a check of its type found (found), did one
  carry the expected verdict (right); over the passages not meant to be inconsistent, did any
  check say inconsistent anyway (false alarm);
* several relations per passage (`[[passage.relation]]` with `type`, `verdict`, `figures` and
  an optional `breaking_edit`): a relation is found when a check uses claims that overlap at
  least two of its figures (one, for a one-figure relation), and right when such a check
  carries its verdict. A false alarm is an inconsistent check that is not on an inconsistent
  relation, or an approximate one on no relation at all (on a consistent relation, an
  approximate check says "within rounding": it is not right, but not an alarm either). Each
  breaking edit is applied to a copy of the passage, and is caught when a check on the edited
  relation says inconsistent.

    python benchmarks/checker.py [FILE ...] [--show]
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
import tomllib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from factcheck.document import load_text
from factcheck.model import Check, DocumentReport
from factcheck.pipeline import scan_document
from factcheck.extract.rulebook import load_rulebook

DATA = Path(__file__).resolve().parents[1] / "tests" / "data"
ALARMS = ("inconsistent", "approximate")


def scan(book: Any, passage: dict[str, Any], text: str | None = None) -> DocumentReport:
    """The report of a passage; a crash is reported on stderr and counts as a passage with no check."""
    date = dt.date.fromisoformat(passage["date"]) if passage.get("date") else None
    try:
        return scan_document(load_text(passage["id"], passage["text"] if text is None else text, date=date), book)
    except Exception as exc:  # noqa: BLE001 - a benchmark scores a crash, it does not stop on it
        print(f"  crash {passage['id']}: {type(exc).__name__}: {exc}", file=sys.stderr)
        return DocumentReport(passage["id"], passage.get("date"), [], [])


def score_single(passages: list[dict[str, Any]], book: Any, show: bool) -> dict[str, int]:
    tally = {"passages": len(passages), "with_relation": 0, "found": 0, "right": 0, "calm": 0, "false_alarms": 0}
    for passage in passages:
        checks = scan(book, passage).checks
        types = {passage["type"], passage.get("alt_type")}
        if passage["expect"] != "inconsistent":
            tally["calm"] += 1
            alarms = [c for c in checks if c.verdict == "inconsistent"
                      or (passage["expect"] == "none" and c.verdict == "approximate")]
            tally["false_alarms"] += bool(alarms)
        if passage["type"] == "none":
            continue
        tally["with_relation"] += 1
        found = [c for c in checks if c.type in types]
        tally["found"] += bool(found)
        right = any(c.verdict == passage["expect"] for c in found)
        tally["right"] += right
        if show and not right:
            print(f"  miss {passage['id']}: {[(c.type, c.verdict) for c in checks]}")
    return tally


@dataclass(slots=True)
class RelationTally:
    relations: int = 0
    found: int = 0
    right: int = 0
    by_type: Counter[tuple[str, str, str]] = field(default_factory=Counter)  # (type, verdict, outcome)
    alarms: int = 0
    false_alarms: int = 0
    false_alarm_passages: int = 0
    edits: int = 0
    edits_caught: int = 0
    edit_false_alarms: int = 0

    @property
    def recall(self) -> float:
        return self.right / self.relations if self.relations else 0.0


def spans_of(text: str, figures: list[str]) -> list[tuple[int, int]]:
    """Where each figure stands: its first occurrence that is not part of a longer number or word ("58" in
    "Quaile, 58," rather than in "13,258"), else its first occurrence."""
    spans = []
    for figure in figures:
        whole = re.search(rf"(?<![\w,.]){re.escape(figure)}(?![\w]|[,.]\d)", text)
        at = whole.start() if whole else text.find(figure)
        if at < 0:
            raise ValueError(f"figure {figure!r} is not in the passage")
        spans.append((at, at + len(figure)))
    return spans


def moved(spans: list[tuple[int, int]], at: int, old: int, new: int) -> list[tuple[int, int]]:
    """The spans after `old` characters at `at` became `new` ones: a span the edit touches covers its new text."""
    shift = new - old
    return [(start if start <= at else start + shift if start >= at + old else at,
             end if end <= at else end + shift if end >= at + old else at + new) for start, end in spans]


def covers(check: Check, report: DocumentReport, spans: list[tuple[int, int]]) -> bool:
    """Whether the check's claims overlap enough of the relation's figures (two, or all when fewer)."""
    claims = {c.id: c for c in report.claims}
    used = [claims[i] for i in check.claims if i in claims]
    hit = sum(any(c.start < end and start < c.end for c in used) for start, end in spans)
    return hit >= min(2, len(spans))


def score_relations(passages: list[dict[str, Any]], book: Any, show: bool) -> RelationTally:
    tally = RelationTally()
    for passage in passages:
        report = scan(book, passage)
        relations = passage.get("relation", [])
        bad_spans = [spans_of(passage["text"], r["figures"]) for r in relations if r["verdict"] == "inconsistent"]
        alarms = [c for c in report.checks if c.verdict in ALARMS]
        all_spans = [spans_of(passage["text"], r["figures"]) for r in relations]
        false = [c for c in alarms if not any(covers(c, report, spans) for spans in
                                              (bad_spans if c.verdict == "inconsistent" else all_spans))]
        tally.alarms += len(alarms)
        tally.false_alarms += len(false)
        tally.false_alarm_passages += bool(false)
        if show:
            for check in false:
                print(f"  false alarm {passage['id']}: {check.type} {check.verdict}: {check.explanation}")
        for relation in relations:
            judge_relation(tally, book, passage, report, relation, show)
    return tally


def judge_relation(tally: RelationTally, book: Any, passage: dict[str, Any], report: DocumentReport,
                   relation: dict[str, Any], show: bool) -> None:
    spans = spans_of(passage["text"], relation["figures"])
    on_it = [c for c in report.checks if covers(c, report, spans)]
    right = any(c.verdict == relation["verdict"] for c in on_it)
    tally.relations += 1
    tally.found += bool(on_it)
    tally.right += right
    tally.by_type[(relation["type"], relation["verdict"], "right" if right else "found" if on_it else "missed")] += 1
    if show and not right:
        print(f"  miss {passage['id']} {relation['type']} {relation['verdict']} {relation['figures']}: "
              f"{[(c.type, c.verdict) for c in on_it] or 'no check'}")
    edit = relation.get("breaking_edit")
    if relation["verdict"] != "consistent" or not edit:
        return
    old, new = edit
    text = passage["text"].replace(old, new, 1)
    edited = scan(book, passage, text)
    edited_spans = moved(spans, passage["text"].find(old), len(old), len(new))
    caught = [c for c in edited.checks if c.verdict == "inconsistent" and covers(c, edited, edited_spans)]
    tally.edits += 1
    tally.edits_caught += bool(caught)
    tally.edit_false_alarms += sum(1 for c in edited.checks if c.verdict in ALARMS and not covers(c, edited, edited_spans))
    if show and not caught:
        print(f"  edit missed {passage['id']} {relation['type']} {old!r} -> {new!r}")


SINGLE_HEADER = f"{'file':28} {'passages':>8} {'relations':>9} {'found':>6} {'right':>6} {'calm':>5} {'false alarms':>12}"


def print_single(name: str, t: dict[str, int]) -> None:
    print(f"{name:28} {t['passages']:>8} {t['with_relation']:>9} {t['found']:>6} {t['right']:>6} "
          f"{t['calm']:>5} {t['false_alarms']:>12}")


def print_relations(name: str, passages: int, t: RelationTally, by_type: bool) -> None:
    print(f"{name}: {passages} passages, {t.relations} relations: found {t.found}, right {t.right} "
          f"(relation recall {t.recall:.2f}); alarms {t.alarms}, false alarms {t.false_alarms} "
          f"in {t.false_alarm_passages} passages; breaking edits caught {t.edits_caught} of {t.edits} "
          f"(other alarms in edited copies: {t.edit_false_alarms})")
    if by_type:
        types = sorted({(k[0], k[1]) for k in t.by_type})
        for check_type, verdict in types:
            counts = {o: t.by_type[(check_type, verdict, o)] for o in ("right", "found", "missed")}
            print(f"  {check_type:15} {verdict:13} right {counts['right']:>3}  wrong verdict {counts['found']:>3}  "
                  f"no check {counts['missed']:>3}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path, default=sorted(DATA.glob("passages*.toml")))
    parser.add_argument("--show", action="store_true", help="list missed relations and false alarms")
    parser.add_argument("--by-type", action="store_true", help="relation outcomes per type and verdict")
    args = parser.parse_args(argv)
    book = load_rulebook()
    print(SINGLE_HEADER)
    for path in args.files:
        passages = tomllib.loads(path.read_text(encoding="utf-8"))["passage"]
        single = [p for p in passages if "expect" in p]
        multi = [p for p in passages if "expect" not in p]
        if single:
            print_single(path.name, score_single(single, book, args.show))
        if multi:
            print_relations(path.name, len(multi), score_relations(multi, book, args.show), args.by_type)
    return 0


if __name__ == "__main__":
    sys.exit(main())
