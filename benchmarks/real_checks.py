#!/usr/bin/env python3
"""Alarms of the checker on real text: every inconsistent or approximate check on SOTU and FOMC.

Each document is scanned with its date (FOMC from the file name; State of the Union
YEAR-12-05 up to 1933, YEAR-01-31 from 1934, 1790-01-08 for 1790a). Every alarm is looked up
in the reviewed lists (`../shared/eval/sotu-fomc-alarms-reviewed.tsv`, and the project's own
`benchmarks/real_checks_reviewed.tsv` for alarms read since), by file, line and check type:
real errors caught, false alarms, and the alarms nobody has read yet, printed in full so that
a person can judge them.

    python benchmarks/real_checks.py                 # the table and every unread alarm
    python benchmarks/real_checks.py --consistent    # also every arithmetic check that passed, to read its links
    python benchmarks/real_checks.py --dates         # also every check of dates that passed (ages, anniversaries, orders)
    python benchmarks/real_checks.py --smoke         # a few files, for CI
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import multiprocessing
import os
import re
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
OWN_REVIEW = ROOT / "benchmarks" / "real_checks_reviewed.tsv"
ALARMS = ("inconsistent", "approximate")
ARITHMETIC = ("ratio", "multiplier", "percent_change", "part_of_whole", "share", "sum", "difference", "conversion")
DATES = ("age", "anniversary", "date_order")
SMOKE_FILES = 4
YEAR_NAME = re.compile(r"^(\d{4})([ab]?)-")
DATE_NAME = re.compile(r"^(\d{4}-\d{2}-\d{2})-")
FIGURE = re.compile(r"\d[\d,]*\d(?:\.\d+)?|\d")


@dataclass(frozen=True, slots=True)
class Alarm:
    file: str
    line: int
    type: str
    verdict: str
    sentence: str
    explanation: str

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.file, f"L{self.line}", self.type)


def document_date(name: str) -> dt.date | None:
    """The date a corpus file was written, from its name (see the module docstring)."""
    found = DATE_NAME.match(name)
    if found:
        return dt.date.fromisoformat(found.group(1))
    found = YEAR_NAME.match(name)
    if not found:
        return None
    year = int(found.group(1))
    if found.group(2) == "a":
        return dt.date(year, 1, 8)
    return dt.date(year, 12, 5) if year <= 1933 else dt.date(year, 1, 31)


def corpus_files(smoke: bool) -> list[Path]:
    files = []
    for corpus in ("sotu", "fomc"):
        found = sorted((SHARED / "corpus" / corpus).glob("*.txt"))
        files.extend(found[:SMOKE_FILES // 2] if smoke else found)
    return files


BOOK: Any = None


def scan_file(path: Path) -> list[Alarm]:
    """Every check of one file, as Alarm records (passing checks too: the caller filters)."""
    from factcheck.pipeline import read_document, scan_document

    doc, _ = read_document(path.name, path.read_bytes(), document_date(path.name))
    report = scan_document(doc, BOOK)
    return [Alarm(path.name, c.line, c.type, c.verdict, c.sentence, c.explanation) for c in report.checks]


def scan_all(files: list[Path], jobs: int) -> list[Alarm]:
    global BOOK
    from factcheck.extract.rulebook import load_rulebook

    BOOK = load_rulebook()  # compiled once; forked workers inherit it
    if jobs <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        return [a for path in files for a in scan_file(path)]
    with multiprocessing.get_context("fork").Pool(jobs) as pool:
        return [a for found in pool.map(scan_file, files, chunksize=1) for a in found]


Review = tuple[str, frozenset[str]]  # the judgement, and the figures its explanation names


def figures_in(text: str) -> frozenset[str]:
    return frozenset(FIGURE.findall(text))


def read_reviews(paths: list[Path]) -> dict[tuple[str, str, str], list[Review]]:
    """(file, line, type) -> the judgement and figures of every reviewed alarm with that key."""
    reviews: dict[tuple[str, str, str], list[Review]] = {}
    for path in paths:
        if not path.is_file():
            continue
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle, delimiter="\t"):
                key = (row["file"], row["line"], row["check_type"])
                reviews.setdefault(key, []).append((row["judgement"], figures_in(row["explanation"])))
    return reviews


def classify(alarms: list[Alarm], reviews: dict[tuple[str, str, str], list[Review]]) -> dict[str, list[Alarm]]:
    """Alarms sorted into real errors, false alarms and unread ones.

    An alarm takes the review of its file, line and type whose explanation names the most of
    its figures; each review is used once."""
    left = {key: list(rows) for key, rows in reviews.items()}
    found: dict[str, list[Alarm]] = {"real error": [], "false alarm": [], "unread": []}
    for alarm in alarms:
        rows = left.get(alarm.key, [])
        figures = figures_in(alarm.explanation)
        best = max(rows, key=lambda row: len(row[1] & figures), default=None)
        if best is None or (figures and best[1] and not best[1] & figures):
            found["unread"].append(alarm)
            continue
        rows.remove(best)
        found["real error" if best[0] == "real error" else "false alarm"].append(alarm)
    return found


def known_real_errors(reviews: dict[tuple[str, str, str], list[Review]]) -> int:
    return sum(judgement == "real error" for rows in reviews.values() for judgement, _ in rows)


def show(title: str, alarms: list[Alarm]) -> None:
    print(f"\n## {title} ({len(alarms)})")
    for a in alarms:
        print(f"{a.file}\tL{a.line}\t{a.type}\t{a.verdict}\n    sentence: {a.sentence[:400]}\n    check: {a.explanation}")


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--smoke", action="store_true", help=f"the first {SMOKE_FILES // 2} files of each corpus")
    parser.add_argument("--consistent", action="store_true", help="also list every passing arithmetic check")
    parser.add_argument("--dates", action="store_true", help="also list every passing check of dates")
    parser.add_argument("--false", action="store_true", help="also list the alarms already judged false")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="worker processes (default: cores)")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    files = corpus_files(args.smoke)
    if not files:
        print(f"real_checks: error: no corpus under {SHARED / 'corpus'}", file=sys.stderr)
        return 2
    checks = scan_all(files, args.jobs)
    alarms = [c for c in checks if c.verdict in ALARMS]
    reviews = read_reviews([SHARED / "eval" / "sotu-fomc-alarms-reviewed.tsv", OWN_REVIEW])
    found = classify(alarms, reviews)
    passed = [c for c in checks if c.verdict == "consistent" and c.type in ARITHMETIC]
    by_type = Counter(c.type for c in checks)
    print(f"files: {len(files)}  checks: {len(checks)}  alarms: {len(alarms)}  "
          f"passing arithmetic checks: {len(passed)}")
    print("checks by type: " + ", ".join(f"{t} {n}" for t, n in sorted(by_type.items())))
    total_real = "?" if args.smoke else known_real_errors(reviews)
    print(f"real errors caught: {len(found['real error'])} of {total_real}  "
          f"false alarms (reviewed): {len(found['false alarm'])}  unread alarms: {len(found['unread'])}")
    if found["real error"]:
        show("real errors caught", found["real error"])
    if args.false:
        show("false alarms", found["false alarm"])
    show("unread alarms: read each one and record it in benchmarks/real_checks_reviewed.tsv", found["unread"])
    if args.consistent:
        show("passing arithmetic checks", passed)
    if args.dates:
        show("passing checks of dates", [c for c in checks if c.verdict == "consistent" and c.type in DATES])
    return 0


if __name__ == "__main__":
    sys.exit(main())
